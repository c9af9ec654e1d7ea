//! The offset map between an HTML file and the text its rules read.
//!
//! The text (the *view*) is the file's pieces in order: text copied as it
//! is, a character reference as the characters it encodes, and markup as
//! nothing (inline tags), one space (skipped content) or a blank line
//! (block elements). Rules see only the view; their findings are mapped back
//! here, so every span a user sees is bytes of the file. A fix is kept only
//! if it can be written as edits of the file's text: it may delete or
//! replace whole references and text, and delete across inline tags (which
//! stay), but never touch markup.

use crate::diagnostic::{Diagnostic, Edit, Span};
use std::ops::Range;

/// How far back an edit looks for a `<` or `&` it could join.
const GUARD: usize = 256;

/// What a piece of the file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text, the same bytes in the view.
    Text(Place),
    /// A character reference: its characters in the view.
    Reference(Place),
    /// Markup or skipped content: nothing, a space or a blank line.
    Markup,
}

/// Where text is: between tags, or in a quoted or unquoted attribute value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Body,
    Quoted,
    Unquoted,
}

#[derive(Clone, Debug)]
struct Seg {
    file: Range<usize>,
    view: Range<usize>,
    piece: Piece,
}

/// The pieces of a file, in order, with their places in the view.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    segs: Vec<Seg>,
    file_len: usize,
}

impl OffsetMap {
    /// Add the next piece: `file` (starting where the last ended) is `view`
    /// in the view.
    pub(super) fn push(&mut self, file: Range<usize>, view: Range<usize>, piece: Piece) {
        debug_assert!(file.start == self.file_len);
        self.file_len = file.end;
        self.segs.push(Seg { file, view, piece });
    }

    /// Where file offset `at` is in the view (markup: where it starts there).
    pub fn view_offset(&self, at: usize) -> usize {
        let i = self.segs.partition_point(|s| s.file.end <= at);
        match self.segs.get(i) {
            None => self.segs.last().map_or(0, |s| s.view.end),
            Some(s) => match s.piece {
                Piece::Text(_) => s.view.start + (at.max(s.file.start) - s.file.start),
                _ => s.view.start,
            },
        }
    }

    /// The file offset where a span starting at view offset `at` starts.
    fn start(&self, at: usize) -> usize {
        let i = self.segs.partition_point(|s| s.view.end <= at);
        match self.segs.get(i) {
            None => self.file_len,
            Some(s) => match s.piece {
                Piece::Text(_) => s.file.start + (at - s.view.start),
                Piece::Reference(_) => s.file.start,
                Piece::Markup => s.file.end,
            },
        }
    }

    /// The file offset where a span ending at view offset `at` ends.
    fn end(&self, at: usize) -> usize {
        let i = self.segs.partition_point(|s| s.view.start < at);
        match i.checked_sub(1).map(|i| &self.segs[i]) {
            None => 0,
            Some(s) => match s.piece {
                Piece::Text(_) => s.file.start + (at - s.view.start),
                Piece::Reference(_) => s.file.end,
                Piece::Markup => s.file.start,
            },
        }
    }

    /// A span of the view as a span of the file: the bytes that hold it.
    pub fn span(&self, span: Span) -> Span {
        let start = self.start(span.start);
        let end = match span.is_empty() {
            true => start,
            false => self.end(span.end).max(start),
        };
        Span::new(start, end)
    }

    /// An edit of `view` as edits of the file, if it can be one.
    fn edit(&self, edit: &Edit, view: &str) -> Option<Vec<Edit>> {
        let (a, b) = (edit.span.start, edit.span.end);
        // A `<` or `&` written as text must not come to start a tag or a
        // reference (`<커뮤니티b` → `<b`): no edit after one with only
        // characters that other fixes may delete (non-ASCII, spaces) between.
        let guard = view.get(..a)?.chars().rev().take(GUARD);
        if let Some('<' | '&') = guard
            .into_iter()
            .find(|c| c.is_ascii() && !c.is_ascii_whitespace())
        {
            return None;
        }
        if a == b {
            return self.insertion(a, &edit.replacement);
        }
        let first = self.segs.partition_point(|s| s.view.end <= a);
        let last = self.segs.partition_point(|s| s.view.start < b);
        let mut runs: Vec<Range<usize>> = Vec::new();
        let mut place = None;
        for s in &self.segs[first..last] {
            let p = match s.piece {
                // Inline markup inside a deletion stays where it is.
                Piece::Markup if s.view.is_empty() => {
                    if !edit.replacement.is_empty() {
                        return None;
                    }
                    continue;
                }
                Piece::Markup => return None,
                Piece::Reference(_) if a > s.view.start || s.view.end > b => return None,
                Piece::Reference(p) | Piece::Text(p) => p,
            };
            if p == Place::Unquoted {
                return None;
            }
            place.get_or_insert(p);
            let from = self.start(a.max(s.view.start));
            let to = self.end(b.min(s.view.end));
            match runs.last_mut() {
                Some(r) if r.end == from => r.end = to,
                _ => runs.push(from..to),
            }
        }
        let place = place?;
        if runs.len() > 1 {
            // Only deletions reach here.
            return Some(
                runs.into_iter()
                    .map(|r| Edit {
                        span: Span::new(r.start, r.end),
                        replacement: String::new(),
                    })
                    .collect(),
            );
        }
        let r = runs.pop()?;
        let replacement = escape(&edit.replacement, place);
        Some(vec![Edit {
            span: Span::new(r.start, r.end),
            replacement,
        }])
    }

    /// An insertion at view offset `at`: at the end of the text before it,
    /// or the start of the text after it.
    fn insertion(&self, at: usize, replacement: &str) -> Option<Vec<Edit>> {
        let i = self.segs.partition_point(|s| s.view.end < at);
        let s = self.segs[i..].iter().find(|s| !s.view.is_empty())?;
        let place = match s.piece {
            Piece::Text(p) if s.view.start <= at => p,
            Piece::Reference(p) if s.view.start == at || s.view.end == at => p,
            _ => return None,
        };
        if place == Place::Unquoted {
            return None;
        }
        let file = match s.piece {
            Piece::Reference(_) if s.view.end == at => s.file.end,
            _ => s.file.start + (at - s.view.start),
        };
        let replacement = escape(replacement, place);
        Some(vec![Edit {
            span: Span::new(file, file),
            replacement,
        }])
    }

    /// Map every span of `found` (findings in `view`, the page's text) to
    /// the file; a fix that cannot be written as edits of the file's text
    /// is dropped.
    pub fn to_file(&self, found: &mut [Diagnostic], view: &str) {
        for d in found {
            d.span = self.span(d.span);
            for l in &mut d.labels {
                l.span = self.span(l.span);
            }
            if let Some(fix) = &mut d.fix {
                let edits: Option<Vec<Vec<Edit>>> =
                    fix.edits.iter().map(|e| self.edit(e, view)).collect();
                match edits {
                    Some(edits) => fix.edits = edits.into_iter().flatten().collect(),
                    None => d.fix = None,
                }
            }
        }
    }
}

/// `text` as it must be written in the file at `place`.
fn escape(text: &str, place: Place) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (c, place) {
            ('&', _) => out.push_str("&amp;"),
            ('<', _) => out.push_str("&lt;"),
            ('>', _) => out.push_str("&gt;"),
            ('"', Place::Quoted) => out.push_str("&quot;"),
            ('\'', Place::Quoted) => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
