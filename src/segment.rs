//! Segmentation of news prose into paragraphs, sentences and quotations.
//!
//! All spans are half-open byte ranges into the input `&str`. The input is
//! expected to be the document text in which non-prose bytes (Markdown code,
//! URLs) were already replaced by ASCII spaces, so offsets equal the file's.

use std::ops::Range;

use crate::bytes;

/// How paragraphs are delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParagraphMode {
    /// Blank lines always separate paragraphs. Inside a block, a single
    /// newline also does when the block looks like one-paragraph-per-line
    /// copy (most lines end in sentence punctuation), when the next line is
    /// indented (1980s wire copy) or starts a Markdown list item, heading or
    /// block quote.
    #[default]
    Auto,
    /// Only blank lines separate paragraphs.
    BlankLine,
    /// Every line is a paragraph.
    Line,
}

/// Options for [`segment_with`].
#[derive(Debug, Clone, Default)]
pub struct SegmentOptions {
    pub paragraphs: ParagraphMode,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: usize,
}

/// One piece of a direct quotation, within one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark inclusive (or to the end of
    /// the quoted text when the piece is not closed).
    pub span: Range<usize>,
    /// The quoted text, without the marks.
    pub inner: Range<usize>,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: usize,
    /// The previous piece of the same quotation: the paragraph before ended
    /// without a closing mark and this one opens with a mark, or (in text
    /// whose paragraphs were run together) a new opening mark follows a
    /// sentence end inside an open quotation.
    pub continues: Option<usize>,
}

impl Quote {
    /// A piece left open: its opening mark at `start`, `mark_len` bytes
    /// long, and its quoted text ending at `text_end` (trimmed; the piece
    /// is never shorter than its mark).
    pub(crate) fn unclosed(
        start: usize,
        mark_len: usize,
        text_end: usize,
        paragraph: usize,
        continues: Option<usize>,
    ) -> Quote {
        let end = text_end.max(start + mark_len);
        Quote {
            span: start..end,
            inner: start + mark_len..end,
            closed: false,
            paragraph,
            continues,
        }
    }
}

/// The result of [`segment`].
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
}

impl Segmented {
    /// Indices of the sentences of paragraph `p` (a contiguous range).
    pub fn sentences_of(&self, p: usize) -> Range<usize> {
        let start = self.sentences.partition_point(|s| s.paragraph < p);
        let end = self.sentences.partition_point(|s| s.paragraph <= p);
        start..end
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }
}

/// Segments `text` with the default options and the shipped lists.
pub fn segment(text: &str) -> Segmented {
    segment_with(text, &SegmentOptions::default())
}

/// Segments `text` with the shipped lists.
pub fn segment_with(text: &str, opts: &SegmentOptions) -> Segmented {
    segment_by(Lists::shipped(), text, opts)
}

/// The quotations of `text` alone, as [`segment_by`] finds them, without
/// its sentences (which cost most of the segmentation): what a check of
/// whether a place is quoted needs.
pub fn quotations(text: &str, opts: &SegmentOptions) -> Vec<Quote> {
    let marks = marks(text.as_bytes());
    let paragraphs = paragraphs(text, &marks, opts.paragraphs);
    quotes(text, &marks, &paragraphs)
}

/// Segments `text` with an engine's lists.
pub fn segment_by(lists: &Lists, text: &str, opts: &SegmentOptions) -> Segmented {
    let marks = marks(text.as_bytes());
    let paragraphs = paragraphs(text, &marks, opts.paragraphs);
    // About a sentence per 120 bytes of prose: most documents need no
    // regrowing.
    let mut sentences = Vec::with_capacity(text.len() / 100);
    for (i, p) in paragraphs.iter().enumerate() {
        sentences_in(lists, text, &marks, p.clone(), i, &mut sentences);
    }
    let quotes = quotes(text, &marks, &paragraphs);
    Segmented {
        paragraphs,
        sentences,
        quotes,
    }
}

/// Where in a text the bytes segmentation stops at are
/// ([`bytes::segment_marks`]: line feeds, sentence terminals, `"` and 0xE2,
/// which leads the ellipsis and the curly quotation marks), one bit per
/// byte: found in one pass over the text, 64 bytes at a time, in an eighth
/// of its size whatever it holds. Lines, sentences and quotations then
/// visit only these bytes ([`Positions`]), most of them a few dozen bytes
/// apart.
fn marks(b: &[u8]) -> Vec<u64> {
    (0..b.len())
        .step_by(64)
        .map(|base| bytes::mask_at(b, base, bytes::segment_marks))
        .collect()
}

/// The set bits of `bits` (bit `j` of word `k` for byte `64 * k + j`) in a
/// range of bytes, in order.
struct Positions<'a> {
    bits: &'a [u64],
    /// The word being read, and its bits not yet returned.
    k: usize,
    m: u64,
    end: usize,
}

impl Positions<'_> {
    fn new(bits: &[u64], range: Range<usize>) -> Positions<'_> {
        let k = range.start / 64;
        let m = bits
            .get(k)
            .map_or(0, |&w| w & (!0u64 << (range.start % 64)));
        Positions {
            bits,
            k,
            m,
            end: range.end,
        }
    }
}

impl Iterator for Positions<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        loop {
            if self.m != 0 {
                let i = 64 * self.k + self.m.trailing_zeros() as usize;
                if i >= self.end {
                    // (The end is in this word: later calls end too.)
                    self.m = 0;
                    return None;
                }
                self.m &= self.m - 1;
                return Some(i);
            }
            self.k += 1;
            match self.bits.get(self.k) {
                Some(&w) if 64 * self.k < self.end => self.m = w,
                _ => return None,
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Paragraphs

/// Calls `f` with each line of `text` (its range without the line break).
/// `marks` are the text's [`marks`].
fn for_each_line(text: &str, marks: &[u64], mut f: impl FnMut(Range<usize>)) {
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
fn space_at(text: &str, i: usize) -> usize {
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
fn space_before(text: &str, lo: usize, i: usize) -> usize {
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
const fn is_ascii_space(c: u8) -> bool {
    matches!(c, b'\t'..=b'\r' | b' ')
}

/// Whether byte `c` is neither whitespace nor part of a non-ASCII
/// character: a range that starts and ends with such bytes is trimmed.
#[inline(always)]
const fn is_ascii_ink(c: u8) -> bool {
    c < 0x80 && !is_ascii_space(c)
}

/// `r` without the whitespace at either end (`str::trim`).
#[inline(always)]
fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    // Most ranges start and end with visible ASCII: nothing to trim.
    let b = text.as_bytes();
    if r.start < r.end && is_ascii_ink(b[r.start]) && is_ascii_ink(b[r.end - 1]) {
        return r;
    }
    trim_range_slow(text, r)
}

#[inline(never)]
fn trim_range_slow(text: &str, r: Range<usize>) -> Range<usize> {
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
struct Line {
    l: Range<usize>,
    t: Range<usize>,
}

/// Whether a line, trimmed to `t`, ends in sentence punctuation, a closing
/// mark or an ellipsis.
fn ends_like_paragraph(text: &str, t: &Range<usize>) -> bool {
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
fn starts_block_item(text: &str, line: &Line) -> bool {
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

fn paragraphs(text: &str, marks: &[u64], mode: ParagraphMode) -> Vec<Range<usize>> {
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

// ---------------------------------------------------------------------------
// Sentences

/// The segmenter's tuning: `[options.segmenter]` in the packs
/// (`rules/attribution.toml` states every key; a house pack replaces or
/// extends them).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SegmenterOptions {
    /// Abbreviations that never end a sentence (titles before names:
    /// `mr`, `gen`), lower case, without their final period.
    pub titles: Vec<String>,
    /// Abbreviations that end a sentence only before a typical sentence
    /// opener (`jan`, `inc`, `u.s`).
    pub soft_abbreviations: Vec<String>,
    /// Words that typically open a sentence: after a soft abbreviation or an
    /// initialism (`the U.S. The talks`), they mark a sentence end.
    pub sentence_openers: Vec<String>,
}

/// The longest abbreviation the lists may hold, in bytes (what [`abbrev_key`] packs).
const ABBREV_LIMIT: usize = 8;

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']')
}

fn is_opener_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[')
}

/// The word (letters, digits and internal periods) ending right before byte
/// `end`.
fn word_before(text: &str, end: usize) -> &str {
    // Most words are ASCII: step back over bytes, and decode characters
    // only when a non-ASCII one is met.
    let b = text.as_bytes();
    let mut start = end;
    while start > 0 {
        let c = b[start - 1];
        if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'\'') {
            start -= 1;
        } else if c < 0x80 {
            return &text[start..end];
        } else {
            break;
        }
    }
    if start == 0 {
        return &text[..end];
    }
    let s = &text[..end];
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.' || *c == '-' || *c == '\'')
        .last()
        .map_or(end, |(i, _)| i);
    &text[start..end]
}

fn next_word(text: &str, start: usize) -> &str {
    let s = &text[start..];
    let s = s.trim_start_matches(is_opener_char);
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '-'))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// `w` (at most [`ABBREV_LIMIT`] bytes) lower-cased into an integer, when it
/// is ASCII: what the abbreviation lists are looked up by.
fn abbrev_key(w: &str) -> Option<u64> {
    let mut k = [0u8; 8];
    for (d, c) in k.iter_mut().zip(w.bytes()) {
        if !c.is_ascii() {
            return None;
        }
        *d = c.to_ascii_lowercase();
    }
    Some(u64::from_le_bytes(k))
}

/// The segmenter's word lists, compiled once per engine: the abbreviations
/// as sorted [`abbrev_key`]s, and the sentence openers.
#[derive(Debug, Clone)]
pub struct Lists {
    titles: Vec<u64>,
    soft: Vec<u64>,
    /// The longest abbreviation, in bytes.
    max: usize,
    openers: Vec<String>,
    /// By an entry's first byte (`b & 31`, the same for both cases of a
    /// letter): bit `n` set when an entry of `n` bytes starts
    /// with it. Most words before a period have none: the lists are not
    /// searched.
    by_first: [u8; 32],
}

impl Lists {
    /// Compile the options. Every abbreviation is lower-case ASCII of one
    /// to eight bytes.
    pub fn new(opts: &SegmenterOptions) -> Result<Lists, String> {
        let all = opts.titles.iter().chain(&opts.soft_abbreviations);
        if let Some(bad) = all.clone().find(|a| {
            a.is_empty() || a.len() > ABBREV_LIMIT || !a.is_ascii() || a.to_ascii_lowercase() != **a
        }) {
            return Err(format!(
                "`options.segmenter`: abbreviation `{bad}` must be lower-case ASCII of 1 to {ABBREV_LIMIT} bytes"
            ));
        }
        let keys = |list: &[String]| {
            let mut v: Vec<u64> = list.iter().filter_map(|a| abbrev_key(a)).collect();
            v.sort_unstable();
            v
        };
        let mut by_first = [0u8; 32];
        for a in all.clone() {
            by_first[Lists::cell(a.as_bytes()[0])] |= 1 << a.len();
        }
        Ok(Lists {
            titles: keys(&opts.titles),
            soft: keys(&opts.soft_abbreviations),
            max: all.map(String::len).max().unwrap_or(0),
            openers: opts.sentence_openers.clone(),
            by_first,
        })
    }

    /// The lists of the shipped packs.
    pub fn shipped() -> &'static Lists {
        static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
        LISTS.get_or_init(|| {
            let opts: SegmenterOptions = crate::rules::options::Options::shipped()
                .family("segmenter")
                .expect("the shipped packs tune the segmenter");
            Lists::new(&opts).expect("the shipped segmenter lists compile")
        })
    }

    fn is_opener(&self, w: &str) -> bool {
        self.openers.iter().any(|o| o == w)
    }

    #[inline(always)]
    fn cell(first: u8) -> usize {
        usize::from(first & 31)
    }

    /// Whether the word `w` (at most [`ABBREV_LIMIT`] bytes) may be an
    /// entry, in either case.
    #[inline(always)]
    fn may_hold(&self, w: &[u8]) -> bool {
        w.first()
            .is_some_and(|&c| self.by_first[Lists::cell(c)] >> w.len() & 1 != 0)
    }
}

/// Decides whether the period at byte `dot` ends a sentence, given that the
/// next sentence would start at `next`.
fn period_ends_sentence(lists: &Lists, text: &str, dot: usize, next: usize) -> bool {
    let w = word_before(text, dot);
    let w = w.trim_start_matches(['.', '-', '\'']);
    if w.is_empty() {
        return true;
    }
    // Most sentences end in a word longer than any abbreviation, with no
    // period in it: not an abbreviation, not an initial.
    if w.len() > lists.max && !w.bytes().any(|c| c == b'.') {
        return true;
    }
    // The lists are lower-case ASCII.
    let opener = || lists.is_opener(next_word(text, next));
    let key = (w.len() <= lists.max && lists.may_hold(w.as_bytes()))
        .then(|| abbrev_key(w))
        .flatten();
    if let Some(key) = key {
        if lists.titles.binary_search(&key).is_ok() {
            return false;
        }
        if lists.soft.binary_search(&key).is_ok() {
            return opener();
        }
    }
    // Without a period, only a single capital letter is an initial (the
    // checks below, short-cut for the common case).
    if !w.bytes().any(|c| c == b'.') {
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

/// The UTF-8 encoding of `\u{2026}` (ellipsis); its lead byte also starts
/// the curly quotation marks.
const ELLIPSIS: &[u8] = "\u{2026}".as_bytes();

/// The first sentence terminal (`.`, `!`, `?` or the ellipsis) of
/// paragraph `p` at or after byte `from` of it, as an offset into it, from
/// `marks` (its [`marks`] not yet read). All but the ellipsis are
/// ASCII, which never occurs inside a multi-byte character; the ellipsis's
/// lead byte also leads the curly quotation marks.
#[inline]
fn next_terminal(b: &[u8], p: &Range<usize>, marks: &mut Positions, from: usize) -> Option<usize> {
    marks
        .find(|&i| {
            i >= p.start + from
                && match b[i] {
                    b'.' | b'!' | b'?' => true,
                    0xE2 => b[i..p.end].starts_with(ELLIPSIS),
                    _ => false,
                }
        })
        .map(|i| i - p.start)
}

/// Appends the sentences of paragraph `pi`, `p`, to `out`.
/// `marks` are the text's [`marks`].
fn sentences_in(
    lists: &Lists,
    text: &str,
    marks: &[u64],
    p: Range<usize>,
    pi: usize,
    out: &mut Vec<Sentence>,
) {
    let mut push = |span: Range<usize>| {
        out.push(Sentence {
            span,
            paragraph: pi,
        })
    };
    let mut start = p.start;
    let tb = text.as_bytes();
    let b = &tb[p.clone()];
    let mut marks = Positions::new(marks, p.clone());
    let mut pos = 0;
    while let Some(i) = next_terminal(tb, &p, &mut marks, pos) {
        let c = b[i];
        let len = if c == 0xE2 { ELLIPSIS.len() } else { 1 };
        pos = i + len;
        let term_at = p.start + i;
        // Decimal numbers: 3.5
        if c == b'.' {
            let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
            let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if prev_digit && next_digit {
                continue;
            }
        }
        // Consume the run of terminal punctuation and closers (`"`, `'`,
        // `)`, `]`, `”`, `’`).
        let mut only_periods = c == b'.';
        while let Some(&d) = b.get(pos) {
            let n = match d {
                b'.' | b'"' | b'\'' | b')' | b']' => 1,
                b'!' | b'?' => {
                    only_periods = false;
                    1
                }
                0xE2 => match b.get(pos + 1..pos + 3) {
                    Some([0x80, 0xA6]) => {
                        only_periods = false;
                        3
                    }
                    Some([0x80, 0x9D | 0x99]) => 3,
                    _ => break,
                },
                _ => break,
            };
            pos += n;
        }
        let end = p.start + pos;
        // Must be followed by whitespace (or the paragraph end).
        if end == p.end {
            break;
        }
        if space_at(text, end) == 0 {
            continue;
        }
        let mut next = end;
        while next < p.end {
            match space_at(text, next) {
                0 => break,
                n => next += n,
            }
        }
        let starts_new = match tb.get(next) {
            Some(&nc) if nc < 0x80 => {
                nc.is_ascii_uppercase()
                    || nc.is_ascii_digit()
                    || matches!(nc, b'"' | b'(' | b'[' | b'\'')
            }
            Some(_) => text[next..]
                .chars()
                .next()
                .is_some_and(|nc| nc.is_uppercase() || matches!(nc, '\u{201C}' | '\u{2018}')),
            None => false,
        };
        if !starts_new {
            continue;
        }
        let single_period =
            only_periods && text[term_at..end].trim_end_matches(is_closer).len() == 1;
        if single_period && !period_ends_sentence(lists, text, term_at, next) {
            continue;
        }
        push(trim_range(text, start..end));
        start = next;
    }
    let last = trim_range(text, start..p.end);
    if !last.is_empty() {
        push(last);
    }
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

fn ends_sentence_before(text: &str, start: usize, i: usize) -> bool {
    text[start..i]
        .trim_end()
        .trim_end_matches(['\'', '\u{2019}'])
        .ends_with(['.', '!', '?', '\u{2026}'])
}

/// `marks` are the text's [`marks`].
fn quotes(text: &str, marks: &[u64], paragraphs: &[Range<usize>]) -> Vec<Quote> {
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

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    /// Random news-like texts: words, abbreviations, initials, numbers,
    /// terminals, quotation marks and whitespace of every kind.
    fn random_texts(n: usize) -> Vec<String> {
        let tokens = [
            "The",
            "talks",
            "ended",
            "said",
            "he",
            "Yoon",
            "Mr",
            "Mr.",
            "Dr.",
            "U.S.",
            "U.S",
            "Jan.",
            "Inc.",
            "J.",
            "J.R.R.",
            "e.g.",
            "i.e.",
            "No.",
            "a.m.",
            "3.5",
            "12",
            "pct",
            "Washington,",
            "D.C.",
            "x",
            "I",
            "A",
            "Officials",
            "However",
            "\u{C9}mile",
            "\u{C9}.",
            "\u{1F600}",
            "\u{AC00}",
            "\u{2160}",
            "don't",
            "re-elect",
            "#",
            "-",
            "*",
            "+",
            "1.",
            "2)",
            ">",
            "\"",
            "\u{201C}",
            "\u{201D}",
            "\u{2018}",
            "\u{2019}",
            "'",
            "(",
            ")",
            "[",
            "]",
            ".",
            "..",
            "...",
            "!",
            "?",
            "?!",
            "\u{2026}",
            ":",
            ";",
            ",",
            "\u{2014}",
            "\u{2013}",
            "/",
            "{",
            "}",
            "\u{E2}",
        ];
        let seps = [
            " ",
            " ",
            " ",
            " ",
            "",
            "",
            "  ",
            "\t",
            "\n",
            "\n",
            "\n\n",
            "\r\n",
            "\r\n\r\n",
            "\n  ",
            "\n\t",
            "\n \n",
            "\u{A0}",
            "\u{3000}",
            "\u{2028}",
            "\u{85}",
            "\x0B",
            "\u{200B}",
            "\n\u{3000}\n",
        ];
        crate::testing::random_texts(0x9E37_79B9_7F4A_7C15, n, 0..60, &tokens, &seps)
    }

    #[test]
    fn agrees_with_the_reference_segmentation() {
        let mut texts = random_texts(30_000);
        texts.push(String::new());
        texts.push("  \n\u{A0}\n".into());
        for t in &texts {
            for paragraphs in [
                ParagraphMode::Auto,
                ParagraphMode::BlankLine,
                ParagraphMode::Line,
            ] {
                let o = SegmentOptions { paragraphs };
                let (got, want) = (segment_with(t, &o), reference::segment_with(t, &o));
                assert_eq!(got.paragraphs, want.paragraphs, "{paragraphs:?} {t:?}");
                assert_eq!(got.sentences, want.sentences, "{paragraphs:?} {t:?}");
                assert_eq!(got.quotes, want.quotes, "{paragraphs:?} {t:?}");
            }
        }
    }

    fn sents(text: &str) -> Vec<&str> {
        let s = segment(text);
        s.sentences.iter().map(|x| &text[x.span.clone()]).collect()
    }

    fn quotes_of(text: &str) -> Vec<&str> {
        let s = segment(text);
        s.quotes.iter().map(|q| &text[q.span.clone()]).collect()
    }

    #[test]
    fn blank_line_paragraphs() {
        let t = "First para.\nStill first, wrapped\nhere.\n\nSecond para.";
        let s = segment(t);
        assert_eq!(s.paragraphs.len(), 2);
        assert_eq!(&t[s.paragraphs[1].clone()], "Second para.");
    }

    #[test]
    fn line_paragraphs_inferred_for_wire_copy() {
        let t = "One sentence here.\nAnother paragraph here.\n\u{201C}A quote,\u{201D} he said.\n";
        assert_eq!(segment(t).paragraphs.len(), 3);
    }

    #[test]
    fn wrapped_lines_stay_one_paragraph() {
        let t = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects.\n    The dry period means the temporao will be late.";
        let s = segment(t);
        assert_eq!(s.paragraphs.len(), 2, "indented line starts a paragraph");
        assert_eq!(s.sentences.len(), 2);
    }

    #[test]
    fn explicit_modes() {
        let t = "a b\nc d";
        let o = SegmentOptions {
            paragraphs: ParagraphMode::Line,
        };
        assert_eq!(segment_with(t, &o).paragraphs.len(), 2);
        let o = SegmentOptions {
            paragraphs: ParagraphMode::BlankLine,
        };
        assert_eq!(segment_with("A b.\nC d.\nE f.", &o).paragraphs.len(), 1);
    }

    #[test]
    fn crlf() {
        let t = "First para.\r\n\r\nSecond para.\r\nThird para.\r\n";
        let s = segment(t);
        let ps: Vec<&str> = s.paragraphs.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(ps, ["First para.", "Second para.", "Third para."]);
    }

    /// The quotations alone are those of the whole segmentation.
    #[test]
    fn quotations_alone_match_the_segmentation() {
        for t in crate::testing::random_texts(
            7,
            2000,
            1..40,
            &[
                "He said", "\"We", "go", "“Yes", "no,”", "it.", "U.S.", "'Tis", "”", "“",
            ],
            &[" ", "\n", "\n\n", ". ", "\" ", ", ", ": \""],
        ) {
            for mode in [
                ParagraphMode::Auto,
                ParagraphMode::BlankLine,
                ParagraphMode::Line,
            ] {
                let o = SegmentOptions { paragraphs: mode };
                assert_eq!(quotations(&t, &o), segment_with(&t, &o).quotes, "{t:?}");
            }
        }
    }

    #[test]
    fn abbreviations_must_be_short_lower_case_ascii() {
        let opts = |titles: &[&str]| SegmenterOptions {
            titles: titles.iter().map(|t| t.to_string()).collect(),
            soft_abbreviations: vec!["jan".into()],
            sentence_openers: vec!["The".into()],
        };
        assert_eq!(Lists::new(&opts(&["mr", "supt"])).unwrap().max, 4);
        for bad in ["Mr", "", "superintendent", "señor"] {
            assert!(Lists::new(&opts(&[bad])).is_err(), "{bad:?}");
        }
    }

    /// A house pack's title keeps a sentence going: `Supt. Lee` is one name.
    #[test]
    fn an_added_title_is_read_as_one() {
        let mut opts: SegmenterOptions = crate::rules::options::Options::shipped()
            .family("segmenter")
            .unwrap();
        let text = "They met Supt. Lee at noon.";
        let count = |opts: &SegmenterOptions| {
            segment_by(&Lists::new(opts).unwrap(), text, &SegmentOptions::default())
                .sentences
                .len()
        };
        assert_eq!(count(&opts), 2);
        opts.titles.push("supt".into());
        assert_eq!(count(&opts), 1);
    }

    #[test]
    fn abbreviations() {
        assert_eq!(
            sents("Mr. Kim met Gen. Lee in Washington, D.C. on Jan. 5. They talked."),
            [
                "Mr. Kim met Gen. Lee in Washington, D.C. on Jan. 5.",
                "They talked."
            ]
        );
        assert_eq!(
            sents("The U.S. Army said so. J.R.R. Tolkien wrote it. Growth was 3.5 pct. Good."),
            [
                "The U.S. Army said so.",
                "J.R.R. Tolkien wrote it.",
                "Growth was 3.5 pct.",
                "Good."
            ]
        );
        assert_eq!(
            sents("Ties with the U.S. The talks ended. J. Smith agreed."),
            ["Ties with the U.S.", "The talks ended.", "J. Smith agreed."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sents("He paused... and went on. Then\u{2026} Nothing."),
            ["He paused... and went on.", "Then\u{2026}", "Nothing."]
        );
    }

    #[test]
    fn quotes_and_sentence_ends() {
        assert_eq!(
            sents("\"We are ready,\" he said. \"We will act.\" He left. \"Why?\" she asked."),
            [
                "\"We are ready,\" he said.",
                "\"We will act.\"",
                "He left.",
                "\"Why?\" she asked."
            ]
        );
        assert_eq!(
            sents("\u{201C}We are ready.\u{201D} He left."),
            ["\u{201C}We are ready.\u{201D}", "He left."]
        );
    }

    #[test]
    fn straight_and_curly_quotes() {
        let t = "\u{201C}We said \u{2018}no\u{2019} to them,\u{201D} Yoon said. He called it \"a win\".";
        assert_eq!(
            quotes_of(t),
            [
                "\u{201C}We said \u{2018}no\u{2019} to them,\u{201D}",
                "\"a win\""
            ]
        );
        // `"` as an apostrophe, inch marks.
        assert!(quotes_of("the administration\"s accomplishments").is_empty());
        assert!(quotes_of("a 12 \" pipe").is_empty());
    }

    #[test]
    fn multi_paragraph_continuation() {
        let t = "\u{201C}We are ready,\u{201D} Yoon said. \u{201C}We will act.\n\n\u{201C}And we will win.\u{201D}\n\nNext.";
        let s = segment(t);
        assert_eq!(s.quotes.len(), 3);
        assert!(!s.quotes[1].closed);
        assert_eq!(s.quotes[2].continues, Some(1));
        assert_eq!(s.quotes[1].continues, None);
    }

    #[test]
    fn run_together_continuation() {
        // BBC copy: paragraphs of one quotation collapsed into one.
        let t = "Colin Asplin said: \"We have tried very hard. \"Obviously we have failed in that. \"It amazes me.\" The cost is unknown.";
        let s = segment(t);
        let q: Vec<&str> = s.quotes.iter().map(|q| &t[q.span.clone()]).collect();
        assert_eq!(
            q,
            [
                "\"We have tried very hard.",
                "\"Obviously we have failed in that.",
                "\"It amazes me.\""
            ]
        );
        assert_eq!(s.quotes[1].continues, Some(0));
        assert_eq!(s.quotes[2].continues, Some(1));
    }

    /// The set bits of random words in random ranges, against a loop
    /// over every bit.
    #[test]
    fn positions_are_the_set_bits_in_range() {
        let mut next = crate::testing::xorshift(0x5DEE_CE66_D1CE_4E5B);
        for _ in 0..2000 {
            let words = next(5);
            // Sparse and dense words.
            let bits: Vec<u64> = (0..words)
                .map(|_| match next(3) {
                    0 => 0,
                    1 => 1 << next(64),
                    _ => (next(1 << 16) as u64) << next(48) | next(1 << 16) as u64,
                })
                .collect();
            let len = 64 * words;
            let start = next(len + 2);
            let end = start + next(len + 2 - start);
            let want: Vec<usize> = (start..end.min(len))
                .filter(|&i| bits[i / 64] >> (i % 64) & 1 != 0)
                .collect();
            let got: Vec<usize> = Positions::new(&bits, start..end).collect();
            assert_eq!(got, want, "{bits:x?} {start}..{end}");
        }
    }

    #[test]
    fn offsets_are_exact_with_multibyte() {
        let t = "Yoon\u{2019}s talk, 커뮤니티. \u{201C}Fine words here,\u{201D} he said.";
        let s = segment(t);
        for x in &s.sentences {
            assert!(t.is_char_boundary(x.span.start) && t.is_char_boundary(x.span.end));
        }
        assert_eq!(s.sentences.len(), 2);
        assert_eq!(&t[s.quotes[0].inner.clone()], "Fine words here,");
    }
}
