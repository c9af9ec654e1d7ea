//! Character references (`&amp;`, `&#52964;`, `&#xFEFF;`, `&notit;`) as the
//! HTML tokenizer reads them, one at a time, so each keeps its place in the
//! file.
//!
//! The tokenizer decodes a whole run of text at once and reports one span
//! for it; the offset map needs each reference's bytes. So a reference is
//! found here (an `&` and the longest run that could name one) and decoded by
//! the tokenizer itself, alone: what it decodes and what it leaves as text
//! tell how many bytes the reference took. The spec's rules (the longest
//! named match, legacy names without `;`, numeric references out of range,
//! the attribute-value exceptions) are the tokenizer's, not a copy.

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};
use std::collections::HashMap;

/// The longest named reference is 33 bytes (`&CounterClockwiseContourIntegral;`).
const NAME_CAP: usize = 40;

/// A decoded reference: how many bytes of the file it takes, and its text.
pub type Decoded = (usize, String);

/// Decodes references, remembering each spelling (a page repeats `&nbsp;`).
#[derive(Default)]
pub struct References {
    seen: HashMap<(String, bool, Option<char>), Option<Decoded>>,
}

impl References {
    /// The reference at the start of `rest` (which starts with `&`), in text
    /// (`in_attribute` false) or in an attribute value; `None` if the `&` is
    /// only an ampersand.
    pub fn at(&mut self, rest: &str, in_attribute: bool) -> Option<Decoded> {
        let candidate = candidate(rest)?;
        // In an attribute a legacy name without `;` is not a reference
        // before `=` or a letter or digit: the tokenizer must see that char.
        let next = rest[candidate.len()..]
            .chars()
            .next()
            .filter(|c| in_attribute && (c.is_ascii_alphanumeric() || *c == '='));
        let key = (candidate.to_string(), in_attribute, next);
        if let Some(found) = self.seen.get(&key) {
            return found.clone();
        }
        let found = decode(candidate, in_attribute, next);
        self.seen.insert(key, found.clone());
        found
    }
}

/// The bytes after `&` that could belong to a reference: `#`, an optional
/// `x`, digits, an optional `;`; or up to [`NAME_CAP`] letters and digits and
/// an optional `;`.
fn candidate(rest: &str) -> Option<&str> {
    let b = rest.as_bytes();
    let mut i = 1;
    if b.get(1) == Some(&b'#') {
        i = 2;
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        if hex {
            i = 3;
        }
        let digits = i;
        while b.get(i).is_some_and(|c| match hex {
            true => c.is_ascii_hexdigit(),
            false => c.is_ascii_digit(),
        }) {
            i += 1;
        }
        if i == digits {
            return None;
        }
    } else {
        while i <= NAME_CAP && b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        if i == 1 {
            return None;
        }
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    Some(&rest[..i])
}

/// The tokenizer's reading of `candidate` alone; `None` if it is left as text.
fn decode(candidate: &str, in_attribute: bool, next: Option<char>) -> Option<Decoded> {
    let input = match in_attribute {
        true => format!(
            "<i a=\"{candidate}{}\">",
            next.map(String::from).unwrap_or_default()
        ),
        false => candidate.to_string(),
    };
    let emitter = CallbackEmitter::new(
        move |event: CallbackEvent<'_>, _: Span<()>| -> Option<Vec<u8>> {
            match event {
                CallbackEvent::String { value } if !in_attribute => Some(value.to_vec()),
                CallbackEvent::AttributeValue { value } if in_attribute => Some(value.to_vec()),
                _ => None,
            }
        },
    );
    let mut out = Vec::new();
    for value in Tokenizer::new_with_emitter(input.as_str(), emitter).flatten() {
        out.extend(value);
    }
    let mut out = String::from_utf8(out).ok()?;
    if let Some(c) = next {
        out.pop().filter(|&last| last == c)?;
    }
    if out == candidate {
        return None;
    }
    // `out` is the reference's text followed by what it did not take, as
    // it was: the shortest reference that explains it (its text is never
    // empty, and never ends with the letters of its own name).
    (2..=candidate.len()).find_map(|taken| {
        let left = &candidate[taken..];
        let kept = out.len().checked_sub(left.len())?;
        (kept > 0 && out.ends_with(left) && out.is_char_boundary(kept))
            .then(|| (taken, out[..kept].to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, attr: bool) -> Option<(usize, String)> {
        References::default().at(s, attr)
    }

    #[test]
    fn references_take_their_own_bytes() {
        assert_eq!(at("&#52964; x", false), Some((8, "커".into())));
        assert_eq!(at("&#xFEFF;word", false), Some((8, "\u{FEFF}".into())));
        assert_eq!(at("&amp;amp;", false), Some((5, "&".into())));
        assert_eq!(at("&semi;", false), Some((6, ";".into())));
        assert_eq!(at("&fjlig;", false), Some((7, "fj".into())));
        assert_eq!(at("&nbsp;", false), Some((6, "\u{A0}".into())));
        // A legacy name without `;`: the longest match, the rest is text.
        assert_eq!(at("&notit; y", false), Some((4, "¬".into())));
        assert_eq!(at("&eacute", false), Some((7, "é".into())));
        // Windows-1252 numbers and out-of-range numbers, as the spec reads them.
        assert_eq!(at("&#150;", false), Some((6, "–".into())));
        assert_eq!(at("&#0;", false), Some((4, "\u{FFFD}".into())));
        assert_eq!(at("&#99999999999;", false), Some((14, "\u{FFFD}".into())));
    }

    #[test]
    fn ampersands_that_are_not_references() {
        for s in ["& b", "&;", "&#;", "&#x;", "&bogus;", "&"] {
            assert_eq!(at(s, false), None, "{s:?}");
        }
        // In an attribute value, a legacy name before `=` stays as it is.
        assert_eq!(at("&copy=1", true), None);
        assert_eq!(at("&copy 2", true), Some((5, "©".into())));
        assert_eq!(at("&copy=1", false), Some((5, "©".into())));
    }
}
