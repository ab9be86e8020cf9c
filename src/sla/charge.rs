//! Who answers for what (spec §5.1, seeds 001 8.6, 003 七 考核): a breach is
//! charged to whoever held the ticket — assignee and department — when its
//! deadline passed; a reopen and a vetoed score to whoever resolved it (the
//! holder at the `resolved` transition); the agent who took the complaint
//! (the `created` event's actor) and the one who made each follow-up call
//! (the `followup` event's actor) are credited; a late execution task is
//! charged to its owner. Pure: a function of the
//! history and the targets; the configurable stages will charge through the
//! same [`Charges::holder_at`].

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::target::Target;
use crate::ticket::{Action, Event, Status};

type Instant = DateTime<FixedOffset>;

/// Who held a ticket: its assignee and department.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Holder {
    pub assignee: Option<String>,
    pub department: Option<String>,
}

/// One answered follow-up call and whom it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowupCharge {
    pub at: Instant,
    /// Who made the call (credited with it).
    pub caller: String,
    /// Who resolved what the customer scored (charged with a veto,
    /// credited with a good score).
    pub resolver: Holder,
}

/// The charges of one ticket's history.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Charges {
    /// The agent who took the complaint.
    pub receiver: Option<String>,
    /// From whom on (time) the ticket was held by whom, in time order.
    holders: Vec<(Instant, Holder)>,
    /// Every `resolved` transition and who resolved it.
    pub resolutions: Vec<(Instant, Holder)>,
    /// One per reopen: the resolver of the resolution it undid.
    pub reopens: Vec<Holder>,
    /// Every answered follow-up.
    pub followups: Vec<FollowupCharge>,
}

impl Charges {
    /// The charges of `events`, sorted by time (events at the same time in
    /// file order), already cut at the as-of time.
    pub fn of<'e>(events: impl IntoIterator<Item = &'e Event>) -> Charges {
        let mut charges = Charges::default();
        let mut holder = Holder::default();
        let mut status = Status::New;
        for e in events {
            if e.action == Action::Created {
                charges.receiver.get_or_insert_with(|| e.by.clone());
            }
            if e.assignee.is_some() || e.department.is_some() {
                holder.assignee = e.assignee.clone().or(holder.assignee);
                holder.department = e.department.clone().or(holder.department);
                charges.holders.push((e.at, holder.clone()));
            }
            if e.action == Action::Followup && !e.no_answer && e.score.is_some() {
                let resolver = charges.resolver();
                charges.followups.push(FollowupCharge { at: e.at, caller: e.by.clone(), resolver });
            }
            let Some(to) = e.to else { continue };
            if to == Status::Resolved {
                // Nobody assigned: whoever recorded the resolution answers for it.
                let resolver =
                    Holder { assignee: holder.assignee.clone().or_else(|| Some(e.by.clone())), ..holder.clone() };
                charges.resolutions.push((e.at, resolver));
            }
            if to == Status::Processing && matches!(status, Status::Resolved | Status::Closed) {
                let resolver = charges.resolver();
                charges.reopens.push(resolver);
            }
            status = to;
        }
        charges
    }

    /// Who held the ticket just before `at` (an assignment at the very
    /// instant a deadline passes comes too late to be charged with it).
    pub fn holder_at(&self, at: Instant) -> Holder {
        self.holders.iter().take_while(|(from, _)| *from < at).last().map(|(_, h)| h.clone()).unwrap_or_default()
    }

    /// Who is charged with a breach of `target`: the person it names
    /// (an execution task's owner, with the task's department; a task owned
    /// by its department alone charges nobody by name), else the holder
    /// when its deadline passed.
    pub fn breach(&self, target: &Target) -> Holder {
        match &target.owner {
            Some(owner) => Holder {
                assignee: Some(owner.clone()).filter(|o| Some(o) != target.department.as_ref()),
                department: target.department.clone(),
            },
            None => self.holder_at(target.due.at),
        }
    }

    /// The resolver of the latest resolution so far.
    fn resolver(&self) -> Holder {
        self.resolutions.last().map(|(_, h)| h.clone()).unwrap_or_default()
    }

    /// Everyone who held the ticket at some time, first come first.
    pub fn assignees(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for name in self.holders.iter().filter_map(|(_, h)| h.assignee.as_deref()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }
}

#[cfg(test)]
#[path = "charge_tests.rs"]
mod tests;
