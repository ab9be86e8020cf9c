//! `import`'s all-or-nothing write: tickets staged under
//! `.complaint/import/`, committed by one rename, then linked into place.
//!
//! Under the store lock, an import
//! 1. writes every ticket and a journal (the source, each planned ID and
//!    uid) to `.complaint/import/<ULID>.part/`, each file synced, then the
//!    directory;
//! 2. renames it to `<ULID>/`: the commit point, from which the import is
//!    only ever finished, never undone;
//! 3. hard-links each staged file to its place under `tickets/`, never over
//!    an existing file, and syncs the month directories;
//! 4. (the caller prints the IDs) renames the staging to `<ULID>.done/` and
//!    deletes it.
//!
//! A kill leaves a `.part` staging (nothing was imported: it is deleted),
//! a committed one (some tickets in place: the rest are placed, a ticket
//! already in place being known by its uid) or a `.done` one (everything
//! in place: it is deleted). The next `import` or `check --fix` does this;
//! `check` reports each. Staged files are never the only copy of a ticket
//! in the store: they are deleted only after every ticket is in place.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::fold::sync_dir;
use super::{LOCAL_DIR, Store, StoreLock, file};
use crate::error::{Error, Result};
use crate::ticket::{Ticket, TicketId};

const IMPORT_DIR: &str = "import";
const JOURNAL: &str = "journal";
const JOURNAL_HEADER: &str = "complaint import journal 1";
/// The CSV bytes and the column mapping: what makes a rerun "the same import".
const SOURCE: &str = "source";
const PART: &str = ".part";
/// A journal line per ticket: far more than any import.
const JOURNAL_MAX_BYTES: u64 = 64 << 20;
const DONE: &str = ".done";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportState {
    /// Still being written when it stopped: nothing of it was imported.
    Uncommitted,
    /// Committed: its tickets are placed, or are to be.
    Committed,
    /// Every ticket was placed; only the staging is left.
    Done,
}

/// A staged import, in progress or left by a killed `import`.
#[derive(Debug)]
pub struct PendingImport {
    dir: PathBuf,
    pub state: ImportState,
    /// The source file as the user named it (control characters replaced).
    pub label: String,
}

impl PendingImport {
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether it was staged from the same `source` (file and mapping).
    pub fn same_source(&self, source: &[u8]) -> bool {
        read_regular(&self.dir.join(SOURCE), source.len() as u64).is_ok_and(|staged| staged == source)
    }
}

impl Store {
    fn import_dir(&self) -> PathBuf {
        self.root.join(LOCAL_DIR).join(IMPORT_DIR)
    }

    /// The next free ID of each date of `dates`, in order (a date given
    /// twice gets two IDs). The caller holds the lock until they are used.
    pub fn allocate_ids(&self, _held: &StoreLock, dates: &[NaiveDate]) -> Result<Vec<TicketId>> {
        let (prefix, width) = (&self.config.id.prefix, self.config.id.width);
        let mut next: HashMap<NaiveDate, u32> = HashMap::new();
        let mut ids = Vec::with_capacity(dates.len());
        for &date in dates {
            let seq = match next.get(&date) {
                Some(&seq) => seq,
                None => {
                    let month_dir = self.path_of(&TicketId::new(prefix, date, 1, width));
                    let month_dir = month_dir.parent().expect("ticket paths have a directory");
                    self.highest_seq(month_dir, prefix, date)? + 1
                }
            };
            next.insert(date, seq + 1);
            ids.push(TicketId::new(prefix, date, seq, width));
        }
        Ok(ids)
    }

    /// Steps 1 and 2: stages `tickets` (IDs from [`Store::allocate_ids`])
    /// and commits the staging. On an error nothing is committed and the
    /// staging is deleted.
    pub fn stage_import(
        &self,
        _held: &StoreLock,
        label: &str,
        source: &[u8],
        tickets: &[Ticket],
    ) -> Result<PendingImport> {
        let base = self.import_dir();
        // Refuses a symlinked `.complaint` or `import`: customer data stays inside the store.
        file::check_inside(&self.root, &base.join("x"))?;
        std::fs::create_dir_all(&base).map_err(|e| Error::io("create directory", &base, e))?;
        let token = ulid::Ulid::new().to_string();
        let part = base.join(format!("{token}{PART}"));
        let label = clean_label(label);
        let written = write_staging(&part, &label, source, tickets);
        if let Err(e) = written {
            let _ = std::fs::remove_dir_all(&part);
            return Err(e);
        }
        let dir = base.join(&token);
        std::fs::rename(&part, &dir).map_err(|e| Error::io("rename", &part, e))?;
        sync_dir(&base)?;
        Ok(PendingImport { dir, state: ImportState::Committed, label })
    }

    /// Step 3 for a committed import: places every ticket not yet in place
    /// and returns the IDs they have. Idempotent: a rerun after a kill
    /// finds the tickets already placed by their uid.
    pub fn finish_import(&self, held: &StoreLock, pending: &PendingImport) -> Result<Vec<TicketId>> {
        let (_, entries) = self.read_journal(&pending.dir)?;
        let mut ids = Vec::with_capacity(entries.len());
        let mut dirs = BTreeSet::new();
        for (planned, uid) in entries {
            let staged = pending.dir.join(format!("{planned}.yaml"));
            let id = self.place(held, &staged, &planned, &uid)?;
            dirs.extend(self.path_of(&id).parent().map(Path::to_path_buf));
            ids.push(id);
        }
        for dir in dirs {
            sync_dir(&dir)?;
        }
        Ok(ids)
    }

    /// Step 4, or the removal of a staging left by a kill: a committed one
    /// is first renamed `.done` (so a kill while deleting it never leaves a
    /// half journal).
    pub fn discard_import(&self, _held: &StoreLock, pending: &PendingImport) -> Result<()> {
        let mut dir = pending.dir.clone();
        if pending.state == ImportState::Committed {
            let done = dir.with_file_name(format!("{}{DONE}", file_name(&dir)));
            std::fs::rename(&dir, &done).map_err(|e| Error::io("rename", &dir, e))?;
            sync_dir(&self.import_dir())?;
            dir = done;
        }
        std::fs::remove_dir_all(&dir).map_err(|e| Error::io("remove", &dir, e))?;
        sync_dir(&self.import_dir())
    }

    /// The stagings under `.complaint/import/`, oldest first.
    pub fn pending_imports(&self, _held: &StoreLock) -> Result<Vec<PendingImport>> {
        self.list_stagings()
    }

    fn list_stagings(&self) -> Result<Vec<PendingImport>> {
        let base = self.import_dir();
        file::check_inside(&self.root, &base.join("x"))?;
        let entries = match std::fs::read_dir(&base) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io("read directory", &base, e)),
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            if !entry.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let (token, state) = if let Some(token) = name.strip_suffix(PART) {
                (token, ImportState::Uncommitted)
            } else if let Some(token) = name.strip_suffix(DONE) {
                (token, ImportState::Done)
            } else {
                (name.as_str(), ImportState::Committed)
            };
            if ulid::Ulid::from_string(token).is_err() {
                continue;
            }
            let label = self.read_journal(&entry.path()).map_or_else(|_| "a CSV file".into(), |(label, _)| label);
            found.push(PendingImport { dir: entry.path(), state, label });
        }
        found.sort_by(|a, b| a.dir.cmp(&b.dir));
        Ok(found)
    }

    /// What `check` says about the stagings a killed `import` left, as
    /// (path relative to the root, message). Nothing while another command
    /// holds the store lock (a running import's staging is not a leftover).
    pub fn interrupted_imports(&self) -> Vec<(String, String)> {
        if !self.import_dir().is_dir() {
            return Vec::new();
        }
        let Some(_lock) = try_lock(&self.root.join(LOCAL_DIR).join("lock")) else { return Vec::new() };
        let pending = match self.list_stagings() {
            Ok(pending) => pending,
            Err(e) => return vec![(self.display_path(&self.import_dir()).into(), e.to_string())],
        };
        pending.iter().map(|p| (self.display_path(&p.dir).into(), self.describe(p))).collect()
    }

    fn describe(&self, pending: &PendingImport) -> String {
        let label = &pending.label;
        match pending.state {
            ImportState::Uncommitted => format!(
                "staging of an import of {label} killed before it committed: nothing of it was imported — \
                 run the import again; `complaint check --fix` deletes this"
            ),
            ImportState::Committed => {
                let (placed, total) = self.placed_count(&pending.dir);
                format!(
                    "import of {label} interrupted half-way: {placed} of {total} ticket(s) are in tickets/ — \
                     run `complaint check --fix` or the same import again to finish it"
                )
            }
            ImportState::Done => format!(
                "staging of the finished import of {label} (every ticket is in place) — \
                 `complaint check --fix` deletes it"
            ),
        }
    }

    fn placed_count(&self, dir: &Path) -> (usize, usize) {
        let Ok((_, entries)) = self.read_journal(dir) else { return (0, 0) };
        let placed = entries.iter().filter(|(id, uid)| self.uid_at(&self.path_of(id)).as_deref() == Some(uid)).count();
        (placed, entries.len())
    }

    /// Links one staged ticket to its place, or finds it there already (a
    /// kill after the link); a place taken meanwhile by another ticket (a
    /// `new` after a kill, a `git pull`) gives it the next free ID instead.
    fn place(&self, held: &StoreLock, staged: &Path, planned: &TicketId, uid: &str) -> Result<TicketId> {
        let target = self.path_of(planned);
        file::check_inside(&self.root, &target)?;
        let month_dir = target.parent().expect("ticket paths have a directory");
        std::fs::create_dir_all(month_dir).map_err(|e| Error::io("create directory", month_dir, e))?;
        // Only a regular file is placed (never a link someone put there).
        let bytes = read_regular(staged, self.config.limits.max_file_bytes)?;
        match std::fs::hard_link(staged, &target) {
            Ok(()) => return Ok(planned.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            // No hard links here (another file system): a copy, never over a file.
            Err(_) => {
                if file::create_exclusive(&target, &bytes).is_ok() {
                    return Ok(planned.clone());
                }
            }
        }
        if self.uid_at(&target).as_deref() == Some(uid) {
            return Ok(planned.clone());
        }
        if let Some(id) = self.find_uid(month_dir, uid) {
            return Ok(id);
        }
        let text = String::from_utf8(bytes).map_err(|_| Error::BadFile {
            path: staged.to_path_buf(),
            message: "staged ticket is not valid UTF-8".into(),
        })?;
        let mut ticket = file::parse_ticket(&text, staged)?;
        self.create_locked(held, planned.date(), |id| {
            ticket.id = id.to_string();
            ticket
        })
    }

    /// The uid of the ticket file at `path`, if it holds one ticket.
    fn uid_at(&self, path: &Path) -> Option<String> {
        let mut tickets = file::read_tickets(path, &self.root, self.config.limits.max_file_bytes).ok()?;
        (tickets.len() == 1).then(|| tickets.remove(0).uid)
    }

    /// The ID of the ticket file of `month_dir` holding `uid`.
    fn find_uid(&self, month_dir: &Path, uid: &str) -> Option<TicketId> {
        for entry in std::fs::read_dir(month_dir).ok()?.flatten() {
            let name = entry.file_name();
            let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".yaml")) else { continue };
            if stem.starts_with('.') || !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let text = read_regular(&entry.path(), self.config.limits.max_file_bytes).unwrap_or_default();
            if String::from_utf8_lossy(&text).contains(uid) && self.uid_at(&entry.path()).as_deref() == Some(uid) {
                return self.parse_id(stem).ok();
            }
        }
        None
    }

    /// The label and the (planned ID, uid) entries of a staging's journal;
    /// every ID is checked against the ID pattern before a path is built.
    fn read_journal(&self, dir: &Path) -> Result<(String, Vec<(TicketId, String)>)> {
        let path = dir.join(JOURNAL);
        let bytes = read_regular(&path, JOURNAL_MAX_BYTES)?;
        let text = String::from_utf8_lossy(&bytes);
        let bad = |what: &str| Error::BadFile { path: path.clone(), message: format!("not an import journal: {what}") };
        let mut lines = text.lines();
        if lines.next() != Some(JOURNAL_HEADER) {
            return Err(bad("unknown header"));
        }
        let label = lines.next().and_then(|l| l.strip_prefix("source ")).ok_or_else(|| bad("no source line"))?;
        let mut entries = Vec::new();
        for line in lines {
            let (id, uid) = line.split_once(' ').ok_or_else(|| bad("an entry is not `ID uid`"))?;
            let id = self.parse_id(id).map_err(|_| bad("an entry has no valid ID"))?;
            entries.push((id, uid.to_string()));
        }
        Ok((label.to_string(), entries))
    }
}

/// Step 1: the journal, the source and each ticket, synced, into `part`.
fn write_staging(part: &Path, label: &str, source: &[u8], tickets: &[Ticket]) -> Result<()> {
    std::fs::create_dir(part).map_err(|e| Error::io("create directory", part, e))?;
    let mut journal = format!("{JOURNAL_HEADER}\nsource {label}\n");
    for ticket in tickets {
        journal.push_str(&format!("{} {}\n", ticket.id, ticket.uid));
    }
    write_synced(&part.join(JOURNAL), journal.as_bytes())?;
    write_synced(&part.join(SOURCE), source)?;
    for ticket in tickets {
        write_synced(&part.join(format!("{}.yaml", ticket.id)), file::to_yaml(ticket)?.as_bytes())?;
    }
    sync_dir(part)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(path)
        .map_err(|e| Error::io("create", path, e))?;
    out.write_all(bytes).and_then(|()| out.sync_all()).map_err(|e| Error::io("write", path, e))
}

/// The store lock if no other command holds it (`check` takes it only to
/// tell a running import's staging from a killed one's).
fn try_lock(path: &Path) -> Option<std::fs::File> {
    let file = open_no_follow(std::fs::OpenOptions::new().write(true).create(true).truncate(false), path).ok()?;
    file.try_lock().ok()?;
    Some(file)
}

/// Opens without following a link or waiting on a FIFO: `.complaint/` is
/// not trusted more than `tickets/`.
fn open_no_follow(options: &mut std::fs::OpenOptions, path: &Path) -> std::io::Result<std::fs::File> {
    use rustix::fs::OFlags;
    let file = options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32).open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(file)
}

/// The bytes of the regular file `path`, refused over `max_bytes`.
fn read_regular(path: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let file = open_no_follow(std::fs::OpenOptions::new().read(true), path).map_err(|e| Error::io("read", path, e))?;
    let mut bytes = Vec::new();
    file.take(max_bytes + 1).read_to_end(&mut bytes).map_err(|e| Error::io("read", path, e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::BadFile { path: path.to_path_buf(), message: format!("over {max_bytes} bytes") });
    }
    Ok(bytes)
}

/// One line, for the journal and messages.
fn clean_label(label: &str) -> String {
    label.chars().map(|c| if c.is_control() { '?' } else { c }).collect()
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
