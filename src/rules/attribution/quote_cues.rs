//! What credits a quotation without a speech verb, and what makes quotation
//! marks not speech: a dash or `by` credit after it (`— Maria Lopez,
//! Philadelphia.`), an author–date citation after it (`(Moscardi, n.d.)`),
//! a reference back naming its speaker (`That line from Commissioner Lee`),
//! a possessive lead-in (`His last words were:`), and glosses (a quotation
//! in or right before or after parentheses: `"Kun jij ...?" (literally
//! "...")`). The patterns are built on first use, once per engine.

use super::matching::LazyRegex;
use super::options::Options;

/// An author–date citation: `(Moscovitch 2007)`, `(Moscardi, n.d.)`,
/// `(Smith and Jones, 1998, p. 4)`, or `Novak (1998)`.
const AUTHOR_DATE: &str = r"(?:\(\s*(?:see\s+)?\p{Lu}[^()\n]{0,80}?(?:(?-u:\b)1[5-9]\d\d[a-z]?(?-u:\b)|(?-u:\b)20\d\d[a-z]?(?-u:\b)|(?-u:\b)[nN]\.\s?[dD]\.)[^()\n]{0,40}\)|\p{Lu}[\p{L}'\u{2019}-]+(?:\s+et\s+al\.?)?\s+\((?:1[5-9]|20)\d\d[a-z]?\))";

/// The patterns (see the module doc).
#[derive(Debug, Clone)]
pub(super) struct QuoteCues {
    /// Right after a quotation: a dash or `by` credit, or a citation.
    credit_after: LazyRegex,
    /// Anywhere in a sentence: an author–date citation.
    citation: LazyRegex,
    /// `That line from Commissioner Lee`.
    reference_from: LazyRegex,
    /// `His last words were:` at the end of a lead-in.
    possessive_lead: LazyRegex,
    /// `in Whitehead's view`, `in the words of Lee`.
    possessive_source: LazyRegex,
}

impl QuoteCues {
    pub(super) fn new(opts: &Options) -> QuoteCues {
        let nouns = opts
            .speech_nouns
            .iter()
            .map(|n| regex::escape(&n.to_lowercase()))
            .collect::<Vec<_>>()
            .join("|");
        let nouns = if nouns.is_empty() {
            r"[^\s\S]".to_string()
        } else {
            nouns
        };
        QuoteCues {
            possessive_source: LazyRegex::new(
                r"(?i:(?-u:\b)(?:in|by)\s+)\p{Lu}[\p{L}-]+['\u{2019}]s?\s+(?i:view|opinion|words|estimation|judgment|judgement|account|analysis|reading|interpretation|assessment|study|book|survey)(?-u:\b)".to_string(),
            ),
            credit_after: LazyRegex::new(format!(
                r"^[\s,]*(?:(?:[\u{{2014}}\u{{2013}}]|--?)\s*\p{{Lu}}|(?i:by)\s+\p{{Lu}}|{AUTHOR_DATE})"
            )),
            citation: LazyRegex::new(AUTHOR_DATE.to_string()),
            reference_from: LazyRegex::new(format!(
                r"(?i:(?-u:\b)(?:{nouns})\s+(?:came\s+)?from)\s+\p{{Lu}}"
            )),
            possessive_lead: LazyRegex::new(format!(
                r"(?i:(?-u:\b)(?:his|her|their)\s+(?:[\p{{L}}-]+\s+){{0,2}}(?:{nouns})(?:\s+(?:was|were|is|are|read|ran|went))?\s*:\s*)$"
            )),
        }
    }

    /// Whether the text right after a quotation credits it: a dash or `by`
    /// and a name, or an author–date citation.
    pub(super) fn credited_after(&self, after: &str) -> bool {
        self.credit_after.is_match(after)
    }

    /// Whether sentence text `s` holds an author–date citation.
    pub(super) fn cites(&self, s: &str) -> bool {
        self.citation.is_match(s)
    }

    /// Whether sentence text `s` refers back to a quotation and names its
    /// speaker (`That line from Commissioner Lee was repeated`).
    pub(super) fn refers_back(&self, s: &str) -> bool {
        self.reference_from.is_match(s)
    }

    /// Whether sentence text `s` credits its claim to a named source by a
    /// possessive (`in Whitehead's view`).
    pub(super) fn possessive_source(&self, s: &str) -> bool {
        self.possessive_source.is_match(s)
    }

    /// Whether `before` (the sentence up to a quotation) is a possessive
    /// lead-in (`His last words were:`).
    pub(super) fn possessive_lead_in(&self, before: &str) -> bool {
        self.possessive_lead.is_match(before)
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
