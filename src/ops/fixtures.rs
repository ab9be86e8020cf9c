//! Plain values for the unit tests of the operations.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use super::Stamp;
use crate::config::Config;
use crate::ticket::{Action, Customer, Event, Ticket};
use crate::time;

pub fn config() -> Config {
    Config::default()
}

pub fn zone() -> Tz {
    config().zone()
}

/// A time typed in the store's zone.
pub fn at(text: &str) -> DateTime<FixedOffset> {
    time::in_zone(time::parse_time(text, zone(), "test").unwrap(), zone())
}

pub fn stamp(text: &str) -> Stamp {
    Stamp { at: at(text), by: "张三".into() }
}

/// A new ticket received and created at 2026-11-23 09:00.
pub fn ticket() -> Ticket {
    let received = at("2026-11-23 09:00");
    let mut created = Event::new(received, "张三", Action::Created);
    created.severity = Some("general".into());
    let customer = Customer::new("王女士", "13800000000", None);
    Ticket::new("CP20261123001", "01TEST", received, "phone", customer, "快递破损", created)
}

/// The fixture ticket after `event`.
pub fn after(mut ticket: Ticket, event: Event) -> Ticket {
    ticket.record(event);
    ticket
}
