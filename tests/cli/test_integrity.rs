//! Issue 12, items 6, 9 and 10: the clock is read under the lock, writers
//! refuse tickets that `check` rejects, waiting for the lock is said and
//! bounded, `--from-file` is capped, and typed IDs are accepted in any case.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{FixedOffset, Utc};
use predicates::prelude::*;

use crate::support::Store;

/// `flock -o LOCK sleep SECS`: the flock process itself holds the store lock
/// (its PID is the holder) until it exits. Returns once the lock is held.
fn hold_lock(store: &Store, then: &str) -> Child {
    let lock_path = store.path().join(".complaint/lock");
    let holder = Command::new("flock")
        .arg("-o")
        .arg(&lock_path)
        .args(["sh", "-c", then])
        .current_dir(store.path())
        .spawn()
        .expect("flock(1) from util-linux (.ci/run installs it)");
    let probe = std::fs::OpenOptions::new().write(true).open(&lock_path).unwrap();
    let held = (0..300).any(|_| {
        std::thread::sleep(Duration::from_millis(10));
        matches!(probe.try_lock(), Err(std::fs::TryLockError::WouldBlock))
    });
    assert!(held, "the holder never took the lock");
    holder
}

/// The real clock, as the naive local time COMPLAINT_NOW takes.
fn shanghai_now_plus(seconds: i64) -> String {
    let zone = FixedOffset::east_opt(8 * 3600).unwrap();
    (Utc::now().with_timezone(&zone) + chrono::Duration::seconds(seconds)).format("%Y-%m-%d %H:%M:%S").to_string()
}

fn real_clock(store: &Store, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("complaint"));
    cmd.current_dir(store.path())
        .env_remove("COMPLAINT_NOW")
        .env_remove("COMPLAINT_STORE")
        .env("COMPLAINT_USER", "wang")
        .args(args);
    cmd
}

/// A command that waits for the lock must stamp its event after the one it
/// waited for. The holder writes an event two seconds after the waiter
/// started; the waiter, let in a second later, must read "now" then.
#[test]
fn now_is_read_after_the_lock_is_taken() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-20 09:00", &[]);
    let path = store.ticket_path(&id);
    let original = std::fs::read(&path).unwrap();
    store.ok(&shanghai_now_plus(2), &["note", &id, "-m", "持锁者的记录"]);
    let newer = store.path().join("newer.yaml");
    std::fs::rename(&path, &newer).unwrap();
    std::fs::write(&path, original).unwrap();

    // The holder puts the newer file in place after 3 s, then lets go.
    let script = format!("sleep 3; mv {} {}", newer.display(), path.display());
    let mut holder = hold_lock(&store, &script);
    let holder_pid = holder.id();
    let output = real_clock(&store, &["note", &id, "-m", "等锁的记录"]).output().unwrap();
    holder.wait().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    // The store speaks its `[ui] lang` (Chinese here) while it waits.
    assert!(stderr.contains(&format!("正在等待库锁（由进程 {holder_pid} 持有）")), "{stderr}");
    let history = store.ticket_yaml(&id)["history"].as_sequence().unwrap().clone();
    let notes: Vec<_> = history.iter().filter_map(|e| e["note"].as_str()).collect();
    assert_eq!(notes, ["持锁者的记录", "等锁的记录"]);
    store.cmd("2030-01-01 00:00").arg("check").assert().success();
}

fn set_lock_wait(store: &Store, value: &str) {
    let config = store.path().join("complaint.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let old = "lock_wait = \"30s\"\n";
    assert!(text.contains(old), "init writes {old:?}");
    std::fs::write(&config, text.replacen(old, &format!("lock_wait = {value}\n"), 1)).unwrap();
}

#[test]
fn a_held_lock_is_waited_for_at_most_lock_wait() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    set_lock_wait(&store, "\"2s\"");
    let before = store.files();
    let mut holder = hold_lock(&store, "sleep 30");
    let started = Instant::now();
    let output = store.cmd("2026-11-23 10:00").args(["note", &id, "-m", "x"]).output().unwrap();
    let waited = started.elapsed();
    holder.kill().unwrap();
    holder.wait().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(waited >= Duration::from_secs(2) && waited < Duration::from_secs(10), "{waited:?}");
    let pid = holder.id();
    assert!(stderr.contains(&format!("complaint: 正在等待库锁（由进程 {pid} 持有）（.complaint/lock）…")), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "complaint: 错误: 等待库锁 {} 2 秒后放弃（由进程 {pid} 持有）",
            store.path().join(".complaint/lock").display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("提示: 另一个 complaint 命令正在写入"), "{stderr}");
    assert_eq!(store.files(), before);
}

#[test]
fn a_bad_lock_wait_is_a_config_error() {
    let store = Store::new();
    set_lock_wait(&store, "\"forever\"");
    store.fails_unchanged("2026-11-23 10:00", &["list"], &["invalid lock_wait \"forever\""]);
}

fn replace_in_ticket(store: &Store, id: &str, from: &str, to: &str) {
    let path = store.ticket_path(id);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {text}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// A hand-edited `status:` must not decide a transition, and no writer adds
/// to a history that is out of order.
#[test]
fn writers_refuse_a_ticket_that_check_rejects() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:30", &["transition", &id, "processing"]);
    replace_in_ticket(&store, &id, "status: processing", "status: resolved");
    for args in [
        vec!["transition", &id, "closed", "--reason", "重复"],
        vec!["note", &id, "-m", "x"],
        vec!["followup", &id, "--score", "5"],
    ] {
        store.fails_unchanged(
            "2026-11-23 10:00",
            &args,
            &[
                &format!("{id} cannot be changed while its file is inconsistent"),
                "current field(s) differ from what history implies: status",
                "hint: run `complaint check`",
            ],
        );
    }

    let other = store.new_ticket("2026-11-23 09:05", &[]);
    store.ok("2026-11-23 09:40", &["note", &other, "-m", "第一条"]);
    replace_in_ticket(&store, &other, "2026-11-23T09:40:00+08:00", "2026-11-23T08:40:00+08:00");
    store.fails_unchanged(
        "2026-11-23 10:00",
        &["note", &other, "-m", "第二条"],
        &["history event 2 is earlier than the one before it"],
    );
    // Reading still works.
    store.ok("2026-11-23 10:00", &["show", &other]);
}

#[test]
fn from_file_input_is_capped_like_ticket_files() {
    let store = Store::new();
    let started = Instant::now();
    store.fails_unchanged(
        "2026-11-23 10:00",
        &["new", "--from-file", "/dev/zero"],
        &["/dev/zero: input is over the limit of 1048576 bytes ([limits] max_file_bytes)"],
    );
    assert!(started.elapsed() < Duration::from_secs(20));

    let before = store.files();
    let mut child = real_clock(&store, &["new", "--from-file", "-"])
        .env("COMPLAINT_NOW", "2026-11-23 10:00")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'a'; 64 * 1024];
        for _ in 0..64 {
            if std::io::Write::write_all(&mut stdin, &chunk).is_err() {
                break;
            }
        }
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("<stdin>：输入超过 1048576 字节的上限"), "{stderr}");
    assert_eq!(store.files(), before);
}

/// Typed IDs in any case name the ticket; in a file only the generated
/// spelling is valid.
#[test]
fn typed_ids_are_accepted_in_any_case_but_files_are_exact() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let lower = id.to_lowercase();
    store
        .cmd("2026-11-23 10:00")
        .args(["show", &lower])
        .assert()
        .success()
        .stdout(predicate::str::contains(id.as_str()));
    store.ok("2026-11-23 10:00", &["note", &lower, "-m", "小写编号"]);
    replace_in_ticket(&store, &id, &format!("id: {id}"), &format!("id: {lower}"));
    store
        .cmd("2026-11-23 10:00")
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("its `id` is not a ticket ID of this store (expected CPYYYYMMDDNNN)"));
    // Every scan refuses it, not only check.
    store
        .cmd("2026-11-23 10:00")
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("its `id` is not a ticket ID of this store"));
    assert!(Path::new(&store.ticket_path(&id)).exists());
}
