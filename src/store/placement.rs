//! Where a ticket file must be: `tickets/YYYY/MM/<ID>.yaml`, derived from
//! the ID alone (spec §2). `show` and every writer find a ticket by that
//! path only, so a file anywhere else — named after another ticket, in
//! another month's directory, or holding an ID that is not one of this
//! store — would be listed under an ID that `show` cannot find, and
//! counted twice beside the real file. Every scan checks it (cached or
//! not: a file that fails is never cached) and reports such a file like
//! any other bad file.

use std::ffi::OsStr;
use std::path::Path;

use super::file;
use super::walk::DirFd;
use crate::config::IdConfig;
use crate::error::{Error, Result};
use crate::ticket::{Ticket, TicketId};

/// What a scan checks every ticket file against.
pub struct FileRules<'a> {
    /// `[limits] max_file_bytes`: larger files are refused unread.
    pub max_bytes: u64,
    pub ids: &'a IdConfig,
    /// `[ui] lang`: the language of the warnings a scan prints.
    pub lang: crate::lang::Lang,
}

/// Checks that every ticket of the file at `path` (below `root`) has the
/// ID its path gives. Two documents of one ID (a collision kept by the
/// merge driver) pass: both carry the path's ID. Messages name only IDs
/// that are valid ones, never a hand-written value (it could be a phone
/// number typed into the wrong field).
pub fn check(tickets: &[Ticket], path: &Path, root: &Path, ids: &IdConfig) -> Result<()> {
    let relative = path.strip_prefix(root).unwrap_or(path);
    for ticket in tickets {
        let message = match TicketId::parse(&ticket.id, &ids.prefix, ids.width) {
            Ok(id) if id.relative_path() == relative => continue,
            // Not here: `show` and every writer look only there.
            Ok(id) => format!("ticket {id} belongs at {}, not here", id.relative_path().display()),
            Err(_) => format!(
                "its `id` is not a ticket ID of this store (expected {}YYYYMMDD{})",
                ids.prefix,
                "N".repeat(ids.width)
            ),
        };
        return Err(Error::BadFile { path: path.to_path_buf(), message });
    }
    Ok(())
}

/// The tickets of the file `name` a scan found in the open directory `dir`
/// (`path` below `root`, for messages and the check): read, and each
/// checked to be where its ID puts it ([`check`]); with the ID collision
/// the file is if it holds several. What every scan reads.
pub fn read_placed(
    dir: &DirFd,
    name: &OsStr,
    path: &Path,
    root: &Path,
    rules: &FileRules,
) -> Result<(Vec<Ticket>, Option<Error>)> {
    let tickets = file::read_tickets_in(dir, name, path, rules.max_bytes)?;
    check(&tickets, path, root, rules.ids)?;
    let collision = collision(&tickets, path);
    Ok((tickets, collision))
}

/// The ID collision that a file holding several tickets is (kept by the
/// merge driver, spec §8); `None` for a file of one ticket.
fn collision(tickets: &[Ticket], path: &Path) -> Option<Error> {
    (tickets.len() > 1).then(|| Error::IdCollision {
        id: tickets[0].id.clone(),
        path: path.to_path_buf(),
        uids: tickets.iter().map(|t| t.uid.clone()).collect(),
    })
}

/// The ID a cache entry for `name` in the directory `dir_key`
/// (`tickets/2026/11`) must hold: the file's name, when it is where that
/// ID puts it. A cache entry is used only if its ticket has this ID, so no
/// entry can ever vouch for a misplaced file.
pub fn expected_id<'n>(dir_key: &str, name: &'n str, ids: &IdConfig) -> Option<&'n str> {
    let stem = name.strip_suffix(".yaml")?;
    if !TicketId::is_valid(stem, &ids.prefix, ids.width) {
        return None;
    }
    // `tickets/YYYY/MM` from the ID's date digits, compared without building
    // a path: this runs for every cached file of every scan.
    let date = &stem[ids.prefix.len()..];
    let (year, month) = (&date[..4], &date[4..6]);
    let in_place = dir_key.strip_prefix("tickets/").and_then(|rest| rest.split_once('/')) == Some((year, month));
    in_place.then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> IdConfig {
        IdConfig { prefix: "CP".into(), width: 3 }
    }

    #[test]
    fn a_cache_entry_id_comes_from_a_well_placed_name_only() {
        assert_eq!(expected_id("tickets/2026/11", "CP20261123001.yaml", &ids()), Some("CP20261123001"));
        assert_eq!(expected_id("tickets/2026/10", "CP20261123001.yaml", &ids()), None);
        assert_eq!(expected_id("tickets/2026/11/x", "CP20261123001.yaml", &ids()), None);
        assert_eq!(expected_id("tickets/2026/11", "notes.yaml", &ids()), None);
        assert_eq!(expected_id("tickets/2026/11", "CP202611230001.yaml", &ids()), None);
    }
}
