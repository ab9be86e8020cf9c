//! `complaint followup ID`

use std::collections::BTreeMap;
use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{Change, ChangeArgs, optional_text};
use crate::error::{Error, Result};
use crate::ticket::{Action, Status};

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
    #[arg(long, short, required_unless_present = "no_answer")]
    pub score: Option<u32>,
    /// Scale of the score (5 or 10; default from [satisfaction] default_scale)
    #[arg(long)]
    pub scale: Option<u32>,
    /// What the customer said (required below the satisfied threshold)
    #[arg(long, short)]
    pub comment: Option<String>,
    /// Score of one dimension, e.g. --dimension 效率=4 (repeatable)
    #[arg(long, value_name = "NAME=SCORE")]
    pub dimension: Vec<String>,
    /// The customer still objects: reopen whatever the score (seed 001: one-vote veto)
    #[arg(long)]
    pub unsatisfied: bool,
    /// Nobody answered: record the attempt (it does not meet the follow-up target)
    #[arg(long, conflicts_with_all = ["score", "unsatisfied", "dimension"])]
    pub no_answer: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: FollowupArgs) -> Result<ExitCode> {
    let change = Change::begin(ctx, &args.id, &args.change)?;
    let config = change.store.config();
    let max = config.limits.max_text_bytes;
    if change.ticket.status != Status::Resolved {
        let hint = if change.ticket.status == Status::Closed {
            "it is closed; to handle it again reopen it: complaint transition ID processing --note …"
        } else {
            "resolve it first: complaint transition ID resolved --plan …"
        };
        return Err(Error::invalid(
            format!(
                "{} is {} ({}); a follow-up needs a resolved ticket",
                change.ticket.id,
                change.ticket.status,
                config.status_label(change.ticket.status)
            ),
            Some(hint),
        ));
    }
    let comment = optional_text("--comment", args.comment.as_deref(), true, max)?;
    let mut event = change.event(Action::Followup);
    event.comment = comment;
    if args.no_answer {
        event.no_answer = true;
        change.commit(ctx, event, "follow-up attempt, no answer")?;
        return Ok(ExitCode::SUCCESS);
    }
    let scale = args.scale.unwrap_or(config.satisfaction.default_scale);
    let threshold = config.satisfied_at(scale).ok_or_else(|| {
        let scales: Vec<&str> = config.satisfaction.satisfied_at.keys().map(String::as_str).collect();
        Error::invalid(
            format!("--scale {scale} is not configured; configured scales: {}", scales.join(", ")),
            Some("add it under [satisfaction] satisfied_at in complaint.toml"),
        )
    })?;
    let score = args.score.expect("clap requires --score without --no-answer");
    check_score(score, scale)?;
    let dimensions = parse_dimensions(&args.dimension, scale)?;
    let satisfied = score >= threshold && !args.unsatisfied;
    if score < threshold && event.comment.is_none() {
        return Err(Error::invalid(
            format!(
                "score {score} of {scale} is below the satisfied threshold {threshold}; --comment with the customer's reason is required"
            ),
            Some("seed 002: ask why and record it, e.g. --comment \"补偿未到账\""),
        ));
    }
    let to = if satisfied { Status::Closed } else { Status::Processing };
    event.score = Some(score);
    event.scale = Some(scale);
    event.satisfied = Some(satisfied);
    event.dimensions = dimensions;
    event.from = Some(Status::Resolved);
    event.to = Some(to);
    let message = if satisfied {
        format!("satisfied ({score}/{scale}), resolved -> closed")
    } else {
        format!("not satisfied ({score}/{scale}): reopened, resolved -> processing, escalated")
    };
    change.commit(ctx, event, &message)?;
    Ok(ExitCode::SUCCESS)
}

fn check_score(score: u32, scale: u32) -> Result<()> {
    if (1..=scale).contains(&score) { Ok(()) } else { Err(Error::ScoreOutOfScale { score, scale }) }
}

fn parse_dimensions(specs: &[String], scale: u32) -> Result<BTreeMap<String, u32>> {
    let mut dimensions = BTreeMap::new();
    for spec in specs {
        let bad = || {
            Error::invalid(
                format!("--dimension {spec:?} is not NAME=SCORE"),
                Some("e.g. --dimension 效率=4 --dimension 态度=5"),
            )
        };
        let (name, score) = spec.split_once('=').ok_or_else(bad)?;
        let name = super::change::required_text("--dimension", name, false, 100)?;
        let score: u32 = score.trim().parse().map_err(|_| bad())?;
        check_score(score, scale)?;
        dimensions.insert(name, score);
    }
    Ok(dimensions)
}
