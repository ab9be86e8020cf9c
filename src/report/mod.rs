//! Rendering rows as tables, CSV, JSON and email. Everything here writes to
//! any `io::Write`, so output is testable without a terminal.

pub mod history;
pub mod mask;
pub mod table;
