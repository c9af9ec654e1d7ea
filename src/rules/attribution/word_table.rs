//! The speed machinery of the word scan, behind a small API: the space
//! class of `(?-u)` regexes, and [`WordTable`], a set of lower-cased ASCII
//! words that rejects most words of a text on a few of their bytes and
//! their length, then looks the rest up with their bytes packed into two
//! integers, scanning the text 64 bytes at a time. Its words are the runs
//! of `(?-u:\w)` bytes, the tokenizer's `Word::ascii()`.

use rustc_hash::FxHashMap;

use crate::bytes;
use crate::words::{hash_bits, is_ascii_word_byte, pack};

/// Whether `(?-u:\s)` matches byte `b` (unlike `u8::is_ascii_whitespace`,
/// it includes the vertical tab).
pub(super) fn is_regex_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// first, second, third, last but one and last byte and length rejects most words of a text, and
/// the rest are looked up with their bytes packed into two integers.
#[derive(Debug, Clone)]
pub(super) struct WordTable {
    /// Entry `(first & 31) * 32 + (last & 31)`: bit `len & 63` for the
    /// length of each word with such first and last bytes (in either case);
    /// then the same by first and second byte (at 1024 on) and by first
    /// and third byte (at 2048 on), a word too short to have the byte
    /// having its bit whatever byte follows it; then by the byte before
    /// the last and the last (at 3072 on), a one-byte word having its bit
    /// whatever byte precedes it.
    filter: Box<[u64; 4096]>,
    /// Open addressing by [`WordTable::hash`]: packed word (see
    /// [`pack_word`]), index; an empty slot is `(0, 0, 0)`.
    slots: Vec<(u64, u64, u32)>,
    shift: u32,
    /// Words longer than 16 bytes.
    long: FxHashMap<Vec<u8>, usize>,
    /// Every word is ASCII letters only: the scan can look at runs of
    /// letters (see [`bytes::ascii_letters`]).
    letters_only: bool,
}

impl Default for WordTable {
    fn default() -> WordTable {
        WordTable::new(&[])
    }
}

/// The filter cell of the bytes `a` and `b`.
#[inline(always)]
fn cell(a: u8, b: u8) -> usize {
    usize::from(a & 31) * 32 + usize::from(b & 31)
}

/// The bytes of an ASCII word of at most 16 bytes, each with bit 5 set
/// (which lower-cases letters and changes no other word byte into another
/// word byte), little-endian in two integers, zero-padded.
fn pack_word(w: &[u8]) -> (u64, u64) {
    let (a, b) = w.split_at(w.len().min(8));
    let half = |h: &[u8]| pack(h.iter().map(|&c| c | 0x20));
    (half(a), half(b))
}

/// [`pack_word`] of `b[start..end]` (at most 16 bytes), reading whole
/// integers when the text goes on far enough.
fn pack_word_at(b: &[u8], start: usize, end: usize) -> (u64, u64) {
    if b.len() - start < 16 {
        return pack_word(&b[start..end]);
    }
    let load = |at: usize| {
        let h = &b[at..at + 8];
        u64::from_le_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]])
    };
    // The low `n` bytes of an integer.
    let low = |n: usize| if n >= 8 { !0 } else { (1u64 << (8 * n)) - 1 };
    let len = end - start;
    let bit5 = 0x2020_2020_2020_2020u64;
    let a = (load(start) | bit5) & low(len);
    let b2 = if len > 8 {
        (load(start + 8) | bit5) & low(len - 8)
    } else {
        0
    };
    (a, b2)
}

impl WordTable {
    pub(super) fn new(words: &[Vec<u8>]) -> WordTable {
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            filter: Box::new([0; 4096]),
            slots: vec![(0, 0, 0); size],
            shift: 64 - size.trailing_zeros(),
            long: FxHashMap::default(),
            letters_only: words.iter().all(|w| w.iter().all(u8::is_ascii_alphabetic)),
        };
        for (i, w) in words.iter().enumerate() {
            let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
                continue;
            };
            let bit = 1 << (w.len() & 63);
            t.filter[cell(first, last)] |= bit;
            for (k, at) in [(1, 1024), (2, 2048)] {
                match w.get(k) {
                    Some(&c) => t.filter[at + cell(first, c)] |= bit,
                    // Whatever follows a shorter word.
                    None => {
                        for c in 0..32 {
                            t.filter[at + cell(first, c)] |= bit;
                        }
                    }
                }
            }
            if w.len() >= 2 {
                t.filter[3072 + cell(w[w.len() - 2], last)] |= bit;
            } else {
                for c in 0..32 {
                    t.filter[3072 + cell(c, last)] |= bit;
                }
            }
            if w.len() > 16 {
                t.long.insert(w.clone(), i);
                continue;
            }
            let key = pack_word(w);
            let mut h = t.hash(key);
            while t.slots[h].0 != 0 {
                h = (h + 1) & (size - 1);
            }
            t.slots[h] = (key.0, key.1, i as u32);
        }
        t
    }

    fn hash(&self, (a, b): (u64, u64)) -> usize {
        hash_bits(a ^ b.rotate_left(29), 64 - self.shift)
    }

    /// Whether the word `b[start..end]` (a run of ASCII word bytes) passes
    /// the filter: [`WordTable::get_filtered`] can find only such words.
    #[inline(always)]
    pub(super) fn may_hold(&self, b: &[u8], start: usize, end: usize) -> bool {
        let at = |k: usize| b.get(start + k).copied().unwrap_or(0);
        let before_last = if end - start >= 2 { b[end - 2] } else { 0 };
        self.filter(b[start], at(1), at(2), b[end - 1], end - start)
            && self.filter[3072 + cell(before_last, b[end - 1])] >> ((end - start) & 63) & 1 != 0
    }

    /// The filter on a word's first, second and third (or following) and
    /// last byte and length.
    #[inline(always)]
    fn filter(&self, first: u8, second: u8, third: u8, last: u8, len: usize) -> bool {
        let f = self.filter[cell(first, last)]
            & self.filter[1024 + cell(first, second)]
            & self.filter[2048 + cell(first, third)];
        f >> (len & 63) & 1 != 0
    }

    /// Calls `f(start, end)` for the words of `b` that pass the filter, in
    /// order (runs of letters that are whole words when every word of the
    /// table is letters only, else the runs of ASCII word bytes).
    pub(super) fn for_each_candidate(&self, b: &[u8], mut f: impl FnMut(usize, usize)) {
        if self.letters_only {
            self.candidates_by(b, bytes::ascii_letters, true, &mut f);
        } else {
            self.candidates_by(b, bytes::ascii_word_bytes, false, &mut f);
        }
    }

    /// [`WordTable::for_each_candidate`] over runs of the byte class `class`
    /// (a function of [`crate::bytes`]), which are whole words unless
    /// `letters`. The bytes are classified 64 at a time, and runs found from the bits where the
    /// class changes, so that the cost is per run more than per byte; where
    /// the block and 16 bytes either side are in the text, the filter reads
    /// them with no bounds to check.
    #[inline(always)]
    fn candidates_by(
        &self,
        b: &[u8],
        class: impl Fn(&[u8; 64]) -> u64 + Copy,
        letters: bool,
        f: &mut impl FnMut(usize, usize),
    ) {
        let n = b.len();
        // A run of letters is a word when no digit or `_` touches it.
        let touched = |s: usize, e: usize| {
            (s > 0 && is_ascii_word_byte(b[s - 1]))
                || b.get(e).is_some_and(|&c| is_ascii_word_byte(c))
        };
        let whole = |s: usize, e: usize| !letters || !touched(s, e);
        let pass = |s: usize, e: usize| self.may_hold(b, s, e) && whole(s, e);
        // The start of a run that goes on past the block.
        let mut pending: Option<usize> = None;
        let mut carry = 0u64;
        let mut base = 0;
        while base < n {
            // The block with 16 bytes either side.
            let win: Option<&[u8; 96]> = base
                .checked_sub(16)
                .and_then(|from| b.get(from..base + 80))
                .and_then(|w| w.try_into().ok());
            let m = match win {
                Some(w) => class(w[16..80].try_into().unwrap_or(&[0; 64])),
                None => bytes::mask_at(b, base, class),
            };
            let prev = (m << 1) | carry;
            let mut starts = m & !prev;
            // Past a short last block the bits are clear: a run reaching
            // its end ends there.
            let mut ends = !m & prev;
            carry = m >> 63;
            if let Some(s) = pending {
                if ends == 0 {
                    base += 64;
                    continue;
                }
                let e = base + ends.trailing_zeros() as usize;
                if pass(s, e) {
                    f(s, e);
                }
                ends &= ends - 1;
                pending = None;
            }
            // A run going on past the block starts at the last start.
            if carry != 0 && starts != 0 {
                let last = 63 - starts.leading_zeros() as usize;
                starts ^= 1 << last;
                pending = Some(base + last);
            }
            // Now each start has its end.
            match win {
                Some(w) => {
                    while starts != 0 {
                        let s = starts.trailing_zeros() as usize;
                        let e = ends.trailing_zeros() as usize;
                        starts &= starts - 1;
                        ends &= ends.wrapping_sub(1);
                        // `s < e`: the bytes are in the window.
                        let (first, last) = (w[16 + s], w[15 + e]);
                        let len = (e.wrapping_sub(s) & 63) as u32;
                        if self.filter[cell(first, last)].wrapping_shr(len) & 1 != 0
                            && self.filter[1024 + cell(first, w[17 + s])].wrapping_shr(len) & 1 != 0
                            && self.filter[2048 + cell(first, w[18 + s])].wrapping_shr(len) & 1 != 0
                            && self.filter[3072 + cell(w[14 + e], last)].wrapping_shr(len) & 1 != 0
                            && whole(base + s, base + e)
                        {
                            f(base + s, base + e);
                        }
                    }
                }
                None => {
                    while starts != 0 {
                        let s = base + starts.trailing_zeros() as usize;
                        let e = base + ends.trailing_zeros() as usize;
                        starts &= starts - 1;
                        ends &= ends.wrapping_sub(1);
                        if pass(s, e) {
                            f(s, e);
                        }
                    }
                }
            }
            base += 64;
        }
        if let Some(s) = pending.filter(|&s| pass(s, n)) {
            f(s, n);
        }
    }

    /// The index of the word `b[start..end]` (a run of ASCII word bytes)
    /// that passed the filter.
    pub(super) fn get_filtered(&self, b: &[u8], start: usize, end: usize) -> Option<usize> {
        let len = end - start;
        if len > 16 {
            return self.long.get(&b[start..end].to_ascii_lowercase()).copied();
        }
        let key = pack_word_at(b, start, end);
        let mask = self.slots.len() - 1;
        let mut h = self.hash(key);
        loop {
            let (a, b2, i) = self.slots[h];
            if a == 0 {
                return None;
            }
            if (a, b2) == key {
                return Some(i as usize);
            }
            h = (h + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    use crate::testing::xorshift;

    /// The maximal runs of `(?-u:\w)` bytes of `b` (which need not be
    /// UTF-8), byte by byte.
    fn ascii_word_runs(b: &[u8]) -> Vec<Range<usize>> {
        let (mut out, mut i) = (Vec::new(), 0);
        while i < b.len() {
            let start = i;
            while i < b.len() && is_ascii_word_byte(b[i]) {
                i += 1;
            }
            if i > start {
                out.push(start..i);
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn word_scan_and_table_agree_with_byte_loops() {
        let alphabet: &[u8] = b"aZ09_ .,-'\n\t\x7f\x80\xc5\xbf@[`{/:";
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        let letters: Vec<Vec<u8>> = ["said", "a", "according", "abcdefghijklmnopq", "it"]
            .iter()
            .map(|w| w.as_bytes().to_vec())
            .collect();
        let mut mixed = letters.clone();
        mixed.extend([
            b"z0_".to_vec(),
            b"x9".to_vec(),
            b"_".to_vec(),
            b"7".to_vec(),
        ]);
        let long = [
            letters.clone(),
            vec![[b'q'; 70].to_vec(), [b'r'; 64].to_vec()],
        ]
        .concat();
        for words in [letters, mixed, long] {
            let table = WordTable::new(&words);
            for len in (0..300).chain([1000, 4096]) {
                let mut b: Vec<u8> = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
                // Some known words, in either case, at random places.
                for _ in 0..len / 10 {
                    let w = &words[next(words.len())];
                    let at = next(len.max(1));
                    for (k, &c) in w.iter().enumerate() {
                        if at + k < b.len() {
                            b[at + k] = if next(2) == 0 {
                                c
                            } else {
                                c.to_ascii_uppercase()
                            };
                        }
                    }
                }
                // Every ASCII word of the table, with its index.
                let want: Vec<(Range<usize>, usize)> = ascii_word_runs(&b)
                    .into_iter()
                    .filter_map(|r| {
                        let lower = b[r.clone()].to_ascii_lowercase();
                        words.iter().position(|w| *w == lower).map(|i| (r, i))
                    })
                    .collect();
                let mut got = Vec::new();
                table.for_each_candidate(&b, |s, e| {
                    assert!(table.may_hold(&b, s, e));
                    if let Some(i) = table.get_filtered(&b, s, e) {
                        got.push((s..e, i));
                    }
                });
                assert_eq!(got, want, "{b:?}");
            }
        }
    }
}
