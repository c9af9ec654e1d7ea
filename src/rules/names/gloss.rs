//! `gloss-mismatch`: a Hangul gloss on a Korean personal name that reads as
//! someone else's name (`President Yoon Suk Yeol (김정은) met …`).
//!
//! A gloss is the Hangul in parentheses right after a name ([`hangul_gloss`]:
//! `(윤석열)`, `(Korean: 윤석열)`, `(김정은 위원장)`). The words before it are
//! compared with it as a surname and a given name, in either order
//! (`Yoon Suk Yeol`, `Syngman Rhee`), leniently: the surname by the packs'
//! spellings (`Lee`, `Yi`, `Rhee` for 이) or syllable by syllable, the given
//! name syllable by syllable under Revised Romanization, McCune–Reischauer
//! and the spellings owners choose (`Suk` for 석, `Kyuk` for 격, `Young` for
//! 영, `Syng` for 승), with or without hyphens and spaces ([`Syllable`]).
//!
//! Flagged only when the words before the gloss are shaped like a Korean
//! personal name (a Korean surname of the packs and given-name words made of
//! romanized syllables, none a long English word: `Nam Mountain` is no
//! name), the gloss is shaped like one (two to four syllables), and no
//! reading of the gloss matches any way of reading the words. Organisations
//! and places (`Samsung Electronics (삼성전자)`, `Han River (한강)`) are no
//! personal names and pass.

use std::collections::HashSet;

use super::context::hangul_gloss;
use super::east_asian::surname_group;
use super::fold::{fold_basic, is_syllables};
use super::tuning::{surname_key, Lexicon};
use super::NameIndex;
use crate::diagnostic::{Finding, Span};
use crate::hangul::{decompose, name_readings, split_name};

/// The most words before a gloss that can be a name.
const MAX_WORDS: usize = 4;

/// A given-name word of at least this many letters that is an English word
/// is no name part (`Mountain`, `Square`, `University`).
const ENGLISH_PART: usize = 6;

/// `gloss-mismatch` over `text`: a finding at each gloss whose reading is
/// not the name before it. Spellings and glosses on `accept` pass.
pub fn check(text: &str, index: &NameIndex, accept: &HashSet<String>) -> Vec<Finding> {
    let lex = index.lexicon();
    let mut out = Vec::new();
    for (open, _) in text.match_indices(['(', '（']) {
        let Some(gloss) = hangul_gloss(lex, text, open) else {
            continue;
        };
        let start = gloss.as_ptr() as usize - text.as_ptr() as usize;
        let span = Span::new(start, start + gloss.len());
        let names = gloss_names(gloss, lex);
        if names.is_empty() || accept.contains(gloss) {
            continue;
        }
        let words = words_before(text, open);
        let Some(shaped) = mismatch(text, &words, &names, lex) else {
            continue;
        };
        let (name_start, name_end) = shaped;
        let written = &text[name_start..name_end];
        if accept.contains(written) {
            continue;
        }
        let reading = reading_of(index, &names[0]);
        let message = format!("the gloss {gloss} reads {reading}, not {written}");
        out.push(
            Finding::new(span, message)
                .with_label(Span::new(name_start, name_end), "the name glossed"),
        );
    }
    out
}

/// A name of the gloss: its Hangul, surname and given name.
struct GlossName {
    hangul: String,
    surname: String,
    given: String,
}

/// The personal names a gloss may be: the whole of it (`선우 용녀`), or one
/// of its words (`김정은 위원장`), of two to four syllables.
fn gloss_names(gloss: &str, lex: &Lexicon) -> Vec<GlossName> {
    let mut out = Vec::new();
    let words: Vec<&str> = gloss.split_whitespace().collect();
    let mut wholes = words.clone();
    if words.len() == 2 {
        wholes.insert(0, gloss);
    }
    for w in wholes {
        let syllables = w.chars().filter(|c| !c.is_whitespace()).count();
        if !(2..=4).contains(&syllables) {
            continue;
        }
        if let Some((surname, given)) = split_name(w, &lex.hangul) {
            out.push(GlossName {
                hangul: w.to_string(),
                surname,
                given,
            });
        }
    }
    out
}

/// A capitalised word before a gloss: its span.
type Words = Vec<(usize, usize)>;

/// Up to [`MAX_WORDS`] capitalised words right before the bracket at
/// `open`, one space apart, in order.
fn words_before(text: &str, open: usize) -> Words {
    let mut end = open;
    let head = text[..open].trim_end_matches([' ', '\u{a0}']);
    if head.len() == open {
        return Vec::new();
    }
    let mut words: Words = Vec::new();
    end = end.min(head.len());
    while words.len() < MAX_WORDS {
        let before = &text[..end];
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            .last()
            .map_or(end, |(i, _)| i);
        let word = &text[start..end];
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        words.push((start, end));
        match text[..start].strip_suffix([' ', '\u{a0}']) {
            Some(rest) if !rest.ends_with([' ', '\u{a0}']) => end = rest.len(),
            _ => break,
        }
    }
    words.reverse();
    words
}

/// When no reading of the words matches a name of the gloss but some way
/// of reading them is a Korean personal name: that name's span (the
/// longest).
fn mismatch(
    text: &str,
    words: &Words,
    names: &[GlossName],
    lex: &Lexicon,
) -> Option<(usize, usize)> {
    let m = words.len();
    let mut shaped = None;
    for k in 2..=m {
        let ws: Vec<&str> = words[m - k..].iter().map(|&(s, e)| &text[s..e]).collect();
        // Surname first (`Yoon Suk Yeol`) or last (`Syngman Rhee`).
        for (surname, given) in [(ws[0], &ws[1..]), (ws[k - 1], &ws[..k - 1])] {
            if names.iter().any(|n| reads_as(surname, given, n, lex)) {
                return None;
            }
            if shaped_name(surname, given, lex) {
                shaped = Some((words[m - k].0, words[m - 1].1));
            }
        }
    }
    shaped
}

/// Whether `surname` and `given` are shaped like a Korean personal name.
fn shaped_name(surname: &str, given: &[&str], lex: &Lexicon) -> bool {
    // A Korean surname of the packs, or a spelling of one syllable by
    // syllable (`Chey`, `Yook`); a Chinese one is no Korean name (`Li Qiang`).
    let korean = match surname_group(&lex.surnames, surname) {
        Some((_, korean)) => korean,
        None => {
            let folded = fold_basic(&surname_key(surname));
            lex.hangul
                .conventional
                .keys()
                .any(|h| syllables_match(&folded, h))
        }
    };
    korean
        && given.len() <= 2
        && given.iter().all(|g| {
            let lower = g.to_lowercase();
            // (`Kyu-hah`, `Duck-soo`: hyphenated syllables are a given name.)
            let hyphenated = g.contains('-')
                && g.split('-')
                    .all(|p| (1..=6).contains(&p.len()) && p.is_ascii());
            hyphenated
                || is_syllables(g, 3)
                    && !lex.is_person_title(g)
                    && !(g.len() >= ENGLISH_PART
                        && !g.contains('-')
                        && super::is_english_word(&lower))
        })
}

/// Whether `surname` and `given` may be a way of writing the gloss `name`.
fn reads_as(surname: &str, given: &[&str], name: &GlossName, lex: &Lexicon) -> bool {
    let given = fold_basic(&given.concat());
    surname_matches(surname, &name.surname, lex) && syllables_match(&given, &name.given)
}

/// Whether the Latin `word` writes the Hangul surname `hangul`: one of the
/// packs' spellings of it or of a surname that shares one (리 and 이), or
/// syllable by syllable.
fn surname_matches(word: &str, hangul: &str, lex: &Lexicon) -> bool {
    let folded = fold_basic(&surname_key(word));
    let spellings = lex.hangul.conventional.get(hangul);
    if spellings
        .into_iter()
        .flatten()
        .any(|s| fold_basic(&surname_key(s)) == folded)
    {
        return true;
    }
    let group = surname_group(&lex.surnames, word);
    if group.is_some()
        && spellings
            .into_iter()
            .flatten()
            .any(|s| surname_group(&lex.surnames, s) == group)
    {
        return true;
    }
    syllables_match(&folded, hangul)
}

/// The Latin spellings of each initial consonant (ㄱ … ㅎ), lower-case
/// ASCII: Revised Romanization, McCune–Reischauer without apostrophes, and
/// the spellings owners choose.
const INITIALS: [&[&str]; 19] = [
    &["g", "k"],
    &["kk", "gg", "k", "g"],
    &["n"],
    &["d", "t"],
    &["tt", "dd", "t", "d"],
    &["r", "l", "n", ""],
    &["m"],
    &["b", "p"],
    &["pp", "bb", "p", "b"],
    &["s", "sh"],
    &["ss", "s", "sh"],
    &[""],
    &["j", "ch"],
    &["jj", "tch", "ch", "j"],
    &["ch", "c"],
    &["k", "kh"],
    &["t", "th"],
    &["p", "ph", "f"],
    &["h"],
];

/// The spellings of each vowel (ㅏ … ㅣ).
const VOWELS: [&[&str]; 21] = [
    &["a", "ah"],
    &["ae", "ai", "e", "ay"],
    &["ya"],
    &["yae", "ye"],
    &["eo", "o", "u", "eu", "uh"],
    &["e", "ae", "ye"],
    &["yeo", "yo", "yu", "you", "yeu", "yuh"],
    &["ye", "e"],
    &["o", "oh"],
    &["wa", "oa"],
    &["wae", "wai"],
    &["oe", "oi", "we", "wi", "ey", "oy"],
    &["yo"],
    &["u", "oo", "ou"],
    &["wo", "weo", "wu"],
    &["we"],
    &["wi", "wee", "ui"],
    &["yu", "yoo", "you"],
    &["eu", "u", "e", "y", "oo", "eo"],
    &["ui", "eui", "i", "ee", "ei"],
    &["i", "ee", "ie", "yi"],
];

/// ㅜ after a silent initial: `woo` (`Roh Tae-woo`, `Park Chan-wook`).
const SILENT_U: [&str; 2] = ["woo", "wu"];

/// The spellings of each final (none, ㄱ … ㅎ), by its sound.
fn finals(t: usize) -> &'static [&'static str] {
    match t {
        0 => &[""],
        1 | 2 | 3 | 9 | 24 => &["k", "g", "ck", "c"],
        4..=6 => &["n"],
        8 | 11..=13 | 15 => &["l", "r", "ll"],
        10 | 16 => &["m"],
        14 | 17 | 18 | 26 => &["p", "b"],
        21 => &["ng"],
        _ => &["t", "d", "s"],
    }
}

/// Whether the folded Latin `latin` (lower-case letters) writes the Hangul
/// syllables `hangul`, one after another.
fn syllables_match(latin: &str, hangul: &str) -> bool {
    let b = latin.as_bytes();
    if b.is_empty() || b.len() >= 64 || !latin.is_ascii() {
        return false;
    }
    // The positions reached, as bits.
    let mut at: u64 = 1;
    for c in hangul.chars() {
        let Some(parts) = decompose(c) else {
            return false;
        };
        let mut next = 0u64;
        let mut rest = at;
        while rest != 0 {
            let p = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            syllable_ends(b, p, parts, &mut |e| next |= 1 << e);
        }
        if next == 0 {
            return false;
        }
        at = next;
    }
    // (An owner's spelling may end in a silent `e`: `Paik Nam-june`.)
    at & (1 << b.len()) != 0
        || (b.len() > 1 && b[b.len() - 1] == b'e' && at & (1 << (b.len() - 1)) != 0)
}

/// Each end of a spelling of the syllable `(l, v, t)` in `b` from `p`.
fn syllable_ends(b: &[u8], p: usize, (l, v, t): (usize, usize, usize), end: &mut dyn FnMut(usize)) {
    let from = |i: usize, s: &str| b[i..].starts_with(s.as_bytes()).then(|| i + s.len());
    let extra: &[&str] = if l == 11 && v == 13 { &SILENT_U } else { &[] };
    let mut vowel_ends = |r: usize| {
        for e in finals(t).iter().filter_map(|s| from(r, s)) {
            if e < 64 {
                end(e);
            }
        }
    };
    for q in INITIALS[l].iter().filter_map(|s| from(p, s)) {
        for r in VOWELS[v].iter().chain(extra).filter_map(|s| from(q, s)) {
            vowel_ends(r);
        }
    }
    // ㅎ before a w-vowel may be written after the `w`: `Kyung-wha`.
    if l == 18 {
        for w in VOWELS[v].iter().filter_map(|s| s.strip_prefix('w')) {
            if let Some(r) = from(p, "wh").and_then(|q| from(q, w)) {
                vowel_ends(r);
            }
        }
    }
}

/// How the gloss reads: the entity whose native name it is, else the
/// surname's first spelling of the packs with the Revised Romanization of
/// the given name (`Kim Jeong-eun`).
fn reading_of(index: &NameIndex, name: &GlossName) -> String {
    if let Some(e) = index.entity_of_native(&name.hangul) {
        return index.entities()[e].name.clone();
    }
    let lex = index.lexicon();
    let readings = name_readings(&name.hangul, &lex.hangul);
    let Some(first) = readings.first() else {
        return name.hangul.clone();
    };
    let given = first.split_once(' ').map_or("", |(_, g)| g);
    match lex
        .hangul
        .conventional
        .get(&name.surname)
        .and_then(|s| s.first())
    {
        Some(s) => format!("{s} {given}"),
        None => first.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> &'static NameIndex {
        static INDEX: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| {
            NameIndex::build(&[], &super::super::Tuning::shipped()).expect("an index")
        })
    }

    fn messages(text: &str) -> Vec<String> {
        check(text, index(), &HashSet::new())
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    /// Sentences written for this test.
    #[test]
    fn a_gloss_that_names_someone_else_is_flagged() {
        assert_eq!(
            messages("President Yoon Suk Yeol (김정은) met NATO leaders."),
            ["the gloss 김정은 reads Kim Jeong-eun, not Yoon Suk Yeol"]
        );
        assert_eq!(
            messages("Kim Jong-un (Korean: 김정일) spoke.").len(),
            1,
            "one syllable differs"
        );
        assert_eq!(messages("Kim Jong Un (김정일 위원장) spoke.").len(), 1);
    }

    #[test]
    fn glosses_in_every_romanization_pass() {
        for ok in [
            "President Yoon Suk Yeol (윤석열) met NATO leaders.",
            "Syngman Rhee (이승만) was the first president.",
            "Park Geun-hye (박근혜) was pardoned.",
            "Pak Kun-hye (박근혜) and Pak Kŭn-hye (박근혜) too.",
            "SK chairman Chey Tae-won (최태원) met Shin Kyuk-ho (신격호).",
            "Kim Young-sam (김영삼), Roh Tae-woo (노태우), Kang Kyung-wha (강경화).",
            "Kim Jong Un (김정은 위원장) spoke; Sunwoo Yong-nyeo (선우 용녀) sang.",
            "Youn Yuh-jung (윤여정) and Paik Nam-june (백남준).",
        ] {
            assert!(messages(ok).is_empty(), "{ok}: {:?}", messages(ok));
        }
    }

    #[test]
    fn organisations_places_and_foreign_names_are_not_compared() {
        for ok in [
            "Samsung Electronics (삼성전자) and BTS (방탄소년단) said.",
            "The Han River (한강) and Nam Mountain (남산) are in Seoul.",
            "Kim Il Sung Square (김일성광장) was full.",
            "Chinese premier Li Qiang (리창) and Wang Yi (왕이) arrived.",
            "Moon (문재인) spoke.",
        ] {
            assert!(messages(ok).is_empty(), "{ok}: {:?}", messages(ok));
        }
    }

    #[test]
    fn accepted_spellings_pass() {
        let accept: HashSet<String> = ["김정은".to_string()].into();
        let text = "President Yoon Suk Yeol (김정은) met NATO leaders.";
        assert!(check(text, index(), &accept).is_empty());
    }

    #[test]
    fn syllables_under_several_systems() {
        assert!(syllables_match("sukyeol", "석열"));
        assert!(syllables_match("sokyol", "석열"));
        assert!(syllables_match("seokyeol", "석열"));
        assert!(!syllables_match("jongun", "석열"));
        assert!(syllables_match("jongun", "정은"));
        assert!(!syllables_match("jongil", "정은"));
        assert!(syllables_match("syngman", "승만"));
    }
}
