//! `[ui] lang`: tables, labels and report text in Chinese (default) or English.

use crate::support::Store;

const NOW: &str = "2026-11-23 12:00";

fn english(store: &Store) {
    let path = store.path().join("complaint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, config.replacen("lang = \"zh-CN\"", "lang = \"en\"", 1)).unwrap();
}

fn ticket(store: &Store) -> String {
    let id = store.new_ticket("2026-11-23 09:00", &["--category", "logistics"]);
    store.ok("2026-11-23 09:10", &["transition", &id, "processing", "--note", "called back"]);
    id
}

#[test]
fn english_tables_and_labels() {
    let store = Store::new();
    let id = ticket(&store);
    english(&store);
    let log = store.ok(NOW, &["log", &id]);
    insta::assert_snapshot!(log, @r"
    Time               By     Action       Details
    ─────────────────────────────────────────────────────────────────────────────
    2026-11-23 09:00   wang   created      Category=logistics; Severity=general
    2026-11-23 09:10   wang   transition   new → processing; note: called back
    ");
    let show = store.ok(NOW, &["show", &id]);
    assert!(show.starts_with(&format!("ID        {id}\nStatus    processing\nReceived  2026-11-23 09:00\n")), "{show}");
    assert!(show.contains("\nCategory  logistics\n"), "{show}");
    assert!(show.contains("\nHistory\n"), "{show}");
    let overdue = store.ok("2026-11-25 12:00", &["overdue"]);
    assert!(overdue.starts_with("State     ID              Severity"), "{overdue}");
    // Processing since Mon 09:10 with no progress note: the update was due Tue 09:10.
    assert!(
        overdue.contains("\noverdue   CP20261123001   general    logistics   processing   update   2026-11-24 09:10"),
        "{overdue}"
    );
}

#[test]
fn chinese_is_the_default() {
    let store = Store::new();
    let id = ticket(&store);
    let log = store.ok(NOW, &["log", &id]);
    assert!(log.starts_with("时间"), "{log}");
    assert!(log.contains("状态变更   待受理 → 处理中；备注: called back"), "{log}");
}

#[test]
fn report_follows_the_ui_language_unless_told() {
    let store = Store::new();
    ticket(&store);
    english(&store);
    let report = store.ok(NOW, &["report", "--month", "2026-11"]);
    assert!(report.starts_with("Complaint report 2026-11"), "{report}");
    let report = store.ok(NOW, &["report", "--month", "2026-11", "--lang", "zh"]);
    assert!(report.starts_with("投诉统计报告 2026-11"), "{report}");
}

#[test]
fn unknown_language_is_a_config_error() {
    let store = Store::new();
    let path = store.path().join("complaint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, config.replacen("lang = \"zh-CN\"", "lang = \"fr\"", 1)).unwrap();
    store.fails_unchanged(NOW, &["list"], &["unknown language \"fr\"", "ui"]);
}

#[test]
fn english_list() {
    let store = Store::new();
    let id = ticket(&store);
    english(&store);
    let list = store.ok(NOW, &["list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert!(
        lines[0].starts_with("ID              Received           Status       Severity   Category    Channel"),
        "{list}"
    );
    assert!(
        lines[2].starts_with(&format!("{id}   2026-11-23 09:00   processing   general    logistics   phone")),
        "{list}"
    );
}
