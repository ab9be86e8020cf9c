//! Task: an execution task a plan hands to another department (seed 000
//! 执行落地: the warehouse ships within 24h, finance pays within 3 working
//! days), with its owner and due time; and marking task N done. When a task
//! is done is the rule of `ticket::action` (shared with review action items).

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::{Change, Stamp, optional_text, require_open, required_text};
use crate::config::Config;
use crate::error::{Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::action::{self, List};
use crate::ticket::{Action, Event, Ticket};
use crate::time;

type Instant = DateTime<FixedOffset>;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    /// What must be done (a new task).
    pub text: Option<String>,
    /// The department it is handed to: a `[departments.NAME]` of the config.
    pub department: Option<String>,
    /// Who must do it; default the department's supervisor, else nobody by
    /// name (the department is shown).
    pub owner: Option<String>,
    /// When it is due (`+24h`, `+3wd`, a time; a bare date is the end of
    /// that day); default the department's `task_within` from now.
    pub due: Option<String>,
    /// Marks the ticket's task number N (1-based, history order) done.
    pub done: Option<u32>,
    /// A note on marking a task done.
    pub message: Option<String>,
    pub at: Option<String>,
}

impl TaskInput {
    /// What can be refused before the ticket is read: a new task has its
    /// text and department; a done marker has only a number and a note.
    pub fn check_given(&self) -> Result<()> {
        if self.done.is_some() {
            let fields_given =
                self.text.is_some() || self.department.is_some() || self.owner.is_some() || self.due.is_some();
            return if fields_given { Err(Refusal::TaskDoneFields.into()) } else { Ok(()) };
        }
        if self.text.is_none() || self.department.is_none() {
            return Err(Refusal::NeedsOneOf { operation: "task", fields: &["text and department", "done"] }.into());
        }
        Ok(())
    }
}

pub fn task(ticket: &Ticket, config: &Config, input: &TaskInput, stamp: Stamp) -> Result<Change> {
    input.check_given()?;
    match input.done {
        Some(number) => done_marker(ticket, config, number, input.message.as_deref(), stamp),
        None => new_task(ticket, config, input, stamp),
    }
}

fn new_task(ticket: &Ticket, config: &Config, input: &TaskInput, stamp: Stamp) -> Result<Change> {
    require_open(ticket, "a task")?;
    let max = config.limits.max_text_bytes;
    let text = required_text("text", input.text.as_deref().unwrap_or_default(), true, max)?;
    let department = known_department(config, input.department.as_deref().unwrap_or_default())?;
    let given = optional_text("owner", input.owner.as_deref(), false, max)?;
    let owner = given.or_else(|| config.department_supervisor(&department).map(str::to_string));
    let due = due(config, &department, input.due.as_deref(), stamp.at)?;
    let number = action::count(List::Tasks, &ticket.history) + 1;
    let what = Words::new("change.task_added")
        .with("number", number)
        .with("department", &department)
        .with("owner", owner.as_deref().unwrap_or(&department))
        .with("due", time::format_deadline(&due, config.zone()));
    let mut event = Event::new(stamp.at, &stamp.by, Action::Task);
    event.note = Some(text);
    event.task_department = Some(department);
    event.owner = owner;
    event.due = Some(due);
    Ok(Change::new(event, what))
}

/// The configured department named `name` (trimmed), or a refusal naming
/// every configured one.
fn known_department(config: &Config, name: &str) -> Result<String> {
    let name = name.trim();
    if config.departments.contains_key(name) {
        return Ok(name.to_string());
    }
    let configured = config.departments.keys().cloned().collect();
    Err(Refusal::UnknownDepartment { department: name.to_string(), configured }.into())
}

/// The due time given, else `[departments.NAME] task_within` from `now`
/// through the business calendar.
fn due(config: &Config, department: &str, given: Option<&str>, now: Instant) -> Result<Instant> {
    if let Some(text) = given {
        return super::note::parse_due(text, config, now);
    }
    let within = config.departments.get(department).and_then(|d| d.task_within);
    let within = within.ok_or_else(|| Refusal::TaskNeedsDue { department: department.to_string() })?;
    Ok(time::in_zone(config.business_calendar().add(now, within).at, config.zone()))
}

/// `--done N`: a task event marking task N done; refused when there is no
/// task N or it is done already (by a marker, the ticket's resolution, or
/// its owner's own step: the rule of `ticket::action::done_at`).
fn done_marker(ticket: &Ticket, config: &Config, number: u32, note: Option<&str>, stamp: Stamp) -> Result<Change> {
    let mut events: Vec<&Event> = ticket.history.iter().collect();
    events.sort_by_key(|e| e.at);
    let tasks = action::items(List::Tasks, &events);
    let Some(item) = tasks.get((number as usize).wrapping_sub(1)) else {
        return Err(Refusal::NoSuchTask { id: ticket.id.clone(), number, tasks: tasks.len() }.into());
    };
    if let Some(done) = item.done_at {
        let at = time::format_local(&done, config.zone());
        return Err(Refusal::TaskAlreadyDone { id: ticket.id.clone(), number, at }.into());
    }
    let mut event = Event::new(stamp.at, &stamp.by, Action::Task);
    event.note = optional_text("message", note, true, config.limits.max_text_bytes)?;
    event.done_item = Some(number);
    Ok(Change::new(event, Words::new("change.task_done").with("number", number)))
}

#[cfg(test)]
#[path = "task_tests.rs"]
mod tests;
