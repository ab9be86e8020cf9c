//! Scanning every ticket file of a store, parsing in parallel.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{TICKETS_DIR, file};
use crate::error::{Error, Result};
use crate::ticket::Ticket;

/// What a scan found: the tickets that parsed, and an error for each file
/// that did not (reported by every scanning command, never skipped).
#[derive(Debug, Default)]
pub struct Scan {
    pub tickets: Vec<(PathBuf, Ticket)>,
    pub errors: Vec<Error>,
}

pub fn scan(root: &Path, max_bytes: u64) -> Result<Scan> {
    let dir = root.join(TICKETS_DIR);
    let mut errors = Vec::new();
    // walkdir follows a symlinked root: refuse `tickets -> /elsewhere` here.
    if let Err(e) = file::check_inside(root, &dir.join("x")) {
        errors.push(e);
        return Ok(Scan { tickets: Vec::new(), errors });
    }
    if !dir.is_dir() {
        return Ok(Scan::default());
    }
    let mut paths = Vec::new();
    // walkdir does not follow symlinks: a link out of the store is reported
    // by `read_ticket`, never read through.
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        match entry {
            Ok(entry) if is_ticket_file(entry.path()) && entry.depth() > 0 => paths.push(entry.into_path()),
            // A symlinked year or month directory is not descended into:
            // say so rather than skip its tickets silently.
            Ok(entry) if entry.path_is_symlink() => errors.push(Error::BadFile {
                path: entry.into_path(),
                message: "is a symbolic link; the store never follows links out of itself".into(),
            }),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| dir.clone());
                errors.push(Error::io("read", path, e.into()));
            }
        }
    }
    let results: Vec<(PathBuf, Result<Ticket>)> = paths
        .into_par_iter()
        .map(|path| {
            let ticket = file::read_ticket(&path, root, max_bytes);
            (path, ticket)
        })
        .collect();
    let mut tickets = Vec::with_capacity(results.len());
    for (path, result) in results {
        match result {
            Ok(ticket) => tickets.push((path, ticket)),
            Err(e) => errors.push(e),
        }
    }
    Ok(Scan { tickets, errors })
}

fn is_ticket_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".yaml") && !name.starts_with('.')
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
