//! Ticket IDs typed by users: only IDs that print back identically parse,
//! and their path stays inside tickets/.
#![no_main]

use complaint::ticket::TicketId;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for (prefix, width) in [("CP", 3), ("CW", 4)] {
        if let Ok(id) = TicketId::parse(text, prefix, width) {
            assert_eq!(id.to_string(), text);
            let path = id.relative_path();
            assert!(path.components().all(|c| matches!(c, std::path::Component::Normal(_))), "{path:?}");
        }
    }
});
