//! The rules of the operations (`crate::ops`) that refuse an input, each
//! with the data to explain itself. Messages and hints use neutral words
//! (no command-line flags): the command line rewords the few that name a
//! flag (`cli::flags`), the API shows them as they are. Their words, in
//! Chinese and English, are in the message catalogue (`refusal_text.rs`);
//! the Display is the English.

use chrono::NaiveDate;

use super::ErrorKind;
use crate::lang::Lang;
use crate::ticket::Status;

#[derive(Debug)]
pub enum Refusal {
    /// An operation that changes some of several fields was given none.
    NeedsOneOf {
        operation: &'static str,
        fields: &'static [&'static str],
    },

    NotifyWithoutAssignee,

    PromiseOnSettled {
        id: String,
        status: Status,
    },

    PromiseNotAfter {
        promised: String,
        at: String,
    },

    /// Seed 002: a promise moved later is an extension the customer is told about.
    ExtensionNeedsReason {
        id: String,
        from: String,
        to: String,
    },

    CloseNeedsReason {
        id: String,
    },

    FollowupNeedsResolved {
        id: String,
        status: Status,
        label: String,
    },

    ScaleNotConfigured {
        scale: u32,
        configured: Vec<String>,
    },

    /// Seed 002: a dissatisfied customer's reason is always recorded.
    LowScoreNeedsComment {
        score: u32,
        scale: u32,
        threshold: u32,
    },

    BadDimension {
        spec: String,
    },

    OwnerWithoutAction,

    /// Seed 001 8.4: every action item has a named owner.
    ActionNeedsOwner,

    /// A done marker names an existing item and nothing else.
    DoneMarkerFields,

    NoSuchActionItem {
        id: String,
        number: u32,
        items: usize,
    },

    ActionItemAlreadyDone {
        id: String,
        number: u32,
        at: String,
    },

    UnknownDepartment {
        department: String,
        configured: Vec<String>,
    },

    /// Seed 000 执行落地: every task has a time it is due by.
    TaskNeedsDue {
        department: String,
    },

    NoSuchTask {
        id: String,
        number: u32,
        tasks: usize,
    },

    TaskAlreadyDone {
        id: String,
        number: u32,
        at: String,
    },

    /// A done marker names an existing task and nothing else.
    TaskDoneFields,

    ReceivedInFuture {
        at: String,
        now: String,
    },

    NotEditable {
        field: &'static str,
    },

    UnknownKeysEdited,

    HistoryEventChanged {
        number: usize,
    },

    HistoryEventRemoved {
        number: usize,
    },

    HistoryEventAdded,

    DerivedEdited {
        fields: Vec<&'static str>,
    },

    /// The ID carries the received date, so the day cannot move.
    ReceivedDayMoved {
        date: NaiveDate,
        id: String,
    },

    EditedMeanwhile,

    /// Diagnosis, plan and execution belong to a ticket still being handled.
    StepOnSettled {
        id: String,
        status: Status,
        operation: &'static str,
    },

    ExecuteByNotAfter {
        execute_by: String,
        at: String,
    },

    /// A confirmation answers the latest plan sent or execution reported.
    NothingToConfirm {
        id: String,
        what: &'static str,
    },

    /// Seed 002 三: a refused plan is renegotiated; nothing is executed on it.
    PlanRefused {
        id: String,
    },

    /// After resolution the customer's objection is a follow-up's veto.
    ResultRefusedAfterResolved {
        id: String,
    },
}

impl Refusal {
    /// What the user can do about it, in neutral words (English).
    pub fn hint(&self) -> Option<String> {
        self.hint_in(Lang::En)
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
            | Refusal::TaskAlreadyDone { .. }
            | Refusal::ActionItemAlreadyDone { .. } => ErrorKind::Conflict,
            _ => ErrorKind::BadInput,
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

impl std::error::Error for Refusal {}
