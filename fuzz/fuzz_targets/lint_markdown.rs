//! Lint arbitrary bytes as Markdown and as MDX.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::lint_checked(data, copydesk::Format::Markdown);
    common::lint_checked(data, copydesk::Format::Mdx);
});
