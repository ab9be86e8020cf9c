//! The message catalogue: every message people read on stderr (confirmations,
//! counts, warnings, errors and their hints), the calendar grid's words and
//! the Chinese help of the command line, each under a key with a zh-CN and an
//! English text. Placeholders are named (`{id}`) and the same in both; a test
//! keeps it so. The English help lives in the clap doc comments (the `en`
//! of a `help.*` key is that same text, shortened to its first line).

use std::fmt::Display;

use super::Lang;

/// One message: its key, its Chinese and its English text.
#[derive(Debug, Clone, Copy)]
pub struct Message {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

macro_rules! catalogue {
    ($name:ident; $($key:literal => $zh:literal, $en:literal;)*) => {
        const $name: &[Message] = &[$(Message { key: $key, zh: $zh, en: $en }),*];
    };
}

/// Every message of the catalogue: messages, refusals, changes, then the
/// help of the command line.
pub fn all() -> impl Iterator<Item = &'static Message> {
    MESSAGES.iter().chain(REFUSALS).chain(CHANGES).chain(HELP)
}

/// `tr!(lang, "key", name = value, …)`: the message `key` in `lang` with its
/// placeholders filled in.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::lang::messages::render($lang, $key, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*])
    };
}

/// The text of `key` in `lang`, or `None` for a key not in the catalogue.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    all().find(|m| m.key == key).map(|m| lang.pick(m.zh, m.en))
}

/// The message `key` in `lang` with `{name}` replaced by each argument. A
/// key missing from the catalogue renders as itself (a test finds every key
/// the source uses).
pub fn render(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut text = lookup(lang, key).unwrap_or(key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// The `{name}` placeholders of a text, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

include!("messages_table.rs");
include!("messages_refusal.rs");
include!("messages_change.rs");
include!("messages_help.rs");

#[cfg(test)]
mod tests;
