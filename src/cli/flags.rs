//! The command line's words for the core's errors: a field an operation
//! names by its input key (`reason`) is the flag `--reason` here, and the
//! refusals that tell what is missing get the hint naming the flag. The
//! one place that knows both; the text is what the commands always said.

use crate::error::{Error, ErrorKind, Refusal};

/// `e` in the words of a command whose long options include `flags`
/// (input keys, e.g. `["note", "at"]`).
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
            let what = if what == "now" { "now (--now / COMPLAINT_NOW)".to_string() } else { flag(what) };
            Error::Reworded {
                message: format!("{what} {at} is before the ticket's last event at {last}"),
                hint: Some("history is append-only; --at may not precede the last event".into()),
                kind: ErrorKind::Conflict,
            }
        }
        Error::Refused(refusal) => match refusal_words(&refusal) {
            Some((message, hint)) => Error::Reworded { message, hint: Some(hint.into()), kind: refusal.kind() },
            None => Error::Refused(refusal),
        },
        other => other,
    }
}

/// The message and hint of the refusals whose words name a flag.
fn refusal_words(refusal: &Refusal) -> Option<(String, &'static str)> {
    Some(match refusal {
        Refusal::NeedsOneOf { operation: "classify", .. } => (
            "classify needs --category and/or --severity".into(),
            "e.g. complaint classify CP20261123001 --category 物流 --severity 一般",
        ),
        Refusal::NeedsOneOf { operation: "assign", .. } => (
            "assign needs at least one of --department, --assignee, --also, --staff".into(),
            "e.g. complaint assign CP20261123001 --department 售后部 --assignee 李四",
        ),
        Refusal::NotifyWithoutAssignee => {
            ("--notify needs an assignee".into(), "pass --assignee NAME together with --notify")
        }
        Refusal::PromiseOnSettled { .. } => {
            (refusal.to_string(), "reopen it first (complaint transition ID processing) if the customer needs more")
        }
        Refusal::ExtensionNeedsReason { id, from, to } => (
            format!("moving the promise of {id} from {from} to {to} is an extension and needs --reason"),
            "tell the customer the reason and the new time one day ahead",
        ),
        Refusal::CloseNeedsReason { id } => (
            format!("closing {id} without a satisfied follow-up needs --reason"),
            "follow up first (complaint followup ID --score N), or say why: --reason 重复投诉 / 无法联系客户 / 无效投诉",
        ),
        Refusal::FollowupNeedsResolved { status, .. } => (
            refusal.to_string(),
            if *status == crate::ticket::Status::Closed {
                "it is closed; to handle it again reopen it: complaint transition ID processing --note …"
            } else {
                "resolve it first: complaint transition ID resolved --plan …"
            },
        ),
        Refusal::ScaleNotConfigured { scale, configured } => (
            format!("--scale {scale} is not configured; configured scales: {}", configured.join(", ")),
            "add it under [satisfaction] satisfied_at in complaint.toml",
        ),
        Refusal::LowScoreNeedsComment { score, scale, threshold } => (
            format!(
                "score {score} of {scale} is below the satisfied threshold {threshold}; --comment with the customer's reason is required"
            ),
            "ask why and record it, e.g. --comment \"补偿未到账\"",
        ),
        Refusal::BadDimension { spec } => {
            (format!("--dimension {spec:?} is not NAME=SCORE"), "e.g. --dimension 效率=4 --dimension 态度=5")
        }
        Refusal::OwnerWithoutAction => {
            ("--owner and --due belong to action items".into(), "use --kind action --owner NAME --due DATE")
        }
        Refusal::DoneMarkerFields => (
            "--done marks an action item done; it takes no --owner, --due or --kind other than action".into(),
            "e.g. complaint note ID --kind action --done 2 -m \"已发货\"",
        ),
        Refusal::ActionNeedsOwner => {
            ("an action item needs --owner (明确责任人)".into(), "e.g. --kind action --owner 王经理 --due 2026-11-30")
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
    fn a_late_now_names_its_flag_and_variable() {
        let e = Error::BackdateTooEarly { what: "now".into(), at: "a".into(), last: "b".into() };
        assert_eq!(
            reword(e, &["at"]).to_string(),
            "now (--now / COMPLAINT_NOW) a is before the ticket's last event at b"
        );
    }
}
