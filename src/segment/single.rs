//! Quotations in single marks (`‘…’`, `'…'`), the quoted speech of British
//! and some wire styles, found only to keep fixes out of quoted speech.
//!
//! The attribution rules read double marks alone ([`super::quotes`]): a
//! single mark is as often an apostrophe (`don’t`, `voters’`, `’90s`) and
//! a scare quote. Here an error costs little either way, so the spans are
//! generous: a fix inside one is shown, not applied.

use std::ops::Range;

/// The spans of quotations in single marks, in order.
///
/// A quotation opens at `‘`, or at `'` at the start of a word (after the
/// text's start, a space or an opening bracket, dash or double mark) before
/// a letter or a digit. It closes at the last closing mark (`’` or `'` after
/// a word, not between two letters or digits as in `don’t`) before the
/// next opening mark or the paragraph's end (a blank line); with none, it
/// runs to that place.
pub fn single_quotations(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
    for i in memchr::memchr3_iter(b'\'', b'\n', 0xE2, bytes) {
        let (len, kind) = match bytes[i] {
            b'\n' => {
                // A blank line: only spaces up to the next line feed.
                let rest = &bytes[i + 1..];
                let blank = rest
                    .iter()
                    .position(|b| !matches!(b, b' ' | b'\t' | b'\r'))
                    .is_some_and(|k| rest[k] == b'\n');
                (1, blank.then_some(Mark::Break))
            }
            b'\'' => (1, straight_or_closing(text, i, 1)),
            // `‘` and `’` (E2 80 98, E2 80 99).
            _ => match bytes.get(i + 1..i + 3) {
                Some([0x80, 0x98]) => (3, Some(Mark::Open)),
                Some([0x80, 0x99]) => (3, straight_or_closing(text, i, 3)),
                _ => continue,
            },
        };
        if let Some(kind) = kind {
            marks.push((i, i + len, kind));
        }
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < marks.len() {
        let (start, _, kind) = marks[k];
        k += 1;
        if kind != Mark::Open {
            continue;
        }
        // Up to the next opening mark or the paragraph's end.
        let stop = marks[k..]
            .iter()
            .position(|m| m.2 != Mark::Close)
            .map_or(marks.len(), |n| k + n);
        let end = match marks[k..stop].last() {
            Some(&(_, close_end, _)) => close_end,
            None => marks.get(stop).map_or(text.len(), |m| m.0),
        };
        out.push(start..end);
        k = stop;
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Open,
    Close,
    Break,
}

/// What the `'` or `’` of `len` bytes at `i` is: a straight mark opening a
/// word (after the text's start, a space or an opening bracket, dash or
/// double mark, before a letter or a digit) opens; a mark after a word
/// closes, unless it stands between two letters or digits (`don’t`); any
/// other is neither.
fn straight_or_closing(text: &str, i: usize, len: usize) -> Option<Mark> {
    let before = text[..i].chars().next_back();
    let after = text[i + len..].chars().next();
    let word_after = after.is_some_and(char::is_alphanumeric);
    let opens_after =
        before.is_none_or(|b| b.is_whitespace() || "([{\"\u{201C}\u{2014}\u{2013}/".contains(b));
    if len == 1 && opens_after && word_after {
        Some(Mark::Open)
    } else if before.is_some_and(|b| !b.is_whitespace())
        && !(word_after && before.is_some_and(char::is_alphanumeric))
    {
        Some(Mark::Close)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(t: &str) -> Vec<&str> {
        single_quotations(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn quotations_in_single_marks() {
        assert_eq!(
            spans("\u{2018}We shared the plan,\u{2019} the minister said."),
            ["\u{2018}We shared the plan,\u{2019}"]
        );
        assert_eq!(
            spans("'We shared the plan,' the minister said."),
            ["'We shared the plan,'"]
        );
        // Apostrophes inside and after it: the span runs to the last
        // closing mark before the paragraph's end.
        assert_eq!(
            spans("\u{2018}The voters\u{2019} rights don\u{2019}t wait,\u{2019} she said."),
            ["\u{2018}The voters\u{2019} rights don\u{2019}t wait,\u{2019}"]
        );
        // Not apostrophes alone.
        assert!(
            spans("The council\u{2019}s plan isn\u{2019}t new; rock \u{2019}n\u{2019} roll.")
                .is_empty()
        );
        assert!(spans("It's the voters' choice.").is_empty());
        // Unclosed: to the paragraph's end, not past it.
        assert_eq!(
            spans("He said \u{2018}we will win\n\nThe vote is Friday."),
            ["\u{2018}we will win"]
        );
        // Two quotations in a paragraph, and one in the next.
        assert_eq!(
            spans("\u{2018}Yes,\u{2019} he said. \u{2018}No.\u{2019}\n\n\u{2018}Maybe,\u{2019} she said."),
            ["\u{2018}Yes,\u{2019}", "\u{2018}No.\u{2019}", "\u{2018}Maybe,\u{2019}"]
        );
    }
}
