//! `complaint transition ID STATUS`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use crate::error::Result;
use crate::ops::{self, TransitionInput};

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
    let input = TransitionInput {
        status: args.status,
        plan: args.plan,
        cause: args.cause,
        note: args.note,
        reason: args.reason,
        at: args.change.at,
    };
    change::apply(ctx, &args.id, input.at.as_deref(), &["plan", "note", "reason", "at"], |ticket, config, stamp| {
        let change = ops::transition(ticket, config, &input, stamp)?;
        if ops::resolved_without_plan(ticket, &change.event) {
            ctx.warn(format!(
                "{} is resolved without a plan (处理方案); the record table will show it empty — add --plan",
                ticket.id
            ));
        }
        Ok(Some(change))
    })?;
    Ok(ExitCode::SUCCESS)
}
