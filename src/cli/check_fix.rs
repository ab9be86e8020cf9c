//! `complaint check --fix`: repairs ID collisions left by merging clones
//! that created the same ID offline (spec §8), and finishes what a killed
//! `import` left.
//!
//! The ticket created first (by its `created` event, then uid) keeps the
//! ID; each later one gets the next free ID of the same received date,
//! lists the old ID in `renamed_from` and records a `renamed` event. Both
//! survive, once each, and the repair is committed like any change.
//!
//! Every repair runs under the store lock and writes first, removes second:
//! a kill at any moment leaves the old state, the new one, or one that
//! `check` reports and a rerun of `check --fix` completes, never a lost
//! event (docs/security.md says what each step leaves).

use std::path::PathBuf;

use super::Context;
use crate::error::Result;
use crate::store::git::CommitMessage;
use crate::store::{ImportState, Scan, Store};
use crate::ticket::merge::{merge_tickets, sort_documents};
use crate::ticket::{Action, Event, Ticket, TicketId};

/// Repairs every collided file of `scan`; returns what was done.
pub fn fix(ctx: &Context, store: &Store, scan: &Scan) -> Result<Vec<String>> {
    let mut done = finish_imports(store)?;
    let mut ids: Vec<TicketId> = Vec::new();
    for (_, ticket) in &scan.tickets {
        if let Ok(id) = store.parse_id(&ticket.id)
            && scan.tickets.iter().filter(|(_, t)| t.id == ticket.id).count() > 1
            && !ids.contains(&id)
            && store.load_all(&id).is_ok_and(|all| all.len() > 1)
        {
            ids.push(id);
        }
    }
    for id in ids {
        done.extend(fix_one(ctx, store, &id)?);
    }
    done.extend(fold_double_moves(ctx, store)?);
    Ok(done)
}

/// Two clones that both repaired the same collision before syncing may
/// have given the moved ticket two different new IDs: one uid, two files,
/// sharing a `renamed_from`. The lower ID keeps the ticket with both
/// histories merged, the other file goes (its ID joins `renamed_from`).
fn fold_double_moves(ctx: &Context, store: &Store) -> Result<Vec<String>> {
    // Scanned under the lock: no writer changes a copy between its reading
    // and the fold.
    let lock = store.lock()?;
    let scan = store.scan()?;
    let mut done = Vec::new();
    let mut uids: Vec<&str> = scan.tickets.iter().map(|(_, t)| t.uid.as_str()).collect();
    uids.sort_unstable();
    uids.dedup();
    for uid in uids {
        let mut copies: Vec<&Ticket> = scan.tickets.iter().map(|(_, t)| t).filter(|t| t.uid == uid).collect();
        if copies.len() < 2
            || copies.iter().any(|t| t.renamed_from.is_empty())
            || !copies.iter().all(|t| t.renamed_from.iter().any(|old| copies[0].renamed_from.contains(old)))
            || copies.iter().any(|t| scan.tickets.iter().filter(|(_, other)| other.id == t.id).count() > 1)
        {
            continue;
        }
        copies.sort_by_key(|t| store.parse_id(&t.id).ok());
        let mut kept = copies[0].clone();
        let mut gone = Vec::new();
        for copy in &copies[1..] {
            gone.push(store.parse_id(&copy.id)?);
            let mut copy = (*copy).clone();
            copy.id = kept.id.clone();
            kept = merge_tickets(None, &kept, &copy);
        }
        for copy in &copies[1..] {
            if !kept.renamed_from.contains(&copy.id) {
                kept.renamed_from.push(copy.id.clone());
            }
        }
        // The merged ticket is saved before the copies are removed.
        let paths = store.fold_into(&lock, &kept, &gone)?;
        let dropped: Vec<&str> = copies[1..].iter().map(|t| t.id.as_str()).collect();
        let message = CommitMessage {
            id: kept.id.clone(),
            what: format!("merged duplicate renumbering {}", dropped.join(", ")),
            action: Action::Renamed.id().to_string(),
            actor: ctx.actor(store)?,
            note: Some(format!("uid {uid} was renumbered on two clones; {} keeps it", kept.id)),
        };
        super::autocommit::commit(ctx, store, &paths, &message);
        done.push(format!("uid {uid}: renumbered twice ({}); merged into {}", dropped.join(", "), kept.id));
    }
    Ok(done)
}

/// Finishes the imports a kill interrupted (see `store::staging`): places
/// the rest of a committed one, deletes the staging of the others.
fn finish_imports(store: &Store) -> Result<Vec<String>> {
    let lock = store.lock()?;
    let mut done = Vec::new();
    for pending in store.pending_imports(&lock)? {
        let label = &pending.label;
        done.push(match pending.state {
            ImportState::Committed => {
                let ids: Vec<String> = store.finish_import(&lock, &pending)?.iter().map(ToString::to_string).collect();
                format!("finished the interrupted import of {label}: {}", ids.join(", "))
            }
            ImportState::Uncommitted => format!(
                "deleted the staging of an interrupted import of {label}: nothing of it had been imported; run it again"
            ),
            ImportState::Done => format!("deleted the staging of the finished import of {label}"),
        });
        store.discard_import(&lock, &pending)?;
    }
    Ok(done)
}

/// Splits the collided file of `id`, under the lock throughout: each
/// renumbered ticket is written to its new file first, and the collided
/// file rewritten with the kept ticket alone last. A kill in between leaves
/// a moved ticket in both files; the rerun finds its new file by
/// `renamed_from` and folds the returning copy into it.
fn fix_one(ctx: &Context, store: &Store, id: &TicketId) -> Result<Vec<String>> {
    let lock = store.lock()?;
    let now = ctx.now(store.config().zone())?;
    let by = ctx.actor(store)?;
    let mut tickets = store.load_all(id)?;
    if tickets.len() < 2 {
        return Ok(Vec::new()); // repaired meanwhile
    }
    sort_documents(&mut tickets);
    let kept = tickets.remove(0);
    let already_moved = store.renamed_from(id)?;
    let mut done = Vec::new();
    let mut paths: Vec<PathBuf> = vec![store.path_of(id)];
    let mut new_ids = Vec::new();
    for ticket in tickets {
        // Moved on another clone already (its copy came back with a merge):
        // fold this copy's events into the moved ticket instead.
        if let Some(moved) = already_moved.iter().find(|m| m.uid == ticket.uid) {
            let merged = merge_tickets(None, moved, &ticket);
            store.save(&merged)?;
            paths.push(store.path_of(&store.parse_id(&merged.id)?));
            done.push(format!("{id}: merged a returning copy of uid {} into {}", ticket.uid, merged.id));
            new_ids.push(merged.id.clone());
            continue;
        }
        let at = ticket.last_event_at().map_or(now, |last| last.max(now));
        let mut event = Event::new(at, &by, Action::Renamed);
        event.renamed_from = Some(id.to_string());
        event.reason = Some(format!("ID collision: {id} was created on two clones; {} kept it", kept.uid));
        let new_id = store.create_locked(&lock, id.date(), |new_id| {
            let mut moved = ticket.clone();
            moved.id = new_id.to_string();
            moved.renamed_from.push(id.to_string());
            moved.record(event.clone());
            moved
        })?;
        paths.push(store.path_of(&new_id));
        done.push(format!(
            "{id}: ID collision repaired: uid {} renumbered to {new_id}; uid {} keeps {id}",
            ticket.uid, kept.uid
        ));
        new_ids.push(new_id.to_string());
    }
    store.save_documents(id, std::slice::from_ref(&kept))?;
    let message = CommitMessage {
        id: id.to_string(),
        what: format!("ID collision repaired, renumbered to {}", new_ids.join(", ")),
        action: Action::Renamed.id().to_string(),
        actor: by,
        note: Some(format!("Both tickets kept: {} keeps {id}; see renamed_from in {}.", kept.uid, new_ids.join(", "))),
    };
    super::autocommit::commit(ctx, store, &paths, &message);
    Ok(done)
}
