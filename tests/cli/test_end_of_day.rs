//! One display rule for the end of a day (issue 15): a bare date typed as a
//! due or promised time is 24:00 of that day in every view a person reads
//! (`show`, `log`, `overdue`, the review agenda of `report`, confirmations);
//! JSON keeps the RFC 3339 instant (00:00 of the next day).

use crate::support::Store;

/// A ticket of Monday 11-23 with an action item due 11-25 and a promise
/// for 11-25, both typed as bare dates.
fn ticket_due_on_the_25th(store: &Store) -> String {
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok(
        "2026-11-23 10:00",
        &["note", &id, "-m", "回电", "--kind", "action", "--owner", "李娜", "--due", "2026-11-25"],
    );
    store.ok("2026-11-23 10:05", &["promise", &id, "2026-11-25"]);
    id
}

fn stderr_of(store: &Store, now: &str, args: &[&str]) -> String {
    let output = store.cmd(now).args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_bare_date_is_stored_as_the_next_midnight() {
    let store = Store::new();
    let id = ticket_due_on_the_25th(&store);
    let yaml = store.ticket_yaml(&id);
    assert_eq!(yaml["promised_at"].as_str(), Some("2026-11-26T00:00:00+08:00"));
    let history = yaml["history"].as_sequence().unwrap();
    assert_eq!(history[1]["due"].as_str(), Some("2026-11-26T00:00:00+08:00"));
}

#[test]
fn the_promise_confirmation_says_24_00() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let said = stderr_of(&store, "2026-11-23 10:05", &["promise", &id, "2026-11-25"]);
    assert!(said.contains("承诺 2026-11-25 24:00 前解决"), "{said}");
}

#[test]
fn show_and_log_say_24_00() {
    let store = Store::new();
    let id = ticket_due_on_the_25th(&store);
    let show = store.ok("2026-11-23 11:00", &["show", &id]);
    assert!(show.contains("承诺时限  2026-11-25 24:00"), "{show}");
    assert!(show.contains("待办事项   2026-11-25 24:00"), "{show}");
    assert!(!show.contains("11-26 00:00"), "{show}");
    let log = store.ok("2026-11-23 11:00", &["log", &id]);
    assert!(log.contains("截止 2026-11-25 24:00"), "{log}");
    assert!(log.contains("承诺 2026-11-25 24:00"), "{log}");
}

#[test]
fn the_overdue_table_says_24_00_and_json_keeps_the_instant() {
    let store = Store::new();
    ticket_due_on_the_25th(&store);
    let table = store.cmd("2026-11-27 10:00").args(["overdue"]).output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert_eq!(table.matches("2026-11-25 24:00").count(), 2, "{table}");
    assert!(!table.contains("11-26 00:00"), "{table}");
    let json = store.cmd("2026-11-27 10:00").args(["overdue", "--json"]).output().unwrap();
    let json = String::from_utf8(json.stdout).unwrap();
    assert!(json.contains("2026-11-26T00:00:00+08:00"), "{json}");
}

#[test]
fn the_review_agenda_says_24_00() {
    let store = Store::new();
    ticket_due_on_the_25th(&store);
    let report = store.ok("2026-11-27 10:00", &["report", "--week", "2026-W48"]);
    let item = report.lines().find(|l| l.contains("回电")).expect("the action item is on the agenda");
    assert!(item.contains("2026-11-25 24:00"), "{report}");
    assert!(!report.contains("11-26 00:00"), "{report}");
}
