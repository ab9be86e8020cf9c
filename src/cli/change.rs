//! The shared shape of every command that changes a ticket: build the
//! operation's input, let the store apply it (`Store::apply`: lock, now,
//! load, the operation of `crate::ops`, write, commit), and report.

use clap::Args;

use super::{Context, flags, output};
use crate::config::Config;
use crate::error::Result;
use crate::ops::{self, Stamp};
use crate::report::mask::Masker;
use crate::store::Applied;
use crate::ticket::Ticket;
use crate::tr;

/// Flags every changing command shares.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// Back-date the action (never before the ticket's previous event), e.g. "2026-11-23 09:40"
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
}

/// Applies `op` to ticket `id_text`, stamped `at` (as typed) or now and by
/// the actor, and reports it: `ID: what`, the commit, `--json`. Errors are
/// in the words of a command whose options are `flags`. Returns what was
/// applied; nothing is reported when `op` found nothing to change.
pub fn apply(
    ctx: &Context,
    id_text: &str,
    at: Option<&str>,
    flags: &[&str],
    op: impl FnOnce(&mut Ticket, &Config, Stamp) -> Result<Option<ops::Change>>,
) -> Result<Applied> {
    let store = ctx.open_store()?;
    let id = store.parse_id(id_text)?;
    let config = store.config();
    let zone = config.zone();
    let mut words = None;
    let applied = store
        .apply(
            &id,
            super::autocommit::policy(ctx),
            || ctx.now(zone),
            |ticket, now| {
                let at = ops::stamp_time(ticket, zone, at, now)?;
                let by = ctx.actor(&store)?;
                let change = op(ticket, config, Stamp { at, by })?;
                Ok(change.map(|c| {
                    words = Some(c.words);
                    (c.event, c.what)
                }))
            },
        )
        .map_err(|e| flags::reword(e, flags))?;
    let Some(what) = &applied.what else { return Ok(applied) };
    // The commit subject is the English `what`; people read it in their language.
    let what = words.map_or_else(|| what.clone(), |w| w.render(ctx.lang()));
    ctx.info(tr!(ctx.lang(), "cli.changed", id = applied.ticket.id, what = what));
    super::autocommit::report(ctx, &applied.commit);
    if ctx.global.json {
        output::print_json(&serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "ticket": output::ticket_json(&applied.ticket, config, &Masker { mask: true }),
        }))?;
    }
    Ok(applied)
}
