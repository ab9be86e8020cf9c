//! `complaint man`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory};

use super::{Cli, Context};
use crate::error::{Error, Result};
use crate::tr;

/// Print the man page (roff) on stdout, e.g. `complaint man | man -l -`;
/// with --dir, write complaint.1 and one complaint-<command>.1 page per
/// subcommand there.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Directory to write one page per command into (created if missing)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(ctx: &mut Context, args: ManArgs) -> Result<ExitCode> {
    let cmd = Cli::command();
    match args.dir {
        Some(dir) => {
            let dir = if dir.is_absolute() { dir } else { ctx.cwd().join(dir) };
            std::fs::create_dir_all(&dir).map_err(|e| Error::io("create directory", &dir, e))?;
            clap_mangen::generate_to(cmd, &dir).map_err(|e| Error::io("write man pages in", &dir, e))?;
            ctx.info(tr!(ctx.lang(), "cli.man_written", path = dir.display()));
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut page).map_err(|e| Error::io("render", "the man page", e))?;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&page).and_then(|()| stdout.flush()).map_err(|e| Error::io("write", "stdout", e))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
