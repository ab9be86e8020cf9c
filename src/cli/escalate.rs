//! `complaint escalate ID --to NAME`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{Change, ChangeArgs, required_text};
use crate::error::Result;
use crate::ticket::Action;

/// Hand a ticket up to a supervisor, or over a manager's head when they
/// cannot solve it (seed 001 8.2, seed 002). The ticket is flagged escalated.
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
    let change = Change::begin(ctx, &args.id, &args.change)?;
    let max = change.store.config().limits.max_text_bytes;
    let to = required_text("--to", &args.to, false, max)?;
    let reason = required_text("--reason", &args.reason, true, max)?;
    let message = format!("escalated to {to}");
    let mut event = change.event(Action::Escalated);
    event.escalated_to = Some(to);
    event.reason = Some(reason);
    change.commit(ctx, event, &message)?;
    Ok(ExitCode::SUCCESS)
}
