//! Words: what a word of a draft is, and the lexing every rule shares.
//!
//! One tokenizer, [`Word`], whose named parameters say where rules
//! deliberately read words differently:
//!
//! - [`Chars`], the characters a word is made of (and starts with):
//!   letters (`char::is_alphabetic`); letters and digits as the regex class
//!   `[\p{L}\p{N}]` has them (General_Category letters and numbers, by the
//!   regex crate's Unicode tables); letters and digits as
//!   `char::is_alphanumeric` has them (which adds what Unicode counts
//!   alphabetic besides letters: Indic vowel signs, circled letters); or
//!   the ASCII word bytes `[A-Za-z0-9_]` of `(?-u:\w)`, before which every
//!   non-ASCII character is a separator.
//! - [`Marks`], what continues a word without starting one: nothing,
//!   combining marks (General_Category M: `x\u{301}`), or the characters of
//!   the Inherited script (combining marks, ZWJ and ZWNJ, variation
//!   selectors).
//! - joiners, the characters that join word characters (hyphen,
//!   apostrophes, the period of an abbreviation), and [`Joins`]: whether a
//!   joiner joins only before another word character (`Jong-un`, not
//!   `Kim-`) or may also end a word (`[\p{L}\p{N}][\p{L}\p{N}'’-]*`).
//! - whether a possessive `'s` (`’s`, `ʼs`) is split off ([`Tok::core_end`]).
//!
//! The variants:
//!
//! | variant | read by | chars | marks | joiners | joins | possessive |
//! |---|---|---|---|---|---|---|
//! | [`Word::letters`] | the name rules | letters | combining | `-` `'` `’` `ʼ` | inner | split |
//! | [`Word::alphanumeric`] | the attribution rules' prose | `[\p{L}\p{N}]` | — | `'` `’` `-` | trailing | — |
//! | [`Word::ascii`] | the attribution rules' word lookups (`(?-u:\b)`) | `[A-Za-z0-9_]` | — | — | — | — |
//! | [`Word::sentence`] | the segmenter (a sentence's first word) | alphanumeric | — | `'` `-` | trailing | — |
//! | [`Word::abbreviation`] | the segmenter (the word before a period) | alphanumeric | — | `.` `-` `'` | trailing | — |
//! | [`Word::marked`] | `mixed-script`, `stray-script` | alphanumeric | inherited | — | — | — |
//!
//! A word ([`Word::at`], [`Word::next`], [`Word::iter`],
//! [`Word::ending_at`]) starts with one of its characters; a run
//! ([`Word::run_before`], [`Word::run_after`], [`Word::around`]) is any
//! stretch of characters a word may hold, joiners and marks included.
//!
//! The fast paths read ASCII bytes through each variant's byte classes
//! (one load per byte) and runs of ASCII letters eight bytes at a time
//! ([`ascii_letters_end`]); a character is decoded only where a byte is not
//! ASCII. Also here: the scan that lexes only the words starting with a
//! capital ([`Word::next_capital`]), and the small helpers on words every
//! reader needs: [`is_capitalized`], [`lower`], [`glues`] (what sticks to a
//! name: no word boundary), the packed key of a short
//! word ([`pack`]) and its hash ([`hash_bits`]).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;
use unicode_script::{Script, UnicodeScript};

use crate::rules::hangul_or_han;

#[cfg(test)]
mod tests;

// ---------------------------------------------------------------------------
// Character classes

/// `char::is_alphabetic`, answered at once for ASCII and
/// [`hangul_or_han`].
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && (hangul_or_han(c).is_some() || c.is_alphabetic()))
}

/// `char::is_alphanumeric`: [`is_letter`] or a number (`Nd`, `Nl`, `No`).
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    is_letter(c) || c.is_numeric()
}

/// The Unicode block General Punctuation, in which no character is in
/// `[\p{L}\p{N}]` (a test checks it against the regex).
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// Whether `c` is in `[\p{L}\p{N}]` by the regex crate's Unicode tables
/// (which the attribution rules' patterns use: their words must be the
/// regex's). The class is compiled on first use (its Unicode tables take a
/// millisecond): a draft whose only non-ASCII characters are punctuation,
/// Hangul or Han never needs it.
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General Punctuation (spaces, dashes, curly quotes, the ellipsis:
    // news text's commonest non-ASCII characters) has no letter or digit;
    // Hangul syllables and Han ideographs are all letters.
    if GENERAL_PUNCTUATION.contains(&c) {
        return false;
    }
    if hangul_or_han(c).is_some() {
        return true;
    }
    static CLASS: OnceLock<Option<regex::Regex>> = OnceLock::new();
    CLASS
        .get_or_init(|| regex::Regex::new(r"[\p{L}\p{N}]").ok())
        .as_ref()
        .is_some_and(|r| r.is_match(c.encode_utf8(&mut [0; 4])))
}

/// A combining mark (General_Category M).
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    !c.is_ascii() && is_combining_mark(c)
}

/// A character of the Inherited script: combining marks, ZWJ and ZWNJ,
/// variation selectors.
#[inline]
pub(crate) fn is_inherited(c: char) -> bool {
    !c.is_ascii() && c.script() == Script::Inherited
}

/// Whether `c` beside a match glues it into a longer word (a letter or
/// digit, a combining mark, `_`): where the name rules see no word boundary.
#[inline]
pub(crate) fn glues(c: char) -> bool {
    is_alphanumeric(c) || is_mark(c) || c == '_'
}

/// A byte `(?-u:\w)` matches, which `(?-u:\b)` counts as a word byte.
#[inline]
pub(crate) fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The top bit of each byte of `x` that is an ASCII letter.
#[inline(always)]
pub(crate) fn letter_bits(x: u64) -> u64 {
    // A letter with bit 5 set is `a..=z`: per byte, on the low seven bits,
    // `y + 0x1f` sets the top bit from `a` up, `y + 0x05` from `{` up.
    let z = x | 0x2020_2020_2020_2020;
    let y = z & 0x7f7f_7f7f_7f7f_7f7f;
    (y + 0x1f1f_1f1f_1f1f_1f1f) & !(y + 0x0505_0505_0505_0505) & !z & 0x8080_8080_8080_8080
}

/// The end of the run of ASCII letters starting at `from`, eight bytes at a
/// time.
#[inline]
pub(crate) fn ascii_letters_end(b: &[u8], from: usize) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let other = !letter_bits(x) & HI;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

// ---------------------------------------------------------------------------
// The tokenizer

/// The characters a word is made of, and starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chars {
    /// [`is_letter`] (`char::is_alphabetic`).
    Letters,
    /// [`is_letter_or_digit`] (`[\p{L}\p{N}]`).
    LettersDigits,
    /// [`is_alphanumeric`] (`char::is_alphanumeric`).
    Alphanumeric,
    /// [`is_ascii_word_byte`] (`[A-Za-z0-9_]`): no non-ASCII character.
    AsciiWord,
}

/// What continues a word without starting one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marks {
    None,
    /// [`is_mark`].
    Combining,
    /// [`is_inherited`].
    Inherited,
}

/// Where a joiner joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Joins {
    /// Only before a word character: `Jong-un` is one word, `Kim-` is
    /// `Kim`.
    Inner,
    /// Anywhere after the word's first character: `Kim-` is a word.
    Trailing,
}

/// A word's span: `start..end`, and `core_end`, the end without a
/// possessive `'s` (the end when the variant splits none off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    /// End without a possessive `'s`.
    pub(crate) core_end: usize,
    pub(crate) end: usize,
}

impl Tok {
    pub(crate) fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The word in `text` (possessive included).
    pub(crate) fn str<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// [`Word`] byte classes: an ASCII word character, an ASCII joiner, a byte
/// no word holds (lexing may restart after it), a byte of a non-ASCII
/// character.
const CHAR: u8 = 1;
const JOINER: u8 = 2;
const SEPARATOR: u8 = 4;
const HIGH: u8 = 8;

/// The possessive endings a word may have split off.
const POSSESSIVES: [&str; 3] = ["'s", "’s", "ʼs"];

/// What a word is: see the [module documentation](self) for the parameters
/// and the variants.
#[derive(Debug)]
pub(crate) struct Word {
    chars: Chars,
    marks: Marks,
    joiners: &'static [char],
    joins: Joins,
    possessive: bool,
    /// The classes of each byte (`CHAR`, `JOINER`, `SEPARATOR`, `HIGH`),
    /// from the above.
    bytes: [u8; 256],
}

static LETTERS: Word = Word::new(
    Chars::Letters,
    Marks::Combining,
    &['-', '\'', '’', 'ʼ'],
    Joins::Inner,
    true,
);
static ALPHANUMERIC: Word = Word::new(
    Chars::LettersDigits,
    Marks::None,
    &['\'', '’', '-'],
    Joins::Trailing,
    false,
);
static ASCII: Word = Word::new(Chars::AsciiWord, Marks::None, &[], Joins::Inner, false);
static SENTENCE: Word = Word::new(
    Chars::Alphanumeric,
    Marks::None,
    &['\'', '-'],
    Joins::Trailing,
    false,
);
static ABBREVIATION: Word = Word::new(
    Chars::Alphanumeric,
    Marks::None,
    &['.', '-', '\''],
    Joins::Trailing,
    false,
);
static MARKED: Word = Word::new(
    Chars::Alphanumeric,
    Marks::Inherited,
    &[],
    Joins::Inner,
    false,
);

impl Word {
    const fn new(
        chars: Chars,
        marks: Marks,
        joiners: &'static [char],
        joins: Joins,
        possessive: bool,
    ) -> Word {
        // With no non-ASCII character in a word, every byte of one is a
        // separator.
        let mut ascii_only = matches!(chars, Chars::AsciiWord) && matches!(marks, Marks::None);
        let mut j = 0;
        while j < joiners.len() {
            ascii_only &= joiners[j].is_ascii();
            j += 1;
        }
        let mut bytes = [0u8; 256];
        let mut i = 0;
        while i < 256 {
            let c = i as u8;
            let word_char = match chars {
                Chars::Letters => c.is_ascii_alphabetic(),
                Chars::LettersDigits | Chars::Alphanumeric => c.is_ascii_alphanumeric(),
                Chars::AsciiWord => c.is_ascii_alphanumeric() || c == b'_',
            };
            let mut joiner = false;
            let mut j = 0;
            while j < joiners.len() {
                joiner |= joiners[j] as u32 == i as u32;
                j += 1;
            }
            bytes[i] = if c >= 0x80 {
                if ascii_only {
                    HIGH | SEPARATOR
                } else {
                    HIGH
                }
            } else if word_char {
                CHAR
            } else if joiner {
                JOINER
            } else {
                SEPARATOR
            };
            i += 1;
        }
        Word {
            chars,
            marks,
            joiners,
            joins,
            possessive,
            bytes,
        }
    }

    /// The name rules' words: letters and combining marks, joined by
    /// inner hyphens and apostrophes, a possessive split off.
    #[inline(always)]
    pub(crate) fn letters() -> &'static Word {
        &LETTERS
    }

    /// The attribution rules' words, `[\p{L}\p{N}][\p{L}\p{N}'’-]*`.
    #[inline(always)]
    pub(crate) fn alphanumeric() -> &'static Word {
        &ALPHANUMERIC
    }

    /// Runs of `(?-u:\w)` bytes: the words `(?-u:\b...\b)` patterns can
    /// match.
    #[inline(always)]
    pub(crate) fn ascii() -> &'static Word {
        &ASCII
    }

    /// The segmenter's words: `char::is_alphanumeric`, hyphens and
    /// apostrophes `'`.
    #[inline(always)]
    pub(crate) fn sentence() -> &'static Word {
        &SENTENCE
    }

    /// [`Word::sentence`] with periods (`U.S.`, `J.R.R.`).
    #[inline(always)]
    pub(crate) fn abbreviation() -> &'static Word {
        &ABBREVIATION
    }

    /// Letters, digits and Inherited-script marks, no joiner: the words
    /// `mixed-script` checks.
    #[inline(always)]
    pub(crate) fn marked() -> &'static Word {
        &MARKED
    }

    /// Whether the byte `b` is an ASCII character of the word class.
    #[inline(always)]
    pub(crate) fn is_char_byte(&self, b: u8) -> bool {
        self.bytes[usize::from(b)] & CHAR != 0
    }

    /// Whether the byte `b` is an ASCII joiner.
    #[inline(always)]
    pub(crate) fn is_joiner_byte(&self, b: u8) -> bool {
        self.bytes[usize::from(b)] & JOINER != 0
    }

    /// Whether no word holds byte `b` (an ASCII byte that is no word
    /// character or joiner, or any byte of a non-ASCII character when words
    /// are ASCII), so that lexing may restart after it.
    #[inline(always)]
    pub(crate) fn separates(&self, b: u8) -> bool {
        self.bytes[usize::from(b)] & SEPARATOR != 0
    }

    /// Whether `c` is a word character: one that starts a word.
    #[inline]
    pub(crate) fn is_char(&self, c: char) -> bool {
        if c.is_ascii() {
            return self.is_char_byte(c as u8);
        }
        match self.chars {
            Chars::Letters => is_letter(c),
            Chars::LettersDigits => is_letter_or_digit(c),
            Chars::Alphanumeric => is_alphanumeric(c),
            Chars::AsciiWord => false,
        }
    }

    /// Whether `c` continues a word without starting one.
    #[inline]
    pub(crate) fn is_mark(&self, c: char) -> bool {
        match self.marks {
            Marks::None => false,
            Marks::Combining => is_mark(c),
            Marks::Inherited => is_inherited(c),
        }
    }

    /// Whether `c` joins word characters.
    #[inline]
    pub(crate) fn is_joiner(&self, c: char) -> bool {
        self.joiners.contains(&c)
    }

    /// Whether a word may hold `c`.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        self.is_char(c) || self.is_mark(c) || self.is_joiner(c)
    }

    /// The end of the run of ASCII word characters from `from`.
    #[inline(always)]
    fn ascii_chars_end(&self, b: &[u8], from: usize) -> usize {
        if self.chars == Chars::Letters {
            return ascii_letters_end(b, from);
        }
        let mut i = from;
        while b.get(i).is_some_and(|&c| self.is_char_byte(c)) {
            i += 1;
        }
        i
    }

    /// The word starting with the word character at `start`.
    #[inline]
    pub(crate) fn at(&self, text: &str, start: usize) -> Tok {
        let b = text.as_bytes();
        // Most words are ASCII word characters ending at a byte that joins
        // nothing (a space, a comma): no character to decode, no possessive.
        if self.is_char_byte(b[start]) {
            let end = self.ascii_chars_end(b, start + 1);
            if b.get(end).is_none_or(|&c| self.separates(c)) {
                return Tok {
                    start,
                    core_end: end,
                    end,
                };
            }
        }
        self.at_slow(text, start)
    }

    /// [`Word::at`] for a word that is not all ASCII word characters.
    #[inline(never)]
    fn at_slow(&self, text: &str, start: usize) -> Tok {
        let b = text.as_bytes();
        // ASCII words joined by ASCII joiners (`Yoon's`, `Jong-un`) need
        // no character decoded either.
        if self.is_char_byte(b[start]) {
            let mut end = self.ascii_chars_end(b, start + 1);
            let ascii = loop {
                match b.get(end) {
                    None => break true,
                    Some(&c) if self.is_char_byte(c) => end = self.ascii_chars_end(b, end + 1),
                    Some(&c) if self.bytes[usize::from(c)] & JOINER != 0 => match self.joins {
                        Joins::Trailing => end += 1,
                        Joins::Inner => match b.get(end + 1) {
                            Some(&d) if self.is_char_byte(d) => {
                                end = self.ascii_chars_end(b, end + 2)
                            }
                            Some(&d) if d >= 0x80 => break false,
                            _ => break true,
                        },
                    },
                    Some(&c) => break self.separates(c),
                }
            };
            if ascii {
                let possessive = self.possessive && end - start > 2 && b[end - 2..end] == *b"'s";
                return Tok {
                    start,
                    core_end: if possessive { end - 2 } else { end },
                    end,
                };
            }
        }
        self.at_general(text, start)
    }

    /// [`Word::at`], character by character: the definition the fast paths
    /// keep to.
    fn at_general(&self, text: &str, start: usize) -> Tok {
        let b = text.as_bytes();
        let mut end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        loop {
            while b.get(end).is_some_and(|&c| self.is_char_byte(c)) {
                end += 1;
            }
            // Most words end at a byte that joins nothing: no character to
            // decode.
            if b.get(end).is_some_and(|&c| self.separates(c)) {
                break;
            }
            let Some(d) = text[end..].chars().next() else {
                break;
            };
            // A word character, a mark, or a joiner (before a word
            // character, when joins are inner).
            let joins = self.is_char(d)
                || self.is_mark(d)
                || (self.is_joiner(d)
                    && (self.joins == Joins::Trailing
                        || text[end + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(|n| self.is_char(n))));
            if !joins {
                break;
            }
            end += d.len_utf8();
        }
        let mut core_end = end;
        let word = &text[start..end];
        if self.possessive && word.ends_with('s') {
            for suf in POSSESSIVES {
                if word.len() > suf.len() && word.ends_with(suf) {
                    core_end = end - suf.len();
                }
            }
        }
        Tok {
            start,
            core_end,
            end,
        }
    }

    /// The first word starting at or after `from`, which must lie between
    /// words (a word's end, or after a character no word holds).
    #[inline]
    pub(crate) fn next(&self, text: &str, mut from: usize) -> Option<Tok> {
        let b = text.as_bytes();
        loop {
            let k = self.bytes[usize::from(*b.get(from)?)];
            if k & CHAR != 0 {
                return Some(self.at(text, from));
            }
            if k & HIGH == 0 || k & SEPARATOR != 0 {
                from += 1;
                continue;
            }
            let c = text[from..].chars().next()?;
            if self.is_char(c) {
                return Some(self.at(text, from));
            }
            from += c.len_utf8();
        }
    }

    /// The words of `text`, in order.
    pub(crate) fn iter<'t>(&'t self, text: &'t str) -> Words<'t> {
        Words {
            word: self,
            text,
            pos: 0,
        }
    }

    /// The word of `text` that ends at `end`, if one does.
    pub(crate) fn ending_at(&self, text: &str, end: usize) -> Option<Tok> {
        // Only the run of characters a word may hold before `end` can
        // hold a word ending there, and no word goes on from before the
        // run into it: the words found from its start are the text's.
        let text = &text[..end];
        let mut pos = self.run_before(text, end);
        let mut last = None;
        while let Some(t) = self.next(text, pos) {
            pos = t.end;
            last = Some(t);
        }
        last.filter(|t| t.end == end)
    }

    /// The start of the run of characters a word may hold that ends at
    /// `end`.
    #[inline]
    pub(crate) fn run_before(&self, text: &str, end: usize) -> usize {
        // Most are ASCII: step back over bytes, and decode characters only
        // from a non-ASCII one on.
        let b = text.as_bytes();
        let mut i = end;
        while i > 0 {
            let k = self.bytes[usize::from(b[i - 1])];
            if k & SEPARATOR != 0 {
                return i;
            }
            if k & HIGH != 0 {
                return run_before(text, i, |c| self.contains(c));
            }
            i -= 1;
        }
        0
    }

    /// The end of the run of characters a word may hold that starts at
    /// `start`.
    #[inline]
    pub(crate) fn run_after(&self, text: &str, start: usize) -> usize {
        let b = text.as_bytes();
        let mut i = start;
        while i < b.len() {
            let k = self.bytes[usize::from(b[i])];
            if k & SEPARATOR != 0 {
                return i;
            }
            if k & HIGH != 0 {
                return run_after(text, i, |c| self.contains(c));
            }
            i += 1;
        }
        i
    }

    /// The run of characters a word may hold around byte `at` (empty when
    /// there is none on either side).
    pub(crate) fn around(&self, text: &str, at: usize) -> Range<usize> {
        self.run_before(text, at)..self.run_after(text, at)
    }

    /// The first word at or after `from` (between words) that starts with a
    /// capital: the same words as [`Word::iter`], without lexing lowercase
    /// ASCII prose. `cands` holds every capital and lead byte of the text
    /// from `from` on (more positions do no harm); only the word around
    /// each of those is lexed, from the last separator before it.
    #[inline]
    pub(crate) fn next_capital(
        &self,
        text: &str,
        mut from: usize,
        cands: &mut Cursor,
    ) -> Option<Tok> {
        let b = text.as_bytes();
        loop {
            let q = cands.next_from(from)?;
            // Bytes from..q are ASCII without capitals. Most often a capital
            // starts a word, after a space.
            if b[q].is_ascii_uppercase() && (q == from || self.separates(b[q - 1])) {
                return Some(self.at(text, q));
            }
            let mut i = q;
            while i > from && !self.separates(b[i - 1]) {
                i -= 1;
            }
            while i <= q {
                let c = text[i..].chars().next()?;
                if !self.is_char(c) {
                    i += c.len_utf8();
                    continue;
                }
                let t = self.at(text, i);
                if is_capitalized(&text[t.start..t.core_end]) {
                    return Some(t);
                }
                i = t.end;
            }
            from = i;
        }
    }
}

/// The words of a text ([`Word::iter`]).
#[derive(Clone)]
pub(crate) struct Words<'t> {
    word: &'t Word,
    text: &'t str,
    pos: usize,
}

impl<'t> Words<'t> {
    /// The words as strings.
    pub(crate) fn strs(self) -> impl Iterator<Item = &'t str> + Clone {
        let text = self.text;
        self.map(move |t| t.str(text))
    }
}

impl Iterator for Words<'_> {
    type Item = Tok;

    #[inline]
    fn next(&mut self) -> Option<Tok> {
        let t = self.word.next(self.text, self.pos)?;
        self.pos = t.end;
        Some(t)
    }
}

/// The start of the run of characters satisfying `f` that ends at byte
/// `end`.
pub(crate) fn run_before(text: &str, end: usize, f: impl Fn(char) -> bool) -> usize {
    let mut i = end;
    while let Some(c) = text[..i].chars().next_back().filter(|&c| f(c)) {
        i -= c.len_utf8();
    }
    i
}

/// The end of the run of characters satisfying `f` that starts at byte
/// `start`.
pub(crate) fn run_after(text: &str, start: usize, f: impl Fn(char) -> bool) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(text.len(), |(o, _)| start + o)
}

/// A cursor over positions in increasing order (the capitals and lead bytes
/// [`Word::next_capital`] stops at) for a scan that moves forward.
pub(crate) struct Cursor<'a> {
    at: &'a [usize],
}

impl<'a> Cursor<'a> {
    /// A cursor at the first of `at` (positions in increasing order).
    pub(crate) fn new(at: &'a [usize]) -> Self {
        Cursor { at }
    }

    /// The first position at or after `from` (`from` never decreases).
    #[inline]
    pub(crate) fn next_from(&mut self, from: usize) -> Option<usize> {
        while let [first, rest @ ..] = self.at {
            if *first >= from {
                return Some(*first);
            }
            self.at = rest;
        }
        None
    }
}

// ---------------------------------------------------------------------------
// Helpers on words

/// Whether `w` starts with a capital letter.
#[inline]
pub(crate) fn is_capitalized(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `w.to_lowercase()`, borrowed when `w` is ASCII with no capital.
pub(crate) fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// The first eight of `bytes` in a `u64`, first byte lowest: the key of a
/// short word (no word holds a NUL byte, so no two words share one).
#[inline]
pub(crate) fn pack(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut key = 0;
    for (i, c) in bytes.into_iter().take(8).enumerate() {
        key |= u64::from(c) << (8 * i);
    }
    key
}

/// The top `bits` bits (1 to 64) of a multiplicative hash of `key` (a
/// [`pack`]ed word, or bytes of one).
#[inline(always)]
pub(crate) fn hash_bits(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}
