//! `export`: the record table as CSV for Excel (BOM, CRLF, Chinese headers),
//! read back with a CSV reader; masking, CSV-injection guard, columns,
//! filters, JSON, `-o`.

use crate::support::Store;
use crate::test_report::{AS_OF, scenario};

const NOW: &str = "2026-11-23 12:00";

/// One ticket with a formula-like summary, a multi-line description with a
/// comma and quotes, and a contact starting with `+`.
fn tricky() -> (Store, String) {
    let store = Store::new();
    let id = store.new_ticket(
        "2026-11-20 09:00",
        &[
            "--customer",
            "欧阳娜娜",
            "--contact",
            "+8613812345678",
            "--customer-id",
            "C-7",
            "--summary",
            "=HYPERLINK(\"evil\")",
            "--description",
            "第一行，收到货\n第二行 \"包装破损\", 要求退款",
            "--product",
            "智能手表 X2",
        ],
    );
    store.ok("2026-11-20 09:30", &["transition", &id, "processing"]);
    (store, id)
}

fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes);
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

#[test]
fn csv_for_excel_reads_back() {
    let (store, id) = tricky();
    let out = store.cmd(NOW).arg("export").output().unwrap();
    assert!(out.status.success());
    let bytes = out.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches("\r\n").count(),
        2,
        "header and one row end in CRLF (the description's newline is inside quotes)"
    );
    let rows = read_csv(&bytes[3..]);
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][..5], ["投诉编号", "客户姓名", "客户ID", "联系方式", "投诉时间"]);
    let cell = |name: &str| rows[1][rows[0].iter().position(|h| h == name).unwrap()].clone();
    assert_eq!(cell("投诉编号"), id);
    assert_eq!(cell("客户姓名"), "欧***");
    assert_eq!(cell("联系方式"), "'+86138****5678", "masked, then neutralised: it starts with +");
    assert_eq!(cell("投诉内容摘要"), "'=HYPERLINK(\"evil\")");
    assert_eq!(cell("详细描述"), "第一行，收到货\n第二行 \"包装破损\", 要求退款");
    assert_eq!(cell("投诉时间"), "2026-11-20 09:00");
    assert_eq!(cell("首次响应时间"), "2026-11-20 09:30");
    assert_eq!(cell("执行进度"), "处理中");
    assert_eq!(cell("投诉渠道"), "电话");
    // Processing since Fri 09:30 with no progress note: the 24 h update target is past.
    assert_eq!(cell("超时项"), "进展更新");
}

#[test]
fn raw_unmask_english_columns() {
    let (store, _) = tricky();
    let text = store.ok(
        NOW,
        &[
            "export",
            "--raw",
            "--unmask",
            "--no-bom",
            "--lang",
            "en",
            "--columns",
            "id,customer,contact,summary,status,channel",
        ],
    );
    insta::assert_snapshot!(text.replace("\r\n", "⏎\n"), @r#"
    ID,Customer,Contact,Summary,Status,Channel⏎
    CP20261120001,欧阳娜娜,+8613812345678,"=HYPERLINK(""evil"")",processing,phone⏎
    "#);
}

#[test]
fn scenario_columns_hours_and_breaches() {
    let store = scenario();
    let text = store.ok(
        AS_OF,
        &[
            "export",
            "--no-bom",
            "--columns",
            "id,category,severity,status,resolved_at,resolution_hours,resolution_work_hours,breached,satisfaction,feedback,reopened",
        ],
    );
    // A: 25 h wall / 10 working; B reopened (no resolution now), breached first
    // response (20:00 > 18:00) and update (no note for 24 h since Thu 10:00);
    // C 30 / 15; D breached first response (1 h) and resolution (4 h); E first
    // response (24 h from Sat 10:00, met Mon 09:30). F: 5 h, nothing breached.
    insta::assert_snapshot!(text.replace("\r\n", "⏎\n"), @r#"
    投诉编号,投诉类型,严重程度,执行进度,解决时间,处理用时(小时),处理用时(工作小时),超时项,客户满意度,满意度满分,客户反馈意见,重开次数⏎
    CP20261110001,物流配送,一般,已关闭,2026-11-10 15:00,5.0,5.0,,4,5,,0⏎
    CP20261116001,产品质量,一般,已关闭,2026-11-17 10:00,25.0,10.0,,5,5,,0⏎
    CP20261117001,物流配送,严重,处理中,,,,首次响应; 进展更新; 不满上报,2,5,快递员态度差,1⏎
    CP20261118001,产品质量,一般,已关闭,2026-11-19 15:00,30.0,15.0,,4,5,,0⏎
    CP20261120001,服务态度,重大,待受理,,,,首次响应; 处理时限,,,,0⏎
    CP20261121001,,一般,处理中,,,,首次响应,,,,0⏎
    "#);
}

#[test]
fn filters_as_list_and_json() {
    let store = scenario();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["export", "--format", "jsonl", "--columns", "id"];
        full.extend_from_slice(args);
        store
            .ok(AS_OF, &full)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&[]).len(), 6);
    assert_eq!(ids(&["--status", "closed"]), ["CP20261110001", "CP20261116001", "CP20261118001"]);
    assert_eq!(ids(&["--since", "2026-11-20"]), ["CP20261120001", "CP20261121001"]);
    assert_eq!(ids(&["--until", "2026-11-10"]), ["CP20261110001"]);
    assert_eq!(ids(&["--severity", "重大"]), ["CP20261120001"]);
    assert_eq!(ids(&["--category", "logistics", "--channel", "wechat"]), ["CP20261117001"]);
    assert_eq!(ids(&["--department", "售后部", "--assignee", "李四"]), ["CP20261116001", "CP20261118001"]);

    let json: serde_json::Value =
        serde_json::from_str(&store.ok(AS_OF, &["--json", "export", "--columns", "id,category,satisfaction,breached"]))
            .unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["count"], 6);
    assert_eq!(json["columns"], serde_json::json!(["id", "category", "satisfaction", "breached"]));
    let b = &json["tickets"][2];
    assert_eq!(b["id"], "CP20261117001");
    assert_eq!(b["category"], "logistics");
    assert_eq!(b["category_label"], "物流配送");
    assert_eq!(b["satisfaction"], serde_json::json!({"score": 2, "scale": 5, "satisfied": false}));
    // The veto was not reported to a supervisor within 1h (issue 14).
    assert_eq!(b["breached"], serde_json::json!(["first_response", "update", "veto_report"]));
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let (store, id) = tricky();
    let out = store.cmd(NOW).args(["export", "-o", "records.csv"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let bytes = std::fs::read(store.path().join("records.csv")).unwrap();
    assert_eq!(read_csv(&bytes[3..])[1][0], id);
}

#[test]
fn unknown_column_lists_valid_names() {
    let (store, _) = tricky();
    store.fails_unchanged(
        NOW,
        &["export", "--columns", "id,stauts"],
        &["unknown column \"stauts\"", "valid values: id, customer, customer_id", "did you mean \"status\"?"],
    );
}

#[test]
fn unreadable_file_still_exports_the_rest() {
    let (store, id) = tricky();
    std::fs::write(store.path().join("tickets/2026/11/CP20261121001.yaml"), "id: [").unwrap();
    let out = store.cmd(NOW).args(["export", "--format", "jsonl", "--columns", "id"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("could not read tickets/2026/11/CP20261121001.yaml"));
    assert!(String::from_utf8(out.stdout).unwrap().contains(&id));
}
