//! `complaint promise ID TIME`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use crate::error::Result;
use crate::ops::{self, PromiseInput};

/// Record the resolution time told to the customer (承诺时限).
/// It is a target of its own; moving it later is an extension and needs
/// --reason (tell the customer one day ahead).
#[derive(Debug, Args)]
pub struct PromiseArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// The promised time, e.g. "2026-11-25 18:00"
    pub time: String,
    /// Why the promise moves later (required for an extension)
    #[arg(long)]
    pub reason: Option<String>,
    /// A note for the history
    #[arg(long, short)]
    pub note: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: PromiseArgs) -> Result<ExitCode> {
    let input = PromiseInput { time: args.time, reason: args.reason, note: args.note, at: args.change.at };
    change::apply(ctx, &args.id, input.at.as_deref(), &["reason", "note", "at"], |ticket, config, stamp| {
        ops::promise(ticket, config, &input, stamp).map(Some)
    })?;
    Ok(ExitCode::SUCCESS)
}
