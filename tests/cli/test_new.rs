use predicates::prelude::*;

use crate::support::{Store, normalise_uid};

#[test]
fn new_prints_only_the_id_and_writes_the_file() {
    let store = Store::new();
    let output = store
        .cmd("2026-11-23 09:16")
        .args([
            "new",
            "--customer",
            "张三",
            "--contact",
            "13812345678",
            "--customer-id",
            "C-10023",
            "--channel",
            "电话",
            "--product",
            "智能手表 X2",
            "--summary",
            "表带断裂，要求换货",
            "--description",
            "客户称收货第三天表带断裂。\n已拍照留证。",
            "--expect",
            "换货",
            "--category",
            "质量",
            "--severity",
            "紧急",
            "--received-at",
            "2026-11-23 09:15",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "CP20261123001\n");
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("已创建 CP20261123001（tickets/2026/11/CP20261123001.yaml）")
    );
    insta::assert_snapshot!(normalise_uid(&store.read_ticket("CP20261123001")), @r"
    schema: 1
    id: CP20261123001
    uid: <UID>
    received_at: 2026-11-23T09:15:00+08:00
    channel: phone
    customer:
      name: 张三
      contact: '13812345678'
      id: C-10023
    product: 智能手表 X2
    summary: 表带断裂，要求换货
    description: |-
      客户称收货第三天表带断裂。
      已拍照留证。
    expectation: 换货
    category: product_quality
    severity: serious
    department: null
    assignee: null
    status: new
    satisfaction: null
    history:
    - at: 2026-11-23T09:16:00+08:00
      by: wang
      action: created
      category: product_quality
      severity: serious
    ");
}

#[test]
fn ids_count_per_day_in_the_store_zone() {
    let store = Store::new();
    assert_eq!(store.new_ticket("2026-11-23 09:00", &[]), "CP20261123001");
    assert_eq!(store.new_ticket("2026-11-23 09:05", &[]), "CP20261123002");
    // 23:30 UTC on the 23rd is 07:30 on the 24th in Shanghai.
    assert_eq!(store.new_ticket("2026-11-23T23:30:00Z", &[]), "CP20261124001");
    // Back-filled: the received date, not today, names the ticket.
    assert_eq!(store.new_ticket("2026-11-24 09:00", &["--received-at", "2026-11-20 17:00"]), "CP20261120001");
    assert!(store.ticket_path("CP20261120001").is_file());
}

#[test]
fn sequence_widens_past_999_and_never_wraps() {
    let store = Store::new();
    let dir = store.path().join("tickets/2026/11");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("CP20261123999.yaml"), "").unwrap();
    assert_eq!(store.new_ticket("2026-11-23 09:00", &[]), "CP202611231000");
    assert_eq!(store.new_ticket("2026-11-23 09:01", &[]), "CP202611231001");
    store.ok("2026-11-23 09:02", &["show", "CP202611231001"]);
}

#[test]
fn prefix_and_width_come_from_config() {
    let store = Store::new();
    std::fs::write(store.path().join("complaint.toml"), "[id]\nprefix = \"CW\"\nwidth = 4\n").unwrap();
    assert_eq!(store.new_ticket("2026-11-23 09:00", &[]), "CW202611230001");
}

#[test]
fn new_from_file_and_from_stdin_with_flags_overriding() {
    let store = Store::new();
    let input = "customer: {name: 李四, contact: li@example.com, id: C-2}\nchannel: 邮件\nsummary: 发票开错\ndescription: |\n  抬头写错了\n  需要重开\nexpectation: 重开发票\ncategory: after_sales\nseverity: general\nreceived_at: 2026-11-22 15:00\n";
    let file = store.path().join("in.yaml");
    std::fs::write(&file, input).unwrap();
    let id = store.ok("2026-11-23 09:00", &["new", "--from-file", file.to_str().unwrap(), "--summary", "发票抬头开错"]);
    assert_eq!(id, "CP20261122001\n");
    let ticket = store.ticket_yaml("CP20261122001");
    assert_eq!(ticket["summary"].as_str(), Some("发票抬头开错"));
    assert_eq!(ticket["channel"].as_str(), Some("email"));
    assert_eq!(ticket["customer"]["contact"].as_str(), Some("li@example.com"));
    assert_eq!(ticket["description"].as_str(), Some("抬头写错了\n需要重开"));

    store
        .cmd("2026-11-23 09:01")
        .args(["new", "--from-file", "-"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout("CP20261122002\n");
}

#[test]
fn missing_required_fields_without_a_terminal_are_named() {
    let store = Store::new();
    store.fails_unchanged(
        "2026-11-23 09:00",
        &["new", "--customer", "张三"],
        &["--contact", "--channel", "--summary", "hint:"],
    );
}

#[test]
fn json_output_of_new_is_versioned() {
    let store = Store::new();
    let output = store.ok(
        "2026-11-23 09:00",
        &["--json", "new", "--customer", "张三", "--contact", "13812345678", "--channel", "phone", "--summary", "x"],
    );
    let value: serde_json::Value = serde_json::from_str(&output).unwrap();
    assert_eq!(value["schema"], 1);
    assert_eq!(value["ticket"]["id"], "CP20261123001");
    assert_eq!(value["ticket"]["customer"]["contact"], "138****5678");
    assert_eq!(value["ticket"]["labels"]["channel"], "电话");
}

#[test]
fn help_mentions_required_fields() {
    let store = Store::new();
    store
        .cmd("2026-11-23 09:00")
        .args(["new", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--from-file"));
}

/// Runs `complaint new ARGS` under script(1), which gives it a real
/// pseudo-terminal; `typed` is what the person types. Returns the exit
/// status and the screen.
fn on_a_terminal(store: &Store, args: &str, typed: &str) -> (std::process::ExitStatus, String) {
    let bin = assert_cmd::cargo::cargo_bin("complaint");
    let output = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &format!("{} new {args}", bin.display()), "/dev/null"])
        .current_dir(store.path())
        .env("COMPLAINT_NOW", "2026-11-23 10:00")
        .env("COMPLAINT_USER", "wang")
        .env_remove("COMPLAINT_STORE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(typed.as_bytes())?;
            child.wait_with_output()
        })
        .expect("script(1) from util-linux runs");
    (output.status, String::from_utf8_lossy(&output.stdout).into_owned())
}

/// On a terminal, missing required fields are asked for, and with them
/// every empty field of the record table (Enter leaves an optional one
/// empty or takes the default).
#[test]
fn prompts_for_missing_fields_on_a_terminal() {
    let store = Store::new();
    let (status, screen) = on_a_terminal(&store, "--product 手表", "张三\n13812345678\n\n电话\n屏幕碎了\n\n\n\n\n\n");
    assert!(status.success(), "{screen}");
    for prompt in [
        "客户姓名 (customer name):",
        "联系方式 (contact):",
        "客户ID (customer ID) [可留空 optional]:",
        "投诉渠道 (channel):",
        "投诉摘要 (summary):",
        "问题描述 (description) [可留空 optional]:",
        "客户诉求 (expectation) [可留空 optional]:",
        "投诉类型 (category) [可留空 optional]:",
        "严重程度 (severity) [一般]:",
        "受理时间 (received at) [2026-11-23 10:00]:",
    ] {
        assert!(screen.contains(prompt), "{prompt} not asked: {screen}");
    }
    assert!(!screen.contains("涉及产品 (product)"), "a given field is not asked: {screen}");
    assert!(screen.contains("电话 (phone), 在线客服 (online_chat)"), "channels listed: {screen}");
    let ticket = store.ticket_yaml("CP20261123001");
    assert_eq!(ticket["customer"]["name"].as_str(), Some("张三"));
    assert_eq!(ticket["channel"].as_str(), Some("phone"));
    assert_eq!(ticket["summary"].as_str(), Some("屏幕碎了"));
    assert_eq!(ticket["product"].as_str(), Some("手表"));
    assert_eq!(ticket["severity"].as_str(), Some("general"));
    assert_eq!(ticket["category"].as_str(), None);
    assert_eq!(ticket["received_at"].as_str(), Some("2026-11-23T10:00:00+08:00"));
}

/// Every field answered; a bad answer (an unknown channel, a time in the
/// future, an empty required field) is re-asked with the core's error.
#[test]
fn a_wrong_answer_is_asked_again_with_the_error() {
    let store = Store::new();
    let typed = "\n李四\nli@example.com\nC-7\n飞鸽\n微信\n耳机 P3\n左耳无声\n收货即坏\n换新\n质量\n紧急\n2026-11-24 09:00\n2026-11-23 09:15\n";
    let (status, screen) = on_a_terminal(&store, "", typed);
    assert!(status.success(), "{screen}");
    assert!(screen.contains("必填 (required)"), "{screen}");
    assert!(screen.contains("错误: 未知的 channel \"飞鸽\""), "{screen}");
    assert!(screen.contains("complaint: 错误:") && screen.matches("受理时间 (received at)").count() == 2, "{screen}");
    let ticket = store.ticket_yaml("CP20261123001");
    for (key, value) in [
        ("channel", "wechat"),
        ("product", "耳机 P3"),
        ("summary", "左耳无声"),
        ("description", "收货即坏"),
        ("expectation", "换新"),
        ("category", "product_quality"),
        ("severity", "serious"),
        ("received_at", "2026-11-23T09:15:00+08:00"),
    ] {
        assert_eq!(ticket[key].as_str(), Some(value), "{key}");
    }
    assert_eq!(ticket["customer"]["id"].as_str(), Some("C-7"));
}

/// Ctrl-D ends the questions: exit 2, no ticket, no commit.
#[test]
fn ctrl_d_aborts_with_nothing_written() {
    let store = Store::new();
    let before = store.files();
    let (status, screen) = on_a_terminal(&store, "", "张三\n13812345678\n");
    assert_eq!(status.code(), Some(2), "{screen}");
    assert!(screen.contains("aborted at 客户ID (customer ID); nothing was written"), "{screen}");
    assert_eq!(store.files(), before);
}
