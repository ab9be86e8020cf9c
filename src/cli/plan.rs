//! `complaint plan ID -m TEXT --execute-by TIME`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use crate::error::Result;
use crate::ops::{self, PlanInput};

/// Record the plan told to the customer and when it will have been carried
/// out (方案告知). It becomes the ticket's plan (处理方案); a
/// ticket still new moves to processing. The customer's answer is recorded
/// with `confirm ID plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// The plan, as told to the customer, e.g. 上门更换充电座
    #[arg(long = "message", short = 'm', value_name = "TEXT")]
    pub message: String,
    /// When it will have been carried out, e.g. "2026-11-25 18:00", 明天 18:00, +2wd (a bare date: the end of that day)
    #[arg(long, value_name = "TIME")]
    pub execute_by: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: PlanArgs) -> Result<ExitCode> {
    let input = PlanInput { message: args.message, execute_by: args.execute_by, at: args.change.at };
    change::apply(ctx, &args.id, input.at.as_deref(), &["message", "execute_by", "at"], |ticket, config, stamp| {
        ops::plan(ticket, config, &input, stamp).map(Some)
    })?;
    Ok(ExitCode::SUCCESS)
}
