//! The index caches: `.complaint/index` holds for every ticket file its
//! stamp (size, mtime, ctime, inode) and its [`IndexEntry`], so that a warm
//! `overdue` or `list` parses no YAML at all (spec §9); `.complaint/tickets`
//! holds the same stamps and the whole ticket in binary, for `report` and
//! `export`. Both files have the same layout and the same rules.
//!
//! Correctness never depends on the cache. Every run stats every ticket
//! file; an entry is used only when the stamp is unchanged and the file last
//! changed well before the run that wrote the entry (git's racy-index rule),
//! so a `git pull`, a hand edit, a deleted or a new file is always seen. The
//! one shortcut: a directory whose own stamp is unchanged (and equally old)
//! has the same entries as when the cache was written — adding, removing or
//! renaming an entry changes the directory's mtime and ctime — so its list
//! of names comes from the cache instead of `getdents`; its files are still
//! stat'ed one by one, since editing a file in place leaves its directory
//! alone. A missing, truncated, corrupt or foreign-version cache is ignored
//! and rewritten; a store where `.complaint/` cannot be written simply runs
//! uncached. Writers write a temp file and rename it, so concurrent runs
//! leave one complete cache or the other, and a reader's mapping of the old
//! file stays valid (the cache is never changed in place, as with git's
//! index).
//!
//! Layout: header (magic, format, crate version, size cap, trust limit,
//! region lengths), then three regions. The directory table, checksummed,
//! lists every directory (key, stamp, whether its listing is complete, its
//! subdirectories, where its file records are). The file records of each
//! directory are contiguous and checksummed per directory: name, stamp, the
//! instant a caller filters on (settled or received), and where the payload
//! is. Payloads (a summary, or a whole ticket) are last, each with its own
//! checksum, so a run touches only the payloads it decodes.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::codec::{self, Reader, Writer};
use super::local::{self, LocalDir, Refused};
use super::placement::{self, FileRules};
use super::walk::{self, DirFd, EntryKind, FileStamp, Listed};
use super::{TICKETS_DIR, file};
use crate::error::{Error, Result};
use crate::ticket::{IndexEntry, Ticket};

type Instant = DateTime<FixedOffset>;

const FILE_NAME: &str = "index";
const MAGIC: &[u8; 8] = b"CPINDEX\0";
const TICKETS_FILE_NAME: &str = "tickets";
const TICKETS_MAGIC: &[u8; 8] = b"CPTICKT\0";
/// Bump when the layout or what a payload holds changes (4: entries are
/// checked against their path; older builds cached misplaced files).
const FORMAT: u32 = 4;
/// The [`FORMAT`] the layout was last checked at and the fingerprint of
/// its bytes then (`codec::layout_fingerprint`): a test fails when the
/// bytes change while `FORMAT` stays, since an old cache would then be
/// decoded wrongly instead of rebuilt.
#[cfg(test)]
const LAYOUT: (u32, u64) = (4, 0xb8f4_0a6c_3862_783a);
const NS: i64 = 1_000_000_000;

/// What a summary scan found: the summaries `keep` accepted, in path order,
/// and an error for each file that could not be read.
#[derive(Debug, Default)]
pub struct SummaryScan {
    pub tickets: Vec<(PathBuf, IndexEntry)>,
    pub errors: Vec<Error>,
    /// Files holding several tickets (an ID collision kept by the merge
    /// driver): their tickets are in `tickets`, and every command warns.
    pub collisions: Vec<Error>,
}

/// What a ticket scan found: the items made of the wanted tickets, in path
/// order, and the errors and ID collisions, as in [`super::Scan`].
#[derive(Debug)]
pub struct ItemScan<T> {
    pub tickets: Vec<(PathBuf, T)>,
    pub errors: Vec<Error>,
    pub collisions: Vec<Error>,
}

/// Which summaries a caller wants: none settled by `unsettled_at` (those
/// are skipped before their cached entry is even decoded), and only those
/// `keep` accepts.
pub struct Wanted<'a> {
    pub unsettled_at: Option<Instant>,
    pub keep: &'a (dyn Fn(&IndexEntry) -> bool + Sync),
}

impl Wanted<'_> {
    fn wants_settled_at(&self, settled_at: Option<Instant>) -> bool {
        settled_at.zip(self.unsettled_at).is_none_or(|(settled, at)| settled > at)
    }

    fn take(&self, summary: IndexEntry) -> Option<IndexEntry> {
        (self.wants_settled_at(summary.settled_at) && (self.keep)(&summary)).then_some(summary)
    }
}

/// What goes into the cache for one file: the instant callers filter on
/// and the encoded payload.
struct Cacheable {
    filter_at: Option<Instant>,
    payload: Vec<u8>,
}

/// Decodes a payload for the file whose path gives the ID passed.
type Decode<'w, T> = dyn Fn(&[u8], &str) -> Option<Option<T>> + Sync + 'w;

/// One kind of cache file: what an entry's payload holds and how a caller's
/// items are made from it or from a ticket read from its file.
struct Kind<'w, T> {
    file_name: &'static str,
    magic: &'static [u8; 8],
    /// From the instant stored beside an entry: whether the caller may want
    /// it at all (if not, its payload is never touched).
    wants: &'w (dyn Fn(Option<Instant>) -> bool + Sync),
    /// From a payload and the ID its file's path gives: `None` when the
    /// bytes are bad or hold another ticket, `Some(None)` when the caller
    /// does not want the item.
    decode: &'w Decode<'w, T>,
    /// From a ticket read from its file: what to cache (`None`: not
    /// cacheable, or not asked for) and the item if wanted.
    read: &'w (dyn Fn(Ticket, bool) -> (Option<Cacheable>, Option<T>) + Sync),
}

pub fn scan_summaries(root: &Path, local_dir: &Path, rules: &FileRules, wanted: &Wanted) -> Result<SummaryScan> {
    let wants = |settled_at: Option<Instant>| wanted.wants_settled_at(settled_at);
    let decode = |payload: &[u8], id: &str| {
        let mut r = Reader::new(payload);
        let settled_at = codec::read_settled_at(&mut r)?;
        let summary = codec::read_index_entry(&mut r, settled_at).filter(|s| s.id == id)?;
        Some(wanted.take(summary))
    };
    let read = |ticket: Ticket, cache: bool| {
        let summary = IndexEntry::of(&ticket);
        let cached = cache.then(|| {
            let mut w = Writer::default();
            codec::write_index_entry(&mut w, &summary);
            Cacheable { filter_at: summary.settled_at, payload: w.bytes }
        });
        (cached, wanted.take(summary))
    };
    let kind = Kind { file_name: FILE_NAME, magic: MAGIC, wants: &wants, decode: &decode, read: &read };
    let scan = scan_kind(root, local_dir, rules, &kind)?;
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
    rules: &FileRules,
    keep_received: &(dyn Fn(&Instant) -> bool + Sync),
    map: &(dyn Fn(Ticket) -> Option<T> + Sync),
) -> Result<ItemScan<T>> {
    let wants = |received_at: Option<Instant>| received_at.is_some_and(|at| keep_received(&at));
    let decode = |payload: &[u8], id: &str| {
        let mut r = Reader::new(payload);
        let received_at = codec::read_received_at(&mut r)?;
        codec::read_ticket(&mut r, received_at).filter(|t| t.id == id).map(map)
    };
    let read = |ticket: Ticket, cache: bool| {
        let cached = if cache {
            let mut w = Writer::default();
            codec::write_ticket(&mut w, &ticket)
                .map(|()| Cacheable { filter_at: Some(ticket.received_at), payload: w.bytes })
        } else {
            None
        };
        (cached, if keep_received(&ticket.received_at) { map(ticket) } else { None })
    };
    let kind = Kind { file_name: TICKETS_FILE_NAME, magic: TICKETS_MAGIC, wants: &wants, decode: &decode, read: &read };
    scan_kind(root, local_dir, rules, &kind)
}

fn scan_kind<T: Send>(root: &Path, local_dir: &Path, rules: &FileRules, kind: &Kind<T>) -> Result<ItemScan<T>> {
    let max_bytes = rules.max_bytes;
    let dir = root.join(TICKETS_DIR);
    let empty = || ItemScan { tickets: Vec::new(), errors: Vec::new(), collisions: Vec::new() };
    // Opening `tickets/` below refuses a symlink in its place; this names
    // the link (or a symlinked parent) in the error.
    if let Err(e) = file::check_inside(root, &dir.join("x")) {
        return Ok(ItemScan { errors: vec![e], ..empty() });
    }
    if !dir.is_dir() {
        return Ok(empty());
    }
    // Taken before any file is stat'ed or read: a file changed after this
    // may have been read in either version. The real clock, not the
    // command's "now" (COMPLAINT_NOW): this is about file timestamps.
    let started_s = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let (may_write, mapped) = open_cache(local_dir, kind.file_name);
    let index = mapped.as_deref().and_then(|bytes| Index::parse(bytes, kind.magic, max_bytes));
    let scan = Scanner { index: index.as_ref(), kind, root, rules };
    let top = match DirFd::open(&dir) {
        Ok(fd) => scan.dir(&fd, dir, Some(TICKETS_DIR.to_string())),
        Err(e) => return Ok(ItemScan { errors: vec![Error::io("read", &dir, e)], ..empty() }),
    };
    let trust_from = trust_limit(started_s);
    // Best effort: a read-only checkout just stays uncached.
    if may_write
        && top.needs_rewrite(index.as_ref(), trust_from)
        && let Ok(local) = LocalDir::create(local_dir)
    {
        let _ = local.replace(kind.file_name, |out| write(out, kind.magic, started_s, max_bytes, &top));
    }
    let mut out = empty();
    top.collect(&mut out);
    Ok(out)
}

/// The cache file `name` of `.complaint/` mapped read-only, if there is a
/// usable one, and whether a new one may be written there: not when a link
/// or a non-regular file is in the way (warned about, left alone).
fn open_cache(local_dir: &Path, name: &str) -> (bool, Option<memmap2::Mmap>) {
    let refused = |e: &Error| {
        local::warn(e);
        (false, None)
    };
    let dir = match LocalDir::open(local_dir) {
        Ok(Some(dir)) => dir,
        Err(Refused::NotRegular(e)) => return refused(&e),
        // Absent, or a file in the way (then writing fails too: uncached).
        Ok(None) | Err(_) => return (true, None),
    };
    let file = match dir.open_regular(name, false) {
        Ok(file) => file,
        Err(Refused::NotRegular(e)) => return refused(&e),
        Err(_) => return (true, None),
    };
    // SAFETY: the mapping is only ever read, and cache files are never
    // changed in place: writers rename a new file over the old one, which
    // leaves this mapping on the old file's contents (git maps its index the
    // same way). Bad contents are caught by the checksums and bounds checks.
    let map = unsafe { memmap2::Mmap::map(&file) }.ok().filter(|map| !map.is_empty());
    (true, map)
}

/// Files and directories changed in the second a scan started, or the one
/// before it (file systems stamp with a coarse clock that may lag the real
/// one), may have changed again after being read with the same size and
/// timestamps: their entries are not trusted by the next run.
fn trust_limit(started_s: i64) -> i64 {
    (started_s - 1) * NS
}

/// A parsed cache file, borrowing from its bytes.
struct Index<'a> {
    /// Entries of files and directories changed at or after this instant
    /// are not trusted.
    trusted_before_ns: i64,
    dirs: HashMap<&'a str, DirRecord<'a>>,
    payloads: &'a [u8],
}

struct DirRecord<'a> {
    stamp: FileStamp,
    /// Its listing holds every entry that matters (ticket files, all
    /// cached, and subdirectories): the directory may be listed from it.
    complete: bool,
    subdirs: Vec<&'a str>,
    files: &'a [u8],
    file_count: u32,
    files_sum: u64,
}

/// One file's entry in the old cache.
#[derive(Clone, Copy)]
struct FileRecord<'a> {
    name: &'a str,
    stamp: FileStamp,
    filter_at: Option<Instant>,
    payload: &'a [u8],
    payload_sum: u64,
}

fn header(magic: &[u8; 8], started_s: i64, max_bytes: u64) -> Writer {
    let mut w = Writer::default();
    w.bytes.extend_from_slice(magic);
    w.u32(FORMAT);
    w.str(env!("CARGO_PKG_VERSION"));
    w.u64(max_bytes);
    w.i64(trust_limit(started_s));
    w
}

fn read_stamp(r: &mut Reader) -> Option<FileStamp> {
    Some(FileStamp { size: r.u64()?, mtime_ns: r.i64()?, ctime_ns: r.i64()?, inode: r.u64()? })
}

fn write_stamp(w: &mut Writer, stamp: &FileStamp) {
    w.u64(stamp.size);
    w.i64(stamp.mtime_ns);
    w.i64(stamp.ctime_ns);
    w.u64(stamp.inode);
}

impl<'a> Index<'a> {
    fn parse(bytes: &'a [u8], magic: &[u8; 8], max_bytes: u64) -> Option<Index<'a>> {
        let mut r = Reader::new(bytes);
        let expected = header(magic, 0, max_bytes).bytes;
        // Everything up to the trust limit must match this build and config.
        if r.take(expected.len() - 8)? != &expected[..expected.len() - 8] {
            return None;
        }
        let trusted_before_ns = r.i64()?;
        let (table_len, table_sum) = (r.u64()?, r.u64()?);
        let (files_len, payloads_len) = (r.u64()?, r.u64()?);
        let table = r.take(usize::try_from(table_len).ok()?)?;
        let files = r.take(usize::try_from(files_len).ok()?)?;
        let payloads = r.take(usize::try_from(payloads_len).ok()?)?;
        if !r.at_end() || codec::checksum(table) != table_sum {
            return None;
        }
        let dirs = Self::parse_dirs(table, files)?;
        Some(Index { trusted_before_ns, dirs, payloads })
    }

    fn parse_dirs(table: &'a [u8], files: &'a [u8]) -> Option<HashMap<&'a str, DirRecord<'a>>> {
        let mut r = Reader::new(table);
        let count = r.u32()? as usize;
        let mut dirs = HashMap::with_capacity(count.min(1 << 16));
        for _ in 0..count {
            let key = r.str()?;
            let stamp = read_stamp(&mut r)?;
            let complete = r.u8()? == 1;
            let subdir_count = r.u32()? as usize;
            let mut subdirs = Vec::with_capacity(subdir_count.min(1 << 12));
            for _ in 0..subdir_count {
                subdirs.push(r.str()?);
            }
            let (offset, len) = (usize::try_from(r.u64()?).ok()?, usize::try_from(r.u64()?).ok()?);
            let files = files.get(offset..offset.checked_add(len)?)?;
            let (file_count, files_sum) = (r.u32()?, r.u64()?);
            dirs.insert(key, DirRecord { stamp, complete, subdirs, files, file_count, files_sum });
        }
        r.at_end().then_some(dirs)
    }
}

impl<'a> DirRecord<'a> {
    /// The file records of the directory, in name order; `None` if corrupt.
    fn file_records(&self, payloads: &'a [u8]) -> Option<Vec<FileRecord<'a>>> {
        if codec::checksum(self.files) != self.files_sum {
            return None;
        }
        let mut r = Reader::new(self.files);
        // A record is at least 57 bytes: a bad count cannot ask for more.
        let mut records = Vec::with_capacity((self.file_count as usize).min(self.files.len() / 57));
        for _ in 0..self.file_count {
            let name = r.str()?;
            let stamp = read_stamp(&mut r)?;
            let filter_at = r.opt_instant()?;
            let (offset, len) = (usize::try_from(r.u64()?).ok()?, r.u32()? as usize);
            let payload = payloads.get(offset..offset.checked_add(len)?)?;
            records.push(FileRecord { name, stamp, filter_at, payload, payload_sum: r.u64()? });
        }
        let sorted = records.windows(2).all(|pair| pair[0].name < pair[1].name);
        (r.at_end() && sorted).then_some(records)
    }
}

/// Small on purpose (items boxed): one per file, 100 000 at a time.
enum Outcome<T> {
    /// The old cache's entry (the `usize`-th record of the directory) holds.
    Cached(usize, Option<Box<T>>),
    Read(Option<Box<NewEntry>>, Option<Box<T>>),
    /// A file holding several tickets (an ID collision): never cached, each
    /// ticket kept, the collision reported.
    Several(Box<(Vec<T>, Error)>),
    Failed(Box<Error>),
}

struct NewEntry {
    name: String,
    stamp: FileStamp,
    cached: Cacheable,
}

/// What a scan found in one place of a directory, in name order.
enum Node<'a, T> {
    /// The file at this position of the directory's listing.
    File(usize, Outcome<T>),
    Dir(Box<DirScan<'a, T>>),
    Error(Box<Error>),
}

/// One directory scanned: what the cache needs of it and what it held.
struct DirScan<'a, T> {
    path: PathBuf,
    /// `tickets/2026/11`: the directory below the store root, UTF-8;
    /// `None` (never cached) otherwise.
    key: Option<String>,
    stamp: Option<FileStamp>,
    /// Listed from the cache rather than read from the file system.
    from_cache: bool,
    /// Every entry could be recorded (no links, nothing unreadable, UTF-8
    /// names): the next run may list the directory from the cache.
    complete: bool,
    listed: Vec<Listed<'a>>,
    records: Vec<FileRecord<'a>>,
    nodes: Vec<Node<'a, T>>,
}

/// The directory being scanned, as its entries need it (shared by the
/// threads scanning them).
struct Here<'s, 'a> {
    path: &'s Path,
    key: Option<&'s str>,
    records: &'s [FileRecord<'a>],
}

struct Scanner<'i, 'a, 'w, T> {
    index: Option<&'i Index<'a>>,
    kind: &'i Kind<'w, T>,
    root: &'i Path,
    rules: &'i FileRules<'i>,
}

impl<'a, T: Send> Scanner<'_, 'a, '_, T> {
    fn trusted(&self, stamp: &FileStamp) -> bool {
        self.index.is_some_and(|index| stamp.changed_ns() < index.trusted_before_ns)
    }

    /// Scans the open directory `fd` at `path`, its subdirectories in
    /// parallel with its files.
    fn dir(&self, fd: &DirFd, path: PathBuf, key: Option<String>) -> DirScan<'a, T> {
        let stamp = fd.stamp().ok();
        let old = self.index.zip(key.as_deref()).and_then(|(index, key)| Some((index, index.dirs.get(key)?)));
        let records = old.and_then(|(index, dir)| dir.file_records(index.payloads)).unwrap_or_default();
        let listed_from_cache = old
            .filter(|(_, dir)| dir.complete && dir.file_count as usize == records.len())
            .filter(|(_, dir)| stamp.is_some_and(|s| s.same_dir(&dir.stamp) && self.trusted(&s)))
            .map(|(_, dir)| cached_listing(dir, &records));
        let from_cache = listed_from_cache.is_some();
        let mut scan =
            DirScan { path, key, stamp, from_cache, complete: true, listed: Vec::new(), records, nodes: Vec::new() };
        scan.listed = match listed_from_cache.map_or_else(|| fd.list(), Ok) {
            Ok(listed) => listed,
            Err(e) => {
                scan.complete = false;
                scan.nodes.push(Node::Error(Box::new(Error::io("read", &scan.path, e))));
                return scan;
            }
        };
        let here = Here { path: &scan.path, key: scan.key.as_deref(), records: &scan.records };
        let nodes: Vec<[Option<Node<T>>; 2]> =
            scan.listed.par_iter().enumerate().map(|(at, entry)| self.entry(fd, &here, at, entry)).collect();
        scan.nodes = nodes.into_iter().flatten().flatten().collect();
        scan.complete = scan.key.is_some() && scan.stamp.is_some() && scan.listed.iter().all(recordable) && {
            scan.nodes.iter().all(|node| match node {
                Node::File(_, outcome) => matches!(outcome, Outcome::Cached(..) | Outcome::Read(Some(_), _)),
                Node::Dir(_) => true,
                Node::Error(_) => false,
            })
        };
        scan
    }

    /// What one directory entry holds: a ticket file, a directory to
    /// descend into (a directory named like a ticket file is both), or a
    /// symbolic link, reported.
    fn entry(&self, fd: &DirFd, parent: &Here<'_, 'a>, at: usize, entry: &Listed) -> [Option<Node<'a, T>>; 2] {
        let file = if walk::is_ticket_name(&entry.name) {
            Some(Node::File(at, self.file(fd, parent, at, &entry.name)))
        } else if entry.kind == EntryKind::Symlink {
            Some(Node::Error(Box::new(walk::symlink_error(parent.path.join(&entry.name)))))
        } else {
            None
        };
        let dir = (entry.kind == EntryKind::Dir).then(|| {
            let path = parent.path.join(&entry.name);
            let key = parent.key.zip(entry.name.to_str()).map(|(parent, name)| format!("{parent}/{name}"));
            match fd.open_child(&entry.name) {
                Ok(child) => Node::Dir(Box::new(self.dir(&child, path, key))),
                Err(e) => Node::Error(Box::new(Error::io("read", path, e))),
            }
        });
        [file, dir]
    }

    /// The item of one ticket file: from the cache when its entry holds,
    /// else read and parsed.
    /// `at` is the file's position in the listing: normally also its
    /// position in the old records (a month directory has no subdirectories).
    fn file(&self, fd: &DirFd, dir: &Here<'_, 'a>, at: usize, name: &OsStr) -> Outcome<T> {
        let stamp = match fd.stat(name) {
            Ok((EntryKind::File, stamp)) => Some(stamp),
            // Read below, which says what it is instead.
            Ok(_) => None,
            Err(e) => return Outcome::Failed(Box::new(Error::io("read", dir.path.join(name), e))),
        };
        let utf8_name = name.to_str().filter(|_| dir.key.is_some());
        // Only a file where its name's ID puts it can have a usable entry,
        // and only one holding that ID (checked as it is decoded).
        let expected_id =
            dir.key.zip(utf8_name).and_then(|(key, name)| placement::expected_id(key, name, self.rules.ids));
        let record = utf8_name.zip(stamp).filter(|_| expected_id.is_some()).and_then(|(name, stamp)| {
            let at = match dir.records.get(at) {
                Some(record) if record.name == name => at,
                _ => dir.records.binary_search_by(|r| r.name.cmp(name)).ok()?,
            };
            let record = &dir.records[at];
            (record.stamp == stamp && self.trusted(&stamp)).then_some((at, record))
        });
        if let Some(((at, record), id)) = record.zip(expected_id) {
            if !(self.kind.wants)(record.filter_at) {
                return Outcome::Cached(at, None);
            }
            if codec::checksum(record.payload) == record.payload_sum
                && let Some(kept) = (self.kind.decode)(record.payload, id)
            {
                return Outcome::Cached(at, kept.map(Box::new));
            }
        }
        self.read(fd, dir, name, utf8_name.zip(stamp))
    }

    fn read(&self, fd: &DirFd, dir: &Here<'_, 'a>, name: &OsStr, cache_as: Option<(&str, FileStamp)>) -> Outcome<T> {
        let path = dir.path.join(name);
        let read = file::read_tickets_in(fd, name, &path, self.rules.max_bytes)
            .and_then(|tickets| placement::check(&tickets, &path, self.root, self.rules.ids).map(|()| tickets));
        match read {
            Ok(tickets) if tickets.len() > 1 => {
                let collision = Error::IdCollision {
                    id: tickets[0].id.clone(),
                    path,
                    uids: tickets.iter().map(|t| t.uid.clone()).collect(),
                };
                let kept = tickets.into_iter().filter_map(|t| (self.kind.read)(t, false).1).collect();
                Outcome::Several(Box::new((kept, collision)))
            }
            Ok(mut tickets) => {
                let ticket = tickets.pop().expect("a ticket file holds at least one ticket");
                let (cached, kept) = (self.kind.read)(ticket, cache_as.is_some());
                // The stamp is from before the read: if the file changed in
                // between, the next run sees a different stamp and reads again.
                let entry = cache_as
                    .zip(cached)
                    .map(|((name, stamp), cached)| Box::new(NewEntry { name: name.to_string(), stamp, cached }));
                Outcome::Read(entry, kept.map(Box::new))
            }
            Err(e) => Outcome::Failed(Box::new(e)),
        }
    }
}

/// The listing of an unchanged, complete directory, from its cache record.
fn cached_listing<'a>(dir: &DirRecord<'a>, records: &[FileRecord<'a>]) -> Vec<Listed<'a>> {
    let listed = |name: &'a str, kind| Listed { name: Cow::Borrowed(OsStr::new(name)), kind };
    let files = records.iter().map(|r| listed(r.name, EntryKind::File));
    let dirs = dir.subdirs.iter().map(|name| listed(name, EntryKind::Dir));
    let mut listed: Vec<Listed> = files.chain(dirs).collect();
    listed.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    listed
}

/// Whether the entry can be listed from a cache record: a regular ticket
/// file or a directory, with a UTF-8 name; anything else that matters
/// (a link, a ticket name that is not a file) must be seen every time.
fn recordable(entry: &Listed) -> bool {
    let utf8 = entry.name.to_str().is_some();
    match entry.kind {
        EntryKind::Dir => utf8 && !walk::is_ticket_name(&entry.name),
        EntryKind::File => utf8 || !walk::is_ticket_name(&entry.name),
        EntryKind::Symlink => false,
        EntryKind::Other => !walk::is_ticket_name(&entry.name),
    }
}

impl<T> DirScan<'_, T> {
    /// Whether the cache file should be written again: an entry was read
    /// from its file, one went away, or a directory changed or became old
    /// enough to be listed from the cache.
    fn needs_rewrite(&self, index: Option<&Index>, trust_from: i64) -> bool {
        let Some(index) = index else { return true };
        let mut dirs = 0;
        let changed = self.any_changed(index, trust_from, &mut dirs);
        changed || dirs != index.dirs.len()
    }

    fn any_changed(&self, index: &Index, trust_from: i64, dirs: &mut usize) -> bool {
        if self.key.is_some() && self.stamp.is_some() {
            *dirs += 1;
        }
        let old = self.key.as_deref().and_then(|key| index.dirs.get(key));
        let dir_changed = match (old, self.stamp) {
            (Some(old), Some(stamp)) => {
                !old.stamp.same_dir(&stamp)
                    || old.complete != self.complete
                    || (self.complete && !self.from_cache && stamp.changed_ns() < trust_from)
            }
            (None, Some(_)) => self.key.is_some(),
            (_, None) => false,
        };
        if dir_changed {
            return true;
        }
        let mut cached = 0;
        for node in &self.nodes {
            match node {
                Node::File(_, Outcome::Cached(..)) => cached += 1,
                Node::File(_, Outcome::Read(Some(_), _)) => return true,
                Node::Dir(dir) if dir.any_changed(index, trust_from, dirs) => return true,
                _ => {}
            }
        }
        cached != self.records.len()
    }

    /// Moves the items, errors and collisions into `out`, in path order.
    fn collect(self, out: &mut ItemScan<T>) {
        for node in self.nodes {
            match node {
                Node::File(at, Outcome::Cached(_, Some(item)) | Outcome::Read(_, Some(item))) => {
                    out.tickets.push((self.path.join(&self.listed[at].name), *item))
                }
                Node::File(at, Outcome::Several(several)) => {
                    let (items, collision) = *several;
                    let path = self.path.join(&self.listed[at].name);
                    out.tickets.extend(items.into_iter().map(|item| (path.clone(), item)));
                    out.collisions.push(collision);
                }
                Node::File(_, Outcome::Failed(e)) | Node::Error(e) => out.errors.push(*e),
                Node::File(..) => {}
                Node::Dir(dir) => (*dir).collect(out),
            }
        }
    }
}

/// The new cache file, built from a scan: directories in path order, each
/// with its cacheable files.
struct CacheWriter<'s> {
    table: Writer,
    dir_count: u32,
    files: Writer,
    /// The payloads in order, borrowed from the old cache or the scan.
    payloads: Vec<&'s [u8]>,
    payloads_len: u64,
}

impl<'s> CacheWriter<'s> {
    fn add_dir<T>(&mut self, dir: &'s DirScan<'_, T>) {
        if let (Some(key), Some(stamp)) = (&dir.key, &dir.stamp) {
            let start = self.files.bytes.len();
            let mut count = 0;
            for node in &dir.nodes {
                let record = match node {
                    Node::File(_, Outcome::Cached(at, _)) => {
                        let r = &dir.records[*at];
                        (r.name, r.stamp, r.filter_at, r.payload)
                    }
                    Node::File(_, Outcome::Read(Some(new), _)) => {
                        (new.name.as_str(), new.stamp, new.cached.filter_at, new.cached.payload.as_slice())
                    }
                    _ => continue,
                };
                self.add_file(record);
                count += 1;
            }
            let files = &self.files.bytes[start..];
            let t = &mut self.table;
            t.str(key);
            write_stamp(t, stamp);
            t.u8(dir.complete as u8);
            let subdirs: Vec<&str> =
                dir.listed.iter().filter(|e| e.kind == EntryKind::Dir).filter_map(|e| e.name.to_str()).collect();
            t.u32(subdirs.len() as u32);
            for name in subdirs {
                t.str(name);
            }
            t.u64(start as u64);
            t.u64(files.len() as u64);
            t.u32(count);
            t.u64(codec::checksum(files));
            self.dir_count += 1;
        }
        for node in &dir.nodes {
            if let Node::Dir(child) = node {
                self.add_dir(child);
            }
        }
    }

    fn add_file(&mut self, (name, stamp, filter_at, payload): (&str, FileStamp, Option<Instant>, &'s [u8])) {
        let w = &mut self.files;
        w.str(name);
        write_stamp(w, &stamp);
        w.opt_instant(filter_at.as_ref());
        w.u64(self.payloads_len);
        w.u32(payload.len() as u32);
        w.u64(codec::checksum(payload));
        self.payloads_len += payload.len() as u64;
        self.payloads.push(payload);
    }
}

fn write<T>(
    out: &mut dyn Write,
    magic: &[u8; 8],
    started_s: i64,
    max_bytes: u64,
    top: &DirScan<'_, T>,
) -> std::io::Result<()> {
    let mut cache = CacheWriter {
        table: Writer::default(),
        dir_count: 0,
        files: Writer::default(),
        payloads: Vec::new(),
        payloads_len: 0,
    };
    cache.add_dir(top);
    let mut table = Writer::default();
    table.u32(cache.dir_count);
    table.bytes.extend_from_slice(&cache.table.bytes);

    let mut w = header(magic, started_s, max_bytes);
    w.u64(table.bytes.len() as u64);
    w.u64(codec::checksum(&table.bytes));
    w.u64(cache.files.bytes.len() as u64);
    w.u64(cache.payloads_len);
    out.write_all(&w.bytes)?;
    out.write_all(&table.bytes)?;
    out.write_all(&cache.files.bytes)?;
    for payload in &cache.payloads {
        out.write_all(payload)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_layout_changes_only_with_a_new_format() {
        let fingerprint = codec::layout_fingerprint();
        assert!(
            fingerprint == LAYOUT.1 || FORMAT != LAYOUT.0,
            "the cache layout changed (a new or moved field of a ticket, event or summary?): \
             bump FORMAT in src/store/cache.rs, then set LAYOUT to ({}, {fingerprint:#x})",
            FORMAT + 1
        );
        assert_eq!((FORMAT, fingerprint), LAYOUT, "FORMAT was bumped: set LAYOUT to ({FORMAT}, {fingerprint:#x})");
    }
}
