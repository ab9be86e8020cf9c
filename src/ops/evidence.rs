//! The evidence fields of a ticket as people type them (`new`, `edit`,
//! `import`): the purchase (proof number, model, batch, date) and the way
//! the customer prefers to be contacted.

use chrono::NaiveDate;
use serde::Deserialize;

use super::required_text;
use crate::error::{Error, Result};
use crate::ticket::{ContactWay, Purchase};

/// The purchase as typed; every key optional (the shape of `purchase:` in
/// `new --from-file`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurchaseInput {
    pub proof: Option<String>,
    pub model: Option<String>,
    pub batch: Option<String>,
    pub date: Option<String>,
}

/// The purchase, its text on one line (proof numbers and codes stay text:
/// `0012` keeps its zeros); `None` when nothing was given.
pub fn purchase(input: &PurchaseInput, max_bytes: usize) -> Result<Option<Purchase>> {
    let purchase = Purchase {
        proof: one_line("purchase.proof", input.proof.as_deref(), max_bytes)?,
        model: one_line("purchase.model", input.model.as_deref(), max_bytes)?,
        batch: one_line("purchase.batch", input.batch.as_deref(), max_bytes)?,
        date: input.date.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(purchase_date).transpose()?,
        extra: Default::default(),
    };
    Ok(Some(purchase).filter(|p| !p.is_empty()))
}

/// A one-line text, blank as absent (an empty spreadsheet cell).
fn one_line(field: &str, value: Option<&str>, max_bytes: usize) -> Result<Option<String>> {
    value.filter(|v| !v.trim().is_empty()).map(|v| required_text(field, v, false, max_bytes)).transpose()
}

/// A purchase date: `2026-11-01`, `2026/11/01` or `2026.11.01`, or
/// `2026年11月1日` (a day, no time).
pub fn purchase_date(text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    let normalised: String =
        text.replace(['/', '.'], "-").replace(['年', '月'], "-").replace('日', "").trim().to_string();
    NaiveDate::parse_from_str(&normalised, "%Y-%m-%d")
        .map_err(|_| Error::InvalidTime { text: text.to_string(), what: "purchase date (YYYY-MM-DD)".into() })
}

/// The way the customer prefers to be contacted: id, label or alias.
pub fn preferred_contact(text: Option<&str>) -> Result<Option<ContactWay>> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    ContactWay::parse(text).map(Some).ok_or_else(|| Error::UnknownValue {
        kind: "preferred contact",
        value: text.to_string(),
        valid: ContactWay::ALL.iter().map(|w| format!("{} {}", w.id(), w.label())).collect::<Vec<_>>().join(", "),
        suggestion: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_keep_their_leading_zeros_and_an_empty_purchase_is_none() {
        let input = PurchaseInput { proof: Some(" 000123 ".into()), model: Some("0012".into()), ..Default::default() };
        let p = purchase(&input, 1000).unwrap().unwrap();
        assert_eq!((p.proof.as_deref(), p.model.as_deref()), (Some("000123"), Some("0012")));
        assert_eq!(purchase(&PurchaseInput { batch: Some(" ".into()), ..Default::default() }, 1000).unwrap(), None);
    }

    #[test]
    fn dates_as_people_write_them() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        for text in ["2026-11-01", "2026/11/1", "2026.11.01", "2026年11月1日"] {
            assert_eq!(purchase_date(text).unwrap(), day, "{text}");
        }
        assert!(matches!(purchase_date("11月1日"), Err(Error::InvalidTime { .. })));
    }

    #[test]
    fn a_line_break_in_a_proof_number_is_refused() {
        let input = PurchaseInput { proof: Some("A\nB".into()), ..Default::default() };
        assert!(purchase(&input, 1000).is_err());
    }

    #[test]
    fn contact_ways_in_chinese_and_unknown_ones() {
        assert_eq!(preferred_contact(Some("微信")).unwrap(), Some(ContactWay::Wechat));
        assert_eq!(preferred_contact(None).unwrap(), None);
        let e = preferred_contact(Some("飞鸽")).unwrap_err();
        assert!(e.to_string().contains("wechat 微信"), "{e}");
    }
}
