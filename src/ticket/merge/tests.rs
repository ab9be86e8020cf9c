use std::collections::BTreeSet;

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;

use super::*;
use crate::ticket::{Customer, NoteKind, Status};

fn at(minutes: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00+08:00").unwrap() + Duration::minutes(minutes)
}

fn ticket(uid: &str, created: i64) -> Ticket {
    let mut event = Event::new(at(created), "wang", Action::Created);
    event.severity = Some("general".into());
    let customer = Customer::new("张三", "13812345678", None);
    Ticket::new("CP20261123001", uid, at(created), "phone", customer, "表带断裂", event)
}

fn note(minutes: i64, by: &str, text: &str) -> Event {
    let mut event = Event::new(at(minutes), by, Action::Note);
    event.kind = Some(NoteKind::Progress);
    event.note = Some(text.into());
    event
}

fn moved(minutes: i64, by: &str, from: Status, to: Status) -> Event {
    let mut event = Event::new(at(minutes), by, Action::Transition);
    event.from = Some(from);
    event.to = Some(to);
    event
}

#[test]
fn a_note_and_a_transition_merge_into_one_history() {
    let mut base = ticket("U1", 0);
    base.record(moved(5, "wang", Status::New, Status::Processing));
    let mut ours = base.clone();
    ours.record(note(10, "wang", "已联系客户"));
    let mut theirs = base.clone();
    theirs.record(moved(20, "li", Status::Processing, Status::Resolved));
    let merged = merge_tickets(Some(&base), &ours, &theirs);
    assert_eq!(merged.history.len(), 4);
    assert_eq!(merged.status, Status::Resolved);
    assert!(merged.inconsistent_fields().is_empty());
    assert_eq!(merged, merge_tickets(Some(&base), &theirs, &ours));
}

#[test]
fn concurrent_moves_are_reconciled_by_a_merge_event() {
    let mut base = ticket("U1", 0);
    base.record(moved(5, "wang", Status::New, Status::Processing));
    let mut ours = base.clone();
    ours.record(moved(10, "wang", Status::Processing, Status::WaitingCustomer));
    let mut theirs = base.clone();
    theirs.record(moved(20, "li", Status::Processing, Status::Resolved));
    let merged = merge_tickets(Some(&base), &ours, &theirs);
    assert_eq!(merged.status, Status::Resolved);
    let last = merged.history.last().unwrap();
    assert_eq!((last.action, last.by.as_str()), (Action::Edited, MERGE_ACTOR));
    assert!(concurrent_moves(&merged.history).is_empty());
    // Merging the result again adds nothing.
    assert_eq!(merge_tickets(Some(&base), &merged, &theirs), merged);
}

#[test]
fn differing_static_fields_keep_the_later_side_and_record_the_other() {
    let base = ticket("U1", 0);
    let mut ours = base.clone();
    ours.summary = "表带断裂，要求退款".into();
    ours.record(note(10, "wang", "a"));
    let mut theirs = base.clone();
    theirs.summary = "表带断裂，要求换货".into();
    theirs.record(note(20, "li", "b"));
    let merged = merge_tickets(Some(&base), &ours, &theirs);
    assert_eq!(merged.summary, "表带断裂，要求换货");
    let edited = merged.history.iter().find(|e| e.action == Action::Edited).unwrap();
    assert_eq!(edited.changed, vec!["summary"]);
    assert!(edited.note.as_deref().unwrap().contains("表带断裂，要求退款"));
    // Only one side changed it: no note, the change wins.
    let mut changed = base.clone();
    changed.summary = "新摘要".into();
    let mut plain = base.clone();
    plain.record(note(20, "li", "b"));
    let merged = merge_tickets(Some(&base), &changed, &plain);
    assert_eq!(merged.summary, "新摘要");
    assert!(merged.history.iter().all(|e| e.action != Action::Edited));
}

#[test]
fn evidence_edited_on_one_side_and_attachments_of_both_sides_are_kept() {
    use crate::ticket::{Attachment, AttachmentKind, ContactWay, Purchase};
    let attached = |minutes, name: &str, sha: &str| {
        let mut event = Event::new(at(minutes), "li", Action::Attached);
        event.attachment = Some(Attachment {
            name: name.into(),
            kind: AttachmentKind::Photo,
            sha256: sha.repeat(64),
            bytes: 3,
            extra: Default::default(),
        });
        event
    };
    let base = ticket("U1", 0);
    let mut ours = base.clone();
    ours.purchase = Some(Purchase { proof: Some("000123".into()), ..Default::default() });
    ours.preferred_contact = Some(ContactWay::Sms);
    ours.record(attached(10, "a.jpg", "a"));
    let mut theirs = base.clone();
    theirs.record(attached(20, "b.jpg", "b"));
    let merged = merge_tickets(Some(&base), &ours, &theirs);
    assert_eq!(merged.purchase, ours.purchase);
    assert_eq!(merged.preferred_contact, Some(ContactWay::Sms));
    let names: Vec<_> = merged.history.iter().filter_map(|e| e.attachment.as_ref()).map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["a.jpg", "b.jpg"]);
    assert!(merged.history.iter().all(|e| e.action != Action::Edited));
}

#[test]
fn an_id_collision_keeps_both_tickets_sorted_by_creation() {
    let first = ticket("ZZZ", 0);
    let second = ticket("AAA", 30);
    let merged = merge_documents(&[], std::slice::from_ref(&second), std::slice::from_ref(&first));
    assert_eq!(merged.iter().map(|t| t.uid.as_str()).collect::<Vec<_>>(), ["ZZZ", "AAA"]);
    assert_eq!(merged, merge_documents(&[], &[first], &[second]));
}

#[test]
fn a_ticket_moved_away_by_check_fix_on_one_side_is_dropped_only_if_unchanged() {
    let kept = ticket("K", 0);
    let moved_away = ticket("M", 10);
    let base = vec![kept.clone(), moved_away.clone()];
    assert_eq!(merge_documents(&base, std::slice::from_ref(&kept), &base), vec![kept.clone()]);
    let mut edited = moved_away.clone();
    edited.record(note(20, "li", "still here"));
    let merged = merge_documents(&base, std::slice::from_ref(&kept), &[kept.clone(), edited.clone()]);
    assert_eq!(merged, vec![kept, edited]);
}

/// A ticket with a shared prefix of events, then `tail` appended.
fn with_tail(prefix: &[Event], tail: &[Event]) -> Ticket {
    let mut t = ticket("U1", 0);
    for e in prefix.iter().chain(tail) {
        t.record(e.clone());
    }
    t
}

fn event_strategy() -> impl Strategy<Value = Event> {
    (
        1i64..50,
        prop::sample::select(vec!["wang", "li", "zhao"]),
        prop::sample::select(vec!["a", "b", "c"]),
        any::<bool>(),
    )
        .prop_map(|(minutes, by, text, transition)| {
            if transition {
                let mut e = moved(minutes, by, Status::Processing, Status::WaitingCustomer);
                e.note = Some(text.into());
                e
            } else {
                note(minutes, by, text)
            }
        })
}

fn sorted(events: Vec<Event>) -> Vec<Event> {
    let mut events = events;
    events.sort_by_key(|e| e.at);
    events
}

fn event_set(t: &Ticket) -> BTreeSet<String> {
    t.history.iter().filter(|e| e.by != MERGE_ACTOR).map(|e| serde_yaml::to_string(e).unwrap()).collect()
}

proptest! {
    #[test]
    fn merge_is_commutative_and_idempotent(
        prefix in prop::collection::vec(event_strategy(), 0..4),
        tail_a in prop::collection::vec(event_strategy(), 0..5),
        tail_b in prop::collection::vec(event_strategy(), 0..5),
    ) {
        let prefix = sorted(prefix);
        let a = with_tail(&prefix, &sorted(tail_a));
        let b = with_tail(&prefix, &sorted(tail_b));
        let base = with_tail(&prefix, &[]);
        let ab = merge_tickets(Some(&base), &a, &b);
        let ba = merge_tickets(Some(&base), &b, &a);
        prop_assert_eq!(event_set(&ab), event_set(&ba));
        prop_assert_eq!(&ab, &ba);
        prop_assert_eq!(merge_tickets(Some(&base), &a, &a), a.clone());
        prop_assert_eq!(merge_tickets(None, &ab, &ab), ab.clone());
        // Nothing lost: every event of either side is in the merge.
        let all: BTreeSet<String> = event_set(&a).union(&event_set(&b)).cloned().collect();
        prop_assert_eq!(event_set(&ab), all);
        // The current fields are what the merged history implies.
        prop_assert!(ab.inconsistent_fields().is_empty());
        // Merging the result with either side again changes nothing more.
        prop_assert_eq!(merge_tickets(Some(&base), &ab, &a), ab.clone());
    }

    #[test]
    fn document_merge_is_commutative(created in prop::collection::vec((0i64..5, 0u8..4), 1..4)) {
        let tickets: Vec<Ticket> = created.iter().map(|(m, u)| ticket(&format!("U{u}"), *m)).collect();
        let (left, right) = tickets.split_at(tickets.len() / 2);
        let mut left = left.to_vec();
        let mut right = right.to_vec();
        left.dedup_by(|a, b| a.uid == b.uid);
        right.dedup_by(|a, b| a.uid == b.uid);
        let lr = merge_documents(&[], &left, &right);
        let rl = merge_documents(&[], &right, &left);
        prop_assert_eq!(&lr, &rl);
        prop_assert_eq!(merge_documents(&[], &lr, &lr), lr);
    }
}
