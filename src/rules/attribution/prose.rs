//! Reading prose for the attribution rules: the words of a text (the
//! tokenizer's `Word::alphanumeric()`, `[\p{L}\p{N}][\p{L}\p{N}'’-]*`),
//! the last word of a text and the word before a position, and whether a
//! position is inside a quotation.

use std::borrow::Cow;

use crate::segment::Segmented;
use crate::words::{is_capitalized, lower, Tok, Word};

/// Whether byte `pos` is inside a quotation (between its marks).
pub(super) fn in_quote(seg: &Segmented, pos: usize) -> bool {
    let i = seg.quotes.partition_point(|q| q.span.end <= pos);
    i < seg.quotes.len() && seg.quotes[i].inner.start <= pos && pos < seg.quotes[i].inner.end
}

/// Whether word `w` is a possessive (`Britain's`, `Britain’s`).
pub(super) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

/// Whether word `w` denies its clause: `not`, `never`, or a form in `n't`
/// (`don't`, `wasn’t`).
pub(super) fn is_negation(w: &str) -> bool {
    let l = lower(w);
    l == "not" || l == "never" || l.ends_with("n't") || l.ends_with("n\u{2019}t")
}

/// The first `max` words of `s` (letters, digits, inner apostrophes and
/// hyphens).
pub(super) fn words_of(s: &str, max: usize) -> Vec<&str> {
    // About a word per six bytes of prose: one allocation, mostly.
    let mut ws = Vec::with_capacity((s.len() / 6 + 1).min(max));
    ws.extend(Word::alphanumeric().iter(s).strs().take(max));
    ws
}

/// The forms of `be` (a closed class the parsers test words against).
pub(super) const BE_FORMS: [&str; 7] = ["is", "are", "was", "were", "be", "been", "being"];

/// The last word of `s` when it ends where `s` does.
pub(super) fn last_word(s: &str) -> Option<Tok> {
    Word::alphanumeric().ending_at(s, s.len())
}

/// The word right before byte `pos` within `sent` (lower-cased), or None at
/// the sentence start or after a clause break.
pub(super) fn prev_word(text: &str, sent_start: usize, pos: usize) -> Option<(Cow<'_, str>, bool)> {
    let before = &text[sent_start..pos];
    let t = before.trim_end();
    if t.is_empty() || t.ends_with([',', ';', ':', '(', '"', '\u{201C}', '\u{2014}', '\u{2013}']) {
        return None;
    }
    let m = last_word(t)?;
    let w = m.str(t);
    let first_word = text[sent_start..sent_start + m.start].trim().is_empty();
    Some((lower(w), is_capitalized(w) && !first_word))
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    use crate::rules::attribution::test_support::tricky_texts;

    /// The attribution rules' words are the word regex's matches, on the
    /// texts their matchers are tested with.
    #[test]
    fn words_are_the_word_regex() {
        let re = regex::Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'\u{2019}-]*").expect("compiles");
        for t in &tricky_texts(3000) {
            let want: Vec<Range<usize>> = re.find_iter(t).map(|m| m.range()).collect();
            let got: Vec<Range<usize>> = Word::alphanumeric().iter(t).map(|w| w.range()).collect();
            assert_eq!(got, want, "{t:?}");
            let last = re.find_iter(t).last().filter(|m| m.end() == t.len());
            assert_eq!(last_word(t).map(|w| w.range()), last.map(|m| m.range()));
        }
    }
}
