//! The overdue list as a table, CSV and JSON (spec §6 `overdue`). Pure:
//! rows in, text out.

use std::borrow::Cow;

use chrono::{DateTime, Duration, FixedOffset};
use chrono_tz::Tz;
use serde_json::{Value, json};

use super::fit::{self, Column, Room};
use super::table;
use crate::lang::Lang;
use crate::time;

/// Whether a row is late already or only due soon (`--warn-before`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Overdue,
    DueSoon,
}

impl Urgency {
    pub fn id(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueSoon => "due_soon",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Urgency::Overdue => "超时",
            Urgency::DueSoon => "将到期",
        }
    }
}

/// One unmet target of one ticket, with everything the list shows.
#[derive(Debug, Clone)]
pub struct OverdueRow {
    pub urgency: Urgency,
    pub id: String,
    pub severity: (String, String),
    pub category: Option<(String, String)>,
    pub status: (String, String),
    pub target: (String, String),
    pub cycle: usize,
    pub due: DateTime<FixedOffset>,
    pub provisional: bool,
    /// Past due in working time (inside work hours) and in wall time; zero
    /// for rows only due soon.
    pub overdue_working: Duration,
    pub overdue_wall: Duration,
    /// Who must act on the row: the ticket's assignee; an action item's
    /// owner; a veto report's supervisor.
    pub assignee: Option<String>,
    /// The supervisor a veto report goes to (copied on the overdue mail).
    pub supervisor: Option<String>,
    /// Already masked unless the user asked otherwise.
    pub customer: String,
    pub summary: String,
}

/// `3 overdue`, or `3 overdue, 2 due soon`.
pub fn count_line(rows: &[OverdueRow], lang: Lang) -> String {
    let overdue = rows.iter().filter(|r| r.urgency == Urgency::Overdue).count();
    let soon = rows.len() - overdue;
    if soon > 0 {
        crate::tr!(lang, "cli.overdue_and_soon_count", overdue = overdue, soon = soon)
    } else {
        crate::tr!(lang, "cli.overdue_count", overdue = overdue)
    }
}

/// `2d 3h`, `3h 20m`, `45m`, `0m`.
pub fn format_span(span: Duration) -> String {
    let minutes = span.num_minutes().max(0);
    let (days, hours, mins) = (minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    match (days, hours, mins) {
        (0, 0, m) => format!("{m}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

/// Working time as hours and minutes (working days have no fixed length in
/// a calendar with make-up days, so no `d` here).
pub fn format_working(span: Duration) -> String {
    let minutes = span.num_minutes().max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

fn hours_one_decimal(span: Duration) -> String {
    format!("{:.1}", span.num_seconds() as f64 / 3600.0)
}

/// What each column of the overdue table gives up on a narrow terminal:
/// the kind of ticket and the wall-clock span go first, then the status,
/// the customer, the severity, the owner, the due time; the urgency, the
/// ID, the target and the working hours over stay, the summary is shortened.
const COLUMNS: [Column; 12] = [
    Column::KEEP,
    Column::KEEP,
    Column::drop(3),
    Column::drop(0),
    Column::drop(2),
    Column::KEEP,
    Column::drop(5),
    Column::KEEP,
    Column::drop(1),
    Column::drop(4),
    Column::drop(3),
    Column::TEXT,
];

/// The table people read in a terminal (fitted into `room`) and in the
/// mail body (`Room::Unlimited`).
pub fn render_table(rows: &[OverdueRow], zone: Tz, lang: Lang, room: Room) -> String {
    let headers = headings(lang);
    let cells = |i: usize| cell_texts(&rows[i], zone, lang);
    fit::render_rows(&headers, rows.len(), cells, &COLUMNS, room, lang)
}

/// The headings of the table's columns, in `lang`.
pub fn headings(lang: Lang) -> [String; 12] {
    HEADINGS.map(|h| lang.term(h).to_string())
}

const HEADINGS: [&str; 12] = [
    "提醒",
    "编号",
    "严重程度",
    "类型",
    "状态",
    "目标",
    "截止时间",
    "超时(工作)",
    "超时(自然)",
    "负责人",
    "客户",
    "摘要",
];

/// One row's cells as the table shows them (the board page too).
pub fn cells(row: &OverdueRow, zone: Tz, lang: Lang) -> Vec<String> {
    cell_texts(row, zone, lang).into_iter().map(Cow::into_owned).collect()
}

/// [`cells`], borrowing what the row holds as it is: 17 000 rows at 100 000
/// tickets, and most of their cells need no copy.
fn cell_texts(row: &OverdueRow, zone: Tz, lang: Lang) -> Vec<Cow<'_, str>> {
    let (working, wall) = match row.urgency {
        Urgency::Overdue => (format_working(row.overdue_working).into(), format_span(row.overdue_wall).into()),
        Urgency::DueSoon => (Cow::Borrowed("—"), Cow::Borrowed("—")),
    };
    let mut due = time::format_deadline(&row.due, zone);
    if row.provisional {
        due.push_str(&format!(" ({})", lang.term("暂定")));
    }
    fn coded(lang: Lang, pair: &(String, String)) -> Cow<'_, str> {
        Cow::Borrowed(lang.coded(&pair.0, &pair.1))
    }
    vec![
        Cow::Borrowed(lang.term(row.urgency.label())),
        Cow::Borrowed(row.id.as_str()),
        coded(lang, &row.severity),
        row.category.as_ref().map_or(Cow::Borrowed(lang.term("未分类")), |c| coded(lang, c)),
        coded(lang, &row.status),
        target_label(row, lang),
        due.into(),
        working,
        wall,
        Cow::Borrowed(row.assignee.as_deref().unwrap_or_default()),
        Cow::Borrowed(row.customer.as_str()),
        table::truncate(&row.summary, 30),
    ]
}

fn target_label(row: &OverdueRow, lang: Lang) -> Cow<'_, str> {
    let label = lang.coded(&row.target.0, &row.target.1);
    if row.cycle > 0 && row.target.0 == "resolution" {
        Cow::Owned(match lang {
            Lang::Zh => format!("{label} (第{}轮)", row.cycle + 1),
            Lang::En => format!("{label} (cycle {})", row.cycle + 1),
        })
    } else {
        Cow::Borrowed(label)
    }
}

pub const CSV_HEADER: [&str; 19] = [
    "state",
    "id",
    "severity",
    "severity_label",
    "category",
    "category_label",
    "status",
    "status_label",
    "target",
    "target_label",
    "cycle",
    "due",
    "provisional",
    "overdue_working_hours",
    "overdue_wall_hours",
    "assignee",
    "customer",
    "summary",
    "state_label",
];

/// CSV with ids and labels, times in the store zone, hours with one decimal.
/// Free text is neutralised against CSV injection unless `raw`.
pub fn render_csv(rows: &[OverdueRow], zone: Tz, raw: bool) -> Vec<u8> {
    let text = |cell: &str| if raw { cell.to_string() } else { super::export::neutralise(cell) };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER).expect("writing to memory");
    for row in rows {
        let (category, category_label) = row.category.clone().unwrap_or_default();
        writer
            .write_record([
                row.urgency.id().to_string(),
                row.id.clone(),
                row.severity.0.clone(),
                row.severity.1.clone(),
                category,
                category_label,
                row.status.0.clone(),
                row.status.1.clone(),
                row.target.0.clone(),
                row.target.1.clone(),
                row.cycle.to_string(),
                time::format_local(&row.due, zone),
                row.provisional.to_string(),
                hours_one_decimal(row.overdue_working),
                hours_one_decimal(row.overdue_wall),
                text(row.assignee.as_deref().unwrap_or_default()),
                text(&row.customer),
                text(&row.summary),
                row.urgency.label().to_string(),
            ])
            .expect("writing to memory");
    }
    writer.into_inner().expect("flushing to memory")
}

/// One row as JSON: ids and labels, RFC 3339 instants, minutes.
pub fn row_json(row: &OverdueRow) -> Value {
    json!({
        "state": row.urgency.id(),
        "id": row.id,
        "severity": row.severity.0,
        "severity_label": row.severity.1,
        "category": row.category.as_ref().map(|c| &c.0),
        "category_label": row.category.as_ref().map(|c| &c.1),
        "status": row.status.0,
        "status_label": row.status.1,
        "target": row.target.0,
        "target_label": row.target.1,
        "cycle": row.cycle,
        "due": time::format_instant(&row.due),
        "provisional": row.provisional,
        "overdue_working_minutes": row.overdue_working.num_minutes(),
        "overdue_wall_minutes": row.overdue_wall.num_minutes(),
        "assignee": row.assignee,
        "supervisor": row.supervisor,
        "customer": row.customer,
        "summary": row.summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_naturally() {
        assert_eq!(format_span(Duration::minutes(45)), "45m");
        assert_eq!(format_span(Duration::minutes(200)), "3h 20m");
        assert_eq!(format_span(Duration::hours(51)), "2d 3h");
        assert_eq!(format_span(Duration::hours(48)), "2d");
        assert_eq!(format_working(Duration::minutes(750)), "12h 30m");
        assert_eq!(format_working(Duration::hours(27)), "27h");
        assert_eq!(hours_one_decimal(Duration::minutes(90)), "1.5");
    }
}
