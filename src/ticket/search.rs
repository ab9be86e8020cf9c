//! The text search rule of `list --search` (and of the coming web desk):
//! which fields of a ticket are searched, and how text is folded before a
//! plain substring test. Chinese needs no word splitting — a substring of
//! the text is a match — and Latin letters match in any case and in their
//! full-width forms (ＡＢＣ１２３ is abc123). Pure: no I/O.

use super::Ticket;

/// Separates the fields in a search text, so that a term never matches
/// across two of them. A control character: it is never in a term.
const FIELD_SEPARATOR: char = '\u{1f}';

/// Text folded for matching: full-width ASCII forms (U+FF01–FF5E) and the
/// ideographic space become their ASCII forms (as NFKC would), then
/// everything is lower-cased (Unicode). Chinese characters are unchanged.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// [`fold`] appended to `out`. Made for every ticket when the index is
/// rebuilt, so the common characters (ASCII, CJK) skip the Unicode case
/// tables.
fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in text.chars() {
        match c {
            '\u{3001}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' => out.push(c),
            _ => out.extend(fold_char(c)),
        }
    }
}

/// One character folded: full-width ASCII forms (U+FF01–FF5E) and the
/// ideographic space to ASCII, then lower case.
fn fold_char(c: char) -> impl Iterator<Item = char> {
    let narrow = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    narrow.to_lowercase()
}

/// The characters of [`fold`]`(text)`, without allocating.
fn folded_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(fold_char)
}

/// The folded text a search looks in: summary, description, plan, every
/// note (and plan) in the history, customer name, contact and ID, and the
/// product, one field after another.
pub fn search_text(ticket: &Ticket) -> String {
    let customer = &ticket.customer;
    let fields = [
        Some(ticket.summary.as_str()),
        ticket.description.as_deref(),
        ticket.plan.as_deref(),
        Some(customer.name.as_str()),
        Some(customer.contact.as_str()),
        customer.id.as_deref(),
        ticket.product.as_deref(),
    ];
    let history = ticket.history.iter().flat_map(|e| [e.note.as_deref(), e.plan.as_deref()]);
    let mut text = String::new();
    for field in fields.into_iter().chain(history).flatten() {
        fold_into(field, &mut text);
        text.push(FIELD_SEPARATOR);
    }
    text
}

/// The terms of a search, folded: a ticket matches when its search text
/// holds every one of them (AND). No terms: every ticket matches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    terms: Vec<String>,
}

impl SearchQuery {
    /// Each word is one term, matched as it is (spaces included); blank
    /// words are dropped.
    pub fn new<S: AsRef<str>>(words: &[S]) -> SearchQuery {
        let terms = words.iter().map(|w| fold(w.as_ref().trim())).filter(|t| !t.is_empty()).collect();
        SearchQuery { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether a text made by [`search_text`] holds every term.
    pub fn matches_text(&self, folded: &str) -> bool {
        self.terms.iter().all(|term| folded.contains(term.as_str()))
    }

    pub fn matches(&self, ticket: &Ticket) -> bool {
        self.is_empty() || self.matches_text(&search_text(ticket))
    }
}

/// `--customer X`: X begins the customer ID, the contact or the name
/// (folded as [`fold`] does). An exact value is also a prefix, so the
/// exact-match use (one customer's history, seed 004) keeps working.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerPrefix {
    folded: String,
}

impl CustomerPrefix {
    pub fn new(prefix: &str) -> CustomerPrefix {
        CustomerPrefix { folded: fold(prefix.trim()) }
    }

    /// Whether the prefix begins any of the fields (ID, contact, name).
    pub fn matches(&self, fields: &[Option<&str>]) -> bool {
        fields.iter().flatten().any(|value| starts_with_folded(value, &self.folded))
    }
}

fn starts_with_folded(value: &str, folded_prefix: &str) -> bool {
    let mut value = folded_chars(value);
    folded_prefix.chars().all(|p| value.next() == Some(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_latin_and_case() {
        assert_eq!(fold("ＡＢＣ－１２３"), "abc-123");
        assert_eq!(fold("Robot X1"), "robot x1");
        assert_eq!(fold("ＲＯＢＯＴ　Ｘ１"), "robot x1");
        assert_eq!(fold("！～"), "!~");
    }

    #[test]
    fn leaves_chinese_and_other_text_alone() {
        assert_eq!(fold("扫地机漏电"), "扫地机漏电");
        // The full-width comma is in the folded block (as NFKC folds it); 。、 are not.
        assert_eq!(fold("，。、"), ",。、");
        assert_eq!(fold("ÄÖ Straße"), "äö straße");
        assert_eq!(fold("水壶ＡＢ　Ｃ、。가"), "水壶ab c、。가");
    }

    #[test]
    fn every_term_must_match_as_a_substring() {
        let text = format!("{}{FIELD_SEPARATOR}{}", fold("充电座冒烟"), fold("Robot-X1"));
        assert!(SearchQuery::new(&["冒烟"]).matches_text(&text));
        assert!(SearchQuery::new(&["冒烟", "ＲＯＢＯＴ"]).matches_text(&text));
        assert!(!SearchQuery::new(&["冒烟", "漏电"]).matches_text(&text));
        assert!(SearchQuery::new(&["  ", ""]).is_empty());
    }

    #[test]
    fn a_term_does_not_span_two_fields() {
        let text = format!("{}{FIELD_SEPARATOR}{}", fold("漏"), fold("电"));
        assert!(!SearchQuery::new(&["漏电"]).matches_text(&text));
    }

    #[test]
    fn customer_is_a_prefix_of_id_contact_or_name() {
        let fields = [Some("C-10023"), Some("13812345678"), Some("张三")];
        let matches = |prefix: &str| CustomerPrefix::new(prefix).matches(&fields);
        assert!(matches("张"));
        assert!(matches("张三"));
        assert!(matches("c-100"));
        assert!(matches("Ｃ－１００"));
        assert!(matches("1381234"));
        assert!(!matches("三"));
        assert!(!matches("C-10024"));
        assert!(!matches("张三丰"));
        assert!(CustomerPrefix::new("张三").matches(&[None, Some("x"), Some("张三")]));
    }
}
