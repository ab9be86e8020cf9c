//! The merge driver on arbitrary ticket files: whatever two sides hold that
//! parses, merging never panics, gives the same set of history events in
//! either order, and merging a merged ticket with itself changes nothing.
#![no_main]

use std::path::Path;

use complaint::store::{parse_tickets, to_yaml};
use complaint::ticket::Ticket;
use complaint::ticket::merge::merge_tickets;
use libfuzzer_sys::fuzz_target;

fn event_set(ticket: &Ticket) -> Vec<String> {
    let mut events: Vec<String> = ticket.history.iter().map(|e| format!("{e:?}")).collect();
    events.sort();
    events
}

fuzz_target!(|input: (&str, &str)| {
    let (a, b) = input;
    let (Ok(a), Ok(b)) = (parse_tickets(a, Path::new("a.yaml")), parse_tickets(b, Path::new("b.yaml"))) else {
        return;
    };
    let (a, b) = (&a[0], &b[0]);
    let ab = merge_tickets(None, a, b);
    let ba = merge_tickets(None, b, a);
    assert_eq!(event_set(&ab), event_set(&ba));
    let again = merge_tickets(Some(&ab), &ab, &ab);
    assert_eq!(to_yaml(&again).ok(), to_yaml(&ab).ok());
});
