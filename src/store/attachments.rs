//! Attachment files (spec §3.1): `attachments/YYYY/MM/<ID>/<sha256
//! prefix>-<name>` beside `tickets/`. The file to attach is opened without
//! following a link and without blocking, and only a regular file is read
//! (a FIFO, a device, a directory or a link is refused); the copy is
//! written like a ticket (temp file, fsync, rename, directory fsync) and
//! never over an existing file. The rule of what is attached is
//! `ops::attach`; this is the file work.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset};
use sha2::{Digest, Sha256};

use super::file::{check_inside, create_exclusive};
use super::{Applied, CommitPolicy, Entry, Store};
use crate::error::{Error, Result};
use crate::ops::FileFacts;
use crate::ticket::{Attachment, Event, Ticket, TicketId};

/// The directory of every attachment, beside `tickets/`.
pub const ATTACHMENTS_DIR: &str = "attachments";

/// A file read for attaching: what the rule needs to know, and its bytes.
#[derive(Debug)]
pub struct Source {
    pub facts: FileFacts,
    bytes: Vec<u8>,
}

/// What `check` finds wrong with the attachment files.
#[derive(Debug, Default)]
pub struct AttachmentReport {
    /// A recorded file missing or changed: (path, message). Problems.
    pub problems: Vec<(PathBuf, String)>,
    /// Files no event records. Warnings.
    pub unreferenced: Vec<PathBuf>,
}

/// The lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Opens `path` for reading without following a link in its last
/// component and without waiting on a FIFO, and refuses anything but a
/// regular file.
fn open_regular(path: &Path) -> Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32;
    let file = std::fs::OpenOptions::new().read(true).custom_flags(flags).open(path).map_err(|e| {
        if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
            Error::BadFile { path: path.to_path_buf(), message: "is a symbolic link; attach the file itself".into() }
        } else {
            Error::io("read", path, e)
        }
    })?;
    let meta = file.metadata().map_err(|e| Error::io("read", path, e))?;
    if !meta.is_file() {
        let what = if meta.is_dir() { "a directory" } else { "not a regular file (a FIFO, a device or a socket)" };
        return Err(Error::BadFile {
            path: path.to_path_buf(),
            message: format!("is {what}; only files are attached"),
        });
    }
    Ok(file)
}

/// The bytes of the regular file `path`, refused over `max` bytes
/// (checked on its size first, then on what is read: it may grow).
fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>> {
    let file = open_regular(path)?;
    let over = || {
        Error::invalid(
            format!("{} is over the attachment limit of {max} bytes", path.display()),
            Some("raise [limits] max_attachment_bytes in complaint.toml, or keep large media elsewhere and note where"),
        )
    };
    if file.metadata().map_err(|e| Error::io("read", path, e))?.len() > max {
        return Err(over());
    }
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| Error::io("read", path, e))?;
    if bytes.len() as u64 > max {
        return Err(over());
    }
    Ok(bytes)
}

/// The SHA-256 and size of the regular file `path`, read in pieces (an
/// attachment of any size is verified without holding it in memory).
fn hash_file(path: &Path) -> Result<(String, u64)> {
    let mut file = open_regular(path)?;
    let mut hasher = Sha256::new();
    let bytes = std::io::copy(&mut file, &mut hasher).map_err(|e| Error::io("read", path, e))?;
    Ok((hasher.finalize().iter().map(|b| format!("{b:02x}")).collect(), bytes))
}

impl Store {
    /// Reads the file to attach at `path` (see the module's rules).
    pub fn read_attachment(&self, path: &Path) -> Result<Source> {
        let bytes = read_capped(path, self.config().limits.max_attachment_bytes)?;
        let original_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let facts = FileFacts { original_name, bytes: bytes.len() as u64, sha256: sha256_hex(&bytes) };
        Ok(Source { facts, bytes })
    }

    /// A file uploaded as `name` with `bytes` (the web desk's upload),
    /// refused over `[limits] max_attachment_bytes` like a file read.
    pub fn uploaded_attachment(&self, name: &str, bytes: Vec<u8>) -> Result<Source> {
        crate::ops::check_size(name, bytes.len() as u64, self.config())?;
        let facts =
            FileFacts { original_name: name.to_string(), bytes: bytes.len() as u64, sha256: sha256_hex(&bytes) };
        Ok(Source { facts, bytes })
    }

    /// `attachments/YYYY/MM/<ID>/`, YYYY/MM those of the ticket's ID.
    pub fn attachment_dir(&self, id: &TicketId) -> PathBuf {
        let date = id.date();
        self.root()
            .join(ATTACHMENTS_DIR)
            .join(format!("{:04}", date.year()))
            .join(format!("{:02}", date.month()))
            .join(id.to_string())
    }

    /// Where the file of `attachment` of ticket `id` is.
    pub fn attachment_path(&self, id: &TicketId, attachment: &Attachment) -> PathBuf {
        self.attachment_dir(id).join(attachment.file_name())
    }

    /// Applies `op` (an `attach`) like [`Store::apply`], writing the copy
    /// of `source` under the lock before the event is saved and committing
    /// both together.
    pub fn attach(
        &self,
        id: &TicketId,
        policy: CommitPolicy,
        clock: impl FnOnce() -> Result<DateTime<FixedOffset>>,
        source: &Source,
        op: impl FnOnce(&mut Ticket, DateTime<FixedOffset>) -> Result<Option<Entry>>,
    ) -> Result<Applied> {
        self.apply_writing(id, policy, clock, op, |ticket, event| self.write_copy(ticket, event, source))
    }

    fn write_copy(&self, ticket: &Ticket, event: &Event, source: &Source) -> Result<Vec<PathBuf>> {
        let Some(attachment) = &event.attachment else { return Ok(Vec::new()) };
        let path = self.attachment_path(&self.parse_id(&ticket.id)?, attachment);
        check_inside(self.root(), &path)?;
        match std::fs::symlink_metadata(&path) {
            Ok(_) => {
                // A copy left by an attach whose event was never saved: the
                // same content is kept, anything else is never overwritten.
                if hash_file(&path).is_ok_and(|(sha256, _)| sha256 == attachment.sha256) {
                    return Ok(vec![path]);
                }
                Err(Error::BadFile {
                    path,
                    message: "exists with other content; the store never overwrites an attachment".into(),
                })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                create_exclusive(&path, &source.bytes)?;
                Ok(vec![path])
            }
            Err(e) => Err(Error::io("read", path, e)),
        }
    }

    /// Verifies every recorded attachment of `tickets` (present, same
    /// hash) and lists the files under `attachments/` that none records.
    pub fn check_attachments<'t>(&self, tickets: impl Iterator<Item = &'t Ticket>) -> AttachmentReport {
        let mut report = AttachmentReport::default();
        let mut referenced = BTreeSet::new();
        for ticket in tickets {
            let Ok(id) = self.parse_id(&ticket.id) else { continue };
            for a in ticket.history.iter().filter_map(|e| e.attachment.as_ref()) {
                let path = self.attachment_path(&id, a);
                if let Some(message) = verify(&path, a) {
                    report.problems.push((path.clone(), message));
                }
                referenced.insert(path);
            }
        }
        let mut files = Vec::new();
        list_files(&self.root().join(ATTACHMENTS_DIR), &mut files);
        report.unreferenced = files.into_iter().filter(|f| !referenced.contains(f)).collect();
        report
    }
}

/// What is wrong with the file of `a` at `path`, if anything.
fn verify(path: &Path, a: &Attachment) -> Option<String> {
    if std::fs::symlink_metadata(path).is_err() {
        return Some(format!(
            "attachment {} recorded (sha256 {}) but its file is missing",
            a.name,
            &a.sha256[..12.min(a.sha256.len())]
        ));
    }
    match hash_file(path) {
        Ok((sha256, _)) if sha256 == a.sha256 => None,
        Ok((sha256, bytes)) => Some(format!(
            "attachment {} changed: recorded sha256 {} ({} bytes), the file has {sha256} ({bytes} bytes)",
            a.name, a.sha256, a.bytes
        )),
        Err(e) => Some(format!("attachment {} cannot be verified: {e}", a.name)),
    }
}

/// Every entry under `dir` that is not a directory (a link is listed, not
/// followed).
fn list_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        match entry.file_type() {
            Ok(t) if t.is_dir() => list_files(&entry.path(), out),
            _ => out.push(entry.path()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_text() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
