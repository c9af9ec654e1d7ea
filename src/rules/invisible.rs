//! `invisible-char`: characters that print as nothing but change the text —
//! zero-width characters, bidi controls (the Trojan Source set,
//! CVE-2021-42574), soft hyphens, word joiners, a byte-order mark inside the
//! text, tag characters, Hangul fillers — and the C0 control characters
//! other than tab, line feed and carriage return (NUL, ESC, BEL, a vertical
//! tab …) and DEL, which are never text in a draft (a file with a stray one
//! is still linted: see [`crate::decode`]).
//!
//! Not flagged: a leading BOM, a zero-width joiner inside an emoji sequence, a
//! variation selector after an emoji, ZWJ/ZWNJ between letters of scripts that
//! use them (Arabic, Persian, Indic) or after a virama or another mark of
//! such a script, a left-to-right or right-to-left mark or a bidi isolate
//! beside right-to-left text, and tag characters in an emoji flag sequence.

use icu_properties::props::{BidiClass, ExtendedPictographic, GeneralCategory};
use icu_properties::{CodePointMapData, CodePointSetData};

use crate::diagnostic::{Edit, Finding, Fix, Span};
use crate::rules::Claims;
use unicode_script::{Script, UnicodeScript};

/// What an invisible character is, for the message.
pub fn describe(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "zero-width space (U+200B)",
        '\u{200C}' => "zero-width non-joiner (U+200C)",
        '\u{200D}' => "zero-width joiner (U+200D)",
        '\u{2060}' => "word joiner (U+2060)",
        '\u{FEFF}' => "byte-order mark / zero-width no-break space (U+FEFF)",
        '\u{00AD}' => "soft hyphen (U+00AD)",
        '\u{180E}' => "Mongolian vowel separator (U+180E)",
        '\u{2061}'..='\u{2064}' => "invisible mathematical operator",
        '\u{200E}' => "left-to-right mark (U+200E)",
        '\u{200F}' => "right-to-left mark (U+200F)",
        '\u{061C}' => "Arabic letter mark (U+061C)",
        '\u{202A}' => "left-to-right embedding (U+202A), a bidi control",
        '\u{202B}' => "right-to-left embedding (U+202B), a bidi control",
        '\u{202C}' => "pop directional formatting (U+202C), a bidi control",
        '\u{202D}' => "left-to-right override (U+202D), a bidi control",
        '\u{202E}' => "right-to-left override (U+202E), a bidi control",
        '\u{2066}' => "left-to-right isolate (U+2066), a bidi control",
        '\u{2067}' => "right-to-left isolate (U+2067), a bidi control",
        '\u{2068}' => "first strong isolate (U+2068), a bidi control",
        '\u{2069}' => "pop directional isolate (U+2069), a bidi control",
        '\u{E0000}'..='\u{E007F}' => "tag character",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "Hangul filler",
        '\u{FE00}'..='\u{FE0F}' => "variation selector",
        _ => return None,
    })
}

/// Unicode's Extended_Pictographic property: the characters emoji
/// sequences are made of.
fn is_pictographic(c: char) -> bool {
    CodePointSetData::new::<ExtendedPictographic>().contains(c)
}

/// A pictograph, a skin-tone modifier, the emoji variation selector or the
/// keycap mark.
fn is_emoji_part(c: char) -> bool {
    is_pictographic(c) || matches!(c as u32, 0x1F3FB..=0x1F3FF | 0xFE0F | 0x20E3)
}

/// A character written right to left (bidi class R or AL: Hebrew, Arabic,
/// Syriac, Thaana, N'Ko, Adlam …).
fn is_rtl(c: char) -> bool {
    matches!(
        CodePointMapData::<BidiClass>::new().get(c),
        BidiClass::RightToLeft | BidiClass::ArabicLetter
    )
}

/// Scripts in which ZWJ and ZWNJ shape letters.
fn uses_joiners(c: char) -> bool {
    c.is_alphabetic()
        && !matches!(
            c.script(),
            Script::Latin | Script::Common | Script::Inherited
        )
}

/// A combining mark of a script that shapes with joiners (a virama, a
/// vowel sign): not alphabetic, but of its letters' script.
fn is_script_mark(c: char) -> bool {
    !c.is_ascii()
        && !matches!(
            c.script(),
            Script::Latin | Script::Common | Script::Inherited | Script::Unknown
        )
        && matches!(
            CodePointMapData::<GeneralCategory>::new().get(c),
            GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark
        )
}

/// Whether the invisible character at `i` (byte offset) is legitimate here.
fn is_legitimate(text: &str, i: usize, c: char) -> bool {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    match c {
        '\u{FEFF}' => i == 0,
        '\u{200D}' => {
            prev.is_some_and(is_emoji_part) && next.is_some_and(is_emoji_part)
                || prev.is_some_and(uses_joiners) && next.is_some_and(uses_joiners)
                || prev.is_some_and(is_script_mark)
        }
        // After a virama or another mark of such a script, a joiner asks
        // for a half form, a chillu or a conjunct's shape (Sinhala `ශ්‍රී`,
        // Malayalam `ന്‍` at a word's end).
        '\u{200C}' => {
            prev.is_some_and(uses_joiners) && next.is_some_and(uses_joiners)
                || prev.is_some_and(is_script_mark)
        }
        '\u{FE00}'..='\u{FE0F}' => {
            // After an emoji, a digit/#/* of a keycap, or a CJK/symbol character.
            prev.is_some_and(|p| {
                is_emoji_part(p) || matches!(p, '0'..='9' | '#' | '*') || !p.is_alphabetic()
            }) || prev.is_some_and(|p| !matches!(p.script(), Script::Latin))
        }
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}' => {
            // Directional marks beside right-to-left text are how such
            // glosses are written; isolates around it keep a number or a
            // mark beside it in its place (`quoted <U+2067>محمد<U+2069> 3 times`).
            let before = text[..i]
                .chars()
                .rev()
                .find(|ch| ch.is_alphabetic() || *ch == '\n');
            let after = text[i + c.len_utf8()..]
                .chars()
                .find(|ch| ch.is_alphabetic() || *ch == '\n');
            before.is_some_and(is_rtl) || after.is_some_and(is_rtl)
        }
        '\u{E0020}'..='\u{E007F}' => {
            // Emoji tag sequences (subdivision flags) start with U+1F3F4.
            text[..i]
                .chars()
                .rev()
                .find(|ch| !matches!(*ch as u32, 0xE0020..=0xE007F))
                == Some('\u{1F3F4}')
        }
        _ => false,
    }
}

/// The `invisible-char` matcher.
pub fn check_document(cx: &super::Context) -> Vec<Finding> {
    // Control characters anywhere in the file, code included: they are
    // never text.
    let mut out = control_runs(&cx.source.text);
    if cx.non_ascii().is_empty() {
        return out;
    }
    let controls = !out.is_empty();
    out.extend(check(cx.text, cx.non_ascii(), &cx.claims()));
    if controls {
        out.sort_by_key(|f| f.span.start);
    }
    out
}

/// A C0 control character other than tab, line feed and carriage return,
/// or DEL.
fn is_stray_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') | (b == 0x7F)
}

/// The C0 controls' abbreviations, by code.
const C0: [&str; 32] = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
];

/// Each run of one stray control character (see [`is_stray_control`]),
/// one finding. The fix removes a NUL run, and any other run beside a
/// space or a line's edge; a vertical tab or form feed (a word
/// processor's line or page break) becomes a line break; a control between
/// two words or inside one (`don\x19t`, where a converter lost an
/// apostrophe) is only shown, as what stood there is not known.
fn control_runs(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    // Most blocks hold no control: testing a block whole is cheap.
    const BLOCK: usize = 64;
    while from < bytes.len() {
        let block = &bytes[from..(from + BLOCK).min(bytes.len())];
        // (A fold over a whole block, not `any`: no early exit, so the
        // compiler vectorises it.)
        let seen = match <&[u8; BLOCK]>::try_from(block) {
            Ok(whole) => whole
                .iter()
                .fold(false, |seen, &b| seen | is_stray_control(b)),
            Err(_) => true,
        };
        let found = seen.then(|| block.iter().position(|&b| is_stray_control(b)));
        let Some(k) = found.flatten() else {
            from += block.len();
            continue;
        };
        let i = from + k;
        let b = bytes[i];
        let end = i + bytes[i..].iter().take_while(|&&c| c == b).count();
        let name = match b {
            0x7F => "DEL",
            _ => C0[usize::from(b)],
        };
        let what = format!("{name} (U+{b:04X}), a control character that is not text");
        let message = match end - i {
            1 => format!("invisible character: {what}"),
            n => format!("{n} invisible characters: {what}"),
        };
        let span = Span::new(i, end);
        let spaced = |c: Option<&u8>| c.is_none_or(|c| c.is_ascii_whitespace());
        let fix = match b {
            0 => Fix::safe(
                "remove the NUL character",
                vec![Edit {
                    span,
                    replacement: String::new(),
                }],
            ),
            0x0B | 0x0C => Fix::safe(
                "replace it with a line break",
                vec![Edit {
                    span,
                    replacement: "\n".repeat(end - i),
                }],
            ),
            _ => {
                let edit = vec![Edit {
                    span,
                    replacement: String::new(),
                }];
                let title = format!("remove the {name} character");
                match spaced(i.checked_sub(1).and_then(|p| bytes.get(p))) || spaced(bytes.get(end))
                {
                    true => Fix::safe(title, edit),
                    false => Fix::display_only(title, edit),
                }
            }
        };
        out.push(Finding::new(span, message).with_fix(fix));
        from = end;
    }
    out
}

/// Find invisible characters in `text` (the prose mask), whose non-ASCII
/// runs are `non_ascii`.
pub fn check(text: &str, non_ascii: &super::context::NonAscii, claims: &Claims) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut cursor = non_ascii.cursor();
    let mut from = 0;
    // Every character this rule looks for is outside ASCII.
    while let Some((i, c)) = cursor.next_char(text, from) {
        let len = c.len_utf8();
        if let Some(what) = describe(c) {
            if !is_legitimate(text, i, c) && !claims.overlaps(Span::new(i, i + len)) {
                // Group a run of the same character into one finding.
                let mut end = i + len;
                while text[end..].starts_with(c) {
                    end += len;
                }
                let span = Span::new(i, end);
                let count = (end - i) / len;
                let message = if count > 1 {
                    format!("{count} invisible characters: {what}")
                } else {
                    format!("invisible character: {what}")
                };
                out.push(Finding::new(span, message).with_fix(Fix::safe(
                    "remove the invisible character",
                    vec![Edit {
                        span,
                        replacement: String::new(),
                    }],
                )));
                from = end;
                continue;
            }
        }
        from = i + len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        check(
            text,
            &crate::rules::context::NonAscii::new(text),
            &Claims::default(),
        )
        .into_iter()
        .map(|f| &text[f.span.range()])
        .collect()
    }

    #[test]
    fn flags_zero_width_and_bidi() {
        assert_eq!(found("a\u{200B}b"), ["\u{200B}"]);
        assert_eq!(found("x\u{202E}y\u{2066}z"), ["\u{202E}", "\u{2066}"]);
        assert_eq!(found("co\u{00AD}op"), ["\u{00AD}"]);
        assert_eq!(found("12\u{FEFF}34"), ["\u{FEFF}"]);
        assert_eq!(found("one\u{3164}two"), ["\u{3164}"]);
    }

    #[test]
    fn leaves_legitimate_uses_alone() {
        assert!(found("\u{FEFF}Leading BOM").is_empty());
        assert!(found("family 👨\u{200D}👩\u{200D}👧 emoji").is_empty());
        assert!(found("heart ❤\u{FE0F} ok").is_empty());
        assert!(found("Persian می\u{200C}خواهم").is_empty());
        assert!(found("Hebrew (עברית\u{200E}) gloss").is_empty());
        assert!(found("Arabic: العربية\u{200F}, then English").is_empty());
        // A joiner after a virama (Sinhala `ශ්‍රී`, Devanagari `क्‍ष` and
        // `क्‌ष`, a Malayalam chillu at a word's end), and isolates around a
        // right-to-left name.
        assert!(found("Sri Lanka (ශ්\u{200D}රී ලංකාව)").is_empty());
        assert!(found("क्\u{200D}ष and क्\u{200C}ष").is_empty());
        assert!(found("Malayalam ന്\u{200D} ends it").is_empty());
        assert!(found("quoted \u{2067}محمد\u{2069} 3 times").is_empty());
        // A joiner after a Latin letter or a combining accent is not one.
        assert_eq!(found("e\u{301}\u{200D}x"), ["\u{200D}"]);
    }

    #[test]
    fn mark_far_from_rtl_text_is_flagged() {
        assert_eq!(found("plain\u{200E} English"), ["\u{200E}"]);
    }

    #[test]
    fn nul_characters_are_found_in_runs() {
        let text = "a\0b\0\0\0c";
        let spans: Vec<_> = control_runs(text).iter().map(|f| f.span.range()).collect();
        assert_eq!(spans, [1..2, 3..6]);
        assert!(control_runs("no nul").is_empty());
    }

    /// Other control characters, in sentences written for this test: an
    /// escape sequence pasted from a terminal, a bell, Word's line break
    /// (a vertical tab), an apostrophe lost to a converter, and DEL; tabs,
    /// line breaks and CRLF pass. Each is found past a 64-byte block's edge
    /// too.
    #[test]
    fn other_control_characters_are_found() {
        use crate::diagnostic::Applicability;
        let found = |text: &str| -> Vec<(String, String, Applicability, String)> {
            control_runs(text)
                .into_iter()
                .map(|f| {
                    let fix = f.fix.expect("a fix");
                    (
                        text[f.span.range()].to_string(),
                        f.message,
                        fix.applicability,
                        fix.edits[0].replacement.clone(),
                    )
                })
                .collect()
        };
        let pad = "The council met on Tuesday.\tIt voted 5-2.\r\n".repeat(3);
        let text =
            format!("{pad}The vote \x1b[31mpassed\x07 on time.\x0bNew line. It\x19s late\x7f");
        let got = found(&text);
        let shown: Vec<(&str, Applicability, &str)> = got
            .iter()
            .map(|(t, _, a, r)| (t.as_str(), *a, r.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("\x1b", Applicability::Safe, ""),
                ("\x07", Applicability::Safe, ""),
                ("\x0b", Applicability::Safe, "\n"),
                ("\x19", Applicability::DisplayOnly, ""),
                ("\x7f", Applicability::Safe, ""),
            ]
        );
        assert_eq!(
            got[0].1,
            "invisible character: ESC (U+001B), a control character that is not text"
        );
        assert_eq!(
            found("Page one.\x0c\x0cPage two.")[0].1,
            "2 invisible characters: FF (U+000C), a control character that is not text"
        );
        assert!(found(&pad).is_empty());
    }

    #[test]
    fn a_run_is_one_finding() {
        assert_eq!(
            found("a\u{200B}\u{200B}\u{200B}b"),
            ["\u{200B}\u{200B}\u{200B}"]
        );
    }
}
