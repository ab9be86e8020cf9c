//! One ticket: its fields (masked unless the reader is a lead), every
//! stage clock (the rows `show` prints), its attachments, its history,
//! and below one form per action (none for a viewer).

use maud::{Markup, html};

use super::forms::{self, Failed};
use super::{Chrome, cards, encode, flash, page};
use crate::config::{ChoiceKind, Config};
use crate::report::mask::Masker;
use crate::report::stages::{self, StageRow};
use crate::ticket::Ticket;
use crate::time;

/// What the ticket page shows besides the ticket.
pub struct View<'a> {
    pub stages: &'a [StageRow],
    pub history: &'a [String],
    /// Whether the reader may change the ticket (the forms are shown).
    pub may_write: bool,
    /// What was just done, after a form's redirect.
    pub done: Option<String>,
    pub failed: Option<Failed<'a>>,
}

pub fn render(chrome: &Chrome, config: &Config, masker: &Masker, ticket: &Ticket, view: &View) -> Markup {
    let lang = chrome.lang;
    page(
        chrome,
        &format!("{} {}", ticket.id, ticket.summary),
        html! {
            (flash(view.done.as_deref(), false))
            @if let Some(f) = &view.failed { (flash(Some(&f.message), true)) }
            (fields(chrome, config, masker, ticket))
            h2 { (chrome.t("时限", "Deadlines")) }
            (stage_table(chrome, view.stages))
            h2 { (chrome.t("附件", "Attachments")) }
            (attachments(chrome, ticket))
            h2 { (lang.field("history")) }
            (history(chrome, config, ticket, view.history))
            @if view.may_write {
                h2 { (chrome.t("操作", "Actions")) }
                (forms::all(chrome, config, &ticket.id, view.failed.as_ref()))
            }
        },
    )
}

fn fields(chrome: &Chrome, config: &Config, masker: &Masker, t: &Ticket) -> Markup {
    let lang = chrome.lang;
    let zone = config.zone();
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
    let mut rows: Vec<(&str, String)> = vec![
        (lang.field("status"), config.status_display(t.status).to_string()),
        (lang.field("received_at"), time::format_local(&t.received_at, zone)),
        (lang.field("channel"), config.display(ChoiceKind::Channel, &t.channel).to_string()),
        (chrome.t("客户姓名", "Customer"), masker.name(&t.customer.name)),
        (chrome.t("联系方式", "Contact"), masker.contact(&t.customer.contact)),
        (chrome.t("客户编号", "Customer ID"), opt(&t.customer.id)),
        (
            chrome.t("首选联系方式", "Preferred contact"),
            t.preferred_contact.map_or("—".into(), |w| lang.coded(w.id(), w.label()).to_string()),
        ),
        (lang.field("product"), opt(&t.product)),
        (
            lang.field("category"),
            t.category.as_deref().map_or("—".into(), |c| config.display(ChoiceKind::Category, c).to_string()),
        ),
        (lang.field("severity"), config.display(ChoiceKind::Severity, &t.severity).to_string()),
        (lang.field("department"), opt(&t.department)),
        (lang.field("assignee"), opt(&t.assignee)),
        (lang.field("summary"), t.summary.clone()),
        (chrome.t("详细描述", "Description"), opt(&t.description)),
        (chrome.t("客户诉求", "Expectation"), opt(&t.expectation)),
        (chrome.t("承诺时间", "Promised"), t.promised_at.map_or("—".into(), |p| time::format_local(&p, zone))),
        (chrome.t("处理方案", "Plan"), opt(&t.plan)),
    ];
    if let Some(p) = &t.purchase {
        let parts = [&p.proof, &p.model, &p.batch].into_iter().flatten().cloned();
        let date = p.date.map(|d| d.to_string());
        rows.push((chrome.t("购买信息", "Purchase"), parts.chain(date).collect::<Vec<_>>().join(" · ")));
    }
    if t.escalated {
        rows.push((chrome.t("已升级至", "Escalated to"), opt(&t.escalated_to)));
    }
    html! {
        dl.fields { @for (label, value) in rows { dt { (label) } dd { (value) } } }
    }
}

fn stage_table(chrome: &Chrome, rows: &[StageRow]) -> Markup {
    let headers = stages::headers(chrome.lang);
    let cells = rows
        .iter()
        .map(|r| {
            let class = if r.overdue { "overdue" } else { "" };
            [&r.stage, &r.due, &r.met, &r.state, &r.working, &r.wall]
                .into_iter()
                .map(|text| html! { span class=(class) { (text) } })
                .collect()
        })
        .collect();
    cards(&headers, cells)
}

/// The history as `show` prints it: time, actor, action and what changed.
fn history(chrome: &Chrome, config: &Config, t: &Ticket, lines: &[String]) -> Markup {
    let lang = chrome.lang;
    let headers = ["时间", "操作人", "操作", "内容"].map(|h| lang.term(h));
    let rows = t
        .history
        .iter()
        .zip(lines)
        .map(|(event, line)| {
            vec![
                html! { (crate::time::format_local(&event.at, config.zone())) },
                html! { (event.by) },
                html! { (lang.pick(event.action.label(), event.action.id())) },
                html! { (line) },
            ]
        })
        .collect();
    html! { div #history { (cards(&headers, rows)) } }
}

fn attachments(chrome: &Chrome, t: &Ticket) -> Markup {
    let list: Vec<_> = t.history.iter().filter_map(|e| e.attachment.as_ref().map(|a| (e, a))).collect();
    if list.is_empty() {
        return html! { p.hint { (chrome.t("无附件", "No attachments")) } };
    }
    let headers =
        [chrome.t("文件", "File"), chrome.t("类型", "Kind"), chrome.t("大小", "Size"), chrome.t("上传人", "By")];
    let rows = list
        .iter()
        .map(|(event, a)| {
            let href = format!("/tickets/{}/attachments/{}", t.id, encode(&a.file_name()));
            vec![
                html! { a href=(href) download { (a.name) } },
                html! { (chrome.lang.coded(a.kind.id(), a.kind.label())) },
                html! { (a.bytes) " B" },
                html! { (event.by) },
            ]
        })
        .collect();
    cards(&headers, rows)
}
