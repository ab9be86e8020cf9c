//! Real concurrent processes on one store.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};

use crate::support::Store;

fn spawn(store: &Store, args: &[&str]) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("complaint"))
        .current_dir(store.path())
        .env("COMPLAINT_NOW", "2026-11-23 10:00")
        .env("COMPLAINT_USER", "wang")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn complaint")
}

/// `complaint new` with a summary numbered `i`, running.
fn spawn_new(store: &Store, i: usize) -> std::process::Child {
    let summary = format!("并发登记 {i}");
    spawn(
        store,
        &["new", "--customer", "张三", "--contact", "13812345678", "--channel", "phone", "--summary", &summary],
    )
}

#[test]
fn eight_concurrent_new_get_eight_distinct_ids() {
    let store = Store::new();
    let children: Vec<_> = (0..8).map(|i| spawn_new(&store, i)).collect();
    let ids: Vec<String> = children
        .into_iter()
        .map(|child| {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            String::from_utf8(output.stdout).unwrap().trim().to_string()
        })
        .collect();
    let distinct: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), 8, "{ids:?}");
    let expected: BTreeSet<String> = (1..=8).map(|n| format!("CP20261123{n:03}")).collect();
    assert_eq!(distinct.into_iter().cloned().collect::<BTreeSet<_>>(), expected);
    let files = std::fs::read_dir(store.path().join("tickets/2026/11"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".yaml"))
        .count();
    assert_eq!(files, 8);
    let summaries: BTreeSet<String> =
        ids.iter().map(|id| store.ticket_yaml(id)["summary"].as_str().unwrap().to_string()).collect();
    assert_eq!(summaries.len(), 8, "every process wrote its own ticket");
    store.cmd("2026-11-23 10:00").arg("check").assert().success();
}

#[test]
fn concurrent_notes_on_one_ticket_lose_no_event() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let children: Vec<_> = (0..8).map(|i| spawn(&store, &["note", &id, "-m", &format!("进展 {i}")])).collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let ticket = store.ticket_yaml(&id);
    let notes: BTreeSet<String> = ticket["history"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|e| e["note"].as_str().map(str::to_string))
        .collect();
    assert_eq!(notes.len(), 8, "{notes:?}");
    store.cmd("2026-11-23 10:00").arg("check").assert().success();
}

/// 8 processes at once, each running a mix of `new`, `transition` and
/// `note` (half of them on one shared ticket) for a bounded number of
/// rounds: every successful change is in the history exactly once, IDs are
/// distinct, every file parses, `check` is clean.
#[test]
fn eight_processes_mixing_new_transition_and_note_lose_nothing() {
    const WORKERS: usize = 8;
    const ROUNDS: usize = 9;
    let store = Store::new();
    let shared = store.new_ticket("2026-11-23 09:00", &[]);
    let results: Vec<(Vec<String>, usize, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|w| {
                let store = &store;
                let shared = shared.clone();
                scope.spawn(move || {
                    let (mut created, mut changes, mut notes) = (Vec::new(), 0, Vec::new());
                    for r in 0..ROUNDS {
                        let text = format!("worker {w} round {r}");
                        let args: Vec<String> = match (w + r) % 3 {
                            0 => [
                                "new",
                                "--customer",
                                "张三",
                                "--contact",
                                "13812345678",
                                "--channel",
                                "phone",
                                "--summary",
                            ]
                            .iter()
                            .map(|s| s.to_string())
                            .chain([text.clone()])
                            .collect(),
                            1 => {
                                let to = if r % 2 == 0 { "processing" } else { "waiting_customer" };
                                vec!["transition".into(), shared.clone(), to.into()]
                            }
                            _ => vec!["note".into(), shared.clone(), "-m".into(), text.clone()],
                        };
                        let args: Vec<&str> = args.iter().map(String::as_str).collect();
                        let output = spawn(store, &args).wait_with_output().unwrap();
                        let stderr = String::from_utf8_lossy(&output.stderr);
                        match args[0] {
                            "new" => {
                                assert!(output.status.success(), "{stderr}");
                                created.push(String::from_utf8(output.stdout).unwrap().trim().to_string());
                            }
                            "note" => {
                                assert!(output.status.success(), "{stderr}");
                                changes += 1;
                                notes.push(text);
                            }
                            // Two workers may ask for the same status: one of them
                            // is refused (exit 2), which is not a lost event.
                            _ if output.status.success() => changes += 1,
                            _ => assert!(stderr.contains("不能从"), "{stderr}"),
                        }
                    }
                    (created, changes, notes)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let created: Vec<&String> = results.iter().flat_map(|(c, _, _)| c).collect();
    let distinct: BTreeSet<&&String> = created.iter().collect();
    assert_eq!(distinct.len(), created.len(), "duplicate IDs: {created:?}");
    assert_eq!(created.len(), WORKERS * ROUNDS / 3);
    let changes: usize = results.iter().map(|(_, n, _)| n).sum();
    let ticket = store.ticket_yaml(&shared);
    let history = ticket["history"].as_sequence().unwrap();
    assert_eq!(history.len(), 1 + changes, "an event was lost or doubled");
    let noted: BTreeSet<&str> = history.iter().filter_map(|e| e["note"].as_str()).collect();
    for (_, _, notes) in &results {
        assert!(notes.iter().all(|n| noted.contains(n.as_str())), "a note is missing");
    }
    for id in &created {
        assert_eq!(store.ticket_yaml(id)["history"].as_sequence().unwrap().len(), 1);
    }
    store.cmd("2026-11-23 10:00").arg("check").assert().success();
}

/// flock is released by the kernel when its holder dies: a lock held by a
/// process that is then killed never blocks the next command.
#[test]
fn a_lock_left_by_a_killed_process_is_recovered_at_once() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let lock_path = store.path().join(".complaint/lock");
    // flock(1) -o: the flock process itself holds the lock while `sleep` runs.
    let mut holder = Command::new("flock")
        .arg("-o")
        .arg(&lock_path)
        .args(["sleep", "60"])
        .spawn()
        .expect("flock(1) from util-linux (.ci/run installs it)");
    let probe = std::fs::OpenOptions::new().write(true).open(&lock_path).unwrap();
    let held = (0..200).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(10));
        matches!(probe.try_lock(), Err(std::fs::TryLockError::WouldBlock))
    });
    assert!(held, "the holder never took the lock");
    // While it is held, a change waits.
    let mut waiting = spawn(&store, &["note", &id, "-m", "等锁"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(waiting.try_wait().unwrap().is_none(), "note did not wait for the lock");
    holder.kill().unwrap(); // SIGKILL: no chance to unlock
    holder.wait().unwrap();
    let started = std::time::Instant::now();
    let output = waiting.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    let started = std::time::Instant::now();
    store.ok("2026-11-23 10:00", &["note", &id, "-m", "之后"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    let notes = store.ticket_yaml(&id)["history"].as_sequence().unwrap().len();
    assert_eq!(notes, 3);
}

/// `import` holds the store lock from choosing its IDs to placing its
/// files: `new` running at the same time gets IDs of its own.
#[test]
fn import_racing_new_gives_every_ticket_its_own_id() {
    let store = Store::new();
    let mut csv = String::from("customer,contact,channel,summary,received_at\n");
    for i in 0..40 {
        csv.push_str(&format!("王五,137000011{i:02},phone,导入 {i},2026-11-23 09:{i:02}\n"));
    }
    std::fs::write(store.path().join("calls.csv"), csv).unwrap();
    let import = spawn(&store, &["import", "calls.csv"]);
    let news: Vec<_> = (0..6).map(|i| spawn_new(&store, i)).collect();
    let mut ids: Vec<String> = Vec::new();
    for child in std::iter::once(import).chain(news) {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        ids.extend(String::from_utf8(output.stdout).unwrap().lines().map(str::to_string));
    }
    let distinct: BTreeSet<&String> = ids.iter().collect();
    assert_eq!((ids.len(), distinct.len()), (46, 46), "{ids:?}");
    let files = std::fs::read_dir(store.path().join("tickets/2026/11")).unwrap().flatten().count();
    assert_eq!(files, 46);
    let staging = store.path().join(".complaint/import").read_dir().map_or(0, Iterator::count);
    assert_eq!(staging, 0, "the staging is deleted");
    store.cmd("2026-11-23 10:00").arg("check").assert().success();
}
