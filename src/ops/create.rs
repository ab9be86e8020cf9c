//! Create: the fields of a new complaint (`new`, and every row of `import`).

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::evidence::{PurchaseInput, preferred_contact, purchase};
use super::{Stamp, clean_text, optional_text, required_text};
use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Refusal, Result};
use crate::ticket::{Action, ContactWay, Customer, Event, Purchase, Ticket};
use crate::time;

/// The fields of a new complaint, named as in the ticket file (the shape
/// `new --from-file` reads).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInput {
    pub customer: Option<CustomerInput>,
    pub preferred_contact: Option<String>,
    pub channel: Option<String>,
    pub product: Option<String>,
    pub purchase: Option<PurchaseInput>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub expectation: Option<String>,
    pub category: Option<String>,
    pub severity: Option<String>,
    pub received_at: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerInput {
    pub name: Option<String>,
    pub contact: Option<String>,
    pub id: Option<String>,
}

/// The keys of [`NewInput`]'s fields in the record table's order, as
/// [`NewInput::slot`] and [`check_field`] name them.
pub const FIELD_KEYS: [&str; 11] = [
    "customer",
    "contact",
    "customer_id",
    "channel",
    "product",
    "summary",
    "description",
    "expectation",
    "category",
    "severity",
    "received_at",
];

impl NewInput {
    /// The field under `key` (one of [`FIELD_KEYS`]).
    pub fn slot(&mut self, key: &str) -> &mut Option<String> {
        let customer = self.customer.get_or_insert_with(CustomerInput::default);
        match key {
            "customer" => &mut customer.name,
            "contact" => &mut customer.contact,
            "customer_id" => &mut customer.id,
            "channel" => &mut self.channel,
            "product" => &mut self.product,
            "summary" => &mut self.summary,
            "description" => &mut self.description,
            "expectation" => &mut self.expectation,
            "category" => &mut self.category,
            "severity" => &mut self.severity,
            "received_at" => &mut self.received_at,
            other => unreachable!("{other} is not a field of a new complaint"),
        }
    }
}

/// The required fields `input` lacks, by their keys (what the interactive
/// `new` must ask for, what a script is told to give).
pub fn missing_fields(input: &NewInput) -> Vec<String> {
    missing(input, input.customer.as_ref().unwrap_or(&CustomerInput::default()))
}

/// Checks one field as typed by the very rules [`create`] applies (it runs
/// them on an otherwise valid complaint), so that a door asking field by
/// field — the interactive `new`, a web form — can re-ask at once.
pub fn check_field(key: &str, text: &str, config: &Config, now: DateTime<FixedOffset>) -> Result<()> {
    let mut trial = NewInput {
        customer: Some(CustomerInput { name: Some("x".into()), contact: Some("x".into()), id: None }),
        channel: config.channels.first().map(|c| c.id.clone()),
        summary: Some("x".into()),
        ..NewInput::default()
    };
    *trial.slot(key) = Some(text.to_string());
    create(trial, config, now).map(|_| ())
}

/// The validated fields of a new ticket.
#[derive(Debug)]
pub struct Fields {
    pub customer: Customer,
    pub preferred_contact: Option<ContactWay>,
    pub channel: String,
    pub product: Option<String>,
    pub purchase: Option<Purchase>,
    pub summary: String,
    pub description: Option<String>,
    pub expectation: Option<String>,
    pub category: Option<String>,
    pub severity: String,
    pub received_at: DateTime<FixedOffset>,
}

/// The required fields `input` lacks, by their input keys.
fn missing(input: &NewInput, customer: &CustomerInput) -> Vec<String> {
    [
        ("customer", customer.name.is_none()),
        ("contact", customer.contact.is_none()),
        ("channel", input.channel.is_none()),
        ("summary", input.summary.is_none()),
    ]
    .into_iter()
    .filter(|(_, missing)| *missing)
    .map(|(name, _)| name.to_string())
    .collect()
}

/// Validates a new complaint received no later than `now`; the ID is
/// allocated by the store ([`Fields::into_ticket`] builds the ticket).
/// The words of a new ticket's commit subject: `new complaint (物流)`.
pub fn created_what(ticket: &Ticket, config: &Config) -> String {
    let category = ticket.category.as_deref().map_or("未分类", |c| config.label(ChoiceKind::Category, c));
    format!("new complaint ({category})")
}

pub fn create(input: NewInput, config: &Config, now: DateTime<FixedOffset>) -> Result<Fields> {
    let max = config.limits.max_text_bytes;
    let mut input = input;
    let customer = input.customer.take().unwrap_or_default();
    let missing = missing(&input, &customer);
    if !missing.is_empty() {
        return Err(Error::MissingFields { fields: missing });
    }
    let zone = config.zone();
    let received_at = match input.received_at.as_deref() {
        Some(text) => time::parse_when(text, zone, now, "received_at")?.at,
        None => now,
    };
    if received_at > now {
        return Err(Refusal::ReceivedInFuture {
            at: time::format_instant(&received_at),
            now: time::format_instant(&now),
        }
        .into());
    }
    Ok(Fields {
        customer: Customer {
            name: required_text("customer name", customer.name.as_deref().unwrap_or(""), false, max)?,
            contact: required_text("contact", customer.contact.as_deref().unwrap_or(""), false, max)?,
            id: optional_text("customer id", customer.id.as_deref(), false, max)?,
            extra: Default::default(),
        },
        preferred_contact: preferred_contact(input.preferred_contact.as_deref())?,
        channel: config.resolve(ChoiceKind::Channel, input.channel.as_deref().unwrap_or(""))?,
        product: optional_text("product", input.product.as_deref(), false, max)?,
        purchase: purchase(&input.purchase.unwrap_or_default(), max)?,
        summary: required_text("summary", input.summary.as_deref().unwrap_or(""), false, max)?,
        description: input
            .description
            .as_deref()
            .map(|d| clean_text("description", d, true, max))
            .transpose()?
            .filter(|d| !d.is_empty()),
        expectation: optional_text("expectation", input.expectation.as_deref(), true, max)?,
        category: input.category.as_deref().map(|c| config.resolve(ChoiceKind::Category, c)).transpose()?,
        severity: match input.severity.as_deref() {
            Some(s) => config.resolve(ChoiceKind::Severity, s)?,
            None => config.severities[0].id.clone(),
        },
        received_at,
    })
}

impl Fields {
    /// The new ticket under `id`, its `created` event stamped.
    pub fn into_ticket(self, id: &str, stamp: &Stamp) -> Ticket {
        let mut created = Event::new(stamp.at, &stamp.by, Action::Created);
        created.category = self.category;
        created.severity = Some(self.severity);
        let uid = ulid::Ulid::from_datetime(stamp.at.into()).to_string();
        let mut ticket = Ticket::new(id, &uid, self.received_at, &self.channel, self.customer, &self.summary, created);
        ticket.product = self.product;
        ticket.preferred_contact = self.preferred_contact;
        ticket.purchase = self.purchase;
        ticket.description = self.description;
        ticket.expectation = self.expectation;
        ticket
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::fixtures::{at, config, stamp};

    fn complete() -> NewInput {
        NewInput {
            customer: Some(CustomerInput { name: Some("王女士".into()), contact: Some("138".into()), id: None }),
            channel: Some("电话".into()),
            summary: Some("快递破损".into()),
            ..NewInput::default()
        }
    }

    #[test]
    fn missing_required_fields_are_named_together() {
        let got = create(NewInput::default(), &config(), at("2026-11-23 10:00"));
        let Err(Error::MissingFields { fields }) = got else { panic!("{got:?}") };
        assert_eq!(fields, ["customer", "contact", "channel", "summary"]);
    }

    #[test]
    fn a_complete_input_resolves_labels_and_defaults_severity() {
        let fields = create(complete(), &config(), at("2026-11-23 10:00")).unwrap();
        assert_eq!(fields.channel, "phone");
        assert_eq!(fields.severity, "general");
        assert_eq!(fields.received_at, at("2026-11-23 10:00"));
        let ticket = fields.into_ticket("CP20261123001", &stamp("2026-11-23 10:00"));
        assert_eq!(ticket.history.len(), 1);
    }

    #[test]
    fn a_complaint_received_in_the_future_is_refused() {
        let input = NewInput { received_at: Some("2026-11-24".into()), ..complete() };
        let got = create(input, &config(), at("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::ReceivedInFuture { .. }))));
    }

    #[test]
    fn purchase_and_preferred_contact_are_kept() {
        let input = NewInput {
            preferred_contact: Some("短信".into()),
            purchase: Some(PurchaseInput {
                proof: Some("000123".into()),
                date: Some("2026/11/01".into()),
                ..Default::default()
            }),
            ..complete()
        };
        let ticket = create(input, &config(), at("2026-11-23 10:00"))
            .unwrap()
            .into_ticket("CP20261123001", &stamp("2026-11-23 10:00"));
        assert_eq!(ticket.preferred_contact, Some(ContactWay::Sms));
        let purchase = ticket.purchase.unwrap();
        assert_eq!(purchase.proof.as_deref(), Some("000123"));
        assert_eq!(purchase.date.map(|d| d.to_string()).as_deref(), Some("2026-11-01"));
    }

    #[test]
    fn one_field_is_checked_by_the_rules_of_create() {
        let now = at("2026-11-23 10:00");
        assert!(check_field("channel", "微信", &config(), now).is_ok());
        assert!(matches!(check_field("channel", "飞鸽", &config(), now), Err(Error::UnknownValue { .. })));
        assert!(matches!(
            check_field("received_at", "2026-11-24", &config(), now),
            Err(Error::Refused(Refusal::ReceivedInFuture { .. }))
        ));
        assert!(check_field("summary", "   ", &config(), now).is_err());
        assert!(check_field("severity", "紧急", &config(), now).is_ok());
    }

    #[test]
    fn a_blank_description_is_absent() {
        let input = NewInput { description: Some("  ".into()), ..complete() };
        assert_eq!(create(input, &config(), at("2026-11-23 10:00")).unwrap().description, None);
    }
}
