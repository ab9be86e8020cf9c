//! Round trips through the cache encoding.

use std::path::Path;

use super::*;
use crate::ticket::{Action, Event, NoteKind, Status, Ticket, fixtures};

fn round_trip(ticket: &Ticket) -> Ticket {
    let mut w = Writer::default();
    write_ticket(&mut w, ticket).expect("no extra keys");
    let mut r = Reader::new(&w.bytes);
    let received_at = read_received_at(&mut r).unwrap();
    let back = read_ticket(&mut r, received_at).unwrap();
    assert!(r.at_end());
    back
}

/// Every ticket of the sample store, and one with every optional field
/// set, decodes to what was encoded.
#[test]
fn tickets_round_trip() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tickets");
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&dir) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            for ticket in crate::store::parse_tickets(&text, &path).unwrap() {
                assert_eq!(round_trip(&ticket), ticket, "{}", path.display());
                seen += 1;
            }
        }
    }
    assert!(seen > 10, "the sample store has tickets");

    let text = std::fs::read_to_string(dir.join("2026/10/CP20261014001.yaml")).unwrap();
    let mut ticket = crate::store::parse_tickets(&text, &dir).unwrap().remove(0);
    let at = ticket.received_at;
    let mut e = Event::new(at, "张三", Action::Followup);
    let some = |s: &str| Some(s.to_string());
    (e.from, e.to, e.kind) = (Some(Status::New), Some(Status::Closed), Some(NoteKind::Action));
    (e.category, e.severity, e.department, e.assignee) = (some("c"), some("s"), some("d"), some("a"));
    (e.also, e.staff, e.changed) = (vec!["x".into()], vec!["y".into(), "z".into()], vec!["summary".into()]);
    (e.plan, e.cause, e.owner, e.comment) = (some("p"), some("原因"), some("o"), some("=1"));
    (e.due, e.promised_at, e.score, e.scale, e.satisfied) = (Some(at), Some(at), Some(3), Some(5), Some(true));
    (e.escalated_to, e.renamed_from, e.reason, e.note) = (some("e"), some("CP1"), some("r"), some("n"));
    e.dimensions.insert("态度".into(), 4);
    e.no_answer = true;
    ticket.history.push(e);
    (ticket.product, ticket.description, ticket.expectation) = (some("p"), some("d"), some(""));
    ticket.renamed_from = vec!["CP20261014009".into()];
    ticket.customer.id = some("C-1");
    assert_eq!(round_trip(&ticket), ticket);

    ticket.extra.insert("future".into(), serde_yaml::Value::Bool(true));
    assert!(write_ticket(&mut Writer::default(), &ticket).is_none(), "newer keys: not cached");
}

/// Every field of a ticket, an event and a summary survives the cache.
#[test]
fn every_field_round_trips() {
    let ticket = fixtures::every_field();
    assert_eq!(round_trip(&ticket), ticket);
    let summary = fixtures::every_index_entry_field();
    let mut w = Writer::default();
    write_index_entry(&mut w, &summary);
    let mut r = Reader::new(&w.bytes);
    let settled_at = read_settled_at(&mut r).unwrap();
    assert_eq!(read_index_entry(&mut r, settled_at), Some(summary));
    assert!(r.at_end());
}
