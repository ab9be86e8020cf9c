//! Configured value lists (categories, severities, channels, causes): an id
//! stored in files, a Chinese label shown in tables, aliases accepted as input.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceKind {
    Category,
    Severity,
    Channel,
    Cause,
}

impl ChoiceKind {
    pub fn name(self) -> &'static str {
        match self {
            ChoiceKind::Category => "category",
            ChoiceKind::Severity => "severity",
            ChoiceKind::Channel => "channel",
            ChoiceKind::Cause => "cause",
        }
    }
}

impl Choice {
    pub(super) fn matches(&self, text: &str) -> bool {
        self.id.eq_ignore_ascii_case(text)
            || self.label == text
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(text))
    }
}

pub(super) fn resolve<'a>(kind: ChoiceKind, list: &'a [Choice], text: &str) -> Result<&'a Choice> {
    let wanted = text.trim();
    list.iter().find(|c| c.matches(wanted)).ok_or_else(|| {
        let names = list.iter().flat_map(|c| {
            std::iter::once(c.id.as_str())
                .chain(std::iter::once(c.label.as_str()))
                .chain(c.aliases.iter().map(String::as_str))
        });
        Error::UnknownValue {
            kind: kind.name(),
            value: text.to_string(),
            valid: list.iter().map(|c| format!("{} ({})", c.id, c.label)).collect::<Vec<_>>().join(", "),
            suggestion: closest(wanted, names).map(str::to_string),
        }
    })
}

/// The candidate most like `text`, if any is close enough to be a typo.
pub fn closest<'a>(text: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let text = text.to_lowercase();
    candidates
        .map(|c| (strsim::normalized_damerau_levenshtein(&text, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Ids are snake_case ASCII (they go into files and JSON); no id, label or
/// alias may mean two different entries.
pub(super) fn validate_list(key: &str, list: &[Choice]) -> std::result::Result<(), String> {
    if list.is_empty() {
        return Err(format!("{key} must list at least one entry"));
    }
    let mut seen: Vec<(String, &str)> = Vec::new();
    for choice in list {
        if choice.id.is_empty() || !choice.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(format!("{key}: id {:?} must be lower-case ASCII letters, digits and _", choice.id));
        }
        let names = std::iter::once(choice.id.to_lowercase())
            .chain(std::iter::once(choice.label.clone()))
            .chain(choice.aliases.iter().map(|a| a.to_lowercase()));
        for name in names {
            if let Some((_, other)) = seen.iter().find(|(n, id)| *n == name && *id != choice.id) {
                return Err(format!("{key}: {name:?} names both {other:?} and {:?}", choice.id));
            }
            seen.push((name, &choice.id));
        }
    }
    Ok(())
}
