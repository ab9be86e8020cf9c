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
    if !dir.is_dir() {
        return Ok(Scan::default());
    }
    let mut paths = Vec::new();
    let mut errors = Vec::new();
    // walkdir does not follow symlinks: a link out of the store is reported
    // by `read_ticket`, never read through.
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        match entry {
            Ok(entry) if is_ticket_file(entry.path()) && entry.depth() > 0 => paths.push(entry.into_path()),
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
