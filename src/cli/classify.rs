//! `complaint classify ID`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use super::flags::reword;
use crate::error::Result;
use crate::ops::{self, ClassifyInput};
use crate::tr;

/// Set a ticket's category and/or severity (ids, Chinese labels or aliases:
/// `--severity 紧急` means serious). Deadlines follow the new severity from
/// the original start.
#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// Category: product_quality 产品质量, service_attitude 服务态度, logistics 物流配送, after_sales 售后流程, other 其他
    #[arg(long, short)]
    pub category: Option<String>,
    /// Severity: general 一般, serious 严重, major 重大
    #[arg(long, short)]
    pub severity: Option<String>,
    /// Why, recorded in the history
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: ClassifyArgs) -> Result<ExitCode> {
    let input = ClassifyInput { category: args.category, severity: args.severity, note: args.note, at: args.change.at };
    // Refused before the ticket is read, as always.
    input.check_given().map_err(|e| reword(e, FLAGS))?;
    let applied = change::apply(ctx, &args.id, input.at.as_deref(), FLAGS, |ticket, config, stamp| {
        ops::classify(ticket, config, &input, stamp)
    })?;
    if applied.what.is_none() {
        ctx.info(tr!(ctx.lang(), "cli.classified_unchanged", id = applied.ticket.id));
    }
    Ok(ExitCode::SUCCESS)
}

const FLAGS: &[&str] = &["note", "at"];
