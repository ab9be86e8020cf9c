//! One directory's refresh: listed (or its listing taken over), each
//! file stat'ed, its entry taken over or the file read again.

use std::ffi::OsStr;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::error::Error;
use crate::store::placement::{self, FileRules};
use crate::store::walk::{self, DirFd, EntryKind, Listed};
use crate::store::{TICKETS_DIR, file};

use super::dir::WarmDir;
use super::summary::{Found, Summary, WarmFile};

/// One refresh's view: the index before it and the trust limit of its
/// start.
pub(super) struct Walker<'w> {
    /// The directory as the last refresh left it, if it had one.
    pub(super) old: Option<&'w WarmDir>,
    pub(super) root: &'w Path,
    pub(super) rules: &'w FileRules<'w>,
    pub(super) trust_before_ns: i64,
}

/// What one entry of a directory gave.
enum Walked {
    File(Arc<WarmFile>),
    Error(Error),
    Dir(Box<OsStr>),
}

/// `tickets/`, below the store root.
pub(super) fn top() -> Arc<Path> {
    Arc::from(Path::new(TICKETS_DIR))
}

impl Walker<'_> {
    /// The directory `dir` (below the root) listed, or its listing taken
    /// over while its stamp holds, and its files checked in parallel.
    pub(super) fn dir(&self, dir: &Arc<Path>) -> WarmDir {
        let path = self.root.join(&**dir);
        let fd = match self.open(dir) {
            Ok(Some(fd)) => fd,
            // Gone: its parent's next listing drops it.
            Ok(None) => return WarmDir::default(),
            Err(e) => return WarmDir { errors: vec![e], ..WarmDir::default() },
        };
        let stamp = fd.stamp().ok();
        let old = self.old;
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
        let found = match placement::read_placed(fd, name, &path, self.root, self.rules) {
            Ok((tickets, Some(collision))) => {
                Found::Several(Box::new((tickets.iter().map(Summary::of).collect(), collision)))
            }
            Ok((tickets, None)) => Found::One(Summary::of(&tickets[0])),
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
