//! The sample store at the repository root: the README's main command must
//! show the overdue tickets designed in scripts/make-sample-store.sh.

use assert_cmd::Command;

fn sample(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("complaint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COMPLAINT_STORE")
        .env("COMPLAINT_NOW", "2026-11-23 10:00")
        .args(args);
    cmd
}

#[test]
fn sample_store_passes_check() {
    sample(&["check"]).assert().success();
}

#[test]
fn readme_main_command_shows_the_designed_overdue_rows() {
    let output = sample(&["--json", "overdue", "--as-of", "2026-11-23T10:00"]).output().unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows: Vec<String> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!("{} {} {}", i["id"].as_str().unwrap(), i["target"].as_str().unwrap(), i["due"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        rows,
        [
            // Issue 14: the 11-02 10:00 veto was never reported (1h).
            "CP20261029001 veto_report 2026-11-02T11:00:00+08:00",
            "CP20261029001 resolution 2026-11-05T18:00:00+08:00",
            // Issue 14: review action items of 11-09, never done.
            "CP20261029001 action_item 2026-11-14T00:00:00+08:00",
            // Issue 14: waiting for the customer since Tue 11-10 14:00; 5wd.
            "CP20261109001 max_wait 2026-11-17T18:00:00+08:00",
            "CP20261118001 resolution 2026-11-19T18:00:00+08:00",
            "CP20261119002 first_response 2026-11-20T14:20:00+08:00",
            "CP20261029001 action_item 2026-11-20T18:00:00+08:00",
            "CP20261119001 update 2026-11-21T15:00:00+08:00",
            "CP20261120001 promise 2026-11-21T18:00:00+08:00",
            "CP20261116002 followup 2026-11-22T00:00:00+08:00",
        ]
    );
}

#[test]
fn sample_store_covers_every_status_category_severity_and_channel() {
    let output = sample(&["--json", "list"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let tickets = json["tickets"].as_array().unwrap();
    assert!(tickets.len() >= 30);
    let values = |key: &str| -> std::collections::BTreeSet<String> {
        tickets.iter().filter_map(|t| t[key].as_str().map(str::to_string)).collect()
    };
    assert_eq!(values("status").len(), 5);
    assert_eq!(values("category").len(), 5);
    assert_eq!(values("severity").len(), 3);
    assert_eq!(values("channel").len(), 9);
    assert!(tickets.iter().filter(|t| t["escalated"] == true).count() >= 3);
}
