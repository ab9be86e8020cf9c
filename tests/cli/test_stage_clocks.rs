//! Issue 14's three new clocks in `overdue`: the customer's reply awaited
//! too long (`[sla] max_wait`), a veto not reported to the supervisor
//! (`[sla] veto_report`), and review action items past due. Every deadline
//! is worked out by hand over the 2026 calendar (国庆节 10/1–7, make-up
//! Saturday 10/10).

use mail_parser::MessageParser;

use crate::support::Store;

fn rows(store: &Store, now: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["--json", "overdue"];
    args.extend_from_slice(extra);
    let out = store.ok(now, &args);
    if out.is_empty() {
        return Vec::new(); // nothing overdue prints nothing
    }
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{} {} due={} working={}m wall={}m who={}",
                i["id"].as_str().unwrap(),
                i["target"].as_str().unwrap(),
                i["due"].as_str().unwrap(),
                i["overdue_working_minutes"],
                i["overdue_wall_minutes"],
                i["assignee"].as_str().unwrap_or("-"),
            )
        })
        .collect()
}

fn of_target(rows: Vec<String>, target: &str) -> Vec<String> {
    rows.into_iter().filter(|r| r.split(' ').nth(1) == Some(target)).collect()
}

fn edit_config(store: &Store, edit: impl FnOnce(String) -> String) {
    let path = store.path().join("complaint.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
}

// --- max_wait ---------------------------------------------------------------

/// Regression (issue 14): CP20261109001 of the sample store waits for the
/// customer since Tue 11-10 14:00. `5wd` counts Wed 11, Thu 12, Fri 13,
/// Mon 16, Tue 17: due Tue 2026-11-17 18:00.
#[test]
fn the_sample_ticket_waiting_since_november_10_is_chased() {
    let mut cmd = assert_cmd::Command::cargo_bin("complaint").unwrap();
    let output = cmd
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COMPLAINT_STORE")
        .env("COMPLAINT_NOW", "2026-12-31 10:00")
        .args(["--json", "overdue", "--as-of", "2026-12-31"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let waiting: Vec<String> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["target"] == "max_wait")
        .map(|i| format!("{} {} {}", i["id"].as_str().unwrap(), i["due"].as_str().unwrap(), i["target_label"]))
        .collect();
    // CP20261120002 waits since Fri 11-20 (Mon 23 … Fri 27): due Fri 11-27 18:00.
    assert_eq!(
        waiting,
        [
            "CP20261109001 2026-11-17T18:00:00+08:00 \"待客户回复超时\"",
            "CP20261120002 2026-11-27T18:00:00+08:00 \"待客户回复超时\""
        ]
    );
}

/// Waiting from Wed 2026-09-30 15:00, the day before National Day: the start
/// day is not counted, 10/1–7 are off, Thu 10/8 is working day 1, Fri 10/9
/// day 2, the make-up Saturday 10/10 day 3, Sun 10/11 is off, Mon 10/12 day
/// 4, Tue 10/13 day 5: due Tue 2026-10-13 18:00.
#[test]
fn max_wait_counts_working_days_over_national_day() {
    let store = Store::new();
    let id = store.new_ticket("2026-09-30 14:00", &[]);
    store.ok("2026-09-30 14:30", &["transition", &id, "processing"]);
    store.ok("2026-09-30 15:00", &["transition", &id, "waiting_customer"]);
    assert_eq!(of_target(rows(&store, "2026-10-13 17:59", &[]), "max_wait"), Vec::<String>::new());
    // Wed 10-14 10:00: 16h of wall time, 1h of working time late.
    assert_eq!(
        of_target(rows(&store, "2026-10-14 10:00", &[]), "max_wait"),
        [format!("{id} max_wait due=2026-10-13T18:00:00+08:00 working=60m wall=960m who=-")]
    );
    // The customer answered on Mon 10-12: met, nothing to chase.
    store.ok("2026-10-12 11:00", &["transition", &id, "processing"]);
    assert_eq!(of_target(rows(&store, "2026-10-14 10:00", &[]), "max_wait"), Vec::<String>::new());
}

#[test]
fn max_wait_is_configurable() {
    let store = Store::new();
    edit_config(&store, |c| c.replacen("max_wait = \"5wd\"", "max_wait = \"2wd\"", 1));
    let id = store.new_ticket("2026-11-16 09:00", &[]);
    store.ok("2026-11-16 09:10", &["transition", &id, "processing"]);
    store.ok("2026-11-16 10:00", &["transition", &id, "waiting_customer"]);
    // 2wd from Mon 11-16: Tue, Wed → due Wed 11-18 18:00.
    assert_eq!(
        of_target(rows(&store, "2026-11-19 10:00", &[]), "max_wait"),
        [format!("{id} max_wait due=2026-11-18T18:00:00+08:00 working=60m wall=960m who=-")]
    );
}

// --- veto → supervisor --------------------------------------------------------

/// A general ticket of 售后部 resolved Mon 11-16 15:00; the customer vetoes
/// at Tue 11-17 10:00. `veto_report` 1h: due 11:00.
fn vetoed(supervisor_line: &str) -> (Store, String) {
    let store = Store::new();
    edit_config(&store, |c| {
        c.replacen("[people]\n", "[people]\n\"王主管\" = \"wang@example.com\"\n\"赵总\" = \"zhao@example.com\"\n", 1)
            .replacen("supervisor = \"\"", "supervisor = \"赵总\"", 1)
            + supervisor_line
    });
    let id = store.new_ticket("2026-11-16 09:00", &[]);
    store.ok("2026-11-16 09:05", &["assign", &id, "--department", "售后部", "--assignee", "孙磊"]);
    store.ok("2026-11-16 09:10", &["transition", &id, "processing"]);
    store.ok("2026-11-16 15:00", &["transition", &id, "resolved", "--plan", "换货"]);
    store.ok("2026-11-17 10:00", &["followup", &id, "--score", "2", "--comment", "还是坏的"]);
    (store, id)
}

const DEPARTMENT_SUPERVISOR: &str = "\n[departments.\"售后部\"]\nsupervisor = \"王主管\"\n";

#[test]
fn a_veto_is_not_overdue_59_minutes_later() {
    let (store, _) = vetoed(DEPARTMENT_SUPERVISOR);
    assert_eq!(rows(&store, "2026-11-17 10:59", &["--escalated"]), Vec::<String>::new());
}

#[test]
fn a_veto_unreported_after_70_minutes_names_the_department_supervisor() {
    let (store, id) = vetoed(DEPARTMENT_SUPERVISOR);
    assert_eq!(
        rows(&store, "2026-11-17 11:10", &["--escalated"]),
        [format!("{id} veto_report due=2026-11-17T11:00:00+08:00 working=10m wall=10m who=王主管")]
    );
    let table = store.ok("2026-11-17 11:10", &["overdue", "--escalated"]);
    assert!(table.contains("不满上报") && table.contains("王主管"), "{table}");
    let output = store
        .cmd("2026-11-17 11:10")
        .args(["overdue", "--format", "email", "--to", "lead@example.com"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let message = MessageParser::default().parse(&output.stdout).unwrap();
    let cc: Vec<String> = message.cc().unwrap().iter().filter_map(|a| a.address().map(str::to_string)).collect();
    assert_eq!(cc, ["wang@example.com"]);
}

#[test]
fn without_a_department_supervisor_the_store_supervisor_takes_the_veto() {
    let (store, id) = vetoed("");
    assert_eq!(
        rows(&store, "2026-11-17 11:10", &["--escalated"]),
        [format!("{id} veto_report due=2026-11-17T11:00:00+08:00 working=10m wall=10m who=赵总")]
    );
}

#[test]
fn an_escalation_meets_the_veto_report() {
    let (store, id) = vetoed(DEPARTMENT_SUPERVISOR);
    store.ok("2026-11-17 10:40", &["escalate", &id, "--to", "王主管", "--reason", "客户不满"]);
    assert_eq!(rows(&store, "2026-11-17 11:10", &["--escalated"]), Vec::<String>::new());
}

#[test]
fn a_supervisor_must_be_a_known_person_or_an_address() {
    let store = Store::new();
    edit_config(&store, |c| c + "\n[departments.\"售后部\"]\nsupervisor = \"无名氏\"\n");
    store.fails_unchanged("2026-11-17 10:00", &["overdue"], &["departments.售后部.supervisor", "无名氏", "[people]"]);
}

// --- action items -------------------------------------------------------------

/// Set at the review of Mon 11-16 10:00 on a processing ticket:
/// 1. 张仓管 ships the replacement by Fri 11-20 12:00;
/// 2. 赵财务 pays the compensation by Wed 11-25 (a bare date: 24:00);
/// 3. 张仓管 checks the stock by Thu 11-19 18:00, marked done Thu 11-19 17:00.
fn reviewed() -> (Store, String) {
    let store = Store::new();
    let id = store.new_ticket("2026-11-16 09:00", &[]);
    store.ok("2026-11-16 09:10", &["transition", &id, "processing"]);
    let item = |owner: &str, due: &str, text: &str| {
        store.ok("2026-11-16 10:00", &["note", &id, "--kind", "action", "--owner", owner, "--due", due, "-m", text]);
    };
    item("张仓管", "2026-11-20 12:00", "寄出换货");
    item("赵财务", "2026-11-25", "支付补偿");
    item("张仓管", "2026-11-19 18:00", "核对库存");
    store.ok("2026-11-19 17:00", &["note", &id, "--kind", "action", "--done", "3", "-m", "库存已核对"]);
    // Progress notes keep the update clock quiet.
    store.ok("2026-11-20 09:00", &["note", &id, "-m", "跟进中"]);
    (store, id)
}

#[test]
fn action_items_past_due_and_not_done_are_listed_under_their_owner() {
    let (store, id) = reviewed();
    // Fri 11-20 13:00: item 1 is 1h late; item 2 not due; item 3 done.
    assert_eq!(
        of_target(rows(&store, "2026-11-20 13:00", &[]), "action_item"),
        [format!("{id} action_item due=2026-11-20T12:00:00+08:00 working=60m wall=60m who=张仓管")]
    );
    assert_eq!(
        rows(&store, "2026-11-20 13:00", &["--owner", "张仓管"]),
        [format!("{id} action_item due=2026-11-20T12:00:00+08:00 working=60m wall=60m who=张仓管")]
    );
    assert_eq!(rows(&store, "2026-11-20 13:00", &["--owner", "赵财务"]), Vec::<String>::new());
    // Thu 11-26 10:00: item 2 (due 11-26 00:00) joins; 10h of wall time, 1h working.
    assert_eq!(
        rows(&store, "2026-11-26 10:00", &["--owner", "赵财务"]),
        [format!("{id} action_item due=2026-11-26T00:00:00+08:00 working=60m wall=600m who=赵财务")]
    );
}

#[test]
fn an_item_done_late_is_no_longer_listed() {
    let (store, id) = reviewed();
    store.ok("2026-11-20 14:00", &["note", &id, "--kind", "action", "--done", "1", "-m", "已发货"]);
    assert_eq!(rows(&store, "2026-11-20 15:00", &["--owner", "张仓管"]), Vec::<String>::new());
}

#[test]
fn done_needs_an_existing_item() {
    let (store, id) = reviewed();
    store.fails_unchanged("2026-11-20 14:00", &["note", &id, "--done", "4", "-m", "x"], &["4", "action item"]);
}
