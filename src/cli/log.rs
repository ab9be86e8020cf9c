//! `complaint log ID`

use std::process::ExitCode;

use clap::Args;

use super::{Context, output};
use crate::config::Config;
use crate::error::Result;
use crate::report::{history, table};
use crate::ticket::Ticket;
use crate::time;

/// Show a ticket's history: every event with its time, actor and change.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
}

pub fn run(ctx: &mut Context, args: LogArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let id = store.parse_id(&args.id)?;
    let ticket = store.load(&id)?;
    if ctx.global.json {
        output::print_json(&serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "id": ticket.id,
            "history": ticket.history,
        }))?;
    } else {
        output::print(&table::render(&history_table(&ticket, store.config())))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn history_table(ticket: &Ticket, config: &Config) -> comfy_table::Table {
    let zone = config.zone();
    let mut t = table::new_table(["时间", "操作人", "操作", "内容"]);
    for (event, text) in ticket.history.iter().zip(history::describe_all(&ticket.history, config)) {
        t.add_row(vec![time::format_local(&event.at, zone), event.by.clone(), event.action.label().to_string(), text]);
    }
    t
}
