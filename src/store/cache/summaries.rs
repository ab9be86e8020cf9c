//! `.complaint/index`: the [`IndexEntry`] of every ticket file, what `list`
//! and `overdue` work from, each followed by the ticket's folded search
//! text ([`search::search_text`]) for `list --search`. The text comes last
//! in the payload: a scan that does not search never decodes it.

use chrono::{DateTime, FixedOffset};

use super::super::codec::{self, Reader, Writer};
use super::kind::{CacheKind, Cacheable};
use crate::ticket::search::{self, SearchQuery};
use crate::ticket::{IndexEntry, Ticket};

type Instant = DateTime<FixedOffset>;

/// Which summaries a caller wants: none settled by `unsettled_at` (those
/// are skipped before their cached entry is even decoded), only those
/// `keep` accepts, and only those whose text `search` finds (if given).
pub struct Wanted<'a> {
    pub unsettled_at: Option<Instant>,
    pub keep: &'a (dyn Fn(&IndexEntry) -> bool + Sync),
    pub search: Option<&'a SearchQuery>,
}

impl Wanted<'_> {
    fn wants_settled_at(&self, settled_at: Option<Instant>) -> bool {
        settled_at.zip(self.unsettled_at).is_none_or(|(settled, at)| settled > at)
    }

    fn take(&self, summary: IndexEntry) -> Option<IndexEntry> {
        (self.wants_settled_at(summary.settled_at) && (self.keep)(&summary)).then_some(summary)
    }

    /// Whether the search (if any) finds its terms in `text`, the folded
    /// search text; `text` is only made when there is a search.
    fn finds<'t>(&self, text: impl FnOnce() -> Option<&'t str>) -> Option<bool> {
        match self.search {
            Some(query) if !query.is_empty() => Some(query.matches_text(text()?)),
            _ => Some(true),
        }
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
        let found = self.wanted.finds(|| r.str())?;
        Some(if found { self.wanted.take(summary) } else { None })
    }

    fn read(&self, ticket: Ticket, cache: bool) -> (Option<Cacheable>, Option<IndexEntry>) {
        let summary = IndexEntry::of(&ticket);
        let text = (cache || self.wanted.search.is_some()).then(|| search::search_text(&ticket));
        let cached = cache.then(|| {
            let mut w = Writer::default();
            codec::write_index_entry(&mut w, &summary);
            w.str(text.as_deref().unwrap_or_default());
            Cacheable { filter_at: summary.settled_at, payload: w.bytes }
        });
        let found = self.wanted.finds(|| text.as_deref()).unwrap_or(true);
        (cached, if found { self.wanted.take(summary) } else { None })
    }
}

/// The summaries index with each wanted summary turned by `map` as it is
/// decoded (in parallel, on the scan's threads): a caller's per-summary
/// work runs beside the scan instead of after it.
pub(super) struct MappedSummaries<'w, T> {
    pub index: SummaryIndex<'w>,
    pub map: &'w (dyn Fn(IndexEntry) -> T + Sync),
}

impl<T: Send> CacheKind for MappedSummaries<'_, T> {
    type Item = T;
    const FILE_NAME: &'static str = SummaryIndex::FILE_NAME;
    const MAGIC: &'static [u8; 8] = SummaryIndex::MAGIC;

    fn wants(&self, settled_at: Option<Instant>) -> bool {
        self.index.wants(settled_at)
    }

    fn decode(&self, payload: &[u8], id: &str) -> Option<Option<T>> {
        self.index.decode(payload, id).map(|found| found.map(self.map))
    }

    fn read(&self, ticket: Ticket, cache: bool) -> (Option<Cacheable>, Option<T>) {
        let (cached, found) = self.index.read(ticket, cache);
        (cached, found.map(self.map))
    }
}
