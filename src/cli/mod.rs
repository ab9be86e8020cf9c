//! Command-line layer: arguments, environment, the clock. One file per subcommand.

use std::process::ExitCode;

pub fn run() -> crate::Result<ExitCode> {
    Ok(ExitCode::SUCCESS)
}

pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
