//! The rules of the operations (`crate::ops`) that refuse an input, each
//! with the data to explain itself. Messages and hints use neutral words
//! (no command-line flags): the command line rewords the few that name a
//! flag (`cli::flags`), the API shows them as they are.

use chrono::NaiveDate;

use super::ErrorKind;
use crate::ticket::Status;

#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// An operation that changes some of several fields was given none.
    #[error("{operation} needs at least one of {}", fields.join(", "))]
    NeedsOneOf { operation: &'static str, fields: &'static [&'static str] },

    #[error("a notice needs an assignee")]
    NotifyWithoutAssignee,

    #[error("{id} is already {status}; a promise is a resolution time for an open ticket")]
    PromiseOnSettled { id: String, status: Status },

    #[error("the promised time {promised} is not after the time of the promise {at}")]
    PromiseNotAfter { promised: String, at: String },

    /// Seed 002: a promise moved later is an extension the customer is told about.
    #[error("moving the promise of {id} from {from} to {to} is an extension and needs a reason")]
    ExtensionNeedsReason { id: String, from: String, to: String },

    #[error("closing {id} without a satisfied follow-up needs a reason")]
    CloseNeedsReason { id: String },

    #[error("{id} is {status} ({label}); a follow-up needs a resolved ticket")]
    FollowupNeedsResolved { id: String, status: Status, label: String },

    #[error("scale {scale} is not configured; configured scales: {}", configured.join(", "))]
    ScaleNotConfigured { scale: u32, configured: Vec<String> },

    /// Seed 002: a dissatisfied customer's reason is always recorded.
    #[error(
        "score {score} of {scale} is below the satisfied threshold {threshold}; a comment with the customer's reason is required"
    )]
    LowScoreNeedsComment { score: u32, scale: u32, threshold: u32 },

    #[error("dimension {spec:?} is not NAME=SCORE")]
    BadDimension { spec: String },

    #[error("owner and due belong to action items")]
    OwnerWithoutAction,

    /// Seed 001 8.4: every action item has a named owner.
    #[error("an action item needs an owner (明确责任人)")]
    ActionNeedsOwner,

    /// A done marker names an existing item and nothing else.
    #[error("a done marker refers to an action item by its number; it has no owner, due time or other kind")]
    DoneMarkerFields,

    #[error("{id} has no action item {number}; it has {items}")]
    NoSuchActionItem { id: String, number: u32, items: usize },

    #[error("department {department:?} is not configured; configured departments: {}", configured.join(", "))]
    UnknownDepartment { department: String, configured: Vec<String> },

    /// Seed 000 执行落地: every task has a time it is due by.
    #[error("a task for {department} needs a due time: none given and [departments.{department}] sets no task_within")]
    TaskNeedsDue { department: String },

    #[error("{id} has no execution task {number}; it has {tasks}")]
    NoSuchTask { id: String, number: u32, tasks: usize },

    #[error("execution task {number} of {id} is already done (at {at})")]
    TaskAlreadyDone { id: String, number: u32, at: String },

    /// A done marker names an existing task and nothing else.
    #[error("marking a task done takes its number only; it has no department, owner or due time")]
    TaskDoneFields,

    #[error("received_at {at} is in the future (now is {now})")]
    ReceivedInFuture { at: String, now: String },

    #[error("{field} cannot be edited")]
    NotEditable { field: &'static str },

    #[error("keys this version does not know cannot be edited")]
    UnknownKeysEdited,

    #[error("history event {number} was changed")]
    HistoryEventChanged { number: usize },

    #[error("history event {number} was removed")]
    HistoryEventRemoved { number: usize },

    #[error("history events cannot be added by edit")]
    HistoryEventAdded,

    #[error("{} follow(s) from history and cannot be edited", fields.join(", "))]
    DerivedEdited { fields: Vec<&'static str> },

    /// The ID carries the received date, so the day cannot move.
    #[error("received_at must stay on {date}: the ID {id} carries that date")]
    ReceivedDayMoved { date: NaiveDate, id: String },

    #[error("the ticket was edited by someone else while the editor was open")]
    EditedMeanwhile,

    /// Diagnosis, plan and execution belong to a ticket still being handled.
    #[error("{id} is already {status}; {operation} belongs to an open ticket")]
    StepOnSettled { id: String, status: Status, operation: &'static str },

    #[error("the execution time {execute_by} is not after the time of the plan {at}")]
    ExecuteByNotAfter { execute_by: String, at: String },

    /// A confirmation answers the latest plan sent or execution reported.
    #[error("{id} has no {what} awaiting the customer's answer")]
    NothingToConfirm { id: String, what: &'static str },

    /// Seed 002 三: a refused plan is renegotiated; nothing is executed on it.
    #[error("the customer refused the latest plan of {id}; a new plan is needed first")]
    PlanRefused { id: String },

    /// After resolution the customer's objection is a follow-up's veto.
    #[error("{id} is already resolved; a refused result is the customer's veto")]
    ResultRefusedAfterResolved { id: String },
}

impl Refusal {
    /// What the user can do about it, in neutral words.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            Refusal::PromiseOnSettled { .. } => "reopen it first if the customer needs more",
            Refusal::ExtensionNeedsReason { .. } => "tell the customer the reason and the new time one day ahead",
            Refusal::CloseNeedsReason { .. } => "follow up first, or say why: 重复投诉 / 无法联系客户 / 无效投诉",
            Refusal::FollowupNeedsResolved { status: Status::Closed, .. } => {
                "it is closed; to handle it again reopen it to processing"
            }
            Refusal::FollowupNeedsResolved { .. } => "resolve it first, with the plan",
            Refusal::ScaleNotConfigured { .. } => "add it under [satisfaction] satisfied_at in complaint.toml",
            Refusal::LowScoreNeedsComment { .. } => "ask why and record it",
            Refusal::BadDimension { .. } => "e.g. 效率=4",
            Refusal::NotEditable { .. } => "only customer data and the description are editable",
            Refusal::HistoryEventChanged { .. } | Refusal::HistoryEventRemoved { .. } | Refusal::HistoryEventAdded => {
                "history is append-only; record changes with the commands (note, transition …)"
            }
            Refusal::DerivedEdited { .. } => {
                "use classify, assign, promise, escalate, transition or followup; each records an event"
            }
            Refusal::ReceivedDayMoved { .. } => "a complaint received on another day is a new ticket (`complaint new`)",
            Refusal::StepOnSettled { .. } => "reopen it first if the customer needs more",
            Refusal::NothingToConfirm { .. } => "record the plan sent or the execution done first",
            Refusal::PlanRefused { .. } => "send the customer a new plan (拒绝方案则需重新协商)",
            Refusal::ResultRefusedAfterResolved { .. } => "record it as an unsatisfied follow-up, which reopens it",
            Refusal::UnknownDepartment { .. } => "add it as [departments.NAME] in complaint.toml",
            Refusal::TaskNeedsDue { .. } => "give a due time (e.g. +24h, +3wd) or set task_within = \"24h\" for it",
            Refusal::NoSuchTask { .. } => "tasks are numbered from 1 in history order (`complaint show ID`)",
            Refusal::TaskAlreadyDone { .. } => {
                "nothing to do; `complaint show ID` lists each task and when it was done"
            }
            Refusal::NoSuchActionItem { .. } => {
                "action items are numbered from 1 in history order (`complaint log ID`)"
            }
            _ => return None,
        })
    }

    /// Refusals of the ticket's state are conflicts; the rest is bad input.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Refusal::PromiseOnSettled { .. }
            | Refusal::FollowupNeedsResolved { .. }
            | Refusal::EditedMeanwhile
            | Refusal::StepOnSettled { .. }
            | Refusal::NothingToConfirm { .. }
            | Refusal::PlanRefused { .. }
            | Refusal::ResultRefusedAfterResolved { .. }
            | Refusal::TaskAlreadyDone { .. } => ErrorKind::Conflict,
            _ => ErrorKind::BadInput,
        }
    }
}
