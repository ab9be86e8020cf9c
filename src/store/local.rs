//! `.complaint/`, the local directory of the store lock and the caches,
//! guarded like `tickets/`: never reached through a symbolic link (the
//! caches hold customers' names and phones, which must not be written
//! outside the store), and only regular files opened in it, without
//! blocking (a FIFO put at `.complaint/index` must not hang a command).
//!
//! A symlinked `.complaint` stops every command that takes the store lock
//! (exit 2, with a hint to remove the link); read-only commands run
//! without the cache and say so. A cache file that is not a regular file
//! is neither read nor replaced, with a warning: someone put it there.

use std::fs::File;
use std::io::Write;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use rustix::fs::{AtFlags, CWD, FileType, Mode, OFlags};
use rustix::io::Errno;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::tr;

/// `.complaint/`, open: every file in it is opened relative to this
/// descriptor, so a link put in its place later is never followed.
pub struct LocalDir {
    fd: OwnedFd,
    path: PathBuf,
}

/// Why a file in `.complaint/` was not opened.
#[derive(Debug)]
pub enum Refused {
    Missing,
    /// A link, a FIFO, a device, a directory: an error for the lock, a
    /// warning for a cache.
    NotRegular(Error),
    Io(std::io::Error),
}

const DIR_FLAGS: OFlags = OFlags::RDONLY.union(OFlags::DIRECTORY).union(OFlags::NOFOLLOW).union(OFlags::CLOEXEC);
/// NONBLOCK: opening a FIFO for reading would wait for a writer.
const FILE_FLAGS: OFlags = OFlags::NOFOLLOW.union(OFlags::NONBLOCK).union(OFlags::CLOEXEC).union(OFlags::NOCTTY);

impl LocalDir {
    /// Opens `path` (`.complaint/`): `Ok(None)` if it does not exist,
    /// refused if it is a symbolic link, an I/O error if it is not a
    /// directory.
    pub fn open(path: &Path) -> Result<Option<LocalDir>, Refused> {
        match rustix::fs::openat(CWD, path, DIR_FLAGS, Mode::empty()) {
            Ok(fd) => Ok(Some(LocalDir { fd, path: path.to_path_buf() })),
            Err(Errno::NOENT) => Ok(None),
            Err(Errno::LOOP) => Err(Refused::NotRegular(symlinked_dir(path))),
            Err(Errno::NOTDIR) if path.symlink_metadata().is_ok_and(|m| m.is_symlink()) => {
                Err(Refused::NotRegular(symlinked_dir(path)))
            }
            Err(e) => Err(Refused::Io(e.into())),
        }
    }

    /// [`LocalDir::open`], creating the directory if it does not exist
    /// (`mkdir` never follows a link in its place: it fails instead).
    pub fn create(path: &Path) -> Result<LocalDir> {
        let open = |path: &Path| match LocalDir::open(path) {
            Ok(dir) => Ok(dir),
            Err(refused) => Err(refused.into_error("open directory", path)),
        };
        if let Some(dir) = open(path)? {
            return Ok(dir);
        }
        match std::fs::create_dir(path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::io("create directory", path, e)),
        }
        open(path)?.ok_or_else(|| Refused::Missing.into_error("open directory", path))
    }

    pub fn path_of(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// Opens the regular file `name` without following a link and without
    /// blocking; `create` opens it for writing, creating it if needed.
    pub fn open_regular(&self, name: &str, create: bool) -> Result<File, Refused> {
        let access = if create { OFlags::RDWR | OFlags::CREATE } else { OFlags::RDONLY };
        let path = self.path_of(name);
        // 0644 like any file created here before (only the lock is created).
        let fd = match rustix::fs::openat(&self.fd, name, access | FILE_FLAGS, Mode::from_raw_mode(0o644)) {
            Ok(fd) => fd,
            Err(Errno::NOENT) => return Err(Refused::Missing),
            Err(Errno::LOOP) => return Err(Refused::NotRegular(not_regular(&path, "a symbolic link"))),
            // A FIFO opened for writing with no reader.
            Err(Errno::NXIO) => return Err(Refused::NotRegular(not_regular(&path, "a FIFO"))),
            Err(e) => return Err(Refused::Io(e.into())),
        };
        let file_type =
            rustix::fs::fstat(&fd).map(|st| FileType::from_raw_mode(st.st_mode)).map_err(|e| Refused::Io(e.into()))?;
        match file_type {
            FileType::RegularFile => Ok(File::from(fd)),
            FileType::Fifo => Err(Refused::NotRegular(not_regular(&path, "a FIFO"))),
            FileType::Directory => Err(Refused::NotRegular(not_regular(&path, "a directory"))),
            _ => Err(Refused::NotRegular(not_regular(&path, "a device or socket"))),
        }
    }

    /// Replaces `name` with what `write` writes: a new file (mode 0600: the
    /// caches hold customer data) renamed over it, all relative to this
    /// directory, so that a reader sees the old or the new file.
    pub fn replace(
        &self,
        name: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let temp = self.create_temp(name)?;
        let result = (|| {
            let mut out = std::io::BufWriter::with_capacity(1 << 20, File::from(temp.1));
            write(&mut out)?;
            out.flush()?;
            rustix::fs::renameat(&self.fd, &temp.0, &self.fd, name)?;
            Ok(())
        })();
        if result.is_err() {
            let _ = rustix::fs::unlinkat(&self.fd, &temp.0, AtFlags::empty());
        }
        result
    }

    /// A new file `.<name>-<pid>-<n>` (never an existing one, never a link).
    fn create_temp(&self, name: &str) -> std::io::Result<(String, OwnedFd)> {
        let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | FILE_FLAGS;
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        for attempt in 0..16u32 {
            let temp = format!(".{name}-{}-{}", std::process::id(), nanos.wrapping_add(attempt));
            match rustix::fs::openat(&self.fd, temp.as_str(), flags, Mode::from_raw_mode(0o600)) {
                Ok(fd) => return Ok((temp, fd)),
                Err(Errno::EXIST) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(std::io::ErrorKind::AlreadyExists.into())
    }
}

/// The store lock file, `.complaint/lock`, opened for locking: never
/// through a link, never a FIFO (which would hang), created if needed.
pub fn open_lock_file(local_dir: &Path) -> Result<File> {
    let path = local_dir.join("lock");
    LocalDir::create(local_dir)?
        .open_regular("lock", true)
        .map_err(|refused| refused.into_error("open lock file", &path))
}

impl Refused {
    /// The error to stop a command with (`action` and `path` for an I/O error).
    pub fn into_error(self, action: &'static str, path: &Path) -> Error {
        match self {
            Refused::NotRegular(e) => e,
            Refused::Missing => Error::io(action, path, std::io::ErrorKind::NotFound.into()),
            Refused::Io(e) => Error::io(action, path, e),
        }
    }
}

fn symlinked_dir(path: &Path) -> Error {
    Error::Invalid {
        message: format!(
            "{} is a symbolic link; the store lock and its caches (which hold customer names and phones) are \
             never written outside the store",
            path.display()
        ),
        hint: Some(format!(
            "remove the link (`rm {}`, which leaves its target alone); it is recreated as a directory",
            path.display()
        )),
    }
}

fn not_regular(path: &Path, what: &str) -> Error {
    Error::Invalid {
        message: format!("{} is {what}, not a regular file", path.display()),
        hint: Some(format!(
            "remove it (`rm {}`): the store lock and caches are recreated as regular files",
            path.display()
        )),
    }
}

/// A warning about `.complaint/` on stderr, in the form of the CLI's
/// warnings: the command goes on without the cache.
pub fn warn(e: &Error, lang: Lang) {
    let warning = tr!(lang, "output.warning");
    eprintln!("complaint: {warning}: {}", tr!(lang, "store.without_cache", problem = e.message(lang)));
    if let Some(hint) = e.hint_in(lang) {
        eprintln!("{}: {hint}", tr!(lang, "output.hint"));
    }
}
