//! Rendering rows as tables, CSV, JSON, HTML and the text of the overdue
//! mail. Everything here returns text or bytes (or writes to any
//! `io::Write`): no files, no network, no processes; mail messages are
//! built and sent in mail/. So output is testable without a terminal.

pub mod analysis;
pub mod attachments;
pub mod calendar;
mod chart;
pub mod csv;
pub mod document;
mod document_agenda;
mod document_points;
pub mod export;
pub mod export_order;
pub mod export_xlsx;
pub mod filter;
pub mod fit;
pub mod history;
pub mod html;
pub mod markup;
pub mod mask;
pub mod overdue;
pub mod overdue_list;
pub mod overdue_mail;
pub mod report_json;
pub mod report_text;
pub mod report_xlsx;
pub mod section;
pub mod stages;
pub mod table;
pub mod ticket_json;
pub mod xlsx;
