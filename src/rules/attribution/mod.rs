//! Attribution rules: `unattributed-quote`, `unattributed-claim` and
//! `anonymous-source`.
//!
//! All word lists live in [`Options`], which a newsroom can tune from a rule
//! pack; [`Compiled::new`] turns them into word maps and automata once
//! (regexes only for what word lookups cannot match), so nothing is
//! compiled per document. [`check`] runs the wanted rules together on the
//! document's one segmentation (the engine's, shared with every rule that
//! asks where quotations are): one pass over the document's words
//! (`anchors.rs`), then each rule on what concerns it. The rules report
//! [`Finding`]s, as every rule kind does.
//!
//! - `options.rs`, `compiled.rs`: the options and what they compile into;
//! - `quote.rs`, `claim.rs`, `anonymous.rs`: the three rules;
//! - `speaker.rs`, `prose.rs`: who speaks, and reading words of prose
//!   (the tokenizer's `Word::alphanumeric()`, `crate::words`);
//! - `anchors.rs`: the one pass over a document's words and the candidate
//!   sentences it yields;
//! - `matching.rs`: word lists matched by lookups, as the regexes they
//!   stand for would match (words of `(?-u:\b)`: `Word::ascii()`);
//! - `word_table.rs`: the packed-word table and block scan beneath them.

#[cfg(test)]
mod accuracy_tests;
mod anchors;
mod anonymous;
mod claim;
mod compiled;
mod cue_scan;
mod matching;
mod options;
mod prose;
mod quote;
mod quote_cues;
mod speaker;
#[cfg(test)]
mod test_support;
mod weasel;
mod word_table;

use anonymous::anonymous_in;
use claim::claims_in;
pub use compiled::{Compiled, Lazy};
use compiled::{ANON, CLAIM_ANY};
pub use options::{inflections, Options};
use quote::quotes_in;

use crate::diagnostic::Finding;
use crate::segment::Segmented;

/// What an attribution rule runs: its own options (merged over the packs'
/// `[options.attribution]` when the engine is built) and the compiled set
/// they give, shared by every rule with the same options.
#[derive(Clone, Debug, Default)]
pub struct RuleOptions {
    /// The rule's own `attribution = { ... }` table, if it has one.
    pub overrides: Option<crate::rules::options::Layer>,
    /// Set by the engine.
    pub compiled: Option<std::sync::Arc<Lazy>>,
}

/// Which attribution rules to run (see [`check`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wanted {
    pub quotes: bool,
    pub claims: bool,
    pub anonymous: bool,
    pub weasel: bool,
}

/// The findings of each attribution rule (empty for rules not wanted).
#[derive(Debug, Default)]
pub struct Findings {
    pub quotes: Vec<Finding>,
    pub claims: Vec<Finding>,
    pub anonymous: Vec<Finding>,
    pub weasel: Vec<Finding>,
}

/// Runs the wanted rules on `text`, segmented as `seg` (the document's
/// one segmentation, [`Context::segmented`]), sharing their work: one pass
/// for the claim and anonymous-source anchors, then each rule.
///
/// [`Context::segmented`]: crate::rules::Context::segmented
pub fn check(text: &str, seg: &Segmented, c: &Compiled, want: Wanted) -> Findings {
    let mut out = Findings::default();
    if want.weasel {
        out.weasel = c.weasel.findings(text, seg);
    }
    if !(want.quotes || want.claims || want.anonymous) {
        return out;
    }
    let mask = if want.claims { CLAIM_ANY } else { 0 } | if want.anonymous { ANON } else { 0 };
    let scan = c.anchors.scan(text, mask, want.quotes);
    if want.quotes {
        out.quotes = quotes_in(text, seg, c, &scan);
    }
    if want.claims {
        out.claims = claims_in(text, seg, c, &scan.hits);
    }
    if want.anonymous {
        out.anonymous = anonymous_in(text, seg, c, &scan.hits);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::anonymous::anon_bounds;
    use super::claim::claim_bounds;
    use super::compiled::{
        CLAIM_EVIDENCE, CLAIM_GROUP, CLAIM_IT, CLAIM_PASSIVE, CLAIM_PHRASE, CLAIM_SUBJECT,
    };
    use super::matching::WordPattern;
    use super::options::strings;
    use super::test_support::tricky_texts;
    use super::*;

    use crate::segment::segment;

    /// The claim and anonymous-source patterns run only from a few words
    /// before a sentence's anchor hits: on the candidate sentences of
    /// random texts, they find what they find run over the whole sentence.
    #[test]
    fn bounded_pattern_search_finds_every_match() {
        let mut tuned = Options::default();
        tuned.bare_source_determiners.push("a few".into());
        tuned
            .speech_verb_forms
            .extend(strings(&["went on", "said so"]));
        tuned.anonymous_source_nouns.push("people familiar".into());
        let texts = tricky_texts(20_000);
        for opts in [Options::default(), tuned] {
            let c = Compiled::new(&opts).unwrap();
            let mut found = 0;
            for t in &texts {
                let seg = segment(t);
                let b = t.as_bytes();
                let hits = c.anchors.scan(t, CLAIM_ANY | ANON, false).hits;
                for cand in c.anchors.candidates(&hits, &seg, CLAIM_ANY | ANON) {
                    let span = seg.sentences[cand.sentence].span.clone();
                    let s = &t[span.clone()];
                    let sent_hits = &hits[cand.hits.clone()];
                    let claims = [
                        (&c.vague_group, CLAIM_GROUP),
                        (&c.evidence_noun, CLAIM_EVIDENCE),
                        (&c.vague_subject, CLAIM_SUBJECT),
                        (&c.impersonal_it, CLAIM_IT),
                        (&c.impersonal_passive, CLAIM_PASSIVE),
                        (&c.vague_phrase, CLAIM_PHRASE),
                    ];
                    let mut patterns: Vec<(&WordPattern, (usize, usize))> = claims
                        .into_iter()
                        .map(|(p, kind)| (p, claim_bounds(&c, b, &span, sent_hits, kind)))
                        .collect();
                    for inverted in [false, true] {
                        let p = if inverted {
                            &c.anon_inverted
                        } else {
                            &c.anon_forward
                        };
                        patterns.push((p, anon_bounds(&c, b, &span, sent_hits, inverted)));
                    }
                    for (i, (p, bounds)) in patterns.into_iter().enumerate() {
                        let all: Vec<Range<usize>> = p.find_iter(s).collect();
                        let within: Vec<Range<usize>> = p.find_iter_within(s, bounds).collect();
                        assert_eq!(within, all, "pattern {i} in {s:?}");
                        found += all.len();
                    }
                }
            }
            assert!(found > 5000, "too few matches: {found}");
        }
    }
}
