//! The operations on a ticket: every rule of the lifecycle and of the
//! input, in one place, for every door (the command line today, the web
//! desk and the HTTP API next). Each operation takes the ticket as loaded,
//! the configuration (vocabularies, limits, SLA thresholds), an input of
//! plain values as a person gave them (ids, Chinese labels or aliases,
//! times as typed) and a [`Stamp`]; it validates and returns the [`Change`]
//! to record, or a typed error. No file system, no clock, no environment:
//! applying the change under the store lock is `Store::apply`.
//!
//! The inputs deserialise from a JSON body or a form whose keys are the
//! command line's long options in snake_case (`POST
//! /api/v1/tickets/{id}/{command}`), unknown keys refused.

mod assign;
mod attach;
mod classify;
mod commands;
mod confirm;
mod create;
mod diagnose;
mod edit;
mod escalate;
mod evidence;
mod execute;
mod followup;
mod note;
mod plan;
mod promise;
mod stamp;
mod task;
mod text;
mod transition;
mod when;

pub use assign::{AssignInput, assign};
pub use attach::{AttachInput, FileFacts, already_attached, attach, check_size, sanitise_name};
pub use classify::{ClassifyInput, classify};
pub use commands::{COMMANDS, Command, Prepared, command, read_input};
pub use confirm::{ConfirmInput, confirm};
pub use create::{CustomerInput, FIELD_KEYS, Fields, NewInput, check_field, create, created_what, missing_fields};
pub use diagnose::{DiagnoseInput, diagnose};
pub use edit::{Editable, edit, validate_edit};
pub use escalate::{EscalateInput, escalate};
pub use evidence::{PurchaseInput, preferred_contact, purchase, purchase_date};
pub use execute::{ExecuteInput, execute};
pub use followup::{FollowupInput, followup};
pub use note::{NoteInput, note};
pub use plan::{PlanInput, plan};
pub use promise::{PromiseInput, promise};
pub use stamp::{Stamp, stamp_time};
pub use task::{TaskInput, task};
pub use text::{clean_text, optional_text, required_text};
pub use transition::{TransitionInput, resolved_without_plan, transition};

use crate::error::{Refusal, Result};
use crate::lang::Lang;
use crate::lang::words::Words;
use crate::ticket::{Event, Status, Ticket};

/// What an operation records: the event to append and the words that
/// describe it: `words` for the confirmation line, in the language of the
/// door; `what`, their English, for the commit subject and the API (kept
/// English so that a store's git log reads the same whoever wrote it).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub event: Event,
    pub what: String,
    pub words: Words,
}

impl Change {
    pub fn new(event: Event, words: Words) -> Change {
        Change { event, what: words.render(Lang::En), words }
    }
}

/// Diagnosis, plan and execution are steps of handling: a resolved or
/// closed ticket takes them only once reopened.
fn require_open(ticket: &Ticket, operation: &'static str) -> Result<()> {
    if matches!(ticket.status, Status::Resolved | Status::Closed) {
        return Err(Refusal::StepOnSettled { id: ticket.id.clone(), status: ticket.status, operation }.into());
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod fixtures;
