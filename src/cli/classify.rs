//! `complaint classify ID`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{Change, ChangeArgs, optional_text};
use crate::config::ChoiceKind;
use crate::error::{Error, Result};
use crate::ticket::Action;

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
    if args.category.is_none() && args.severity.is_none() {
        return Err(Error::invalid(
            "classify needs --category and/or --severity",
            Some("e.g. complaint classify CP20261123001 --category 物流 --severity 一般"),
        ));
    }
    let change = Change::begin(ctx, &args.id, &args.change)?;
    let config = change.store.config();
    let max = config.limits.max_text_bytes;
    let category = args.category.as_deref().map(|c| config.resolve(ChoiceKind::Category, c)).transpose()?;
    let severity = args.severity.as_deref().map(|s| config.resolve(ChoiceKind::Severity, s)).transpose()?;
    let note = optional_text("--note", args.note.as_deref(), true, max)?;
    let category = category.filter(|c| change.ticket.category.as_ref() != Some(c));
    let severity = severity.filter(|s| change.ticket.severity != *s);
    if category.is_none() && severity.is_none() {
        ctx.info(format!("{}: already classified so; nothing changed", change.ticket.id));
        return Ok(ExitCode::SUCCESS);
    }
    let mut parts = Vec::new();
    if let Some(c) = &category {
        parts.push(format!("category {}", config.label(ChoiceKind::Category, c)));
    }
    if let Some(s) = &severity {
        parts.push(format!("severity {}", config.label(ChoiceKind::Severity, s)));
    }
    let message = parts.join(", ");
    let mut event = change.event(Action::Classified);
    event.category = category;
    event.severity = severity;
    event.note = note;
    change.commit(ctx, event, &message)?;
    Ok(ExitCode::SUCCESS)
}
