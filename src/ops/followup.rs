//! Follow-up (回访) of a resolved ticket: a score at or above the
//! threshold closes it; below it, or when the customer still objects, the
//! customer's veto (seed 001) reopens it to processing, escalated.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Change, Stamp, optional_text, required_text};
use crate::config::Config;
use crate::error::{Error, Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, Event, Status, Ticket};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowupInput {
    /// Required unless `no_answer` or `answer`.
    pub score: Option<u32>,
    /// A word of a word scale (`满意`, `satisfied`): sets score and scale.
    pub answer: Option<String>,
    /// Default: `[satisfaction] default_scale`.
    pub scale: Option<u32>,
    pub comment: Option<String>,
    /// Scores of single dimensions, each `NAME=SCORE`.
    #[serde(default)]
    pub dimension: Vec<String>,
    /// The customer still objects: reopen whatever the score.
    #[serde(default)]
    pub unsatisfied: bool,
    /// Nobody answered: the attempt is recorded, the target is not met.
    #[serde(default)]
    pub no_answer: bool,
    pub at: Option<String>,
}

pub fn followup(ticket: &Ticket, config: &Config, input: &FollowupInput, stamp: Stamp) -> Result<Change> {
    if ticket.status != Status::Resolved {
        let label = config.status_label(ticket.status).to_string();
        return Err(Refusal::FollowupNeedsResolved { id: ticket.id.clone(), status: ticket.status, label }.into());
    }
    let comment = optional_text("comment", input.comment.as_deref(), true, config.limits.max_text_bytes)?;
    let mut event = Event::new(stamp.at, &stamp.by, Action::Followup);
    event.comment = comment;
    if input.no_answer {
        event.no_answer = true;
        return Ok(Change::new(event, Words::new("change.followup_no_answer")));
    }
    let (score, scale) = score_and_scale(input, config)?;
    let threshold = config.satisfied_at(scale).ok_or_else(|| Refusal::ScaleNotConfigured {
        scale,
        configured: config.satisfaction.satisfied_at.keys().cloned().collect(),
    })?;
    let score = score.ok_or_else(|| Error::MissingFields { fields: vec!["score".into()] })?;
    check_score(score, scale)?;
    let dimensions = parse_dimensions(&input.dimension, scale)?;
    let satisfied = score >= threshold && !input.unsatisfied;
    if score < threshold && event.comment.is_none() {
        return Err(Refusal::LowScoreNeedsComment { score, scale, threshold }.into());
    }
    let to = if satisfied { Status::Closed } else { Status::Processing };
    event.score = Some(score);
    event.scale = Some(scale);
    event.satisfied = Some(satisfied);
    event.dimensions = dimensions;
    event.from = Some(Status::Resolved);
    event.to = Some(to);
    let shown = match config.satisfaction.word(score, scale) {
        Some(word) => format!("{} {score}/{scale}", word.label),
        None => format!("{score}/{scale}"),
    };
    let key = if satisfied { "change.satisfied" } else { "change.not_satisfied" };
    Ok(Change::new(event, Words::new(key).with("score", shown)))
}

/// The score and its scale: from a word of a word scale, or as given
/// (the scale defaulting to `[satisfaction] default_scale`).
fn score_and_scale(input: &FollowupInput, config: &Config) -> Result<(Option<u32>, u32)> {
    let Some(word) = &input.answer else {
        return Ok((input.score, input.scale.unwrap_or(config.satisfaction.default_scale)));
    };
    if input.score.is_some() || input.scale.is_some() {
        return Err(Error::invalid("give an answer word or a score, not both", Some("e.g. answer 满意, or score 4")));
    }
    let answer = config.satisfaction.answer(word)?;
    Ok((Some(answer.score), answer.scale))
}

fn check_score(score: u32, scale: u32) -> Result<()> {
    if (1..=scale).contains(&score) { Ok(()) } else { Err(Error::ScoreOutOfScale { score, scale }) }
}

fn parse_dimensions(specs: &[String], scale: u32) -> Result<BTreeMap<String, u32>> {
    let mut dimensions = BTreeMap::new();
    for spec in specs {
        let bad = || Error::from(Refusal::BadDimension { spec: spec.clone() });
        let (name, score) = spec.split_once('=').ok_or_else(bad)?;
        let name = required_text("dimension", name, false, 100)?;
        let score: u32 = score.trim().parse().map_err(|_| bad())?;
        check_score(score, scale)?;
        dimensions.insert(name, score);
    }
    Ok(dimensions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::fixtures::{config, stamp, ticket};

    fn resolved() -> Ticket {
        let mut ticket = ticket();
        ticket.status = Status::Resolved;
        ticket
    }

    fn scored(score: u32, comment: Option<&str>) -> FollowupInput {
        FollowupInput { score: Some(score), comment: comment.map(str::to_string), ..FollowupInput::default() }
    }

    #[test]
    fn a_score_at_the_threshold_closes() {
        let change = followup(&resolved(), &config(), &scored(4, None), stamp("2026-11-24 10:00")).unwrap();
        assert_eq!(change.event.to, Some(Status::Closed));
        assert_eq!(change.what, "satisfied (4/5), resolved -> closed");
    }

    #[test]
    fn a_low_score_needs_a_comment_and_reopens() {
        let got = followup(&resolved(), &config(), &scored(3, None), stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::LowScoreNeedsComment { threshold: 4, .. }))));
        let change =
            followup(&resolved(), &config(), &scored(3, Some("补偿未到账")), stamp("2026-11-24 10:00")).unwrap();
        assert_eq!(change.event.to, Some(Status::Processing));
        assert_eq!(change.event.satisfied, Some(false));
    }

    #[test]
    fn the_veto_reopens_whatever_the_score() {
        let input = FollowupInput { unsatisfied: true, ..scored(5, None) };
        let change = followup(&resolved(), &config(), &input, stamp("2026-11-24 10:00")).unwrap();
        assert_eq!(change.event.to, Some(Status::Processing));
    }

    #[test]
    fn the_threshold_follows_the_scale() {
        let input = FollowupInput { scale: Some(10), ..scored(8, None) };
        assert!(followup(&resolved(), &config(), &input, stamp("2026-11-24 10:00")).is_ok());
        let input = FollowupInput { scale: Some(7), ..scored(5, None) };
        let got = followup(&resolved(), &config(), &input, stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::ScaleNotConfigured { scale: 7, .. }))));
    }

    #[test]
    fn only_a_resolved_ticket_takes_a_follow_up() {
        let got = followup(&ticket(), &config(), &scored(5, None), stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::FollowupNeedsResolved { .. }))));
    }

    #[test]
    fn dimensions_are_name_equals_score_within_the_scale() {
        let input = FollowupInput { dimension: vec!["效率=4".into()], ..scored(5, None) };
        let change = followup(&resolved(), &config(), &input, stamp("2026-11-24 10:00")).unwrap();
        assert_eq!(change.event.dimensions.get("效率"), Some(&4));
        let input = FollowupInput { dimension: vec!["效率".into()], ..scored(5, None) };
        let got = followup(&resolved(), &config(), &input, stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::BadDimension { .. }))));
        let input = FollowupInput { dimension: vec!["效率=6".into()], ..scored(5, None) };
        let got = followup(&resolved(), &config(), &input, stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::ScoreOutOfScale { score: 6, .. })));
    }

    fn answered(word: &str, comment: Option<&str>) -> FollowupInput {
        FollowupInput { answer: Some(word.into()), comment: comment.map(str::to_string), ..FollowupInput::default() }
    }

    #[test]
    fn a_word_is_its_rank_on_the_four_level_scale() {
        let change = followup(&resolved(), &config(), &answered("满意", None), stamp("2026-11-24 10:00")).unwrap();
        assert_eq!((change.event.score, change.event.scale, change.event.to), (Some(3), Some(4), Some(Status::Closed)));
        assert_eq!(change.what, "satisfied (满意 3/4), resolved -> closed");
        let got = followup(&resolved(), &config(), &answered("一般", None), stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::LowScoreNeedsComment { score: 2, scale: 4, threshold: 3 }))));
        let change =
            followup(&resolved(), &config(), &answered("dissatisfied", Some("没人管")), stamp("2026-11-24 10:00"))
                .unwrap();
        assert_eq!((change.event.score, change.event.to), (Some(1), Some(Status::Processing)));
    }

    #[test]
    fn a_word_and_a_score_do_not_go_together_and_an_unknown_word_is_refused() {
        let input = FollowupInput { score: Some(4), ..answered("满意", None) };
        assert!(followup(&resolved(), &config(), &input, stamp("2026-11-24 10:00")).is_err());
        let got = followup(&resolved(), &config(), &answered("还行", None), stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::UnknownValue { kind: "answer", .. })));
    }

    #[test]
    fn no_answer_records_the_attempt_only() {
        let input = FollowupInput { no_answer: true, ..FollowupInput::default() };
        let change = followup(&resolved(), &config(), &input, stamp("2026-11-24 10:00")).unwrap();
        assert!(change.event.no_answer);
        assert_eq!(change.event.to, None);
    }
}
