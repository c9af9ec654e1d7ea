//! `mixed-script`: a word that mixes Latin letters with look-alike letters of
//! another script (`NАTO` with a Cyrillic `А`, `Zеlensky` with a Cyrillic `е`),
//! per the Unicode TR39 confusables data. The fix replaces the look-alikes
//! with their Latin prototypes.

use crate::diagnostic::{Edit, Finding, Fix, Span};
use crate::words::{is_letter, Word};
use unicode_script::{Script, UnicodeScript};

/// The Latin letter a character is confusable with: an ASCII letter, or
/// one with accents when the look-alike carries them (Greek `ό` for `ó`).
///
/// Lowercase Greek letters other than omicron are left out: `γ`, `ν`, `ι` in
/// `Vγ9`, `IFNγ` or `γB` are scientific symbols, not spoofed Latin letters.
pub fn latin_prototype(c: char) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    if c.script() == Script::Greek && c.is_lowercase() && c.nfd().next() != Some('ο') {
        return None;
    }
    let mut buf = [0u8; 4];
    let mut sk = unicode_security::skeleton(c.encode_utf8(&mut buf));
    let first = sk.next().filter(char::is_ascii_alphabetic)?;
    let accents: String = sk.collect();
    // The skeleton folds case for some letters; keep the case of the
    // original. A capital whose prototype is `l` (Cyrillic `І`, Greek `Ι`:
    // `l` and `I` look alike) is an `I`, or `ІBM` would read `LBM`.
    let first = match first {
        'l' if c.is_uppercase() => 'I',
        f if c.is_uppercase() => f.to_ascii_uppercase(),
        f if c.is_lowercase() => f.to_ascii_lowercase(),
        f => f,
    };
    if accents.is_empty() {
        return Some(first.to_string());
    }
    // Accents in the prototype only for a look-alike that has them (not
    // Arabic `ة`, whose prototype is `o` with a diaeresis), making one
    // Latin letter with it.
    c.nfd().nth(1)?;
    let proto: String = std::iter::once(first)
        .chain(accents.chars())
        .nfc()
        .collect();
    let mut chars = proto.chars();
    match (chars.next(), chars.next()) {
        (Some(p), None) if p.script() == Script::Latin => Some(proto),
        _ => None,
    }
}

/// The span of the word (letters, digits, marks: the tokenizer's
/// `Word::marked()`) around byte `at`.
pub fn word_around(text: &str, at: usize) -> Span {
    let r = Word::marked().around(text, at);
    Span::new(r.start, r.end)
}

/// The `mixed-script` matcher: each word holding a non-ASCII character
/// that no earlier kind claimed.
pub fn check_document(cx: &super::Context) -> Vec<Finding> {
    let claims = cx.claims();
    non_ascii_words(cx.text, cx.non_ascii())
        .flat_map(|w| cjk_free_parts(cx.text, w))
        .filter(|w| !claims.overlaps(*w))
        .filter_map(|w| check_word(cx.text, w))
        .collect()
}

/// The parts of a word between its Hangul, Han and kana letters: a CJK
/// token glued to a name (`Zеlеnskyy커뮤니티`) is a stray word of its own
/// (`stray-script`), and the name before it is still checked for
/// look-alikes. A word with no CJK letter is one part.
pub fn cjk_free_parts(text: &str, word: Span) -> Vec<Span> {
    let w = &text[word.range()];
    if !w.chars().any(is_cjk) {
        return vec![word];
    }
    let mut parts = Vec::new();
    let mut start = None;
    for (o, c) in w.char_indices() {
        match (is_cjk(c), start) {
            (true, Some(s)) => {
                parts.push(Span::new(word.start + s, word.start + o));
                start = None;
            }
            (false, None) => start = Some(o),
            _ => {}
        }
    }
    if let Some(s) = start {
        parts.push(Span::new(word.start + s, word.end));
    }
    parts
}

/// A letter of the scripts that never look like Latin (Hangul, Han, kana).
fn is_cjk(c: char) -> bool {
    super::hangul_or_han(c).is_some()
        || c >= '\u{1100}'
            && matches!(
                c.script(),
                Script::Hangul | Script::Han | Script::Hiragana | Script::Katakana
            )
}

/// Words (runs of letters, digits and marks) of `text` that contain a
/// non-ASCII char; `non_ascii` are the text's non-ASCII runs.
pub fn non_ascii_words<'a>(
    text: &'a str,
    non_ascii: &'a super::context::NonAscii,
) -> impl Iterator<Item = Span> + 'a {
    let mut cursor = non_ascii.cursor();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some((at, c)) = cursor.next_char(text, from) {
            if !Word::marked().contains(c) {
                from = at + c.len_utf8();
                continue;
            }
            let word = word_around(text, at);
            from = word.end;
            return Some(word);
        }
        None
    })
}

/// Check one word. Returns a finding when Latin letters are mixed with
/// look-alikes from another script.
pub fn check_word(text: &str, word: Span) -> Option<Finding> {
    let w = &text[word.range()];
    // A word of Hangul syllables and CJK ideographs alone has no Latin letter
    // (and most non-ASCII words of a Korean or Chinese passage are that).
    if w.chars().all(|c| super::hangul_or_han(c).is_some()) {
        return None;
    }
    let mut latin = 0;
    let mut edits = Vec::new();
    let mut scripts: Vec<&'static str> = Vec::new();
    for (o, c) in w.char_indices() {
        if !is_letter(c) {
            continue;
        }
        match c.script() {
            Script::Latin => latin += 1,
            Script::Common | Script::Inherited => {}
            script => {
                let proto = latin_prototype(c)?;
                if !scripts.contains(&script.full_name()) {
                    scripts.push(script.full_name());
                }
                let at = word.start + o;
                edits.push(Edit {
                    span: Span::new(at, at + c.len_utf8()),
                    replacement: proto,
                });
            }
        }
    }
    if latin == 0 || edits.is_empty() {
        return None;
    }
    let fixed: String = {
        let mut s = String::with_capacity(w.len());
        let mut last = word.start;
        for e in &edits {
            s.push_str(&text[last..e.span.start]);
            s.push_str(&e.replacement);
            last = e.span.end;
        }
        s.push_str(&text[last..word.end]);
        s
    };
    let which: Vec<String> = edits
        .iter()
        .map(|e| {
            let c = text[e.span.range()].chars().next().unwrap_or(' ');
            format!("`{c}` (U+{:04X}, {})", c as u32, c.script().full_name())
        })
        .collect();
    Some(
        Finding::new(
            word,
            format!(
                "`{w}` mixes Latin with {} look-alike letters {}; it should read `{fixed}`",
                scripts.join("/"),
                which.join(", ")
            ),
        )
        .with_fix(Fix::safe(format!("replace with `{fixed}`"), edits)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Vec<(String, String)> {
        non_ascii_words(text, &crate::rules::context::NonAscii::new(text))
            .filter_map(|w| check_word(text, w))
            .map(|f| {
                let mut fixed = text[f.span.range()].to_string();
                for e in f.fix.unwrap().edits.iter().rev() {
                    let s = e.span.start - f.span.start;
                    fixed.replace_range(s..s + e.span.len(), &e.replacement);
                }
                (text[f.span.range()].to_string(), fixed)
            })
            .collect()
    }

    #[test]
    fn flags_cyrillic_lookalikes() {
        assert_eq!(
            check("the N\u{410}TO summit"),
            [("N\u{410}TO".into(), "NATO".into())]
        );
        assert_eq!(
            check("Z\u{435}lensky said"),
            [("Z\u{435}lensky".into(), "Zelensky".into())]
        );
        assert_eq!(
            check("Gr\u{3BF}up"),
            [("Gr\u{3BF}up".into(), "Group".into())]
        );
    }

    /// A look-alike with an accent is the accented Latin letter (words
    /// written for this test): Greek `ό` (U+03CC) for `ó`, Cyrillic `ё`
    /// for `ë`, Ukrainian `ї` for `ï`.
    #[test]
    fn accented_look_alikes_become_accented_latin_letters() {
        assert_eq!(
            check("the P\u{3CC}rto match"),
            [("P\u{3CC}rto".into(), "Pórto".into())]
        );
        assert_eq!(
            check("Citro\u{451}n and Ky\u{457}v"),
            [
                ("Citro\u{451}n".into(), "Citroën".into()),
                ("Ky\u{457}v".into(), "Kyïv".into())
            ]
        );
        // Greek words keep their accents; other lowercase Greek letters
        // with accents (`ά`) are not taken for Latin, nor is a letter with
        // no accent of its own whose prototype has one (Arabic `ة`).
        assert!(check("λόγος and Bogot\u{3AC} and Dohaة").is_empty());
    }

    /// A capital whose prototype is `l` is an `I`: Cyrillic and Greek
    /// capital `I` are not the `L` that `l` in capitals would give. Other
    /// capitals keep their own prototype (Greek `Η` and `Ν` are `H` and
    /// `N`, though `η` and `ν` look like `n` and `v`). Words written for
    /// this test.
    #[test]
    fn a_capital_takes_its_small_letters_prototype() {
        assert_eq!(
            check("\u{406}BM and \u{399}BM and N\u{410}TO and \u{412}BC and \u{397}SBC and \u{39D}ASA"),
            [
                ("\u{406}BM".into(), "IBM".into()),
                ("\u{399}BM".into(), "IBM".into()),
                ("N\u{410}TO".into(), "NATO".into()),
                ("\u{412}BC".into(), "BBC".into()),
                ("\u{397}SBC".into(), "HSBC".into()),
                ("\u{39D}ASA".into(), "NASA".into())
            ]
        );
    }

    /// Issue 20, a draft written for it: two Cyrillic `е` in a name with
    /// Hangul glued on gave no finding (the Hangul letters have no Latin
    /// prototype, so the whole word was skipped).
    #[test]
    fn a_cjk_token_glued_to_a_spoofed_name_does_not_hide_it() {
        let text = "The Z\u{435}l\u{435}nskyy커뮤니티 team met.";
        let found: Vec<(String, String)> =
            non_ascii_words(text, &crate::rules::context::NonAscii::new(text))
                .flat_map(|w| cjk_free_parts(text, w))
                .filter_map(|w| check_word(text, w))
                .map(|f| {
                    let fixed = f.fix.unwrap().title;
                    (text[f.span.range()].to_string(), fixed)
                })
                .collect();
        assert_eq!(
            found,
            [(
                "Z\u{435}l\u{435}nskyy".to_string(),
                "replace with `Zelenskyy`".to_string()
            )]
        );
    }

    #[test]
    fn leaves_real_words_alone() {
        for ok in [
            "Москва",
            "São Paulo",
            "β-blocker",
            "5 μm",
            "Pʻyŏngyang",
            "Đoàn",
            "naïve",
            "λόγος (logos)",
            "ＮＡＴＯ",
        ] {
            assert!(check(ok).is_empty(), "{ok}");
        }
    }
}
