//! What makes one cache file differ from another: its name and magic, what
//! an entry's payload holds, and how a caller's items are made from a
//! payload or from a ticket read from its file. The scan engine is generic
//! over it.

use chrono::{DateTime, FixedOffset};

use crate::ticket::Ticket;

type Instant = DateTime<FixedOffset>;

/// What goes into the cache for one file: the instant callers filter on
/// and the encoded payload.
pub(super) struct Cacheable {
    pub filter_at: Option<Instant>,
    pub payload: Vec<u8>,
}

/// One kind of cache file under `.complaint/`.
pub(super) trait CacheKind: Sync {
    /// What a caller gets for each wanted ticket.
    type Item: Send;
    const FILE_NAME: &'static str;
    const MAGIC: &'static [u8; 8];

    /// From the instant stored beside an entry: whether the caller may want
    /// it at all (if not, its payload is never touched).
    fn wants(&self, filter_at: Option<Instant>) -> bool;

    /// From a payload and the ID its file's path gives: `None` when the
    /// bytes are bad or hold another ticket, `Some(None)` when the caller
    /// does not want the item.
    fn decode(&self, payload: &[u8], id: &str) -> Option<Option<Self::Item>>;

    /// From a ticket read from its file: what to cache (`None`: not
    /// cacheable, or `cache` is false) and the item if wanted.
    fn read(&self, ticket: Ticket, cache: bool) -> (Option<Cacheable>, Option<Self::Item>);
}
