//! A report's title, subtitle and sections (report/section.rs): the
//! figures of the period as titled tables, then the weekly agenda
//! (document_agenda.rs).

use chrono_tz::Tz;

use super::analysis::{GroupLine, PersonLine, Report, Share, Stats, TimeFigures};
use super::document_points::{time_cells, time_columns};
use super::section::{Cell, Section, text};
use crate::config::Config;
use crate::time;

pub use crate::lang::Lang;

/// `投诉统计报告 2026-11（2026-11-01 至 2026-11-30）`.
pub fn title(report: &Report, lang: Lang) -> String {
    let p = &report.current.period;
    match lang {
        Lang::Zh => format!("投诉统计报告 {}（{} 至 {}）", p.label(), p.first, p.last),
        Lang::En => format!("Complaint report {} ({} to {})", p.label(), p.first, p.last),
    }
}

pub fn subtitle(report: &Report, lang: Lang, zone: Tz) -> String {
    let prev = &report.previous.period;
    let as_of = time::format_local(&report.as_of, zone);
    match lang {
        Lang::Zh => format!("统计截至 {as_of}；上期 {}（{} 至 {}）", prev.label(), prev.first, prev.last),
        Lang::En => format!("As of {as_of}; previous period {} ({} to {})", prev.label(), prev.first, prev.last),
    }
}

/// The subtitle of a filtered report (`filters` as the door names them)
/// with the files left out: a filtered or incomplete report must say so.
pub fn subtitle_noting(report: &Report, lang: Lang, zone: Tz, filters: &[String], unreadable: &[String]) -> String {
    let mut subtitle = subtitle(report, lang, zone);
    if !filters.is_empty() {
        subtitle.push_str(lang.pick("；筛选：", "; filtered: "));
        subtitle.push_str(&filters.join(" "));
    }
    if !unreadable.is_empty() {
        subtitle
            .push_str(lang.pick("。警告：以下文件无法读取，未计入：", ". Warning: unreadable files, not counted: "));
        subtitle.push_str(&unreadable.join("; "));
    }
    subtitle
}

/// Every section, agenda first for a week (it is the meeting's order).
pub fn sections(report: &Report, config: &Config, lang: Lang, zone: Tz) -> Vec<Section> {
    let mut out = Vec::new();
    if let Some(agenda) = &report.agenda {
        out.extend(super::document_agenda::sections(agenda, config, lang, zone));
    }
    let s = &report.current;
    out.push(overview(s, &report.previous, lang));
    out.push(shares("by_category", lang.pick("投诉类型", "By category"), lang, &s.by_category, true));
    out.push(shares("by_severity", lang.pick("严重程度", "By severity"), lang, &s.by_severity, false));
    out.push(shares("by_channel", lang.pick("投诉渠道", "By channel"), lang, &s.by_channel, false));
    out.push(shares("by_status", lang.pick("处理状态", "By status"), lang, &s.by_status, false));
    out.push(shares("by_cause", lang.pick("根本原因", "By root cause"), lang, &s.by_cause, false));
    out.push(times(s, lang));
    out.push(sla(s, lang));
    out.push(super::document_points::stages(&s.stages, lang));
    out.extend(satisfaction(s, lang));
    out.push(groups("by_department", lang.pick("按部门", "By department"), lang, &s.by_department, false));
    out.push(groups("by_assignee", lang.pick("按处理人", "By assignee"), lang, &s.by_assignee, true));
    out.push(people(&s.by_person, lang));
    out.push(top(
        "staff",
        lang.pick("被投诉员工", "Staff most complained about"),
        lang.pick("员工", "Staff"),
        &s.staff,
        lang,
    ));
    out.push(top(
        "products",
        lang.pick("高频投诉产品", "Repeated products"),
        lang.pick("产品", "Product"),
        &s.products,
        lang,
    ));
    out.push(super::document_points::points(&s.points, lang));
    out
}

fn overview(s: &Stats, p: &Stats, lang: Lang) -> Section {
    let mut sec = Section::new(
        "overview",
        lang.pick("概览", "Overview"),
        &[
            ("metric", lang.pick("指标", "Metric")),
            ("current", lang.pick("本期", "This period")),
            ("previous", lang.pick("上期", "Previous")),
            ("change", lang.pick("变化", "Change")),
        ],
    );
    let total_change = match (s.total, p.total) {
        (c, 0) => format!("{:+}", c as i64),
        (c, q) => format!("{:+} ({:+.1}%)", c as i64 - q as i64, (c as f64 - q as f64) / q as f64 * 100.0),
    };
    sec.row(
        "total",
        vec![text(lang.pick("投诉总数", "Complaints")), Cell::Count(s.total), Cell::Count(p.total), text(total_change)],
    );
    let hours = [
        (
            "first_response_mean_work_hours",
            lang.pick("平均首次响应(工作小时)", "Mean first response (working h)"),
            s.response_time.work.mean,
            p.response_time.work.mean,
        ),
        (
            "resolution_mean_work_hours",
            lang.pick("平均处理时长(工作小时)", "Mean resolution (working h)"),
            s.resolution_time.work.mean,
            p.resolution_time.work.mean,
        ),
    ];
    for (key, label, a, b) in hours {
        sec.row(key, vec![text(label), Cell::Hours(a), Cell::Hours(b), text(delta(a, b, 1.0, ""))]);
    }
    sec.row(
        "breaches",
        vec![
            text(lang.pick("超时次数", "SLA breaches")),
            Cell::Count(s.sla.breaches),
            Cell::Count(p.sla.breaches),
            text(format!("{:+}", s.sla.breaches as i64 - p.sla.breaches as i64)),
        ],
    );
    let rates = [
        ("sla_compliance", lang.pick("SLA 达标率", "SLA compliance"), s.sla.compliance, p.sla.compliance),
        (
            "satisfied_rate",
            lang.pick("满意率", "Satisfied rate"),
            s.satisfaction.satisfied_rate,
            p.satisfaction.satisfied_rate,
        ),
        (
            "followup_coverage",
            lang.pick("回访覆盖率", "Follow-up coverage"),
            s.satisfaction.coverage,
            p.satisfaction.coverage,
        ),
        ("reopen_rate", lang.pick("重开率", "Reopen rate"), s.reopen_rate, p.reopen_rate),
    ];
    sec.row(
        "satisfaction_mean",
        vec![
            text(lang.pick("满意度均分(百分制)", "Mean satisfaction (0–100)")),
            Cell::Score(s.satisfaction.mean),
            Cell::Score(p.satisfaction.mean),
            text(delta(s.satisfaction.mean, p.satisfaction.mean, 1.0, "")),
        ],
    );
    for (key, label, a, b) in rates {
        sec.row(key, vec![text(label), Cell::Percent(a), Cell::Percent(b), text(delta(a, b, 100.0, "pp"))]);
    }
    sec
}

/// `+1.5`, `-5.0pp`, `—` when either side has no value.
fn delta(a: Option<f64>, b: Option<f64>, factor: f64, unit: &str) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format!("{:+.1}{unit}", (a - b) * factor),
        _ => "—".to_string(),
    }
}

fn shares(id: &'static str, title: &str, lang: Lang, lines: &[Share], satisfaction: bool) -> Section {
    let mut columns =
        vec![("value", title), ("count", lang.pick("数量", "Count")), ("share", lang.pick("占比", "Share"))];
    if satisfaction {
        columns.push(("satisfied_rate", lang.pick("满意率", "Satisfied rate")));
        columns.push(("flag", lang.pick("预警(满意率<80%)", "Flag (satisfied < 80%)")));
    }
    let mut sec = Section::new(id, title, &columns);
    for line in lines {
        let mut cells =
            vec![text(lang.coded(&line.id, &line.label)), Cell::Count(line.count), Cell::Percent(Some(line.share))];
        if satisfaction {
            cells.push(Cell::Percent(line.satisfied_rate));
            cells.push(text(if line.flagged { lang.pick("⚠ 低于80%", "⚠ under 80%") } else { "" }));
        }
        sec.row(line.id.clone(), cells);
    }
    sec
}

fn times(s: &Stats, lang: Lang) -> Section {
    let mut columns = vec![("measure", lang.pick("指标", "Measure")), ("count", lang.pick("件数", "Count"))];
    columns.extend(time_columns(lang));
    let mut sec = Section::new("times", lang.pick("处理时效(小时)", "Times (hours)"), &columns);
    let line = |label: &str, t: &TimeFigures| {
        let mut cells = vec![text(label), Cell::Count(t.count)];
        cells.extend(time_cells(t));
        cells
    };
    sec.row("first_response", line(lang.pick("首次响应", "First response"), &s.response_time));
    sec.row("resolution", line(lang.pick("处理完成", "Resolution"), &s.resolution_time));
    sec
}

fn sla(s: &Stats, lang: Lang) -> Section {
    let mut sec = Section::new(
        "sla",
        lang.pick("SLA 达标情况", "SLA compliance"),
        &[
            ("target", lang.pick("目标", "Target")),
            ("evaluated", lang.pick("已判定", "Decided")),
            ("met", lang.pick("达标", "Met")),
            ("breached", lang.pick("超时", "Breached")),
            ("open", lang.pick("未判定", "Open")),
            ("compliance", lang.pick("达标率", "Compliance")),
        ],
    );
    for l in &s.sla.targets {
        sec.row(
            l.kind.id(),
            vec![
                text(lang.coded(l.kind.id(), l.kind.label())),
                Cell::Count(l.evaluated),
                Cell::Count(l.met),
                Cell::Count(l.breached),
                Cell::Count(l.open),
                Cell::Percent(l.compliance),
            ],
        );
    }
    sec
}

fn satisfaction(s: &Stats, lang: Lang) -> Vec<Section> {
    let sat = &s.satisfaction;
    let mut dist = Section::new(
        "satisfaction",
        lang.pick("满意度分布", "Satisfaction distribution"),
        &[
            ("score", lang.pick("评分", "Score")),
            ("count", lang.pick("数量", "Count")),
            ("share", lang.pick("占比", "Share")),
        ],
    );
    for d in &sat.distribution {
        dist.row(
            format!("{}/{}", d.score, d.scale),
            vec![text(d.shown(lang)), Cell::Count(d.count), Cell::Percent(Some(d.share))],
        );
    }
    let mut dims = Section::new(
        "dimensions",
        lang.pick("满意度分项(百分制)", "Satisfaction by dimension (0–100)"),
        &[
            ("dimension", lang.pick("分项", "Dimension")),
            ("answered", lang.pick("评分数", "Answers")),
            ("mean", lang.pick("均分", "Mean")),
        ],
    );
    for (name, mean, count) in &sat.dimensions {
        dims.row(name.clone(), vec![text(name.clone()), Cell::Count(*count), Cell::Score(*mean)]);
    }
    vec![dist, dims]
}

fn groups(id: &'static str, title: &str, lang: Lang, lines: &[GroupLine], dimensions: bool) -> Section {
    let mut columns = vec![
        (
            "name",
            lang.pick(if dimensions { "处理人" } else { "部门" }, if dimensions { "Assignee" } else { "Department" }),
        ),
        ("handled", lang.pick("受理", "Handled")),
        ("breached", lang.pick("超时", "Breached")),
        ("reopened", lang.pick("重开", "Reopened")),
        ("resolution_work_hours", lang.pick("平均处理(工作小时)", "Mean resolution (working h)")),
        ("satisfaction", lang.pick("满意度(百分制)", "Satisfaction (0–100)")),
        ("satisfied_rate", lang.pick("满意率", "Satisfied rate")),
    ];
    if dimensions {
        columns.push(("dimensions", lang.pick("分项", "Dimensions")));
    }
    let mut sec = Section::new(id, title, &columns);
    for g in lines {
        let mut cells = vec![
            text(g.name.clone()),
            Cell::Count(g.handled),
            Cell::Count(g.breached),
            Cell::Count(g.reopened),
            Cell::Hours(g.resolution_work_hours),
            Cell::Score(g.satisfaction),
            Cell::Percent(g.satisfied_rate),
        ];
        if dimensions {
            let parts: Vec<String> =
                g.dimensions.iter().filter_map(|(n, v)| v.map(|v| format!("{n} {v:.1}"))).collect();
            cells.push(text(parts.join(" / ")));
        }
        sec.row(g.name.clone(), cells);
    }
    sec
}

/// Staff figures from the charges (spec §5.1, seed 003 七 考核).
fn people(lines: &[PersonLine], lang: Lang) -> Section {
    let mut sec = Section::new(
        "by_person",
        lang.pick("按人员(考核)", "By person"),
        &[
            ("name", lang.pick("人员", "Person")),
            ("received", lang.pick("受理登记", "Received")),
            ("handled", lang.pick("经手", "Handled")),
            ("breaches", lang.pick("超时(担责)", "Breaches charged")),
            ("reopens", lang.pick("重开(担责)", "Reopens charged")),
            ("followups", lang.pick("回访", "Follow-ups made")),
            ("satisfaction", lang.pick("所解决的满意度(百分制)", "Satisfaction of resolved (0–100)")),
            ("satisfied_rate", lang.pick("满意率", "Satisfied rate")),
        ],
    );
    for p in lines {
        sec.row(
            p.name.clone(),
            vec![
                text(p.name.clone()),
                Cell::Count(p.received),
                Cell::Count(p.handled),
                Cell::Count(p.breaches),
                Cell::Count(p.reopens),
                Cell::Count(p.followups),
                Cell::Score(p.satisfaction),
                Cell::Percent(p.satisfied_rate),
            ],
        );
    }
    sec
}

fn top(id: &'static str, title: &str, what: &str, lines: &[(String, usize)], lang: Lang) -> Section {
    let mut sec = Section::new(id, title, &[("name", what), ("count", lang.pick("次数", "Count"))]);
    for (name, count) in lines {
        sec.row(name.clone(), vec![text(name.clone()), Cell::Count(*count)]);
    }
    sec
}
