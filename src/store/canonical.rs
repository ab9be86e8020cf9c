//! A fast reader for the one shape of YAML the tool itself writes.
//!
//! Nearly every ticket file was written by [`super::to_yaml`] (yaml_serde,
//! that is libyaml's emitter with an infinite line width), so its layout is
//! fixed: a block mapping at column 0, nested mappings indented by two,
//! sequences at the column of their key (`history:` then `- at: …`), and
//! scalars that are plain, single-quoted (`'13057111683'`) or literal blocks
//! (`|`, `|-`, `|+`, `|2…`). [`parse`] reads exactly that, in one pass and
//! without an intermediate tree, allocating only the strings the ticket owns.
//!
//! The rule that makes this safe: [`parse`] returns `Some(ticket)` only when
//! the full parser (`serde_yaml` into [`Ticket`]) would return exactly that
//! one ticket for the same text. Whenever anything is unusual — a comment, a
//! tab, a double-quoted scalar, an unknown or repeated key, a plain scalar
//! that YAML might read as a number, null or boolean, a line that is not
//! exactly where the emitter puts it — it returns `None` and the caller uses
//! the full parser, which also produces every error message. Each `None`
//! below says which YAML rule it avoids having to get right.
//!
//! The YAML facts relied on (libyaml's scanner as ported in `libyaml-rs` 0.3,
//! read through `yaml_serde` 0.10):
//! - A plain scalar on a key's line ends at `: `, at ` #` and at the end of
//!   the line; trailing spaces are dropped; a following line indented more
//!   than the mapping it belongs to would continue it (never accepted here:
//!   every line must start a key, an entry or a block-scalar line).
//! - A single-quoted scalar on one line is its text with `''` read as `'`.
//! - A literal block scalar's lines are indented by the mapping's column + 2
//!   (written as an explicit `2` when the text starts with a space or a line
//!   break), empty lines are line breaks, and the chomping indicator decides
//!   the final line breaks: `-` none, default one, `+` all.
//! - `yaml_serde` gives a `String` field the scalar's text whatever it looks
//!   like, and an `Option` field `None` for a plain `null`, `Null`, `NULL`,
//!   `~` or empty scalar; the reader here is stricter than needed (it also
//!   refuses plain text that would resolve to a number or boolean), so it
//!   agrees with the full parser even where yaml_serde resolves types.

mod fields;
mod reader;

use self::reader::Reader;
use crate::ticket::Ticket;
#[cfg(test)]
pub(crate) use fields::{CUSTOMER_KEYS, TICKET_KEYS};

/// The ticket `text` holds if it is in the canonical form, else `None`
/// (then the full YAML parser decides). Linear in the length of `text`.
pub fn parse(text: &str) -> Option<Ticket> {
    // Every line ends with a line break, so `Reader::line` needs no other case.
    if !text.ends_with('\n') {
        return None;
    }
    let mut reader = Reader::new(text);
    let ticket = fields::ticket(&mut reader)?;
    reader.at_end().then_some(ticket)
}

#[cfg(test)]
mod tests;
