//! Helpers several commands share, so that no command borrows from a
//! sibling: finding the tickets an ID names, the warnings of a scan, and
//! the `--lang` flag.

use std::process::ExitCode;

use clap::ValueEnum;

use super::Context;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::store::Store;
use crate::ticket::Ticket;

/// `--lang` of `report` and `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Chinese headings and labels
    Zh,
    /// English headings; coded values as ids
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// The tickets an ID typed by a user names, with warnings: an ID collision
/// (several tickets, until `check --fix`), an old ID that `check --fix`
/// renumbered. The file's own ticket is the one that kept the ID; a ticket
/// renumbered away is found by its `renamed_from` only when no file has
/// the ID any more.
pub fn resolve(ctx: &Context, store: &Store, text: &str) -> Result<Vec<Ticket>> {
    let id = store.parse_id(text)?;
    let tickets = store.load_all(&id)?;
    if tickets.len() > 1 {
        let e = Error::IdCollision {
            id: id.to_string(),
            path: store.display_path(&store.path_of(&id)).into_owned().into(),
            uids: tickets.iter().map(|t| t.uid.clone()).collect(),
        };
        ctx.warn(e.message(ctx.lang()));
        if let Some(hint) = e.hint_in(ctx.lang()) {
            eprintln!("{}: {hint}", crate::tr!(ctx.lang(), "output.hint"));
        }
    } else if tickets[0].id != id.to_string() {
        ctx.info(format!("{id} was renumbered to {} (ID collision repaired by `check --fix`)", tickets[0].id));
    } else {
        for moved in store.renamed_from(&id)? {
            ctx.info(format!(
                "note: another ticket once numbered {id} (uid {}) is now {}; this one kept the ID",
                moved.uid, moved.id
            ));
        }
    }
    Ok(tickets)
}

/// Warns about files holding an ID collision (both tickets are listed).
/// Every scanning command calls this beside [`warn_unreadable`].
pub fn warn_collisions(ctx: &Context, store: &Store, collisions: &[Error]) {
    for e in collisions {
        let root = format!("{}/", store.root().display());
        ctx.warn(e.message(ctx.lang()).replace(&root, ""));
    }
    if let Some(hint) = collisions.first().and_then(|e| e.hint_in(ctx.lang())) {
        eprintln!("{}: {hint}", crate::tr!(ctx.lang(), "output.hint"));
    }
}

/// Warns about each file a scanning command could not read (it is missing
/// from `what`); exit 2 when there was any, so a cron job notices.
pub fn warn_unreadable(ctx: &Context, unreadable: &[String], what: &str) -> ExitCode {
    for path in unreadable {
        ctx.warn(format!("could not read {path}; it is missing from this {what}"));
    }
    if unreadable.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) }
}

/// An error message with the store root stripped from its path.
pub fn relative(store: &Store, e: &Error) -> String {
    let root = format!("{}/", store.root().display());
    e.to_string().replace(&root, "")
}

/// The scan errors as messages with paths relative to the store.
pub fn unreadable(store: &Store, errors: &[Error]) -> Vec<String> {
    errors.iter().map(|e| relative(store, e)).collect()
}
