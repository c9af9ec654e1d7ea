//! Long lines in the human format. codespan-reporting prints the whole line
//! of every label, and a news paragraph is one line in Markdown and in
//! plain text: a finding in a 1,000-character paragraph would print all of
//! it, wrapped over a dozen rows of a terminal with its carets far below
//! the words they mark, once for every finding in it. A diagnostic whose
//! lines all hold at most [`LONG_LINE`] characters is rendered from the
//! file as it is; otherwise from a [`Windowed`] file, in which each long
//! line is cut down to the text around the diagnostic's labels, at spaces,
//! with `…` where text was left out (as rustc cuts long lines).
//! Line and column numbers stay the file's.
//!
//! A character a terminal would not show or would act on (a control
//! character, a zero-width or bidi control: see [`stand_in`]) is shown as
//! `<U+200B>` on the same terms: a line holding one is rendered from a
//! [`Windowed`] file too, so that a finding on it has carets to point with
//! and the terminal gets no escape sequence from a draft.

use crate::source::LineIndex;
use codespan_reporting::files::{Error, Files};
use std::collections::BTreeMap;
use std::ops::Range;

/// Lines up to this many characters are shown whole: two and a half rows
/// of an 80-column terminal, a headline or a short paragraph.
pub const LONG_LINE: usize = 200;
/// Characters shown on either side of a label on a long line.
const CONTEXT: usize = 60;
/// Characters of a label shown at most on a long line.
const LABEL: usize = 120;
/// Marks text left out.
const GAP: &str = "…";

/// The file as it is, for a diagnostic on short lines: codespan's `Files`
/// over the [`LineIndex`] the windows use, so that the line starts of a
/// large file are found once, not again by codespan's `SimpleFile`.
pub struct Whole<'a> {
    pub name: &'a str,
    pub index: &'a LineIndex<'a>,
}

impl<'a> Files<'a> for Whole<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.index.text())
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        Ok(self.index.line_of(byte_index))
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        let count = self.index.line_count();
        if line_index >= count {
            return Err(Error::LineTooLarge {
                given: line_index,
                max: count - 1,
            });
        }
        let start = self.index.line_range(line_index + 1).start;
        Ok(start..self.index.line_end(line_index + 1))
    }
}

/// A diagnostic's lines, long ones cut down around its labels.
pub struct Windowed<'a> {
    name: &'a str,
    source: String,
    lines: Vec<Shown>,
}

/// One line of the file as shown.
struct Shown {
    /// The line's 0-based index in the file.
    index: usize,
    /// Where it is in `source`, its line break included.
    range: Range<usize>,
    segments: Vec<Segment>,
}

/// A piece of a line shown as it is, or one character shown by its
/// [`stand_in`].
#[derive(Clone, Copy, Debug)]
struct Segment {
    /// Where it starts in the file's text.
    orig: usize,
    /// Where it starts in `source`.
    shown: usize,
    /// Its length in the file's text.
    len: usize,
    /// Its length in `source` (`len` unless it is a stand-in).
    shown_len: usize,
    /// Its 0-based column in the file.
    column: usize,
}

/// What a character is shown as when a terminal would not show it (a
/// zero-width or bidi control, a soft hyphen, a Hangul filler) or would act
/// on it (a control character other than a tab; a line break is never
/// inside a line): `<U+200B>`. Variation selectors are left to shape what
/// they follow.
pub fn stand_in(c: char) -> Option<String> {
    let hidden = (c.is_control() && c != '\t')
        || crate::rules::invisible::describe(c).is_some() && !matches!(c, '\u{FE00}'..='\u{FE0F}');
    hidden.then(|| format!("<U+{:04X}>", c as u32))
}

/// `text` with each character a terminal would hide or act on written as
/// its [`stand_in`]: for messages, which quote the text they are about.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_hidden(text) {
        return text.into();
    }
    text.chars()
        .map(|c| stand_in(c).unwrap_or_else(|| c.to_string()))
        .collect::<String>()
        .into()
}

/// Whether `line` holds a character shown by its [`stand_in`].
fn has_hidden(line: &str) -> bool {
    // Every such character is a control below U+0080 or outside ASCII.
    !line
        .bytes()
        .all(|b| (0x20..0x7F).contains(&b) || b == b'\t')
        && line.chars().any(|c| stand_in(c).is_some())
}

impl<'a> Windowed<'a> {
    /// The lines of `labels` (byte ranges of `text`), or None when none of
    /// them is longer than [`LONG_LINE`] characters or holds a character
    /// shown by its [`stand_in`].
    pub fn new(
        name: &'a str,
        text: &str,
        index: &LineIndex,
        labels: &[Range<usize>],
    ) -> Option<Windowed<'a>> {
        let wanted = wanted_lines(index, labels);
        let long = |line: usize| {
            let r = index.line_range(line + 1);
            r.len() > LONG_LINE && text[r].chars().nth(LONG_LINE).is_some()
        };
        let hidden = |line: usize| has_hidden(&text[index.line_range(line + 1)]);
        if !wanted.keys().any(|&l| long(l) || hidden(l)) {
            return None;
        }
        let mut w = Windowed {
            name,
            source: String::new(),
            lines: Vec::with_capacity(wanted.len()),
        };
        for (line, parts) in wanted {
            let content = index.line_range(line + 1);
            let end = index.line_end(line + 1);
            let pieces = match long(line) {
                true => windows(text, content.clone(), &parts),
                false => vec![content.clone()],
            };
            w.push_line(text, index, line, content, end, pieces);
        }
        Some(w)
    }

    /// Append line `line` as the pieces of its `content` (ending at `end`
    /// with its line break).
    fn push_line(
        &mut self,
        text: &str,
        index: &LineIndex,
        line: usize,
        content: Range<usize>,
        end: usize,
        pieces: Vec<Range<usize>>,
    ) {
        let start = self.source.len();
        let mut segments = Vec::with_capacity(pieces.len());
        let mut at = content.start;
        for piece in pieces {
            if piece.start > at {
                self.source.push_str(GAP);
            }
            let column = index.line_col(piece.start).1 - 1;
            self.push_piece(text, piece.clone(), column, &mut segments);
            at = piece.end;
        }
        match at == content.end {
            // The line break is shown as it is: a label may end on it.
            true => segments.push(Segment {
                orig: content.end,
                shown: self.source.len(),
                len: end - content.end,
                shown_len: end - content.end,
                column: index.line_col(content.end).1 - 1,
            }),
            false => self.source.push_str(GAP),
        }
        self.source.push_str(&text[content.end..end]);
        self.lines.push(Shown {
            index: line,
            range: start..self.source.len(),
            segments,
        });
    }

    /// Append `piece` of `text`, starting at 0-based `column`: a segment
    /// for each run of characters shown as they are and one for each
    /// character shown by its [`stand_in`].
    fn push_piece(
        &mut self,
        text: &str,
        piece: Range<usize>,
        column: usize,
        segments: &mut Vec<Segment>,
    ) {
        // Each run is `(start, column)`: text shown as it is up to the next
        // stand-in or the piece's end.
        let mut run = (piece.start, column);
        for (n, (i, c)) in text[piece.clone()].char_indices().enumerate() {
            let (at, col) = (piece.start + i, column + n);
            let Some(shown) = stand_in(c) else {
                continue;
            };
            self.push_plain(text, run, at, segments);
            segments.push(Segment {
                orig: at,
                shown: self.source.len(),
                len: c.len_utf8(),
                shown_len: shown.len(),
                column: col,
            });
            self.source.push_str(&shown);
            run = (at + c.len_utf8(), col + 1);
        }
        self.push_plain(text, run, piece.end, segments);
    }

    /// Append the text from `run` (its start and 0-based column) to `to`
    /// as it is.
    fn push_plain(
        &mut self,
        text: &str,
        (from, column): (usize, usize),
        to: usize,
        segments: &mut Vec<Segment>,
    ) {
        if to > from {
            segments.push(Segment {
                orig: from,
                shown: self.source.len(),
                len: to - from,
                shown_len: to - from,
                column,
            });
            self.source.push_str(&text[from..to]);
        }
    }

    /// A byte range of the file's text as a range of the shown source: an
    /// end that was left out is moved back to the end of what is shown.
    pub fn map(&self, index: &LineIndex, range: Range<usize>) -> Range<usize> {
        let start = self.map_offset(index, range.start);
        let end = self.map_offset(index, range.end).max(start);
        start..end
    }

    fn map_offset(&self, index: &LineIndex, offset: usize) -> usize {
        let line = index.line_of(offset);
        let Some(shown) = self.lines.iter().find(|l| l.index == line) else {
            return 0;
        };
        let mut mapped = shown.segments[0].shown;
        for s in &shown.segments {
            if offset < s.orig {
                break;
            }
            mapped = match offset - s.orig >= s.len {
                true => s.shown + s.shown_len,
                false => s.shown + (offset - s.orig),
            };
        }
        mapped
    }

    fn shown(&self, line_index: usize) -> Result<&Shown, Error> {
        self.lines
            .iter()
            .find(|l| l.index == line_index)
            .ok_or(Error::LineTooLarge {
                given: line_index,
                max: self.lines.last().map_or(0, |l| l.index),
            })
    }
}

/// The part of a label on one line.
struct Part {
    range: Range<usize>,
    /// The label starts on this line.
    first: bool,
}

/// The lines codespan-reporting asks for, with the parts of the labels on
/// each: every line a label touches, and a line between two of them that
/// would be printed rather than elided.
fn wanted_lines(index: &LineIndex, labels: &[Range<usize>]) -> BTreeMap<usize, Vec<Part>> {
    let mut wanted: BTreeMap<usize, Vec<Part>> = BTreeMap::new();
    for r in labels {
        for line in index.line_of(r.start)..=index.line_of(r.end) {
            let content = index.line_range(line + 1);
            let start = r.start.clamp(content.start, content.end);
            let end = r.end.clamp(start, content.end);
            wanted.entry(line).or_default().push(Part {
                range: start..end,
                first: start == r.start,
            });
        }
    }
    let lines: Vec<usize> = wanted.keys().copied().collect();
    for pair in lines.windows(2) {
        if pair[1] - pair[0] == 2 {
            wanted.entry(pair[0] + 1).or_default();
        }
    }
    wanted
}

/// The pieces of a long line shown for the label parts on it: each part
/// with [`CONTEXT`] characters on either side (a part longer than
/// [`LABEL`] characters by its start, or by its end when it is the end of a
/// label that began on an earlier line), merged where they overlap, in order.
fn windows(text: &str, content: Range<usize>, parts: &[Part]) -> Vec<Range<usize>> {
    let back = |at: usize, n: usize| {
        text[content.start..at]
            .char_indices()
            .rev()
            .nth(n.saturating_sub(1))
            .map_or(content.start, |(i, _)| content.start + i)
    };
    let forward = |at: usize, n: usize| {
        text[at..content.end]
            .char_indices()
            .nth(n)
            .map_or(content.end, |(i, _)| at + i)
    };
    // Context is cut at a space where there is one, so that no word is
    // shown in part.
    let before = |at: usize| {
        let from = back(at, CONTEXT);
        let space = text[from..at]
            .char_indices()
            .find(|(_, c)| c.is_whitespace());
        match space {
            Some((i, c)) if from > content.start => from + i + c.len_utf8(),
            _ => from,
        }
    };
    let after = |at: usize| {
        let to = forward(at, CONTEXT);
        match text[at..to].rfind(char::is_whitespace) {
            Some(i) if to < content.end => at + i,
            _ => to,
        }
    };
    let mut pieces: Vec<Range<usize>> = parts
        .iter()
        .map(|Part { range: p, first }| {
            let cut = forward(p.start, LABEL);
            if p.end <= cut {
                before(p.start)..after(p.end)
            } else if !first {
                back(p.end, LABEL)..after(p.end)
            } else {
                before(p.start)..cut
            }
        })
        .collect();
    pieces.sort_by_key(|p| p.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
    for p in pieces {
        match merged.last_mut() {
            Some(last) if p.start <= last.end => last.end = last.end.max(p.end),
            _ => merged.push(p),
        }
    }
    merged
}

impl<'a> Files<'a> for Windowed<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.source)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        let i = self
            .lines
            .partition_point(|l| l.range.start <= byte_index)
            .max(1);
        Ok(self.lines[i - 1].index)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        Ok(self.shown(line_index)?.range.clone())
    }

    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let shown = self.shown(line_index)?;
        let segment = shown
            .segments
            .iter()
            .rev()
            .find(|s| s.shown <= byte_index)
            .unwrap_or(&shown.segments[0]);
        let within = byte_index.clamp(segment.shown, segment.shown + segment.shown_len);
        let counted = match segment.shown_len == segment.len {
            true => self.source[segment.shown..within].chars().count(),
            // A stand-in is one character of the file.
            false => usize::from(within > segment.shown),
        };
        Ok(segment.column + counted + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long line written for this test: a stray Korean word in the middle
    /// of 5,000 characters of English.
    fn long_line() -> (String, Range<usize>) {
        let before = "The council met and agreed. ".repeat(100);
        let after = " The budget passed on Tuesday.".repeat(80);
        let text = format!("Headline\n{before}커뮤니티{after}\nLast line\n");
        let start = "Headline\n".len() + before.len();
        (text, start..start + "커뮤니티".len())
    }

    /// `Whole` answers as codespan's `SimpleFile` does, for every offset
    /// and line of texts with and without a last line break.
    #[test]
    fn whole_answers_as_simple_file() {
        use codespan_reporting::files::SimpleFile;
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "\n\nb",
            "Seoul\r\nKim Jong-un\n",
            "커뮤니티\nx",
        ] {
            let index = LineIndex::new(text);
            let whole = Whole {
                name: "a.txt",
                index: &index,
            };
            let simple = SimpleFile::new("a.txt", text);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let line = simple.line_index((), at).unwrap();
                assert_eq!(whole.line_index((), at).unwrap(), line, "{text:?} {at}");
                assert_eq!(
                    whole.column_number((), line, at).unwrap(),
                    simple.column_number((), line, at).unwrap(),
                    "{text:?} {at}"
                );
            }
            for line in 0..=text.len() + 1 {
                let (w, s) = (whole.line_range((), line), simple.line_range((), line));
                assert_eq!(w.ok(), s.ok(), "{text:?} {line}");
            }
        }
    }

    #[test]
    fn short_lines_are_not_windowed() {
        let text = "Headline\nThe 커뮤니티 met.\n";
        let index = LineIndex::new(text);
        assert!(Windowed::new("a.txt", text, &index, std::slice::from_ref(&(13..25))).is_none());
    }

    #[test]
    fn a_long_line_is_cut_around_its_label_with_the_files_positions() {
        let (text, span) = long_line();
        let index = LineIndex::new(&text);
        let w = Windowed::new("a.txt", &text, &index, std::slice::from_ref(&span)).expect("long");
        let mapped = w.map(&index, span.clone());
        assert_eq!(&w.source[mapped.clone()], "커뮤니티");
        assert!(w.source.starts_with(GAP) && w.source.ends_with("…\n"));
        assert!(w.source.chars().count() < LABEL + 2 * CONTEXT + 4);
        assert_eq!(w.line_index((), mapped.start).unwrap(), 1);
        let col = w.column_number((), 1, mapped.start).unwrap();
        assert_eq!((2, col), index.line_col(span.start));
        assert!(w.line_range((), 0).is_err());
    }

    /// A news paragraph of 420 characters, one line as in Markdown (written
    /// for this test): its finding shows the words around the label, each
    /// whole, and not the paragraph.
    #[test]
    fn a_paragraph_is_cut_at_spaces_around_its_label() {
        let paragraph = "The council voted 5-2 on Tuesday to approve the budget, \
            which adds twelve officers to the police department and cuts the \
            library's hours on Sundays. Experts say the cuts will fall hardest \
            on families without internet at home, who use the branch computers \
            to apply for jobs. The mayor, who proposed the plan in March, said \
            she would revisit the library hours next year if revenue from the \
            new parking meters came in above the forecast.";
        let text = format!("# Budget\n\n{paragraph}\n");
        let start = text.find("Experts say").unwrap();
        let span = start..start + "Experts say".len();
        let index = LineIndex::new(&text);
        let w = Windowed::new("a.md", &text, &index, std::slice::from_ref(&span)).expect("long");
        let shown = w.source.trim_end();
        assert_eq!(
            shown,
            "…police department and cuts the library's hours on Sundays. \
             Experts say the cuts will fall hardest on families without internet at…"
        );
        assert_eq!(&w.source[w.map(&index, span.clone())], "Experts say");
        let col = w
            .column_number((), 2, w.map(&index, span.clone()).start)
            .unwrap();
        assert_eq!((3, col), index.line_col(span.start));
    }

    #[test]
    fn labels_far_apart_on_a_long_line_get_their_own_windows() {
        let (text, span) = long_line();
        let index = LineIndex::new(&text);
        let early = 9 + 4..9 + 11; // "council" of the first sentence
        let w =
            Windowed::new("a.txt", &text, &index, &[span.clone(), early.clone()]).expect("long");
        assert_eq!(&w.source[w.map(&index, early.clone())], "council");
        assert_eq!(&w.source[w.map(&index, span.clone())], "커뮤니티");
        assert_eq!(w.source.matches(GAP).count(), 2, "{}", w.source);
        let at = w.map(&index, early.clone()).start;
        assert_eq!(w.column_number((), 1, at).unwrap(), 5);
    }

    #[test]
    fn a_long_label_is_shown_by_its_start() {
        let text = format!("{}\n", "커뮤니티 ".repeat(2000));
        let index = LineIndex::new(&text);
        let span = 0..text.len() - 2;
        let w = Windowed::new("a.txt", &text, &index, std::slice::from_ref(&span)).expect("long");
        let mapped = w.map(&index, span);
        assert_eq!(w.source[mapped].chars().count(), LABEL);
        assert!(w.source.ends_with("…\n"));
    }

    /// A label from the middle of one long line to the middle of another,
    /// and a second label two lines below: rendered through
    /// codespan-reporting with the lines it asks for (the middle one too).
    #[test]
    fn a_label_across_long_lines_renders() {
        use codespan_reporting::diagnostic::{Diagnostic, Label};
        use codespan_reporting::term::{self, termcolor::NoColor};
        let long = "The council met and agreed. ".repeat(200);
        let text = format!("{long}\n{long}\nshort\n{long}\n");
        let index = LineIndex::new(&text);
        let across = 2000..long.len() + 1 + 3000;
        let below = 2 * long.len() + 8 + 4..2 * long.len() + 8 + 11;
        assert_eq!(&text[below.clone()], "council");
        let labels = [across.clone(), below.clone()];
        let w = Windowed::new("a.txt", &text, &index, &labels).expect("long");
        let d = Diagnostic::warning().with_labels(vec![
            Label::primary((), w.map(&index, across)),
            Label::secondary((), w.map(&index, below.clone())),
        ]);
        let mut out = NoColor::new(Vec::new());
        term::emit_to_write_style(&mut out, &term::Config::default(), &w, &d).unwrap();
        let shown = String::from_utf8(out.into_inner()).unwrap();
        assert!(shown.chars().count() < 1_000, "{shown}");
        assert!(
            shown
                .lines()
                .any(|l| l.starts_with("3 │") && l.ends_with(" short")),
            "{shown}"
        );
        assert!(shown.contains("┌─ a.txt:1:2001"), "{shown}");
        assert_eq!(&w.source[w.map(&index, below)], "council");
    }

    /// Render `labels` of `text` as the human format does and return what
    /// codespan-reporting prints.
    fn render(text: &str, labels: &[Range<usize>]) -> String {
        use codespan_reporting::diagnostic::{Diagnostic, Label};
        use codespan_reporting::term::{self, termcolor::NoColor};
        let index = LineIndex::new(text);
        let w = Windowed::new("a.txt", text, &index, labels).expect("a hidden character");
        let d = Diagnostic::warning().with_labels(
            labels
                .iter()
                .map(|r| Label::primary((), w.map(&index, r.clone())))
                .collect(),
        );
        let mut out = NoColor::new(Vec::new());
        term::emit_to_write_style(&mut out, &term::Config::default(), &w, &d).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    /// A zero-width space, an escape sequence and a NUL pasted into two
    /// lines of copy (written for this test): each is shown by its code
    /// point, the carets sit under the one flagged, the columns are the
    /// file's, and no control character reaches the terminal.
    #[test]
    fn hidden_characters_are_shown_by_their_code_points() {
        let text = "The mayor\u{200B} met the council.\r\nThe vote\x1b[31m passed on\0 Tuesday.\n";
        let zwsp = 9..12;
        let shown = render(text, std::slice::from_ref(&zwsp));
        assert!(shown.contains("┌─ a.txt:1:10"), "{shown}");
        assert!(
            shown.contains("1 │ The mayor<U+200B> met the council.\n"),
            "{shown}"
        );
        assert!(shown.contains("  │          ^^^^^^^^\n"), "{shown}");
        let nul = text.find('\0').unwrap();
        let shown = render(text, std::slice::from_ref(&(nul..nul + 1)));
        assert!(shown.contains("┌─ a.txt:2:24"), "{shown}");
        assert!(
            shown.contains("2 │ The vote<U+001B>[31m passed on<U+0000> Tuesday.\n"),
            "{shown}"
        );
        assert!(
            shown.contains(&format!("  │ {}^^^^^^^^\n", " ".repeat(30))),
            "{shown}"
        );
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
    }

    /// A label that ends on a hidden character at the end of a line, and a
    /// long line that holds one: both map onto the stand-in.
    #[test]
    fn a_hidden_character_at_a_line_end_and_on_a_long_line() {
        let text = "Seoul\u{FEFF}\nnext\n";
        let index = LineIndex::new(text);
        let w =
            Windowed::new("a.txt", text, &index, std::slice::from_ref(&(0..8))).expect("hidden");
        assert_eq!(&w.source[w.map(&index, 0..8)], "Seoul<U+FEFF>");
        assert_eq!(w.column_number((), 0, w.map(&index, 0..8).end).unwrap(), 7);
        let (long, _) = long_line();
        let at = long.find("커뮤니티").unwrap();
        let text = format!("{}\u{202E}{}", &long[..at], &long[at..]);
        let span = at..at + 3;
        let index = LineIndex::new(&text);
        let w = Windowed::new("a.txt", &text, &index, std::slice::from_ref(&span)).expect("long");
        assert_eq!(&w.source[w.map(&index, span.clone())], "<U+202E>");
        assert_eq!(
            (
                2,
                w.column_number((), 1, w.map(&index, span.clone()).start)
                    .unwrap()
            ),
            index.line_col(span.start)
        );
        // A tab and a keycap's variation selector are shown as they are:
        // no window for them.
        let text = "Score:\t3\u{FE0F}\u{20E3}\n";
        let index = LineIndex::new(text);
        assert!(Windowed::new("a.txt", text, &index, std::slice::from_ref(&(0..5))).is_none());
    }

    /// A message quoting mojibake with a C1 control (from the mojibake
    /// fixture) or a line break keeps to one line of visible text; one
    /// without is borrowed as it is.
    #[test]
    fn messages_are_made_visible() {
        assert_eq!(
            visible("`ì\u{9d}¼` looks like UTF-8"),
            "`ì<U+009D>¼` looks like UTF-8"
        );
        assert_eq!(visible("a\nb\u{200B}"), "a<U+000A>b<U+200B>");
        assert!(matches!(
            visible("`커뮤니티` in English\tcopy"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
