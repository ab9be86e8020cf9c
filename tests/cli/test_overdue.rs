//! `overdue` end to end: deadlines in working time, formats, exit codes,
//! the cron mail to a real SMTP server on loopback, bad input.

use std::time::Duration;

use mail_parser::{MessageParser, MimeHeaders};
use predicates::prelude::*;

use crate::smtp_server::{Mode, SmtpServer};
use crate::support::Store;

/// Monday 2026-11-23 10:00, Asia/Shanghai.
const AS_OF: &str = "2026-11-23 10:00";

/// A store whose deadlines are worked out by hand:
/// - T1 general, received Thu 11-19 14:20, untouched. First response 24h is
///   due Fri 11-20 14:20: late by 2d 19h 40m wall; in working time Fri
///   14:20–18:00 (3h 40m) + Mon 09:00–10:00 (1h) = 4h 40m. Resolution 2wd
///   (Fri, Mon) is due Mon 11-23 18:00: due soon only.
/// - T2 serious, received Wed 11-18 10:00, processing at 10:30 (first response
///   met), progress note Mon 09:00. Resolution 1wd is due Thu 11-19 18:00:
///   late by 3d 16h wall; working Fri 9h + Mon 1h = 10h. Update due Tue 09:00.
/// - T3 general, resolved and closed after a satisfied follow-up: nothing.
/// - T4 general, received Mon 09:30: first response due Tue 11-24 09:30.
/// - T5 general, received Mon 11-16 10:00, processing 10:10, waiting for the
///   customer from Tue 11-17 11:00 to Fri 11-20 10:00. Resolution 2wd was due
///   Wed 11-18 18:00; at the pause 16 business hours were left (Tue 7h + Wed
///   9h), re-applied from Fri 10:00: Fri 8h + Mon 8h = Mon 11-23 17:00.
fn scenario() -> (Store, [String; 5]) {
    let store = Store::new();
    let t1 = store.new_ticket("2026-11-19 14:20", &["--customer", "袁晓", "--summary", "充电一晚只能用两天"]);
    let t2 =
        store.new_ticket("2026-11-18 10:00", &["--severity", "严重", "--category", "质量", "--summary", "边刷脱落"]);
    store.ok("2026-11-18 10:30", &["transition", &t2, "processing"]);
    store.ok("2026-11-18 10:31", &["assign", &t2, "--assignee", "黄磊"]);
    store.ok("2026-11-23 09:00", &["note", &t2, "-m", "已寄出配件"]);
    let t3 = store.new_ticket("2026-11-18 11:00", &[]);
    store.ok("2026-11-18 11:30", &["transition", &t3, "processing"]);
    store.ok("2026-11-18 15:00", &["transition", &t3, "resolved", "--plan", "换货"]);
    store.ok("2026-11-19 10:00", &["followup", &t3, "--score", "5"]);
    let t5 = store.new_ticket("2026-11-16 10:00", &["--summary", "频繁报错停机"]);
    store.ok("2026-11-16 10:10", &["transition", &t5, "processing"]);
    store.ok("2026-11-17 11:00", &["transition", &t5, "waiting_customer"]);
    store.ok("2026-11-20 10:00", &["transition", &t5, "processing"]);
    store.ok("2026-11-23 09:10", &["note", &t5, "-m", "客户已寄回"]);
    let t4 = store.new_ticket("2026-11-23 09:30", &["--summary", "昨天刚收到"]);
    (store, [t1, t2, t3, t4, t5])
}

fn items(store: &Store, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["overdue", "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&store.ok(AS_OF, &args)).unwrap()
}

fn summary(item: &serde_json::Value) -> String {
    format!(
        "{} {} {} due={} working={}m wall={}m",
        item["state"].as_str().unwrap(),
        item["id"].as_str().unwrap(),
        item["target"].as_str().unwrap(),
        item["due"].as_str().unwrap(),
        item["overdue_working_minutes"],
        item["overdue_wall_minutes"]
    )
}

#[test]
fn overdue_lists_late_targets_most_overdue_first() {
    let (store, [t1, t2, ..]) = scenario();
    let json = items(&store, &[]);
    assert_eq!(json["schema"], 1);
    assert_eq!(json["as_of"], "2026-11-23T10:00:00+08:00");
    let rows: Vec<String> = json["items"].as_array().unwrap().iter().map(summary).collect();
    assert_eq!(
        rows,
        [
            // 3d 16h = 5280 min wall, 10h = 600 min working.
            format!("overdue {t2} resolution due=2026-11-19T18:00:00+08:00 working=600m wall=5280m"),
            // 2d 19h 40m = 4060 min wall, 4h 40m = 280 min working.
            format!("overdue {t1} first_response due=2026-11-20T14:20:00+08:00 working=280m wall=4060m"),
        ]
    );
    let table = store.ok(AS_OF, &["overdue"]);
    insta::assert_snapshot!(table, @r"
    提醒   编号            严重程度   类型       状态     目标       截止时间           超时(工作)   超时(自然)   负责人   客户   摘要
    ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
    超时   CP20261118001   严重       产品质量   处理中   处理时限   2026-11-19 18:00   10h          3d 16h       黄磊     张*    边刷脱落
    超时   CP20261119001   一般       未分类     待受理   首次响应   2026-11-20 14:20   4h 40m       2d 19h                袁*    充电一晚只能用两天
    ");
}

#[test]
fn warn_before_adds_targets_due_soon_after_the_late_ones() {
    let (store, [t1, t2, _, t4, t5]) = scenario();
    // 1d from Mon 10:00 ends Tue 11-24 24:00.
    let json = items(&store, &["--warn-before", "1d"]);
    let rows: Vec<String> = json["items"].as_array().unwrap().iter().map(summary).collect();
    assert_eq!(
        rows,
        [
            format!("overdue {t2} resolution due=2026-11-19T18:00:00+08:00 working=600m wall=5280m"),
            format!("overdue {t1} first_response due=2026-11-20T14:20:00+08:00 working=280m wall=4060m"),
            format!("due_soon {t5} resolution due=2026-11-23T17:00:00+08:00 working=0m wall=0m"),
            format!("due_soon {t1} resolution due=2026-11-23T18:00:00+08:00 working=0m wall=0m"),
            format!("due_soon {t2} update due=2026-11-24T09:00:00+08:00 working=0m wall=0m"),
            format!("due_soon {t5} update due=2026-11-24T09:10:00+08:00 working=0m wall=0m"),
            format!("due_soon {t4} first_response due=2026-11-24T09:30:00+08:00 working=0m wall=0m"),
        ]
    );
    assert_eq!(json["overdue"], 2);
    assert_eq!(json["due_soon"], 5);
    let table = store.ok(AS_OF, &["overdue", "--warn-before", "1d"]);
    assert!(table.lines().filter(|l| l.starts_with("将到期")).count() == 5, "{table}");
}

#[test]
fn filters_and_as_of() {
    let (store, [t1, t2, ..]) = scenario();
    let ids = |extra: &[&str]| -> Vec<String> {
        items(&store, extra)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&["--severity", "serious"]), [t2.as_str()]);
    assert_eq!(ids(&["--status", "new"]), [t1.as_str()]);
    assert_eq!(ids(&["--assignee", "黄磊"]), [t2.as_str()]);
    // As of Wed 11-18 12:00 nothing was late yet.
    assert_eq!(store.ok(AS_OF, &["overdue", "--as-of", "2026-11-18 12:00"]), "");
    // As of Thu 11-19 12:00 only T2's progress update (24h after it went to
    // processing at Wed 10:30) was late, by 1h 30m.
    let json: serde_json::Value =
        serde_json::from_str(&store.ok(AS_OF, &["overdue", "--json", "--as-of", "2026-11-19 12:00"])).unwrap();
    let rows: Vec<String> = json["items"].as_array().unwrap().iter().map(summary).collect();
    assert_eq!(rows, [format!("overdue {t2} update due=2026-11-19T10:30:00+08:00 working=90m wall=90m")]);
    // As of Fri 11-20 15:00: T1's first response (14:20) is late; T2's 1wd was due Thu 18:00.
    let json: serde_json::Value =
        serde_json::from_str(&store.ok(AS_OF, &["overdue", "--json", "--as-of", "2026-11-20 15:00"])).unwrap();
    let rows: Vec<String> = json["items"].as_array().unwrap().iter().map(summary).collect();
    assert_eq!(
        rows,
        [
            // Thu 10:30 → Fri 15:00: 28h 30m wall; working Thu 7h 30m + Fri 6h.
            format!("overdue {t2} update due=2026-11-19T10:30:00+08:00 working=810m wall=1710m"),
            // Thu 18:00 → Fri 15:00: 21h wall, 6h working (Fri 09:00–15:00).
            format!("overdue {t2} resolution due=2026-11-19T18:00:00+08:00 working=360m wall=1260m"),
            format!("overdue {t1} first_response due=2026-11-20T14:20:00+08:00 working=40m wall=40m"),
        ]
    );
}

#[test]
fn nothing_overdue_prints_nothing_and_exit_codes() {
    let store = Store::new();
    store.new_ticket("2026-11-23 09:30", &[]);
    for format in ["table", "csv", "json", "email"] {
        store
            .cmd(AS_OF)
            .args(["overdue", "--format", format, "--exit-code", "--to", "a@example.com"])
            .assert()
            .success()
            .stdout("");
    }
    // Only due soon: listed, but --exit-code stays 0.
    store
        .cmd(AS_OF)
        .args(["overdue", "--warn-before", "1d", "--exit-code"])
        .assert()
        .success()
        .stdout(predicate::str::contains("将到期"));
    let (late, _) = scenario();
    late.cmd(AS_OF).args(["overdue", "--exit-code"]).assert().code(1);
    late.cmd(AS_OF).args(["overdue"]).assert().code(0);
}

#[test]
fn csv_carries_ids_labels_and_hours() {
    let (store, [_, t2, ..]) = scenario();
    let csv = store.ok(AS_OF, &["overdue", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "state");
    let first = reader.records().next().unwrap().unwrap();
    let field = |name: &str| first[headers.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(field("id"), t2);
    assert_eq!(field("severity"), "serious");
    assert_eq!(field("severity_label"), "严重");
    assert_eq!(field("target_label"), "处理时限");
    assert_eq!(field("due"), "2026-11-19 18:00");
    assert_eq!(field("overdue_working_hours"), "10.0");
    assert_eq!(field("overdue_wall_hours"), "88.0");
    assert_eq!(field("customer"), "张*");
}

fn assert_overdue_mail(raw: &[u8], t2: &str) {
    let parsed = MessageParser::default().parse(raw).expect("parses");
    assert_eq!(parsed.subject(), Some("[投诉超时] 2 项超时 2026-11-23"));
    assert_eq!(parsed.from().unwrap().first().unwrap().address(), Some("complaint@localhost"));
    assert_eq!(parsed.to().unwrap().first().unwrap().address(), Some("lead@example.com"));
    assert_eq!(parsed.date().unwrap().to_rfc3339(), "2026-11-23T10:00:00+08:00");
    assert!(parsed.message_id().is_some());
    let body = parsed.body_text(0).unwrap();
    assert!(body.starts_with("截至 2026-11-23 10:00，共 2 项超时。"), "{body}");
    let row = body.lines().find(|l| l.contains(t2)).expect("a row for the late ticket");
    assert!(
        row.starts_with("超时") && row.contains("严重") && row.contains("处理时限") && row.contains("3d 16h"),
        "{row}"
    );
    let attachment = parsed.attachment(0).unwrap();
    assert_eq!(attachment.attachment_name(), Some("overdue-2026-11-23.csv"));
    let contents = attachment.contents();
    assert!(contents.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let mut reader = csv::Reader::from_reader(&contents[3..]);
    assert_eq!(reader.records().count(), 2);
}

#[test]
fn email_format_is_a_complete_message() {
    let (store, [_, t2, ..]) = scenario();
    let output = store.cmd(AS_OF).args(["overdue", "--format", "email", "--to", "lead@example.com"]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(text.contains("Subject: =?utf-8?"), "encoded subject");
    assert!(text.contains("MIME-Version: 1.0"));
    assert!(!text.contains('\r'), "LF line ends for sendmail -t");
    assert_overdue_mail(&output.stdout, &t2);
    // Without any recipient the mail cannot be built.
    store.fails_unchanged(AS_OF, &["overdue", "--format", "email"], &["no recipient", "--to"]);
    store.fails_unchanged(
        AS_OF,
        &["overdue", "--format", "email", "--to", "not an address"],
        &["invalid email address", "--to"],
    );
}

#[test]
fn send_delivers_to_a_real_smtp_server() {
    let (store, [_, t2, ..]) = scenario();
    let server = SmtpServer::start();
    store
        .cmd(AS_OF)
        .args(["overdue", "--send", "--smtp", &server.url(), "--to", "lead@example.com"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("已发送超时提醒邮件"));
    let received = server.wait_for(1, Duration::from_secs(10));
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, ["lead@example.com"]);
    assert_overdue_mail(&received[0].data, &t2);
}

#[test]
fn send_uses_the_environment_url_and_sends_nothing_on_a_good_day() {
    let store = Store::new();
    store.new_ticket("2026-11-23 09:30", &[]);
    let server = SmtpServer::start();
    store
        .cmd(AS_OF)
        .env("COMPLAINT_SMTP_URL", server.url())
        .args(["overdue", "--send", "--to", "lead@example.com"])
        .assert()
        .success();
    assert!(server.received().is_empty(), "nothing overdue, nothing sent");
    store
        .cmd(AS_OF)
        .env("COMPLAINT_SMTP_URL", server.url())
        .args(["overdue", "--send", "--always", "--to", "lead@example.com"])
        .assert()
        .success();
    let received = server.wait_for(1, Duration::from_secs(10));
    let parsed = MessageParser::default().parse(&received[0].data).unwrap();
    assert_eq!(parsed.subject(), Some("[投诉超时] 0 项超时 2026-11-23"));
}

#[test]
fn a_refusing_or_missing_server_exits_2_with_its_reply() {
    let (store, _) = scenario();
    let server = SmtpServer::start_with(Mode::RefuseRcpt("550 5.7.1 relaying denied".into()));
    store
        .cmd(AS_OF)
        .args(["overdue", "--send", "--smtp", &server.url(), "--to", "lead@example.com"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("550").and(predicate::str::contains("relaying denied")));
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    store
        .cmd(AS_OF)
        .args(["overdue", "--send", "--smtp", &format!("smtp://127.0.0.1:{port}"), "--to", "lead@example.com"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot connect"));
}

#[test]
fn escalate_to_copies_the_supervisor_of_a_late_severity() {
    let (store, _) = scenario();
    let config = std::fs::read_to_string(store.path().join("complaint.toml")).unwrap();
    let config =
        config.replacen("[sla.escalate_to]\n", "[sla.escalate_to]\nserious = \"王经理 <wang@example.com>\"\n", 1);
    let config = config.lines().filter(|l| !l.starts_with("serious = \"\"")).collect::<Vec<_>>().join("\n");
    std::fs::write(store.path().join("complaint.toml"), config).unwrap();
    let server = SmtpServer::start();
    store
        .cmd(AS_OF)
        .args(["overdue", "--send", "--smtp", &server.url(), "--to", "lead@example.com"])
        .assert()
        .success();
    let received = server.wait_for(1, Duration::from_secs(10));
    assert_eq!(received[0].to, ["lead@example.com", "wang@example.com"]);
}

#[test]
fn an_unreadable_ticket_is_named_and_exits_2() {
    let (store, _) = scenario();
    std::fs::write(store.path().join("tickets/2026/11/CP20261123009.yaml"), "id: [broken\n").unwrap();
    let output = store.cmd(AS_OF).arg("overdue").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stdout).contains("处理时限"), "the list still prints");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("could not read tickets/2026/11/CP20261123009.yaml"), "{stderr}");
    // The mail carries a warning section naming it.
    let output = store.cmd(AS_OF).args(["overdue", "--format", "email", "--to", "a@example.com"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let parsed = MessageParser::default().parse(&output.stdout).unwrap();
    assert!(parsed.body_text(0).unwrap().contains("无法读取"));
    assert!(parsed.body_text(0).unwrap().contains("CP20261123009.yaml"));
}

#[test]
fn bad_input_names_the_flag_or_key() {
    let (store, _) = scenario();
    store.fails_unchanged(AS_OF, &["overdue", "--warn-before", "3x"], &["--warn-before", "3x", "wd"]);
    store.fails_unchanged(AS_OF, &["overdue", "--warn-before=-1d"], &["--warn-before", "negative"]);
    store.fails_unchanged(AS_OF, &["overdue", "--warn-before", "0h"], &["--warn-before must be longer than zero"]);
    store.fails_unchanged(AS_OF, &["overdue", "--as-of", "soon"], &["invalid --as-of \"soon\""]);
    store.fails_unchanged(AS_OF, &["overdue", "--send", "--smtp", "mailserver", "--to", "a@example.com"], &["--smtp"]);
    store.fails_unchanged(
        AS_OF,
        &["overdue", "--send", "--smtp", "smtp://u:secret@127.0.0.1:25", "--to", "a@example.com"],
        &["password_env"],
    );
    let config_path = store.path().join("complaint.toml");
    let original = std::fs::read_to_string(&config_path).unwrap();
    for (from, to, needle) in [
        ("work_hours = \"09:00-18:00\"", "work_hours = \"18:00-09:00\"", "work_hours"),
        ("work_hours = \"09:00-18:00\"", "work_hours = \"09:00-13:00, 12:00-18:00\"", "work_hours"),
        ("holidays = []", "holidays = [\"2026-13-01\"]", "holidays"),
        ("update_every = \"24h\"", "update_every = \"24y\"", "update_every"),
        ("smtp_url = \"\"", "smtp_url = \"ftp://x\"", "smtp_url"),
    ] {
        assert!(original.contains(from), "{from}");
        std::fs::write(&config_path, original.replace(from, to)).unwrap();
        let stderr = store.fails_unchanged(AS_OF, &["overdue"], &["complaint.toml", needle]);
        assert!(stderr.contains(needle), "{stderr}");
    }
}

#[test]
fn both_tickets_of_an_id_collision_are_listed_with_a_warning() {
    let store = Store::new();
    let first = store.new_ticket("2026-11-20 09:00", &["--summary", "A 的投诉"]);
    let a = store.read_ticket(&first);
    std::fs::remove_file(store.ticket_path(&first)).unwrap();
    let second = store.new_ticket("2026-11-20 09:05", &["--summary", "B 的投诉"]);
    assert_eq!(first, second, "the same ID twice, as on two offline clones");
    let b = store.read_ticket(&second);
    std::fs::write(store.ticket_path(&first), format!("{a}---\n{b}")).unwrap();
    // Twice: the second run goes through the index cache.
    for _ in 0..2 {
        let output = store.cmd(AS_OF).args(["overdue", "--json"]).output().unwrap();
        assert!(output.status.success());
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let summaries: Vec<&str> =
            json["items"].as_array().unwrap().iter().map(|i| i["summary"].as_str().unwrap()).collect();
        assert_eq!(summaries, ["A 的投诉", "B 的投诉"]);
        assert!(String::from_utf8_lossy(&output.stderr).contains("编号冲突"));
    }
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised_unless_raw() {
    let store = Store::new();
    store.new_ticket("2026-11-19 14:20", &["--summary", "=HYPERLINK(\"http://evil\")", "--customer", "@张三"]);
    let csv = store.ok(AS_OF, &["overdue", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let record = reader.records().next().unwrap().unwrap();
    let field = |name: &str| record[headers.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(field("summary"), "'=HYPERLINK(\"http://evil\")");
    assert_eq!(field("customer"), "'@**", "masked (@ + two stars), then neutralised");
    // Numbers stay numbers.
    assert_eq!(field("overdue_working_hours"), "4.7");
    let raw = store.ok(AS_OF, &["overdue", "--format", "csv", "--raw"]);
    assert!(raw.contains(",\"=HYPERLINK("), "{raw}");
}
