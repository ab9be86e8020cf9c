//! The command line's words for the core's errors: a field an operation
//! names by its input key (`reason`) is the flag `--reason` here, and the
//! refusals that tell what is missing get the hint naming the flag. The
//! one place that knows both; the text is what the commands always said.

use crate::error::{Error, ErrorKind, Refusal};
use crate::lang::Lang;
use crate::tr;

/// `e` in the words of a command whose long options include `flags`
/// (input keys, e.g. `["note", "at"]`), in `lang`.
pub fn reword(e: Error, flags: &[&str], lang: Lang) -> Error {
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
            let what = if what == "now" { tr!(lang, "flag.now") } else { flag(what) };
            Error::Reworded {
                message: tr!(lang, "flag.backdate_too_early", what = what, at = at, last = last),
                hint: Some(tr!(lang, "flag.backdate_too_early.hint")),
                kind: ErrorKind::Conflict,
            }
        }
        Error::Refused(refusal) => match refusal_words(&refusal, lang) {
            Some((message, hint)) => Error::Reworded { message, hint: Some(hint), kind: refusal.kind() },
            None => Error::Refused(refusal),
        },
        other => other,
    }
}

/// The message and hint, in `lang`, of the refusals whose words name a flag.
fn refusal_words(refusal: &Refusal, lang: Lang) -> Option<(String, String)> {
    Some(match refusal {
        Refusal::NeedsOneOf { operation: "classify", .. } => {
            (tr!(lang, "flag.classify_needs"), tr!(lang, "flag.classify_needs.hint"))
        }
        Refusal::NeedsOneOf { operation: "assign", .. } => {
            (tr!(lang, "flag.assign_needs"), tr!(lang, "flag.assign_needs.hint"))
        }
        Refusal::NotifyWithoutAssignee => {
            (tr!(lang, "flag.notify_needs_assignee"), tr!(lang, "flag.notify_needs_assignee.hint"))
        }
        Refusal::PromiseOnSettled { .. } => (refusal.message_in(lang), tr!(lang, "flag.reopen_first.hint")),
        Refusal::ExtensionNeedsReason { id, from, to } => (
            tr!(lang, "flag.extension_needs_reason", id = id, from = from, to = to),
            tr!(lang, "refusal_hint.extension"),
        ),
        Refusal::CloseNeedsReason { id } => {
            (tr!(lang, "flag.close_needs_reason", id = id), tr!(lang, "flag.close_needs_reason.hint"))
        }
        Refusal::FollowupNeedsResolved { status, .. } => (
            refusal.message_in(lang),
            if *status == crate::ticket::Status::Closed {
                tr!(lang, "flag.followup_on_closed.hint")
            } else {
                tr!(lang, "flag.resolve_first.hint")
            },
        ),
        Refusal::ScaleNotConfigured { scale, configured } => (
            tr!(lang, "flag.scale_not_configured", scale = scale, configured = configured.join(", ")),
            tr!(lang, "refusal_hint.scale_not_configured"),
        ),
        Refusal::LowScoreNeedsComment { score, scale, threshold } => (
            tr!(lang, "flag.low_score_needs_comment", score = score, scale = scale, threshold = threshold),
            tr!(lang, "flag.low_score_needs_comment.hint"),
        ),
        Refusal::BadDimension { spec } => {
            (tr!(lang, "flag.bad_dimension", spec = format!("{spec:?}")), tr!(lang, "flag.bad_dimension.hint"))
        }
        Refusal::OwnerWithoutAction => {
            (tr!(lang, "flag.owner_without_action"), tr!(lang, "flag.owner_without_action.hint"))
        }
        Refusal::DoneMarkerFields => (tr!(lang, "flag.done_marker_fields"), tr!(lang, "flag.done_marker_fields.hint")),
        Refusal::ActionNeedsOwner => (tr!(lang, "flag.action_needs_owner"), tr!(lang, "flag.action_needs_owner.hint")),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_of_the_command_becomes_its_flag() {
        let e = reword(Error::EmptyField { field: "note".into() }, &["note"], Lang::En);
        assert_eq!(e.to_string(), "--note must not be empty");
        let e = reword(Error::EmptyField { field: "summary".into() }, &["note"], Lang::En);
        assert_eq!(e.to_string(), "summary must not be empty");
    }

    #[test]
    fn a_refusal_names_the_flag_and_keeps_its_kind() {
        let e = reword(Refusal::CloseNeedsReason { id: "CP20261123001".into() }.into(), &[], Lang::En);
        assert_eq!(e.to_string(), "closing CP20261123001 without a satisfied follow-up needs --reason");
        assert_eq!(e.kind(), ErrorKind::BadInput);
        assert!(e.hint().unwrap().contains("--score N"));
    }

    #[test]
    fn a_chinese_store_gets_the_reworded_refusal_in_chinese() {
        let e = reword(Refusal::CloseNeedsReason { id: "CP20261123001".into() }.into(), &[], Lang::Zh);
        assert_eq!(e.message(Lang::Zh), "未经满意回访而关闭 CP20261123001 需要 --reason");
        assert!(e.hint_in(Lang::Zh).unwrap().starts_with("先回访"));
        let e = Error::BackdateTooEarly { what: "now".into(), at: "a".into(), last: "b".into() };
        assert_eq!(
            reword(e, &[], Lang::Zh).to_string(),
            "现在（--now / COMPLAINT_NOW） a 早于该投诉最后一条记录的时间 b"
        );
    }

    #[test]
    fn a_late_now_names_its_flag_and_variable() {
        let e = Error::BackdateTooEarly { what: "now".into(), at: "a".into(), last: "b".into() };
        assert_eq!(
            reword(e, &["at"], Lang::En).to_string(),
            "now (--now / COMPLAINT_NOW) a is before the ticket's last event at b"
        );
    }
}
