//! `init --preset after-sales`: seed 002's stage set in a new store, and
//! `check`, `overdue`, `report` and `export` working on it. 2026-09-30 is
//! the Wednesday before the National Day holiday (10-01…10-07).

use predicates::prelude::*;
use serde_json::Value;

use crate::support::Store;

fn after_sales() -> Store {
    let store = Store::empty();
    store.cmd("2026-09-30 08:00").args(["init", ".", "--preset", "after-sales"]).assert().success();
    store
}

#[test]
fn the_preset_writes_every_stage_of_seed_002() {
    let store = after_sales();
    let config = std::fs::read_to_string(store.path().join("complaint.toml")).unwrap();
    for label in ["受理响应", "转交", "初步诊断", "方案制定", "方案确认", "结果确认", "回访", "补救落实"]
    {
        assert!(config.contains(&format!("label = \"{label}\"")), "{label} missing");
    }
    store.cmd("2026-09-30 08:00").arg("check").assert().success();
}

#[test]
fn an_unknown_preset_is_a_usage_error_listing_the_presets() {
    let store = Store::empty();
    store
        .cmd("2026-09-30 08:00")
        .args(["init", ".", "--preset", "retail"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such preset; presets: after-sales"));
    assert!(!store.path().join("complaint.toml").exists());
}

#[test]
fn overdue_report_and_export_show_the_stages() {
    let store = after_sales();
    let id = store.new_ticket("2026-09-30 15:00", &["--received-at", "2026-09-30 15:00"]);
    store.ok("2026-09-30 15:03", &["transition", &id, "processing"]);
    store.ok("2026-09-30 15:20", &["assign", &id, "--department", "技术支持部", "--assignee", "李娜"]);
    store.ok("2026-09-30 15:30", &["diagnose", &id, "-m", "充电座短路"]);
    // 方案制定 1wd from Wednesday 15:00: the holiday week is off, Thursday 10-08 18:00.
    store.ok("2026-10-09 10:00", &["plan", &id, "-m", "换新", "--execute-by", "2026-10-12 18:00"]);
    store.cmd("2026-10-09 13:00").arg("check").assert().success();

    let out = store.ok("2026-10-09 13:00", &["--json", "overdue", "--as-of", "2026-10-09 13:00"]);
    let overdue: Value = serde_json::from_str(&out).unwrap();
    let items: Vec<(&str, &str, &str)> = overdue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["target"].as_str().unwrap(), i["target_label"].as_str().unwrap(), i["due"].as_str().unwrap()))
        .collect();
    // The default stages run beside the configured ones (the progress update).
    assert_eq!(
        items,
        [
            ("update", "进展更新", "2026-10-01T15:03:00+08:00"),
            ("plan_confirmation", "方案确认", "2026-10-09T12:00:00+08:00")
        ]
    );

    let out = store.ok("2026-10-09 13:00", &["--json", "report", "--from", "2026-09-01", "--to", "2026-10-31"]);
    let report: Value = serde_json::from_str(&out).unwrap();
    let line = |kind: &str| {
        let targets = report["sla"]["targets"].as_array().unwrap();
        let t = targets.iter().find(|t| t["kind"] == kind).unwrap_or_else(|| panic!("{kind} missing"));
        (t["met"].as_u64().unwrap(), t["breached"].as_u64().unwrap())
    };
    assert_eq!(line("response"), (1, 0));
    assert_eq!(line("handover"), (1, 0));
    assert_eq!(line("diagnosis"), (1, 0));
    // Met on 10-09 10:00, due 10-08 18:00: a breach that stays.
    assert_eq!(line("plan"), (0, 1));
    assert_eq!(line("plan_confirmation"), (0, 1));
    // Charged to who held the ticket when each deadline passed (spec §5.1).
    let people = report["by_person"].as_array().unwrap();
    let li_na = people.iter().find(|p| p["name"] == "李娜").expect("李娜 in by_person");
    assert_eq!(li_na["breaches"], 3, "{li_na}");

    let csv = store.ok("2026-10-09 13:00", &["export"]);
    assert!(csv.contains("方案制定; 方案确认"), "{csv}");
}
