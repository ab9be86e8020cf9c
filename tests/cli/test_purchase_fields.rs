//! The evidence fields (spec §3.1, issue 15): `purchase` {proof, model,
//! batch, date} and `preferred_contact` through new, edit, show, export
//! (CSV, JSON, xlsx) and import; and import's refusal of unknown columns.

use std::io::Cursor;
use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use crate::support::{Store, normalise_uid};

const NOW: &str = "2026-11-24 10:00";

const PURCHASE: &[&str] = &[
    "--purchase-proof",
    "000123",
    "--purchase-model",
    "0012",
    "--purchase-batch",
    "B2611",
    "--purchase-date",
    "2026/11/01",
    "--preferred-contact",
    "微信",
];

fn store_with_purchase() -> (Store, String) {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:15", PURCHASE);
    (store, id)
}

#[test]
fn new_writes_the_fields_in_the_ticket_file() {
    let (store, id) = store_with_purchase();
    insta::assert_snapshot!(normalise_uid(&store.read_ticket(&id)));
}

#[test]
fn show_lists_the_fields() {
    let (store, id) = store_with_purchase();
    insta::assert_snapshot!(store.ok(NOW, &["show", &id]));
}

#[test]
fn from_file_takes_the_same_keys() {
    let store = Store::new();
    let yaml = "customer: {name: 李四, contact: '13900000000'}\nchannel: phone\nsummary: 屏幕碎裂\n\
                preferred_contact: email\npurchase: {proof: '0099', date: 2026-10-01}\n";
    std::fs::write(store.path().join("in.yaml"), yaml).unwrap();
    let id = store.ok("2026-11-23 09:15", &["new", "--from-file", "in.yaml"]).trim().to_string();
    let ticket = store.ticket_yaml(&id);
    assert_eq!(ticket["preferred_contact"].as_str(), Some("email"));
    assert_eq!(ticket["purchase"]["proof"].as_str(), Some("0099"));
    assert_eq!(ticket["purchase"]["date"].as_str(), Some("2026-10-01"));
}

#[test]
fn unknown_contact_ways_and_bad_dates_are_refused() {
    let store = Store::new();
    let new = |extra: &[&str]| {
        let mut args = vec!["new", "--customer", "张三", "--contact", "138", "--channel", "phone", "--summary", "x"];
        args.extend_from_slice(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let args = new(&["--preferred-contact", "飞鸽传书"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    store.fails_unchanged(NOW, &args, &["unknown preferred contact", "wechat 微信"]);
    let args = new(&["--purchase-date", "上个月"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    store.fails_unchanged(NOW, &args, &["purchase date"]);
}

fn fake_editor(store: &Store, sed: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = store.path().join("editor.sh");
    std::fs::write(&path, format!("#!/bin/sh\nsed -i '{sed}' \"$1\"\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn edit_changes_them_and_names_them() {
    let (store, id) = store_with_purchase();
    let editor =
        fake_editor(&store, "s/^preferred_contact: wechat/preferred_contact: 电话/; s/  batch: B2611/  batch: B2612/");
    let out = store.cmd(NOW).env_remove("VISUAL").env("EDITOR", &editor).args(["edit", &id]).write_stdin("").output();
    let out = out.unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ticket = store.ticket_yaml(&id);
    assert_eq!(ticket["preferred_contact"].as_str(), Some("phone"));
    assert_eq!(ticket["purchase"]["batch"].as_str(), Some("B2612"));
    let changed: Vec<_> =
        ticket["history"][1]["changed"].as_sequence().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(changed, ["preferred_contact", "purchase.batch"]);
}

#[test]
fn export_has_the_columns_as_text() {
    let (store, id) = store_with_purchase();
    let columns = "id,preferred_contact,purchase_proof,purchase_model,purchase_batch,purchase_date,attachments";
    insta::assert_snapshot!(store.ok(NOW, &["export", "--columns", columns]).replace('\r', ""));
    let json: serde_json::Value =
        serde_json::from_str(&store.ok(NOW, &["export", "--format", "json", "--columns", columns])).unwrap();
    let row = &json["tickets"][0];
    assert_eq!(row["id"], serde_json::json!(id));
    assert_eq!(row["preferred_contact"], "wechat");
    assert_eq!(row["purchase_proof"], "000123");
    assert_eq!(row["purchase_model"], "0012");
    assert_eq!(row["purchase_date"], "2026-11-01");
    assert_eq!(row["attachments"], 0);
}

#[test]
fn xlsx_keeps_proof_numbers_and_models_as_text() {
    let (store, _) = store_with_purchase();
    let path = store.path().join("out.xlsx");
    store.ok(
        NOW,
        &["export", "--format", "xlsx", "--columns", "id,purchase_proof,purchase_model", "-o", path.to_str().unwrap()],
    );
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(std::fs::read(&path).unwrap())).unwrap();
    let rows: Vec<Vec<Data>> = book.worksheet_range("投诉记录").unwrap().rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows[0][1], Data::String("购买凭证".into()));
    assert_eq!(rows[1][1], Data::String("000123".into()));
    assert_eq!(rows[1][2], Data::String("0012".into()));
}

const CSV: &str = "投诉时间,客户,电话,渠道,摘要,购买凭证,型号,批次,购买日期,偏好联系方式\n\
                   2026/11/23 9:15,王芳,13812345678,电话,充电座冒烟,000777,S7-01,B09,2026/10/02,短信\n";

#[test]
fn import_reads_the_chinese_columns() {
    let store = Store::new();
    std::fs::write(store.path().join("in.csv"), CSV).unwrap();
    let id = store.ok(NOW, &["import", "in.csv"]).trim().to_string();
    let ticket = store.ticket_yaml(&id);
    assert_eq!(ticket["preferred_contact"].as_str(), Some("sms"));
    assert_eq!(ticket["purchase"]["proof"].as_str(), Some("000777"));
    assert_eq!(ticket["purchase"]["model"].as_str(), Some("S7-01"));
    assert_eq!(ticket["purchase"]["batch"].as_str(), Some("B09"));
    assert_eq!(ticket["purchase"]["date"].as_str(), Some("2026-10-02"));
}

#[test]
fn import_refuses_unknown_columns_unless_mapped_or_ignored() {
    let store = Store::new();
    let csv = "时间,客户,电话,渠道,摘要,工单来源系统,凭据号\n2026-11-23 09:15,王芳,138,phone,破损,CRM,0042\n";
    std::fs::write(store.path().join("in.csv"), csv).unwrap();
    let stderr = store.fails_unchanged(NOW, &["import", "in.csv"], &["unknown column(s) \"工单来源系统\", \"凭据号\""]);
    assert!(stderr.contains("fields: customer, contact") && stderr.contains("--ignore"), "{stderr}");
    store.fails_unchanged(NOW, &["import", "in.csv", "--ignore", "工单来源系统"], &["unknown column(s) \"凭据号\""]);
    store.fails_unchanged(NOW, &["import", "in.csv", "--ignore", "没有这列"], &["--ignore names column \"没有这列\""]);
    let id = store.ok(NOW, &["import", "in.csv", "--ignore", "工单来源系统", "--map", "凭据号=purchase_proof"]);
    let ticket = store.ticket_yaml(id.trim());
    assert_eq!(ticket["purchase"]["proof"].as_str(), Some("0042"));
}
