//! Reading what the user hands in as a file (`--from-file F`, or `-` for
//! stdin), within the same size cap as ticket files: `--from-file
//! /dev/zero` must end in an error, not in reading gigabytes.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The text of `path` (`-` is stdin) and the name to show in messages.
pub fn read_capped(path: &Path, max_bytes: u64) -> Result<(String, PathBuf)> {
    let (reader, shown): (Box<dyn Read>, PathBuf) = if path == Path::new("-") {
        (Box::new(std::io::stdin()), PathBuf::from("<stdin>"))
    } else {
        let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, e))?;
        (Box::new(file), path.to_path_buf())
    };
    let mut bytes = Vec::new();
    reader.take(max_bytes + 1).read_to_end(&mut bytes).map_err(|e| Error::io("read", &shown, e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::InputTooLarge { path: shown, max_bytes });
    }
    let text = String::from_utf8(bytes).map_err(|_| Error::Invalid {
        message: format!("{}: input is not valid UTF-8 text", shown.display()),
        hint: Some("save the file as UTF-8 (most editors: \"Save with encoding\")".into()),
    })?;
    Ok((text, shown))
}
