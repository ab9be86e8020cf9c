//! A report as an aligned table, as markdown, and as CSV (one line per
//! figure, for spreadsheets and scripts).

use super::fit::{self, Column, Room};
use super::section::{Cell, Row, Section};
use super::table;
use crate::lang::Lang;

fn none(lang_zh: bool) -> &'static str {
    if lang_zh { "（无）" } else { "(none)" }
}

/// Titled tables for a terminal (fitted into `room`) or a plain-text mail.
pub fn render_table(title: &str, subtitle: &str, sections: &[Section], zh: bool, room: Room) -> String {
    let lang = if zh { Lang::Zh } else { Lang::En };
    let mut out = format!("{title}\n{subtitle}\n");
    for section in sections {
        out.push_str(&format!("\n{}\n", section.title));
        if section.rows.is_empty() {
            out.push_str(none(zh));
            out.push('\n');
            continue;
        }
        let mut t = table::new_table(section.columns.iter().map(|(_, h)| h.clone()));
        for row in &section.rows {
            t.add_row(row.cells.iter().map(|c| c.display()).collect::<Vec<_>>());
        }
        out.push_str(&fit::render_table(&t, &fit_columns(section), room, lang));
    }
    out
}

/// What a report column gives up on a narrow terminal. The first column
/// (what the row is about) and IDs stay; free text is shortened; the drill-
/// down command goes first, then wall-clock hours, medians, 90th
/// percentiles, then the other figures from the right.
fn fit_columns(section: &Section) -> Vec<Column> {
    let rank = |i: usize, id: &str| match id {
        _ if i == 0 || id == "id" => Column::KEEP,
        "summary" | "comment" | "item" => Column::TEXT,
        "drill_down" => Column::drop(0),
        _ if id.ends_with("_wall") => Column::drop(1),
        _ if id.starts_with("median_") => Column::drop(2),
        _ if id.starts_with("p90_") => Column::drop(3),
        _ => Column::drop(4),
    };
    section.columns.iter().enumerate().map(|(i, (id, _))| rank(i, id)).collect()
}

/// GitHub-flavoured markdown: a heading and a pipe table per section.
pub fn render_markdown(title: &str, subtitle: &str, sections: &[Section], zh: bool) -> String {
    let mut out = format!("# {}\n\n{}\n", escape(title), escape(subtitle));
    for section in sections {
        out.push_str(&format!("\n## {}\n\n", escape(&section.title)));
        if section.rows.is_empty() {
            out.push_str(none(zh));
            out.push('\n');
            continue;
        }
        let heads: Vec<String> = section.columns.iter().map(|(_, h)| escape(h)).collect();
        out.push_str(&format!("| {} |\n", heads.join(" | ")));
        let rules: Vec<&str> =
            section.rows[0].cells.iter().map(|c| if matches!(c, Cell::Text(_)) { "---" } else { "---:" }).collect();
        out.push_str(&format!("|{}|\n", rules.join("|")));
        for Row { cells, .. } in &section.rows {
            let cells: Vec<String> = cells.iter().map(|c| escape(&c.display())).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    out
}

/// Pipes would end a cell, newlines a row; `*_` and friends stay literal.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Long format: `section,key,label,metric,value`, one line per figure;
/// rates as fractions, hours with one decimal.
pub fn render_csv(sections: &[Section], meta: &[(&str, String)]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["section", "key", "label", "metric", "value"]).expect("writing to memory");
    for (key, value) in meta {
        w.write_record(["report", key, "", key, value.as_str()]).expect("writing to memory");
    }
    for section in sections {
        for row in &section.rows {
            let label = row.cells.first().map(|c| c.display()).unwrap_or_default();
            for ((metric, _), cell) in section.columns.iter().zip(&row.cells).skip(1) {
                // Figures are numbers we computed (a change may be -0.3):
                // only text needs neutralising.
                let value = match cell {
                    Cell::Text(text) if text.parse::<f64>().is_err() => super::export::neutralise(text),
                    _ => cell.machine(),
                };
                w.write_record([section.id, &row.key, &super::export::neutralise(&label), metric, &value])
                    .expect("writing to memory");
            }
        }
    }
    w.into_inner().expect("flushing to memory")
}
