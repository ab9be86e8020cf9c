//! The overdue board: the rows of `complaint overdue`, most overdue first.

use maud::{Markup, html};

use super::{Chrome, cards, page};

/// One row as the board shows it (already masked and formatted).
pub struct BoardRow {
    pub urgency: String,
    pub id: String,
    pub target: String,
    pub due: String,
    pub working: String,
    pub wall: String,
    pub owner: String,
    pub customer: String,
    pub summary: String,
}

pub fn render(chrome: &Chrome, owner: &str, rows: &[BoardRow]) -> Markup {
    let headers = [
        chrome.t("紧急程度", "Urgency"),
        "ID",
        chrome.t("环节", "Target"),
        chrome.t("截止时间", "Due"),
        chrome.t("超时(工作)", "Over (working)"),
        chrome.t("超时(自然)", "Over (wall)"),
        chrome.t("责任人", "Owner"),
        chrome.t("客户", "Customer"),
        chrome.t("摘要", "Summary"),
    ];
    let cells = rows
        .iter()
        .map(|r| {
            vec![
                html! { (r.urgency) },
                html! { a href={ "/tickets/" (r.id) } { (r.id) } },
                html! { (r.target) },
                html! { (r.due) },
                html! { (r.working) },
                html! { (r.wall) },
                html! { (r.owner) },
                html! { (r.customer) },
                html! { (r.summary) },
            ]
        })
        .collect();
    page(chrome, chrome.t("超时看板", "Overdue board"), html! {
        form.filters method="get" action="/overdue" {
            label { (chrome.t("责任人", "Owner")) input type="text" name="owner" value=(owner); }
            button type="submit" { (chrome.t("筛选", "Filter")) }
        }
        @if rows.is_empty() { p.hint { (chrome.t("没有超时事项", "Nothing is overdue")) } }
        @else { (cards(&headers, cells)) }
    })
}
