//! The overdue list evaluated (spec §6 `overdue`): which targets of which
//! tickets are late or due soon, their rows, the order, `--owner`. Every
//! door calls this: the command line, `GET /api/v1/overdue` and the board
//! page. The door scans the store and hands each summary to a
//! [`Collector`]; reading a ticket the cache cannot answer for goes through
//! the door's `read` callback, so nothing here touches a file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset};
use rayon::prelude::*;
use serde_json::{Value, json};

use super::filter::Filter;
use super::mask::Masker;
use super::overdue::{self, OverdueRow, Urgency};
use super::ticket_json::JSON_SCHEMA;
use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Result};
use crate::sla::{self, Calendar, SlaDuration, TargetKind, TargetState};
use crate::ticket::{IndexEntry, Ticket};
use crate::time;

/// What a list is evaluated with: the store's rules, the time, the
/// `--warn-before` horizon, the filters and the masking.
pub struct Evaluation<'a> {
    pub config: &'a Config,
    pub calendar: &'a Calendar,
    pub filter: &'a Filter,
    pub as_of: DateTime<FixedOffset>,
    /// Targets due by then are listed as due soon.
    pub horizon: Option<DateTime<FixedOffset>>,
    pub masker: &'a Masker,
}

/// Reads one ticket's file (the door's store), for a summary whose clock
/// events the cache does not hold.
pub type ReadTicket<'r> = dyn Fn(&Path, &IndexEntry) -> Result<Ticket> + Sync + 'r;

impl Evaluation<'_> {
    /// The summaries worth evaluating: those the filters keep, received by
    /// `as_of`. (The scan already skips tickets closed by `as_of`.)
    pub fn keeps(&self, summary: &IndexEntry) -> bool {
        self.filter.matches_summary(summary) && summary.received_at <= self.as_of
    }

    /// One ticket's late and due-soon rows, and the years of provisional
    /// deadlines among them (their holiday data is missing).
    fn evaluate(&self, path: &Path, summary: &IndexEntry, read: &ReadTicket) -> Result<(Vec<OverdueRow>, Vec<i32>)> {
        let view = match self.cached_view(summary) {
            Some(view) => view,
            None => read(path, summary).map(|ticket| sla::ClockView::from(&ticket))?,
        };
        Ok(self.rows_of(summary, &view))
    }

    /// [`Evaluation::evaluate`] of a summary without its file, where the
    /// summary suffices: a scan can run this in parallel as it decodes,
    /// and hand on the rest ([`Evaluated::NeedsFile`]) to be read.
    pub fn evaluate_summary(&self, summary: IndexEntry) -> Evaluated {
        match self.cached_view(&summary) {
            Some(view) => {
                let (rows, years) = self.rows_of(&summary, &view);
                Evaluated::Rows(rows, years)
            }
            None => Evaluated::NeedsFile(Box::new(summary)),
        }
    }

    /// The clock view of a summary, if the cache holds what it needs:
    /// configured stages need every event's kinds, which the cache does not
    /// keep, and a ticket closed after `as_of` has no clock events cached.
    fn cached_view(&self, summary: &IndexEntry) -> Option<sla::ClockView> {
        sla::ClockView::of_summary(summary).filter(|_| !self.config.sla.has_stages())
    }

    fn rows_of(&self, summary: &IndexEntry, view: &sla::ClockView) -> (Vec<OverdueRow>, Vec<i32>) {
        let config = self.config;
        let targets = sla::clock_targets(self.calendar, &config.sla, view, self.as_of);
        let zone = config.zone();
        let mut rows = Vec::new();
        let mut years = Vec::new();
        for target in targets {
            let urgency = match target.state {
                TargetState::Overdue => Urgency::Overdue,
                TargetState::Pending if !target.paused && self.horizon.is_some_and(|h| target.due.at <= h) => {
                    Urgency::DueSoon
                }
                _ => continue,
            };
            if target.due.provisional {
                years.push(target.due.at.with_timezone(&zone).year());
            }
            let overdue_by = sla::overdue_by(self.calendar, &target, self.as_of);
            rows.push(row(config, summary, &target, urgency, overdue_by, self.masker));
        }
        (rows, years)
    }
}

/// The `warn_before` horizon: targets due by `as_of` plus this duration
/// (working time by `calendar` for `wd`/`bh`) are listed as due soon. The
/// duration must be longer than zero; `name` and `example` are the door's
/// words for the field (`--warn-before`, `e.g. --warn-before 1d`).
pub fn horizon(
    calendar: &Calendar,
    as_of: DateTime<FixedOffset>,
    warn_before: Option<&str>,
    (name, example): (&str, &str),
) -> Result<Option<DateTime<FixedOffset>>> {
    let Some(text) = warn_before else { return Ok(None) };
    let duration = SlaDuration::parse_for(text, name)?;
    if duration.is_zero() {
        return Err(Error::invalid(format!("{name} must be longer than zero"), Some(example)));
    }
    Ok(Some(calendar.add(as_of, duration).at))
}

/// One summary evaluated during a scan: its rows and provisional years, or
/// the summary, whose ticket must be read to be evaluated.
pub enum Evaluated {
    Rows(Vec<OverdueRow>, Vec<i32>),
    NeedsFile(Box<IndexEntry>),
}

/// Unsettled summaries evaluated at a time: enough to keep both cores busy.
const BATCH: usize = 4096;

/// Takes the summaries as the door's scan hands them on and evaluates them
/// in parallel, a batch at a time (in scan order), so the summaries are
/// never all held. Targets, overdue spans (working time is the costly part)
/// and rows are computed here.
pub struct Collector<'a> {
    evaluation: &'a Evaluation<'a>,
    read: &'a ReadTicket<'a>,
    batch: Vec<(PathBuf, IndexEntry)>,
    rows: Vec<OverdueRow>,
    provisional_years: BTreeSet<i32>,
    failed: Vec<Error>,
}

impl<'a> Collector<'a> {
    pub fn new(evaluation: &'a Evaluation<'a>, read: &'a ReadTicket<'a>) -> Self {
        Collector {
            evaluation,
            read,
            batch: Vec::with_capacity(BATCH),
            rows: Vec::new(),
            provisional_years: BTreeSet::new(),
            failed: Vec::new(),
        }
    }

    /// One summary the scan kept.
    pub fn push(&mut self, path: PathBuf, summary: IndexEntry) {
        self.batch.push((path, summary));
        if self.batch.len() == BATCH {
            self.run_batch();
        }
    }

    /// One summary the scan kept and evaluated as it went
    /// ([`Evaluation::evaluate_summary`]).
    pub fn push_evaluated(&mut self, path: PathBuf, evaluated: Evaluated) {
        match evaluated {
            Evaluated::Rows(rows, years) => {
                self.rows.extend(rows);
                self.provisional_years.extend(years);
            }
            Evaluated::NeedsFile(summary) => self.push(path, *summary),
        }
    }

    fn run_batch(&mut self) {
        let (evaluation, read) = (self.evaluation, self.read);
        let evaluated: Vec<Result<(Vec<OverdueRow>, Vec<i32>)>> =
            self.batch.par_iter().map(|(path, summary)| evaluation.evaluate(path, summary, read)).collect();
        self.batch.clear();
        for result in evaluated {
            match result {
                Ok((found, years)) => {
                    self.rows.extend(found);
                    self.provisional_years.extend(years);
                }
                Err(e) => self.failed.push(e),
            }
        }
    }

    /// The list in order. `unreadable` are the files the scan could not
    /// read; the ones evaluation could not read follow them, each as
    /// `describe` words it (paths relative to the store).
    pub fn finish(mut self, mut unreadable: Vec<String>, describe: impl Fn(&Error) -> String) -> Listing {
        self.run_batch();
        unreadable.extend(self.failed.iter().map(describe));
        let rows = in_order(self.rows);
        let overdue_count = count_overdue(&rows);
        Listing { rows, unreadable, overdue_count, provisional_years: self.provisional_years }
    }
}

/// Most overdue first; due-soon rows after them, soonest first; then by ID
/// and target. Rows are large: the order is found on small keys beside them
/// (the row's place last, so equal rows keep their order), then the rows
/// moved into it in place.
fn in_order(mut rows: Vec<OverdueRow>) -> Vec<OverdueRow> {
    let nanos = |secs: i64, subsec: i32| i128::from(secs) * 1_000_000_000 + i128::from(subsec);
    let mut keys: Vec<(Urgency, i128, &str, &str, usize)> = rows
        .iter()
        .enumerate()
        .map(|(at, row)| {
            let time = match row.urgency {
                Urgency::Overdue => -nanos(row.overdue_wall.num_seconds(), row.overdue_wall.subsec_nanos()),
                Urgency::DueSoon => nanos(row.due.timestamp(), row.due.timestamp_subsec_nanos() as i32),
            };
            (row.urgency, time, row.id.as_str(), row.target.0.as_str(), at)
        })
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|key| key.4).collect();
    permute(&mut rows, &order);
    rows
}

/// Puts `items[order[i]]` at `i`, in place: each cycle of the permutation
/// followed once (no second copy of the rows).
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

fn count_overdue(rows: &[OverdueRow]) -> usize {
    rows.iter().filter(|r| r.urgency == Urgency::Overdue).count()
}

/// The evaluated list: rows, and the files that could not be read.
pub struct Listing {
    pub rows: Vec<OverdueRow>,
    pub unreadable: Vec<String>,
    pub overdue_count: usize,
    /// Years whose holiday data is missing and that deadlines fall in.
    pub provisional_years: BTreeSet<i32>,
}

impl Listing {
    /// `--owner`: the rows `who` must act on (an action item's owner, a
    /// veto's supervisor, the assignee of any other target).
    pub fn keep_only(&mut self, who: &str) {
        self.rows.retain(|r| r.assignee.as_deref() == Some(who));
        self.overdue_count = count_overdue(&self.rows);
    }

    /// The `overdue --json` document.
    pub fn json(&self, as_of: DateTime<FixedOffset>) -> Value {
        json!({
            "schema": JSON_SCHEMA,
            "as_of": time::format_instant(&as_of),
            "overdue": self.overdue_count,
            "due_soon": self.rows.len() - self.overdue_count,
            "items": self.rows.iter().map(overdue::row_json).collect::<Vec<_>>(),
            "unreadable": self.unreadable,
        })
    }
}

fn row(
    config: &Config,
    ticket: &IndexEntry,
    target: &sla::Target,
    urgency: Urgency,
    (working, wall): (chrono::Duration, chrono::Duration),
    masker: &Masker,
) -> OverdueRow {
    let label = |kind, id: &str| (id.to_string(), config.label(kind, id).to_string());
    // The veto's supervisor, shown as who must act and copied on the mail.
    let supervisor = match target.kind {
        TargetKind::VetoReport => config.supervisor_for(ticket.department.as_deref()).map(str::to_string),
        _ => None,
    };
    let who = match target.kind {
        TargetKind::ActionItem | TargetKind::ExecutionTask => target.owner.clone(),
        _ => supervisor.clone().or_else(|| ticket.assignee.clone()),
    };
    OverdueRow {
        urgency,
        id: ticket.id.clone(),
        severity: label(ChoiceKind::Severity, &ticket.severity),
        category: ticket.category.as_deref().map(|c| label(ChoiceKind::Category, c)),
        status: (ticket.status.id().to_string(), config.status_label(ticket.status).to_string()),
        target: (target.kind.id().to_string(), target_label(target)),
        cycle: target.cycle,
        due: target.due.at,
        provisional: target.due.provisional,
        overdue_working: working,
        overdue_wall: wall,
        assignee: who,
        supervisor,
        customer: masker.name(&ticket.customer_name),
        summary: ticket.summary.clone(),
    }
}

/// The target's label; an execution task's names the department it was
/// handed to, e.g. `执行任务 (仓储部)`.
fn target_label(target: &sla::Target) -> String {
    match &target.department {
        Some(department) => format!("{} ({department})", target.kind.label()),
        None => target.kind.label().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    proptest::proptest! {
        #[test]
        fn permuting_in_place_puts_each_item_where_the_order_says(seed in proptest::collection::vec(0u32..1000, 0..200)) {
            // Any permutation: the indices sorted by a random key.
            let mut order: Vec<usize> = (0..seed.len()).collect();
            order.sort_by_key(|&i| (seed[i], i));
            let items: Vec<String> = (0..seed.len()).map(|i| format!("item {i}")).collect();
            let expected: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
            let mut permuted = items;
            permute(&mut permuted, &order);
            proptest::prop_assert_eq!(permuted, expected);
        }
    }

    #[test]
    fn the_horizon_is_as_of_plus_the_duration_and_never_zero() {
        let config = Config::from_toml("", Path::new("complaint.toml")).unwrap();
        let calendar = config.business_calendar();
        let as_of = at("2026-11-23T10:00:00+08:00");
        let words = ("warn_before", "e.g. warn_before=1d");
        assert_eq!(horizon(&calendar, as_of, None, words).unwrap(), None);
        assert_eq!(horizon(&calendar, as_of, Some("4h"), words).unwrap(), Some(at("2026-11-23T14:00:00+08:00")));
        let zero = horizon(&calendar, as_of, Some("0m"), words).unwrap_err();
        assert_eq!(zero.to_string(), "warn_before must be longer than zero");
        assert!(horizon(&calendar, as_of, Some("soon"), words).is_err());
    }
}
