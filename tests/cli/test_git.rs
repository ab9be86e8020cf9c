//! Git: auto-commit, the merge driver between real clones of a bare
//! repository, ID collisions and `check --fix`, blocked commits, `log --git`,
//! `sync`. Every git runs with the global and system config switched off.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub(crate) const NOW: &str = "2026-11-23 10:00";

/// A bare "team" repository in a temp dir, and clones of it.
pub(crate) struct Team {
    pub(crate) dir: tempfile::TempDir,
}

pub(crate) struct Clone {
    pub(crate) dir: PathBuf,
}

/// PATH with the built `complaint` first, so git finds the merge driver.
fn path_with_binary() -> String {
    let bin = assert_cmd::cargo::cargo_bin("complaint");
    let dir = bin.parent().unwrap().display().to_string();
    format!("{dir}:{}", std::env::var("PATH").unwrap_or_default())
}

pub(crate) fn isolate(cmd: &mut std::process::Command) {
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_MERGE_AUTOEDIT", "no")
        .env("PATH", path_with_binary())
        .env("NO_COLOR", "1")
        .env_remove("COMPLAINT_STORE")
        .env_remove("GIT_AUTHOR_NAME")
        .env_remove("GIT_COMMITTER_NAME")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("EMAIL");
}

pub(crate) fn git_in(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new("git");
    cmd.args(args).current_dir(dir);
    isolate(&mut cmd);
    cmd.output().expect("git runs")
}

/// Runs git, which must succeed; returns stdout.
pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let output = git_in(dir, args);
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

impl Team {
    /// A bare remote, and a first clone `a` holding an initialised,
    /// committed and pushed store.
    pub(crate) fn new() -> (Team, Clone) {
        let team = Team { dir: tempfile::tempdir().unwrap() };
        git(team.dir.path(), &["init", "--quiet", "--bare", "-b", "main", "remote.git"]);
        let a = team.clone_as("a", "王芳");
        a.ok(NOW, &["init"]);
        git(&a.dir, &["add", "-A"]);
        git(&a.dir, &["commit", "--quiet", "-m", "complaint store"]);
        git(&a.dir, &["push", "--quiet", "-u", "origin", "main"]);
        (team, a)
    }

    /// A clone with its own user; `complaint init` not yet run.
    fn clone_as(&self, name: &str, user: &str) -> Clone {
        git(self.dir.path(), &["clone", "--quiet", "remote.git", name]);
        let dir = self.dir.path().join(name);
        git(&dir, &["config", "user.name", user]);
        git(&dir, &["config", "user.email", &format!("{name}@example.com")]);
        Clone { dir }
    }

    /// A clone that ran `complaint init` (the merge driver registered).
    pub(crate) fn member(&self, name: &str, user: &str) -> Clone {
        let clone = self.clone_as(name, user);
        clone.ok(NOW, &["init"]);
        clone
    }
}

impl Clone {
    pub(crate) fn cmd(&self, now: &str) -> Command {
        let mut std_cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("complaint"));
        std_cmd.current_dir(&self.dir).env("COMPLAINT_NOW", now).env("COMPLAINT_USER", "agent");
        isolate(&mut std_cmd);
        Command::from_std(std_cmd)
    }

    pub(crate) fn run(&self, now: &str, args: &[&str]) -> std::process::Output {
        self.cmd(now).args(args).output().unwrap()
    }

    pub(crate) fn ok(&self, now: &str, args: &[&str]) -> String {
        let output = self.run(now, args);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }

    pub(crate) fn new_ticket(&self, now: &str, summary: &str) -> String {
        let args =
            ["new", "--customer", "张三", "--contact", "13812345678", "--channel", "phone", "--summary", summary];
        self.ok(now, &args).trim().to_string()
    }

    pub(crate) fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("tickets/{}/{}/{id}.yaml", &id[2..6], &id[6..8]))
    }

    pub(crate) fn read(&self, id: &str) -> String {
        std::fs::read_to_string(self.path(id)).unwrap()
    }

    pub(crate) fn git(&self, args: &[&str]) -> String {
        git(&self.dir, args)
    }

    pub(crate) fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"])
    }
}

pub(crate) fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn each_change_is_one_commit_of_its_file_with_trailers() {
    let (_team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    assert_eq!(a.git(&["log", "-1", "--format=%s"]).trim(), format!("{id}: new complaint (未分类)"));
    a.ok(NOW, &["transition", &id, "processing", "--note", "已电话联系客户"]);
    let message = a.git(&["log", "-1", "--format=%B"]);
    assert!(message.starts_with(&format!("{id}: new -> processing\n\n已电话联系客户\n")), "{message}");
    for trailer in [format!("Complaint-Id: {id}"), "Action: transition".into(), "Actor: agent".into()] {
        assert!(message.contains(&trailer), "{trailer} not in {message}");
    }
    assert_eq!(a.git(&["log", "-1", "--format=%an"]).trim(), "王芳");
    let files = a.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), format!("tickets/2026/11/{id}.yaml"));
    assert_eq!(a.git(&["status", "--porcelain"]), "");

    let before = a.head();
    a.ok(NOW, &["--no-commit", "note", &id, "-m", "不提交"]);
    assert_eq!(a.head(), before);
    assert!(a.read(&id).contains("不提交"));

    let log = a.ok(NOW, &["log", &id, "--git"]);
    assert!(log.contains(&format!("{id}: new -> processing")) && log.contains("王芳"), "{log}");
    let json: serde_json::Value = serde_json::from_str(&a.ok(NOW, &["--json", "log", &id, "--git"])).unwrap();
    assert_eq!(json["commits"].as_array().unwrap().len(), 2);
    assert_eq!(json["commits"][0]["subject"], format!("{id}: new -> processing"));
}

#[test]
fn the_users_staged_and_unstaged_changes_are_left_alone() {
    let (_team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    std::fs::write(a.dir.join("notes.txt"), "v1\n").unwrap();
    a.git(&["add", "notes.txt"]);
    a.git(&["commit", "--quiet", "-m", "notes"]);
    std::fs::write(a.dir.join("notes.txt"), "v2, not staged\n").unwrap();
    std::fs::write(a.dir.join("README.md"), "staged by the user\n").unwrap();
    a.git(&["add", "README.md"]);

    a.ok(NOW, &["note", &id, "-m", "进展"]);
    let files = a.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), format!("tickets/2026/11/{id}.yaml"));
    assert_eq!(a.git(&["diff", "--cached", "--name-only"]).trim(), "README.md");
    assert_eq!(a.git(&["diff", "--name-only"]).trim(), "notes.txt");
    assert_eq!(std::fs::read_to_string(a.dir.join("notes.txt")).unwrap(), "v2, not staged\n");
}

#[test]
fn the_same_ticket_changed_on_two_clones_merges_cleanly() {
    let (team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    a.ok("2026-11-23 09:10", &["transition", &id, "processing"]);
    a.git(&["push", "--quiet"]);
    let b = team.member("b", "李雷");
    // Different lines of the same file change on each side.
    a.ok("2026-11-23 09:30", &["note", &id, "-m", "已联系快递"]);
    b.ok("2026-11-23 09:40", &["transition", &id, "resolved", "--plan", "换货"]);
    a.git(&["push", "--quiet"]);
    let pull = git_in(&b.dir, &["pull", "--quiet", "--no-rebase"]);
    assert!(pull.status.success(), "{}", stderr(&pull));

    let text = b.read(&id);
    assert!(!text.contains("<<<<<<<"), "{text}");
    assert!(text.contains("已联系快递") && text.contains("plan: 换货"), "{text}");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(yaml["status"], "resolved");
    assert_eq!(yaml["history"].as_sequence().unwrap().len(), 4);
    b.cmd(NOW).arg("check").assert().success();
    assert_eq!(b.git(&["status", "--porcelain"]), "");

    // Merging back is a fast-forward: both clones hold the same bytes.
    b.git(&["push", "--quiet"]);
    a.git(&["pull", "--quiet", "--no-rebase"]);
    assert_eq!(a.read(&id), text);
}

#[test]
fn an_id_created_on_both_clones_is_kept_twice_then_renumbered_by_check_fix() {
    let (team, a) = Team::new();
    let first = a.new_ticket("2026-11-23 08:30", "第一单");
    a.git(&["push", "--quiet"]);
    let b = team.member("b", "李雷");
    let id_a = a.new_ticket("2026-11-23 09:00", "A 的投诉");
    let id_b = b.new_ticket("2026-11-23 09:05", "B 的投诉");
    assert_eq!(id_a, id_b);
    a.git(&["push", "--quiet"]);
    let pull = git_in(&b.dir, &["pull", "--quiet", "--no-rebase"]);
    assert!(pull.status.success(), "{}", stderr(&pull));
    let text = b.read(&id_a);
    assert!(!text.contains("<<<<<<<") && text.contains("A 的投诉") && text.contains("B 的投诉"), "{text}");

    // Every command reports the collision; changing the ticket is refused.
    let list = b.run(NOW, &["list"]);
    assert!(stderr(&list).contains("编号冲突"), "{}", stderr(&list));
    let show = b.run(NOW, &["show", &id_a]);
    assert!(show.status.success() && stderr(&show).contains("编号冲突"), "{}", stderr(&show));
    let note = b.run(NOW, &["note", &id_a, "-m", "x"]);
    assert_eq!(note.status.code(), Some(2));
    assert!(stderr(&note).contains("check --fix"), "{}", stderr(&note));
    let check = b.run(NOW, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("ID collision"));

    b.ok(NOW, &["check", "--fix"]);
    b.cmd(NOW).arg("check").assert().success();
    assert_eq!(b.git(&["status", "--porcelain"]), "", "the repair is committed");
    let json: serde_json::Value = serde_json::from_str(&b.ok(NOW, &["--json", "list"])).unwrap();
    let mut summaries: Vec<(String, String)> = json["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap().to_string(), t["summary"].as_str().unwrap().to_string()))
        .collect();
    summaries.sort();
    let moved = "CP20261123003".to_string();
    assert_eq!(
        summaries,
        vec![(first, "第一单".into()), (id_a.clone(), "A 的投诉".into()), (moved.clone(), "B 的投诉".into())]
    );
    let moved_yaml: serde_yaml::Value = serde_yaml::from_str(&b.read(&moved)).unwrap();
    assert_eq!(moved_yaml["renamed_from"][0], id_a.as_str());
    assert!(b.read(&moved).contains("action: renamed"));
    // The old ID shows the ticket that kept it, and names the moved one.
    let show = b.run(NOW, &["show", &id_a]);
    assert!(String::from_utf8_lossy(&show.stdout).contains("A 的投诉"));
    assert!(stderr(&show).contains(&moved), "{}", stderr(&show));

    b.git(&["push", "--quiet"]);
    a.git(&["pull", "--quiet", "--no-rebase"]);
    a.cmd(NOW).arg("check").assert().success();
    assert!(a.read(&moved).contains("B 的投诉"));
}

#[test]
fn a_collision_repaired_on_both_clones_still_leaves_every_ticket_once() {
    let (team, a) = Team::new();
    a.new_ticket("2026-11-23 08:30", "第一单");
    a.git(&["push", "--quiet"]);
    let b = team.member("b", "李雷");
    let id = a.new_ticket("2026-11-23 09:00", "A 的投诉");
    b.new_ticket("2026-11-23 09:05", "B 的投诉");
    a.git(&["push", "--quiet"]);
    b.git(&["pull", "--quiet", "--no-rebase"]);
    b.git(&["push", "--quiet"]);
    a.git(&["pull", "--quiet", "--no-rebase"]);
    // Both repair offline; `a` created another ticket first, so the moved
    // ticket gets a different new ID on each clone.
    a.new_ticket("2026-11-23 09:30", "C 的投诉");
    a.ok(NOW, &["check", "--fix"]);
    b.ok(NOW, &["check", "--fix"]);
    b.git(&["push", "--quiet"]);
    let pull = git_in(&a.dir, &["pull", "--quiet", "--no-rebase"]);
    assert!(pull.status.success(), "{}", stderr(&pull));
    assert_eq!(a.run(NOW, &["check"]).status.code(), Some(1));
    a.ok(NOW, &["check", "--fix"]);
    a.cmd(NOW).arg("check").assert().success();
    assert_eq!(a.git(&["status", "--porcelain"]), "");
    let json: serde_json::Value = serde_json::from_str(&a.ok(NOW, &["--json", "list"])).unwrap();
    let mut summaries: Vec<&str> =
        json["tickets"].as_array().unwrap().iter().map(|t| t["summary"].as_str().unwrap()).collect();
    summaries.sort();
    assert_eq!(summaries, ["A 的投诉", "B 的投诉", "C 的投诉", "第一单"]);
    let show = a.ok(NOW, &["show", &id]);
    assert!(show.contains("A 的投诉"), "{show}");
}

#[test]
fn a_commit_blocked_by_a_merge_or_a_lock_keeps_the_change_and_says_how() {
    let (team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    std::fs::write(a.dir.join("README.md"), "a\n").unwrap();
    a.git(&["add", "README.md"]);
    a.git(&["commit", "--quiet", "-m", "readme a"]);
    a.git(&["push", "--quiet"]);
    let b = team.member("b", "李雷");
    std::fs::write(b.dir.join("README.md"), "b\n").unwrap();
    b.git(&["commit", "--quiet", "-am", "readme b"]);
    std::fs::write(a.dir.join("README.md"), "a2\n").unwrap();
    a.git(&["commit", "--quiet", "-am", "readme a2"]);
    a.git(&["push", "--quiet"]);
    assert!(!git_in(&b.dir, &["pull", "--quiet", "--no-rebase"]).status.success(), "README conflicts");

    let before = b.head();
    let output = b.run(NOW, &["note", &id, "-m", "合并中记录"]);
    assert_eq!(output.status.code(), Some(0));
    let message = stderr(&output);
    assert!(message.contains("警告: not committed: the repository is in the middle of a merge"), "{message}");
    assert!(message.contains("git merge --abort") && message.contains("git commit -m"), "{message}");
    assert!(b.read(&id).contains("合并中记录"));
    assert_eq!(b.head(), before);

    b.git(&["merge", "--abort"]);
    let lock = b.dir.join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let output = b.run(NOW, &["note", &id, "-m", "锁住时记录"]);
    assert_eq!(output.status.code(), Some(0));
    let message = stderr(&output);
    assert!(message.contains("index.lock exists") && message.contains("rm "), "{message}");
    assert!(b.read(&id).contains("锁住时记录"));
    assert_eq!(b.head(), before);
    std::fs::remove_file(lock).unwrap();
}

#[test]
fn a_clone_without_user_name_writes_and_warns() {
    let (team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    a.git(&["push", "--quiet"]);
    git(team.dir.path(), &["clone", "--quiet", "remote.git", "anon"]);
    let anon = Clone { dir: team.dir.path().join("anon") };
    let output = anon.run(NOW, &["note", &id, "-m", "无名氏"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("user.name is not set"), "{}", stderr(&output));
    assert!(anon.read(&id).contains("无名氏"));
}

#[test]
fn without_the_driver_check_explains_the_text_conflict() {
    let (team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    a.git(&["push", "--quiet"]);
    let c = team.clone_as("c", "韩梅梅");
    assert!(git_in(&c.dir, &["config", "merge.complaint.driver"]).stdout.is_empty());
    a.ok("2026-11-23 09:30", &["note", &id, "-m", "A"]);
    a.git(&["push", "--quiet"]);
    c.ok("2026-11-23 09:40", &["note", &id, "-m", "C"]);
    assert!(!git_in(&c.dir, &["pull", "--quiet", "--no-rebase"]).status.success());
    let check = c.run(NOW, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.contains("conflict markers") && out.contains("complaint init"), "{out}");
    assert!(out.contains("git checkout --merge"), "{out}");

    // The documented repair: register the driver, redo the file's merge.
    c.ok(NOW, &["init"]);
    let rel = format!("tickets/2026/11/{id}.yaml");
    c.git(&["checkout", "--merge", "--", &rel]);
    let text = c.read(&id);
    assert!(!text.contains("<<<<<<<") && text.contains("- at") && text.contains("note: A"), "{text}");
    assert!(text.contains("note: C"), "{text}");
    c.cmd(NOW).arg("check").assert().success();
}

#[test]
fn init_in_a_fresh_clone_only_registers_the_driver() {
    let (team, a) = Team::new();
    assert_eq!(a.git(&["config", "merge.complaint.driver"]).trim(), "complaint merge-driver %O %A %B %P");
    let attributes = std::fs::read_to_string(a.dir.join(".gitattributes")).unwrap();
    assert!(attributes.contains("tickets/**/*.yaml merge=complaint"));
    let b = team.clone_as("b", "李雷");
    let output = b.run(NOW, &["init"]);
    assert!(stderr(&output).contains("registered the merge driver"), "{}", stderr(&output));
    assert_eq!(b.git(&["status", "--porcelain"]), "", "no tracked file changed");
}

#[test]
fn sync_pulls_checks_and_pushes() {
    let (team, a) = Team::new();
    let b = team.member("b", "李雷");
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    a.ok(NOW, &["sync"]);
    b.ok(NOW, &["sync"]);
    assert!(b.read(&id).contains("表带断裂"));
    b.ok(NOW, &["note", &id, "-m", "B 的进展"]);
    b.ok(NOW, &["sync"]);
    a.ok(NOW, &["sync"]);
    assert!(a.read(&id).contains("B 的进展"));
}
