//! The scan engine: walks `tickets/`, stats every file, takes each
//! entry of the old cache whose stamp still holds, reads and parses the
//! rest (directories and files in parallel), and writes the new cache when
//! anything changed. Generic over the [`CacheKind`] of the cache file.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::super::codec;
use super::super::local::{self, LocalDir, Refused};
use super::super::placement::{self, FileRules};
use super::super::walk::{self, DirFd, EntryKind, FileStamp, Listed};
use super::super::{TICKETS_DIR, file};
use super::delivery::{Delivery, Sink, take_items};
use super::dir_scan::{DirScan, NewEntry, Node, Outcome};
use super::format::{CacheWriter, DirRecord, FileRecord, Index, trust_limit};
use super::item_scan::ScanErrors;
use super::kind::CacheKind;
use crate::error::{Error, Result};
use crate::lang::Lang;

/// Scans the store at `root` through the cache file of kind `K` under
/// `local_dir`, refreshing it.
pub(super) fn scan_kind<K: CacheKind>(
    root: &Path,
    local_dir: &Path,
    rules: &FileRules,
    kind: &K,
    sink: &mut Sink<'_, K::Item>,
) -> Result<ScanErrors> {
    let max_bytes = rules.max_bytes;
    let dir = root.join(TICKETS_DIR);
    let empty = ScanErrors::default;
    // Opening `tickets/` below refuses a symlink in its place; this names
    // the link (or a symlinked parent) in the error.
    if let Err(e) = file::check_inside(root, &dir.join("x")) {
        return Ok(ScanErrors { errors: vec![e], ..empty() });
    }
    if !dir.is_dir() {
        return Ok(empty());
    }
    // Taken before any file is stat'ed or read: a file changed after this
    // may have been read in either version. The real clock, not the
    // command's "now" (COMPLAINT_NOW): this is about file timestamps.
    let started_s = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let (may_write, mapped) = open_cache(local_dir, K::FILE_NAME, rules.lang);
    let index = mapped.as_deref().and_then(|bytes| Index::parse(bytes, K::MAGIC, max_bytes));
    let scan = Scanner { index: index.as_ref(), map: mapped.as_ref(), kind, root, rules };
    let mut delivery = Delivery::new(sink);
    let top = match DirFd::open(&dir) {
        Ok(fd) => scan.dir(&fd, dir, Some(TICKETS_DIR.to_string()), None, &mut delivery),
        Err(e) => return Ok(ScanErrors { errors: vec![Error::io("read", &dir, e)], ..empty() }),
    };
    delivery.overlap(|| ());
    let trust_from = trust_limit(started_s);
    // Best effort: a read-only checkout just stays uncached.
    if may_write
        && top.needs_rewrite(index.as_ref(), trust_from)
        && let Ok(local) = LocalDir::create(local_dir)
    {
        let _ = local.replace(K::FILE_NAME, |out| {
            let mut cache = CacheWriter::default();
            top.write_into(&mut cache, index.as_ref());
            cache.write(out, K::MAGIC, started_s, max_bytes)
        });
    }
    let mut out = empty();
    top.collect(&mut out);
    Ok(out)
}

/// The cache file `name` of `.complaint/` mapped read-only, if there is a
/// usable one, and whether a new one may be written there: not when a link
/// or a non-regular file is in the way (warned about, left alone).
pub(super) fn open_cache(local_dir: &Path, name: &str, lang: Lang) -> (bool, Option<memmap2::Mmap>) {
    let refused = |e: &Error| {
        local::warn(e, lang);
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

/// The directory being scanned, as its entries need it (shared by the
/// threads scanning them).
struct Here<'s, 'a> {
    path: &'s Path,
    key: Option<&'s str>,
    records: &'s [FileRecord<'a>],
}

struct Scanner<'i, 'a, K> {
    index: Option<&'i Index<'a>>,
    /// The mapping `index` borrows from: the pages of a directory's
    /// payloads are handed back once its items are delivered.
    map: Option<&'i memmap2::Mmap>,
    kind: &'i K,
    root: &'i Path,
    rules: &'i FileRules<'i>,
}

impl<'a, K: CacheKind> Scanner<'_, 'a, K> {
    fn trusted(&self, stamp: &FileStamp) -> bool {
        self.index.is_some_and(|index| stamp.changed_ns() < index.trusted_before_ns)
    }

    /// Scans the open directory `fd` at `path`: its entries in name order,
    /// each run of files in parallel, each subdirectory in turn, handing
    /// the items of each run on while the next run is scanned — so two
    /// runs' items at most are held, and the sink sees them in path order.
    /// `records`: the directory's cache records if already decoded
    /// ([`Self::records`], while the directory before it was scanned).
    fn dir(
        &self,
        fd: &DirFd,
        path: PathBuf,
        key: Option<String>,
        records: Option<Vec<FileRecord<'a>>>,
        delivery: &mut Delivery<'_, K::Item>,
    ) -> DirScan<'a, K::Item> {
        let stamp = fd.stamp().ok();
        let old = self.index.zip(key.as_deref()).and_then(|(index, key)| Some((index, index.dirs.get(key)?)));
        let records = records.unwrap_or_else(|| self.records(key.as_deref()));
        let listed_from_cache = old
            .filter(|(_, dir)| dir.complete && dir.file_count as usize == records.len())
            .filter(|(_, dir)| stamp.is_some_and(|s| s.same_dir(&dir.stamp) && self.trusted(&s)))
            .map(|(_, dir)| cached_listing(dir, &records));
        let from_cache = listed_from_cache.is_some();
        let mut scan = DirScan {
            path,
            key,
            stamp,
            from_cache,
            complete: true,
            listed: Vec::new(),
            records,
            nodes: Vec::new(),
            compacted: false,
        };
        scan.listed = match listed_from_cache.map_or_else(|| fd.list(), Ok) {
            Ok(listed) => listed,
            Err(e) => {
                scan.complete = false;
                scan.nodes.push(Node::Error(Box::new(Error::io("read", &scan.path, e))));
                return scan;
            }
        };
        let here = Here { path: &scan.path, key: scan.key.as_deref(), records: &scan.records };
        let listed = &scan.listed;
        let mut nodes = Vec::new();
        let mut prefetched: Option<(usize, Vec<FileRecord<'a>>)> = None;
        let mut start = 0;
        while start < listed.len() {
            let end = listed[start..].iter().position(|e| e.kind == EntryKind::Dir).map_or(listed.len(), |n| start + n);
            let (run, items) = delivery.overlap(|| {
                let run: Vec<Option<Node<K::Item>>> = listed[start..end]
                    .par_iter()
                    .enumerate()
                    .map(|(n, entry)| self.entry(fd, &here, start + n, entry))
                    .collect();
                let mut items = Vec::new();
                let run: Vec<_> =
                    run.into_iter().flatten().map(|node| take_items(node, here.path, listed, &mut items)).collect();
                (run, items)
            });
            nodes.extend(run);
            delivery.pending.extend(items);
            if let Some(entry) = listed.get(end) {
                // A directory named like a ticket file is that file first.
                let file = self.entry(fd, &here, end, entry);
                nodes.extend(file.map(|node| take_items(node, here.path, listed, &mut delivery.pending)));
                let records = prefetched.take().filter(|(at, _)| *at == end).map(|(_, records)| records);
                // The next subdirectory's records are decoded on the pool
                // while this one is scanned: no wait between directories.
                let next = listed[end + 1..].iter().position(|e| e.kind == EntryKind::Dir).map(|n| end + 1 + n);
                let next_key = next.and_then(|at| child_key(here.key, &listed[at]));
                rayon::in_place_scope(|scope| {
                    if let Some((at, key)) = next.zip(next_key) {
                        let prefetched = &mut prefetched;
                        scope.spawn(move |_| *prefetched = Some((at, self.records(Some(&key)))));
                    }
                    nodes.push(self.subdir(fd, &here, entry, records, delivery));
                });
            }
            start = end + 1;
        }
        self.release(&scan.records);
        scan.nodes = nodes;
        scan.complete = scan.key.is_some() && scan.stamp.is_some() && scan.listed.iter().all(recordable) && {
            scan.nodes.iter().all(|node| match node {
                Node::File(_, outcome) => matches!(outcome, Outcome::Cached(..) | Outcome::Read(Some(_), _)),
                Node::Dir(_) => true,
                Node::Error(_) => false,
            })
        };
        scan.compact(self.index);
        scan
    }

    /// Hands the pages holding `records` and their payloads back to the
    /// kernel: they were read once and their items made, and a scan of
    /// every ticket would otherwise keep the whole cache file resident.
    /// Reading them again (to write a new cache) faults them back in from
    /// the file, which is never changed in place.
    fn release(&self, records: &[FileRecord<'a>]) {
        if let Some(map) = self.map {
            release(map, records);
        }
    }

    /// The cache records of the directory `key`, in name order (none if
    /// it has no valid entry).
    fn records(&self, key: Option<&str>) -> Vec<FileRecord<'a>> {
        let old = self.index.zip(key).and_then(|(index, key)| Some((index, index.dirs.get(key)?)));
        old.and_then(|(index, dir)| dir.file_records(index.payloads)).unwrap_or_default()
    }

    /// The subdirectory `entry` scanned, or why it could not be opened.
    fn subdir(
        &self,
        fd: &DirFd,
        parent: &Here<'_, 'a>,
        entry: &Listed,
        records: Option<Vec<FileRecord<'a>>>,
        delivery: &mut Delivery<'_, K::Item>,
    ) -> Node<'a, K::Item> {
        let path = parent.path.join(&entry.name);
        let key = child_key(parent.key, entry);
        match fd.open_child(&entry.name) {
            Ok(child) => Node::Dir(Box::new(self.dir(&child, path, key, records, delivery))),
            Err(e) => Node::Error(Box::new(Error::io("read", path, e))),
        }
    }

    /// What one directory entry holds as a file: a ticket file, or a
    /// symbolic link, reported. (Directories are [`Self::subdir`].)
    fn entry(&self, fd: &DirFd, parent: &Here<'_, 'a>, at: usize, entry: &Listed) -> Option<Node<'a, K::Item>> {
        if walk::is_ticket_name(&entry.name) {
            Some(Node::File(at, self.file(fd, parent, at, &entry.name)))
        } else if entry.kind == EntryKind::Symlink {
            Some(Node::Error(Box::new(walk::symlink_error(parent.path.join(&entry.name)))))
        } else {
            None
        }
    }

    /// The item of one ticket file: from the cache when its entry holds,
    /// else read and parsed.
    /// `at` is the file's position in the listing: normally also its
    /// position in the old records (a month directory has no subdirectories).
    fn file(&self, fd: &DirFd, dir: &Here<'_, 'a>, at: usize, name: &OsStr) -> Outcome<K::Item> {
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
            if !self.kind.wants(record.filter_at) {
                return Outcome::Cached(at, None);
            }
            if codec::checksum(record.payload) == record.payload_sum
                && let Some(kept) = self.kind.decode(record.payload, id)
            {
                return Outcome::Cached(at, kept.map(Box::new));
            }
        }
        self.read(fd, dir, name, utf8_name.zip(stamp))
    }

    fn read(
        &self,
        fd: &DirFd,
        dir: &Here<'_, 'a>,
        name: &OsStr,
        cache_as: Option<(&str, FileStamp)>,
    ) -> Outcome<K::Item> {
        let path = dir.path.join(name);
        match placement::read_placed(fd, name, &path, self.root, self.rules) {
            Ok((tickets, Some(collision))) => {
                let kept = tickets.into_iter().filter_map(|t| self.kind.read(t, false).1).collect();
                Outcome::Several(Box::new((kept, collision)))
            }
            Ok((mut tickets, None)) => {
                let ticket = tickets.pop().expect("a ticket file holds at least one ticket");
                let (cached, kept) = self.kind.read(ticket, cache_as.is_some());
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

/// The cache key of the subdirectory `entry` of the directory `parent`.
fn child_key(parent: Option<&str>, entry: &Listed) -> Option<String> {
    parent.zip(entry.name.to_str()).map(|(parent, name)| format!("{parent}/{name}"))
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

/// Hands the pages of `map` holding `records` and their payloads back to
/// the kernel (see [`Scanner::release`]).
pub(super) fn release(map: &memmap2::Mmap, records: &[FileRecord<'_>]) {
    let (Some(first), Some(last)) = (records.first(), records.last()) else { return };
    let base = map.as_ptr() as usize;
    let drop = |from: *const u8, to: *const u8| {
        let (from, to) = (from as usize - base, to as usize - base);
        if to > from {
            // SAFETY: a read-only shared mapping of a file never written
            // in place: dropping its pages only makes the next read fault
            // them in again with the same bytes; no reference is
            // invalidated.
            let _ = unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, from, to - from) };
        }
    };
    // The payloads, then the file records (from the first name to the
    // last one: its few trailing bytes stay).
    drop(first.payload.as_ptr(), last.payload.as_ptr_range().end);
    drop(first.name.as_ptr(), last.name.as_bytes().as_ptr_range().end);
}
