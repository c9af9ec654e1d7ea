//! Words of a draft: runs of letters joined by inner hyphens or apostrophes
//! ([`Tok`], [`tokenize`], [`token_at`]), the fast paths that lex ASCII words
//! eight bytes at a time, and the walk that lexes only the words starting
//! with a capital ([`next_capital_token`]).

use unicode_normalization::char::is_combining_mark;

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    /// End without a possessive `'s`.
    pub(super) core_end: usize,
    pub(super) end: usize,
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Words: runs of letters joined by inner hyphens or apostrophes.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(t) = next_token(text, i) {
        i = t.end;
        toks.push(t);
    }
    toks
}

/// The first word starting at or after `from`, which must lie between words
/// (a word's end, or after a character no word contains).
pub(super) fn next_token(text: &str, mut from: usize) -> Option<Tok> {
    loop {
        let c = text[from..].chars().next()?;
        if c.is_alphabetic() {
            return Some(token_at(text, from));
        }
        from += c.len_utf8();
    }
}

/// The end of the run of ASCII letters starting at `from`, eight bytes at a
/// time.
#[inline]
pub(super) fn ascii_letters_end(b: &[u8], from: usize) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A letter with bit 5 set is `a..=z`: per byte, on the low seven
        // bits, `y + 0x1f` sets the top bit from `a` up, `y + 0x05` from `{` up.
        let z = x | 0x2020_2020_2020_2020;
        let y = z & 0x7f7f_7f7f_7f7f_7f7f;
        let letter = (y + 0x1f1f_1f1f_1f1f_1f1f) & !(y + 0x0505_0505_0505_0505) & !z & HI;
        let other = !letter & HI;
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

/// The word starting with the letter at `start`.
#[inline]
pub(super) fn token_at(text: &str, start: usize) -> Tok {
    let b = text.as_bytes();
    // Most words are ASCII letters ending at an ASCII byte that joins
    // nothing (a space, a comma): no character to decode, no possessive.
    if b[start].is_ascii_alphabetic() {
        let end = ascii_letters_end(b, start + 1);
        if b.get(end)
            .is_none_or(|&c| c.is_ascii() && c != b'-' && c != b'\'')
        {
            return Tok {
                start,
                core_end: end,
                end,
            };
        }
    }
    token_at_slow(text, start)
}

/// [`token_at`] for a word that is not all ASCII letters.
#[inline(never)]
fn token_at_slow(text: &str, start: usize) -> Tok {
    let b = text.as_bytes();
    // ASCII words joined by ASCII hyphens and apostrophes (`Yoon's`,
    // `Jong-un`) need no character decoded either.
    if b[start].is_ascii_alphabetic() {
        let mut end = ascii_letters_end(b, start + 1);
        let ascii = loop {
            match b.get(end) {
                None => break true,
                Some(b'-' | b'\'') => match b.get(end + 1) {
                    Some(c) if c.is_ascii_alphabetic() => end = ascii_letters_end(b, end + 2),
                    Some(c) if !c.is_ascii() => break false,
                    _ => break true,
                },
                Some(c) => break c.is_ascii(),
            }
        };
        if ascii {
            let possessive = end - start > 2 && b[end - 2..end] == *b"'s";
            return Tok {
                start,
                core_end: if possessive { end - 2 } else { end },
                end,
            };
        }
    }
    token_at_general(text, start)
}

/// [`token_at`], character by character.
fn token_at_general(text: &str, start: usize) -> Tok {
    let b = text.as_bytes();
    let mut end = start + text[start..].chars().next().map_or(1, char::len_utf8);
    loop {
        while b.get(end).is_some_and(u8::is_ascii_alphabetic) {
            end += 1;
        }
        // Most words end at an ASCII byte that joins nothing (a space, a
        // comma): no character to decode.
        if b.get(end)
            .is_some_and(|&c| c.is_ascii() && c != b'-' && c != b'\'')
        {
            break;
        }
        let Some(d) = text[end..].chars().next() else {
            break;
        };
        // A letter, or an inner hyphen or apostrophe before a letter.
        let joins = d.is_alphabetic()
            || is_combining_mark(d)
            || ((d == '-' || is_apostrophe(d))
                && text[end + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic));
        if !joins {
            break;
        }
        end += d.len_utf8();
    }
    let word = &text[start..end];
    let mut core_end = end;
    if word.ends_with('s') {
        for suf in ["'s", "’s", "ʼs"] {
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

/// A byte no word contains, so that lexing may restart after it.
#[inline(always)]
pub(super) fn ascii_separator(b: u8) -> bool {
    SEPARATORS[usize::from(b)]
}

/// [`ascii_separator`] of each byte: one load instead of four tests, for
/// the scans that ask it at every capital.
static SEPARATORS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = !c.is_ascii_alphabetic() && c != b'-' && c != b'\'';
        b += 1;
    }
    t
};

/// The word after `a` when one space separates them (the only case in which
/// [`joined`] holds).
pub(super) fn joined_next(text: &str, a: &Tok) -> Option<Tok> {
    let rest = &text[a.end..];
    let gap = if rest.starts_with(' ') {
        1
    } else if rest.starts_with('\u{a0}') {
        2
    } else {
        return None;
    };
    rest[gap..]
        .chars()
        .next()
        .filter(|c| c.is_alphabetic())
        .map(|_| token_at(text, a.end + gap))
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Two tokens in one name: separated by one space, the first without a
/// possessive.
pub(super) fn joined(text: &str, a: &Tok, b: &Tok) -> bool {
    a.core_end == a.end && matches!(&text[a.end..b.start], " " | "\u{a0}")
}

/// A cursor over [`candidates`](super::stops::candidates) (or
/// [`Stops`](super::stops::Stops)) for a scan that moves forward.
pub(super) struct Cursor<'a> {
    at: &'a [usize],
}

impl<'a> Cursor<'a> {
    /// A cursor at the first of `at` (positions in increasing order).
    pub(super) fn new(at: &'a [usize]) -> Self {
        Cursor { at }
    }

    /// The first candidate at or after `from` (`from` never decreases).
    pub(super) fn next_from(&mut self, from: usize) -> Option<usize> {
        while let [first, rest @ ..] = self.at {
            if *first >= from {
                return Some(*first);
            }
            self.at = rest;
        }
        None
    }
}

/// The first word at or after `from` (between words) that starts with a
/// capital: the same words as [`tokenize`], without lexing lowercase ASCII
/// prose. Only the word around each capital or non-ASCII character that
/// in `cands` is lexed, from the last separator before it.
#[inline]
pub(super) fn next_capital_token(text: &str, mut from: usize, cands: &mut Cursor) -> Option<Tok> {
    let b = text.as_bytes();
    loop {
        let q = cands.next_from(from)?;
        // Bytes from..q are ASCII without capitals. Most often a capital
        // starts a word, after a space.
        if b[q].is_ascii_uppercase() && (q == from || ascii_separator(b[q - 1])) {
            return Some(token_at(text, q));
        }
        let mut i = q;
        while i > from && !ascii_separator(b[i - 1]) {
            i -= 1;
        }
        while i <= q {
            let c = text[i..].chars().next()?;
            if !c.is_alphabetic() {
                i += c.len_utf8();
                continue;
            }
            let t = token_at(text, i);
            if starts_upper(&text[t.start..t.core_end]) {
                return Some(t);
            }
            i = t.end;
        }
        from = i;
    }
}

#[cfg(test)]
mod tests {
    use super::super::stops::candidates;
    use super::*;

    #[test]
    fn tokens_and_possessives() {
        let t = "Yoon's Kim Jong-un, Ch'oe";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.start..k.core_end]).collect();
        assert_eq!(words, ["Yoon", "Kim", "Jong-un", "Ch'oe"]);
    }

    #[test]
    fn word_fast_paths_match_the_general_lexer() {
        let pieces = [
            "a", "Z", "s", "'s", "’s", "ʼs", "-", "'", "’", " ", ",", "é", "Ş", "\u{301}", "1",
            "--", "ab", "Kim", "Yoon's", "x'", "-é", "'é",
        ];
        let mut below = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let n = 1 + below(8);
            let text: String = (0..n).map(|_| pieces[below(pieces.len())]).collect();
            for (i, c) in text.char_indices() {
                if c.is_alphabetic() && (i == 0 || !text[..i].ends_with(char::is_alphabetic)) {
                    let (fast, general) = (token_at(&text, i), token_at_general(&text, i));
                    assert_eq!(
                        (fast.start, fast.core_end, fast.end),
                        (general.start, general.core_end, general.end),
                        "{text:?} at {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_letter_runs() {
        // Every byte value after runs of letters of every length to 17.
        for n in 0..=17 {
            for c in 0..=255u8 {
                let mut b = b"xAbCdEfGhIjKlMnOpQ"[..n + 1].to_vec();
                b.push(c);
                b.extend_from_slice(b"zz");
                let want = if c.is_ascii_alphabetic() {
                    n + 4
                } else {
                    n + 1
                };
                assert_eq!(ascii_letters_end(&b, 1), want, "{n} {c}");
            }
        }
        assert_eq!(ascii_letters_end(b"abc", 3), 3);
        assert_eq!(ascii_letters_end(b"ab@[`{", 0), 2);
    }

    #[test]
    fn capital_tokens_match_tokenize() {
        let samples = [
            "Yoon's Kim Jong-un, Ch'oe ofKim Jong Un and al-Assad",
            "a-B c--D e'F ÉcoleX Ştefan çA zÉ x\u{301}Y \u{301}Z “Kim” naïve Zoë",
            "Ünal–Öz ʼs O’Neill’s  Kim\u{a0}Jong Un\n\n\"Lee\" 1Abc abc1Def _Xy",
            "윤석열 Yoon Suk-yeol (윤석열) Зеленский Zelenskyy's",
        ];
        for t in samples {
            let want: Vec<(usize, usize, usize)> = tokenize(t)
                .into_iter()
                .filter(|k| starts_upper(&t[k.start..k.core_end]))
                .map(|k| (k.start, k.core_end, k.end))
                .collect();
            let mut got = Vec::new();
            let mut pos = 0;
            let cands = candidates(t.as_bytes());
            let mut cursor = Cursor::new(&cands);
            while let Some(k) = next_capital_token(t, pos, &mut cursor) {
                got.push((k.start, k.core_end, k.end));
                pos = k.end;
            }
            assert_eq!(got, want, "{t}");
        }
    }
}
