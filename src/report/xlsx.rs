//! Real workbooks (spec §12) with rust_xlsxwriter: a spreadsheet never
//! guesses a cell's type, so IDs, contacts, customer IDs and product codes
//! stay text (leading zeros kept), times are date cells, durations and
//! scores are numbers, and nothing reads `4/5` as a date. Every sheet has a
//! bold frozen header row with filters, column widths that fit Chinese
//! text, and prints landscape on A4, one page wide. Built in memory; the
//! door writes the bytes.

use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{Chart, ChartType, Color, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::error::{Error, Result};

/// One cell of a sheet, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A share or rate, 0–1, shown as a percentage.
    Percent(f64),
    /// A number shown with one decimal (hours, scores).
    Decimal(f64),
    /// A local wall-clock time in the store's zone (Excel has no zones).
    Time(NaiveDateTime),
}

/// A workbook being filled one row at a time.
pub struct Book {
    workbook: Workbook,
    sheets: Vec<SheetState>,
    header: Format,
    formats: Formats,
}

/// The number formats cells are written with.
#[derive(Clone)]
struct Formats {
    time: Format,
    wrap: Format,
    percent: Format,
    decimal: Format,
}

struct SheetState {
    name: String,
    /// The next row to write.
    rows: u32,
    /// The rows of the table (header included), without the notes after it.
    table_rows: u32,
    widths: Vec<usize>,
}

/// A native chart of one sheet's table: the categories are the column
/// `labels`, the values the column `values`, of every row below the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartSpec<'a> {
    pub kind: ChartKind,
    pub title: &'a str,
    pub labels: u16,
    pub values: u16,
}

/// The kinds of chart a report uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Bar,
    Column,
    Line,
    Pie,
}

/// A sheet's widest column, in characters (Chinese counts two).
const MAX_WIDTH: usize = 50;
/// A4 in Excel's paper-size codes.
const A4: u8 = 9;

impl Book {
    pub fn new() -> Book {
        Book {
            workbook: Workbook::new(),
            sheets: Vec::new(),
            header: Format::new().set_bold().set_background_color(Color::RGB(0xDDEBF7)).set_border(FormatBorder::Thin),
            formats: Formats {
                time: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
                wrap: Format::new(),
                percent: Format::new().set_num_format("0.0%"),
                decimal: Format::new().set_num_format("0.0"),
            },
        }
    }

    /// Adds a sheet named `name` with a header row; rows follow with
    /// [`Book::row`] on the last sheet added.
    pub fn sheet(&mut self, name: &str, headers: &[String]) -> Result<()> {
        let header = self.header.clone();
        let sheet = self.workbook.add_worksheet();
        sheet.set_name(name).map_err(failed)?;
        for (col, text) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, text, &header).map_err(failed)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        sheet.set_landscape().set_paper_size(A4).set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(0, 0).map_err(failed)?;
        let widths = headers.iter().map(|h| h.width()).collect();
        self.sheets.push(SheetState { name: name.to_string(), rows: 1, table_rows: 1, widths });
        Ok(())
    }

    /// Appends one row to the last sheet.
    pub fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let index = self.sheets.len().checked_sub(1).expect("a sheet before its rows");
        let state = &mut self.sheets[index];
        let sheet = self.workbook.worksheet_from_index(index).map_err(failed)?;
        let row = state.rows;
        for (col, cell) in cells.iter().enumerate() {
            let width = write_cell(sheet, row, col as u16, cell, &self.formats)?;
            if let Some(w) = state.widths.get_mut(col) {
                *w = (*w).max(width);
            }
        }
        state.rows += 1;
        state.table_rows = state.rows;
        Ok(())
    }

    /// Appends a line of text to the last sheet (a title, a note) that
    /// does not widen its column as a table cell would.
    pub fn note(&mut self, text: &str) -> Result<()> {
        let index = self.sheets.len().checked_sub(1).expect("a sheet before its notes");
        let state = &mut self.sheets[index];
        let sheet = self.workbook.worksheet_from_index(index).map_err(failed)?;
        sheet.write_string(state.rows, 0, text).map_err(failed)?;
        state.rows += 1;
        Ok(())
    }

    /// Puts a native chart of the last sheet's rows to the right of its
    /// table (a sheet without rows gets none: an empty chart says nothing).
    pub fn chart(&mut self, spec: ChartSpec) -> Result<()> {
        let index = self.sheets.len().checked_sub(1).expect("a sheet before its chart");
        let state = &self.sheets[index];
        if state.table_rows < 2 {
            return Ok(());
        }
        let mut chart = Chart::new(match spec.kind {
            ChartKind::Bar => ChartType::Bar,
            ChartKind::Column => ChartType::Column,
            ChartKind::Line => ChartType::Line,
            ChartKind::Pie => ChartType::Pie,
        });
        let last = state.table_rows - 1;
        chart
            .add_series()
            .set_name(spec.title)
            .set_categories((state.name.as_str(), 1, spec.labels, last, spec.labels))
            .set_values((state.name.as_str(), 1, spec.values, last, spec.values));
        chart.title().set_name(spec.title);
        if spec.kind != ChartKind::Pie {
            chart.legend().set_hidden();
        }
        let beside = state.widths.len() as u16 + 1;
        let sheet = self.workbook.worksheet_from_index(index).map_err(failed)?;
        sheet.insert_chart(1, beside, &chart).map_err(failed)?;
        Ok(())
    }

    /// Sets filters and widths and returns the workbook's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>> {
        for (index, state) in self.sheets.iter().enumerate() {
            let sheet = self.workbook.worksheet_from_index(index).map_err(failed)?;
            let last_col = state.widths.len().saturating_sub(1) as u16;
            sheet.autofilter(0, 0, state.table_rows - 1, last_col).map_err(failed)?;
            for (col, width) in state.widths.iter().enumerate() {
                // Excel's unit is about one Latin character; a little air.
                sheet.set_column_width(col as u16, (*width).clamp(4, MAX_WIDTH) as f64 + 2.0).map_err(failed)?;
            }
        }
        self.workbook.save_to_buffer().map_err(failed)
    }
}

impl Default for Book {
    fn default() -> Book {
        Book::new()
    }
}

/// Writes `cell`; returns how wide it shows (for the column width).
fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, cell: &Cell, formats: &Formats) -> Result<usize> {
    match cell {
        Cell::Empty => Ok(0),
        Cell::Text(text) => {
            sheet.write_string_with_format(row, col, text, &formats.wrap).map_err(failed)?;
            Ok(text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0))
        }
        Cell::Number(n) => {
            sheet.write_number(row, col, *n).map_err(failed)?;
            Ok(n.to_string().len())
        }
        Cell::Percent(r) => {
            sheet.write_number_with_format(row, col, *r, &formats.percent).map_err(failed)?;
            Ok(7)
        }
        Cell::Decimal(n) => {
            sheet.write_number_with_format(row, col, *n, &formats.decimal).map_err(failed)?;
            Ok(format!("{n:.1}").len())
        }
        Cell::Time(t) => {
            sheet.write_datetime_with_format(row, col, excel_time(t)?, &formats.time).map_err(failed)?;
            // `2026-11-23 09:15` is 16 characters; spreadsheets draw digits
            // wider than a column unit.
            Ok(19)
        }
    }
}

fn excel_time(t: &NaiveDateTime) -> Result<ExcelDateTime> {
    let date = ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8).map_err(failed)?;
    date.and_hms(t.hour() as u16, t.minute() as u8, t.second()).map_err(failed)
}

fn failed(e: XlsxError) -> Error {
    Error::Invalid { message: format!("cannot build the workbook: {e}"), hint: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_workbook_with_typed_cells() {
        let mut book = Book::new();
        book.sheet("投诉记录", &["投诉编号".into(), "客户ID".into(), "满意度".into(), "受理时间".into()]).unwrap();
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(9, 15, 0).unwrap();
        book.row(&[Cell::Text("CP20261123001".into()), Cell::Text("000123".into()), Cell::Number(4.0), Cell::Time(at)])
            .unwrap();
        let bytes = book.finish().unwrap();
        assert!(bytes.starts_with(b"PK"), "an xlsx is a zip file");
    }
}
