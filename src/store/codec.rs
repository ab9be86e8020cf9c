//! The binary encoding of the index cache: little-endian integers,
//! length-prefixed UTF-8, one byte per enum. Hand-written because the cache
//! is read on every run: decoding 100 000 summaries this way takes a few
//! milliseconds, where JSON of the same data takes over a hundred.
//! Decoding never panics: bad bytes give `None` and the cache is rebuilt.
//!
//! Each type of value has one encoding ([`Encode`], [`Decode`], in
//! `codec/values.rs`); a record's layout is the list of its fields in
//! `codec/layout.rs`, which is all that changes when a field is added.

mod layout;
mod values;

use chrono::{DateTime, FixedOffset, TimeZone};

pub use layout::{read_index_entry, read_received_at, read_settled_at, read_ticket, write_index_entry, write_ticket};
pub use values::{Decode, Encode};

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
    pub fn opt_str(&mut self, v: Option<&str>) {
        match v {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    pub fn instant(&mut self, t: &Instant) {
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
    pub fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }
    pub fn flag(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    pub fn opt_string(&mut self) -> Option<Option<String>> {
        Some(if self.flag()? { Some(self.string()?) } else { None })
    }
    pub fn instant(&mut self) -> Option<Instant> {
        let (secs, nanos, offset) = (self.i64()?, self.u32()?, self.u32()? as i32);
        let offset = FixedOffset::east_opt(offset)?;
        offset.timestamp_opt(secs, nanos).single()
    }
    pub fn opt_instant(&mut self) -> Option<Option<Instant>> {
        Some(if self.flag()? { Some(self.instant()?) } else { None })
    }
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

/// A checksum of the bytes of a ticket and a summary with every field set:
/// it changes whenever the layout does (see `store/cache.rs`'s `LAYOUT`).
#[cfg(test)]
pub fn layout_fingerprint() -> u64 {
    use crate::ticket::fixtures;
    let mut w = Writer::default();
    write_ticket(&mut w, &fixtures::every_field()).expect("no extra keys");
    write_index_entry(&mut w, &fixtures::every_index_entry_field());
    checksum(&w.bytes)
}

#[cfg(test)]
mod tests;
