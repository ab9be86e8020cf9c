//! `complaint log ID`

use std::process::ExitCode;

use clap::Args;

use super::{Context, common, output};
use crate::error::Result;
use crate::lang::Lang;
use crate::report::fit::{self, Column};
use crate::report::{history, table};
use crate::store::git::{LogEntry, Repo};

/// Show a ticket's history: every event with its time, actor and change;
/// with --git also the commits that touched its file.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Ticket ID, e.g. CP20261123001 (an ID renumbered by `check --fix` still works)
    pub id: String,
    /// Also list the git commits that touched the ticket's file (hash, date, author, subject)
    #[arg(long)]
    pub git: bool,
    #[command(flatten)]
    pub fit: output::FitArgs,
}

pub fn run(ctx: &mut Context, args: LogArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let tickets = common::resolve(ctx, &store, &args.id)?;
    let commits = if args.git {
        let repo = Repo::require(store.root())?;
        let ticket = &tickets[0];
        repo.file_log(&store.path_of(&store.parse_id(&ticket.id)?))?
    } else {
        Vec::new()
    };
    if ctx.global.json {
        let mut doc = serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "id": tickets[0].id,
            "history": tickets[0].history,
        });
        if tickets.len() > 1 {
            doc["collision"] = serde_json::json!(tickets.iter().map(|t| &t.history).collect::<Vec<_>>());
        }
        if args.git {
            doc["commits"] = serde_json::json!(commits);
        }
        output::print_json(&doc)?;
        return Ok(ExitCode::SUCCESS);
    }
    let room = ctx.room(args.fit.wide);
    let lang = store.config().lang();
    let mut text = String::new();
    for ticket in &tickets {
        if tickets.len() > 1 {
            text.push_str(&format!("{} (uid {})\n", ticket.id, ticket.uid));
        }
        text.push_str(&fit::render_table(&history::table(ticket, store.config()), &history::COLUMNS, room, lang));
    }
    if args.git {
        let title = lang.pick("提交记录 (git)", "Commits (git)");
        text.push_str(&format!(
            "{title}\n{}",
            fit::render_table(&commits_table(&commits, lang), &COMMIT_COLUMNS, room, lang)
        ));
    }
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// On a narrow terminal the author goes first, then the date; the subject
/// is shortened.
const COMMIT_COLUMNS: [Column; 4] = [Column::KEEP, Column::drop(1), Column::drop(0), Column::TEXT];

fn commits_table(commits: &[LogEntry], lang: Lang) -> comfy_table::Table {
    let mut t = table::new_table(["提交", "时间", "作者", "说明"].map(|h| lang.term(h)));
    for c in commits {
        t.add_row(vec![c.hash.clone(), c.date.clone(), c.author.clone(), c.subject.clone()]);
    }
    t
}
