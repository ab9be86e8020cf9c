//! `complaint import FILE.csv`: complaints from a call-centre export.
//!
//! All or nothing: every row is validated like `complaint new` before the
//! first ticket is written, and every bad row is reported as `FILE:LINE:
//! message`. Tickets are created in received order, so IDs follow time.
//!
//! All or nothing for the writes too, under a kill: the tickets are staged
//! under `.complaint/import/` and committed by one rename before any is
//! moved into `tickets/` (see `store::staging`). A rerun of the same import
//! (same file, same `--map`) finishes a committed one and prints its IDs
//! instead of importing the file twice; other leftovers are finished or
//! deleted first.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::import_columns::{map_columns, row_input};
use super::{Context, output};
use crate::error::{Error, Result};
use crate::ops::{self, Stamp};
use crate::store::{ImportState, PendingImport, Store, StoreLock};
use crate::ticket::TicketId;
use crate::tr;

/// Import complaints from a CSV file (UTF-8, with or without BOM; CRLF
/// from Excel is fine). The first line names the columns; Chinese and
/// English names are recognised (客户/姓名, 电话/联系方式, 客户ID, 渠道,
/// 产品, 摘要/投诉内容, 描述, 诉求, 类别, 级别, 投诉时间, 购买凭证, 型号, 批次,
/// 购买日期, 偏好联系方式 …); any other column must be mapped with --map or
/// left out with --ignore. Nothing is written unless every row is valid. Prints
/// the new IDs, one per line. An import that was killed is finished by
/// running it again (or `complaint check --fix`), never imported twice.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file
    pub file: PathBuf,
    /// Column mapping, e.g. --map 来电人=customer,号码=contact. Fields: customer,
    /// contact, customer_id, preferred_contact, channel, product,
    /// purchase_proof, purchase_model, purchase_batch, purchase_date, summary,
    /// description, expectation, category, severity, received_at
    #[arg(long, value_name = "COLUMN=FIELD", value_delimiter = ',')]
    pub map: Vec<String>,
    /// A column of the file to leave out (repeatable); any column neither
    /// recognised, mapped nor ignored is refused
    #[arg(long, value_name = "COLUMN")]
    pub ignore: Vec<String>,
    /// Validate every row and say how many would be imported; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &mut Context, args: ImportArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let config = store.config();
    let now = ctx.now(config.zone())?;
    let path = if args.file.is_absolute() { args.file.clone() } else { ctx.cwd().join(&args.file) };
    let shown = args.file.display().to_string();
    let bytes = std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::invalid(
            format!("{shown}: not valid UTF-8 (first bad byte at offset {})", e.valid_up_to()),
            Some("in Excel save as \"CSV UTF-8 (逗号分隔)\", or convert with `iconv -f GBK -t UTF-8`"),
        )
    })?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(&shown, &e))?.clone();
    let columns = map_columns(&headers, &args.map, &args.ignore)?;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        // The position before reading is where the record starts; a quoted
        // cell may span lines, so it is not the count of records.
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => match ops::create(row_input(&record, &columns), config, now) {
                Ok(fields) => rows.push(fields),
                Err(e) => problems.push(format!("{shown}:{line}: {e}")),
            },
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                problems.push(format!("{shown}:{line}: {e}"));
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    break;
                }
            }
        }
    }
    let total = rows.len() + problems.len();
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("{problem}");
        }
        return Err(Error::invalid(
            format!("{} of {total} row(s) are invalid; nothing was imported", problems.len()),
            Some("fix the rows named above and run the import again"),
        ));
    }
    if args.dry_run {
        ctx.info(tr!(ctx.lang(), "cli.import_dry_run", count = total));
        return Ok(ExitCode::SUCCESS);
    }
    rows.sort_by_key(|fields| fields.received_at);
    let source = source_identity(&args.map, &args.ignore, bytes);
    let stamp = Stamp { at: now, by: ctx.actor(&store)? };
    let lock = store.lock()?;
    if finish_interrupted(ctx, &store, &lock, &source)? {
        return Ok(ExitCode::SUCCESS);
    }
    let dates: Vec<_> = rows.iter().map(|fields| fields.received_at.date_naive()).collect();
    let ids = store.allocate_ids(&lock, &dates)?;
    let tickets: Vec<_> =
        rows.into_iter().zip(&ids).map(|(fields, id)| fields.into_ticket(&id.to_string(), &stamp)).collect();
    let staged = store.stage_import(&lock, &shown, &source, &tickets)?;
    let created = place(&store, &lock, &staged)?;
    print_ids(&created)?;
    store.discard_import(&lock, &staged)?;
    ctx.info(tr!(ctx.lang(), "cli.imported", count = created.len(), source = shown));
    let ids: Vec<String> = created.iter().map(ToString::to_string).collect();
    let subject = format!("import {} complaint(s) from {}", ids.len(), shown);
    super::autocommit::commit_many(ctx, &store, &ids, &subject, "imported", &stamp.by);
    Ok(ExitCode::SUCCESS)
}

/// What makes a rerun the same import: the mapping and the file's bytes.
fn source_identity(map: &[String], ignore: &[String], bytes: &[u8]) -> Vec<u8> {
    let mut source = format!("--map {}\n", map.join(",")).into_bytes();
    if !ignore.is_empty() {
        source.extend_from_slice(format!("--ignore {}\n", ignore.join(",")).as_bytes());
    }
    source.extend_from_slice(bytes);
    source
}

/// Finishes what killed imports left (see `store::staging`). Returns true
/// when one of them was this very import, whose IDs are then printed
/// instead of importing the file a second time.
fn finish_interrupted(ctx: &Context, store: &Store, lock: &StoreLock, source: &[u8]) -> Result<bool> {
    let mut same = false;
    for pending in store.pending_imports(lock)? {
        let label = &pending.label;
        match pending.state {
            ImportState::Committed => {
                let ids = place(store, lock, &pending)?;
                let texts: Vec<String> = ids.iter().map(ToString::to_string).collect();
                let subject =
                    format!("import {} complaint(s) from {label} (finished after an interruption)", ids.len());
                super::autocommit::commit_many(ctx, store, &texts, &subject, "imported", &ctx.actor(store)?);
                if !same && pending.same_source(source) {
                    print_ids(&ids)?;
                    ctx.info(format!("finished the interrupted import of {label}: {} complaint(s)", ids.len()));
                    same = true;
                } else {
                    let list: Vec<String> = ids.iter().map(ToString::to_string).collect();
                    ctx.info(format!("finished an interrupted import of {label}: {}", list.join(", ")));
                }
            }
            ImportState::Uncommitted => ctx.info(format!(
                "deleted the staging of an interrupted import of {label} (nothing of it had been imported)"
            )),
            ImportState::Done => {}
        }
        store.discard_import(lock, &pending)?;
    }
    Ok(same)
}

/// Moves a committed import's tickets in; an error leaves the import to
/// finish, and says how.
fn place(store: &Store, lock: &StoreLock, staged: &PendingImport) -> Result<Vec<TicketId>> {
    store.finish_import(lock, staged).map_err(|e| {
        Error::invalid(
            format!("the import of {} stopped half-way: {e}", staged.label),
            Some("fix the cause, then run `complaint check --fix` or the same import again to finish it"),
        )
    })
}

fn print_ids(ids: &[TicketId]) -> Result<()> {
    output::print(&ids.iter().map(|id| format!("{id}\n")).collect::<String>())
}

fn csv_error(shown: &str, e: &csv::Error) -> Error {
    let line = e.position().map_or(1, |p| p.line());
    Error::invalid(format!("{shown}:{line}: {e}"), None)
}
