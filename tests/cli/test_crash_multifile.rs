//! Crash safety of the operations that write several files: `check --fix`
//! (folding a double renumbering, splitting an ID collision) and `import`.
//!
//! The real binary runs under `strace`, which SIGKILLs it at the N-th call
//! of one syscall (`-e inject=SYSCALL:signal=SIGKILL:when=N`); N goes over
//! every call until the command runs to its end, for each syscall that
//! writes, renames, links or removes. After each kill: no event of the
//! original tickets is lost, `check` names any unfinished work, and a rerun
//! (of `check --fix`, or of the import) converges to the whole result.
//! `test_crash.rs` kills single-file writes at random moments.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use complaint::ticket::{Action, Event, NoteKind, Ticket};

use crate::support::Store;

const NOW: &str = "2026-11-23 10:00";

/// Every syscall by which a multi-file operation changes the disk.
const SYSCALLS: [&str; 11] =
    ["write", "fsync", "rename", "renameat", "renameat2", "link", "linkat", "unlink", "unlinkat", "rmdir", "mkdir"];

/// Fails loudly when strace is missing: these tests must never pass by not
/// running (`.ci/run` installs strace).
fn require_strace() {
    let found = Command::new("strace").arg("-V").output().is_ok_and(|o| o.status.success());
    assert!(found, "strace is not installed: the kill-at-each-syscall tests need it (apt-get install strace)");
}

/// `complaint ARGS` in `store`, SIGKILLed by strace at the `n`-th call of
/// `syscall` (counted per thread). Returns its output and whether it was
/// killed (false: it made fewer calls and ran to its end).
fn run_killed_at(store: &Store, args: &[&str], syscall: &str, n: u32) -> (Output, bool) {
    let output = Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "-e"])
        // `?`: a syscall this architecture lacks (aarch64 has no `rename`) matches nothing.
        .arg(format!("trace=?{syscall}"))
        .arg("-e")
        .arg(format!("inject=?{syscall}:signal=SIGKILL:when={n}"))
        .arg(assert_cmd::cargo::cargo_bin("complaint"))
        .args(args)
        .current_dir(store.path())
        .env_remove("COMPLAINT_STORE")
        .env("COMPLAINT_NOW", NOW)
        .env("COMPLAINT_USER", "wang")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run strace");
    use std::os::unix::process::ExitStatusExt;
    let killed = output.status.signal() == Some(9) || output.status.code() == Some(128 + 9);
    (output, killed)
}

/// The ticket files under `tickets/` (temp files excluded, as the store
/// excludes them), each with its tickets.
fn tickets(store: &Store) -> BTreeMap<PathBuf, Vec<Ticket>> {
    walkdir::WalkDir::new(store.path().join("tickets"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name().to_str().is_some_and(|n| n.ends_with(".yaml")))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let tickets = complaint::store::parse_tickets(&text, e.path())
                .unwrap_or_else(|err| panic!("torn or corrupt ticket file: {err}"));
            (e.path().to_path_buf(), tickets)
        })
        .collect()
}

/// Asserts that every event of every ticket in `before` is still in a
/// ticket of the same uid; `what` says after what.
fn assert_no_event_lost(before: &BTreeMap<PathBuf, Vec<Ticket>>, store: &Store, what: &str) {
    let after = tickets(store);
    let mut by_uid: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for ticket in after.values().flatten() {
        by_uid.entry(&ticket.uid).or_default().extend(&ticket.history);
    }
    for ticket in before.values().flatten() {
        for event in &ticket.history {
            let kept = by_uid.get(ticket.uid.as_str()).is_some_and(|events| events.contains(&event));
            assert!(kept, "{what}: event {:?} of uid {} lost", event.action, ticket.uid);
        }
    }
}

/// Puts the store back to `files` (its state before the killed run).
fn restore(store: &Store, files: &BTreeMap<PathBuf, Vec<u8>>) {
    for dir in ["tickets", ".complaint"] {
        let _ = std::fs::remove_dir_all(store.path().join(dir));
    }
    for (path, bytes) in files {
        let path = store.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// Kills `args` at every call of every syscall of [`SYSCALLS`] in turn,
/// restoring the store in between, and runs `after_kill(output)` on the
/// store each kill left. Returns how many kills each syscall got.
fn kill_at_every_call(store: &Store, args: &[&str], mut after_kill: impl FnMut(&Output, &str)) -> Kills {
    require_strace();
    let start = store.files();
    let mut kills = Kills::default();
    for syscall in SYSCALLS {
        for n in 1.. {
            let (output, killed) = run_killed_at(store, args, syscall, n);
            if !killed {
                assert!(output.status.success(), "{args:?} without a kill: {}", text(&output));
                kills.0.insert(syscall, n - 1);
                restore(store, &start);
                break;
            }
            after_kill(&output, &format!("{args:?} killed at {syscall} #{n}"));
            restore(store, &start);
        }
    }
    kills
}

/// Kills made at each syscall.
#[derive(Debug, Default)]
struct Kills(BTreeMap<&'static str, u32>);

impl Kills {
    /// Kills at any of `syscalls` (their names differ between architectures).
    fn at(&self, syscalls: &[&str]) -> u32 {
        syscalls.iter().map(|s| self.0.get(s).copied().unwrap_or(0)).sum()
    }
}

const RENAMES: [&str; 3] = ["rename", "renameat", "renameat2"];
const UNLINKS: [&str; 2] = ["unlink", "unlinkat"];
const LINKS: [&str; 2] = ["link", "linkat"];

fn read(store: &Store, id: &str) -> Ticket {
    let path = store.ticket_path(id);
    complaint::store::parse_ticket(&std::fs::read_to_string(&path).unwrap(), &path).unwrap()
}

fn write(store: &Store, id: &str, tickets: &[Ticket]) {
    std::fs::write(store.ticket_path(id), complaint::store::documents_to_yaml(tickets).unwrap()).unwrap();
}

fn at(time: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-23T{time}:00+08:00")).unwrap()
}

fn note(ticket: &mut Ticket, time: &str, text: &str) {
    let mut event = Event::new(at(time), "wang", Action::Note);
    event.kind = Some(NoteKind::Progress);
    event.note = Some(text.into());
    ticket.record(event);
}

/// `check --fix` then `check` must both succeed; returns the tickets.
fn assert_converges(store: &Store, what: &str) {
    let fix = store.cmd(NOW).args(["check", "--fix"]).output().unwrap();
    assert!(fix.status.success(), "{what}: rerun of check --fix: {}", text(&fix));
    let check = store.cmd(NOW).arg("check").output().unwrap();
    assert!(check.status.success(), "{what}: check after the rerun: {}", text(&check));
}

/// Each uid is in exactly one file, once.
fn assert_each_uid_once(store: &Store, uids: usize, what: &str) {
    let all: Vec<String> = tickets(store).values().flatten().map(|t| t.uid.clone()).collect();
    let distinct: BTreeSet<&String> = all.iter().collect();
    assert_eq!((all.len(), distinct.len()), (uids, uids), "{what}: {all:?}");
}

/// A ticket renumbered on two clones (CP…002 and CP…003, both from
/// CP…001), each copy with an event the other lacks.
fn double_move_store() -> Store {
    let store = Store::new();
    store.new_ticket("2026-11-23 09:00", &[]);
    let moved = store.new_ticket("2026-11-23 09:05", &["--summary", "两边都改了编号"]);
    let mut copy = read(&store, &moved);
    copy.renamed_from = vec!["CP20261123001".into()];
    let mut event = Event::new(at("09:30"), "li", Action::Renamed);
    event.renamed_from = Some("CP20261123001".into());
    copy.record(event);
    let (mut a, mut b) = (copy.clone(), copy);
    note(&mut a, "09:40", "A 侧记录");
    b.id = "CP20261123003".into();
    note(&mut b, "09:45", "B 侧记录");
    write(&store, "CP20261123002", &[a]);
    write(&store, "CP20261123003", &[b]);
    store
}

#[test]
fn a_kill_at_any_syscall_of_folding_a_double_renumbering_loses_no_event() {
    let store = double_move_store();
    let before = tickets(&store);
    assert_eq!(store.cmd(NOW).arg("check").output().unwrap().status.code(), Some(1), "uid used twice");
    let kills = kill_at_every_call(&store, &["check", "--fix"], |_, what| {
        assert_no_event_lost(&before, &store, what);
        assert_converges(&store, what);
        assert_no_event_lost(&before, &store, &format!("{what}, then a rerun"));
        assert_each_uid_once(&store, 2, what);
    });
    assert!(kills.at(&UNLINKS) >= 1 && kills.at(&RENAMES) >= 1 && kills.at(&["write"]) >= 1, "{kills:?}");
    store.ok(NOW, &["check", "--fix"]);
    let folded = read(&store, "CP20261123002");
    let notes: Vec<&str> = folded.history.iter().filter_map(|e| e.note.as_deref()).collect();
    assert!(notes.contains(&"A 侧记录") && notes.contains(&"B 侧记录"), "{notes:?}");
    assert!(!store.ticket_path("CP20261123003").exists());
}

/// Three tickets in one file under one ID, as a merge of three clones
/// leaves them: the first keeps CP…001, the others are renumbered.
fn collision_store() -> Store {
    let store = Store::new();
    let ids: Vec<String> =
        ["09:00", "09:05", "09:10"].iter().map(|t| store.new_ticket(&format!("2026-11-23 {t}"), &[])).collect();
    let mut all: Vec<Ticket> = ids.iter().map(|id| read(&store, id)).collect();
    for (ticket, id) in all.iter_mut().zip(&ids).skip(1) {
        ticket.id = ids[0].clone();
        std::fs::remove_file(store.ticket_path(id)).unwrap();
    }
    write(&store, &ids[0], &all);
    store
}

#[test]
fn a_kill_at_any_syscall_of_repairing_an_id_collision_loses_no_event() {
    let store = collision_store();
    let before = tickets(&store);
    let kills = kill_at_every_call(&store, &["check", "--fix"], |_, what| {
        assert_no_event_lost(&before, &store, what);
        assert_converges(&store, what);
        assert_no_event_lost(&before, &store, &format!("{what}, then a rerun"));
        assert_each_uid_once(&store, 3, what);
    });
    assert!(kills.at(&RENAMES) >= 3 && kills.at(&["write"]) >= 3, "{kills:?}");
}

const CSV: &str = "客户,电话,渠道,投诉内容,投诉时间\n\
                   王五,13700001111,电话,导入一,2026-11-22 15:00\n\
                   赵六,13700002222,邮件,导入二,2026-11-22 09:30\n\
                   钱七,13700003333,电话,导入三,2026-11-20 11:00\n\
                   孙八,13700004444,电话,导入四,2026-11-23 08:00\n\
                   周九,13700005555,电话,导入五,2026-11-23 08:30\n";

/// The imported tickets (by summary) and their IDs.
fn imported(store: &Store) -> BTreeMap<String, Vec<String>> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ticket in tickets(store).into_values().flatten().filter(|t| t.summary.starts_with("导入")) {
        found.entry(ticket.summary.clone()).or_default().push(ticket.id.clone());
    }
    found
}

fn ids_of(found: &BTreeMap<String, Vec<String>>) -> BTreeSet<String> {
    found.values().flatten().cloned().collect()
}

#[test]
fn a_kill_at_any_syscall_of_import_leaves_none_or_what_a_rerun_finishes() {
    let store = Store::new();
    store.new_ticket("2026-11-22 08:00", &["--summary", "已有的投诉"]);
    std::fs::write(store.path().join("calls.csv"), CSV).unwrap();
    let before = tickets(&store);
    let mut rerun_by_fix = false;
    let kills = kill_at_every_call(&store, &["import", "calls.csv"], |killed, what| {
        assert_no_event_lost(&before, &store, what);
        let partial = imported(&store);
        let printed: BTreeSet<String> = String::from_utf8_lossy(&killed.stdout).lines().map(str::to_string).collect();
        if !printed.is_empty() {
            // It printed the IDs: the import is in the store, whole; at most
            // its staging is left, which check names and check --fix deletes.
            assert_eq!(printed, ids_of(&partial), "{what}: printed IDs are the imported tickets");
            assert!(partial.values().all(|ids| ids.len() == 1) && partial.len() == 5, "{what}: {partial:?}");
            assert_converges(&store, what);
            return;
        }
        if !partial.is_empty() {
            let check = store.cmd(NOW).arg("check").output().unwrap();
            assert_eq!(check.status.code(), Some(1), "{what}: check must name a half import: {}", text(&check));
            assert!(text(&check).contains("import"), "{what}: {}", text(&check));
        }
        // Every other time, check --fix first: it finishes a committed
        // import (and says so) or deletes a staging that never committed.
        rerun_by_fix = !rerun_by_fix;
        if rerun_by_fix {
            assert_converges(&store, what);
            let done = imported(&store);
            if done.len() == 5 {
                assert!(done.values().all(|ids| ids.len() == 1), "{what}: {done:?}");
                return;
            }
            assert!(done.is_empty(), "{what}: check --fix left a half import: {done:?}");
        }
        // A rerun of the import finishes it or imports it whole, never twice.
        let rerun = store.cmd(NOW).args(["import", "calls.csv"]).output().unwrap();
        assert!(rerun.status.success(), "{what}: rerun: {}", text(&rerun));
        let done = imported(&store);
        assert!(done.len() == 5 && done.values().all(|ids| ids.len() == 1), "{what}: after a rerun: {done:?}");
        let printed: BTreeSet<String> = String::from_utf8_lossy(&rerun.stdout).lines().map(str::to_string).collect();
        assert_eq!(printed, ids_of(&done), "{what}: the rerun prints the imported IDs");
        let check = store.cmd(NOW).arg("check").output().unwrap();
        assert!(check.status.success(), "{what}: check after the rerun: {}", text(&check));
    });
    // One link per ticket, renames of the staging (commit, done).
    assert!(kills.at(&LINKS) >= 5 && kills.at(&RENAMES) >= 2 && kills.at(&UNLINKS) >= 5, "{kills:?}");
}

/// Killed after it committed and before it placed a ticket; a `new`
/// meanwhile takes the first planned ID of that date. `check` names the
/// half import; the rerun places that ticket under the next free ID,
/// leaves the new ticket alone and imports nothing twice.
/// (On 0.1.0 the kill left a partial import that `check` called clean.)
#[test]
fn an_import_finished_after_a_new_took_its_id_gets_the_next_free_one() {
    require_strace();
    let store = Store::new();
    std::fs::write(store.path().join("calls.csv"), CSV).unwrap();
    let (killed, was_killed) = run_killed_at(&store, &["import", "calls.csv"], "linkat", 1);
    assert!(was_killed && killed.stdout.is_empty(), "{}", text(&killed));
    assert!(imported(&store).is_empty());
    let check = store.cmd(NOW).arg("check").output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let report = text(&check);
    assert!(report.contains("import of calls.csv interrupted half-way: 0 of 5 ticket(s) are in tickets/"), "{report}");
    assert!(report.contains("complaint check --fix") && report.contains(".complaint/import/"), "{report}");

    let taken = store.new_ticket("2026-11-23 09:00", &["--summary", "导入时新建"]);
    assert_eq!(taken, "CP20261123001", "the first planned ID of 11-23");
    let rerun = store.ok(NOW, &["import", "calls.csv"]);
    let done = imported(&store);
    assert_eq!(done.len(), 6, "five imported and the new one: {done:?}");
    assert!(done.values().all(|ids| ids.len() == 1), "{done:?}");
    assert_eq!(done["导入时新建"], std::slice::from_ref(&taken));
    // 导入四 was planned as CP…001 and 导入五 as CP…002: both move on, in order.
    assert_eq!((&done["导入四"][0][..], &done["导入五"][0][..]), ("CP20261123002", "CP20261123003"));
    let printed: BTreeSet<String> = rerun.lines().map(str::to_string).collect();
    let mut expected = ids_of(&done);
    expected.remove(&taken);
    assert_eq!(printed, expected);
    store.cmd(NOW).arg("check").assert().success();
}
