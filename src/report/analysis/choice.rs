//! Which period a report covers, as a door names it (`--month 2026-11`,
//! `?month=2026-11`), and which tickets its figures need: the rules the
//! command line and the server share.

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;

use super::{Period, PeriodKind, ReportFold, TicketSummary, parse_month, parse_quarter, parse_week, parse_year};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::report::filter::Filter;
use crate::sla::Calendar;
use crate::ticket::Ticket;
use crate::time;

/// At most one of week, month, quarter, year and from (with to). A value
/// `previous` (or `last`) is the one before the period containing the
/// as-of day, `current` (or `this`) that one; none at all is the current
/// month.
#[derive(Debug, Clone, Default)]
pub struct PeriodChoice {
    pub week: Option<String>,
    pub month: Option<String>,
    pub quarter: Option<String>,
    pub year: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl PeriodChoice {
    /// The period chosen, `today` being the as-of day.
    pub fn period(&self, today: NaiveDate) -> Result<Period> {
        let named = [self.week.is_some(), self.month.is_some(), self.quarter.is_some(), self.year.is_some()];
        if named.iter().filter(|n| **n).count() + usize::from(self.from.is_some()) > 1 {
            return Err(Error::invalid("name one period: week, month, quarter, year or from", None));
        }
        let pick = |text: &str, kind, parse: fn(&str) -> Result<Period>| match text.trim() {
            "previous" | "last" => Ok(Period::containing(kind, today).previous()),
            "current" | "this" => Ok(Period::containing(kind, today)),
            other => parse(other),
        };
        if let Some(w) = &self.week {
            return pick(w, PeriodKind::Week, parse_week);
        }
        if let Some(m) = &self.month {
            return pick(m, PeriodKind::Month, parse_month);
        }
        if let Some(q) = &self.quarter {
            return pick(q, PeriodKind::Quarter, parse_quarter);
        }
        if let Some(y) = &self.year {
            return pick(y, PeriodKind::Year, parse_year);
        }
        if let Some(from) = &self.from {
            let first = time::parse_date(from, "--from")?;
            let last = match &self.to {
                Some(to) => time::parse_date(to, "--to")?,
                None => today,
            };
            return Period::range(first, last);
        }
        if self.to.is_some() {
            return Err(Error::invalid("--to needs --from", None));
        }
        Ok(Period::containing(PeriodKind::Month, today))
    }
}

/// One report being made: its period, what it reads and how each ticket
/// is summarised. The door scans (`Store::fold_tickets`) with
/// [`ReportRun::relevant`] and [`ReportRun::summarise`] into [`ReportRun::fold`].
pub struct ReportRun<'a> {
    pub period: Period,
    previous: Period,
    config: &'a Config,
    calendar: &'a Calendar,
    filter: &'a Filter,
    as_of: DateTime<FixedOffset>,
    zone: Tz,
}

impl<'a> ReportRun<'a> {
    pub fn new(
        choice: &PeriodChoice,
        config: &'a Config,
        calendar: &'a Calendar,
        filter: &'a Filter,
        as_of: DateTime<FixedOffset>,
    ) -> Result<ReportRun<'a>> {
        let zone = config.zone();
        let period = choice.period(as_of.with_timezone(&zone).date_naive())?;
        Ok(ReportRun { period, previous: period.previous(), config, calendar, filter, as_of, zone })
    }

    /// Only the tickets a figure can use are read and summarised: those of
    /// the two periods, plus (for the weekly agenda) every ticket received
    /// by then.
    pub fn relevant(&self, received_at: &DateTime<FixedOffset>) -> bool {
        let day = received_at.with_timezone(&self.zone).date_naive();
        *received_at <= self.as_of
            && (self.period.kind == PeriodKind::Week
                || self.period.contains_day(day)
                || self.previous.contains_day(day))
    }

    /// The facts of a ticket the filters keep.
    pub fn summarise(&self, ticket: Ticket) -> Option<TicketSummary> {
        self.filter.matches(&ticket).then(|| TicketSummary::of(&ticket, self.calendar, &self.config.sla, self.as_of))
    }

    /// The fold the summaries go into, in path order.
    pub fn fold(&self) -> ReportFold<'a> {
        ReportFold::new(self.period, self.config, self.zone, self.as_of)
    }
}
