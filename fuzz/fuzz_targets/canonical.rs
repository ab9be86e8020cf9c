//! The fast reader of the tool's own YAML against the full parser: for any
//! text the fast path reads, `parse_tickets` (fast path, then the schema
//! check) gives exactly what the full YAML parser alone gives. Seed the
//! corpus with real ticket files (`examples/generate`, the sample store):
//! random bytes are almost never in the canonical form.
#![no_main]

use std::path::Path;

use complaint::store::{canonical, parse_tickets, parse_tickets_full};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Otherwise `parse_tickets` runs the full parser itself: nothing to compare.
    let Some(fast) = canonical::parse(text) else { return };
    let path = Path::new("fuzz.yaml");
    match (parse_tickets(text, path), parse_tickets_full(text, path)) {
        (Ok(with_fast_path), Ok(full)) => assert_eq!(with_fast_path, full, "{text}"),
        (Err(with_fast_path), Err(full)) => assert_eq!(with_fast_path.to_string(), full.to_string(), "{text}"),
        (with_fast_path, full) => panic!("fast path read {fast:?}\nwith it: {with_fast_path:?}\nfull: {full:?}\n{text}"),
    }
});
