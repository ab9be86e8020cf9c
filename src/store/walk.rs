//! Finding the ticket files under `tickets/`, with one `stat` each.
//!
//! Directories are opened without following links and every file is
//! stat'ed relative to its open directory (`fstatat`), so a 100 000-file
//! store costs one cheap syscall per file and no path walks from the root.
//! The cache module drives the same primitives itself ([`DirFd`]), so that
//! it can list a directory from its cache when the directory is unchanged.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustix::fs::{AtFlags, CWD, Dir, FileType, Mode, OFlags, Stat};

use crate::error::Error;

/// What identifies one version of a file for the cache: if all four are
/// unchanged, so are the contents (ctime cannot be set back by `touch` or
/// `git checkout`, unlike mtime). For a directory, the same fields tell
/// whether its list of entries may have changed (`size` is not compared).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
    pub inode: u64,
}

impl FileStamp {
    /// The latest change the stamp records.
    pub fn changed_ns(&self) -> i64 {
        self.mtime_ns.max(self.ctime_ns)
    }

    /// Same directory, same entries (its size is that of its own blocks).
    pub fn same_dir(&self, other: &FileStamp) -> bool {
        (self.mtime_ns, self.ctime_ns, self.inode) == (other.mtime_ns, other.ctime_ns, other.inode)
    }
}

/// The stamp of the file at `path` (following a link, as opening it would).
pub fn stamp_of(path: &Path) -> std::io::Result<FileStamp> {
    Ok(stamp(&rustix::fs::stat(path)?))
}

/// What a directory entry is, without following links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
    Symlink,
    Other,
}

/// One entry of a directory listing (borrowing its name from the cache
/// when the listing comes from there).
#[derive(Debug, Clone)]
pub struct Listed<'a> {
    pub name: Cow<'a, OsStr>,
    pub kind: EntryKind,
}

/// What opening a file the walk found gave.
#[derive(Debug)]
pub enum Opened {
    Bytes(Vec<u8>),
    Symlink,
    NotFile,
    /// Its size, over the limit: not read.
    TooBig(u64),
}

/// `*.yaml`, not hidden (temp files of writers are hidden).
pub fn is_ticket_name(name: &OsStr) -> bool {
    let name = name.to_str().unwrap_or("");
    name.ends_with(".yaml") && !name.starts_with('.')
}

/// The error for a symbolic link found while walking: a symlinked year or
/// month directory is not descended into, and the walk says so rather than
/// skip its tickets silently.
pub fn symlink_error(path: PathBuf) -> Error {
    Error::BadFile { path, message: "is a symbolic link; the store never follows links out of itself".into() }
}

const NS: i64 = 1_000_000_000;

/// An open directory, never reached through a symbolic link; its entries
/// are read and stat'ed with `getdents`, `fstatat` and `openat` relative to
/// it (rustix: the tool runs on Unix systems, as it relies on file modes and
/// inode numbers too).
pub struct DirFd {
    fd: OwnedFd,
}

// The field types of `stat` differ between platforms: the casts are
// no-ops on some only.
#[allow(clippy::unnecessary_cast)]
fn stamp(st: &Stat) -> FileStamp {
    FileStamp {
        size: st.st_size as u64,
        mtime_ns: (st.st_mtime as i64).saturating_mul(NS).saturating_add(st.st_mtime_nsec as i64),
        ctime_ns: (st.st_ctime as i64).saturating_mul(NS).saturating_add(st.st_ctime_nsec as i64),
        inode: st.st_ino as u64,
    }
}

fn kind(file_type: FileType) -> EntryKind {
    match file_type {
        FileType::RegularFile => EntryKind::File,
        FileType::Directory => EntryKind::Dir,
        FileType::Symlink => EntryKind::Symlink,
        _ => EntryKind::Other,
    }
}

const DIR_FLAGS: OFlags = OFlags::RDONLY.union(OFlags::DIRECTORY).union(OFlags::NOFOLLOW).union(OFlags::CLOEXEC);

impl DirFd {
    /// Opens `path`; fails if its last component is a symbolic link.
    pub fn open(path: &Path) -> std::io::Result<DirFd> {
        Ok(DirFd { fd: rustix::fs::openat(CWD, path, DIR_FLAGS, Mode::empty())? })
    }

    /// Opens the subdirectory `name`; fails if it is a symbolic link.
    pub fn open_child(&self, name: &OsStr) -> std::io::Result<DirFd> {
        Ok(DirFd { fd: rustix::fs::openat(&self.fd, name, DIR_FLAGS, Mode::empty())? })
    }

    /// The directory's own stamp, of the directory actually open.
    pub fn stamp(&self) -> std::io::Result<FileStamp> {
        Ok(stamp(&rustix::fs::fstat(&self.fd)?))
    }

    /// Every entry but `.` and `..`, sorted by name (bytes).
    pub fn list(&self) -> std::io::Result<Vec<Listed<'static>>> {
        let mut listed = Vec::new();
        for entry in Dir::read_from(&self.fd)? {
            let entry = entry?;
            let name = entry.file_name().to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            let name = OsStr::from_bytes(name);
            let kind = match entry.file_type() {
                // Some file systems do not fill in the type: ask.
                FileType::Unknown => self.stat(name).map_or(EntryKind::Other, |(kind, _)| kind),
                known => kind(known),
            };
            listed.push(Listed { name: Cow::Owned(name.to_os_string()), kind });
        }
        listed.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        Ok(listed)
    }

    /// What `name` is and its stamp, without following a link.
    pub fn stat(&self, name: &OsStr) -> std::io::Result<(EntryKind, FileStamp)> {
        let st = rustix::fs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW)?;
        Ok((kind(FileType::from_raw_mode(st.st_mode)), stamp(&st)))
    }

    /// The bytes of the regular file `name`, without following a link
    /// and refusing anything over `max_bytes` before reading it (and by
    /// reading at most one byte more, should it grow meanwhile).
    pub fn read(&self, name: &OsStr, max_bytes: u64) -> std::io::Result<Opened> {
        // NONBLOCK: a FIFO put in the file's place must not hang the scan.
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NOCTTY | OFlags::NONBLOCK;
        let fd = match rustix::fs::openat(&self.fd, name, flags, Mode::empty()) {
            Ok(fd) => fd,
            Err(rustix::io::Errno::LOOP) => return Ok(Opened::Symlink),
            Err(e) => return Err(e.into()),
        };
        let st = rustix::fs::fstat(&fd)?;
        if FileType::from_raw_mode(st.st_mode) != FileType::RegularFile {
            return Ok(Opened::NotFile);
        }
        let size = st.st_size as u64;
        if size > max_bytes {
            return Ok(Opened::TooBig(size));
        }
        let mut bytes = Vec::with_capacity(size as usize + 1);
        std::fs::File::from(fd).take(max_bytes + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > max_bytes {
            return Ok(Opened::TooBig(bytes.len() as u64));
        }
        Ok(Opened::Bytes(bytes))
    }
}

/// The files visited (path and what `visit` gave) and the errors met.
pub type Visited<R> = (Vec<(PathBuf, R)>, Vec<Error>);

/// `visit` of every `*.yaml` (not hidden) below `dir`, at any depth, in
/// path order (each directory sorted by name, depth first), files and
/// directories in parallel. `visit` gets the file's open directory, its
/// name and its path. Symlinks are visited but never followed (reading
/// one reports why); a symlinked directory is an error.
pub fn visit_files<R: Send>(dir: &Path, visit: &(dyn Fn(&DirFd, &OsStr, &Path) -> R + Sync)) -> Visited<R> {
    match DirFd::open(dir) {
        Ok(fd) => visit_dir(&fd, dir, visit),
        Err(e) => (Vec::new(), vec![Error::io("read", dir, e)]),
    }
}

fn visit_dir<R: Send>(fd: &DirFd, dir: &Path, visit: &(dyn Fn(&DirFd, &OsStr, &Path) -> R + Sync)) -> Visited<R> {
    let listed = match fd.list() {
        Ok(listed) => listed,
        Err(e) => return (Vec::new(), vec![Error::io("read", dir, e)]),
    };
    let nested: Vec<Visited<R>> = listed
        .par_iter()
        .map(|entry| {
            let path = dir.join(&entry.name);
            let mut found = (Vec::new(), Vec::new());
            if is_ticket_name(&entry.name) {
                let result = visit(fd, &entry.name, &path);
                found.0.push((path.clone(), result));
            } else if entry.kind == EntryKind::Symlink {
                found.1.push(symlink_error(path.clone()));
            }
            if entry.kind == EntryKind::Dir {
                let (files, errors) = match fd.open_child(&entry.name) {
                    Ok(child) => visit_dir(&child, &path, visit),
                    Err(e) => (Vec::new(), vec![Error::io("read", &path, e)]),
                };
                found.0.extend(files);
                found.1.extend(errors);
            }
            found
        })
        .collect();
    let mut found = (Vec::new(), Vec::new());
    for (files, errors) in nested {
        found.0.extend(files);
        found.1.extend(errors);
    }
    found
}
