//! Paragraphs: lines grouped into blocks between blank lines, and a block
//! split into paragraphs when it reads as one paragraph per line.

use std::ops::Range;

use super::{ParagraphMode, Positions};

/// Calls `f` with each line of `text` (its range without the line break).
/// `marks` are the text's [`marks`].
pub(super) fn for_each_line(text: &str, marks: &[u64], mut f: impl FnMut(Range<usize>)) {
    let mut start = 0;
    let b = text.as_bytes();
    for i in Positions::new(marks, 0..b.len()).filter(|&i| b[i] == b'\n') {
        let end = if i > start && b[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        f(start..end);
        start = i + 1;
    }
    if start < b.len() {
        f(start..b.len());
    }
}

/// The length of the whitespace character (`char::is_whitespace`) at byte
/// `i` of `text`, or 0 when there is none.
#[inline]
pub(super) fn space_at(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        None => 0,
        Some(&c) if c < 0x80 => usize::from(is_ascii_space(c)),
        Some(_) => match text[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
    }
}

/// The length of the whitespace character ending at byte `i` of `text`
/// (after byte `lo`), or 0 when there is none.
#[inline]
pub(super) fn space_before(text: &str, lo: usize, i: usize) -> usize {
    if i <= lo {
        return 0;
    }
    let c = text.as_bytes()[i - 1];
    if c < 0x80 {
        return usize::from(is_ascii_space(c));
    }
    match text[lo..i].chars().next_back() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// Whether the ASCII byte `c` is whitespace (`char::is_whitespace`).
#[inline(always)]
pub(super) const fn is_ascii_space(c: u8) -> bool {
    matches!(c, b'\t'..=b'\r' | b' ')
}

/// Whether byte `c` is neither whitespace nor part of a non-ASCII
/// character: a range that starts and ends with such bytes is trimmed.
#[inline(always)]
pub(super) const fn is_ascii_ink(c: u8) -> bool {
    c < 0x80 && !is_ascii_space(c)
}

/// `r` without the whitespace at either end (`str::trim`).
#[inline(always)]
pub(super) fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    // Most ranges start and end with visible ASCII: nothing to trim.
    let b = text.as_bytes();
    if r.start < r.end && is_ascii_ink(b[r.start]) && is_ascii_ink(b[r.end - 1]) {
        return r;
    }
    trim_range_slow(text, r)
}

#[inline(never)]
pub(super) fn trim_range_slow(text: &str, r: Range<usize>) -> Range<usize> {
    let b = text.as_bytes();
    let (mut start, mut end) = (r.start, r.end);
    loop {
        match b.get(start) {
            Some(&c) if start < end && is_ascii_space(c) => start += 1,
            Some(&c) if start < end && c >= 0x80 => match space_at(text, start) {
                0 => break,
                n => start += n,
            },
            _ => break,
        }
    }
    while end > start {
        match b[end - 1] {
            c if is_ascii_space(c) => end -= 1,
            c if c >= 0x80 => match space_before(text, start, end) {
                0 => break,
                n => end -= n,
            },
            _ => break,
        }
    }
    start..end
}

/// A line that is not blank: its range (without the line break) and the
/// same without the whitespace at either end.
pub(super) struct Line {
    l: Range<usize>,
    t: Range<usize>,
}

/// Whether a line, trimmed to `t`, ends in sentence punctuation, a closing
/// mark or an ellipsis.
pub(super) fn ends_like_paragraph(text: &str, t: &Range<usize>) -> bool {
    let Some(&c) = text.as_bytes()[t.clone()].last() else {
        return false;
    };
    if c < 0x80 {
        return matches!(c, b'.' | b'!' | b'?' | b':' | b'"' | b')');
    }
    matches!(
        text[t.clone()].chars().next_back(),
        Some('\u{201D}' | '\u{2019}' | '\u{2026}')
    )
}

/// Whether a line starts (after its indent) a Markdown list item, heading
/// or block quote.
pub(super) fn starts_block_item(text: &str, line: &Line) -> bool {
    let b = &text.as_bytes()[line.t.start..line.l.end];
    if b.is_empty() {
        return false;
    }
    if b[0] == b'#' || b[0] == b'>' {
        return true;
    }
    if matches!(b[0], b'-' | b'*' | b'+') && b.get(1) == Some(&b' ') {
        return true;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && matches!(b.get(digits), Some(b'.' | b')')) && b.get(digits + 1) == Some(&b' ')
}

pub(super) fn paragraphs(text: &str, marks: &[u64], mode: ParagraphMode) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The lines of the current block of consecutive non-blank lines.
    let mut block: Vec<Line> = Vec::new();
    // A paragraph of lines runs from the first's trimmed start to the
    // last's trimmed end.
    let mut flush = |block: &[Line]| {
        let per_line = match mode {
            ParagraphMode::Line => true,
            ParagraphMode::BlankLine => false,
            ParagraphMode::Auto => {
                let n = block.len() - 1;
                n > 0
                    && block[..n]
                        .iter()
                        .filter(|line| ends_like_paragraph(text, &line.t))
                        .count()
                        * 4
                        >= n * 3
            }
        };
        let mut start = block[0].t.start;
        for w in block.windows(2) {
            let next = &text.as_bytes()[w[1].l.clone()];
            let split = per_line
                || (mode == ParagraphMode::Auto
                    && (next.starts_with(b"  ")
                        || next.starts_with(b"\t")
                        || starts_block_item(text, &w[1])));
            if split {
                out.push(start..w[0].t.end);
                start = w[1].t.start;
            }
        }
        out.push(start..block[block.len() - 1].t.end);
    };
    for_each_line(text, marks, |l| {
        let t = trim_range(text, l.clone());
        if t.is_empty() {
            if !block.is_empty() {
                flush(&block);
                block.clear();
            }
        } else {
            block.push(Line { l, t });
        }
    });
    if !block.is_empty() {
        flush(&block);
    }
    out
}
