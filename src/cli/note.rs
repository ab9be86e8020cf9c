//! `complaint note ID -m TEXT`

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::Context;
use super::change::{Change, ChangeArgs, optional_text, required_text};
use crate::error::{Error, Result};
use crate::ticket::{Action, NoteKind};
use crate::time;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Progress reported to or for the customer (meets the update target)
    Progress,
    /// Internal remark
    Internal,
    /// Action item from the weekly review, with --owner and --due (seed 001 8.4)
    Action,
}

/// Add a note to a ticket's history: progress (default), internal, or an
/// action item from the weekly review meeting with an owner and a due date.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// The note text
    #[arg(long = "message", short = 'm', value_name = "TEXT")]
    pub message: String,
    /// Kind of note
    #[arg(long, value_enum, default_value = "progress")]
    pub kind: KindArg,
    /// Who must do the action (with --kind action)
    #[arg(long)]
    pub owner: Option<String>,
    /// When the action is due, e.g. 2026-11-30 (end of that day) or "2026-11-30 12:00"
    #[arg(long, value_name = "TIME")]
    pub due: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: NoteArgs) -> Result<ExitCode> {
    let kind = match args.kind {
        KindArg::Progress => NoteKind::Progress,
        KindArg::Internal => NoteKind::Internal,
        KindArg::Action => NoteKind::Action,
    };
    if kind != NoteKind::Action && (args.owner.is_some() || args.due.is_some()) {
        return Err(Error::invalid(
            "--owner and --due belong to action items",
            Some("use --kind action --owner NAME --due DATE"),
        ));
    }
    if kind == NoteKind::Action && args.owner.is_none() {
        return Err(Error::invalid(
            "an action item needs --owner (seed 001 8.4: 明确责任人)",
            Some("e.g. --kind action --owner 王经理 --due 2026-11-30"),
        ));
    }
    let change = Change::begin(ctx, &args.id, &args.change)?;
    let config = change.store.config();
    let max = config.limits.max_text_bytes;
    let text = required_text("--message", &args.message, true, max)?;
    let owner = optional_text("--owner", args.owner.as_deref(), false, max)?;
    let due = args.due.as_deref().map(|d| parse_due(d, config.zone())).transpose()?;
    let mut event = change.event(Action::Note);
    event.kind = Some(kind);
    event.note = Some(text);
    event.owner = owner;
    event.due = due;
    change.commit(ctx, event, &format!("{} note added", kind.id()))?;
    Ok(ExitCode::SUCCESS)
}

/// A bare date means the end of that day (24:00), like a period's last day.
fn parse_due(text: &str, zone: chrono_tz::Tz) -> Result<chrono::DateTime<chrono::FixedOffset>> {
    let at = time::parse_time(text, zone, "--due")?;
    let date_only = time::parse_date(text, "--due").is_ok();
    Ok(if date_only { at + chrono::Duration::days(1) } else { at })
}
