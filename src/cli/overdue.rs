//! `complaint overdue`

use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use clap::{Args, ValueEnum};

use super::filter::{Filter, FilterArgs};
use super::{Context, common, output};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::mail::{self as email, OverdueEmail};
use crate::report::csv;
use crate::report::mask::Masker;
use crate::report::overdue::{self, Urgency};
use crate::report::overdue_list::{self, Collector, Evaluation, Listing};
use crate::report::overdue_mail;
use crate::store::Store;
use crate::ticket::IndexEntry;
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

pub fn run(ctx: &mut Context, args: OverdueArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let config = store.config();
    let zone = config.zone();
    let (now, as_of) = ctx.now_and_as_of(args.as_of.as_deref(), zone)?;
    let calendar = config.business_calendar();
    let horizon = overdue_list::horizon(
        &calendar,
        as_of,
        args.warn_before.as_deref(),
        ("--warn-before", "e.g. --warn-before 1d"),
    )?;
    let filter = Filter::from_args(&args.filter, config)?;
    let masker = Masker { mask: !args.unmask };
    let evaluation = Evaluation { config, calendar: &calendar, filter: &filter, as_of, horizon, masker: &masker };
    let mut listing = collect(ctx, &store, &evaluation)?;
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

/// The list: the store scanned here, each summary evaluated by the core
/// (`report::overdue_list`).
fn collect(ctx: &Context, store: &Store, evaluation: &Evaluation) -> Result<Listing> {
    let read = |path: &Path, summary: &IndexEntry| store.read_file(path, summary);
    let mut collector = Collector::new(evaluation, &read);
    let keep = |s: &IndexEntry| evaluation.keeps(s);
    // Evaluated on the scan's threads as each summary is decoded; the few
    // whose ticket must be read are evaluated by the collector.
    let scan = store.fold_summaries_mapped(
        Some(evaluation.as_of),
        keep,
        evaluation.filter.search(),
        |summary| evaluation.evaluate_summary(summary),
        &mut |path, evaluated| collector.push_evaluated(path, evaluated),
    )?;
    common::warn_collisions(ctx, store, &scan.collisions);
    let listing = collector.finish(common::unreadable(store, &scan.errors), |e| common::relative(store, e));
    // One line: the years are those the deadlines fall in; the missing
    // holiday data may be of a year the period crosses (a 2025 deadline of a
    // ticket received in December 2024).
    if !listing.provisional_years.is_empty() {
        let years: Vec<String> = listing.provisional_years.iter().map(|year| year.to_string()).collect();
        ctx.warn(tr!(ctx.lang(), "cli.overdue_provisional", years = years.join(", ")));
    }
    Ok(listing)
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
        Format::Json => output::print_json(&listing.json(as_of))?,
        Format::Email => unreachable!("email is emitted by emit_email"),
    }
    Ok(())
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
