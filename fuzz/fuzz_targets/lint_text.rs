//! Lint arbitrary bytes as plain text.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::lint_checked(data, copydesk::Format::Plain);
});
