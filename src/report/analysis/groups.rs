//! Per-department and per-assignee lines (spec §6 `report`): what is
//! theirs because they hold the ticket now (handled, resolution time) and
//! what is charged to them by `sla::Charges` (breaches, reopens, scores).

use std::collections::BTreeMap;

use super::figures::Mean;
use super::summary::TicketSummary;
use crate::sla::Holder;

/// Per department or per assignee.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupLine {
    pub name: String,
    pub handled: usize,
    pub breached: usize,
    pub reopened: usize,
    pub resolution_work_hours: Option<f64>,
    pub resolution_wall_hours: Option<f64>,
    pub satisfaction: Option<f64>,
    pub satisfied_rate: Option<f64>,
    pub dimensions: Vec<(String, Option<f64>)>,
}

#[derive(Default)]
pub(super) struct Group {
    handled: usize,
    breached: usize,
    reopened: usize,
    work: Mean,
    wall: Mean,
    satisfaction: Mean,
    satisfied: Mean,
    dimensions: BTreeMap<String, Mean>,
}

/// What a group has because the ticket is theirs now: the ticket handled
/// and its resolution time.
pub(super) fn group_add(g: &mut Group, s: &TicketSummary) {
    g.handled += 1;
    if let Some(span) = s.resolution {
        g.work.add(span.work_hours());
        g.wall.add(span.wall_hours());
    }
}

/// What a group answers for whoever holds the ticket now (spec §5.1):
/// breaches charged to the holder when the deadline passed, reopens and
/// every answered follow-up's score (dimensions too) to the resolver.
pub(super) fn charge_groups(
    map: &mut BTreeMap<String, Group>,
    s: &TicketSummary,
    name: impl Fn(&Holder) -> Option<&str>,
) {
    for n in s.breaches().filter_map(|t| name(&t.charged)) {
        group(map, n).breached += 1;
    }
    for n in s.reopens.iter().filter_map(&name) {
        group(map, n).reopened += 1;
    }
    for f in &s.followups {
        let Some(n) = name(&f.resolver) else { continue };
        let g = group(map, n);
        g.satisfaction.add(f.normalised());
        g.satisfied.add_bool(f.satisfied);
        for (dimension, value) in &f.dimensions {
            g.dimensions.entry(dimension.clone()).or_default().add(*value);
        }
    }
}

fn group<'m>(map: &'m mut BTreeMap<String, Group>, name: &str) -> &'m mut Group {
    if !map.contains_key(name) {
        map.insert(name.to_string(), Group::default());
    }
    map.get_mut(name).expect("inserted")
}

/// Most handled first, then by name.
pub(super) fn groups(map: BTreeMap<String, Group>, dimensions: &[String]) -> Vec<GroupLine> {
    let mut lines: Vec<GroupLine> = map
        .into_iter()
        .map(|(name, g)| GroupLine {
            name,
            handled: g.handled,
            breached: g.breached,
            reopened: g.reopened,
            resolution_work_hours: g.work.value(),
            resolution_wall_hours: g.wall.value(),
            satisfaction: g.satisfaction.value(),
            satisfied_rate: g.satisfied.value(),
            dimensions: dimensions.iter().map(|d| (d.clone(), g.dimensions.get(d).and_then(Mean::value))).collect(),
        })
        .collect();
    lines.sort_by(|a, b| b.handled.cmp(&a.handled).then_with(|| a.name.cmp(&b.name)));
    lines
}
