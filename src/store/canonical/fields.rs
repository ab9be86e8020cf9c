//! Which key of a ticket file holds which field, and how its value is
//! written. Each record's keys are listed once, in a [`fields!`]
//! invocation; the record is built with a struct literal, so a new field
//! does not compile until it is listed here.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::reader::{Reader, boolean, instant, number};
use crate::ticket::{
    Action, Attachment, AttachmentKind, Confirms, ContactWay, Customer, Event, NoteKind, Purchase, Satisfaction,
    Status, Ticket, Via,
};

/// How a value of each type is written in the file. `indent` is the column
/// of the mapping holding the key.
trait Value: Sized {
    fn read(r: &mut Reader<'_>, indent: usize) -> Option<Self>;
}

macro_rules! value {
    ($type:ty, |$r:ident, $indent:ident| $read:expr) => {
        impl Value for $type {
            fn read($r: &mut Reader<'_>, $indent: usize) -> Option<Self> {
                $read
            }
        }
    };
}

value!(String, |r, indent| r.text(indent));
value!(Option<String>, |r, indent| r.opt_text(indent));
value!(Vec<String>, |r, indent| r.list(indent));
value!(u32, |r, _indent| r.word(number));
value!(Option<u32>, |r, _indent| r.opt_word(number));
value!(bool, |r, _indent| r.word(boolean));
value!(Option<bool>, |r, _indent| r.opt_word(boolean));
value!(DateTime<FixedOffset>, |r, _indent| r.word(instant));
value!(Option<DateTime<FixedOffset>>, |r, _indent| r.opt_word(instant));
value!(Status, |r, _indent| r.word(status));
value!(Option<Status>, |r, _indent| r.opt_word(status));
value!(Action, |r, _indent| r.word(action));
value!(Option<NoteKind>, |r, _indent| r.opt_word(note_kind));
value!(Option<Confirms>, |r, _indent| r.opt_word(|v| Confirms::ALL.into_iter().find(|c| c.id() == v)));
value!(Option<ContactWay>, |r, _indent| r.opt_word(|v| ContactWay::ALL.into_iter().find(|c| c.id() == v)));
value!(AttachmentKind, |r, _indent| r.word(|v| AttachmentKind::ALL.into_iter().find(|c| c.id() == v)));
value!(u64, |r, _indent| r.word(big_number));
value!(Option<NaiveDate>, |r, _indent| r.opt_word(date));
value!(Option<Purchase>, |r, indent| purchase(r, indent + 2));
value!(Option<Attachment>, |r, indent| attachment(r, indent + 2));
value!(Option<Via>, |r, _indent| r.opt_word(|v| Via::ALL.into_iter().find(|c| c.id() == v)));
value!(BTreeMap<String, u32>, |r, indent| r.dimensions(indent + 2));
value!(Customer, |r, indent| customer(r, indent + 2));
value!(Option<Satisfaction>, |r, indent| satisfaction(r, indent + 2));
value!(Vec<Event>, |r, indent| history(r, indent));

/// A key the full parser requires (no `#[serde(default)]`): the fast path
/// falls back without it.
fn required<T>(value: Option<T>) -> Option<T> {
    value
}

/// A key with `#[serde(default)]`, or an `Option`: absent is the default.
fn default<T: Default>(value: Option<T>) -> Option<T> {
    Some(value.unwrap_or_default())
}

/// `Fields => Record { key: Type = rule, … }` declares `Fields`, the keys
/// of a `Record` as read so far, with `read` (the value of one key, by
/// [`Value`]) and `build` (the record; each rule, [`required`] or
/// [`default`], must say what serde does when the key is absent). Keys not
/// listed fall back: the full parser keeps them in `extra`.
macro_rules! fields {
    ($fields:ident => $record:ident { $($key:ident: $type:ty = $rule:ident),* $(,)? }) => {
        /// The keys of a record as read so far; `None` for a key not seen yet.
        #[derive(Default)]
        pub(super) struct $fields {
            $($key: Option<$type>,)*
        }

        impl $fields {
            /// Every key, for the tests.
            #[cfg(test)]
            pub(super) const KEYS: &[&str] = &[$(stringify!($key)),*];

            /// Reads the value of `key` in a mapping at column `indent`.
            fn read(&mut self, r: &mut Reader<'_>, key: &str, indent: usize) -> Option<()> {
                $(if key == stringify!($key) {
                    return set(&mut self.$key, Value::read(r, indent)?);
                })*
                None
            }

            /// The record, if every required key was given.
            fn build(self) -> Option<$record> {
                Some($record { $($key: $rule(self.$key)?,)* extra: BTreeMap::new() })
            }
        }
    };
}

fields!(TicketFields => Ticket {
    schema: u32 = required,
    id: String = required,
    uid: String = required,
    renamed_from: Vec<String> = default,
    received_at: DateTime<FixedOffset> = required,
    channel: String = required,
    customer: Customer = required,
    preferred_contact: Option<ContactWay> = default,
    product: Option<String> = default,
    purchase: Option<Purchase> = default,
    summary: String = required,
    description: Option<String> = default,
    expectation: Option<String> = default,
    category: Option<String> = default,
    severity: String = required,
    department: Option<String> = default,
    departments_involved: Vec<String> = default,
    assignee: Option<String> = default,
    involved_staff: Vec<String> = default,
    promised_at: Option<DateTime<FixedOffset>> = default,
    escalated: bool = default,
    escalated_to: Option<String> = default,
    cause: Option<String> = default,
    status: Status = required,
    plan: Option<String> = default,
    satisfaction: Option<Satisfaction> = default,
    history: Vec<Event> = required,
});

fields!(CustomerFields => Customer {
    name: String = required,
    contact: String = required,
    id: Option<String> = default,
});

fields!(PurchaseFields => Purchase {
    proof: Option<String> = default,
    model: Option<String> = default,
    batch: Option<String> = default,
    date: Option<NaiveDate> = default,
});

fields!(AttachmentFields => Attachment {
    name: String = required,
    kind: AttachmentKind = required,
    sha256: String = required,
    bytes: u64 = required,
});

fields!(SatisfactionFields => Satisfaction {
    score: u32 = required,
    scale: u32 = required,
    satisfied: bool = required,
    comment: Option<String> = default,
    dimensions: BTreeMap<String, u32> = default,
    at: DateTime<FixedOffset> = required,
});

fields!(EventFields => Event {
    at: DateTime<FixedOffset> = required,
    by: String = required,
    action: Action = required,
    from: Option<Status> = default,
    to: Option<Status> = default,
    category: Option<String> = default,
    severity: Option<String> = default,
    department: Option<String> = default,
    assignee: Option<String> = default,
    also: Vec<String> = default,
    staff: Vec<String> = default,
    plan: Option<String> = default,
    cause: Option<String> = default,
    kind: Option<NoteKind> = default,
    owner: Option<String> = default,
    due: Option<DateTime<FixedOffset>> = default,
    done_item: Option<u32> = default,
    task_department: Option<String> = default,
    score: Option<u32> = default,
    scale: Option<u32> = default,
    satisfied: Option<bool> = default,
    comment: Option<String> = default,
    dimensions: BTreeMap<String, u32> = default,
    no_answer: bool = default,
    promised_at: Option<DateTime<FixedOffset>> = default,
    escalated_to: Option<String> = default,
    execute_by: Option<DateTime<FixedOffset>> = default,
    confirms: Option<Confirms> = default,
    accepted: Option<bool> = default,
    via: Option<Via> = default,
    changed: Vec<String> = default,
    attachment: Option<Attachment> = default,
    renamed_from: Option<String> = default,
    reason: Option<String> = default,
    note: Option<String> = default,
});

/// The keys of a ticket file, for the tests of other modules.
#[cfg(test)]
pub(crate) const TICKET_KEYS: &[&str] = TicketFields::KEYS;
#[cfg(test)]
pub(crate) const CUSTOMER_KEYS: &[&str] = CustomerFields::KEYS;

/// Stores a key's value; a repeated key falls back (the full parser refuses it).
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

fn status(value: &str) -> Option<Status> {
    value.parse().ok()
}

fn action(value: &str) -> Option<Action> {
    Action::ALL.into_iter().find(|action| action.id() == value)
}

fn note_kind(value: &str) -> Option<NoteKind> {
    [NoteKind::Progress, NoteKind::Internal, NoteKind::Action].into_iter().find(|kind| kind.id() == value)
}

/// The ticket: the mapping at column 0.
pub(super) fn ticket(r: &mut Reader<'_>) -> Option<Ticket> {
    let mut fields = TicketFields::default();
    r.mapping(0, |r, key| fields.read(r, key, 0))?;
    fields.build()
}

/// `customer:` and its mapping at column `indent`.
fn customer(r: &mut Reader<'_>, indent: usize) -> Option<Customer> {
    r.nested(indent)?;
    let mut fields = CustomerFields::default();
    r.mapping(indent, |r, key| fields.read(r, key, indent))?;
    fields.build()
}

/// `satisfaction: null`, or `satisfaction:` and its mapping at column `indent`.
fn satisfaction(r: &mut Reader<'_>, indent: usize) -> Option<Option<Satisfaction>> {
    if r.rest().starts_with(b" null\n") {
        r.inline()?;
        return Some(None);
    }
    r.nested(indent)?;
    let mut fields = SatisfactionFields::default();
    r.mapping(indent, |r, key| fields.read(r, key, indent))?;
    fields.build().map(Some)
}

/// `purchase:` and its mapping at column `indent` (never written `null`:
/// an empty purchase is no key at all).
fn purchase(r: &mut Reader<'_>, indent: usize) -> Option<Option<Purchase>> {
    r.nested(indent)?;
    let mut fields = PurchaseFields::default();
    r.mapping(indent, |r, key| fields.read(r, key, indent))?;
    fields.build().map(Some)
}

/// `attachment:` and its mapping at column `indent`.
fn attachment(r: &mut Reader<'_>, indent: usize) -> Option<Option<Attachment>> {
    r.nested(indent)?;
    let mut fields = AttachmentFields::default();
    r.mapping(indent, |r, key| fields.read(r, key, indent))?;
    fields.build().map(Some)
}

/// A size in bytes, written like [`number`].
fn big_number(value: &str) -> Option<u64> {
    let digits_only = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    if !digits_only || (value.len() > 1 && value.starts_with('0')) {
        return None;
    }
    value.parse().ok()
}

/// A plain `YYYY-MM-DD`, as chrono's serde writes a date.
fn date(value: &str) -> Option<NaiveDate> {
    if value.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// `history: []`, or `history:` and its entries `- at: …` at column `indent`.
fn history(r: &mut Reader<'_>, indent: usize) -> Option<Vec<Event>> {
    if r.rest().starts_with(b" []\n") {
        r.inline()?;
        return Some(Vec::new());
    }
    r.block()?;
    // What pushing 5 to 8 events gives anyway (most tickets have that
    // many), without the reallocations on the way.
    let mut events = Vec::with_capacity(8);
    while r.entry(indent) {
        let mut fields = EventFields::default();
        r.mapping(indent + 2, |r, key| fields.read(r, key, indent + 2))?;
        events.push(fields.build()?);
    }
    (!events.is_empty()).then_some(events)
}

#[cfg(test)]
mod dictionary_tests {
    use crate::lang::FIELDS;

    /// Every key of a ticket file (and of its customer) has an entry in the
    /// field dictionary (here, since lang sits below store).
    #[test]
    fn every_ticket_field_has_an_entry() {
        let customer = [("name", "customer"), ("contact", "contact"), ("id", "customer_id")];
        let customer_ids = super::super::CUSTOMER_KEYS
            .iter()
            .map(|key| customer.iter().find(|(k, _)| k == key).unwrap_or_else(|| panic!("customer.{key}")).1);
        for id in super::super::TICKET_KEYS.iter().copied().chain(customer_ids) {
            assert!(FIELDS.iter().any(|f| f.id == id), "add {id:?} to FIELDS in src/lang/fields.rs");
        }
        let ids: std::collections::BTreeSet<_> = FIELDS.iter().map(|f| f.id).collect();
        assert_eq!(ids.len(), FIELDS.len(), "an id is listed twice");
    }
}
