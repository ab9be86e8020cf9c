//! The web desk's pages (spec §11): pure renderers from core data to HTML
//! (maud), no I/O. The handlers in `server::pages` read the store and call
//! these. Self-contained: one stylesheet served at `/static/desk.css`, no
//! script at all, nothing from another host.

pub mod error;
pub mod forms;
pub mod login;
pub mod new;
pub mod overdue;
pub mod queue;
pub mod ticket;

use maud::{DOCTYPE, Markup, html};

use crate::lang::Lang;

/// The stylesheet of every page (served at `/static/desk.css`).
pub const CSS: &str = include_str!("desk.css");

/// Who is looking and what the header shows.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub lang: Lang,
    /// The signed-in person and their role; none on the sign-in page.
    pub user: Option<(String, &'static str)>,
    /// The session's CSRF token, for every form (none for a bearer).
    pub csrf: Option<String>,
}

impl Chrome {
    pub fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(zh, en)
    }

    /// The hidden CSRF field every changing form carries.
    pub fn csrf_field(&self) -> Markup {
        html! { input type="hidden" name="csrf" value=(self.csrf.as_deref().unwrap_or("")); }
    }
}

/// A whole page: header with the navigation and sign-out, then `body`.
pub fn page(chrome: &Chrome, title: &str, body: Markup) -> Markup {
    let lang = match chrome.lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (chrome.t("投诉台", "Complaint desk")) }
                link rel="stylesheet" href="/static/desk.css";
            }
            body {
                (header(chrome))
                main { h1 { (title) } (body) }
            }
        }
    }
}

fn header(chrome: &Chrome) -> Markup {
    html! {
        header.top {
            a.brand href="/" { (chrome.t("投诉台", "Complaint desk")) }
            @if let Some((name, role)) = &chrome.user {
                nav {
                    a href="/" { (chrome.t("队列", "Queue")) }
                    a href="/new" { (chrome.t("新投诉", "New")) }
                    a href="/overdue" { (chrome.t("超时看板", "Overdue")) }
                    a href="/report" { (chrome.t("报表", "Report")) }
                }
                form.logout method="post" action="/logout" {
                    (chrome.csrf_field())
                    span.who { (name) " (" (role) ")" }
                    button type="submit" { (chrome.t("退出", "Sign out")) }
                }
            }
        }
    }
}

/// A message above the content: what was done, or what went wrong.
pub fn flash(text: Option<&str>, error: bool) -> Markup {
    html! {
        @if let Some(text) = text {
            p class=(if error { "flash error" } else { "flash" }) role="status" { (text) }
        }
    }
}

/// A table that becomes one card per row on a phone: every cell carries
/// its column's header as `data-label`.
pub fn cards(headers: &[&str], rows: Vec<Vec<Markup>>) -> Markup {
    html! {
        table.cards {
            thead { tr { @for h in headers { th { (h) } } } }
            tbody {
                @for row in rows {
                    tr { @for (cell, h) in row.into_iter().zip(headers) { td data-label=(h) { (cell) } } }
                }
            }
        }
    }
}

/// `text` percent-encoded for a query string or path segment.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
