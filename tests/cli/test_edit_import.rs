//! `edit` with a fake editor (a sed script), `import` of call-centre CSV.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::support::Store;

const NOW: &str = "2026-11-23 10:00";

/// An executable script that runs `sed -i EXPR` on the file it is given.
fn fake_editor(store: &Store, name: &str, sed: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = store.path().join(format!("{name}.sh"));
    std::fs::write(&path, format!("#!/bin/sh\nsed -i '{sed}' \"$1\"\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn edit(store: &Store, editor: &Path, id: &str) -> std::process::Output {
    store.cmd(NOW).env_remove("VISUAL").env("EDITOR", editor).args(["edit", id]).write_stdin("").output().unwrap()
}

fn backups(store: &Store) -> Vec<PathBuf> {
    match std::fs::read_dir(store.path().join(".complaint/edit-backup")) {
        Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn edit_changes_static_fields_and_records_an_edited_event() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &["--product", "智能手表 X2"]);
    let editor = fake_editor(
        &store,
        "ed",
        "s/^summary: .*/summary: 表带断裂，客户要求退货/; s/^product: .*/product: 智能手表 X3/",
    );
    let output = edit(&store, &editor, &id);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let ticket = store.ticket_yaml(&id);
    assert_eq!(ticket["summary"].as_str(), Some("表带断裂，客户要求退货"));
    assert_eq!(ticket["product"].as_str(), Some("智能手表 X3"));
    let last = ticket["history"].as_sequence().unwrap().last().unwrap().clone();
    assert_eq!(last["action"].as_str(), Some("edited"));
    let changed: Vec<&str> = last["changed"].as_sequence().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(changed, ["product", "summary"]);
    assert!(!store.read_ticket(&id).contains("# complaint edit"), "the help header is not stored");
    store.cmd(NOW).arg("check").assert().success();
    // Saving without a change records nothing.
    let before = store.read_ticket(&id);
    let noop = fake_editor(&store, "noop", "s/^zzz//");
    assert!(edit(&store, &noop, &id).status.success());
    assert_eq!(store.read_ticket(&id), before);
}

#[test]
fn invalid_yaml_off_a_terminal_exits_2_keeps_a_backup_and_the_file() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let before = store.read_ticket(&id);
    let editor = fake_editor(&store, "broken", "s/^summary: .*/summary: [unclosed/");
    let output = edit(&store, &editor, &id);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("edit refused") && stderr.contains("edit-backup"), "{stderr}");
    assert_eq!(store.read_ticket(&id), before, "ticket file unchanged");
    let backups = backups(&store);
    assert_eq!(backups.len(), 1);
    let name = backups[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&format!("{id}-20261123T100000")), "{name}");
    assert!(std::fs::read_to_string(&backups[0]).unwrap().contains("summary: [unclosed"), "user's text kept");
}

#[test]
fn history_and_derived_fields_cannot_be_rewritten() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    store.ok("2026-11-23 09:10", &["transition", &id, "processing", "--note", "已联系"]);
    let before = store.read_ticket(&id);
    for (name, sed, needle) in [
        ("history", "s/note: 已联系/note: 从未联系/", "history event 2 was changed"),
        ("drop", "/action: transition/,$d", "history"),
        ("status", "s/^status: processing/status: closed/", "status follow(s) from history"),
        ("id", "s/^id: .*/id: CP20261123009/", "id cannot be edited"),
        ("day", "s/^received_at: 2026-11-23/received_at: 2026-11-20/", "must stay on 2026-11-23"),
        ("channel", "s/^channel: .*/channel: 飞鸽传书/", "unknown channel"),
    ] {
        let editor = fake_editor(&store, name, sed);
        let output = edit(&store, &editor, &id);
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(needle), "{name}: {needle:?} not in {stderr}");
        assert_eq!(store.read_ticket(&id), before, "{name}: ticket file unchanged");
    }
    assert_eq!(backups(&store).len(), 6, "one backup per refused edit, none overwritten");
    // A channel label is accepted and stored as its id.
    let editor = fake_editor(&store, "label", "s/^channel: .*/channel: 微信/");
    assert!(edit(&store, &editor, &id).status.success());
    assert_eq!(store.ticket_yaml(&id)["channel"].as_str(), Some("wechat"));
}

#[test]
fn import_creates_tickets_in_received_order() {
    let store = Store::new();
    let csv = store.path().join("calls.csv");
    std::fs::write(
        &csv,
        "客户,电话,渠道,投诉内容,期望诉求,严重程度,投诉时间\n\
         王五,13700001111,电话,物流太慢,尽快送达,一般,2026-11-22 15:00\n\
         赵六,zhao@example.com,邮件,客服态度差,道歉,紧急,2026-11-22 09:30\n\
         钱七,13700003333,在线客服,屏幕坏点,换货,,2026-11-20 11:00\n",
    )
    .unwrap();
    let out = store.ok(NOW, &["import", "calls.csv"]);
    assert_eq!(out, "CP20261120001\nCP20261122001\nCP20261122002\n");
    let zhao = store.ticket_yaml("CP20261122001");
    assert_eq!(zhao["customer"]["name"].as_str(), Some("赵六"));
    assert_eq!(zhao["channel"].as_str(), Some("email"));
    assert_eq!(zhao["severity"].as_str(), Some("serious"));
    assert_eq!(zhao["expectation"].as_str(), Some("道歉"));
    assert_eq!(zhao["received_at"].as_str(), Some("2026-11-22T09:30:00+08:00"));
    assert_eq!(store.ticket_yaml("CP20261120001")["severity"].as_str(), Some("general"));
    store.cmd(NOW).arg("check").assert().success();
}

#[test]
fn import_with_bad_rows_reports_each_with_its_line_and_writes_nothing() {
    let store = Store::new();
    std::fs::write(
        store.path().join("bad.csv"),
        "客户,电话,渠道,投诉内容,投诉时间\n\
         王五,13700001111,电话,物流太慢,2026-11-22 15:00\n\
         \"赵\n六\",13700002222,飞鸽,客服态度差,2026-11-22 09:30\n\
         钱七,13700003333,phone,屏幕坏点,2026-13-40\n\
         孙八,13700004444,phone,发票,2026-11-21\n",
    )
    .unwrap();
    let before = store.files();
    let output = store.cmd(NOW).args(["import", "bad.csv"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(store.files(), before, "nothing written");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("complaint: 错误: 2 of 4 row(s) are invalid; nothing was imported"), "{stderr}");
    assert!(stderr.contains("bad.csv:3: ") && stderr.contains("bad.csv:5: "), "{stderr}");
    assert!(stderr.contains("2026-13-40"), "{stderr}");
    assert!(!stderr.contains("bad.csv:2:") && !stderr.contains("bad.csv:6:"), "{stderr}");
}

#[test]
fn import_reads_excel_bom_crlf_and_mapped_columns() {
    let store = Store::new();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        "来电人,号码,来源,内容,来电时间\r\n王五,13700001111,电话,\"物流太慢\r\n第二次来电\",2026/11/22 9:05\r\n"
            .as_bytes(),
    );
    std::fs::write(store.path().join("excel.csv"), bytes).unwrap();
    // 来电人 / 号码 / 内容 are not recognised: say which columns are missing.
    store.fails_unchanged(NOW, &["import", "excel.csv"], &["no column for customer, contact, summary", "--map"]);
    let out = store.ok(NOW, &["import", "excel.csv", "--map", "来电人=customer,号码=contact", "--map", "内容=summary"]);
    assert_eq!(out.trim(), "CP20261122001");
    let t = store.ticket_yaml("CP20261122001");
    assert_eq!(t["customer"]["name"].as_str(), Some("王五"), "no BOM in the first header");
    assert_eq!(t["summary"].as_str(), Some("物流太慢"));
    assert_eq!(t["description"].as_str(), Some("物流太慢\n第二次来电"));
    assert_eq!(t["received_at"].as_str(), Some("2026-11-22T09:05:00+08:00"));
    store
        .cmd(NOW)
        .args(["import", "excel.csv", "--map", "来电人=client"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("未知的 field \"client\""));
    std::fs::write(store.path().join("gbk.csv"), b"\xbf\xcd\xbb\xa7,\xb5\xe7\xbb\xb0\n").unwrap();
    store.fails_unchanged(NOW, &["import", "gbk.csv"], &["not valid UTF-8", "CSV UTF-8"]);
}

/// On a terminal (script(1) gives a pseudo-terminal) an invalid edit asks
/// `re-edit? [Y/n]` and re-opens the editor on the user's own text.
#[test]
fn on_a_terminal_an_invalid_edit_reopens_the_editor_on_the_same_text() {
    use std::os::unix::fs::PermissionsExt;
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    // First run: a forbidden change plus a good one; second run: undo the
    // forbidden one only (the good one must still be in the text).
    let editor = store.path().join("twice.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nif [ -e \"$0.ran\" ]; then sed -i 's/^status: closed/status: new/' \"$1\"; \
         else touch \"$0.ran\"; sed -i 's/^status: new/status: closed/; s/^summary: .*/summary: 改过的摘要/' \"$1\"; fi\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("complaint");
    let output = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &format!("{} edit {id}", bin.display()), "/dev/null"])
        .current_dir(store.path())
        .env("COMPLAINT_NOW", NOW)
        .env("COMPLAINT_USER", "wang")
        .env("EDITOR", &editor)
        .env_remove("VISUAL")
        .env_remove("COMPLAINT_STORE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(b"y\n")?;
            child.wait_with_output()
        })
        .expect("script(1) from util-linux runs");
    let screen = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{screen}");
    assert!(screen.contains("status 由历史推出") && screen.contains("re-edit? [Y/n]"), "{screen}");
    assert_eq!(store.ticket_yaml(&id)["summary"].as_str(), Some("改过的摘要"));
    assert_eq!(store.ticket_yaml(&id)["status"].as_str(), Some("new"));
    assert!(backups(&store).is_empty());
}

/// The staging directory holds customer data: a `.complaint/import` that
/// is a symbolic link out of the store is refused, nothing written.
#[test]
fn import_refuses_a_staging_directory_that_links_out_of_the_store() {
    let store = Store::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(store.path().join(".complaint")).unwrap();
    std::os::unix::fs::symlink(outside.path(), store.path().join(".complaint/import")).unwrap();
    std::fs::write(store.path().join("calls.csv"), "客户,电话,渠道,投诉内容\n王五,13700001111,电话,物流太慢\n")
        .unwrap();
    store.fails_unchanged(NOW, &["import", "calls.csv"], &[".complaint/import", "symbolic link"]);
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0, "nothing written outside the store");
}
