//! Any bytes as a ticket file: never a panic, a hang or a stack overflow;
//! what parses is written back and reads as the same ticket.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(ticket) = complaint::store::parse_ticket(text, Path::new("fuzz.yaml")) else { return };
    let written = complaint::store::to_yaml(&ticket).expect("a parsed ticket serialises");
    let again = complaint::store::parse_ticket(&written, Path::new("fuzz.yaml")).expect("written ticket parses");
    assert_eq!(again, ticket, "{written}");
});
