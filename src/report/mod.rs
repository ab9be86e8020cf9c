//! Rendering rows as tables, CSV, JSON and email. Everything here writes to
//! any `io::Write` or returns bytes, so output is testable without a terminal.

pub mod analysis;
mod chart;
pub mod document;
mod document_agenda;
pub mod export;
pub mod history;
pub mod html;
pub mod markup;
pub mod mask;
pub mod overdue;
pub mod report_json;
pub mod report_text;
pub mod section;
pub mod table;
