//! The events of seed 002's stages (diagnose, plan, confirm, execute) and
//! every clock in `show`, with hand-computed deadlines. Monday 2026-11-23,
//! work hours 09:00–18:00, no holiday that week.

use serde_json::Value;

use crate::support::Store;

/// Received Monday 09:00 (general), diagnosed serious at 09:20 (first
/// response 4h, resolution 1wd), handed to 技术支持部 at 09:30, plan sent
/// at 10:00 (new → processing: the first response).
fn diagnosed_and_planned(store: &Store) -> String {
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:20", &["diagnose", &id, "-m", "充电座短路", "--severity", "严重"]);
    store.ok("2026-11-23 09:30", &["assign", &id, "--department", "技术支持部", "--assignee", "黄磊"]);
    store.ok("2026-11-23 10:00", &["plan", &id, "-m", "上门更换充电座", "--execute-by", "2026-11-25 18:00"]);
    id
}

fn stages(store: &Store, now: &str, id: &str) -> Vec<Value> {
    let json: Value = serde_json::from_str(&store.ok(now, &["--json", "show", id])).unwrap();
    json["stages"].as_array().unwrap().clone()
}

#[test]
fn show_has_a_met_an_open_and_an_overdue_clock() {
    let store = Store::new();
    let id = diagnosed_and_planned(&store);
    let shown = store.ok("2026-11-24 12:00", &["show", &id]);
    let table: String = shown.lines().skip_while(|l| *l != "时限").take(7).map(|l| format!("{l}\n")).collect();
    // First response: 4h from 09:00, met by the plan's move out of new.
    // Resolution: 1wd => Tuesday 18:00, 6h left. Update: 24h after the
    // move to processing => Tuesday 10:00, 2h over (both inside work hours).
    // Execution (issue 14): the plan's own Wednesday 18:00, 30 wall hours
    // left, of which Tue 12–18 + Wed 9–18 = 15 working hours.
    insta::assert_snapshot!(table, @r"
    时限
    环节       截止时间           完成时间           状态       剩余/超时(工作)   剩余/超时(自然)
    ───────────────────────────────────────────────────────────────────────────────────────────────
    首次响应   2026-11-23 13:00   2026-11-23 10:00   按时完成   —                 —
    处理时限   2026-11-24 18:00   —                  进行中     剩余 6h           剩余 6h
    进展更新   2026-11-24 10:00   —                  已超时     超时 2h           超时 2h
    方案执行   2026-11-25 18:00   —                  进行中     剩余 15h          剩余 1d 6h
    ");
    assert!(shown.contains("方案执行时限  2026-11-25 18:00\n"), "{shown}");
    let s = stages(&store, "2026-11-24 12:00", &id);
    assert_eq!(s.len(), 4);
    assert_eq!(
        (&s[0]["target"], &s[0]["state"], &s[0]["met_at"], &s[0]["breach"]),
        (&"first_response".into(), &"met".into(), &"2026-11-23T10:00:00+08:00".into(), &false.into())
    );
    assert_eq!(s[1]["due"], "2026-11-24T18:00:00+08:00");
    assert_eq!((&s[1]["remaining_working_minutes"], &s[1]["remaining_wall_minutes"]), (&360.into(), &360.into()));
    assert_eq!(s[1]["overdue_wall_minutes"], Value::Null);
    assert_eq!((&s[2]["target"], &s[2]["state"], &s[2]["breach"]), (&"update".into(), &"overdue".into(), &true.into()));
    assert_eq!((&s[2]["overdue_working_minutes"], &s[2]["overdue_wall_minutes"]), (&120.into(), &120.into()));
    assert_eq!(s[2]["provisional"], false);
    assert_eq!((&s[3]["target"], &s[3]["due"]), (&"execution".into(), &"2026-11-25T18:00:00+08:00".into()));
    assert_eq!((&s[3]["remaining_working_minutes"], &s[3]["remaining_wall_minutes"]), (&900.into(), &1800.into()));
}

#[test]
fn a_diagnosed_severity_recomputes_from_the_original_start() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    // General: first response 24h, resolution 2wd => Wednesday 18:00.
    let before = stages(&store, "2026-11-23 09:10", &id);
    assert_eq!(
        (&before[0]["due"], &before[1]["due"]),
        (&"2026-11-24T09:00:00+08:00".into(), &"2026-11-25T18:00:00+08:00".into())
    );
    store.ok("2026-11-23 09:20", &["diagnose", &id, "-m", "充电座短路", "--severity", "serious"]);
    // Serious, from the same 09:00: 4h => 13:00, 1wd => Tuesday 18:00.
    let after = stages(&store, "2026-11-23 09:30", &id);
    assert_eq!(
        (&after[0]["due"], &after[1]["due"]),
        (&"2026-11-23T13:00:00+08:00".into(), &"2026-11-24T18:00:00+08:00".into())
    );
    // A diagnosis is not a first response: the ticket is still new.
    assert_eq!(store.ticket_yaml(&id)["status"], "new");
    assert_eq!(after[0]["state"], "pending");
}

#[test]
fn a_refused_plan_then_an_accepted_result_resolves_the_ticket() {
    let store = Store::new();
    let id = diagnosed_and_planned(&store);
    store.ok("2026-11-23 11:00", &["confirm", &id, "plan", "--refused", "--via", "phone", "-m", "要求整机换新"]);
    store.fails_unchanged("2026-11-23 12:00", &["execute", &id, "--done", "-m", "已更换"], &["a new plan is needed"]);
    store.ok("2026-11-23 13:00", &["plan", &id, "-m", "整机换新", "--execute-by", "2026-11-24"]);
    store.ok("2026-11-23 13:30", &["confirm", &id, "plan", "--accepted", "--via", "sms"]);
    store.fails_unchanged(
        "2026-11-23 14:00",
        &["confirm", &id, "result", "--accepted", "--via", "signature"],
        &["no execution reported done"],
    );
    store.ok("2026-11-24 15:00", &["execute", &id, "--done", "-m", "已发货换新"]);
    store.ok("2026-11-24 16:00", &["confirm", &id, "result", "--accepted", "--via", "signature"]);
    let yaml = store.ticket_yaml(&id);
    assert_eq!((&yaml["status"], &yaml["plan"]), (&"resolved".into(), &"整机换新".into()));
    let history = yaml["history"].as_sequence().unwrap();
    let refused = &history[4];
    assert_eq!(
        (&refused["action"], &refused["confirms"], &refused["accepted"], &refused["via"]),
        (&"confirmation".into(), &"plan".into(), &false.into(), &"phone".into())
    );
    assert_eq!(history[5]["execute_by"], "2026-11-25T00:00:00+08:00");
    // Resolution met at the customer's acceptance; the follow-up (3d)
    // runs from it to the end of Friday.
    let s = stages(&store, "2026-11-24 17:00", &id);
    assert_eq!(
        (&s[1]["target"], &s[1]["state"], &s[1]["met_at"]),
        (&"resolution".into(), &"met".into(), &"2026-11-24T16:00:00+08:00".into())
    );
    assert_eq!(
        (&s[2]["target"], &s[2]["due"], &s[2]["state"]),
        (&"followup".into(), &"2026-11-28T00:00:00+08:00".into(), &"pending".into())
    );
}

#[test]
fn the_new_events_read_in_both_languages() {
    let store = Store::new();
    let id = diagnosed_and_planned(&store);
    store.ok("2026-11-23 11:00", &["confirm", &id, "plan", "--accepted", "--via", "signature"]);
    store.ok("2026-11-23 12:00", &["execute", &id, "--done", "-m", "已更换"]);
    let log = store.ok("2026-11-23 13:00", &["log", &id]);
    for needle in [
        "初步诊断",
        "严重程度=严重；充电座短路",
        "方案告知",
        "执行时限 2026-11-25 18:00",
        "方案 已接受（签名）",
        "执行完成   已更换",
    ] {
        assert!(log.contains(needle), "{needle} in\n{log}");
    }
    let path = store.path().join("complaint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, config.replacen("lang = \"zh-CN\"", "lang = \"en\"", 1)).unwrap();
    let log = store.ok("2026-11-23 13:00", &["log", &id]);
    for needle in ["diagnosed", "plan_sent", "execute by 2026-11-25 18:00", "plan accepted (signature)", "executed"] {
        assert!(log.contains(needle), "{needle} in\n{log}");
    }
    let shown = store.ok("2026-11-23 13:00", &["show", &id]);
    assert!(shown.contains("Deadlines\nStage") && shown.contains("first_response"), "{shown}");
}
