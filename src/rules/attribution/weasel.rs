//! `weasel-words` (opt-in, info): vague quantifiers as sources, hedges and
//! puffery (`some say`, `is widely regarded`, `one of the greatest`), from
//! the pack's `weasel-cues`, compiled once into one automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashSet;

use crate::diagnostic::{Finding, Span};
use crate::segment::Segmented;

use super::prose::in_quote;

/// The cues: one leftmost-longest, ASCII-case-insensitive automaton, built
/// on first use (the rule is off by default: a run without it does not pay
/// for it), and the quantifier phrases that only count.
#[derive(Debug, Clone)]
pub(super) struct WeaselCues {
    cues: Vec<String>,
    automaton: std::sync::OnceLock<Option<AhoCorasick>>,
    exceptions: FxHashSet<String>,
}

/// Quantifiers whose next word may make them a count (`some 300`).
const QUANTIFIERS: [&str; 3] = ["some", "many", "several"];

impl WeaselCues {
    pub(super) fn new(cues: &[String], exceptions: &[String]) -> Result<WeaselCues, String> {
        let cues: Vec<String> = cues
            .iter()
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|c| !c.is_empty())
            .collect();
        let exceptions = exceptions
            .iter()
            .map(|e| {
                e.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .collect();
        Ok(WeaselCues {
            cues,
            automaton: std::sync::OnceLock::new(),
            exceptions,
        })
    }

    /// The automaton of the cues (none when there are none, or when they
    /// are too many to build one).
    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                (!self.cues.is_empty())
                    .then(|| {
                        AhoCorasickBuilder::new()
                            .ascii_case_insensitive(true)
                            .match_kind(MatchKind::LeftmostLongest)
                            .build(&self.cues)
                            .ok()
                    })
                    .flatten()
            })
            .as_ref()
    }

    /// The cues in `text` outside quotations, at most one per sentence.
    pub(super) fn findings(&self, text: &str, seg: &Segmented) -> Vec<Finding> {
        let Some(ac) = self.automaton() else {
            return Vec::new();
        };
        let b = text.as_bytes();
        let word = |i: usize| {
            b.get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
        };
        let mut out = Vec::new();
        let mut last_sentence = None;
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if (s > 0 && word(s - 1)) || word(e) || in_quote(seg, s) {
                continue;
            }
            let cue = text[s..e].to_ascii_lowercase();
            if self.only_counts(&cue, &text[e..]) {
                continue;
            }
            let sentence = seg.sentence_at(s);
            if sentence.is_some() && sentence == last_sentence {
                continue;
            }
            last_sentence = sentence;
            out.push(Finding::new(
                Span::new(s, e),
                format!(
                    "weasel word `{}`: who says so, and how many? Name the source, \
                     or state the fact plainly",
                    &text[s..e]
                ),
            ));
        }
        out
    }

    /// Whether quantifier `cue` is a count given the text after it
    /// (`some 300 people`, `many times`).
    fn only_counts(&self, cue: &str, after: &str) -> bool {
        if !QUANTIFIERS.contains(&cue) {
            return false;
        }
        let next: String = after
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        next.starts_with(|c: char| c.is_ascii_digit())
            || self
                .exceptions
                .contains(&format!("{cue} {}", next.to_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::attribution::Options;
    use crate::segment::segment;

    fn cues() -> WeaselCues {
        let o = Options::default();
        WeaselCues::new(&o.weasel_cues, &o.weasel_exceptions).unwrap()
    }

    fn found(t: &str) -> Vec<&str> {
        let seg = segment(t);
        cues()
            .findings(t, &seg)
            .into_iter()
            .map(|f| &t[f.span.start..f.span.end])
            .collect()
    }

    /// Sentences written for this test.
    #[test]
    fn weasel_cues_fire_on_hedges_and_puffery() {
        assert_eq!(found("Some say the bridge was never safe."), ["Some say"]);
        assert_eq!(
            found("The album is widely regarded as the band's best."),
            ["widely"]
        );
        assert_eq!(
            found("He was one of the greatest players of his era."),
            ["one of the"]
        );
        assert_eq!(found("Many believe the treaty failed."), ["Many believe"]);
    }

    #[test]
    fn counts_quotes_and_inner_words_pass() {
        assert!(found("Some 300 people attended the meeting in May.").is_empty());
        assert!(found("The river floods many times a year.").is_empty());
        // Spans of time and `more` count.
        assert!(found("The bridge took several months to build.").is_empty());
        assert!(found("The strike lasted some weeks, and many more joined it.").is_empty());
        assert_eq!(found("Several historians doubt the date."), ["Several"]);
        assert!(found("\"Some say it was a fraud,\" he wrote.").is_empty());
        assert!(found("The handsome mansion was demolished in 1901.").is_empty());
    }
}
