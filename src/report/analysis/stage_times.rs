//! 各环节处理时长 (time per stage, spec §5.1 last bullet): per target kind
//! (built-in and configured stages), how long from the clock's start to
//! the target being met, and how often it was breached. Folded one summary
//! at a time: only the durations the medians need are kept.

use std::collections::BTreeMap;

use super::figures::{Averages, TimeFigures, ratio};
use super::summary::TicketSummary;
use crate::sla::{TargetKind, TargetState};

/// One stage's line.
#[derive(Debug, Clone, PartialEq)]
pub struct StageLine {
    pub kind: TargetKind,
    /// Targets of this kind in the period's tickets (whatever their state).
    pub count: usize,
    /// Start → met, over the targets met (on time or late).
    pub times: TimeFigures,
    /// Breached / decided (met + breached); pending targets are not decided.
    pub breach_rate: Option<f64>,
}

#[derive(Default)]
struct Stage {
    count: usize,
    work: Vec<f64>,
    wall: Vec<f64>,
    breached: usize,
    decided: usize,
}

/// Accumulates the stage lines of one period.
#[derive(Default)]
pub struct StageTimes {
    stages: BTreeMap<TargetKind, Stage>,
}

impl StageTimes {
    pub fn add(&mut self, s: &TicketSummary) {
        for t in &s.targets {
            let stage = self.stages.entry(t.kind).or_default();
            stage.count += 1;
            if let Some(took) = t.took {
                stage.work.push(took.work_hours());
                stage.wall.push(took.wall_hours());
            }
            let breached = t.state.is_breach();
            stage.breached += usize::from(breached);
            stage.decided += usize::from(breached || t.state == TargetState::Met);
        }
    }

    /// In the order of the target kinds (built-in first, then configured stages).
    pub fn finish(self) -> Vec<StageLine> {
        self.stages
            .into_iter()
            .map(|(kind, s)| StageLine {
                kind,
                count: s.count,
                times: TimeFigures { count: s.work.len(), work: Averages::of(s.work), wall: Averages::of(s.wall) },
                breach_rate: ratio(s.breached, s.decided),
            })
            .collect()
    }
}
