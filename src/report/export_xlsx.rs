//! The record table as a workbook: each export column as a typed cell
//! (see [`super::xlsx`]). Times become date cells, hours and counts
//! numbers, the satisfaction its score and its scale as two number columns
//! (a CSV's `4/5` is read as a date by spreadsheets), everything else text.

use chrono::DateTime;
use serde_json::Value;

use super::analysis::TicketSummary;
use super::export::{Column, Options, field};
use super::xlsx::Cell;
use crate::ticket::Ticket;

/// Columns whose value is an instant.
const TIMES: [&str; 4] = ["received_at", "first_response_at", "resolved_at", "promised_at"];
/// Columns whose value is a number.
const NUMBERS: [&str; 5] =
    ["first_response_hours", "resolution_hours", "resolution_work_hours", "reopened", "attachments"];

/// The header row: the same headings as the CSV's.
pub fn headers(columns: &[Column], o: &Options) -> Vec<String> {
    super::export::headings(columns, o)
}

/// One ticket's row, matching [`headers`].
pub fn cells(columns: &[Column], t: &Ticket, s: &TicketSummary, o: &Options) -> Vec<Cell> {
    let mut out = Vec::with_capacity(columns.len() + 1);
    for c in columns {
        let f = field(c, t, s, o);
        match c.id {
            "satisfaction" => {
                let number = |key: &str| f.json.get(key).and_then(Value::as_f64).map_or(Cell::Empty, Cell::Number);
                out.push(number("score"));
                out.push(number("scale"));
            }
            id if TIMES.contains(&id) => out.push(
                f.json
                    .as_str()
                    .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
                    .map_or(Cell::Empty, |at| Cell::Time(at.with_timezone(&o.zone).naive_local())),
            ),
            id if NUMBERS.contains(&id) => out.push(f.json.as_f64().map_or(Cell::Empty, Cell::Number)),
            _ if f.text.is_empty() => out.push(Cell::Empty),
            _ => out.push(Cell::Text(f.text)),
        }
    }
    out
}
