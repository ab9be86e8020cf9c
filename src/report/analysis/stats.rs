//! The figures of one period, aggregated in a single pass over ticket
//! summaries. Pure: summaries and config in, numbers out; renderers format.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::figures::{Averages, Counter, Mean, Share};
pub use super::figures::{TimeFigures, UNCLASSIFIED, UNDETERMINED, ratio};
use super::groups::{Group, GroupLine, charge_groups, group_add, groups};
use super::people::{People, PersonLine};
use super::period::Period;
use super::points::{PointLine, Points};
use super::stage_times::{StageLine, StageTimes};
use super::summary::TicketSummary;
use crate::config::{ChoiceKind, Config};
use crate::sla::TargetKind;
use crate::ticket::Status;

/// Satisfied rate under which a category is flagged (seed 002 §六: 满意度低于80%的问题类型).
pub const LOW_SATISFACTION: f64 = 0.8;

#[derive(Debug, Clone, PartialEq)]
pub struct SlaLine {
    pub kind: TargetKind,
    /// Targets decided: met, or breached (late, overdue, stopped late).
    pub evaluated: usize,
    pub met: usize,
    pub breached: usize,
    /// Not decided yet (pending, or stopped before its deadline).
    pub open: usize,
    pub compliance: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SlaFigures {
    pub targets: Vec<SlaLine>,
    pub breaches: usize,
    pub breached_tickets: usize,
    pub compliance: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreCount {
    pub score: u32,
    pub scale: u32,
    /// On a word scale, the word's id and label (`satisfied`, 满意).
    pub word: Option<(String, String)>,
    pub count: usize,
    pub share: f64,
}

impl ScoreCount {
    /// The answer as its row reads: the word of a word scale, else `4/5`.
    pub fn shown(&self, lang: crate::lang::Lang) -> String {
        match &self.word {
            Some((id, label)) => lang.coded(id, label).to_string(),
            None => format!("{}/{}", self.score, self.scale),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SatisfactionFigures {
    pub answered: usize,
    /// Mean of score / scale × 100 (百分制), over every scale: each answer
    /// is normalised first, so scales never mix raw scores.
    pub mean: Option<f64>,
    pub distribution: Vec<ScoreCount>,
    pub satisfied: usize,
    pub satisfied_rate: Option<f64>,
    /// Tickets resolved at least once: they owe a follow-up.
    pub eligible: usize,
    /// answered / eligible.
    pub coverage: Option<f64>,
    pub dimensions: Vec<(String, Option<f64>, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub period: Period,
    pub total: usize,
    pub by_category: Vec<Share>,
    pub by_severity: Vec<Share>,
    pub by_channel: Vec<Share>,
    pub by_status: Vec<Share>,
    pub by_cause: Vec<Share>,
    pub response_time: TimeFigures,
    pub resolution_time: TimeFigures,
    pub sla: SlaFigures,
    /// 各环节处理时长: per target kind, start → met and the breach rate.
    pub stages: Vec<StageLine>,
    pub satisfaction: SatisfactionFigures,
    pub reopened: usize,
    /// Reopened tickets / tickets resolved at least once.
    pub reopen_rate: Option<f64>,
    pub by_department: Vec<GroupLine>,
    pub by_assignee: Vec<GroupLine>,
    /// Per person, from the charges (spec §5.1).
    pub by_person: Vec<PersonLine>,
    pub staff: Vec<(String, usize)>,
    pub products: Vec<(String, usize)>,
    /// 高频投诉点: product × category, top ten.
    pub points: Vec<PointLine>,
    /// Tickets received per day (periods up to 62 days) or per ISO week.
    pub trend: Vec<(NaiveDate, usize)>,
    pub trend_unit: &'static str,
}

/// Accumulates one period; `add` is called once per summary.
pub struct Accumulator<'a> {
    config: &'a Config,
    period: Period,
    total: usize,
    category: Counter,
    category_satisfied: BTreeMap<String, Mean>,
    severity: Counter,
    channel: Counter,
    status: Counter,
    cause: Counter,
    response: (Vec<f64>, Vec<f64>),
    resolution: (Vec<f64>, Vec<f64>),
    sla: BTreeMap<TargetKind, (usize, usize, usize)>,
    breaches: usize,
    breached_tickets: usize,
    stages: StageTimes,
    scores: Mean,
    distribution: BTreeMap<(u32, u32), usize>,
    satisfied: usize,
    eligible: usize,
    dimensions: BTreeMap<String, Mean>,
    reopened: usize,
    departments: BTreeMap<String, Group>,
    assignees: BTreeMap<String, Group>,
    people: People,
    staff: Counter,
    products: Counter,
    points: Points,
    days: Counter,
}

impl<'a> Accumulator<'a> {
    pub fn new(config: &'a Config, period: Period) -> Accumulator<'a> {
        Accumulator {
            config,
            period,
            total: 0,
            category: Counter::default(),
            category_satisfied: BTreeMap::new(),
            severity: Counter::default(),
            channel: Counter::default(),
            status: Counter::default(),
            cause: Counter::default(),
            response: (Vec::new(), Vec::new()),
            resolution: (Vec::new(), Vec::new()),
            sla: BTreeMap::new(),
            breaches: 0,
            breached_tickets: 0,
            stages: StageTimes::default(),
            scores: Mean::default(),
            distribution: BTreeMap::new(),
            satisfied: 0,
            eligible: 0,
            dimensions: BTreeMap::new(),
            reopened: 0,
            departments: BTreeMap::new(),
            assignees: BTreeMap::new(),
            people: People::default(),
            staff: Counter::default(),
            products: Counter::default(),
            points: Points::default(),
            days: Counter::default(),
        }
    }

    pub fn period(&self) -> &Period {
        &self.period
    }

    /// The complaint points so far (the next period's "previous" counts).
    pub fn points(&self) -> &Points {
        &self.points
    }

    pub fn add(&mut self, s: &TicketSummary) {
        self.total += 1;
        self.stages.add(s);
        self.points.add(s);
        let category = s.category.as_deref().unwrap_or(UNCLASSIFIED);
        self.category.add(category);
        self.severity.add(&s.severity);
        self.channel.add(&s.channel);
        self.status.add(s.status.id());
        self.cause.add(s.cause.as_deref().unwrap_or(UNDETERMINED));
        self.days.add(&s.received_day.to_string());
        if let Some(span) = s.first_response {
            self.response.0.push(span.work_hours());
            self.response.1.push(span.wall_hours());
        }
        if let Some(span) = s.resolution {
            self.resolution.0.push(span.work_hours());
            self.resolution.1.push(span.wall_hours());
        }
        for t in &s.targets {
            let line = self.sla.entry(t.kind).or_default();
            match t.state {
                state if state.is_breach() => line.1 += 1,
                crate::sla::TargetState::Met => line.0 += 1,
                _ => line.2 += 1,
            }
        }
        let breaches = s.breaches().count();
        self.breaches += breaches;
        self.breached_tickets += usize::from(breaches > 0);
        self.eligible += usize::from(s.ever_resolved);
        self.reopened += usize::from(!s.reopens.is_empty());
        if let Some(f) = &s.satisfaction {
            self.scores.add(f.normalised());
            *self.distribution.entry((f.scale, f.score)).or_default() += 1;
            self.satisfied += usize::from(f.satisfied);
            self.category_satisfied.entry(category.to_string()).or_default().add_bool(f.satisfied);
            for (name, value) in &f.dimensions {
                self.dimensions.entry(name.clone()).or_default().add(*value);
            }
        }
        if let Some(d) = &s.department {
            group_add(self.departments.entry(d.clone()).or_default(), s);
        }
        if let Some(a) = &s.assignee {
            group_add(self.assignees.entry(a.clone()).or_default(), s);
        }
        charge_groups(&mut self.departments, s, |h| h.department.as_deref());
        charge_groups(&mut self.assignees, s, |h| h.assignee.as_deref());
        self.people.add(s);
        for staff in &s.involved_staff {
            self.staff.add(staff);
        }
        if let Some(p) = s.product.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            self.products.add(p);
        }
    }

    pub fn finish(self) -> Stats {
        let config = self.config;
        let total = self.total;
        let shares = |counter: &Counter, order: Vec<(String, String)>| counter.shares(total, &order);
        let choice_order = |kind| {
            config.choices(kind).iter().map(|c| (c.id.clone(), c.label.clone())).collect::<Vec<(String, String)>>()
        };
        let mut category_order = choice_order(ChoiceKind::Category);
        category_order.push((UNCLASSIFIED.into(), "未分类".into()));
        let mut by_category = shares(&self.category, category_order);
        for line in &mut by_category {
            line.satisfied_rate = self.category_satisfied.get(&line.id).and_then(Mean::value);
            line.flagged = line.satisfied_rate.is_some_and(|r| r < LOW_SATISFACTION);
        }
        let status_order = Status::ALL.iter().map(|s| (s.id().to_string(), config.status_label(*s).to_string()));
        let mut cause_order = choice_order(ChoiceKind::Cause);
        cause_order.push((UNDETERMINED.into(), "未确定".into()));
        let answered = self.scores.count;
        let dimension_order = dimension_names(config, self.dimensions.keys());
        let sla_targets: Vec<SlaLine> = self
            .sla
            .iter()
            .map(|(kind, &(met, breached, open))| SlaLine {
                kind: *kind,
                evaluated: met + breached,
                met,
                breached,
                open,
                compliance: ratio(met, met + breached),
            })
            .collect();
        let (met, decided) = sla_targets.iter().fold((0, 0), |(m, d), l| (m + l.met, d + l.evaluated));
        let (trend, trend_unit) = trend(&self.period, &self.days);
        Stats {
            period: self.period,
            total,
            by_category,
            by_severity: shares(&self.severity, choice_order(ChoiceKind::Severity)),
            by_channel: shares(&self.channel, choice_order(ChoiceKind::Channel)),
            by_status: shares(&self.status, status_order.collect()),
            by_cause: shares(&self.cause, cause_order),
            response_time: time_figures(self.response),
            resolution_time: time_figures(self.resolution),
            sla: SlaFigures {
                targets: sla_targets,
                breaches: self.breaches,
                breached_tickets: self.breached_tickets,
                compliance: ratio(met, decided),
            },
            stages: self.stages.finish(),
            satisfaction: SatisfactionFigures {
                answered,
                mean: self.scores.value(),
                distribution: self
                    .distribution
                    .iter()
                    .rev()
                    .map(|(&(scale, score), &count)| ScoreCount {
                        score,
                        scale,
                        word: config.satisfaction.word(score, scale).map(|w| (w.id.clone(), w.label.clone())),
                        count,
                        share: ratio(count, answered).unwrap_or(0.0),
                    })
                    .collect(),
                satisfied: self.satisfied,
                satisfied_rate: ratio(self.satisfied, answered),
                eligible: self.eligible,
                coverage: ratio(answered, self.eligible),
                dimensions: dimension_order
                    .iter()
                    .map(|n| {
                        let m = self.dimensions.get(n);
                        (n.clone(), m.and_then(Mean::value), m.map_or(0, |m| m.count))
                    })
                    .collect(),
            },
            reopened: self.reopened,
            reopen_rate: ratio(self.reopened, self.eligible),
            by_department: groups(self.departments, &dimension_order),
            by_assignee: groups(self.assignees, &dimension_order),
            by_person: self.people.finish(),
            staff: self.staff.top(10, 1),
            products: self.products.top(10, 2),
            points: self.points.top(|id| category_label(config, id)),
            trend,
            trend_unit,
        }
    }
}

fn category_label(config: &Config, id: &str) -> String {
    if id == UNCLASSIFIED {
        return "未分类".to_string();
    }
    config.choices(ChoiceKind::Category).iter().find(|c| c.id == id).map_or_else(|| id.to_string(), |c| c.label.clone())
}

/// Configured dimensions first, in their order, then any others by name.
fn dimension_names<'k>(config: &Config, seen: impl Iterator<Item = &'k String>) -> Vec<String> {
    let mut names: Vec<String> = config.satisfaction.dimensions.clone();
    for name in seen {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

fn time_figures((work, wall): (Vec<f64>, Vec<f64>)) -> TimeFigures {
    TimeFigures { count: work.len(), work: Averages::of(work), wall: Averages::of(wall) }
}

/// Daily counts for periods up to 62 days, else weekly (bucket = Monday).
fn trend(period: &Period, days: &Counter) -> (Vec<(NaiveDate, usize)>, &'static str) {
    let daily = period.days() <= 62;
    let mut buckets: Vec<(NaiveDate, usize)> = Vec::new();
    for day in period.each_day() {
        let key = if daily { day } else { super::period::Period::containing(super::PeriodKind::Week, day).first };
        let count = days.get(&day.to_string());
        match buckets.last_mut() {
            Some((k, c)) if *k == key => *c += count,
            _ => buckets.push((key, count)),
        }
    }
    (buckets, if daily { "day" } else { "week" })
}
