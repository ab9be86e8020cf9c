//! The report as a workbook (spec §12): a first sheet with the title, the
//! period and the trend (with its chart), then one sheet per table of the
//! report — the same sections the text, markdown, CSV and HTML renderers
//! walk — with counts, shares, hours and scores as numbers, and a native
//! chart beside the tables that are distributions (category, channel,
//! severity, cause, satisfaction).

use chrono::NaiveDate;

use super::document::Lang;
use super::section::{Cell as SectionCell, Section};
use super::xlsx::{Book, Cell, ChartKind, ChartSpec};
use crate::error::Result;

/// The sections drawn as a chart beside their table, and how.
const CHARTS: [(&str, ChartKind); 5] = [
    ("by_category", ChartKind::Bar),
    ("by_channel", ChartKind::Pie),
    ("by_severity", ChartKind::Column),
    ("by_cause", ChartKind::Bar),
    ("satisfaction", ChartKind::Column),
];

/// What the first sheet shows besides the sections.
pub struct Cover<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    /// Complaints per day or per week of the period.
    pub trend: &'a [(NaiveDate, usize)],
    /// "day" or "week".
    pub trend_unit: &'a str,
}

/// The workbook's bytes.
pub fn render(cover: &Cover, sections: &[Section], lang: Lang) -> Result<Vec<u8>> {
    let mut book = Book::new();
    let mut names = SheetNames::default();
    write_cover(&mut book, &mut names, cover, lang)?;
    for section in sections {
        write_section(&mut book, &mut names, section)?;
    }
    book.finish()
}

fn write_cover(book: &mut Book, names: &mut SheetNames, cover: &Cover, lang: Lang) -> Result<()> {
    let per = match (cover.trend_unit, lang) {
        ("day", Lang::Zh) => "每日投诉量",
        (_, Lang::Zh) => "每周投诉量",
        ("day", Lang::En) => "Complaints per day",
        (_, Lang::En) => "Complaints per week",
    };
    let first =
        if cover.trend_unit == "day" { lang.pick("日期", "Day") } else { lang.pick("周起始日", "Week of") };
    book.sheet(&names.unique(lang.pick("报告", "Report")), &[first.to_string(), per.to_string()])?;
    for (day, count) in cover.trend {
        book.row(&[Cell::Text(day.format("%Y-%m-%d").to_string()), Cell::Number(*count as f64)])?;
    }
    book.chart(ChartSpec { kind: ChartKind::Line, title: per, labels: 0, values: 1 })?;
    // Title and period under the trend, so that the header row stays the
    // trend's (filters, frozen row) and a print shows what the book is.
    book.note("")?;
    book.note(cover.title)?;
    book.note(cover.subtitle)
}

fn write_section(book: &mut Book, names: &mut SheetNames, section: &Section) -> Result<()> {
    let headers: Vec<String> = section.columns.iter().map(|(_, heading)| heading.clone()).collect();
    book.sheet(&names.unique(&section.title), &headers)?;
    for row in &section.rows {
        let cells: Vec<Cell> = row.cells.iter().map(typed).collect();
        book.row(&cells)?;
    }
    if let Some((_, kind)) = CHARTS.iter().find(|(id, _)| *id == section.id) {
        book.chart(ChartSpec { kind: *kind, title: &section.title, labels: 0, values: 1 })?;
    }
    Ok(())
}

/// A report cell as a typed workbook cell: no value is an empty cell, not
/// a dash a formula would trip on.
fn typed(cell: &SectionCell) -> Cell {
    match cell {
        SectionCell::Text(t) if t.is_empty() => Cell::Empty,
        SectionCell::Text(t) => Cell::Text(t.clone()),
        SectionCell::Count(n) => Cell::Number(*n as f64),
        SectionCell::Percent(Some(r)) => Cell::Percent(*r),
        SectionCell::Hours(Some(h)) | SectionCell::Score(Some(h)) => Cell::Decimal(*h),
        SectionCell::Percent(None) | SectionCell::Hours(None) | SectionCell::Score(None) => Cell::Empty,
    }
}

/// Sheet names as Excel allows them: at most 31 characters, none of
/// `[]:*?/\`, not blank, and unique (case-insensitive) in the book.
#[derive(Default)]
struct SheetNames {
    taken: Vec<String>,
}

impl SheetNames {
    fn unique(&mut self, wanted: &str) -> String {
        let clean: String = wanted
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) || c.is_control() { '_' } else { c })
            .collect::<String>()
            .trim_matches('\'')
            .trim()
            .to_string();
        let base: String = if clean.is_empty() { "Sheet".to_string() } else { clean.chars().take(31).collect() };
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
            let suffix = format!(" ({n})");
            name = base.chars().take(31 - suffix.chars().count()).collect::<String>() + &suffix;
            n += 1;
        }
        self.taken.push(name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_cleaned_shortened_and_unique() {
        let mut names = SheetNames::default();
        assert_eq!(names.unique("处理时效(小时)"), "处理时效(小时)");
        assert_eq!(names.unique("a/b:c"), "a_b_c");
        assert_eq!(names.unique("A_B_C"), "A_B_C (2)");
        assert_eq!(names.unique(""), "Sheet");
        let long = "x".repeat(40);
        assert_eq!(names.unique(&long).chars().count(), 31);
        assert_eq!(names.unique(&long), format!("{} (2)", "x".repeat(27)));
    }

    #[test]
    fn report_cells_keep_their_types() {
        assert_eq!(typed(&SectionCell::Count(3)), Cell::Number(3.0));
        assert_eq!(typed(&SectionCell::Percent(Some(0.25))), Cell::Percent(0.25));
        assert_eq!(typed(&SectionCell::Hours(None)), Cell::Empty);
        assert_eq!(typed(&SectionCell::Text("4/5".into())), Cell::Text("4/5".into()));
    }
}
