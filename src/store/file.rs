//! Reading and writing single ticket files.

use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::ticket::{SCHEMA, Ticket};

/// Reads and parses the tickets of one file: one normally, several after
/// the merge driver kept both sides of an ID collision (spec §8). Refuses
/// symlinks (the store never follows a link out of itself), directories
/// and files over `max_bytes` before parsing them.
pub fn read_tickets(path: &Path, _root: &Path, max_bytes: u64) -> Result<Vec<Ticket>> {
    let bad = |message: String| Error::BadFile { path: path.to_path_buf(), message };
    let meta = std::fs::symlink_metadata(path).map_err(|e| Error::io("read", path, e))?;
    if meta.file_type().is_symlink() {
        return Err(bad("is a symbolic link; ticket files must be regular files inside the store".into()));
    }
    if !meta.is_file() {
        return Err(bad("is not a regular file".into()));
    }
    if meta.len() > max_bytes {
        return Err(bad(format!(
            "file is {} bytes, over the limit of {max_bytes} bytes ([limits] max_file_bytes)",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| bad(format!("not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to())))?;
    parse_tickets(&text, path)
}

/// Parses the YAML documents of a ticket file; `path` is for messages. A
/// file with git's conflict markers gets an error saying how to merge it.
pub fn parse_tickets(text: &str, path: &Path) -> Result<Vec<Ticket>> {
    if has_conflict_markers(text) {
        return Err(Error::ConflictMarkers { path: path.to_path_buf() });
    }
    let mut tickets = Vec::new();
    for document in serde_yaml::Deserializer::from_str(text) {
        let ticket = Ticket::deserialize(document).map_err(|e| yaml_error(&e, path))?;
        if ticket.schema > SCHEMA {
            return Err(Error::BadFile {
                path: path.to_path_buf(),
                message: format!(
                    "written by a newer complaint (schema {}; this one reads up to {SCHEMA})",
                    ticket.schema
                ),
            });
        }
        tickets.push(ticket);
    }
    if tickets.is_empty() {
        return Err(Error::BadFile { path: path.to_path_buf(), message: "holds no ticket".into() });
    }
    Ok(tickets)
}

/// `<<<<<<<`, `=======` and `>>>>>>>` lines left by a text merge.
pub fn has_conflict_markers(text: &str) -> bool {
    let mut lines = text.lines();
    lines.any(|l| l.starts_with("<<<<<<< ") || l == "<<<<<<<")
        && text.lines().any(|l| l.starts_with(">>>>>>> ") || l == ">>>>>>>")
}

/// A YAML error as `path:line:col: message`.
pub fn yaml_error(e: &serde_yaml::Error, path: &Path) -> Error {
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    let message = e.to_string();
    // serde_yaml appends " at line L column C"; the location is already in front.
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    Error::Parse { path: path.to_path_buf(), line, column, message }
}

/// The file text of a ticket: deterministic (same ticket, same bytes).
pub fn to_yaml(ticket: &Ticket) -> Result<String> {
    serde_yaml::to_string(ticket)
        .map_err(|e| Error::invalid(format!("cannot serialise ticket {}: {e}", ticket.id), None))
}

/// The text of a file holding several tickets (an ID collision kept by the
/// merge driver): YAML documents separated by `---`.
pub fn documents_to_yaml(tickets: &[Ticket]) -> Result<String> {
    let texts = tickets.iter().map(to_yaml).collect::<Result<Vec<_>>>()?;
    Ok(texts.join("---\n"))
}

/// Replaces `path` with `contents` so that a crash leaves the old or the
/// new file, never a truncated one.
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    let temp = write_temp(path, contents)?;
    temp.persist(path).map_err(|e| Error::io("replace", path, e.error))?;
    sync_parent(path)
}

/// Writes a new file, failing if `path` exists (another process won the ID).
pub fn create_exclusive(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    let temp = write_temp(path, contents)?;
    temp.persist_noclobber(path).map_err(|e| Error::io("create", path, e.error))?;
    sync_parent(path)
}

fn write_temp(path: &Path, contents: impl AsRef<[u8]>) -> Result<tempfile::NamedTempFile> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
    // A replaced file keeps its mode; a new one is readable like any file
    // git checks out (tempfile would leave it 0600).
    let mode = std::fs::metadata(path).map(|m| m.permissions()).unwrap_or_else(|_| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o644)
    });
    let mut temp = tempfile::Builder::new()
        .prefix(".tmp-")
        .suffix(".part")
        .permissions(mode)
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, e))?;
    temp.write_all(contents.as_ref()).map_err(|e| Error::io("write", temp.path().to_path_buf(), e))?;
    temp.as_file().sync_all().map_err(|e| Error::io("sync", temp.path().to_path_buf(), e))?;
    Ok(temp)
}

fn sync_parent(path: &Path) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::File::open(dir).and_then(|d| d.sync_all()).map_err(|e| Error::io("sync directory", dir, e))
}
