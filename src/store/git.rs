//! Git, through the `git` command line (docs/git.md says why: no native
//! dependency, and the user's config, hooks, credentials and signing apply
//! exactly as in their own `git commit`).
//!
//! Commits take only the ticket files a command wrote: `git add -- PATH`
//! then `git commit --only -- PATH`, which builds the commit from HEAD plus
//! those paths in a temporary index, so whatever else the user has staged
//! stays staged and out of the commit.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::error::{Error, Result};

/// The name the merge driver is registered under in git config and
/// `.gitattributes`.
pub const DRIVER_NAME: &str = "complaint";
pub const DRIVER_COMMAND: &str = "complaint merge-driver %O %A %B %P";
pub const ATTRIBUTES_LINE: &str = "tickets/**/*.yaml merge=complaint";

/// A git work tree.
#[derive(Debug, Clone)]
pub struct Repo {
    top: PathBuf,
    git_dir: PathBuf,
}

/// What a commit says: subject `<ID>: <what>`, the note as body, trailers.
#[derive(Debug, Clone)]
pub struct CommitMessage {
    pub id: String,
    pub what: String,
    pub action: String,
    pub actor: String,
    pub note: Option<String>,
}

impl CommitMessage {
    pub fn subject(&self) -> String {
        format!("{}: {}", self.id, self.what)
    }

    pub fn text(&self) -> String {
        let mut text = self.subject();
        text.push_str("\n\n");
        if let Some(note) = self.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            text.push_str(note);
            text.push_str("\n\n");
        }
        text.push_str(&format!("Complaint-Id: {}\nAction: {}\nActor: {}\n", self.id, self.action, self.actor));
        text
    }
}

/// One commit that touched a ticket file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LogEntry {
    pub hash: String,
    pub date: String,
    pub author: String,
    pub subject: String,
}

fn git_error(message: impl Into<String>, hint: impl Into<String>) -> Error {
    Error::Git { message: message.into(), hint: Some(hint.into()) }
}

impl Repo {
    /// The work tree holding `dir`, if `dir` is in one and git runs.
    pub fn discover(dir: &Path) -> Option<Repo> {
        let output = Command::new("git")
            .args(["rev-parse", "--show-toplevel", "--absolute-git-dir"])
            .current_dir(dir)
            .stdin(Stdio::null())
            .output()
            .ok()?;
        if !output.status.success() {
            return None;
        }
        let text = String::from_utf8(output.stdout).ok()?;
        let mut lines = text.lines();
        let top = PathBuf::from(lines.next()?);
        let git_dir = PathBuf::from(lines.next()?);
        Some(Repo { top, git_dir })
    }

    /// Like [`Repo::discover`], but an error when `dir` is not in git.
    pub fn require(dir: &Path) -> Result<Repo> {
        Repo::discover(dir).ok_or_else(|| {
            git_error(
                format!("{} is not inside a git work tree", dir.display()),
                "see docs/git.md: `git init` or `git clone` the team's repository, then `complaint init`",
            )
        })
    }

    pub fn top(&self) -> &Path {
        &self.top
    }

    fn git(&self) -> Command {
        let mut cmd = Command::new("git");
        cmd.current_dir(&self.top).stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Result<Output> {
        self.git().args(args).output().map_err(|e| Error::io("run", "git", e))
    }

    /// An unfinished operation (merge, rebase …): what it is, and how to
    /// finish it.
    pub fn in_progress(&self) -> Option<(&'static str, &'static str)> {
        let state = [
            ("MERGE_HEAD", "a merge", "finish it (resolve, `git add`, `git commit`) or `git merge --abort`"),
            ("rebase-merge", "a rebase", "finish it with `git rebase --continue` or `git rebase --abort`"),
            ("rebase-apply", "a rebase or `git am`", "finish it with `git rebase --continue` or `--abort`"),
            ("CHERRY_PICK_HEAD", "a cherry-pick", "finish it with `git cherry-pick --continue` or `--abort`"),
            ("REVERT_HEAD", "a revert", "finish it with `git revert --continue` or `--abort`"),
        ];
        state.into_iter().find(|(file, _, _)| self.git_dir.join(file).exists()).map(|(_, what, finish)| (what, finish))
    }

    /// Why a commit cannot be made now (merge, rebase, stale lock), as an
    /// error whose hint says how to finish and then commit `paths`.
    pub fn blocker(&self, paths: &[PathBuf], message: &CommitMessage) -> Option<Error> {
        let commit_later = self.commit_command(paths, message);
        if let Some((what, finish)) = self.in_progress() {
            return Some(git_error(
                format!("not committed: the repository is in the middle of {what}; the ticket change is saved"),
                format!("{finish}; then commit the ticket: {commit_later}"),
            ));
        }
        let lock = self.git_dir.join("index.lock");
        if lock.exists() {
            return Some(git_error(
                format!("not committed: {} exists; the ticket change is saved", lock.display()),
                format!(
                    "another git process is running, or one crashed and left the lock. If no git is running, \
                     remove it (rm {}), then commit the ticket: {commit_later}",
                    lock.display()
                ),
            ));
        }
        None
    }

    /// The command a user can run to make the commit by hand.
    pub fn commit_command(&self, paths: &[PathBuf], message: &CommitMessage) -> String {
        let shown: Vec<String> = paths.iter().map(|p| self.relative(p)).collect();
        format!("git add -- {0} && git commit -m '{1}' -- {0}", shown.join(" "), message.subject().replace('\'', ""))
    }

    fn relative(&self, path: &Path) -> String {
        path.strip_prefix(&self.top).unwrap_or(path).to_string_lossy().into_owned()
    }

    /// Commits exactly `paths` with `message`; returns the short hash.
    /// Whatever else is staged stays staged and is not committed.
    pub fn commit(&self, paths: &[PathBuf], message: &CommitMessage) -> Result<String> {
        if let Some(blocker) = self.blocker(paths, message) {
            return Err(blocker);
        }
        let commit_later = self.commit_command(paths, message);
        if !self.has_user_name() {
            return Err(git_error(
                "not committed: git user.name is not set; the ticket change is saved",
                format!(
                    "run `git config user.name \"你的名字\"` and `git config user.email you@example.com`, then: {commit_later}"
                ),
            ));
        }
        let relative: Vec<String> = paths.iter().map(|p| self.relative(p)).collect();
        let mut add = vec!["add", "--"];
        add.extend(relative.iter().map(String::as_str));
        let output = self.run(&add)?;
        if !output.status.success() {
            return Err(self.failed("git add", &output, &commit_later));
        }
        let mut commit = vec!["commit", "--quiet", "--only", "--cleanup=whitespace", "-F", "-", "--"];
        commit.extend(relative.iter().map(String::as_str));
        let mut child = self
            .git()
            .args(&commit)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| Error::io("run", "git", e))?;
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(message.text().as_bytes())
            .map_err(|e| Error::io("write to", "git commit", e))?;
        let output = child.wait_with_output().map_err(|e| Error::io("run", "git commit", e))?;
        if !output.status.success() {
            return Err(self.failed("git commit", &output, &commit_later));
        }
        let head = self.run(&["rev-parse", "--short", "HEAD"])?;
        Ok(String::from_utf8_lossy(&head.stdout).trim().to_string())
    }

    fn failed(&self, what: &str, output: &Output, commit_later: &str) -> Error {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let detail = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("no message").trim();
        git_error(
            format!("not committed: {what} failed ({detail}); the ticket change is saved"),
            format!("fix what git reports, then: {commit_later}"),
        )
    }

    /// Git refuses to commit without an author; `GIT_AUTHOR_NAME` counts.
    fn has_user_name(&self) -> bool {
        if std::env::var_os("GIT_AUTHOR_NAME").is_some_and(|n| !n.is_empty()) {
            return true;
        }
        self.config_get("user.name").is_some_and(|n| !n.is_empty())
    }

    fn config_get(&self, key: &str) -> Option<String> {
        let output = self.run(&["config", "--get", key]).ok()?;
        output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    }

    /// Registers the merge driver in the repository's own config (not
    /// global: a clone opts in by running `complaint init`). Returns the
    /// keys it set; keys already present are left as the user has them.
    pub fn register_merge_driver(&self) -> Result<Vec<String>> {
        let mut set = Vec::new();
        for (key, value) in [
            (format!("merge.{DRIVER_NAME}.name"), "complaint tickets: union of history events"),
            (format!("merge.{DRIVER_NAME}.driver"), DRIVER_COMMAND),
        ] {
            if self.config_get(&key).is_some() {
                continue;
            }
            let output = self.run(&["config", "--local", &key, value])?;
            if !output.status.success() {
                return Err(self.failed("git config", &output, "complaint init"));
            }
            set.push(format!("{key} = {value}"));
        }
        Ok(set)
    }

    /// Whether the merge driver is registered (any value).
    pub fn driver_registered(&self) -> bool {
        self.config_get(&format!("merge.{DRIVER_NAME}.driver")).is_some()
    }

    /// The commits that touched `path`, newest first.
    pub fn file_log(&self, path: &Path) -> Result<Vec<LogEntry>> {
        let relative = self.relative(path);
        let output = self.run(&["log", "--format=%h%x1f%aI%x1f%an%x1f%s", "--", &relative])?;
        if !output.status.success() {
            // A repository without commits has no history yet.
            return Ok(Vec::new());
        }
        Ok(String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| {
                let mut parts = line.splitn(4, '\u{1f}');
                Some(LogEntry {
                    hash: parts.next()?.to_string(),
                    date: parts.next()?.to_string(),
                    author: parts.next()?.to_string(),
                    subject: parts.next()?.to_string(),
                })
            })
            .collect())
    }

    /// Runs `git ARGS` with its output shown to the user; an error naming
    /// the step and saying what to do when it fails.
    pub fn step(&self, args: &[&str], hint: &str) -> Result<()> {
        let status = self
            .git()
            .args(args)
            // Git's own report goes to stderr: stdout is for data.
            .stdout(Stdio::from(std::io::stderr()))
            .stderr(Stdio::inherit())
            .status()
            .map_err(|e| Error::io("run", "git", e))?;
        if status.success() {
            Ok(())
        } else {
            Err(git_error(format!("`git {}` failed; stopped", args.join(" ")), hint))
        }
    }
}
