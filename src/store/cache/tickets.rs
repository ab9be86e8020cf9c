//! `.complaint/tickets`: every ticket whole, in binary, what `report` and
//! `export` work from. Entries are filtered on the received time.

use chrono::{DateTime, FixedOffset};

use super::super::codec::{self, Reader, Writer};
use super::kind::{CacheKind, Cacheable};
use crate::ticket::Ticket;

type Instant = DateTime<FixedOffset>;

/// The ticket cache, read into `map` of every ticket received at a time
/// `keep_received` accepts.
pub(super) struct TicketCache<'m, T> {
    pub keep_received: &'m (dyn Fn(&Instant) -> bool + Sync),
    pub map: &'m (dyn Fn(Ticket) -> Option<T> + Sync),
}

impl<T: Send> CacheKind for TicketCache<'_, T> {
    type Item = T;
    const FILE_NAME: &'static str = "tickets";
    const MAGIC: &'static [u8; 8] = b"CPTICKT\0";

    fn wants(&self, received_at: Option<Instant>) -> bool {
        received_at.is_some_and(|at| (self.keep_received)(&at))
    }

    fn decode(&self, payload: &[u8], id: &str) -> Option<Option<T>> {
        let mut r = Reader::new(payload);
        let received_at = codec::read_received_at(&mut r)?;
        codec::read_ticket(&mut r, received_at).filter(|t| t.id == id).map(self.map)
    }

    fn read(&self, ticket: Ticket, cache: bool) -> (Option<Cacheable>, Option<T>) {
        let cached = if cache {
            let mut w = Writer::default();
            codec::write_ticket(&mut w, &ticket)
                .map(|()| Cacheable { filter_at: Some(ticket.received_at), payload: w.bytes })
        } else {
            None
        };
        (cached, if (self.keep_received)(&ticket.received_at) { (self.map)(ticket) } else { None })
    }
}
