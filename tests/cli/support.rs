//! A temp store and a `complaint` command bound to it.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub struct Store {
    pub dir: tempfile::TempDir,
}

impl Store {
    /// A new, initialised store.
    pub fn new() -> Store {
        let store = Store::empty();
        store.cmd("2026-11-23 08:00").arg("init").arg(store.path()).assert().success();
        store
    }

    /// An empty directory, not yet a store.
    pub fn empty() -> Store {
        Store { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `complaint` run in the store with "now" fixed and a known actor.
    pub fn cmd(&self, now: &str) -> Command {
        let mut cmd = Command::cargo_bin("complaint").expect("binary built");
        cmd.current_dir(self.path())
            .env_remove("COMPLAINT_STORE")
            .env_remove("COMPLAINT_SMTP_URL")
            .env("COMPLAINT_NOW", now)
            .env("COMPLAINT_USER", "wang")
            .env("NO_COLOR", "1")
            // Messages before a store is open follow the locale: English here.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_US.UTF-8");
        cmd
    }

    /// Runs `complaint new` with the usual required fields plus `extra`,
    /// received at `received`, and returns the printed ID.
    pub fn new_ticket(&self, received: &str, extra: &[&str]) -> String {
        let defaults = [
            ("--customer", "张三"),
            ("--contact", "13812345678"),
            ("--channel", "phone"),
            ("--summary", "表带断裂，要求换货"),
        ];
        let mut args = vec!["new"];
        for (flag, value) in defaults {
            if !extra.contains(&flag) {
                args.extend([flag, value]);
            }
        }
        args.extend_from_slice(extra);
        let output = self.cmd(received).args(&args).output().expect("runs");
        assert!(output.status.success(), "new failed: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).expect("utf-8").trim().to_string()
    }

    /// Runs a command that must succeed.
    pub fn ok(&self, now: &str, args: &[&str]) -> String {
        let output = self.cmd(now).args(args).output().expect("runs");
        assert!(
            output.status.success(),
            "{args:?} failed ({:?}): {}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }

    pub fn ticket_path(&self, id: &str) -> PathBuf {
        self.path().join("tickets").join(&id[2..6]).join(&id[6..8]).join(format!("{id}.yaml"))
    }

    pub fn read_ticket(&self, id: &str) -> String {
        std::fs::read_to_string(self.ticket_path(id)).expect("ticket file")
    }

    pub fn ticket_yaml(&self, id: &str) -> serde_yaml::Value {
        serde_yaml::from_str(&self.read_ticket(id)).expect("ticket parses")
    }

    /// Every file of the store (except the local lock dir) and its bytes.
    pub fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        walkdir::WalkDir::new(self.path())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && !e.path().components().any(|c| c.as_os_str() == ".complaint"))
            .map(|e| (e.path().strip_prefix(self.path()).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
            .collect()
    }

    /// Runs `args` expecting exit 2, a message containing every needle, and
    /// no file changed. The needles are English: the store speaks English
    /// (`[ui] lang = "en"`) for this one command (test_lang checks the
    /// Chinese of the default).
    pub fn fails_unchanged(&self, now: &str, args: &[&str], needles: &[&str]) -> String {
        let before = self.files();
        let config_path = self.path().join("complaint.toml");
        let config = std::fs::read_to_string(&config_path).ok();
        if let Some(text) = &config {
            std::fs::write(&config_path, text.replacen("lang = \"zh-CN\"", "lang = \"en\"", 1)).unwrap();
        }
        let output = self.cmd(now).args(args).output().expect("runs");
        if let Some(text) = &config {
            std::fs::write(&config_path, text).unwrap();
        }
        let stderr = String::from_utf8(output.stderr).expect("utf-8");
        assert_eq!(output.status.code(), Some(2), "{args:?}: expected exit 2, stderr: {stderr}");
        assert!(stderr.starts_with("complaint: error: "), "{args:?}: {stderr}");
        for needle in needles {
            assert!(stderr.contains(needle), "{args:?}: {needle:?} not in: {stderr}");
        }
        assert!(output.stdout.is_empty(), "{args:?}: stdout not empty");
        assert_eq!(self.files(), before, "{args:?} changed files");
        stderr
    }
}

/// The uid is random; replace it for snapshots.
pub fn normalise_uid(text: &str) -> String {
    let re_start = text.find("uid: ").map(|i| i + 5);
    match re_start {
        Some(start) => {
            let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
            format!("{}<UID>{}", &text[..start], &text[end..])
        }
        None => text.to_string(),
    }
}
