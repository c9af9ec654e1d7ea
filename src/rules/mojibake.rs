//! `mojibake`: text decoded with the wrong encoding.
//!
//! - UTF-8 read as Windows-1252 or Latin-1 (`donâ€™t`, `Ã©`, `Â `): the
//!   characters are mapped back to the bytes they were decoded from, and if
//!   those bytes are valid UTF-8 that decodes to plausible text, that text is
//!   offered as the fix.
//! - UTF-8 Korean read as CP949 (`而ㅻ땲?곗`-like garbage): a Hangul/Hanja run
//!   is encoded back to CP949 and re-decoded as UTF-8.
//! - U+FFFD replacement characters (information already lost; no fix).
//! - C1 control characters (U+0080–U+009F): Windows-1252 bytes decoded as
//!   Latin-1; the fix is the Windows-1252 character.
//! - Mac Roman punctuation read as Latin-1 (`didnÕt`, `ÒquoteÓ`, `dealÑand`):
//!   `mac_roman.rs`; only between ASCII letters in the shapes of English
//!   punctuation, since the same letters are real in names (`Ó Briain`,
//!   `NÚÑEZ`, `ÉCOLE`).
//!
//! Mojibake is checked before the script rules, so Hangul-looking garbage is
//! reported here and not as a stray Korean word.

use crate::diagnostic::{Edit, Finding, Fix, Span};

#[path = "mac_roman.rs"]
mod mac_roman;

/// What Windows-1252 prints for a byte of 0x80..=0x9F (`None` for the five
/// bytes it leaves undefined).
fn cp1252_char(b: u8) -> Option<char> {
    let mut out = [0u8; 4];
    let (_, _, written, _) = encoding_rs::WINDOWS_1252
        .new_decoder_without_bom_handling()
        .decode_to_utf8(&[b], &mut out, true);
    let c = std::str::from_utf8(&out[..written]).ok()?.chars().next()?;
    // The undefined bytes decode to the C1 control of the same number.
    (u32::from(c) != u32::from(b)).then_some(c)
}

/// The byte a character came from if it was produced by decoding Windows-1252
/// (or Latin-1, for C1 controls).
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    // Windows-1252 puts nothing above U+2122 (`™`) in 0x80..=0x9F.
    if u > 0x2122 {
        return None;
    }
    let mut buf = [0u8; 4];
    let (result, _, written) = encoding_rs::WINDOWS_1252
        .new_encoder()
        .encode_from_utf8_without_replacement(c.encode_utf8(&mut [0; 4]), &mut buf, true);
    match (result, written) {
        (encoding_rs::EncoderResult::InputEmpty, 1) if buf[0] >= 0x80 => Some(buf[0]),
        _ => None,
    }
}

/// Whether a decoded character is something real text plausibly contains.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0xA0..=0xFF            // Latin-1 letters and signs
        | 0x100..=0x17F        // Latin Extended-A
        | 0x1E00..=0x1EFF      // Latin Extended Additional (Vietnamese)
        | 0x2010..=0x2027 | 0x2030..=0x205E // punctuation
        | 0x20AC | 0x2122      // euro, trade mark
        | 0xAC00..=0xD7A3      // Hangul
        | 0x3040..=0x30FF      // kana
        | 0x4E00..=0x9FFF      // CJK
        | 0x3000..=0x303F      // CJK punctuation
    )
}

/// Cyrillic, Greek, Hebrew, Arabic: plausible only as part of a longer run.
fn plausible_in_run(c: char) -> bool {
    matches!(c as u32, 0x370..=0x3FF | 0x400..=0x4FF | 0x5D0..=0x5EA | 0x620..=0x64A)
}

/// Try to decode one UTF-8 sequence from mis-decoded chars starting at `chars[0]`.
/// Returns the decoded char and how many chars it consumed.
fn decode_one(chars: &[(usize, char)]) -> Option<(char, usize)> {
    let lead = cp1252_byte(chars.first()?.1)?;
    let need = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut buf = [lead, 0, 0, 0];
    for k in 0..need {
        let b = cp1252_byte(chars.get(k + 1)?.1)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        buf[k + 1] = b;
    }
    let s = std::str::from_utf8(&buf[..need + 1]).ok()?;
    Some((s.chars().next()?, need + 1))
}

fn finding(span: Span, message: String, fix: Option<String>) -> Finding {
    let f = Finding::new(span, message);
    match fix {
        Some(replacement) => f.with_fix(Fix::safe(
            format!("replace with `{replacement}`"),
            vec![Edit { span, replacement }],
        )),
        None => f,
    }
}

/// The `mojibake` matcher.
pub fn check_document(cx: &super::Context) -> Vec<Finding> {
    check(cx.text, cx.non_ascii())
}

/// Check the non-ASCII runs of `text` (`non_ascii`) for mojibake.
pub fn check(text: &str, non_ascii: &super::context::NonAscii) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in non_ascii.runs() {
        let run: Vec<(usize, char)> = text[r.clone()]
            .char_indices()
            .map(|(o, c)| (r.start + o, c))
            .collect();
        check_run(text, &run, r.end, &mut out);
    }
    out
}

/// One non-ASCII run of a text: its characters with their offsets, and
/// where it ends.
struct Run<'a> {
    text: &'a str,
    chars: &'a [(usize, char)],
    end: usize,
}

/// What a check found at a character of a run: a finding (or nothing, for
/// text that only looks like a defect), and the character after it.
type Step = Option<(Option<Finding>, usize)>;

impl Run<'_> {
    /// The offset where character `k` starts (the run's end past the last).
    fn offset(&self, k: usize) -> usize {
        self.chars.get(k).map_or(self.end, |&(o, _)| o)
    }

    /// The span of characters `k..j`.
    fn span(&self, k: usize, j: usize) -> Span {
        Span::new(self.offset(k), self.offset(j))
    }

    /// The first character from `k` that does not satisfy `keep`.
    fn skip_while(&self, mut k: usize, keep: impl Fn(char) -> bool) -> usize {
        while k < self.chars.len() && keep(self.chars[k].1) {
            k += 1;
        }
        k
    }
}

fn check_run(text: &str, chars: &[(usize, char)], end: usize, out: &mut Vec<Finding>) {
    let run = Run { text, chars, end };
    let mut k = 0;
    while k < chars.len() {
        let step = replacement_characters(&run, k)
            .or_else(|| utf8_read_as_cp1252(&run, k))
            .or_else(|| ghost_no_break_space(&run, k))
            .or_else(|| c1_control(&run, k))
            .or_else(|| mac_roman::read_as_latin1(&run, k))
            .or_else(|| utf8_read_as_cp949(&run, k));
        match step {
            Some((found, next)) => {
                out.extend(found);
                k = next;
            }
            None => k += 1,
        }
    }
}

/// Replacement characters: the original is lost (unless the text talks
/// about the character itself: `(U+FFFD, �)`).
fn replacement_characters(run: &Run, k: usize) -> Step {
    let (start, c) = run.chars[k];
    if c != '\u{FFFD}' {
        return None;
    }
    let mut lo = start.saturating_sub(16);
    while !run.text.is_char_boundary(lo) {
        lo += 1;
    }
    let j = run.skip_while(k, |c| c == '\u{FFFD}');
    if run.text[lo..start].contains("FFFD") {
        return Some((None, j));
    }
    Some((
        Some(finding(
            run.span(k, j),
            "replacement character U+FFFD: the original text was lost in a bad conversion"
                .to_string(),
            None,
        )),
        j,
    ))
}

/// UTF-8 read as Windows-1252: one or more sequences in a row.
fn utf8_read_as_cp1252(run: &Run, k: usize) -> Step {
    let mut decoded = String::new();
    let mut j = k;
    let mut seqs = 0;
    while let Some((ch, used)) = decode_one(&run.chars[j..]) {
        decoded.push(ch);
        j += used;
        seqs += 1;
    }
    let ok = seqs > 0
        && decoded
            .chars()
            .all(|ch| plausible(ch) || (seqs >= 2 && plausible_in_run(ch)));
    if !ok {
        return None;
    }
    // Encoded twice (`Ã¢â‚¬â„¢` → `â€™` → `’`): decoded again, so one fix
    // repairs it.
    while let Some(again) = decode_whole(&decoded) {
        decoded = again;
    }
    let span = run.span(k, j);
    let message = format!(
        "`{}` looks like UTF-8 read as Windows-1252; it should probably read `{decoded}`",
        &run.text[span.range()]
    );
    Some((Some(finding(span, message, Some(decoded))), j))
}

/// `s` decoded once more when the whole of it is UTF-8 read as
/// Windows-1252 and decodes to plausible text.
fn decode_whole(s: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let (mut out, mut j) = (String::new(), 0);
    while j < chars.len() {
        let (ch, used) = decode_one(&chars[j..])?;
        out.push(ch);
        j += used;
    }
    out.chars().all(plausible).then_some(out)
}

/// A lone `Â` before a space: the ghost of a UTF-8 no-break space.
fn ghost_no_break_space(run: &Run, k: usize) -> Step {
    let (start, c) = run.chars[k];
    if c != 'Â' {
        return None;
    }
    let next = run
        .chars
        .get(k + 1)
        .map(|x| x.1)
        .or_else(|| run.text[run.end..].chars().next());
    let prev = run.text[..start].chars().next_back();
    let glued_to_caps = prev.is_some_and(|p| p.is_uppercase());
    if !matches!(next, Some(' ' | '\u{A0}')) || glued_to_caps {
        return None;
    }
    let span = Span::new(start, start + c.len_utf8());
    let message = "`Â` before a space is a UTF-8 no-break space read as Windows-1252";
    Some((
        Some(finding(span, message.to_string(), Some(String::new()))),
        k + 1,
    ))
}

/// C1 controls: Windows-1252 bytes decoded as Latin-1.
fn c1_control(run: &Run, k: usize) -> Step {
    let c = run.chars[k].1;
    if !('\u{80}'..='\u{9F}').contains(&c) {
        return None;
    }
    let message = format!(
        "control character U+{:04X}: a Windows-1252 byte decoded as Latin-1",
        c as u32
    );
    let fix = cp1252_char(c as u8).map(String::from);
    Some((Some(finding(run.span(k, k + 1), message, fix)), k + 1))
}

/// UTF-8 Korean read as CP949.
fn utf8_read_as_cp949(run: &Run, k: usize) -> Step {
    if !is_cjk_or_hangul(run.chars[k].1) {
        return None;
    }
    let j = run.skip_while(k, |c| is_cjk_or_hangul(c) || c == '?');
    let span = run.span(k, j);
    let found = cp949_mojibake(&run.text[span.range()]).map(|fixed| {
        let message = format!(
            "`{}` looks like UTF-8 read as CP949; it should probably read `{fixed}`",
            &run.text[span.range()]
        );
        finding(span, message, Some(fixed))
    });
    Some((found, j))
}

fn is_cjk_or_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7A3 | 0x3130..=0x318F | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x3000..=0x30FF | 0xFF00..=0xFFEF)
}

/// If `s` is UTF-8 Hangul decoded as CP949, return the original.
fn cp949_mojibake(s: &str) -> Option<String> {
    // Genuine Korean is almost all Hangul syllables; garbage mixes in Hanja,
    // jamo and full-width forms.
    if s.chars().all(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)) && s.chars().count() < 4 {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(s);
    if unmappable {
        return None;
    }
    let decoded = std::str::from_utf8(&bytes).ok()?;
    let hangul = decoded
        .chars()
        .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
        .count();
    (hangul >= 1 && decoded.chars().all(|c| c.is_ascii() || plausible(c)))
        .then(|| decoded.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixes(text: &str) -> Vec<(String, Option<String>)> {
        check(text, &crate::rules::context::NonAscii::new(text))
            .into_iter()
            .map(|f| {
                (
                    text[f.span.range()].to_string(),
                    f.fix.map(|x| x.edits[0].replacement.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn utf8_read_as_cp1252() {
        assert_eq!(fixes("donâ€™t"), [("â€™".into(), Some("’".into()))]);
        // Encoded twice: repaired in one fix.
        assert_eq!(
            fixes("donÃ¢â‚¬â„¢t"),
            [("Ã¢â‚¬â„¢".into(), Some("’".into()))]
        );
        assert_eq!(fixes("cafÃƒÂ©"), [("ÃƒÂ©".into(), Some("é".into()))]);
        assert_eq!(fixes("cafÃ© au lait"), [("Ã©".into(), Some("é".into()))]);
        assert_eq!(fixes("10Â km"), [("Â".into(), Some(String::new()))]);
        assert_eq!(
            fixes("Â\u{a0}x"),
            [("Â\u{a0}".into(), Some("\u{a0}".into()))]
        );
        assert_eq!(
            fixes("â€œQuoteâ€\u{9d}"),
            [
                ("â€œ".into(), Some("“".into())),
                ("â€\u{9d}".into(), Some("”".into()))
            ]
        );
    }

    /// encoding_rs's Windows-1252 against the table it replaced.
    #[test]
    fn windows_1252_bytes_and_characters() {
        let table = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";
        for (i, want) in table.chars().enumerate() {
            let b = 0x80 + i as u8;
            let want = (want != '\0').then_some(want);
            assert_eq!(cp1252_char(b), want, "{b:#x}");
            if let Some(c) = want {
                assert_eq!(cp1252_byte(c), Some(b), "{c}");
            }
        }
        assert_eq!(cp1252_byte('é'), Some(0xe9));
        assert_eq!(cp1252_byte('\u{81}'), Some(0x81));
        assert_eq!(cp1252_byte('커'), None);
        assert_eq!(cp1252_byte('Ā'), None);
    }

    #[test]
    fn korean_read_as_cp1252() {
        let garbage: String = "커뮤니티"
            .bytes()
            .map(|b| {
                let b = b as u32;
                if (0x80..0xA0).contains(&b) {
                    cp1252_char(b as u8).unwrap_or(char::from_u32(b).unwrap())
                } else {
                    char::from_u32(b).unwrap()
                }
            })
            .collect();
        assert_eq!(
            fixes(&garbage),
            [(garbage.clone(), Some("커뮤니티".into()))]
        );
    }

    #[test]
    fn korean_read_as_cp949() {
        let (garbage, _, _) = encoding_rs::EUC_KR.decode("서울 커뮤니티".as_bytes());
        let found = fixes(&garbage);
        assert!(!found.is_empty(), "{garbage}");
    }

    #[test]
    fn legitimate_text_passes() {
        for ok in [
            "São Paulo",
            "Đoàn Văn Hậu",
            "Pʻyŏngyang",
            "naïve café",
            "CAFÉ…",
            "Zürich’s",
            "Ñandú",
            "1×2",
            "서울 커뮤니티",
            "汶川大地震",
            "« guillemets »",
            "ÂGE",
            "Москва",
            "£5 and €10",
            "Ægir",
            "Øresund",
            "Ísland",
        ] {
            assert!(fixes(ok).is_empty(), "{ok}: {:?}", fixes(ok));
        }
    }

    #[test]
    fn replacement_and_c1() {
        assert_eq!(
            fixes("bad \u{FFFD}\u{FFFD} text"),
            [("\u{FFFD}\u{FFFD}".into(), None)]
        );
        assert_eq!(fixes("don\u{92}t"), [("\u{92}".into(), Some("’".into()))]);
    }
}
