//! Every clock of one ticket as `show` presents it (spec §5.1: due, met at,
//! remaining or overdue by): a table and its JSON. Pure: the targets come
//! from `sla::ticket_targets`, "now" is a parameter.

use chrono::{DateTime, Duration, FixedOffset};
use chrono_tz::Tz;
use serde_json::{Value, json};

use super::fit::Column;
use super::overdue::{format_span, format_working};
use super::table;
use crate::lang::Lang;
use crate::sla::{Calendar, Target, TargetKind, TargetState, overdue_by};
use crate::time;

type Instant = DateTime<FixedOffset>;

/// Where one clock stands as of now, in working and wall time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Open and not yet due: time left until due.
    Remaining { working: Duration, wall: Duration },
    /// Past due (to now, or to when it was met or stopped late).
    Overdue { working: Duration, wall: Duration },
    /// Met on time, or stopped before its deadline: nothing to count.
    Settled,
}

/// How `target` stands at `now`. A paused clock's due is where it would
/// be if it resumed now, so its remaining time is counted the same way.
pub fn standing(cal: &Calendar, target: &Target, now: Instant) -> Standing {
    if target.state.is_breach() {
        let (working, wall) = overdue_by(cal, target, now);
        return Standing::Overdue { working, wall };
    }
    if target.state == TargetState::Pending {
        let due = target.due.at;
        return Standing::Remaining { working: cal.business_time_between(now, due), wall: due - now };
    }
    Standing::Settled
}

/// The state's words, Chinese and English.
pub fn state_label(state: TargetState) -> (&'static str, &'static str) {
    match state {
        TargetState::Met => ("按时完成", "met"),
        TargetState::MetLate => ("超时完成", "met late"),
        TargetState::Pending => ("进行中", "pending"),
        TargetState::Overdue => ("已超时", "overdue"),
        TargetState::Breached => ("超时未完成", "breached"),
        TargetState::Stopped => ("已停止", "stopped"),
    }
}

/// E.g. `处理时限 (第2轮)` for the resolution of the first reopen.
pub fn target_label(target: &Target, lang: Lang) -> String {
    let label = lang.coded(target.kind.id(), target.kind.label());
    if target.cycle > 0 && target.kind == TargetKind::Resolution {
        match lang {
            Lang::Zh => format!("{label} (第{}轮)", target.cycle + 1),
            Lang::En => format!("{label} (cycle {})", target.cycle + 1),
        }
    } else if let (Some(owner), Some(department)) = (&target.owner, &target.department) {
        // An execution task: who must do it, for which department.
        if owner == department { format!("{label} ({owner})") } else { format!("{label} ({owner}, {department})") }
    } else {
        label.to_string()
    }
}

/// What the stage table gives up on a narrow terminal: the wall-clock
/// standing first, then the time met, then the working standing.
pub const COLUMNS: [Column; 6] =
    [Column::KEEP, Column::KEEP, Column::drop(1), Column::KEEP, Column::drop(2), Column::drop(0)];

/// One clock as `show` prints it, each cell as text in `lang`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageRow {
    pub stage: String,
    pub due: String,
    pub met: String,
    pub state: String,
    pub working: String,
    pub wall: String,
    /// Past due (to now, or met or stopped late).
    pub overdue: bool,
}

/// The headers of [`StageRow`]'s cells.
pub fn headers(lang: Lang) -> Vec<&'static str> {
    lang.headers(&[
        ("环节", "Stage"),
        ("截止时间", "Due"),
        ("完成时间", "Met at"),
        ("状态", "State"),
        ("剩余/超时(工作)", "Left/over (working)"),
        ("剩余/超时(自然)", "Left/over (wall)"),
    ])
}

/// The rows of the stage table: one per clock.
pub fn rows(cal: &Calendar, targets: &[Target], now: Instant, zone: Tz, lang: Lang) -> Vec<StageRow> {
    targets.iter().map(|target| row(cal, target, now, zone, lang)).collect()
}

fn row(cal: &Calendar, target: &Target, now: Instant, zone: Tz, lang: Lang) -> StageRow {
    let mut due = time::format_deadline(&target.due.at, zone);
    if target.due.provisional {
        due.push_str(lang.pick(" (暂定)", " (provisional)"));
    }
    let met = match (target.met_at, target.stopped_at) {
        (Some(m), _) => time::format_local(&m, zone),
        (None, Some(s)) => format!("{} {}", lang.pick("停止于", "stopped"), time::format_local(&s, zone)),
        (None, None) => "—".to_string(),
    };
    let (zh, en) = state_label(target.state);
    let mut state = lang.pick(zh, en).to_string();
    if target.paused {
        state.push_str(lang.pick(" (暂停)", " (paused)"));
    }
    let standing = standing(cal, target, now);
    let (working, wall) = match standing {
        Standing::Remaining { working, wall } => {
            let left = lang.pick("剩余", "left");
            (format!("{left} {}", format_working(working)), format!("{left} {}", format_span(wall)))
        }
        Standing::Overdue { working, wall } => {
            let over = lang.pick("超时", "over");
            (format!("{over} {}", format_working(working)), format!("{over} {}", format_span(wall)))
        }
        Standing::Settled => ("—".to_string(), "—".to_string()),
    };
    let overdue = matches!(standing, Standing::Overdue { .. });
    StageRow { stage: target_label(target, lang), due, met, state, working, wall, overdue }
}

/// The stage table of `show`: one row per clock.
pub fn table(cal: &Calendar, targets: &[Target], now: Instant, zone: Tz, lang: Lang) -> comfy_table::Table {
    let mut t = table::new_table(headers(lang));
    for r in rows(cal, targets, now, zone, lang) {
        t.add_row(vec![r.stage, r.due, r.met, r.state, r.working, r.wall]);
    }
    t
}

/// The clocks as JSON: ids and labels, RFC 3339 instants, minutes.
pub fn json(cal: &Calendar, targets: &[Target], now: Instant) -> Value {
    let rows: Vec<Value> = targets
        .iter()
        .map(|target| {
            let minutes = |d: Duration| d.num_minutes();
            let (remaining, overdue) = match standing(cal, target, now) {
                Standing::Remaining { working, wall } => (Some((minutes(working), minutes(wall))), None),
                Standing::Overdue { working, wall } => (None, Some((minutes(working), minutes(wall)))),
                Standing::Settled => (None, None),
            };
            json!({
                "target": target.kind.id(),
                "target_label": target.kind.label(),
                "cycle": target.cycle,
                "start": time::format_instant(&target.start),
                "due": time::format_instant(&target.due.at),
                "provisional": target.due.provisional,
                "met_at": target.met_at.as_ref().map(time::format_instant),
                "stopped_at": target.stopped_at.as_ref().map(time::format_instant),
                "paused": target.paused,
                "state": target.state,
                "breach": target.state.is_breach(),
                "remaining_working_minutes": remaining.map(|r| r.0),
                "remaining_wall_minutes": remaining.map(|r| r.1),
                "overdue_working_minutes": overdue.map(|o| o.0),
                "overdue_wall_minutes": overdue.map(|o| o.1),
            })
        })
        .collect();
    Value::Array(rows)
}
