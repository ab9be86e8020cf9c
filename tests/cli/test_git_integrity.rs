//! Git integrity (issue 12): no forged trailer, no ticket change that stays
//! outside git silently. Real clones of a bare repository, as in test_git.

use std::path::Path;

use crate::test_git::{Clone, NOW, Team, git_in, isolate, stderr};

const FORGED_BY: &str = "李四\nComplaint-Id: CP20990101001\nAction: closed";

#[test]
fn a_forged_actor_is_refused_before_anything_is_written_or_committed() {
    let (_team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    let (head, before) = (a.head(), a.read(&id));
    let output = a.run(NOW, &["--by", FORGED_BY, "note", &id, "-m", "hi"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--by / COMPLAINT_USER contains a control character (U+000A)"));
    assert_eq!((a.head(), a.read(&id)), (head, before));
    assert_eq!(a.git(&["status", "--porcelain"]), "");
    assert_eq!(a.git(&["log", "--all", "--format=%h", "--grep", "CP20990101001"]), "");
}

#[test]
fn a_note_that_looks_like_a_trailer_is_quoted_in_the_commit() {
    let (_team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    a.ok(NOW, &["note", &id, "-m", "客户原话:\nComplaint-Id: CP20990101001\naction: closed"]);
    let message = a.git(&["log", "-1", "--format=%B"]);
    assert!(message.contains("\n> Complaint-Id: CP20990101001\n> action: closed\n"), "{message}");
    assert!(message.trim_end().ends_with(&format!("Complaint-Id: {id}\nAction: note\nActor: agent")), "{message}");
    assert_eq!(a.git(&["log", "--format=%h", "--grep", "^Complaint-Id: CP20990101001$"]), "");
    assert_eq!(a.git(&["log", "--format=%s", "-i", "--grep", "^Action: closed$"]), "");
    let trailers = a.git(&["log", "-1", "--format=%(trailers:key=Complaint-Id,valueonly)"]);
    assert_eq!(trailers.trim(), id);
}

/// Three leftovers of the kinds a killed auto-commit leaves: a modified
/// ticket, a staged one, an untracked new one; and the user's own staged file.
fn store_with_leftovers(a: &Clone) -> [String; 3] {
    let modified = a.new_ticket("2026-11-23 09:00", "表带断裂");
    let staged = a.new_ticket("2026-11-23 09:05", "屏幕划痕");
    a.ok(NOW, &["--no-commit", "note", &modified, "-m", "未提交的进展"]);
    a.ok(NOW, &["--no-commit", "note", &staged, "-m", "已暂存未提交"]);
    a.git(&["add", "--", &relative(a, &staged)]);
    let args = ["--no-commit", "new", "--customer", "李雷", "--contact", "1", "--channel", "phone", "--summary", "新"];
    let untracked = a.ok(NOW, &args).trim().to_string();
    std::fs::write(a.dir.join("README.md"), "the user's own work\n").unwrap();
    a.git(&["add", "README.md"]);
    [modified, staged, untracked]
}

fn relative(a: &Clone, id: &str) -> String {
    a.path(id).strip_prefix(&a.dir).unwrap().display().to_string()
}

#[test]
fn check_reports_ticket_changes_outside_git_sync_refuses_and_check_fix_commits_them() {
    let (team, a) = Team::new();
    let ids = store_with_leftovers(&a);
    let (head, pushed) = (a.head().trim().to_string(), team_head(&team));

    let check = a.run(NOW, &["check"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    let table = String::from_utf8_lossy(&check.stdout);
    for (id, state) in ids.iter().zip(["modified", "staged", "new"]) {
        let line = table.lines().find(|l| l.contains(id.as_str())).unwrap_or_else(|| panic!("{id} in {table}"));
        assert!(line.contains(state) && line.contains("not committed"), "{line}");
    }
    assert!(table.contains("complaint check --fix"), "{table}");

    let sync = a.run(NOW, &["sync"]);
    assert_eq!(sync.status.code(), Some(2));
    assert!(stderr(&sync).contains("cannot sync: 3 ticket file(s)"), "{}", stderr(&sync));
    assert!(stderr(&sync).contains("提示: ") && stderr(&sync).contains("complaint check --fix"));
    assert_eq!(team_head(&team), pushed, "nothing was pushed");

    a.ok(NOW, &["check", "--fix"]);
    assert_eq!(a.git(&["status", "--porcelain", "--", "tickets"]), "");
    assert_eq!(a.git(&["diff", "--cached", "--name-only"]).trim(), "README.md", "the user's file stays staged");
    assert_eq!(a.git(&["rev-list", "--count", &format!("{head}..HEAD")]).trim(), "1", "one commit");
    let mut files: Vec<String> =
        a.git(&["show", "--name-only", "--format=", "HEAD"]).lines().map(String::from).collect();
    files.sort();
    let mut expected: Vec<String> = ids.iter().map(|id| relative(&a, id)).collect();
    expected.sort();
    assert_eq!(files, expected);
    let message = a.git(&["log", "-1", "--format=%B"]);
    assert!(message.starts_with("commit 3 ticket file(s) left uncommitted\n"), "{message}");
    for id in &ids {
        assert!(message.contains(&format!("\nComplaint-Id: {id}\n")), "{message}");
    }
    assert!(message.contains("Action: commit-leftovers\nActor: agent\n"), "{message}");
    a.cmd(NOW).arg("check").assert().success();
    a.git(&["commit", "--quiet", "-m", "readme"]);
    a.ok(NOW, &["sync"]);
    assert_eq!(team_head(&team), a.head().trim());
}

fn team_head(team: &Team) -> String {
    let out = git_in(&team.dir.path().join("remote.git"), &["rev-parse", "main"]);
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn a_deleted_ticket_file_is_reported() {
    let (_team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    std::fs::remove_file(a.path(&id)).unwrap();
    let check = a.run(NOW, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let table = String::from_utf8_lossy(&check.stdout);
    assert!(table.contains(&relative(&a, &id)) && table.contains("deleted"), "{table}");
}

#[test]
fn a_stale_git_lock_keeps_the_change_warns_and_check_reports_it() {
    let (_team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    for lock in [".git/refs/heads/main.lock", ".git/HEAD.lock", ".git/packed-refs.lock", ".git/next-index-4242.lock"] {
        let head = a.head();
        let lock_path = a.dir.join(lock);
        std::fs::write(&lock_path, "").unwrap();
        let text = format!("锁 {lock} 时记录");
        let output = a.run(NOW, &["note", &id, "-m", &text]);
        assert_eq!(output.status.code(), Some(0));
        let message = stderr(&output);
        assert!(message.contains(&format!("警告: not committed: {}", lock_path.display())), "{message}");
        assert!(message.contains(&format!("rm {}", lock_path.display())), "{message}");
        assert!(message.contains("complaint check --fix"), "{message}");
        assert!(a.read(&id).contains(&text));
        assert_eq!(a.head(), head);
        let check = a.run(NOW, &["check"]);
        assert_eq!(check.status.code(), Some(1), "{lock}");
        assert!(String::from_utf8_lossy(&check.stdout).contains(&relative(&a, &id)));

        std::fs::remove_file(&lock_path).unwrap();
        a.ok(NOW, &["check", "--fix"]);
        assert_eq!(a.git(&["status", "--porcelain"]), "", "{lock}");
        assert!(a.git(&["show", "HEAD"]).contains(&text));
    }
}

/// Stale locks a killed git leaves (what the warning tells the user to remove).
fn remove_git_locks(dir: &Path) {
    for sub in [".git", ".git/refs/heads"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap().flatten() {
            if entry.file_name().to_string_lossy().ends_with(".lock") {
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
    }
}

/// Ticket files, not the temp files of killed writers (`.tmp-*.yaml.part`).
const TICKET_FILES: &str = ":(glob)tickets/**/*.yaml";

/// `complaint note` under `strace -f` with the given filter and injection
/// (SIGKILL at a chosen system call of the writer or of its git child).
fn note_under_strace(a: &Clone, id: &str, text: &str, strace: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new("strace");
    cmd.args(["-f", "-qq", "-o", "/dev/null"])
        .args(strace)
        .arg(assert_cmd::cargo::cargo_bin("complaint"))
        .args(["note", id, "-m", text])
        .current_dir(&a.dir)
        .env("COMPLAINT_NOW", NOW)
        .env("COMPLAINT_USER", "agent");
    isolate(&mut cmd);
    let output = cmd.output().expect("strace is installed (.ci/run installs it)");
    let stderr = stderr(&output);
    assert!(!stderr.contains("strace:"), "strace cannot run here: {stderr}");
    output
}

/// After a kill: `check` reports the ticket exactly when it differs from
/// HEAD; once the stale git locks are removed (as the warning says),
/// `check --fix` commits it. Returns whether the kill left a change outside git.
fn check_reports_and_fix_commits(a: &Clone, id: &str, text: &str, label: &str) -> bool {
    let dirty = !a.git(&["status", "--porcelain", "--", TICKET_FILES]).is_empty();
    let check = a.run(NOW, &["check"]);
    if dirty {
        assert_eq!(check.status.code(), Some(1), "{label}: {}", stderr(&check));
        assert!(String::from_utf8_lossy(&check.stdout).contains(&relative(a, id)), "{label}");
    } else {
        assert!(check.status.success(), "{label}: {}", stderr(&check));
    }
    remove_git_locks(&a.dir);
    a.ok(NOW, &["check", "--fix"]);
    assert_eq!(a.git(&["status", "--porcelain", "--", TICKET_FILES]), "", "{label}");
    if a.read(id).contains(text) {
        assert!(a.git(&["show", &format!("HEAD:{}", relative(a, id))]).contains(text), "{label}");
    }
    dirty
}

#[test]
fn a_writer_killed_during_its_auto_commit_leaves_a_change_check_reports_and_check_fix_commits() {
    let probe = std::process::Command::new("strace").arg("-V").output();
    assert!(probe.is_ok_and(|o| o.status.success()), "strace is required for this test (.ci/run installs it)");
    let (_team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");

    // The writer killed at its n-th process start: before or after it saved
    // the ticket, before `git add`, before `git commit` …
    let mut leftovers = 0;
    for n in 1..=12 {
        let text = format!("第 {n} 次启动时被杀");
        let inject = format!("inject=/^(clone|clone3|fork|vfork)$:signal=SIGKILL:when={n}");
        let output = note_under_strace(&a, &id, &text, &["-e", "trace=/^(clone|clone3|fork|vfork)$", "-e", &inject]);
        let finished = output.status.code() == Some(0) && stderr(&output).contains("committed ");
        leftovers += usize::from(check_reports_and_fix_commits(&a, &id, &text, &format!("spawn {n}")));
        if finished {
            break;
        }
    }
    assert!(leftovers > 0, "no kill of the writer left an uncommitted change: the harness missed the commit");

    // Its git child killed as it makes the change real: `git add` renaming
    // the index into place, `git commit` moving the branch.
    for lock in [".git/index.lock", ".git/refs/heads/main.lock"] {
        let text = format!("{lock} 改名时被杀");
        let path = a.dir.join(lock).display().to_string();
        let inject = "inject=/^rename:signal=SIGKILL:when=1";
        let output = note_under_strace(&a, &id, &text, &["-P", &path, "-e", "trace=/^rename", "-e", inject]);
        assert_eq!(output.status.code(), Some(0), "the writer itself survives; its change is saved");
        assert!(stderr(&output).contains("警告: not committed"), "{}", stderr(&output));
        assert!(check_reports_and_fix_commits(&a, &id, &text, lock), "killing git at {lock} leaves a change");
    }
}

/// An import writes many tickets; they are committed together, each ID a
/// trailer, so `check` finds nothing left outside git.
#[test]
fn import_commits_what_it_imported() {
    let (_team, a) = Team::new();
    let head = a.head();
    std::fs::write(
        a.dir.join("calls.csv"),
        "客户,电话,渠道,投诉内容,投诉时间\n王五,13700001111,电话,物流太慢,2026-11-22 15:00\n\
         赵六,zhao@example.com,邮件,客服态度差,2026-11-22 09:30\n",
    )
    .unwrap();
    assert_eq!(a.ok(NOW, &["import", "calls.csv"]), "CP20261122001\nCP20261122002\n");
    assert_ne!(a.head(), head);
    assert_eq!(a.git(&["log", "-1", "--format=%s"]).trim(), "import 2 complaint(s) from calls.csv");
    let trailers = a.git(&["log", "-1", "--format=%(trailers:key=Complaint-Id,valueonly)"]);
    assert_eq!(trailers.trim(), "CP20261122001\nCP20261122002");
    assert_eq!(a.git(&["status", "--porcelain", "tickets"]), "");
    a.ok(NOW, &["check"]);
}

/// Eight writers at once in a git store: every event kept, every change
/// committed (one commit each), nothing left outside git.
#[test]
fn concurrent_writers_in_a_git_store_commit_every_change() {
    let (_team, a) = Team::new();
    let id = a.new_ticket("2026-11-23 09:00", "表带断裂");
    let commits_before: usize = a.git(&["rev-list", "--count", "HEAD"]).trim().parse().unwrap();
    let children: Vec<_> = (0..8)
        .map(|i| {
            let args: Vec<String> = if i % 2 == 0 {
                vec!["note".into(), id.clone(), "-m".into(), format!("并发记录 {i}")]
            } else {
                ["new", "--customer", "张三", "--contact", "13800000000", "--channel", "phone", "--summary"]
                    .iter()
                    .map(|s| s.to_string())
                    .chain([format!("并发投诉 {i}")])
                    .collect()
            };
            let mut std_cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("complaint"));
            std_cmd.current_dir(&a.dir).env("COMPLAINT_NOW", NOW).env("COMPLAINT_USER", "agent").args(&args);
            isolate(&mut std_cmd);
            std_cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let notes = a.read(&id).matches("并发记录").count();
    assert_eq!(notes, 4);
    let commits: usize = a.git(&["rev-list", "--count", "HEAD"]).trim().parse().unwrap();
    assert_eq!(commits - commits_before, 8);
    assert_eq!(a.git(&["status", "--porcelain"]), "");
    a.ok(NOW, &["check"]);
}
