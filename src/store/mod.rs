//! The only code that touches the file system: finding the store, reading
//! and atomically writing ticket files, the store lock, ID allocation and
//! scanning.

mod apply;
mod attachments;
mod autocommit;
mod cache;
#[doc(hidden)]
pub mod canonical;
mod codec;
mod file;
mod fold;
pub mod git;
mod init;
mod local;
mod lock;
mod parse_error;
mod people;
mod placement;
mod scan;
mod staging;
mod users;
mod walk;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use apply::{Applied, Entry};
pub use attachments::{ATTACHMENTS_DIR, AttachmentReport, Source, sha256_hex};
pub use autocommit::{CommitOutcome, CommitPolicy, message_for};
pub use cache::{ItemScan, ScanErrors, SummaryScan, WarmHit, WarmIndex, WarmQuery};
#[doc(hidden)]
pub use file::parse_tickets_full;
pub use file::{
    documents_to_yaml, has_conflict_markers, parse_ticket, parse_tickets, to_yaml, write_atomic, yaml_error,
};
pub use init::{InitReport, init};
pub use lock::StoreLock;
pub use people::ConfigRoles;
pub use scan::Scan;
pub use staging::{ImportState, PendingImport};
pub use users::{Role, User, Users};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::ticket::{IndexEntry, Ticket, TicketId};
use crate::tr;

pub const CONFIG_FILE: &str = "complaint.toml";
pub const TICKETS_DIR: &str = "tickets";
/// Local state: lock file and the index cache. Gitignored, always rebuildable.
pub const LOCAL_DIR: &str = ".complaint";

/// An opened store: its root directory and its configuration.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    config: Config,
}

impl Store {
    /// Finds the store: `explicit` (from `--store` or `COMPLAINT_STORE`) if
    /// given, else the nearest ancestor of `cwd` holding `complaint.toml`.
    pub fn discover(explicit: Option<&Path>, cwd: &Path) -> Result<Store> {
        match explicit {
            Some(dir) => {
                let dir = if dir.is_absolute() { dir.to_path_buf() } else { cwd.join(dir) };
                if !dir.join(CONFIG_FILE).is_file() {
                    return Err(Error::NotAStore { path: dir });
                }
                Store::open(&dir)
            }
            None => {
                let root = cwd
                    .ancestors()
                    .find(|dir| dir.join(CONFIG_FILE).is_file())
                    .ok_or_else(|| Error::NoStore { start: cwd.to_path_buf() })?;
                Store::open(root)
            }
        }
    }

    pub fn open(root: &Path) -> Result<Store> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io("read", &path, e))?;
        let config = Config::from_toml(&text, &path)?;
        Ok(Store { root: root.to_path_buf(), config })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Validates an ID typed by a user before any path is built from it.
    pub fn parse_id(&self, text: &str) -> Result<TicketId> {
        // Typed IDs are accepted in any case (`cp20261123001`); the pattern
        // check below still rejects anything that is not an ID.
        TicketId::parse(&text.trim().to_ascii_uppercase(), &self.config.id.prefix, self.config.id.width).map_err(|e| {
            match e {
                Error::InvalidId { expected, .. } => Error::InvalidId { id: text.to_string(), expected },
                other => other,
            }
        })
    }

    pub fn path_of(&self, id: &TicketId) -> PathBuf {
        self.root.join(id.relative_path())
    }

    /// A path relative to the root, for messages.
    pub fn display_path<'a>(&self, path: &'a Path) -> std::borrow::Cow<'a, str> {
        path.strip_prefix(&self.root).unwrap_or(path).to_string_lossy()
    }

    /// Takes the store-wide write lock. Held while reading, changing and
    /// writing a ticket, so concurrent commands never lose an event.
    pub fn lock(&self) -> Result<StoreLock> {
        // In the store's `[ui] lang`, the language the command speaks once
        // the store is open (the store reads no environment).
        let lang = self.config.lang();
        let waiting = |path: &Path, holder: Option<u32>| {
            let holder = holder.map(|pid| tr!(lang, "error.lock_holder", pid = pid)).unwrap_or_default();
            let path = self.display_path(path);
            eprintln!("complaint: {}", tr!(lang, "store.waiting_for_lock", holder = holder, path = path));
        };
        StoreLock::acquire(&self.root.join(LOCAL_DIR), self.config.limits.lock_wait, &waiting)
    }

    /// Loads one ticket by ID (see [`Store::load_all`]). A file still
    /// holding an ID collision is an error: a change would have to pick one.
    pub fn load(&self, id: &TicketId) -> Result<Ticket> {
        let mut tickets = self.load_all(id)?;
        if tickets.len() > 1 {
            return Err(Error::IdCollision {
                id: id.to_string(),
                path: self.path_of(id),
                uids: tickets.iter().map(|t| t.uid.clone()).collect(),
            });
        }
        Ok(tickets.remove(0))
    }

    /// Every ticket an ID names: the tickets of its file (several while an
    /// ID collision is unrepaired), else, when no file has that ID any
    /// more, the ticket that `check --fix` renumbered away from it.
    pub fn load_all(&self, id: &TicketId) -> Result<Vec<Ticket>> {
        let path = self.path_of(id);
        if !path.exists() {
            if let Some(moved) = self.renamed_from(id)?.into_iter().next() {
                return Ok(vec![moved]);
            }
            return Err(Error::UnknownTicket { id: id.to_string(), similar: self.similar_id(id) });
        }
        let tickets = file::read_tickets(&path, &self.root, self.config.limits.max_file_bytes)?;
        if let Some(other) = tickets.iter().find(|t| t.id != id.to_string()) {
            return Err(Error::BadFile {
                path: path.clone(),
                message: format!("file is named {id} but holds ticket {}", other.id),
            });
        }
        Ok(tickets)
    }

    /// Tickets renumbered away from `id` (their `renamed_from` lists it).
    /// `check --fix` keeps the received date, so they are in the same month
    /// directory: this reads one directory, not the store.
    pub fn renamed_from(&self, id: &TicketId) -> Result<Vec<Ticket>> {
        let old = id.to_string();
        let Some(dir) = self.path_of(id).parent().map(Path::to_path_buf) else { return Ok(Vec::new()) };
        let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(Vec::new()) };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            // Regular files only: the store never reads through a symlink.
            if path.extension().is_none_or(|e| e != "yaml") || !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            if !text.contains(&old) {
                continue;
            }
            if let Ok(tickets) = file::parse_tickets(&text, &path) {
                found.extend(tickets.into_iter().filter(|t| t.id != old && t.renamed_from.contains(&old)));
            }
        }
        found.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(found)
    }

    /// Writes the tickets of one file: one ticket, or (while repairing an
    /// ID collision) several documents.
    pub fn save_documents(&self, id: &TicketId, tickets: &[Ticket]) -> Result<()> {
        let path = self.path_of(id);
        file::check_inside(&self.root, &path)?;
        file::write_atomic(&path, file::documents_to_yaml(tickets)?)
    }

    /// Writes a ticket over its file atomically (temp file, fsync, rename,
    /// fsync of the directory).
    pub fn save(&self, ticket: &Ticket) -> Result<()> {
        let id = self.parse_id(&ticket.id)?;
        let path = self.path_of(&id);
        file::check_inside(&self.root, &path)?;
        file::write_atomic(&path, file::to_yaml(ticket)?)
    }

    /// Allocates the next ID for `date` and writes the ticket `build` returns
    /// for it, never overwriting an existing file. Takes the store lock.
    pub fn create(&self, date: NaiveDate, build: impl FnOnce(&TicketId) -> Ticket) -> Result<TicketId> {
        let lock = self.lock()?;
        self.create_locked(&lock, date, build)
    }

    /// [`Store::create`] by a command that holds the store lock already
    /// (the lock is per open file: taking it twice would wait forever).
    pub fn create_locked(
        &self,
        _held: &StoreLock,
        date: NaiveDate,
        build: impl FnOnce(&TicketId) -> Ticket,
    ) -> Result<TicketId> {
        let (prefix, width) = (&self.config.id.prefix, self.config.id.width);
        let month_dir = self
            .root
            .join(TicketId::new(prefix, date, 1, width).relative_path())
            .parent()
            .map(Path::to_path_buf)
            .expect("ticket paths have a directory");
        let next = self.highest_seq(&month_dir, prefix, date)? + 1;
        let id = TicketId::new(prefix, date, next, width);
        let ticket = build(&id);
        let path = self.path_of(&id);
        file::check_inside(&self.root, &path)?;
        file::create_exclusive(&path, file::to_yaml(&ticket)?)?;
        Ok(id)
    }

    /// The highest sequence number of `date` in its month directory, whose
    /// stale temp files are swept by the same listing.
    fn highest_seq(&self, month_dir: &Path, prefix: &str, date: NaiveDate) -> Result<u32> {
        let day_prefix = format!("{prefix}{}", date.format("%Y%m%d"));
        let mut highest = 0;
        for name in file::list_and_sweep(month_dir)? {
            let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".yaml")) else { continue };
            if let Some(seq) = stem.strip_prefix(&day_prefix).and_then(|s| s.parse::<u32>().ok()) {
                highest = highest.max(seq);
            }
        }
        Ok(highest)
    }

    /// An existing ID that looks like `id`, for a "did you mean" hint.
    fn similar_id(&self, id: &TicketId) -> Option<String> {
        let dir = self.path_of(id).parent()?.to_path_buf();
        let names: Vec<String> = std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.strip_suffix(".yaml").map(str::to_string))
            .collect();
        crate::config::closest(&id.to_string(), names.iter().map(String::as_str)).map(str::to_string)
    }

    /// What a scan checks every ticket file against: its size and where
    /// its ID puts it.
    fn file_rules(&self) -> placement::FileRules<'_> {
        placement::FileRules {
            max_bytes: self.config.limits.max_file_bytes,
            ids: &self.config.id,
            lang: self.config.lang(),
        }
    }

    /// Reads every ticket file of the store, in parallel. Files that fail to
    /// read are returned as errors beside the tickets, never skipped silently.
    pub fn scan(&self) -> Result<Scan> {
        scan::scan(&self.root, &self.file_rules())
    }

    /// [`Store::scan`] of the tickets whose received time `keep_received`
    /// accepts, each turned by `map` (in parallel, as it is decoded), from
    /// the ticket cache under `.complaint/` where it is still valid (every
    /// file is stat'ed each time), else parsed; refreshes that cache. Same
    /// tickets, errors and collisions as a full scan.
    pub fn scan_tickets<T: Send>(
        &self,
        keep_received: impl Fn(&chrono::DateTime<chrono::FixedOffset>) -> bool + Sync,
        map: impl Fn(Ticket) -> Option<T> + Sync,
    ) -> Result<ItemScan<T>> {
        let local = self.root.join(LOCAL_DIR);
        cache::scan_tickets(&self.root, &local, &self.file_rules(), &keep_received, &map)
    }

    /// [`Store::scan_tickets`] handing each item to `sink`, in path order,
    /// as the scan goes: a caller that folds them never holds them all.
    pub fn fold_tickets<T: Send>(
        &self,
        keep_received: impl Fn(&chrono::DateTime<chrono::FixedOffset>) -> bool + Sync,
        map: impl Fn(Ticket) -> Option<T> + Sync,
        sink: &mut dyn FnMut(PathBuf, T),
    ) -> Result<ScanErrors> {
        let local = self.root.join(LOCAL_DIR);
        cache::fold_tickets(&self.root, &local, &self.file_rules(), &keep_received, &map, sink)
    }

    /// The summary of every ticket that `keep` accepts, from the index cache
    /// where it is still valid (every file is stat'ed each time), else
    /// parsed in parallel; refreshes the cache. Unreadable files are errors
    /// beside the summaries, as in [`Store::scan`].
    pub fn scan_summaries(&self, keep: impl Fn(&IndexEntry) -> bool + Sync) -> Result<SummaryScan> {
        let wanted = cache::Wanted { unsettled_at: None, keep: &keep, search: None };
        cache::scan_summaries(&self.root, &self.root.join(LOCAL_DIR), &self.file_rules(), &wanted)
    }

    /// The summaries `keep` accepts and whose text `search` finds (spec
    /// §6 `list --search`), unsettled as of `unsettled_at` if given, handed
    /// to `sink` in path order as the scan goes. The search text is cached
    /// after each summary and decoded only when there is a search.
    pub fn fold_summaries_searching(
        &self,
        unsettled_at: Option<chrono::DateTime<chrono::FixedOffset>>,
        keep: impl Fn(&IndexEntry) -> bool + Sync,
        search: Option<&crate::ticket::search::SearchQuery>,
        sink: &mut dyn FnMut(PathBuf, IndexEntry),
    ) -> Result<ScanErrors> {
        self.fold_summaries_mapped(unsettled_at, keep, search, |summary| summary, sink)
    }

    /// [`Store::fold_summaries_searching`] with each summary turned by
    /// `map` as it is decoded, in parallel on the scan's threads (a caller's
    /// evaluation runs beside the stat'ing of the files instead of after).
    pub fn fold_summaries_mapped<T: Send>(
        &self,
        unsettled_at: Option<chrono::DateTime<chrono::FixedOffset>>,
        keep: impl Fn(&IndexEntry) -> bool + Sync,
        search: Option<&crate::ticket::search::SearchQuery>,
        map: impl Fn(IndexEntry) -> T + Sync,
        sink: &mut dyn FnMut(PathBuf, T),
    ) -> Result<ScanErrors> {
        let wanted = cache::Wanted { unsettled_at, keep: &keep, search };
        cache::fold_summaries_mapped(&self.root, &self.root.join(LOCAL_DIR), &self.file_rules(), &wanted, &map, sink)
    }

    /// A [`WarmIndex`] of the store, for a process that answers many
    /// queries (the server): from the index cache, refreshed.
    pub fn warm_index(&self) -> WarmIndex {
        WarmIndex::load(&self.root, &self.root.join(LOCAL_DIR), &self.file_rules())
    }

    /// `old` with the directory `dir` (`tickets/2026/11`) checked against
    /// the files now by spec §9's rules: what a process refreshing its warm
    /// index round and round does at each step.
    pub fn refresh_warm_dir(&self, old: &WarmIndex, dir: &std::sync::Arc<Path>) -> WarmIndex {
        old.with_dir_refreshed(&self.root, &self.file_rules(), dir)
    }

    /// Reads in full the ticket a summary scan found at `path`. A file
    /// holding several tickets (an ID collision) yields the one `summary`
    /// was made of.
    pub fn read_file(&self, path: &Path, summary: &crate::ticket::IndexEntry) -> Result<Ticket> {
        let mut tickets = file::read_tickets(path, &self.root, self.config.limits.max_file_bytes)?;
        let index = tickets.iter().position(|t| crate::ticket::IndexEntry::of(t) == *summary).unwrap_or(0);
        Ok(tickets.swap_remove(index))
    }

    /// Temp files left by killed writers (`.tmp-*.yaml.part`): never read as
    /// tickets; writers delete those older than ten minutes.
    pub fn leftover_temp_files(&self) -> Vec<PathBuf> {
        scan::temp_files(&self.root)
    }
}
