//! `complaint report`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Args, ValueEnum};

use super::common::{self, LangArg};
use super::filter::{Filter, FilterArgs};
use super::{Context, output};
use crate::error::Result;
use crate::report::analysis::{self, PeriodChoice, ReportRun};
use crate::report::document::{self, Lang};
use crate::report::fit::Room;
use crate::report::report_xlsx::{self, Cover};
use crate::report::{html, report_json, report_text};
use crate::time;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned tables for a terminal
    Table,
    /// Markdown, for a wiki or a mail
    Markdown,
    /// One line per figure: section,key,label,metric,value
    Csv,
    /// Versioned JSON (--json is the same)
    Json,
    /// One self-contained HTML file with charts, printable
    Html,
    /// An Excel workbook: one sheet per table, numbers as numbers, native charts (needs -o FILE on a terminal)
    Xlsx,
}

/// Complaint statistics for a period: counts
/// and shares by category, severity, channel, status and root cause;
/// response and resolution times; SLA compliance; satisfaction; reopens;
/// per department and assignee; change versus the previous period.
///
/// A ticket belongs to the period of its received time. With no period flag
/// the report covers the current month. A period flag without a value means
/// the previous one: `report --week` is last week's review agenda, with open serious tickets, the week's breaches and unsatisfied
/// follow-ups, and the action items set at the last meeting.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("period").multiple(false)))]
pub struct ReportArgs {
    /// ISO week, e.g. 2026-W47 (no value: the previous week)
    #[arg(long, group = "period", value_name = "YYYY-Www", num_args = 0..=1, default_missing_value = "previous")]
    pub week: Option<String>,
    /// Month, e.g. 2026-10 (no value: the previous month)
    #[arg(long, group = "period", value_name = "YYYY-MM", num_args = 0..=1, default_missing_value = "previous")]
    pub month: Option<String>,
    /// Quarter, e.g. 2026Q3 (no value: the previous quarter)
    #[arg(long, group = "period", value_name = "YYYYQn", num_args = 0..=1, default_missing_value = "previous")]
    pub quarter: Option<String>,
    /// Year, e.g. 2026 (no value: the previous year)
    #[arg(long, group = "period", value_name = "YYYY", num_args = 0..=1, default_missing_value = "previous")]
    pub year: Option<String>,
    /// First day of a custom period, e.g. 2026-11-01
    #[arg(long, group = "period", value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of a custom period, included (default: the --as-of day)
    #[arg(long, requires = "from", value_name = "DATE")]
    pub to: Option<String>,
    /// Evaluate as of this time instead of now (events after it are ignored)
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Language of headings and labels (default: [ui] lang)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Write to FILE (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The filters of `list`, applied to this and the previous period
    /// (e.g. `--product P` drills down into a complaint point)
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub fit: output::FitArgs,
}

pub fn run(ctx: &mut Context, args: ReportArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let config = store.config();
    let zone = config.zone();
    let (_, as_of) = ctx.now_and_as_of(args.as_of.as_deref(), zone)?;
    let calendar = config.business_calendar();
    let filter = Filter::from_args(&args.filter, config)?;
    let run = ReportRun::new(&period_choice(&args), config, &calendar, &filter, as_of)?;
    let period = run.period;
    // Summaries are made in parallel and folded in path order as the scan
    // goes: never all held at once.
    let mut fold = run.fold();
    let scan = store.fold_tickets(|r| run.relevant(r), |t| run.summarise(t), &mut |_, summary| fold.add(&summary))?;
    common::warn_collisions(ctx, &store, &scan.collisions);
    let report = fold.finish();
    let unreadable = common::unreadable(&store, &scan.errors);
    let lang: Lang = args.lang.map_or(config.lang(), Lang::from);
    let format = if ctx.global.json { ReportFormat::Json } else { args.format };
    let filters = filter_words(&args.filter);
    if format == ReportFormat::Xlsx {
        output::refuse_binary_on_terminal(args.output.as_deref(), "complaint report --format xlsx -o 报告.xlsx")?;
    }
    // A file gets full rows, like a pipe.
    let room = if args.output.is_some() { Room::Unlimited } else { ctx.room(args.fit.wide) };
    let bytes = render(&report, config, format, (lang, room), zone, &unreadable, &filters)?;
    match &args.output {
        Some(path) => {
            output::write_file(path, &bytes)?;
            ctx.info(tr!(ctx.lang(), "cli.report_written", period = period.label(), path = path.display()));
        }
        None => output::print_bytes(&bytes)?,
    }
    Ok(common::warn_unreadable(ctx, &unreadable, "report"))
}

fn render(
    report: &analysis::Report,
    config: &crate::config::Config,
    format: ReportFormat,
    (lang, room): (Lang, Room),
    zone: chrono_tz::Tz,
    unreadable: &[String],
    filters: &[String],
) -> Result<Vec<u8>> {
    let title = document::title(report, lang);
    let subtitle = document::subtitle_noting(report, lang, zone, filters, unreadable);
    let zh = lang == Lang::Zh;
    let sections = || document::sections(report, config, lang, zone);
    Ok(match format {
        ReportFormat::Json => {
            let mut text = serde_json::to_string_pretty(&report_json::render(report, zone, unreadable))
                .expect("JSON values serialise");
            text.push('\n');
            text.into_bytes()
        }
        ReportFormat::Xlsx => {
            let s = &report.current;
            let cover = Cover { title: &title, subtitle: &subtitle, trend: &s.trend, trend_unit: s.trend_unit };
            report_xlsx::render(&cover, &sections(), lang)?
        }
        ReportFormat::Table => report_text::render_table(&title, &subtitle, &sections(), zh, room).into_bytes(),
        ReportFormat::Markdown => report_text::render_markdown(&title, &subtitle, &sections(), zh).into_bytes(),
        ReportFormat::Html => html::render(report, &title, &subtitle, &sections(), lang).into_bytes(),
        ReportFormat::Csv => {
            let p = &report.current.period;
            let meta = [
                ("period", p.label()),
                ("from", p.first.to_string()),
                ("to", p.last.to_string()),
                ("as_of", time::format_instant(&report.as_of)),
            ];
            report_text::render_csv(&sections(), &meta)
        }
    })
}

/// The filter flags given, as typed (`--product P1`), for the subtitle: a
/// filtered report must say so.
fn filter_words(f: &FilterArgs) -> Vec<String> {
    let lists =
        [("--status", &f.status), ("--category", &f.category), ("--severity", &f.severity), ("--channel", &f.channel)];
    let mut words: Vec<String> =
        lists.iter().filter(|(_, v)| !v.is_empty()).map(|(flag, v)| format!("{flag} {}", v.join(","))).collect();
    let single = [
        ("--assignee", &f.assignee),
        ("--department", &f.department),
        ("--customer", &f.customer),
        ("--product", &f.product),
        ("--since", &f.since),
        ("--until", &f.until),
    ];
    words.extend(single.iter().filter_map(|(flag, v)| v.as_ref().map(|v| format!("{flag} {v}"))));
    words.extend(f.search.iter().map(|text| format!("--search {text}")));
    words.extend(f.escalated.then(|| "--escalated".to_string()));
    words.extend(f.open.then(|| "--open".to_string()));
    words
}

/// The period the flags name (the rules: `analysis::PeriodChoice`).
fn period_choice(args: &ReportArgs) -> PeriodChoice {
    PeriodChoice {
        week: args.week.clone(),
        month: args.month.clone(),
        quarter: args.quarter.clone(),
        year: args.year.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
    }
}
