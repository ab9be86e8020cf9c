//! Business calendar, durations and SLA deadlines (spec §5). Pure: no file
//! system, no clock, no environment; "now" is always a parameter.

mod calendar;
mod charge;
mod clock;
mod duration;
pub mod holidays;
mod kinds;
mod notice;
mod policy;
mod stage;
mod stage_kinds;
mod stage_ref;
mod target;
mod targets;
mod timeline;
mod view;

pub use calendar::{Calendar, DayInfo, Deadline};
pub use charge::{Charges, FollowupCharge, Holder};
pub use duration::{MAX_AMOUNT, SlaDuration, TimeKind, UNITS_HELP, Unit};
pub use policy::{CalendarPolicy, PauseWhile, PolicyVersion, SeverityTargets, SlaPolicy, StagePolicy};
pub use stage_kinds::KindSet;
pub use target::{StageRef, Target, TargetKind, TargetState, overdue_by};
pub use targets::{clock_targets, ticket_targets};
pub use view::{ActionClock, ClockEvent, ClockView};
