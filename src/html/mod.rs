//! HTML drafts (`.html`, `.htm`, what CMS tools export): the text a reader
//! of the page reads, with an offset map back to the file.
//!
//! What is read: text between tags, the `<title>`, and the `alt` and `title`
//! attribute values — published copy (a screen reader speaks `alt`, a
//! browser shows `title`), each read as a paragraph of its own. What is
//! skipped: markup, comments, every other attribute value, and the content
//! of `script`, `style`, `code`, `pre`, `template`, `textarea` and the other
//! [`SKIPPED`] elements.
//!
//! The text keeps the page's shape: a block element ([`BLOCKS`]: `p`, `div`,
//! `li`, `h1`–`h6`, `br`, `td` …) is a blank line, so paragraphs and
//! sentences end there as in plain text; an inline element (`b`, `i`, `a`,
//! `span` …) is nothing, so `<b>Kim</b> Jong-un` and `Com<i>mun</i>ity` read
//! as written; skipped content is one space. Character references are
//! decoded ([`refs`]): `&#xFEFF;` is the invisible character it encodes.
//!
//! The tokenizer is html5gum's (WHATWG tokenization, byte spans), switching
//! to raw text in `script`, `style` and the like as a browser does. Offsets:
//! rules read the text; [`OffsetMap`] takes their findings back to the
//! file's bytes (a reference's finding covers the reference) and keeps a fix
//! only where it is an edit of text, never of markup.

mod map;
pub mod refs;

pub use map::OffsetMap;
use map::{Piece, Place};

use crate::diagnostic::Span;
use crate::source::{Suppression, Suppressor};
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::Tokenizer;

/// Elements that end a paragraph.
pub const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is not prose: code, scripts, embedded documents.
pub const SKIPPED: &[&str] = &[
    "code", "iframe", "kbd", "math", "noscript", "object", "pre", "samp", "script", "style", "svg",
    "template", "textarea",
];

/// Elements that never have content (a start tag is the whole element).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Attributes whose values are published copy.
const READ_ATTRIBUTES: &[&str] = &["alt", "title"];

/// An HTML page as the rules read it.
pub struct Page {
    /// The page's text: prose, decoded, laid out as paragraphs.
    pub text: String,
    /// Where `text`'s offsets are in the file.
    pub map: OffsetMap,
    /// The suppression comments' regions, as offsets of `text`.
    pub suppressions: Vec<Suppression>,
    /// The text of `blockquote`, `q` and `cite` elements (the outermost).
    pub quoted: Vec<Span>,
}

/// Elements whose words are quoted: a fix must not rewrite them.
const QUOTING: &[&str] = &["blockquote", "q", "cite"];

/// What separates the text before a piece of markup from the text after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Paragraph,
}

/// One tokenizer event, owned.
enum Event {
    OpenTag(Vec<u8>),
    Attribute(Vec<u8>),
    Value,
    CloseTag { self_closing: bool },
    EndTag(Vec<u8>),
    Text,
    Comment,
}

/// The events of `text` with their byte ranges.
fn events(text: &str) -> Vec<(Event, std::ops::Range<usize>)> {
    let mut emitter = CallbackEmitter::new(
        |event: CallbackEvent<'_>,
         span: html5gum::Span<usize>|
         -> Option<(Event, std::ops::Range<usize>)> {
            let event = match event {
                CallbackEvent::OpenStartTag { name } => Event::OpenTag(name.to_vec()),
                CallbackEvent::AttributeName { name } => Event::Attribute(name.to_vec()),
                CallbackEvent::AttributeValue { .. } => Event::Value,
                CallbackEvent::CloseStartTag { self_closing } => Event::CloseTag { self_closing },
                CallbackEvent::EndTag { name } => Event::EndTag(name.to_vec()),
                CallbackEvent::String { .. } => Event::Text,
                CallbackEvent::Comment { .. } => Event::Comment,
                CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => return None,
            };
            Some((event, span.start..span.end))
        },
    );
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(text, emitter)
        .flatten()
        .collect()
}

fn is(list: &[&str], name: &[u8]) -> bool {
    list.iter().any(|n| n.as_bytes() == name)
}

/// Builds the text and its map, piece by piece.
struct Reader<'t> {
    file: &'t str,
    text: String,
    map: OffsetMap,
    /// The file up to here is in the map.
    done: usize,
    gap: Gap,
    refs: refs::References,
}

impl Reader<'_> {
    /// The markup from `done` to `to`, as the gap it makes.
    fn markup(&mut self, to: usize) {
        let gap = std::mem::replace(&mut self.gap, Gap::None);
        let sep = match gap {
            Gap::None => "",
            Gap::Space => " ",
            Gap::Paragraph => "\n\n",
        };
        if to > self.done || !sep.is_empty() {
            let at = self.text.len();
            self.text.push_str(sep);
            self.map
                .push(self.done..to, at..self.text.len(), Piece::Markup);
            self.done = to;
        }
    }

    /// The text at `range` of the file, read at `place`.
    fn read(&mut self, range: std::ops::Range<usize>, place: Place) {
        let ok = self.done <= range.start
            && range.start < range.end
            && self.file.is_char_boundary(range.start)
            && self.file.is_char_boundary(range.end);
        if !ok {
            return;
        }
        self.markup(range.start);
        let raw = &self.file[range.clone()];
        let mut copied = 0;
        let mut from = 0;
        while let Some(i) = memchr::memchr(b'&', &raw.as_bytes()[from..]).map(|i| from + i) {
            from = i + 1;
            let Some((len, decoded)) = self.refs.at(&raw[i..], place != Place::Body) else {
                continue;
            };
            self.copy(range.start + copied..range.start + i, place);
            let at = self.text.len();
            self.text.push_str(&decoded);
            let file = range.start + i..range.start + i + len;
            self.map
                .push(file, at..self.text.len(), Piece::Reference(place));
            copied = i + len;
            from = copied;
        }
        self.copy(range.start + copied..range.end, place);
        self.done = range.end;
    }

    fn copy(&mut self, file: std::ops::Range<usize>, place: Place) {
        if file.is_empty() {
            return;
        }
        let at = self.text.len();
        self.text.push_str(&self.file[file.clone()]);
        self.map.push(file, at..self.text.len(), Piece::Text(place));
    }
}

/// Read an HTML page: its text, the offset map, the suppressions.
pub fn read(file: &str) -> Page {
    let mut r = Reader {
        file,
        text: String::with_capacity(file.len()),
        map: OffsetMap::default(),
        done: 0,
        gap: Gap::None,
        refs: refs::References::default(),
    };
    let mut skipping = vec![0u32; SKIPPED.len()];
    let mut tag: Vec<u8> = Vec::new();
    let mut attribute: Vec<u8> = Vec::new();
    let mut directives = Vec::new();
    let mut quoting = 0u32;
    let mut quoted: Vec<Span> = Vec::new();
    let mut quote_start = 0usize;
    for (event, range) in events(file) {
        let skip = skipping.iter().any(|&n| n > 0);
        let block = |name: &[u8]| match is(BLOCKS, name) {
            true => Gap::Paragraph,
            false => Gap::None,
        };
        match event {
            Event::OpenTag(name) => {
                r.gap = r.gap.max(block(&name));
                tag = name;
            }
            Event::Attribute(name) => attribute = name,
            Event::Value if !skip && is(READ_ATTRIBUTES, &attribute) => {
                let place = match range.start.checked_sub(1).map(|i| file.as_bytes()[i]) {
                    Some(b'"' | b'\'') => Place::Quoted,
                    _ => Place::Unquoted,
                };
                r.gap = Gap::Paragraph;
                r.read(range, place);
                r.gap = Gap::Paragraph;
            }
            Event::Value => {}
            Event::CloseTag { self_closing } => {
                r.gap = r.gap.max(block(&tag));
                if is(QUOTING, &tag) && !self_closing {
                    if quoting == 0 {
                        quote_start = r.text.len();
                    }
                    quoting += 1;
                }
                if let Some(i) = SKIPPED.iter().position(|n| n.as_bytes() == tag) {
                    if !self_closing && !is(VOID, &tag) {
                        skipping[i] += 1;
                    }
                }
            }
            Event::EndTag(name) => {
                r.gap = r.gap.max(block(&name));
                if is(QUOTING, &name) && quoting > 0 {
                    quoting -= 1;
                    if quoting == 0 {
                        quoted.push(Span::new(quote_start, r.text.len()));
                    }
                }
                if let Some(i) = SKIPPED.iter().position(|n| n.as_bytes() == name) {
                    skipping[i] = skipping[i].saturating_sub(1);
                    r.gap = r.gap.max(Gap::Space);
                }
            }
            Event::Text if skip => r.gap = r.gap.max(Gap::Space),
            Event::Text => r.read(range, Place::Body),
            Event::Comment => {
                if let Some(raw) = file.get(range.clone()) {
                    for d in crate::source::parse_directives(raw) {
                        directives.push((d, Span::new(range.start, range.end)));
                    }
                }
            }
        }
    }
    r.markup(file.len());
    if quoting > 0 {
        quoted.push(Span::new(quote_start, r.text.len()));
    }
    let suppressions = suppressions(file, directives, &r.map);
    Page {
        text: r.text,
        map: r.map,
        suppressions,
        quoted,
    }
}

/// The regions of the suppression comments (`directives`, with their
/// places in the file), as offsets of the page's text.
fn suppressions(
    file: &str,
    directives: Vec<(crate::source::Directive, Span)>,
    map: &OffsetMap,
) -> Vec<Suppression> {
    if directives.is_empty() {
        return Vec::new();
    }
    let starts = crate::source::line_starts(file);
    let mut suppressor = Suppressor::default();
    for (d, at) in directives {
        suppressor.directive(d, at, || {
            crate::source::next_line(&starts, at.end, file.len())
        });
    }
    let mut found = suppressor.finish(file.len());
    for s in &mut found {
        s.span = Span::new(map.view_offset(s.span.start), map.view_offset(s.span.end));
    }
    found
}
