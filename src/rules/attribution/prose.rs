//! Reading prose for the attribution rules: capitals, lower-casing, the
//! words of a text (by [`Compiled::word`]), the last word of a text and
//! the word before a position, and whether a position is inside a
//! quotation.

use std::borrow::Cow;

use crate::segment::Segmented;

use super::compiled::Compiled;
use super::word_regex::WordMatch;

/// Whether byte `pos` is inside a quotation (between its marks).
pub(super) fn in_quote(seg: &Segmented, pos: usize) -> bool {
    let i = seg.quotes.partition_point(|q| q.span.end <= pos);
    i < seg.quotes.len() && seg.quotes[i].inner.start <= pos && pos < seg.quotes[i].inner.end
}

/// Whether `w` starts with a capital letter.
pub(super) fn is_capitalized(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `w.to_lowercase()`, borrowed when `w` is ASCII with no capital.
pub(super) fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// The first `max` words of `s` (letters, digits, inner apostrophes and
/// hyphens).
pub(super) fn words_of<'h>(c: &Compiled, s: &'h str, max: usize) -> Vec<&'h str> {
    // About a word per six bytes of prose: one allocation, mostly.
    let mut ws = Vec::with_capacity((s.len() / 6 + 1).min(max));
    ws.extend(c.word.find_iter(s).map(|m| m.as_str()).take(max));
    ws
}

/// The last word of `s` when it ends where `s` does.
pub(super) fn last_word<'h>(c: &Compiled, s: &'h str) -> Option<WordMatch<'h>> {
    // Only the trailing run of word-like characters can hold a word ending
    // at the end; `is_alphanumeric` covers `\p{L}\p{N}`, and before the run
    // no word can continue, so the regex finds the same last word there as
    // over the whole of `s`.
    let b = s.as_bytes();
    let mut run = s.len();
    while run > 0 {
        let x = b[run - 1];
        if x < 0x80 {
            if !(x.is_ascii_alphanumeric() || x == b'\'' || x == b'-') {
                break;
            }
            run -= 1;
        } else {
            match s[..run].chars().next_back() {
                Some(ch) if ch.is_alphanumeric() || ch == '\u{2019}' => run -= ch.len_utf8(),
                _ => break,
            }
        }
    }
    let m = c.word.find_iter(&s[run..]).last()?;
    (run + m.end() == s.len()).then_some(WordMatch {
        haystack: s,
        start: run + m.start(),
        end: run + m.end(),
    })
}

/// The word right before byte `pos` within `sent` (lower-cased), or None at
/// the sentence start or after a clause break.
pub(super) fn prev_word<'t>(
    c: &Compiled,
    text: &'t str,
    sent_start: usize,
    pos: usize,
) -> Option<(Cow<'t, str>, bool)> {
    let before = &text[sent_start..pos];
    let t = before.trim_end();
    if t.is_empty() || t.ends_with([',', ';', ':', '(', '"', '\u{201C}', '\u{2014}', '\u{2013}']) {
        return None;
    }
    let m = last_word(c, t)?;
    let first_word = text[sent_start..sent_start + m.start()].trim().is_empty();
    Some((lower(m.as_str()), is_capitalized(m.as_str()) && !first_word))
}
