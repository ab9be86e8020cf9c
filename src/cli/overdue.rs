//! `complaint overdue`

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Datelike, FixedOffset};
use clap::{Args, ValueEnum};
use rayon::prelude::*;

use super::filter::{Filter, FilterArgs};
use super::{Context, common, output};
use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Result};
use crate::mail::{self as email, OverdueEmail};
use crate::report::csv;
use crate::report::mask::Masker;
use crate::report::overdue::{self, OverdueRow, Urgency};
use crate::report::overdue_mail;
use crate::sla::{self, Calendar, SlaDuration, TargetKind, TargetState};
use crate::store::Store;
use crate::ticket::{IndexEntry, Ticket};
use crate::time;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table for people
    Table,
    /// CSV with ids and labels
    Csv,
    /// Versioned JSON for scripts
    Json,
    /// A complete RFC 5322 message for `| sendmail -t`
    Email,
}

/// List every unmet SLA target past due (first response, resolution,
/// follow-up, progress update, promise, the customer's reply awaited too
/// long, a veto not reported to the supervisor, review action items), most
/// overdue first. Prints nothing when nothing is overdue. For cron:
/// `--exit-code`, `--format email`, `--send`.
#[derive(Debug, Args)]
pub struct OverdueArgs {
    #[command(flatten)]
    pub fit: output::FitArgs,
    /// Evaluate as of this time instead of now, e.g. 2026-11-23T10:00
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    /// Also list targets due within this duration (30m, 4h, 1d, 1wd, 8bh), marked 将到期
    #[arg(long, value_name = "DURATION")]
    pub warn_before: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Exit 1 when an overdue item is listed (items only due soon do not count)
    #[arg(long)]
    pub exit_code: bool,
    /// Deliver the email (SMTP URL from --smtp, COMPLAINT_SMTP_URL or [mail] smtp_url; else [mail] sendmail)
    #[arg(long)]
    pub send: bool,
    /// With --send: send even when nothing is overdue
    #[arg(long, requires = "send")]
    pub always: bool,
    /// Recipient (repeatable); replaces [mail] to
    #[arg(long, value_name = "ADDR")]
    pub to: Vec<String>,
    /// Sender; replaces [mail] from
    #[arg(long, value_name = "ADDR")]
    pub from: Option<String>,
    /// SMTP server URL, e.g. smtp://mail.example.com:587?tls=required
    #[arg(long, value_name = "URL")]
    pub smtp: Option<String>,
    /// Show customer names unmasked
    #[arg(long)]
    pub unmask: bool,
    /// Do not neutralise CSV cells that begin with = + - @ (spreadsheet formulas)
    #[arg(long)]
    pub raw: bool,
    /// One person's list: only rows NAME must act on (an action item's owner,
    /// a veto's supervisor, the assignee of any other target)
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// The evaluated list: rows, and the files that could not be read.
struct Listing {
    rows: Vec<OverdueRow>,
    unreadable: Vec<String>,
    overdue_count: usize,
}

impl Listing {
    /// `--owner`: the rows `who` must act on.
    fn keep_only(&mut self, who: &str) {
        self.rows.retain(|r| r.assignee.as_deref() == Some(who));
        self.overdue_count = self.rows.iter().filter(|r| r.urgency == Urgency::Overdue).count();
    }
}

pub fn run(ctx: &mut Context, args: OverdueArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let config = store.config();
    let zone = config.zone();
    let (now, as_of) = ctx.now_and_as_of(args.as_of.as_deref(), zone)?;
    let warn_before = args.warn_before.as_deref().map(|t| SlaDuration::parse_for(t, "--warn-before")).transpose()?;
    if warn_before.is_some_and(|d| d.is_zero()) {
        return Err(Error::invalid("--warn-before must be longer than zero", Some("e.g. --warn-before 1d")));
    }
    let filter = Filter::from_args(&args.filter, config)?;
    let calendar = config.business_calendar();
    let horizon = warn_before.map(|d| calendar.add(as_of, d).at);
    let masker = Masker { mask: !args.unmask };
    let mut listing = collect(ctx, &store, &calendar, &filter, as_of, horizon, &masker)?;
    if let Some(owner) = &args.owner {
        listing.keep_only(owner.trim());
    }
    let format = if ctx.global.json { Format::Json } else { args.format };
    if args.send || format == Format::Email {
        emit_email(ctx, &store, &args, &listing, now, as_of)?;
    } else if !listing.rows.is_empty() || !listing.unreadable.is_empty() {
        emit(ctx, config, &args, format, &listing, as_of)?;
    }
    let unreadable = common::warn_unreadable(ctx, &listing.unreadable, "overdue list");
    let code = if !listing.unreadable.is_empty() {
        unreadable
    } else if args.exit_code && listing.overdue_count > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // Everything is written and nothing more is read: the rows (15 000 at
    // 100 000 tickets, each a dozen strings) are left to the process's exit
    // instead of being freed one by one on the way out.
    std::mem::forget(listing);
    Ok(code)
}

/// Unsettled summaries evaluated at a time: enough to keep both cores busy.
const BATCH: usize = 4096;

fn collect(
    ctx: &Context,
    store: &Store,
    calendar: &Calendar,
    filter: &Filter,
    as_of: DateTime<FixedOffset>,
    horizon: Option<DateTime<FixedOffset>>,
    masker: &Masker,
) -> Result<Listing> {
    let config = store.config();
    // Tickets closed by `as_of` have no running clock: skipped unread, so a
    // warm run over 100 000 tickets only evaluates the open ones. Targets,
    // overdue spans (working time is the costly part) and rows are computed
    // in parallel, a batch of summaries at a time as the scan hands them on
    // (in scan order), so the summaries are never all held.
    let zone = config.zone();
    let evaluate = |(path, summary): &(PathBuf, IndexEntry)| -> Result<(Vec<OverdueRow>, Vec<i32>)> {
        // Configured stages need every event's kinds, which the cache does not keep.
        let view = match sla::ClockView::of_summary(summary).filter(|_| !config.sla.has_stages()) {
            Some(view) => view,
            // Closed after `as_of`: its clock events are not cached.
            None => store.read_file(path, summary).map(|ticket: Ticket| sla::ClockView::from(&ticket))?,
        };
        let targets = sla::clock_targets(calendar, &config.sla, &view, as_of);
        let mut rows = Vec::new();
        let mut years = Vec::new();
        for target in targets {
            let urgency = match target.state {
                TargetState::Overdue => Urgency::Overdue,
                TargetState::Pending if !target.paused && horizon.is_some_and(|h| target.due.at <= h) => {
                    Urgency::DueSoon
                }
                _ => continue,
            };
            if target.due.provisional {
                years.push(target.due.at.with_timezone(&zone).year());
            }
            let (working, wall) = sla::overdue_by(calendar, &target, as_of);
            rows.push(row(config, summary, &target, urgency, working, wall, masker));
        }
        Ok((rows, years))
    };
    let mut rows = Vec::new();
    let mut provisional_years = std::collections::BTreeSet::new();
    let mut failed = Vec::new();
    let mut batch: Vec<(PathBuf, IndexEntry)> = Vec::with_capacity(BATCH);
    let mut run_batch = |batch: &mut Vec<(PathBuf, IndexEntry)>| {
        let evaluated: Vec<Result<(Vec<OverdueRow>, Vec<i32>)>> = batch.par_iter().map(evaluate).collect();
        batch.clear();
        for result in evaluated {
            match result {
                Ok((found, years)) => {
                    rows.extend(found);
                    provisional_years.extend(years);
                }
                Err(e) => failed.push(common::relative(store, &e)),
            }
        }
    };
    let keep = |s: &IndexEntry| filter.matches_summary(s) && s.received_at <= as_of;
    let scan = store.fold_summaries_searching(Some(as_of), keep, filter.search(), &mut |path, summary| {
        batch.push((path, summary));
        if batch.len() == BATCH {
            run_batch(&mut batch);
        }
    })?;
    run_batch(&mut batch);
    common::warn_collisions(ctx, store, &scan.collisions);
    let mut unreadable = common::unreadable(store, &scan.errors);
    unreadable.extend(failed);
    // One line: the years are those the deadlines fall in; the missing
    // holiday data may be of a year the period crosses (a 2025 deadline of a
    // ticket received in December 2024).
    if !provisional_years.is_empty() {
        let years: Vec<String> = provisional_years.into_iter().map(|year| year.to_string()).collect();
        ctx.warn(tr!(ctx.lang(), "cli.overdue_provisional", years = years.join(", ")));
    }
    // Most overdue first; due-soon rows after them, soonest first. Rows are
    // large: the order is found on indices, then each row moved once.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        a.urgency
            .cmp(&b.urgency)
            .then_with(|| match a.urgency {
                Urgency::Overdue => b.overdue_wall.cmp(&a.overdue_wall),
                Urgency::DueSoon => a.due.cmp(&b.due),
            })
            .then_with(|| a.id.cmp(&b.id))
            .then_with(|| a.target.0.cmp(&b.target.0))
    });
    let mut taken: Vec<Option<OverdueRow>> = rows.into_iter().map(Some).collect();
    let rows: Vec<OverdueRow> = order.into_iter().filter_map(|i| taken[i].take()).collect();
    let overdue_count = rows.iter().filter(|r| r.urgency == Urgency::Overdue).count();
    Ok(Listing { rows, unreadable, overdue_count })
}

fn row(
    config: &Config,
    ticket: &IndexEntry,
    target: &sla::Target,
    urgency: Urgency,
    working: chrono::Duration,
    wall: chrono::Duration,
    masker: &Masker,
) -> OverdueRow {
    let label = |kind, id: &str| (id.to_string(), config.label(kind, id).to_string());
    // The veto's supervisor, shown as who must act and copied on the mail.
    let supervisor = match target.kind {
        TargetKind::VetoReport => config.supervisor_for(ticket.department.as_deref()).map(str::to_string),
        _ => None,
    };
    let who = match target.kind {
        TargetKind::ActionItem | TargetKind::ExecutionTask => target.owner.clone(),
        _ => supervisor.clone().or_else(|| ticket.assignee.clone()),
    };
    OverdueRow {
        urgency,
        id: ticket.id.clone(),
        severity: label(ChoiceKind::Severity, &ticket.severity),
        category: ticket.category.as_deref().map(|c| label(ChoiceKind::Category, c)),
        status: (ticket.status.id().to_string(), config.status_label(ticket.status).to_string()),
        target: (target.kind.id().to_string(), target_label(target)),
        cycle: target.cycle,
        due: target.due.at,
        provisional: target.due.provisional,
        overdue_working: working,
        overdue_wall: wall,
        assignee: who,
        supervisor,
        customer: masker.name(&ticket.customer_name),
        summary: ticket.summary.clone(),
    }
}

/// The target's label; an execution task's names the department it was
/// handed to, e.g. `执行任务 (仓储部)`.
fn target_label(target: &sla::Target) -> String {
    match &target.department {
        Some(department) => format!("{} ({department})", target.kind.label()),
        None => target.kind.label().to_string(),
    }
}

fn emit(
    ctx: &Context,
    config: &Config,
    args: &OverdueArgs,
    format: Format,
    listing: &Listing,
    as_of: DateTime<FixedOffset>,
) -> Result<()> {
    let raw = args.raw;
    let zone = config.zone();
    match format {
        Format::Table => {
            if !listing.rows.is_empty() {
                output::print(&overdue::render_table(&listing.rows, zone, config.lang(), ctx.room(args.fit.wide)))?;
            }
            ctx.info(overdue::count_line(&listing.rows, ctx.lang()));
        }
        Format::Csv => {
            output::print(&String::from_utf8(overdue::render_csv(&listing.rows, zone, raw)).expect("CSV of UTF-8"))?
        }
        Format::Json => output::print_json(&json(listing, as_of))?,
        Format::Email => unreachable!("email is emitted by emit_email"),
    }
    Ok(())
}

fn json(listing: &Listing, as_of: DateTime<FixedOffset>) -> serde_json::Value {
    serde_json::json!({
        "schema": output::JSON_SCHEMA,
        "as_of": time::format_instant(&as_of),
        "overdue": listing.overdue_count,
        "due_soon": listing.rows.len() - listing.overdue_count,
        "items": listing.rows.iter().map(overdue::row_json).collect::<Vec<_>>(),
        "unreadable": listing.unreadable,
    })
}

/// `--format email` prints the message; `--send` delivers it. Nothing is
/// printed or sent when nothing is overdue (unless `--always`), so a cron
/// job stays silent on a good day.
fn emit_email(
    ctx: &Context,
    store: &Store,
    args: &OverdueArgs,
    listing: &Listing,
    now: DateTime<FixedOffset>,
    as_of: DateTime<FixedOffset>,
) -> Result<()> {
    let config = store.config();
    let nothing = listing.rows.is_empty() && listing.unreadable.is_empty();
    if nothing && !args.always {
        ctx.info(tr!(ctx.lang(), "cli.overdue_no_email"));
        return Ok(());
    }
    let zone = config.zone();
    let day = as_of.with_timezone(&zone).date_naive();
    let body = overdue_mail::body(&listing.rows, &listing.unreadable, zone, as_of, config.lang());
    let csv = csv::with_bom(overdue::render_csv(&listing.rows, zone, args.raw));
    let from = match &args.from {
        Some(text) => email::parse_address(text, "--from")?,
        None => config.mail.from_mailbox()?,
    };
    let to = if args.to.is_empty() { config.mail.to_mailboxes()? } else { email::parse_addresses(&args.to, "--to")? };
    if to.is_empty() {
        return Err(Error::invalid(
            "the overdue email has no recipient",
            Some("pass --to ADDR or set [mail] to = [\"lead@example.com\"] in complaint.toml"),
        ));
    }
    let mut cc = config.mail.cc_mailboxes()?;
    for mailbox in escalation_recipients(config, listing)?.into_iter().chain(supervisor_recipients(config, listing)?) {
        if !cc.contains(&mailbox) {
            cc.push(mailbox);
        }
    }
    let message = OverdueEmail {
        from,
        to,
        cc,
        subject: email::subject(&config.mail.subject_prefix, listing.overdue_count, day),
        date: now,
        body: &body,
        csv: &csv,
        attachment_name: email::attachment_name(day),
        message_id: None,
    };
    let rendered = email::build(&message)?;
    if args.send {
        let delivery = ctx.delivery(args.smtp.as_deref(), &config.mail)?;
        delivery.send(&config.mail.password_env, &rendered)?;
        let lang = ctx.lang();
        let count = overdue::count_line(&listing.rows, lang);
        ctx.info(tr!(lang, "cli.overdue_sent", count = count, to = rendered.envelope.to.join(", ")));
    } else {
        let bytes = email::with_lf_line_ends(&rendered.bytes);
        output::print(&String::from_utf8(bytes).expect("messages are ASCII"))?;
    }
    Ok(())
}

/// `[sla] escalate_to`: who is copied, per severity present in the list.
fn escalation_recipients(config: &Config, listing: &Listing) -> Result<Vec<email::Mailbox>> {
    let mut recipients = Vec::new();
    for (severity, who) in &config.sla.escalate_to {
        let listed = listing.rows.iter().any(|r| r.urgency == Urgency::Overdue && &r.severity.0 == severity);
        if listed && !who.trim().is_empty() {
            for mailbox in email::parse_addresses(&[who.as_str()], &format!("[sla.escalate_to] {severity}"))? {
                if !recipients.contains(&mailbox) {
                    recipients.push(mailbox);
                }
            }
        }
    }
    Ok(recipients)
}

/// The supervisors of overdue veto reports (`[departments.NAME] supervisor`
/// or `[sla] supervisor`), copied like `[sla] escalate_to`.
fn supervisor_recipients(config: &Config, listing: &Listing) -> Result<Vec<email::Mailbox>> {
    let mut recipients = Vec::new();
    for row in listing.rows.iter().filter(|r| r.urgency == Urgency::Overdue) {
        let Some(supervisor) = &row.supervisor else { continue };
        let address = config.supervisor_address(supervisor);
        for mailbox in email::parse_addresses(&[address], &format!("supervisor {supervisor}"))? {
            if !recipients.contains(&mailbox) {
                recipients.push(mailbox);
            }
        }
    }
    Ok(recipients)
}
