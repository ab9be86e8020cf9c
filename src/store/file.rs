//! Reading and writing single ticket files.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::Deserialize;

use super::canonical;
pub use super::parse_error::yaml_error;
use super::walk::{DirFd, Opened};
use crate::error::{Error, Result};
use crate::ticket::{SCHEMA, Ticket};

/// Reads and parses the tickets of one file: one normally, several after
/// the merge driver kept both sides of an ID collision (spec §8). Refuses
/// symlinks (the store never follows a link out of itself), directories
/// and files over `max_bytes` before parsing them: the same open-then-check
/// read as a scan's ([`read_tickets_in`]), from the file's directory.
pub fn read_tickets(path: &Path, root: &Path, max_bytes: u64) -> Result<Vec<Ticket>> {
    check_inside(root, path)?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| not_a_file(path, Opened::NotFile, max_bytes))?;
    let dir = DirFd::open(dir).map_err(|e| Error::io("read", path, e))?;
    read_tickets_in(&dir, name, path, max_bytes)
}

/// [`read_tickets`] of the file `name` a scan found in the open directory
/// `dir` (`path` for messages): opened relative to it without following a
/// link, so no path is walked again and no directory re-checked (the scan
/// opened each one without following links).
pub fn read_tickets_in(dir: &DirFd, name: &OsStr, path: &Path, max_bytes: u64) -> Result<Vec<Ticket>> {
    match dir.read(name, max_bytes).map_err(|e| Error::io("read", path, e))? {
        Opened::Bytes(bytes) => parse_bytes(bytes, path),
        refused => Err(not_a_file(path, refused, max_bytes)),
    }
}

/// Why a file was not read as a ticket file.
fn not_a_file(path: &Path, why: Opened, max_bytes: u64) -> Error {
    let message = match why {
        Opened::Symlink => "is a symbolic link; ticket files must be regular files inside the store".into(),
        Opened::NotFile | Opened::Bytes(_) => "is not a regular file".into(),
        Opened::TooBig(size) => {
            format!("file is {size} bytes, over the limit of {max_bytes} bytes ([limits] max_file_bytes)")
        }
    };
    Error::BadFile { path: path.to_path_buf(), message }
}

fn parse_bytes(bytes: Vec<u8>, path: &Path) -> Result<Vec<Ticket>> {
    let text = String::from_utf8(bytes).map_err(|e| Error::BadFile {
        path: path.to_path_buf(),
        message: format!("not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to()),
    })?;
    parse_tickets(&text, path)
}

/// Parses the YAML documents of a ticket file; `path` is for messages. A
/// file with git's conflict markers gets an error saying how to merge it.
///
/// A file in the form the tool writes is read by the fast
/// [`canonical::parse`]; anything else (and every error) by the full YAML
/// parser, with the same result.
pub fn parse_tickets(text: &str, path: &Path) -> Result<Vec<Ticket>> {
    if has_conflict_markers(text) {
        return Err(Error::ConflictMarkers { path: path.to_path_buf() });
    }
    if let Some(ticket) = canonical::parse(text) {
        check_schema(&ticket, path)?;
        return Ok(vec![ticket]);
    }
    parse_documents(text, path)
}

/// [`parse_tickets`] by the full YAML parser alone, never the fast path:
/// what tests and the fuzz target compare the fast path with.
#[doc(hidden)]
pub fn parse_tickets_full(text: &str, path: &Path) -> Result<Vec<Ticket>> {
    if has_conflict_markers(text) {
        return Err(Error::ConflictMarkers { path: path.to_path_buf() });
    }
    parse_documents(text, path)
}

fn parse_documents(text: &str, path: &Path) -> Result<Vec<Ticket>> {
    let mut tickets = Vec::new();
    for document in serde_yaml::Deserializer::from_str(text) {
        let ticket = Ticket::deserialize(document).map_err(|e| yaml_error(&e, path))?;
        check_schema(&ticket, path)?;
        tickets.push(ticket);
    }
    if tickets.is_empty() {
        return Err(Error::BadFile { path: path.to_path_buf(), message: "holds no ticket".into() });
    }
    Ok(tickets)
}

fn check_schema(ticket: &Ticket, path: &Path) -> Result<()> {
    if ticket.schema > SCHEMA {
        return Err(Error::BadFile {
            path: path.to_path_buf(),
            message: format!("written by a newer complaint (schema {}; this one reads up to {SCHEMA})", ticket.schema),
        });
    }
    Ok(())
}

/// Parses a file that must hold exactly one ticket (an edited copy, a
/// test's snapshot); `path` is for messages.
pub fn parse_ticket(text: &str, path: &Path) -> Result<Ticket> {
    let mut tickets = parse_tickets(text, path)?;
    if tickets.len() > 1 {
        return Err(Error::BadFile {
            path: path.to_path_buf(),
            message: format!("holds {} tickets where one is expected", tickets.len()),
        });
    }
    Ok(tickets.remove(0))
}

/// `<<<<<<<`, `=======` and `>>>>>>>` lines left by a text merge.
pub fn has_conflict_markers(text: &str) -> bool {
    // One substring search rules out nearly every file before the line walk.
    if !text.contains("<<<<<<<") {
        return false;
    }
    let mut lines = text.lines();
    lines.any(|l| l.starts_with("<<<<<<< ") || l == "<<<<<<<")
        && text.lines().any(|l| l.starts_with(">>>>>>> ") || l == ">>>>>>>")
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

/// Refuses a path whose directories below `root` (`tickets/`, the year,
/// the month) include a symbolic link or something that is not a
/// directory: the store never reads or writes through a link out of itself.
/// Directories that do not exist yet are fine (they are created as real ones).
pub fn check_inside(root: &Path, path: &Path) -> Result<()> {
    let Ok(relative) = path.strip_prefix(root) else { return Ok(()) };
    let mut dir = root.to_path_buf();
    let components: Vec<_> = relative.components().collect();
    for component in components.iter().take(components.len().saturating_sub(1)) {
        dir.push(component);
        match std::fs::symlink_metadata(&dir) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(Error::BadFile {
                    path: dir,
                    message: "is a symbolic link; the store never follows links out of itself".into(),
                });
            }
            Ok(meta) if !meta.is_dir() => {
                return Err(Error::BadFile { path: dir, message: "is not a directory".into() });
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(Error::io("read", dir, e)),
        }
    }
    Ok(())
}

/// Temporary files of writers start with this and end with [`TEMP_SUFFIX`];
/// no ticket file can (ticket files are `<ID>.yaml`).
pub const TEMP_PREFIX: &str = ".tmp-";
pub const TEMP_SUFFIX: &str = ".yaml.part";

/// A temp file older than this is from a writer that was killed (a live
/// write takes milliseconds), and writers delete it.
const STALE_TEMP_AGE: Duration = Duration::from_secs(600);

pub fn is_temp_file(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Leftover temp files in `dir` with their age, if any.
pub fn temp_files(dir: &Path) -> Vec<(PathBuf, Duration)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries.flatten().filter_map(|e| temp_file_age(&e)).collect()
}

fn temp_file_age(entry: &std::fs::DirEntry) -> Option<(PathBuf, Duration)> {
    if !entry.file_name().to_str().is_some_and(is_temp_file) {
        return None;
    }
    let modified = entry.metadata().ok()?.modified().ok()?;
    Some((entry.path(), SystemTime::now().duration_since(modified).unwrap_or_default()))
}

/// Deletes the stale temp files of killed writers in `dir`. Best effort:
/// a leftover is harmless (never read as a ticket; `check` notes it).
fn remove_stale_temp_files(dir: &Path) {
    remove_stale(temp_files(dir));
}

fn remove_stale(temp_files: Vec<(PathBuf, Duration)>) {
    for (path, age) in temp_files {
        if age >= STALE_TEMP_AGE {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The names of the entries of `dir` (none if it does not exist yet),
/// deleting the stale temp files of killed writers on the way: one listing
/// serves both `new`'s next sequence number and [`create_exclusive`]'s
/// sweep (a month directory may hold tens of thousands of files).
pub fn list_and_sweep(dir: &Path) -> Result<Vec<std::ffi::OsString>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("read directory", dir, e)),
    };
    let mut names = Vec::new();
    let mut temps = Vec::new();
    for entry in entries.flatten() {
        temps.extend(temp_file_age(&entry));
        names.push(entry.file_name());
    }
    remove_stale(temps);
    Ok(names)
}

/// Replaces `path` with `contents` so that a crash leaves the old or the
/// new file, never a truncated one.
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    let temp = write_temp(path, contents, true)?;
    temp.persist(path).map_err(|e| Error::io("replace", path, e.error))?;
    sync_parent(path)
}

/// Writes a new file, failing if `path` exists (another process won the ID).
/// The caller has swept the directory's stale temp files
/// ([`list_and_sweep`]).
pub fn create_exclusive(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    let temp = write_temp(path, contents, false)?;
    temp.persist_noclobber(path).map_err(|e| Error::io("create", path, e.error))?;
    sync_parent(path)
}

fn write_temp(path: &Path, contents: impl AsRef<[u8]>, sweep: bool) -> Result<tempfile::NamedTempFile> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
    // A replaced file keeps its mode; a new one is readable like any file
    // git checks out (tempfile would leave it 0600).
    let mode = std::fs::metadata(path).map(|m| m.permissions()).unwrap_or_else(|_| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o644)
    });
    if sweep {
        remove_stale_temp_files(dir);
    }
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::{Action, Customer, Event, NoteKind};
    use chrono::{DateTime, FixedOffset, TimeZone};
    use proptest::prelude::*;

    fn instant(seconds: i64, offset_hours: i32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(offset_hours * 3600).unwrap().timestamp_opt(1_700_000_000 + seconds, 0).unwrap()
    }

    /// Text as users type it, plus what YAML would read as another type.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,24}",
            "[ \\n#:'\"\\-?{}\\[\\],&*!|>%@`a-z0-9张三]{0,16}",
            Just("yes".to_string()),
            Just("null".to_string()),
            Just("~".to_string()),
            Just("0x1F".to_string()),
            Just("1e3".to_string()),
            Just("2026-11-23".to_string()),
            Just(" 前后空格 ".to_string()),
            Just("多行\n描述\n".to_string()),
        ]
    }

    prop_compose! {
        fn ticket()(
            name in text(), contact in text(), product in proptest::option::of(text()), summary in text(),
            description in proptest::option::of(text()), notes in proptest::collection::vec((text(), 0i64..100_000), 0..6),
            received in 0i64..1_000_000, offset in -12i32..14,
        ) -> Ticket {
            let received_at = instant(received, offset);
            let mut created = Event::new(received_at, &name, Action::Created);
            created.severity = Some("general".into());
            let customer = Customer::new(&name, &contact, None);
            let mut ticket =
                Ticket::new("CP20261123001", "01JDXQ3M5Q6Z3Y0K8N4V2T7B9C", received_at, "phone", customer, &summary, created);
            ticket.product = product;
            ticket.description = description;
            let mut at = received;
            for (note, step) in notes {
                at += step;
                let mut event = Event::new(instant(at, 8), "li", Action::Note);
                event.kind = Some(NoteKind::Progress);
                event.note = Some(note);
                ticket.record(event);
            }
            ticket
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// What is written reads back as the same ticket, and writing that
        /// gives the same bytes (deterministic files).
        #[test]
        fn serialise_then_parse_is_the_identity(ticket in ticket()) {
            let text = to_yaml(&ticket).unwrap();
            let parsed = parse_ticket(&text, Path::new("t.yaml")).unwrap();
            prop_assert_eq!(&parsed, &ticket, "{}", text);
            prop_assert_eq!(to_yaml(&parsed).unwrap(), text);
        }
    }

    #[test]
    fn temp_files_are_recognised_and_never_tickets() {
        assert!(is_temp_file(".tmp-Ab12Cd.yaml.part"));
        assert!(!is_temp_file("CP20261123001.yaml"));
        assert!(!is_temp_file(".tmp-x.yaml"));
    }
}
