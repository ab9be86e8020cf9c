//! `[satisfaction]`: the survey scales. A numeric scale (5, 10) is answered
//! with a score; a word scale (seed 000's 非常满意/满意/一般/不满意) with one of
//! its words, recorded as that word's rank (满意 = 3 of 4) so that files keep
//! `{score, scale}` and reports normalise every answer the same way.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Choice;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SatisfactionConfig {
    pub default_scale: u32,
    pub satisfied_at: BTreeMap<String, u32>,
    pub dimensions: Vec<String>,
    /// Word scales by their size, each lowest first (`[[satisfaction.words.4]]`).
    #[serde(default)]
    pub words: BTreeMap<String, Vec<Choice>>,
}

/// An answer read from a word: its rank on its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub score: u32,
    pub scale: u32,
}

impl SatisfactionConfig {
    /// The word of `score` on `scale`, if that scale is answered in words.
    pub fn word(&self, score: u32, scale: u32) -> Option<&Choice> {
        let words = self.words.get(&scale.to_string())?;
        words.get(usize::try_from(score).ok()?.checked_sub(1)?)
    }

    /// Reads a word typed for `followup --answer` (id, Chinese label or
    /// alias, any word scale); an unknown word lists the words.
    pub fn answer(&self, text: &str) -> Result<Answer> {
        let wanted = text.trim();
        for (scale, words) in &self.words {
            if let Some(rank) = words.iter().position(|w| w.matches(wanted)) {
                let scale = scale.parse().expect("validated: word scales are numbers");
                return Ok(Answer { score: rank as u32 + 1, scale });
            }
        }
        let all = self.words.values().flatten();
        Err(Error::UnknownValue {
            kind: "answer",
            value: text.to_string(),
            valid: all.clone().map(|w| format!("{} ({})", w.label, w.id)).collect::<Vec<_>>().join(", "),
            suggestion: super::closest(wanted, all.map(|w| w.id.as_str())).map(str::to_string),
        })
    }

    pub(super) fn validate(&self) -> std::result::Result<(), String> {
        if !self.satisfied_at.contains_key(&self.default_scale.to_string()) {
            return Err(format!(
                "satisfaction.default_scale {} has no entry in satisfaction.satisfied_at",
                self.default_scale
            ));
        }
        for (scale, at) in &self.satisfied_at {
            match scale.parse::<u32>() {
                Ok(max) if max >= 2 && (1..=max).contains(at) => {}
                _ => {
                    return Err(format!(
                        "satisfaction.satisfied_at.{scale} = {at} is not a score on a scale of {scale}"
                    ));
                }
            }
        }
        for (scale, words) in &self.words {
            if scale.parse::<usize>().ok() != Some(words.len()) {
                return Err(format!("satisfaction.words.{scale} must list {scale} words, lowest first"));
            }
            if !self.satisfied_at.contains_key(scale) {
                return Err(format!("satisfaction.words.{scale} needs satisfaction.satisfied_at.{scale}"));
            }
            super::choice::validate_list(&format!("satisfaction.words.{scale}"), words)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    #[test]
    fn the_four_words_of_seed_000_are_ranks_of_a_scale_of_4() {
        let s = &Config::default().satisfaction;
        for (typed, score) in
            [("不满意", 1), ("一般", 2), ("满意", 3), ("非常满意", 4), ("Satisfied", 3), ("very_satisfied", 4)]
        {
            let answer = s.answer(typed).unwrap();
            assert_eq!((answer.score, answer.scale), (score, 4), "{typed}");
        }
        assert_eq!(s.word(3, 4).map(|w| w.label.as_str()), Some("满意"));
        assert_eq!(s.word(3, 5), None);
        assert_eq!(Config::default().satisfied_at(4), Some(3));
    }

    #[test]
    fn an_unknown_word_lists_the_words() {
        let err = Config::default().satisfaction.answer("还行吧").unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("不满意 (dissatisfied), 一般 (neutral), 满意 (satisfied), 非常满意 (very_satisfied)"),
            "{message}"
        );
    }

    #[test]
    fn a_word_scale_lists_as_many_words_as_its_size() {
        let text = "[satisfaction]\nsatisfied_at = { \"5\" = 4, \"10\" = 8, \"3\" = 2 }\n\
                    [[satisfaction.words.3]]\nid = \"bad\"\nlabel = \"差\"\n";
        let err = Config::from_toml(text, std::path::Path::new("t.toml")).unwrap_err();
        assert!(err.to_string().contains("satisfaction.words.3 must list 3 words"), "{err}");
    }
}
