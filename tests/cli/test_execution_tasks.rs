//! Issue 14: execution tasks a plan hands to other departments (seed 000
//! 执行落地: the warehouse ships within 24h, finance pays within 3 working
//! days), each a deadline under its owner in `overdue`, in `show`'s stage
//! table, and charged to its owner in `report` when late. Default config
//! plus 仓储部 (supervisor 张仓管, 24h), 财务部 (3wd) and 质量部 (no default).

use serde_json::Value;

use super::support::Store;

fn store() -> Store {
    let store = Store::new();
    let path = store.path().join("complaint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    let config = config.replacen("[people]\n", "[people]\n\"张仓管\" = \"张仓管 <zhang@example.com>\"\n", 1);
    let departments = "\n[departments.\"仓储部\"]\nsupervisor = \"张仓管\"\ntask_within = \"24h\"\n\
                       [departments.\"财务部\"]\ntask_within = \"3wd\"\n[departments.\"质量部\"]\n";
    std::fs::write(&path, config + departments).unwrap();
    store
}

fn json(store: &Store, now: &str, args: &[&str]) -> Value {
    let mut full = args.to_vec();
    full.push("--json");
    serde_json::from_str(&store.ok(now, &full)).expect("json")
}

/// The due time of the ticket's last event, as stored.
fn last_due(store: &Store, id: &str) -> String {
    let yaml = store.ticket_yaml(id);
    let history = yaml["history"].as_sequence().unwrap();
    history.last().unwrap()["due"].as_str().unwrap().to_string()
}

/// Received Fri 2026-11-20 09:00 (李娜, 售后部); at 10:00 three tasks:
/// 1 仓储部 (owner 张仓管 by default, due Sat 11-21 10:00), 2 财务部 (no
/// supervisor: the department shown, due Wed 11-25 18:00), 3 质量部 (钱专员,
/// due +1wd = Mon 11-23 18:00).
fn three_tasks(store: &Store) -> String {
    let id = store.new_ticket("2026-11-20 09:00", &["--category", "after_sales"]);
    store.ok("2026-11-20 09:10", &["assign", &id, "--department", "售后部", "--assignee", "李娜"]);
    store.ok("2026-11-20 09:20", &["--by", "李娜", "transition", &id, "processing"]);
    store.ok("2026-11-20 10:00", &["--by", "李娜", "task", &id, "24小时内发出换新机", "--department", "仓储部"]);
    assert_eq!(last_due(store, &id), "2026-11-21T10:00:00+08:00");
    store.ok("2026-11-20 10:00", &["--by", "李娜", "task", &id, "补偿到账", "--department", "财务部"]);
    assert_eq!(last_due(store, &id), "2026-11-25T18:00:00+08:00");
    let args =
        ["--by", "李娜", "task", &id, "复检退回件", "--department", "质量部", "--owner", "钱专员", "--due", "+1wd"];
    store.ok("2026-11-20 10:00", &args);
    assert_eq!(last_due(store, &id), "2026-11-23T18:00:00+08:00");
    id
}

/// `(target, due, assignee)` of the `overdue` rows.
fn rows(listing: &Value) -> Vec<(String, String, String)> {
    let s = |row: &Value, k: &str| row[k].as_str().unwrap_or("").to_string();
    listing["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (s(r, "target_label"), s(r, "due")[..16].to_string(), s(r, "assignee")))
        .collect()
}

#[test]
fn three_working_days_skip_national_day_and_count_the_make_up_saturday() {
    // Wed 2026-09-30 15:00: Oct 1–7 off; Thu 8, Fri 9, the 调休 Sat 10 ⇒ Sat 18:00.
    let store = store();
    let id = store.new_ticket("2026-09-30 14:00", &[]);
    store.ok("2026-09-30 15:00", &["task", &id, "退款", "--department", "财务部"]);
    assert_eq!(last_due(&store, &id), "2026-10-10T18:00:00+08:00");
    let yaml = store.read_ticket(&id);
    assert!(yaml.contains("action: task") && yaml.contains("task_department: 财务部"), "{yaml}");
}

#[test]
fn open_tasks_are_deadlines_under_their_owners() {
    let store = store();
    let id = three_tasks(&store);
    // Mon 11-23 09:30: only task 1 is past due.
    let overdue = json(&store, "2026-11-23 09:30", &["overdue", "--as-of", "2026-11-23 09:30"]);
    let tasks: Vec<_> = rows(&overdue).into_iter().filter(|r| r.0.starts_with("执行任务")).collect();
    assert_eq!(tasks, [("执行任务 (仓储部)".into(), "2026-11-21T10:00".into(), "张仓管".into())]);
    let mine = json(&store, "2026-11-23 09:30", &["overdue", "--owner", "张仓管"]);
    assert_eq!(rows(&mine), tasks);
    assert_eq!(mine["items"][0]["id"], id.as_str());
    // With --warn-before 3d every open task is listed, the department's own under the department.
    let soon = json(&store, "2026-11-23 09:30", &["overdue", "--owner", "财务部", "--warn-before", "3d"]);
    assert_eq!(rows(&soon), [("执行任务 (财务部)".into(), "2026-11-25T18:00".into(), "财务部".into())]);
    let text = store.ok("2026-11-23 09:30", &["overdue", "--owner", "钱专员", "--warn-before", "1d"]);
    assert!(text.contains("执行任务 (质量部)") && text.contains("钱专员"), "{text}");
}

#[test]
fn done_by_number_once_and_late_charged_to_the_owner() {
    let store = store();
    let id = three_tasks(&store);
    store.ok("2026-11-23 11:00", &["--by", "李娜", "task", &id, "--done", "1", "-m", "已发货"]);
    assert_eq!(store.ok("2026-11-23 11:30", &["overdue", "--owner", "张仓管"]), "");
    store.fails_unchanged("2026-11-23 11:30", &["task", &id, "--done", "1"], &["task 1", "already done"]);
    store.fails_unchanged("2026-11-23 11:30", &["task", &id, "--done", "4"], &["no execution task 4", "it has 3"]);
    // Done Mon 11:00, due Sat 10:00: a breach of 张仓管's; the department's task charges nobody by name.
    let report = json(&store, "2026-11-30 12:00", &["report", "--month", "2026-11"]);
    let people = report["by_person"].as_array().unwrap();
    let zhang = people.iter().find(|p| p["name"] == "张仓管").unwrap_or_else(|| panic!("{people:?}"));
    assert_eq!(zhang["breaches"], 1);
    assert!(people.iter().all(|p| p["name"] != "财务部"), "{people:?}");
}

#[test]
fn refusals_leave_the_ticket_unchanged() {
    let store = store();
    let id = store.new_ticket("2026-11-20 09:00", &[]);
    let now = "2026-11-20 10:00";
    store.fails_unchanged(now, &["task", &id, "发货", "--department", "物流部"], &["物流部", "仓储部, 财务部, 质量部"]);
    store.fails_unchanged(now, &["task", &id, "复检", "--department", "质量部"], &["needs a due time", "task_within"]);
    store.fails_unchanged(now, &["task", &id, "--done", "1"], &["no execution task 1", "it has 0"]);
    store.cmd(now).args(["task", &id, "发货"]).assert().code(2);
}

#[test]
fn the_after_sales_preset_sets_the_warehouse_and_finance_times() {
    let store = Store::empty();
    store.cmd("2026-11-20 08:00").args(["init", ".", "--preset", "after-sales"]).assert().success();
    let id = store.new_ticket("2026-11-20 09:00", &[]);
    store.ok("2026-11-20 10:00", &["task", &id, "发出换新机", "--department", "仓储部"]);
    assert_eq!(last_due(&store, &id), "2026-11-21T10:00:00+08:00");
    store.ok("2026-11-20 10:00", &["task", &id, "补偿到账", "--department", "财务部"]);
    assert_eq!(last_due(&store, &id), "2026-11-25T18:00:00+08:00");
}

#[test]
fn show_lists_each_task_in_its_stage_table() {
    let store = store();
    let id = three_tasks(&store);
    store.ok("2026-11-23 11:00", &["--by", "李娜", "task", &id, "--done", "1", "-m", "已发货"]);
    let show = store.ok("2026-11-23 12:00", &["show", &id]);
    let table: String = show
        .lines()
        .filter(|l| l.starts_with("执行任务") || l.contains("执行任务 "))
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    insta::assert_snapshot!(table, @r"
    执行任务 (张仓管, 仓储部)   2026-11-21 10:00   2026-11-23 11:00   超时完成   超时 2h           超时 2d 1h
    执行任务 (财务部)           2026-11-25 18:00   —                  进行中     剩余 24h          剩余 2d 6h
    执行任务 (钱专员, 质量部)   2026-11-23 18:00   —                  进行中     剩余 6h           剩余 6h
    2026-11-20 10:00   李娜     执行任务   [仓储部] 24小时内发出换新机 (责任人 张仓管，截止 2026-11-21 10:00)
    2026-11-20 10:00   李娜     执行任务   [财务部] 补偿到账
    2026-11-20 10:00   李娜     执行任务   [质量部] 复检退回件 (责任人 钱专员，截止 2026-11-23 18:00)
    2026-11-23 11:00   李娜     执行任务   已发货 (第1项已落实)
    ");
}

#[test]
fn a_review_action_item_done_already_is_refused_and_nothing_changes() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:10", &["note", &id, "-m", "补发配件", "--kind", "action", "--owner", "张仓管"]);
    store.ok("2026-11-23 10:00", &["note", &id, "-m", "已补发", "--done", "1"]);
    store.fails_unchanged(
        "2026-11-23 11:00",
        &["note", &id, "-m", "再次标记", "--done", "1"],
        &["action item 1", "already done (at 2026-11-23 10:00)"],
    );
}
