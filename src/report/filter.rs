//! Ticket filters shared by the scanning commands (`list`, `overdue`,
//! `export`, `report`) and the API's queue. The values as given
//! ([`FilterInput`]) are resolved once into a [`Filter`]; the rest of the
//! program never looks at them.

use chrono::{DateTime, FixedOffset};

use crate::config::{ChoiceKind, Config};
use crate::error::Result;
use crate::ticket::search::{CustomerPrefix, SearchQuery};
use crate::ticket::{IndexEntry, Status, Ticket};
use crate::time;

/// The filters as given, before they are resolved against the
/// vocabularies: the `list` flags, or the query of `GET /api/v1/tickets`.
#[derive(Debug, Default, Clone)]
pub struct FilterInput {
    /// Only these statuses (comma-separated or repeated; ids or labels)
    pub status: Vec<String>,
    /// Only these categories (`none` or 未分类: not yet classified)
    pub category: Vec<String>,
    /// Only these severities
    pub severity: Vec<String>,
    /// Only these channels
    pub channel: Vec<String>,
    /// Only tickets handled by this person
    pub assignee: Option<String>,
    /// Only tickets of this department (responsible or involved)
    pub department: Option<String>,
    /// The complaint history of one customer: customer ID, contact or name
    /// beginning with this (`张` finds 张三, `C-100` finds C-10023)
    pub customer: Option<String>,
    /// Only complaints about this product (exact name, case-insensitive for
    /// Latin letters), e.g. the drill-down of a frequent complaint point
    pub product: Option<String>,
    /// Only tickets whose summary, description, notes, plan, customer or
    /// product contain each of these texts (any case for Latin letters)
    pub search: Vec<String>,
    /// Only escalated tickets
    pub escalated: bool,
    /// Only open tickets (not closed)
    pub open: bool,
    /// Received at or after this time (a date means its start)
    pub since: Option<String>,
    /// Received before this time (a date means its end)
    pub until: Option<String>,
}

/// Resolved filter values.
#[derive(Debug, Default)]
pub struct Filter {
    statuses: Vec<Status>,
    /// `None` stands for "not yet classified".
    categories: Vec<Option<String>>,
    severities: Vec<String>,
    channels: Vec<String>,
    assignee: Option<String>,
    department: Option<String>,
    customer: Option<CustomerPrefix>,
    product: Option<String>,
    search: SearchQuery,
    escalated: bool,
    open: bool,
    since: Option<DateTime<FixedOffset>>,
    until: Option<DateTime<FixedOffset>>,
}

impl Filter {
    pub fn from_input(args: &FilterInput, config: &Config) -> Result<Filter> {
        let zone = config.zone();
        let resolve_all = |kind, values: &[String]| -> Result<Vec<String>> {
            values.iter().map(|v| config.resolve(kind, v)).collect()
        };
        let until = match &args.until {
            // A bare date includes that whole day.
            Some(text) if time::parse_date(text, "--until").is_ok() => {
                Some(time::parse_time(text, zone, "--until")? + chrono::Duration::days(1))
            }
            Some(text) => Some(time::parse_time(text, zone, "--until")?),
            None => None,
        };
        Ok(Filter {
            statuses: args.status.iter().map(|s| config.resolve_status(s)).collect::<Result<_>>()?,
            categories: args
                .category
                .iter()
                .map(|c| match c.trim() {
                    "none" | "未分类" | "unclassified" => Ok(None),
                    other => config.resolve(ChoiceKind::Category, other).map(Some),
                })
                .collect::<Result<_>>()?,
            severities: resolve_all(ChoiceKind::Severity, &args.severity)?,
            channels: resolve_all(ChoiceKind::Channel, &args.channel)?,
            assignee: args.assignee.as_ref().map(|s| s.trim().to_string()),
            department: args.department.as_ref().map(|s| s.trim().to_string()),
            customer: args.customer.as_deref().map(CustomerPrefix::new),
            product: args.product.as_ref().map(|s| s.trim().to_lowercase()),
            search: SearchQuery::new(&args.search),
            escalated: args.escalated,
            open: args.open,
            since: args.since.as_deref().map(|t| time::parse_time(t, zone, "--since")).transpose()?,
            until,
        })
    }

    /// For commands that scan full tickets (`export`, `report`).
    pub fn matches(&self, ticket: &Ticket) -> bool {
        self.matches_fields(ticket) && self.search.matches(ticket)
    }

    /// The `--search` terms, if any: a summary scan tests them on the
    /// cached search text (see `Store::fold_summaries_searching`), since
    /// [`Filter::matches_summary`] does not.
    pub fn search(&self) -> Option<&SearchQuery> {
        (!self.search.is_empty()).then_some(&self.search)
    }

    fn matches_fields(&self, ticket: &Ticket) -> bool {
        self.matches_view(&View {
            status: ticket.status,
            category: ticket.category.as_deref(),
            severity: &ticket.severity,
            channel: &ticket.channel,
            assignee: ticket.assignee.as_deref(),
            department: ticket.department.as_deref(),
            departments_involved: &ticket.departments_involved,
            customer: [ticket.customer.id.as_deref(), Some(&ticket.customer.contact), Some(&ticket.customer.name)],
            product: ticket.product.as_deref(),
            escalated: ticket.escalated,
            received_at: ticket.received_at,
        })
    }

    /// The same test on a cached summary, but for `--search` (see
    /// [`Filter::search`]); it holds every other field filtered on.
    pub fn matches_summary(&self, s: &IndexEntry) -> bool {
        self.matches_view(&View {
            status: s.status,
            category: s.category.as_deref(),
            severity: &s.severity,
            channel: &s.channel,
            assignee: s.assignee.as_deref(),
            department: s.department.as_deref(),
            departments_involved: &s.departments_involved,
            customer: [s.customer_id.as_deref(), Some(&s.customer_contact), Some(&s.customer_name)],
            product: s.product.as_deref(),
            escalated: s.escalated,
            received_at: s.received_at,
        })
    }

    /// Whether a ticket of this status may pass (the status filters only):
    /// a scan skips the others before decoding them.
    pub fn admits_status(&self, status: Status) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&status)) && (!self.open || status.is_open())
    }

    fn matches_view(&self, t: &View) -> bool {
        let any = |list: &[String], value: Option<&str>| {
            list.is_empty() || value.is_some_and(|v| list.iter().any(|x| x == v))
        };
        (self.statuses.is_empty() || self.statuses.contains(&t.status))
            && (self.categories.is_empty() || self.categories.iter().any(|c| c.as_deref() == t.category))
            && any(&self.severities, Some(t.severity))
            && any(&self.channels, Some(t.channel))
            && self.assignee.as_deref().is_none_or(|a| t.assignee == Some(a))
            && self
                .department
                .as_deref()
                .is_none_or(|d| t.department == Some(d) || t.departments_involved.iter().any(|x| x == d))
            && self.customer.as_ref().is_none_or(|c| c.matches(&t.customer))
            && self.product.as_deref().is_none_or(|p| t.product.is_some_and(|mine| mine.trim().to_lowercase() == p))
            && (!self.escalated || t.escalated)
            && (!self.open || t.status.is_open())
            && self.since.is_none_or(|s| t.received_at >= s)
            && self.until.is_none_or(|u| t.received_at < u)
    }
}

/// The fields a filter looks at, borrowed from a ticket or a summary.
struct View<'a> {
    status: Status,
    category: Option<&'a str>,
    severity: &'a str,
    channel: &'a str,
    assignee: Option<&'a str>,
    department: Option<&'a str>,
    departments_involved: &'a [String],
    /// Customer ID, contact and name: `--customer` begins any of them.
    customer: [Option<&'a str>; 3],
    product: Option<&'a str>,
    escalated: bool,
    received_at: DateTime<FixedOffset>,
}
