//! Apply fixes to arbitrary bytes (the first byte picks text, Markdown or
//! MDX):
//! one round of safe fixes keeps every byte outside the edits' spans, in
//! order (tests/integration/convergence.rs; UTF-8 or undecodable bytes); fixing to the end and linting
//! again never panics. No safe fix left is not required of arbitrary bytes.
#![no_main]
mod common;
use copydesk::{Applicability, Format, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let format = match first % 3 {
        0 => Format::Plain,
        1 => Format::Markdown,
        _ => Format::Mdx,
    };
    if copydesk::decode::Encoding::sniff(bytes).is_utf16() {
        // Spans are offsets into the decoding; `Workspace::fix_bytes` fixes
        // UTF-16 through it (the lint targets cover the decoding).
        common::lint_checked(bytes, format);
        return;
    }
    let Some(diagnostics) = common::lint_checked(bytes, format) else {
        return;
    };
    let mut spans: Vec<Span> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe)
        .flat_map(|f| f.edits.iter().map(|e| e.span))
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::new();
    for s in spans {
        match merged.last_mut() {
            Some(m) if s.start <= m.end => m.end = m.end.max(s.end),
            _ => merged.push(s),
        }
    }
    let (once, _) = copydesk::fix::apply(bytes, &diagnostics);
    let (mut at, mut kept) = (0, 0);
    for s in merged.iter().chain([&Span::new(bytes.len(), bytes.len())]) {
        let gap = &bytes[kept..s.start];
        let found = (at..=once.len().saturating_sub(gap.len()))
            .find(|&i| once[i..].starts_with(gap))
            .expect("text outside the edits changed");
        assert!(
            kept > 0 || found == 0,
            "the text before the first edit changed"
        );
        at = found + gap.len();
        kept = s.end;
    }
    assert!(once.ends_with(&bytes[kept..]), "the end changed");
    let (fixed, _, _) =
        copydesk::fix_bytes(common::engine(), common::settings(), format, bytes.to_vec());
    common::lint_checked(&fixed, format);
});
