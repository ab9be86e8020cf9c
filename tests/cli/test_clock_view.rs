//! The deadline engine reads a small clock view, made either from a whole
//! ticket or from its cached summary (what `overdue` and `list --overdue`
//! work from): for every ticket of the sample store both give the same
//! targets, at every instant its history changes and after.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use complaint::sla::{self, ClockView};
use complaint::store::Store;
use complaint::ticket::IndexEntry;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn instant(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn view_from_ticket_and_from_cached_summary_give_the_same_targets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root.join("tickets"), &dir.path().join("tickets"));
    std::fs::copy(root.join("complaint.toml"), dir.path().join("complaint.toml")).unwrap();
    let (compared, settled) = compare_views(dir.path());
    assert!(compared >= 10 && settled >= 5, "{compared} compared, {settled} settled");
}

#[test]
fn plans_severity_changes_and_departments_are_cached_alike() {
    // A refused plan, a second plan, a severity lowered after a breach and a
    // second department (issue 14): the cached view equals the full one.
    let store = crate::support::Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &["--severity", "major"]);
    store.ok("2026-11-23 09:30", &["assign", &id, "--department", "售后部", "--assignee", "孙磊"]);
    store.ok("2026-11-23 10:30", &["classify", &id, "--severity", "general"]);
    store.ok("2026-11-23 11:00", &["plan", &id, "-m", "上门更换", "--execute-by", "2026-11-24 18:00"]);
    store.ok("2026-11-23 11:30", &["confirm", &id, "plan", "--refused", "--via", "phone", "-m", "要求换新"]);
    store.ok("2026-11-23 13:00", &["assign", &id, "--also", "仓储部"]);
    store.ok("2026-11-23 14:00", &["plan", &id, "-m", "整机换新", "--execute-by", "2026-11-25"]);
    store.ok("2026-11-23 14:30", &["confirm", &id, "plan", "--accepted", "--via", "sms"]);
    let other = store.new_ticket("2026-11-24 09:00", &[]);
    store.ok("2026-11-24 09:10", &["plan", &other, "-m", "退款", "--execute-by", "2026-11-24 12:00"]);
    store.ok("2026-11-24 11:00", &["execute", &other, "--done", "-m", "已退款"]);
    assert_eq!(compare_views(store.path()), (2, 0));
}

/// Compares, for every ticket of the store at `dir`, the targets of its
/// cached view with those of the whole ticket; returns how many were
/// compared and how many were settled (no cached view).
fn compare_views(dir: &Path) -> (usize, usize) {
    // Old enough for the cache to trust its entries (the racy window).
    std::thread::sleep(Duration::from_millis(2200));
    let store = Store::open(dir).unwrap();
    store.scan_summaries(|_| true).unwrap();
    assert!(dir.join(".complaint/index").is_file());
    let cached = store.scan_summaries(|_| true).unwrap();
    let scan = store.scan().unwrap();
    assert!(cached.errors.is_empty() && scan.errors.is_empty());
    assert_eq!(cached.tickets.len(), scan.tickets.len());

    let config = store.config();
    let cal = config.business_calendar();
    let (mut compared, mut settled) = (0, 0);
    for ((_, summary), (_, ticket)) in cached.tickets.iter().zip(&scan.tickets) {
        assert_eq!(*summary, IndexEntry::of(ticket), "{}", ticket.id);
        let full = ClockView::from(ticket);
        let mut instants: Vec<_> = ticket.history.iter().map(|e| e.at).collect();
        instants.extend([
            ticket.received_at,
            instant("2026-11-23T10:00:00+08:00"),
            instant("2027-06-01T10:00:00+08:00"),
        ]);
        match ClockView::of_summary(summary) {
            Some(view) => {
                // Severity changes, plans and departments included (issue 14);
                // the kinds of every event only a whole ticket has (configured
                // stages read the file).
                assert_eq!(view, ClockView { kinds: Vec::new(), ..full.clone() }, "{}", ticket.id);
                for now in instants {
                    assert_eq!(
                        sla::clock_targets(&cal, &config.sla, &view, now),
                        sla::ticket_targets(&cal, &config.sla, ticket, now),
                        "{} as of {now}",
                        ticket.id
                    );
                }
                compared += 1;
            }
            // Settled: the cache keeps no clock events, and from the time it
            // settled on no target of it can be open.
            None => {
                for now in instants.into_iter().filter(|now| summary.settled_by(*now)) {
                    let targets = sla::clock_targets(&cal, &config.sla, &full, now);
                    assert!(targets.iter().all(|t| !t.state.is_open()), "{} as of {now}", ticket.id);
                }
                settled += 1;
            }
        }
    }
    (compared, settled)
}
