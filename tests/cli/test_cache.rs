//! The index cache under `.complaint/` is an optimisation only (spec §9):
//! whatever happened to the files or to the cache, every scanning command
//! prints what it prints with no cache at all.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::support::Store;

const NOW: &str = "2026-11-25 10:00";

/// The outputs of the scanning commands (stdout, stderr, exit code).
fn outputs(store: &Store) -> Vec<(String, String, Option<i32>)> {
    let commands: [&[&str]; 10] = [
        &["overdue", "--format", "json"],
        &["overdue", "--as-of", "2026-11-23 12:00", "--warn-before", "1d"],
        &["list"],
        &["list", "--json", "--sort", "updated"],
        &["list", "--status", "processing", "--overdue"],
        &["list", "--customer", "13812345678"],
        &["check", "--json"],
        &["report", "--month", "2026-11", "--format", "json"],
        &["report", "--week", "--format", "csv"],
        &["export", "--format", "jsonl", "--unmask"],
    ];
    commands
        .iter()
        .map(|args| {
            let out = store.cmd(NOW).args(*args).output().expect("runs");
            let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8");
            (text(out.stdout), text(out.stderr), out.status.code())
        })
        .collect()
}

fn index(store: &Store) -> PathBuf {
    store.path().join(".complaint/index")
}

/// The whole-ticket cache of `report` and `export`.
fn tickets_cache(store: &Store) -> PathBuf {
    store.path().join(".complaint/tickets")
}

/// Outputs as they are now (cache as left), then with no cache: equal.
fn assert_same_as_uncached(store: &Store, what: &str) {
    let cached = outputs(store);
    let _ = std::fs::remove_file(index(store));
    let _ = std::fs::remove_file(tickets_cache(store));
    let uncached = outputs(store);
    assert_eq!(cached, uncached, "{what}: output differs from the uncached output");
}

/// A store of a few tickets in different states, cache built, and old
/// enough that its entries are trusted (outside the racy window).
fn store_with_trusted_cache() -> (Store, Vec<String>) {
    let store = Store::new();
    let a = store.new_ticket("2026-11-20 09:00", &["--severity", "serious"]);
    let b = store.new_ticket("2026-11-21 10:00", &[]);
    let c = store.new_ticket("2026-11-22 11:00", &["--customer", "李四", "--contact", "13900000000"]);
    store.ok("2026-11-21 12:00", &["transition", &b, "processing", "--note", "已联系"]);
    store.ok("2026-11-22 12:00", &["transition", &c, "resolved", "--plan", "退款"]);
    std::thread::sleep(Duration::from_millis(2200));
    outputs(&store);
    assert!(index(&store).is_file(), "a scan writes the cache");
    assert!(tickets_cache(&store).is_file(), "report and export write the ticket cache");
    (store, vec![a, b, c])
}

fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

fn set_mtime(path: &Path, t: SystemTime) {
    std::fs::File::options().write(true).open(path).unwrap().set_modified(t).unwrap();
}

#[test]
fn hand_edit_with_same_size_and_mtime_is_seen() {
    let (store, ids) = store_with_trusted_cache();
    let path = store.ticket_path(&ids[0]);
    let before = mtime(&path);
    let text = store.read_ticket(&ids[0]);
    // Same byte length: 换 and 退 are both three bytes in UTF-8.
    let edited = text.replace("要求换货", "要求退货");
    assert_eq!(edited.len(), text.len());
    std::fs::write(&path, edited).unwrap();
    set_mtime(&path, before);
    assert!(outputs(&store)[2].0.contains("要求退货"), "list shows the edit");
    assert_same_as_uncached(&store, "in-place edit");
}

#[test]
fn file_replaced_like_git_checkout_is_seen() {
    let (store, ids) = store_with_trusted_cache();
    let path = store.ticket_path(&ids[1]);
    let before = mtime(&path);
    // A new file renamed over the old one (new inode), mtime restored.
    let text = store.read_ticket(&ids[1]).replace("status: processing", "status: resolved  ");
    let temp = path.with_extension("tmp");
    std::fs::write(&temp, text).unwrap();
    set_mtime(&temp, before);
    std::fs::rename(&temp, &path).unwrap();
    assert_same_as_uncached(&store, "replaced file");
    // `check` notices the hand-made inconsistency through the cache too.
    assert_eq!(outputs(&store)[6].2, Some(1));
}

#[test]
fn deleted_and_new_files_are_seen() {
    let (store, ids) = store_with_trusted_cache();
    std::fs::remove_file(store.ticket_path(&ids[0])).unwrap();
    let copy = store.read_ticket(&ids[2]).replace(&ids[2], "CP20261122002");
    std::fs::write(store.path().join("tickets/2026/11/CP20261122002.yaml"), copy).unwrap();
    let out = outputs(&store);
    assert!(!out[2].0.contains(&ids[0]), "deleted ticket gone from list");
    assert!(out[2].0.contains("CP20261122002"), "new ticket listed");
    assert_same_as_uncached(&store, "deleted and new files");
}

/// Sets a directory's mtime (futimens on a read-only handle, as its owner).
fn set_dir_mtime(dir: &Path, t: SystemTime) {
    std::fs::File::open(dir).unwrap().set_modified(t).unwrap();
}

/// An unchanged month directory is listed from the cache: a file added or
/// removed behind it, with the directory's mtime put back, must still be
/// seen (its change time and the files' own stamps give it away).
#[test]
fn files_added_or_removed_behind_a_restored_directory_mtime_are_seen() {
    let (store, ids) = store_with_trusted_cache();
    let month = store.path().join("tickets/2026/11");
    let before = mtime(&month);
    let copy = store.read_ticket(&ids[2]).replace(&ids[2], "CP20261122002");
    std::fs::write(month.join("CP20261122002.yaml"), copy).unwrap();
    set_dir_mtime(&month, before);
    assert_eq!(mtime(&month), before);
    // Past the racy window, so that only the stamps can tell: the change
    // time, which no one can set back, is newer than the cache.
    std::thread::sleep(Duration::from_millis(2200));
    assert!(outputs(&store)[2].0.contains("CP20261122002"), "new ticket listed");
    assert_same_as_uncached(&store, "new file, directory mtime restored");

    std::thread::sleep(Duration::from_millis(2200));
    outputs(&store);
    std::fs::remove_file(store.ticket_path(&ids[0])).unwrap();
    set_dir_mtime(&month, before);
    std::thread::sleep(Duration::from_millis(2200));
    assert!(!outputs(&store)[2].0.contains(&ids[0]), "deleted ticket gone");
    assert_same_as_uncached(&store, "deleted file, directory mtime restored");
}

/// A link put into a directory the cache lists is reported, as without it.
#[test]
fn symlink_added_to_a_cached_directory_is_reported() {
    let (store, ids) = store_with_trusted_cache();
    let month = store.path().join("tickets/2026/11");
    std::os::unix::fs::symlink("/etc/hostname", month.join("CP20261122009.yaml")).unwrap();
    std::os::unix::fs::symlink("/etc", month.join("elsewhere")).unwrap();
    let out = outputs(&store);
    assert_eq!(out[2].2, Some(2), "list exits 2: {}", out[2].1);
    assert!(out[2].1.contains("CP20261122009.yaml") && out[2].1.contains("elsewhere"), "{}", out[2].1);
    assert!(out[2].0.contains(&ids[0]), "the other tickets are still listed");
    assert_same_as_uncached(&store, "symlinks");
}

#[test]
fn unreadable_file_is_reported_with_or_without_cache() {
    let (store, ids) = store_with_trusted_cache();
    std::fs::write(store.ticket_path(&ids[1]), "schema: [unclosed").unwrap();
    let out = outputs(&store);
    assert_eq!(out[0].2, Some(2), "overdue exits 2 on an unreadable file");
    assert_same_as_uncached(&store, "broken file");
}

#[test]
fn truncated_corrupt_or_foreign_cache_is_rebuilt() {
    let (store, _) = store_with_trusted_cache();
    for cache in [index(&store), tickets_cache(&store)] {
        corrupt_and_rebuild(&store, &cache);
    }
}

fn corrupt_and_rebuild(store: &Store, cache: &Path) {
    let good = std::fs::read(cache).unwrap();
    let truncated = good[..good.len() / 2].to_vec();
    let mut flipped = good.clone();
    let last = flipped.len() - 3;
    flipped[last] ^= 0x55;
    // The format number follows the 8-byte magic.
    let mut foreign = good.clone();
    foreign[8] = 99;
    for (what, bytes) in [
        ("truncated", truncated),
        ("flipped byte", flipped),
        ("other version", foreign),
        ("garbage", b"not a cache".to_vec()),
        ("empty", Vec::new()),
    ] {
        std::fs::write(cache, &bytes).unwrap();
        assert_same_as_uncached(store, what);
        assert_eq!(std::fs::read(cache).unwrap().len(), good.len(), "{what}: cache rebuilt");
    }
}

#[test]
fn store_that_cannot_write_the_cache_still_works() {
    let (store, _) = store_with_trusted_cache();
    let expected = outputs(&store);
    std::fs::remove_dir_all(store.path().join(".complaint")).unwrap();
    // A file where the directory should be: nothing can be written there.
    std::fs::write(store.path().join(".complaint"), "").unwrap();
    assert_eq!(outputs(&store), expected);
}

fn generator() -> PathBuf {
    // target/<profile>/deps/<test binary> -> target/<profile>/examples/generate
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().join("examples").join("generate")
}

#[test]
fn generated_store_passes_check_and_is_deterministic() {
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    for dir in &dirs {
        let status = std::process::Command::new(generator())
            .args(["--count", "300", "--open-share", "0.1", "--seed", "42"])
            .arg(dir.path().join("store"))
            .env_remove("COMPLAINT_NOW")
            .status()
            .expect("the generate example is built by cargo test");
        assert!(status.success());
    }
    let files = |root: &Path| {
        walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().strip_prefix(root).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
            .collect::<Vec<_>>()
    };
    let (a, b) = (files(&dirs[0].path().join("store")), files(&dirs[1].path().join("store")));
    assert_eq!(a.iter().filter(|(p, _)| p.extension().is_some_and(|e| e == "yaml")).count(), 300);
    assert!(a == b, "two runs with one seed write identical stores");

    let generated = Store { dir: tempfile::TempDir::new().unwrap() };
    std::fs::remove_dir(generated.path()).unwrap();
    std::fs::rename(dirs[0].path().join("store"), generated.path()).unwrap();
    let out = generated.cmd("2026-11-23 10:00").args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "check: {}", String::from_utf8_lossy(&out.stdout));
    let open = generated.ok("2026-11-23 10:00", &["list", "--open", "--json"]);
    let count: serde_json::Value = serde_json::from_str(&open).unwrap();
    assert_eq!(count["count"], 30, "10 % open");
    let overdue = generated.ok("2026-11-23 10:00", &["overdue"]);
    assert!(!overdue.is_empty(), "some tickets are overdue");
}

/// A file whose `id` disagrees with its path is a bad file through a warm
/// cache as without one: no cache entry vouches for it, whether the file
/// was edited behind the cache (size and mtime kept) or a whole month
/// directory moved (every file keeps its inode and stamps).
#[test]
fn a_misplaced_file_is_reported_through_a_warm_cache() {
    let (store, ids) = store_with_trusted_cache();
    let path = store.ticket_path(&ids[0]);
    let before = mtime(&path);
    let text = store.read_ticket(&ids[0]);
    let other = ids[0].replace("001", "009");
    std::fs::write(&path, text.replacen(&format!("id: {}", ids[0]), &format!("id: {other}"), 1)).unwrap();
    set_mtime(&path, before);
    let out = outputs(&store);
    assert_eq!(out[2].2, Some(2), "list: {}", out[2].1);
    assert!(out[2].1.contains(&format!("ticket {other} belongs at")), "{}", out[2].1);
    assert!(!out[2].0.contains(&ids[0]) && !out[2].0.contains(&other), "{}", out[2].0);
    assert_same_as_uncached(&store, "id changed behind the cache");

    std::fs::write(&path, text).unwrap();
    std::thread::sleep(Duration::from_millis(2200));
    outputs(&store);
    std::fs::rename(store.path().join("tickets/2026/11"), store.path().join("tickets/2026/10")).unwrap();
    let out = outputs(&store);
    for id in &ids {
        assert!(!out[2].0.contains(id), "{id} listed from a moved directory: {}", out[2].0);
        assert!(out[2].1.contains(&format!("tickets/2026/10/{id}.yaml")), "{}", out[2].1);
    }
    assert_eq!(out[7].2, Some(2), "report: {}", out[7].1);
    assert_same_as_uncached(&store, "month directory moved");
}

/// Runs `args` with a deadline: a command that hangs is killed and the
/// test fails instead of hanging CI.
fn run_briefly(store: &Store, args: &[&str]) -> (String, String, Option<i32>) {
    let out = store.cmd(NOW).args(args).timeout(Duration::from_secs(20)).output().expect("runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8");
    (text(out.stdout), text(out.stderr), out.status.code())
}

fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success());
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// A FIFO at `.complaint/index` or `.complaint/tickets` is a warning and a
/// run without that cache (never a hang, never replaced); at
/// `.complaint/lock` every writer stops with exit 2 naming it.
#[test]
fn a_fifo_in_the_local_directory_never_hangs_a_command() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let local = store.path().join(".complaint");
    for (name, args) in [("index", &["list"][..]), ("tickets", &["report", "--month", "2026-11"][..])] {
        mkfifo(&local.join(name));
        let (stdout, stderr, code) = run_briefly(&store, args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(stderr.contains(&format!(".complaint/{name} is a FIFO, not a regular file")), "{stderr}");
        assert!(stderr.contains("complaint: 警告: ") && stderr.contains("；不使用缓存继续运行"), "{stderr}");
        assert!(stdout.contains(if name == "index" { &id } else { "2026-11" }), "{stdout}");
        assert!(is_fifo(&local.join(name)), "{name} left alone");
    }
    let (stdout, stderr, code) = run_briefly(&store, &["export", "--format", "jsonl"]);
    assert_eq!((code, stdout.lines().count()), (Some(0), 1), "{stderr}");

    mkfifo(&local.join("lock"));
    let before = store.read_ticket(&id);
    let (_, stderr, code) = run_briefly(&store, &["note", &id, "-m", "进展"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(".complaint/lock is a FIFO, not a regular file") && stderr.contains("提示: remove it"),
        "{stderr}"
    );
    assert_eq!(store.read_ticket(&id), before);
    let (_, stderr, code) = run_briefly(
        &store,
        &["new", "--customer", "李四", "--contact", "1390000", "--channel", "phone", "--summary", "s"],
    );
    assert_eq!(code, Some(2), "{stderr}");
}

/// A `.complaint` that is a link out of the store: writers stop (exit 2,
/// hint to remove it), readers run uncached with a warning, and nothing is
/// ever written through it — the caches hold names and phones.
#[test]
fn a_symlinked_local_directory_is_never_written_through() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let outside = tempfile::tempdir().unwrap();
    let local = store.path().join(".complaint");
    std::fs::remove_dir_all(&local).unwrap();
    std::os::unix::fs::symlink(outside.path(), &local).unwrap();
    for args in
        [&["list"][..], &["overdue", "--as-of", "2026-11-30 10:00"], &["report", "--month", "2026-11"], &["export"]]
    {
        let (_, stderr, code) = run_briefly(&store, args);
        assert_ne!(code, Some(2), "{args:?} runs uncached: {stderr}");
        assert!(
            stderr.contains(".complaint is a symbolic link") && stderr.contains("；不使用缓存继续运行"),
            "{stderr}"
        );
    }
    let before = store.read_ticket(&id);
    let (_, stderr, code) = run_briefly(&store, &["note", &id, "-m", "进展"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains(".complaint is a symbolic link") && stderr.contains("提示: remove the link"), "{stderr}");
    assert_eq!(store.read_ticket(&id), before);
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0, "nothing written outside the store");
    assert!(local.is_symlink(), "the link is left for the user to remove");
}

/// A link at `.complaint/index` is not followed, read or replaced.
#[test]
fn a_symlinked_cache_file_is_never_followed() {
    let store = Store::new();
    store.new_ticket("2026-11-23 09:00", &[]);
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("index");
    std::fs::write(&target, "outside").unwrap();
    let _ = std::fs::remove_file(index(&store));
    std::os::unix::fs::symlink(&target, index(&store)).unwrap();
    std::os::unix::fs::symlink(outside.path().join("absent"), tickets_cache(&store)).unwrap();
    for args in [&["list"][..], &["export"]] {
        let (_, stderr, code) = run_briefly(&store, args);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(stderr.contains("is a symbolic link, not a regular file"), "{stderr}");
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "outside");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 1, "nothing written outside the store");
    assert!(index(&store).is_symlink() && tickets_cache(&store).is_symlink());
}

/// A warm scan drops what it holds of each unchanged directory; when
/// another directory changed and the cache is written again, the unchanged
/// one's entries are copied from the old cache: the new cache holds the
/// same entries as one built from nothing (same size), and the outputs are
/// those of no cache.
#[test]
fn cache_rewritten_after_one_change_keeps_the_unchanged_directories() {
    let store = Store::new();
    let october = store.new_ticket("2026-10-20 09:00", &[]);
    let november = store.new_ticket("2026-11-20 09:00", &[]);
    store.ok("2026-11-21 12:00", &["transition", &october, "processing", "--note", "已联系"]);
    std::thread::sleep(Duration::from_millis(2200));
    outputs(&store);
    // A same-size edit with the mtime put back: November's directory is
    // unchanged, the file is read again, the caches are written again.
    let path = store.ticket_path(&november);
    let before = mtime(&path);
    let text = store.read_ticket(&november);
    let edited = text.replace("要求换货", "要求退货");
    assert_eq!(edited.len(), text.len());
    std::fs::write(&path, edited).unwrap();
    set_mtime(&path, before);
    let out = outputs(&store);
    assert!(out[2].0.contains(&october) && out[2].0.contains(&november), "both listed");
    let sizes = |store: &Store| [index(store), tickets_cache(store)].map(|f| std::fs::metadata(f).unwrap().len());
    let rewritten = sizes(&store);
    assert_same_as_uncached(&store, "edit beside an unchanged month");
    let rebuilt = sizes(&store);
    assert_eq!(rewritten, rebuilt, "the rewritten caches hold every entry");
}
