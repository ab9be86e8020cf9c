//! One directory as scanned: what each of its entries gave (an item from
//! the cache or from its file, an error, a subdirectory), what the next
//! cache file needs of it, and its errors in path order.

use std::path::PathBuf;

use super::super::walk::{EntryKind, FileStamp, Listed};
use super::format::{CacheWriter, FileEntry, FileRecord, Index};
use super::item_scan::ScanErrors;
use super::kind::Cacheable;
use crate::error::Error;

/// Small on purpose (items boxed): one per file, 100 000 at a time.
pub(super) enum Outcome<T> {
    /// The old cache's entry (the `usize`-th record of the directory) holds.
    Cached(usize, Option<Box<T>>),
    Read(Option<Box<NewEntry>>, Option<Box<T>>),
    /// A file holding several tickets (an ID collision): never cached, each
    /// ticket kept, the collision reported.
    Several(Box<(Vec<T>, Error)>),
    Failed(Box<Error>),
}

pub(super) struct NewEntry {
    pub name: String,
    pub stamp: FileStamp,
    pub cached: Cacheable,
}

/// What a scan found in one place of a directory, in name order.
pub(super) enum Node<'a, T> {
    /// The file at this position of the directory's listing.
    File(usize, Outcome<T>),
    Dir(Box<DirScan<'a, T>>),
    Error(Box<Error>),
}

/// One directory scanned: what the cache needs of it and what it held.
pub(super) struct DirScan<'a, T> {
    pub path: PathBuf,
    /// `tickets/2026/11`: the directory below the store root, UTF-8;
    /// `None` (never cached) otherwise.
    pub key: Option<String>,
    pub stamp: Option<FileStamp>,
    /// Listed from the cache rather than read from the file system.
    pub from_cache: bool,
    /// Every entry could be recorded (no links, nothing unreadable, UTF-8
    /// names): the next run may list the directory from the cache.
    pub complete: bool,
    pub listed: Vec<Listed<'a>>,
    pub records: Vec<FileRecord<'a>>,
    pub nodes: Vec<Node<'a, T>>,
    /// Exactly as in the old cache and its per-file state dropped
    /// ([`DirScan::compact`]): the next cache file copies its old entry.
    pub compacted: bool,
}

impl<'a, T> DirScan<'a, T> {
    /// Drops the per-file state of a directory that is, by itself (not
    /// counting those below it), exactly as the old cache has it: listed
    /// from the cache, every record still valid, nothing new read. The next
    /// cache file, if one is written, copies its old entry instead; errors,
    /// collisions and subdirectories are kept. So a scan of a million
    /// unchanged files holds no record of each.
    pub fn compact(&mut self, index: Option<&Index>) {
        let old = self.key.as_deref().zip(index).and_then(|(key, index)| index.dirs.get(key));
        let unchanged = self.from_cache
            && old.is_some_and(|old| old.complete == self.complete)
            && !self.nodes.iter().any(|node| matches!(node, Node::File(_, Outcome::Read(Some(_), _))))
            && self.nodes.iter().filter(|node| matches!(node, Node::File(_, Outcome::Cached(..)))).count()
                == self.records.len();
        if unchanged {
            self.nodes.retain(|node| !matches!(node, Node::File(_, Outcome::Cached(..))));
            self.nodes.shrink_to_fit();
            self.records = Vec::new();
            self.listed = Vec::new();
            self.compacted = true;
        }
    }

    /// Whether the cache file should be written again: an entry was read
    /// from its file, one went away, or a directory changed or became old
    /// enough to be listed from the cache.
    pub fn needs_rewrite(&self, index: Option<&Index>, trust_from: i64) -> bool {
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

    /// Moves the errors and collisions into `out`, in path order (the
    /// items went to the scan's sink as they came).
    pub fn collect(self, out: &mut ScanErrors) {
        for node in self.nodes {
            match node {
                Node::File(_, Outcome::Several(several)) => out.collisions.push(several.1),
                Node::File(_, Outcome::Failed(e)) | Node::Error(e) => out.errors.push(*e),
                Node::File(..) => {}
                Node::Dir(dir) => (*dir).collect(out),
            }
        }
    }

    /// Adds the directory and those below it to the new cache file, in
    /// path order: the entries still valid from the old cache and those
    /// just read.
    pub fn write_into<'s>(&'s self, cache: &mut CacheWriter<'s>, index: Option<&'s Index<'a>>) {
        let old = self.key.as_deref().zip(index).and_then(|(key, index)| Some((index, index.dirs.get(key)?)));
        if let (true, Some(key), Some(stamp), Some((index, old))) = (self.compacted, &self.key, &self.stamp, old) {
            let records = old.file_records(index.payloads).unwrap_or_default();
            let files = records.into_iter().map(|r| FileEntry {
                name: r.name,
                stamp: r.stamp,
                filter_at: r.filter_at,
                payload: r.payload,
            });
            cache.add_dir(key, stamp, self.complete, &old.subdirs, files);
        } else if let (Some(key), Some(stamp)) = (&self.key, &self.stamp) {
            let files = self.nodes.iter().filter_map(|node| match node {
                Node::File(_, Outcome::Cached(at, _)) => {
                    let r = &self.records[*at];
                    Some(FileEntry { name: r.name, stamp: r.stamp, filter_at: r.filter_at, payload: r.payload })
                }
                Node::File(_, Outcome::Read(Some(new), _)) => Some(FileEntry {
                    name: new.name.as_str(),
                    stamp: new.stamp,
                    filter_at: new.cached.filter_at,
                    payload: new.cached.payload.as_slice(),
                }),
                _ => None,
            });
            let subdirs: Vec<&str> =
                self.listed.iter().filter(|e| e.kind == EntryKind::Dir).filter_map(|e| e.name.to_str()).collect();
            cache.add_dir(key, stamp, self.complete, &subdirs, files);
        }
        for node in &self.nodes {
            if let Node::Dir(child) = node {
                child.write_into(cache, index);
            }
        }
    }
}
