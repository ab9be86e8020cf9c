//! `complaint task ID TEXT --department D [--owner O] [--due WHEN]` and
//! `complaint task ID --done N [-m NOTE]`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use super::flags::reword;
use crate::error::Result;
use crate::ops::{self, TaskInput};

/// 执行任务 (执行落地): hand a task of the plan to another
/// department, e.g. 仓储部 ships within 24h, 财务部 pays within 3 working
/// days. It is a deadline in `overdue` under its owner until done: by
/// `--done N`, by its owner's own step, or by the ticket's resolution.
#[derive(Debug, Args)]
pub struct TaskArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// What must be done, e.g. 24小时内发出换新机
    #[arg(required_unless_present = "done")]
    pub text: Option<String>,
    /// The department it is handed to (a [departments.NAME] of complaint.toml)
    #[arg(long, required_unless_present = "done")]
    pub department: Option<String>,
    /// Who must do it [default: the department's supervisor, else the department]
    #[arg(long)]
    pub owner: Option<String>,
    /// When it is due, e.g. +24h, +3wd, "2026-11-30 12:00", 2026-11-30 (end of that day)
    /// [default: the department's task_within]
    #[arg(long, value_name = "TIME")]
    pub due: Option<String>,
    /// Mark task N of the ticket done (numbered from 1 in history order)
    #[arg(long, value_name = "N", conflicts_with_all = ["text", "department", "owner", "due"])]
    pub done: Option<u32>,
    /// A note on marking the task done (with --done)
    #[arg(long = "message", short = 'm', value_name = "TEXT", requires = "done")]
    pub message: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: TaskArgs) -> Result<ExitCode> {
    let input = TaskInput {
        text: args.text,
        department: args.department,
        owner: args.owner,
        due: args.due,
        done: args.done,
        message: args.message,
        at: args.change.at,
    };
    input.check_given().map_err(|e| reword(e, FLAGS))?;
    change::apply(ctx, &args.id, input.at.as_deref(), FLAGS, |ticket, config, stamp| {
        ops::task(ticket, config, &input, stamp).map(Some)
    })?;
    Ok(ExitCode::SUCCESS)
}

const FLAGS: &[&str] = &["department", "owner", "due", "done", "message", "at"];
