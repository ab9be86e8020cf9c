//! The second sample store, examples/after-sales (`init --preset
//! after-sales`): the stage clocks designed in
//! scripts/make-after-sales-store.sh, as of Monday 2026-11-23 10:00.

use assert_cmd::Command;

const STORE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/after-sales");

fn sample(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("complaint").unwrap();
    cmd.env_remove("COMPLAINT_STORE")
        .env("COMPLAINT_NOW", "2026-11-23 10:00")
        .env("NO_COLOR", "1")
        .args(["--store", STORE])
        .args(args);
    cmd
}

fn stdout(args: &[&str]) -> String {
    let output = sample(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout(&all)).unwrap()
}

/// The `时限` section of `show`: from its heading to the blank line after it.
fn stage_table(id: &str) -> String {
    let shown = stdout(&["show", id]);
    let start = shown.find("时限\n").expect("show prints a 时限 table");
    let table = &shown[start..];
    table[..table.find("\n\n").unwrap_or(table.len())].to_string()
}

#[test]
fn the_after_sales_store_passes_check() {
    sample(&["check"]).assert().success();
}

#[test]
fn overdue_shows_the_designed_stage_breaches() {
    let items = json(&["overdue"]);
    let rows: Vec<String> = items["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{} {} {}", i["id"].as_str().unwrap(), i["target"], i["due"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rows,
        [
            // Major, received Thu 14:00: the default 4h resolution.
            r#"CP20261119001 "resolution" 2026-11-19T18:00:00+08:00"#,
            r#"CP20261119001 "update" 2026-11-20T14:10:00+08:00"#,
            // Reopened by the veto of Fri 10:00, no progress note since.
            r#"CP20261118001 "update" 2026-11-21T10:00:00+08:00"#,
            // The plan's own time, never reported executed.
            r#"CP20261119001 "execution" 2026-11-21T12:00:00+08:00"#,
            // Resolved Fri 16:00; the 24h revisit never made.
            r#"CP20261117001 "revisit" 2026-11-21T16:00:00+08:00"#,
            // Received 09:50, untouched: the 5-minute response.
            r#"CP20261123001 "response" 2026-11-23T09:55:00+08:00"#,
        ]
    );
}

#[test]
fn show_lists_every_stage_of_a_ticket_that_met_them_all() {
    insta::assert_snapshot!(stage_table("CP20261116001"), @r"
        时限
        环节       截止时间           完成时间           状态       剩余/超时(工作)   剩余/超时(自然)
        ───────────────────────────────────────────────────────────────────────────────────────────────
        首次响应   2026-11-17 09:00   2026-11-16 09:03   按时完成   —                 —
        处理时限   2026-11-18 18:00   2026-11-18 11:30   按时完成   —                 —
        回访       2026-11-21 24:00   2026-11-19 10:00   按时完成   —                 —
        方案执行   2026-11-18 18:00   2026-11-18 11:00   按时完成   —                 —
        受理响应   2026-11-16 09:05   2026-11-16 09:03   按时完成   —                 —
        转交       2026-11-16 09:30   2026-11-16 09:20   按时完成   —                 —
        初步诊断   2026-11-16 09:30   2026-11-16 09:25   按时完成   —                 —
        方案制定   2026-11-17 18:00   2026-11-16 15:00   按时完成   —                 —
        方案确认   2026-11-16 17:00   2026-11-16 16:00   按时完成   —                 —
        结果确认   2026-11-18 13:00   2026-11-18 11:30   按时完成   —                 —
        回访       2026-11-19 11:30   2026-11-19 10:00   按时完成   —                 —
    ");
}

#[test]
fn a_late_major_ticket_keeps_its_early_breaches() {
    insta::assert_snapshot!(stage_table("CP20261119001"), @r"
        时限
        环节                      截止时间           完成时间           状态       剩余/超时(工作)   剩余/超时(自然)
        ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
        首次响应                  2026-11-19 15:00   2026-11-19 14:10   按时完成   —                 —
        处理时限                  2026-11-19 18:00   —                  已超时     超时 10h          超时 3d 16h
        进展更新                  2026-11-20 14:10   —                  已超时     超时 4h 50m       超时 2d 19h
        方案执行                  2026-11-21 12:00   —                  已超时     超时 1h           超时 1d 22h
        执行任务 (马超, 仓储部)   2026-11-20 18:40   2026-11-20 11:00   按时完成   —                 —
        执行任务 (周婷, 财务部)   2026-11-24 18:00   —                  进行中     剩余 17h          剩余 1d 8h
        受理响应                  2026-11-19 14:05   2026-11-19 14:10   超时完成   超时 5m           超时 5m
        转交                      2026-11-19 14:30   2026-11-19 14:50   超时完成   超时 20m          超时 20m
        初步诊断                  2026-11-19 14:10   2026-11-19 14:30   超时完成   超时 20m          超时 20m
        方案制定                  2026-11-19 18:00   2026-11-19 17:00   按时完成   —                 —
        方案确认                  2026-11-19 19:00   2026-11-19 18:30   按时完成   —                 —
    ");
}

#[test]
fn breaches_are_charged_to_who_held_the_ticket() {
    let report = json(&["report", "--month", "2026-11"]);
    let people: Vec<String> = report["by_person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} received {} handled {} breaches {}",
                p["name"].as_str().unwrap(),
                p["received"],
                p["handled"],
                p["breaches"]
            )
        })
        .collect();
    insta::assert_snapshot!(people.join("\n"), @r"
        孙磊 received 0 handled 2 breaches 1
        李娜 received 0 handled 2 breaches 5
        周婷 received 0 handled 1 breaches 0
        刘洋 received 3 handled 0 breaches 0
        王芳 received 3 handled 0 breaches 0
    ");
}
