//! Issue 14: breaches stay, and are charged to whoever held the ticket when
//! the deadline passed; reopens and vetoed scores to whoever resolved it;
//! receivers and follow-up callers credited (spec §5.1). Default config:
//! general 24h / 2wd / 3d, update_every 24h, reopen 3wd, notice_before 1d.

use serde_json::Value;

use super::support::Store;

fn json(store: &Store, now: &str, args: &[&str]) -> Value {
    let mut full = args.to_vec();
    full.push("--json");
    serde_json::from_str(&store.ok(now, &full)).expect("json")
}

fn named<'v>(lines: &'v Value, name: &str) -> &'v Value {
    lines.as_array().unwrap().iter().find(|l| l["name"] == name).unwrap_or_else(|| panic!("{name} in {lines}"))
}

/// `(target, due, assignee)` of the week's breaches.
fn agenda_breaches(report: &Value) -> Vec<(String, String, String)> {
    report["agenda"]["breaches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let s = |k: &str| b[k].as_str().unwrap_or("").to_string();
            (s("target"), s("due")[..16].to_string(), s("assignee"))
        })
        .collect()
}

/// The sample store's CP20261120001: received Fri 11-20 09:10, 孙磊, promised
/// Sat 11-21 18:00; on Mon 11-23 10:00 the promise is moved to Wed 11-25.
fn moved_promise(store: &Store) -> String {
    let id = store.new_ticket("2026-11-20 09:10", &["--category", "after_sales"]);
    store.ok("2026-11-20 09:25", &["assign", &id, "--department", "售后部", "--assignee", "孙磊"]);
    store.ok("2026-11-20 09:30", &["--by", "孙磊", "transition", &id, "processing"]);
    store.ok("2026-11-20 09:50", &["--by", "孙磊", "promise", &id, "2026-11-21 18:00"]);
    store.ok("2026-11-23 10:00", &["--by", "孙磊", "promise", &id, "2026-11-25 18:00", "--reason", "配件缺货"]);
    id
}

#[test]
fn moving_a_missed_promise_keeps_the_breach() {
    let store = Store::new();
    let id = moved_promise(&store);
    let now = "2026-11-23 10:05";
    // Week 47 (11-16..22): the update (09:30 + 24h = Sat 09:30), the late
    // notice (due Fri 11-20 18:00, one day before the old promise) and the
    // missed promise (Sat 18:00) — three breaches, all charged to 孙磊.
    let week = json(&store, now, &["report", "--week", "2026-W47"]);
    assert_eq!(week["sla"]["breaches"], 3);
    assert_eq!(
        agenda_breaches(&week),
        [
            ("promise_notice".into(), "2026-11-20T18:00".into(), "孙磊".into()),
            ("update".into(), "2026-11-21T09:30".into(), "孙磊".into()),
            ("promise".into(), "2026-11-21T18:00".into(), "孙磊".into()),
        ]
    );
    assert_eq!(week["agenda"]["breaches"][2]["department"], "售后部");
    assert_eq!(named(&week["by_person"], "孙磊")["breaches"], 3);
    // The missed promise is still unmet: on `overdue` beside the new one.
    let overdue = store.ok(now, &["overdue"]);
    assert!(overdue.contains("2026-11-21 18:00"), "{overdue}");
    let export = store.ok(now, &["export", "--columns", "id,breached"]);
    let row = export.lines().find(|l| l.contains(&id)).unwrap();
    assert!(row.contains("承诺时间") && row.contains("延期告知"), "{row}");
}

#[test]
fn an_extension_is_on_time_only_a_day_ahead() {
    // Promised Fri 11-27 18:00: the notice is due Thu 11-26 18:00.
    let store = Store::new();
    for told in ["2026-11-26 17:59", "2026-11-26 18:01"] {
        let id = store.new_ticket("2026-11-23 09:00", &["--category", "after_sales"]);
        store.ok("2026-11-23 09:10", &["transition", &id, "processing"]);
        store.ok("2026-11-23 09:20", &["promise", &id, "2026-11-27 18:00"]);
        store.ok("2026-11-23 09:30", &["note", &id, "-m", "已联系厂家"]);
        store.ok(told, &["note", &id, "-m", "配件未到"]);
        store.ok(told, &["promise", &id, "2026-11-30 18:00", "--reason", "配件缺货"]);
    }
    let month = json(&store, "2026-11-26 18:30", &["report", "--month", "2026-11"]);
    let notice = month["sla"]["targets"].as_array().unwrap().iter().find(|t| t["kind"] == "promise_notice").unwrap();
    assert_eq!((notice["met"].as_u64(), notice["breached"].as_u64()), (Some(1), Some(1)));
    let promise = month["sla"]["targets"].as_array().unwrap().iter().find(|t| t["kind"] == "promise").unwrap();
    // Both first promises superseded before Fri 18:00: no breach; the new
    // ones are pending.
    assert_eq!((promise["breached"].as_u64(), promise["open"].as_u64()), (Some(0), Some(4)));
}

/// 王芳 takes the call Mon 11-09 09:00; 孙磊 (售后部) holds it, answers
/// late (Tue 10:00 > due Tue 09:00) and resolves it Tue 17:00; 赵敏 calls
/// back Wed 10:00, 3/5 (方案 3): the veto reopens it; Wed 11:00 it goes to
/// 李娜 (客服部). The veto is reported to the supervisor at 10:30, within
/// the hour (`veto_report`), so its only breach is the late first response.
fn vetoed_then_reassigned(store: &Store) -> String {
    let id = store.new_ticket("2026-11-09 09:00", &["--by", "王芳", "--category", "after_sales"]);
    store.ok("2026-11-09 09:05", &["--by", "王芳", "assign", &id, "--department", "售后部", "--assignee", "孙磊"]);
    store.ok("2026-11-10 10:00", &["--by", "孙磊", "transition", &id, "processing"]);
    store.ok("2026-11-10 17:00", &["--by", "孙磊", "transition", &id, "resolved", "--plan", "换货"]);
    store.ok(
        "2026-11-11 10:00",
        &["--by", "赵敏", "followup", &id, "--score", "3", "--comment", "太慢", "--dimension", "方案=3"],
    );
    store.ok("2026-11-11 10:30", &["--by", "赵敏", "escalate", &id, "--to", "王主管", "--reason", "客户不满意"]);
    store.ok("2026-11-11 11:00", &["assign", &id, "--department", "客服部", "--assignee", "李娜"]);
    id
}

#[test]
fn reassigning_after_a_veto_keeps_the_charges_with_the_resolver() {
    let store = Store::new();
    vetoed_then_reassigned(&store);
    let now = "2026-11-12 09:00";
    let month = json(&store, now, &["report", "--month", "2026-11"]);
    assert_eq!(month["sla"]["breaches"], 1);
    let sun = named(&month["by_assignee"], "孙磊");
    assert_eq!(
        (sun["handled"].as_u64(), sun["breached"].as_u64(), sun["reopened"].as_u64(), sun["satisfaction"].as_f64()),
        (Some(0), Some(1), Some(1), Some(60.0))
    );
    assert_eq!(sun["dimensions"]["方案"], 60.0);
    let li = named(&month["by_assignee"], "李娜");
    assert_eq!(
        (li["handled"].as_u64(), li["breached"].as_u64(), li["reopened"].as_u64(), li["satisfaction"].as_f64()),
        (Some(1), Some(0), Some(0), None)
    );
    assert_eq!(named(&month["by_department"], "售后部")["breached"], 1);
    assert_eq!(named(&month["by_department"], "客服部")["breached"], 0);
    let person = |name: &str| {
        let p = named(&month["by_person"], name);
        ["received", "handled", "breaches", "reopens", "followups"].map(|k| p[k].as_u64().unwrap())
    };
    assert_eq!(person("王芳"), [1, 0, 0, 0, 0]);
    assert_eq!(person("孙磊"), [0, 1, 1, 1, 0]);
    assert_eq!(person("李娜"), [0, 1, 0, 0, 0]);
    assert_eq!(person("赵敏"), [0, 0, 0, 0, 1]);
    assert_eq!(named(&month["by_person"], "孙磊")["satisfaction"], 60.0);
    let week = json(&store, now, &["report", "--week", "2026-W46"]);
    assert_eq!(agenda_breaches(&week), [("first_response".into(), "2026-11-10T09:00".into(), "孙磊".into())]);
    let veto = &week["agenda"]["unsatisfied"][0];
    assert_eq!((veto["assignee"].as_str(), veto["caller"].as_str()), (Some("孙磊"), Some("赵敏")));
}

#[test]
fn lowering_the_severity_keeps_the_breach_in_report_and_export() {
    // 重大 received Mon 11-09 10:00: first response due 11:00 (1h); lowered
    // to 一般 at 12:00, answered 13:00 (一般 alone: due Tue 10:00, met).
    let store = Store::new();
    let id = store.new_ticket("2026-11-09 10:00", &["--severity", "major"]);
    store.ok("2026-11-09 12:00", &["classify", &id, "--severity", "general"]);
    store.ok("2026-11-09 13:00", &["transition", &id, "processing"]);
    let now = "2026-11-09 14:00";
    let month = json(&store, now, &["report", "--month", "2026-11"]);
    assert_eq!(month["sla"]["breaches"], 1);
    assert_eq!(month["sla"]["targets"][0]["kind"], "first_response");
    assert_eq!(month["sla"]["targets"][0]["breached"], 1);
    let export = store.ok(now, &["export", "--columns", "id,breached", "--lang", "en"]);
    assert!(export.lines().any(|l| l.contains(&id) && l.contains("first_response")), "{export}");
}

#[test]
fn meeting_late_or_reassigning_never_removes_a_breach() {
    // Answered Tue 10:00 after the Tue 09:00 deadline (met late), then
    // reassigned: still one breach, still 孙磊's.
    let store = Store::new();
    let id = vetoed_then_reassigned(&store);
    let before = json(&store, "2026-11-11 10:30", &["report", "--month", "2026-11"]);
    let after = json(&store, "2026-11-12 09:00", &["report", "--month", "2026-11"]);
    for report in [&before, &after] {
        assert_eq!(report["sla"]["breaches"], 1);
        assert_eq!(named(&report["by_person"], "孙磊")["breaches"], 1);
    }
    let export = store.ok("2026-11-12 09:00", &["export", "--columns", "id,breached", "--lang", "en"]);
    assert!(export.lines().any(|l| l.contains(&id) && l.contains("first_response")), "{export}");
}
