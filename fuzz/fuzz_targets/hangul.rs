//! The Hangul romanizers and name reader on arbitrary text.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    copydesk::fuzzing::hangul(common::engine(), &text);
});
