//! `complaint diagnose ID -m TEXT [--severity S]`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use crate::error::Result;
use crate::ops::{self, DiagnoseInput};

/// Record the first diagnosis (初步诊断): what the problem is,
/// and the severity it finds (一般 / 严重 / 重大), which recomputes every
/// deadline from the original receipt. It moves no status and is not a
/// first response.
#[derive(Debug, Args)]
pub struct DiagnoseArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// The diagnosis
    #[arg(long = "message", short = 'm', value_name = "TEXT")]
    pub message: String,
    /// The severity found: id, label or alias (general, 一般, serious, 严重, major, 重大 …)
    #[arg(long)]
    pub severity: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: DiagnoseArgs) -> Result<ExitCode> {
    let input = DiagnoseInput { message: args.message, severity: args.severity, at: args.change.at };
    change::apply(ctx, &args.id, input.at.as_deref(), &["message", "severity", "at"], |ticket, config, stamp| {
        ops::diagnose(ticket, config, &input, stamp).map(Some)
    })?;
    Ok(ExitCode::SUCCESS)
}
