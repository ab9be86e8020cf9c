//! `complaint export`

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};

use clap::{Args, ValueEnum};

use super::common::{self, LangArg};
use super::filter::{Filter, FilterArgs};
use super::{Context, output};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::report::analysis::TicketSummary;
use crate::report::export::{self, CsvStyle, Options};
use crate::report::export_order::{self, OrderedRows};
use crate::report::export_xlsx;
use crate::report::mask::Masker;
use crate::report::xlsx::{Book, Cell};
use crate::store::{ScanErrors, Store};
use crate::ticket::Ticket;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// CSV for Excel: UTF-8 with BOM, CRLF line ends
    Csv,
    /// One versioned JSON document
    Json,
    /// One JSON object per line
    Jsonl,
    /// An Excel workbook: text cells keep leading zeros, times are date
    /// cells, hours and scores numbers (needs -o FILE or a redirect)
    Xlsx,
}

/// Export the complaint record table (投诉处理流程记录表): one row
/// per ticket, oldest first. Names and contacts are masked unless --unmask;
/// cells that a spreadsheet would read as a formula get a leading ' unless
/// --raw. Times are in the store time zone, durations in hours.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Write to FILE (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format (--json is the same as --format json)
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,
    /// Language of the CSV headers; en also writes coded values as ids (default: [ui] lang)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Columns to export, in order, comma-separated (e.g. id,received_at,summary,status), or all
    #[arg(long, value_name = "LIST")]
    pub columns: Option<String>,
    /// No UTF-8 byte-order mark at the start of the CSV
    #[arg(long)]
    pub no_bom: bool,
    /// Show customer names and contacts unmasked
    #[arg(long)]
    pub unmask: bool,
    /// Do not neutralise cells starting with = + - @ (CSV injection guard)
    #[arg(long)]
    pub raw: bool,
}

pub fn run(ctx: &mut Context, args: ExportArgs) -> Result<ExitCode> {
    let columns = export::parse_columns(args.columns.as_deref())?;
    let store = ctx.open_store()?;
    let config = store.config();
    let zone = config.zone();
    let now = ctx.now(zone)?;
    let filter = Filter::from_args(&args.filter, config)?;
    let calendar = config.business_calendar();
    let options = Options {
        config,
        zone,
        lang: args.lang.map_or(config.lang(), Lang::from),
        masker: Masker { mask: !args.unmask },
    };
    let format = if ctx.global.json { ExportFormat::Json } else { args.format };
    let style = CsvStyle { bom: !args.no_bom, raw: args.raw };
    // Each wanted ticket is rendered as it is decoded, in parallel; only
    // its sort key and its rendered row are kept, until it can be written.
    let render = |t: &Ticket| {
        let s = TicketSummary::of(t, &calendar, &config.sla, now);
        match format {
            ExportFormat::Csv => Row::Text(export::csv_row(&columns, t, &s, &options, &style)),
            ExportFormat::Json => Row::Json(export::row_json(&columns, t, &s, &options)),
            ExportFormat::Jsonl => {
                let mut line = export::row_json(&columns, t, &s, &options).to_string().into_bytes();
                line.push(b'\n');
                Row::Text(line)
            }
            ExportFormat::Xlsx => Row::Cells(export_xlsx::cells(&columns, t, &s, &options)),
        }
    };
    let map = |t: Ticket| filter.matches(&t).then(|| (t.received_at, t.id.clone(), render(&t)));
    if format == ExportFormat::Xlsx {
        // A workbook is built whole in memory (rust_xlsxwriter), like the JSON document.
        output::refuse_binary_on_terminal(args.output.as_deref(), "complaint export --format xlsx -o 投诉记录.xlsx")?;
        let scan = store.scan_tickets(|_| true, map)?;
        common::warn_collisions(ctx, &store, &scan.collisions);
        let unreadable = common::unreadable(&store, &scan.errors);
        let count = scan.tickets.len();
        let rows = oldest_first(scan.tickets.into_iter().map(|(_, row)| row).collect());
        let mut book = Book::new();
        book.sheet(options.lang.pick("投诉记录", "Complaints"), &export_xlsx::headers(&columns, &options))?;
        for (_, _, row) in rows {
            if let Row::Cells(cells) = row {
                book.row(&cells)?;
            }
        }
        write(ctx, &args, &book.finish()?, count)?;
        return Ok(common::warn_unreadable(ctx, &unreadable, "export"));
    }
    if format == ExportFormat::Json {
        let scan = store.scan_tickets(|_| true, map)?;
        common::warn_collisions(ctx, &store, &scan.collisions);
        let unreadable = common::unreadable(&store, &scan.errors);
        let count = scan.tickets.len();
        let bytes = json_document(scan.tickets.into_iter().map(|(_, row)| row).collect(), &columns, &unreadable);
        write(ctx, &args, &bytes, count)?;
        return Ok(common::warn_unreadable(ctx, &unreadable, "export"));
    }
    // CSV and JSON Lines are written as the scan goes, in the record
    // table's order: to stdout directly, to a file through memory (it is
    // replaced atomically at the end).
    let head = if format == ExportFormat::Csv { export::csv_head(&columns, &options, &style) } else { Vec::new() };
    let prefix = config.id.prefix.as_str();
    let scan = match &args.output {
        None => {
            let (mut out, scan) =
                stream(&store, OrderedRows::new(BufWriter::new(std::io::stdout().lock()), zone, &head), prefix, map)?;
            out.flush().map_err(|e| Error::io("write", "stdout", e))?;
            scan
        }
        Some(path) => {
            let (bytes, scan) = stream(&store, OrderedRows::new(Vec::new(), zone, &head), prefix, map)?;
            output::write_file(path, &bytes)?;
            ctx.info(tr!(ctx.lang(), "cli.exported", count = scan.1, path = path.display()));
            scan
        }
    };
    let (scan, _) = scan;
    common::warn_collisions(ctx, &store, &scan.collisions);
    let unreadable = common::unreadable(&store, &scan.errors);
    Ok(common::warn_unreadable(ctx, &unreadable, "export"))
}

type Keyed = (DateTime<FixedOffset>, String, Row);

/// The rows `map` makes of the store's tickets written to `rows` as the
/// scan hands them on; the writer back, with what the scan found and how
/// many rows there were.
fn stream<W: Write>(
    store: &Store,
    mut rows: OrderedRows<W>,
    prefix: &str,
    map: impl Fn(Ticket) -> Option<Keyed> + Sync,
) -> Result<(W, (ScanErrors, u64))> {
    let scan = store.fold_tickets(|_| true, map, &mut |_, (received_at, id, row)| {
        if let Row::Text(text) = row {
            rows.push(export_order::id_day(&id, prefix), received_at, id, text);
        }
    })?;
    let (out, count) = rows.finish().map_err(|e| Error::io("write", "stdout", e))?;
    Ok((out, (scan, count)))
}

/// The JSON document of every row, oldest first.
fn json_document(rows: Vec<Keyed>, columns: &[export::Column], unreadable: &[String]) -> Vec<u8> {
    let items: Vec<_> = oldest_first(rows)
        .into_iter()
        .map(|(_, _, row)| match row {
            Row::Json(value) => value,
            Row::Text(_) | Row::Cells(_) => unreachable!("JSON rows for the JSON format"),
        })
        .collect();
    let doc = serde_json::json!({
        "schema": output::JSON_SCHEMA,
        "count": items.len(),
        "columns": columns.iter().map(|c| c.id).collect::<Vec<_>>(),
        "tickets": items,
        "unreadable": unreadable,
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    text.push('\n');
    text.into_bytes()
}

/// Oldest first; stable, so tickets of one file keep their order.
fn oldest_first(mut rows: Vec<Keyed>) -> Vec<Keyed> {
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    rows
}

/// `bytes` to the `--output` file, or to stdout.
fn write(ctx: &mut Context, args: &ExportArgs, bytes: &[u8], count: usize) -> Result<()> {
    match &args.output {
        Some(path) => {
            output::write_file(path, bytes)?;
            ctx.info(tr!(ctx.lang(), "cli.exported", count = count, path = path.display()));
            Ok(())
        }
        None => output::print_bytes(bytes),
    }
}

/// One exported ticket, rendered.
enum Row {
    Text(Vec<u8>),
    Json(serde_json::Value),
    Cells(Vec<Cell>),
}
