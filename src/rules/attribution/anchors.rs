//! The whole-document prefilter of the attribution rules: [`Anchors`], the
//! anchor words of the claim and anonymous-source patterns and of the
//! attributing phrases, found in one pass over a document's words
//! ([`Anchors::scan`], giving a [`Scan`]); the candidate sentences and the
//! bounds within them where the patterns may match.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::segment::Segmented;

use super::matching::no_speaker_at;
use super::word_table::{is_regex_space, WordTable};
use crate::words::{is_ascii_word_byte, Word};

/// The [`Anchors`] kind of the attributing phrases
/// ([`Compiled::attributing`](super::compiled::Compiled::attributing)),
/// whose occurrences [`Anchors::scan`] records (see [`Scan`]).
pub(super) const ATTRIBUTING: u8 = 128;

/// A prefilter: for each pattern (one bit of a kind mask), the words of
/// which any match of the pattern contains one as a whole ASCII word. One
/// pass over the words of the document then finds the sentences worth
/// running the patterns on, and which patterns. Sentences with none of the
/// words cannot match.
#[derive(Debug, Clone, Default)]
pub(super) struct Anchors {
    words: Vec<Vec<u8>>,
    /// For each word of `words`, the phrases it anchors.
    uses: Vec<Vec<AnchorUse>>,
    /// Indices into `words` by word.
    index: FxHashMap<Vec<u8>, usize>,
    /// The same for the document scan, built by [`Anchors::finish`].
    table: WordTable,
    /// Patterns with a phrase that has no ASCII word: every sentence is a
    /// candidate for them.
    pub(super) always: u8,
    /// The kind bit for `it` in `it is believed`: counts only when `is`,
    /// `was`, `has been` or `had been` follows.
    pub(super) it_kind: u8,
    /// By kind bit (its index): the most words before the anchor word in
    /// the phrases added for it.
    pub(super) before: [usize; 8],
    /// The same for the most words after it.
    pub(super) after: [usize; 8],
}

/// One phrase anchored by a word of [`Anchors`].
#[derive(Debug, Clone)]
struct AnchorUse {
    kind: u8,
    /// The words of the phrase before and after the anchor, when the
    /// phrase is plain words (then it matches exactly where these words
    /// surround the anchor, separated by ASCII whitespace); `None` when the
    /// anchor alone decides.
    around: Option<(Words, Words)>,
}

/// Lower-cased ASCII words.
type Words = Vec<Vec<u8>>;

impl Anchors {
    /// Adds the lower-cased `phrases` of pattern `kind`: from each, its
    /// longest ASCII word (the rarest, likely). A word of a phrase is a whole
    /// word of the text wherever the phrase matches between `(?-u:\b)`s.
    /// With `exact`, plain phrases are also checked around their anchor.
    pub(super) fn add(&mut self, phrases: &[String], kind: u8, exact: bool) {
        // A phrase is plain when a regex match of it is exactly its ASCII
        // words with ASCII whitespace between.
        let plain = |p: &str| {
            p.bytes()
                .all(|b| is_ascii_word_byte(b) || is_regex_space(b))
        };
        for p in phrases {
            let runs: Vec<&[u8]> = Word::ascii()
                .iter(p)
                .map(|r| &p.as_bytes()[r.range()])
                .collect();
            let Some(at) = Self::anchor_of(&runs) else {
                if !p.trim().is_empty() {
                    self.always |= kind;
                }
                continue;
            };
            let lower = |ws: &[&[u8]]| -> Vec<Vec<u8>> {
                ws.iter().map(|w| w.to_ascii_lowercase()).collect()
            };
            let around = (exact && plain(p)).then(|| (lower(&runs[..at]), lower(&runs[at + 1..])));
            let k = kind.trailing_zeros() as usize;
            self.before[k] = self.before[k].max(at);
            self.after[k] = self.after[k].max(runs.len() - at - 1);
            let w = runs[at].to_ascii_lowercase();
            let i = match self.index.get(&w) {
                Some(&i) => i,
                None => self.push_word(w),
            };
            self.uses[i].push(AnchorUse { kind, around });
        }
    }

    /// Which of a phrase's ASCII words anchors it: its longest word that is
    /// not one of the commonest words of English (`back` in `hit back`,
    /// `their` in `state in their`), else its longest (the last of equals). Any word of a phrase finds the same matches;
    /// the choice only decides how often the scan stops.
    fn anchor_of(runs: &[&[u8]]) -> Option<usize> {
        const COMMON: [&[u8]; 16] = [
            b"the", b"a", b"an", b"in", b"on", b"to", b"of", b"up", b"out", b"back", b"their",
            b"they", b"we", b"it", b"is", b"and",
        ];
        let lower = |w: &[u8]| w.to_ascii_lowercase();
        if runs.len() > 1 {
            let rare = (0..runs.len())
                .filter(|&i| !COMMON.contains(&lower(runs[i]).as_slice()))
                .max_by_key(|&i| runs[i].len());
            if rare.is_some() {
                return rare;
            }
        }
        (0..runs.len()).max_by_key(|&i| runs[i].len())
    }

    /// Builds the table the document scan looks words up in.
    pub(super) fn finish(&mut self) {
        self.table = WordTable::new(&self.words);
    }

    /// Adds `w` (lower-cased) to the words; its index.
    fn push_word(&mut self, w: Vec<u8>) -> usize {
        self.index.insert(w.clone(), self.words.len());
        self.words.push(w);
        self.uses.push(Vec::new());
        self.words.len() - 1
    }

    /// The whole-word occurrences of the anchor words in `text` that may
    /// start a match (plain phrases checked around them), with the kinds
    /// (within `mask`) they may match, in order; with `attributing`, also
    /// the attributing phrases of the document (see [`Scan`]).
    pub(super) fn scan(&self, text: &str, mask: u8, attributing: bool) -> Scan {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut spans = Vec::new();
        if self.words.is_empty() {
            return Scan {
                hits: out,
                attributing: spans,
            };
        }
        // Most words fail the filter: the loop stays small, and the rest
        // of the work is out of line.
        self.table.for_each_candidate(b, |start, end| {
            self.scan_word(text, (start, end), mask, attributing, &mut out, &mut spans);
        });
        Scan {
            hits: out,
            attributing: spans,
        }
    }

    /// [`Anchors::scan`] of the word `b[start..i]`, which passed the filter.
    #[inline(never)]
    fn scan_word(
        &self,
        text: &str,
        (start, i): (usize, usize),
        mask: u8,
        attributing: bool,
        out: &mut Vec<(usize, u8)>,
        spans: &mut Vec<(usize, usize)>,
    ) {
        let b = text.as_bytes();
        let Some(w) = self.table.get_filtered(b, start, i) else {
            return;
        };
        let mut kinds = 0;
        for u in &self.uses[w] {
            if u.kind == ATTRIBUTING {
                if let (true, Some((before, after))) = (attributing, &u.around) {
                    if let (Some(s), Some(e)) = (
                        words_before_start(b, start, before),
                        words_after_end(b, i, after),
                    ) {
                        if no_speaker_at(b, s..e) {
                            continue;
                        }
                        // Anchored on their longest word, phrases are
                        // found a little out of order: keep `spans` sorted.
                        let mut at = spans.len();
                        while at > 0 && spans[at - 1] > (s, e) {
                            at -= 1;
                        }
                        spans.insert(at, (s, e));
                    }
                }
                continue;
            }
            if (kinds | !mask) & u.kind != 0 {
                continue;
            }
            let ok = match &u.around {
                Some((before, after)) => words_before(b, start, before) && words_after(b, i, after),
                None => u.kind != self.it_kind || aux_follows(text, i),
            };
            if ok {
                kinds |= u.kind;
            }
        }
        if kinds != 0 {
            out.push((start, kinds));
        }
    }

    /// The sentences of `seg` that may match a pattern of `mask`, in order,
    /// from the document's [`Scan::hits`].
    pub(super) fn candidates(
        &self,
        hits: &[(usize, u8)],
        seg: &Segmented,
        mask: u8,
    ) -> Vec<Candidate> {
        let n = seg.sentences.len();
        let always = self.always & mask;
        let mut out: Vec<Candidate> = Vec::new();
        // With `always`, every sentence is a candidate: those before `next`
        // are listed.
        let mut next = 0;
        let mut si = 0;
        for (h, &(pos, kinds)) in hits.iter().enumerate() {
            let kinds = kinds & mask;
            if kinds == 0 {
                continue;
            }
            while si < n && seg.sentences[si].span.end <= pos {
                si += 1;
            }
            if !(si < n && seg.sentences[si].span.start <= pos) {
                continue;
            }
            if let Some(last) = out.last_mut().filter(|c| c.sentence == si) {
                last.kinds |= kinds;
                last.hits.end = h + 1;
                continue;
            }
            if always != 0 {
                out.extend((next..si).map(|sentence| Candidate {
                    sentence,
                    kinds: always,
                    hits: h..h,
                }));
            }
            out.push(Candidate {
                sentence: si,
                kinds: always | kinds,
                hits: h..h + 1,
            });
            next = si + 1;
        }
        if always != 0 {
            out.extend((next..n).map(|sentence| Candidate {
                sentence,
                kinds: always,
                hits: hits.len()..hits.len(),
            }));
        }
        out
    }

    /// Where in sentence `s` (at byte `base` of `b`) a match of the pattern
    /// of `kind` can start, given the sentence's hits: from `before` words
    /// before its first hit of that kind (a match holds one of its anchor
    /// words, at most that many words after its start) to its last.
    pub(super) fn bounds(
        &self,
        b: &[u8],
        span: &Range<usize>,
        hits: &[(usize, u8)],
        kind: u8,
        before: usize,
    ) -> (usize, usize) {
        if self.always & kind != 0 {
            return (0, span.len());
        }
        let mut of_kind = hits.iter().filter(|h| h.1 & kind != 0).map(|h| h.0);
        let Some(first) = of_kind.next() else {
            return (span.len(), 0);
        };
        let last = of_kind.next_back().unwrap_or(first);
        let mut from = first;
        for _ in 0..before {
            while from > span.start && !is_ascii_word_byte(b[from - 1]) {
                from -= 1;
            }
            while from > span.start && is_ascii_word_byte(b[from - 1]) {
                from -= 1;
            }
        }
        (from - span.start, last - span.start)
    }
}

/// A sentence that may match a claim or anonymous-source pattern.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// Index into [`Segmented::sentences`].
    pub(super) sentence: usize,
    /// The kinds of patterns it may match.
    pub(super) kinds: u8,
    /// Its anchor hits, as a range of [`Scan::hits`] (with hits of other
    /// kinds among them).
    pub(super) hits: Range<usize>,
}

/// Whether the whole ASCII words `words` (lower-cased) come right after
/// byte `pos` of `b`, each after ASCII whitespace.
#[inline]
fn words_after(b: &[u8], pos: usize, words: &[Vec<u8>]) -> bool {
    words_after_end(b, pos, words).is_some()
}

/// Where the whole ASCII words `words` (lower-cased) end when they come
/// right after byte `pos` of `b`, each after ASCII whitespace.
#[inline]
fn words_after_end(b: &[u8], mut pos: usize, words: &[Vec<u8>]) -> Option<usize> {
    for w in words {
        let mut start = pos;
        while start < b.len() && is_regex_space(b[start]) {
            start += 1;
        }
        // The word is `w` when its bytes are (they are then word bytes)
        // and no word byte follows.
        let end = start + w.len();
        if start == pos
            || !b.get(start..end).is_some_and(|x| x.eq_ignore_ascii_case(w))
            || b.get(end).is_some_and(|&c| is_ascii_word_byte(c))
        {
            return None;
        }
        pos = end;
    }
    Some(pos)
}

/// What one pass over a document's words found.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// Anchor hits: position and kinds (see [`Anchors::scan`]).
    pub(super) hits: Vec<(usize, u8)>,
    /// Where attributing phrases occur: from the start of each word that
    /// starts one to the end of the shortest such phrase, in order. Empty
    /// when not asked for.
    pub(super) attributing: Vec<(usize, usize)>,
}

/// Where the whole ASCII words `words` (lower-cased) start when they come
/// right before byte `pos` of `b`, each followed by ASCII whitespace.
#[inline]
fn words_before_start(b: &[u8], pos: usize, words: &[Vec<u8>]) -> Option<usize> {
    let mut start = pos;
    words_before_from(b, &mut start, words).then_some(start)
}

/// Whether the whole ASCII words `words` (lower-cased) come right before
/// byte `pos` of `b`, each followed by ASCII whitespace.
#[inline]
fn words_before(b: &[u8], mut pos: usize, words: &[Vec<u8>]) -> bool {
    words_before_from(b, &mut pos, words)
}

/// [`words_before`], moving `pos` to the start of the words.
#[inline]
fn words_before_from(b: &[u8], pos: &mut usize, words: &[Vec<u8>]) -> bool {
    words.iter().rev().all(|w| {
        let mut end = *pos;
        while end > 0 && is_regex_space(b[end - 1]) {
            end -= 1;
        }
        // As in `words_after_end`: the bytes, and no word byte before.
        let Some(start) = end.checked_sub(w.len()) else {
            return false;
        };
        let ok = end < *pos
            && b[start..end].eq_ignore_ascii_case(w)
            && !(start > 0 && is_ascii_word_byte(b[start - 1]));
        *pos = start;
        ok
    })
}

/// Whether `\s+(?:is|was|has\s+been|had\s+been)\s` follows byte `pos`
/// under `(?i)`, where `ſ` folds to `s` (and the Kelvin sign to `k`).
fn aux_follows(text: &str, pos: usize) -> bool {
    /// A folded word of up to four bytes and its length.
    type Folded = Option<([u8; 4], usize)>;
    /// Skips whitespace (at least one) and folds the word after it (only
    /// words of up to four characters are kept: longer ones are `None`).
    fn next_word(s: &str) -> Option<(Folded, &str)> {
        let t = s.trim_start();
        if t.len() == s.len() {
            return None;
        }
        let mut word = [0u8; 4];
        let mut n = 0;
        let mut end = t.len();
        for (i, c) in t.char_indices() {
            let folded = match c {
                '\u{17F}' => b's',
                '\u{212A}' => b'k',
                c if c.is_ascii_alphanumeric() || c == '_' => (c as u8).to_ascii_lowercase(),
                _ => {
                    end = i;
                    break;
                }
            };
            if n < word.len() {
                word[n] = folded;
            }
            n += 1;
        }
        Some(((n <= word.len()).then_some((word, n)), &t[end..]))
    }
    // Most words after ASCII whitespace are rejected on their first
    // letter: every auxiliary starts with `i`, `w` or `h`, which no other
    // character folds to.
    let b = text.as_bytes();
    let mut i = pos;
    while i < b.len() && is_regex_space(b[i]) {
        i += 1;
    }
    match b.get(i) {
        None => return false,
        Some(&c) if c < 0x80 && (i == pos || !matches!(c | 0x20, b'i' | b'w' | b'h')) => {
            return false
        }
        _ => {}
    }
    let is = |w: Folded, x: &[u8]| w.is_some_and(|(w, n)| &w[..n] == x);
    let Some((aux, rest)) = next_word(&text[pos..]) else {
        return false;
    };
    let rest = if is(aux, b"is") || is(aux, b"was") {
        rest
    } else if is(aux, b"has") || is(aux, b"had") {
        match next_word(rest) {
            Some((been, rest)) if is(been, b"been") => rest,
            _ => return false,
        }
    } else {
        return false;
    };
    rest.starts_with(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    use crate::rules::attribution::test_support::tricky_texts;

    #[test]
    fn aux_follows_agrees_with_its_regex() {
        let re = Regex::new(r"(?i)\A\s+(?:is|was|has\s+been|had\s+been)\s").unwrap();
        for t in tricky_texts(3000) {
            for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                assert_eq!(
                    aux_follows(&t, pos),
                    re.is_match(&t[pos..]),
                    "{t:?} at {pos}"
                );
            }
        }
    }
}
