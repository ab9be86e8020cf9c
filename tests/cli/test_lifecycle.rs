//! The lifecycle of spec §4: every allowed move, the customer veto, closing
//! rules, history events and back-dating.

use predicates::prelude::*;

use crate::support::Store;

fn status_of(store: &Store, id: &str) -> String {
    store.ticket_yaml(id)["status"].as_str().unwrap().to_string()
}

/// Brings a fresh ticket to `resolved`.
fn resolved_ticket(store: &Store) -> String {
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:10", &["transition", &id, "processing"]);
    store.ok("2026-11-23 11:00", &["transition", &id, "resolved", "--plan", "换货", "--cause", "包装"]);
    id
}

#[test]
fn every_allowed_move_is_accepted() {
    let moves: &[(&[&str], &str)] = &[
        (&["processing"], "processing"),
        (&["waiting_customer"], "waiting_customer"),
        (&["resolved"], "resolved"),
        (&["closed", "--reason", "无效投诉"], "closed"),
        (&["processing", "waiting_customer"], "waiting_customer"),
        (&["processing", "resolved"], "resolved"),
        (&["processing", "closed", "--reason", "重复投诉"], "closed"),
        (&["waiting_customer", "processing"], "processing"),
        (&["waiting_customer", "resolved"], "resolved"),
        (&["waiting_customer", "closed", "--reason", "无法联系客户"], "closed"),
        (&["resolved", "processing"], "processing"),
        (&["resolved", "closed", "--reason", "客户未接回访"], "closed"),
        (&["closed", "--reason", "误登记", "processing"], "processing"),
    ];
    for (steps, expected) in moves {
        let store = Store::new();
        let id = store.new_ticket("2026-11-23 09:00", &[]);
        // Split the steps into transitions: a status, optionally followed by --reason X.
        let mut minute = 10;
        let mut i = 0;
        while i < steps.len() {
            let mut args = vec!["transition", id.as_str(), steps[i]];
            if steps.get(i + 1) == Some(&"--reason") {
                args.extend(["--reason", steps[i + 2]]);
                i += 2;
            }
            store.ok(&format!("2026-11-23 09:{minute}"), &args);
            minute += 1;
            i += 1;
        }
        assert_eq!(status_of(&store, &id), *expected, "{steps:?}");
    }
}

#[test]
fn disallowed_moves_name_the_allowed_targets() {
    let store = Store::new();
    let id = resolved_ticket(&store);
    store.fails_unchanged(
        "2026-11-23 12:00",
        &["transition", &id, "waiting_customer"],
        &[
            "cannot move from resolved (已解决) to waiting_customer (待客户回复)",
            "allowed from resolved (已解决): closed (已关闭), processing (处理中)",
        ],
    );
    store.fails_unchanged("2026-11-23 12:00", &["transition", &id, "new"], &["allowed from resolved"]);
    store.fails_unchanged("2026-11-23 12:00", &["transition", &id, "resolved"], &["cannot move from resolved"]);
}

#[test]
fn status_accepts_chinese_labels() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:10", &["transition", &id, "处理中"]);
    store.ok("2026-11-23 09:11", &["transition", &id, "待客户回复"]);
    assert_eq!(status_of(&store, &id), "waiting_customer");
}

#[test]
fn closing_without_satisfied_followup_needs_a_reason() {
    let store = Store::new();
    let id = resolved_ticket(&store);
    store.fails_unchanged("2026-11-23 12:00", &["transition", &id, "closed"], &["needs --reason"]);
    store.ok("2026-11-23 12:00", &["transition", &id, "closed", "--reason", "客户未接回访"]);
    let ticket = store.ticket_yaml(&id);
    assert_eq!(ticket["history"][3]["reason"].as_str(), Some("客户未接回访"));
}

#[test]
fn satisfied_followup_closes() {
    let store = Store::new();
    let id = resolved_ticket(&store);
    store.ok("2026-11-24 10:00", &["followup", &id, "--score", "4", "--dimension", "效率=4", "--dimension", "态度=5"]);
    let ticket = store.ticket_yaml(&id);
    assert_eq!(ticket["status"].as_str(), Some("closed"));
    assert_eq!(ticket["satisfaction"]["score"].as_u64(), Some(4));
    assert_eq!(ticket["satisfaction"]["scale"].as_u64(), Some(5));
    assert_eq!(ticket["satisfaction"]["satisfied"].as_bool(), Some(true));
    assert_eq!(ticket["satisfaction"]["dimensions"]["态度"].as_u64(), Some(5));
    assert!(ticket.get("escalated").is_none());
    // A satisfied ticket that is reopened and closed again needs no reason.
    store.ok("2026-11-25 10:00", &["transition", &id, "processing", "--note", "客户再次来电"]);
    store.ok("2026-11-25 11:00", &["transition", &id, "closed"]);
}

#[test]
fn low_score_is_the_customers_veto() {
    let store = Store::new();
    let id = resolved_ticket(&store);
    store.fails_unchanged(
        "2026-11-24 10:00",
        &["followup", &id, "--score", "3"],
        &["below the satisfied threshold 4", "--comment"],
    );
    store.ok("2026-11-24 10:00", &["followup", &id, "--score", "3", "--comment", "补偿未到账"]);
    let ticket = store.ticket_yaml(&id);
    assert_eq!(ticket["status"].as_str(), Some("processing"));
    assert_eq!(ticket["escalated"].as_bool(), Some(true));
    assert_eq!(ticket["satisfaction"]["satisfied"].as_bool(), Some(false));
    let last = &ticket["history"][3];
    assert_eq!(last["action"].as_str(), Some("followup"));
    assert_eq!(last["from"].as_str(), Some("resolved"));
    assert_eq!(last["to"].as_str(), Some("processing"));
}

#[test]
fn unsatisfied_flag_vetoes_whatever_the_score() {
    let store = Store::new();
    let id = resolved_ticket(&store);
    store.ok("2026-11-24 10:00", &["followup", &id, "--score", "5", "--unsatisfied", "--comment", "仍有异议"]);
    assert_eq!(status_of(&store, &id), "processing");
    assert_eq!(store.ticket_yaml(&id)["escalated"].as_bool(), Some(true));
}

#[test]
fn ten_point_scale_uses_its_own_threshold() {
    let store = Store::new();
    let id = resolved_ticket(&store);
    store.fails_unchanged("2026-11-24 10:00", &["followup", &id, "--score", "7", "--scale", "10"], &["threshold 8"]);
    store.ok("2026-11-24 10:00", &["followup", &id, "--score", "8", "--scale", "10"]);
    assert_eq!(status_of(&store, &id), "closed");
    store.fails_unchanged("2026-11-24 10:00", &["followup", &id, "--score", "4", "--scale", "7"], &[]);
}

#[test]
fn scores_outside_the_scale_are_refused() {
    let store = Store::new();
    let id = resolved_ticket(&store);
    store.fails_unchanged(
        "2026-11-24 10:00",
        &["followup", &id, "--score", "6"],
        &["score 6 is outside the scale 1–5"],
    );
    store.fails_unchanged("2026-11-24 10:00", &["followup", &id, "--score", "0"], &["outside the scale"]);
    store.fails_unchanged(
        "2026-11-24 10:00",
        &["followup", &id, "--score", "11", "--scale", "10"],
        &["outside the scale 1–10"],
    );
    store.fails_unchanged(
        "2026-11-24 10:00",
        &["followup", &id, "--score", "4", "--dimension", "效率=9"],
        &["score 9"],
    );
    store.fails_unchanged(
        "2026-11-24 10:00",
        &["followup", &id, "--score", "4", "--dimension", "效率"],
        &["NAME=SCORE"],
    );
}

#[test]
fn no_answer_records_an_attempt_without_moving() {
    let store = Store::new();
    let id = resolved_ticket(&store);
    store.ok("2026-11-24 10:00", &["followup", &id, "--no-answer"]);
    let ticket = store.ticket_yaml(&id);
    assert_eq!(ticket["status"].as_str(), Some("resolved"));
    assert_eq!(ticket["history"][3]["no_answer"].as_bool(), Some(true));
    assert!(ticket["satisfaction"].is_null());
}

#[test]
fn followup_needs_a_resolved_ticket() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.fails_unchanged("2026-11-23 10:00", &["followup", &id, "--score", "5"], &["needs a resolved ticket"]);
}

#[test]
fn every_change_appends_exactly_one_event() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let steps: &[&[&str]] = &[
        &["classify", &id, "--category", "物流", "--severity", "严重"],
        &["assign", &id, "--department", "售后部", "--assignee", "李四", "--also", "仓储部", "--staff", "王五"],
        &["promise", &id, "2026-11-25 18:00"],
        &["transition", &id, "processing", "--note", "已联系客户"],
        &["note", &id, "-m", "已安排补发"],
        &["note", &id, "-m", "核查仓库出库记录", "--kind", "action", "--owner", "王经理", "--due", "2026-11-30"],
        &["escalate", &id, "--to", "客服经理", "--reason", "客户要求经理处理"],
        &["transition", &id, "resolved", "--plan", "补发并赔偿运费", "--cause", "快递"],
    ];
    for (i, step) in steps.iter().enumerate() {
        store.ok(&format!("2026-11-23 10:{:02}", i * 5), step);
        let ticket = store.ticket_yaml(&id);
        assert_eq!(ticket["history"].as_sequence().unwrap().len(), i + 2, "{step:?}");
        let event = &ticket["history"][i + 1];
        assert_eq!(event["by"].as_str(), Some("wang"));
        assert_eq!(event["at"].as_str().unwrap(), format!("2026-11-23T10:{:02}:00+08:00", i * 5));
    }
    let t = store.ticket_yaml(&id);
    assert_eq!(t["category"].as_str(), Some("logistics"));
    assert_eq!(t["severity"].as_str(), Some("serious"));
    assert_eq!(t["department"].as_str(), Some("售后部"));
    assert_eq!(t["departments_involved"][0].as_str(), Some("仓储部"));
    assert_eq!(t["involved_staff"][0].as_str(), Some("王五"));
    assert_eq!(t["promised_at"].as_str(), Some("2026-11-25T18:00:00+08:00"));
    assert_eq!(t["escalated_to"].as_str(), Some("客服经理"));
    assert_eq!(t["cause"].as_str(), Some("courier"));
    assert_eq!(t["plan"].as_str(), Some("补发并赔偿运费"));
    assert_eq!(t["history"][6]["due"].as_str(), Some("2026-12-01T00:00:00+08:00"));
    assert_eq!(t["history"][6]["kind"].as_str(), Some("action"));
    store.cmd("2026-11-23 12:00").arg("check").assert().success();
}

#[test]
fn actor_comes_from_by_flag() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:10", &["--by", "li", "transition", &id, "processing"]);
    assert_eq!(store.ticket_yaml(&id)["history"][1]["by"].as_str(), Some("li"));
}

#[test]
fn at_back_dates_but_never_before_the_last_event() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 12:00", &["transition", &id, "processing", "--at", "2026-11-23 09:30"]);
    assert_eq!(store.ticket_yaml(&id)["history"][1]["at"].as_str(), Some("2026-11-23T09:30:00+08:00"));
    store.fails_unchanged(
        "2026-11-23 12:00",
        &["note", &id, "-m", "x", "--at", "2026-11-23 09:29"],
        &["before the ticket's last event at 2026-11-23T09:30:00+08:00"],
    );
    store.fails_unchanged(
        "2026-11-23 12:00",
        &["note", &id, "-m", "x", "--at", "2026-11-23 12:01"],
        &["in the future"],
    );
}

#[test]
fn promise_extension_needs_a_reason() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:10", &["promise", &id, "2026-11-25 18:00"]);
    store.fails_unchanged("2026-11-23 09:20", &["promise", &id, "2026-11-26 18:00"], &["extension", "--reason"]);
    store
        .cmd("2026-11-23 09:20")
        .args(["promise", &id, "2026-11-26 18:00", "--reason", "配件缺货需调货"])
        .assert()
        .success()
        .stderr(predicate::str::contains("承诺延期至 2026-11-26 18:00"));
    // Moving it earlier is no extension.
    store.ok("2026-11-23 09:30", &["promise", &id, "2026-11-24 18:00"]);
    let log = store.ok("2026-11-23 09:35", &["log", &id]);
    let promises: Vec<&str> = log.lines().filter(|l| l.contains("承诺时限")).collect();
    assert_eq!(promises.len(), 3, "{log}");
    assert!(promises[0].ends_with("承诺时限   承诺 2026-11-25 18:00"), "{log}");
    assert!(promises[1].ends_with("承诺时限   延期；承诺 2026-11-26 18:00；理由: 配件缺货需调货"), "{log}");
    assert!(promises[2].ends_with("承诺时限   承诺 2026-11-24 18:00"), "{log}");
    store.fails_unchanged("2026-11-23 09:40", &["promise", &id, "2026-11-23 09:00"], &["not after"]);
}

#[test]
fn note_options_belong_to_action_items() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.fails_unchanged(
        "2026-11-23 09:10",
        &["note", &id, "-m", "x", "--owner", "王"],
        &["--owner and --due belong to action items"],
    );
    store.fails_unchanged("2026-11-23 09:10", &["note", &id, "-m", "x", "--kind", "action"], &["needs --owner"]);
    store.fails_unchanged("2026-11-23 09:10", &["note", &id, "-m", "  "], &["--message must not be empty"]);
}

#[test]
fn classify_without_change_writes_nothing() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &["--category", "logistics"]);
    let before = store.files();
    store
        .cmd("2026-11-23 09:10")
        .args(["classify", &id, "--category", "物流配送", "--severity", "general"])
        .assert()
        .success()
        .stderr(predicate::str::contains("分类相同，没有修改"));
    assert_eq!(store.files(), before);
}

#[test]
fn log_lists_history_and_json_is_versioned() {
    let store = Store::new();
    let id = resolved_ticket(&store);
    let table = store.ok("2026-11-23 12:00", &["log", &id]);
    insta::assert_snapshot!(table, @r"
    时间               操作人   操作       内容
    ──────────────────────────────────────────────────────────────────────────────
    2026-11-23 09:00   wang     登记       严重程度=一般
    2026-11-23 09:10   wang     状态变更   待受理 → 处理中
    2026-11-23 11:00   wang     状态变更   处理中 → 已解决；方案=换货；原因=包装
    ");
    let json: serde_json::Value = serde_json::from_str(&store.ok("2026-11-23 12:00", &["--json", "log", &id])).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["history"][2]["to"], "resolved");
}

/// The words agents use: 已完成 (seed 004: satisfied, then closed), 完结,
/// 关闭 are `closed`; labels and ids work as before.
#[test]
fn status_aliases_are_accepted() {
    let store = Store::new();
    for word in ["已完成", "完结", "关闭"] {
        let id = store.new_ticket("2026-11-23 09:00", &[]);
        store.ok("2026-11-23 09:30", &["transition", &id, word, "--reason", "重复投诉"]);
        assert_eq!(store.ticket_yaml(&id)["status"].as_str(), Some("closed"), "{word}");
    }
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:30", &["transition", &id, "受理中"]);
    assert_eq!(store.ticket_yaml(&id)["status"].as_str(), Some("processing"));
    let listed = store.ok("2026-11-23 09:40", &["list", "--status", "完结"]);
    assert_eq!(listed.lines().filter(|l| l.contains("CP2026")).count(), 3);
}
