//! `--version`, `completions` (with ticket IDs from the store), `man`.

use predicates::prelude::*;

use crate::support::Store;

const NOW: &str = "2026-11-23 10:00";

#[test]
fn version_names_the_package_version() {
    let store = Store::empty();
    let out = store.cmd(NOW).arg("--version").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("complaint {}", env!("CARGO_PKG_VERSION"))), "{text}");
    // Built from a git checkout: the short commit follows in parentheses.
    if std::process::Command::new("git").args(["rev-parse", "HEAD"]).output().is_ok_and(|o| o.status.success()) {
        assert!(text.trim_end().ends_with(')') && text.contains(" ("), "{text}");
    }
}

#[test]
fn completion_scripts_for_every_shell() {
    let store = Store::empty();
    for (shell, needle) in [
        ("bash", "COMPLAINT_COMPLETE"),
        ("zsh", "#compdef complaint"),
        ("fish", "COMPLAINT_COMPLETE"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "COMPLAINT_COMPLETE"),
    ] {
        store.cmd(NOW).args(["completions", shell]).assert().success().stdout(predicate::str::contains(needle));
        store
            .cmd(NOW)
            .args(["completions", shell, "--static"])
            .assert()
            .success()
            .stdout(predicate::str::contains("transition"));
    }
    store.cmd(NOW).args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn ticket_ids_complete_from_the_store() {
    let store = Store::new();
    let a = store.new_ticket("2026-11-23 09:00", &[]);
    let b = store.new_ticket("2026-10-08 09:00", &[]);
    // The protocol the fish script uses: one candidate per line.
    let complete = |words: &[&str]| -> Vec<String> {
        let out = store.cmd(NOW).env("COMPLAINT_COMPLETE", "fish").arg("--").args(words).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().lines().map(|l| l.split('\t').next().unwrap().to_string()).collect()
    };
    assert_eq!(complete(&["complaint", "show", "CP"]), [a.clone(), b.clone()]);
    assert_eq!(complete(&["complaint", "note", "cp202610"]), [b]);
    assert_eq!(complete(&["complaint", "transition", "CP20261123"]), [a.as_str()]);
    assert!(complete(&["complaint", "edit", "CP2025"]).is_empty());
    assert!(complete(&["complaint", "tra"]).contains(&"transition".to_string()));

    // And through a real bash, as a user's shell would call it.
    let bin = assert_cmd::cargo::cargo_bin("complaint");
    let script = "source <(complaint completions bash); COMP_WORDS=(complaint show CP202611); COMP_CWORD=2; \
         COMP_LINE='complaint show CP202611'; COMP_POINT=${#COMP_LINE}; COMP_TYPE=9; \
         _clap_complete_complaint complaint CP202611 show; printf '%s\\n' \"${COMPREPLY[@]}\"";
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    if let Ok(out) = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(store.path())
        .env("PATH", path)
        .env_remove("COMPLAINT_STORE")
        .output()
    {
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), a, "{}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn man_page_on_stdout_or_one_per_command() {
    let store = Store::empty();
    store
        .cmd(NOW)
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie").and(predicate::str::contains(".TH complaint 1")));
    store.cmd(NOW).args(["man", "--dir", "man1"]).assert().success();
    for page in ["complaint.1", "complaint-new.1", "complaint-edit.1", "complaint-import.1", "complaint-calendar-add.1"]
    {
        let text =
            std::fs::read_to_string(store.path().join("man1").join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH"), "{page}");
    }
}
