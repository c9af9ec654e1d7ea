//! Romanization folding: the keys under which two spellings of one name
//! compare equal. Diacritics and joiners ([`fold_basic`]), Korean RR /
//! McCune–Reischauer differences ([`fold_korean`]), Slavic transliteration
//! endings of single words ([`western_key`]), and whether a word is made of
//! romanized syllables ([`is_syllables`]).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::english::is_english_word;

/// Lowercase, strip diacritics, drop hyphens, apostrophes and spaces.
pub(super) fn fold_basic(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .filter(|c| !matches!(c, b'-' | b'\'' | b'`' | b' '))
            .map(|c| char::from(c.to_ascii_lowercase()))
            .collect();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) || matches!(c, '-' | '\'' | '’' | '‘' | 'ʼ' | '`' | ' ') {
            continue;
        }
        match c {
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'ß' => out.push_str("ss"),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// One replacement of [`fold_korean`]: the bytes it replaces and their
/// replacement.
pub(super) type Step = (Box<[u8]>, Box<[u8]>);

/// Fold Korean RR / McCune–Reischauer / common spelling differences inside a
/// given name (already `fold_basic`ed): the replacements `steps` in turn
/// (`korean-folding` of `[options.names]`; each sees the previous ones'
/// output, and a string is copied only when it changes), then the one rule
/// that is no replacement (`hyun`/`hyon` below).
pub(super) fn fold_korean(s: &str, steps: &[Step]) -> String {
    // A given name is a few bytes: each step is replaced byte by byte (left
    // to right, as `str::replace` does), which costs less than setting up
    // a substring searcher for it. (The patterns are ASCII: they never
    // match inside a character.)
    let mut t = s.as_bytes().to_vec();
    let mut next = Vec::with_capacity(t.len() + 4);
    for (from, to) in steps {
        let (from, to) = (&from[..], &to[..]);
        let at = |t: &[u8], i: usize| t[i] == from[0] && t[i..].starts_with(from);
        let Some(first) = (0..t.len()).find(|&i| at(&t, i)) else {
            continue;
        };
        next.clear();
        next.extend_from_slice(&t[..first]);
        let mut i = first;
        while i < t.len() {
            if at(&t, i) {
                next.extend_from_slice(to);
                i += from.len();
            } else {
                next.push(t[i]);
                i += 1;
            }
        }
        std::mem::swap(&mut t, &mut next);
    }
    // consonant + yu + n: `hyun`/`hyon`, `myung`/`myong` (AP-style u for eo).
    let bytes = &t[..];
    let mut out = String::with_capacity(t.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'y'
            && i > 0
            && !b"aeiouwy".contains(&bytes[i - 1])
            && bytes.get(i + 1) == Some(&b'u')
            && bytes.get(i + 2) == Some(&b'n')
        {
            out.push_str("yo");
            i += 2;
            continue;
        }
        out.push(bytes[i] as char);
        i += 1;
    }
    out
}

/// Slavic transliteration endings after a consonant: `-y`, `-yy`, `-iy`,
/// `-ii`, `-yi`, `-ij` (`Zelensky`, `Zelenskyy`, `Zelenskiy`, `Zelenskii`).
pub(super) fn slavic_ending(s: &str) -> Option<&str> {
    // (The endings in that order of preference, by the last two bytes.)
    let end = match s.as_bytes() {
        [.., b'y' | b'i', b'y'] | [.., b'i' | b'y', b'i'] | [.., b'i', b'j'] => 2,
        [.., b'y'] => 1,
        _ => return None,
    };
    let stem = &s[..s.len() - end];
    // `Pompeii` / `Pompey`, `Sidney`: a vowel before the ending is no
    // Slavic ending.
    let last = stem.chars().next_back()?;
    if !last.is_alphabetic()
        || matches!(
            last,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'
        )
        || stem.chars().nth(2).is_none()
    {
        return None;
    }
    Some(stem)
}

fn fold_slavic_ending(s: &str) -> String {
    if let Some(stem) = slavic_ending(s) {
        return format!("{stem}y");
    }
    s.to_string()
}

/// `Zelensky`, `Dmitriy`: a name ending like a Slavic transliteration. Not
/// hyphenated compounds (`Blu-ray`) nor English words (`Technology`).
fn has_slavic_ending(core: &str) -> bool {
    core.chars().count() >= 5
        && slavic_ending(core).is_some()
        && !core.contains(['-', '\'', '’'])
        && !is_english_word(&core.to_lowercase())
}

/// A capitalized single word worth a folded key: a Slavic ending
/// (`Zelenskyy`, `Zelenskiy`), diacritics folded.
///
/// Words that differ only by diacritics are not compared: in multilingual
/// copy they are as often different words (`Valencià`, `Fédération`,
/// `Banū`) as different spellings; the table lists the names whose accents
/// vary (`Erdoğan`).
pub(super) fn western_candidate(core: &str) -> bool {
    if !may_be_western(core) {
        return false;
    }
    let mut chars = core.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || core.chars().count() < 4 {
        return false;
    }
    // All capitals (acronyms, shouting headlines) are left alone.
    if core
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        return false;
    }
    has_slavic_ending(core)
}

/// Every Slavic ending ends in `y`, `i` or `j`: most words stop here.
pub(super) fn may_be_western(core: &str) -> bool {
    matches!(core.as_bytes().last(), Some(b'y' | b'i' | b'j'))
}

pub(super) fn western_key(core: &str) -> String {
    format!("W:{}", fold_slavic_ending(&fold_basic(core)))
}

/// One romanized syllable: an optional onset, an optional `w`/`y` glide,
/// one to three vowels and an optional coda. As a regex (kept in a test):
#[cfg_attr(not(test), allow(dead_code))]
const SYL: &str = "(?:ch|th|ph|kh|tch|ts|tz|sh|zh|hs|kk|tt|pp|ss|jj|[bcdfghjklmnpqrstwxz])?[wy]?[aeiou]{1,3}(?:ng|n|m|k|t|l|p|r|b|g|d)?";

/// Every end of a [`SYL`] match starting at `from`, passed to `end` (some
/// more than once).
///
/// The onsets, glides and codas are tested by their bytes, not tried one
/// by one: most words of a draft asked about are no syllables.
#[inline]
fn syllable_ends(s: &[u8], from: usize, mut end: impl FnMut(usize)) {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let vowel = |i: usize| matches!(at(i), b'a' | b'e' | b'i' | b'o' | b'u');
    let consonant = |c: u8| {
        matches!(
            c,
            b'b' | b'c'
                | b'd'
                | b'f'
                | b'g'
                | b'h'
                | b'j'
                | b'k'
                | b'l'
                | b'm'
                | b'n'
                | b'p'
                | b'q'
                | b'r'
                | b's'
                | b't'
                | b'w'
                | b'x'
                | b'z'
        )
    };
    // Onset lengths (see [`SYL`]): none, one consonant, a pair, `tch`.
    let (c0, c1) = (at(from), at(from + 1));
    let pair = matches!(
        [c0, c1],
        [b'c' | b't' | b'p' | b'k' | b's' | b'z', b'h']
            | [b't', b's' | b'z']
            | [b'h', b's']
            | [b'k', b'k']
            | [b't', b't']
            | [b'p', b'p']
            | [b's', b's']
            | [b'j', b'j']
    );
    let tch = c0 == b't' && c1 == b'c' && at(from + 2) == b'h';
    let onsets = [
        Some(from),
        consonant(c0).then_some(from + 1),
        pair.then_some(from + 2),
        tch.then_some(from + 3),
    ];
    for p in onsets.into_iter().flatten() {
        let glide = matches!(at(p), b'w' | b'y');
        for g in [Some(p), glide.then_some(p + 1)].into_iter().flatten() {
            let mut v = g;
            while v < g + 3 && vowel(v) {
                v += 1;
                // Codas: none, one of `nmktlprbgd`, `ng`.
                end(v);
                if matches!(
                    at(v),
                    b'n' | b'm' | b'k' | b't' | b'l' | b'p' | b'r' | b'b' | b'g' | b'd'
                ) {
                    end(v + 1);
                    if at(v) == b'n' && at(v + 1) == b'g' {
                        end(v + 2);
                    }
                }
            }
        }
    }
}

/// `part`, folded, is one to `max` syllables: `^(?:SYL){1,max}$`, matched
/// by hand (compiling the regex cost more start-up than all its uses).
pub(super) fn is_syllables(part: &str, max: usize) -> bool {
    // An ASCII word of fewer than 64 bytes (every name part): folded on the
    // stack, positions as bits of a `u64`.
    if part.len() < 64 && part.is_ascii() {
        let mut buf = [0u8; 64];
        let mut n = 0;
        for c in part
            .bytes()
            .filter(|c| !matches!(c, b'-' | b'\'' | b'`' | b' '))
        {
            buf[n] = c.to_ascii_lowercase();
            n += 1;
        }
        let s = &buf[..n];
        if s.is_empty() {
            return false;
        }
        let mut at = 1u64;
        for _ in 0..max {
            let mut next = 0u64;
            let mut rest = at;
            while rest != 0 {
                let p = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                // (An end is within `s`: at most `n`, under 64.)
                syllable_ends(s, p, |e| next |= 1 << e);
            }
            if next & (1 << n) != 0 {
                return true;
            }
            at = next;
        }
        return false;
    }
    let f = fold_basic(part);
    if f.is_empty() || !f.is_ascii() {
        return false;
    }
    let s = f.as_bytes();
    let mut at = vec![0];
    for _ in 0..max {
        let mut ends = Vec::new();
        for &p in &at {
            syllable_ends(s, p, |e| ends.push(e));
        }
        if ends.contains(&s.len()) {
            return true;
        }
        ends.sort_unstable();
        ends.dedup();
        at = ends;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped folding steps.
    fn steps() -> &'static [Step] {
        &super::super::tuning::Lexicon::shipped().korean_steps
    }

    fn fold_korean(s: &str) -> String {
        super::fold_korean(s, steps())
    }

    #[test]
    fn fold_korean_merges_systems() {
        assert_eq!(fold_korean(&fold_basic("Kŭn-hye")), fold_korean("geunhye"));
        assert_eq!(fold_korean(&fold_basic("Sŏk-yŏl")), fold_korean("seokyeol"));
        assert_eq!(fold_korean("hyun"), fold_korean("hyon"));
        assert_ne!(fold_korean("jaemyung"), fold_korean("jaeyong"));
        assert_ne!(fold_korean("jongun"), fold_korean("jongil"));
    }

    #[test]
    fn syllables() {
        assert!(is_syllables("Dong", 1));
        assert!(is_syllables("hyuk", 1));
        assert!(is_syllables("Sangmok", 2));
        assert!(is_syllables("Jinping", 2));
        assert!(!is_syllables("Unsaid", 1));
        assert!(!is_syllables("Avenue", 2));
        assert!(!is_syllables("Korea", 1));
    }

    #[test]
    fn syllables_match_the_regex() {
        let re = |max: usize| regex::Regex::new(&format!("^(?:{SYL}){{1,{max}}}$")).unwrap();
        let (one, two) = (re(1), re(2));
        let letters = b"abcdeghijklmnopstuwyz";
        // Every string of up to five letters from a small alphabet, and
        // some real words.
        let mut words: Vec<String> = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..4 {
            let mut next = Vec::new();
            for w in &words {
                for &c in letters {
                    next.push(format!("{w}{}", c as char));
                }
            }
            all.extend(next.iter().cloned());
            words = next;
        }
        all.extend(
            [
                "Jinping",
                "Sangmok",
                "hyuk",
                "tchang",
                "Kwaeng",
                "Avenue",
                "chiang",
                "yeoung",
                "Seok-yeol",
                "jjang",
                "ssang",
                "hsieh",
            ]
            .map(String::from),
        );
        for w in &all {
            let f = fold_basic(w);
            let want = |re: &regex::Regex| !f.is_empty() && f.is_ascii() && re.is_match(&f);
            assert_eq!(is_syllables(w, 1), want(&one), "{w}");
            assert_eq!(is_syllables(w, 2), want(&two), "{w}");
        }
    }

    /// `fold_korean` replaces byte by byte: the same as `str::replace`
    /// step by step, on random strings of the letters its steps use.
    #[test]
    fn korean_fold_replaces_as_str_replace_does() {
        let reference = |s: &str| {
            let mut t = s.to_string();
            for (from, to) in steps() {
                let (from, to) = (std::str::from_utf8(from), std::str::from_utf8(to));
                t = t.replace(from.unwrap(), to.unwrap());
            }
            t
        };
        let letters = [
            "e", "o", "u", "t", "c", "h", "p", "k", "s", "j", "g", "d", "b", "y", "n", "ŏ",
        ];
        let mut below = crate::testing::xorshift(0x1234_5678_9abc_def1);
        for _ in 0..20_000 {
            let s: String = (0..below(12))
                .map(|_| letters[below(letters.len())])
                .collect();
            let want = reference(&s);
            // Where no `yu` is left, the rest of the fold changes nothing.
            if want.contains("yu") {
                continue;
            }
            assert_eq!(fold_korean(&s).as_bytes(), latin1(&want), "{s}");
        }
    }

    /// Each byte of `s` as a character, as `fold_korean` writes them.
    fn latin1(s: &str) -> Vec<u8> {
        s.bytes().map(char::from).collect::<String>().into_bytes()
    }

    #[test]
    fn accented_keys_end_in_y_i_or_j() {
        // Step 2 keeps a plain word for the accented-key pass only when it
        // ends in `y`, `i` or `j`: every key that pass can match must too.
        let pieces = [
            "a", "e", "o", "k", "s", "v", "n", "y", "i", "j", "Y", "I", "J", "é", "ó", "ś", "ž",
            "ý", "í", "-", "'", "Ł", "ø", "ß",
        ];
        let mut below = crate::testing::xorshift(0x2545_f491_4f6c_dd1d);
        let mut keys = 0;
        for _ in 0..200_000 {
            let n = 3 + below(9);
            let mut w = String::from(["Z", "Ś", "D", "Ø"][below(4)]);
            w.extend((0..n).map(|_| pieces[below(pieces.len())]));
            if western_candidate(&w) && !w.is_ascii() {
                keys += 1;
                let key = western_key(&w);
                assert!(key.ends_with(['y', 'i', 'j']), "{w} → {key}");
            }
        }
        assert!(keys > 1000, "{keys}");
        // A plain word ending otherwise has a key ending otherwise.
        let ascii = [
            "a", "o", "k", "v", "n", "y", "i", "j", "Y", "I", "J", "N", "-", "'",
        ];
        for _ in 0..200_000 {
            let n = 3 + below(9);
            let mut w = String::from("Z");
            w.extend((0..n).map(|_| ascii[below(ascii.len())]));
            w.push(['a', 'v', 'N', 'y', 'i', 'J'][below(6)]);
            let key = western_key(&w);
            assert_eq!(
                key.ends_with(['y', 'i', 'j']),
                w.ends_with(['y', 'i', 'j', 'Y', 'I', 'J']),
                "{w} → {key}"
            );
        }
    }
}
