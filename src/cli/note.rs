//! `complaint note ID -m TEXT`

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::Context;
use super::change::{self, ChangeArgs};
use super::flags::reword;
use crate::error::{Error, Result};
use crate::ops::{self, NoteInput};
use crate::ticket::NoteKind;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Progress reported to or for the customer (meets the update target)
    Progress,
    /// Internal remark
    Internal,
    /// Action item from the weekly review, with --owner and --due
    Action,
}

/// Add a note to a ticket's history: progress (default), internal, or an
/// action item from the weekly review meeting with an owner and a due date.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// The note text
    #[arg(long = "message", short = 'm', value_name = "TEXT", required_unless_present = "attach")]
    pub message: Option<String>,
    /// Kind of note
    #[arg(long, value_enum, default_value = "progress")]
    pub kind: KindArg,
    /// Who must do the action (with --kind action)
    #[arg(long)]
    pub owner: Option<String>,
    /// When the action is due, e.g. 2026-11-30 (end of that day) or "2026-11-30 12:00"
    #[arg(long, value_name = "TIME")]
    pub due: Option<String>,
    /// Mark action item N of the ticket done (numbered from 1 in history order)
    #[arg(long, value_name = "N")]
    pub done: Option<u32>,
    /// Files are kept with `complaint attach`; here only to say so (clap
    /// would suggest --at).
    #[arg(long, hide = true, num_args = 0.., value_name = "FILE")]
    pub attach: Option<Vec<String>>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: NoteArgs) -> Result<ExitCode> {
    if args.attach.is_some() {
        return Err(Error::invalid(
            "note takes no files: --attach is not an option of note",
            Some(&format!(
                "keep files with `complaint attach {} FILE… [--kind proof|photo|report|signed|receipt|other] [-m NOTE]`",
                args.id
            )),
        ));
    }
    let kind = match args.kind {
        KindArg::Progress => NoteKind::Progress,
        KindArg::Internal => NoteKind::Internal,
        KindArg::Action => NoteKind::Action,
    };
    let input = NoteInput {
        message: args.message.unwrap_or_default(),
        kind,
        owner: args.owner,
        due: args.due,
        done: args.done,
        at: args.change.at,
    };
    // Refused before the ticket is read, as always.
    input.check_given().map_err(|e| reword(e, FLAGS))?;
    change::apply(ctx, &args.id, input.at.as_deref(), FLAGS, |ticket, config, stamp| {
        ops::note(ticket, config, &input, stamp).map(Some)
    })?;
    Ok(ExitCode::SUCCESS)
}

const FLAGS: &[&str] = &["message", "owner", "due", "done", "at"];
