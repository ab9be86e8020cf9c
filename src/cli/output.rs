//! Writing to stdout and stderr: JSON envelopes, tables, error messages.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU8, Ordering};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::tr;

pub use crate::report::ticket_json::{JSON_SCHEMA, ticket_json};

/// `--wide` of the table commands: every column in full, however wide the
/// terminal (tables otherwise fit it, see `report::fit`).
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct FitArgs {
    /// Show every column in full, however narrow the terminal (piped output always does)
    #[arg(long)]
    pub wide: bool,
}

/// Writes `text` to stdout; a closed pipe surfaces as a BrokenPipe I/O error
/// that `main` ends quietly on.
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|_| out.flush()).map_err(|e| Error::io("write", "stdout", e))
}

/// Writes raw bytes (CSV with a BOM, HTML) to stdout.
pub fn print_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|_| out.flush()).map_err(|e| Error::io("write", "stdout", e))
}

/// Prints `value` as pretty JSON with a trailing newline.
pub fn print_json(value: &Value) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value).expect("JSON values serialise");
    text.push('\n');
    print(&text)
}

/// `--color`: 0 auto, 1 always, 2 never, 3 auto with `NO_COLOR` set. Set
/// once, by [`super::Context::new`].
static COLOR: AtomicU8 = AtomicU8::new(0);

/// `when` is `--color`; `no_color` whether `NO_COLOR` is set.
pub fn set_color(when: &str, no_color: bool) {
    COLOR.store(
        match when {
            "always" => 1,
            "never" => 2,
            _ if no_color => 3,
            _ => 0,
        },
        Ordering::Relaxed,
    );
}

/// Colour on stderr: `--color always`, or `auto` on a terminal without NO_COLOR.
fn stderr_color() -> bool {
    match COLOR.load(Ordering::Relaxed) {
        1 => true,
        2 | 3 => false,
        _ => std::io::stderr().is_terminal(),
    }
}

/// The language of messages, 0 Chinese, 1 English. Set by
/// [`super::Context`] (the locale, then the store's `[ui] lang`).
static LANG: AtomicU8 = AtomicU8::new(0);

pub fn set_lang(lang: Lang) {
    LANG.store(u8::from(lang == Lang::En), Ordering::Relaxed);
}

/// The language messages and errors are printed in.
pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == 1 { Lang::En } else { Lang::Zh }
}

/// `complaint: error: …` and `hint: …` on stderr (`错误`, `提示` in Chinese).
pub fn print_error(e: &Error) {
    let red = stderr_color();
    let (start, end) = if red { ("\x1b[1;31m", "\x1b[0m") } else { ("", "") };
    let lang = lang();
    eprintln!("complaint: {start}{}{end}: {}", tr!(lang, "output.error"), e.message(lang));
    if let Some(hint) = e.hint_in(lang) {
        eprintln!("{}: {hint}", tr!(lang, "output.hint"));
    }
}

/// Writes `bytes` to `path` atomically (temporary file in the same
/// directory, fsync, rename): a reader never sees half a report.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    crate::store::write_atomic(path, bytes)
}

/// A workbook is binary: refused on a terminal when no `-o FILE` is given
/// (piped, it goes to stdout like any other format).
pub fn refuse_binary_on_terminal(output: Option<&std::path::Path>, example: &str) -> Result<()> {
    if output.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::invalid(
            "工作簿是二进制文件，不在终端上输出 (a workbook is binary and is not printed on a terminal)",
            Some(&format!("写入文件 (write it to a file): {example}")),
        ));
    }
    Ok(())
}
