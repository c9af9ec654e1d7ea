//! Parse arbitrary text as a `copydesk.toml` and validate it against the
//! shipped engine, then resolve a path's settings: errors, never a panic.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(config) = copydesk::Config::parse(Path::new("copydesk.toml"), text) else {
        return;
    };
    let engine = common::engine();
    if config.validate(engine).is_err() {
        return;
    }
    let selection = copydesk::config::Selection::default();
    let settings = config.settings_for(engine, Path::new("desk/a.md"), &selection);
    let _ = copydesk::lint_bytes(
        engine,
        &settings,
        copydesk::Format::Markdown,
        b"The \xEC\xBB\xA4 desk.".to_vec(),
    );
});
