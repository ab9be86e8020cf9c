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

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use crate::ticket::{Action, Customer, Event, NoteKind, Satisfaction, Status, Ticket};

/// The ticket `text` holds if it is in the canonical form, else `None`
/// (then the full YAML parser decides). Linear in the length of `text`.
pub fn parse(text: &str) -> Option<Ticket> {
    // Every line ends with a line break, so `Reader::line` needs no other case.
    if !text.ends_with('\n') {
        return None;
    }
    let mut reader = Reader { text, pos: 0 };
    let ticket = ticket(&mut reader)?;
    reader.at_end().then_some(ticket)
}

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
struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn rest(&self) -> &'a [u8] {
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

    /// A field name and its colon (`[a-z_]+:`) at the current position.
    fn key(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut end = start;
        while let Some(b'a'..=b'z' | b'_') = bytes.get(end) {
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
    fn inline(&mut self) -> Option<&'a str> {
        if self.rest().first() != Some(&b' ') {
            return None;
        }
        self.pos += 1;
        self.line()
    }

    /// A key with nothing after its colon: its value is on the next lines.
    fn block(&mut self) -> Option<()> {
        if self.rest().first() != Some(&b'\n') {
            return None;
        }
        self.pos += 1;
        Some(())
    }

    /// Consumes `- ` at column `indent` of the current line if it is there:
    /// the next entry of a block sequence.
    fn entry(&mut self, indent: usize) -> bool {
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
    fn mapping(&mut self, indent: usize, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
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
    fn text(&mut self, indent: usize) -> Option<String> {
        let value = self.inline()?;
        self.scalar_text(value, indent)
    }

    /// An optional string: `null` is `None`.
    fn opt_text(&mut self, indent: usize) -> Option<Option<String>> {
        let value = self.inline()?;
        if value == "null" {
            return Some(None);
        }
        self.scalar_text(value, indent).map(Some)
    }

    /// A one-word value (number, boolean, name, instant) read by `read`.
    fn word<T>(&mut self, read: impl FnOnce(&str) -> Option<T>) -> Option<T> {
        read(self.inline()?)
    }

    /// An optional one-word value: `null` is `None`.
    fn opt_word<T>(&mut self, read: impl FnOnce(&str) -> Option<T>) -> Option<Option<T>> {
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
    fn list(&mut self, indent: usize) -> Option<Vec<String>> {
        self.block()?;
        let mut items = Vec::new();
        while self.entry(indent) {
            let value = self.line()?;
            items.push(self.scalar_text(value, indent)?);
        }
        (!items.is_empty()).then_some(items)
    }

    /// A nested block mapping of names to numbers, its keys at `indent`.
    fn dimensions(&mut self, indent: usize) -> Option<BTreeMap<String, u32>> {
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
    fn nested(&mut self, indent: usize) -> Option<()> {
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
fn number(value: &str) -> Option<u32> {
    let digits_only = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    if !digits_only || (value.len() > 1 && value.starts_with('0')) {
        return None;
    }
    value.parse().ok()
}

fn boolean(value: &str) -> Option<bool> {
    match value {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// An instant, read by the same function as the `instant` serde module.
fn instant(value: &str) -> Option<DateTime<FixedOffset>> {
    if !plain_scalar(value) {
        return None;
    }
    DateTime::parse_from_rfc3339(value).ok()
}

fn status(value: &str) -> Option<Status> {
    value.parse().ok()
}

fn action(value: &str) -> Option<Action> {
    Action::ALL.into_iter().find(|action| action.id() == value)
}

fn note_kind(value: &str) -> Option<NoteKind> {
    [NoteKind::Progress, NoteKind::Internal, NoteKind::Action].into_iter().find(|kind| kind.id() == value)
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

/// Stores a key's value; a repeated key falls back (the full parser refuses it).
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

fn ticket(r: &mut Reader<'_>) -> Option<Ticket> {
    let mut fields = TicketFields::default();
    r.mapping(0, |r, key| fields.read(r, key))?;
    fields.build()
}

/// The keys of a ticket as read so far; `None` for a key not seen yet.
#[derive(Default)]
struct TicketFields {
    schema: Option<u32>,
    id: Option<String>,
    uid: Option<String>,
    renamed_from: Option<Vec<String>>,
    received_at: Option<DateTime<FixedOffset>>,
    channel: Option<String>,
    customer: Option<Customer>,
    product: Option<Option<String>>,
    summary: Option<String>,
    description: Option<Option<String>>,
    expectation: Option<Option<String>>,
    category: Option<Option<String>>,
    severity: Option<String>,
    department: Option<Option<String>>,
    departments_involved: Option<Vec<String>>,
    assignee: Option<Option<String>>,
    involved_staff: Option<Vec<String>>,
    promised_at: Option<Option<DateTime<FixedOffset>>>,
    escalated: Option<bool>,
    escalated_to: Option<Option<String>>,
    cause: Option<Option<String>>,
    status: Option<Status>,
    plan: Option<Option<String>>,
    satisfaction: Option<Option<Satisfaction>>,
    history: Option<Vec<Event>>,
}

impl TicketFields {
    /// Reads the value of `key` (the ticket mapping is at column 0).
    fn read(&mut self, r: &mut Reader<'_>, key: &str) -> Option<()> {
        match key {
            "schema" => set(&mut self.schema, r.word(number)?),
            "id" => set(&mut self.id, r.text(0)?),
            "uid" => set(&mut self.uid, r.text(0)?),
            "renamed_from" => set(&mut self.renamed_from, r.list(0)?),
            "received_at" => set(&mut self.received_at, r.word(instant)?),
            "channel" => set(&mut self.channel, r.text(0)?),
            "customer" => set(&mut self.customer, customer(r, 2)?),
            "product" => set(&mut self.product, r.opt_text(0)?),
            "summary" => set(&mut self.summary, r.text(0)?),
            "description" => set(&mut self.description, r.opt_text(0)?),
            "expectation" => set(&mut self.expectation, r.opt_text(0)?),
            "category" => set(&mut self.category, r.opt_text(0)?),
            "severity" => set(&mut self.severity, r.text(0)?),
            "department" => set(&mut self.department, r.opt_text(0)?),
            "departments_involved" => set(&mut self.departments_involved, r.list(0)?),
            "assignee" => set(&mut self.assignee, r.opt_text(0)?),
            "involved_staff" => set(&mut self.involved_staff, r.list(0)?),
            "promised_at" => set(&mut self.promised_at, r.opt_word(instant)?),
            "escalated" => set(&mut self.escalated, r.word(boolean)?),
            "escalated_to" => set(&mut self.escalated_to, r.opt_text(0)?),
            "cause" => set(&mut self.cause, r.opt_text(0)?),
            "status" => set(&mut self.status, r.word(status)?),
            "plan" => set(&mut self.plan, r.opt_text(0)?),
            "satisfaction" => set(&mut self.satisfaction, satisfaction(r, 2)?),
            "history" => set(&mut self.history, history(r, 0)?),
            // Unknown keys are kept in `extra` by the full parser.
            _ => None,
        }
    }

    /// The ticket, if every required key was given.
    fn build(self) -> Option<Ticket> {
        Some(Ticket {
            schema: self.schema?,
            id: self.id?,
            uid: self.uid?,
            renamed_from: self.renamed_from.unwrap_or_default(),
            received_at: self.received_at?,
            channel: self.channel?,
            customer: self.customer?,
            product: self.product.flatten(),
            summary: self.summary?,
            description: self.description.flatten(),
            expectation: self.expectation.flatten(),
            category: self.category.flatten(),
            severity: self.severity?,
            department: self.department.flatten(),
            departments_involved: self.departments_involved.unwrap_or_default(),
            assignee: self.assignee.flatten(),
            involved_staff: self.involved_staff.unwrap_or_default(),
            promised_at: self.promised_at.flatten(),
            escalated: self.escalated.unwrap_or_default(),
            escalated_to: self.escalated_to.flatten(),
            cause: self.cause.flatten(),
            status: self.status?,
            plan: self.plan.flatten(),
            satisfaction: self.satisfaction.flatten(),
            history: self.history?,
            extra: BTreeMap::new(),
        })
    }
}

/// `customer:` and its mapping at column `indent`.
fn customer(r: &mut Reader<'_>, indent: usize) -> Option<Customer> {
    r.nested(indent)?;
    let (mut name, mut contact, mut id) = (None, None, None);
    r.mapping(indent, |r, key| match key {
        "name" => set(&mut name, r.text(indent)?),
        "contact" => set(&mut contact, r.text(indent)?),
        "id" => set(&mut id, r.opt_text(indent)?),
        _ => None,
    })?;
    Some(Customer { name: name?, contact: contact?, id: id.flatten(), extra: BTreeMap::new() })
}

/// `satisfaction: null`, or `satisfaction:` and its mapping at column `indent`.
fn satisfaction(r: &mut Reader<'_>, indent: usize) -> Option<Option<Satisfaction>> {
    if r.rest().starts_with(b" null\n") {
        r.inline()?;
        return Some(None);
    }
    r.nested(indent)?;
    let (mut score, mut scale, mut satisfied, mut comment, mut dimensions, mut at) =
        (None, None, None, None, None, None);
    r.mapping(indent, |r, key| match key {
        "score" => set(&mut score, r.word(number)?),
        "scale" => set(&mut scale, r.word(number)?),
        "satisfied" => set(&mut satisfied, r.word(boolean)?),
        "comment" => set(&mut comment, r.opt_text(indent)?),
        "dimensions" => set(&mut dimensions, r.dimensions(indent + 2)?),
        "at" => set(&mut at, r.word(instant)?),
        _ => None,
    })?;
    Some(Some(Satisfaction {
        score: score?,
        scale: scale?,
        satisfied: satisfied?,
        comment: comment.flatten(),
        dimensions: dimensions.unwrap_or_default(),
        at: at?,
        extra: BTreeMap::new(),
    }))
}

/// `history: []`, or `history:` and its entries `- at: …` at column `indent`.
fn history(r: &mut Reader<'_>, indent: usize) -> Option<Vec<Event>> {
    if r.rest().starts_with(b" []\n") {
        r.inline()?;
        return Some(Vec::new());
    }
    r.block()?;
    // What pushing 5 to 8 events gives anyway (most tickets have that
    // many), without the reallocations on the way.
    let mut events = Vec::with_capacity(8);
    while r.entry(indent) {
        let mut fields = EventFields::default();
        r.mapping(indent + 2, |r, key| fields.read(r, key, indent + 2))?;
        events.push(fields.build()?);
    }
    (!events.is_empty()).then_some(events)
}

/// The keys of an event as read so far; `None` for a key not seen yet.
#[derive(Default)]
struct EventFields {
    at: Option<DateTime<FixedOffset>>,
    by: Option<String>,
    action: Option<Action>,
    from: Option<Option<Status>>,
    to: Option<Option<Status>>,
    category: Option<Option<String>>,
    severity: Option<Option<String>>,
    department: Option<Option<String>>,
    assignee: Option<Option<String>>,
    also: Option<Vec<String>>,
    staff: Option<Vec<String>>,
    plan: Option<Option<String>>,
    cause: Option<Option<String>>,
    kind: Option<Option<NoteKind>>,
    owner: Option<Option<String>>,
    due: Option<Option<DateTime<FixedOffset>>>,
    score: Option<Option<u32>>,
    scale: Option<Option<u32>>,
    satisfied: Option<Option<bool>>,
    comment: Option<Option<String>>,
    dimensions: Option<BTreeMap<String, u32>>,
    no_answer: Option<bool>,
    promised_at: Option<Option<DateTime<FixedOffset>>>,
    escalated_to: Option<Option<String>>,
    changed: Option<Vec<String>>,
    renamed_from: Option<Option<String>>,
    reason: Option<Option<String>>,
    note: Option<Option<String>>,
}

impl EventFields {
    /// Reads the value of `key` in an event mapping at column `indent`.
    fn read(&mut self, r: &mut Reader<'_>, key: &str, indent: usize) -> Option<()> {
        match key {
            "at" => set(&mut self.at, r.word(instant)?),
            "by" => set(&mut self.by, r.text(indent)?),
            "action" => set(&mut self.action, r.word(action)?),
            "from" => set(&mut self.from, r.opt_word(status)?),
            "to" => set(&mut self.to, r.opt_word(status)?),
            "category" => set(&mut self.category, r.opt_text(indent)?),
            "severity" => set(&mut self.severity, r.opt_text(indent)?),
            "department" => set(&mut self.department, r.opt_text(indent)?),
            "assignee" => set(&mut self.assignee, r.opt_text(indent)?),
            "also" => set(&mut self.also, r.list(indent)?),
            "staff" => set(&mut self.staff, r.list(indent)?),
            "plan" => set(&mut self.plan, r.opt_text(indent)?),
            "cause" => set(&mut self.cause, r.opt_text(indent)?),
            "kind" => set(&mut self.kind, r.opt_word(note_kind)?),
            "owner" => set(&mut self.owner, r.opt_text(indent)?),
            "due" => set(&mut self.due, r.opt_word(instant)?),
            "score" => set(&mut self.score, r.opt_word(number)?),
            "scale" => set(&mut self.scale, r.opt_word(number)?),
            "satisfied" => set(&mut self.satisfied, r.opt_word(boolean)?),
            "comment" => set(&mut self.comment, r.opt_text(indent)?),
            "dimensions" => set(&mut self.dimensions, r.dimensions(indent + 2)?),
            "no_answer" => set(&mut self.no_answer, r.word(boolean)?),
            "promised_at" => set(&mut self.promised_at, r.opt_word(instant)?),
            "escalated_to" => set(&mut self.escalated_to, r.opt_text(indent)?),
            "changed" => set(&mut self.changed, r.list(indent)?),
            "renamed_from" => set(&mut self.renamed_from, r.opt_text(indent)?),
            "reason" => set(&mut self.reason, r.opt_text(indent)?),
            "note" => set(&mut self.note, r.opt_text(indent)?),
            // Unknown keys are kept in `extra` by the full parser.
            _ => None,
        }
    }

    /// The event, if `at`, `by` and `action` were given.
    fn build(self) -> Option<Event> {
        let mut event = Event::new(self.at?, "", self.action?);
        event.by = self.by?;
        event.from = self.from.flatten();
        event.to = self.to.flatten();
        event.category = self.category.flatten();
        event.severity = self.severity.flatten();
        event.department = self.department.flatten();
        event.assignee = self.assignee.flatten();
        event.also = self.also.unwrap_or_default();
        event.staff = self.staff.unwrap_or_default();
        event.plan = self.plan.flatten();
        event.cause = self.cause.flatten();
        event.kind = self.kind.flatten();
        event.owner = self.owner.flatten();
        event.due = self.due.flatten();
        event.score = self.score.flatten();
        event.scale = self.scale.flatten();
        event.satisfied = self.satisfied.flatten();
        event.comment = self.comment.flatten();
        event.dimensions = self.dimensions.unwrap_or_default();
        event.no_answer = self.no_answer.unwrap_or_default();
        event.promised_at = self.promised_at.flatten();
        event.escalated_to = self.escalated_to.flatten();
        event.changed = self.changed.unwrap_or_default();
        event.renamed_from = self.renamed_from.flatten();
        event.reason = self.reason.flatten();
        event.note = self.note.flatten();
        Some(event)
    }
}

#[cfg(test)]
mod tests;
