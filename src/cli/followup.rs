//! `complaint followup ID`

use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{self, ChangeArgs};
use crate::error::Result;
use crate::ops::{self, FollowupInput};

/// Record the satisfaction follow-up (回访) of a resolved ticket. A score at
/// or above the threshold (4 of 5, 8 of 10) closes it. Below it — or with
/// --unsatisfied whatever the score — the customer's veto applies: the
/// ticket reopens to processing, starts a new resolution cycle and is
/// flagged escalated. A score below the threshold needs --comment.
#[derive(Debug, Args)]
pub struct FollowupArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// Satisfaction score, 1 to the scale
    #[arg(long, short, required_unless_present_any = ["no_answer", "answer"])]
    pub score: Option<u32>,
    /// The answer in words on the four-level survey: 非常满意, 满意, 一般, 不满意
    /// (or very_satisfied, satisfied, neutral, dissatisfied); instead of --score
    #[arg(long, conflicts_with_all = ["score", "scale", "no_answer"])]
    pub answer: Option<String>,
    /// Scale of the score (5 or 10; default from [satisfaction] default_scale)
    #[arg(long)]
    pub scale: Option<u32>,
    /// What the customer said (required below the satisfied threshold)
    #[arg(long, short)]
    pub comment: Option<String>,
    /// Score of one dimension, e.g. --dimension 效率=4 (repeatable)
    #[arg(long, value_name = "NAME=SCORE")]
    pub dimension: Vec<String>,
    /// The customer still objects: reopen whatever the score (one-vote veto, 一票否决)
    #[arg(long)]
    pub unsatisfied: bool,
    /// Nobody answered: record the attempt (it does not meet the follow-up target)
    #[arg(long, conflicts_with_all = ["score", "unsatisfied", "dimension"])]
    pub no_answer: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: FollowupArgs) -> Result<ExitCode> {
    let input = FollowupInput {
        score: args.score,
        answer: args.answer,
        scale: args.scale,
        comment: args.comment,
        dimension: args.dimension,
        unsatisfied: args.unsatisfied,
        no_answer: args.no_answer,
        at: args.change.at,
    };
    change::apply(
        ctx,
        &args.id,
        input.at.as_deref(),
        &["comment", "dimension", "answer", "at"],
        |ticket, config, stamp| ops::followup(ticket, config, &input, stamp).map(Some),
    )?;
    Ok(ExitCode::SUCCESS)
}
