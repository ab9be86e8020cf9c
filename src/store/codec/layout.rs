//! The byte layout of every cached record: its fields, in the order their
//! bytes follow one another. Each field is encoded by its type
//! (`values.rs`), so the list is the whole layout; the struct is
//! destructured without `..`, so a new field does not compile until it is
//! listed here. Adding one changes the layout: bump `FORMAT` in
//! `store/cache.rs` (a test fails until then).

use std::collections::BTreeMap;

use super::{Decode, Encode, Instant, Reader, Writer};
use crate::ticket::{Attachment, ClockEvent, Customer, Event, IndexEntry, Purchase, Satisfaction, Ticket};

/// `Type { fields } not_cached { field: value }`: encodes and decodes
/// `fields` in order; the `not_cached` ones decode as `value`.
/// `Type [head: Head] { … }`: `head` goes first and is read apart (by
/// `Head::decode`), so a scan can look at it and skip the rest.
macro_rules! layout {
    ($type:ident { $($field:ident),* $(,)? } not_cached { $($skipped:ident: $value:expr),* $(,)? }) => {
        impl Encode for $type {
            fn encode(&self, w: &mut Writer) {
                let $type { $($field,)* $($skipped: _,)* } = self;
                $($field.encode(w);)*
            }
        }

        impl Decode for $type {
            fn decode(r: &mut Reader<'_>) -> Option<Self> {
                // Struct fields are evaluated in the order written.
                Some($type { $($field: Decode::decode(r)?,)* $($skipped: $value,)* })
            }
        }
    };
    ($type:ident [$head:ident: $head_type:ty] { $($field:ident),* $(,)? }
     not_cached { $($skipped:ident: $value:expr),* $(,)? }) => {
        impl Headed for $type {
            type Head = $head_type;

            fn encode(&self, w: &mut Writer) {
                let $type { $head, $($field,)* $($skipped: _,)* } = self;
                $head.encode(w);
                $($field.encode(w);)*
            }

            fn decode_rest(r: &mut Reader<'_>, $head: $head_type) -> Option<Self> {
                Some($type { $head, $($field: Decode::decode(r)?,)* $($skipped: $value,)* })
            }
        }
    };
}

/// A record whose first field is read on its own.
trait Headed: Sized {
    type Head: Decode;
    fn encode(&self, w: &mut Writer);
    fn decode_rest(r: &mut Reader<'_>, head: Self::Head) -> Option<Self>;
}

layout! {
    // `received_at` first: a report skips tickets outside its periods
    // without decoding the rest.
    Ticket [received_at: Instant] {
        schema, id, uid, renamed_from, channel, customer, preferred_contact, product, purchase, summary,
        description, expectation,
        category, severity, department, departments_involved, assignee, involved_staff, promised_at,
        escalated, escalated_to, cause, status, plan, satisfaction, history,
    }
    // Keys of a newer version: such a ticket is not cached.
    not_cached { extra: BTreeMap::new() }
}

layout! {
    Customer { name, contact, id } not_cached { extra: BTreeMap::new() }
}

layout! {
    Purchase { proof, model, batch, date } not_cached { extra: BTreeMap::new() }
}

layout! {
    Attachment { name, kind, sha256, bytes } not_cached { extra: BTreeMap::new() }
}

layout! {
    Satisfaction { score, scale, satisfied, comment, dimensions, at } not_cached { extra: BTreeMap::new() }
}

layout! {
    Event {
        at, by, action, from, to, category, severity, department, assignee, also, staff, plan, cause,
        kind, owner, due, done_item, task_department, score, scale, satisfied, comment, dimensions, no_answer, promised_at,
        escalated_to, execute_by, confirms, accepted, via, changed, attachment, renamed_from, reason, note,
    }
    not_cached { extra: BTreeMap::new() }
}

layout! {
    // `settled_at` first, so `overdue` can skip a closed ticket without
    // decoding the rest.
    IndexEntry [settled_at: Option<Instant>] {
        id, received_at, channel, customer_name, customer_contact, customer_id, product, summary, category,
        severity, department, departments_involved, assignee, escalated, status, last_event_at,
        several_departments_since, clock,
    }
    not_cached {}
}

layout! {
    ClockEvent { at, action, to, kind, no_answer, promised_at, severity, execute_by, confirms, accepted } not_cached {}
}

/// A flag byte, then the record.
macro_rules! optional_record {
    ($type:ty) => {
        impl Encode for Option<$type> {
            fn encode(&self, w: &mut Writer) {
                match self {
                    Some(s) => {
                        w.u8(1);
                        s.encode(w);
                    }
                    None => w.u8(0),
                }
            }
        }

        impl Decode for Option<$type> {
            fn decode(r: &mut Reader<'_>) -> Option<Self> {
                Some(if r.flag()? { Some(<$type>::decode(r)?) } else { None })
            }
        }
    };
}

optional_record!(Satisfaction);
optional_record!(Purchase);
optional_record!(Attachment);

pub fn write_index_entry(w: &mut Writer, s: &IndexEntry) {
    Headed::encode(s, w);
}

/// The start of a summary; `None` when the bytes are bad.
pub fn read_settled_at(r: &mut Reader<'_>) -> Option<Option<Instant>> {
    Decode::decode(r)
}

/// The rest of a summary, after [`read_settled_at`].
pub fn read_index_entry(r: &mut Reader<'_>, settled_at: Option<Instant>) -> Option<IndexEntry> {
    IndexEntry::decode_rest(r, settled_at)
}

/// The whole ticket, for the scans of `report` and `export`; `None` when it
/// holds keys of a newer version (`extra`), which only the file keeps: such
/// a ticket is read from its file every time.
pub fn write_ticket(w: &mut Writer, t: &Ticket) -> Option<()> {
    let extra = !t.extra.is_empty()
        || !t.customer.extra.is_empty()
        || t.satisfaction.as_ref().is_some_and(|s| !s.extra.is_empty())
        || t.purchase.as_ref().is_some_and(|p| !p.extra.is_empty())
        || t.history.iter().any(|e| !e.extra.is_empty() || e.attachment.as_ref().is_some_and(|a| !a.extra.is_empty()));
    if extra {
        return None;
    }
    Headed::encode(t, w);
    Some(())
}

/// The start of a ticket written by [`write_ticket`].
pub fn read_received_at(r: &mut Reader<'_>) -> Option<Instant> {
    Decode::decode(r)
}

/// The rest of a ticket, after [`read_received_at`].
pub fn read_ticket(r: &mut Reader<'_>, received_at: Instant) -> Option<Ticket> {
    Ticket::decode_rest(r, received_at)
}
