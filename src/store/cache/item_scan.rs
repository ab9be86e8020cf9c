//! What a cached scan found.

use std::path::PathBuf;

use crate::error::Error;
use crate::ticket::IndexEntry;

/// What a summary scan found: the summaries `keep` accepted, in path order,
/// and an error for each file that could not be read.
#[derive(Debug, Default)]
pub struct SummaryScan {
    pub tickets: Vec<(PathBuf, IndexEntry)>,
    pub errors: Vec<Error>,
    /// Files holding several tickets (an ID collision kept by the merge
    /// driver): their tickets are in `tickets`, and every command warns.
    pub collisions: Vec<Error>,
}

/// What a ticket scan found: the items made of the wanted tickets, in path
/// order, and the errors and ID collisions, as in [`crate::store::Scan`].
#[derive(Debug)]
pub struct ItemScan<T> {
    pub tickets: Vec<(PathBuf, T)>,
    pub errors: Vec<Error>,
    pub collisions: Vec<Error>,
}

/// What a folding scan reports besides the items it handed on: an error
/// for each file that could not be read, and the ID collisions.
#[derive(Debug, Default)]
pub struct ScanErrors {
    pub errors: Vec<Error>,
    pub collisions: Vec<Error>,
}
