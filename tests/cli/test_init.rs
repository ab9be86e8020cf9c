use predicates::prelude::*;

use crate::support::Store;

#[test]
fn init_writes_commented_config_tickets_and_gitignore() {
    let store = Store::empty();
    store.cmd("2026-11-23 08:00").args(["init", "."]).assert().success().stderr(predicate::str::contains("created"));
    let config = std::fs::read_to_string(store.path().join("complaint.toml")).unwrap();
    for needle in [
        "prefix = \"CP\"",
        "zone = \"Asia/Shanghai\"",
        "label = \"产品质量\"",
        "label = \"公众号/微信\"",
        "default_scale = 5",
        "# ",
    ] {
        assert!(config.contains(needle), "{needle} missing");
    }
    assert!(store.path().join("tickets").is_dir());
    let gitignore = std::fs::read_to_string(store.path().join(".gitignore")).unwrap();
    assert!(gitignore.lines().any(|l| l == ".complaint/"));
}

#[test]
fn init_again_changes_nothing_and_says_so() {
    let store = Store::new();
    std::fs::write(store.path().join("complaint.toml"), "[id]\nprefix = \"CW\"\nwidth = 4\n").unwrap();
    let before = store.files();
    store
        .cmd("2026-11-23 08:00")
        .arg("init")
        .assert()
        .success()
        .stderr(predicate::str::contains("already a complaint store; nothing changed"));
    assert_eq!(store.files(), before);
}

#[test]
fn init_adds_only_what_is_missing() {
    let store = Store::empty();
    std::fs::write(store.path().join(".gitignore"), "target/").unwrap();
    store.cmd("2026-11-23 08:00").arg("init").assert().success();
    assert_eq!(std::fs::read_to_string(store.path().join(".gitignore")).unwrap(), "target/\n.complaint/\n");
}

#[test]
fn init_refuses_a_broken_existing_config() {
    let store = Store::empty();
    std::fs::write(store.path().join("complaint.toml"), "[id]\nprefix = 3\n").unwrap();
    store.fails_unchanged("2026-11-23 08:00", &["init"], &["complaint.toml", "prefix"]);
}

#[test]
fn print_config_is_the_template() {
    let store = Store::new();
    let printed = store.ok("2026-11-23 08:00", &["init", "--print-config"]);
    assert_eq!(printed, std::fs::read_to_string(store.path().join("complaint.toml")).unwrap());
}

#[test]
fn store_is_found_upward_and_by_flag_or_env() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let sub = store.path().join("tickets/2026");
    store.cmd("2026-11-23 10:00").current_dir(&sub).args(["show", &id]).assert().success();

    let elsewhere = tempfile::tempdir().unwrap();
    store.cmd("2026-11-23 10:00").current_dir(elsewhere.path()).args(["show", &id]).assert().code(2).stderr(
        predicate::str::contains("no complaint store found")
            .and(predicate::str::contains("hint: run `complaint init`")),
    );
    store
        .cmd("2026-11-23 10:00")
        .current_dir(elsewhere.path())
        .args(["--store", store.path().to_str().unwrap(), "show", &id])
        .assert()
        .success();
    store
        .cmd("2026-11-23 10:00")
        .current_dir(elsewhere.path())
        .env("COMPLAINT_STORE", store.path())
        .args(["show", &id])
        .assert()
        .success();
    store
        .cmd("2026-11-23 10:00")
        .current_dir(store.path())
        .args(["--store", elsewhere.path().to_str().unwrap(), "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a complaint store"));
}
