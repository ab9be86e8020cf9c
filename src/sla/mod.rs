//! Business calendar, durations and SLA deadlines (spec §5). Pure: no file
//! system, no clock, no environment; "now" is always a parameter.

mod calendar;
mod duration;
pub mod holidays;
mod policy;
mod targets;

pub use calendar::{Calendar, DayInfo, Deadline};
pub use duration::{MAX_AMOUNT, SlaDuration, TimeKind, UNITS_HELP, Unit};
pub use policy::{CalendarPolicy, PauseWhile, SeverityTargets, SlaPolicy};
pub use targets::{Target, TargetKind, TargetState, overdue_by, ticket_targets};
