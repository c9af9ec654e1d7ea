//! Where the scans of a draft stop: its capitals and lead bytes
//! ([`candidates`]), found 64 bytes at a time from `bytes` masks, and of
//! those the ones each scan needs ([`Stops`]): where a table form may start,
//! and which capitalized words the walk over name-shaped words must visit.

use super::east_asian::{short_key_bit, Surnames};
use super::fold::slavic_ending;
use super::form_table::{load8, FormTable};
use crate::bytes;
use crate::words::{ascii_letters_end, Word};

/// Every position in `b` that is an ASCII capital or the lead byte of a
/// non-ASCII character, in order.
///
/// Names start with a capital, and most of a draft is lowercase ASCII: the
/// scans for table forms and name-shaped words stop only at these positions
/// (at those [`Stops`] keeps, in [`check`](super::check)), found in one
/// pass, never on lowercase prose.
pub(super) fn candidates(b: &[u8]) -> Vec<usize> {
    // (News prose has about one capital in 30 bytes.)
    let mut out = Vec::with_capacity(b.len() / 16);
    for base in (0..b.len()).step_by(64) {
        let mut m = bytes::mask_at(b, base, bytes::capitals_and_leads);
        while m != 0 {
            out.push(base + m.trailing_zeros() as usize);
            m &= m - 1;
        }
    }
    out
}

/// The [`candidates`] at which the two scans of a draft stop.
pub(super) struct Stops {
    /// Those where a table form may start ([`FormTable::may_start`]).
    pub(super) forms: Vec<usize>,
    /// [`FormTable::anchored_hits`] of every candidate.
    pub(super) anchored: Vec<(usize, usize)>,
    /// Those the walk over capitalized words must visit: every candidate
    /// but those of a plain word it would only pass over (see
    /// [`Stops::find`]).
    pub(super) words: Vec<usize>,
    /// Starts of the plain words ending in `y`, `i` or `j` that the walk
    /// need not visit but the accented-key pass of [`check`](super::check)
    /// reads (four letters or more, no Slavic ending: `Monday`, `July`).
    pub(super) yij_words: Vec<usize>,
}

impl Stops {
    /// The stops of `b`, found in one pass over its capitals and lead bytes.
    ///
    /// Most capitalized words of a draft are no name: `The`, `President`,
    /// `Monday`. The walk in [`check`](super::check) passes over a word with
    /// nothing to do when it is ASCII letters after a byte no word contains
    /// (so the walk would find it where it starts), ends at a byte that
    /// joins nothing, perhaps after a possessive `'s` (so the letters are
    /// the whole word or its core), may be no surname
    /// ([`may_be_surname`](super::east_asian::may_be_surname)) and either
    /// does not end in `y`, `i` or `j` or is shorter than four letters (so
    /// no Slavic ending). Such a word is left out here, with the capitals in
    /// it: the walk stops only at the others. A longer one of those letters
    /// with no Slavic ending ([`slavic_ending`]) and no possessive goes to
    /// [`Stops::yij_words`] instead. The word ends are read from a mask of
    /// the block's ASCII letters, not byte by byte.
    pub(super) fn find(text: &str, forms: &FormTable, surnames: &Surnames) -> Stops {
        let b = text.as_bytes();
        let n = b.len();
        let surnames = &surnames.ascii.keys;
        let mut out = Stops {
            forms: Vec::new(),
            anchored: Vec::new(),
            words: Vec::with_capacity(n / 128),
            yij_words: Vec::new(),
        };
        let word = Word::letters();
        // Candidates before `skip` are in a word left out.
        let mut skip = 0;
        for base in (0..n).step_by(64) {
            let (mut m, letters) = bytes::mask_at(b, base, bytes::capitals_leads_and_letters);
            while m != 0 {
                let off = m.trailing_zeros() as usize;
                m &= m - 1;
                let c = base + off;
                // The eight bytes from `c` (zeros past the end).
                let x = load8(b, c);
                if forms.may_start_at(x, n - c) {
                    out.forms.push(c);
                }
                forms.anchored_at(b, c, &mut out.anchored);
                if c < skip {
                    continue;
                }
                // (The low byte of `x` is `b[c]`.)
                if x & 0x80 == 0 && (c == 0 || word.separates(b[c - 1])) {
                    // The letters after `c` in the block, then past it.
                    let run = (!(letters >> off >> 1)).trailing_zeros() as usize;
                    let end = if off + 1 + run >= 64 {
                        ascii_letters_end(b, base + 64)
                    } else {
                        c + 1 + run
                    };
                    let len = end - c;
                    let last = if len <= 8 {
                        (x >> (8 * (len - 1))) as u8
                    } else {
                        b[end - 1]
                    };
                    // Where the word ends, when the letters are its core: the
                    // byte after a run of letters is no letter, and it joins
                    // nothing when it is a separator.
                    let word_end = match b.get(end) {
                        None => Some(end),
                        Some(&d) if word.separates(d) => Some(end),
                        Some(b'\'')
                            if b.get(end + 1) == Some(&b's')
                                && b.get(end + 2).is_none_or(|&d| word.separates(d)) =>
                        {
                            Some(end + 2)
                        }
                        _ => None,
                    };
                    if let Some(word_end) = word_end.filter(|_| {
                        // (Letters only: the key is their bytes lower-cased,
                        // as [`short_key`] makes it.)
                        len > 8 || {
                            let key = (x | 0x2020_2020_2020_2020) & (u64::MAX >> (64 - 8 * len));
                            !surnames.contains(short_key_bit(key))
                        }
                    }) {
                        if (1u64 << (last & 63)) & YIJ == 0 || len < 4 {
                            skip = word_end;
                            continue;
                        }
                        if word_end == end && (len < 5 || slavic_ending(&text[c..end]).is_none()) {
                            out.yij_words.push(c);
                            skip = end;
                            continue;
                        }
                    }
                }
                out.words.push(c);
            }
        }
        out
    }
}

/// Bit `c & 63` of each byte `c` among `y`, `i`, `j` and their capitals
/// (no other letter shares a bit with them; callers test letters only).
const YIJ: u64 = 1 << (b'y' & 63)
    | 1 << (b'i' & 63)
    | 1 << (b'j' & 63)
    | 1 << (b'Y' & 63)
    | 1 << (b'I' & 63)
    | 1 << (b'J' & 63);

#[cfg(test)]
mod tests {
    use super::super::east_asian::may_be_surname;
    use super::super::tests::{random_drafts, shipped_entities};
    use super::super::{NameIndex, Tuning};
    use super::*;
    use crate::words::Cursor;

    #[test]
    fn candidates_are_capitals_and_lead_bytes() {
        let samples = [
            "",
            "abc",
            "Kim Jong Un said",
            "a-B c--D e'F ÉcoleX Ştefan çA zÉ x\u{301}Y \u{301}Z “Kim” naïve Zoë",
            "윤석열 Yoon Suk-yeol (윤석열) Зеленский Zelenskyy's @[`{ AZ az",
        ];
        for t in samples {
            let want: Vec<usize> = t
                .bytes()
                .enumerate()
                .filter(|&(_, c)| c.is_ascii_uppercase() || c >= 0xc0)
                .map(|(i, _)| i)
                .collect();
            assert_eq!(candidates(t.as_bytes()), want, "{t}");
        }
        // Every byte value, at every offset within a chunk.
        let all: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        for skip in 0..8 {
            let b = &all[skip..];
            let want: Vec<usize> = (0..b.len())
                .filter(|&i| b[i].is_ascii_uppercase() || b[i] >= 0xc0)
                .collect();
            assert_eq!(candidates(b), want);
        }
    }

    #[test]
    fn byte_tables_match_their_definitions() {
        for b in 0..=255u8 {
            if b.is_ascii_alphabetic() {
                let yij = matches!(b | 0x20, b'y' | b'i' | b'j');
                assert_eq!((1u64 << (b & 63)) & YIJ != 0, yij, "{b}");
            }
        }
    }

    /// The scans that stop only at [`Stops`] find what they find stopping
    /// at every candidate: the same table forms, and every capitalized word
    /// that the walk in [`check`](super::super::check) does not merely pass
    /// over, but for the plain `y`/`i`/`j` words listed apart.
    #[test]
    fn stops_keep_every_word_the_scans_need() {
        let entities = shipped_entities();
        let index = NameIndex::build(&entities, &Tuning::shipped()).expect("shipped index");
        let surnames = &index.lexicon().surnames;
        for text in random_drafts(3000) {
            let b = text.as_bytes();
            let all = candidates(b);
            let stops = Stops::find(&text, index.form_table(), surnames);
            assert_eq!(
                index.find_forms_at(&text, &stops.forms, &stops.anchored),
                index.find_forms(&text),
                "{text}"
            );
            let walk = |cands: &[usize]| {
                let mut cursor = Cursor::new(cands);
                let (mut pos, mut out) = (0, Vec::new());
                while let Some(t) = Word::letters().next_capital(&text, pos, &mut cursor) {
                    out.push((t.start, t.core_end, t.end));
                    pos = t.end;
                }
                out
            };
            // A plain word: ASCII letters, perhaps with a possessive, to a
            // byte that joins nothing, and no surname.
            let plain = |&(s, core_end, e): &(usize, usize, usize)| {
                b[s..core_end].iter().all(u8::is_ascii_alphabetic)
                    && (e == core_end || b[core_end..e] == *b"'s")
                    && b.get(e).is_none_or(|&d| Word::letters().separates(d))
                    && (s == 0 || Word::letters().separates(b[s - 1]))
                    && !may_be_surname(surnames, b, s, core_end)
            };
            let yij = |&(_, core_end, _): &(usize, usize, usize)| {
                matches!(b[core_end - 1] | 0x20, b'y' | b'i' | b'j')
            };
            // The walk passes over a plain word with no `y`, `i`, `j` at
            // its end or shorter than four letters; a longer one with no
            // possessive and no Slavic ending is listed apart.
            let passed_over = |t: &(usize, usize, usize)| plain(t) && (!yij(t) || t.1 - t.0 < 4);
            let listed = |t: &(usize, usize, usize)| {
                plain(t)
                    && yij(t)
                    && t.1 == t.2
                    && t.1 - t.0 >= 4
                    && (t.1 - t.0 == 4 || slavic_ending(&text[t.0..t.1]).is_none())
            };
            let every = walk(&all);
            let want: Vec<_> = every
                .iter()
                .filter(|t| !passed_over(t) && !listed(t))
                .copied()
                .collect();
            assert_eq!(walk(&stops.words), want, "{text}");
            let want: Vec<_> = every.iter().filter(|t| listed(t)).map(|t| t.0).collect();
            assert_eq!(stops.yij_words, want, "{text}");
        }
    }
}
