//! Nothing panics on any input: arbitrary bytes, arbitrary Unicode, and
//! arbitrary Markdown and MDX go through the lint entry point and the fixer, and
//! every reported span lies on character boundaries inside the text.

use crate::util::engine;
use copydesk::{fix_bytes, lint_bytes, Format, Linted};
use proptest::prelude::*;

fn check_invariants(bytes: Vec<u8>, format: Format) {
    let settings = engine().default_settings();
    if let Linted::Text { text, diagnostics } =
        lint_bytes(engine(), &settings, format, bytes.clone())
    {
        // UTF-16 (a byte-order mark first) is decoded: its offsets are mapped
        // back to the file's bytes by the reporters, not equal to them.
        if !copydesk::decode::Encoding::sniff(&bytes).is_utf16() {
            assert_eq!(text.len(), bytes.len(), "offsets are the file's");
        }
        for d in &diagnostics {
            assert!(d.span.start <= d.span.end && d.span.end <= text.len());
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            for e in d.fix.iter().flat_map(|f| &f.edits) {
                assert!(e.span.end <= text.len());
                assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            }
        }
    }
    let _ = fix_bytes(engine(), &settings, format, bytes);
}

/// Characters that exercise every rule: scripts, look-alikes, invisibles, mojibake lead bytes.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        prop::sample::select(vec![
            'a', 'Z', ' ', '\n', '\r', '(', ')', '[', '"', '“', '”', '’', '-', ':', '—',
            '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{202E}', '\u{FE0F}', 'Ã', 'â', '€', '™', 'Â',
            '\u{A0}', '©', '커', '뮤', '니', '티', '习', 'А', 'е', 'ο', 'γ', 'ء', '\u{64D}',
            '\u{FFFD}', '\u{92}', '👨', '`', '#', '<', '!', '>', '*', '_', '{', '}', '/', '\'',
            '\\', '~',
        ]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_invariants(bytes.clone(), Format::Plain);
        check_invariants(bytes.clone(), Format::Markdown);
        check_invariants(bytes, Format::Mdx);
    }

    #[test]
    fn arbitrary_text_never_panics(chars in prop::collection::vec(interesting_char(), 0..200)) {
        let text: String = chars.into_iter().collect();
        check_invariants(text.clone().into_bytes(), Format::Plain);
        check_invariants(text.clone().into_bytes(), Format::Markdown);
        check_invariants(text.into_bytes(), Format::Mdx);
    }
}

#[test]
fn empty_crlf_bom_and_large_inputs() {
    check_invariants(Vec::new(), Format::Plain);
    // A UTF-16 byte-order mark alone (found by the property test above).
    check_invariants(vec![0xFF, 0xFE], Format::Plain);
    check_invariants(vec![0xFE, 0xFF, 0x00], Format::Markdown);
    check_invariants(
        b"\xEF\xBB\xBFa line\r\nanother \xEC\xBB\xA4 line\r\n".to_vec(),
        Format::Plain,
    );
    // A long line of foreign text and a long run of mojibake lead bytes stay linear.
    let big = "커뮤니티 ".repeat(200_000) + &"Ã".repeat(200_000);
    check_invariants(big.into_bytes(), Format::Plain);
}
