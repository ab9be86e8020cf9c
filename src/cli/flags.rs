//! The command line's words for the core's errors: a field an operation
//! names by its input key (`reason`) is the flag `--reason` here, and the
//! refusals that tell what is missing get the hint naming the flag. The
//! one place that knows both; the text is what the commands always said.

use crate::error::{Error, ErrorKind, Refusal};
use crate::lang::Lang;
use crate::lang::words::Words;

/// `e` in the words of a command whose long options include `flags`
/// (input keys, e.g. `["note", "at"]`); its words are said in the language
/// of the moment it is printed.
pub fn reword(e: Error, flags: &[&str]) -> Error {
    let flag = |name: String| if flags.contains(&name.as_str()) { format!("--{name}") } else { name };
    match e {
        Error::EmptyField { field } => Error::EmptyField { field: flag(field) },
        Error::TooLong { field, len, max } => Error::TooLong { field: flag(field), len, max },
        Error::BadCharacter(mut bad) => {
            bad.field = flag(bad.field);
            Error::BadCharacter(bad)
        }
        Error::InvalidTime { text, what } => Error::InvalidTime { text, what: flag(what) },
        Error::AtInFuture { what, at, now } => Error::AtInFuture { what: flag(what), at, now },
        Error::BackdateTooEarly { what, at, last } => {
            let words = Words::new("flag.backdate_too_early");
            let words = if what == "now" {
                words.with_words("what", Words::new("flag.now"))
            } else {
                words.with("what", flag(what))
            };
            Error::Reworded {
                message: words.with("at", at).with("last", last),
                hint: Some(Words::new("flag.backdate_too_early.hint")),
                kind: ErrorKind::Conflict,
            }
        }
        Error::Refused(refusal) => match refusal_words(&refusal) {
            Some((message, hint)) => Error::Reworded { message, hint: Some(hint), kind: refusal.kind() },
            None => Error::Refused(refusal),
        },
        other => other,
    }
}

/// The message and hint of the refusals whose words name a flag.
fn refusal_words(refusal: &Refusal) -> Option<(Words, Words)> {
    let own = |refusal: &Refusal| Words::both(refusal.message_in(Lang::Zh), refusal.message_in(Lang::En));
    Some(match refusal {
        Refusal::NeedsOneOf { operation: "classify", .. } => {
            (Words::new("flag.classify_needs"), Words::new("flag.classify_needs.hint"))
        }
        Refusal::NeedsOneOf { operation: "assign", .. } => {
            (Words::new("flag.assign_needs"), Words::new("flag.assign_needs.hint"))
        }
        Refusal::NotifyWithoutAssignee => {
            (Words::new("flag.notify_needs_assignee"), Words::new("flag.notify_needs_assignee.hint"))
        }
        Refusal::PromiseOnSettled { .. } => (own(refusal), Words::new("flag.reopen_first.hint")),
        Refusal::ExtensionNeedsReason { id, from, to } => (
            Words::new("flag.extension_needs_reason").with("id", id).with("from", from).with("to", to),
            Words::new("refusal_hint.extension"),
        ),
        Refusal::CloseNeedsReason { id } => {
            (Words::new("flag.close_needs_reason").with("id", id), Words::new("flag.close_needs_reason.hint"))
        }
        Refusal::FollowupNeedsResolved { status, .. } => (
            own(refusal),
            if *status == crate::ticket::Status::Closed {
                Words::new("flag.followup_on_closed.hint")
            } else {
                Words::new("flag.resolve_first.hint")
            },
        ),
        Refusal::ScaleNotConfigured { scale, configured } => (
            Words::new("flag.scale_not_configured").with("scale", scale).with("configured", configured.join(", ")),
            Words::new("refusal_hint.scale_not_configured"),
        ),
        Refusal::LowScoreNeedsComment { score, scale, threshold } => (
            Words::new("flag.low_score_needs_comment")
                .with("score", score)
                .with("scale", scale)
                .with("threshold", threshold),
            Words::new("flag.low_score_needs_comment.hint"),
        ),
        Refusal::BadDimension { spec } => {
            (Words::new("flag.bad_dimension").with("spec", format!("{spec:?}")), Words::new("flag.bad_dimension.hint"))
        }
        Refusal::OwnerWithoutAction => {
            (Words::new("flag.owner_without_action"), Words::new("flag.owner_without_action.hint"))
        }
        Refusal::DoneMarkerFields => {
            (Words::new("flag.done_marker_fields"), Words::new("flag.done_marker_fields.hint"))
        }
        Refusal::ActionNeedsOwner => {
            (Words::new("flag.action_needs_owner"), Words::new("flag.action_needs_owner.hint"))
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_of_the_command_becomes_its_flag() {
        let e = reword(Error::EmptyField { field: "note".into() }, &["note"]);
        assert_eq!(e.to_string(), "--note must not be empty");
        let e = reword(Error::EmptyField { field: "summary".into() }, &["note"]);
        assert_eq!(e.to_string(), "summary must not be empty");
    }

    #[test]
    fn a_refusal_names_the_flag_and_keeps_its_kind() {
        let e = reword(Refusal::CloseNeedsReason { id: "CP20261123001".into() }.into(), &[]);
        assert_eq!(e.to_string(), "closing CP20261123001 without a satisfied follow-up needs --reason");
        assert_eq!(e.kind(), ErrorKind::BadInput);
        assert!(e.hint().unwrap().contains("--score N"));
    }

    #[test]
    fn a_chinese_store_gets_the_reworded_refusal_in_chinese() {
        let e = reword(Refusal::CloseNeedsReason { id: "CP20261123001".into() }.into(), &[]);
        assert_eq!(e.message(Lang::Zh), "未经满意回访而关闭 CP20261123001 需要 --reason");
        assert!(e.hint_in(Lang::Zh).unwrap().starts_with("先回访"));
        let e = Error::BackdateTooEarly { what: "now".into(), at: "a".into(), last: "b".into() };
        assert_eq!(reword(e, &[]).message(Lang::Zh), "现在（--now / COMPLAINT_NOW） a 早于该投诉最后一条记录的时间 b");
    }

    #[test]
    fn a_late_now_names_its_flag_and_variable() {
        let e = Error::BackdateTooEarly { what: "now".into(), at: "a".into(), last: "b".into() };
        assert_eq!(
            reword(e, &["at"]).to_string(),
            "now (--now / COMPLAINT_NOW) a is before the ticket's last event at b"
        );
    }
}
