//! Classify: set the category and/or the severity.

use serde::Deserialize;

use super::{Change, Stamp, optional_text};
use crate::config::{ChoiceKind, Config};
use crate::error::{Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, Event, Ticket};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifyInput {
    pub category: Option<String>,
    pub severity: Option<String>,
    pub note: Option<String>,
    pub at: Option<String>,
}

impl ClassifyInput {
    /// What can be refused before the ticket is read.
    pub fn check_given(&self) -> Result<()> {
        if self.category.is_none() && self.severity.is_none() {
            return Err(Refusal::NeedsOneOf { operation: "classify", fields: &["category", "severity"] }.into());
        }
        Ok(())
    }
}

/// The classification, or `None` when the ticket is already classified so.
/// Deadlines follow a new severity from the original start (sla).
pub fn classify(ticket: &Ticket, config: &Config, input: &ClassifyInput, stamp: Stamp) -> Result<Option<Change>> {
    input.check_given()?;
    let max = config.limits.max_text_bytes;
    let category = input.category.as_deref().map(|c| config.resolve(ChoiceKind::Category, c)).transpose()?;
    let severity = input.severity.as_deref().map(|s| config.resolve(ChoiceKind::Severity, s)).transpose()?;
    let note = optional_text("note", input.note.as_deref(), true, max)?;
    let category = category.filter(|c| ticket.category.as_ref() != Some(c));
    let severity = severity.filter(|s| ticket.severity != *s);
    if category.is_none() && severity.is_none() {
        return Ok(None);
    }
    let mut parts = Vec::new();
    if let Some(c) = &category {
        parts.push(Words::new("change.category").with("label", config.label(ChoiceKind::Category, c)));
    }
    if let Some(s) = &severity {
        parts.push(Words::new("change.severity").with("label", config.label(ChoiceKind::Severity, s)));
    }
    let mut event = Event::new(stamp.at, &stamp.by, Action::Classified);
    event.category = category;
    event.severity = severity;
    event.note = note;
    Ok(Some(Change::new(event, Words::list(parts))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ops::fixtures::{config, stamp, ticket};

    fn input(category: Option<&str>, severity: Option<&str>) -> ClassifyInput {
        ClassifyInput {
            category: category.map(str::to_string),
            severity: severity.map(str::to_string),
            ..ClassifyInput::default()
        }
    }

    #[test]
    fn labels_and_aliases_resolve_to_ids() {
        let change = classify(&ticket(), &config(), &input(Some("物流配送"), Some("严重")), stamp("2026-11-23 10:00"))
            .unwrap()
            .unwrap();
        assert_eq!(change.event.category.as_deref(), Some("logistics"));
        assert_eq!(change.event.severity.as_deref(), Some("serious"));
        assert_eq!(change.what, "category 物流配送, severity 严重");
    }

    #[test]
    fn nothing_given_is_refused() {
        let got = classify(&ticket(), &config(), &input(None, None), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::NeedsOneOf { .. }))));
    }

    #[test]
    fn the_same_classification_changes_nothing() {
        let got = classify(&ticket(), &config(), &input(None, Some("general")), stamp("2026-11-23 10:00"));
        assert!(got.unwrap().is_none());
    }

    #[test]
    fn an_unknown_category_is_refused() {
        let got = classify(&ticket(), &config(), &input(Some("weather"), None), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::UnknownValue { .. })));
    }

    #[test]
    fn the_input_reads_from_json_with_option_names() {
        let input: ClassifyInput = serde_json::from_str(r#"{"category": "物流", "at": "2026-11-23 10:00"}"#).unwrap();
        assert_eq!(input.category.as_deref(), Some("物流"));
        assert!(serde_json::from_str::<ClassifyInput>(r#"{"colour": "red"}"#).is_err());
    }
}
