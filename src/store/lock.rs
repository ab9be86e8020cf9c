//! The store lock: an advisory exclusive lock on `.complaint/lock`. The
//! kernel releases it when the process dies, so a crashed command never
//! leaves a stale lock behind.

use std::fs::File;
use std::path::Path;

use crate::error::{Error, Result};

#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

impl StoreLock {
    pub fn acquire(local_dir: &Path) -> Result<StoreLock> {
        // Never through a link, never a FIFO (which would hang).
        let file = super::local::open_lock_file(local_dir)?;
        let path = local_dir.join("lock");
        file.lock().map_err(|e| Error::io("lock", &path, e))?;
        Ok(StoreLock { _file: file })
    }
}
