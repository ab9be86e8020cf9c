//! The event kinds of one history event as a compact set, for the
//! configured stages (spec §5.1): a stage starts at one kind and is met by
//! others; `ticket::EventKind` says which kinds an event is.

use crate::ticket::{Event, EventKind};

/// A set of [`EventKind`]s, one bit per kind in the order of `EventKind::ALL`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindSet(u32);

const _: () = assert!(EventKind::ALL.len() <= 32, "KindSet holds at most 32 kinds");

impl KindSet {
    /// Every kind `event` is.
    pub fn of(event: &Event) -> KindSet {
        EventKind::of(event).collect()
    }

    fn bit(kind: EventKind) -> u32 {
        let index = EventKind::ALL.iter().position(|&k| k == kind).expect("ALL lists every kind");
        1 << index
    }

    pub fn contains(self, kind: EventKind) -> bool {
        self.0 & KindSet::bit(kind) != 0
    }

    /// Whether any of `kinds` is in the set.
    pub fn any(self, kinds: &[EventKind]) -> bool {
        kinds.iter().any(|&k| self.contains(k))
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl FromIterator<EventKind> for KindSet {
    fn from_iter<I: IntoIterator<Item = EventKind>>(kinds: I) -> KindSet {
        KindSet(kinds.into_iter().fold(0, |bits, k| bits | KindSet::bit(k)))
    }
}
