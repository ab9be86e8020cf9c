//! Messages about a ticket file that does not parse: `path:line:col` and
//! the problem, never the value found there.
//!
//! The parser's own messages quote what they found (`invalid type: string
//! "欧阳娜娜 13812345678", expected struct Customer`, ``unknown variant
//! `13812345678` ``, `duplicate entry with key "…"`), and a key of an
//! unknown mapping may appear in the field path. Those texts reach stderr,
//! reports and the overdue mail, where a customer's name and phone must not
//! (spec §10). So a message is rebuilt from what is known to be safe — the
//! kind of problem, field names of the format, what serde expected (text
//! of this program) — and anything not recognised becomes a generic
//! message rather than being passed through.

use std::path::Path;

use crate::error::Error;

/// A YAML error as `path:line:col: message`, the message free of values.
pub fn yaml_error(e: &serde_yaml::Error, path: &Path) -> Error {
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    Error::Parse { path: path.to_path_buf(), line, column, message: value_free(&e.to_string()) }
}

/// The problems serde reports; what follows each is the rest of its message.
const SERDE_PROBLEMS: [&str; 9] = [
    "invalid type: ",
    "invalid value: ",
    "invalid length ",
    "unknown variant ",
    "unknown field ",
    "missing field ",
    "duplicate field ",
    "duplicate entry ",
    // From the file format's own time fields (crate::time).
    "invalid time ",
];

/// Messages of libyaml and yaml_serde that quote nothing (their text is
/// fixed in those libraries), by how they start.
const FIXED_YAML_PROBLEMS: [&str; 16] = [
    "did not find ",
    "could not find ",
    "found ",
    "control characters ",
    "mapping ",
    "block sequence ",
    "invalid ",
    "incomplete ",
    "expected ",
    "unexpected ",
    "input ",
    "recursion limit exceeded",
    "repetition limit exceeded",
    "unknown anchor",
    "EOF while parsing",
    "deserializing from YAML containing more than one document",
];

/// `message` rewritten so that it holds no text of the file but field names.
pub fn value_free(message: &str) -> String {
    let message = without_locations(message);
    if let Some((path, problem)) = split_serde_problem(&message) {
        let problem = serde_problem(problem);
        return match path.filter(|p| is_field_path(p)) {
            Some(path) => format!("{path}: {problem}"),
            None => problem,
        };
    }
    if is_fixed_yaml_problem(&message) {
        return message;
    }
    "this is not a valid ticket file here (the value cannot be read)".into()
}

/// Drops the ` at line L column C` (and ` at position N`) the libraries
/// append: the location is already in front of the message.
fn without_locations(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 4..];
        let skipped = skip_location(after);
        if skipped.len() == after.len() {
            out.push_str(" at ");
        }
        rest = skipped;
    }
    out.push_str(rest);
    out
}

/// `after` past a leading `line L column C` or `position N`, if it has one.
fn skip_location(after: &str) -> &str {
    fn number(s: &str) -> Option<&str> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0).then(|| &s[digits..])
    }
    let line_column =
        after.strip_prefix("line ").and_then(number).and_then(|s| s.strip_prefix(" column ")).and_then(number);
    line_column.or_else(|| after.strip_prefix("position ").and_then(number)).unwrap_or(after)
}

/// The field path in front of a serde problem (`history[0].action: `), if
/// any, and the problem. The first problem preceded by `: ` (or at the
/// start) counts: a key in the path could itself hold the words.
fn split_serde_problem(message: &str) -> Option<(Option<&str>, &str)> {
    let mut starts: Vec<usize> = SERDE_PROBLEMS
        .iter()
        .flat_map(|problem| message.match_indices(problem).map(|(at, _)| at))
        .filter(|&at| at == 0 || message[..at].ends_with(": "))
        .collect();
    starts.sort_unstable();
    let at = *starts.first()?;
    let path = (at > 0).then(|| &message[..at - 2]);
    Some((path, &message[at..]))
}

/// `customer.name`, `history[3].action`: names of the format only, so a
/// key written into an unknown mapping never shows.
fn is_field_path(path: &str) -> bool {
    path.split('.').all(|part| {
        let name = part.split('[').next().unwrap_or_default();
        let indices = &part[name.len()..];
        !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            && indices
                .split_terminator(']')
                .all(|i| i.strip_prefix('[').is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit())))
    })
}

fn serde_problem(problem: &str) -> String {
    // What serde expected is the last `, expected …`: it is this program's
    // text, while what comes before may quote the file.
    let expected = problem.rsplit_once(", expected ").map(|(_, expected)| expected);
    if let Some(found) = problem.strip_prefix("invalid type: ") {
        let found = found.rsplit_once(", expected ").map_or(found, |(found, _)| found);
        return format!("expected {}, found {}", expected_text(expected), found_kind(found));
    }
    if problem.starts_with("invalid value: ") {
        return format!("value out of range or not allowed; expected {}", expected_text(expected));
    }
    if problem.starts_with("invalid length ") {
        return format!("wrong number of items; expected {}", expected_text(expected));
    }
    let expected_list = expected.map(|e| e.replace('`', "")).filter(|e| is_plain_list(e));
    let expected_list = expected_list.map_or(String::new(), |list| format!("; expected {list}"));
    if problem.starts_with("unknown variant ") {
        return format!("unknown value{expected_list}");
    }
    if problem.starts_with("invalid time ") {
        return "invalid time; expected RFC 3339 such as 2026-11-23T09:15:00+08:00".into();
    }
    let field = problem.split('`').nth(1).filter(|f| is_field_path(f));
    let field = field.map_or(String::new(), |f| format!(" `{f}`"));
    match problem.split(' ').take(2).collect::<Vec<_>>()[..] {
        ["missing", "field"] => format!("missing field{field}"),
        ["duplicate", _] => format!("duplicate key{field}"),
        // A key name of the format's shape (an input file's misspelt
        // field), never one holding digits or other text.
        _ => format!("unknown field{field}{expected_list}"),
    }
}

/// `one of new, processing, closed`: words of the format, commas, spaces.
fn is_plain_list(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_lowercase() || b"_, ".contains(&b))
}

/// What serde expected, in the terms of the file format.
fn expected_text(expected: Option<&str>) -> String {
    let text = match expected.unwrap_or_default() {
        "struct Customer" => "a mapping {name, contact, id}",
        "struct Satisfaction" => "a mapping {score, scale, satisfied, at}",
        "struct Event" => "an event {at, by, action, …}",
        "struct Ticket" => "a ticket (a mapping of fields)",
        "a string" | "a character" => "text",
        "a boolean" => "true or false",
        "a sequence" => "a list",
        "a map" => "a mapping",
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number from 0",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        other if other.starts_with("struct ") => "a mapping",
        other if other.starts_with("enum ") || other.contains("variant") => "one of the allowed values",
        _ => "another kind of value",
    };
    text.to_string()
}

/// The kind of value serde found (its text is left out).
fn found_kind(found: &str) -> &'static str {
    match found.split(' ').next().unwrap_or_default() {
        "string" | "character" | "char" => "text",
        "integer" | "floating" => "a number",
        "boolean" => "true or false",
        "sequence" => "a list",
        "map" => "a mapping",
        "unit" | "null" | "Option" => "nothing (null)",
        _ => "another kind of value",
    }
}

/// A message of libyaml or yaml_serde: fixed text, which quotes nothing.
/// Checked by its start and by its characters (no digit, no quote mark
/// other than around one punctuation character), so that a message that
/// merely starts alike is never passed through.
fn is_fixed_yaml_problem(message: &str) -> bool {
    FIXED_YAML_PROBLEMS.iter().any(|start| message.starts_with(start))
        && message.bytes().all(|b| b.is_ascii_alphabetic() || b" ,:'<>%!-.]}".contains(&b))
        && message.split('\'').skip(1).step_by(2).all(|quoted| quoted.chars().count() <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "欧阳娜娜 13812345678";

    #[test]
    fn serde_messages_lose_their_values_and_keep_the_field() {
        let cases = [
            (
                format!("customer: invalid type: string \"{HOSTILE}\", expected struct Customer at line 6 column 11"),
                "customer: expected a mapping {name, contact, id}, found text",
            ),
            (
                format!("status: unknown variant `{HOSTILE}`, expected one of `new`, `closed` at line 15 column 9"),
                "status: unknown value; expected one of new, closed",
            ),
            (
                "satisfaction.score: invalid value: integer `13812345678`, expected u32".to_string(),
                "satisfaction.score: value out of range or not allowed; expected a whole number from 0",
            ),
            (
                format!("invalid time \"{HOSTILE}\" (input contains invalid characters); expected RFC 3339"),
                "invalid time; expected RFC 3339 such as 2026-11-23T09:15:00+08:00",
            ),
            (format!("duplicate entry with key \"{HOSTILE}\""), "duplicate key"),
            ("customer: duplicate field `name`".to_string(), "customer: duplicate key `name`"),
            ("missing field `history`".to_string(), "missing field `history`"),
            (
                "unknown field `priority`, expected one of `customer`, `channel`".to_string(),
                "unknown field `priority`; expected one of customer, channel",
            ),
            (format!("unknown field `{HOSTILE}`, expected `a`"), "unknown field; expected a"),
            (
                format!("satisfaction.dimensions.{HOSTILE}: invalid type: string \"x\", expected u32"),
                "expected a whole number from 0, found text",
            ),
        ];
        for (raw, expected) in cases {
            assert_eq!(value_free(&raw), expected, "{raw}");
        }
    }

    #[test]
    fn fixed_yaml_messages_pass_and_anything_else_is_generic() {
        let fixed =
            "did not find expected ',' or ']' at line 3 column 1, while parsing a flow sequence at line 2 column 5";
        assert_eq!(value_free(fixed), "did not find expected ',' or ']', while parsing a flow sequence");
        assert_eq!(value_free("recursion limit exceeded at line 17 column 515"), "recursion limit exceeded");
        for raw in [format!("found {HOSTILE}"), "found 13812345678".into(), format!("data did not match {HOSTILE}")] {
            assert!(!value_free(&raw).contains("1381234"), "{raw}");
            assert!(!value_free(&raw).contains("欧阳"), "{raw}");
        }
    }
}
