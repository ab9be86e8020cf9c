//! One directory of the warm index as last listed, and the hits of recent
//! queries among its files.

use std::ffi::OsStr;
use std::sync::{Arc, Mutex};

use crate::error::Error;
use crate::store::walk::FileStamp;

use super::summary::{WarmFile, WarmQuery};

type Instant = chrono::DateTime<chrono::FixedOffset>;

/// One directory as last listed.
#[derive(Default)]
pub(super) struct WarmDir {
    pub(super) files: Vec<Arc<WarmFile>>,
    /// Its own stamp when listed, trusted as a file's is: while it holds,
    /// no entry was added, removed or renamed, so the next refresh need not
    /// list it again (its files are still stat'ed one by one).
    pub(super) stamp: Option<FileStamp>,
    pub(super) trusted: bool,
    /// It held only ticket files and directories, so `files` and `subdirs`
    /// are its whole listing.
    pub(super) complete: bool,
    pub(super) subdirs: Vec<Box<OsStr>>,
    /// What its listing found wrong: itself unreadable, a symbolic link.
    pub(super) errors: Vec<Error>,
    /// The hits of recent queries, by the key their caller gave.
    pub(super) memo: Mutex<Vec<(String, Arc<[DirHit]>)>>,
}

/// A hit inside one directory, as its memo keeps it: small, and no
/// decoded summary held.
#[derive(Clone, Copy)]
pub(super) struct DirHit {
    pub(super) file: u32,
    pub(super) at: u32,
    pub(super) received_at: Instant,
}

/// Distinct queries a directory remembers the hits of at most.
const MEMO_KEYS: usize = 16;

impl WarmDir {
    /// The hits of `query` among this directory's files, remembered under
    /// `key` (if given) for as long as the directory is unchanged.
    pub(super) fn hits(&self, query: &WarmQuery<'_>, key: Option<&str>) -> Arc<[DirHit]> {
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
    pub(super) fn same_as(&self, new: &WarmDir) -> bool {
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
