//! What every command needs: global flags, the store, "now", `--as-of`,
//! the mail delivery and the actor. The only place in the CLI that reads
//! the environment (beyond clap's `env` flags) and the clock.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use clap::Args;

use super::output;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::mail::{Delivery, MailConfig};
use crate::report::fit::Room;
use crate::store::Store;
use crate::store::git::user_name as git_user_name;
use crate::ticket::text;
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

    /// Fit tables into N columns, also when piped (default: the terminal's
    /// width, `$COLUMNS` on a terminal; piped output keeps full rows)
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

/// The environment variable naming the SMTP server (after `--smtp`,
/// before `[mail] smtp_url`).
const SMTP_URL_VAR: &str = "COMPLAINT_SMTP_URL";

pub struct Context {
    pub global: GlobalArgs,
    cwd: PathBuf,
    /// `COMPLAINT_SMTP_URL`, read once.
    smtp_url: Option<String>,
    /// The terminal's width if stdout is one, read once.
    terminal_width: Option<usize>,
}

impl Context {
    /// Reads the environment: colour (`--color`, `NO_COLOR`), the language
    /// of messages until a store is open (`LC_ALL`, `LC_MESSAGES`, `LANG`),
    /// the current directory, `COMPLAINT_SMTP_URL` and the terminal's width
    /// (`COLUMNS`).
    pub fn new(global: GlobalArgs) -> Result<Context> {
        output::set_color(&global.color, std::env::var_os("NO_COLOR").is_some());
        output::set_lang(locale_lang());
        let cwd = std::env::current_dir().map_err(|e| Error::io("read", "the current directory", e))?;
        let smtp_url = std::env::var(SMTP_URL_VAR).ok();
        let terminal_width = terminal_width();
        Ok(Context { global, cwd, smtp_url, terminal_width })
    }

    /// How wide tables may be: `--wide` (the command's flag) no limit, else
    /// `--width N`, else the terminal's width; piped output has no limit, so
    /// scripts and files get full rows.
    pub fn room(&self, wide: bool) -> Room {
        match (wide, self.global.width, self.terminal_width) {
            (true, _, _) => Room::Unlimited,
            (false, Some(n), _) => Room::Columns(n.into()),
            (false, None, Some(n)) => Room::Columns(n),
            (false, None, None) => Room::Unlimited,
        }
    }

    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// Opens the store, and checks `--now` against its time zone so that a
    /// bad COMPLAINT_NOW fails every command, not only those that use it.
    pub fn open_store(&self) -> Result<Store> {
        let store = Store::discover(self.global.store.as_deref(), &self.cwd)?;
        // From here on messages speak the store's language (`[ui] lang`).
        output::set_lang(store.config().lang());
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

    /// [`Context::now`] as a clock a server can keep and read on every
    /// request, from any thread.
    pub fn clock(&self) -> crate::server::Clock {
        let fixed = self.global.now.clone();
        std::sync::Arc::new(move |zone| match &fixed {
            Some(text) => Ok(time::in_zone(time::parse_time(text, zone, "--now / COMPLAINT_NOW")?, zone)),
            None => Ok(time::in_zone(time::truncate_to_seconds(Utc::now().fixed_offset()), zone)),
        })
    }

    /// [`Context::now`], and the time a report is evaluated at: the
    /// command's `--as-of` (`flag`) if given, else that same now (the clock
    /// is read once, so a mail's date and its "as of" agree).
    pub fn now_and_as_of(
        &self,
        flag: Option<&str>,
        zone: Tz,
    ) -> Result<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        let now = self.now(zone)?;
        let as_of = match flag {
            Some(text) => time::in_zone(time::parse_time(text, zone, "--as-of")?, zone),
            None => now,
        };
        Ok((now, as_of))
    }

    /// How mail goes out: the SMTP URL of `--smtp` (`flag`), else
    /// `COMPLAINT_SMTP_URL`, else `[mail] smtp_url`; else `[mail] sendmail`.
    pub fn delivery(&self, flag: Option<&str>, mail: &MailConfig) -> Result<Delivery> {
        Delivery::choose(flag, self.smtp_url.as_deref(), mail)
    }

    /// The actor recorded in history and in the commit's `Actor:` trailer:
    /// `--by` / `COMPLAINT_USER`, else git `user.name`, else `$USER`. Wherever
    /// it comes from, a name with a line break, a bidi control or another
    /// character crate::ticket::text refuses is an error (it could forge git
    /// trailers), and a blank `--by` is an error, not a silent fallback.
    pub fn actor(&self, store: &Store) -> Result<String> {
        if let Some(by) = &self.global.by {
            return checked_actor("--by / COMPLAINT_USER", by);
        }
        if let Some(name) = git_user_name(store.root()) {
            return checked_actor("git user.name", &name);
        }
        match std::env::var("USER") {
            Ok(user) if !user.trim().is_empty() => checked_actor("$USER", &user),
            _ => Ok("unknown".to_string()),
        }
    }

    /// The language of messages: the store's `[ui] lang` once it is open,
    /// else that of the locale (see [`locale_lang`]).
    pub fn lang(&self) -> Lang {
        output::lang()
    }

    /// A message for people on stderr, unless `-q`.
    pub fn info(&self, message: impl std::fmt::Display) {
        if !self.global.quiet {
            eprintln!("{message}");
        }
    }

    /// A warning on stderr, always.
    pub fn warn(&self, message: impl std::fmt::Display) {
        eprintln!("complaint: {}: {message}", crate::tr!(self.lang(), "output.warning"));
    }
}

/// The language of the locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
/// that is set, `zh*` Chinese and anything else English; none set is
/// Chinese, the product's default. Also decides the language of `--help`.
pub fn locale_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|var| Lang::of_locale(std::env::var(var).ok().as_deref()))
        .unwrap_or(Lang::Zh)
}

/// On a terminal: `$COLUMNS` if it is a number, else the terminal's size
/// (as comfy-table reads it), else 80. Not a terminal: `None`.
fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()).filter(|&c| c > 0);
    Some(columns.or_else(|| comfy_table::Table::new().width().map(usize::from)).unwrap_or(80))
}

/// `name` trimmed, if it is a name at all. Checked before trimming: a
/// trailing line break is as suspect as one in the middle.
fn checked_actor(source: &str, name: &str) -> Result<String> {
    text::check_one_line(source, name)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::EmptyField { field: source.to_string() });
    }
    Ok(name.to_string())
}

/// Where shell completion looks for the store, before any argument is
/// parsed: `COMPLAINT_STORE` if set, and the current directory.
pub fn completion_store() -> Option<(Option<PathBuf>, PathBuf)> {
    let cwd = std::env::current_dir().ok()?;
    Some((std::env::var_os("COMPLAINT_STORE").map(PathBuf::from), cwd))
}
