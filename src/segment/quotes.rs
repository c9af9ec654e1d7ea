//! Quotations: the pieces of direct speech of each paragraph, between their
//! marks, and which piece continues which.

use std::ops::Range;

use super::paragraphs::trim_range;
use super::{Positions, Quote};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Open,
    Close,
    Either,
}

/// Classifies a double quotation mark at byte `i` of `text` within paragraph
/// `p`, or `None` when it is not a quotation mark (an inch sign, a stray mark
/// between spaces, `"` used as an apostrophe).
pub(super) fn classify(text: &str, p: &Range<usize>, i: usize, c: char) -> Option<Mark> {
    let b = text.as_bytes();
    let prev = match i.checked_sub(1).filter(|&j| j >= p.start).map(|j| b[j]) {
        Some(q) if q < 0x80 => Some(q as char),
        _ => text[p.start..i].chars().next_back(),
    };
    let after = i + c.len_utf8();
    let next = match b.get(after).filter(|_| after < p.end) {
        Some(&n) if n < 0x80 => Some(n as char),
        _ => text[after..p.end].chars().next(),
    };
    let open_ok = next.is_some_and(|n| !n.is_whitespace())
        && prev.is_none_or(|q| {
            q.is_whitespace()
                || matches!(
                    q,
                    '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | '\u{2018}' | '\''
                )
        });
    let close_ok = prev.is_some_and(|q| !q.is_whitespace())
        && next.is_none_or(|n| {
            n.is_whitespace()
                || matches!(
                    n,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '\u{2014}'
                        | '\u{2013}'
                        | '-'
                        | '\''
                        | '\u{2019}'
                        | '\u{2026}'
                )
        });
    match c {
        '\u{201C}' => next
            .is_some_and(|n| !n.is_whitespace())
            .then_some(Mark::Open),
        '\u{201D}' => prev
            .is_some_and(|q| !q.is_whitespace())
            .then_some(Mark::Close),
        _ => match (open_ok, close_ok) {
            (true, true) => Some(Mark::Either),
            (true, false) => Some(Mark::Open),
            (false, true) => Some(Mark::Close),
            (false, false) => None,
        },
    }
}

pub(super) fn ends_sentence_before(text: &str, start: usize, i: usize) -> bool {
    text[start..i]
        .trim_end()
        .trim_end_matches(['\'', '\u{2019}'])
        .ends_with(['.', '!', '?', '\u{2026}'])
}

/// `marks` are the text's [`marks`].
pub(super) fn quotes(text: &str, marks: &[u64], paragraphs: &[Range<usize>]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // An unclosed piece at the end of the previous paragraph.
    let mut pending: Option<usize> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut open: Option<(usize, usize, Option<usize>)> = None; // (mark pos, mark len, continues)
        let first_nonspace = p.start;
        // Only `"` and the lead byte of the curly marks can start a mark.
        for i in Positions::new(marks, p.clone()) {
            if !matches!(text.as_bytes()[i], b'"' | 0xE2) {
                continue;
            }
            let c = match text.as_bytes()[i..] {
                [b'"', ..] => '"',
                [_, 0x80, 0x9C, ..] => '\u{201C}',
                [_, 0x80, 0x9D, ..] => '\u{201D}',
                _ => continue,
            };
            let Some(mark) = classify(text, p, i, c) else {
                continue;
            };
            match (open, mark) {
                (None, Mark::Open | Mark::Either) => {
                    let cont = if i == first_nonspace { pending } else { None };
                    open = Some((i, c.len_utf8(), cont));
                }
                (None, Mark::Close) => {}
                (Some((s, l, cont)), Mark::Close | Mark::Either) => {
                    out.push(Quote {
                        span: s..i + c.len_utf8(),
                        inner: s + l..i,
                        closed: true,
                        paragraph: pi,
                        continues: cont,
                    });
                    open = None;
                }
                (Some((s, l, cont)), Mark::Open) => {
                    // A new opening mark inside an open quotation: the
                    // previous piece ended without a closing mark.
                    let inner = trim_range(text, s + l..i);
                    out.push(Quote::unclosed(s, l, inner.end, pi, cont));
                    let chained = ends_sentence_before(text, s + l, i);
                    open = Some((i, c.len_utf8(), chained.then_some(out.len() - 1)));
                }
            }
        }
        pending = None;
        if let Some((s, l, cont)) = open {
            let inner = trim_range(text, s + l..p.end);
            out.push(Quote::unclosed(s, l, inner.end, pi, cont));
            pending = Some(out.len() - 1);
        }
    }
    out
}
