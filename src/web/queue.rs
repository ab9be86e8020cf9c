//! The queue: `list`'s filters as a GET form, the matching tickets in
//! received order, a page at a time.

use maud::{Markup, html};

use super::{Chrome, cards, page};
use crate::config::{ChoiceKind, Config};
use crate::report::mask::Masker;
use crate::ticket::{Status, Ticket};
use crate::time;

/// One page of the queue.
pub struct Queue<'a> {
    /// The query as asked (the form shows it again).
    pub query: &'a [(String, String)],
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub tickets: &'a [Ticket],
}

pub fn render(chrome: &Chrome, config: &Config, masker: &Masker, queue: &Queue) -> Markup {
    let title = chrome.t("投诉队列", "Queue");
    page(
        chrome,
        title,
        html! {
            (filters(chrome, config, queue.query))
            p.hint { (count_line(chrome, queue)) }
            (table(chrome, config, masker, queue.tickets))
            (pager(chrome, queue))
        },
    )
}

fn value<'q>(query: &'q [(String, String)], key: &str) -> &'q str {
    query.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
}

fn filters(chrome: &Chrome, config: &Config, query: &[(String, String)]) -> Markup {
    let lang = chrome.lang;
    let select = |key: &str, label: &str, options: Vec<(String, String)>| {
        let chosen = value(query, key);
        html! {
            label { (label)
                select name=(key) {
                    option value="" { "—" }
                    @for (id, shown) in &options { option value=(id) selected[chosen == id] { (shown) } }
                }
            }
        }
    };
    let choices =
        |kind| config.choices(kind).iter().map(|c| (c.id.clone(), lang.coded(&c.id, &c.label).to_string())).collect();
    let statuses = Status::ALL.iter().map(|s| (s.id().to_string(), config.status_display(*s).to_string())).collect();
    let text = |key: &str, label: &str| {
        html! { label { (label) input type="text" name=(key) value=(value(query, key)); } }
    };
    let check = |key: &str, label: &str| {
        html! { label { (label) input type="checkbox" name=(key) value="true" checked[value(query, key) == "true"]; } }
    };
    html! {
        form.filters method="get" action="/" {
            (select("status", lang.field("status"), statuses))
            (select("category", lang.field("category"), choices(ChoiceKind::Category)))
            (select("severity", lang.field("severity"), choices(ChoiceKind::Severity)))
            (select("channel", lang.field("channel"), choices(ChoiceKind::Channel)))
            (text("department", lang.field("department")))
            (text("assignee", lang.field("assignee")))
            (text("customer", chrome.t("客户", "Customer")))
            (text("product", lang.field("product")))
            (text("search", chrome.t("搜索", "Search")))
            (text("since", chrome.t("起始日期", "Since")))
            (text("until", chrome.t("截止日期", "Until")))
            (check("open", chrome.t("未结", "Open")))
            (check("escalated", chrome.t("已升级", "Escalated")))
            button type="submit" { (chrome.t("筛选", "Filter")) }
            a href="/" { (chrome.t("清除", "Clear")) }
        }
    }
}

fn count_line(chrome: &Chrome, queue: &Queue) -> String {
    let shown = queue.tickets.len();
    let from = if shown == 0 { 0 } else { queue.offset + 1 };
    match chrome.lang {
        crate::lang::Lang::Zh => format!("共 {} 件，显示第 {}–{} 件", queue.total, from, queue.offset + shown),
        crate::lang::Lang::En => format!("{} tickets, showing {}–{}", queue.total, from, queue.offset + shown),
    }
}

fn table(chrome: &Chrome, config: &Config, masker: &Masker, tickets: &[Ticket]) -> Markup {
    let lang = chrome.lang;
    let headers = [
        "ID",
        lang.field("status"),
        lang.field("severity"),
        lang.field("category"),
        lang.field("channel"),
        lang.field("received_at"),
        chrome.t("客户", "Customer"),
        lang.field("assignee"),
        lang.field("summary"),
    ];
    let zone = config.zone();
    let rows = tickets
        .iter()
        .map(|t| {
            vec![
                html! { a href={ "/tickets/" (t.id) } { (t.id) } },
                html! { (config.status_display(t.status)) },
                html! { (config.display(ChoiceKind::Severity, &t.severity)) },
                html! { (t.category.as_deref().map_or("—", |c| config.display(ChoiceKind::Category, c))) },
                html! { (config.display(ChoiceKind::Channel, &t.channel)) },
                html! { (time::format_local(&t.received_at, zone)) },
                html! { (masker.name(&t.customer.name)) },
                html! { (t.assignee.as_deref().unwrap_or("—")) },
                html! { (t.summary) },
            ]
        })
        .collect();
    cards(&headers, rows)
}

fn pager(chrome: &Chrome, queue: &Queue) -> Markup {
    let link = |offset: usize| {
        let mut pairs: Vec<(&str, String)> =
            queue.query.iter().filter(|(k, _)| k != "offset").map(|(k, v)| (k.as_str(), v.clone())).collect();
        pairs.push(("offset", offset.to_string()));
        let encoded: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", super::encode(v))).collect();
        format!("/?{}", encoded.join("&"))
    };
    let previous = (queue.offset > 0).then(|| queue.offset.saturating_sub(queue.limit));
    let next = (queue.offset + queue.limit < queue.total).then_some(queue.offset + queue.limit);
    html! {
        nav.pager {
            @if let Some(o) = previous { a href=(link(o)) { (chrome.t("← 上一页", "← Previous")) } }
            @if let Some(o) = next { a href=(link(o)) { (chrome.t("下一页 →", "Next →")) } }
        }
    }
}
