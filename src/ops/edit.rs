//! Edit: only what the customer told us may change (customer, product,
//! summary, description, expectation, channel, received_at on the same
//! day, since the ID carries that date). `id`, `uid`, `schema` and the
//! history are fixed (history is append-only); the other current fields
//! follow from history and change by their own operations.

use chrono::{DateTime, FixedOffset};

use super::evidence::{PurchaseInput, purchase};
use super::{Change, Stamp, clean_text, optional_text, required_text};
use crate::config::{ChoiceKind, Config};
use crate::error::{Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, ContactWay, Customer, Event, Purchase, Ticket};
use crate::time;

/// The fields `edit` may change, already cleaned and validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Editable {
    pub customer: Customer,
    pub preferred_contact: Option<ContactWay>,
    pub product: Option<String>,
    pub purchase: Option<Purchase>,
    pub summary: String,
    pub description: Option<String>,
    pub expectation: Option<String>,
    pub channel: String,
    pub received_at: DateTime<FixedOffset>,
}

impl Editable {
    pub fn of(ticket: &Ticket) -> Editable {
        Editable {
            customer: ticket.customer.clone(),
            preferred_contact: ticket.preferred_contact,
            product: ticket.product.clone(),
            purchase: ticket.purchase.clone(),
            summary: ticket.summary.clone(),
            description: ticket.description.clone(),
            expectation: ticket.expectation.clone(),
            channel: ticket.channel.clone(),
            received_at: ticket.received_at,
        }
    }

    pub fn apply_to(&self, ticket: &mut Ticket) {
        ticket.customer = self.customer.clone();
        ticket.preferred_contact = self.preferred_contact;
        ticket.product = self.product.clone();
        ticket.purchase = self.purchase.clone();
        ticket.summary = self.summary.clone();
        ticket.description = self.description.clone();
        ticket.expectation = self.expectation.clone();
        ticket.channel = self.channel.clone();
        ticket.received_at = self.received_at;
    }

    /// Names of the fields that differ, as recorded in the `edited` event.
    pub fn changed(&self, before: &Editable) -> Vec<String> {
        let mut changed = Vec::new();
        let mut note = |name: &str, differs: bool| {
            if differs {
                changed.push(name.to_string());
            }
        };
        note("customer.name", self.customer.name != before.customer.name);
        note("customer.contact", self.customer.contact != before.customer.contact);
        note("customer.id", self.customer.id != before.customer.id);
        note("preferred_contact", self.preferred_contact != before.preferred_contact);
        note("product", self.product != before.product);
        let (purchase, was) = (self.purchase.clone().unwrap_or_default(), before.purchase.clone().unwrap_or_default());
        note("purchase.proof", purchase.proof != was.proof);
        note("purchase.model", purchase.model != was.model);
        note("purchase.batch", purchase.batch != was.batch);
        note("purchase.date", purchase.date != was.date);
        note("summary", self.summary != before.summary);
        note("description", self.description != before.description);
        note("expectation", self.expectation != before.expectation);
        note("channel", self.channel != before.channel);
        note("received_at", self.received_at != before.received_at);
        changed
    }
}

/// Checks an edited copy of `original` and returns its editable fields,
/// cleaned.
pub fn validate_edit(original: &Ticket, edited: Ticket, config: &Config) -> Result<Editable> {
    let fixed = |field: &'static str| Refusal::NotEditable { field };
    if edited.schema != original.schema {
        return Err(fixed("schema").into());
    }
    if edited.id != original.id {
        return Err(fixed("id").into());
    }
    if edited.uid != original.uid {
        return Err(fixed("uid").into());
    }
    if edited.renamed_from != original.renamed_from {
        return Err(fixed("renamed_from").into());
    }
    if edited.extra != original.extra || edited.customer.extra != original.customer.extra {
        return Err(Refusal::UnknownKeysEdited.into());
    }
    history_unchanged(original, &edited)?;
    let derived = original.derived().differing_fields(&edited.derived());
    if !derived.is_empty() {
        return Err(Refusal::DerivedEdited { fields: derived }.into());
    }
    let max = config.limits.max_text_bytes;
    let received_at = time::in_zone(edited.received_at, config.zone());
    let id_date = original.received_at.with_timezone(&config.zone()).date_naive();
    if received_at.date_naive() != id_date {
        return Err(Refusal::ReceivedDayMoved { date: id_date, id: original.id.clone() }.into());
    }
    Ok(Editable {
        customer: Customer {
            name: required_text("customer.name", &edited.customer.name, false, max)?,
            contact: required_text("customer.contact", &edited.customer.contact, false, max)?,
            id: optional_text("customer.id", edited.customer.id.as_deref(), false, max)?,
            extra: edited.customer.extra,
        },
        preferred_contact: edited.preferred_contact,
        product: non_empty(clean_text("product", edited.product.as_deref().unwrap_or(""), false, max)?),
        purchase: edited_purchase(edited.purchase, max)?,
        summary: required_text("summary", &edited.summary, false, max)?,
        description: non_empty(clean_text("description", edited.description.as_deref().unwrap_or(""), true, max)?),
        expectation: non_empty(clean_text("expectation", edited.expectation.as_deref().unwrap_or(""), true, max)?),
        channel: config.resolve(ChoiceKind::Channel, &edited.channel)?,
        received_at,
    })
}

/// The edited purchase, its text checked like `new`'s; keys of a newer
/// version kept.
fn edited_purchase(edited: Option<Purchase>, max: usize) -> Result<Option<Purchase>> {
    let Some(edited) = edited else { return Ok(None) };
    let input = PurchaseInput {
        proof: edited.proof,
        model: edited.model,
        batch: edited.batch,
        date: edited.date.map(|d| d.to_string()),
    };
    let mut checked = purchase(&input, max)?.unwrap_or_default();
    checked.extra = edited.extra;
    Ok(Some(checked).filter(|p| !p.is_empty()))
}

fn non_empty(text: String) -> Option<String> {
    Some(text).filter(|t| !t.is_empty())
}

/// History is append-only, and `edit` appends only its own event.
fn history_unchanged(original: &Ticket, edited: &Ticket) -> Result<()> {
    let (old, new) = (&original.history, &edited.history);
    if let Some(i) = old.iter().zip(new).position(|(a, b)| a != b) {
        return Err(Refusal::HistoryEventChanged { number: i + 1 }.into());
    }
    if new.len() < old.len() {
        return Err(Refusal::HistoryEventRemoved { number: new.len() + 1 }.into());
    }
    if new.len() > old.len() {
        return Err(Refusal::HistoryEventAdded.into());
    }
    Ok(())
}

/// The edit of `current` (the ticket as it is under the lock) from the
/// copy the editor started with, `original`: refused when someone else
/// changed the editable fields meanwhile; `None` when nothing differs.
/// The caller applies `edited` to the ticket before recording the event.
pub fn edit(current: &Ticket, original: &Editable, edited: &Editable, stamp: Stamp) -> Result<Option<Change>> {
    if Editable::of(current) != *original {
        return Err(Refusal::EditedMeanwhile.into());
    }
    let changed = edited.changed(original);
    if changed.is_empty() {
        return Ok(None);
    }
    let what = Words::new("change.edited").with("fields", changed.join(", "));
    let mut event = Event::new(stamp.at, &stamp.by, Action::Edited);
    event.changed = changed;
    Ok(Some(Change::new(event, what)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ops::fixtures::{at, config, stamp, ticket};

    #[test]
    fn customer_data_may_change() {
        let mut copy = ticket();
        copy.customer.name = " 王先生 ".into();
        let edited = validate_edit(&ticket(), copy, &config()).unwrap();
        assert_eq!(edited.customer.name, "王先生");
        let change = edit(&ticket(), &Editable::of(&ticket()), &edited, stamp("2026-11-23 10:00")).unwrap().unwrap();
        assert_eq!(change.what, "edited (customer.name)");
    }

    #[test]
    fn purchase_and_preferred_contact_may_change() {
        let mut copy = ticket();
        copy.preferred_contact = Some(ContactWay::Email);
        copy.purchase = Some(Purchase { model: Some(" 0012 ".into()), ..Default::default() });
        let edited = validate_edit(&ticket(), copy, &config()).unwrap();
        assert_eq!(edited.purchase.as_ref().and_then(|p| p.model.as_deref()), Some("0012"));
        let change = edit(&ticket(), &Editable::of(&ticket()), &edited, stamp("2026-11-23 10:00")).unwrap().unwrap();
        assert_eq!(change.what, "edited (preferred_contact, purchase.model)");
        let mut copy = ticket();
        copy.purchase = Some(Purchase::default());
        assert_eq!(validate_edit(&ticket(), copy, &config()).unwrap().purchase, None);
    }

    #[test]
    fn the_id_and_history_are_fixed() {
        let mut copy = ticket();
        copy.id = "CP20261123002".into();
        let got = validate_edit(&ticket(), copy, &config());
        assert!(matches!(got, Err(Error::Refused(Refusal::NotEditable { field: "id" }))));
        let mut copy = ticket();
        copy.history.clear();
        let got = validate_edit(&ticket(), copy, &config());
        assert!(matches!(got, Err(Error::Refused(Refusal::HistoryEventRemoved { number: 1 }))));
    }

    #[test]
    fn fields_that_follow_from_history_are_fixed() {
        let mut copy = ticket();
        copy.assignee = Some("李四".into());
        let got = validate_edit(&ticket(), copy, &config());
        assert!(matches!(got, Err(Error::Refused(Refusal::DerivedEdited { .. }))));
    }

    #[test]
    fn received_at_stays_on_the_day_of_the_id() {
        let mut copy = ticket();
        copy.received_at = at("2026-11-23 23:00");
        assert!(validate_edit(&ticket(), copy, &config()).is_ok());
        let mut copy = ticket();
        copy.received_at = at("2026-11-24 09:00");
        let got = validate_edit(&ticket(), copy, &config());
        assert!(matches!(got, Err(Error::Refused(Refusal::ReceivedDayMoved { .. }))));
    }

    #[test]
    fn an_edit_made_meanwhile_is_refused() {
        let mut current = ticket();
        current.summary = "别人改过".into();
        let original = Editable::of(&ticket());
        let got = edit(&current, &original, &original, stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::EditedMeanwhile))));
    }
}
