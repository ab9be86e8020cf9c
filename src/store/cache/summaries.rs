//! `.complaint/index`: the [`IndexEntry`] of every ticket file, what `list`
//! and `overdue` work from.

use chrono::{DateTime, FixedOffset};

use super::super::codec::{self, Reader, Writer};
use super::kind::{CacheKind, Cacheable};
use crate::ticket::{IndexEntry, Ticket};

type Instant = DateTime<FixedOffset>;

/// Which summaries a caller wants: none settled by `unsettled_at` (those
/// are skipped before their cached entry is even decoded), and only those
/// `keep` accepts.
pub struct Wanted<'a> {
    pub unsettled_at: Option<Instant>,
    pub keep: &'a (dyn Fn(&IndexEntry) -> bool + Sync),
}

impl Wanted<'_> {
    fn wants_settled_at(&self, settled_at: Option<Instant>) -> bool {
        settled_at.zip(self.unsettled_at).is_none_or(|(settled, at)| settled > at)
    }

    fn take(&self, summary: IndexEntry) -> Option<IndexEntry> {
        (self.wants_settled_at(summary.settled_at) && (self.keep)(&summary)).then_some(summary)
    }
}

/// The summaries index, as a caller's [`Wanted`] reads it. Entries are
/// filtered on the time the ticket settled.
pub(super) struct SummaryIndex<'w> {
    pub wanted: &'w Wanted<'w>,
}

impl CacheKind for SummaryIndex<'_> {
    type Item = IndexEntry;
    const FILE_NAME: &'static str = "index";
    const MAGIC: &'static [u8; 8] = b"CPINDEX\0";

    fn wants(&self, settled_at: Option<Instant>) -> bool {
        self.wanted.wants_settled_at(settled_at)
    }

    fn decode(&self, payload: &[u8], id: &str) -> Option<Option<IndexEntry>> {
        let mut r = Reader::new(payload);
        let settled_at = codec::read_settled_at(&mut r)?;
        let summary = codec::read_index_entry(&mut r, settled_at).filter(|s| s.id == id)?;
        Some(self.wanted.take(summary))
    }

    fn read(&self, ticket: Ticket, cache: bool) -> (Option<Cacheable>, Option<IndexEntry>) {
        let summary = IndexEntry::of(&ticket);
        let cached = cache.then(|| {
            let mut w = Writer::default();
            codec::write_index_entry(&mut w, &summary);
            Cacheable { filter_at: summary.settled_at, payload: w.bytes }
        });
        (cached, self.wanted.take(summary))
    }
}
