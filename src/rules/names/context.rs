//! What the text around a name says: whether it stands at a word boundary
//! or is glued to letters ([`left_boundary`], [`right_context`]), whether it
//! is part of a phrase that is no use of the name (`chicken Kiev`,
//! [`is_exception`]) or is mentioned as another spelling ([`alt_mention`]),
//! whether it lies inside a direct quotation ([`Quotes`]), and the Hangul
//! gloss after it ([`hangul_gloss`]).

use std::cell::{Cell, OnceCell};

use unicode_normalization::char::is_combining_mark;

pub(super) fn left_boundary(text: &str, start: usize) -> bool {
    match text[..start].chars().next_back() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || is_combining_mark(c) || c == '_'),
    }
}

pub(super) enum Right {
    /// A word boundary after the match.
    Boundary,
    /// Lowercase ASCII letters `end..suffix_end` glued to the match, then a
    /// boundary.
    Fused(usize),
    /// Glued to something else (digits, capitals, other letters).
    Glued,
}

pub(super) fn right_context(text: &str, end: usize) -> Right {
    let rest = &text[end..];
    let lower = rest.bytes().take_while(u8::is_ascii_lowercase).count();
    let after = rest[lower..].chars().next();
    let boundary_after = match after {
        None => true,
        Some(c) => !(c.is_alphanumeric() || is_combining_mark(c) || c == '_'),
    };
    if lower == 0 {
        if boundary_after {
            Right::Boundary
        } else {
            Right::Glued
        }
    } else if boundary_after || after.is_some_and(char::is_uppercase) {
        // `Kim Il SungandKim Jong Il`: the next name is glued on too.
        Right::Fused(end + lower)
    } else {
        Right::Glued
    }
}

/// Phrases in which a table form is not the entity (`chicken Kiev`).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("chicken Kiev", "Kiev"),
    ("Chicken Kiev", "Kiev"),
    ("Dynamo Kiev", "Kiev"),
    ("Dinamo Kiev", "Kiev"),
    ("Kiev Rus", "Kiev"),
    ("Treaty of Nanking", "Nanking"),
    ("Rape of Nanking", "Nanking"),
    ("Nanking Massacre", "Nanking"),
    ("Peking duck", "Peking"),
    ("Peking Duck", "Peking"),
    ("Peking opera", "Peking"),
    ("Peking Opera", "Peking"),
    ("Peking University", "Peking"),
    ("Peking Man", "Peking"),
    ("Canton System", "Canton"),
    ("Canton Fair", "Canton"),
];

pub(super) fn is_exception(text: &str, start: usize, form: &str) -> bool {
    EXCEPTIONS.iter().any(|(phrase, f)| {
        if *f != form {
            return false;
        }
        let Some(off) = phrase.find(f) else {
            return false;
        };
        start >= off
            && text.is_char_boundary(start - off)
            && text[start - off..].starts_with(phrase)
    })
}

/// Words before a name that announce another spelling on purpose
/// (`formerly romanized as Chekiang`, `Kyiv (formerly Kiev)`).
const MENTION_CUES: &[&str] = &[
    "romanized as",
    "romanised as",
    "romanized",
    "romanised",
    "spelled",
    "spelt",
    "spelling",
    "known as",
    "formerly",
    "transliterated as",
    "written as",
    "also written",
    ", or",
    "(or",
    "aka",
];

/// The name at `start..end` is mentioned as an alternative spelling, not
/// used: after a cue such as `formerly` or `also spelled`, or inside a
/// parenthetical gloss that has a label (`pinyin: …`) or native script.
pub(super) fn alt_mention(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start].trim_end_matches([' ', '"', '“', '\'', '‘']);
    if MENTION_CUES.iter().any(|c| before.ends_with(c)) {
        return true;
    }
    // Innermost parenthesis around the name, within its paragraph: the
    // nearest `(` before it, with no `)` or line break in between.
    let open = match memchr::memrchr3(b'(', b')', b'\n', &text.as_bytes()[..start]) {
        Some(i) if text.as_bytes()[i] == b'(' => i,
        _ => return false,
    };
    let close = text[end..]
        .find([')', '\n'])
        .map_or(text.len(), |i| end + i);
    let inner = &text[open + 1..close];
    inner.contains(':')
        || inner.contains(';')
        || inner.chars().any(|c| c.is_alphabetic() && !is_latin(c))
}

fn is_latin(c: char) -> bool {
    c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// Whether places of a draft lie inside direct quotations (see
/// [`quote_spans`]).
///
/// No quotation crosses a line end, so a place is looked up by scanning
/// its own line up to it: a draft asks only about its findings and the
/// first uses of its names, far fewer bytes than the whole draft. Past a
/// budget of as many bytes as the draft (long lines, many questions), the
/// draft's spans are listed once instead.
pub(super) struct Quotes<'a> {
    text: &'a str,
    spans: OnceCell<Vec<(usize, usize)>>,
    scanned: Cell<usize>,
}

impl<'a> Quotes<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Quotes {
            text,
            spans: OnceCell::new(),
            scanned: Cell::new(0),
        }
    }

    pub(super) fn contains(&self, pos: usize) -> bool {
        if let Some(spans) = self.spans.get() {
            return in_spans(spans, pos);
        }
        let b = self.text.as_bytes();
        if b.get(pos) == Some(&b'\n') {
            return false; // (a line end closes every quotation before it)
        }
        let line = memchr::memrchr(b'\n', &b[..pos]).map_or(0, |i| i + 1);
        let scanned = self.scanned.get() + (pos - line);
        if scanned > b.len() {
            return in_spans(self.spans.get_or_init(|| quote_spans(self.text)), pos);
        }
        self.scanned.set(scanned);
        // The states of [`quote_spans`]'s scan, from the line's start.
        let mut open = false;
        for i in memchr::memchr2_iter(b'"', 0xe2, &b[line..pos]) {
            match (b[line + i], b.get(line + i + 1..line + i + 3)) {
                (0xe2, Some([0x80, 0x9c])) => open = true,
                (0xe2, Some([0x80, 0x9d])) => open = false,
                (b'"', _) => open = !open,
                _ => {}
            }
        }
        // A quotation mark at `pos` opens a span or closes one with it.
        open || b.get(pos) == Some(&b'"') || b[pos..].starts_with("“".as_bytes())
    }
}

/// Byte ranges inside direct quotations: `“…”`, or `"…"` pairs within a
/// paragraph (an unclosed quote runs to the end of its line, the newswire
/// convention for quotes running over paragraphs).
fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let b = text.as_bytes();
    // `“` and `”` are E2 80 9C and E2 80 9D.
    for i in memchr::memchr3_iter(b'"', b'\n', 0xe2, b) {
        match (b[i], b.get(i + 1..i + 3)) {
            (0xe2, Some([0x80, 0x9c])) if open.is_none() => open = Some(i),
            (0xe2, Some([0x80, 0x9d])) => {
                if let Some(s) = open.take() {
                    spans.push((s, i + 3));
                }
            }
            (b'"', _) => match open.take() {
                Some(s) => spans.push((s, i + 1)),
                None => open = Some(i),
            },
            (b'\n', _) => {
                if let Some(s) = open.take() {
                    spans.push((s, i));
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        spans.push((s, text.len()));
    }
    spans
}

fn in_spans(spans: &[(usize, usize)], pos: usize) -> bool {
    let idx = spans.partition_point(|&(s, _)| s <= pos);
    idx > 0 && pos < spans[idx - 1].1
}

/// A Hangul gloss right after a name: ` (윤석열)`, ` (Korean: 윤석열)`.
pub(super) fn hangul_gloss(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
    let rest = rest.strip_prefix('(').or_else(|| rest.strip_prefix('（'))?;
    let rest = rest.trim_start();
    let rest = ["Korean:", "Hangul:", "in Korean:", "Korean"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .map_or(rest, str::trim_start);
    let len: usize = rest
        .chars()
        .take_while(|&c| ('\u{ac00}'..='\u{d7a3}').contains(&c) || c == ' ')
        .map(char::len_utf8)
        .sum();
    let gloss = rest[..len].trim();
    let after = rest[len..].chars().next();
    if gloss.is_empty() || !matches!(after, Some(')' | '）' | ',' | ';')) {
        return None;
    }
    Some(gloss)
}

pub(super) fn quote_note(message: String, in_quote: bool) -> String {
    if in_quote {
        format!("{message} (inside a quotation: the fix is shown, not applied)")
    } else {
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes() {
        let t = "He said \"Kim was here\" and “Kiev” then\n\"open";
        let q = quote_spans(t);
        assert!(in_spans(&q, t.find("Kim").unwrap()));
        assert!(in_spans(&q, t.find("Kiev").unwrap()));
        assert!(!in_spans(&q, t.find("then").unwrap()));
        assert!(in_spans(&q, t.find("open").unwrap()));
    }

    #[test]
    fn line_scans_match_the_draft_spans() {
        let pieces = ["\"", "“", "”", "\n", "a", "Kim ", " ", "é", "’"];
        let mut below = crate::testing::xorshift(0x853c_49e6_748f_ea9b);
        for _ in 0..3_000 {
            let n = 1 + below(24);
            let t: String = (0..n).map(|_| pieces[below(pieces.len())]).collect();
            let spans = quote_spans(&t);
            // One `Quotes` a question (line scans only), and one for all
            // of the text's questions (over budget: the draft's spans).
            let shared = Quotes::new(&t);
            for (pos, _) in t.char_indices() {
                let want = in_spans(&spans, pos);
                assert_eq!(Quotes::new(&t).contains(pos), want, "{t:?} at {pos}");
                assert_eq!(shared.contains(pos), want, "{t:?} at {pos} (shared)");
            }
        }
    }
}
