//! `complaint promise ID TIME`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{Change, ChangeArgs, optional_text};
use crate::error::{Error, Result};
use crate::ticket::{Action, Status};
use crate::time;

/// Record the resolution time told to the customer (承诺时限, seed 001 8.3).
/// It is a target of its own; moving it later is an extension and needs
/// --reason (seed 002: tell the customer one day ahead).
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
    let change = Change::begin(ctx, &args.id, &args.change)?;
    let config = change.store.config();
    let zone = config.zone();
    let max = config.limits.max_text_bytes;
    let promised = time::in_zone(time::parse_time(&args.time, zone, "promised time")?, zone);
    if matches!(change.ticket.status, Status::Resolved | Status::Closed) {
        return Err(Error::invalid(
            format!(
                "{} is already {}; a promise is a resolution time for an open ticket",
                change.ticket.id, change.ticket.status
            ),
            Some("reopen it first (complaint transition ID processing) if the customer needs more"),
        ));
    }
    let reason = optional_text("--reason", args.reason.as_deref(), true, max)?;
    let note = optional_text("--note", args.note.as_deref(), true, max)?;
    if promised <= change.at {
        return Err(Error::invalid(
            format!(
                "the promised time {} is not after the time of the promise {}",
                time::format_instant(&promised),
                time::format_instant(&change.at)
            ),
            None,
        ));
    }
    let extension = change.ticket.promised_at.is_some_and(|old| promised > old);
    if extension && reason.is_none() {
        return Err(Error::invalid(
            format!(
                "moving the promise of {} from {} to {} is an extension and needs --reason",
                change.ticket.id,
                time::format_local(&change.ticket.promised_at.expect("extension has an old promise"), zone),
                time::format_local(&promised, zone)
            ),
            Some("seed 002: tell the customer the reason and the new time one day ahead"),
        ));
    }
    let message = if extension { "promise extended to" } else { "promised by" };
    let message = format!("{message} {}", time::format_local(&promised, zone));
    let mut event = change.event(Action::Promised);
    event.promised_at = Some(promised);
    event.reason = reason;
    event.note = note;
    change.commit(ctx, event, &message)?;
    Ok(ExitCode::SUCCESS)
}
