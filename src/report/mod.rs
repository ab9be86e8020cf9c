//! Rendering rows as tables, CSV, JSON and email. Everything here writes to
//! any `io::Write` or returns bytes, so output is testable without a terminal.

pub mod email;
pub mod history;
pub mod mask;
pub mod overdue;
pub mod table;
