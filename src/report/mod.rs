//! Rendering rows as tables, CSV, JSON and email.
