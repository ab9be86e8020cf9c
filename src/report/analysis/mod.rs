//! Report figures (spec §6 `report`): periods, per-ticket summaries, the
//! single-pass aggregation (a fold, fed as the scan goes) and the weekly review agenda. Pure: no I/O, no
//! clock; "now" (`--as-of`) is a parameter.

mod agenda;
mod choice;
mod figures;
mod groups;
mod people;
mod period;
mod points;
mod stage_times;
mod stats;
mod summary;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

pub use agenda::{ActionState, Agenda, AgendaBuilder, agenda};
pub use choice::{PeriodChoice, ReportRun};
pub use figures::{Averages, Share};
pub use groups::GroupLine;
pub use people::PersonLine;
pub use period::{Period, PeriodKind, parse_month, parse_quarter, parse_week, parse_year};
pub use points::{POINT_TICKETS, PointLine, TOP_POINTS};
pub use stage_times::StageLine;
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
    let mut fold = ReportFold::new(period, config, zone, as_of);
    for s in summaries {
        fold.add(s);
    }
    fold.finish()
}

/// A report built one summary at a time, as a scan hands them on: counts,
/// sums and the durations the medians need are kept, the summaries are not
/// (the weekly agenda keeps the few it lists). Summaries must come in the
/// same order every time (the scan's path order) for sums to be the same
/// to the last bit.
pub struct ReportFold<'a> {
    current: Accumulator<'a>,
    previous: Accumulator<'a>,
    agenda: Option<AgendaBuilder<'a>>,
    as_of: DateTime<FixedOffset>,
}

impl<'a> ReportFold<'a> {
    pub fn new(period: Period, config: &'a Config, zone: Tz, as_of: DateTime<FixedOffset>) -> ReportFold<'a> {
        ReportFold {
            current: Accumulator::new(config, period),
            previous: Accumulator::new(config, period.previous()),
            agenda: (period.kind == PeriodKind::Week).then(|| AgendaBuilder::new(period, config, zone, as_of)),
            as_of,
        }
    }

    pub fn add(&mut self, s: &TicketSummary) {
        if self.current.period().contains_day(s.received_day) {
            self.current.add(s);
        } else if self.previous.period().contains_day(s.received_day) {
            self.previous.add(s);
        }
        if let Some(agenda) = &mut self.agenda {
            agenda.add(s);
        }
    }

    pub fn finish(self) -> Report {
        let mut current = self.current.finish();
        for point in &mut current.points {
            point.previous = self.previous.points().count(&point.product, &point.category);
        }
        let agenda = self.agenda.map(|builder| builder.finish(&current));
        Report { current, previous: self.previous.finish(), agenda, as_of: self.as_of }
    }
}
