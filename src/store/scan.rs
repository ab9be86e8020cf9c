//! Scanning every ticket file of a store, parsing in parallel.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{TICKETS_DIR, file, walk};
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
    // Symlinks are listed, not followed: `read_ticket` reports a link out
    // of the store instead of reading through it.
    let (paths, mut errors) = walk::paths(&dir);
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
