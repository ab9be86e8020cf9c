//! Merging two versions of one ticket file: the logic of the git merge
//! driver (spec §8). Pure: tickets in, tickets out.
//!
//! - Tickets are matched by `uid`. Two different uids in one file are an ID
//!   collision (two clones created the same ID offline): both are kept, as
//!   two YAML documents, for `check --fix` to split.
//! - History is append-only, so two versions of a ticket share a prefix and
//!   each appended a tail: the merge keeps the prefix and interleaves the
//!   tails by time, dropping events present on both sides. The current
//!   fields are then re-derived from the merged history.
//! - Static fields (customer, summary …) that both sides changed differently
//!   cannot be unioned: the side with the later last event wins and the
//!   other value is written into an `edited` event, so nothing is lost.
//!
//! Everything is decided by values, never by which side is "ours", so the
//! merge is commutative, and merge(a, a) = a.

use std::collections::{BTreeSet, HashSet};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::{Action, Derived, Event, Status, Ticket};

/// The actor of events the merge itself writes. Fixed, so that two people
/// merging the same two versions get the same bytes.
pub const MERGE_ACTOR: &str = "complaint-merge";

/// Merges the documents of one ticket file. `base` is empty when both
/// sides added the file. The result is sorted by creation (see
/// [`sort_documents`]); more than one document means an ID collision.
pub fn merge_documents(base: &[Ticket], ours: &[Ticket], theirs: &[Ticket]) -> Vec<Ticket> {
    let uids: BTreeSet<&str> = ours.iter().chain(theirs).map(|t| t.uid.as_str()).collect();
    let find = |side: &'_ [Ticket], uid: &str| side.iter().find(|t| t.uid == uid).cloned();
    let mut merged = Vec::new();
    for uid in uids {
        let original = find(base, uid);
        match (find(ours, uid), find(theirs, uid)) {
            (Some(a), Some(b)) => merged.push(merge_tickets(original.as_ref(), &a, &b)),
            // Present on one side only. Removed by the other side while
            // unchanged here: `check --fix` moved it to a new ID there.
            (Some(kept), None) | (None, Some(kept)) => {
                if original.as_ref() != Some(&kept) {
                    merged.push(kept);
                }
            }
            (None, None) => unreachable!("uid comes from one of the sides"),
        }
    }
    sort_documents(&mut merged);
    merged
}

/// Orders the tickets of a collided file: earliest `created` event first,
/// then uid. `check --fix` keeps the first at the ID and renumbers the rest.
pub fn sort_documents(tickets: &mut [Ticket]) {
    tickets.sort_by(|a, b| created_at(a).cmp(&created_at(b)).then_with(|| a.uid.cmp(&b.uid)));
}

/// When the ticket was created: its `created` event, else `received_at`.
pub fn created_at(ticket: &Ticket) -> DateTime<FixedOffset> {
    ticket.history.iter().find(|e| e.action == Action::Created).map_or(ticket.received_at, |e| e.at)
}

/// Merges two versions of the same ticket (same uid).
pub fn merge_tickets(base: Option<&Ticket>, a: &Ticket, b: &Ticket) -> Ticket {
    if a == b {
        return a.clone();
    }
    let (primary, other) = if later_side_first(a, b) { (a, b) } else { (b, a) };
    let mut merged = primary.clone();
    merged.schema = a.schema.max(b.schema);
    for old in &other.renamed_from {
        if !merged.renamed_from.contains(old) {
            merged.renamed_from.push(old.clone());
        }
    }
    let mut lost: Vec<(&'static str, String)> = Vec::new();
    macro_rules! static_fields {
        ($($field:ident),*) => {$(
            let base_value = base.map(|t| &t.$field);
            if let Some((value, other_value)) = pick(base_value, &primary.$field, &other.$field) {
                merged.$field = value.clone();
                if let Some(other_value) = other_value {
                    lost.push((stringify!($field), show(other_value)));
                }
            }
        )*};
    }
    static_fields!(
        received_at,
        channel,
        customer,
        preferred_contact,
        product,
        purchase,
        summary,
        description,
        expectation,
        extra
    );
    merged.history = merge_history(&a.history, &b.history);
    if !lost.is_empty() {
        let note = lost.iter().map(|(field, value)| format!("{field}: {value}")).collect::<Vec<_>>().join("; ");
        let mut event = merge_event(&merged.history);
        event.changed = lost.iter().map(|(field, _)| field.to_string()).collect();
        event.note = Some(format!("合并时两个版本不同，保留最近修改的版本；另一版本的值 (other version) — {note}"));
        push_once(&mut merged.history, event);
    }
    let conflicts = concurrent_moves(&merged.history);
    if !conflicts.is_empty() {
        let mut event = merge_event(&merged.history);
        event.changed = vec!["status".to_string()];
        event.note = Some(format!(
            "合并了并发的状态变更 (concurrent status changes merged): {}; 以时间最后的变更为准",
            conflicts.join(", ")
        ));
        push_once(&mut merged.history, event);
    }
    merged.set_derived(Derived::from_history(&merged.history));
    merged
}

/// Whether `a` is the version whose static fields win: the later last
/// event, ties broken by content so that the choice is symmetric.
fn later_side_first(a: &Ticket, b: &Ticket) -> bool {
    match a.last_event_at().cmp(&b.last_event_at()) {
        std::cmp::Ordering::Equal => show(a) >= show(b),
        order => order.is_gt(),
    }
}

/// Three-way choice of one static field: `Some((value, lost))` where
/// `lost` is the other side's value when both sides changed it differently.
fn pick<'a, T: PartialEq>(base: Option<&T>, primary: &'a T, other: &'a T) -> Option<(&'a T, Option<&'a T>)> {
    if primary == other || base == Some(other) {
        None
    } else if base == Some(primary) {
        Some((other, None))
    } else {
        Some((primary, Some(other)))
    }
}

/// A value as one line of YAML-ish text, for notes and as a sort key.
fn show<T: Serialize>(value: &T) -> String {
    let text = serde_yaml::to_string(value).unwrap_or_default();
    text.trim_end().replace('\n', " ")
}

fn event_key(event: &Event) -> String {
    serde_yaml::to_string(event).unwrap_or_default()
}

/// The union of two histories: the common prefix, then both tails merged by
/// time (ties by content), each tail's own order kept, duplicates dropped.
pub fn merge_history(a: &[Event], b: &[Event]) -> Vec<Event> {
    let keys_a: Vec<String> = a.iter().map(event_key).collect();
    let keys_b: Vec<String> = b.iter().map(event_key).collect();
    let prefix = keys_a.iter().zip(&keys_b).take_while(|(x, y)| x == y).count();
    let mut merged: Vec<Event> = a[..prefix].to_vec();
    let mut seen: HashSet<&str> = keys_a[..prefix].iter().map(String::as_str).collect();
    let (mut i, mut j) = (prefix, prefix);
    loop {
        // Skip events already written (duplicates within or across tails).
        while i < a.len() && seen.contains(keys_a[i].as_str()) {
            i += 1;
        }
        while j < b.len() && seen.contains(keys_b[j].as_str()) {
            j += 1;
        }
        let take_a = match (a.get(i), b.get(j)) {
            (None, None) => break,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some(x), Some(y)) => (x.at, &keys_a[i]) <= (y.at, &keys_b[j]),
        };
        if take_a {
            seen.insert(&keys_a[i]);
            merged.push(a[i].clone());
        } else {
            seen.insert(&keys_b[j]);
            merged.push(b[j].clone());
        }
    }
    merged
}

/// An event recorded by the merge, at the time of the latest event.
fn merge_event(history: &[Event]) -> Event {
    let at = history.iter().map(|e| e.at).max().expect("a merged history has events");
    Event::new(at, MERGE_ACTOR, Action::Edited)
}

fn push_once(history: &mut Vec<Event>, event: Event) {
    if !history.contains(&event) {
        history.push(event);
    }
}

/// Moves whose `from` is not the status the history had reached, and that
/// no merge event acknowledged yet: two clones moved the ticket
/// concurrently, e.g. `processing -> resolved` while the other went
/// `processing -> waiting_customer`.
pub fn concurrent_moves(history: &[Event]) -> Vec<String> {
    let mut status = Status::New;
    let mut conflicts = Vec::new();
    for (index, event) in history.iter().enumerate() {
        if let Some(to) = event.to {
            if let Some(from) = event.from.filter(|from| *from != status)
                && !reconciled_by_merge(history, index)
            {
                conflicts.push(format!("{from} -> {to} (by {}, status was {status})", event.by));
            }
            status = to;
        }
    }
    conflicts
}

/// Whether a later merge event acknowledged the concurrent status changes
/// before it; `check` accepts those moves.
pub fn reconciled_by_merge(history: &[Event], index: usize) -> bool {
    history[index..]
        .iter()
        .any(|e| e.action == Action::Edited && e.by == MERGE_ACTOR && e.changed.iter().any(|c| c == "status"))
}

#[cfg(test)]
mod tests;
