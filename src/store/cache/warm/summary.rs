//! What the warm index keeps of one ticket file.

use std::ffi::OsStr;
use std::path::Path;
use std::sync::Arc;

use crate::error::Error;
use crate::store::codec::{self, Reader, Writer};
use crate::store::walk::FileStamp;
use crate::ticket::search::{self, SearchQuery};
use crate::ticket::{IndexEntry, Status, Ticket};

type Instant = chrono::DateTime<chrono::FixedOffset>;

/// One ticket file as last read.
pub struct WarmFile {
    /// Its directory, below the store root.
    pub(super) dir: Arc<Path>,
    pub(super) name: Box<OsStr>,
    /// `None`: it could not be stat'ed, or is not a regular file.
    pub(super) stamp: Option<FileStamp>,
    /// Changed well before it was read: an unchanged stamp means unchanged
    /// contents (git's racy-index rule).
    pub(super) trusted: bool,
    pub(super) found: Found,
}

pub(super) enum Found {
    One(Summary),
    /// An ID collision kept by the merge driver: every ticket, and the
    /// collision.
    Several(Box<(Vec<Summary>, Error)>),
    Failed(Box<Error>),
}

pub(super) enum Summary {
    /// Decoded, with the folded search text ([`search::search_text`]).
    Open { entry: Arc<IndexEntry>, text: Box<str> },
    /// Settled (closed): the cache's encoding of the entry and its text.
    Settled { status: Status, settled_at: Instant, encoded: Box<[u8]> },
}

impl Summary {
    pub(super) fn of(ticket: &Ticket) -> Summary {
        let entry = IndexEntry::of(ticket);
        let text = search::search_text(ticket);
        match entry.settled_at {
            Some(settled_at) => {
                let mut w = Writer::default();
                codec::write_index_entry(&mut w, &entry);
                w.str(&text);
                Summary::Settled { status: entry.status, settled_at, encoded: w.bytes.into_boxed_slice() }
            }
            None => Summary::Open { entry: Arc::new(entry), text: text.into_boxed_str() },
        }
    }

    /// From the index cache's payload, if it decodes and holds ticket `id`.
    pub(super) fn decoded(payload: &[u8], id: &str) -> Option<Summary> {
        let (entry, text) = decode(payload)?;
        if entry.id != id {
            return None;
        }
        Some(match entry.settled_at {
            Some(settled_at) => Summary::Settled { status: entry.status, settled_at, encoded: payload.into() },
            None => Summary::Open { entry: Arc::new(entry), text: text.into() },
        })
    }

    /// When the ticket was received, if `settled` (for a settled one) and
    /// then `keep` want it, and the search finds its text.
    pub(super) fn wanted(&self, query: &WarmQuery<'_>) -> Option<Instant> {
        let finds = |text: &str| query.search.is_none_or(|q| q.is_empty() || q.matches_text(text));
        match self {
            Summary::Open { entry, text } => ((query.keep)(entry) && finds(text)).then_some(entry.received_at),
            Summary::Settled { status, settled_at, encoded } => {
                if !(query.settled)(*status, *settled_at) {
                    return None;
                }
                let (entry, text) = decode(encoded)?;
                ((query.keep)(&entry) && finds(text)).then_some(entry.received_at)
            }
        }
    }

    pub(super) fn entry(&self) -> Option<Arc<IndexEntry>> {
        match self {
            Summary::Open { entry, .. } => Some(Arc::clone(entry)),
            Summary::Settled { encoded, .. } => decode(encoded).map(|(entry, _)| Arc::new(entry)),
        }
    }
}

/// An index entry and the search text after it, as the cache encodes them.
fn decode(payload: &[u8]) -> Option<(IndexEntry, &str)> {
    let mut r = Reader::new(payload);
    let settled_at = codec::read_settled_at(&mut r)?;
    let entry = codec::read_index_entry(&mut r, settled_at)?;
    Some((entry, r.str()?))
}

impl WarmFile {
    pub(super) fn summaries(&self) -> &[Summary] {
        match &self.found {
            Found::One(one) => std::slice::from_ref(one),
            Found::Several(several) => several.0.as_slice(),
            Found::Failed(_) => &[],
        }
    }
}

/// What a query of the warm index wants.
pub struct WarmQuery<'q> {
    /// Whether a settled ticket with this status, settled at this time,
    /// may be wanted at all: those it refuses are never decoded.
    pub settled: &'q (dyn Fn(Status, Instant) -> bool + Sync),
    pub keep: &'q (dyn Fn(&IndexEntry) -> bool + Sync),
    pub search: Option<&'q SearchQuery>,
}
