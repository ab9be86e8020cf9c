//! `complaint init [DIR]`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Context, output};
use crate::error::{Error, Result};
use crate::tr;
use crate::{config, store};

/// Create a store: complaint.toml (every setting, commented), tickets/,
/// .gitignore and .gitattributes; inside git, register the merge driver in
/// the repository's config. Run again on an existing store (e.g. in a fresh
/// clone) it changes nothing of yours and only adds what is missing.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory of the new store (default: the current directory)
    pub dir: Option<PathBuf>,

    /// Print the commented default complaint.toml instead of writing anything
    #[arg(long)]
    pub print_config: bool,

    /// Add a stage set to the new complaint.toml: `after-sales` (the after-sales
    /// procedure: 受理响应, 转交, 初步诊断, 方案制定, 方案确认, 结果确认, 回访, 补救落实)
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
}

pub fn run(ctx: &mut Context, args: InitArgs) -> Result<ExitCode> {
    let preset = match args.preset.as_deref() {
        None => None,
        Some(name) => Some(config::preset(name).ok_or_else(|| {
            Error::invalid(
                format!("--preset {name:?}: no such preset; presets: {}", config::preset_names().join(", ")),
                None,
            )
        })?),
    };
    if args.print_config {
        output::print(&format!("{}{}", config::TEMPLATE, preset.unwrap_or("")))?;
        return Ok(ExitCode::SUCCESS);
    }
    let dir = match args.dir {
        Some(dir) if dir.is_absolute() => dir,
        Some(dir) => ctx.cwd().join(dir),
        None => ctx.cwd().to_path_buf(),
    };
    let report = store::init(&dir, preset)?;
    for path in &report.created {
        ctx.info(tr!(ctx.lang(), "cli.created_file", path = path.display()));
    }
    for path in &report.updated {
        ctx.info(tr!(ctx.lang(), "cli.updated_file", path = path.display()));
    }
    for setting in &report.git_config {
        ctx.info(tr!(ctx.lang(), "cli.merge_driver", setting = setting));
    }
    if report.created.is_empty() && report.updated.is_empty() && report.git_config.is_empty() {
        ctx.info(tr!(ctx.lang(), "cli.already_a_store", path = dir.display()));
    } else if !report.kept.is_empty() {
        ctx.info(tr!(ctx.lang(), "cli.kept_files", count = report.kept.len()));
    }
    // Tickets are committed one by one from now on; the store's own files
    // are the user's to commit, once.
    if !report.created.is_empty() && crate::store::git::Repo::discover(&dir).is_some() {
        ctx.info(tr!(ctx.lang(), "cli.init_commit_hint"));
    }
    Ok(ExitCode::SUCCESS)
}
