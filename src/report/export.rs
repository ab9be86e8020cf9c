//! `complaint export`: the record table of seed 000 (投诉处理流程记录表), one
//! row per ticket, as CSV for Excel or JSON for machines.

use chrono_tz::Tz;
use serde_json::{Value, json};

use super::analysis::TicketSummary;
use super::document::Lang;
use super::mask::Masker;
use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Result};
use crate::ticket::Ticket;
use crate::time;

/// One exportable column: its id (for `--columns` and JSON) and headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn col(id: &'static str, zh: &'static str, en: &'static str) -> Column {
    Column { id, zh, en }
}

/// The column of a ticket field, headed as the field dictionary says
/// (`lang::FIELDS`, the record table's words).
const fn field_col(id: &'static str) -> Column {
    let (zh, en) = crate::lang::field(id).export_heading();
    Column { id, zh, en }
}

/// Every column, in the default order of the record table.
pub const COLUMNS: &[Column] = &[
    field_col("id"),
    field_col("customer"),
    field_col("customer_id"),
    field_col("contact"),
    field_col("received_at"),
    field_col("channel"),
    field_col("category"),
    field_col("severity"),
    field_col("product"),
    field_col("summary"),
    field_col("description"),
    field_col("expectation"),
    field_col("department"),
    field_col("assignee"),
    field_col("plan"),
    field_col("cause"),
    field_col("status"),
    col("first_response_at", "首次响应时间", "First response at"),
    col("resolved_at", "解决时间", "Resolved at"),
    col("breached", "超时项", "Breached targets"),
    field_col("satisfaction"),
    col("feedback", "客户反馈意见", "Feedback"),
    // Not in the default set: ask with --columns.
    col("first_response_hours", "首次响应用时(小时)", "First response (h)"),
    col("resolution_hours", "处理用时(小时)", "Resolution (h)"),
    col("resolution_work_hours", "处理用时(工作小时)", "Resolution (working h)"),
    field_col("departments_involved"),
    field_col("involved_staff"),
    field_col("escalated"),
    col("reopened", "重开次数", "Reopened"),
    field_col("promised_at"),
    field_col("preferred_contact"),
    field_col("purchase_proof"),
    field_col("purchase_model"),
    field_col("purchase_batch"),
    field_col("purchase_date"),
    col("attachments", "附件数", "Attachments"),
];

/// How many of [`COLUMNS`] are exported when `--columns` is not given.
pub const DEFAULT_COLUMNS: usize = 22;

/// `id,customer,received_at`, or `all`, into columns; an unknown name is
/// an error listing the valid ones.
pub fn parse_columns(text: Option<&str>) -> Result<Vec<Column>> {
    let Some(text) = text else { return Ok(COLUMNS[..DEFAULT_COLUMNS].to_vec()) };
    if text.trim() == "all" {
        return Ok(COLUMNS.to_vec());
    }
    let mut out = Vec::new();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let column = COLUMNS.iter().find(|c| c.id == name).ok_or_else(|| Error::UnknownValue {
            kind: "column",
            value: name.to_string(),
            valid: COLUMNS.iter().map(|c| c.id).collect::<Vec<_>>().join(", "),
            suggestion: crate::config::closest(name, COLUMNS.iter().map(|c| c.id)).map(str::to_string),
        })?;
        out.push(*column);
    }
    if out.is_empty() {
        return Err(Error::invalid("--columns names no column", Some("e.g. --columns id,received_at,summary,status")));
    }
    Ok(out)
}

/// How values are written.
pub struct Options<'a> {
    pub config: &'a Config,
    pub zone: Tz,
    pub lang: Lang,
    pub masker: Masker,
}

/// One cell: the text for CSV and the value for JSON.
pub struct Field {
    pub text: String,
    pub json: Value,
    /// The label of a coded value, added to JSON as `<column>_label`.
    pub label: Option<String>,
}

fn plain(text: Option<&str>) -> Field {
    Field { text: text.unwrap_or_default().to_string(), json: json!(text), label: None }
}

fn hours(span: Option<chrono::Duration>) -> Field {
    let h = span.map(|d| (d.num_seconds() as f64 / 360.0).round() / 10.0);
    Field { text: h.map(|h| format!("{h:.1}")).unwrap_or_default(), json: json!(h), label: None }
}

/// The value of `column` for one ticket.
pub fn field(column: &Column, t: &Ticket, s: &TicketSummary, o: &Options) -> Field {
    let instant = |i: Option<&chrono::DateTime<chrono::FixedOffset>>| Field {
        text: i.map(|i| time::format_local(i, o.zone)).unwrap_or_default(),
        json: json!(i.map(time::format_instant)),
        label: None,
    };
    let coded = |kind: Option<ChoiceKind>, id: Option<&str>| match id {
        None => plain(None),
        Some(id) => {
            let label = match kind {
                Some(kind) => o.config.label(kind, id).to_string(),
                None => o.config.status_label(s.status).to_string(),
            };
            Field { text: o.lang.coded(id, &label).to_string(), json: json!(id), label: Some(label) }
        }
    };
    let list = |items: &[String]| Field { text: items.join("; "), json: json!(items), label: None };
    match column.id {
        "id" => plain(Some(&t.id)),
        "customer" => plain(Some(&o.masker.name(&t.customer.name))),
        "customer_id" => plain(t.customer.id.as_deref()),
        "contact" => plain(Some(&o.masker.contact(&t.customer.contact))),
        "received_at" => instant(Some(&t.received_at)),
        "channel" => coded(Some(ChoiceKind::Channel), Some(&t.channel)),
        "category" => coded(Some(ChoiceKind::Category), s.category.as_deref()),
        "severity" => coded(Some(ChoiceKind::Severity), Some(&s.severity)),
        "product" => plain(t.product.as_deref()),
        "summary" => plain(Some(&t.summary)),
        "description" => plain(t.description.as_deref()),
        "expectation" => plain(t.expectation.as_deref()),
        "department" => plain(s.department.as_deref()),
        "assignee" => plain(s.assignee.as_deref()),
        "plan" => plain(t.plan.as_deref()),
        "cause" => coded(Some(ChoiceKind::Cause), s.cause.as_deref()),
        "status" => coded(None, Some(s.status.id())),
        "first_response_at" => instant(s.first_response_at.as_ref()),
        "resolved_at" => instant(s.resolved_at.as_ref()),
        "breached" => {
            let names: Vec<(String, String)> = s
                .breaches()
                .map(|b| {
                    let round = if b.cycle > 0 && b.kind == crate::sla::TargetKind::Resolution {
                        format!("#{}", b.cycle + 1)
                    } else {
                        String::new()
                    };
                    (format!("{}{round}", b.kind.id()), format!("{}{round}", b.kind.label()))
                })
                .collect();
            Field {
                text: names.iter().map(|(id, label)| o.lang.coded(id, label)).collect::<Vec<_>>().join("; "),
                json: json!(names.iter().map(|(id, _)| id).collect::<Vec<_>>()),
                label: None,
            }
        }
        "satisfaction" => match &s.satisfaction {
            Some(f) => Field {
                text: format!("{}/{}", f.score, f.scale),
                json: json!({ "score": f.score, "scale": f.scale, "satisfied": f.satisfied }),
                label: o.config.satisfaction.word(f.score, f.scale).map(|w| w.label.clone()),
            },
            None => plain(None),
        },
        "feedback" => plain(s.satisfaction.as_ref().and_then(|f| f.comment.as_deref())),
        "first_response_hours" => hours(s.first_response.map(|x| x.wall)),
        "resolution_hours" => hours(s.resolution.map(|x| x.wall)),
        "resolution_work_hours" => hours(s.resolution.map(|x| x.work)),
        "departments_involved" => list(&t.departments_involved),
        "involved_staff" => list(&s.involved_staff),
        "escalated" => Field {
            text: o.lang.pick(if s.escalated { "是" } else { "否" }, if s.escalated { "yes" } else { "no" }).into(),
            json: json!(s.escalated),
            label: None,
        },
        "reopened" => Field { text: s.reopens.len().to_string(), json: json!(s.reopens.len()), label: None },
        "promised_at" => instant(t.promised_at.as_ref()),
        "preferred_contact" => match t.preferred_contact {
            Some(w) => Field {
                text: o.lang.coded(w.id(), w.label()).into(),
                json: json!(w.id()),
                label: Some(w.label().into()),
            },
            None => plain(None),
        },
        "purchase_proof" => plain(t.purchase.as_ref().and_then(|p| p.proof.as_deref())),
        "purchase_model" => plain(t.purchase.as_ref().and_then(|p| p.model.as_deref())),
        "purchase_batch" => plain(t.purchase.as_ref().and_then(|p| p.batch.as_deref())),
        "purchase_date" => plain(t.purchase.as_ref().and_then(|p| p.date).map(|d| d.to_string()).as_deref()),
        "attachments" => {
            let n = t.history.iter().filter(|e| e.attachment.is_some()).count();
            Field { text: n.to_string(), json: json!(n), label: None }
        }
        other => unreachable!("column {other} is listed in COLUMNS"),
    }
}

/// OWASP CSV injection: a cell a spreadsheet would read as a formula gets
/// a leading `'` (also `+8613…`, which then stays a phone number).
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

pub struct CsvStyle {
    pub bom: bool,
    pub raw: bool,
}

/// CSV with CRLF line ends (and a BOM unless asked otherwise) so that Excel
/// opens UTF-8 correctly; quoted cells keep line breaks of descriptions.
pub fn render_csv(columns: &[Column], rows: &[(&Ticket, &TicketSummary)], o: &Options, style: &CsvStyle) -> Vec<u8> {
    let mut bytes = csv_head(columns, o, style);
    for (t, s) in rows {
        bytes.extend_from_slice(&csv_row(columns, t, s, o, style));
    }
    bytes
}

/// The byte-order mark (if wanted) and the header line of the CSV.
pub fn csv_head(columns: &[Column], o: &Options, style: &CsvStyle) -> Vec<u8> {
    let mut bytes = super::csv::start(style.bom);
    write_csv_record(&mut bytes, headings(columns, o).into_iter());
    bytes
}

/// The heading row of a table (CSV and workbook alike): a column's heading,
/// and for the satisfaction a second column for its scale, so that its
/// score and scale are two numbers (a spreadsheet reads `4/5` as a date).
pub fn headings(columns: &[Column], o: &Options) -> Vec<String> {
    let mut out = Vec::new();
    for c in columns {
        out.push(o.lang.pick(c.zh, c.en).to_string());
        if c.id == SATISFACTION {
            out.push(o.lang.pick(SCALE_HEADING.0, SCALE_HEADING.1).to_string());
        }
    }
    out
}

/// The column that takes two cells: score and scale.
pub const SATISFACTION: &str = "satisfaction";
const SCALE_HEADING: (&str, &str) = ("满意度满分", "Satisfaction scale");

/// The text cells of one column, matching [`headings`]: the satisfaction's
/// score and scale apart, every other column one cell.
fn csv_cells(column: &Column, t: &Ticket, s: &TicketSummary, o: &Options) -> Vec<String> {
    if column.id != SATISFACTION {
        return vec![field(column, t, s, o).text];
    }
    match &s.satisfaction {
        Some(f) => vec![f.score.to_string(), f.scale.to_string()],
        None => vec![String::new(), String::new()],
    }
}

/// One CSV line (CRLF-terminated) for a ticket: records are quoted one by
/// one, so lines rendered apart and joined equal one CSV written at once.
pub fn csv_row(columns: &[Column], t: &Ticket, s: &TicketSummary, o: &Options, style: &CsvStyle) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_csv_record(
        &mut bytes,
        columns.iter().flat_map(|c| csv_cells(c, t, s, o)).map(|text| if style.raw { text } else { neutralise(&text) }),
    );
    bytes
}

fn write_csv_record(bytes: &mut Vec<u8>, cells: impl Iterator<Item = String>) {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(bytes);
    w.write_record(cells).expect("writing to memory");
    w.flush().expect("writing to memory");
}

/// One JSON object per ticket, keys in column order.
pub fn row_json(columns: &[Column], t: &Ticket, s: &TicketSummary, o: &Options) -> Value {
    let mut map = serde_json::Map::new();
    for c in columns {
        let f = field(c, t, s, o);
        map.insert(c.id.to_string(), f.json);
        if let Some(label) = f.label {
            map.insert(format!("{}_label", c.id), json!(label));
        }
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formula_cells() {
        for bad in ["=SUM(A1)", "+1", "-2", "@x", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("张三"), "张三");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn columns_parse_and_reject_unknown_names() {
        let cols = parse_columns(Some("id, status,received_at")).unwrap();
        assert_eq!(cols.iter().map(|c| c.id).collect::<Vec<_>>(), ["id", "status", "received_at"]);
        assert_eq!(parse_columns(None).unwrap().last().unwrap().id, "feedback");
        assert_eq!(parse_columns(Some("all")).unwrap().len(), COLUMNS.len());
        let err = parse_columns(Some("id,stauts")).unwrap_err();
        assert!(err.to_string().contains("valid values: id, customer"), "{err}");
        assert_eq!(err.hint().as_deref(), Some("did you mean \"status\"?"));
    }

    /// The record table's headings of the ticket fields, as they were
    /// before the field dictionary held them.
    #[test]
    fn field_columns_keep_the_record_table_headings() {
        let expected = [
            ("id", "投诉编号", "ID"),
            ("customer", "客户姓名", "Customer"),
            ("customer_id", "客户ID", "Customer ID"),
            ("contact", "联系方式", "Contact"),
            ("received_at", "投诉时间", "Received"),
            ("channel", "投诉渠道", "Channel"),
            ("category", "投诉类型", "Category"),
            ("severity", "严重程度", "Severity"),
            ("product", "产品", "Product"),
            ("summary", "投诉内容摘要", "Summary"),
            ("description", "详细描述", "Description"),
            ("expectation", "客户诉求", "Expectation"),
            ("department", "责任部门", "Department"),
            ("assignee", "责任人", "Assignee"),
            ("plan", "处理方案", "Plan"),
            ("cause", "根本原因", "Root cause"),
            ("status", "执行进度", "Status"),
            ("satisfaction", "客户满意度", "Satisfaction"),
            ("departments_involved", "协办部门", "Departments involved"),
            ("involved_staff", "涉事员工", "Staff involved"),
            ("escalated", "已升级", "Escalated"),
            ("promised_at", "承诺时间", "Promised at"),
        ];
        for (id, zh, en) in expected {
            let column = COLUMNS.iter().find(|c| c.id == id).unwrap();
            assert_eq!((column.zh, column.en), (zh, en), "{id}");
        }
    }
}
