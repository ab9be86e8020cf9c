//! `complaint list`

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use super::common::{unreadable, warn_collisions, warn_unreadable};
use super::filter::{Filter, FilterArgs};
use super::{Context, output};
use crate::config::ChoiceKind;
use crate::error::Result;
use crate::report::fit::{self, Column};
use crate::report::mask::Masker;
use crate::report::table;
use crate::sla::{self, TargetState};
use crate::ticket::{IndexEntry, Ticket};
use crate::time;
use crate::tr;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortKey {
    /// Time received (default)
    Received,
    /// Ticket ID
    Id,
    /// Time of the last event
    Updated,
    /// Severity, major first
    Severity,
    /// Lifecycle order
    Status,
}

/// List tickets as a table (or --json), filtered; `--customer` shows one
/// customer's complaint history.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub fit: output::FitArgs,
    /// Sort order
    #[arg(long, value_enum, default_value = "received")]
    pub sort: SortKey,
    /// Reverse the order
    #[arg(long, short)]
    pub reverse: bool,
    /// Show at most N tickets
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Only tickets with an SLA target past due now
    #[arg(long)]
    pub overdue: bool,
    /// Show names and contacts unmasked
    #[arg(long)]
    pub unmask: bool,
}

/// What each column gives up on a narrow terminal: the channel first, then
/// the category, customer, severity, time received and owner; the ID and
/// the status stay, the summary is shortened.
const COLUMNS: [Column; 9] = [
    Column::KEEP,
    Column::drop(4),
    Column::KEEP,
    Column::drop(3),
    Column::drop(1),
    Column::drop(0),
    Column::drop(2),
    Column::drop(5),
    Column::TEXT,
];

pub fn run(ctx: &mut Context, args: ListArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let config = store.config();
    let filter = Filter::from_args(&args.filter, config)?;
    let now = ctx.now(config.zone())?;
    let mut found = Vec::new();
    let unsettled_at = args.overdue.then_some(now);
    let scan =
        store.fold_summaries_searching(unsettled_at, |s| filter.matches_summary(s), filter.search(), &mut |p, s| {
            found.push((p, s))
        })?;
    let mut errors = scan.errors;
    let collisions = scan.collisions;
    let mut tickets: Vec<(&Path, &IndexEntry)> = found.iter().map(|(p, s)| (p.as_path(), s)).collect();
    if args.overdue {
        let calendar = config.business_calendar();
        let overdue: Vec<Result<bool>> = tickets
            .par_iter()
            .map(|(path, s)| {
                let any_overdue = |view: &sla::ClockView| {
                    sla::clock_targets(&calendar, &config.sla, view, now)
                        .iter()
                        .any(|target| target.state == TargetState::Overdue)
                };
                if s.settled_by(now) {
                    return Ok(false);
                }
                // Configured stages need every event's kinds, which the cache does not keep.
                match sla::ClockView::of_summary(s).filter(|_| !config.sla.has_stages()) {
                    Some(view) => Ok(any_overdue(&view)),
                    None => store.read_file(path, s).map(|ticket| any_overdue(&sla::ClockView::from(&ticket))),
                }
            })
            .collect();
        let mut keep = Vec::with_capacity(tickets.len());
        for (ticket, overdue) in tickets.into_iter().zip(overdue) {
            match overdue {
                Ok(true) => keep.push(ticket),
                Ok(false) => {}
                Err(e) => errors.push(e),
            }
        }
        tickets = keep;
    }
    sort(&mut tickets, args.sort, config);
    if args.reverse {
        tickets.reverse();
    }
    if let Some(limit) = args.limit {
        tickets.truncate(limit);
    }
    let masker = Masker { mask: !args.unmask };
    if ctx.global.json {
        // JSON carries every field: read the listed tickets in full.
        let full: Vec<Result<Ticket>> =
            tickets.par_iter().map(|(path, summary)| store.read_file(path, summary)).collect();
        let mut rows = Vec::with_capacity(full.len());
        for ticket in full {
            match ticket {
                Ok(ticket) => rows.push(output::ticket_json(&ticket, config, &masker)),
                Err(e) => errors.push(e),
            }
        }
        output::print_json(
            &serde_json::json!({ "schema": output::JSON_SCHEMA, "count": rows.len(), "tickets": rows }),
        )?;
    } else if !tickets.is_empty() {
        let zone = config.zone();
        let lang = config.lang();
        let headers = ["编号", "受理时间", "状态", "严重程度", "类型", "渠道", "客户", "负责人", "摘要"]
            .map(|h| lang.term(h).to_string());
        let cells = |i: usize| {
            let ticket = &tickets[i].1;
            vec![
                ticket.id.clone(),
                time::format_local(&ticket.received_at, zone),
                config.status_display(ticket.status).to_string(),
                config.display(ChoiceKind::Severity, &ticket.severity).to_string(),
                ticket
                    .category
                    .as_deref()
                    .map_or(lang.term("未分类"), |c| config.display(ChoiceKind::Category, c))
                    .to_string(),
                config.display(ChoiceKind::Channel, &ticket.channel).to_string(),
                masker.name(&ticket.customer_name),
                ticket.assignee.clone().unwrap_or_default(),
                table::truncate(&ticket.summary, 30).into_owned(),
            ]
        };
        output::print(&fit::render_rows(&headers, tickets.len(), cells, &COLUMNS, ctx.room(args.fit.wide), lang))?;
    }
    ctx.info(tr!(ctx.lang(), "cli.ticket_count", count = tickets.len()));
    warn_collisions(ctx, &store, &collisions);
    let unreadable = unreadable(&store, &errors);
    Ok(warn_unreadable(ctx, &unreadable, "list"))
}

fn sort(tickets: &mut [(&Path, &IndexEntry)], key: SortKey, config: &crate::config::Config) {
    let severity_rank =
        |t: &IndexEntry| config.severities.iter().position(|s| s.id == t.severity).unwrap_or(usize::MAX);
    match key {
        SortKey::Received => tickets.sort_by(|(_, a), (_, b)| a.received_at.cmp(&b.received_at).then(a.id.cmp(&b.id))),
        SortKey::Id => tickets.sort_by(|(_, a), (_, b)| a.id.cmp(&b.id)),
        SortKey::Updated => {
            tickets.sort_by(|(_, a), (_, b)| a.last_event_at.cmp(&b.last_event_at).then(a.id.cmp(&b.id)))
        }
        SortKey::Severity => tickets
            .sort_by(|(_, a), (_, b)| severity_rank(b).cmp(&severity_rank(a)).then(a.received_at.cmp(&b.received_at))),
        SortKey::Status => {
            tickets.sort_by(|(_, a), (_, b)| a.status.cmp(&b.status).then(a.received_at.cmp(&b.received_at)))
        }
    }
}
