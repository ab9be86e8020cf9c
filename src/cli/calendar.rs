//! `complaint calendar`

use std::process::ExitCode;

use chrono::Datelike;
use clap::{Args, Subcommand};

use super::{Context, output};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::report;
use crate::sla::{Calendar, SlaDuration};
use crate::time;
use crate::tr;

/// Show the business calendar of a month — holidays (休) and make-up working
/// days (班, 调休) marked — or compute a deadline with `calendar add`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CalendarArgs {
    /// Month to show, YYYY-MM (default: this month)
    pub month: Option<String>,
    #[command(subcommand)]
    pub action: Option<CalendarAction>,
}

#[derive(Debug, Subcommand)]
pub enum CalendarAction {
    /// When is START + DURATION due? Prints an RFC 3339 instant.
    Add {
        /// Start time, e.g. "2026-09-30 15:00"
        start: String,
        /// Duration: 30m, 4h (elapsed), 3d (calendar days), 2wd (working days), 8bh (business hours)
        duration: String,
    },
    /// Exit 0 if DATE (default today) is a working day, 1 if not — for cron:
    /// `complaint calendar workday && complaint overdue --send` also runs on
    /// make-up Saturdays (调休) and skips holidays.
    Workday {
        /// Date, YYYY-MM-DD (default: today in the store's time zone)
        date: Option<String>,
    },
}

pub fn run(ctx: &mut Context, args: CalendarArgs) -> Result<ExitCode> {
    let config = match ctx.open_store() {
        Ok(store) => store.config().clone(),
        // The calendar is useful outside a store too: built-in defaults.
        Err(Error::NoStore { .. }) => Config::default(),
        Err(e) => return Err(e),
    };
    let calendar = config.business_calendar();
    match args.action {
        Some(CalendarAction::Add { start, duration }) => add(ctx, &config, &calendar, &start, &duration),
        Some(CalendarAction::Workday { date }) => workday(ctx, &config, &calendar, date.as_deref()),
        None => month(ctx, &config, &calendar, args.month.as_deref()),
    }
}

fn add(ctx: &Context, config: &Config, calendar: &Calendar, start: &str, duration: &str) -> Result<ExitCode> {
    let zone = config.zone();
    let start = time::in_zone(time::parse_time(start, zone, "START")?, zone);
    let duration = SlaDuration::parse_for(duration, "DURATION")?;
    let deadline = calendar.add(start, duration);
    if deadline.provisional {
        ctx.warn(tr!(ctx.lang(), "cli.calendar_provisional_deadline"));
    }
    if ctx.global.json {
        output::print_json(&serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "start": time::format_instant(&start),
            "duration": duration.to_string(),
            "deadline": time::format_instant(&deadline.at),
            "provisional": deadline.provisional,
        }))?;
    } else {
        output::print(&format!("{}\n", time::format_instant(&deadline.at)))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn workday(ctx: &Context, config: &Config, calendar: &Calendar, date: Option<&str>) -> Result<ExitCode> {
    let date = match date {
        Some(text) => time::parse_date(text, "DATE")?,
        None => ctx.now(config.zone())?.date_naive(),
    };
    let working = calendar.is_working_day(date);
    if !calendar.covers_year(date.year()) {
        ctx.warn(tr!(ctx.lang(), "cli.calendar_provisional_year", year = date.year()));
    }
    if ctx.global.json {
        output::print_json(&serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "date": date.format("%Y-%m-%d").to_string(),
            "working": working,
            "provisional": !calendar.covers_year(date.year()),
        }))?;
    } else {
        let date = date.format("%Y-%m-%d");
        ctx.info(if working {
            tr!(ctx.lang(), "cli.working_day", date = date)
        } else {
            tr!(ctx.lang(), "cli.day_off", date = date)
        });
    }
    Ok(if working { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn month(ctx: &Context, config: &Config, calendar: &Calendar, text: Option<&str>) -> Result<ExitCode> {
    let (year, month) = match text {
        Some(text) => parse_month(text)?,
        None => {
            let today = ctx.now(config.zone())?.date_naive();
            (today.year(), today.month())
        }
    };
    if ctx.global.json {
        output::print_json(&serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "month": format!("{year:04}-{month:02}"),
            "days": calendar.month_days(year, month),
        }))?;
    } else {
        output::print(&report::calendar::month_grid(calendar, year, month, config.lang()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_month(text: &str) -> Result<(i32, u32)> {
    let bad = || Error::InvalidTime { text: text.to_string(), what: "month (YYYY-MM)".into() };
    let (year, month) = text.trim().split_once('-').ok_or_else(bad)?;
    let year: i32 = year.parse().map_err(|_| bad())?;
    let month: u32 = month.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&month) || !(1900..=9999).contains(&year) {
        return Err(bad());
    }
    Ok((year, month))
}
