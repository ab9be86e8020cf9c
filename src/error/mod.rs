//! The one error type of the library. Each variant carries what is needed to
//! say what went wrong, where, and (via `hint`) what to do about it. The
//! binary turns it into `complaint: error: …`, `hint: …` and the exit code
//! of its [`ErrorKind`].

mod kind;
mod refusal;
mod refusal_text;
mod text;

use std::path::PathBuf;

use crate::lang::words::Words;

pub use kind::ErrorKind;
pub use refusal::Refusal;

/// The duration units of spec §5, for messages about a bad duration.
pub const DURATION_UNITS: &str = "units: m (minutes), h (hours), d (calendar days), wd (working days), \
                                  bh (business hours), e.g. 30m, 4h, 3d, 2wd, 8bh";

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no complaint store found in {start} or any parent directory")]
    NoStore { start: PathBuf },

    #[error("{path} is not a complaint store (no complaint.toml there)")]
    NotAStore { path: PathBuf },

    #[error("invalid ticket ID {id:?}: expected {expected}")]
    InvalidId { id: String, expected: String },

    #[error("no ticket {id} in this store")]
    UnknownTicket { id: String, similar: Option<String> },

    #[error("unknown {kind} {value:?}; valid values: {valid}")]
    UnknownValue { kind: &'static str, value: String, valid: String, suggestion: Option<String> },

    #[error("invalid {what} {text:?}")]
    InvalidTime { text: String, what: String },

    #[error("invalid {what} {text:?}: {reason}; {units}", units = DURATION_UNITS)]
    InvalidDuration { text: String, reason: String, what: String },

    #[error("{id} cannot move from {from} to {to}; allowed from {from}: {allowed}")]
    InvalidTransition { id: String, from: String, to: String, allowed: String },

    #[error("missing required field(s): {}", fields.join(", "))]
    MissingFields { fields: Vec<String> },

    #[error("{field} must not be empty")]
    EmptyField { field: String },

    /// A character no text field of this kind may hold (crate::ticket::text).
    #[error(transparent)]
    BadCharacter(#[from] crate::ticket::text::BadCharacter),

    #[error("{field} is {len} bytes, over the limit of {max} bytes")]
    TooLong { field: String, len: usize, max: usize },

    #[error("{path}:{line}:{column}: {message}")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },

    #[error("{path}: {message}")]
    BadFile { path: PathBuf, message: String },

    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String, hint: Option<String> },

    #[error("cannot {action} {path}: {source}")]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },

    #[error("score {score} is outside the scale 1–{scale}")]
    ScoreOutOfScale { score: u32, scale: u32 },

    #[error("{message}")]
    Invalid { message: String, hint: Option<String> },

    /// `what` names the time: the input key `at`, "now", or their flags.
    #[error("{what} {at} is before the ticket's last event at {last}")]
    BackdateTooEarly { what: String, at: String, last: String },

    /// A file or stdin handed in by the user is over the file cap.
    #[error("{path}: input is over the limit of {max_bytes} bytes ([limits] max_file_bytes)")]
    InputTooLarge { path: PathBuf, max_bytes: u64 },

    /// A writer refuses a ticket whose history `check` rejects.
    #[error("{path}: {id} cannot be changed while its file is inconsistent: {}", problems.join("; "))]
    InconsistentTicket { id: String, path: PathBuf, problems: Vec<String> },

    /// Another process held the store lock for longer than `[limits] lock_wait`.
    #[error("gave up after {waited_secs} s waiting for the store lock {path}{}", holder.map(|pid| format!(" held by PID {pid}")).unwrap_or_default())]
    LockTimeout { path: PathBuf, waited_secs: u64, holder: Option<u32> },

    /// `what` names the requested time: the input key `at`, or its flag.
    #[error("{what} {at} is in the future (now is {now})")]
    AtInFuture { what: String, at: String, now: String },

    #[error("{0}")]
    Found(String),

    /// Two clones created the same ID offline; the merge driver kept both.
    #[error("{path}: ID collision: {id} is held by {} tickets (uids {})", uids.len(), uids.join(", "))]
    IdCollision { id: String, path: PathBuf, uids: Vec<String> },

    /// A text merge without the merge driver left `<<<<<<<` markers.
    #[error("{path}: git conflict markers (<<<<<<< … >>>>>>>): this ticket was merged as plain text")]
    ConflictMarkers { path: PathBuf },

    /// A git command failed or cannot run now.
    #[error("{message}")]
    Git { message: String, hint: Option<String> },

    /// Building or delivering an email (addresses, SMTP URL, server reply, sendmail).
    #[error("{message}")]
    Mail { message: String, hint: Option<String> },

    /// A rule of an operation refused the input (`crate::ops`).
    #[error(transparent)]
    Refused(#[from] Refusal),

    /// An error reworded for one door (the command line names its flags),
    /// keeping the kind of the error it rewords. Its words are said in the
    /// language of the moment they are printed (the Display is English).
    #[error("{}", message.render(crate::lang::Lang::En))]
    Reworded { message: Words, hint: Option<Words>, kind: ErrorKind },
}

impl Error {
    /// A plain error with a message and an optional hint.
    pub fn invalid(message: impl Into<String>, hint: Option<&str>) -> Error {
        Error::Invalid { message: message.into(), hint: hint.map(str::to_string) }
    }

    /// A mail error with a message and an optional hint.
    pub fn mail(message: impl Into<String>, hint: Option<&str>) -> Error {
        Error::Mail { message: message.into(), hint: hint.map(str::to_string) }
    }

    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { action, path: path.into(), source }
    }

    /// What the user can do about it, printed as `hint: …`.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::NoStore { .. } | Error::NotAStore { .. } => {
                Some("run `complaint init` to create a store here, or pass --store DIR / set COMPLAINT_STORE".into())
            }
            Error::InvalidId { .. } => Some("IDs look like CP20261123001; `complaint list` shows them".into()),
            Error::UnknownTicket { similar: Some(s), .. } => Some(format!("did you mean {s}?")),
            Error::UnknownTicket { .. } => Some("`complaint list` shows the tickets of this store".into()),
            Error::UnknownValue { suggestion: Some(s), .. } => Some(format!("did you mean {s:?}?")),
            Error::UnknownValue { .. } => {
                Some("ids, Chinese labels and aliases are accepted; they are listed in complaint.toml".into())
            }
            Error::InvalidTime { .. } => Some(
                "use 2026-11-23, 2026-11-23 09:15 (store time zone) or RFC 3339 such as 2026-11-23T09:15:00+08:00; \
                 where a person types a time also 18:00 (today), 明天 18:00, 后天, 11-24 18:00, 2026/11/24 18:00, \
                 and for a deadline +2h or +2wd (working days)"
                    .into(),
            ),
            Error::InvalidDuration { .. } => {
                Some("a number followed by a unit: 30m, 4h (elapsed), 3d (calendar days), 2wd (working days), 8bh (business hours)".into())
            }
            Error::MissingFields { .. } => Some(
                "pass them as flags (--customer, --contact, --channel, --summary) or in --from-file; \
                 prompts appear only on a terminal"
                    .into(),
            ),
            Error::BadCharacter(bad) => Some(bad.hint().into()),
            Error::TooLong { .. } => Some("shorten it, or raise [limits] in complaint.toml".into()),
            Error::Parse { .. } | Error::BadFile { .. } => {
                Some("fix the file by hand (git diff / git checkout can help), then run `complaint check`".into())
            }
            Error::Config { hint, .. }
            | Error::Invalid { hint, .. }
            | Error::Mail { hint, .. }
            | Error::Git { hint, .. } => hint.clone(),
            Error::Reworded { hint, .. } => hint.as_ref().map(|h| h.render(crate::lang::Lang::En)),
            Error::Refused(refusal) => refusal.hint(),
            Error::IdCollision { .. } => Some(
                "two clones created this ID offline; run `complaint check --fix` to renumber the later one \
                 (both tickets are kept)"
                    .into(),
            ),
            Error::ConflictMarkers { path } => Some(format!(
                "run `complaint init` to register the merge driver, then `git checkout --merge -- {}` while the \
                 merge is unfinished (or redo the merge: `git merge --abort` and pull again); see docs/git.md",
                path.display()
            )),
            Error::InputTooLarge { .. } => {
                Some("split the input into smaller files, or raise [limits] max_file_bytes in complaint.toml".into())
            }
            Error::InconsistentTicket { path, .. } => Some(format!(
                "run `complaint check` to see every problem; repair the file by hand (`git log -p -- {}` shows \
                 how it got there), then run the command again",
                path.display()
            )),
            Error::LockTimeout { .. } => Some(
                "another complaint command is writing; wait for it and run this again, or raise [limits] lock_wait \
                 in complaint.toml"
                    .into(),
            ),
            Error::BackdateTooEarly { .. } => Some("history is append-only; a change may not precede the last event".into()),
            _ => None,
        }
    }
}
