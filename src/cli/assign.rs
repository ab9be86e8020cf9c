//! `complaint assign ID`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{Change, ChangeArgs, optional_text, required_text};
use crate::error::{Error, Result};
use crate::ticket::Action;

/// Set the responsible department and/or assignee; add involved departments
/// (seed 001 8.3: complaints needing several departments) and the staff
/// member complained about (涉事员工).
#[derive(Debug, Args)]
pub struct AssignArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// Responsible department (责任部门), e.g. 售后部
    #[arg(long, short)]
    pub department: Option<String>,
    /// Person handling the ticket (负责人)
    #[arg(long, short)]
    pub assignee: Option<String>,
    /// A further department involved (repeatable)
    #[arg(long, value_name = "DEPT")]
    pub also: Vec<String>,
    /// Staff member the customer complains about (repeatable)
    #[arg(long, value_name = "NAME")]
    pub staff: Vec<String>,
    /// Why, recorded in the history
    #[arg(long)]
    pub note: Option<String>,
    /// Mail the assignee a short notice of the task (address from [people] in complaint.toml)
    #[arg(long)]
    pub notify: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: AssignArgs) -> Result<ExitCode> {
    if args.department.is_none() && args.assignee.is_none() && args.also.is_empty() && args.staff.is_empty() {
        return Err(Error::invalid(
            "assign needs at least one of --department, --assignee, --also, --staff",
            Some("e.g. complaint assign CP20261123001 --department 售后部 --assignee 李四"),
        ));
    }
    let change = Change::begin(ctx, &args.id, &args.change)?;
    let max = change.store.config().limits.max_text_bytes;
    let department = optional_text("--department", args.department.as_deref(), false, max)?;
    let assignee = optional_text("--assignee", args.assignee.as_deref(), false, max)?;
    let also = args.also.iter().map(|d| required_text("--also", d, false, max)).collect::<Result<Vec<_>>>()?;
    let staff = args.staff.iter().map(|s| required_text("--staff", s, false, max)).collect::<Result<Vec<_>>>()?;
    let note = optional_text("--note", args.note.as_deref(), true, max)?;
    // A notice that cannot be sent must not hold up the assignment: the
    // address is looked up now but a missing one is reported after the
    // assignment is recorded. Only a notice without any assignee is a usage
    // error, refused before anything is written.
    let recipient = if args.notify {
        let name = assignee.clone().or_else(|| change.ticket.assignee.clone());
        if name.is_none() {
            return Err(Error::invalid(
                "--notify needs an assignee",
                Some("pass --assignee NAME together with --notify"),
            ));
        }
        Some(super::notify::recipient(change.store.config(), name.as_deref()))
    } else {
        None
    };

    let mut parts = Vec::new();
    if let Some(d) = &department {
        parts.push(format!("department {d}"));
    }
    if let Some(a) = &assignee {
        parts.push(format!("assignee {a}"));
    }
    if !also.is_empty() {
        parts.push(format!("also {}", also.join(", ")));
    }
    if !staff.is_empty() {
        parts.push(format!("staff {}", staff.join(", ")));
    }
    let message = parts.join(", ");
    let mut event = change.event(Action::Assigned);
    event.department = department;
    event.assignee = assignee;
    event.also = also;
    event.staff = staff;
    event.note = note;
    let store = change.store.clone();
    let ticket = change.commit(ctx, event, &message)?;
    if let Some(recipient) = recipient {
        super::notify::send_assignment(ctx, &store, &ticket, recipient)?;
    }
    Ok(ExitCode::SUCCESS)
}
