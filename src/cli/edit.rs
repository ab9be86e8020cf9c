//! `complaint edit ID`: the ticket in `$VISUAL` / `$EDITOR`, validated on save.
//!
//! What may be edited is the rule of `ops::edit`. The save is one `edited`
//! event naming the changed fields, written like every change: under the
//! store lock, atomically (`Store::apply`).

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Context;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::ops::{self, Editable};
use crate::store::{LOCAL_DIR, Store, parse_ticket, to_yaml};
use crate::ticket::Ticket;
use crate::tr;

/// Edit a ticket's customer data and description in $VISUAL / $EDITOR.
///
/// Editable: customer (name, contact, id), preferred_contact, product,
/// purchase (proof, model, batch, date), summary, description,
/// expectation, channel, and received_at within the same day. History is
/// append-only and the other fields follow from it (use classify, assign,
/// transition …). Invalid edits re-open the editor on a terminal; otherwise
/// they are refused, and your text is kept in .complaint/edit-backup/.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
}

const HEADER: &str = "\
# complaint edit: change customer, preferred_contact, product, purchase,
# summary, description, expectation, channel or received_at (same day),
# then save and quit.
# Everything else follows from history, which is append-only: use
# classify, assign, promise, escalate, transition, note, followup.
# Lines starting with # are ignored.
";

pub fn run(ctx: &mut Context, args: EditArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let id = store.parse_id(&args.id)?;
    let zone = store.config().zone();
    let now = ctx.now(zone)?;
    let original = store.load(&id)?;
    let initial = format!("{HEADER}{}", to_yaml(&original)?);
    let work_dir = store.root().join(LOCAL_DIR).join("edit");
    std::fs::create_dir_all(&work_dir).map_err(|e| Error::io("create directory", &work_dir, e))?;
    // Inside the store's local directory, not /tmp: the copy holds
    // customer data and must stay where the store's permissions apply.
    let draft = tempfile::Builder::new()
        .prefix(&format!("{id}-"))
        .suffix(".yaml")
        .tempfile_in(&work_dir)
        .map_err(|e| Error::io("create a temporary file in", &work_dir, e))?;
    std::fs::write(draft.path(), &initial).map_err(|e| Error::io("write", draft.path(), e))?;
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let shown = format!("{} (edited copy)", store.display_path(&store.path_of(&id)));
    loop {
        let edit_result = run_editor(draft.path());
        let text = std::fs::read_to_string(draft.path()).map_err(|e| Error::io("read", draft.path(), e))?;
        let outcome = edit_result.and_then(|()| {
            if text == initial {
                return Ok(None);
            }
            validate(&original, &text, Path::new(&shown), store.config()).map(Some)
        });
        match outcome {
            Ok(None) => {
                ctx.info(tr!(ctx.lang(), "cli.no_changes", id = id));
                return Ok(ExitCode::SUCCESS);
            }
            Ok(Some(edited)) => {
                if edited.changed(&Editable::of(&original)).is_empty() {
                    ctx.info(tr!(ctx.lang(), "cli.no_changes", id = id));
                    return Ok(ExitCode::SUCCESS);
                }
                return save(ctx, &store, &args.id, &original, edited, &text, now);
            }
            Err(e) if interactive && ask_reedit(&e)? => continue,
            Err(e) => {
                let backup = write_backup(&store, &id.to_string(), &text, now)?;
                return Err(refused(&id.to_string(), &e, &store, &backup));
            }
        }
    }
}

/// Writes the edit as one `edited` event, under the lock, onto the ticket
/// as it is now (another agent may have added events meanwhile).
#[allow(clippy::too_many_arguments)]
fn save(
    ctx: &Context,
    store: &Store,
    id_text: &str,
    original: &Ticket,
    edited: Editable,
    text: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<ExitCode> {
    let before = Editable::of(original);
    let applied = super::change::apply(ctx, id_text, None, &[], |ticket, _config, stamp| {
        let change = ops::edit(ticket, &before, &edited, stamp);
        if change.is_ok() {
            edited.apply_to(ticket);
        }
        change
    });
    match applied {
        Err(e @ Error::Refused(crate::error::Refusal::EditedMeanwhile)) => {
            let backup = write_backup(store, &original.id, text, now)?;
            Err(refused(&original.id, &e, store, &backup))
        }
        Err(e) => Err(e),
        Ok(_) => Ok(ExitCode::SUCCESS),
    }
}

fn refused(id: &str, e: &Error, store: &Store, backup: &Path) -> Error {
    Error::invalid(
        format!("{id}: edit refused, nothing changed: {e}"),
        Some(&format!(
            "your text is kept in {}; fix it there and copy the editable fields back with `complaint edit {id}`",
            store.display_path(backup)
        )),
    )
}

/// Checks the edited text against the ticket it came from and returns the
/// editable fields, cleaned. `shown` names the text in messages.
pub fn validate(original: &Ticket, text: &str, shown: &Path, config: &Config) -> Result<Editable> {
    ops::validate_edit(original, parse_ticket(text, shown)?, config)
}

/// Runs `$VISUAL`, else `$EDITOR`, else `vi`, through `sh` so that an
/// editor with arguments (`code --wait`) works.
fn run_editor(path: &Path) -> Result<()> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path)
        .status()
        .map_err(|e| Error::io("run the editor for", path, e))?;
    if !status.success() {
        return Err(Error::invalid(
            format!("the editor ({editor}) exited with {status}"),
            Some("set VISUAL or EDITOR to an editor that waits until the file is closed"),
        ));
    }
    Ok(())
}

/// On a terminal: shows the error and asks whether to edit again.
fn ask_reedit(e: &Error) -> Result<bool> {
    super::output::print_error(e);
    eprint!("re-edit? [Y/n] ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| Error::io("read", "stdin", e))?;
    Ok(!matches!(line.trim(), "n" | "N" | "no" | "No"))
}

/// `.complaint/edit-backup/<ID>-<time>.yaml`, never overwriting an older one.
fn write_backup(store: &Store, id: &str, text: &str, now: chrono::DateTime<chrono::FixedOffset>) -> Result<PathBuf> {
    let dir = store.root().join(LOCAL_DIR).join("edit-backup");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("create directory", &dir, e))?;
    let stamp = now.format("%Y%m%dT%H%M%S");
    for n in 1.. {
        let name = if n == 1 { format!("{id}-{stamp}.yaml") } else { format!("{id}-{stamp}-{n}.yaml") };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(text.as_bytes()).map_err(|e| Error::io("write", &path, e))?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io("create", &path, e)),
        }
    }
    unreachable!("some backup name is free")
}
