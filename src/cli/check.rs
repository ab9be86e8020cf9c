//! `complaint check`

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::{Context, common, output};
use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Result};
use crate::report::table;
use crate::store::Store;
use crate::ticket::{Ticket, integrity};
use crate::tr;

/// Validate every ticket file: it parses, its ID matches its path and the
/// configured pattern, no ID or uid is used twice, values are configured,
/// history is ordered and starts with `created`, and the current fields
/// equal what the history implies, no file holds git conflict markers or
/// an ID collision, and (in git, with auto-commit) no ticket file has
/// changes that were never committed, and every attachment is present with
/// its recorded SHA-256 (files no ticket records are noted). Exits 1 when
/// a problem is found.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Repair ID collisions from merged clones: the later-created ticket
    /// gets the next free ID of its day (renamed_from keeps the old one), and
    /// the repair is committed; commit ticket files an interrupted command
    /// left uncommitted (only those files, in one commit)
    #[arg(long)]
    pub fix: bool,
}

#[derive(Debug, Serialize)]
struct Problem {
    path: String,
    message: String,
}

pub fn run(ctx: &mut Context, args: CheckArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let mut scan = store.scan()?;
    if args.fix {
        // A bad actor name fails before any repair is written.
        ctx.actor(&store)?;
        for message in super::check_fix::fix(ctx, &store, &scan)? {
            ctx.info(message);
        }
        for message in super::check_fix_git::commit(ctx, &store)? {
            ctx.info(message);
        }
        scan = store.scan()?;
    }
    let mut problems: Vec<Problem> = scan
        .errors
        .iter()
        .chain(&scan.collisions)
        .map(|e| {
            let mut text = common::relative(&store, e);
            if let Some(hint) =
                e.hint().filter(|_| matches!(e, Error::ConflictMarkers { .. } | Error::IdCollision { .. }))
            {
                text.push_str(&format!(" — {}", hint.replace(&format!("{}/", store.root().display()), "")));
            }
            match text.split_once(": ") {
                Some((path, message)) => Problem { path: path.to_string(), message: message.to_string() },
                None => Problem { path: String::new(), message: text },
            }
        })
        .collect();
    let mut by_id: HashMap<&str, &Path> = HashMap::new();
    let mut by_uid: HashMap<&str, &Path> = HashMap::new();
    for (path, ticket) in &scan.tickets {
        let shown = store.display_path(path).to_string();
        let mut report = |message: String| problems.push(Problem { path: shown.clone(), message });
        for message in ticket_problems(&store, path, ticket) {
            report(message);
        }
        // Two tickets in one file are an ID collision, reported above.
        if let Some(other) = by_id.insert(&ticket.id, path).filter(|other| other != path) {
            report(format!("ID {} is also used by {}", ticket.id, store.display_path(other)));
        }
        if let Some(other) = by_uid.insert(&ticket.uid, path) {
            report(format!("uid {} is also used by {}", ticket.uid, store.display_path(other)));
        }
    }
    if let Some(leftovers) = super::check_fix_git::find(&store)? {
        for file in &leftovers.files {
            problems.push(Problem {
                path: store.display_path(&file.path).to_string(),
                message: super::check_fix_git::problem(file),
            });
        }
    }
    problems.extend(store.interrupted_imports().into_iter().map(|(path, message)| Problem { path, message }));
    let attachments = store.check_attachments(scan.tickets.iter().map(|(_, t)| t));
    problems.extend(
        attachments
            .problems
            .iter()
            .map(|(path, message)| Problem { path: store.display_path(path).to_string(), message: message.clone() }),
    );
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    // Leftovers of killed writers are notes, not problems: the ticket beside
    // them is whole (old or new version), and the next writer in that
    // directory deletes them once they are ten minutes old.
    // A file under attachments/ that no event records is harmless (an
    // attach interrupted before its event was saved, or a file put there by
    // hand): a note, like a temp file.
    let notes: Vec<Problem> = store
        .leftover_temp_files()
        .iter()
        .map(|path| Problem {
            path: store.display_path(path).to_string(),
            message: "temporary file left by an interrupted write; not a ticket, safe to delete".into(),
        })
        .chain(attachments.unreferenced.iter().map(|path| Problem {
            path: store.display_path(path).to_string(),
            message:
                "file under attachments/ that no ticket records (an interrupted attach, or put there by hand)".into(),
        }))
        .collect();
    let checked = scan.tickets.len() + scan.errors.len();
    if ctx.global.json {
        let mut json = serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "checked": checked,
            "ok": problems.is_empty(),
            "problems": problems,
        });
        if !notes.is_empty() {
            json["notes"] = serde_json::json!(notes);
        }
        output::print_json(&json)?;
    } else if !problems.is_empty() {
        let lang = store.config().lang();
        let mut t = table::new_table(["文件", "问题"].map(|h| lang.term(h)));
        for p in &problems {
            t.add_row(vec![p.path.clone(), p.message.clone()]);
        }
        output::print(&table::render(&t))?;
    }
    for note in &notes {
        ctx.info(tr!(ctx.lang(), "cli.check_note", path = note.path, message = note.message));
    }
    if problems.is_empty() {
        ctx.info(tr!(ctx.lang(), "cli.checked_ok", count = checked));
        Ok(ExitCode::SUCCESS)
    } else {
        ctx.info(tr!(ctx.lang(), "cli.checked_problems", count = checked, problems = problems.len()));
        Ok(ExitCode::from(1))
    }
}

fn ticket_problems(store: &Store, path: &Path, ticket: &Ticket) -> Vec<String> {
    let config = store.config();
    let mut problems = Vec::new();
    match store.parse_id(&ticket.id) {
        Err(_) => problems.push(format!("ID {:?} does not match the configured pattern", ticket.id)),
        // Typed IDs may be any case; a stored one must be spelled exactly as
        // generated, or two spellings of one ticket could coexist.
        Ok(id) if id.to_string() != ticket.id => {
            problems.push(format!("ID {:?} does not match the configured pattern", ticket.id))
        }
        Ok(id) => {
            if store.path_of(&id) != path {
                problems.push(format!("ticket {} belongs at {}", ticket.id, id.relative_path().display()));
            }
            let received = ticket.received_at.with_timezone(&config.zone()).date_naive();
            if received != id.date() {
                problems.push(format!("ID date {} differs from received_at {received}", id.date().format("%Y-%m-%d")));
            }
        }
    }
    if ticket.uid.trim().is_empty() {
        problems.push("uid is empty".into());
    }
    problems.extend(value_problems(ticket, config));
    problems.extend(integrity::history_problems(ticket));
    let wrong = ticket.inconsistent_fields();
    if !wrong.is_empty() {
        problems.push(format!("current field(s) differ from what history implies: {}", wrong.join(", ")));
    }
    problems
}

/// A coded value that is not configured. Only a value shaped like an id
/// (`fax`, `after_sales`) is quoted: anything else may be customer data
/// typed into the wrong field, which a report about the file must not echo.
fn unconfigured(kind: &str, value: &str) -> String {
    let id_like = value.len() <= 32 && value.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-');
    if id_like {
        format!("{kind} {value:?} is not configured")
    } else {
        format!("{kind} holds a value that is not configured (not shown: it is not an id and may be customer data)")
    }
}

fn value_problems(ticket: &Ticket, config: &Config) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |kind: ChoiceKind, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !config.choices(kind).iter().any(|c| c.id == *v)) {
            problems.push(unconfigured(kind.name(), v));
        }
    };
    check(ChoiceKind::Category, ticket.category.as_deref());
    check(ChoiceKind::Severity, Some(&ticket.severity));
    check(ChoiceKind::Channel, Some(&ticket.channel));
    check(ChoiceKind::Cause, ticket.cause.as_deref());
    if ticket.summary.trim().is_empty() {
        problems.push("summary is empty".into());
    }
    problems
}
