//! Rendering rows as tables, CSV, JSON and email.

pub mod email;
