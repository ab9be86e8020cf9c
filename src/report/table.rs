//! Aligned tables for people. comfy-table measures CJK characters as two
//! columns, so Chinese labels line up.

use comfy_table::{Cell, ContentArrangement, Table, TableComponent, presets};
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

/// Cuts `text` to at most `max` display columns, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    let one_line = text.lines().next().unwrap_or("");
    if UnicodeWidthStr::width(one_line) <= max && !text.contains('\n') {
        return one_line.to_string();
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("表带断裂，要求换货", 10), "表带断裂…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("two\nlines", 10), "two…");
    }
}
