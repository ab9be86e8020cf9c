//! Files that differ from HEAD: what a killed auto-commit leaves behind
//! (modified, staged or untracked ticket files) and `check` must report.

use std::path::{Path, PathBuf};

use super::Repo;
use crate::error::{Error, Result};

/// A file whose work-tree or index version is not the one in HEAD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncommitted {
    pub path: PathBuf,
    pub state: FileState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// Changed in the work tree, not staged.
    Modified,
    /// Staged (a killed `git commit` leaves the file added), not committed.
    Staged,
    /// A new file git does not track yet.
    Untracked,
    /// Gone from the work tree (or the index) but still in HEAD.
    Deleted,
    /// Part of an unfinished merge.
    Unmerged,
}

impl FileState {
    /// From the two status letters of `git status --porcelain` (index, work tree).
    fn from_letters(index: u8, worktree: u8) -> FileState {
        match (index, worktree) {
            (b'?', _) => FileState::Untracked,
            (b'U', _) | (_, b'U') | (b'A', b'A') | (b'D', b'D') => FileState::Unmerged,
            (b'D', _) | (_, b'D') => FileState::Deleted,
            (_, b' ') => FileState::Staged,
            _ => FileState::Modified,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            FileState::Modified => "modified",
            FileState::Staged => "staged",
            FileState::Untracked => "new",
            FileState::Deleted => "deleted",
            FileState::Unmerged => "unmerged",
        }
    }
}

impl Repo {
    /// The files under `dirs` that differ from HEAD, in git's order. Ignored
    /// files are not listed; untracked ones are, one by one.
    pub fn uncommitted(&self, dirs: &[PathBuf]) -> Result<Vec<Uncommitted>> {
        let pathspecs: Vec<String> = dirs.iter().map(|d| format!(":(literal){}", self.relative(d))).collect();
        let mut args = vec!["status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=all", "--"];
        args.extend(pathspecs.iter().map(String::as_str));
        let output = self.run(&args)?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(Error::Git {
                message: format!("`git status` failed ({})", stderr.lines().next().unwrap_or("no message").trim()),
                hint: Some("fix what git reports, then run the command again".into()),
            });
        }
        Ok(parse_porcelain(&output.stdout, self.top()))
    }
}

/// `XY PATH\0` records; with `--no-renames` there is no second path.
fn parse_porcelain(bytes: &[u8], top: &Path) -> Vec<Uncommitted> {
    bytes
        .split(|&b| b == 0)
        .filter(|record| record.len() > 3)
        .map(|record| Uncommitted {
            path: top.join(String::from_utf8_lossy(&record[3..]).as_ref()),
            state: FileState::from_letters(record[0], record[1]),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porcelain_records_become_states() {
        let out = b" M tickets/a.yaml\0M  tickets/b.yaml\0?? tickets/c.yaml\0 D tickets/d.yaml\0D  tickets/e.yaml\0UU tickets/f.yaml\0MM tickets/g.yaml\0";
        let states: Vec<FileState> = parse_porcelain(out, Path::new("/s")).into_iter().map(|u| u.state).collect();
        use FileState::*;
        assert_eq!(states, [Modified, Staged, Untracked, Deleted, Deleted, Unmerged, Modified]);
        assert_eq!(parse_porcelain(b"?? a b.yaml\0", Path::new("/s"))[0].path, Path::new("/s/a b.yaml"));
    }
}
