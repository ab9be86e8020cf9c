//! The index kept warm in memory by a long-running process (`complaint
//! serve`, spec §11): the summary and search text of every ticket file,
//! with the stamp it was read at. A refresh goes a directory at a time
//! ([`WarmIndex::with_dir_refreshed`]): the directory listed again unless its
//! own stamp holds, each file stat'ed, an entry taken over only by the rules
//! of the cache file (spec §9: same stamp, and the file last changed well
//! before the entry was read), everything else read again. So a CLI change,
//! a `git pull` or a hand edit shows once its directory is refreshed, and a
//! refresh of an unchanged directory reads no file and allocates almost
//! nothing: entries are shared (`Arc`) between the old index and the new.
//!
//! A new warm index starts from the entries of `.complaint/index` (then
//! refreshed like any other), so a server starts in the time of one cached
//! scan, not of parsing every file; it never writes that file.
//!
//! Memory: an open ticket's summary is kept decoded, since most queries
//! (the queue of open work, the overdue board) look at every one; a closed
//! one (nine in ten of a year-old store) stays in the cache's compact
//! encoding with its status and settled time beside it, and is decoded
//! only by a query that may want it. A server holding 100 000 tickets stays
//! under 90 MiB resident.
//!
//! Split by idea: this file the index, its directories and queries;
//! `dir.rs` one directory and its remembered hits; `summary.rs` what is kept
//! of one file; `walker.rs` a directory's refresh.

mod dir;
mod summary;
mod walker;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use super::super::TICKETS_DIR;
use super::super::codec;
use super::super::placement::{self, FileRules};
use super::format::{Index, trust_limit};
use super::kind::CacheKind;
use super::scan;
use super::summaries::SummaryIndex;
use crate::error::Error;
use crate::ticket::IndexEntry;

use dir::WarmDir;
pub use summary::WarmQuery;
use summary::{Found, Summary, WarmFile};
use walker::{Walker, top};

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
        let old = self.dirs.get(dir).map(|state| &state.content);
        let walker = Walker { old: old.map(|old| &**old), root, rules, trust_before_ns: trust_limit(started_s) };
        let here = walker.dir(dir);
        let mut next = self.clone();
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
