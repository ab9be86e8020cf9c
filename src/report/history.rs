//! One line of text per history event, for `show` and `log`.

use crate::config::{ChoiceKind, Config};
use crate::ticket::{Action, Event, NoteKind};
use crate::time;

/// One line per event of a history, in order. A promise later than the one
/// before it is shown as an extension (延期, seed 002).
pub fn describe_all(history: &[Event], config: &Config) -> Vec<String> {
    let mut promised = None;
    history
        .iter()
        .map(|event| {
            let mut text = describe(event, config);
            if let Some(at) = event.promised_at {
                if promised.is_some_and(|before| at > before) {
                    text = format!("延期；{text}");
                }
                promised = Some(at);
            }
            text
        })
        .collect()
}

/// What an event changed, in the store's labels, e.g. `待受理 → 处理中`.
pub fn describe(event: &Event, config: &Config) -> String {
    let zone = config.zone();
    let mut parts: Vec<String> = Vec::new();
    if let (Some(from), Some(to)) = (event.from, event.to) {
        parts.push(format!("{} → {}", config.status_label(from), config.status_label(to)));
    }
    if let Some(c) = &event.category {
        parts.push(format!("类型={}", config.label(ChoiceKind::Category, c)));
    }
    if let Some(s) = &event.severity {
        parts.push(format!("严重程度={}", config.label(ChoiceKind::Severity, s)));
    }
    if let Some(d) = &event.department {
        parts.push(format!("部门={d}"));
    }
    if let Some(a) = &event.assignee {
        parts.push(format!("负责人={a}"));
    }
    if !event.also.is_empty() {
        parts.push(format!("协同部门={}", event.also.join("、")));
    }
    if !event.staff.is_empty() {
        parts.push(format!("涉事员工={}", event.staff.join("、")));
    }
    if let Some(p) = &event.plan {
        parts.push(format!("方案={p}"));
    }
    if let Some(c) = &event.cause {
        parts.push(format!("原因={}", config.label(ChoiceKind::Cause, c)));
    }
    if event.action == Action::Followup {
        parts.push(describe_followup(event));
    }
    if let Some(p) = &event.promised_at {
        parts.push(format!("承诺 {}", time::format_deadline(p, zone)));
    }
    if let Some(to) = &event.escalated_to {
        parts.push(format!("升级至 {to}"));
    }
    if let Some(kind) = event.kind {
        let label = match kind {
            NoteKind::Progress => "进展",
            NoteKind::Internal => "内部",
            NoteKind::Action => "待办",
        };
        let mut text = format!("[{label}] {}", event.note.as_deref().unwrap_or(""));
        if let Some(owner) = &event.owner {
            text.push_str(&format!(" (责任人 {owner}"));
            if let Some(due) = &event.due {
                text.push_str(&format!("，截止 {}", time::format_deadline(due, zone)));
            }
            text.push(')');
        }
        parts.push(text);
    } else if let Some(note) = &event.note {
        parts.push(format!("备注: {note}"));
    }
    if let Some(reason) = &event.reason {
        parts.push(format!("理由: {reason}"));
    }
    if let Some(old) = &event.renamed_from {
        parts.push(format!("原编号 {old}"));
    }
    if !event.changed.is_empty() {
        parts.push(format!("修改 {}", event.changed.join(", ")));
    }
    parts.join("；")
}

fn describe_followup(event: &Event) -> String {
    if event.no_answer {
        return "回访未接通".to_string();
    }
    let mut text = match (event.score, event.scale) {
        (Some(score), Some(scale)) => format!("评分 {score}/{scale}"),
        _ => String::from("回访"),
    };
    text.push_str(if event.satisfied == Some(true) { " 满意" } else { " 不满意" });
    if !event.dimensions.is_empty() {
        let dims: Vec<String> = event.dimensions.iter().map(|(k, v)| format!("{k} {v}")).collect();
        text.push_str(&format!(" ({})", dims.join(", ")));
    }
    if let Some(comment) = &event.comment {
        text.push_str(&format!(" “{comment}”"));
    }
    text
}
