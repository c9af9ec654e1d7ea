//! What credits a quotation without a speech verb, and what makes quotation
//! marks not speech: a dash or `by` credit after it (`— Maria Lopez,
//! Philadelphia.`), an author–date citation after it (`(Moscardi, n.d.)`),
//! a reference back naming its speaker (`That line from Commissioner Lee`),
//! a possessive lead-in (`His last words were:`), and glosses (a quotation
//! in or right before or after parentheses: `"Kun jij ...?" (literally
//! "...")`). They are matched by hand (`cue_scan.rs`).

use super::cue_scan;
use super::options::Options;

/// The cues (see the module doc).
#[derive(Debug, Clone)]
pub(super) struct QuoteCues {
    /// The speech nouns, lower-cased (`line` in `That line from
    /// Commissioner Lee`, `words` in `His last words were:`).
    nouns: Vec<String>,
    /// The nouns of a possessive source, lower-cased (`view` in `in
    /// Whitehead's view`).
    possessive_nouns: Vec<String>,
}

impl QuoteCues {
    pub(super) fn new(opts: &Options) -> QuoteCues {
        QuoteCues {
            nouns: opts.speech_nouns.iter().map(|n| n.to_lowercase()).collect(),
            possessive_nouns: opts
                .possessive_source_nouns
                .iter()
                .map(|n| n.to_lowercase())
                .collect(),
        }
    }

    /// Whether `w` (lower-cased) is a speech noun (`answer`, `verdict`).
    pub(super) fn is_speech_noun(&self, w: &str) -> bool {
        self.nouns.iter().any(|n| n == w)
    }

    /// Whether the text right after a quotation credits it: a dash or `by`
    /// and a name, or an author–date citation.
    pub(super) fn credited_after(&self, after: &str) -> bool {
        cue_scan::credited_after(after)
    }

    /// Whether sentence text `s` holds an author–date citation.
    pub(super) fn cites(&self, s: &str) -> bool {
        cue_scan::cites(s)
    }

    /// Whether sentence text `s` carries a footnote marker (`[12]`, `[note
    /// 36]`).
    pub(super) fn has_footnote(&self, s: &str) -> bool {
        cue_scan::footnote(s)
    }

    /// Whether sentence text `s` cites a paper by its first author
    /// (`Benloucif et al. found`).
    pub(super) fn cites_a_paper(&self, s: &str) -> bool {
        cue_scan::et_al(s)
    }

    /// Whether sentence text `s` refers back to a quotation and names its
    /// speaker (`That line from Commissioner Lee was repeated`).
    pub(super) fn refers_back(&self, s: &str) -> bool {
        cue_scan::refers_back(s, &self.nouns)
    }

    /// Whether sentence text `s` credits its claim to a named source by a
    /// possessive (`in Whitehead's view`).
    pub(super) fn possessive_source(&self, s: &str) -> bool {
        cue_scan::possessive_source(s, &self.possessive_nouns)
    }

    /// Whether `w` is one of `possessive-source-nouns` (`view`, `model`).
    pub(super) fn source_noun(&self, w: &str) -> bool {
        self.possessive_nouns
            .iter()
            .any(|n| n.eq_ignore_ascii_case(w))
    }

    /// Whether `before` (the sentence up to a quotation) is a possessive
    /// lead-in (`His last words were:`).
    pub(super) fn possessive_lead_in(&self, before: &str) -> bool {
        cue_scan::possessive_lead_in(before, &self.nouns)
    }
}

/// Whether a quotation is a gloss or a glossed example: inside parentheses,
/// or right before an opening one (`"Kun jij ...?" (literally ...)`), or
/// right after a closing one. `before` and `after` are the paragraph's text
/// around the quotation.
pub(super) fn gloss(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    let a = after.trim_start();
    b.ends_with(['(', ')']) || a.starts_with('(') && !a.starts_with("(in ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues() -> QuoteCues {
        QuoteCues::new(&Options::default())
    }

    #[test]
    fn citations_and_credits() {
        let c = cues();
        for after in [
            " (Moscardi, N.D.). Through various medium",
            " (Moscovitch 2007).",
            " — Maria Lopez, Philadelphia.",
            " by Anna Kim",
        ] {
            assert!(c.credited_after(after), "{after}");
        }
        for after in [" the mayor said", " (in 2007) he left", " — and then"] {
            assert!(!c.credited_after(after), "{after}");
        }
        assert!(c.cites("was treated as distinct by Novak (1998)."));
        assert!(!c.cites("was built in 1998 (the second)."));
        for s in [
            "were influenced by his work.[N 18]",
            "as exaggerated.[note 36]",
            "it.[12] Then",
        ] {
            assert!(c.has_footnote(s), "{s}");
        }
        for s in [
            "the list [a] and [b]",
            "in [1998a]",
            "a [1234] box",
            "[source needed]",
        ] {
            assert!(!c.has_footnote(s), "{s}");
        }
    }

    #[test]
    fn references_and_possessive_lead_ins() {
        let c = cues();
        assert!(c.refers_back("That line from Commissioner Lee was repeated."));
        assert!(!c.refers_back("The line from the station was cut."));
        assert!(c.possessive_lead_in("His last words were: "));
        assert!(!c.possessive_lead_in("The message was clear: "));
    }
}
