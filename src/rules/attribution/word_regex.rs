//! The word regex of the attribution rules, `[\p{L}\p{N}][\p{L}\p{N}'’-]*`
//! (letters, digits, inner apostrophes and hyphens), matched by a loop over
//! a byte-class table with the regex kept for non-ASCII characters.

use super::matching::LazyRegex;

/// The word regex `[\p{L}\p{N}][\p{L}\p{N}'’-]*` (letters, digits, inner
/// apostrophes and hyphens), matched by a loop over the characters: ASCII
/// ones are classified directly, others by the regex on the character
/// alone. Running the regex over every sentence near a quotation was a
/// good part of the quotation rule's time. The regex is compiled on first
/// use (its Unicode classes take a millisecond): a draft whose only
/// non-ASCII characters are punctuation never needs it.
#[derive(Debug, Clone)]
pub(super) struct WordRegex(LazyRegex);

/// The Unicode block General Punctuation, in which no character is in
/// `[\p{L}\p{N}]` (a test checks it against the regex).
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// [`WORD_CLASS`] bits: an ASCII byte of `[\p{L}\p{N}]`, of
/// `[\p{L}\p{N}'’-]`, and a byte of a non-ASCII character.
const WORD_START: u8 = 1;
const WORD_CONTINUE: u8 = 2;
const NON_ASCII: u8 = 4;

/// The [`WordRegex`] classes of each byte.
const WORD_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            WORD_START | WORD_CONTINUE
        } else if c == b'\'' || c == b'-' {
            WORD_CONTINUE
        } else {
            0
        };
        i += 1;
    }
    t
};

/// A match of [`WordRegex`], with `regex::Match`'s accessors.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordMatch<'h> {
    pub(super) haystack: &'h str,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl<'h> WordMatch<'h> {
    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }

    pub(super) fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

impl WordRegex {
    /// The word regex (compiled on first use, see [`WordRegex`]).
    pub(super) fn new() -> WordRegex {
        WordRegex(LazyRegex::new(
            r"[\p{L}\p{N}][\p{L}\p{N}'\u{2019}-]*".to_string(),
        ))
    }

    /// Whether `c` is in `[\p{L}\p{N}]` (by the regex's own Unicode tables
    /// for non-ASCII characters).
    pub(super) fn starts(&self, c: char) -> bool {
        if c.is_ascii() {
            return c.is_ascii_alphanumeric();
        }
        // General Punctuation (spaces, dashes, curly quotes, the ellipsis:
        // news text's commonest non-ASCII characters) has no letter or
        // digit.
        if GENERAL_PUNCTUATION.contains(&c) {
            return false;
        }
        self.0.is_match(c.encode_utf8(&mut [0; 4]))
    }

    /// Whether `c` is in `[\p{L}\p{N}'’-]`.
    pub(super) fn continues(&self, c: char) -> bool {
        matches!(c, '\'' | '\u{2019}' | '-') || self.starts(c)
    }

    /// The leftmost-first, non-overlapping matches in `s`.
    pub(super) fn find_iter<'r, 'h>(
        &'r self,
        s: &'h str,
    ) -> impl Iterator<Item = WordMatch<'h>> + 'r
    where
        'h: 'r,
    {
        let b = s.as_bytes();
        let mut pos = 0;
        std::iter::from_fn(move || {
            // The next character of the start class.
            let start = loop {
                let k = WORD_CLASS[usize::from(*b.get(pos)?)];
                if k & WORD_START != 0 {
                    break pos;
                }
                if k & NON_ASCII == 0 {
                    pos += 1;
                    continue;
                }
                let ch = s[pos..].chars().next()?;
                if self.starts(ch) {
                    break pos;
                }
                pos += ch.len_utf8();
            };
            pos = start;
            while let Some(&c) = b.get(pos) {
                let k = WORD_CLASS[usize::from(c)];
                if k & WORD_CONTINUE != 0 {
                    pos += 1;
                    continue;
                }
                if k & NON_ASCII == 0 {
                    break;
                }
                match s[pos..].chars().next() {
                    Some(ch) if self.continues(ch) => pos += ch.len_utf8(),
                    _ => break,
                }
            }
            Some(WordMatch {
                haystack: s,
                start,
                end: pos,
            })
        })
    }

    /// The first match in `s`.
    pub(super) fn find<'h>(&self, s: &'h str) -> Option<WordMatch<'h>> {
        self.find_iter(s).next()
    }
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    use crate::rules::attribution::test_support::{compiled, tricky_texts};

    #[test]
    fn word_regex_loop_agrees_with_the_regex() {
        let c = compiled();
        let mut texts = tricky_texts(3000);
        texts.extend(
            [
                "Yoon\u{2019}s talk, 커뮤니티. x\u{301}y ²3 ٣ Ⓐb -a' 'b ‘q’ K\u{212A} ſ É-é",
                "don't re-elect \u{2019}90s \u{2160}V a\u{200D}b _x_ 1.5",
            ]
            .map(String::from),
        );
        for t in &texts {
            let want: Vec<Range<usize>> = c.word.0.find_iter(t).map(|m| m.range()).collect();
            let got: Vec<Range<usize>> = c.word.find_iter(t).map(|m| m.start..m.end).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    /// `WordRegex::starts` answers General Punctuation without the regex:
    /// the regex's own Unicode tables must agree.
    #[test]
    fn general_punctuation_has_no_word_start() {
        let c = compiled();
        let re = c.word.0.get().expect("the word regex compiles");
        for ch in GENERAL_PUNCTUATION {
            assert!(!re.is_match(&ch.to_string()), "U+{:04X}", ch as u32);
            assert!(!c.word.starts(ch));
        }
        // Elsewhere the regex decides: a letter, a digit.
        assert!(c.word.starts('\u{e9}') && c.word.starts('\u{0661}'));
        assert!(!c.word.starts('\u{00bb}'));
    }
}
