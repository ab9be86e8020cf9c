//! The weekly review agenda as sections (seed 001 8.4).

use chrono_tz::Tz;

use super::analysis::Agenda;
use super::section::{Cell, Section, text};
use super::table::truncate;
use crate::config::{ChoiceKind, Config};
use crate::lang::Lang;
use crate::time;

pub fn sections(agenda: &Agenda, config: &Config, lang: Lang, zone: Tz) -> Vec<Section> {
    let coded = |kind, id: &str| lang.coded(id, config.label(kind, id)).to_string();
    let category = |id: &Option<String>| match id {
        Some(c) => coded(ChoiceKind::Category, c),
        None => lang.pick("未分类", "unclassified").to_string(),
    };
    let who = |a: &Option<String>| a.clone().unwrap_or_default();

    let mut open = Section::new(
        "agenda_open_serious",
        lang.pick("一、未结的严重/重大投诉", "1. Open serious and major complaints"),
        &[
            ("id", lang.pick("编号", "ID")),
            ("severity", lang.pick("严重程度", "Severity")),
            ("category", lang.pick("类型", "Category")),
            ("status", lang.pick("状态", "Status")),
            ("assignee", lang.pick("负责人", "Assignee")),
            ("received_at", lang.pick("受理时间", "Received")),
            ("summary", lang.pick("摘要", "Summary")),
        ],
    );
    for s in &agenda.open_serious {
        open.row(
            s.id.clone(),
            vec![
                text(s.id.clone()),
                text(coded(ChoiceKind::Severity, &s.severity)),
                text(category(&s.category)),
                text(lang.coded(s.status.id(), config.status_label(s.status))),
                text(who(&s.assignee)),
                text(time::format_local(&s.received_at, zone)),
                text(truncate(&s.summary, 30)),
            ],
        );
    }

    let mut breaches = Section::new(
        "agenda_breaches",
        lang.pick("二、本周超时", "2. Breaches of the week"),
        &[
            ("id", lang.pick("编号", "ID")),
            ("target", lang.pick("目标", "Target")),
            ("due", lang.pick("截止时间", "Due")),
            ("state", lang.pick("情况", "State")),
            ("assignee", lang.pick("负责人", "Assignee")),
        ],
    );
    for (s, t) in &agenda.breaches {
        let state = match t.state {
            crate::sla::TargetState::MetLate if t.kind == crate::sla::TargetKind::PromiseNotice => {
                lang.pick("告知过晚", "told late")
            }
            crate::sla::TargetState::MetLate => lang.pick("逾期完成", "met late"),
            crate::sla::TargetState::Overdue => lang.pick("仍超时", "still overdue"),
            _ => lang.pick("超时未完成", "breached"),
        };
        let target = if t.cycle > 0 && t.kind == crate::sla::TargetKind::Resolution {
            format!("{} #{}", lang.coded(t.kind.id(), t.kind.label()), t.cycle + 1)
        } else {
            lang.coded(t.kind.id(), t.kind.label()).to_string()
        };
        breaches.row(
            format!("{}:{}:{}", s.id, t.kind.id(), t.cycle),
            vec![
                text(s.id.clone()),
                text(target),
                text(time::format_deadline(&t.due, zone)),
                text(state),
                text(who(&t.charged.assignee)),
            ],
        );
    }

    let mut unsatisfied = Section::new(
        "agenda_unsatisfied",
        lang.pick("三、本周不满意回访", "3. Unsatisfied follow-ups of the week"),
        &[
            ("id", lang.pick("编号", "ID")),
            ("at", lang.pick("回访时间", "Follow-up at")),
            ("score", lang.pick("评分", "Score")),
            ("comment", lang.pick("客户意见", "Comment")),
            ("assignee", lang.pick("负责人", "Assignee")),
        ],
    );
    for (s, f) in &agenda.unsatisfied {
        unsatisfied.row(
            s.id.clone(),
            vec![
                text(s.id.clone()),
                text(time::format_local(&f.at, zone)),
                text(config.score_display(f.score, f.scale, lang)),
                text(truncate(f.comment.as_deref().unwrap_or(""), 40)),
                text(who(&f.resolver.assignee)),
            ],
        );
    }

    let mut top = Section::new(
        "agenda_top_categories",
        lang.pick("四、本周主要投诉类型", "4. Top categories of the week"),
        &[
            ("category", lang.pick("类型", "Category")),
            ("count", lang.pick("数量", "Count")),
            ("share", lang.pick("占比", "Share")),
        ],
    );
    for c in &agenda.top_categories {
        top.row(
            c.id.clone(),
            vec![text(lang.coded(&c.id, &c.label)), Cell::Count(c.count), Cell::Percent(Some(c.share))],
        );
    }

    let mut actions = Section::new(
        "agenda_actions",
        lang.pick("五、上周例会待办落实情况", "5. Action items of the last meeting"),
        &[
            ("id", lang.pick("编号", "ID")),
            ("at", lang.pick("布置时间", "Set at")),
            ("owner", lang.pick("责任人", "Owner")),
            ("due", lang.pick("完成时限", "Due")),
            ("item", lang.pick("事项", "Item")),
            ("state", lang.pick("落实情况", "State")),
            ("done_at", lang.pick("落实时间", "Done at")),
        ],
    );
    for (item, state) in &agenda.actions {
        let fmt = |t: &Option<_>| t.as_ref().map(|t| time::format_local(t, zone)).unwrap_or_default();
        let due = item.due.as_ref().map(|t| time::format_deadline(t, zone)).unwrap_or_default();
        actions.row(
            format!("{}:{}", item.ticket, time::format_instant(&item.at)),
            vec![
                text(item.ticket.clone()),
                text(time::format_local(&item.at, zone)),
                text(item.owner.clone().unwrap_or_default()),
                text(due),
                text(truncate(&item.text, 40)),
                text(lang.coded(state.id(), state.label())),
                text(fmt(&item.done_at)),
            ],
        );
    }
    vec![open, breaches, unsatisfied, top, actions]
}
