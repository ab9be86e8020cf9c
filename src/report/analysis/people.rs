//! Staff figures per person (spec §5.1 last bullet; seeds 001 8.6, 003 七
//! 考核), all from the charges of `sla::Charges`: complaints received (the
//! agent who took the call), tickets handled (held at some time), breaches
//! charged (held when the deadline passed), reopens charged (resolved what
//! the customer reopened), follow-up calls made, and the satisfaction of
//! what they resolved.

use std::collections::BTreeMap;

use super::figures::Mean;
use super::summary::TicketSummary;

/// One person's line.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonLine {
    pub name: String,
    pub received: usize,
    pub handled: usize,
    pub breaches: usize,
    pub reopens: usize,
    pub followups: usize,
    /// Answered follow-ups of tickets they resolved.
    pub scored: usize,
    /// Mean score (0–100) of what they resolved.
    pub satisfaction: Option<f64>,
    pub satisfied_rate: Option<f64>,
}

#[derive(Default)]
struct Person {
    received: usize,
    handled: usize,
    breaches: usize,
    reopens: usize,
    followups: usize,
    satisfaction: Mean,
    satisfied: Mean,
}

/// Accumulates the per-person figures of one period.
#[derive(Default)]
pub struct People {
    people: BTreeMap<String, Person>,
}

impl People {
    fn person(&mut self, name: &str) -> &mut Person {
        if !self.people.contains_key(name) {
            self.people.insert(name.to_string(), Person::default());
        }
        self.people.get_mut(name).expect("inserted")
    }

    pub fn add(&mut self, s: &TicketSummary) {
        if let Some(receiver) = &s.receiver {
            self.person(receiver).received += 1;
        }
        for name in &s.held_by {
            self.person(name).handled += 1;
        }
        for name in s.breaches().filter_map(|t| t.charged.assignee.as_deref()) {
            self.person(name).breaches += 1;
        }
        for name in s.reopens.iter().filter_map(|h| h.assignee.as_deref()) {
            self.person(name).reopens += 1;
        }
        for f in &s.followups {
            self.person(&f.caller).followups += 1;
            if let Some(resolver) = f.resolver.assignee.as_deref() {
                let person = self.person(resolver);
                person.satisfaction.add(f.normalised());
                person.satisfied.add_bool(f.satisfied);
            }
        }
    }

    /// Most handled first, then most received, then by name.
    pub fn finish(self) -> Vec<PersonLine> {
        let mut lines: Vec<PersonLine> = self
            .people
            .into_iter()
            .map(|(name, p)| PersonLine {
                name,
                received: p.received,
                handled: p.handled,
                breaches: p.breaches,
                reopens: p.reopens,
                followups: p.followups,
                scored: p.satisfaction.count,
                satisfaction: p.satisfaction.value(),
                satisfied_rate: p.satisfied.value(),
            })
            .collect();
        lines.sort_by(|a, b| {
            b.handled.cmp(&a.handled).then_with(|| b.received.cmp(&a.received)).then_with(|| a.name.cmp(&b.name))
        });
        lines
    }
}
