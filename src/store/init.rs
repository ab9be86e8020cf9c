//! `complaint init`: creates what a store needs and leaves alone whatever
//! the user already has.

use std::path::{Path, PathBuf};

use super::git::{ATTRIBUTES_LINE, Repo};
use super::{CONFIG_FILE, TICKETS_DIR};
use crate::config::{Config, TEMPLATE};
use crate::error::{Error, Result};

/// What `init` did, for the message to the user.
#[derive(Debug, Default)]
pub struct InitReport {
    pub created: Vec<PathBuf>,
    pub updated: Vec<PathBuf>,
    pub kept: Vec<PathBuf>,
    /// Git config keys set to register the merge driver.
    pub git_config: Vec<String>,
}

const GITIGNORE_LINE: &str = ".complaint/";

/// Attachments (`complaint attach`) are kept byte for byte: `check`
/// verifies their SHA-256, so git must never convert line ends in them.
/// Written only into a new `.gitattributes`.
const ATTACHMENT_LINES: &str = "\
# attachments (complaint attach) are kept byte for byte: `complaint check` verifies their sha256
attachments/** -text
# large photos and reports: after `git lfs install`, uncomment to keep them in git LFS
# attachments/** filter=lfs diff=lfs merge=lfs -text
";

/// Creates the store in `dir`; a new complaint.toml gets the template
/// followed by `preset` (a stage set of `config::PRESETS`), if given. An
/// existing complaint.toml is never rewritten: with a preset, that is an
/// error rather than a preset silently not applied.
pub fn init(dir: &Path, preset: Option<&str>) -> Result<InitReport> {
    let mut report = InitReport::default();
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;

    let config = dir.join(CONFIG_FILE);
    if config.exists() {
        // Refuse to call a broken config a store: say what is wrong now.
        let text = std::fs::read_to_string(&config).map_err(|e| Error::io("read", &config, e))?;
        Config::from_toml(&text, &config)?;
        if preset.is_some() {
            return Err(Error::invalid(
                format!("{} exists; a preset is written only into a new complaint.toml", config.display()),
                Some("copy the [sla.stages.*] tables of `complaint init --print-config --preset NAME` into it"),
            ));
        }
        report.kept.push(config);
    } else {
        write_new(&config, &format!("{TEMPLATE}{}", preset.unwrap_or("")))?;
        report.created.push(config);
    }

    let tickets = dir.join(TICKETS_DIR);
    if tickets.is_dir() {
        report.kept.push(tickets);
    } else {
        std::fs::create_dir_all(&tickets).map_err(|e| Error::io("create directory", &tickets, e))?;
        // Git does not keep empty directories.
        write_new(&tickets.join(".gitkeep"), "")?;
        report.created.push(tickets);
    }

    let gitignore = dir.join(".gitignore");
    match std::fs::read_to_string(&gitignore) {
        Ok(text)
            if text
                .lines()
                .any(|l| matches!(l.trim(), ".complaint/" | ".complaint" | "/.complaint/" | "/.complaint")) =>
        {
            report.kept.push(gitignore)
        }
        Ok(mut text) => {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(GITIGNORE_LINE);
            text.push('\n');
            std::fs::write(&gitignore, text).map_err(|e| Error::io("write", &gitignore, e))?;
            report.updated.push(gitignore);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            write_new(
                &gitignore,
                &format!("# local cache and lock of complaint, always rebuildable\n{GITIGNORE_LINE}\n"),
            )?;
            report.created.push(gitignore);
        }
        Err(e) => return Err(Error::io("read", &gitignore, e)),
    }

    // The merge driver (spec §8): attributes travel with the repository,
    // the driver command is per clone, so a fresh clone runs `init` again.
    let attributes = dir.join(".gitattributes");
    match std::fs::read_to_string(&attributes) {
        Ok(text) if text.lines().any(|l| l.split_whitespace().any(|a| a == "merge=complaint")) => {
            report.kept.push(attributes)
        }
        Ok(mut text) => {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(ATTRIBUTES_LINE);
            text.push('\n');
            std::fs::write(&attributes, text).map_err(|e| Error::io("write", &attributes, e))?;
            report.updated.push(attributes);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            write_new(
                &attributes,
                &format!(
                    "# merge ticket files with `complaint merge-driver` (registered by `complaint init`)\n{ATTRIBUTES_LINE}\n\n{ATTACHMENT_LINES}"
                ),
            )?;
            report.created.push(attributes);
        }
        Err(e) => return Err(Error::io("read", &attributes, e)),
    }
    if let Some(repo) = Repo::discover(dir) {
        report.git_config = repo.register_merge_driver()?;
    }
    Ok(report)
}

fn write_new(path: &Path, contents: &str) -> Result<()> {
    std::fs::write(path, contents).map_err(|e| Error::io("write", path, e))
}
