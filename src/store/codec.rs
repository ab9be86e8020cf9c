//! The binary encoding of the index cache: little-endian integers,
//! length-prefixed UTF-8, one byte per enum. Hand-written because the cache
//! is read on every run: decoding 100 000 summaries this way takes a few
//! milliseconds, where JSON of the same data takes over a hundred.
//! Decoding never panics: bad bytes give `None` and the cache is rebuilt.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, TimeZone};

use crate::ticket::{Action, ClockEvent, Customer, Event, NoteKind, Satisfaction, Status, Summary, Ticket};

type Instant = DateTime<FixedOffset>;

#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, v: &str) {
        self.u32(v.len() as u32);
        self.bytes.extend_from_slice(v.as_bytes());
    }
    fn opt_str(&mut self, v: Option<&str>) {
        match v {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    fn instant(&mut self, t: &Instant) {
        self.i64(t.timestamp());
        self.u32(t.timestamp_subsec_nanos());
        self.u32(t.offset().local_minus_utc() as u32);
    }
    pub fn opt_instant(&mut self, t: Option<&Instant>) {
        match t {
            Some(t) => {
                self.u8(1);
                self.instant(t);
            }
            None => self.u8(0),
        }
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }
    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len())?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Some(slice)
    }
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn str(&mut self) -> Option<&'a str> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).ok()
    }
    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }
    fn flag(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn opt_string(&mut self) -> Option<Option<String>> {
        Some(if self.flag()? { Some(self.string()?) } else { None })
    }
    fn instant(&mut self) -> Option<Instant> {
        let (secs, nanos, offset) = (self.i64()?, self.u32()?, self.u32()? as i32);
        let offset = FixedOffset::east_opt(offset)?;
        offset.timestamp_opt(secs, nanos).single()
    }
    pub fn opt_instant(&mut self) -> Option<Option<Instant>> {
        Some(if self.flag()? { Some(self.instant()?) } else { None })
    }
}

const STATUSES: [Status; 5] = Status::ALL;
const ACTIONS: [Action; 10] = Action::ALL;
const NOTE_KINDS: [NoteKind; 3] = [NoteKind::Progress, NoteKind::Internal, NoteKind::Action];

/// Index of `value` in `all`, plus one when `value` is optional (0 = none).
fn code<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).expect("every variant is listed") as u8
}

fn opt_code<T: PartialEq>(all: &[T], value: Option<&T>) -> u8 {
    value.map_or(0, |v| code(all, v) + 1)
}

fn decode<T: Copy>(all: &[T], code: u8) -> Option<T> {
    all.get(code as usize).copied()
}

fn opt_decode<T: Copy>(all: &[T], code: u8) -> Option<Option<T>> {
    if code == 0 { Some(None) } else { decode(all, code - 1).map(Some) }
}

/// `settled_at` comes first, so `overdue` can skip a closed ticket without
/// decoding the rest.
pub fn write_summary(w: &mut Writer, s: &Summary) {
    w.opt_instant(s.settled_at.as_ref());
    w.str(&s.id);
    w.instant(&s.received_at);
    w.str(&s.channel);
    w.str(&s.customer_name);
    w.str(&s.customer_contact);
    w.opt_str(s.customer_id.as_deref());
    w.str(&s.summary);
    w.opt_str(s.category.as_deref());
    w.str(&s.severity);
    w.opt_str(s.department.as_deref());
    w.u32(s.departments_involved.len() as u32);
    for d in &s.departments_involved {
        w.str(d);
    }
    w.opt_str(s.assignee.as_deref());
    w.u8(s.escalated as u8);
    w.u8(code(&STATUSES, &s.status));
    w.opt_instant(s.last_event_at.as_ref());
    w.u32(s.clock.len() as u32);
    for e in &s.clock {
        w.instant(&e.at);
        w.u8(code(&ACTIONS, &e.action));
        w.u8(opt_code(&STATUSES, e.to.as_ref()));
        w.u8(opt_code(&NOTE_KINDS, e.kind.as_ref()));
        w.u8(e.no_answer as u8);
        w.opt_instant(e.promised_at.as_ref());
    }
}

/// The start of a summary; `None` when the bytes are bad.
pub fn read_settled_at(r: &mut Reader<'_>) -> Option<Option<Instant>> {
    r.opt_instant()
}

/// The rest of a summary, after [`read_settled_at`].
pub fn read_summary(r: &mut Reader<'_>, settled_at: Option<Instant>) -> Option<Summary> {
    let id = r.string()?;
    let received_at = r.instant()?;
    let channel = r.string()?;
    let customer_name = r.string()?;
    let customer_contact = r.string()?;
    let customer_id = r.opt_string()?;
    let summary = r.string()?;
    let category = r.opt_string()?;
    let severity = r.string()?;
    let department = r.opt_string()?;
    let count = r.u32()? as usize;
    let mut departments_involved = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        departments_involved.push(r.string()?);
    }
    let assignee = r.opt_string()?;
    let escalated = r.flag()?;
    let status = decode(&STATUSES, r.u8()?)?;
    let last_event_at = r.opt_instant()?;
    let count = r.u32()? as usize;
    let mut clock = Vec::with_capacity(count.min(256));
    for _ in 0..count {
        clock.push(ClockEvent {
            at: r.instant()?,
            action: decode(&ACTIONS, r.u8()?)?,
            to: opt_decode(&STATUSES, r.u8()?)?,
            kind: opt_decode(&NOTE_KINDS, r.u8()?)?,
            no_answer: r.flag()?,
            promised_at: r.opt_instant()?,
        });
    }
    Some(Summary {
        id,
        received_at,
        channel,
        customer_name,
        customer_contact,
        customer_id,
        summary,
        category,
        severity,
        department,
        departments_involved,
        assignee,
        escalated,
        status,
        last_event_at,
        settled_at,
        clock,
    })
}

/// A fast 64-bit checksum (word-wise multiply-rotate), to tell a corrupt
/// cache from a good one; not a defence against tampering, which is moot
/// for a file the user can delete.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = bytes.len() as u64 ^ K;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        h = (h ^ word).wrapping_mul(K).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(K).rotate_left(29);
    }
    h ^ (h >> 32)
}

fn str_list(w: &mut Writer, list: &[String]) {
    w.u32(list.len() as u32);
    for s in list {
        w.str(s);
    }
}

fn read_str_list(r: &mut Reader<'_>) -> Option<Vec<String>> {
    let count = r.u32()? as usize;
    let mut list = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        list.push(r.string()?);
    }
    Some(list)
}

fn scores(w: &mut Writer, map: &BTreeMap<String, u32>) {
    w.u32(map.len() as u32);
    for (k, v) in map {
        w.str(k);
        w.u32(*v);
    }
}

fn read_scores(r: &mut Reader<'_>) -> Option<BTreeMap<String, u32>> {
    let count = r.u32()? as usize;
    let mut map = BTreeMap::new();
    for _ in 0..count {
        let key = r.string()?;
        map.insert(key, r.u32()?);
    }
    Some(map)
}

fn opt_u32(w: &mut Writer, v: Option<u32>) {
    match v {
        Some(v) => {
            w.u8(1);
            w.u32(v);
        }
        None => w.u8(0),
    }
}

fn read_opt_u32(r: &mut Reader<'_>) -> Option<Option<u32>> {
    Some(if r.flag()? { Some(r.u32()?) } else { None })
}

/// The whole ticket, for the scans of `report` and `export`; `None` when it
/// holds keys of a newer version (`extra`), which only the file keeps: such
/// a ticket is read from its file every time. `received_at` comes first, so
/// a report can skip tickets outside its periods without decoding the rest.
pub fn write_ticket(w: &mut Writer, t: &Ticket) -> Option<()> {
    let extra = !t.extra.is_empty()
        || !t.customer.extra.is_empty()
        || t.satisfaction.as_ref().is_some_and(|s| !s.extra.is_empty())
        || t.history.iter().any(|e| !e.extra.is_empty());
    if extra {
        return None;
    }
    w.instant(&t.received_at);
    w.u32(t.schema);
    w.str(&t.id);
    w.str(&t.uid);
    str_list(w, &t.renamed_from);
    w.str(&t.channel);
    w.str(&t.customer.name);
    w.str(&t.customer.contact);
    w.opt_str(t.customer.id.as_deref());
    w.opt_str(t.product.as_deref());
    w.str(&t.summary);
    w.opt_str(t.description.as_deref());
    w.opt_str(t.expectation.as_deref());
    w.opt_str(t.category.as_deref());
    w.str(&t.severity);
    w.opt_str(t.department.as_deref());
    str_list(w, &t.departments_involved);
    w.opt_str(t.assignee.as_deref());
    str_list(w, &t.involved_staff);
    w.opt_instant(t.promised_at.as_ref());
    w.u8(t.escalated as u8);
    w.opt_str(t.escalated_to.as_deref());
    w.opt_str(t.cause.as_deref());
    w.u8(code(&STATUSES, &t.status));
    w.opt_str(t.plan.as_deref());
    match &t.satisfaction {
        Some(s) => {
            w.u8(1);
            w.u32(s.score);
            w.u32(s.scale);
            w.u8(s.satisfied as u8);
            w.opt_str(s.comment.as_deref());
            scores(w, &s.dimensions);
            w.instant(&s.at);
        }
        None => w.u8(0),
    }
    w.u32(t.history.len() as u32);
    for e in &t.history {
        write_event(w, e);
    }
    Some(())
}

fn write_event(w: &mut Writer, e: &Event) {
    w.instant(&e.at);
    w.str(&e.by);
    w.u8(code(&ACTIONS, &e.action));
    w.u8(opt_code(&STATUSES, e.from.as_ref()));
    w.u8(opt_code(&STATUSES, e.to.as_ref()));
    w.opt_str(e.category.as_deref());
    w.opt_str(e.severity.as_deref());
    w.opt_str(e.department.as_deref());
    w.opt_str(e.assignee.as_deref());
    str_list(w, &e.also);
    str_list(w, &e.staff);
    w.opt_str(e.plan.as_deref());
    w.opt_str(e.cause.as_deref());
    w.u8(opt_code(&NOTE_KINDS, e.kind.as_ref()));
    w.opt_str(e.owner.as_deref());
    w.opt_instant(e.due.as_ref());
    opt_u32(w, e.score);
    opt_u32(w, e.scale);
    w.u8(match e.satisfied {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    });
    w.opt_str(e.comment.as_deref());
    scores(w, &e.dimensions);
    w.u8(e.no_answer as u8);
    w.opt_instant(e.promised_at.as_ref());
    w.opt_str(e.escalated_to.as_deref());
    str_list(w, &e.changed);
    w.opt_str(e.renamed_from.as_deref());
    w.opt_str(e.reason.as_deref());
    w.opt_str(e.note.as_deref());
}

/// The start of a ticket written by [`write_ticket`].
pub fn read_received_at(r: &mut Reader<'_>) -> Option<Instant> {
    r.instant()
}

/// The rest of a ticket, after [`read_received_at`].
pub fn read_ticket(r: &mut Reader<'_>, received_at: Instant) -> Option<Ticket> {
    let schema = r.u32()?;
    let id = r.string()?;
    let uid = r.string()?;
    let renamed_from = read_str_list(r)?;
    let channel = r.string()?;
    let customer = Customer { name: r.string()?, contact: r.string()?, id: r.opt_string()?, extra: BTreeMap::new() };
    let product = r.opt_string()?;
    let summary = r.string()?;
    let description = r.opt_string()?;
    let expectation = r.opt_string()?;
    let category = r.opt_string()?;
    let severity = r.string()?;
    let department = r.opt_string()?;
    let departments_involved = read_str_list(r)?;
    let assignee = r.opt_string()?;
    let involved_staff = read_str_list(r)?;
    let promised_at = r.opt_instant()?;
    let escalated = r.flag()?;
    let escalated_to = r.opt_string()?;
    let cause = r.opt_string()?;
    let status = decode(&STATUSES, r.u8()?)?;
    let plan = r.opt_string()?;
    let satisfaction = if r.flag()? {
        Some(Satisfaction {
            score: r.u32()?,
            scale: r.u32()?,
            satisfied: r.flag()?,
            comment: r.opt_string()?,
            dimensions: read_scores(r)?,
            at: r.instant()?,
            extra: BTreeMap::new(),
        })
    } else {
        None
    };
    let count = r.u32()? as usize;
    let mut history = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        history.push(read_event(r)?);
    }
    Some(Ticket {
        schema,
        id,
        uid,
        renamed_from,
        received_at,
        channel,
        customer,
        product,
        summary,
        description,
        expectation,
        category,
        severity,
        department,
        departments_involved,
        assignee,
        involved_staff,
        promised_at,
        escalated,
        escalated_to,
        cause,
        status,
        plan,
        satisfaction,
        history,
        extra: BTreeMap::new(),
    })
}

fn read_event(r: &mut Reader<'_>) -> Option<Event> {
    Some(Event {
        at: r.instant()?,
        by: r.string()?,
        action: decode(&ACTIONS, r.u8()?)?,
        from: opt_decode(&STATUSES, r.u8()?)?,
        to: opt_decode(&STATUSES, r.u8()?)?,
        category: r.opt_string()?,
        severity: r.opt_string()?,
        department: r.opt_string()?,
        assignee: r.opt_string()?,
        also: read_str_list(r)?,
        staff: read_str_list(r)?,
        plan: r.opt_string()?,
        cause: r.opt_string()?,
        kind: opt_decode(&NOTE_KINDS, r.u8()?)?,
        owner: r.opt_string()?,
        due: r.opt_instant()?,
        score: read_opt_u32(r)?,
        scale: read_opt_u32(r)?,
        satisfied: match r.u8()? {
            0 => None,
            1 => Some(false),
            2 => Some(true),
            _ => return None,
        },
        comment: r.opt_string()?,
        dimensions: read_scores(r)?,
        no_answer: r.flag()?,
        promised_at: r.opt_instant()?,
        escalated_to: r.opt_string()?,
        changed: read_str_list(r)?,
        renamed_from: r.opt_string()?,
        reason: r.opt_string()?,
        note: r.opt_string()?,
        extra: BTreeMap::new(),
    })
}

/// A checksum of the bytes of a ticket and a summary with every field set:
/// it changes whenever the layout does (see `store/cache.rs`'s `LAYOUT`).
#[cfg(test)]
pub fn layout_fingerprint() -> u64 {
    use crate::ticket::fixtures;
    let mut w = Writer::default();
    write_ticket(&mut w, &fixtures::every_field()).expect("no extra keys");
    write_summary(&mut w, &fixtures::every_summary_field());
    checksum(&w.bytes)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn round_trip(ticket: &Ticket) -> Ticket {
        let mut w = Writer::default();
        write_ticket(&mut w, ticket).expect("no extra keys");
        let mut r = Reader::new(&w.bytes);
        let received_at = read_received_at(&mut r).unwrap();
        let back = read_ticket(&mut r, received_at).unwrap();
        assert!(r.at_end());
        back
    }

    /// Every ticket of the sample store, and one with every optional field
    /// set, decodes to what was encoded.
    #[test]
    fn tickets_round_trip() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tickets");
        let mut seen = 0;
        for entry in walkdir::WalkDir::new(&dir) {
            let path = entry.unwrap().into_path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(&path).unwrap();
                for ticket in crate::store::parse_tickets(&text, &path).unwrap() {
                    assert_eq!(round_trip(&ticket), ticket, "{}", path.display());
                    seen += 1;
                }
            }
        }
        assert!(seen > 10, "the sample store has tickets");

        let text = std::fs::read_to_string(dir.join("2026/10/CP20261014001.yaml")).unwrap();
        let mut ticket = crate::store::parse_tickets(&text, &dir).unwrap().remove(0);
        let at = ticket.received_at;
        let mut e = Event::new(at, "张三", Action::Followup);
        let some = |s: &str| Some(s.to_string());
        (e.from, e.to, e.kind) = (Some(Status::New), Some(Status::Closed), Some(NoteKind::Action));
        (e.category, e.severity, e.department, e.assignee) = (some("c"), some("s"), some("d"), some("a"));
        (e.also, e.staff, e.changed) = (vec!["x".into()], vec!["y".into(), "z".into()], vec!["summary".into()]);
        (e.plan, e.cause, e.owner, e.comment) = (some("p"), some("原因"), some("o"), some("=1"));
        (e.due, e.promised_at, e.score, e.scale, e.satisfied) = (Some(at), Some(at), Some(3), Some(5), Some(true));
        (e.escalated_to, e.renamed_from, e.reason, e.note) = (some("e"), some("CP1"), some("r"), some("n"));
        e.dimensions.insert("态度".into(), 4);
        e.no_answer = true;
        ticket.history.push(e);
        (ticket.product, ticket.description, ticket.expectation) = (some("p"), some("d"), some(""));
        ticket.renamed_from = vec!["CP20261014009".into()];
        ticket.customer.id = some("C-1");
        assert_eq!(round_trip(&ticket), ticket);

        ticket.extra.insert("future".into(), serde_yaml::Value::Bool(true));
        assert!(write_ticket(&mut Writer::default(), &ticket).is_none(), "newer keys: not cached");
    }
}
