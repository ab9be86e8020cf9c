//! Times the ticket parsers on every file of a store, from memory (no I/O in
//! the timings), one thread: the full YAML parser, the fast path for the
//! tool's own form alone, and `parse_tickets` (fast path, full parser as
//! fallback). Prints µs per file and the share of files the fast path reads,
//! and checks that it read each of them as the full parser does.
//!
//! ```sh
//! cargo run --release --example generate -- --count 10000 /tmp/store
//! cargo run --release --example parse_speed -- /tmp/store
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use complaint::store::{canonical, parse_tickets, parse_tickets_full};

/// Each timing is the best of this many passes over all files.
const PASSES: usize = 3;

fn main() {
    let Some(store) = std::env::args().nth(1) else {
        eprintln!("usage: parse_speed STORE_DIR");
        std::process::exit(2);
    };
    let files = read_ticket_files(&Path::new(&store).join("tickets"));
    let count = files.len();
    let full = best_time(&files, |text, path| parse_tickets_full(text, path).is_ok());
    let fast = best_time(&files, |text, _| canonical::parse(text).is_some());
    let hooked = best_time(&files, |text, path| parse_tickets(text, path).is_ok());
    let hits = files.iter().filter(|(_, text)| canonical::parse(text).is_some()).count();
    println!(
        "{count} files, {:.0} bytes each on average",
        files.iter().map(|(_, t)| t.len()).sum::<usize>() as f64 / count as f64
    );
    println!("full YAML parser   {full:8.2} µs/file");
    println!("fast path alone    {fast:8.2} µs/file  ({:.1}x faster)", full / fast);
    println!("parse_tickets      {hooked:8.2} µs/file  ({:.1}x faster)", full / hooked);
    println!("fast path read {hits} of {count} files ({:.2} %)", 100.0 * hits as f64 / count as f64);
    for (path, text) in &files {
        if let Some(ticket) = canonical::parse(text) {
            let full = parse_tickets_full(text, path).expect("the full parser reads what the fast path reads");
            assert_eq!(full, vec![ticket], "{}", path.display());
        }
    }
}

fn read_ticket_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("readable store");
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(entry.path()).expect("UTF-8 ticket file");
            files.push((entry.path().to_path_buf(), text));
        }
    }
    assert!(!files.is_empty(), "no ticket files under {}", dir.display());
    files
}

/// µs per file of the fastest of [`PASSES`] passes of `parse` over `files`.
fn best_time(files: &[(PathBuf, String)], parse: impl Fn(&str, &Path) -> bool) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..PASSES {
        let start = Instant::now();
        let parsed = files.iter().filter(|(path, text)| parse(text, path)).count();
        std::hint::black_box(parsed);
        best = best.min(start.elapsed().as_secs_f64() * 1e6 / files.len() as f64);
    }
    best
}
