//! `complaint execute ID --done -m TEXT`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use crate::error::Result;
use crate::ops::{self, ExecuteInput};

/// Report the plan's execution done (执行完成). The customer then
/// confirms the result (`confirm ID result`), which resolves the ticket.
#[derive(Debug, Args)]
pub struct ExecuteArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// The execution is done (the only report today)
    #[arg(long, required = true)]
    pub done: bool,
    /// What was done, e.g. 已上门更换充电座
    #[arg(long = "message", short = 'm', value_name = "TEXT")]
    pub message: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: ExecuteArgs) -> Result<ExitCode> {
    let input = ExecuteInput { done: args.done, message: args.message, at: args.change.at };
    change::apply(ctx, &args.id, input.at.as_deref(), &["message", "at"], |ticket, config, stamp| {
        ops::execute(ticket, config, &input, stamp).map(Some)
    })?;
    Ok(ExitCode::SUCCESS)
}
