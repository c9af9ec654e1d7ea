//! The `copydesk` binary: parse arguments, run, turn the outcome into an exit code.

#![allow(clippy::result_large_err)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let result = cli::run();
    // A closed standard output (`copydesk check | head`) ends every command
    // quietly, whatever the format.
    if cli::stdout_closed() {
        return ExitCode::SUCCESS;
    }
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if err.is_broken_pipe() {
                return ExitCode::SUCCESS;
            }
            err.report();
            ExitCode::from(2)
        }
    }
}
