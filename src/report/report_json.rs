//! A report as versioned JSON (`schema` 1): ids and labels, rates as
//! fractions (4 decimals), hours with one decimal, scores on 0–100.

use chrono_tz::Tz;
use serde_json::{Value, json};

use super::analysis::{
    Agenda, Averages, GroupLine, Period, PersonLine, PointLine, Report, Share, StageLine, Stats, TimeFigures,
};
use crate::time;

pub const SCHEMA: u32 = 1;

fn round(v: Option<f64>, places: i32) -> Value {
    let f = 10f64.powi(places);
    v.map_or(Value::Null, |v| json!((v * f).round() / f))
}

fn rate(v: Option<f64>) -> Value {
    round(v, 4)
}

fn hours(v: Option<f64>) -> Value {
    round(v, 1)
}

fn period(p: &Period) -> Value {
    json!({ "kind": p.kind.id(), "label": p.label(), "from": p.first.to_string(), "to": p.last.to_string() })
}

fn shares(lines: &[Share]) -> Value {
    lines
        .iter()
        .map(|s| json!({ "id": s.id, "label": s.label, "count": s.count, "share": rate(Some(s.share)) }))
        .collect()
}

fn averages(a: &Averages) -> Value {
    json!({ "mean": hours(a.mean), "median": hours(a.median), "p90": hours(a.p90) })
}

fn times(t: &TimeFigures) -> Value {
    json!({ "count": t.count, "working_hours": averages(&t.work), "wall_hours": averages(&t.wall) })
}

fn groups(lines: &[GroupLine]) -> Value {
    lines
        .iter()
        .map(|g| {
            let dims: serde_json::Map<String, Value> =
                g.dimensions.iter().map(|(n, v)| (n.clone(), round(*v, 1))).collect();
            json!({
                "name": g.name,
                "handled": g.handled,
                "breached": g.breached,
                "reopened": g.reopened,
                "resolution_working_hours": hours(g.resolution_work_hours),
                "resolution_wall_hours": hours(g.resolution_wall_hours),
                "satisfaction": round(g.satisfaction, 1),
                "satisfied_rate": rate(g.satisfied_rate),
                "dimensions": dims,
            })
        })
        .collect()
}

fn people(lines: &[PersonLine]) -> Value {
    lines
        .iter()
        .map(|p| {
            json!({
                "name": p.name, "received": p.received, "handled": p.handled, "breaches": p.breaches,
                "reopens": p.reopens, "followups": p.followups, "scored": p.scored,
                "satisfaction": round(p.satisfaction, 1), "satisfied_rate": rate(p.satisfied_rate),
            })
        })
        .collect()
}

fn stages(lines: &[StageLine]) -> Value {
    lines
        .iter()
        .map(|l| {
            json!({
                "kind": l.kind.id(), "label": l.kind.label(), "count": l.count, "met": l.times.count,
                "working_hours": averages(&l.times.work), "wall_hours": averages(&l.times.wall),
                "breach_rate": rate(l.breach_rate),
            })
        })
        .collect()
}

fn points(lines: &[PointLine]) -> Value {
    lines
        .iter()
        .map(|p| {
            json!({
                "product": p.product, "category": p.category, "category_label": p.category_label,
                "count": p.count, "previous": p.previous, "change": p.change(), "tickets": p.tickets,
            })
        })
        .collect()
}

fn stats(s: &Stats) -> serde_json::Map<String, Value> {
    let sat = &s.satisfaction;
    let by_category: Vec<Value> = s
        .by_category
        .iter()
        .map(|c| {
            json!({
                "id": c.id, "label": c.label, "count": c.count, "share": rate(Some(c.share)),
                "satisfied_rate": rate(c.satisfied_rate), "flagged": c.flagged,
            })
        })
        .collect();
    let value = json!({
        "period": period(&s.period),
        "total": s.total,
        "by_category": by_category,
        "by_severity": shares(&s.by_severity),
        "by_channel": shares(&s.by_channel),
        "by_status": shares(&s.by_status),
        "by_cause": shares(&s.by_cause),
        "low_satisfaction_categories": s.by_category.iter().filter(|c| c.flagged).map(|c| c.id.clone()).collect::<Vec<_>>(),
        "response_time": times(&s.response_time),
        "resolution_time": times(&s.resolution_time),
        "sla": {
            "compliance": rate(s.sla.compliance),
            "breaches": s.sla.breaches,
            "breached_tickets": s.sla.breached_tickets,
            "targets": s.sla.targets.iter().map(|l| json!({
                "kind": l.kind.id(), "label": l.kind.label(), "evaluated": l.evaluated, "met": l.met,
                "breached": l.breached, "open": l.open, "compliance": rate(l.compliance),
            })).collect::<Vec<_>>(),
        },
        "stages": stages(&s.stages),
        "satisfaction": {
            "answered": sat.answered,
            "mean": round(sat.mean, 1),
            "distribution": sat.distribution.iter().map(|d| json!({
                "score": d.score, "scale": d.scale, "count": d.count, "share": rate(Some(d.share)),
                "normalised": round(Some(super::analysis::normalise(d.score, d.scale)), 1),
                "word": d.word.as_ref().map(|w| &w.0), "word_label": d.word.as_ref().map(|w| &w.1),
            })).collect::<Vec<_>>(),
            "satisfied": sat.satisfied,
            "satisfied_rate": rate(sat.satisfied_rate),
            "eligible": sat.eligible,
            "coverage": rate(sat.coverage),
            "dimensions": sat.dimensions.iter().map(|(n, m, c)| json!({ "name": n, "count": c, "mean": round(*m, 1) })).collect::<Vec<_>>(),
        },
        "reopened": s.reopened,
        "reopen_rate": rate(s.reopen_rate),
        "by_department": groups(&s.by_department),
        "by_assignee": groups(&s.by_assignee),
        "by_person": people(&s.by_person),
        "staff": s.staff.iter().map(|(n, c)| json!({ "name": n, "count": c })).collect::<Vec<_>>(),
        "products": s.products.iter().map(|(n, c)| json!({ "name": n, "count": c })).collect::<Vec<_>>(),
        "points": points(&s.points),
        "trend": {
            "unit": s.trend_unit,
            "points": s.trend.iter().map(|(d, c)| json!({ "start": d.to_string(), "count": c })).collect::<Vec<_>>(),
        },
    });
    match value {
        Value::Object(map) => map,
        _ => unreachable!("built as an object"),
    }
}

fn previous(cur: &Stats, prev: &Stats) -> Value {
    let diff = |a: Option<f64>, b: Option<f64>, places| match (a, b) {
        (Some(a), Some(b)) => round(Some(a - b), places),
        _ => Value::Null,
    };
    json!({
        "period": period(&prev.period),
        "total": prev.total,
        "response_mean_working_hours": hours(prev.response_time.work.mean),
        "resolution_mean_working_hours": hours(prev.resolution_time.work.mean),
        "sla_compliance": rate(prev.sla.compliance),
        "breaches": prev.sla.breaches,
        "satisfaction_mean": round(prev.satisfaction.mean, 1),
        "satisfied_rate": rate(prev.satisfaction.satisfied_rate),
        "coverage": rate(prev.satisfaction.coverage),
        "reopen_rate": rate(prev.reopen_rate),
        "change": {
            "total": cur.total as i64 - prev.total as i64,
            "total_ratio": if prev.total == 0 { Value::Null } else { rate(Some((cur.total as f64 - prev.total as f64) / prev.total as f64)) },
            "resolution_mean_working_hours": diff(cur.resolution_time.work.mean, prev.resolution_time.work.mean, 1),
            "sla_compliance": diff(cur.sla.compliance, prev.sla.compliance, 4),
            "breaches": cur.sla.breaches as i64 - prev.sla.breaches as i64,
            "satisfaction_mean": diff(cur.satisfaction.mean, prev.satisfaction.mean, 1),
            "satisfied_rate": diff(cur.satisfaction.satisfied_rate, prev.satisfaction.satisfied_rate, 4),
            "reopen_rate": diff(cur.reopen_rate, prev.reopen_rate, 4),
        },
    })
}

fn agenda(a: &Agenda) -> Value {
    let t = |i: &chrono::DateTime<chrono::FixedOffset>| time::format_instant(i);
    json!({
        "open_serious": a.open_serious.iter().map(|s| json!({
            "id": s.id, "severity": s.severity, "category": s.category, "status": s.status.id(),
            "assignee": s.assignee, "received_at": t(&s.received_at), "summary": s.summary,
        })).collect::<Vec<_>>(),
        "breaches": a.breaches.iter().map(|(s, b)| json!({
            "id": s.id, "target": b.kind.id(), "cycle": b.cycle, "due": t(&b.due),
            "state": b.state, "assignee": b.charged.assignee, "department": b.charged.department,
        })).collect::<Vec<_>>(),
        "unsatisfied": a.unsatisfied.iter().map(|(s, f)| json!({
            "id": s.id, "at": t(&f.at), "score": f.score, "scale": f.scale, "comment": f.comment,
            "assignee": f.resolver.assignee, "caller": f.caller,
        })).collect::<Vec<_>>(),
        "top_categories": shares(&a.top_categories),
        "actions": a.actions.iter().map(|(i, state)| json!({
            "id": i.ticket, "at": t(&i.at), "by": i.by, "owner": i.owner, "due": i.due.as_ref().map(t),
            "item": i.text, "state": state.id(), "done_at": i.done_at.as_ref().map(t),
        })).collect::<Vec<_>>(),
    })
}

pub fn render(report: &Report, zone: Tz, unreadable: &[String]) -> Value {
    let mut out = serde_json::Map::new();
    out.insert("schema".into(), json!(SCHEMA));
    out.insert("as_of".into(), json!(time::format_instant(&time::in_zone(report.as_of, zone))));
    out.extend(stats(&report.current));
    out.insert("previous_period".into(), previous(&report.current, &report.previous));
    out.insert("agenda".into(), report.agenda.as_ref().map_or(Value::Null, agenda));
    out.insert("unreadable".into(), json!(unreadable));
    Value::Object(out)
}
