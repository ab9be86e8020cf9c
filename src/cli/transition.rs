//! `complaint transition ID STATUS`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{Change, ChangeArgs, optional_text};
use crate::config::ChoiceKind;
use crate::error::{Error, Result};
use crate::ticket::{Action, Status};

/// Move a ticket along the lifecycle: new 待受理 → processing 处理中 ⇄
/// waiting_customer 待客户回复 → resolved 已解决 → closed 已关闭; closed →
/// processing reopens. Closing without a satisfied follow-up needs --reason.
#[derive(Debug, Args)]
pub struct TransitionArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// Target status: id or label (processing, 处理中, resolved, 已解决 …)
    pub status: String,
    /// The plan executed for the customer (处理方案)
    #[arg(long)]
    pub plan: Option<String>,
    /// Root cause: product_defect, packaging, courier, staff, process, customer, other
    #[arg(long)]
    pub cause: Option<String>,
    /// A note for the history, e.g. what was told to the customer
    #[arg(long, short)]
    pub note: Option<String>,
    /// Why (required to close without a satisfied follow-up: invalid, duplicate, unreachable …)
    #[arg(long)]
    pub reason: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: TransitionArgs) -> Result<ExitCode> {
    let change = Change::begin(ctx, &args.id, &args.change)?;
    let config = change.store.config();
    let max = config.limits.max_text_bytes;
    let to = config.resolve_status(&args.status)?;
    let from = change.ticket.status;
    if !from.can_move_to(to) {
        let allowed =
            from.allowed_targets().iter().map(|s| format!("{s} ({})", config.status_label(*s))).collect::<Vec<_>>();
        return Err(Error::InvalidTransition {
            id: change.ticket.id.clone(),
            from: format!("{from} ({})", config.status_label(from)),
            to: format!("{to} ({})", config.status_label(to)),
            allowed: allowed.join(", "),
        });
    }
    let plan = optional_text("--plan", args.plan.as_deref(), true, max)?;
    let cause = args.cause.as_deref().map(|c| config.resolve(ChoiceKind::Cause, c)).transpose()?;
    let note = optional_text("--note", args.note.as_deref(), true, max)?;
    let reason = optional_text("--reason", args.reason.as_deref(), true, max)?;
    let satisfied = change.ticket.satisfaction.as_ref().is_some_and(|s| s.satisfied);
    if to == Status::Closed && reason.is_none() && !satisfied {
        return Err(Error::invalid(
            format!("closing {} without a satisfied follow-up needs --reason", change.ticket.id),
            Some(
                "follow up first (complaint followup ID --score N), or say why: --reason 重复投诉 / 无法联系客户 / 无效投诉",
            ),
        ));
    }
    if to == Status::Resolved && plan.is_none() && change.ticket.plan.is_none() {
        ctx.warn(format!(
            "{} is resolved without a plan (处理方案); the record table will show it empty — add --plan",
            change.ticket.id
        ));
    }
    let message = format!("{from} -> {to}");
    let mut event = change.event(Action::Transition);
    event.from = Some(from);
    event.to = Some(to);
    event.plan = plan;
    event.cause = cause;
    event.note = note;
    event.reason = reason;
    change.commit(ctx, event, &message)?;
    Ok(ExitCode::SUCCESS)
}
