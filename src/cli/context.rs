//! What every command needs: global flags, the store, "now" and the actor.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use clap::Args;

use crate::error::{Error, Result};
use crate::store::Store;
use crate::time;

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Store directory (default: the nearest parent holding complaint.toml)
    #[arg(long, global = true, env = "COMPLAINT_STORE", value_name = "DIR")]
    pub store: Option<PathBuf>,

    /// Print stable, versioned JSON on stdout instead of tables
    #[arg(long, global = true)]
    pub json: bool,

    /// Fix "now" for this command (tests, back-filling), e.g. 2026-11-23T10:00
    #[arg(long, global = true, env = "COMPLAINT_NOW", value_name = "TIME")]
    pub now: Option<String>,

    /// Who is acting (default: COMPLAINT_USER, git user.name, $USER)
    #[arg(long, global = true, env = "COMPLAINT_USER", value_name = "NAME")]
    pub by: Option<String>,

    /// Say nothing on stderr except errors and warnings
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Do not commit this change to git, whatever [git] auto_commit says
    #[arg(long, global = true)]
    pub no_commit: bool,

    /// Colour: auto (only on a terminal), always or never
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub color: String,
}

pub struct Context {
    pub global: GlobalArgs,
    cwd: PathBuf,
}

impl Context {
    pub fn new(global: GlobalArgs) -> Result<Context> {
        let cwd = std::env::current_dir().map_err(|e| Error::io("read", "the current directory", e))?;
        Ok(Context { global, cwd })
    }

    pub fn cwd(&self) -> &std::path::Path {
        &self.cwd
    }

    /// Opens the store, and checks `--now` against its time zone so that a
    /// bad COMPLAINT_NOW fails every command, not only those that use it.
    pub fn open_store(&self) -> Result<Store> {
        let store = Store::discover(self.global.store.as_deref(), &self.cwd)?;
        self.now(store.config().zone())?;
        Ok(store)
    }

    /// "Now": `--now` / `COMPLAINT_NOW` if set, else the system clock. The
    /// only place the clock is read.
    pub fn now(&self, zone: Tz) -> Result<DateTime<FixedOffset>> {
        let now = match &self.global.now {
            Some(text) => time::parse_time(text, zone, "--now / COMPLAINT_NOW")?,
            None => time::truncate_to_seconds(Utc::now().fixed_offset()),
        };
        Ok(time::in_zone(now, zone))
    }

    /// The actor recorded in history: `--by`, `COMPLAINT_USER`, git
    /// `user.name`, `$USER`.
    pub fn actor(&self, store: &Store) -> String {
        if let Some(by) = self.global.by.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            return by.to_string();
        }
        git_user_name(store.root())
            .or_else(|| std::env::var("USER").ok().filter(|s| !s.is_empty()))
            .unwrap_or_else(|| "unknown".to_string())
    }

    /// A message for people on stderr, unless `-q`.
    pub fn info(&self, message: impl std::fmt::Display) {
        if !self.global.quiet {
            eprintln!("{message}");
        }
    }

    /// A warning on stderr, always.
    pub fn warn(&self, message: impl std::fmt::Display) {
        eprintln!("complaint: warning: {message}");
    }
}

fn git_user_name(dir: &std::path::Path) -> Option<String> {
    let output = std::process::Command::new("git").args(["config", "user.name"]).current_dir(dir).output().ok()?;
    let name = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !name.is_empty()).then_some(name)
}
