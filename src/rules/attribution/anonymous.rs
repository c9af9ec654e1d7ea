//! `anonymous-source`: a bare `a source said` / `sources said` / `said a
//! source`, with nothing saying who the source is.

use std::ops::Range;

use crate::diagnostic::{Finding, Span};
use crate::segment::Segmented;

use super::compiled::{Compiled, ANON};
use super::prose::{in_quote, prev_word};
use crate::words::{lower, Word};

/// `anonymous-source`: a bare `a source said` / `sources said`.
#[cfg(test)]
pub(super) fn anonymous_sources(text: &str, seg: &Segmented, c: &Compiled) -> Vec<Finding> {
    anonymous_in(text, seg, c, &c.anchors.scan(text, ANON, false).hits)
}

/// `anonymous-source` given the document's anchor hits.
pub(super) fn anonymous_in(
    text: &str,
    seg: &Segmented,
    c: &Compiled,
    hits: &[(usize, u8)],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    for cand in c.anchors.candidates(hits, seg, ANON) {
        let sent = &seg.sentences[cand.sentence];
        let s = &text[sent.span.clone()];
        let base = sent.span.start;
        let sent_hits = &hits[cand.hits.clone()];
        let forward = anon_bounds(c, b, &sent.span, sent_hits, false);
        for m in c.anon_forward.find_iter_within(s, forward) {
            let start = base + m.start;
            if in_quote(seg, start) {
                continue;
            }
            let first = Word::alphanumeric()
                .iter(&s[m.clone()])
                .strs()
                .next()
                .map(lower);
            let has_det = first
                .as_ref()
                .is_some_and(|w| c.bare_dets.contains(w.as_ref()));
            if !has_det {
                // `sources said` must start a clause: `industry sources said`
                // and `the source said` describe or refer back.
                if let Some((w, _)) = prev_word(text, base, start) {
                    if !c.source_clause_openers.contains(w.as_ref()) {
                        continue;
                    }
                }
            }
            out.push(anon_finding(start..base + m.end, text));
        }
        let inverted = anon_bounds(c, b, &sent.span, sent_hits, true);
        for m in c.anon_inverted.find_iter_within(s, inverted) {
            let start = base + m.start;
            if in_quote(seg, start) {
                continue;
            }
            // `..., said a source.` — nothing describing the source after it.
            let rest = text[base + m.end..sent.span.end].trim_start();
            if rest.is_empty() || rest.starts_with(['.', ',', ';', '!', '?']) {
                out.push(anon_finding(start..base + m.end, text));
            }
        }
    }
    out.sort_by_key(|f| f.span.start);
    out.dedup_by_key(|f| f.span.start);
    out
}

fn anon_finding(r: Range<usize>, text: &str) -> Finding {
    let message = format!(
        "anonymous source with no description (\"{}\"): say who the source is \
         (role, affiliation or how they know)",
        text[r.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    );
    Finding::new(Span::new(r.start, r.end), message)
}

/// As `claim_bounds` (in `claim.rs`) for the claim patterns, where in the
/// sentence `span` a match of an anonymous-source pattern can start
/// (`inverted`: `said a source`): a match holds a noun, so it starts at most the determiner's
/// words (and, inverted, the speech verb's) before the noun's anchor word.
pub(super) fn anon_bounds(
    c: &Compiled,
    b: &[u8],
    span: &Range<usize>,
    hits: &[(usize, u8)],
    inverted: bool,
) -> (usize, usize) {
    let before = if inverted {
        c.anon_before.1
    } else {
        c.anon_before.0
    };
    c.anchors.bounds(b, span, hits, ANON, before)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::rules::attribution::test_support::found;

    fn anon(text: &str) -> Vec<String> {
        found(text, anonymous_sources)
    }

    #[test]
    fn anonymous_sources_flagged() {
        assert_eq!(
            anon("A source said the talks had stalled."),
            ["A source said"]
        );
        assert_eq!(anon("The talks stalled, sources said."), ["sources said"]);
        assert_eq!(anon("The talks stalled, said a source."), ["said a source"]);
        assert_eq!(
            anon("One source told Reuters the deal was off."),
            ["One source told"]
        );
    }

    #[test]
    fn described_sources_pass() {
        for t in [
            "A senior official familiar with the talks said they had stalled.",
            "A source close to the talks said they had stalled.",
            "A government source said the talks had stalled.",
            "Industry sources said output would rise.",
            "The talks stalled, said a source familiar with the matter.",
            "The source said the talks had stalled.",
        ] {
            assert_eq!(anon(t), Vec::<String>::new(), "{t}");
        }
    }
}
