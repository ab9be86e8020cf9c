//! The YAML subset the tool itself writes, read without a tree: block
//! mappings and sequences at fixed indentations, plain, single-quoted and
//! literal block scalars (see the parent module for the rules). Knows
//! nothing of tickets: `fields.rs` says which key holds what.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

/// The length in bytes of the character starting at `bytes[i]` (UTF-8, not
/// a line break) if it is one the emitter writes as itself and libyaml reads
/// as an ordinary character: not a tab or carriage return (the emitter
/// escapes them in double quotes), no other C0/C1 control or DEL (libyaml
/// refuses them), not U+2028/U+2029 (line breaks to libyaml), not a BOM
/// (skipped at a line start) nor U+FFFE/U+FFFF (refused).
fn ordinary_character(bytes: &[u8], i: usize) -> Option<usize> {
    let next_two = || bytes.get(i + 1..i + 3);
    match bytes[i] {
        0x20..=0x7E => Some(1),
        0xC2 => bytes.get(i + 1).is_some_and(|&next| next >= 0xA0).then_some(2),
        0xC3..=0xDF => Some(2),
        0xE2 if matches!(next_two(), Some([0x80, 0xA8 | 0xA9])) => None,
        0xEF if matches!(next_two(), Some([0xBB, 0xBF] | [0xBF, 0xBE | 0xBF])) => None,
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// A position in the text, always at a line start or inside the line being read.
pub(super) struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str) -> Reader<'a> {
        Reader { text, pos: 0 }
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    pub(super) fn rest(&self) -> &'a [u8] {
        self.text.as_bytes().get(self.pos..).unwrap_or_default()
    }

    /// The spaces starting the current line; `None` at the end of the text.
    fn indent(&self) -> Option<usize> {
        if self.at_end() {
            return None;
        }
        Some(self.rest().iter().take_while(|&&b| b == b' ').count())
    }

    /// The rest of the current line without its line break, consumed with
    /// it; `None` if it holds a character that is not [`ordinary_character`].
    /// Every byte of the text that is not a key, an indentation or `- ` is
    /// read here, so each is checked once.
    fn line(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut end = start;
        while let Some(&b) = bytes.get(end) {
            if b == b'\n' {
                break;
            }
            end += ordinary_character(bytes, end)?;
        }
        self.pos = (end + 1).min(bytes.len());
        Some(&self.text[start..end])
    }

    /// A field name and its colon (`[a-z_][a-z_0-9]*:`, e.g. `sha256`) at
    /// the current position.
    fn key(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut end = start;
        while let Some(b'a'..=b'z' | b'_') = bytes.get(end) {
            end += 1;
        }
        while end > start && matches!(bytes.get(end), Some(b'a'..=b'z' | b'_' | b'0'..=b'9')) {
            end += 1;
        }
        if end == start || bytes.get(end) != Some(&b':') {
            return None;
        }
        self.pos = end + 1;
        self.text.get(start..end)
    }

    /// The value on the key's line: exactly one space after the colon, then
    /// the rest of the line (more spaces, or none, fall back).
    pub(super) fn inline(&mut self) -> Option<&'a str> {
        if self.rest().first() != Some(&b' ') {
            return None;
        }
        self.pos += 1;
        self.line()
    }

    /// A key with nothing after its colon: its value is on the next lines.
    pub(super) fn block(&mut self) -> Option<()> {
        if self.rest().first() != Some(&b'\n') {
            return None;
        }
        self.pos += 1;
        Some(())
    }

    /// Consumes `- ` at column `indent` of the current line if it is there:
    /// the next entry of a block sequence.
    pub(super) fn entry(&mut self, indent: usize) -> bool {
        let rest = self.rest();
        let is_entry = rest.len() > indent + 1
            && rest[..indent].iter().all(|&b| b == b' ')
            && rest[indent] == b'-'
            && rest[indent + 1] == b' ';
        if is_entry {
            self.pos += indent + 2;
        }
        is_entry
    }

    /// Reads the keys of a block mapping at column `indent`, the first one at
    /// the current position, handing each to `field` to read its value. Ends
    /// before a less indented line or at the end of the text.
    pub(super) fn mapping(
        &mut self,
        indent: usize,
        mut field: impl FnMut(&mut Self, &'a str) -> Option<()>,
    ) -> Option<()> {
        loop {
            let key = self.key()?;
            field(self, key)?;
            match self.indent() {
                Some(spaces) if spaces == indent => self.pos += spaces,
                // A deeper line would continue the last scalar or open a
                // structure the serialiser never writes there.
                Some(spaces) if spaces > indent => return None,
                _ => return Some(()),
            }
        }
    }

    /// A string value on the key's line (or a literal block starting there);
    /// `indent` is the column of the mapping holding the key.
    pub(super) fn text(&mut self, indent: usize) -> Option<String> {
        let value = self.inline()?;
        self.scalar_text(value, indent)
    }

    /// An optional string: `null` is `None`.
    pub(super) fn opt_text(&mut self, indent: usize) -> Option<Option<String>> {
        let value = self.inline()?;
        if value == "null" {
            return Some(None);
        }
        self.scalar_text(value, indent).map(Some)
    }

    /// A one-word value (number, boolean, name, instant) read by `read`.
    pub(super) fn word<T>(&mut self, read: impl FnOnce(&str) -> Option<T>) -> Option<T> {
        read(self.inline()?)
    }

    /// An optional one-word value: `null` is `None`.
    pub(super) fn opt_word<T>(&mut self, read: impl FnOnce(&str) -> Option<T>) -> Option<Option<T>> {
        let value = self.inline()?;
        if value == "null" {
            return Some(None);
        }
        read(value).map(Some)
    }

    /// `value` is what follows `key: ` or `- ` on its line.
    fn scalar_text(&mut self, value: &str, indent: usize) -> Option<String> {
        match value.as_bytes().first() {
            Some(b'\'') => single_quoted(value),
            Some(b'|') => self.literal(&value[1..], indent),
            _ => plain_text(value).then(|| value.to_string()),
        }
    }

    /// A literal block scalar whose lines follow; `header` is what follows
    /// the `|`. Mirrors libyaml's `yaml_parser_scan_block_scalar`.
    fn literal(&mut self, header: &str, indent: usize) -> Option<String> {
        let (explicit_indent, chomping) = block_header(header)?;
        let content_indent = indent + 2;
        let mut value = String::new();
        let mut empty_lines = 0;
        let mut has_content = false;
        while !self.at_end() {
            let line_start = self.pos;
            let line = self.line()?;
            if line.is_empty() {
                empty_lines += 1;
                continue;
            }
            let spaces = line.bytes().take_while(|&b| b == b' ').count();
            if spaces < content_indent {
                // The block ended: the line is the next key's.
                self.pos = line_start;
                break;
            }
            // Trailing spaces (and lines of spaces only) are never written:
            // the emitter double-quotes such text instead.
            if line.ends_with(' ') {
                return None;
            }
            // Without an indicator libyaml takes the indentation from the
            // first lines; the emitter only omits it when the first line is
            // text at exactly the expected column.
            if !has_content && !explicit_indent && (empty_lines > 0 || spaces > content_indent) {
                return None;
            }
            if has_content {
                value.push('\n');
            }
            push_line_breaks(&mut value, empty_lines);
            value.push_str(&line[content_indent..]);
            empty_lines = 0;
            has_content = true;
        }
        if !has_content && !explicit_indent {
            return None;
        }
        if has_content && chomping != Chomping::Strip {
            value.push('\n');
        }
        if chomping == Chomping::Keep {
            push_line_breaks(&mut value, empty_lines);
        }
        Some(value)
    }

    /// A block sequence of strings at column `indent`, after `key:` and its
    /// line break (the serialiser omits empty lists).
    pub(super) fn list(&mut self, indent: usize) -> Option<Vec<String>> {
        self.block()?;
        let mut items = Vec::new();
        while self.entry(indent) {
            let value = self.line()?;
            items.push(self.scalar_text(value, indent)?);
        }
        (!items.is_empty()).then_some(items)
    }

    /// A nested block mapping of names to numbers, its keys at `indent`.
    pub(super) fn dimensions(&mut self, indent: usize) -> Option<BTreeMap<String, u32>> {
        self.block()?;
        let mut dimensions = BTreeMap::new();
        while self.indent() == Some(indent) {
            self.pos += indent;
            let (name, value) = dimension(self.line()?)?;
            if dimensions.insert(name, value).is_some() {
                return None;
            }
        }
        (!dimensions.is_empty()).then_some(dimensions)
    }

    /// After `key:` and its line break: the nested mapping's first line, at
    /// column `indent`.
    pub(super) fn nested(&mut self, indent: usize) -> Option<()> {
        self.block()?;
        if self.indent() != Some(indent) {
            return None;
        }
        self.pos += indent;
        Some(())
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Chomping {
    Strip,
    Clip,
    Keep,
}

/// What follows `|`: an optional indentation indicator, which the emitter
/// writes as its indent step 2, then an optional chomping indicator. Any
/// other header (another digit, the reverse order, a comment) falls back.
fn block_header(header: &str) -> Option<(bool, Chomping)> {
    let (explicit_indent, chomping) = match header.strip_prefix('2') {
        Some(rest) => (true, rest),
        None => (false, header),
    };
    let chomping = match chomping {
        "" => Chomping::Clip,
        "-" => Chomping::Strip,
        "+" => Chomping::Keep,
        _ => return None,
    };
    Some((explicit_indent, chomping))
}

fn push_line_breaks(value: &mut String, count: usize) {
    value.extend(std::iter::repeat_n('\n', count));
}

/// `'…'` on one line, with `''` standing for `'`.
fn single_quoted(value: &str) -> Option<String> {
    let inner = value.strip_prefix('\'')?.strip_suffix('\'')?;
    let bytes = inner.as_bytes();
    let mut i = 0;
    let mut escaped = false;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            // A lone quote would end the scalar early.
            if bytes.get(i + 1) != Some(&b'\'') {
                return None;
            }
            escaped = true;
            i += 1;
        }
        i += 1;
    }
    Some(if escaped { inner.replace("''", "'") } else { inner.to_string() })
}

/// Whether `value`, written plain on a key's line, reads back as exactly this
/// string: it is a well-formed plain scalar and resolves to no other type.
fn plain_text(value: &str) -> bool {
    plain_scalar(value) && !resolves_to_other_type(value)
}

/// `INDICATOR[b]`: the byte `b` makes a value something else than a plain
/// scalar when it starts it (or may, depending on what follows). A table,
/// not `contains`: this runs for every value, `contains` calls `memchr`.
const INDICATOR: [bool; 256] = {
    let indicators = b" -?:,[]{}#&*!|>'\"%@`";
    let mut table = [false; 256];
    let mut i = 0;
    while i < indicators.len() {
        table[indicators[i] as usize] = true;
        i += 1;
    }
    table
};

/// Whether libyaml reads `value`, plain after `key: ` or `- `, as exactly this
/// text. Refuses an indicator or space first (anchors, tags, aliases, flow
/// collections, quotes, block scalars, comments, directives and `-`/`?`/`:`
/// entries all start so), a trailing space or colon (dropped, or a mapping
/// value), and `: ` or ` #` inside (a mapping value, a comment).
fn plain_scalar(value: &str) -> bool {
    let bytes = value.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else { return false };
    if INDICATOR[usize::from(first)] || last == b' ' || last == b':' {
        return false;
    }
    !bytes.windows(2).any(|pair| pair == b": " || pair == b" #")
}

/// Whether YAML could read the plain scalar `value` as null, a boolean or a
/// number. Deliberately broad: the YAML 1.1 words too, in any case, and any
/// text starting with a sign, dot or `~`, or a digit and made only of the
/// characters of numbers (a ULID such as `01HGCN3S…` has other letters).
fn resolves_to_other_type(value: &str) -> bool {
    const WORDS: [&str; 12] = ["null", "true", "false", "yes", "no", "on", "off", "y", "n", "inf", "nan", "infinity"];
    let bytes = value.as_bytes();
    let Some(&first) = bytes.first() else { return true };
    match first {
        b'+' | b'-' | b'.' | b'~' => true,
        b'0'..=b'9' => bytes.iter().all(|&b| {
            b.is_ascii_hexdigit() || matches!(b, b'x' | b'X' | b'o' | b'O' | b'.' | b'+' | b'-' | b'_' | b':')
        }),
        b'a'..=b'z' | b'A'..=b'Z' => WORDS.iter().any(|word| word.eq_ignore_ascii_case(value)),
        _ => false,
    }
}

/// A `u32` as the serialiser writes it: decimal digits, no sign, no leading
/// zero (yaml_serde reads `+1`, `0x1` or `01` differently or not at all).
pub(super) fn number(value: &str) -> Option<u32> {
    let digits_only = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    if !digits_only || (value.len() > 1 && value.starts_with('0')) {
        return None;
    }
    value.parse().ok()
}

pub(super) fn boolean(value: &str) -> Option<bool> {
    match value {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// An instant, read by the same function as the `instant` serde module.
pub(super) fn instant(value: &str) -> Option<DateTime<FixedOffset>> {
    if !plain_scalar(value) {
        return None;
    }
    DateTime::parse_from_rfc3339(value).ok()
}

/// `name: 5` in a dimensions mapping: the name plain or single-quoted, short
/// enough to be a simple key (the emitter writes longer keys as `? name`).
fn dimension(line: &str) -> Option<(String, u32)> {
    const SIMPLE_KEY_MAX: usize = 128;
    let key_length = if line.starts_with('\'') { closing_quote(line)? + 1 } else { line.find(": ")? };
    let (key, value) = (&line[..key_length], line[key_length..].strip_prefix(": ")?);
    if key.len() > SIMPLE_KEY_MAX {
        return None;
    }
    let name = if key.starts_with('\'') {
        single_quoted(key)?
    } else if key.contains([':', '#']) || !plain_text(key) {
        // A colon or hash inside a plain key is legal in places; not worth it.
        return None;
    } else {
        key.to_string()
    };
    Some((name, number(value)?))
}

/// The byte index of the quote closing the single-quoted scalar `line` starts with.
fn closing_quote(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            if bytes.get(i + 1) != Some(&b'\'') {
                return Some(i);
            }
            i += 1;
        }
        i += 1;
    }
    None
}
