//! Report figures (spec §6 `report`): periods, per-ticket summaries, the
//! single-pass aggregation and the weekly review agenda. Pure: no I/O, no
//! clock; "now" (`--as-of`) is a parameter.

mod agenda;
mod figures;
mod groups;
mod people;
mod period;
mod stats;
mod summary;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

pub use agenda::{ActionState, Agenda, agenda};
pub use figures::{Averages, Share};
pub use groups::GroupLine;
pub use people::PersonLine;
pub use period::{Period, PeriodKind, parse_month, parse_quarter, parse_week, parse_year};
pub use stats::{
    Accumulator, LOW_SATISFACTION, SatisfactionFigures, ScoreCount, SlaFigures, SlaLine, Stats, TimeFigures,
    UNCLASSIFIED, UNDETERMINED, ratio,
};
pub use summary::{ActionItem, FollowupFact, Span, TargetFact, TicketSummary, normalise};

use crate::config::Config;

/// Everything a report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub current: Stats,
    pub previous: Stats,
    pub agenda: Option<Agenda>,
    pub as_of: DateTime<FixedOffset>,
}

/// One pass over `summaries`: each lands in the current or the previous
/// period (or neither); the weekly agenda is added for a week.
pub fn build(
    summaries: &[TicketSummary],
    period: Period,
    config: &Config,
    zone: Tz,
    as_of: DateTime<FixedOffset>,
) -> Report {
    let mut current = Accumulator::new(config, period);
    let mut previous = Accumulator::new(config, period.previous());
    for s in summaries {
        if current.period().contains_day(s.received_day) {
            current.add(s);
        } else if previous.period().contains_day(s.received_day) {
            previous.add(s);
        }
    }
    let current = current.finish();
    let agenda = (period.kind == PeriodKind::Week).then(|| agenda(summaries, &period, &current, config, zone, as_of));
    Report { current, previous: previous.finish(), agenda, as_of }
}
