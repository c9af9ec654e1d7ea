//! Each variant of [`Word`] against the definition the code it replaced
//! had, on random texts; the fast paths against the general lexer.

use std::ops::Range;

use super::*;
use crate::testing::{random_texts, xorshift};

/// Pieces that exercise every class: ASCII letters and digits, `_`, the
/// joiners, possessives, accented and non-Latin letters, combining marks,
/// Inherited-script characters, letters that are alphabetic but not `\p{L}`
/// (circled letters, vowel signs), numbers, punctuation and spaces.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "s",
    "'s",
    "’s",
    "ʼs",
    "-",
    "'",
    "’",
    "ʼ",
    ".",
    " ",
    ",",
    "é",
    "Ş",
    "\u{301}",
    "1",
    "_",
    "--",
    "ab",
    "Kim",
    "Yoon's",
    "x'",
    "-é",
    "'é",
    "U.S.",
    "커뮤니티",
    "Ⓐ",
    "\u{93f}",
    "²",
    "\u{200d}",
    "\u{fe0f}",
    "—",
    "“",
    "\u{a0}",
    "ſ",
    "K\u{212A}",
    "ٍ",
    "a1",
    "\n",
];

fn texts(seed: u64, n: usize) -> Vec<String> {
    random_texts(seed, n, 1..9, PIECES, &["", "", " ", "-", "'"])
}

/// Every character boundary of `text`.
fn boundaries(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices().map(|(i, _)| i).chain([text.len()])
}

/// Every scalar value, against the standard library.
#[test]
fn is_letter_agrees_with_the_standard_library() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
    }
}

/// `[\p{L}\p{N}]` against the regex on every scalar value: General
/// Punctuation, Hangul and Han are answered without it.
#[test]
fn letter_or_digit_is_the_regex_class() {
    let re = regex::Regex::new(r"\A[\p{L}\p{N}]\z").expect("the class compiles");
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let want = re.is_match(c.encode_utf8(&mut [0; 4]));
        assert_eq!(is_letter_or_digit(c), want, "U+{:04X}", c as u32);
        if GENERAL_PUNCTUATION.contains(&c) {
            assert!(!want, "U+{:04X}", c as u32);
        }
    }
    assert!(is_letter_or_digit('\u{e9}') && is_letter_or_digit('\u{0661}'));
    assert!(!is_letter_or_digit('\u{00bb}') && !is_letter_or_digit('Ⓐ'));
}

// ---------------------------------------------------------------------------
// The name rules' words

/// The name rules' word as `names::tokens` lexed it, character by
/// character.
fn old_name_token(text: &str, start: usize) -> Tok {
    let mut end = start + text[start..].chars().next().map_or(1, char::len_utf8);
    while let Some(d) = text[end..].chars().next() {
        let joins = d.is_alphabetic()
            || is_combining_mark(d)
            || ((d == '-' || matches!(d, '\'' | '’' | 'ʼ'))
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
    for suf in ["'s", "’s", "ʼs"] {
        if word.len() > suf.len() && word.ends_with(suf) {
            core_end = end - suf.len();
        }
    }
    Tok {
        start,
        core_end,
        end,
    }
}

/// `names::tokens::tokenize`: a word at each letter between words.
fn old_tokenize(text: &str) -> Vec<Tok> {
    let (mut out, mut i) = (Vec::new(), 0);
    while let Some((o, _)) = text[i..].char_indices().find(|(_, c)| c.is_alphabetic()) {
        let t = old_name_token(text, i + o);
        i = t.end;
        out.push(t);
    }
    out
}

#[test]
fn tokens_and_possessives() {
    let t = "Yoon's Kim Jong-un, Ch'oe";
    let words: Vec<&str> = Word::letters()
        .iter(t)
        .map(|k| &t[k.start..k.core_end])
        .collect();
    assert_eq!(words, ["Yoon", "Kim", "Jong-un", "Ch'oe"]);
}

#[test]
fn letters_are_the_name_rules_words() {
    let w = Word::letters();
    for text in texts(0x9e37_79b9_7f4a_7c15, 20_000) {
        assert_eq!(
            w.iter(&text).collect::<Vec<_>>(),
            old_tokenize(&text),
            "{text:?}"
        );
        for (i, c) in text.char_indices() {
            if c.is_alphabetic() {
                let want = old_name_token(&text, i);
                assert_eq!(w.at(&text, i), want, "{text:?} at {i}");
                assert_eq!(w.at_general(&text, i), want, "{text:?} at {i}");
            }
            // (The old backward scan before a glued surname.)
            let old_run = text[..i]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| {
                    c.is_alphabetic() || is_combining_mark(c) || matches!(c, '-' | '\'' | '’' | 'ʼ')
                })
                .last()
                .map_or(i, |(o, _)| o);
            assert_eq!(w.run_before(&text, i), old_run, "{text:?} at {i}");
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
fn separators_are_the_bytes_no_name_word_holds() {
    for b in 0..=255u8 {
        let sep = b.is_ascii() && !b.is_ascii_alphabetic() && b != b'-' && b != b'\'';
        assert_eq!(Word::letters().separates(b), sep, "{b}");
    }
}

#[test]
fn capital_words_match_the_words() {
    let mut samples: Vec<String> = [
        "Yoon's Kim Jong-un, Ch'oe ofKim Jong Un and al-Assad",
        "a-B c--D e'F ÉcoleX Ştefan çA zÉ x\u{301}Y \u{301}Z “Kim” naïve Zoë",
        "Ünal–Öz ʼs O’Neill’s  Kim\u{a0}Jong Un\n\n\"Lee\" 1Abc abc1Def _Xy",
        "윤석열 Yoon Suk-yeol (윤석열) Зеленский Zelenskyy's",
    ]
    .map(String::from)
    .to_vec();
    samples.extend(texts(0x1234_5678_9abc_def1, 3000));
    let w = Word::letters();
    for t in &samples {
        let want: Vec<Tok> = w
            .iter(t)
            .filter(|k| is_capitalized(&t[k.start..k.core_end]))
            .collect();
        // Capitals and lead bytes.
        let cands: Vec<usize> = (0..t.len())
            .filter(|&i| t.as_bytes()[i].is_ascii_uppercase() || t.as_bytes()[i] >= 0xc0)
            .collect();
        let mut cursor = Cursor::new(&cands);
        let (mut got, mut pos) = (Vec::new(), 0);
        while let Some(k) = w.next_capital(t, pos, &mut cursor) {
            got.push(k);
            pos = k.end;
        }
        assert_eq!(got, want, "{t:?}");
    }
}

// ---------------------------------------------------------------------------
// The attribution rules' words

#[test]
fn alphanumeric_words_are_the_word_regex() {
    let re = regex::Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'\u{2019}-]*").expect("compiles");
    let mut samples = texts(0x2545_f491_4f6c_dd1d, 20_000);
    samples.extend(
        [
            "Yoon\u{2019}s talk, 커뮤니티. x\u{301}y ²3 ٣ Ⓐb -a' 'b ‘q’ K\u{212A} ſ É-é",
            "don't re-elect \u{2019}90s \u{2160}V a\u{200D}b _x_ 1.5",
        ]
        .map(String::from),
    );
    let w = Word::alphanumeric();
    for t in &samples {
        let want: Vec<Range<usize>> = re.find_iter(t).map(|m| m.range()).collect();
        let got: Vec<Range<usize>> = w.iter(t).map(|k| k.range()).collect();
        assert_eq!(got, want, "{t:?}");
        // The last word of each prefix ending where it does.
        for end in boundaries(t) {
            let want = re
                .find_iter(&t[..end])
                .last()
                .filter(|m| m.end() == end)
                .map(|m| m.range());
            assert_eq!(w.ending_at(t, end).map(|k| k.range()), want, "{t:?} {end}");
        }
    }
}

/// The runs of `(?-u:\w)` bytes, as `AsciiWords` found them byte by byte.
fn old_ascii_words(b: &[u8]) -> Vec<Range<usize>> {
    let (mut out, mut i) = (Vec::new(), 0);
    while i < b.len() {
        while i < b.len() && !is_ascii_word_byte(b[i]) {
            i += 1;
        }
        let start = i;
        while i < b.len() && is_ascii_word_byte(b[i]) {
            i += 1;
        }
        if i > start {
            out.push(start..i);
        }
    }
    out
}

#[test]
fn ascii_words_are_runs_of_regex_word_bytes() {
    let w = Word::ascii();
    for t in texts(0x6c07_8965_9e37_79b9, 20_000) {
        let got: Vec<Range<usize>> = w.iter(&t).map(|k| k.range()).collect();
        assert_eq!(got, old_ascii_words(t.as_bytes()), "{t:?}");
    }
    for b in 0..=255u8 {
        assert_eq!(w.is_char_byte(b), is_ascii_word_byte(b), "{b}");
        assert_eq!(w.separates(b), !is_ascii_word_byte(b), "{b}");
    }
}

// ---------------------------------------------------------------------------
// The segmenter's words

#[test]
fn sentence_words_are_the_segmenters() {
    // `sentences::word_before` and `next_word`, character by character.
    let old_before = |text: &str, end: usize| {
        text[..end]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '.' | '-' | '\''))
            .last()
            .map_or(end, |(i, _)| i)
    };
    let old_after = |text: &str, start: usize| {
        let s = &text[start..];
        start
            + s.char_indices()
                .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '-'))
                .map_or(s.len(), |(i, _)| i)
    };
    for t in texts(0x0123_4567_89ab_cdef, 20_000) {
        for i in boundaries(&t) {
            assert_eq!(
                Word::abbreviation().run_before(&t, i),
                old_before(&t, i),
                "{t:?} {i}"
            );
            assert_eq!(
                Word::sentence().run_after(&t, i),
                old_after(&t, i),
                "{t:?} {i}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Words of mixed scripts

#[test]
fn marked_words_are_mixed_scripts() {
    // `confusable::word_around`, character by character.
    let is_word_char =
        |c: char| c.is_alphabetic() || c.is_numeric() || c.script() == Script::Inherited;
    let old_around = |text: &str, at: usize| {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(at, |(o, _)| o);
        let end = text[at..]
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(text.len(), |(o, _)| at + o);
        start..end
    };
    for t in texts(0xfeed_face_cafe_beef, 20_000) {
        for i in boundaries(&t) {
            assert_eq!(Word::marked().around(&t, i), old_around(&t, i), "{t:?} {i}");
        }
        for c in t.chars() {
            assert_eq!(Word::marked().contains(c), is_word_char(c), "{c:?}");
        }
    }
}

// ---------------------------------------------------------------------------
// Helpers

#[test]
fn runs_of_any_class() {
    let t = "ab-c déf, g";
    assert_eq!(run_before(t, 4, is_letter), 3);
    assert_eq!(run_before(t, 4, |c| is_letter(c) || c == '-'), 0);
    assert_eq!(run_before(t, 8, is_letter), 5);
    assert_eq!(run_after(t, 5, is_letter), 9);
    assert_eq!(run_after(t, 9, is_letter), 9);
    assert_eq!(run_after(t, 11, is_letter), t.len());
}

#[test]
fn capitals_and_lower_case() {
    assert!(is_capitalized("Kim") && is_capitalized("Éa") && is_capitalized("Σ"));
    assert!(!is_capitalized("kim") && !is_capitalized("") && !is_capitalized("1A"));
    assert!(matches!(lower("said"), Cow::Borrowed("said")));
    assert_eq!(lower("SAID"), "said");
    assert_eq!(lower("ΟΔΟΣ"), "ΟΔΟΣ".to_lowercase());
}

#[test]
fn packed_words_and_their_hash() {
    let mut next = xorshift(0x2545_f491_4f6c_dd1d);
    for _ in 0..10_000 {
        let w: Vec<u8> = (0..next(9)).map(|_| 1 + next(255) as u8).collect();
        // As `fused::pack_word` and the form table's anchors packed them.
        let want = w.iter().rev().fold(0, |acc, &c| acc << 8 | u64::from(c));
        assert_eq!(pack(w.iter().copied()), want, "{w:?}");
        let key = pack(w.iter().copied());
        assert_eq!(
            hash_bits(key, 16),
            (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
        );
        assert!(hash_bits(key, 10) < 1024);
    }
    assert_eq!(pack(*b"abcdefghij"), pack(*b"abcdefgh"));
}

// ---------------------------------------------------------------------------
// Real text: each variant on excerpts of the shared corpus (file and
// article id named) and on sentences written for the test.

/// The words of `text` as strings (possessive included).
fn strs<'t>(w: &'t Word, text: &'t str) -> Vec<&'t str> {
    w.iter(text).strs().collect()
}

/// The words of `text` without a possessive `'s`.
fn cores<'t>(w: &Word, text: &'t str) -> Vec<&'t str> {
    w.iter(text).map(|k| &text[k.start..k.core_end]).collect()
}

#[test]
fn hyphenated_korean_names_are_one_word() {
    // reuters21578.jsonl, reuters-16788.
    let t = "will meet South Korean President Chun Doo-hwan and\nTrade Minister Rha Woong Bae";
    let want = [
        "will",
        "meet",
        "South",
        "Korean",
        "President",
        "Chun",
        "Doo-hwan",
        "and",
        "Trade",
        "Minister",
        "Rha",
        "Woong",
        "Bae",
    ];
    assert_eq!(strs(Word::letters(), t), want);
    assert_eq!(strs(Word::alphanumeric(), t), want);
    // reuters21578.jsonl, reuters-19495: the comma ends the name.
    let t = "Democratic Justice Party (DJP) chairman Roh Tae-woo,\nwho unveiled the reforms";
    assert_eq!(
        strs(Word::letters(), t)[4..7],
        ["chairman", "Roh", "Tae-woo"]
    );
    // Written for the test: a possessive after a hyphenated name, and a
    // hyphen that joins nothing.
    let t = "Kim Jong-un's aunt, Kim Kyong-hui, and the Kim- and Moon-led talks";
    assert_eq!(
        cores(Word::letters(), t),
        [
            "Kim",
            "Jong-un",
            "aunt",
            "Kim",
            "Kyong-hui",
            "and",
            "the",
            "Kim",
            "and",
            "Moon-led",
            "talks"
        ]
    );
    // The attribution rules' words keep a trailing hyphen (as their regex
    // did) and split no possessive; the segmenter's word reads on.
    assert_eq!(strs(Word::alphanumeric(), t)[1], "Jong-un's");
    assert!(strs(Word::alphanumeric(), t).contains(&"Kim-"));
    assert_eq!(&t[4..Word::sentence().run_after(t, 4)], "Jong-un's");
    // `(?-u:\b)` words split at every hyphen and apostrophe.
    assert_eq!(
        strs(Word::ascii(), t)[..5],
        ["Kim", "Jong", "un", "s", "aunt"]
    );
}

#[test]
fn straight_and_curly_apostrophes() {
    // bbc2225.jsonl, bbc-sport-195: `'` inside a name and before a
    // possessive.
    let t = "he will return to O'Neill's first-team plans.";
    assert_eq!(
        cores(Word::letters(), t),
        [
            "he",
            "will",
            "return",
            "to",
            "O'Neill",
            "first-team",
            "plans"
        ]
    );
    assert_eq!(strs(Word::alphanumeric(), t)[4], "O'Neill's");
    // kcna2024.jsonl, kcna-c0d62614e1df: `’s`, and a name glued to the
    // word before it.
    let t = "true toKim Jong Un’s noble intention";
    assert_eq!(
        cores(Word::letters(), t),
        ["true", "toKim", "Jong", "Un", "noble", "intention"]
    );
    assert_eq!(strs(Word::alphanumeric(), t)[3], "Un’s");
    // Only the words starting with a capital, as the name rules scan them.
    let cands: Vec<usize> = (0..t.len())
        .filter(|&i| t.as_bytes()[i].is_ascii_uppercase())
        .collect();
    let mut cursor = Cursor::new(&cands);
    let first = Word::letters().next_capital(t, 0, &mut cursor);
    assert_eq!(first.map(|k| k.str(t)), Some("Jong"));
    // wikipedia-unicode.jsonl, squad-train:Kievan_Rus': a final `’` joins
    // nothing for the name rules and ends an attribution word.
    let t = "(Ки́евская Русь Kievskaya Rus’) was coined";
    assert_eq!(strs(Word::letters(), t)[3], "Rus");
    assert_eq!(strs(Word::alphanumeric(), t)[4], "Rus’");
    // Written for the test: the modifier letter apostrophe of romanized
    // Korean (U+02BC) joins a name word, and ends a possessive the name
    // rules split off; it is a letter (`Lm`) to `[\p{L}\p{N}]`.
    let t = "Chʼoe Ryong-haeʼs speech";
    assert_eq!(cores(Word::letters(), t), ["Chʼoe", "Ryong-hae", "speech"]);
    assert_eq!(
        strs(Word::alphanumeric(), t),
        ["Chʼoe", "Ryong-haeʼs", "speech"]
    );
}

#[test]
fn hangul_and_combining_marks() {
    // wikipedia-unicode.jsonl, squad-train:Presbyterianism.
    let t = "Presbyterian Church in Korea, Koshin 고신) in 1952.";
    assert!(strs(Word::letters(), t).contains(&"고신"));
    assert!(strs(Word::alphanumeric(), t).contains(&"고신"));
    let at = t.find('고').expect("in the excerpt");
    assert_eq!(&t[Word::marked().around(t, at + 3)], "고신");
    // No ASCII word holds a Hangul byte.
    assert_eq!(strs(Word::ascii(), t).last(), Some(&"1952"));
    // wikipedia-unicode.jsonl, squad-train:Anti-aircraft_warfare: a
    // stress mark (U+0301) continues a word for the name rules and
    // mixed-script, and splits one for the attribution rules' `[\p{L}\p{N}]`.
    let t = "(Cyrillic: Противовозду́шная оборо́на), a literal translation";
    assert_eq!(strs(Word::letters(), t)[1], "Противовозду́шная");
    assert_eq!(
        strs(Word::alphanumeric(), t)[1..3],
        ["Противовозду", "шная"]
    );
    let at = t.find("шная").expect("in the excerpt");
    assert_eq!(&t[Word::marked().around(t, at)], "Противовозду́шная");
}

#[test]
fn digits_with_separators() {
    // bbc2225.jsonl, bbc-business-479: a comma separates digits.
    let t = "vehicle unit sales in 2004 were 6,798,000, an increase";
    assert_eq!(
        strs(Word::alphanumeric(), t)[4..8],
        ["2004", "were", "6", "798"]
    );
    assert_eq!(strs(Word::ascii(), t)[4..8], ["2004", "were", "6", "798"]);
    // The name rules' words are letters only.
    assert_eq!(
        strs(Word::letters(), t),
        ["vehicle", "unit", "sales", "in", "were", "an", "increase"]
    );
    // bbc2225.jsonl, bbc-business-001: the segmenter's word before a
    // period holds the decimal point; the attribution rules' words do not.
    let t = "jumped 76% to $1.13bn (£600m) for the three months";
    let end = t.find(" (").expect("in the excerpt");
    assert_eq!(&t[Word::abbreviation().run_before(t, end)..end], "1.13bn");
    assert_eq!(
        strs(Word::alphanumeric(), t)[..5],
        ["jumped", "76", "to", "1", "13bn"]
    );
    assert!(strs(Word::alphanumeric(), t).contains(&"600m"));
}

#[test]
fn abbreviations_for_the_segmenter() {
    // reuters21578.jsonl, reuters-1.
    let t = "Destinations were the U.S., Covertible currency areas,\nUruguay";
    let end = t.find(',').expect("in the excerpt");
    assert_eq!(&t[Word::abbreviation().run_before(t, end)..end], "U.S.");
    assert_eq!(
        &t[Word::abbreviation().run_before(t, end - 1)..end - 1],
        "U.S"
    );
    // The sentence word stops at a period, the name rules' word too.
    let at = t.find("U.S.").expect("in the excerpt");
    assert_eq!(&t[at..Word::sentence().run_after(t, at)], "U");
    assert_eq!(Word::letters().at(t, at).str(t), "U");
}

/// Every scalar value, against the name rules' old boundary test.
#[test]
fn glues_is_the_name_rules_boundary() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let old = c.is_alphanumeric() || is_combining_mark(c) || c == '_';
        assert_eq!(glues(c), old, "{c:?}");
    }
    // Written for the test: punctuation does not glue, marks and Hangul do.
    assert!(!glues('\'') && glues('N') && glues('\u{301}') && glues('고'));
}
