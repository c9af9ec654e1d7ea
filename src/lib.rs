//! copydesk: an editorial text-quality linter for newsrooms.
//!
//! The library never prints, exits or reads the environment: it loads rule
//! packs and config ([`rules::pack`], [`config`]), compiles them once into an
//! [`Engine`], and lints documents into [`Diagnostic`]s. Rendering lives in
//! [`render`]; the command line in the binary.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// Load errors carry the file text for rendering; they happen once per run, off the hot path.
#![allow(clippy::result_large_err)]

pub(crate) mod bytes;
pub mod changes;
pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod engine;
pub mod error;
pub mod fix;
pub(crate) mod hangul;
pub mod html;
pub mod input;
pub mod position;
pub mod render;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source;
pub mod stream;
pub mod tables;
pub mod testing;
pub mod walk;
pub(crate) mod words;
pub mod workspace;

/// What the fuzz targets (`fuzz/`) reach that is not public: `cargo fuzz`
/// builds with `--cfg fuzzing`.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// Romanize `s` both ways and read it as a Korean name with the
    /// surname tables of `engine`'s packs (read once).
    pub fn hangul(engine: &crate::Engine, s: &str) -> usize {
        static SURNAMES: std::sync::OnceLock<crate::hangul::Surnames> = std::sync::OnceLock::new();
        let surnames = SURNAMES.get_or_init(|| {
            engine
                .options()
                .family::<crate::rules::names::Tuning>("names")
                .map(|t| t.hangul_surnames())
                .unwrap_or_default()
        });
        crate::hangul::romanize_rr(s).len()
            + crate::hangul::romanize_mr(s).len()
            + crate::hangul::name_readings(s, surnames).len()
            + usize::from(crate::hangul::split_name(s, surnames).is_some())
    }
}

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity, Span};
pub use engine::{Engine, Settings};
pub use error::{Error, FileError};
pub use fix::FixOptions;
pub use source::{Format, Source};
pub use workspace::Workspace;

/// The result of linting one file's bytes.
pub enum Linted {
    /// The file was linted. `text` is the decoded text (invalid bytes as spaces).
    Text {
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// A binary file (an image, an archive …): not linted.
    Binary,
}

/// Decode and lint one file's bytes.
pub fn lint_bytes(engine: &Engine, settings: &Settings, format: Format, bytes: Vec<u8>) -> Linted {
    match source::decode(bytes) {
        source::Decoded::Binary => Linted::Binary,
        source::Decoded::Text { text, invalid_utf8 } => {
            let diagnostics = {
                let src = Source::new(&text, format).with_invalid_utf8(invalid_utf8);
                engine.lint(&src, settings)
            };
            Linted::Text { text, diagnostics }
        }
    }
}

/// Lint and apply the safe fixes until nothing more can be fixed (at most 10
/// rounds). Returns the fixed bytes, the number of fixes applied, and the
/// remaining findings. UTF-16 bytes are linted but not fixed here (spans are
/// offsets into their UTF-8 decoding): [`Workspace::fix_bytes`] fixes them
/// through it.
pub fn fix_bytes(
    engine: &Engine,
    settings: &Settings,
    format: Format,
    bytes: Vec<u8>,
) -> (Vec<u8>, usize, Linted) {
    fix_bytes_with(engine, settings, format, bytes, fix::FixOptions::default())
}

/// [`fix_bytes`] applying the fixes `options` allows (with `unsafe_fixes`,
/// the suggestions too).
pub fn fix_bytes_with(
    engine: &Engine,
    settings: &Settings,
    format: Format,
    bytes: Vec<u8>,
    options: fix::FixOptions,
) -> (Vec<u8>, usize, Linted) {
    if decode::Encoding::sniff(&bytes).is_utf16() {
        return (
            bytes.clone(),
            0,
            lint_bytes(engine, settings, format, bytes),
        );
    }
    let mut current = bytes;
    let mut total = 0;
    // Text written by a fix is never rewritten by a later round (a mojibake
    // fix that restores Korean must not then be deleted as a stray word).
    let mut protected = Vec::new();
    for _ in 0..10 {
        let linted = lint_bytes(engine, settings, format, current.clone());
        let Linted::Text { diagnostics, .. } = &linted else {
            return (current, total, linted);
        };
        let (next, applied, written) =
            fix::apply_protected(&current, diagnostics, &protected, options);
        if applied == 0 {
            return (current, total, linted);
        }
        total += applied;
        current = next;
        protected = written;
    }
    let linted = lint_bytes(engine, settings, format, current.clone());
    (current, total, linted)
}
