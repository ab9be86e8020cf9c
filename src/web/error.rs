//! The page for a request the desk cannot answer: not found, not allowed,
//! bad input — with the message and hint of the core.

use maud::{Markup, html};

use super::{Chrome, page};

pub fn render(chrome: &Chrome, status: u16, message: &str, hint: Option<&str>) -> Markup {
    let title = match status {
        404 => chrome.t("找不到", "Not found"),
        403 => chrome.t("无权操作", "Not allowed"),
        401 => chrome.t("请先登录", "Please sign in"),
        413 => chrome.t("文件过大", "Too large"),
        409 => chrome.t("无法执行", "Refused"),
        _ => chrome.t("请求有误", "Bad request"),
    };
    page(
        chrome,
        title,
        html! {
            p.flash.error role="alert" { (status) " · " (message) }
            @if let Some(h) = hint { p.hint { (h) } }
            p { a href="/" { (chrome.t("返回队列", "Back to the queue")) } }
        },
    )
}
