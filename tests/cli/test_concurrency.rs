//! Real concurrent processes on one store.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};

use crate::support::Store;

fn spawn(store: &Store, args: &[&str]) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("complaint"))
        .current_dir(store.path())
        .env("COMPLAINT_NOW", "2026-11-23 10:00")
        .env("COMPLAINT_USER", "wang")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn complaint")
}

#[test]
fn eight_concurrent_new_get_eight_distinct_ids() {
    let store = Store::new();
    let children: Vec<_> = (0..8)
        .map(|i| {
            let summary = format!("并发登记 {i}");
            spawn(
                &store,
                &["new", "--customer", "张三", "--contact", "13812345678", "--channel", "phone", "--summary", &summary],
            )
        })
        .collect();
    let ids: Vec<String> = children
        .into_iter()
        .map(|child| {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            String::from_utf8(output.stdout).unwrap().trim().to_string()
        })
        .collect();
    let distinct: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), 8, "{ids:?}");
    let expected: BTreeSet<String> = (1..=8).map(|n| format!("CP20261123{n:03}")).collect();
    assert_eq!(distinct.into_iter().cloned().collect::<BTreeSet<_>>(), expected);
    let files = std::fs::read_dir(store.path().join("tickets/2026/11"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".yaml"))
        .count();
    assert_eq!(files, 8);
    let summaries: BTreeSet<String> =
        ids.iter().map(|id| store.ticket_yaml(id)["summary"].as_str().unwrap().to_string()).collect();
    assert_eq!(summaries.len(), 8, "every process wrote its own ticket");
    store.cmd("2026-11-23 10:00").arg("check").assert().success();
}

#[test]
fn concurrent_notes_on_one_ticket_lose_no_event() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let children: Vec<_> = (0..8).map(|i| spawn(&store, &["note", &id, "-m", &format!("进展 {i}")])).collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let ticket = store.ticket_yaml(&id);
    let notes: BTreeSet<String> = ticket["history"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|e| e["note"].as_str().map(str::to_string))
        .collect();
    assert_eq!(notes.len(), 8, "{notes:?}");
    store.cmd("2026-11-23 10:00").arg("check").assert().success();
}
