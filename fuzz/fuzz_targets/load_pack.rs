//! Load arbitrary text as a rule pack, then build an engine of the shipped
//! packs with it and lint a short draft: errors, never a panic.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(pack) = copydesk::rules::pack::load("fuzz.toml", text) else {
        return;
    };
    let Ok(mut all) = copydesk::rules::pack::shipped() else {
        return;
    };
    if all.extend(pack).is_err() {
        return;
    }
    let Ok(engine) = copydesk::Engine::new(all) else {
        return;
    };
    let settings = engine.default_settings();
    let draft = "The 커뮤니티 group met. \"We will never accept this,\" experts say. Kim Jong-un and Kim Jong Un.";
    for format in [copydesk::Format::Plain, copydesk::Format::Markdown] {
        let _ = copydesk::lint_bytes(&engine, &settings, format, draft.as_bytes().to_vec());
    }
});
