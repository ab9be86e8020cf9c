//! Every changing command on one ticket by its command-line name, with the
//! input it reads: the table `POST /api/v1/tickets/{id}/{command}` dispatches
//! through. A body's keys are the command's long options in snake_case and
//! its positional arguments' names; unknown keys are refused before the
//! ticket is read.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Change, Stamp};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::ticket::Ticket;

/// A command's input, read and checked, ready to run on the ticket under
/// the store lock.
pub type Prepared = Box<dyn FnOnce(&mut Ticket, &Config, Stamp) -> Result<Option<Change>> + Send>;

/// One changing command.
pub struct Command {
    pub name: &'static str,
    /// Reads the body and checks what can be checked without the ticket;
    /// returns the `at` it names (the back-dated time, as typed) and the op.
    pub prepare: fn(Value) -> Result<(Option<String>, Prepared)>,
}

/// The commands, in the order of `complaint --help`. (`edit` is a whole
/// file in an editor and is not here; `new` is `POST /api/v1/tickets`.)
pub const COMMANDS: &[Command] = &[
    Command { name: "classify", prepare: classify },
    Command { name: "assign", prepare: assign },
    Command { name: "promise", prepare: promise },
    Command { name: "escalate", prepare: escalate },
    Command { name: "transition", prepare: transition },
    Command { name: "note", prepare: note },
    Command { name: "diagnose", prepare: diagnose },
    Command { name: "plan", prepare: plan },
    Command { name: "confirm", prepare: confirm },
    Command { name: "execute", prepare: execute },
    Command { name: "task", prepare: task },
    Command { name: "followup", prepare: followup },
];

pub fn command(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// `body` as the input of a command; a wrong key or value is bad input.
pub fn read_input<T: DeserializeOwned>(body: Value) -> Result<T> {
    serde_json::from_value(body).map_err(|e| {
        Error::invalid(
            format!("the request body does not fit: {e}"),
            Some("the keys are the command's long options in snake_case and its arguments' names (see --help)"),
        )
    })
}

fn classify(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::ClassifyInput = read_input(body)?;
    input.check_given()?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::classify(t, c, &input, s))))
}

fn assign(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::AssignInput = read_input(body)?;
    input.check_given()?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::assign(t, c, &input, s).map(Some))))
}

fn promise(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::PromiseInput = read_input(body)?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::promise(t, c, &input, s).map(Some))))
}

fn escalate(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::EscalateInput = read_input(body)?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::escalate(t, c, &input, s).map(Some))))
}

fn transition(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::TransitionInput = read_input(body)?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::transition(t, c, &input, s).map(Some))))
}

fn note(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::NoteInput = read_input(body)?;
    input.check_given()?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::note(t, c, &input, s).map(Some))))
}

fn diagnose(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::DiagnoseInput = read_input(body)?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::diagnose(t, c, &input, s).map(Some))))
}

fn plan(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::PlanInput = read_input(body)?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::plan(t, c, &input, s).map(Some))))
}

fn confirm(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::ConfirmInput = read_input(body)?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::confirm(t, c, &input, s).map(Some))))
}

fn execute(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::ExecuteInput = read_input(body)?;
    input.check_given()?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::execute(t, c, &input, s).map(Some))))
}

fn task(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::TaskInput = read_input(body)?;
    input.check_given()?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::task(t, c, &input, s).map(Some))))
}

fn followup(body: Value) -> Result<(Option<String>, Prepared)> {
    let input: super::FollowupInput = read_input(body)?;
    Ok((input.at.clone(), Box::new(move |t, c, s| super::followup(t, c, &input, s).map(Some))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_and_commands_are_refused() {
        assert!(command("teleport").is_none());
        let transition = command("transition").unwrap();
        assert!((transition.prepare)(serde_json::json!({"status": "processing", "colour": 1})).is_err());
        assert!((transition.prepare)(serde_json::json!({"status": "processing"})).is_ok());
    }
}
