//! The index caches: `.complaint/index` holds for every ticket file its
//! stamp (size, mtime, ctime, inode) and its [`IndexEntry`], so that a warm
//! `overdue` or `list` parses no YAML at all (spec §9); `.complaint/tickets`
//! holds the same stamps and the whole ticket in binary, for `report` and
//! `export`. Both files have the same layout and the same rules.
//!
//! Correctness never depends on the cache. Every run stats every ticket
//! file; an entry is used only when the stamp is unchanged and the file last
//! changed well before the run that wrote the entry (git's racy-index rule),
//! so a `git pull`, a hand edit, a deleted or a new file is always seen. The
//! one shortcut: a directory whose own stamp is unchanged (and equally old)
//! has the same entries as when the cache was written — adding, removing or
//! renaming an entry changes the directory's mtime and ctime — so its list
//! of names comes from the cache instead of `getdents`; its files are still
//! stat'ed one by one, since editing a file in place leaves its directory
//! alone. A missing, truncated, corrupt or foreign-version cache is ignored
//! and rewritten; a store where `.complaint/` cannot be written simply runs
//! uncached. Writers write a temp file and rename it, so concurrent runs
//! leave one complete cache or the other, and a reader's mapping of the old
//! file stays valid (the cache is never changed in place, as with git's
//! index).
//!
//! Split by idea: `format.rs` is the file layout (header, directory
//! table, file records, payloads, checksums) read and written; `scan.rs` and
//! `dir_scan.rs` the scan engine (walk, stat, match entries, parallel
//! decode, rewrite); `delivery.rs` hands items on in path order as the
//! scan goes; [`kind::CacheKind`] what differs between the two cache
//! files, implemented by `summaries.rs` and `tickets.rs`; this file the API
//! the [`super::Store`] calls.

mod delivery;
mod dir_scan;
mod format;
mod item_scan;
mod kind;
mod scan;
mod summaries;
mod tickets;
mod warm;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

pub use item_scan::{ItemScan, ScanErrors, SummaryScan};
pub use summaries::Wanted;
pub use warm::{WarmHit, WarmIndex, WarmQuery};

use super::placement::FileRules;
use crate::error::Result;
use crate::ticket::{IndexEntry, Ticket};

type Instant = DateTime<FixedOffset>;

/// The summaries `wanted` asks for, from the index cache
/// (`.complaint/index`) where it is still valid, else parsed; refreshes
/// that cache.
pub fn scan_summaries(root: &Path, local_dir: &Path, rules: &FileRules, wanted: &Wanted) -> Result<SummaryScan> {
    let mut tickets = Vec::new();
    let found = fold_summaries(root, local_dir, rules, wanted, &mut |path, summary| tickets.push((path, summary)))?;
    Ok(SummaryScan { tickets, errors: found.errors, collisions: found.collisions })
}

/// [`scan_summaries`] handing each summary to `sink` in path order as the
/// scan goes, instead of holding them all.
pub fn fold_summaries(
    root: &Path,
    local_dir: &Path,
    rules: &FileRules,
    wanted: &Wanted,
    sink: &mut dyn FnMut(PathBuf, IndexEntry),
) -> Result<ScanErrors> {
    scan::scan_kind(root, local_dir, rules, &summaries::SummaryIndex { wanted }, sink)
}

/// [`fold_summaries`] with each wanted summary turned by `map` on the
/// scan's threads, in parallel, as it is decoded; `sink` gets the results
/// in path order.
pub fn fold_summaries_mapped<T: Send>(
    root: &Path,
    local_dir: &Path,
    rules: &FileRules,
    wanted: &Wanted,
    map: &(dyn Fn(IndexEntry) -> T + Sync),
    sink: &mut dyn FnMut(PathBuf, T),
) -> Result<ScanErrors> {
    let kind = summaries::MappedSummaries { index: summaries::SummaryIndex { wanted }, map };
    scan::scan_kind(root, local_dir, rules, &kind, sink)
}

/// `map` of every ticket received at a time `keep_received` accepts, in
/// path order, from the ticket cache (`.complaint/tickets`, the whole ticket
/// in binary) where it is still valid, else parsed; refreshes that cache.
/// `map` runs in parallel as each ticket is decoded, so the tickets
/// themselves are never all held at once. The same tickets, errors and
/// collisions as [`super::scan::scan`].
pub fn scan_tickets<T: Send>(
    root: &Path,
    local_dir: &Path,
    rules: &FileRules,
    keep_received: &(dyn Fn(&Instant) -> bool + Sync),
    map: &(dyn Fn(Ticket) -> Option<T> + Sync),
) -> Result<ItemScan<T>> {
    let mut tickets = Vec::new();
    let found = fold_tickets(root, local_dir, rules, keep_received, map, &mut |path, item| tickets.push((path, item)))?;
    Ok(ItemScan { tickets, errors: found.errors, collisions: found.collisions })
}

/// [`scan_tickets`] handing each item to `sink` in path order as the scan
/// goes (a directory's files are mapped in parallel, then handed on one by
/// one), so a caller that folds them holds one directory's items at most.
pub fn fold_tickets<T: Send>(
    root: &Path,
    local_dir: &Path,
    rules: &FileRules,
    keep_received: &(dyn Fn(&Instant) -> bool + Sync),
    map: &(dyn Fn(Ticket) -> Option<T> + Sync),
    sink: &mut dyn FnMut(PathBuf, T),
) -> Result<ScanErrors> {
    scan::scan_kind(root, local_dir, rules, &tickets::TicketCache { keep_received, map }, sink)
}
