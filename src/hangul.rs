//! Hangul syllable arithmetic and romanization.
//!
//! This module lets copydesk show an editor what a Korean token is
//! (Revised Romanization and McCune–Reischauer, syllable by syllable) and
//! produce the Latin spellings of a Korean personal name that editors meet in
//! news copy.
//!
//! Everything here is implemented from the Unicode Hangul syllable formula
//! (`S = 0xAC00 + (L * 21 + V) * 28 + T`) and the published romanization
//! letter tables. The Latin spellings of surnames that are not computed
//! (`Lee`, `Park`), the two-syllable surnames and the McCune–Reischauer
//! exceptions come from the caller ([`Surnames`]: the packs'
//! `[options.names]`, which the name rules read too).
//!
//! Deliberate simplifications:
//!
//! * No sound-change rules between syllables (no liaison, nasalization,
//!   lateralization, aspiration, tensification): `석열` is `seokyeol`, not
//!   `seogyeol`. The one cross-syllable spelling rule applied in running text
//!   is that an initial ㄹ after a final ㄹ is written `l` (`ㄹㄹ` = `ll`, as
//!   in both RR and MR tables): `울릉` is `ulleung`.
//! * McCune–Reischauer voicing: inside a run of Hangul syllables, ㄱ ㄷ ㅂ ㅈ
//!   are written `g d b j` when the previous syllable ends in a vowel or in a
//!   voiced final (n, l, m, ng), and `k t p ch` otherwise (word-initially or
//!   after k, t, p). A final ㄴ before a voiced ㄱ gets the MR apostrophe
//!   (`n'g`). ㅅ is always `s` (no `sh` before `i`/`wi`).

use std::collections::HashMap;

/// First precomposed Hangul syllable, U+AC00 `가`.
const S_BASE: u32 = 0xAC00;
/// Number of initial consonants (choseong).
const L_COUNT: usize = 19;
/// Number of medial vowels (jungseong).
const V_COUNT: usize = 21;
/// Number of finals (jongseong), including "none".
const T_COUNT: usize = 28;
/// Syllables per initial consonant.
const N_COUNT: usize = V_COUNT * T_COUNT;
/// Total number of precomposed syllables.
const S_COUNT: usize = L_COUNT * N_COUNT;

/// Index of initial ㄹ.
const L_RIEUL: usize = 5;
/// Index of initial ㄴ.
const T_NIEUN: usize = 4;

/// Revised Romanization of the 19 initials.
const RR_INITIALS: [&str; L_COUNT] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];

/// Revised Romanization of the 21 medials.
const RR_MEDIALS: [&str; V_COUNT] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];

/// McCune–Reischauer of the 19 initials, voiceless (word-initial) values.
const MR_INITIALS: [&str; L_COUNT] = [
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'",
    "p'", "h",
];

/// McCune–Reischauer of the 21 medials.
const MR_MEDIALS: [&str; V_COUNT] = [
    "a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we",
    "wi", "yu", "ŭ", "ŭi", "i",
];

/// Syllable-final sound of the 28 finals (index 0 = no final); the same
/// letters serve RR and MR. Clusters take their representative sound.
const FINALS: [&str; T_COUNT] = [
    "",   // none
    "k",  // ㄱ
    "k",  // ㄲ
    "k",  // ㄳ
    "n",  // ㄴ
    "n",  // ㄵ
    "n",  // ㄶ
    "t",  // ㄷ
    "l",  // ㄹ
    "k",  // ㄺ
    "m",  // ㄻ
    "l",  // ㄼ
    "l",  // ㄽ
    "l",  // ㄾ
    "p",  // ㄿ
    "l",  // ㅀ
    "m",  // ㅁ
    "p",  // ㅂ
    "p",  // ㅄ
    "t",  // ㅅ
    "t",  // ㅆ
    "ng", // ㅇ
    "t",  // ㅈ
    "t",  // ㅊ
    "k",  // ㅋ
    "t",  // ㅌ
    "p",  // ㅍ
    "t",  // ㅎ
];

/// RR letters for the 30 modern compatibility consonants U+3131..=U+314E.
/// Simple consonants take their initial value (ㅇ, silent as an initial,
/// takes `ng`); clusters are spelled component by component.
const RR_COMPAT_CONSONANTS: [&str; 30] = [
    "g", "kk", "gs", "n", "nj", "nh", "d", "tt", "r", "lg", "lm", "lb", "ls", "lt", "lp", "lh",
    "m", "b", "pp", "bs", "s", "ss", "ng", "j", "jj", "ch", "k", "t", "p", "h",
];

/// MR letters for the 30 modern compatibility consonants U+3131..=U+314E.
const MR_COMPAT_CONSONANTS: [&str; 30] = [
    "k", "kk", "ks", "n", "nch", "nh", "t", "tt", "r", "lk", "lm", "lp", "ls", "lt'", "lp'", "lh",
    "m", "p", "pp", "ps", "s", "ss", "ng", "ch", "tch", "ch'", "k'", "t'", "p'", "h",
];

/// Approximate ASCII letters for the archaic compatibility jamo
/// U+3165..=U+318E (used by both schemes; neither RR nor MR defines them).
const ARCHAIC_COMPAT: [&str; 42] = [
    "nn", "nd", "ns", "nz", "lgs", "ld", "lbs", "lz", "lq", "mb", "ms", // U+3165..=U+316F
    "mz", "m", "bg", "bd", "bsg", "bsd", "bj", "bt", "v", "vv", "sg", "sn", "sd", "sb", "sj",
    "z", // U+3170..=U+317F
    "ngng", "ng", "ngs", "ngz", "f", "hh", "q", "yoya", "yoyae", "yoi", "yuyeo", "yuye", "yui",
    "a", "ae", // U+3180..=U+318E
];

/// The surname tables of [`name_readings`]: the packs' `[options.names]`
/// (`korean-surnames`, `two-syllable-surnames`, `mr-surnames`), the one
/// table the name rules read too.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Surnames {
    /// Hangul surname → the Latin spellings met in news copy (besides the
    /// RR and MR forms, which are computed).
    pub conventional: HashMap<String, Vec<String>>,
    /// The surnames of two syllables (`남궁`).
    pub two_syllable: Vec<String>,
    /// McCune–Reischauer surnames not romanized syllable by syllable
    /// (the traditional `Yi` for 이).
    pub mr: HashMap<String, String>,
}

/// Romanization scheme.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scheme {
    Rr,
    Mr,
}

/// True for precomposed Hangul syllables U+AC00..=U+D7A3.
pub fn is_syllable(c: char) -> bool {
    (c as u32).wrapping_sub(S_BASE) < S_COUNT as u32
}

/// Decompose a syllable into (initial index 0..19, medial index 0..21,
/// final index 0..28 where 0 = none). Returns `None` for anything that is
/// not a precomposed Hangul syllable.
pub fn decompose(c: char) -> Option<(usize, usize, usize)> {
    if !is_syllable(c) {
        return None;
    }
    let s = (c as u32 - S_BASE) as usize;
    Some((s / N_COUNT, (s % N_COUNT) / T_COUNT, s % T_COUNT))
}

#[cfg(test)]
/// Inverse of [`decompose`]: build the syllable from (initial, medial,
/// final) indices, or `None` if an index is out of range.
pub fn compose(initial: usize, medial: usize, final_: usize) -> Option<char> {
    if initial >= L_COUNT || medial >= V_COUNT || final_ >= T_COUNT {
        return None;
    }
    char::from_u32(S_BASE + ((initial * V_COUNT + medial) * T_COUNT + final_) as u32)
}

/// True if the string contains at least one precomposed Hangul syllable.
pub fn contains_hangul(s: &str) -> bool {
    s.chars().any(is_syllable)
}

/// Letter(s) for a compatibility jamo (U+3131..=U+318E) in the given scheme,
/// or `None` for other characters (and for the Hangul filler U+3164).
fn compat_jamo(c: char, scheme: Scheme) -> Option<&'static str> {
    let cp = c as u32;
    match cp {
        0x3131..=0x314E => {
            let i = (cp - 0x3131) as usize;
            Some(match scheme {
                Scheme::Rr => RR_COMPAT_CONSONANTS[i],
                Scheme::Mr => MR_COMPAT_CONSONANTS[i],
            })
        }
        0x314F..=0x3163 => {
            let i = (cp - 0x314F) as usize;
            Some(match scheme {
                Scheme::Rr => RR_MEDIALS[i],
                Scheme::Mr => MR_MEDIALS[i],
            })
        }
        0x3165..=0x318E => Some(ARCHAIC_COMPAT[(cp - 0x3165) as usize]),
        _ => None,
    }
}

/// Letters for initial `l`, given the final index of the preceding syllable
/// in the same run (`None` at the start of a word).
///
/// `ll`: apply the ㄹㄹ → `ll` spelling rule. MR voicing always applies when
/// `prev` is given.
fn initial_letters(scheme: Scheme, l: usize, prev: Option<usize>, ll: bool) -> &'static str {
    let prev_sound = prev.map(|t| FINALS[t]);
    if ll && l == L_RIEUL && prev_sound == Some("l") {
        return "l";
    }
    match scheme {
        Scheme::Rr => RR_INITIALS[l],
        Scheme::Mr => {
            let voiced_context = matches!(prev_sound, Some("" | "n" | "l" | "m" | "ng"));
            match (voiced_context, l) {
                (true, 0) => "g",
                (true, 3) => "d",
                (true, 7) => "b",
                (true, 12) => "j",
                _ => MR_INITIALS[l],
            }
        }
    }
}

/// Append one syllable in the given scheme.
fn push_syllable(
    out: &mut String,
    scheme: Scheme,
    (l, v, t): (usize, usize, usize),
    prev: Option<usize>,
    ll: bool,
) {
    out.push_str(initial_letters(scheme, l, prev, ll));
    out.push_str(match scheme {
        Scheme::Rr => RR_MEDIALS[v],
        Scheme::Mr => MR_MEDIALS[v],
    });
    out.push_str(FINALS[t]);
}

/// Romanize running text in the given scheme.
fn romanize(s: &str, scheme: Scheme) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    let mut prev: Option<usize> = None;
    for c in s.chars() {
        match decompose(c) {
            Some(parts) => {
                // MR separates n + voiced g with an apostrophe (n'g vs ng).
                if scheme == Scheme::Mr && prev == Some(T_NIEUN) && parts.0 == 0 {
                    out.push('\'');
                }
                push_syllable(&mut out, scheme, parts, prev, true);
                prev = Some(parts.2);
            }
            None => {
                prev = None;
                match compat_jamo(c, scheme) {
                    Some(letters) => out.push_str(letters),
                    None => out.push(c),
                }
            }
        }
    }
    out
}

/// Revised Romanization, syllable by syllable, lowercase, no sound-change
/// rules across syllables, for showing an editor what a token is:
/// `"커뮤니티"` → `"keomyuniti"`, `"김치"` → `"gimchi"`, `"서울"` → `"seoul"`.
///
/// Finals take their syllable-final value (k, n, t, l, m, p, ng; clusters by
/// their representative sound). The only cross-syllable rule is ㄹㄹ → `ll`.
/// Non-syllable characters (conjoining jamo, punctuation, Latin, …) pass
/// through unchanged; compatibility jamo (U+3131..=U+318E) get their RR
/// letter (clusters spelled component-wise, archaic letters approximated).
pub fn romanize_rr(s: &str) -> String {
    romanize(s, Scheme::Rr)
}

/// McCune–Reischauer with diacritics (`ŏ`, `ŭ`) and aspiration apostrophes,
/// syllable by syllable with no sound-change rules: `"김치"` → `"kimch'i"`.
///
/// Voicing is kept simple: within a run of Hangul syllables, ㄱ ㄷ ㅂ ㅈ are
/// `g d b j` after a vowel or a voiced final (n, l, m, ng) and `k t p ch`
/// word-initially or after k/t/p; `n'g` marks final ㄴ + initial ㄱ;
/// ㄹㄹ → `ll`. ㅅ is always `s`. Other characters are handled as in
/// [`romanize_rr`] (compatibility jamo get their MR letter).
pub fn romanize_mr(s: &str) -> String {
    romanize(s, Scheme::Mr)
}

/// Upper-case the first character of `s`.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Split a Korean personal name written in Hangul into (surname, given name).
///
/// The input may be written solid (`"윤석열"`) or with one space between
/// surname and given name (`"선우 용녀"`). Written solid, the surname is the
/// first syllable, except for the two-syllable surnames of `surnames`
/// (남궁, 황보, 제갈, …) when the name has at least three syllables.
/// Returns `None` unless the input consists of Hangul syllables (plus that
/// optional space) forming a surname and a non-empty given name.
pub fn split_name(hangul: &str, surnames: &Surnames) -> Option<(String, String)> {
    let parts: Vec<&str> = hangul.split_whitespace().collect();
    if parts.is_empty() || parts.len() > 2 || !parts.iter().all(|p| p.chars().all(is_syllable)) {
        return None;
    }
    if let [surname, given] = parts[..] {
        return Some((surname.to_string(), given.to_string()));
    }
    let syllables: Vec<char> = parts[0].chars().collect();
    if syllables.len() < 2 {
        return None;
    }
    let first_two: String = syllables[..2].iter().collect();
    let surname_len = if syllables.len() >= 3 && surnames.two_syllable.contains(&first_two) {
        2
    } else {
        1
    };
    Some((
        syllables[..surname_len].iter().collect(),
        syllables[surname_len..].iter().collect(),
    ))
}

/// McCune–Reischauer surname: computed, except where `surnames` has one
/// (the traditional MR `Yi` for 이).
fn mr_surname(surname: &str, surnames: &Surnames) -> String {
    match surnames.mr.get(surname) {
        Some(mr) => mr.clone(),
        None => capitalize(&romanize_mr(surname)),
    }
}

/// Given name romanized syllable by syllable and joined with hyphens,
/// first letter capitalized: `석열` → `Seok-yeol` (RR), `Sŏk-yŏl` (MR).
///
/// RR: each syllable independently (the hyphen blocks any cross-syllable
/// rule). MR: syllables after the first keep the MR name-voicing convention
/// (`대중` → `Tae-jung`).
fn given_name(given: &str, scheme: Scheme) -> String {
    let mut out = String::new();
    let mut prev: Option<usize> = None;
    for parts in given.chars().filter_map(decompose) {
        if prev.is_some() {
            out.push('-');
        }
        let context = match scheme {
            Scheme::Rr => None,
            Scheme::Mr => prev,
        };
        push_syllable(&mut out, scheme, parts, context, false);
        prev = Some(parts.2);
    }
    capitalize(&out)
}

/// MR with diacritics and aspiration apostrophes stripped, as often printed
/// in older or ASCII-only copy: `Kim Chŏng-ŭn` → `Kim Chong-un`.
fn fold_mr_ascii(s: &str) -> String {
    s.chars()
        .filter(|&c| c != '\'')
        .map(|c| match c {
            'ŏ' => 'o',
            'Ŏ' => 'O',
            'ŭ' => 'u',
            'Ŭ' => 'U',
            other => other,
        })
        .collect()
}

/// Readings of a Korean personal name written in Hangul, as Latin forms
/// editors meet in news.
///
/// The surname is the first syllable, except the two-syllable surnames of
/// `surnames` (남궁, 황보, 제갈, …); see [`split_name`].
/// Given names are romanized per syllable with no assimilation and joined
/// with a hyphen (`Seok-yeol`). The readings, deduplicated, in this order:
///
/// 1. strict Revised Romanization of surname and given name
///    (`"윤석열"` → `"Yun Seok-yeol"`, `"이재명"` → `"I Jae-myeong"`);
/// 2. each spelling of the surname in `surnames` with the RR given name
///    (`"Yoon Seok-yeol"`, `"Lee Jae-myeong"`, `"Yi Jae-myeong"`, …);
/// 3. McCune–Reischauer (`"Yun Sŏk-yŏl"`, `"Kim Chŏng-ŭn"`, `"Pak Kŭn-hye"`);
/// 4. the same MR with diacritics and apostrophes removed (`"Kim Chong-un"`).
///
/// Returns an empty vector if the input is not a Hangul name (see
/// [`split_name`]). Spacing/hyphenation variants are left to the caller.
pub fn name_readings(hangul: &str, surnames: &Surnames) -> Vec<String> {
    let Some((surname, given)) = split_name(hangul, surnames) else {
        return Vec::new();
    };
    let given_rr = given_name(&given, Scheme::Rr);
    let given_mr = given_name(&given, Scheme::Mr);
    let mr = format!("{} {}", mr_surname(&surname, surnames), given_mr);

    let mut candidates = vec![format!(
        "{} {}",
        capitalize(&romanize_rr(&surname)),
        given_rr
    )];
    candidates.extend(
        surnames
            .conventional
            .get(&surname)
            .into_iter()
            .flatten()
            .map(|s| format!("{s} {given_rr}")),
    );
    let mr_ascii = fold_mr_ascii(&mr);
    candidates.push(mr);
    candidates.push(mr_ascii);

    let mut out: Vec<String> = Vec::with_capacity(candidates.len());
    for c in candidates {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped table (`[options.names]` of rules/names.toml).
    fn shipped() -> Surnames {
        crate::rules::names::Tuning::shipped().hangul_surnames()
    }

    fn name_readings(hangul: &str) -> Vec<String> {
        super::name_readings(hangul, &shipped())
    }

    fn split_name(hangul: &str) -> Option<(String, String)> {
        super::split_name(hangul, &shipped())
    }

    #[test]
    fn syllable_arithmetic() {
        assert!(is_syllable('가'));
        assert!(is_syllable('힣'));
        assert!(!is_syllable('\u{ABFF}'));
        assert!(!is_syllable('\u{D7A4}'));
        assert!(!is_syllable('ㄱ'));
        assert!(!is_syllable('a'));
        assert_eq!(decompose('가'), Some((0, 0, 0)));
        assert_eq!(decompose('힣'), Some((18, 20, 27)));
        assert_eq!(decompose('김'), Some((0, 20, 16)));
        assert_eq!(decompose('x'), None);
        assert_eq!(compose(0, 20, 16), Some('김'));
        assert_eq!(compose(19, 0, 0), None);
        for cp in 0xAC00u32..=0xD7A3 {
            let c = char::from_u32(cp).unwrap();
            let (l, v, t) = decompose(c).unwrap();
            assert_eq!(compose(l, v, t), Some(c));
        }
    }

    #[test]
    fn rr_words() {
        assert_eq!(romanize_rr("커뮤니티"), "keomyuniti");
        assert_eq!(romanize_rr("김치"), "gimchi");
        assert_eq!(romanize_rr("서울"), "seoul");
        assert_eq!(romanize_rr("부산"), "busan");
        assert_eq!(romanize_rr("평양"), "pyeongyang");
        assert_eq!(romanize_rr("닭"), "dak");
        assert_eq!(romanize_rr("울릉"), "ulleung");
        assert_eq!(romanize_rr("석열"), "seokyeol");
    }

    #[test]
    fn passthrough_and_jamo() {
        assert_eq!(romanize_rr("Hello, world!"), "Hello, world!");
        assert_eq!(romanize_mr("Hello, world!"), "Hello, world!");
        assert_eq!(romanize_rr(""), "");
        assert_eq!(romanize_rr("김치 (kimchi)"), "gimchi (kimchi)");
        assert_eq!(romanize_rr("ㅋㅋ"), "kk");
        assert_eq!(romanize_rr("ㅏ"), "a");
        assert_eq!(romanize_mr("ㅓ"), "ŏ");
        // Conjoining jamo pass through unchanged.
        assert_eq!(romanize_rr("\u{1100}\u{1161}"), "\u{1100}\u{1161}");
        for cp in 0x3131u32..=0x318E {
            let c = char::from_u32(cp).unwrap();
            if cp != 0x3164 {
                assert!(compat_jamo(c, Scheme::Rr).is_some_and(|s| !s.is_empty()));
                assert!(compat_jamo(c, Scheme::Mr).is_some_and(|s| !s.is_empty()));
            }
        }
    }

    #[test]
    fn mr_words() {
        assert_eq!(romanize_mr("김치"), "kimch'i");
        assert_eq!(romanize_mr("서울"), "sŏul");
        assert_eq!(romanize_mr("부산"), "pusan");
        assert_eq!(romanize_mr("평양"), "p'yŏngyang");
        assert_eq!(romanize_mr("대구"), "taegu");
        assert_eq!(romanize_mr("단군"), "tan'gun");
        assert_eq!(romanize_mr("독도"), "tokto");
    }

    #[test]
    fn every_syllable_romanizes() {
        for cp in 0xAC00u32..=0xD7A3 {
            let s = char::from_u32(cp).unwrap().to_string();
            let rr = romanize_rr(&s);
            assert!(!rr.is_empty() && rr.is_ascii(), "{s} -> {rr}");
            assert!(!romanize_mr(&s).is_empty());
        }
    }

    #[test]
    fn names_yoon() {
        let r = name_readings("윤석열");
        assert_eq!(r[0], "Yun Seok-yeol");
        assert!(r.contains(&"Yoon Seok-yeol".to_string()));
        assert!(r.contains(&"Yun Sŏk-yŏl".to_string()));
    }

    #[test]
    fn names_kim() {
        let r = name_readings("김정은");
        assert_eq!(r[0], "Gim Jeong-eun");
        assert!(r.contains(&"Kim Jeong-eun".to_string()));
        assert!(r.contains(&"Kim Chŏng-ŭn".to_string()));
        assert!(r.contains(&"Kim Chong-un".to_string()));
    }

    #[test]
    fn names_lee_park() {
        let r = name_readings("이재명");
        assert!(r.contains(&"Lee Jae-myeong".to_string()));
        assert!(r.contains(&"Yi Jae-myeong".to_string()));
        assert!(r.contains(&"Yi Chae-myŏng".to_string()));
        let r = name_readings("박근혜");
        assert_eq!(r[0], "Bak Geun-hye");
        assert!(r.contains(&"Park Geun-hye".to_string()));
        assert!(r.contains(&"Pak Kŭn-hye".to_string()));
        // MR name voicing after the first given-name syllable.
        assert!(name_readings("김대중").contains(&"Kim Tae-jung".to_string()));
        assert!(name_readings("최순실").contains(&"Ch'oe Sun-sil".to_string()));
    }

    #[test]
    fn two_syllable_surnames() {
        assert_eq!(split_name("남궁민"), Some(("남궁".into(), "민".into())));
        let r = name_readings("남궁민");
        assert_eq!(r[0], "Namgung Min");
        assert!(r.contains(&"Namgoong Min".to_string()));
        // Two syllables: 선 + 우, not the surname 선우.
        assert_eq!(split_name("선우"), Some(("선".into(), "우".into())));
        assert_eq!(
            split_name("선우 용녀"),
            Some(("선우".into(), "용녀".into()))
        );
        assert!(name_readings("선우용녀").contains(&"Sunwoo Yong-nyeo".to_string()));
        assert!(name_readings("독고영재").contains(&"Dokgo Yeong-jae".to_string()));
    }

    #[test]
    fn non_names() {
        assert!(name_readings("Obama").is_empty());
        assert!(name_readings("").is_empty());
        assert!(name_readings("김").is_empty());
        assert!(name_readings("김 정 은").is_empty());
        assert!(name_readings("김정은!").is_empty());
    }

    #[test]
    fn readings_deduplicated_and_bounded() {
        for name in ["한동훈", "홍길동", "윤석열", "황보관", "심상정"] {
            let r = name_readings(name);
            assert!(!r.is_empty() && r.len() <= 36);
            for (i, a) in r.iter().enumerate() {
                assert!(!r[i + 1..].contains(a), "{name}: duplicate {a}");
            }
        }
        let r = name_readings("한동훈");
        assert_eq!(r[0], "Han Dong-hun");
        assert!(r.contains(&"Han Tong-hun".to_string()));
    }
}
