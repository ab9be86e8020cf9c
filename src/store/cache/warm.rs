//! The index kept warm in memory by a long-running process (`complaint
//! serve`, spec §11): the summary and search text of every ticket file,
//! with the stamp it was read at. Each [`WarmIndex::refreshed`] stats every
//! file again and takes an entry over only by the rules of the cache file
//! (spec §9): same stamp, and the file last changed well before the entry
//! was read; everything else is read again. So a CLI change, a `git pull`
//! or a hand edit shows on the next refresh, and a refresh of an unchanged
//! store reads no file and allocates almost nothing: entries are shared
//! (`Arc`) between the old index and the new one.
//!
//! A new warm index starts from the entries of `.complaint/index` (then
//! refreshed like any other), so a server starts in the time of one cached
//! scan, not of parsing every file; it never writes that file.
//!
//! Memory: an open ticket's summary is kept decoded, since most queries
//! (the queue of open work, the overdue board) look at every one; a closed
//! one (nine in ten of a year-old store) stays in the cache's compact
//! encoding with its status and settled time beside it, and is decoded
//! only by a query that may want it. 100 000 tickets take about 40 MiB.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::super::codec::{self, Reader, Writer};
use super::super::placement::{self, FileRules};
use super::super::walk::{self, DirFd, EntryKind, FileStamp, Listed};
use super::super::{TICKETS_DIR, file};
use super::format::{Index, trust_limit};
use super::kind::CacheKind;
use super::scan;
use super::summaries::SummaryIndex;
use crate::error::Error;
use crate::ticket::search::{self, SearchQuery};
use crate::ticket::{IndexEntry, Status, Ticket};

type Instant = chrono::DateTime<chrono::FixedOffset>;

/// Every ticket file's summary as of the last refresh of its directory.
/// Cloning is cheap (the directories are shared).
#[derive(Default, Clone)]
pub struct WarmIndex {
    /// `tickets/` and every directory below it (`tickets/2026/11`), in
    /// path order: a parent before its children.
    dirs: BTreeMap<Arc<Path>, DirState>,
    /// Changes whenever what the index holds does (a directory's files,
    /// listing or problems): equal versions of one index's refreshes hold
    /// the same.
    version: u64,
}

#[derive(Default, Clone)]
struct DirState {
    content: Arc<WarmDir>,
    /// When its last refresh started; `None`: taken from the cache file,
    /// never refreshed.
    refreshed: Option<std::time::Instant>,
}

/// One directory as last listed.
#[derive(Default)]
struct WarmDir {
    files: Vec<Arc<WarmFile>>,
    /// Its own stamp when listed, trusted as a file's is: while it holds,
    /// no entry was added, removed or renamed, so the next refresh need not
    /// list it again (its files are still stat'ed one by one).
    stamp: Option<FileStamp>,
    trusted: bool,
    /// It held only ticket files and directories, so `files` and `subdirs`
    /// are its whole listing.
    complete: bool,
    subdirs: Vec<Box<OsStr>>,
    /// What its listing found wrong: itself unreadable, a symbolic link.
    errors: Vec<Error>,
    /// The hits of recent queries, by the key their caller gave.
    memo: Mutex<Vec<(String, Arc<[DirHit]>)>>,
}

/// One ticket file as last read.
pub struct WarmFile {
    /// Its directory, below the store root.
    dir: Arc<Path>,
    name: Box<OsStr>,
    /// `None`: it could not be stat'ed, or is not a regular file.
    stamp: Option<FileStamp>,
    /// Changed well before it was read: an unchanged stamp means unchanged
    /// contents (git's racy-index rule).
    trusted: bool,
    found: Found,
}

enum Found {
    One(Summary),
    /// An ID collision kept by the merge driver: every ticket, and the
    /// collision.
    Several(Box<(Vec<Summary>, Error)>),
    Failed(Box<Error>),
}

enum Summary {
    /// Decoded, with the folded search text ([`search::search_text`]).
    Open { entry: Arc<IndexEntry>, text: Box<str> },
    /// Settled (closed): the cache's encoding of the entry and its text.
    Settled { status: Status, settled_at: Instant, encoded: Box<[u8]> },
}

impl Summary {
    fn of(ticket: &Ticket) -> Summary {
        let entry = IndexEntry::of(ticket);
        let text = search::search_text(ticket);
        match entry.settled_at {
            Some(settled_at) => {
                let mut w = Writer::default();
                codec::write_index_entry(&mut w, &entry);
                w.str(&text);
                Summary::Settled { status: entry.status, settled_at, encoded: w.bytes.into_boxed_slice() }
            }
            None => Summary::Open { entry: Arc::new(entry), text: text.into_boxed_str() },
        }
    }

    /// From the index cache's payload, if it decodes and holds ticket `id`.
    fn decoded(payload: &[u8], id: &str) -> Option<Summary> {
        let (entry, text) = decode(payload)?;
        if entry.id != id {
            return None;
        }
        Some(match entry.settled_at {
            Some(settled_at) => Summary::Settled { status: entry.status, settled_at, encoded: payload.into() },
            None => Summary::Open { entry: Arc::new(entry), text: text.into() },
        })
    }

    /// When the ticket was received, if `settled` (for a settled one) and
    /// then `keep` want it, and the search finds its text.
    fn wanted(&self, query: &WarmQuery<'_>) -> Option<Instant> {
        let finds = |text: &str| query.search.is_none_or(|q| q.is_empty() || q.matches_text(text));
        match self {
            Summary::Open { entry, text } => ((query.keep)(entry) && finds(text)).then_some(entry.received_at),
            Summary::Settled { status, settled_at, encoded } => {
                if !(query.settled)(*status, *settled_at) {
                    return None;
                }
                let (entry, text) = decode(encoded)?;
                ((query.keep)(&entry) && finds(text)).then_some(entry.received_at)
            }
        }
    }

    fn entry(&self) -> Option<Arc<IndexEntry>> {
        match self {
            Summary::Open { entry, .. } => Some(Arc::clone(entry)),
            Summary::Settled { encoded, .. } => decode(encoded).map(|(entry, _)| Arc::new(entry)),
        }
    }
}

/// An index entry and the search text after it, as the cache encodes them.
fn decode(payload: &[u8]) -> Option<(IndexEntry, &str)> {
    let mut r = Reader::new(payload);
    let settled_at = codec::read_settled_at(&mut r)?;
    let entry = codec::read_index_entry(&mut r, settled_at)?;
    Some((entry, r.str()?))
}

/// What a query of the warm index wants.
pub struct WarmQuery<'q> {
    /// Whether a settled ticket with this status, settled at this time,
    /// may be wanted at all: those it refuses are never decoded.
    pub settled: &'q (dyn Fn(Status, Instant) -> bool + Sync),
    pub keep: &'q (dyn Fn(&IndexEntry) -> bool + Sync),
    pub search: Option<&'q SearchQuery>,
}

/// A summary a query found, with the file it came from.
#[derive(Clone)]
pub struct WarmHit {
    file: Arc<WarmFile>,
    /// Which of the file's summaries (several after an ID collision).
    at: u32,
    pub received_at: Instant,
}

impl WarmHit {
    /// The file's path, below `root`.
    pub fn path(&self, root: &Path) -> PathBuf {
        root.join(&self.file.dir).join(&*self.file.name)
    }

    /// The ticket's ID: its file's name (it is where its ID puts it).
    pub fn id(&self) -> &str {
        self.file.name.to_str().and_then(|name| name.strip_suffix(".yaml")).unwrap_or_default()
    }

    /// The summary, decoded if it was kept encoded (`None` only if the
    /// bytes it was found in stopped decoding, which they cannot).
    pub fn entry(&self) -> Option<Arc<IndexEntry>> {
        self.file.summaries().get(self.at as usize)?.entry()
    }
}

impl WarmFile {
    fn summaries(&self) -> &[Summary] {
        match &self.found {
            Found::One(one) => std::slice::from_ref(one),
            Found::Several(several) => several.0.as_slice(),
            Found::Failed(_) => &[],
        }
    }
}

/// A hit inside one directory, as its memo keeps it: small, and no
/// decoded summary held.
#[derive(Clone, Copy)]
struct DirHit {
    file: u32,
    at: u32,
    received_at: Instant,
}

/// Distinct queries a directory remembers the hits of at most.
const MEMO_KEYS: usize = 16;

impl WarmDir {
    /// The hits of `query` among this directory's files, remembered under
    /// `key` (if given) for as long as the directory is unchanged.
    fn hits(&self, query: &WarmQuery<'_>, key: Option<&str>) -> Arc<[DirHit]> {
        let find = || -> Arc<[DirHit]> {
            let mut hits = Vec::new();
            for (file_at, file) in self.files.iter().enumerate() {
                for (at, summary) in file.summaries().iter().enumerate() {
                    if let Some(received_at) = summary.wanted(query) {
                        hits.push(DirHit { file: file_at as u32, at: at as u32, received_at });
                    }
                }
            }
            hits.into()
        };
        let Some(key) = key else { return find() };
        if let Some((_, hits)) = self.memo.lock().expect("warm memo").iter().find(|(k, _)| k == key) {
            return Arc::clone(hits);
        }
        let hits = find();
        let mut memo = self.memo.lock().expect("warm memo");
        if memo.len() >= MEMO_KEYS {
            memo.clear();
        }
        memo.push((key.to_string(), Arc::clone(&hits)));
        hits
    }

    /// The same listing, stamps and files (the very same entries): the
    /// old directory, its memo included, stands for the new one.
    fn same_as(&self, new: &WarmDir) -> bool {
        self.stamp == new.stamp
            && self.trusted == new.trusted
            && self.complete == new.complete
            && self.subdirs == new.subdirs
            && self.errors.is_empty()
            && new.errors.is_empty()
            && self.files.len() == new.files.len()
            && self.files.iter().zip(&new.files).all(|(a, b)| Arc::ptr_eq(a, b))
    }
}

impl WarmIndex {
    /// A warm index of the store at `root`: the index cache's entries,
    /// refreshed.
    pub(in crate::store) fn load(root: &Path, local_dir: &Path, rules: &FileRules) -> WarmIndex {
        let seeded = seed(local_dir, rules).unwrap_or_default();
        seeded.refreshed(root, rules)
    }

    /// This index checked against the files now: every directory
    /// refreshed in turn ([`WarmIndex::with_dir_refreshed`]).
    pub(in crate::store) fn refreshed(&self, root: &Path, rules: &FileRules) -> WarmIndex {
        let mut index = self.clone();
        index.dirs.entry(top()).or_default();
        let mut at: Option<Arc<Path>> = None;
        while let Some(dir) = index.dir_after(at.as_deref()) {
            index = index.with_dir_refreshed(root, rules, &dir);
            at = Some(dir);
        }
        index
    }

    /// The directory after `after` in path order (the first for `None`).
    fn dir_after(&self, after: Option<&Path>) -> Option<Arc<Path>> {
        match after {
            Some(after) => self.dirs.range::<Path, _>((Bound::Excluded(after), Bound::Unbounded)).next(),
            None => self.dirs.iter().next(),
        }
        .map(|(dir, _)| Arc::clone(dir))
    }

    /// The directory to refresh after `after` when refreshing round and
    /// round: the next in path order, else the first (`tickets/`).
    pub fn next_dir(&self, after: Option<&Path>) -> Arc<Path> {
        self.dir_after(after).or_else(|| self.dir_after(None)).unwrap_or_else(top)
    }

    /// Whether every directory was refreshed since `since`: then the index
    /// shows every change made before it.
    pub fn fresh_since(&self, since: std::time::Instant) -> bool {
        self.dirs.contains_key(Path::new(TICKETS_DIR))
            && self.dirs.values().all(|dir| dir.refreshed.is_some_and(|at| at >= since))
    }

    /// See [`WarmIndex::version`]'s field.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// This index with the directory `dir` (below the root) listed again
    /// and its files checked: each file stat'ed, its entry taken over if
    /// its stamp holds, else read again. A subdirectory it no longer holds
    /// goes with everything below it; a new one is added, to be refreshed
    /// in its turn.
    pub(in crate::store) fn with_dir_refreshed(&self, root: &Path, rules: &FileRules, dir: &Arc<Path>) -> WarmIndex {
        let refreshed = std::time::Instant::now();
        // Taken before any file is stat'ed, as for the cache file.
        let started_s = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        let walker = Walker { old: self, root, rules, trust_before_ns: trust_limit(started_s) };
        let here = walker.dir(dir);
        let mut next = self.clone();
        let old = self.dirs.get(dir).map(|state| &state.content);
        let content = match old.filter(|old| old.same_as(&here)) {
            Some(old) => Arc::clone(old),
            None => {
                next.version += 1;
                Arc::new(here)
            }
        };
        let gone: Vec<Arc<Path>> = self
            .dirs
            .range::<Path, _>((Bound::Excluded(&**dir), Bound::Unbounded))
            .map(|(below, _)| below)
            .take_while(|below| below.starts_with(dir))
            .filter(|below| {
                let name = below.strip_prefix(dir).ok().and_then(|rest| rest.iter().next());
                !name.is_some_and(|name| content.subdirs.iter().any(|sub| **sub == *name))
            })
            .cloned()
            .collect();
        for below in gone {
            next.dirs.remove(&below);
            next.version += 1;
        }
        for sub in &content.subdirs {
            next.dirs.entry(Arc::from(dir.join(&**sub))).or_insert_with(|| {
                next.version += 1;
                DirState::default()
            });
        }
        next.dirs.insert(Arc::clone(dir), DirState { content, refreshed: Some(refreshed) });
        next
    }

    /// How many ticket files the index holds.
    pub fn file_count(&self) -> usize {
        self.dirs.values().map(|dir| dir.content.files.len()).sum()
    }

    /// The summaries `query` wants, in path order. `memo_key`, if given,
    /// names the query: each directory remembers its hits under it while
    /// it stays unchanged, so asking again costs a copy of the hits. On the
    /// calling thread: the thread pool may be busy with a refresh, which
    /// this would wait behind.
    pub fn find(&self, query: &WarmQuery<'_>, memo_key: Option<&str>) -> Vec<WarmHit> {
        let mut found = Vec::new();
        for state in self.dirs.values() {
            let dir = &state.content;
            let hits = dir.hits(query, memo_key);
            found.extend(hits.iter().map(|hit| WarmHit {
                file: Arc::clone(&dir.files[hit.file as usize]),
                at: hit.at,
                received_at: hit.received_at,
            }));
        }
        found
    }

    /// The files that could not be read and the directories that could not
    /// be walked, then the ID collisions, as a scan reports them.
    pub fn problems(&self) -> (Vec<&Error>, Vec<&Error>) {
        let mut errors: Vec<&Error> = self.dirs.values().flat_map(|dir| &dir.content.errors).collect();
        let mut collisions = Vec::new();
        for file in self.dirs.values().flat_map(|dir| &dir.content.files) {
            match &file.found {
                Found::Failed(e) => errors.push(e),
                Found::Several(several) => collisions.push(&several.1),
                Found::One(_) => {}
            }
        }
        (errors, collisions)
    }
}

/// The entries of the index cache file that decode, keyed as the warm
/// index keys them; untrusted ones are read again by the first refresh.
fn seed(local_dir: &Path, rules: &FileRules) -> Option<WarmIndex> {
    let (_, mapped) = scan::open_cache(local_dir, <SummaryIndex<'_> as CacheKind>::FILE_NAME, rules.lang);
    let mapped = mapped?;
    let index = Index::parse(&mapped, <SummaryIndex<'_> as CacheKind>::MAGIC, rules.max_bytes)?;
    let mut seeded = WarmIndex::default();
    for (key, dir) in &index.dirs {
        let Some(records) = dir.file_records(index.payloads) else { continue };
        let dir: Arc<Path> = Arc::from(Path::new(key));
        let files = records.iter().filter_map(|record| {
            let id = placement::expected_id(key, record.name, rules.ids)?;
            if codec::checksum(record.payload) != record.payload_sum {
                return None;
            }
            Some(Arc::new(WarmFile {
                dir: Arc::clone(&dir),
                name: OsStr::new(record.name).into(),
                stamp: Some(record.stamp),
                trusted: record.stamp.changed_ns() < index.trusted_before_ns,
                found: Found::One(Summary::decoded(record.payload, id)?),
            }))
        });
        let mut files: Vec<_> = files.collect();
        // Copied out: the cache file's pages need not stay in memory.
        scan::release(&mapped, &records);
        files.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        let content = Arc::new(WarmDir { files, ..WarmDir::default() });
        seeded.dirs.insert(dir, DirState { content, refreshed: None });
    }
    Some(seeded)
}

struct Walker<'w> {
    old: &'w WarmIndex,
    root: &'w Path,
    rules: &'w FileRules<'w>,
    trust_before_ns: i64,
}

/// What one entry of a directory gave.
enum Walked {
    File(Arc<WarmFile>),
    Error(Error),
    Dir(Box<OsStr>),
}

/// `tickets/`, below the store root.
fn top() -> Arc<Path> {
    Arc::from(Path::new(TICKETS_DIR))
}

impl Walker<'_> {
    /// The directory `dir` (below the root) listed, or its listing taken
    /// over while its stamp holds, and its files checked in parallel.
    fn dir(&self, dir: &Arc<Path>) -> WarmDir {
        let path = self.root.join(&**dir);
        let fd = match self.open(dir) {
            Ok(Some(fd)) => fd,
            // Gone: its parent's next listing drops it.
            Ok(None) => return WarmDir::default(),
            Err(e) => return WarmDir { errors: vec![e], ..WarmDir::default() },
        };
        let stamp = fd.stamp().ok();
        let old = self.old.dirs.get(dir).map(|state| &*state.content);
        let unchanged = old.filter(|old| {
            old.complete && old.trusted && old.stamp.zip(stamp).is_some_and(|(old, now)| old.same_dir(&now))
        });
        let (walked, complete) = match unchanged {
            Some(old) => (self.unchanged_dir(&fd, dir, old), true),
            None => match fd.list() {
                Ok(listed) => {
                    let complete = listed.iter().all(|e| match e.kind {
                        EntryKind::File => walk::is_ticket_name(&e.name),
                        EntryKind::Dir => !walk::is_ticket_name(&e.name),
                        _ => false,
                    });
                    (self.listed_dir(&fd, dir, old, &listed), complete)
                }
                Err(e) => return WarmDir { errors: vec![Error::io("read", path, e)], ..WarmDir::default() },
            },
        };
        let mut here = WarmDir {
            stamp,
            trusted: stamp.is_some_and(|s| s.changed_ns() < self.trust_before_ns),
            complete,
            ..WarmDir::default()
        };
        for item in walked {
            match item {
                Walked::File(file) => here.files.push(file),
                Walked::Error(e) => here.errors.push(e),
                Walked::Dir(name) => here.subdirs.push(name),
            }
        }
        here
    }

    /// `dir` opened from `tickets/` down, never through a symbolic link;
    /// `None` if it is not there (a store without tickets, a directory
    /// removed since its parent was listed).
    fn open(&self, dir: &Path) -> Result<Option<DirFd>, Error> {
        let top = self.root.join(TICKETS_DIR);
        // Opening `tickets/` refuses a symlink in its place; this names the
        // link (or a symlinked parent) in the error.
        file::check_inside(self.root, &top.join("x"))?;
        let gone = |e: &std::io::Error| e.kind() == std::io::ErrorKind::NotFound;
        let mut fd = match DirFd::open(&top) {
            Ok(fd) => fd,
            Err(e) if gone(&e) => return Ok(None),
            Err(e) => return Err(Error::io("read", top, e)),
        };
        for name in dir.strip_prefix(TICKETS_DIR).unwrap_or(dir).iter() {
            fd = match fd.open_child(name) {
                Ok(fd) => fd,
                Err(e) if gone(&e) => return Ok(None),
                Err(e) => return Err(Error::io("read", self.root.join(dir), e)),
            };
        }
        Ok(Some(fd))
    }

    /// The entries of a directory unchanged since the last refresh, from
    /// that refresh: its files stat'ed again.
    fn unchanged_dir(&self, fd: &DirFd, dir: &Arc<Path>, old: &WarmDir) -> Vec<Walked> {
        let files = old.files.par_iter().map(|f| Walked::File(self.file(fd, dir, Some(f), &old.files, &f.name)));
        let mut walked: Vec<Walked> = files.collect();
        walked.extend(old.subdirs.iter().map(|name| Walked::Dir(name.clone())));
        walked
    }

    /// The entries of a directory as `listed` now.
    fn listed_dir(&self, fd: &DirFd, dir: &Arc<Path>, old: Option<&WarmDir>, listed: &[Listed<'_>]) -> Vec<Walked> {
        let old = old.map_or(&[][..], |old| old.files.as_slice());
        listed
            .par_iter()
            .enumerate()
            .flat_map_iter(|(at, entry)| {
                let mut walked = Vec::new();
                if walk::is_ticket_name(&entry.name) {
                    walked.push(Walked::File(self.file(fd, dir, old.get(at), old, &entry.name)));
                } else if entry.kind == EntryKind::Symlink {
                    walked.push(Walked::Error(walk::symlink_error(self.root.join(&**dir).join(&entry.name))));
                }
                if entry.kind == EntryKind::Dir {
                    walked.push(Walked::Dir(Box::from(&*entry.name)));
                }
                walked
            })
            .collect()
    }

    /// One ticket file: its old entry if the stamp holds, else read.
    /// `hint`: the old entry at the same place (usually the same file).
    fn file(
        &self,
        fd: &DirFd,
        dir: &Arc<Path>,
        hint: Option<&Arc<WarmFile>>,
        old: &[Arc<WarmFile>],
        name: &OsStr,
    ) -> Arc<WarmFile> {
        let stamp = match fd.stat(name) {
            Ok((EntryKind::File, stamp)) => Some(stamp),
            // Read below, which says what it is instead.
            Ok(_) => None,
            Err(e) => return failed(dir, name, Error::io("read", self.root.join(dir).join(name), e)),
        };
        let before = hint.filter(|f| &*f.name == name).or_else(|| {
            let at = old.binary_search_by(|f| (*f.name).cmp(name)).ok()?;
            old.get(at)
        });
        if let Some(before) = before.filter(|f| f.trusted && stamp.is_some() && f.stamp == stamp) {
            return Arc::clone(before);
        }
        let path = self.root.join(dir).join(name);
        let read = file::read_tickets_in(fd, name, &path, self.rules.max_bytes)
            .and_then(|tickets| placement::check(&tickets, &path, self.root, self.rules.ids).map(|()| tickets));
        let found = match read {
            Ok(tickets) if tickets.len() > 1 => {
                let collision = Error::IdCollision {
                    id: tickets[0].id.clone(),
                    path,
                    uids: tickets.iter().map(|t| t.uid.clone()).collect(),
                };
                Found::Several(Box::new((tickets.iter().map(Summary::of).collect(), collision)))
            }
            Ok(tickets) => Found::One(Summary::of(&tickets[0])),
            Err(e) => Found::Failed(Box::new(e)),
        };
        // The stamp is from before the read: if the file changed meanwhile,
        // the next refresh sees another stamp and reads it again.
        let trusted = stamp.is_some_and(|s| s.changed_ns() < self.trust_before_ns);
        Arc::new(WarmFile { dir: Arc::clone(dir), name: name.into(), stamp, trusted, found })
    }
}

fn failed(dir: &Arc<Path>, name: &OsStr, error: Error) -> Arc<WarmFile> {
    let found = Found::Failed(Box::new(error));
    Arc::new(WarmFile { dir: Arc::clone(dir), name: name.into(), stamp: None, trusted: false, found })
}
