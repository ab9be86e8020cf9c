//! A refusal's message and hint in a language, from the message catalogue
//! (`refusal.*`, `refusal_hint.*`, `refusal.word.*`). The English is the
//! refusal's Display and hint; Chinese shows a status by its label.

use super::Refusal;
use crate::lang::Lang;
use crate::ticket::Status;
use crate::tr;

impl Refusal {
    /// What the rule refused, in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        let status = |s: &Status| lang.pick(s.default_label(), s.id());
        match self {
            Refusal::NeedsOneOf { operation, fields } => {
                tr!(lang, "refusal.needs_one_of", operation = operation, fields = fields.join(", "))
            }
            Refusal::NotifyWithoutAssignee => tr!(lang, "refusal.notify_without_assignee"),
            Refusal::PromiseOnSettled { id, status: s } => {
                tr!(lang, "refusal.promise_on_settled", id = id, status = status(s))
            }
            Refusal::PromiseNotAfter { promised, at } => {
                tr!(lang, "refusal.promise_not_after", promised = promised, at = at)
            }
            Refusal::ExtensionNeedsReason { id, from, to } => {
                tr!(lang, "refusal.extension_needs_reason", id = id, from = from, to = to)
            }
            Refusal::CloseNeedsReason { id } => tr!(lang, "refusal.close_needs_reason", id = id),
            Refusal::FollowupNeedsResolved { id, status: s, label } => {
                tr!(lang, "refusal.followup_needs_resolved", id = id, status = s, label = label)
            }
            Refusal::ScaleNotConfigured { scale, configured } => {
                tr!(lang, "refusal.scale_not_configured", scale = scale, configured = configured.join(", "))
            }
            Refusal::LowScoreNeedsComment { score, scale, threshold } => {
                tr!(lang, "refusal.low_score_needs_comment", score = score, scale = scale, threshold = threshold)
            }
            Refusal::BadDimension { spec } => tr!(lang, "refusal.bad_dimension", spec = format!("{spec:?}")),
            Refusal::OwnerWithoutAction => tr!(lang, "refusal.owner_without_action"),
            Refusal::ActionNeedsOwner => tr!(lang, "refusal.action_needs_owner"),
            Refusal::DoneMarkerFields => tr!(lang, "refusal.done_marker_fields"),
            Refusal::NoSuchActionItem { id, number, items } => {
                tr!(lang, "refusal.no_such_action_item", id = id, number = number, items = items)
            }
            Refusal::ActionItemAlreadyDone { id, number, at } => {
                tr!(lang, "refusal.action_item_already_done", id = id, number = number, at = at)
            }
            Refusal::UnknownDepartment { department, configured } => tr!(
                lang,
                "refusal.unknown_department",
                department = format!("{department:?}"),
                configured = configured.join(", ")
            ),
            Refusal::TaskNeedsDue { department } => tr!(lang, "refusal.task_needs_due", department = department),
            Refusal::NoSuchTask { id, number, tasks } => {
                tr!(lang, "refusal.no_such_task", id = id, number = number, tasks = tasks)
            }
            Refusal::TaskAlreadyDone { id, number, at } => {
                tr!(lang, "refusal.task_already_done", id = id, number = number, at = at)
            }
            Refusal::TaskDoneFields => tr!(lang, "refusal.task_done_fields"),
            Refusal::ReceivedInFuture { at, now } => tr!(lang, "refusal.received_in_future", at = at, now = now),
            Refusal::NotEditable { field } => tr!(lang, "refusal.not_editable", field = field),
            Refusal::UnknownKeysEdited => tr!(lang, "refusal.unknown_keys_edited"),
            Refusal::HistoryEventChanged { number } => tr!(lang, "refusal.history_event_changed", number = number),
            Refusal::HistoryEventRemoved { number } => tr!(lang, "refusal.history_event_removed", number = number),
            Refusal::HistoryEventAdded => tr!(lang, "refusal.history_event_added"),
            Refusal::DerivedEdited { fields } => tr!(lang, "refusal.derived_edited", fields = fields.join(", ")),
            Refusal::ReceivedDayMoved { date, id } => tr!(lang, "refusal.received_day_moved", date = date, id = id),
            Refusal::EditedMeanwhile => tr!(lang, "refusal.edited_meanwhile"),
            Refusal::StepOnSettled { id, status: s, operation } => {
                tr!(lang, "refusal.step_on_settled", id = id, status = status(s), operation = word(lang, operation))
            }
            Refusal::ExecuteByNotAfter { execute_by, at } => {
                tr!(lang, "refusal.execute_by_not_after", execute_by = execute_by, at = at)
            }
            Refusal::NothingToConfirm { id, what } => {
                tr!(lang, "refusal.nothing_to_confirm", id = id, what = word(lang, what))
            }
            Refusal::PlanRefused { id } => tr!(lang, "refusal.plan_refused", id = id),
            Refusal::ResultRefusedAfterResolved { id } => tr!(lang, "refusal.result_refused_after_resolved", id = id),
        }
    }

    /// What the user can do about it, in neutral words, in `lang`.
    pub fn hint_in(&self, lang: Lang) -> Option<String> {
        Some(match self {
            Refusal::PromiseOnSettled { .. } | Refusal::StepOnSettled { .. } => tr!(lang, "refusal_hint.reopen_first"),
            Refusal::ExtensionNeedsReason { .. } => tr!(lang, "refusal_hint.extension"),
            Refusal::CloseNeedsReason { .. } => tr!(lang, "refusal_hint.close_needs_reason"),
            Refusal::FollowupNeedsResolved { status: Status::Closed, .. } => {
                tr!(lang, "refusal_hint.followup_on_closed")
            }
            Refusal::FollowupNeedsResolved { .. } => tr!(lang, "refusal_hint.resolve_first"),
            Refusal::ScaleNotConfigured { .. } => tr!(lang, "refusal_hint.scale_not_configured"),
            Refusal::LowScoreNeedsComment { .. } => tr!(lang, "refusal_hint.low_score"),
            Refusal::BadDimension { .. } => tr!(lang, "refusal_hint.bad_dimension"),
            Refusal::NotEditable { .. } => tr!(lang, "refusal_hint.not_editable"),
            Refusal::HistoryEventChanged { .. } | Refusal::HistoryEventRemoved { .. } | Refusal::HistoryEventAdded => {
                tr!(lang, "refusal_hint.history")
            }
            Refusal::DerivedEdited { .. } => tr!(lang, "refusal_hint.derived"),
            Refusal::ReceivedDayMoved { .. } => tr!(lang, "refusal_hint.received_day_moved"),
            Refusal::NothingToConfirm { .. } => tr!(lang, "refusal_hint.nothing_to_confirm"),
            Refusal::PlanRefused { .. } => tr!(lang, "refusal_hint.plan_refused"),
            Refusal::ResultRefusedAfterResolved { .. } => tr!(lang, "refusal_hint.result_refused"),
            Refusal::UnknownDepartment { .. } => tr!(lang, "refusal_hint.unknown_department"),
            Refusal::TaskNeedsDue { .. } => tr!(lang, "refusal_hint.task_needs_due"),
            Refusal::NoSuchTask { .. } => tr!(lang, "refusal_hint.no_such_task"),
            Refusal::TaskAlreadyDone { .. } => tr!(lang, "refusal_hint.task_already_done"),
            Refusal::NoSuchActionItem { .. } => tr!(lang, "refusal_hint.no_such_action_item"),
            Refusal::ActionItemAlreadyDone { .. } => tr!(lang, "refusal_hint.action_item_already_done"),
            _ => return None,
        })
    }
}

/// A word the operations put in a refusal (`"a plan"`), in `lang`; a word
/// the catalogue lacks stays as it is.
fn word(lang: Lang, english: &str) -> String {
    let key = format!("refusal.word.{}", english.replace(' ', "_"));
    crate::lang::messages::lookup(lang, &key).unwrap_or(english).to_string()
}

#[cfg(test)]
mod tests;
