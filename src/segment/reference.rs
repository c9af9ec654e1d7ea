//! The segmentation as written before it read bytes instead of characters
//! (lines and sentences collected into vectors, whitespace and marks
//! decoded): the model the segmentation is tested against.

use std::ops::Range;

use super::{
    abbrev_key, ends_sentence_before, is_closer, next_word, word_before, Lists, ParagraphMode,
    Quote, SegmentOptions, Segmented, Sentence, ELLIPSIS,
};

/// Segments `text`.
pub(super) fn segment_with(text: &str, opts: &SegmentOptions) -> Segmented {
    let paragraphs = paragraphs(text, opts.paragraphs);
    let mut sentences = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for span in sentences_in(text, p.clone()) {
            sentences.push(Sentence { span, paragraph: i });
        }
    }
    let quotes = quotes(text, &paragraphs);
    Segmented {
        paragraphs,
        sentences,
        quotes,
    }
}

// ---------------------------------------------------------------------------
// Paragraphs

/// Lines of `text` as (content range without the line break).
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in memchr::memchr_iter(b'\n', b) {
        let end = if i > start && b[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        out.push(start..end);
        start = i + 1;
    }
    if start < b.len() {
        out.push(start..b.len());
    }
    out
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    let start = r.start + lead;
    start..start + t.len()
}

fn ends_like_paragraph(line: &str) -> bool {
    let t = line.trim_end();
    matches!(
        t.chars().last(),
        Some('.' | '!' | '?' | ':' | '"' | '\u{201D}' | '\u{2019}' | ')' | '\u{2026}')
    )
}

fn starts_block_item(line: &str) -> bool {
    let t = line.trim_start();
    let b = t.as_bytes();
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

fn paragraphs(text: &str, mode: ParagraphMode) -> Vec<Range<usize>> {
    // Blocks of consecutive non-blank lines.
    let mut blocks: Vec<Vec<Range<usize>>> = Vec::new();
    let mut cur: Vec<Range<usize>> = Vec::new();
    for l in lines(text) {
        if text[l.clone()].trim().is_empty() {
            if !cur.is_empty() {
                blocks.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        blocks.push(cur);
    }
    let mut out = Vec::new();
    for block in blocks {
        let per_line = match mode {
            ParagraphMode::Line => true,
            ParagraphMode::BlankLine => false,
            ParagraphMode::Auto => {
                let n = block.len() - 1;
                n > 0
                    && block[..n]
                        .iter()
                        .filter(|l| ends_like_paragraph(&text[(*l).clone()]))
                        .count()
                        * 4
                        >= n * 3
            }
        };
        let mut start = block[0].start;
        for w in block.windows(2) {
            let next = &text[w[1].clone()];
            let split = per_line
                || (mode == ParagraphMode::Auto
                    && (next.starts_with("  ")
                        || next.starts_with('\t')
                        || starts_block_item(next)));
            if split {
                out.push(trim_range(text, start..w[0].end));
                start = w[1].start;
            }
        }
        out.push(trim_range(text, start..block[block.len() - 1].end));
    }
    out.retain(|r| !r.is_empty());
    out
}

// ---------------------------------------------------------------------------
// Sentences

// The word lists and the word and mark tests are the segmenter's own.

/// Decides whether the period at byte `dot` ends a sentence, given that the
/// next sentence would start at `next`.
fn period_ends_sentence(text: &str, dot: usize, next: usize) -> bool {
    let w = word_before(text, dot);
    let w = w.trim_start_matches(['.', '-', '\'']);
    if w.is_empty() {
        return true;
    }
    // Most sentences end in a word longer than any abbreviation: skip the
    // list lookups for them. The lists are lower-case ASCII.
    let lists = Lists::shipped();
    let opener = || lists.is_opener(next_word(text, next));
    if let Some(key) = (w.len() <= lists.max).then(|| abbrev_key(w)).flatten() {
        if lists.titles.binary_search(&key).is_ok() {
            return false;
        }
        if lists.soft.binary_search(&key).is_ok() {
            return opener();
        }
    }
    // Without a period, only a single capital letter is an initial (the
    // checks below, short-cut for the common case).
    if !w.contains('.') {
        let mut cs = w.chars();
        return match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() && c.is_uppercase() => w.len() > 1 && opener(),
            _ => true,
        };
    }
    // Initials and initialisms: J. Smith, J.R.R. Tolkien, U.S., D.C.
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let single_initial = letters == 1 && w.chars().all(|c| c.is_alphabetic() || c == '.');
    let initialism = w.contains('.')
        && w.split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    if single_initial && w.chars().all(|c| c.is_uppercase() || c == '.') {
        return w.len() > 1 && opener();
    }
    if initialism {
        return opener();
    }
    true
}

/// Byte offset (from `from`) of the next sentence-terminal character in `b`:
/// `.`, `!`, `?` or an ellipsis. Scanning bytes rather than decoding every
/// char is what keeps segmentation fast: terminals are rare, and all but the
/// ellipsis are ASCII, which never occurs inside a multi-byte character.
fn next_terminal(b: &[u8], from: usize) -> Option<usize> {
    let i = memchr::memchr3(b'.', b'!', b'?', &b[from..]).map_or(b.len(), |i| from + i);
    // An ellipsis before that ASCII terminal? 0xE2 also leads curly quotes.
    let mut j = from;
    while let Some(e) = memchr::memchr(0xE2, &b[j..i]) {
        if b[j + e..].starts_with(ELLIPSIS) {
            return Some(j + e);
        }
        j += e + 1;
    }
    (i < b.len()).then_some(i)
}

/// Sentence spans inside paragraph `p`.
fn sentences_in(text: &str, p: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = p.start;
    let s = &text[p.clone()];
    let b = s.as_bytes();
    let mut pos = 0;
    while let Some(i) = next_terminal(b, pos) {
        let c = s[i..].chars().next().unwrap_or(' ');
        pos = i + c.len_utf8();
        let term_at = p.start + i;
        // Decimal numbers: 3.5
        if c == '.' {
            let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
            let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if prev_digit && next_digit {
                continue;
            }
        }
        // Consume the run of terminal punctuation and closers.
        let mut end = p.start + i + c.len_utf8();
        let mut only_periods = c == '.';
        while let Some(d) = s[pos..].chars().next() {
            if matches!(d, '.' | '!' | '?' | '\u{2026}') {
                only_periods &= d == '.';
            } else if !is_closer(d) {
                break;
            }
            pos += d.len_utf8();
            end = p.start + pos;
        }
        // Must be followed by whitespace (or the paragraph end).
        let rest = &text[end..p.end];
        if rest.is_empty() {
            break;
        }
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let next = end + (rest.len() - rest.trim_start().len());
        let nc = text[next..].chars().next().unwrap_or(' ');
        let starts_new = nc.is_uppercase()
            || nc.is_ascii_digit()
            || matches!(nc, '"' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\'');
        if !starts_new {
            continue;
        }
        let single_period =
            only_periods && text[term_at..end].trim_end_matches(is_closer).len() == 1;
        if single_period && !period_ends_sentence(text, term_at, next) {
            continue;
        }
        out.push(trim_range(text, start..end));
        start = next;
    }
    let last = trim_range(text, start..p.end);
    if !last.is_empty() {
        out.push(last);
    }
    out
}

// ---------------------------------------------------------------------------
// Quotations

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// Classifies a double quotation mark at byte `i` of `text` within paragraph
/// `p`, or `None` when it is not a quotation mark (an inch sign, a stray mark
/// between spaces, `"` used as an apostrophe).
fn classify(text: &str, p: &Range<usize>, i: usize, c: char) -> Option<Mark> {
    let prev = text[p.start..i].chars().next_back();
    let next = text[i + c.len_utf8()..p.end].chars().next();
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

fn quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // An unclosed piece at the end of the previous paragraph.
    let mut pending: Option<usize> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut open: Option<(usize, usize, Option<usize>)> = None; // (mark pos, mark len, continues)
        let first_nonspace = p.start;
        // Only `"` and the lead byte of the curly marks can start a mark.
        for off in memchr::memchr2_iter(b'"', 0xE2, text[p.clone()].as_bytes()) {
            let i = p.start + off;
            let c = text[i..].chars().next().unwrap_or(' ');
            if !matches!(c, '"' | '\u{201C}' | '\u{201D}') {
                continue;
            }
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
