//! Finding the ticket files under `tickets/`, with one `stat` each.
//!
//! Directories are read in parallel; each file is stat'ed relative to its
//! open directory (`DirEntry::metadata`, an `fstatat` without following
//! links), so a 100 000-file store costs one cheap syscall per file.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;

/// What identifies one version of a file for the cache: if all four are
/// unchanged, so are the contents (ctime cannot be set back by `touch` or
/// `git checkout`, unlike mtime).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
    pub inode: u64,
}

impl FileStamp {
    #[cfg(unix)]
    fn of(meta: &std::fs::Metadata) -> Option<FileStamp> {
        use std::os::unix::fs::MetadataExt;
        Some(FileStamp {
            size: meta.size(),
            mtime_ns: meta.mtime().saturating_mul(1_000_000_000).saturating_add(meta.mtime_nsec()),
            ctime_ns: meta.ctime().saturating_mul(1_000_000_000).saturating_add(meta.ctime_nsec()),
            inode: meta.ino(),
        })
    }

    /// Without inode and ctime a stamp proves too little: never cache.
    #[cfg(not(unix))]
    fn of(_meta: &std::fs::Metadata) -> Option<FileStamp> {
        None
    }

    /// The latest change the stamp records.
    pub fn changed_ns(&self) -> i64 {
        self.mtime_ns.max(self.ctime_ns)
    }
}

/// A candidate ticket file. `stamp` is `None` for anything but a regular
/// file (a symlink, a directory named `*.yaml`): reading it reports why.
#[derive(Debug)]
pub struct Found {
    pub path: PathBuf,
    pub stamp: Option<FileStamp>,
}

/// Every `*.yaml` (not hidden) below `dir`, at any depth, in path order
/// (each directory sorted by name, depth first: no path comparisons).
/// Symlinks are listed but never followed.
pub fn walk(dir: &Path) -> (Vec<Found>, Vec<Error>) {
    walk_dir(dir)
}

fn walk_dir(dir: &Path) -> (Vec<Found>, Vec<Error>) {
    let mut errors = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return (Vec::new(), vec![Error::io("read", dir, e)]),
    };
    let mut listed = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(Error::io("read", dir, e));
                continue;
            }
        };
        match entry.file_type() {
            Ok(file_type) => listed.push((entry.file_name(), file_type, entry)),
            Err(e) => errors.push(Error::io("read", entry.path(), e)),
        }
    }
    listed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let nested: Vec<Option<(Vec<Found>, Vec<Error>)>> =
        listed.par_iter().map(|(_, file_type, entry)| file_type.is_dir().then(|| walk_dir(&entry.path()))).collect();
    let mut found = Vec::new();
    for ((name, file_type, entry), nested) in listed.into_iter().zip(nested) {
        if is_ticket_name(&name) {
            let stamp = if file_type.is_file() { entry.metadata().ok().and_then(|m| FileStamp::of(&m)) } else { None };
            found.push(Found { path: entry.path(), stamp });
        } else if file_type.is_symlink() {
            // A symlinked year or month directory is not descended into:
            // say so rather than skip its tickets silently.
            errors.push(Error::BadFile {
                path: entry.path(),
                message: "is a symbolic link; the store never follows links out of itself".into(),
            });
        }
        if let Some((f, e)) = nested {
            found.extend(f);
            errors.extend(e);
        }
    }
    (found, errors)
}

fn is_ticket_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_str().unwrap_or("");
    name.ends_with(".yaml") && !name.starts_with('.')
}

/// `Found` entries turned into paths only, for callers that read everything.
pub fn paths(dir: &Path) -> (Vec<PathBuf>, Vec<Error>) {
    let (found, errors) = walk(dir);
    (found.into_iter().map(|f| f.path).collect(), errors)
}
