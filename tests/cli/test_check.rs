//! `check` and how every scanning command treats files it cannot read.

use predicates::prelude::*;

use crate::support::Store;

const NOW: &str = "2026-11-23 10:00";

#[test]
fn check_passes_on_a_consistent_store() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:10", &["transition", &id, "processing"]);
    store
        .cmd(NOW)
        .arg("check")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("已检查 1 个投诉文件，没有问题"));
    let json: serde_json::Value = serde_json::from_str(&store.ok(NOW, &["--json", "check"])).unwrap();
    assert_eq!(json, serde_json::json!({"schema": 1, "checked": 1, "ok": true, "problems": []}));
}

#[test]
fn broken_yaml_is_named_by_every_scanning_command() {
    let store = Store::new();
    let good = store.new_ticket("2026-11-23 09:00", &[]);
    let bad = store.new_ticket("2026-11-23 09:05", &[]);
    std::fs::write(store.ticket_path(&bad), "schema: 1\nid: [unclosed\n").unwrap();
    let rel = format!("tickets/2026/11/{bad}.yaml");

    let list = store.cmd(NOW).arg("list").output().unwrap();
    assert_eq!(list.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&list.stdout).contains(&good), "good ticket still listed");
    let stderr = String::from_utf8_lossy(&list.stderr);
    assert!(stderr.contains(&format!("{rel}:3:1:")) || stderr.contains(&format!("{rel}:2:")), "{stderr}");

    let check = store.cmd(NOW).arg("check").output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains(&rel));

    store.ok(NOW, &["show", &good]);
    store.cmd(NOW).args(["show", &bad]).assert().code(2).stderr(predicate::str::contains(&rel));
}

#[test]
fn check_finds_hand_edits_that_contradict_history() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let path = store.ticket_path(&id);
    let text = store.read_ticket(&id).replace("status: new", "status: closed");
    std::fs::write(&path, text).unwrap();
    let output = store.cmd(NOW).arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("current field(s) differ from what history implies: status"), "{stdout}");
}

#[test]
fn check_finds_misplaced_files_duplicate_uids_and_unknown_values() {
    let store = Store::new();
    let a = store.new_ticket("2026-11-23 09:00", &[]);
    let b = store.new_ticket("2026-11-23 09:01", &[]);
    let text_a = store.read_ticket(&a);
    let uid_a = store.ticket_yaml(&a)["uid"].as_str().unwrap().to_string();
    let uid_b = store.ticket_yaml(&b)["uid"].as_str().unwrap().to_string();
    std::fs::write(
        store.ticket_path(&b),
        store.read_ticket(&b).replace(&uid_b, &uid_a).replace("channel: phone", "channel: fax"),
    )
    .unwrap();
    // A copy of `a` under another name.
    std::fs::write(store.path().join("tickets/2026/11/CP20261123003.yaml"), text_a).unwrap();
    let output = store.cmd(NOW).args(["--json", "check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let messages: Vec<String> = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{}: {}", p["path"].as_str().unwrap(), p["message"].as_str().unwrap()))
        .collect();
    let all = messages.join("\n");
    assert!(
        all.contains(
            "tickets/2026/11/CP20261123003.yaml: ticket CP20261123001 belongs at tickets/2026/11/CP20261123001.yaml"
        ),
        "{all}"
    );
    // The misplaced copy is a bad file, not a second ticket CP20261123001.
    assert!(!all.contains("ID CP20261123001 is also used by"), "{all}");
    assert!(all.contains(&format!("uid {uid_a} is also used by")), "{all}");
    assert!(all.contains("channel \"fax\" is not configured"), "{all}");
}

#[test]
fn unknown_keys_survive_a_rewrite_and_rewrites_are_deterministic() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let path = store.ticket_path(&id);
    let text = store
        .read_ticket(&id)
        .replace("status: new\n", "status: new\nfuture_field: 保留我\n")
        .replace("action: created\n", "action: created\n  signed_by: key-7f3a\n");
    std::fs::write(&path, &text).unwrap();
    store.ok(NOW, &["note", &id, "-m", "进展"]);
    let after = store.read_ticket(&id);
    assert!(after.contains("future_field: 保留我"), "{after}");
    assert!(after.contains("signed_by: key-7f3a"), "{after}");
    // Same state, same bytes: two stores driven the same way differ only in uid.
    let other = Store::new();
    let id2 = other.new_ticket("2026-11-23 09:00", &[]);
    assert_eq!(
        crate::support::normalise_uid(
            &store.read_ticket(&id).replace("future_field: 保留我\n", "").replace("  signed_by: key-7f3a\n", "")
        ),
        crate::support::normalise_uid(&{
            other.ok(NOW, &["note", &id2, "-m", "进展"]);
            other.read_ticket(&id2)
        })
    );
}

#[test]
fn symlinks_directories_and_huge_files_are_refused_not_followed() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), store.read_ticket(&id).replace(&id, "CP20261123002")).unwrap();
    std::os::unix::fs::symlink(outside.path(), store.path().join("tickets/2026/11/CP20261123002.yaml")).unwrap();
    std::fs::create_dir_all(store.path().join("tickets/2026/11/CP20261123003.yaml")).unwrap();
    let big = format!("{}\n# {}\n", store.read_ticket(&id).replace(&id, "CP20261123004"), "x".repeat(1024 * 1024));
    std::fs::write(store.path().join("tickets/2026/11/CP20261123004.yaml"), big).unwrap();

    store.cmd(NOW).args(["show", "CP20261123002"]).assert().code(2).stderr(predicate::str::contains("symbolic link"));
    let output = store.cmd(NOW).arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("CP20261123002.yaml") && stdout.contains("symbolic link"), "{stdout}");
    assert!(stdout.contains("CP20261123003.yaml") && stdout.contains("not a regular file"), "{stdout}");
    assert!(stdout.contains("CP20261123004.yaml") && stdout.contains("over the limit of 1048576 bytes"), "{stdout}");
}

#[test]
fn yaml_bombs_and_deep_nesting_fail_fast() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let mut bomb = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        bomb.push_str(&format!(
            "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    std::fs::write(store.path().join("tickets/2026/11/CP20261123002.yaml"), bomb).unwrap();
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    std::fs::write(store.path().join("tickets/2026/11/CP20261123003.yaml"), deep).unwrap();
    let output = store.cmd(NOW).arg("check").timeout(std::time::Duration::from_secs(20)).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("CP20261123002.yaml") && stdout.contains("CP20261123003.yaml"), "{stdout}");
    store.ok(NOW, &["show", &id]);
}

#[test]
fn invalid_utf8_is_reported() {
    let store = Store::new();
    store.new_ticket("2026-11-23 09:00", &[]);
    std::fs::write(store.path().join("tickets/2026/11/CP20261123002.yaml"), b"schema: 1\nid: \xff\xfe\n").unwrap();
    store.cmd(NOW).arg("check").assert().code(1).stdout(predicate::str::contains("not valid UTF-8"));
}

#[test]
fn written_files_are_readable_like_checked_out_ones_and_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store.ticket_path(&id)), 0o644);
    std::fs::set_permissions(store.ticket_path(&id), std::fs::Permissions::from_mode(0o640)).unwrap();
    store.ok(NOW, &["note", &id, "-m", "x"]);
    assert_eq!(mode(&store.ticket_path(&id)), 0o640);
}

/// A phone typed into a coded field is customer data: `check` names the
/// field and the file, never the value (issue 12, item 5).
#[test]
fn check_never_echoes_a_value_that_is_not_an_id() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let path = store.ticket_path(&id);
    std::fs::write(&path, store.read_ticket(&id).replace("channel: phone", "channel: '13812345678'")).unwrap();
    let output = store.cmd(NOW).arg("check").output().unwrap();
    let all = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "{all}");
    assert!(all.contains("channel holds a value that is not configured"), "{all}");
    assert!(!all.contains("13812345678"), "{all}");
}
