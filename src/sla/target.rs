//! One deadline of one ticket ([`Target`]): which clock, when it started,
//! when it is due, and where it stands.

use chrono::{DateTime, Duration, FixedOffset};
use serde::Serialize;

use super::calendar::{Calendar, Deadline};
use super::duration::SlaDuration;
pub use super::stage_ref::StageRef;

type Instant = DateTime<FixedOffset>;

/// Serialised as its [`TargetKind::id`] (`"first_response"`, or a
/// configured stage's id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetKind {
    /// Met by the first transition out of `new`.
    FirstResponse,
    /// One per cycle; met by `resolved`.
    Resolution,
    /// Starts at each `resolved`; met by an answered follow-up.
    Followup,
    /// A `processing` ticket needs a progress note every `update_every`.
    Update,
    /// The time told to the customer (`promised_at`); met by `resolved`.
    /// Every promise is a target of its own (spec §5.1).
    Promise,
    /// Waiting for the customer (`waiting_customer`) at most `max_wait`;
    /// met by leaving that status (seed 001 8.3: 严禁无限期延迟).
    MaxWait,
    /// After a veto, the supervisor must be told within `veto_report`; met
    /// by an escalation.
    VetoReport,
    /// A review action item with an owner and a due time; met when done.
    ActionItem,
    /// A task a plan hands to another department (seed 000 执行落地), with
    /// its owner and due time; met when done, like an action item.
    ExecutionTask,
    /// Telling the customer of an extension at least `notice_before` ahead
    /// of the promise it moves (seed 002: 提前1天告知); one per extension,
    /// met by the extension itself.
    PromiseNotice,
    /// A plan sent to the customer is carried out by its own time
    /// (`execute_by`, seed 002 执行落地); met by `execute --done`.
    Execution,
    /// A stage configured under `[sla.stages.ID]` (spec §5.1).
    Stage(StageRef),
}

impl Serialize for TargetKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl TargetKind {
    pub fn id(self) -> &'static str {
        match self {
            TargetKind::FirstResponse => "first_response",
            TargetKind::Resolution => "resolution",
            TargetKind::Followup => "followup",
            TargetKind::Update => "update",
            TargetKind::Promise => "promise",
            TargetKind::MaxWait => "max_wait",
            TargetKind::VetoReport => "veto_report",
            TargetKind::ActionItem => "action_item",
            TargetKind::ExecutionTask => "execution_task",
            TargetKind::PromiseNotice => "promise_notice",
            TargetKind::Execution => "execution",
            TargetKind::Stage(stage) => stage.id,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TargetKind::FirstResponse => "首次响应",
            TargetKind::Resolution => "处理时限",
            TargetKind::Followup => "回访",
            TargetKind::Update => "进展更新",
            TargetKind::Promise => "承诺时间",
            TargetKind::MaxWait => "待客户回复超时",
            TargetKind::VetoReport => "不满上报",
            TargetKind::ActionItem => "待办事项",
            TargetKind::ExecutionTask => "执行任务",
            TargetKind::PromiseNotice => "延期告知",
            TargetKind::Execution => "方案执行",
            TargetKind::Stage(stage) => stage.label,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetState {
    /// Met on time.
    Met,
    /// Met after the deadline: a breach stays a breach.
    MetLate,
    /// Unmet, due in the future (or its clock is paused).
    Pending,
    /// Unmet and due at or before now: someone has to act.
    Overdue,
    /// The clock was stopped (ticket closed, or the follow-up abandoned by a
    /// reopen) after the deadline had passed: a breach, nobody can act on it.
    Breached,
    /// The clock was stopped before the deadline, unmet: no breach.
    Stopped,
}

impl TargetState {
    /// Counts as a breach in reports (permanent even if later met).
    pub fn is_breach(self) -> bool {
        matches!(self, TargetState::MetLate | TargetState::Overdue | TargetState::Breached)
    }

    /// Still running: belongs in `overdue` / `--warn-before` lists.
    pub fn is_open(self) -> bool {
        matches!(self, TargetState::Pending | TargetState::Overdue)
    }

    /// Where a target due at `due` stands as of `now`, given when it was met
    /// or its clock stopped.
    pub(super) fn of(due: Deadline, met: Option<Instant>, stopped: Option<Instant>, now: Instant) -> TargetState {
        match (met, stopped) {
            (Some(m), _) if m <= due.at => TargetState::Met,
            (Some(_), _) => TargetState::MetLate,
            (None, Some(s)) if due.at <= s => TargetState::Breached,
            (None, Some(_)) => TargetState::Stopped,
            (None, None) if due.at <= now => TargetState::Overdue,
            (None, None) => TargetState::Pending,
        }
    }
}

/// One deadline of one ticket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub kind: TargetKind,
    /// Resolution cycle: 0 for the first, +1 per reopen.
    pub cycle: usize,
    #[serde(with = "crate::time::instant")]
    pub start: Instant,
    /// The configured duration; `None` for a promise (a fixed time).
    pub duration: Option<SlaDuration>,
    pub due: Deadline,
    #[serde(with = "crate::time::opt_instant")]
    pub met_at: Option<Instant>,
    /// When the clock stopped without the target being met.
    #[serde(with = "crate::time::opt_instant")]
    pub stopped_at: Option<Instant>,
    /// The clock is paused now (e.g. waiting for the customer); `due` is then
    /// where it would be if the clock resumed at `now`.
    pub paused: bool,
    pub state: TargetState,
    /// Who must act, when the target names someone (an action item's owner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The department an execution task is handed to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

/// How far past due: (working time inside work hours, wall-clock time).
/// Measured to `met_at` / `stopped_at` for a finished target, else to `now`.
pub fn overdue_by(cal: &Calendar, target: &Target, now: Instant) -> (Duration, Duration) {
    let end = target.met_at.or(target.stopped_at).unwrap_or(now);
    if end <= target.due.at {
        return (Duration::zero(), Duration::zero());
    }
    (cal.business_time_between(target.due.at, end), end - target.due.at)
}
