//! The new complaint form: every field of spec §3, each error beside its
//! field, what was typed kept.

use maud::{Markup, html};

use super::{Chrome, flash, page};
use crate::config::{ChoiceKind, Config};
use crate::ticket::ContactWay;

/// The form's fields beyond the ones `ops::check_field` names
/// ([`crate::ops::FIELD_KEYS`]): the purchase and the preferred contact.
const EVIDENCE_KEYS: [&str; 5] =
    ["purchase_proof", "purchase_model", "purchase_batch", "purchase_date", "preferred_contact"];

/// The form's field names, in the order the form shows them.
pub fn keys() -> impl Iterator<Item = &'static str> {
    crate::ops::FIELD_KEYS.into_iter().chain(EVIDENCE_KEYS)
}

/// What was typed and what is wrong, by field; `general` for the rest.
#[derive(Debug, Default)]
pub struct Entry {
    pub typed: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
    pub general: Option<String>,
}

impl Entry {
    fn typed(&self, key: &str) -> &str {
        self.typed.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
    }
    fn error(&self, key: &str) -> Option<&str> {
        self.errors.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

pub fn render(chrome: &Chrome, config: &Config, entry: &Entry) -> Markup {
    let lang = chrome.lang;
    let label = |key: &str| -> &str {
        match key {
            "customer" => chrome.t("客户姓名 *", "Customer name *"),
            "contact" => chrome.t("联系方式 *", "Contact *"),
            "customer_id" => chrome.t("客户编号", "Customer ID"),
            "channel" => chrome.t("受理渠道 *", "Channel *"),
            "summary" => chrome.t("投诉摘要 *", "Summary *"),
            "description" => chrome.t("详细描述", "Description"),
            "expectation" => chrome.t("客户诉求", "Expectation"),
            "received_at" => chrome.t("受理时间（空=现在）", "Received (empty: now)"),
            "purchase_proof" => chrome.t("购买凭证（订单号等）", "Purchase proof (order no.)"),
            "purchase_model" => chrome.t("型号", "Model"),
            "purchase_batch" => chrome.t("批次", "Batch"),
            "purchase_date" => chrome.t("购买日期", "Purchase date"),
            "preferred_contact" => chrome.t("首选联系方式", "Preferred contact"),
            other => lang.field(other),
        }
    };
    let choices = |kind| {
        config.choices(kind).iter().map(|c| (c.id.clone(), lang.coded(&c.id, &c.label).to_string())).collect::<Vec<_>>()
    };
    let ways: Vec<(String, String)> =
        ContactWay::ALL.iter().map(|w| (w.id().to_string(), lang.coded(w.id(), w.label()).to_string())).collect();
    let field = |key: &str| {
        let input = match key {
            "channel" => select(key, choices(ChoiceKind::Channel), entry.typed(key), false),
            "category" => select(key, choices(ChoiceKind::Category), entry.typed(key), true),
            "severity" => select(key, choices(ChoiceKind::Severity), entry.typed(key), true),
            "preferred_contact" => select(key, ways.clone(), entry.typed(key), true),
            "description" | "expectation" => html! { textarea name=(key) { (entry.typed(key)) } },
            _ => html! { input type="text" name=(key) value=(entry.typed(key)); },
        };
        html! {
            label { (label(key)) br; (input)
                @if let Some(e) = entry.error(key) { span.field-error role="alert" { (e) } }
            }
        }
    };
    page(
        chrome,
        chrome.t("新投诉", "New complaint"),
        html! {
            (flash(entry.general.as_deref(), true))
            form.card method="post" action="/new" {
                (chrome.csrf_field())
                @for key in keys() { (field(key)) }
                button type="submit" { (chrome.t("登记", "Record")) }
            }
        },
    )
}

fn select(key: &str, options: Vec<(String, String)>, chosen: &str, optional: bool) -> Markup {
    html! {
        select name=(key) {
            @if optional { option value="" { "—" } }
            @for (id, shown) in &options { option value=(id) selected[chosen == id] { (shown) } }
        }
    }
}
