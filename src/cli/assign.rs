//! `complaint assign ID`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use super::flags::reword;
use crate::error::Result;
use crate::ops::{self, AssignInput};

/// Set the responsible department and/or assignee; add involved departments
/// (complaints needing several departments) and the staff
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
    let input = AssignInput {
        department: args.department,
        assignee: args.assignee,
        also: args.also,
        staff: args.staff,
        note: args.note,
        notify: args.notify,
        at: args.change.at,
    };
    // Refused before the ticket is read, as always.
    input.check_given().map_err(|e| reword(e, FLAGS))?;
    // A notice that cannot be sent must not hold up the assignment: the
    // address is looked up under the lock, but a missing one is reported
    // after the assignment is recorded.
    let mut recipient = None;
    let applied = change::apply(ctx, &args.id, input.at.as_deref(), FLAGS, |ticket, config, stamp| {
        let change = ops::assign(ticket, config, &input, stamp)?;
        if input.notify {
            let name = change.event.assignee.as_deref().or(ticket.assignee.as_deref());
            recipient = Some(super::notify::recipient(config, name));
        }
        Ok(Some(change))
    })?;
    if let Some(recipient) = recipient {
        let store = ctx.open_store()?;
        super::notify::send_assignment(ctx, &store, &applied.ticket, recipient)?;
    }
    Ok(ExitCode::SUCCESS)
}

const FLAGS: &[&str] = &["department", "assignee", "also", "staff", "note", "at"];
