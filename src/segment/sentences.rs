//! Sentences: where a terminal ends a sentence (abbreviations, initials,
//! decimals, closing marks), with the word lists of `[options.segmenter]`.

use std::ops::Range;

use super::paragraphs::{space_at, trim_range};
use super::{Positions, Sentence};
use crate::words::{pack, Word};

/// The segmenter's tuning: `[options.segmenter]` in the packs
/// (`rules/attribution.toml` states every key; a house pack replaces or
/// extends them).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SegmenterOptions {
    /// Abbreviations that never end a sentence (titles before names:
    /// `mr`, `gen`), lower case, without their final period.
    pub titles: Vec<String>,
    /// Abbreviations that end a sentence only before a typical sentence
    /// opener (`jan`, `inc`, `u.s`).
    pub soft_abbreviations: Vec<String>,
    /// Words that typically open a sentence: after a soft abbreviation or an
    /// initialism (`the U.S. The talks`), they mark a sentence end.
    pub sentence_openers: Vec<String>,
}

/// The longest abbreviation the lists may hold, in bytes (what [`abbrev_key`] packs).
pub(super) const ABBREV_LIMIT: usize = 8;

pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']')
}

pub(super) fn is_opener_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[')
}

/// The run of letters, digits, periods, hyphens and apostrophes ending
/// right before byte `end` (`Word::abbreviation()`): a word with its
/// internal periods, perhaps after leading periods, hyphens or apostrophes.
pub(super) fn word_before(text: &str, end: usize) -> &str {
    &text[Word::abbreviation().run_before(text, end)..end]
}

/// The word that opens the text at byte `start` (`Word::sentence()`), after
/// any opening quotation marks or brackets.
pub(super) fn next_word(text: &str, start: usize) -> &str {
    let s = text[start..].trim_start_matches(is_opener_char);
    &s[..Word::sentence().run_after(s, 0)]
}

/// `w` (at most [`ABBREV_LIMIT`] bytes) lower-cased into an integer, when it
/// is ASCII: what the abbreviation lists are looked up by.
pub(super) fn abbrev_key(w: &str) -> Option<u64> {
    let head = &w.as_bytes()[..w.len().min(8)];
    head.is_ascii()
        .then(|| pack(head.iter().map(u8::to_ascii_lowercase)))
}

/// The segmenter's word lists, compiled once per engine: the abbreviations
/// as sorted [`abbrev_key`]s, and the sentence openers.
#[derive(Debug, Clone)]
pub struct Lists {
    pub(super) titles: Vec<u64>,
    pub(super) soft: Vec<u64>,
    /// The longest abbreviation, in bytes.
    pub(super) max: usize,
    pub(super) openers: Vec<String>,
    /// By an entry's first byte (`b & 31`, the same for both cases of a
    /// letter): bit `n` set when an entry of `n` bytes starts
    /// with it. Most words before a period have none: the lists are not
    /// searched.
    pub(super) by_first: [u8; 32],
}

impl Lists {
    /// Compile the options. Every abbreviation is lower-case ASCII of one
    /// to eight bytes.
    pub fn new(opts: &SegmenterOptions) -> Result<Lists, String> {
        let all = opts.titles.iter().chain(&opts.soft_abbreviations);
        if let Some(bad) = all.clone().find(|a| {
            a.is_empty() || a.len() > ABBREV_LIMIT || !a.is_ascii() || a.to_ascii_lowercase() != **a
        }) {
            return Err(format!(
                "`options.segmenter`: abbreviation `{bad}` must be lower-case ASCII of 1 to {ABBREV_LIMIT} bytes"
            ));
        }
        let keys = |list: &[String]| {
            let mut v: Vec<u64> = list.iter().filter_map(|a| abbrev_key(a)).collect();
            v.sort_unstable();
            v
        };
        let mut by_first = [0u8; 32];
        for a in all.clone() {
            by_first[Lists::cell(a.as_bytes()[0])] |= 1 << a.len();
        }
        Ok(Lists {
            titles: keys(&opts.titles),
            soft: keys(&opts.soft_abbreviations),
            max: all.map(String::len).max().unwrap_or(0),
            openers: opts.sentence_openers.clone(),
            by_first,
        })
    }

    /// The lists of the shipped packs.
    pub fn shipped() -> &'static Lists {
        static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
        LISTS.get_or_init(|| {
            let opts: SegmenterOptions = crate::rules::options::Options::shipped()
                .family("segmenter")
                .expect("the shipped packs tune the segmenter");
            Lists::new(&opts).expect("the shipped segmenter lists compile")
        })
    }

    pub(super) fn is_opener(&self, w: &str) -> bool {
        self.openers.iter().any(|o| o == w)
    }

    #[inline(always)]
    fn cell(first: u8) -> usize {
        usize::from(first & 31)
    }

    /// Whether the word `w` (at most [`ABBREV_LIMIT`] bytes) may be an
    /// entry, in either case.
    #[inline(always)]
    fn may_hold(&self, w: &[u8]) -> bool {
        w.first()
            .is_some_and(|&c| self.by_first[Lists::cell(c)] >> w.len() & 1 != 0)
    }
}

/// Decides whether the period at byte `dot` ends a sentence, given that the
/// next sentence would start at `next`.
pub(super) fn period_ends_sentence(lists: &Lists, text: &str, dot: usize, next: usize) -> bool {
    let w = word_before(text, dot);
    let w = w.trim_start_matches(['.', '-', '\'']);
    if w.is_empty() {
        return true;
    }
    // Most sentences end in a word longer than any abbreviation, with no
    // period in it: not an abbreviation, not an initial.
    if w.len() > lists.max && !w.bytes().any(|c| c == b'.') {
        return true;
    }
    // The lists are lower-case ASCII.
    let opener = || lists.is_opener(next_word(text, next));
    let key = (w.len() <= lists.max && lists.may_hold(w.as_bytes()))
        .then(|| abbrev_key(w))
        .flatten();
    if let Some(key) = key {
        if lists.titles.binary_search(&key).is_ok() {
            return false;
        }
        if lists.soft.binary_search(&key).is_ok() {
            return opener();
        }
    }
    // Without a period, only a single capital letter is an initial (the
    // checks below, short-cut for the common case).
    if !w.bytes().any(|c| c == b'.') {
        let mut cs = w.chars();
        return match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() && c.is_uppercase() => w.len() > 1 && opener(),
            _ => true,
        };
    }
    // Initials and initialisms: J. Smith, J.R.R. Tolkien, U.S., D.C.
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let single_initial = letters == 1 && w.chars().all(|c| c.is_alphabetic() || c == '.');
    let initialism = w.contains('.')
        && w.split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    if single_initial && w.chars().all(|c| c.is_uppercase() || c == '.') {
        return w.len() > 1 && opener();
    }
    if initialism {
        return opener();
    }
    true
}

/// The UTF-8 encoding of `\u{2026}` (ellipsis); its lead byte also starts
/// the curly quotation marks.
pub(super) const ELLIPSIS: &[u8] = "\u{2026}".as_bytes();

/// The first sentence terminal (`.`, `!`, `?` or the ellipsis) of
/// paragraph `p` at or after byte `from` of it, as an offset into it, from
/// `marks` (its [`marks`] not yet read). All but the ellipsis are
/// ASCII, which never occurs inside a multi-byte character; the ellipsis's
/// lead byte also leads the curly quotation marks.
#[inline]
pub(super) fn next_terminal(
    b: &[u8],
    p: &Range<usize>,
    marks: &mut Positions,
    from: usize,
) -> Option<usize> {
    marks
        .find(|&i| {
            i >= p.start + from
                && match b[i] {
                    b'.' | b'!' | b'?' => true,
                    0xE2 => b[i..p.end].starts_with(ELLIPSIS),
                    _ => false,
                }
        })
        .map(|i| i - p.start)
}

/// Appends the sentences of paragraph `pi`, `p`, to `out`.
/// `marks` are the text's [`marks`].
pub(super) fn sentences_in(
    lists: &Lists,
    text: &str,
    marks: &[u64],
    p: Range<usize>,
    pi: usize,
    out: &mut Vec<Sentence>,
) {
    let mut push = |span: Range<usize>| {
        out.push(Sentence {
            span,
            paragraph: pi,
        })
    };
    let mut start = p.start;
    let tb = text.as_bytes();
    let b = &tb[p.clone()];
    let mut marks = Positions::new(marks, p.clone());
    let mut pos = 0;
    while let Some(i) = next_terminal(tb, &p, &mut marks, pos) {
        let c = b[i];
        let len = if c == 0xE2 { ELLIPSIS.len() } else { 1 };
        pos = i + len;
        let term_at = p.start + i;
        // Decimal numbers: 3.5
        if c == b'.' {
            let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
            let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if prev_digit && next_digit {
                continue;
            }
        }
        // Consume the run of terminal punctuation and closers (`"`, `'`,
        // `)`, `]`, `”`, `’`).
        let mut only_periods = c == b'.';
        while let Some(&d) = b.get(pos) {
            let n = match d {
                b'.' | b'"' | b'\'' | b')' | b']' => 1,
                b'!' | b'?' => {
                    only_periods = false;
                    1
                }
                0xE2 => match b.get(pos + 1..pos + 3) {
                    Some([0x80, 0xA6]) => {
                        only_periods = false;
                        3
                    }
                    Some([0x80, 0x9D | 0x99]) => 3,
                    _ => break,
                },
                _ => break,
            };
            pos += n;
        }
        let end = p.start + pos;
        // Must be followed by whitespace (or the paragraph end).
        if end == p.end {
            break;
        }
        if space_at(text, end) == 0 {
            continue;
        }
        let mut next = end;
        while next < p.end {
            match space_at(text, next) {
                0 => break,
                n => next += n,
            }
        }
        let starts_new = match tb.get(next) {
            Some(&nc) if nc < 0x80 => {
                nc.is_ascii_uppercase()
                    || nc.is_ascii_digit()
                    || matches!(nc, b'"' | b'(' | b'[' | b'\'')
            }
            Some(_) => text[next..]
                .chars()
                .next()
                .is_some_and(|nc| nc.is_uppercase() || matches!(nc, '\u{201C}' | '\u{2018}')),
            None => false,
        };
        if !starts_new {
            continue;
        }
        let single_period =
            only_periods && text[term_at..end].trim_end_matches(is_closer).len() == 1;
        if single_period && !period_ends_sentence(lists, text, term_at, next) {
            continue;
        }
        push(trim_range(text, start..end));
        start = next;
    }
    let last = trim_range(text, start..p.end);
    if !last.is_empty() {
        push(last);
    }
}
