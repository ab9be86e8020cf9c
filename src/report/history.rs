//! One line of text per history event, for `show` and `log`, in the
//! `[ui] lang` of the store.

use super::fit::Column;
use super::table;
use crate::config::{ChoiceKind, Config};
use crate::lang::Lang;
use crate::ticket::{Action, Event, NoteKind, Ticket};
use crate::time;

/// What the history table gives up on a narrow terminal: the actor goes,
/// the text is shortened.
pub const COLUMNS: [Column; 4] = [Column::KEEP, Column::drop(0), Column::KEEP, Column::TEXT];

/// A ticket's history as a table (time, actor, action, what changed), for
/// `show` and `log`.
pub fn table(ticket: &Ticket, config: &Config) -> comfy_table::Table {
    let zone = config.zone();
    let lang = config.lang();
    let mut t = table::new_table(["时间", "操作人", "操作", "内容"].map(|h| lang.term(h)));
    for (event, text) in ticket.history.iter().zip(describe_all(&ticket.history, config)) {
        t.add_row(vec![
            time::format_local(&event.at, zone),
            event.by.clone(),
            lang.pick(event.action.label(), event.action.id()).to_string(),
            text,
        ]);
    }
    t
}

/// One line per event of a history, in order. A promise later than the one
/// before it is shown as an extension (延期, seed 002).
pub fn describe_all(history: &[Event], config: &Config) -> Vec<String> {
    let lang = config.lang();
    let mut promised = None;
    history
        .iter()
        .map(|event| {
            let mut text = describe(event, config);
            if let Some(at) = event.promised_at {
                if promised.is_some_and(|before| at > before) {
                    text = format!("{}{}{text}", lang.term("延期"), separator(lang));
                }
                promised = Some(at);
            }
            text
        })
        .collect()
}

fn separator(lang: Lang) -> &'static str {
    lang.pick("；", "; ")
}

/// What an event changed, in the store's labels, e.g. `待受理 → 处理中`.
pub fn describe(event: &Event, config: &Config) -> String {
    let zone = config.zone();
    let lang = config.lang();
    let list = |items: &[String]| items.join(lang.pick("、", ", "));
    let mut parts: Vec<String> = Vec::new();
    let mut field = |key: &'static str, value: &str| parts.push(format!("{}={value}", lang.term(key)));
    if let Some(c) = &event.category {
        field("类型", config.display(ChoiceKind::Category, c));
    }
    if let Some(s) = &event.severity {
        field("严重程度", config.display(ChoiceKind::Severity, s));
    }
    if let Some(d) = &event.department {
        field("部门", d);
    }
    if let Some(a) = &event.assignee {
        field("负责人", a);
    }
    if !event.also.is_empty() {
        field("协同部门", &list(&event.also));
    }
    if !event.staff.is_empty() {
        field("涉事员工", &list(&event.staff));
    }
    if let Some(p) = &event.plan {
        field("方案", p);
    }
    if let Some(c) = &event.cause {
        field("原因", config.display(ChoiceKind::Cause, c));
    }
    if let (Some(from), Some(to)) = (event.from, event.to) {
        parts.insert(0, format!("{} → {}", config.status_display(from), config.status_display(to)));
    }
    if event.action == Action::Followup {
        parts.push(describe_followup(event, config));
    }
    if let Some(by) = &event.execute_by {
        parts.push(format!("{} {}", lang.pick("执行时限", "execute by"), time::format_deadline(by, zone)));
    }
    if event.action == Action::Confirmation {
        parts.push(describe_confirmation(event, lang));
    }
    if let Some(p) = &event.promised_at {
        parts.push(format!("{} {}", lang.term("承诺"), time::format_deadline(p, zone)));
    }
    if let Some(to) = &event.escalated_to {
        parts.push(format!("{} {to}", lang.term("升级至")));
    }
    if let Some(a) = &event.attachment {
        parts.push(super::attachments::describe(a, lang));
    }
    if let Some(kind) = event.kind {
        parts.push(describe_note(event, kind, lang, zone));
    } else if event.action == Action::Task {
        // Told like an action item: `[仓储部] 发货 (责任人 张仓管, 截止 …)`.
        let note = describe_note(event, NoteKind::Action, lang, zone);
        let tag = event.task_department.as_ref().map_or(String::new(), |d| format!("[{d}] "));
        parts.push(note.replacen(&format!("[{}] ", lang.term("待办")), &tag, 1));
    } else if let (Action::Diagnosed | Action::Executed, Some(note)) = (event.action, &event.note) {
        parts.push(note.clone());
    } else if let Some(note) = &event.note {
        parts.push(format!("{}: {note}", lang.term("备注")));
    }
    if let Some(reason) = &event.reason {
        parts.push(format!("{}: {reason}", lang.term("理由")));
    }
    if let Some(old) = &event.renamed_from {
        parts.push(format!("{} {old}", lang.term("原编号")));
    }
    if !event.changed.is_empty() {
        parts.push(format!("{} {}", lang.term("修改"), event.changed.join(", ")));
    }
    parts.join(separator(lang))
}

fn describe_note(event: &Event, kind: NoteKind, lang: Lang, zone: chrono_tz::Tz) -> String {
    let label = match kind {
        NoteKind::Progress => "进展",
        NoteKind::Internal => "内部",
        NoteKind::Action => "待办",
    };
    let mut text = format!("[{}] {}", lang.term(label), event.note.as_deref().unwrap_or(""));
    if let Some(owner) = &event.owner {
        text.push_str(&format!(" ({} {owner}", lang.term("责任人")));
        if let Some(due) = &event.due {
            text.push_str(&format!(
                "{}{} {}",
                lang.pick("，", ", "),
                lang.term("截止"),
                time::format_deadline(due, zone)
            ));
        }
        text.push(')');
    }
    if let Some(n) = event.done_item {
        let (zh, en) = (format!(" (第{n}项已落实)"), format!(" (item {n} done)"));
        text.push_str(lang.pick(&zh, &en));
    }
    text
}

/// E.g. `方案 已接受（短信）` / `plan accepted (sms)`.
fn describe_confirmation(event: &Event, lang: Lang) -> String {
    let what = event.confirms.map_or("", |c| lang.pick(c.label(), c.id()));
    let verdict = match event.accepted {
        Some(true) => lang.pick("已接受", "accepted"),
        _ => lang.pick("已拒绝", "refused"),
    };
    let mut text = format!("{what} {verdict}");
    if let Some(via) = event.via {
        text.push_str(&lang.pick("（{}）", " ({})").replace("{}", lang.pick(via.label(), via.id())));
    }
    text
}

fn describe_followup(event: &Event, config: &Config) -> String {
    let lang = config.lang();
    if event.no_answer {
        return lang.term("回访未接通").to_string();
    }
    let mut text = match (event.score, event.scale) {
        (Some(score), Some(scale)) => format!("{} {}", lang.term("评分"), config.score_display(score, scale, lang)),
        _ => lang.pick("回访", "follow-up").to_string(),
    };
    let verdict = if event.satisfied == Some(true) { "满意" } else { "不满意" };
    text.push_str(&format!(" {}", lang.term(verdict)));
    if !event.dimensions.is_empty() {
        let dims: Vec<String> = event.dimensions.iter().map(|(k, v)| format!("{k} {v}")).collect();
        text.push_str(&format!(" ({})", dims.join(", ")));
    }
    if let Some(comment) = &event.comment {
        text.push_str(&format!(" “{comment}”"));
    }
    text
}
