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
use crate::ticket::text::on_one_line;

mod status;
pub use status::{FileState, Uncommitted};

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
    /// Where refs and packed-refs live: `git_dir` itself, or for a linked
    /// worktree the main repository's git dir.
    common_dir: PathBuf,
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
        on_one_line(&format!("{}: {}", self.id, self.what))
    }

    pub fn text(&self) -> String {
        message_text(
            &self.subject(),
            self.note.as_deref(),
            &[("Complaint-Id", &self.id), ("Action", &self.action), ("Actor", &self.actor)],
        )
    }
}

/// The keys of the trailers `complaint` writes; docs/git.md tells auditors
/// to grep for them anchored (`^Complaint-Id: …$`).
const TRAILER_KEYS: [&str; 3] = ["Complaint-Id:", "Action:", "Actor:"];

/// A commit message: subject, optional body, trailers. Input is checked
/// before it gets here (crate::ticket::text); this is the second line of
/// defence, so that no value can forge a trailer: subject and trailer values
/// are forced onto one line, and a body line that starts like one of our
/// trailers is quoted (`> `), so an anchored `git log --grep` never matches it.
pub fn message_text(subject: &str, body: Option<&str>, trailers: &[(&str, &str)]) -> String {
    let mut text = on_one_line(subject);
    text.push_str("\n\n");
    if let Some(body) = body.map(str::trim).filter(|b| !b.is_empty()) {
        for line in body.lines() {
            if starts_like_a_trailer(line) {
                text.push_str("> ");
            }
            text.push_str(line);
            text.push('\n');
        }
        text.push('\n');
    }
    for (key, value) in trailers {
        text.push_str(&format!("{key}: {}\n", on_one_line(value).trim()));
    }
    text
}

fn starts_like_a_trailer(line: &str) -> bool {
    let line = line.trim_start().as_bytes();
    TRAILER_KEYS.iter().any(|key| line.len() >= key.len() && line[..key.len()].eq_ignore_ascii_case(key.as_bytes()))
}

/// One commit that touched a ticket file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LogEntry {
    pub hash: String,
    pub date: String,
    pub author: String,
    pub subject: String,
}

/// `git config user.name` run in `dir` (the store need not be in git: the
/// global setting counts), as git stores it (only git's own line end
/// removed), so that a name holding a line break is refused, not trimmed.
/// `None` when unset, blank, or git does not run.
pub fn user_name(dir: &Path) -> Option<String> {
    let output = Command::new("git").args(["config", "user.name"]).current_dir(dir).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let name = text.strip_suffix('\n').unwrap_or(&text);
    (output.status.success() && !name.trim().is_empty()).then(|| name.to_string())
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
        // A linked worktree names the shared git dir in `commondir`.
        let common_dir = match std::fs::read_to_string(git_dir.join("commondir")) {
            Ok(relative) => git_dir.join(relative.trim_end_matches('\n')),
            Err(_) => git_dir.clone(),
        };
        Some(Repo { top, git_dir, common_dir })
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
    pub fn blocker(&self, commit_later: &str) -> Option<Error> {
        if let Some((what, finish)) = self.in_progress() {
            return Some(git_error(
                format!("not committed: the repository is in the middle of {what}; the ticket change is saved"),
                format!("{finish}; then commit the ticket: {commit_later}"),
            ));
        }
        let locks = self.lock_files();
        if locks.is_empty() {
            return None;
        }
        let shown: Vec<String> = locks.iter().map(|l| l.display().to_string()).collect();
        Some(git_error(
            format!("not committed: {} exists; the ticket change is saved", shown.join(", ")),
            format!(
                "another git process is running, or one was killed and left the lock. If no git is running, \
                 remove it (rm {}), then commit the ticket: {commit_later} (or run `complaint check --fix`)",
                shown.join(" ")
            ),
        ))
    }

    /// The lock files that make a commit fail or that a killed git left
    /// behind: the index's, the temporary index of `commit --only`
    /// (`next-index-PID.lock`), HEAD's, the current branch's and packed-refs'.
    fn lock_files(&self) -> Vec<PathBuf> {
        let mut candidates = vec![self.git_dir.join("index.lock"), self.git_dir.join("HEAD.lock")];
        if let Some(branch) = self.branch_ref() {
            candidates.push(self.common_dir.join(format!("{branch}.lock")));
        }
        candidates.push(self.common_dir.join("packed-refs.lock"));
        let mut locks: Vec<PathBuf> = candidates.into_iter().filter(|p| p.symlink_metadata().is_ok()).collect();
        if let Ok(entries) = std::fs::read_dir(&self.git_dir) {
            let mut next_index: Vec<PathBuf> = entries
                .flatten()
                .filter(|e| {
                    e.file_name().to_str().is_some_and(|n| n.starts_with("next-index-") && n.ends_with(".lock"))
                })
                .map(|e| e.path())
                .collect();
            next_index.sort();
            locks.extend(next_index);
        }
        locks
    }

    /// `refs/heads/BRANCH` that HEAD points to, read from the HEAD file (no
    /// git process: this runs before every commit).
    fn branch_ref(&self) -> Option<String> {
        let head = std::fs::read_to_string(self.git_dir.join("HEAD")).ok()?;
        let branch = head.strip_prefix("ref: ")?.trim_end();
        // A ref name never holds `..`; refuse one that would leave the git dir.
        (branch.starts_with("refs/") && !branch.contains("..")).then(|| branch.to_string())
    }

    /// The command a user can run to make the commit by hand.
    pub fn commit_command(&self, paths: &[PathBuf], subject: &str) -> String {
        let shown: Vec<String> = paths.iter().map(|p| self.relative(p)).collect();
        format!("git add -- {0} && git commit -m '{1}' -- {0}", shown.join(" "), subject.replace('\'', ""))
    }

    fn relative(&self, path: &Path) -> String {
        path.strip_prefix(&self.top).unwrap_or(path).to_string_lossy().into_owned()
    }

    /// Commits exactly `paths` with `message`; returns the short hash.
    /// Whatever else is staged stays staged and is not committed.
    pub fn commit(&self, paths: &[PathBuf], message: &CommitMessage) -> Result<String> {
        self.commit_with_text(paths, &message.text(), &self.commit_command(paths, &message.subject()))
    }

    /// Commits exactly `paths` as the change of several tickets (an import,
    /// a repair): `subject`, an optional `body`, a `Complaint-Id` trailer per
    /// ticket so the audit search by ID finds it, then `Action` and `Actor`.
    pub fn commit_tickets(
        &self,
        paths: &[PathBuf],
        ids: &[String],
        subject: &str,
        body: Option<&str>,
        (action, actor): (&str, &str),
    ) -> Result<String> {
        let mut trailers: Vec<(&str, &str)> = ids.iter().map(|id| ("Complaint-Id", id.as_str())).collect();
        trailers.extend([("Action", action), ("Actor", actor)]);
        let text = message_text(subject, body, &trailers);
        self.commit_with_text(paths, &text, &self.commit_command(paths, subject))
    }

    /// Commits exactly `paths` with the message `text` (see [`message_text`]);
    /// `commit_later` is the command that makes the commit by hand, for the
    /// hint when it cannot be made.
    pub fn commit_with_text(&self, paths: &[PathBuf], text: &str, commit_later: &str) -> Result<String> {
        if let Some(blocker) = self.blocker(commit_later) {
            return Err(blocker);
        }
        let commit_later = commit_later.to_string();
        if !self.has_user_name() {
            return Err(git_error(
                "not committed: git user.name is not set; the ticket change is saved",
                format!(
                    "run `git config user.name \"你的名字\"` and `git config user.email you@example.com`, then: {commit_later}"
                ),
            ));
        }
        let relative: Vec<String> = paths.iter().map(|p| self.relative(p)).collect();
        // A deleted file is not added: `commit --only` takes its removal from
        // the work tree, and `git add` fails on a path already removed from
        // the index.
        let existing: Vec<&str> = paths
            .iter()
            .zip(&relative)
            .filter(|(p, _)| p.symlink_metadata().is_ok())
            .map(|(_, r)| r.as_str())
            .collect();
        if !existing.is_empty() {
            let mut add = vec!["add", "--"];
            add.extend(existing);
            let output = self.run(&add)?;
            if !output.status.success() {
                return Err(self.failed("git add", &output, &commit_later));
            }
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
            .write_all(text.as_bytes())
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
        // A git killed by a signal says nothing; its exit status does.
        let status = output.status.to_string();
        let detail = stderr.lines().find(|l| !l.trim().is_empty()).map_or(status.as_str(), str::trim);
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
