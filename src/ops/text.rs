//! Free text as a person typed it: normalised, checked, capped.

use crate::error::{Error, Result};
use crate::ticket::text;

/// Checks and normalises a free-text field: CRLF becomes LF, surrounding
/// blanks go, the characters crate::ticket::text refuses are refused
/// (line breaks and tabs only where `multiline`), and the length is capped.
pub fn clean_text(field: &str, value: &str, multiline: bool, max: usize) -> Result<String> {
    let value = value.replace("\r\n", "\n");
    let value = value.trim();
    if multiline {
        text::check_multi_line(field, value)?;
    } else {
        text::check_one_line(field, value)?;
    }
    if value.len() > max {
        return Err(Error::TooLong { field: field.to_string(), len: value.len(), max });
    }
    Ok(value.to_string())
}

/// Like [`clean_text`], and refuses an empty result.
pub fn required_text(field: &str, value: &str, multiline: bool, max: usize) -> Result<String> {
    let value = clean_text(field, value, multiline, max)?;
    if value.is_empty() {
        return Err(Error::EmptyField { field: field.to_string() });
    }
    Ok(value)
}

/// An optional text: absent stays absent, present must not be empty.
pub fn optional_text(field: &str, value: Option<&str>, multiline: bool, max: usize) -> Result<Option<String>> {
    value.map(|v| required_text(field, v, multiline, max)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_trims_and_turns_crlf_into_lf() {
        assert_eq!(clean_text("note", "  a\r\nb  ", true, 100).unwrap(), "a\nb");
    }

    #[test]
    fn one_line_text_refuses_a_line_break() {
        assert!(matches!(clean_text("to", "a\nb", false, 100), Err(Error::BadCharacter(_))));
    }

    #[test]
    fn text_over_the_limit_is_refused() {
        assert!(matches!(clean_text("note", "abcd", true, 3), Err(Error::TooLong { max: 3, .. })));
    }

    #[test]
    fn required_text_refuses_blank_and_optional_keeps_absent() {
        assert!(matches!(required_text("note", "  ", true, 10), Err(Error::EmptyField { .. })));
        assert_eq!(optional_text("note", None, true, 10).unwrap(), None);
        assert!(optional_text("note", Some(" "), true, 10).is_err());
    }
}
