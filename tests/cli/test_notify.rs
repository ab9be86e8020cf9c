//! `assign --notify`: the assignee gets a task notice by mail (seed 004).

use std::time::Duration;

use mail_parser::MessageParser;
use predicates::prelude::*;

use crate::smtp_server::{Mode, SmtpServer};
use crate::support::Store;

fn with_people(store: &Store) {
    let path = store.path().join("complaint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, config.replacen("[people]\n", "[people]\n\"李四\" = \"李四 <lisi@example.com>\"\n", 1))
        .unwrap();
}

#[test]
fn notify_mails_the_assignee() {
    let store = Store::new();
    with_people(&store);
    let id = store.new_ticket("2026-11-23 09:00", &["--severity", "serious"]);
    let server = SmtpServer::start();
    store
        .cmd("2026-11-23 09:30")
        .env("COMPLAINT_SMTP_URL", server.url())
        .args(["assign", &id, "--assignee", "李四", "--notify"])
        .assert()
        .success()
        .stderr(predicate::str::contains("已通知 lisi@example.com"));
    let received = server.wait_for(1, Duration::from_secs(10));
    assert_eq!(received[0].to, ["lisi@example.com"]);
    let parsed = MessageParser::default().parse(&received[0].data).unwrap();
    assert_eq!(parsed.subject(), Some(format!("[投诉分派] {id} 表带断裂，要求换货").as_str()));
    let body = parsed.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(body.starts_with(&format!("李四，您好：\n\n投诉 {id} 已分派给您处理。")), "{body}");
    // Serious: first response 4h from 09:00, resolution 1wd (Tue 18:00).
    assert!(body.contains("首次响应  2026-11-23 13:00"), "{body}");
    assert!(body.contains("处理时限  2026-11-24 18:00"), "{body}");
    assert!(body.contains("客户      张*"), "{body}");
    assert_eq!(store.ticket_yaml(&id)["assignee"].as_str(), Some("李四"));
}

/// A notice that cannot be sent must not hold up the assignment (issue 12):
/// the assignment is recorded, the missing address is reported, exit 2.
#[test]
fn notify_without_an_address_still_assigns() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store
        .cmd("2026-11-23 09:30")
        .args(["assign", &id, "--assignee", "王五", "--notify"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(format!("{id}：负责人 王五"))
                .and(predicate::str::contains(format!(
                    "complaint: 错误: {id} is assigned, but the notice could not be sent: no e-mail address for \"王五\" in [people]"
                )))
                .and(predicate::str::contains("提示: tell the assignee yourself, or add it under [people]")),
        );
    assert_eq!(store.ticket_yaml(&id)["assignee"].as_str(), Some("王五"));
    // Without any assignee there is nobody to notify: a usage error, nothing written.
    let other = store.new_ticket("2026-11-23 09:00", &[]);
    store.fails_unchanged(
        "2026-11-23 09:30",
        &["assign", &other, "--department", "售后部", "--notify"],
        &["--notify needs an assignee"],
    );
}

#[test]
fn a_refused_notice_says_the_assignment_stands() {
    let store = Store::new();
    with_people(&store);
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let server = SmtpServer::start_with(Mode::RefuseRcpt("550 5.1.1 mailbox unavailable".into()));
    store
        .cmd("2026-11-23 09:30")
        .env("COMPLAINT_SMTP_URL", server.url())
        .args(["assign", &id, "--assignee", "李四", "--notify"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("is assigned, but the notice could not be sent")
                .and(predicate::str::contains("550")),
        );
    assert_eq!(store.ticket_yaml(&id)["assignee"].as_str(), Some("李四"));
}

#[test]
fn a_bad_people_address_is_a_config_error() {
    let store = Store::new();
    let path = store.path().join("complaint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, config.replacen("[people]\n", "[people]\n\"李四\" = \"not an address\"\n", 1)).unwrap();
    store.fails_unchanged("2026-11-23 09:30", &["list"], &["[people] 李四"]);
}
