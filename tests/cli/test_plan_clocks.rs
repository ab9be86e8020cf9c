//! Issue 14: a plan's execution by its own time (方案执行), and `overdue`
//! (which reads the cached clock view) keeping a breach made before the
//! severity was lowered, with a cold and a warm cache. 2026-11-23 is a
//! Monday; default config (major 1h / 4h, general 24h / 2wd).

use std::time::Duration;

use serde_json::Value;

use crate::support::Store;

/// `target due assignee` of every overdue row, as of `now`.
fn overdue(store: &Store, now: &str) -> Vec<String> {
    let out = store.ok(now, &["--json", "overdue"]);
    if out.is_empty() {
        return Vec::new();
    }
    let json: Value = serde_json::from_str(&out).unwrap();
    let items = json["items"].as_array().unwrap();
    let text = |i: &Value, k: &str| i[k].as_str().unwrap_or("-").to_string();
    items.iter().map(|i| format!("{} {} {}", text(i, "target"), &text(i, "due")[..16], text(i, "assignee"))).collect()
}

#[test]
fn a_breach_before_the_severity_was_lowered_stays_on_overdue_cold_and_warm() {
    // 重大 received 09:00: first response due 10:00. Lowered to 一般 at 10:30,
    // still unanswered at 10:45: the 10:00 breach is overdue (一般's own
    // deadline would be Tue 09:00).
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &["--severity", "major"]);
    store.ok("2026-11-23 10:30", &["classify", &id, "--severity", "general"]);
    let now = "2026-11-23 10:45";
    let expected = ["first_response 2026-11-23T10:00 -"];
    assert_eq!(overdue(&store, now), expected, "cold cache");
    // Old enough for the cache to trust its entries, then read from it.
    std::thread::sleep(Duration::from_millis(2200));
    assert_eq!(overdue(&store, now), expected, "written cache");
    assert!(store.path().join(".complaint/index").is_file());
    assert_eq!(overdue(&store, now), expected, "warm cache");
}

#[test]
fn a_plan_not_carried_out_by_its_time_is_charged_to_who_held_it() {
    // Plan sent Mon 10:00, to be carried out by Tue 11-24 18:00, not done;
    // reassigned to 李娜 Wed 10:00, executed Wed 11:00: met late, a breach
    // charged to 孙磊 (who held it at Tue 18:00).
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &["--category", "after_sales"]);
    store.ok("2026-11-23 09:10", &["assign", &id, "--department", "售后部", "--assignee", "孙磊"]);
    store.ok("2026-11-23 10:00", &["--by", "孙磊", "plan", &id, "-m", "上门更换", "--execute-by", "2026-11-24 18:00"]);
    store.ok("2026-11-23 10:30", &["confirm", &id, "plan", "--accepted", "--via", "sms"]);
    assert!(!overdue(&store, "2026-11-24 17:59").iter().any(|r| r.starts_with("execution")));
    assert!(overdue(&store, "2026-11-24 18:00").contains(&"execution 2026-11-24T18:00 孙磊".to_string()));
    store.ok("2026-11-25 10:00", &["assign", &id, "--assignee", "李娜"]);
    store.ok("2026-11-25 11:00", &["--by", "李娜", "execute", &id, "--done", "-m", "已更换"]);
    assert!(!overdue(&store, "2026-11-25 11:05").iter().any(|r| r.starts_with("execution")));
    let out = store.ok("2026-11-25 11:05", &["--json", "report", "--week", "2026-W48"]);
    let week: Value = serde_json::from_str(&out).unwrap();
    let breaches: Vec<(String, String, String)> = week["agenda"]["breaches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["target"] == "execution")
        .map(|b| {
            let s = |k: &str| b[k].as_str().unwrap_or("").to_string();
            (s("due")[..16].to_string(), s("assignee"), s("department"))
        })
        .collect();
    assert_eq!(breaches, [("2026-11-24T18:00".to_string(), "孙磊".to_string(), "售后部".to_string())]);
}
