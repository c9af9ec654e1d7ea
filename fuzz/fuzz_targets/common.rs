//! What the targets share: the shipped engine, built once, and the checks
//! every lint must pass (mirroring tests/integration/properties.rs).
#![allow(dead_code)] // each target uses a part

use copydesk::{lint_bytes, Engine, Format, Linted, Settings};
use std::sync::OnceLock;

pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::new(copydesk::rules::pack::shipped().expect("shipped packs")).expect("engine")
    })
}

pub fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| engine().default_settings())
}

/// Lint `bytes` as `format`: offsets are the file's (for UTF-16 with a
/// byte-order mark, its UTF-8 decoding's), every span and edit lies inside
/// the text on character boundaries.
pub fn lint_checked(bytes: &[u8], format: Format) -> Option<Vec<copydesk::Diagnostic>> {
    let Linted::Text { text, diagnostics } =
        lint_bytes(engine(), settings(), format, bytes.to_vec())
    else {
        return None;
    };
    if !copydesk::decode::Encoding::sniff(bytes).is_utf16() {
        assert_eq!(text.len(), bytes.len(), "offsets are the file's");
    }
    for d in &diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(e.span.start <= e.span.end && e.span.end <= text.len());
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
        for l in &d.labels {
            assert!(l.span.start <= l.span.end && l.span.end <= text.len());
        }
    }
    Some(diagnostics)
}
