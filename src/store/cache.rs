//! The index caches: `.complaint/index` holds for every ticket file its
//! stamp (size, mtime, ctime, inode) and its [`Summary`], so that a warm
//! `overdue` or `list` parses no YAML at all (spec §9); `.complaint/tickets`
//! holds the same stamps and the whole ticket in binary, for `report` and
//! `export`. Both files have the same layout and the same rules.
//!
//! Correctness never depends on the cache. Every run walks `tickets/` and
//! stats every file; an entry is used only when the stamp is unchanged and
//! the file last changed well before the run that wrote the entry (git's
//! racy-index rule), so a `git pull`, a hand edit, a deleted or a new file is
//! always seen. A missing, truncated, corrupt or foreign-version cache is
//! ignored and rewritten; a store where `.complaint/` cannot be written
//! simply runs uncached. Writers write a temp file and rename it, so
//! concurrent runs leave one complete cache or the other.
//!
//! Layout: header (magic, format, crate version, size cap, trust limit),
//! then blocks of up to 4096 entries, each with its length and checksum, so
//! blocks are verified and decoded in parallel. An entry is
//! `path, stamp, payload length, summary`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::codec::{self, Reader, Writer};
use super::walk::{self, FileStamp, Found};
use super::{TICKETS_DIR, file};
use crate::error::{Error, Result};
use crate::ticket::{Summary, Ticket};

const FILE_NAME: &str = "index";
const MAGIC: &[u8; 8] = b"CPINDEX\0";
const TICKETS_FILE_NAME: &str = "tickets";
const TICKETS_MAGIC: &[u8; 8] = b"CPTICKT\0";
/// Bump when the entry layout or what a summary holds changes.
const FORMAT: u32 = 2;
const BLOCK_ENTRIES: usize = 4096;
const NS: i64 = 1_000_000_000;

/// What a summary scan found: the summaries `keep` accepted, in path order,
/// and an error for each file that could not be read.
#[derive(Debug, Default)]
pub struct SummaryScan {
    pub tickets: Vec<(PathBuf, Summary)>,
    pub errors: Vec<Error>,
    /// Files holding several tickets (an ID collision kept by the merge
    /// driver): their tickets are in `tickets`, and every command warns.
    pub collisions: Vec<Error>,
}

struct Entry<'a> {
    stamp: FileStamp,
    payload: &'a [u8],
    /// The whole encoded entry, copied as is into the next cache.
    raw: &'a [u8],
}

struct Index<'a> {
    /// Entries of files that changed at or after this instant are not trusted.
    trusted_before_ns: i64,
    /// In the order they were written: the walk's order, so the entry of
    /// the i-th file found is normally the i-th entry.
    entries: Vec<(&'a str, Entry<'a>)>,
    /// Built only when a file is not at its position (files added or
    /// removed since the cache was written).
    by_key: OnceLock<HashMap<&'a str, usize>>,
}

impl<'a> Index<'a> {
    /// The entry of `key`, the `position`-th file found.
    fn get(&self, position: usize, key: &str) -> Option<&Entry<'a>> {
        if let Some((k, entry)) = self.entries.get(position)
            && *k == key
        {
            return Some(entry);
        }
        let by_key = self.by_key.get_or_init(|| self.entries.iter().enumerate().map(|(i, (k, _))| (*k, i)).collect());
        by_key.get(key).map(|&i| &self.entries[i].1)
    }
}

/// Small on purpose (items boxed): one per file, 100 000 at a time.
enum Outcome<'a, T> {
    Cached {
        raw: &'a [u8],
        kept: Option<Box<T>>,
    },
    Read {
        entry: Option<Vec<u8>>,
        kept: Option<Box<T>>,
    },
    /// A file holding several tickets (an ID collision): never cached, each
    /// ticket kept, the collision reported.
    Several {
        kept: Vec<T>,
        collision: Error,
    },
    Failed(Error),
}

/// Which summaries a caller wants: none settled by `unsettled_at` (those
/// are skipped before their cached entry is even decoded), and only those
/// `keep` accepts.
pub struct Wanted<'a> {
    pub unsettled_at: Option<DateTime<FixedOffset>>,
    pub keep: &'a (dyn Fn(&Summary) -> bool + Sync),
}

impl Wanted<'_> {
    fn take(&self, summary: Summary) -> Option<Summary> {
        let settled = self.unsettled_at.is_some_and(|at| summary.settled_by(at));
        (!settled && (self.keep)(&summary)).then_some(summary)
    }
}

/// One kind of cache file: what an entry's payload holds and how a caller's
/// items are made from it or from a ticket read from its file.
struct Kind<'w, T> {
    file_name: &'static str,
    magic: &'static [u8; 8],
    /// From a payload: `None` when the bytes are bad, `Some(None)` when the
    /// caller does not want the item.
    decode: &'w (dyn Fn(&[u8]) -> Option<Option<T>> + Sync),
    /// From a ticket read from its file: the payload to cache (`None`: not
    /// cacheable) and the item if wanted.
    read: &'w (dyn Fn(Ticket, bool) -> (Option<Vec<u8>>, Option<T>) + Sync),
}

pub fn scan_summaries(root: &Path, local_dir: &Path, max_bytes: u64, wanted: &Wanted) -> Result<SummaryScan> {
    let decode = |payload: &[u8]| {
        let mut r = Reader::new(payload);
        let settled_at = codec::read_settled_at(&mut r)?;
        if settled_at.zip(wanted.unsettled_at).is_some_and(|(settled, at)| settled <= at) {
            return Some(None);
        }
        codec::read_summary(&mut r, settled_at).map(|summary| wanted.take(summary))
    };
    let read = |ticket: Ticket, cache: bool| {
        let summary = Summary::of(&ticket);
        let payload = cache.then(|| {
            let mut w = Writer::default();
            codec::write_summary(&mut w, &summary);
            w.bytes
        });
        (payload, wanted.take(summary))
    };
    let kind = Kind { file_name: FILE_NAME, magic: MAGIC, decode: &decode, read: &read };
    let scan = scan_kind(root, local_dir, max_bytes, &kind)?;
    Ok(SummaryScan { tickets: scan.tickets, errors: scan.errors, collisions: scan.collisions })
}

/// `map` of every ticket received at a time `keep_received` accepts, in
/// path order, from the ticket cache (`.complaint/tickets`, the whole ticket
/// in binary) where it is still valid, else parsed; refreshes that cache.
/// `map` runs in parallel as each ticket is decoded, so the tickets
/// themselves are never all held at once. The same tickets, errors and
/// collisions as [`super::scan::scan`].
pub fn scan_tickets<T: Send>(
    root: &Path,
    local_dir: &Path,
    max_bytes: u64,
    keep_received: &(dyn Fn(&DateTime<FixedOffset>) -> bool + Sync),
    map: &(dyn Fn(Ticket) -> Option<T> + Sync),
) -> Result<ItemScan<T>> {
    let decode = |payload: &[u8]| {
        let mut r = Reader::new(payload);
        let received_at = codec::read_received_at(&mut r)?;
        if !keep_received(&received_at) {
            return Some(None);
        }
        codec::read_ticket(&mut r, received_at).map(map)
    };
    let read = |ticket: Ticket, cache: bool| {
        let payload = if cache {
            let mut w = Writer::default();
            codec::write_ticket(&mut w, &ticket).map(|()| w.bytes)
        } else {
            None
        };
        (payload, if keep_received(&ticket.received_at) { map(ticket) } else { None })
    };
    let kind = Kind { file_name: TICKETS_FILE_NAME, magic: TICKETS_MAGIC, decode: &decode, read: &read };
    scan_kind(root, local_dir, max_bytes, &kind)
}

/// What a ticket scan found: the items made of the wanted tickets, in path
/// order, and the errors and ID collisions, as in [`super::Scan`].
#[derive(Debug)]
pub struct ItemScan<T> {
    pub tickets: Vec<(PathBuf, T)>,
    pub errors: Vec<Error>,
    pub collisions: Vec<Error>,
}

fn scan_kind<T: Send>(root: &Path, local_dir: &Path, max_bytes: u64, kind: &Kind<T>) -> Result<ItemScan<T>> {
    let dir = root.join(TICKETS_DIR);
    // The walk would follow a symlinked `tickets/`: refuse it here.
    if let Err(e) = file::check_inside(root, &dir.join("x")) {
        return Ok(ItemScan { tickets: Vec::new(), errors: vec![e], collisions: Vec::new() });
    }
    if !dir.is_dir() {
        return Ok(ItemScan { tickets: Vec::new(), errors: Vec::new(), collisions: Vec::new() });
    }
    // Taken before any file is stat'ed or read: a file changed after this
    // may have been read in either version. The real clock, not the
    // command's "now" (COMPLAINT_NOW): this is about file timestamps.
    let started_s = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let cache_path = local_dir.join(kind.file_name);
    // The walk (mostly `stat` in the kernel) and reading the cache overlap.
    let ((found, mut errors), bytes) =
        rayon::join(|| walk::walk(&dir), || std::fs::read(&cache_path).unwrap_or_default());
    let index = parse(&bytes, kind.magic, max_bytes);
    let outcomes: Vec<Outcome<T>> =
        found.par_iter().enumerate().map(|(i, f)| summarise(i, f, root, index.as_ref(), max_bytes, kind)).collect();

    let cached = outcomes.iter().filter(|o| matches!(o, Outcome::Cached { .. })).count();
    let read = outcomes.iter().any(|o| matches!(o, Outcome::Read { entry: Some(_), .. }));
    if read || index.as_ref().is_none_or(|i| i.entries.len() != cached) {
        // Best effort: a read-only checkout just stays uncached.
        let _ = write(local_dir, &cache_path, kind.magic, started_s, max_bytes, &outcomes);
    }

    let mut tickets = Vec::new();
    let mut collisions = Vec::new();
    for (found, outcome) in found.into_iter().zip(outcomes) {
        match outcome {
            Outcome::Cached { kept: Some(item), .. } | Outcome::Read { kept: Some(item), .. } => {
                tickets.push((found.path, *item))
            }
            Outcome::Several { kept, collision } => {
                tickets.extend(kept.into_iter().map(|item| (found.path.clone(), item)));
                collisions.push(collision);
            }
            Outcome::Failed(e) => errors.push(e),
            _ => {}
        }
    }
    Ok(ItemScan { tickets, errors, collisions })
}

/// The item of one file: from the cache when its entry is trusted, else
/// read and parsed.
fn summarise<'a, T>(
    position: usize,
    found: &Found,
    root: &Path,
    index: Option<&Index<'a>>,
    max_bytes: u64,
    kind: &Kind<T>,
) -> Outcome<'a, T> {
    let key = relative_key(&found.path, root);
    if let (Some(key), Some(stamp), Some(index)) = (key, found.stamp, index)
        && let Some(entry) = index.get(position, key)
        && entry.stamp == stamp
        && stamp.changed_ns() < index.trusted_before_ns
        && let Some(kept) = (kind.decode)(entry.payload)
    {
        return Outcome::Cached { raw: entry.raw, kept: kept.map(Box::new) };
    }
    match file::read_tickets(&found.path, root, max_bytes) {
        Ok(tickets) if tickets.len() > 1 => Outcome::Several {
            collision: Error::IdCollision {
                id: tickets[0].id.clone(),
                path: found.path.clone(),
                uids: tickets.iter().map(|t| t.uid.clone()).collect(),
            },
            kept: tickets.into_iter().filter_map(|t| (kind.read)(t, false).1).collect(),
        },
        Ok(mut tickets) => {
            let ticket = tickets.pop().expect("a ticket file holds at least one ticket");
            let cacheable = key.is_some() && found.stamp.is_some();
            let (payload, kept) = (kind.read)(ticket, cacheable);
            // The stamp is from before the read: if the file changed in
            // between, the next run sees a different stamp and reads again.
            let entry =
                key.zip(found.stamp).zip(payload).map(|((key, stamp), payload)| encode_entry(key, &stamp, &payload));
            Outcome::Read { entry, kept: kept.map(Box::new) }
        }
        Err(e) => Outcome::Failed(e),
    }
}

/// `tickets/…/X.yaml`: the path below `root` as UTF-8, cut off by bytes
/// (the walk builds every path from `root`); `None` means never cached.
fn relative_key<'p>(path: &'p Path, root: &Path) -> Option<&'p str> {
    let bytes = path.as_os_str().as_encoded_bytes();
    let rest = bytes.strip_prefix(root.as_os_str().as_encoded_bytes())?;
    let rest = rest.strip_prefix(b"/")?;
    std::str::from_utf8(rest).ok()
}

fn encode_entry(key: &str, stamp: &FileStamp, payload: &[u8]) -> Vec<u8> {
    let mut w = Writer::default();
    w.str(key);
    w.u64(stamp.size);
    w.i64(stamp.mtime_ns);
    w.i64(stamp.ctime_ns);
    w.u64(stamp.inode);
    w.u32(payload.len() as u32);
    w.bytes.extend_from_slice(payload);
    w.bytes
}

fn header(magic: &[u8; 8], started_s: i64, max_bytes: u64) -> Writer {
    let mut w = Writer::default();
    w.bytes.extend_from_slice(magic);
    w.u32(FORMAT);
    w.str(env!("CARGO_PKG_VERSION"));
    w.u64(max_bytes);
    // Files changed in the second this scan started, or the one before it
    // (file systems stamp with a coarse clock that may lag the real one),
    // may have changed again after being read with the same size and
    // timestamps: they are read again next time.
    w.i64((started_s - 1) * NS);
    w
}

fn parse<'a>(bytes: &'a [u8], magic: &[u8; 8], max_bytes: u64) -> Option<Index<'a>> {
    let mut r = Reader::new(bytes);
    let expected = header(magic, 0, max_bytes).bytes;
    // Everything up to the trust limit must match this build and config.
    if r.take(expected.len() - 8)? != &expected[..expected.len() - 8] {
        return None;
    }
    let trusted_before_ns = r.i64()?;
    let blocks = r.u32()? as usize;
    let mut raw_blocks = Vec::with_capacity(blocks.min(1 << 16));
    for _ in 0..blocks {
        let len = usize::try_from(r.u64()?).ok()?;
        let sum = r.u64()?;
        raw_blocks.push((sum, r.take(len)?));
    }
    if !r.at_end() {
        return None;
    }
    let parsed: Option<Vec<Vec<(&str, Entry)>>> = raw_blocks
        .par_iter()
        .map(|&(sum, data)| if codec::checksum(data) == sum { parse_block(data) } else { None })
        .collect();
    let parsed = parsed?;
    let entries = parsed.into_iter().flatten().collect();
    Some(Index { trusted_before_ns, entries, by_key: OnceLock::new() })
}

fn parse_block(data: &[u8]) -> Option<Vec<(&str, Entry<'_>)>> {
    let mut r = Reader::new(data);
    let count = r.u32()? as usize;
    let mut entries = Vec::with_capacity(count.min(BLOCK_ENTRIES));
    for _ in 0..count {
        let start = r.pos();
        let key = r.str()?;
        let stamp = FileStamp { size: r.u64()?, mtime_ns: r.i64()?, ctime_ns: r.i64()?, inode: r.u64()? };
        let len = r.u32()? as usize;
        let payload = r.take(len)?;
        entries.push((key, Entry { stamp, payload, raw: &data[start..r.pos()] }));
    }
    r.at_end().then_some(entries)
}

fn write<T>(
    local_dir: &Path,
    path: &Path,
    magic: &[u8; 8],
    started_s: i64,
    max_bytes: u64,
    outcomes: &[Outcome<T>],
) -> std::io::Result<()> {
    let entries: Vec<&[u8]> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Cached { raw, .. } => Some(*raw),
            Outcome::Read { entry: Some(entry), .. } => Some(entry.as_slice()),
            _ => None,
        })
        .collect();
    std::fs::create_dir_all(local_dir)?;
    let temp = tempfile::Builder::new().prefix(".index-").tempfile_in(local_dir)?;
    let mut out = std::io::BufWriter::new(temp);
    let mut w = header(magic, started_s, max_bytes);
    w.u32(entries.len().div_ceil(BLOCK_ENTRIES) as u32);
    out.write_all(&w.bytes)?;
    for block in entries.chunks(BLOCK_ENTRIES) {
        let mut data = Writer::default();
        data.u32(block.len() as u32);
        for entry in block {
            data.bytes.extend_from_slice(entry);
        }
        let mut w = Writer::default();
        w.u64(data.bytes.len() as u64);
        w.u64(codec::checksum(&data.bytes));
        out.write_all(&w.bytes)?;
        out.write_all(&data.bytes)?;
    }
    let temp = out.into_inner().map_err(|e| e.into_error())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
