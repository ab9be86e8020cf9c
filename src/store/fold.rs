//! Folding several ticket files into one (`check --fix` merging a ticket
//! renumbered on two clones): write first, remove second.

use std::path::{Path, PathBuf};

use super::{Store, StoreLock, file};
use crate::error::{Error, Result};
use crate::ticket::{Ticket, TicketId};

impl Store {
    /// Writes `kept` over its file (atomically, synced), and only then
    /// removes the file of each ID of `gone`, syncing its directory: a kill
    /// in between leaves `kept` whole beside a file that still holds its
    /// copy (an extra copy, which `check` reports and `check --fix` folds
    /// again), never a lost event. A `gone` file is removed only while it
    /// holds a copy of `kept` (same uid) and nothing else. Returns the paths
    /// written and removed, for the commit.
    pub fn fold_into(&self, _held: &StoreLock, kept: &Ticket, gone: &[TicketId]) -> Result<Vec<PathBuf>> {
        self.save(kept)?;
        let mut paths = vec![self.path_of(&self.parse_id(&kept.id)?)];
        for id in gone {
            let path = self.path_of(id);
            let copies = file::read_tickets(&path, &self.root, self.config.limits.max_file_bytes)?;
            if copies.iter().any(|t| t.uid != kept.uid) {
                return Err(Error::BadFile {
                    path,
                    message: format!("holds another ticket than uid {}; not removed", kept.uid),
                });
            }
            remove_synced(&path)?;
            paths.push(path);
        }
        Ok(paths)
    }
}

/// Removes a file and syncs its directory, so that the removal is on disk
/// before the command reports it done.
pub(super) fn remove_synced(path: &Path) -> Result<()> {
    std::fs::remove_file(path).map_err(|e| Error::io("remove", path, e))?;
    sync_dir(path.parent().unwrap_or(Path::new(".")))
}

pub(super) fn sync_dir(dir: &Path) -> Result<()> {
    std::fs::File::open(dir).and_then(|d| d.sync_all()).map_err(|e| Error::io("sync directory", dir, e))
}
