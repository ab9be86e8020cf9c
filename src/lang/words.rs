//! Words to be said later in a language not yet known: a catalogue key and
//! its arguments. An operation of the core describes its change so (`ops::
//! Change::words`); the command line renders it in the store's language,
//! while the English stays the commit subject and the API's `what`.

use super::Lang;
use super::messages::render;

/// A message of the catalogue with its arguments, rendered on demand.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// One argument: a text the same in both languages, a word with a Chinese
/// and an English form (a status, a kind), further words, or a list of them.
#[derive(Debug, Clone, PartialEq)]
enum Arg {
    Text(String),
    Pick { zh: String, en: String },
    Words(Words),
    List(Vec<Words>),
}

impl Words {
    pub fn new(key: &'static str) -> Words {
        Words { key, args: Vec::new() }
    }

    /// `parts` one after the other, separated by a comma of the language.
    pub fn list(parts: Vec<Words>) -> Words {
        Words { key: "words.list", args: vec![("items", Arg::List(parts))] }
    }

    /// A text already said in both languages.
    pub fn both(zh: impl Into<String>, en: impl Into<String>) -> Words {
        Words::new("words.list").with_pick("items", zh, en)
    }

    /// With `{name}` a text the same in both languages (a name, a time).
    pub fn with(mut self, name: &'static str, value: impl std::fmt::Display) -> Words {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// With `{name}` a word that has a Chinese and an English form.
    pub fn with_pick(mut self, name: &'static str, zh: impl Into<String>, en: impl Into<String>) -> Words {
        self.args.push((name, Arg::Pick { zh: zh.into(), en: en.into() }));
        self
    }

    /// With `{name}` further words.
    pub fn with_words(mut self, name: &'static str, words: Words) -> Words {
        self.args.push((name, Arg::Words(words)));
        self
    }

    /// The words in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let values: Vec<(&str, String)> = self.args.iter().map(|(name, arg)| (*name, arg.render(lang))).collect();
        let args: Vec<(&str, &dyn std::fmt::Display)> =
            values.iter().map(|(name, value)| (*name, value as &dyn std::fmt::Display)).collect();
        render(lang, self.key, &args)
    }
}

impl Arg {
    fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::Pick { zh, en } => lang.pick(zh.as_str(), en.as_str()).to_string(),
            Arg::Words(words) => words.render(lang),
            Arg::List(parts) => parts.iter().map(|w| w.render(lang)).collect::<Vec<_>>().join(lang.pick("，", ", ")),
        }
    }
}

#[cfg(test)]
mod tests;
