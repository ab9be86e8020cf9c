//! Which characters free text may hold: the one place for the rule.
//!
//! A one-line value (a name, a summary, a department) takes no control
//! character, no line or paragraph separator and no bidirectional-text
//! control: a line break in an actor's name would forge git trailers
//! (`Complaint-Id:` lines that `git log --grep` trusts), and a bidi control
//! makes text display differently from what it says. Multi-line text
//! (description, notes, comments) takes line breaks and tabs, but no other
//! control character and no bidi control either.
//!
//! Errors name the field and the code point, never the rest of the value
//! (it may be customer data).

use std::fmt;

/// Why a character is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// C0, DEL or C1 (including U+0085 NEL).
    Control,
    /// U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
    LineSeparator,
    /// Embeddings, overrides, isolates and marks (U+202A–U+202E,
    /// U+2066–U+2069, U+200E, U+200F, U+061C).
    Bidi,
}

impl CharClass {
    /// The class of `c` if it is never allowed in a one-line value.
    pub fn of(c: char) -> Option<CharClass> {
        match c {
            c if c.is_control() => Some(CharClass::Control),
            '\u{2028}' | '\u{2029}' => Some(CharClass::LineSeparator),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => {
                Some(CharClass::Bidi)
            }
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            CharClass::Control => "a control character",
            CharClass::LineSeparator => "a line or paragraph separator",
            CharClass::Bidi => "a bidirectional-text control",
        }
    }
}

/// A refused character: in which field, which code point, of what class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCharacter {
    pub field: String,
    pub code: u32,
    pub class: CharClass,
}

impl fmt::Display for BadCharacter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} contains {} (U+{:04X})", self.field, self.class.name(), self.code)
    }
}

impl std::error::Error for BadCharacter {}

impl BadCharacter {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self.class {
            CharClass::Control => {
                "names and one-line fields take no line breaks, tabs, escapes or other control characters; \
                 multi-line text (description, notes) takes line breaks and tabs only"
            }
            CharClass::LineSeparator => "a line or paragraph separator breaks a one-line field; write it on one line",
            CharClass::Bidi => {
                "bidirectional-text controls make text display differently from what it says; remove them \
                 (Chinese and Latin text needs none)"
            }
        }
    }
}

/// Refuses a one-line value holding a character of any [`CharClass`].
pub fn check_one_line(field: &str, value: &str) -> Result<(), BadCharacter> {
    find(field, value, CharClass::of)
}

/// Refuses multi-line text holding a bidi control or a control character
/// other than a line feed or a tab.
pub fn check_multi_line(field: &str, value: &str) -> Result<(), BadCharacter> {
    find(field, value, |c| match (c, CharClass::of(c)) {
        ('\n' | '\t', _) | (_, Some(CharClass::LineSeparator)) => None,
        (_, class) => class,
    })
}

fn find(field: &str, value: &str, class: impl Fn(char) -> Option<CharClass>) -> Result<(), BadCharacter> {
    match value.chars().find_map(|c| class(c).map(|class| (c, class))) {
        Some((c, class)) => Err(BadCharacter { field: field.to_string(), code: c as u32, class }),
        None => Ok(()),
    }
}

/// `value` with every character [`check_one_line`] refuses replaced by a
/// space: for text that must stay on one line whatever it holds (a git
/// trailer, a commit subject), as a second line of defence.
pub fn on_one_line(value: &str) -> String {
    value.chars().map(|c| if CharClass::of(c).is_some() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused_one_line(value: &str) -> Option<(u32, CharClass)> {
        check_one_line("f", value).err().map(|e| (e.code, e.class))
    }

    #[test]
    fn one_line_refuses_every_class() {
        for (c, class) in [
            ('\n', CharClass::Control),
            ('\r', CharClass::Control),
            ('\t', CharClass::Control),
            ('\u{1b}', CharClass::Control),
            ('\u{7f}', CharClass::Control),
            ('\u{85}', CharClass::Control),
            ('\u{2028}', CharClass::LineSeparator),
            ('\u{2029}', CharClass::LineSeparator),
            ('\u{202A}', CharClass::Bidi),
            ('\u{202E}', CharClass::Bidi),
            ('\u{2066}', CharClass::Bidi),
            ('\u{2069}', CharClass::Bidi),
            ('\u{200E}', CharClass::Bidi),
            ('\u{200F}', CharClass::Bidi),
            ('\u{061C}', CharClass::Bidi),
        ] {
            assert_eq!(refused_one_line(&format!("李{c}四")), Some((c as u32, class)), "{:04X}", c as u32);
        }
        assert_eq!(refused_one_line("李四 Li Si ﹣ 王芳·阿依"), None);
        assert_eq!(refused_one_line("\u{200D}\u{FE0F}"), None, "joiners and variation selectors are text");
    }

    #[test]
    fn multi_line_allows_line_breaks_and_tabs_only() {
        assert!(check_multi_line("d", "第一行\n\t第二行\u{2028}").is_ok());
        for c in ['\r', '\u{1b}', '\u{85}', '\u{202E}', '\u{2067}', '\u{200F}'] {
            assert!(check_multi_line("d", &format!("a{c}b")).is_err(), "{:04X}", c as u32);
        }
    }

    #[test]
    fn the_message_names_field_and_code_point_not_the_value() {
        let e = check_one_line("--by", "李四\nComplaint-Id: CP20990101001").unwrap_err();
        assert_eq!(e.to_string(), "--by contains a control character (U+000A)");
        let e = check_one_line("summary", "abc\u{202E}def").unwrap_err();
        assert_eq!(e.to_string(), "summary contains a bidirectional-text control (U+202E)");
    }

    #[test]
    fn on_one_line_blanks_what_is_refused() {
        assert_eq!(on_one_line("李四\nAction: closed\u{2028}x"), "李四 Action: closed x");
    }
}
