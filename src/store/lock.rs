//! The store lock: an advisory exclusive lock on `.complaint/lock`. The
//! kernel releases it when the process dies, so a crashed command never
//! leaves a stale lock behind.

use std::fs::{File, OpenOptions};
use std::path::Path;

use crate::error::{Error, Result};

#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

impl StoreLock {
    pub fn acquire(local_dir: &Path) -> Result<StoreLock> {
        std::fs::create_dir_all(local_dir).map_err(|e| Error::io("create directory", local_dir, e))?;
        let path = local_dir.join("lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io("open lock file", &path, e))?;
        file.lock().map_err(|e| Error::io("lock", &path, e))?;
        Ok(StoreLock { _file: file })
    }
}
