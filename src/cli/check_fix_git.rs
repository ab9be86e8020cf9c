//! Ticket changes that never reached git: a writer killed during its
//! auto-commit leaves its ticket modified, staged or untracked; a stale ref
//! lock or `--no-commit` leaves it uncommitted. `check` lists them, `sync`
//! refuses to push past them, `check --fix` commits exactly them.

use std::path::{Path, PathBuf};

use super::Context;
use crate::error::Result;
use crate::store::git::{Repo, Uncommitted};
// Attachments live beside `tickets/` (spec §3.1); their files are part of
// the record too.
use crate::store::{ATTACHMENTS_DIR, Store, TICKETS_DIR};

/// The uncommitted ticket and attachment files of a store.
pub struct Leftovers {
    pub repo: Repo,
    pub files: Vec<Uncommitted>,
}

/// The ticket and attachment files that differ from HEAD, when auto-commit
/// is on in a git work tree; `None` otherwise, and during a merge or rebase
/// (whose changes are committed when the user finishes it).
pub fn find(store: &Store) -> Result<Option<Leftovers>> {
    if !store.config().git.auto_commit {
        return Ok(None);
    }
    let Some(repo) = Repo::discover(store.root()) else { return Ok(None) };
    if repo.in_progress().is_some() {
        return Ok(None);
    }
    let dirs: Vec<PathBuf> =
        [TICKETS_DIR, ATTACHMENTS_DIR].iter().map(|d| store.root().join(d)).filter(|d| d.is_dir()).collect();
    if dirs.is_empty() {
        return Ok(None);
    }
    let files: Vec<Uncommitted> =
        repo.uncommitted(&dirs)?.into_iter().filter(|u| is_record_file(store, &u.path)).collect();
    Ok((!files.is_empty()).then_some(Leftovers { repo, files }))
}

/// A ticket file or an attachment (a writer's temp file ends in
/// `.yaml.part`, so it is neither).
fn is_record_file(store: &Store, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(store.root()) else { return false };
    if relative.starts_with(ATTACHMENTS_DIR) {
        return true;
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    relative.starts_with(TICKETS_DIR) && name.ends_with(".yaml")
}

/// The problem `check` reports for one leftover.
pub fn problem(file: &Uncommitted) -> String {
    format!(
        "{} but not committed to git (an interrupted command, a stale git lock or --no-commit); \
         `complaint check --fix` commits it",
        file.state.describe()
    )
}

/// Commits the leftovers in one commit of exactly those files (the user's
/// other staged changes stay staged and out of it). A commit that cannot be
/// made is a warning, as for every auto-commit; `check` then still lists
/// the files.
pub fn commit(ctx: &Context, store: &Store) -> Result<Vec<String>> {
    // Under the store lock: a writer between its save and its own commit
    // is not a leftover, and two `git commit`s would race for index.lock.
    let _lock = store.lock()?;
    let Some(Leftovers { repo, files }) = find(store)? else { return Ok(Vec::new()) };
    if ctx.global.no_commit {
        return Ok(vec![format!("--no-commit: {} uncommitted ticket file(s) left as they are", files.len())]);
    }
    let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let subject = format!("commit {} ticket file(s) left uncommitted", files.len());
    let body: Vec<String> =
        files.iter().map(|f| format!("{} ({})", store.display_path(&f.path), f.state.describe())).collect();
    let body = format!(
        "`complaint check --fix` found these changes outside git (an interrupted command, a stale git lock \
         or --no-commit) and committed them:\n\n{}",
        body.join("\n")
    );
    let actor = ctx.actor(store)?;
    let ids: Vec<String> = files.iter().filter_map(|f| ticket_id(store, &f.path)).collect();
    match repo.commit_tickets(&paths, &ids, &subject, Some(&body), ("commit-leftovers", &actor)) {
        Ok(hash) => Ok(vec![format!("committed {hash}: {subject}")]),
        Err(e) => {
            super::autocommit::warn_not_committed(ctx, &e);
            Ok(Vec::new())
        }
    }
}

/// The ID of a ticket file, from its name, if it is one.
fn ticket_id(store: &Store, path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    store.parse_id(stem).ok().map(|id| id.to_string())
}
