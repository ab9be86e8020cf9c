//! `[ui] lang`: tables, labels and report text in Chinese (default) or English.

use crate::support::Store;

const NOW: &str = "2026-11-23 12:00";

fn english(store: &Store) {
    let path = store.path().join("complaint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, config.replacen("lang = \"zh-CN\"", "lang = \"en\"", 1)).unwrap();
}

fn ticket(store: &Store) -> String {
    let id = store.new_ticket("2026-11-23 09:00", &["--category", "logistics"]);
    store.ok("2026-11-23 09:10", &["transition", &id, "processing", "--note", "called back"]);
    id
}

#[test]
fn english_tables_and_labels() {
    let store = Store::new();
    let id = ticket(&store);
    english(&store);
    let log = store.ok(NOW, &["log", &id]);
    insta::assert_snapshot!(log, @r"
    Time               By     Action       Details
    ─────────────────────────────────────────────────────────────────────────────
    2026-11-23 09:00   wang   created      Category=logistics; Severity=general
    2026-11-23 09:10   wang   transition   new → processing; note: called back
    ");
    let show = store.ok(NOW, &["show", &id]);
    assert!(show.starts_with(&format!("ID        {id}\nStatus    processing\nReceived  2026-11-23 09:00\n")), "{show}");
    assert!(show.contains("\nCategory  logistics\n"), "{show}");
    assert!(show.contains("\nHistory\n"), "{show}");
    let overdue = store.ok("2026-11-25 12:00", &["overdue"]);
    assert!(overdue.starts_with("State     ID              Severity"), "{overdue}");
    // Processing since Mon 09:10 with no progress note: the update was due Tue 09:10.
    assert!(
        overdue.contains("\noverdue   CP20261123001   general    logistics   processing   update   2026-11-24 09:10"),
        "{overdue}"
    );
}

#[test]
fn chinese_is_the_default() {
    let store = Store::new();
    let id = ticket(&store);
    let log = store.ok(NOW, &["log", &id]);
    assert!(log.starts_with("时间"), "{log}");
    assert!(log.contains("状态变更   待受理 → 处理中；备注: called back"), "{log}");
}

#[test]
fn report_follows_the_ui_language_unless_told() {
    let store = Store::new();
    ticket(&store);
    english(&store);
    let report = store.ok(NOW, &["report", "--month", "2026-11"]);
    assert!(report.starts_with("Complaint report 2026-11"), "{report}");
    let report = store.ok(NOW, &["report", "--month", "2026-11", "--lang", "zh"]);
    assert!(report.starts_with("投诉统计报告 2026-11"), "{report}");
}

#[test]
fn unknown_language_is_a_config_error() {
    let store = Store::new();
    let path = store.path().join("complaint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, config.replacen("lang = \"zh-CN\"", "lang = \"fr\"", 1)).unwrap();
    store.fails_unchanged(NOW, &["list"], &["unknown language \"fr\"", "ui"]);
}

#[test]
fn english_list() {
    let store = Store::new();
    let id = ticket(&store);
    english(&store);
    let list = store.ok(NOW, &["list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert!(
        lines[0].starts_with("ID              Received           Status       Severity   Category    Channel"),
        "{list}"
    );
    assert!(
        lines[2].starts_with(&format!("{id}   2026-11-23 09:00   processing   general    logistics   phone")),
        "{list}"
    );
}

#[test]
fn errors_hints_and_confirmations_follow_the_store_language() {
    let store = Store::new();
    let id = ticket(&store);
    let zh = store.cmd(NOW).args(["show", "CP20261123009"]).output().unwrap();
    assert_eq!(
        String::from_utf8(zh.stderr).unwrap(),
        "complaint: 错误: 本库中没有投诉 CP20261123009\n提示: 您是指 CP20261123001 吗？\n"
    );
    let list = store.cmd(NOW).arg("list").output().unwrap();
    assert_eq!(String::from_utf8(list.stderr).unwrap(), "共 1 件\n");
    let moved = store.cmd(NOW).args(["note", &id, "-m", "已回电"]).output().unwrap();
    assert!(String::from_utf8(moved.stderr).unwrap().starts_with(&format!("{id}：")));
    english(&store);
    let en = store.cmd(NOW).args(["show", "CP20261123009"]).output().unwrap();
    assert_eq!(
        String::from_utf8(en.stderr).unwrap(),
        "complaint: error: no ticket CP20261123009 in this store\nhint: did you mean CP20261123001?\n"
    );
    let list = store.cmd(NOW).arg("list").output().unwrap();
    assert_eq!(String::from_utf8(list.stderr).unwrap(), "1 ticket(s)\n");
}

#[test]
fn outside_a_store_the_locale_decides() {
    let store = Store::empty();
    let run = |lang: Option<&str>| {
        let mut cmd = store.cmd(NOW);
        match lang {
            Some(lang) => cmd.env("LANG", lang),
            None => cmd.env_remove("LANG"),
        };
        String::from_utf8(cmd.arg("list").output().unwrap().stderr).unwrap()
    };
    assert!(run(Some("zh_CN.UTF-8")).starts_with("complaint: 错误: 在 "), "zh");
    assert!(run(Some("en_US.UTF-8")).starts_with("complaint: error: no complaint store found"), "en");
    assert!(run(Some("C.UTF-8")).starts_with("complaint: error: "), "C");
    assert!(run(None).starts_with("complaint: 错误: "), "unset: the product's default");
}

#[test]
fn help_in_chinese_under_a_chinese_locale() {
    let store = Store::empty();
    let help = |lang: &str| {
        let out = store.cmd(NOW).env("LANG", lang).args(["transition", "--help"]).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let zh = help("zh_CN.UTF-8");
    assert!(zh.contains("沿生命周期推进投诉"), "{zh}");
    assert!(zh.contains("投诉编号，如 CP20261123001"), "{zh}");
    let en = help("en_US.UTF-8");
    assert!(en.contains("Move a ticket along the lifecycle"), "{en}");
}

#[test]
fn english_calendar_grid() {
    let store = Store::new();
    english(&store);
    let grid = store.ok(NOW, &["calendar", "2026-10"]);
    assert!(grid.contains(" Mo   Tu   We   Th   Fr   Sa   Su\n"), "{grid}");
    assert!(grid.contains("10-10 Sat work (make-up for 国庆节)"), "{grid}");
    assert!(!grid.contains('休'), "{grid}");
}

#[test]
fn a_chinese_store_confirms_and_refuses_in_chinese() {
    let store = Store::new();
    let id = ticket(&store);
    let stderr = |args: &[&str]| String::from_utf8(store.cmd(NOW).args(args).output().unwrap().stderr).unwrap();
    assert_eq!(stderr(&["transition", &id, "waiting_customer"]), format!("{id}：处理中 → 待客户回复\n"));
    assert_eq!(
        stderr(&["note", &id, "--kind", "action", "--owner", "王经理", "--due", "2026-11-30", "-m", "发货"]),
        format!("{id}：已添加待办备注\n")
    );
    assert_eq!(stderr(&["note", &id, "--done", "1", "-m", "已发货"]), format!("{id}：第 1 项待办已完成\n"));
    assert_eq!(
        stderr(&["transition", &id, "closed"]),
        format!(
            "complaint: 错误: 未经满意回访而关闭 {id} 需要 --reason\n提示: 先回访（complaint followup ID --score N），\
             或说明理由：--reason 重复投诉 / 无法联系客户 / 无效投诉\n"
        )
    );
    english(&store);
    assert_eq!(stderr(&["transition", &id, "processing"]), format!("{id}: waiting_customer -> processing\n"));
    assert!(stderr(&["transition", &id, "closed"]).contains("needs --reason"));
}
