//! East Asian personal names: the Korean and Chinese surnames of the
//! packs compiled with an ASCII prefilter ([`Surnames`], [`may_be_surname`],
//! [`surname_group`]), the parse of a
//! surname and a given name ([`parse_ea`], [`Ea`]) and its folded key
//! ([`ea_key`], [`reading_key`]), and the names automatic detection finds
//! ([`detect_names`]).

use std::collections::{BTreeMap, HashMap};

use super::fold::{fold_basic, fold_korean, is_syllables, western_candidate, western_key};
use super::form_table::{Bitmap, PrefixBuild};
use super::tuning::{surname_key, Lexicon};
use crate::words::{hash_bits, is_capitalized, letter_bits, pack, Tok, Word};

/// The Korean and Chinese surnames of a [`Tuning`](super::Tuning),
/// compiled once: each spelling's group, and an ASCII prefilter.
#[derive(Debug, Clone)]
pub(super) struct Surnames {
    /// Spelling (lower case, apostrophes removed) → (group, Korean?), the
    /// group an index into `groups`.
    table: HashMap<String, (u32, bool)>,
    /// A Korean group is its surnames' first Hangul (surnames that share a
    /// spelling are one group); a Chinese one, its spelling.
    groups: Vec<String>,
    /// The ASCII spellings of `table`, for the lookups at capitalized words.
    pub(super) ascii: AsciiSurnames,
}

impl Surnames {
    /// Compile `korean` (Hangul → spellings) and `chinese` (spellings). A
    /// spelling in both is Chinese.
    pub(super) fn new(korean: &BTreeMap<String, Vec<String>>, chinese: &[String]) -> Surnames {
        // Surnames that share a spelling are one group: a union-find over
        // the Hangul surnames, in order (a group's name is its first).
        let hangul: Vec<&String> = korean.keys().collect();
        let mut parent: Vec<usize> = (0..hangul.len()).collect();
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut first_owner: HashMap<String, usize> = HashMap::new();
        for (i, spellings) in korean.values().enumerate() {
            for s in spellings {
                let owner = *first_owner.entry(surname_key(s)).or_insert(i);
                let (a, b) = (root(&mut parent, owner), root(&mut parent, i));
                // (The smaller index is the root: the group's first surname.)
                parent[a.max(b)] = a.min(b);
            }
        }
        let mut groups: Vec<String> = Vec::new();
        let mut group_of_root: HashMap<usize, u32> = HashMap::new();
        let mut table = HashMap::new();
        for (i, spellings) in korean.values().enumerate() {
            let r = root(&mut parent, i);
            let g = *group_of_root.entry(r).or_insert_with(|| {
                groups.push(hangul[r].clone());
                (groups.len() - 1) as u32
            });
            for s in spellings {
                table.insert(surname_key(s), (g, true));
            }
        }
        // Chinese last, so that a spelling in both lists is Chinese.
        for s in chinese {
            let key = surname_key(s);
            groups.push(key.clone());
            table.insert(key, ((groups.len() - 1) as u32, false));
        }
        let ascii = AsciiSurnames::new(&table);
        Surnames {
            table,
            groups,
            ascii,
        }
    }

    /// The shipped packs' surnames (for tests).
    #[cfg(test)]
    pub(super) fn shipped() -> &'static Surnames {
        &super::tuning::Lexicon::shipped().surnames
    }

    /// Every spelling, as the table keys it.
    #[cfg(test)]
    fn spellings(&self) -> impl Iterator<Item = &String> {
        self.table.keys()
    }

    /// The group and Korean flag of a table value.
    fn group(&self, (g, korean): (u32, bool)) -> (&str, bool) {
        (&self.groups[g as usize], korean)
    }
}

/// ASCII spellings of a [`Surnames`] table, packed into a `u64` (at most
/// eight bytes): the lookup runs for every capitalized short word of a draft.
#[derive(Debug, Clone)]
pub(super) struct AsciiSurnames {
    /// Bit [`short_key_bit`] of each ASCII spelling's [`short_key`]: most
    /// capitalized words are rejected here before [`parse_ea`] starts.
    pub(super) keys: Bitmap<1024>,
    /// Bit `26 * a + b` is set when a spelling (of the whole table) starts
    /// with letters `a b` (0-based): most capitalized words are rejected
    /// here, unhashed.
    pairs: Bitmap<16>,
    table: HashMap<u64, (u32, bool), PrefixBuild>,
}

impl AsciiSurnames {
    fn new(all: &HashMap<String, (u32, bool)>) -> AsciiSurnames {
        let mut pairs = Bitmap::<16>::default();
        let mut keys = Bitmap::<1024>::default();
        let mut table = HashMap::default();
        for (k, &v) in all {
            // (Every spelling's pair, so that the test holds for any word.)
            if let Some(p) = letter_pair(k.as_bytes()) {
                pairs.insert(p);
            }
            if k.is_ascii() && k.len() <= 8 {
                table.insert(pack(k.bytes()), v);
                if let Some(key) = short_key(k.as_bytes(), 0, k.len()) {
                    keys.insert(short_key_bit(key));
                }
            }
        }
        AsciiSurnames { keys, pairs, table }
    }
}

fn letter_pair(b: &[u8]) -> Option<usize> {
    match b {
        [x, y, ..] if x.is_ascii_alphabetic() && y.is_ascii_alphabetic() => Some(
            usize::from(x.to_ascii_lowercase() - b'a') * 26
                + usize::from(y.to_ascii_lowercase() - b'a'),
        ),
        _ => None,
    }
}

/// `b[start..end]` lowercased in a `u64` (first byte lowest) when it is one
/// to eight ASCII letters.
#[inline]
fn short_key(b: &[u8], start: usize, end: usize) -> Option<u64> {
    const HI: u64 = 0x8080_8080_8080_8080;
    let n = end - start;
    if n == 0 || n > 8 {
        return None;
    }
    let x = match b.get(start..start + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        None => {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&b[start..end]);
            u64::from_le_bytes(buf)
        }
    };
    let mask = u64::MAX >> (64 - 8 * n);
    (letter_bits(x) & mask == HI & mask).then_some((x | 0x2020_2020_2020_2020) & mask)
}

/// A bit of [`AsciiSurnames::keys`] for a [`short_key`].
#[inline(always)]
pub(super) fn short_key_bit(key: u64) -> usize {
    hash_bits(key, 16)
}

/// Whether the word `b[start..end]` may be a surname: false only when it is
/// one to eight ASCII letters (or longer than eight bytes) and no spelling
/// has its key bit, when [`surname_group`] finds nothing either.
#[inline]
pub(super) fn may_be_surname(surnames: &Surnames, b: &[u8], start: usize, end: usize) -> bool {
    if end - start > 8 {
        return false;
    }
    let Some(key) = short_key(b, start, end) else {
        return true;
    };
    surnames.ascii.keys.contains(short_key_bit(key))
}

/// The group of the surname `token` and whether it is Korean, when it is a
/// surname of the table.
pub(super) fn surname_group<'s>(surnames: &'s Surnames, token: &str) -> Option<(&'s str, bool)> {
    // Surnames are short: skip the lookup for anything longer.
    if token.len() > 8 {
        return None;
    }
    let ascii = &surnames.ascii;
    // Two letters first (`O'…` and one-letter words go on to the table).
    if let Some(p) = letter_pair(token.as_bytes()) {
        if !ascii.pairs.contains(p) {
            return None;
        }
    }
    if token.is_ascii() {
        let key = pack(
            token
                .bytes()
                .filter(|&c| c != b'\'')
                .map(|c| c.to_ascii_lowercase()),
        );
        return ascii.table.get(&key).map(|&v| surnames.group(v));
    }
    surnames
        .table
        .get(&surname_key(token))
        .map(|&v| surnames.group(v))
}

fn pinyin_like(given_folded: &str) -> bool {
    let b = given_folded.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'x' | b'q' | b'z' | b'f' | b'v') || (c == b'c' && b.get(i + 1) != Some(&b'h'))
    })
}

fn ea_key(lex: &Lexicon, group: &str, korean: bool, given_parts: &[&str]) -> String {
    let mut given = String::new();
    for p in given_parts {
        given.push_str(&fold_basic(p));
    }
    let given = if korean && !pinyin_like(&given) {
        fold_korean(&given, &lex.korean_steps)
    } else {
        given
    };
    // (Not `format!`: keys are built for every name of the table.)
    let mut key = String::with_capacity(3 + group.len() + given.len());
    for part in ["E:", group, "|", &given] {
        key.push_str(part);
    }
    key
}

/// Folded key of a reading such as `Yun Seok-yeol` (surname need not be in
/// the surname lists).
pub(super) fn reading_key(lex: &Lexicon, reading: &str) -> Option<String> {
    let mut it = reading.splitn(2, ' ');
    let surname = it.next()?;
    let given = it.next()?.trim();
    if given.is_empty() {
        return None;
    }
    let folded;
    let (group, korean) = match surname_group(&lex.surnames, surname) {
        Some(g) => g,
        None => {
            folded = fold_basic(surname);
            (folded.as_str(), true)
        }
    };
    let parts: Vec<&str> = given.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    Some(ea_key(lex, group, korean, &parts))
}

/// The words of `text` ([`Word::letters`]).
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    Word::letters().iter(text).collect()
}

/// Two words in one name: separated by one space, the first without a
/// possessive.
fn joined(text: &str, a: &Tok, b: &Tok) -> bool {
    a.core_end == a.end && matches!(&text[a.end..b.start], " " | "\u{a0}")
}

/// The word after `a` when one space separates them (the only case in which
/// [`joined`] holds).
fn joined_next(text: &str, a: &Tok) -> Option<Tok> {
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
        .filter(|&c| Word::letters().is_char(c))
        .map(|_| Word::letters().at(text, a.end + gap))
}

/// Whether the word before `t0` is joined to it and ends in a glued
/// surname (`ofKim Jong Un`); see [`parse_ea`].
fn camel_before(surnames: &Surnames, text: &str, t0: &Tok) -> bool {
    let before = &text[..t0.start];
    let gap_start = if before.ends_with(' ') {
        t0.start - 1
    } else if before.ends_with('\u{a0}') {
        t0.start - 2
    } else {
        return false;
    };
    // Common case: no word ends at the gap, or an all-lowercase ASCII one.
    let b = text.as_bytes();
    let mut r = gap_start;
    while r > 0 && b[r - 1].is_ascii_lowercase() {
        r -= 1;
    }
    let word = Word::letters();
    if r == 0 || word.separates(b[r - 1]) {
        return false;
    }
    // Otherwise lex the words from the last character no word contains.
    let mut r = word.run_before(text, gap_start);
    let mut prev = None;
    while let Some(t) = word.next(text, r).filter(|t| t.start < gap_start) {
        r = t.end;
        prev = Some(t);
    }
    prev.is_some_and(|p| {
        joined(text, &p, t0) && camel_surname(surnames, &text[p.start..p.core_end])
    })
}

/// A word ending in a surname glued after lowercase letters (`ComradeKim`).
fn camel_surname(surnames: &Surnames, word: &str) -> bool {
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower && surname_group(surnames, &word[i..]).is_some() {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

#[derive(Debug, PartialEq, Eq)]
pub(super) struct Ea {
    /// Words in the name.
    pub(super) ntoks: usize,
    /// End of its last word, possessive included.
    pub(super) resume: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) key: String,
}

/// An East Asian personal name starting at token `i`: a known surname and a
/// given name written hyphenated (`Dong-hyuk`), as two one-syllable words
/// (`Dong Hyuk`) or as one word of one or two syllables (`Sangmok`).
pub(super) fn parse_ea(lex: &Lexicon, text: &str, toks: &[Tok], i: usize) -> Option<Ea> {
    let t0 = *toks.get(i)?;
    let camel = || {
        i > 0
            && joined(text, &toks[i - 1], &t0)
            && camel_surname(
                &lex.surnames,
                &text[toks[i - 1].start..toks[i - 1].core_end],
            )
    };
    parse_ea_with(lex, text, t0, camel, |_, k| toks.get(i + k).copied())
}

/// [`parse_ea`] on the draft itself, without a token list.
#[inline]
pub(super) fn parse_ea_at(lex: &Lexicon, text: &str, t0: Tok) -> Option<Ea> {
    // The next word must follow after one space (or no-break space) and
    // start with a capital (or a character that is not ASCII), and the word
    // have no possessive: most surname-like words (`Song`, `Moon`) stop
    // here, before any lookup.
    let b = text.as_bytes();
    let next_capital = match b.get(t0.end..).unwrap_or_default() {
        [b' ', c, ..] => c.is_ascii_uppercase() || *c >= 0x80,
        [0xc2, 0xa0, ..] => true,
        _ => false,
    };
    if !next_capital || t0.core_end != t0.end {
        return None;
    }
    parse_ea_with(
        lex,
        text,
        t0,
        || camel_before(&lex.surnames, text, &t0),
        |t, _| joined_next(text, t),
    )
}

/// [`parse_ea`] given `camel()`, whether the word before `t0` ends in a
/// glued surname, and `next(t, k)`, the word after `t` (the `k`-th after
/// `t0`). `next` may answer `None` for a word that is not [`joined`] to `t`.
fn parse_ea_with(
    lex: &Lexicon,
    text: &str,
    t0: Tok,
    camel: impl FnOnce() -> bool,
    next: impl Fn(&Tok, usize) -> Option<Tok>,
) -> Option<Ea> {
    let s0 = &text[t0.start..t0.core_end];
    // Surnames are at most eight bytes: most words stop here. (Byte tests:
    // these strings are short, a `memchr` costs more.)
    if s0.len() > 8 || !is_capitalized(s0) || s0.bytes().any(|c| c == b'-') {
        return None;
    }
    let (group, korean) = surname_group(&lex.surnames, s0)?;
    // `ofKim Jong Un`: `Jong Un` is not a name of its own.
    if camel() {
        return None;
    }
    let t1 = next(&t0, 1)?;
    if !joined(text, &t0, &t1) {
        return None;
    }
    let s1 = &text[t1.start..t1.core_end];
    if !is_capitalized(s1) {
        return None;
    }
    let mk = |last: &Tok, ntoks: usize, parts: &[&str]| Ea {
        ntoks,
        resume: last.end,
        start: t0.start,
        end: last.core_end,
        key: ea_key(lex, group, korean, parts),
    };
    if s1.as_bytes().contains(&b'-') {
        let parts: Vec<&str> = s1.split('-').collect();
        if (2..=3).contains(&parts.len()) && parts.iter().all(|p| is_syllables(p, 1)) {
            return Some(mk(&t1, 2, &parts));
        }
        return None;
    }
    if is_syllables(s1, 1) {
        if let Some(t2) = next(&t1, 2) {
            let s2 = &text[t2.start..t2.core_end];
            if joined(text, &t1, &t2)
                && is_capitalized(s2)
                && !s2.as_bytes().contains(&b'-')
                && is_syllables(s2, 1)
                && !s2.chars().all(char::is_uppercase)
            {
                return Some(mk(&t2, 3, &[s1, s2]));
            }
        }
    }
    if is_syllables(s1, 2) && !s1.chars().all(char::is_uppercase) {
        return Some(mk(&t1, 2, &[s1]));
    }
    None
}

/// A name-shaped word sequence found without the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectedName {
    pub start: usize,
    pub end: usize,
    /// East Asian surname + given name (else a single accented or
    /// Slavic-ending word).
    pub east_asian: bool,
    /// The folded comparison key: equal keys are treated as one name.
    pub key: String,
}

/// Every name-shaped sequence that automatic detection compares.
pub(super) fn detect_names(lex: &Lexicon, text: &str) -> Vec<DetectedName> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(ea) = parse_ea(lex, text, &toks, i) {
            out.push(DetectedName {
                start: ea.start,
                end: ea.end,
                east_asian: true,
                key: ea.key,
            });
            i += ea.ntoks;
            continue;
        }
        let t = toks[i];
        let core = &text[t.start..t.core_end];
        if western_candidate(core) {
            out.push(DetectedName {
                start: t.start,
                end: t.core_end,
                east_asian: false,
                key: western_key(core),
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::english::word_lines;
    use super::super::tests::random_drafts;
    use super::*;

    fn lex() -> &'static Lexicon {
        Lexicon::shipped()
    }

    #[test]
    fn ea_keys() {
        let key = |s: &str| {
            let toks = tokenize(s);
            parse_ea(lex(), s, &toks, 0).map(|e| e.key)
        };
        assert_eq!(key("Hwang Dong-hyuk"), key("Hwang Dong Hyuk"));
        assert_eq!(key("Choi Sang-mok"), key("Choi Sangmok"));
        assert_eq!(key("Park Geun-hye"), key("Pak Kun-hye"));
        assert_eq!(key("Kim Jong Un"), key("Kim Jong-un"));
        assert_ne!(key("Kim Jong Un"), key("Kim Jong Il"));
        assert_ne!(key("Lee Jae-myung"), key("Lee Jae-yong"));
        assert_eq!(key("North Korea"), None);
        assert_eq!(key("Park Avenue"), None);
        assert_eq!(key("Song Contest"), None);
        // Surnames that share a spelling are one (리 and 이: `Ri`, `Lee`).
        assert_eq!(key("Ri Son Gwon"), key("Lee Son-gwon"));
        assert_eq!(key("Rhee Son-gwon"), key("Lee Son-gwon"));
        // 오 is a surname (`Oh Se-hoon`); 류 and 유, 전 and 천 are two.
        assert_eq!(key("Oh Se-hoon"), key("Oh Sehoon"));
        assert!(key("Oh Se-hoon").is_some());
        assert_ne!(key("Ryu Hyun-jin"), key("Yu Hyun-jin"));
        assert_ne!(key("Chun Doo-hwan"), key("Cheon Doo-hwan"));
        // A spelling that is also Chinese is Chinese: its given name is
        // not folded as Korean (`Wang Jian` is not `Wang Chian`).
        assert_ne!(key("Wang Jian"), key("Wang Chian"));
    }

    #[test]
    fn surname_prefilter_never_rejects_a_surname() {
        let mut words: Vec<String> = word_lines().lines().map(str::to_string).collect();
        let surnames = Surnames::shipped();
        for s in surnames.spellings() {
            let mut c = s.chars();
            let first: String = c.next().into_iter().flat_map(char::to_uppercase).collect();
            words.push(format!("{first}{}", c.as_str()));
            words.push(s.to_uppercase());
            words.push(s.clone());
        }
        words.extend(["O'Neill", "Ch'oe", "Kwŏn", "A", "Lee-", "Xi"].map(String::from));
        let mut rejected = 0;
        for w in &words {
            // Padded on both sides: the key may be read past the word.
            let text = format!("{w} said");
            if !may_be_surname(surnames, text.as_bytes(), 0, w.len()) {
                rejected += 1;
                assert_eq!(surname_group(surnames, w), None, "{w}");
            }
            let text = format!("x {w}");
            assert_eq!(
                may_be_surname(surnames, text.as_bytes(), 2, text.len()),
                may_be_surname(surnames, format!("{w} said").as_bytes(), 0, w.len()),
                "{w}"
            );
        }
        // The filter does its job: nearly every English word is rejected.
        assert!(
            rejected * 10 > words.len() * 9,
            "{rejected} of {}",
            words.len()
        );
    }

    /// The walk's East Asian parse, on the draft, agrees with the parse on
    /// a token list (the one [`detect_names`] uses).
    #[test]
    fn east_asian_parse_on_the_draft_matches_the_token_list() {
        let mut parsed = 0;
        for text in random_drafts(3000) {
            let toks = tokenize(&text);
            for (i, t) in toks.iter().enumerate() {
                let want = parse_ea(lex(), &text, &toks, i);
                parsed += usize::from(want.is_some());
                assert_eq!(parse_ea_at(lex(), &text, *t), want, "{text} @{}", t.start);
            }
        }
        assert!(parsed > 1000, "{parsed}");
    }
}
