//! Aligned tables for people. comfy-table measures CJK characters as two
//! columns, so Chinese labels line up.

use std::borrow::Cow;

use comfy_table::{Cell, ContentArrangement, Table, TableComponent, presets};
use rayon::prelude::*;
use unicode_width::UnicodeWidthStr;

/// A table with a header row underlined, columns two spaces apart, no
/// colour, never wrapped (a pipe to `less -S` or a file keeps one line per
/// row).
pub fn new_table<I, S>(header: I) -> Table
where
    I: IntoIterator<Item = S>,
    S: Into<Cell>,
{
    let mut table = borderless();
    table.set_header(header);
    table.set_style(TableComponent::HeaderLines, '─');
    table.set_style(TableComponent::MiddleHeaderIntersections, '─');
    tighten(&mut table);
    table
}

/// A two-column field/value table without header (for `show`).
pub fn new_fields_table() -> Table {
    borderless()
}

fn borderless() -> Table {
    let mut table = Table::new();
    table.load_preset(presets::NOTHING).set_content_arrangement(ContentArrangement::Disabled);
    for component in [TableComponent::LeftBorder, TableComponent::RightBorder, TableComponent::VerticalLines] {
        table.remove_style(component);
    }
    table
}

fn tighten(table: &mut Table) {
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
}

/// The table as text: one line per row, no trailing blanks.
pub fn render(table: &Table) -> String {
    let mut table = table.clone();
    tighten(&mut table);
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The text of a [`new_table`] with `header` and `count` rows, row `i`
/// being `cells(i)`, exactly as [`render`] gives it, without building the
/// table: column widths first, then the lines. A table of 15 000 overdue
/// rows costs a few MB this way instead of tens (spec §9). Cells holding a
/// line break, which only comfy-table lays out, go through it.
///
/// Every step over the rows runs in parallel (formatting the cells, their
/// widths, the lines a block of rows at a time, freeing the cells): this
/// is the tail of `overdue` and `list`, after the scan, and one core alone
/// would spend tens of ms on it at 100 000 tickets.
pub fn render_rows<S: AsRef<str> + Send + Sync>(
    header: &[String],
    count: usize,
    cells: impl Fn(usize) -> Vec<S> + Sync,
) -> String {
    let rows: Vec<Vec<S>> = (0..count).into_par_iter().map(&cells).collect();
    let comfy = |rows: Vec<Vec<S>>| {
        let mut t = new_table(header.iter().map(String::as_str));
        for row in rows {
            t.add_row(row.iter().map(|c| c.as_ref().to_string()).collect::<Vec<_>>());
        }
        render(&t)
    };
    let odd = |row: &[S]| row.len() != header.len() || row.iter().any(|c| c.as_ref().contains('\n'));
    let header_odd = header.iter().any(|c| c.contains('\n'));
    if header_odd || rows.par_iter().any(|row| odd(row)) {
        return comfy(rows);
    }
    let widths = column_widths(header, &rows);
    // comfy-table: a column is at least one wide; widths are u16.
    if widths.iter().any(|&w| w > 10_000) {
        return comfy(rows);
    }
    let widths: Vec<usize> = widths.into_iter().map(|w| w.max(1)).collect();
    let mut out = String::with_capacity(rows.len() * 160);
    push_line(&mut out, header, &widths);
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
    out.push_str(rule.join("─").trim_end());
    out.push('\n');
    // Blocks of rows laid out (and their cells freed) on the pool.
    let blocks: Vec<String> = rows
        .into_par_iter()
        .chunks(LINES_PER_BLOCK)
        .map(|block| {
            let mut text = String::with_capacity(block.len() * 160);
            for row in &block {
                push_line(&mut text, row, &widths);
            }
            text
        })
        .collect();
    out.reserve(blocks.iter().map(String::len).sum());
    for block in &blocks {
        out.push_str(block);
    }
    out
}

/// Rows laid out per task of [`render_rows`]: large enough that a task
/// costs more than handing it on.
const LINES_PER_BLOCK: usize = 256;

/// Each column's widest cell (header included), in display columns.
fn column_widths<S: AsRef<str> + Sync>(header: &[String], rows: &[Vec<S>]) -> Vec<usize> {
    let widest = |mut widths: Vec<usize>, row: &Vec<S>| {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(display_width(c.as_ref()));
        }
        widths
    };
    let header_widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    let zero = || vec![0; header.len()];
    let cells =
        rows.par_iter().fold(zero, widest).reduce(zero, |a, b| a.into_iter().zip(b).map(|(a, b)| a.max(b)).collect());
    header_widths.into_iter().zip(cells).map(|(h, c)| h.max(c)).collect()
}

/// The display columns `text` takes: its length for ASCII (most cells:
/// IDs, times, codes), else by Unicode width (CJK takes two).
pub fn display_width(text: &str) -> usize {
    if text.is_ascii() { text.len() } else { UnicodeWidthStr::width(text) }
}

/// One line of the table: each cell padded to its column's width plus
/// two, columns one blank apart, trailing blanks cut.
fn push_line<S: AsRef<str>>(out: &mut String, row: &[S], widths: &[usize]) {
    const BLANKS: &str = "                                                                ";
    let start = out.len();
    for (i, (c, w)) in row.iter().zip(widths).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let c = c.as_ref();
        out.push_str(c);
        let mut pad = w + 2 - display_width(c);
        while pad > 0 {
            let n = pad.min(BLANKS.len());
            out.push_str(&BLANKS[..n]);
            pad -= n;
        }
    }
    let end = out[start..].trim_end().len() + start;
    out.truncate(end);
    out.push('\n');
}

/// Cuts `text` to at most `max` display columns, ending in `…` when cut.
/// Text that fits is returned as it is, uncopied.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    let one_line = text.lines().next().unwrap_or("");
    if display_width(one_line) <= max && !text.contains('\n') {
        return Cow::Borrowed(one_line);
    }
    let mut out = String::new();
    let mut width = 0;
    for c in one_line.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width + w + 1 > max {
            break;
        }
        out.push(c);
        width += w;
    }
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_render_like_comfy_table() {
        let samples =
            ["", "a", "张三", "超时(工作)", "x y", " lead", "trail ", "😀👍", "e\u{301}", "tab\tx", "—", "1091d 12h"];
        let header: Vec<String> = ["提醒", "id", "", "摘要"].iter().map(|s| s.to_string()).collect();
        for n in 0..40usize {
            let cells = |i: usize| -> Vec<String> {
                (0..4).map(|c| samples[(i * 7 + c * 5 + n) % samples.len()].to_string()).collect()
            };
            let count = n % 6;
            let mut t = new_table(header.iter().map(String::as_str));
            for i in 0..count {
                t.add_row(cells(i));
            }
            assert_eq!(render_rows(&header, count, cells), render(&t), "case {n}");
        }
        let long = "长".repeat(6000);
        for odd in
            [vec!["a\nb".to_string(), "c".into(), "".into(), "d".into()], vec![long, "".into(), "".into(), "".into()]]
        {
            let mut t = new_table(header.iter().map(String::as_str));
            t.add_row(odd.clone());
            assert_eq!(render_rows(&header, 1, |_| odd.clone()), render(&t));
        }
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("表带断裂，要求换货", 10), "表带断裂…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("two\nlines", 10), "two…");
    }
}
