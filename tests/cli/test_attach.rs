//! `attach` (spec §3.1, issue 15): files kept as evidence, copied byte for
//! byte under their hash, never overwritten; links, FIFOs, directories and
//! oversize files refused; `check` verifies every recorded hash.

use std::path::PathBuf;
use std::time::Duration;

use crate::support::Store;
use crate::test_git::{Team, git};

const NOW: &str = "2026-11-23 10:00";
/// sha256 of `hello`.
const HELLO: &str = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

fn store_with_ticket() -> (Store, String) {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:15", &[]);
    (store, id)
}

fn copy_path(store: &Store, id: &str, name: &str) -> PathBuf {
    store.path().join("attachments/2026/11").join(id).join(format!("{}-{name}", &HELLO[..12]))
}

#[test]
fn a_file_is_copied_byte_for_byte_and_recorded_with_its_hash() {
    let (store, id) = store_with_ticket();
    std::fs::write(store.path().join("发票.pdf"), "hello").unwrap();
    store.ok(NOW, &["attach", &id, "发票.pdf", "--kind", "proof", "-m", "客户提供的发票"]);
    assert_eq!(std::fs::read(copy_path(&store, &id, "发票.pdf")).unwrap(), b"hello");
    let yaml = store.ticket_yaml(&id);
    let event = &yaml["history"][1];
    assert_eq!(event["action"].as_str(), Some("attached"));
    assert_eq!(event["attachment"]["name"].as_str(), Some("发票.pdf"));
    assert_eq!(event["attachment"]["kind"].as_str(), Some("proof"));
    assert_eq!(event["attachment"]["sha256"].as_str(), Some(HELLO));
    assert_eq!(event["attachment"]["bytes"].as_u64(), Some(5));
    assert_eq!(event["note"].as_str(), Some("客户提供的发票"));
    let show = store.ok(NOW, &["show", &id]);
    assert!(show.contains("附件") && show.contains("发票.pdf") && show.contains("购买凭证"), "{show}");
    assert!(show.contains(&HELLO[..12]) && show.contains("5 B"), "{show}");
    store.ok(NOW, &["check"]);
}

#[test]
fn the_same_content_twice_is_kept_once() {
    let (store, id) = store_with_ticket();
    std::fs::write(store.path().join("a.jpg"), "hello").unwrap();
    std::fs::write(store.path().join("b.jpg"), "hello").unwrap();
    store.ok(NOW, &["attach", &id, "a.jpg"]);
    let before = store.files();
    let out = store.cmd("2026-11-23 10:05").args(["attach", &id, "b.jpg"]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("b.jpg 已作为 a.jpg 附加；未复制"), "{stderr}");
    assert_eq!(store.files(), before, "nothing copied, no event");
}

#[test]
fn names_are_sanitised() {
    let (store, id) = store_with_ticket();
    std::fs::write(store.path().join(".hidden"), "hello").unwrap();
    store.ok(NOW, &["attach", &id, ".hidden"]);
    assert!(copy_path(&store, &id, "hidden").is_file());
}

#[test]
fn links_directories_and_oversize_files_are_refused_and_nothing_changes() {
    let (store, id) = store_with_ticket();
    std::fs::write(store.path().join("real.jpg"), "hello").unwrap();
    std::os::unix::fs::symlink(store.path().join("real.jpg"), store.path().join("link.jpg")).unwrap();
    std::fs::create_dir(store.path().join("photos")).unwrap();
    store.fails_unchanged(NOW, &["attach", &id, "link.jpg"], &["symbolic link"]);
    store.fails_unchanged(NOW, &["attach", &id, "photos"], &["directory"]);
    // One bad file among good ones: nothing is attached.
    store.fails_unchanged(NOW, &["attach", &id, "real.jpg", "link.jpg"], &["symbolic link"]);
    let config = store.path().join("complaint.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("max_attachment_bytes = 20971520", "max_attachment_bytes = 4");
    std::fs::write(&config, text).unwrap();
    store.fails_unchanged(NOW, &["attach", &id, "real.jpg"], &["over the attachment limit of 4 bytes"]);
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let (store, id) = store_with_ticket();
    let fifo = store.path().join("pipe.jpg");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let before = store.files();
    let out = store.cmd(NOW).args(["attach", &id, "pipe.jpg"]).timeout(Duration::from_secs(20)).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    assert_eq!(store.files(), before);
}

#[test]
fn check_reports_a_changed_and_a_missing_attachment() {
    let (store, id) = store_with_ticket();
    std::fs::write(store.path().join("a.jpg"), "hello").unwrap();
    std::fs::write(store.path().join("b.pdf"), "world").unwrap();
    store.ok(NOW, &["attach", &id, "a.jpg", "b.pdf"]);
    store.ok(NOW, &["check"]);
    std::fs::write(copy_path(&store, &id, "a.jpg"), "hellO").unwrap();
    let b = std::fs::read_dir(store.path().join("attachments/2026/11").join(&id))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("-b.pdf"))
        .unwrap();
    std::fs::remove_file(&b).unwrap();
    std::fs::write(store.path().join("attachments/2026/11/stray.bin"), "x").unwrap();
    let out = store.cmd(NOW).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.contains(&format!("attachments/2026/11/{id}/{}-a.jpg", &HELLO[..12])), "{stdout}");
    assert!(stdout.contains("attachment a.jpg changed: recorded sha256"), "{stdout}");
    assert!(stdout.contains("attachment b.pdf recorded") && stdout.contains("its file is missing"), "{stdout}");
    assert!(
        stderr.contains("注意：attachments/2026/11/stray.bin：file under attachments/ that no ticket records"),
        "{stderr}"
    );
}

#[test]
fn in_git_the_file_is_committed_with_its_event() {
    let (_team, a) = Team::new();
    let id = a.new_ticket(NOW, "表带断裂");
    std::fs::write(a.dir.join("photo.jpg"), "hello").unwrap();
    a.ok(NOW, &["attach", &id, "photo.jpg", "--kind", "photo"]);
    let files = git(&a.dir, &["show", "--name-only", "--format=%s", "HEAD"]);
    let copy = format!("attachments/2026/11/{id}/{}-photo.jpg", &HELLO[..12]);
    assert_eq!(files.trim(), format!("{id}: attached photo.jpg (photo)\n\n{copy}\ntickets/2026/11/{id}.yaml"));
    let attributes = std::fs::read_to_string(a.dir.join(".gitattributes")).unwrap();
    assert!(attributes.contains("# attachments/** filter=lfs diff=lfs merge=lfs -text"), "{attributes}");
    a.ok(NOW, &["check"]);
}

#[test]
fn note_attach_points_at_the_attach_command() {
    let (store, id) = store_with_ticket();
    let stderr = store.fails_unchanged(NOW, &["note", &id, "--attach", "x.jpg"], &["note takes no files"]);
    assert!(stderr.contains(&format!("hint: keep files with `complaint attach {id} FILE…")), "{stderr}");
    assert!(!stderr.contains("similar argument") && !stderr.contains("'--at'"), "{stderr}");
}
