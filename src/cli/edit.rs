//! `complaint edit ID`: the ticket in `$VISUAL` / `$EDITOR`, validated on save.
//!
//! Rules: only what the customer told us may be edited (customer, product,
//! summary, description, expectation, channel, received_at on the same day,
//! since the ID carries that date). `id`, `uid`, `schema` and the history
//! are fixed (history is append-only); the other current fields follow from
//! history and are changed with their own commands. The save is one
//! `edited` event naming the changed fields, written like every change:
//! under the store lock, atomically.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::change::{Change, ChangeArgs, clean_text, optional_text, required_text};
use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Result};
use crate::store::{LOCAL_DIR, Store, parse_ticket, to_yaml};
use crate::ticket::{Action, Customer, Ticket};
use crate::time;

/// Edit a ticket's customer data and description in $VISUAL / $EDITOR.
///
/// Editable: customer (name, contact, id), product, summary, description,
/// expectation, channel, and received_at within the same day. History is
/// append-only and the other fields follow from it (use classify, assign,
/// transition …). Invalid edits re-open the editor on a terminal; otherwise
/// they are refused, and your text is kept in .complaint/edit-backup/.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
}

/// The fields `edit` may change, already cleaned and validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Editable {
    pub customer: Customer,
    pub product: Option<String>,
    pub summary: String,
    pub description: Option<String>,
    pub expectation: Option<String>,
    pub channel: String,
    pub received_at: chrono::DateTime<chrono::FixedOffset>,
}

impl Editable {
    pub fn of(ticket: &Ticket) -> Editable {
        Editable {
            customer: ticket.customer.clone(),
            product: ticket.product.clone(),
            summary: ticket.summary.clone(),
            description: ticket.description.clone(),
            expectation: ticket.expectation.clone(),
            channel: ticket.channel.clone(),
            received_at: ticket.received_at,
        }
    }

    pub fn apply_to(&self, ticket: &mut Ticket) {
        ticket.customer = self.customer.clone();
        ticket.product = self.product.clone();
        ticket.summary = self.summary.clone();
        ticket.description = self.description.clone();
        ticket.expectation = self.expectation.clone();
        ticket.channel = self.channel.clone();
        ticket.received_at = self.received_at;
    }

    /// Names of the fields that differ, as recorded in the `edited` event.
    pub fn changed(&self, before: &Editable) -> Vec<String> {
        let mut changed = Vec::new();
        let mut note = |name: &str, differs: bool| {
            if differs {
                changed.push(name.to_string());
            }
        };
        note("customer.name", self.customer.name != before.customer.name);
        note("customer.contact", self.customer.contact != before.customer.contact);
        note("customer.id", self.customer.id != before.customer.id);
        note("product", self.product != before.product);
        note("summary", self.summary != before.summary);
        note("description", self.description != before.description);
        note("expectation", self.expectation != before.expectation);
        note("channel", self.channel != before.channel);
        note("received_at", self.received_at != before.received_at);
        changed
    }
}

const HEADER: &str = "\
# complaint edit: change customer, product, summary, description,
# expectation, channel or received_at (same day), then save and quit.
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
                ctx.info(format!("{id}: no changes"));
                return Ok(ExitCode::SUCCESS);
            }
            Ok(Some(edited)) => {
                let changed = edited.changed(&Editable::of(&original));
                if changed.is_empty() {
                    ctx.info(format!("{id}: no changes"));
                    return Ok(ExitCode::SUCCESS);
                }
                return save(ctx, &store, &args.id, &original, edited, changed, &text, now);
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
    changed: Vec<String>,
    text: &str,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<ExitCode> {
    let mut change = Change::begin(ctx, id_text, &ChangeArgs { at: None })?;
    if Editable::of(&change.ticket) != Editable::of(original) {
        let backup = write_backup(store, &original.id, text, now)?;
        let e = Error::invalid("the ticket was edited by someone else while the editor was open", None);
        return Err(refused(&original.id, &e, store, &backup));
    }
    edited.apply_to(&mut change.ticket);
    let mut event = change.event(Action::Edited);
    event.changed = changed.clone();
    change.commit(ctx, event, &format!("edited ({})", changed.join(", ")))?;
    Ok(ExitCode::SUCCESS)
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
    let edited = parse_ticket(text, shown)?;
    let fixed = |field: &str| {
        Error::invalid(format!("{field} cannot be edited"), Some("only customer data and the description are editable"))
    };
    if edited.schema != original.schema {
        return Err(fixed("schema"));
    }
    if edited.id != original.id {
        return Err(fixed("id"));
    }
    if edited.uid != original.uid {
        return Err(fixed("uid"));
    }
    if edited.renamed_from != original.renamed_from {
        return Err(fixed("renamed_from"));
    }
    if edited.extra != original.extra || edited.customer.extra != original.customer.extra {
        return Err(Error::invalid("keys this version does not know cannot be edited", None));
    }
    history_unchanged(original, &edited)?;
    let derived = derived_changes(original, &edited);
    if !derived.is_empty() {
        return Err(Error::invalid(
            format!("{} follow(s) from history and cannot be edited", derived.join(", ")),
            Some("use classify, assign, promise, escalate, transition or followup; each records an event"),
        ));
    }
    let max = config.limits.max_text_bytes;
    let received_at = time::in_zone(edited.received_at, config.zone());
    let id_date = original.received_at.with_timezone(&config.zone()).date_naive();
    if received_at.date_naive() != id_date {
        return Err(Error::invalid(
            format!("received_at must stay on {id_date}: the ID {} carries that date", original.id),
            Some("a complaint received on another day is a new ticket (`complaint new`)"),
        ));
    }
    Ok(Editable {
        customer: Customer {
            name: required_text("customer.name", &edited.customer.name, false, max)?,
            contact: required_text("customer.contact", &edited.customer.contact, false, max)?,
            id: optional_text("customer.id", edited.customer.id.as_deref(), false, max)?,
            extra: edited.customer.extra,
        },
        product: non_empty(clean_text("product", edited.product.as_deref().unwrap_or(""), false, max)?),
        summary: required_text("summary", &edited.summary, false, max)?,
        description: non_empty(clean_text("description", edited.description.as_deref().unwrap_or(""), true, max)?),
        expectation: non_empty(clean_text("expectation", edited.expectation.as_deref().unwrap_or(""), true, max)?),
        channel: config.resolve(ChoiceKind::Channel, &edited.channel)?,
        received_at,
    })
}

fn non_empty(text: String) -> Option<String> {
    Some(text).filter(|t| !t.is_empty())
}

/// History is append-only, and `edit` appends only its own event.
fn history_unchanged(original: &Ticket, edited: &Ticket) -> Result<()> {
    let hint = Some("history is append-only; record changes with the commands (note, transition …)");
    let (old, new) = (&original.history, &edited.history);
    if let Some(i) = old.iter().zip(new).position(|(a, b)| a != b) {
        return Err(Error::invalid(format!("history event {} was changed", i + 1), hint));
    }
    if new.len() < old.len() {
        return Err(Error::invalid(format!("history event {} was removed", new.len() + 1), hint));
    }
    if new.len() > old.len() {
        return Err(Error::invalid("history events cannot be added by edit", hint));
    }
    Ok(())
}

fn derived_changes(original: &Ticket, edited: &Ticket) -> Vec<&'static str> {
    original.derived().differing_fields(&edited.derived())
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
