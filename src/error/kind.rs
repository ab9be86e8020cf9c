//! What kind of failure an [`Error`] is, and what that means to each door:
//! the exit code of the command line, the status of the HTTP API. The one
//! place where either mapping is decided.

use super::Error;

/// The few kinds a caller acts on differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input is wrong: a bad ID, value, time, text or a missing field.
    BadInput,
    /// The ticket (or store) asked for does not exist.
    NotFound,
    /// The input is fine but the ticket's state refuses it: a lifecycle
    /// rule, an inconsistent file, a busy lock, an ID collision.
    Conflict,
    /// complaint.toml is wrong, or there is no store.
    Config,
    /// Reading or writing the store failed, or a file in it is bad.
    Store,
    /// Something outside failed: git, the mail server.
    External,
}

impl ErrorKind {
    /// The exit code of the command line. Every error exits 2 (spec §11);
    /// 1 means "found" and is a success of `check` and `overdue`, not an error.
    pub fn exit_code(self) -> u8 {
        2
    }

    /// The name of the kind in the API's error document (`error.kind`).
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::BadInput => "bad_input",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Config => "config",
            ErrorKind::Store => "store",
            ErrorKind::External => "external",
        }
    }

    /// The HTTP status of the API (issue 16).
    pub fn http_status(self) -> u16 {
        match self {
            ErrorKind::BadInput => 400,
            ErrorKind::NotFound => 404,
            ErrorKind::Conflict => 409,
            ErrorKind::Config | ErrorKind::Store => 500,
            ErrorKind::External => 502,
        }
    }
}

impl Error {
    /// The kind of this error, for the exit code and the HTTP status.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NoStore { .. } | Error::NotAStore { .. } | Error::Config { .. } => ErrorKind::Config,
            Error::UnknownTicket { .. } => ErrorKind::NotFound,
            Error::InvalidId { .. }
            | Error::UnknownValue { .. }
            | Error::InvalidTime { .. }
            | Error::InvalidDuration { .. }
            | Error::MissingFields { .. }
            | Error::EmptyField { .. }
            | Error::BadCharacter(_)
            | Error::TooLong { .. }
            | Error::ScoreOutOfScale { .. }
            | Error::InputTooLarge { .. }
            | Error::AtInFuture { .. }
            | Error::Invalid { .. }
            | Error::Found(_) => ErrorKind::BadInput,
            Error::InvalidTransition { .. }
            | Error::BackdateTooEarly { .. }
            | Error::InconsistentTicket { .. }
            | Error::LockTimeout { .. }
            | Error::IdCollision { .. } => ErrorKind::Conflict,
            Error::Parse { .. } | Error::BadFile { .. } | Error::Io { .. } | Error::ConflictMarkers { .. } => {
                ErrorKind::Store
            }
            Error::Git { .. } | Error::Mail { .. } => ErrorKind::External,
            Error::Refused(refusal) => refusal.kind(),
            Error::Reworded { kind, .. } => *kind,
        }
    }

    /// [`ErrorKind::exit_code`] of this error.
    pub fn exit_code(&self) -> u8 {
        self.kind().exit_code()
    }

    /// [`ErrorKind::http_status`] of this error.
    pub fn http_status(&self) -> u16 {
        self.kind().http_status()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_exits_2_today() {
        for kind in [
            ErrorKind::BadInput,
            ErrorKind::NotFound,
            ErrorKind::Conflict,
            ErrorKind::Config,
            ErrorKind::Store,
            ErrorKind::External,
        ] {
            assert_eq!(kind.exit_code(), 2);
        }
    }

    #[test]
    fn kinds_map_to_http_statuses() {
        let unknown = Error::UnknownTicket { id: "CP20261123001".into(), similar: None };
        assert_eq!(unknown.http_status(), 404);
        assert_eq!(Error::EmptyField { field: "note".into() }.http_status(), 400);
        let lock = Error::LockTimeout { path: "x".into(), waited_secs: 1, holder: None };
        assert_eq!(lock.http_status(), 409);
        assert_eq!(Error::Git { message: "m".into(), hint: None }.http_status(), 502);
        let io = Error::io("read", "x", std::io::Error::other("boom"));
        assert_eq!(io.http_status(), 500);
    }
}
