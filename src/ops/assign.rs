//! Assign: responsible department, assignee, involved departments and staff.

use serde::Deserialize;

use super::{Change, Stamp, optional_text, required_text};
use crate::config::Config;
use crate::error::{Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, Event, Ticket};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignInput {
    pub department: Option<String>,
    pub assignee: Option<String>,
    #[serde(default)]
    pub also: Vec<String>,
    #[serde(default)]
    pub staff: Vec<String>,
    pub note: Option<String>,
    /// Mail the assignee a notice; the door sends it after the change is saved.
    #[serde(default)]
    pub notify: bool,
    pub at: Option<String>,
}

impl AssignInput {
    /// What can be refused before the ticket is read.
    pub fn check_given(&self) -> Result<()> {
        if self.department.is_none() && self.assignee.is_none() && self.also.is_empty() && self.staff.is_empty() {
            return Err(Refusal::NeedsOneOf {
                operation: "assign",
                fields: &["department", "assignee", "also", "staff"],
            }
            .into());
        }
        Ok(())
    }
}

pub fn assign(ticket: &Ticket, config: &Config, input: &AssignInput, stamp: Stamp) -> Result<Change> {
    input.check_given()?;
    let max = config.limits.max_text_bytes;
    let department = optional_text("department", input.department.as_deref(), false, max)?;
    let assignee = optional_text("assignee", input.assignee.as_deref(), false, max)?;
    let also = input.also.iter().map(|d| required_text("also", d, false, max)).collect::<Result<Vec<_>>>()?;
    let staff = input.staff.iter().map(|s| required_text("staff", s, false, max)).collect::<Result<Vec<_>>>()?;
    let note = optional_text("note", input.note.as_deref(), true, max)?;
    // Only a notice without anyone to send it to is refused before the
    // assignment is recorded; a missing address is reported after it.
    if input.notify && assignee.is_none() && ticket.assignee.is_none() {
        return Err(Refusal::NotifyWithoutAssignee.into());
    }
    let mut parts = Vec::new();
    if let Some(d) = &department {
        parts.push(Words::new("change.department").with("name", d));
    }
    if let Some(a) = &assignee {
        parts.push(Words::new("change.assignee").with("name", a));
    }
    if !also.is_empty() {
        parts.push(Words::new("change.also").with("names", also.join(", ")));
    }
    if !staff.is_empty() {
        parts.push(Words::new("change.staff").with("names", staff.join(", ")));
    }
    let mut event = Event::new(stamp.at, &stamp.by, Action::Assigned);
    event.department = department;
    event.assignee = assignee;
    event.also = also;
    event.staff = staff;
    event.note = note;
    Ok(Change::new(event, Words::list(parts)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ops::fixtures::{config, stamp, ticket};

    #[test]
    fn an_assignment_names_what_it_sets() {
        let input = AssignInput {
            department: Some("售后部".into()),
            assignee: Some(" 李四 ".into()),
            also: vec!["物流部".into()],
            ..AssignInput::default()
        };
        let change = assign(&ticket(), &config(), &input, stamp("2026-11-23 10:00")).unwrap();
        assert_eq!(change.what, "department 售后部, assignee 李四, also 物流部");
        assert_eq!(change.event.assignee.as_deref(), Some("李四"));
    }

    #[test]
    fn nothing_given_is_refused() {
        let got = assign(&ticket(), &config(), &AssignInput::default(), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::NeedsOneOf { operation: "assign", .. }))));
    }

    #[test]
    fn a_notice_needs_an_assignee() {
        let input = AssignInput { department: Some("售后部".into()), notify: true, ..AssignInput::default() };
        let got = assign(&ticket(), &config(), &input, stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::NotifyWithoutAssignee))));
    }

    #[test]
    fn a_blank_involved_department_is_refused() {
        let input = AssignInput { also: vec![" ".into()], ..AssignInput::default() };
        let got = assign(&ticket(), &config(), &input, stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::EmptyField { ref field }) if field == "also"));
    }
}
