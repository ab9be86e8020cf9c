//! Crash safety: `complaint` killed with SIGKILL at random points while it
//! writes. Afterwards every ticket file is whole: byte-for-byte its old
//! version, or its new version (the old one plus exactly one event); a new
//! ticket exists whole or not at all; leftover temp files are never taken
//! for tickets; `check` is clean.
//!
//! The delays are random (printed seed; set CRASH_SEED to replay) and
//! spread over the measured length of an uninterrupted run, so kills land
//! before, during and after the write.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use complaint::ticket::Ticket;

use crate::support::Store;

const NOW: &str = "2026-11-23 10:00";
const ITERATIONS: usize = 200;
const TIME_BUDGET: Duration = Duration::from_secs(45);

/// xorshift64*: enough randomness for delays, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn month_dir(store: &Store) -> PathBuf {
    store.path().join("tickets/2026/11")
}

/// Every `*.yaml` file of the month directory and its bytes (temp files
/// are `.tmp-*.yaml.part` and excluded, as the store excludes them).
fn ticket_files(store: &Store) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(month_dir(store))
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            (name.ends_with(".yaml") && !name.starts_with('.')).then(|| (name, std::fs::read(e.path()).unwrap()))
        })
        .collect()
}

fn parse(path: &Path, bytes: &[u8]) -> Ticket {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{}: not UTF-8: {e}", path.display()));
    complaint::store::parse_ticket(text, path).unwrap_or_else(|e| panic!("torn or corrupt ticket file: {e}"))
}

/// Gives a ticket a long history (300 notes of ~600 bytes, ~0.2 MB) so that
/// each rewrite takes long enough to be killed in the middle.
fn enlarge(store: &Store, id: &str) {
    let path = store.ticket_path(id);
    let mut ticket = parse(&path, &std::fs::read(&path).unwrap());
    let at = ticket.history[0].at;
    let text = "客户来电催促处理进度，已安抚并告知预计时间。".repeat(10);
    for i in 0..300 {
        let mut event = complaint::ticket::Event::new(at, "wang", complaint::ticket::Action::Note);
        event.kind = Some(complaint::ticket::NoteKind::Internal);
        event.note = Some(format!("{i}: {text}"));
        ticket.record(event);
    }
    std::fs::write(&path, complaint::store::to_yaml(&ticket).unwrap()).unwrap();
}

fn spawn(store: &Store, args: &[&str]) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("complaint"))
        .current_dir(store.path())
        .env_remove("COMPLAINT_STORE")
        .env("COMPLAINT_NOW", NOW)
        .env("COMPLAINT_USER", "wang")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn complaint")
}

#[derive(Default, Debug)]
struct Tally {
    kept_old: usize,
    wrote_new: usize,
    created: usize,
    not_created: usize,
}

#[test]
fn sigkill_at_random_points_leaves_old_or_new_files_only() {
    let store = Store::new();
    let noted = store.new_ticket("2026-11-23 09:00", &[]);
    let moved = store.new_ticket("2026-11-23 09:05", &[]);
    store.new_ticket("2026-11-23 09:10", &[]);
    enlarge(&store, &noted);
    enlarge(&store, &moved);
    store.cmd(NOW).arg("check").assert().success();

    // How long uninterrupted runs take here (the fastest of three); kills
    // are spread over 33–123 % of it (before it, the process is only starting).
    let time = |args: &[&str]| {
        (0..3)
            .map(|_| {
                let started = Instant::now();
                assert!(spawn(&store, args).wait().unwrap().success());
                started.elapsed().as_micros() as u64
            })
            .min()
            .unwrap()
    };
    let full_run = time(&["note", &noted, "-m", "计时"]);
    let new_run = time(&["new", "--customer", "李四", "--contact", "139", "--channel", "phone", "--summary", "计时"]);

    let seed = std::env::var("CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    eprintln!("crash test: seed {seed} (CRASH_SEED to replay), runs take {full_run} µs (note), {new_run} µs (new)");
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    let mut waiting = false;
    let deadline = Instant::now() + TIME_BUDGET;
    let mut iterations = 0;
    while iterations < ITERATIONS && Instant::now() < deadline {
        iterations += 1;
        let before = ticket_files(&store);
        let summary = format!("崩溃测试 {iterations}");
        let target = if waiting { "processing" } else { "waiting_customer" };
        let (args, changed): (Vec<&str>, Option<&str>) = match iterations % 3 {
            0 => (vec!["note", &noted, "-m", "进展"], Some(&noted)),
            1 => (vec!["transition", &moved, target], Some(&moved)),
            _ => (
                vec![
                    "new",
                    "--customer",
                    "李四",
                    "--contact",
                    "13900001111",
                    "--channel",
                    "phone",
                    "--summary",
                    &summary,
                ],
                None,
            ),
        };
        let mut child = spawn(&store, &args);
        let span = if changed.is_some() { full_run } else { new_run };
        std::thread::sleep(Duration::from_micros(span / 3 + rng.below(span * 9 / 10)));
        let _ = child.kill(); // SIGKILL; fails only if it already exited
        child.wait().unwrap();

        let after = ticket_files(&store);
        for (name, bytes) in &after {
            let path = month_dir(&store).join(name);
            let ticket = parse(&path, bytes);
            match before.get(name) {
                Some(old) if old == bytes => {
                    if Some(ticket.id.as_str()) == changed {
                        tally.kept_old += 1;
                    }
                }
                Some(old) => {
                    assert_eq!(Some(ticket.id.as_str()), changed, "{name} changed but the command was {args:?}");
                    let old = parse(&path, old);
                    assert_eq!(ticket.history.len(), old.history.len() + 1, "{name}: not exactly one more event");
                    assert_eq!(ticket.history[..old.history.len()], old.history[..], "{name}: history rewritten");
                    assert_eq!(
                        (&ticket.uid, &ticket.customer, &ticket.summary),
                        (&old.uid, &old.customer, &old.summary)
                    );
                    tally.wrote_new += 1;
                    if changed == Some(moved.as_str()) {
                        waiting = !waiting;
                    }
                }
                None => {
                    assert!(changed.is_none(), "{name} appeared but the command was {args:?}");
                    assert_eq!(ticket.history.len(), 1, "{name}: a new ticket has one event");
                    assert_eq!(ticket.summary, summary);
                    tally.created += 1;
                }
            }
        }
        assert!(before.keys().all(|k| after.contains_key(k)), "a ticket file disappeared after {args:?}");
        if changed.is_none() && after.len() == before.len() {
            tally.not_created += 1;
        }
    }
    let leftovers: Vec<String> = std::fs::read_dir(month_dir(&store))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp-"))
        .collect();
    eprintln!("crash test: {iterations} kills, {tally:?}, {} temp file(s) left", leftovers.len());
    assert!(leftovers.iter().all(|n| n.ends_with(".yaml.part")), "{leftovers:?}");

    // The store is consistent, and temp files are notes, not tickets.
    let output = store.cmd(NOW).args(["--json", "check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["checked"].as_u64().unwrap() as usize, ticket_files(&store).len());
    assert_eq!(report["notes"].as_array().map_or(0, Vec::len), leftovers.len());
    let list: serde_json::Value = serde_json::from_str(&store.ok(NOW, &["--json", "list"])).unwrap();
    let listed = list["tickets"].as_array().map_or(0, Vec::len);
    assert_eq!(listed, ticket_files(&store).len(), "list shows exactly the ticket files");
    // The next write still works after all those kills.
    store.ok(NOW, &["note", &noted, "-m", "恢复后继续"]);
}

/// Writers delete the temp files killed writers left more than ten minutes
/// ago, and only those: `new` (which sweeps with the listing that finds the
/// next number) and a change to an existing ticket (`note`).
#[test]
fn writers_sweep_stale_temp_files_and_keep_fresh_ones() {
    let store = Store::new();
    let id = store.new_ticket(NOW, &[]);
    let month = store.path().join("tickets/2026/11");
    let temp = |name: &str, age_minutes: u64| {
        let path = month.join(name);
        std::fs::write(&path, "schema: 1\n").unwrap();
        let at = std::time::SystemTime::now() - Duration::from_secs(age_minutes * 60);
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(at).unwrap();
        path
    };
    for (command, args) in [("new", vec![]), ("note", vec!["note", id.as_str(), "-m", "已回电"])] {
        let (stale, fresh) = (temp(".tmp-old1.yaml.part", 11), temp(".tmp-new1.yaml.part", 1));
        if args.is_empty() {
            store.new_ticket(NOW, &[]);
        } else {
            store.ok(NOW, &args);
        }
        assert!(!stale.exists(), "{command} deletes a temp file older than ten minutes");
        assert!(fresh.exists(), "{command} keeps a temp file a live writer may still be writing");
        std::fs::remove_file(fresh).unwrap();
    }
}
