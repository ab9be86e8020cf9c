//! `complaint attach ID FILE… [--kind KIND] [-m NOTE]`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::change::ChangeArgs;
use super::{Context, flags, output};
use crate::error::Result;
use crate::ops::{self, AttachInput, Stamp};
use crate::report::mask::Masker;
use crate::tr;

/// Keep files as evidence with a complaint (purchase proof, photos, test
/// reports, the customer's signed confirmation): each is copied to
/// attachments/YYYY/MM/<ID>/<sha256 prefix>-<name> and recorded with its
/// SHA-256, which `complaint check` verifies. Files are never overwritten
/// or deleted; the same content attached twice is kept once. Links,
/// directories, FIFOs and devices are refused, and so are files over
/// [limits] max_attachment_bytes (20 MiB by default).
#[derive(Debug, Args)]
pub struct AttachArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// The files to attach
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// What the files are: proof 购买凭证, photo 照片, report 检测报告, signed 签字确认, receipt 回执, other 其他 (default)
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// A note on the files
    #[arg(long = "message", short = 'm', value_name = "TEXT")]
    pub message: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

const FLAGS: &[&str] = &["kind", "message", "at"];

pub fn run(ctx: &mut Context, args: AttachArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let id = store.parse_id(&args.id)?;
    let config = store.config();
    let zone = config.zone();
    let input = AttachInput { kind: args.kind, message: args.message };
    // Every file is read, and refused, before anything is written.
    let sources = args
        .files
        .iter()
        .map(|file| store.read_attachment(&if file.is_absolute() { file.clone() } else { ctx.cwd().join(file) }))
        .collect::<Result<Vec<_>>>()?;
    let mut last = None;
    for source in &sources {
        let mut already = None;
        let mut words = None;
        let applied = store
            .attach(
                &id,
                super::autocommit::policy(ctx),
                || ctx.now(zone),
                source,
                |ticket, now| {
                    let at = ops::stamp_time(ticket, zone, args.change.at.as_deref(), now)?;
                    let stamp = Stamp { at, by: ctx.actor(&store)? };
                    already = ops::already_attached(ticket, &source.facts.sha256).map(|a| a.name.clone());
                    let change = ops::attach(ticket, config, &source.facts, &input, stamp)?;
                    Ok(change.map(|c| {
                        words = Some(c.words);
                        (c.event, c.what)
                    }))
                },
            )
            .map_err(|e| flags::reword(e, FLAGS))?;
        let lang = ctx.lang();
        match (words, already) {
            (Some(words), _) => {
                let attachment = applied.ticket.history.last().and_then(|e| e.attachment.as_ref());
                let path = attachment.map(|a| store.attachment_path(&id, a)).unwrap_or_default();
                let (what, path) = (words.render(lang), store.display_path(&path));
                ctx.info(tr!(lang, "cli.attached", id = applied.ticket.id, what = what, path = path));
                super::autocommit::report(ctx, &applied.commit);
            }
            (None, name) => ctx.info(tr!(
                lang,
                "cli.already_attached",
                id = applied.ticket.id,
                name = source.facts.original_name,
                as_name = name.unwrap_or_default()
            )),
        }
        last = Some(applied.ticket);
    }
    if let (true, Some(ticket)) = (ctx.global.json, last) {
        output::print_json(&serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "ticket": output::ticket_json(&ticket, config, &Masker { mask: true }),
        }))?;
    }
    Ok(ExitCode::SUCCESS)
}
