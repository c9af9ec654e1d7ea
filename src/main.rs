//! The `copydesk` binary: parse arguments, run, turn the outcome into an exit code.

#![allow(clippy::result_large_err)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
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
