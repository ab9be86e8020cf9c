//! `complaint escalate ID --to NAME`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use crate::error::Result;
use crate::ops::{self, EscalateInput};

/// Hand a ticket up to a supervisor, or over a manager's head when they
/// cannot solve it. The ticket is flagged escalated.
#[derive(Debug, Args)]
pub struct EscalateArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// Who takes it over, e.g. 客服经理
    #[arg(long, value_name = "NAME")]
    pub to: String,
    /// Why it is escalated
    #[arg(long)]
    pub reason: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: EscalateArgs) -> Result<ExitCode> {
    let input = EscalateInput { to: args.to, reason: args.reason, at: args.change.at };
    change::apply(ctx, &args.id, input.at.as_deref(), &["to", "reason", "at"], |ticket, config, stamp| {
        ops::escalate(ticket, config, &input, stamp).map(Some)
    })?;
    Ok(ExitCode::SUCCESS)
}
