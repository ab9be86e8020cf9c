//! `complaint`: customer-complaint tickets as YAML files in a git repository.
//!
//! The binary is a thin shell around [`run`]; integration tests drive the
//! binary, unit tests the modules. Layout:
//! - [`ticket`]: the domain (ticket, status machine, events, ID). No I/O.
//! - [`sla`]: calendar and deadline maths, pure functions of config, history and now.
//! - [`ops`]: the operations on a ticket (create, classify, … edit): every
//!   rule of input and lifecycle, for every door. Pure, like the domain.
//! - [`store`]: the only code that touches the file system; applies a change
//!   under the lock and commits it.
//! - [`report`]: turns rows into tables, CSV, JSON, HTML; writes to any `io::Write`.
//! - [`mail`]: builds messages and delivers them by SMTP or a sendmail command.
//! - [`lang`]: the language people read (`[ui] lang`) and its terms.
//! - [`server`]: `complaint serve`, the web door: sign-in, roles, the JSON API.
//! - [`cli`]: arguments, environment and the clock; one file per subcommand.

pub mod cli;
pub mod config;
pub mod error;
pub mod lang;
pub mod mail;
pub mod ops;
pub mod report;
pub mod server;
pub mod sla;
pub mod store;
pub mod ticket;
pub mod time;
pub mod web;

pub use cli::run;
pub use error::{Error, Result};
