//! A report as a list of titled tables, independent of the output format:
//! the table, markdown, CSV and HTML renderers all walk the same sections,
//! which report/document.rs (figures) and document_agenda.rs (the weekly
//! agenda) build.

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(usize),
    /// A share or rate, 0–1; shown as a percentage.
    Percent(Option<f64>),
    /// Hours, one decimal.
    Hours(Option<f64>),
    /// A normalised satisfaction score, 0–100, one decimal.
    Score(Option<f64>),
}

impl Cell {
    /// For people: `37.5%`, `12.3`, `—` for no value.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Percent(Some(r)) => format!("{:.1}%", r * 100.0),
            Cell::Hours(Some(h)) | Cell::Score(Some(h)) => format!("{h:.1}"),
            Cell::Percent(None) | Cell::Hours(None) | Cell::Score(None) => "—".to_string(),
        }
    }

    /// For machines: rates as fractions with four decimals, empty for no value.
    pub fn machine(&self) -> String {
        match self {
            Cell::Percent(Some(r)) => format!("{r:.4}"),
            Cell::Percent(None) | Cell::Hours(None) | Cell::Score(None) => String::new(),
            other => other.display(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Stable key of the row (an id where there is one), for CSV.
    pub key: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: &'static str,
    pub title: String,
    /// (id, heading) per column.
    pub columns: Vec<(&'static str, String)>,
    pub rows: Vec<Row>,
}

impl Section {
    pub fn new(id: &'static str, title: &str, columns: &[(&'static str, &str)]) -> Section {
        Section {
            id,
            title: title.to_string(),
            columns: columns.iter().map(|(id, h)| (*id, h.to_string())).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, key: impl Into<String>, cells: Vec<Cell>) {
        self.rows.push(Row { key: key.into(), cells });
    }
}

/// A text cell.
pub fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}
