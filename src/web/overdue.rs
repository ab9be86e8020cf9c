//! The overdue board (`GET /overdue`): the rows of `complaint overdue`,
//! most overdue first, with an owner filter; cards on a phone.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use maud::{Markup, html};

use super::{Chrome, cards, encode, page};
use crate::report::overdue::{self, OverdueRow};
use crate::time;

/// What the board shows.
pub struct Board<'a> {
    pub rows: &'a [OverdueRow],
    pub unreadable: &'a [String],
    pub as_of: DateTime<FixedOffset>,
    pub zone: Tz,
    pub owner: Option<&'a str>,
    pub lang: crate::lang::Lang,
}

pub fn render(chrome: &Chrome, board: &Board) -> Markup {
    let lang = chrome.lang;
    let headings = overdue::headings(lang);
    let headers: Vec<&str> = headings.iter().map(String::as_str).collect();
    let rows: Vec<Vec<Markup>> = board.rows.iter().map(|row| cells(row, board)).collect();
    let body = html! {
        form.filters method="get" action="/overdue" {
            label { (chrome.t("负责人", "Owner")) " " input type="text" name="owner" value=(board.owner.unwrap_or("")); }
            button type="submit" { (chrome.t("筛选", "Filter")) }
        }
        p.count { (overdue::count_line(board.rows, lang)) " · " (chrome.t("截至", "as of")) " " (time::format_local(&board.as_of, board.zone)) }
        @for file in board.unreadable { p class="flash error" { (file) } }
        @if !board.rows.is_empty() { (cards(&headers, rows)) }
    };
    page(chrome, chrome.t("超时看板", "Overdue board"), body)
}

fn cells(row: &OverdueRow, board: &Board) -> Vec<Markup> {
    let text = overdue::cells(row, board.zone, board.lang);
    text.into_iter()
        .enumerate()
        .map(|(i, cell)| match i {
            1 => html! { a href={ "/tickets/" (encode(&row.id)) } { (cell) } },
            0 => html! { span class={ "urgency " (row.urgency.id()) } { (cell) } },
            _ => html! { (cell) },
        })
        .collect()
}
