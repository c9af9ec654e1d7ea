//! The `copydesk` binary: parse arguments, run, turn the outcome into an exit code.

#![allow(clippy::result_large_err)]

mod cli;

/// mimalloc: linting many short documents (stream mode, many small files)
/// allocates and frees a document's working sets over and over; the
/// system allocator spends a tenth of such a run on it. The binary's
/// `mimalloc` feature (on by default); the library leaves the allocator to
/// its embedder.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
