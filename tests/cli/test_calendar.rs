//! `calendar`: the month view and `calendar add` (spec §5).

use predicates::prelude::*;

use crate::support::Store;

#[test]
fn month_view_marks_holidays_and_make_up_days() {
    let store = Store::new();
    let month = store.ok("2026-11-23 10:00", &["calendar", "2026-10"]);
    let expected = [
        "            2026年10月",
        " 一   二   三   四   五   六   日",
        "                1休  2休  3休  4休",
        " 5休  6休  7休  8    9   10班 11",
        "12   13   14   15   16   17   18",
        "19   20   21   22   23   24   25",
        "26   27   28   29   30   31",
        "休 = 节假日休息  班 = 调休上班",
        "10月1日–10月7日 国庆节 休",
        "10月10日 星期六 上班（国庆节调休） 班",
    ];
    assert_eq!(month.lines().collect::<Vec<_>>(), expected);
    let json: serde_json::Value =
        serde_json::from_str(&store.ok("2026-11-23 10:00", &["--json", "calendar", "2026-10"])).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["days"][9]["date"], "2026-10-10");
    assert_eq!(json["days"][9]["makeup"], true);
    assert_eq!(json["days"][0]["holiday"], "国庆节");
    // Default: the month of "now".
    assert!(store.ok("2026-11-23 10:00", &["calendar"]).contains("2026年11月"));
}

#[test]
fn add_answers_when_it_is_due() {
    let store = Store::new();
    for (start, duration, deadline) in [
        // Spec §5: Monday 10:00 or 20:00 + 2wd => Wednesday 18:00.
        ("2026-11-23 10:00", "2wd", "2026-11-25T18:00:00+08:00"),
        ("2026-11-23 20:00", "2wd", "2026-11-25T18:00:00+08:00"),
        // Saturday => Tuesday 18:00.
        ("2026-11-21 10:00", "2wd", "2026-11-24T18:00:00+08:00"),
        // The day before National Day: Oct 1–7 off, Oct 8 and 9 are the two working days.
        ("2026-09-30 15:00", "2wd", "2026-10-09T18:00:00+08:00"),
        // Received on the make-up Saturday Oct 10: the next working day is Mon Oct 12.
        ("2026-10-10 10:00", "1wd", "2026-10-12T18:00:00+08:00"),
        // 3d: 24:00 of the third calendar day after the start date, never extended.
        ("2026-09-30 15:00", "3d", "2026-10-04T00:00:00+08:00"),
        // Business hours: Friday 16:00 + 4bh = Monday 11:00.
        ("2026-11-20 16:00", "4bh", "2026-11-23T11:00:00+08:00"),
        // Exactly at closing time it stays there.
        ("2026-11-23 10:00", "8bh", "2026-11-23T18:00:00+08:00"),
        ("2026-11-23 10:00", "90m", "2026-11-23T11:30:00+08:00"),
    ] {
        store
            .cmd("2026-11-23 10:00")
            .args(["calendar", "add", start, duration])
            .assert()
            .success()
            .stdout(format!("{deadline}\n"));
    }
    let json: serde_json::Value =
        serde_json::from_str(&store.ok("2026-11-23 10:00", &["--json", "calendar", "add", "2026-09-30 15:00", "2wd"]))
            .unwrap();
    assert_eq!(
        json,
        serde_json::json!({"schema": 1, "start": "2026-09-30T15:00:00+08:00", "duration": "2wd", "deadline": "2026-10-09T18:00:00+08:00", "provisional": false})
    );
}

#[test]
fn a_year_without_holiday_data_is_provisional_and_warned() {
    let store = Store::new();
    store
        .cmd("2026-11-23 10:00")
        .args(["--json", "calendar", "add", "2027-01-29 10:00", "2wd"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"provisional\": true"))
        .stderr(predicate::str::contains("complaint: 警告: 该期限跨越了没有节假日数据的年份：只按星期计算（暂定）"));
}

#[test]
fn workday_answers_for_cron() {
    let store = Store::new();
    let code = |args: &[&str]| store.cmd("2026-11-23 08:00").args(args).output().unwrap().status.code();
    assert_eq!(code(&["calendar", "workday"]), Some(0), "Monday 2026-11-23");
    assert_eq!(code(&["calendar", "workday", "2026-11-22"]), Some(1), "a Sunday");
    assert_eq!(code(&["calendar", "workday", "2026-10-10"]), Some(0), "make-up Saturday");
    assert_eq!(code(&["calendar", "workday", "2026-10-05"]), Some(1), "National Day holiday");
    assert_eq!(code(&["calendar", "workday", "2026-10-32"]), Some(2));
}

#[test]
fn bad_calendar_input() {
    let store = Store::new();
    store.fails_unchanged("2026-11-23 10:00", &["calendar", "2026-13"], &["invalid month"]);
    store.fails_unchanged("2026-11-23 10:00", &["calendar", "add", "2026-11-23 10:00", "2weeks"], &["2weeks"]);
    store.fails_unchanged("2026-11-23 10:00", &["calendar", "add", "tomorrow", "2wd"], &["invalid START"]);
}

#[test]
fn calendar_works_outside_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("complaint").unwrap();
    cmd.current_dir(dir.path()).env_remove("COMPLAINT_STORE").args(["calendar", "add", "2026-09-30 15:00", "2wd"]);
    cmd.assert().success().stdout("2026-10-09T18:00:00+08:00\n");
}

/// Holiday data ships from 2020 on (issue 15), so three years of history are
/// not provisional. Make-up Sundays of 2020 and 2023, and deadlines across
/// their breaks, by the State Council notices.
#[test]
fn history_from_2020_is_not_provisional() {
    let store = Store::new();
    let code = |args: &[&str]| store.cmd("2026-11-23 10:00").args(args).output().unwrap().status.code();
    assert_eq!(code(&["calendar", "workday", "2020-01-19"]), Some(0), "2020 Spring Festival make-up Sunday");
    assert_eq!(code(&["calendar", "workday", "2020-02-01"]), Some(1), "make-up day cancelled by the extension");
    assert_eq!(code(&["calendar", "workday", "2020-02-03"]), Some(0), "work resumed Monday Feb 3");
    assert_eq!(code(&["calendar", "workday", "2023-01-28"]), Some(0), "2023 Spring Festival make-up Saturday");
    assert_eq!(code(&["calendar", "workday", "2023-10-08"]), Some(0), "2023 National Day make-up Sunday");
    assert_eq!(code(&["calendar", "workday", "2023-10-05"]), Some(1), "2023 National Day holiday");
    for (start, deadline) in [
        // Thu 2020-01-23 + 2wd: Jan 24 – Feb 2 off, so Mon Feb 3 and Tue Feb 4.
        ("2020-01-23 10:00", "2020-02-04T18:00:00+08:00"),
        // Thu 2023-09-28 + 2wd: Sep 29 – Oct 6 off, Sat Oct 7 and Sun Oct 8 work.
        ("2023-09-28 10:00", "2023-10-08T18:00:00+08:00"),
    ] {
        let output = store.cmd("2026-11-23 10:00").args(["--json", "calendar", "add", start, "2wd"]).output().unwrap();
        assert!(output.status.success());
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json["deadline"], deadline, "{start}");
        assert_eq!(json["provisional"], false, "{start}");
        assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    }
}
