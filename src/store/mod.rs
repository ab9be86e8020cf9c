//! The only code that touches the file system: finding the store, reading
//! and atomically writing ticket files, the store lock, ID allocation and
//! scanning.

mod file;
mod init;
mod lock;
mod scan;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use file::{parse_ticket, to_yaml, yaml_error};
pub use init::{InitReport, init};
pub use lock::StoreLock;
pub use scan::Scan;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::ticket::{Ticket, TicketId};

pub const CONFIG_FILE: &str = "complaint.toml";
pub const TICKETS_DIR: &str = "tickets";
/// Local state: lock file and (later) caches. Gitignored, always rebuildable.
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
        TicketId::parse(&text.trim().to_ascii_uppercase(), &self.config.id.prefix, self.config.id.width)
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
        StoreLock::acquire(&self.root.join(LOCAL_DIR))
    }

    /// Loads one ticket by ID.
    pub fn load(&self, id: &TicketId) -> Result<Ticket> {
        let path = self.path_of(id);
        if !path.exists() {
            return Err(Error::UnknownTicket { id: id.to_string(), similar: self.similar_id(id) });
        }
        let ticket = file::read_ticket(&path, &self.root, self.config.limits.max_file_bytes)?;
        if ticket.id != id.to_string() {
            return Err(Error::BadFile {
                path: path.clone(),
                message: format!("file is named {id} but holds ticket {}", ticket.id),
            });
        }
        Ok(ticket)
    }

    /// Writes a ticket over its file atomically (temp file, fsync, rename,
    /// fsync of the directory).
    pub fn save(&self, ticket: &Ticket) -> Result<()> {
        let id = self.parse_id(&ticket.id)?;
        file::write_atomic(&self.root, &self.path_of(&id), &file::to_yaml(ticket)?)
    }

    /// Allocates the next ID for `date` and writes the ticket `build` returns
    /// for it, never overwriting an existing file. Takes the store lock.
    pub fn create(&self, date: NaiveDate, build: impl FnOnce(&TicketId) -> Ticket) -> Result<TicketId> {
        let _lock = self.lock()?;
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
        file::create_exclusive(&self.root, &self.path_of(&id), &file::to_yaml(&ticket)?)?;
        Ok(id)
    }

    fn highest_seq(&self, month_dir: &Path, prefix: &str, date: NaiveDate) -> Result<u32> {
        let entries = match std::fs::read_dir(month_dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(Error::io("read directory", month_dir, e)),
        };
        let day_prefix = format!("{prefix}{}", date.format("%Y%m%d"));
        let mut highest = 0;
        for entry in entries.flatten() {
            let name = entry.file_name();
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

    /// Reads every ticket file of the store, in parallel. Files that fail to
    /// read are returned as errors beside the tickets, never skipped silently.
    pub fn scan(&self) -> Result<Scan> {
        scan::scan(&self.root, self.config.limits.max_file_bytes)
    }

    /// Temp files left by killed writers (`.tmp-*.yaml.part`): never read as
    /// tickets; writers delete those older than ten minutes.
    pub fn leftover_temp_files(&self) -> Vec<PathBuf> {
        scan::temp_files(&self.root)
    }
}
