//! Scanning every ticket file of a store, parsing in parallel.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{TICKETS_DIR, file, placement, walk};
use crate::error::{Error, Result};
use crate::ticket::Ticket;

/// What a scan found: the tickets that parsed, and an error for each file
/// that did not (reported by every scanning command, never skipped).
#[derive(Debug, Default)]
pub struct Scan {
    pub tickets: Vec<(PathBuf, Ticket)>,
    pub errors: Vec<Error>,
    /// Files holding several tickets (an ID collision kept by the merge
    /// driver); their tickets are in `tickets` too. Every scanning command
    /// warns about them.
    pub collisions: Vec<Error>,
}

/// Every ticket file below `tickets/`; a file whose ticket is not the one
/// its path names ([`placement::check`]) is an error like a parse error.
pub fn scan(root: &Path, rules: &placement::FileRules) -> Result<Scan> {
    let dir = root.join(TICKETS_DIR);
    let mut errors = Vec::new();
    // walkdir follows a symlinked root: refuse `tickets -> /elsewhere` here.
    if let Err(e) = file::check_inside(root, &dir.join("x")) {
        errors.push(e);
        return Ok(Scan { errors, ..Scan::default() });
    }
    if !dir.is_dir() {
        return Ok(Scan::default());
    }
    // Symlinks are listed, not followed: reading one reports a link out of
    // the store instead of reading through it.
    let read =
        |fd: &walk::DirFd, name: &std::ffi::OsStr, path: &Path| placement::read_placed(fd, name, path, root, rules);
    let (results, walk_errors) = walk::visit_files(&dir, &read);
    errors.extend(walk_errors);
    let mut tickets = Vec::with_capacity(results.len());
    let mut collisions = Vec::new();
    for (path, result) in results {
        match result {
            Ok((found, collision)) => {
                collisions.extend(collision);
                tickets.extend(found.into_iter().map(|t| (path.clone(), t)));
            }
            Err(e) => errors.push(e),
        }
    }
    Ok(Scan { tickets, errors, collisions })
}

/// Temp files left by writers that were killed mid-write, anywhere under
/// `tickets/`. Harmless (never read as tickets); `check` lists them as notes.
pub fn temp_files(root: &Path) -> Vec<PathBuf> {
    WalkDir::new(root.join(TICKETS_DIR))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name().to_str().is_some_and(file::is_temp_file))
        .map(walkdir::DirEntry::into_path)
        .collect()
}
