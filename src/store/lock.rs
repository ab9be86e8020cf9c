//! The store lock: an advisory exclusive lock on `.complaint/lock`. The
//! kernel releases it when the process dies, so a crashed command never
//! leaves a stale lock behind.
//!
//! Waiting is bounded: after a second the waiter says who holds the lock,
//! and after `[limits] lock_wait` it gives up (a hung or stopped process
//! must not make every cron job and agent wait forever).

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use crate::error::{Error, Result};

/// How long a waiter stays silent before it says what it waits for.
const QUIET_WAIT: Duration = Duration::from_secs(1);

#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

impl StoreLock {
    /// Takes the lock, waiting at most `max_wait`; `waiting` is called once
    /// if the lock is still held after a second, with the holder's PID when
    /// it can be found.
    pub fn acquire(local_dir: &Path, max_wait: Duration, waiting: &dyn Fn(&Path, Option<u32>)) -> Result<StoreLock> {
        let path = local_dir.join("lock");
        // Never through a link, never a FIFO (which would hang).
        let file = super::local::open_lock_file(local_dir)?;
        let file = match file.try_lock() {
            Ok(()) => file,
            Err(std::fs::TryLockError::WouldBlock) => wait_for(file, &path, max_wait, waiting)?,
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io("lock", &path, e)),
        };
        record_holder(&file);
        Ok(StoreLock { _file: file })
    }
}

/// Blocks in a helper thread so that the kernel queues us fairly, while
/// this thread keeps the clock: a word after a second, an error after
/// `max_wait`. A thread that gets the lock after we gave up drops it at once.
fn wait_for(file: File, path: &Path, max_wait: Duration, waiting: &dyn Fn(&Path, Option<u32>)) -> Result<File> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let locked = file.lock().map(|()| file);
        let _ = sender.send(locked);
    });
    let started = std::time::Instant::now();
    let first = receiver.recv_timeout(QUIET_WAIT.min(max_wait));
    let outcome = match first {
        Err(mpsc::RecvTimeoutError::Timeout) if max_wait > QUIET_WAIT => {
            waiting(path, holder_pid(path));
            receiver.recv_timeout(max_wait.saturating_sub(started.elapsed()))
        }
        other => other,
    };
    match outcome {
        Ok(locked) => locked.map_err(|e| Error::io("lock", path, e)),
        Err(_) => Err(Error::LockTimeout {
            path: path.to_path_buf(),
            waited_secs: max_wait.as_secs(),
            holder: holder_pid(path),
        }),
    }
}

/// Leaves our PID in the lock file, for people and for systems without
/// `/proc/locks`.
fn record_holder(file: &File) {
    let mut file = file;
    if file.set_len(0).is_ok() {
        let _ = writeln!(file, "{}", std::process::id());
    }
}

/// The holder's PID: from `/proc/locks` (exact, also for `flock(1)`), else
/// the PID the holder wrote into the file.
fn holder_pid(path: &Path) -> Option<u32> {
    let inode = std::fs::symlink_metadata(path).ok()?.ino();
    let from_kernel = std::fs::read_to_string("/proc/locks").ok().and_then(|locks| pid_in_proc_locks(&locks, inode));
    from_kernel.or_else(|| std::fs::read_to_string(path).ok()?.trim().parse().ok())
}

/// Lines look like `1: FLOCK  ADVISORY  WRITE 4242 fd:01:131 0 EOF`;
/// waiters' lines carry `->` and are skipped.
fn pid_in_proc_locks(locks: &str, inode: u64) -> Option<u32> {
    locks.lines().filter(|line| !line.contains("->")).find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (kind, pid, device_inode) = (fields.get(1)?, fields.get(4)?, fields.get(5)?);
        let lock_inode: u64 = device_inode.rsplit(':').next()?.parse().ok()?;
        (*kind == "FLOCK" && lock_inode == inode).then(|| pid.parse().ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_holder_of_an_inode_and_skips_waiters() {
        let locks = "1: POSIX  ADVISORY  WRITE 100 fd:01:77 0 EOF\n\
                     2: FLOCK  ADVISORY  WRITE 4242 fd:01:131 0 EOF\n\
                     2: -> FLOCK  ADVISORY  WRITE 5151 fd:01:131 0 EOF\n";
        assert_eq!(pid_in_proc_locks(locks, 131), Some(4242));
        assert_eq!(pid_in_proc_locks(locks, 77), None);
        assert_eq!(pid_in_proc_locks(locks, 9), None);
    }
}
