use std::process::ExitCode;

fn main() -> ExitCode {
    complaint::cli::main()
}
