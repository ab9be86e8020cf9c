//! An error's message and hint in a language, from the message catalogue
//! (`crate::lang::messages`). The English is the error's `Display`; a rule's
//! refusal speaks through `refusal_text.rs`; errors that carry their message
//! as text (a file's parse error, git's and mail's) are shown as they are.

use super::Error;
use crate::lang::Lang;
use crate::tr;

impl Error {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        self.catalogued_message(lang).unwrap_or_else(|| self.to_string())
    }

    /// What to do about it, in `lang` (see [`Error::hint`]).
    pub fn hint_in(&self, lang: Lang) -> Option<String> {
        if lang == Lang::En {
            return self.hint();
        }
        self.catalogued_hint(lang).or_else(|| self.hint())
    }

    fn catalogued_message(&self, lang: Lang) -> Option<String> {
        Some(match self {
            Error::NoStore { start } => tr!(lang, "error.no_store", start = start.display()),
            Error::NotAStore { path } => tr!(lang, "error.not_a_store", path = path.display()),
            Error::InvalidId { id, expected } => {
                tr!(lang, "error.invalid_id", id = format!("{id:?}"), expected = expected)
            }
            Error::UnknownTicket { id, .. } => tr!(lang, "error.unknown_ticket", id = id),
            Error::UnknownValue { kind, value, valid, .. } => {
                tr!(lang, "error.unknown_value", kind = kind, value = format!("{value:?}"), valid = valid)
            }
            Error::InvalidTime { text, what } => {
                tr!(lang, "error.invalid_time", what = what, text = format!("{text:?}"))
            }
            Error::InvalidDuration { text, reason, what } => tr!(
                lang,
                "error.invalid_duration",
                what = what,
                text = format!("{text:?}"),
                reason = reason,
                units = tr!(lang, "error.duration_units")
            ),
            Error::InvalidTransition { id, from, to, allowed } => {
                tr!(lang, "error.invalid_transition", id = id, from = from, to = to, allowed = allowed)
            }
            Error::MissingFields { fields } => tr!(lang, "error.missing_fields", fields = fields.join(", ")),
            Error::EmptyField { field } => tr!(lang, "error.empty_field", field = field),
            Error::TooLong { field, len, max } => tr!(lang, "error.too_long", field = field, len = len, max = max),
            Error::Io { action, path, source } => {
                tr!(lang, "error.io", action = action, path = path.display(), source = source)
            }
            Error::ScoreOutOfScale { score, scale } => {
                tr!(lang, "error.score_out_of_scale", score = score, scale = scale)
            }
            Error::BackdateTooEarly { what, at, last } => {
                tr!(lang, "error.backdate_too_early", what = what, at = at, last = last)
            }
            Error::InputTooLarge { path, max_bytes } => {
                tr!(lang, "error.input_too_large", path = path.display(), max_bytes = max_bytes)
            }
            Error::InconsistentTicket { id, path, problems } => {
                tr!(lang, "error.inconsistent_ticket", path = path.display(), id = id, problems = problems.join("; "))
            }
            Error::LockTimeout { path, waited_secs, holder } => {
                let holder = holder.map(|pid| tr!(lang, "error.lock_holder", pid = pid)).unwrap_or_default();
                tr!(lang, "error.lock_timeout", waited_secs = waited_secs, path = path.display(), holder = holder)
            }
            Error::AtInFuture { what, at, now } => tr!(lang, "error.at_in_future", what = what, at = at, now = now),
            Error::IdCollision { id, path, uids } => tr!(
                lang,
                "error.id_collision",
                path = path.display(),
                id = id,
                count = uids.len(),
                uids = uids.join(", ")
            ),
            Error::ConflictMarkers { path } => tr!(lang, "error.conflict_markers", path = path.display()),
            Error::Refused(refusal) => refusal.message_in(lang),
            Error::Reworded { message, .. } => message.render(lang),
            _ => return None,
        })
    }

    fn catalogued_hint(&self, lang: Lang) -> Option<String> {
        Some(match self {
            Error::NoStore { .. } | Error::NotAStore { .. } => tr!(lang, "hint.no_store"),
            Error::InvalidId { .. } => tr!(lang, "hint.invalid_id"),
            Error::UnknownTicket { similar: Some(s), .. } => tr!(lang, "hint.did_you_mean", similar = s),
            Error::UnknownTicket { .. } => tr!(lang, "hint.list_tickets"),
            Error::UnknownValue { suggestion: Some(s), .. } => {
                tr!(lang, "hint.did_you_mean", similar = format!("{s:?}"))
            }
            Error::UnknownValue { .. } => tr!(lang, "hint.unknown_value"),
            Error::InvalidTime { .. } => tr!(lang, "hint.invalid_time"),
            Error::InvalidDuration { .. } => tr!(lang, "hint.invalid_duration"),
            Error::MissingFields { .. } => tr!(lang, "hint.missing_fields"),
            Error::TooLong { .. } => tr!(lang, "hint.too_long"),
            Error::Parse { .. } | Error::BadFile { .. } => tr!(lang, "hint.fix_file"),
            Error::IdCollision { .. } => tr!(lang, "hint.id_collision"),
            Error::ConflictMarkers { path } => tr!(lang, "hint.conflict_markers", path = path.display()),
            Error::InputTooLarge { .. } => tr!(lang, "hint.input_too_large"),
            Error::InconsistentTicket { path, .. } => tr!(lang, "hint.inconsistent_ticket", path = path.display()),
            Error::LockTimeout { .. } => tr!(lang, "hint.lock_timeout"),
            Error::BackdateTooEarly { .. } => tr!(lang, "hint.backdate_too_early"),
            Error::Refused(refusal) => return refusal.hint_in(lang),
            Error::Reworded { hint, .. } => return hint.as_ref().map(|h| h.render(lang)),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// The catalogue's English is the Display of each error, so English
    /// stderr is what it was; the Chinese is different text.
    #[test]
    fn english_is_the_display_and_chinese_comes_from_the_catalogue() {
        let errors = [
            Error::NoStore { start: PathBuf::from("/x") },
            Error::UnknownTicket { id: "CP1".into(), similar: Some("CP2".into()) },
            Error::InvalidDuration { text: "3x".into(), reason: "no unit".into(), what: "within".into() },
            Error::LockTimeout { path: PathBuf::from("/l"), waited_secs: 3, holder: Some(7) },
            Error::IdCollision { id: "CP1".into(), path: PathBuf::from("a"), uids: vec!["u1".into(), "u2".into()] },
        ];
        for e in &errors {
            let en = e.catalogued_message(Lang::En).expect("catalogued");
            assert_eq!(en, e.to_string());
            assert_eq!(e.catalogued_hint(Lang::En), e.hint());
            assert_ne!(e.message(Lang::Zh), en);
        }
        assert_eq!(tr!(Lang::En, "error.duration_units"), crate::error::DURATION_UNITS);
        assert_eq!(errors[1].hint_in(Lang::Zh).as_deref(), Some("您是指 CP2 吗？"));
    }
}
