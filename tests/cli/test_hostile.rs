//! Hostile stores: huge files, symlinked directories out of the store, and
//! secrets that must never reach a file.

use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::smtp_server::SmtpServer;
use crate::support::Store;

const NOW: &str = "2026-11-23 10:00";

#[test]
fn a_50_mb_file_is_refused_by_its_size_before_it_is_read() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let big = format!("{}# {}\n", store.read_ticket(&id).replace(&id, "CP20261123002"), "x".repeat(50 << 20));
    std::fs::write(store.path().join("tickets/2026/11/CP20261123002.yaml"), big).unwrap();
    // A sparse 64 GiB file: reading it would take minutes and all memory,
    // so a quick answer proves the size is checked first.
    let sparse = std::fs::File::create(store.path().join("tickets/2026/11/CP20261123003.yaml")).unwrap();
    sparse.set_len(64 << 30).unwrap();
    drop(sparse);
    let started = Instant::now();
    let output = store.cmd(NOW).arg("check").timeout(Duration::from_secs(30)).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("CP20261123002.yaml") && stdout.contains("5242") && stdout.contains("over the limit"),
        "{stdout}"
    );
    assert!(stdout.contains("CP20261123003.yaml") && stdout.contains("68719476736 bytes"), "{stdout}");
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    store
        .cmd(NOW)
        .args(["show", "CP20261123003"])
        .timeout(Duration::from_secs(10))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("over the limit"));
    store.ok(NOW, &["show", &id]);
}

#[test]
fn a_symlinked_tickets_directory_is_refused() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let outside = tempfile::tempdir().unwrap();
    let moved = outside.path().join("tickets");
    std::fs::rename(store.path().join("tickets"), &moved).unwrap();
    std::os::unix::fs::symlink(&moved, store.path().join("tickets")).unwrap();
    let before = std::fs::read(moved.join(format!("2026/11/{id}.yaml"))).unwrap();

    let output = store.cmd(NOW).arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("symbolic link"));
    store.cmd(NOW).args(["show", &id]).assert().code(2).stderr(predicate::str::contains("symbolic link"));
    store.cmd(NOW).args(["note", &id, "-m", "x"]).assert().code(2).stderr(predicate::str::contains("symbolic link"));
    store
        .cmd(NOW)
        .args(["new", "--customer", "张三", "--contact", "13812345678", "--channel", "phone", "--summary", "新的"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    store.cmd(NOW).arg("list").assert().stderr(predicate::str::contains("symbolic link"));
    assert_eq!(std::fs::read(moved.join(format!("2026/11/{id}.yaml"))).unwrap(), before);
    assert_eq!(std::fs::read_dir(moved.join("2026/11")).unwrap().count(), 1, "nothing written outside the store");
}

#[test]
fn a_symlinked_month_directory_is_not_followed() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let outside = tempfile::tempdir().unwrap();
    // A ticket outside the store, reachable through tickets/2026/10.
    let foreign = store.read_ticket(&id).replace(&id, "CP20261008001").replace("2026-11-23T", "2026-10-08T");
    std::fs::write(outside.path().join("CP20261008001.yaml"), &foreign).unwrap();
    std::os::unix::fs::symlink(outside.path(), store.path().join("tickets/2026/10")).unwrap();

    let output = store.cmd(NOW).args(["--json", "list"]).output().unwrap();
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(list["count"], 1, "the linked month is not read");
    assert!(String::from_utf8_lossy(&output.stderr).contains("symbolic link"));
    let output = store.cmd(NOW).arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("tickets/2026/10"));
    store.cmd(NOW).args(["show", "CP20261008001"]).assert().code(2).stderr(predicate::str::contains("symbolic link"));
    store
        .cmd(NOW)
        .args(["note", "CP20261008001", "-m", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    store
        .cmd(NOW)
        .args(["new", "--customer", "张三", "--contact", "1381234", "--channel", "phone", "--summary", "十月"])
        .args(["--received-at", "2026-10-09 10:00"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 1, "nothing written outside the store");
    assert_eq!(std::fs::read_to_string(outside.path().join("CP20261008001.yaml")).unwrap(), foreign);
}

#[test]
fn the_smtp_password_never_lands_in_a_file_or_a_commit() {
    const SECRET: &str = "s3cret-Pa55-4f9c2e";
    let store = Store::new();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(store.path())
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .output()
    };
    let has_git = git(&["init", "-q"]).is_ok_and(|o| o.status.success());
    let server = SmtpServer::start_with_auth("bot", SECRET);
    let run = |args: &[&str]| {
        store
            .cmd(NOW)
            .env("COMPLAINT_SMTP_PASSWORD", SECRET)
            .env("COMPLAINT_SMTP_URL", format!("smtp://bot@127.0.0.1:{}", server.port()))
            .args(args)
            .output()
            .unwrap()
    };
    let out =
        run(&["new", "--customer", "张三", "--contact", "13812345678", "--channel", "phone", "--summary", "密码测试"]);
    assert!(out.status.success());
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(run(&["note", &id, "-m", "进展"]).status.success());
    assert!(run(&["transition", &id, "processing"]).status.success());
    let sent = run(&["overdue", "--send", "--always", "--to", "lead@example.com"]);
    assert!(sent.status.success(), "{}", String::from_utf8_lossy(&sent.stderr));
    assert_eq!(server.wait_for(1, Duration::from_secs(10)).len(), 1, "the password was used to log in");
    assert!(run(&["check"]).status.success());
    assert!(!String::from_utf8_lossy(&sent.stderr).contains(SECRET));
    assert!(!String::from_utf8_lossy(&sent.stdout).contains(SECRET));
    for entry in walkdir::WalkDir::new(store.path()).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        let bytes = std::fs::read(entry.path()).unwrap();
        assert!(!bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()), "secret in {}", entry.path().display());
    }
    if has_git {
        git(&["add", "-A"]).unwrap();
        git(&["commit", "-qm", "tickets"]).unwrap();
        let log = git(&["log", "-p", "--all"]).unwrap();
        assert!(!String::from_utf8_lossy(&log.stdout).contains(SECRET));
    }
}

/// The outputs of `args` (stdout, stderr, exit code).
fn run(store: &Store, args: &[&str]) -> (String, String, Option<i32>) {
    let out = store.cmd(NOW).args(args).timeout(Duration::from_secs(30)).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

/// A file whose `id` is not the one its path gives — named after another
/// ticket, or in another month's directory — is a bad file for every
/// scanning command: named, left out (never listed under an ID `show`
/// cannot find, never counted twice), and a non-zero exit as for a parse
/// error.
#[test]
fn a_file_whose_id_disagrees_with_its_path_is_a_bad_file_for_every_scan() {
    let store = Store::new();
    let a = store.new_ticket("2026-11-23 09:00", &[]);
    let b = store.new_ticket("2026-11-23 09:30", &[]);
    let month = store.path().join("tickets/2026/11");
    // Named CP…003, holding CP…002: a second copy of b.
    std::fs::write(month.join("CP20261123003.yaml"), store.read_ticket(&b)).unwrap();
    // The right name in the wrong month.
    std::fs::create_dir_all(store.path().join("tickets/2026/10")).unwrap();
    let misfiled = store.read_ticket(&a).replace(&a, "CP20261123004");
    std::fs::write(store.path().join("tickets/2026/10/CP20261123004.yaml"), misfiled).unwrap();
    let bad = ["tickets/2026/11/CP20261123003.yaml", "tickets/2026/10/CP20261123004.yaml"];
    let named = |stderr: &str| bad.iter().all(|path| stderr.contains(path));

    let (stdout, stderr, code) = run(&store, &["list"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        named(&stderr) && stderr.contains("ticket CP20261123002 belongs at tickets/2026/11/CP20261123002.yaml"),
        "{stderr}"
    );
    assert_eq!(stdout.matches(&b).count(), 1, "listed once: {stdout}");
    assert!(!stdout.contains("CP20261123004"), "{stdout}");
    let (stdout, _, code) = run(&store, &["--json", "list"]);
    assert_eq!(
        (code, serde_json::from_str::<serde_json::Value>(&stdout).unwrap()["count"].clone()),
        (Some(2), 2.into())
    );

    let (_, stderr, code) = run(&store, &["overdue", "--as-of", "2026-11-30 10:00"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(named(&stderr), "{stderr}");

    let (stdout, stderr, code) = run(&store, &["report", "--month", "2026-11", "--format", "json"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(named(&stderr), "{stderr}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout).unwrap()["total"], 2, "counted once: {stdout}");

    let (stdout, stderr, code) = run(&store, &["export", "--format", "jsonl"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(named(&stderr), "{stderr}");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");

    let (stdout, _, code) = run(&store, &["check"]);
    assert_eq!(code, Some(1));
    assert!(named(&stdout), "{stdout}");
    store.cmd(NOW).args(["show", "CP20261123004"]).assert().code(2);
}

/// What a hostile file puts where: a name and a phone number.
const NAME: &str = "欧阳娜娜";
const PHONE: &str = "13812345678";

/// Ticket files that fail to parse, each with the customer's name and phone
/// in a place where the parser's own message would quote it.
fn hostile_files(good: &str) -> Vec<(&'static str, String)> {
    let value = format!("{NAME} {PHONE}");
    let customer = "customer:\n  name: 张三\n  contact: '13900000000'\n  id: null\n";
    let replace = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1)
    };
    let deep = format!("{}{value}{}", "{a: ".repeat(200), "}".repeat(200));
    vec![
        ("customer as text", replace(customer, &format!("customer: {value}\n"))),
        ("unknown status", replace("status: new", &format!("status: {value}"))),
        ("phone as status", replace("status: new", &format!("status: {PHONE}"))),
        ("unknown action", replace("  action: created", &format!("  action: {value}"))),
        ("text in a number", replace("schema: 1", &format!("schema: {value}"))),
        ("number out of range", replace("satisfaction: null", &format!("satisfaction: {{score: {PHONE}}}"))),
        ("bad time", replace("received_at: 2026-11-23T09:00:00+08:00", &format!("received_at: {value}"))),
        ("wrong type", replace("summary: 表带断裂，要求换货", &format!("summary: [{value}]"))),
        ("duplicate key", replace("history:", &format!("extra: {{{value}: 1, {value}: 2}}\nhistory:"))),
        ("key in a path", replace("satisfaction: null", &format!("satisfaction: {{dimensions: {{{value}: x}}}}"))),
        ("too deep", replace("history:", &format!("extra: {deep}\nhistory:"))),
        ("id", replace("id: CP20261123001", &format!("id: {value}"))),
        ("bad escape", replace("summary: 表带断裂，要求换货", &format!("summary: \"{value}\\q\""))),
    ]
}

/// A file that fails to parse is named with its line and column and the
/// problem, never the value: a customer's name or phone never reaches
/// stderr, a report, nor the overdue mail.
#[test]
fn parse_errors_never_echo_customer_data() {
    let store = Store::new();
    let good = store.new_ticket("2026-11-23 09:00", &["--contact", "13900000000"]);
    let text = store.read_ticket(&good);
    let files = hostile_files(&text);
    for (n, (_, bad)) in files.iter().enumerate() {
        let path = store.path().join(format!("tickets/2026/11/CP20261123{:03}.yaml", n + 2));
        std::fs::write(path, bad).unwrap();
    }
    let commands: [&[&str]; 8] = [
        &["list"],
        &["--json", "list"],
        &["overdue", "--as-of", "2026-11-30 10:00"],
        &["overdue", "--format", "email", "--always"],
        &["check"],
        &["report", "--month", "2026-11"],
        &["export", "--format", "csv"],
        &["export", "--format", "jsonl", "--unmask"],
    ];
    for args in commands {
        let (stdout, stderr, code) = run(&store, args);
        assert_ne!(code, Some(0), "{args:?}");
        for needle in [NAME, PHONE] {
            assert!(!stderr.contains(needle), "{args:?}: {needle} on stderr:\n{stderr}");
            assert!(!stdout.contains(needle), "{args:?}: {needle} on stdout:\n{stdout}");
        }
    }
    let (stdout, _, _) = run(&store, &["check"]);
    for (n, (what, _)) in files.iter().enumerate().filter(|(_, (what, _))| *what != "id") {
        let path = format!("tickets/2026/11/CP20261123{:03}.yaml:", n + 2);
        let line = stdout.lines().find(|l| l.starts_with(&path)).unwrap_or_else(|| panic!("{what}: {stdout}"));
        let location = line[path.len()..].split_whitespace().next().unwrap();
        assert!(location.split(':').all(|n| n.parse::<u32>().is_ok()), "{what}: no line:col in {line}");
    }
}
