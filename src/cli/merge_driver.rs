//! `complaint merge-driver %O %A %B %P`: git's merge driver for ticket files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Context;
use crate::error::{Error, Result};
use crate::store::{documents_to_yaml, parse_tickets};
use crate::ticket::Ticket;
use crate::ticket::merge::merge_documents;

/// Merge two versions of a ticket file (run by git, registered by
/// `complaint init` as `complaint merge-driver %O %A %B %P`): the union of
/// both histories, current fields re-derived, written to %A. Two different
/// tickets with one ID (a collision) are both kept, for `check --fix`.
/// Files that are not tickets fall back to git's text merge (exit 1).
#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// %O: the common ancestor's version (empty when both sides added the file)
    pub base: PathBuf,
    /// %A: our version; the result is written here
    pub ours: PathBuf,
    /// %B: their version
    pub theirs: PathBuf,
    /// %P: the file's path in the repository, for messages
    pub path: Option<String>,
}

pub fn run(ctx: &mut Context, args: MergeDriverArgs) -> Result<ExitCode> {
    let shown = args.path.clone().unwrap_or_else(|| args.ours.display().to_string());
    let sides = [&args.base, &args.ours, &args.theirs].map(|p| read_side(p, Path::new(&shown)));
    let [base, ours, theirs] = match sides {
        [Ok(base), Ok(ours), Ok(theirs)] => [base, ours, theirs],
        sides => {
            let reason = sides.into_iter().find_map(Result::err).map(|e| e.to_string()).unwrap_or_default();
            ctx.warn(format!("{shown}: cannot merge as tickets ({reason}); falling back to a text merge"));
            return text_merge(&args);
        }
    };
    let merged = merge_documents(&base, &ours, &theirs);
    let text = documents_to_yaml(&merged)?;
    std::fs::write(&args.ours, text).map_err(|e| Error::io("write", &args.ours, e))?;
    if merged.len() > 1 {
        let uids: Vec<&str> = merged.iter().map(|t| t.uid.as_str()).collect();
        ctx.warn(format!(
            "{shown}: ID collision: {} tickets created on different clones share ID {} (uids {}); both are kept, \
             run `complaint check --fix` to renumber the later one",
            merged.len(),
            merged[0].id,
            uids.join(", ")
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// The tickets of one side; an empty file (no ancestor) has none.
fn read_side(path: &Path, shown: &Path) -> Result<Vec<Ticket>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
    if text.trim().is_empty() { Ok(Vec::new()) } else { parse_tickets(&text, shown) }
}

/// git's own line merge, leaving conflict markers in %A; exit 1 tells git
/// the file is conflicted.
fn text_merge(args: &MergeDriverArgs) -> Result<ExitCode> {
    let status = std::process::Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .args([&args.ours, &args.base, &args.theirs])
        .status()
        .map_err(|e| Error::io("run", "git merge-file", e))?;
    Ok(if status.success() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
