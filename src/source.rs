//! A document to lint: its text, its format, the prose mask and the inline
//! suppressions.
//!
//! Architecture invariant: every offset a user sees is a byte offset into
//! the original file (for a UTF-16 file, into its UTF-8 decoding: see
//! [`crate::decode`]). For plain text and Markdown the rules read the file
//! itself: masking replaces non-prose bytes with ASCII spaces (line breaks
//! are kept), so the masked text has exactly the same length and character
//! boundaries as the original. An HTML file is read as its text with
//! character references decoded ([`crate::html`]); its offset map takes
//! every finding back to the file's bytes before the engine returns it.
//!
//! Suppression comments, the same in plain text, Markdown and HTML: `<!--
//! copydesk-disable RULE… -->`, `<!-- copydesk-enable RULE… -->`, `<!--
//! copydesk-disable-next-line RULE… -->`.

use crate::diagnostic::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

mod mdx;

/// How a document is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    /// MDX: Markdown whose ESM (`import`, `export`), JSX tags and `{…}`
    /// expressions are code, not prose.
    Mdx,
    Html,
}

impl Format {
    /// Guess the format from a file name: `.md`, `.markdown` are Markdown;
    /// `.mdx` MDX; `.html`, `.htm` HTML.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".mdx") {
            Format::Mdx
        } else if [".md", ".markdown", ".mdown", ".mkd"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            Format::Markdown
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            Format::Html
        } else {
            Format::Plain
        }
    }
}

pub use crate::decode::{decode, Decoded, Encoding};

/// A region where some rules (or all, when `rules` is empty) are switched off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub span: Span,
    pub rules: Vec<String>,
}

impl Suppression {
    pub fn covers(&self, rule: &str, at: usize) -> bool {
        self.span.start <= at
            && at < self.span.end
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
    }
}

/// A document ready for the engine.
pub struct Source<'a> {
    /// The original text (invalid bytes already replaced by spaces); for
    /// HTML, the text of the page ([`crate::html`]), whose offsets `html`
    /// maps back to the file.
    pub text: std::borrow::Cow<'a, str>,
    /// The text with everything that is not prose blanked out; same length.
    pub prose: std::borrow::Cow<'a, str>,
    pub format: Format,
    pub suppressions: Vec<Suppression>,
    /// Where the first byte that was not UTF-8 was (read as a space).
    pub invalid_utf8: Option<usize>,
    /// HTML: where the offsets of `text` are in the file.
    pub html: Option<crate::html::OffsetMap>,
    /// What the markup marks as quoted (a Markdown blockquote; HTML's
    /// `blockquote`, `q` and `cite`): words a fix must not rewrite.
    pub quoted: Vec<Span>,
    /// Front matter's quoted strings and their quotation mark, which a fix
    /// must not write into them (`title: 'Sian …'` made `'Xi'an …'` is no
    /// YAML).
    pub delimited: Vec<(Span, char)>,
    /// Markdown reference links whose text is also their label (`[Kiev]`,
    /// `[Kiev][]`): an edit inside one would no longer match the link's
    /// definition (`[Kiev]: https://…`), so a fix there is only shown.
    pub labels: Vec<Span>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str, format: Format) -> Source<'a> {
        match format {
            Format::Plain => Source {
                text: text.into(),
                prose: std::borrow::Cow::Borrowed(text),
                format,
                suppressions: plain_suppressions(text),
                invalid_utf8: None,
                html: None,
                quoted: Vec::new(),
                delimited: Vec::new(),
                labels: Vec::new(),
            },
            Format::Markdown | Format::Mdx => {
                let m = read_markdown(text, format == Format::Mdx);
                Source {
                    text: text.into(),
                    prose: std::borrow::Cow::Owned(m.prose),
                    format,
                    suppressions: m.suppressions,
                    invalid_utf8: None,
                    html: None,
                    quoted: m.quoted,
                    delimited: m.delimited,
                    labels: m.labels,
                }
            }
            Format::Html => {
                let page = crate::html::read(text);
                Source {
                    prose: std::borrow::Cow::Owned(page.text.clone()),
                    text: page.text.into(),
                    format,
                    suppressions: page.suppressions,
                    invalid_utf8: None,
                    html: Some(page.map),
                    quoted: page.quoted,
                    delimited: Vec::new(),
                    labels: Vec::new(),
                }
            }
        }
    }

    /// The same document, whose first invalid byte was at `at` (an offset
    /// into the file).
    pub fn with_invalid_utf8(mut self, at: Option<usize>) -> Source<'a> {
        self.invalid_utf8 = match &self.html {
            Some(map) => at.map(|at| map.view_offset(at)),
            None => at,
        };
        self
    }

    pub fn is_suppressed(&self, rule: &str, at: usize) -> bool {
        self.suppressions.iter().any(|s| s.covers(rule, at))
    }
}

/// Blank out a byte range of `out`, keeping line breaks.
fn blank(out: &mut [u8], range: std::ops::Range<usize>) {
    for b in &mut out[range] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Length of a YAML (`---`) or TOML (`+++`) front-matter block at the start.
fn front_matter_len(text: &str) -> usize {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[bom..];
    for fence in ["---", "+++"] {
        let mut lines = body.split_inclusive('\n');
        let Some(first) = lines.next() else {
            return 0;
        };
        if first.trim_end() != fence {
            continue;
        }
        let mut pos = bom + first.len();
        for line in lines {
            pos += line.len();
            if line.trim_end() == fence {
                return pos;
            }
        }
        return 0;
    }
    0
}

/// The prose of a front-matter block (`front`, fences included): the
/// values of `title`, `description` and `summary`, in YAML (`title: …`) or
/// TOML (`title = …`), without the quotation marks that delimit a string
/// (YAML or TOML syntax, not speech), and a YAML block or plain value on
/// the more indented lines after its key (`summary: |`, `title: >-`).
/// Each range comes with the quotation mark that delimits its string, if
/// any: a fix must not write that mark into it.
fn front_matter_prose(front: &str) -> Vec<(std::ops::Range<usize>, Option<char>)> {
    const KEYS: [&str; 3] = ["title", "description", "summary"];
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut pos = 0;
    for line in front.split_inclusive('\n') {
        lines.push((pos, line));
        pos += line.len();
    }
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut i = 0;
    while i < lines.len() {
        let (at, line) = lines[i];
        i += 1;
        let trimmed = line.trim_start();
        let Some(sep) = trimmed.find([':', '=']) else {
            continue;
        };
        if !KEYS.contains(&trimmed[..sep].trim_end()) {
            continue;
        }
        let start = at + indent(line) + sep + 1;
        let value = &front[start..at + line.trim_end().len()];
        let lead = value.len() - value.trim_start().len();
        let value = value.trim_start();
        let start = start + lead;
        let block = value.is_empty() || matches!(value.trim_end_matches(['-', '+']), "|" | ">");
        if !block {
            let end = start + value.len();
            let quoted = value.len() >= 2
                && (value.starts_with('"') && value.ends_with('"')
                    || value.starts_with('\'') && value.ends_with('\''));
            out.push(match quoted {
                true => (start + 1..end - 1, value.chars().next()),
                false => (start..end, None),
            });
            continue;
        }
        // The value's lines: those more indented than the key's (not the
        // closing fence).
        let key_indent = indent(line);
        while i < lines.len() {
            let (at, line) = lines[i];
            let content = line.trim();
            if !content.is_empty() && indent(line) <= key_indent {
                break;
            }
            if !content.is_empty() {
                out.push((at + indent(line)..at + line.trim_end().len(), None));
            }
            i += 1;
        }
    }
    out
}

/// Build the prose mask of a Markdown document and collect its suppressions.
pub fn mask_markdown(text: &str) -> (String, Vec<Suppression>) {
    let m = read_markdown(text, false);
    (m.prose, m.suppressions)
}

/// What [`read_markdown`] finds: the fields of a Markdown [`Source`].
struct Markdown {
    prose: String,
    suppressions: Vec<Suppression>,
    /// The outermost blockquotes.
    quoted: Vec<Span>,
    delimited: Vec<(Span, char)>,
    labels: Vec<Span>,
}

/// MDX `body` as Markdown sees it, and its code ([`mdx::Code`]: the code
/// ranges and the copy attributes' values).
/// Code is blanked to spaces, but where it opens a line's content (after
/// any `>` or list marker) a `;`, neutral Markdown, stands in its first
/// byte: spaces would make the text after it (`<Em>Note:</Em> run …`,
/// `- {n} votes`) an indented code block, or, where the code fills the
/// line, the indented line after it (a component's children). A line of
/// code alone before a line that is not indented stays blank, a block's
/// end as in MDX. The prose blanks the `;` again.
fn mdx_view(body: &str) -> (String, mdx::Code) {
    let scanned = mdx::scan(body);
    let code = &scanned.ranges;
    let mut view = body.as_bytes().to_vec();
    for range in code {
        blank(&mut view, range.clone());
    }
    let indent = |line: &str| {
        line.bytes()
            .take_while(|&c| c == b' ' || c == b'\t')
            .map(|c| if c == b'\t' { 4 } else { 1 })
            .sum::<usize>()
    };
    let mut lines = body.split_inclusive('\n').peekable();
    let mut start = 0;
    while let Some(line) = lines.next() {
        let at = start + mdx::content_start(line);
        start += line.len();
        // Only code was blanked: a changed byte is code.
        if at >= start || view[at] == body.as_bytes()[at] {
            continue;
        }
        let text_after = view[at..start].iter().any(|c| !c.is_ascii_whitespace());
        if text_after || lines.peek().is_some_and(|next| indent(next) >= 4) {
            view[at] = b';';
        }
    }
    let view = String::from_utf8(view).expect("code ranges lie on character boundaries");
    (view, scanned)
}

/// Whether `range` of `out` (the prose being built), on the line that
/// starts at `start`, would be a paragraph of its own: the rest of its
/// lines, and the lines before and after them, are blank there.
fn alone_in_prose(out: &[u8], start: usize, range: &std::ops::Range<usize>) -> bool {
    let blank = |r: std::ops::Range<usize>| out[r].iter().all(u8::is_ascii_whitespace);
    let line_end = |at: usize| memchr::memchr(b'\n', &out[at..]).map_or(out.len(), |n| at + n);
    if !blank(start..range.start) {
        return false;
    }
    let end = line_end(range.end);
    let before = start.checked_sub(1).map_or(0..0, |nl| {
        memchr::memrchr(b'\n', &out[..nl]).map_or(0, |n| n + 1)..nl
    });
    let after = if end < out.len() {
        end + 1..line_end(end + 1)
    } else {
        end..end
    };
    blank(range.end..end) && blank(before) && blank(after)
}

/// [`mask_markdown`], and the spans a fix must leave alone. For MDX
/// (`mdx`), its code is blanked before the Markdown is read
/// ([`mdx_view`]), and its comments are read for directives.
fn read_markdown(text: &str, mdx: bool) -> Markdown {
    let mut out = text.as_bytes().to_vec();
    blank(&mut out, 0..text.len());

    let fm = front_matter_len(text);
    let mut delimited = Vec::new();
    for (range, mark) in front_matter_prose(&text[..fm]) {
        out[range.clone()].copy_from_slice(&text.as_bytes()[range.clone()]);
        if let Some(mark) = mark {
            delimited.push((Span::new(range.start, range.end), mark));
        }
    }

    let body_start = fm;
    let mut directives: Vec<(Span, Directive)> = Vec::new();
    let (view, code, copy) = match mdx {
        false => (None, Vec::new(), Vec::new()),
        true => {
            let (view, code) = mdx_view(&text[body_start..]);
            (Some(view), code.ranges, code.copy)
        }
    };
    for range in &code {
        let span = Span::new(range.start + body_start, range.end + body_start);
        directives.extend(mdx::comment(&text[span.start..span.end]).map(|d| (span, d)));
    }
    let body = view.as_deref().unwrap_or(&text[body_start..]);
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .into_offset_iter();
    let mut in_code_block = 0usize;
    let mut quoted: Vec<Span> = Vec::new();
    let mut labels: Vec<Span> = Vec::new();
    let mut line_starts_cache: Option<Vec<usize>> = None;
    for (event, range) in parser {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block += 1,
            // A blockquote inside another is inside its span already.
            Event::Start(Tag::BlockQuote(_))
                if quoted.last().is_none_or(|q| q.end <= range.start) =>
            {
                quoted.push(Span::new(range.start, range.end));
            }
            Event::Start(Tag::Link { link_type, .. } | Tag::Image { link_type, .. })
                if matches!(link_type, LinkType::Shortcut | LinkType::Collapsed) =>
            {
                labels.push(Span::new(range.start, range.end));
            }
            Event::End(TagEnd::CodeBlock) => in_code_block = in_code_block.saturating_sub(1),
            // (An image's alt text is prose: published copy, which a
            // screen reader speaks, as in HTML.)
            Event::Text(_) if in_code_block == 0 => {
                let view = range.start - body_start..range.end - body_start;
                out[range].copy_from_slice(&body.as_bytes()[view]);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let span = Span::new(range.start, range.end);
                directives.extend(parse_directives(&html).into_iter().map(|d| (span, d)));
            }
            _ => {}
        }
    }
    // (The `;` that stood in for code.)
    for range in code {
        blank(&mut out, range.start + body_start..range.end + body_start);
    }
    // A tag's copy (`<Figure caption="…" />`) is prose where it stands as a
    // paragraph of its own, so that no sentence runs into it; a fix must
    // not write its quotation mark.
    // (One value at most a line can stand alone: each line is tried once,
    // and found by a scan that only goes forward.)
    let (mut scanned, mut line, mut tried) = (0, 0, None);
    for (range, mark) in copy {
        let range = range.start + body_start..range.end + body_start;
        if let Some(nl) = memchr::memrchr(b'\n', &out[scanned..range.start]) {
            line = scanned + nl + 1;
        }
        scanned = range.start;
        if range.is_empty() || tried.replace(line) == Some(line) {
            continue;
        }
        if alone_in_prose(&out, line, &range) {
            out[range.clone()].copy_from_slice(&text.as_bytes()[range.clone()]);
            delimited.push((Span::new(range.start, range.end), char::from(mark)));
        }
    }
    // (MDX comments and HTML ones, in document order.)
    directives.sort_by_key(|(span, _)| span.start);
    let mut suppressor = Suppressor::default();
    for (span, directive) in directives {
        suppressor.directive(directive, span, || {
            let starts = line_starts_cache.get_or_insert_with(|| line_starts(text));
            next_line(starts, span.end, text.len())
        });
    }
    Markdown {
        prose: String::from_utf8(out).expect("prose ranges lie on character boundaries"),
        suppressions: suppressor.finish(text.len()),
        quoted,
        delimited,
        labels,
    }
}

/// A suppression comment.
pub(crate) enum Directive {
    Disable(Vec<String>),
    Enable(Vec<String>),
    DisableNextLine(Vec<String>),
}

/// Turns directives, in document order, into suppressed regions.
#[derive(Default)]
pub(crate) struct Suppressor {
    open: Vec<(usize, Vec<String>)>,
    found: Vec<Suppression>,
}

impl Suppressor {
    /// A directive written at `at`; `next_line` is the line after it.
    pub(crate) fn directive(
        &mut self,
        directive: Directive,
        at: Span,
        next_line: impl FnOnce() -> Option<Span>,
    ) {
        match directive {
            Directive::Disable(rules) => self.open.push((at.end, rules)),
            Directive::Enable(rules) => {
                // Close the most recent matching disable.
                if let Some(i) = self
                    .open
                    .iter()
                    .rposition(|(_, r)| rules.is_empty() || r.is_empty() || *r == rules)
                {
                    let (start, r) = self.open.remove(i);
                    self.found.push(Suppression {
                        span: Span::new(start, at.start),
                        rules: r,
                    });
                }
            }
            Directive::DisableNextLine(rules) => {
                if let Some(span) = next_line() {
                    self.found.push(Suppression { span, rules });
                }
            }
        }
    }

    /// The regions, a disable never enabled again running to `end`.
    pub(crate) fn finish(mut self, end: usize) -> Vec<Suppression> {
        for (start, rules) in self.open {
            self.found.push(Suppression {
                span: Span::new(start, end),
                rules,
            });
        }
        self.found
    }
}

/// Where a `copydesk-disable-next-line` comment for the line that starts
/// at byte `line_start` can be written without changing how the document
/// parses or renders (an editor's "disable for this line" action).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentSite {
    /// On a line of its own, right before the line.
    LineBefore,
    /// At this byte, the end of the line before (past its text, before any
    /// hard line break it ends in), after a space: the line before is in a
    /// Markdown paragraph, which a line of its own would split.
    EndOfLineBefore(usize),
    /// Nowhere safe: inside front matter, a tag, a list, a quotation block,
    /// a table, code or a `<pre>`, where a comment would change the copy.
    Nowhere,
}

/// See [`CommentSite`].
pub fn comment_site(text: &str, format: Format, line_start: usize) -> CommentSite {
    match format {
        Format::Plain => CommentSite::LineBefore,
        Format::Html => html_comment_site(text, line_start),
        Format::Markdown => markdown_comment_site(text, line_start),
        Format::Mdx => {
            // Read as Markdown reads it; never inside a tag or an expression.
            let fm = front_matter_len(text);
            let (view, code) = mdx_view(&text[fm..]);
            let inside = |at: usize| {
                code.ranges
                    .iter()
                    .find(|r| r.start + fm < at && at <= r.end + fm)
                    .map(|r| r.start + fm)
            };
            match markdown_comment_site(&format!("{}{view}", &text[..fm]), line_start) {
                // At the end of the line before ending in code: before
                // that code (`Read {/* … */} <Link`), if text is.
                CommentSite::EndOfLineBefore(at) => match inside(at) {
                    None => CommentSite::EndOfLineBefore(at),
                    Some(code) => {
                        let before = text[..code].trim_end_matches([' ', '\t']);
                        match before.ends_with(['\n', '\r'])
                            || before.is_empty()
                            || text[code..at].contains('\n')
                            || inside(before.len()).is_some()
                        {
                            true => CommentSite::Nowhere,
                            false => CommentSite::EndOfLineBefore(before.len()),
                        }
                    }
                },
                CommentSite::LineBefore if inside(line_start).is_some_and(|c| c < line_start) => {
                    CommentSite::Nowhere
                }
                site => site,
            }
        }
    }
}

fn html_comment_site(text: &str, line_start: usize) -> CommentSite {
    let before = &text[..line_start];
    // Inside a tag (`<img src="a.png"⏎ alt="…">`) or a comment.
    if before.rfind('<') > before.rfind('>') {
        return CommentSite::Nowhere;
    }
    // Inside an element whose text is shown as written.
    let lower = before.to_ascii_lowercase();
    for name in [
        "pre", "textarea", "title", "script", "style", "listing", "xmp",
    ] {
        let open = lower.rfind(&format!("<{name}"));
        if open.is_some() && open > lower.rfind(&format!("</{name}")) {
            return CommentSite::Nowhere;
        }
    }
    CommentSite::LineBefore
}

fn markdown_comment_site(text: &str, line_start: usize) -> CommentSite {
    let fm = front_matter_len(text);
    if line_start < fm {
        return CommentSite::Nowhere;
    }
    let body = &text[fm..];
    // Paragraph ranges, and where top-level paragraphs and headings start.
    let mut paragraphs = Vec::new();
    let mut top_starts = Vec::new();
    let mut depth = 0usize;
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .into_offset_iter();
    for (event, range) in parser {
        let range = range.start + fm..range.end + fm;
        match event {
            Event::Start(tag) => {
                if depth == 0 && matches!(tag, Tag::Paragraph | Tag::Heading { .. }) {
                    top_starts.push(range.start);
                }
                if matches!(tag, Tag::Paragraph) {
                    paragraphs.push(range);
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    // The line before, without its line break.
    let prev = text[..line_start]
        .strip_suffix('\n')
        .map(|p| p.strip_suffix('\r').unwrap_or(p));
    if let Some(prev) = prev.filter(|p| {
        let line = &p[p.rfind('\n').map_or(0, |k| k + 1)..];
        !line.trim().is_empty()
    }) {
        // Before the spaces or the backslash of a hard line break.
        let end = prev.trim_end_matches([' ', '\t']);
        let end = end.strip_suffix('\\').unwrap_or(end).len();
        if end > 0 && paragraphs.iter().any(|p| p.contains(&(end - 1))) {
            return CommentSite::EndOfLineBefore(end);
        }
    }
    // (A paragraph may open past up to three spaces.)
    let opens_here = top_starts
        .iter()
        .any(|&s| s >= line_start && text[line_start..s].trim().is_empty());
    match opens_here {
        true => CommentSite::LineBefore,
        false => CommentSite::Nowhere,
    }
}

/// The line starting at or after `after`, given the text's line starts.
pub(crate) fn next_line(starts: &[usize], after: usize, len: usize) -> Option<Span> {
    let line = starts.partition_point(|&s| s < after);
    let start = *starts.get(line)?;
    Some(Span::new(
        start,
        starts.get(line + 1).copied().unwrap_or(len),
    ))
}

/// The directives of the HTML comments in `html`.
pub(crate) fn parse_directives(html: &str) -> Vec<Directive> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<!--") {
        let after = &rest[open + 4..];
        let Some(close) = after.find("-->") else {
            break;
        };
        found.extend(directive(&after[..close]));
        rest = &after[close + 3..];
    }
    found
}

/// The directive `body` (a comment's text, or a plain-text line) states.
fn directive(body: &str) -> Option<Directive> {
    let mut words = body.trim().split(|c: char| c.is_whitespace() || c == ',');
    let kind = words.next().unwrap_or("");
    let rules: Vec<String> = words.filter(|w| !w.is_empty()).map(String::from).collect();
    match kind {
        "copydesk-disable" => Some(Directive::Disable(rules)),
        "copydesk-enable" => Some(Directive::Enable(rules)),
        "copydesk-disable-next-line" => Some(Directive::DisableNextLine(rules)),
        _ => None,
    }
}

/// The suppressions of a plain-text draft: the same comments as in Markdown
/// and HTML (`<!-- copydesk-disable-next-line stray-script -->`), wherever
/// they are. Drafts rarely hold a `<`, so finding them is one byte search.
pub fn plain_suppressions(text: &str) -> Vec<Suppression> {
    let b = text.as_bytes();
    let mut suppressor = Suppressor::default();
    let mut starts: Option<Vec<usize>> = None;
    let mut pos = 0;
    while let Some(open) = memchr::memchr(b'<', &b[pos..]).map(|i| pos + i) {
        pos = open + 1;
        if !b[open..].starts_with(b"<!--") {
            continue;
        }
        let Some(close) = memchr::memmem::find(&b[open + 4..], b"-->") else {
            break;
        };
        let end = open + 4 + close + 3;
        for d in parse_directives(&text[open..end]) {
            suppressor.directive(d, Span::new(open, end), || {
                let starts = starts.get_or_insert_with(|| line_starts(text));
                next_line(starts, end, text.len())
            });
        }
        pos = end;
    }
    suppressor.finish(text.len())
}

/// Byte offsets at which lines start (the first is always 0).
///
/// The line feeds are found 64 bytes at a time ([`crate::bytes`]): a search
/// call per line would cost more than the line's bytes in news text.
pub fn line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    for base in (0..b.len()).step_by(64) {
        let mut m = crate::bytes::mask_at(b, base, crate::bytes::line_feeds);
        while m != 0 {
            starts.push(base + m.trailing_zeros() as usize + 1);
            m &= m - 1;
        }
    }
    starts
}

/// Maps byte offsets to 1-based line and column (columns count Unicode scalar values).
///
/// Reporters ask in text order, so a column is counted from the last
/// position asked for when it is on the same line (forward or back), not
/// from the line's start: a 20 MB line with a million findings costs its
/// length, not a million times its length.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last position asked for: offset, 0-based line and column.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        LineIndex {
            text,
            starts: line_starts(text),
            last: std::cell::Cell::new((0, 0, 0)),
        }
    }

    /// 1-based (line, column) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let chars = |r: std::ops::Range<usize>| self.text[r].chars().count();
        let (at, at_line, at_col) = self.last.get();
        let col = match at_line == line {
            true if at <= offset => at_col + chars(at..offset),
            true if at - offset < offset - start => at_col - chars(offset..at),
            _ => chars(start..offset),
        };
        self.last.set((offset, line, col));
        (line + 1, col + 1)
    }

    /// The 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The byte offset just past 1-based `line` with its line break (the
    /// next line's start, or the end of the text).
    pub fn line_end(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// The text the lines are of.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// How many lines the text has (one more than its line feeds).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of 1-based `line`, without its line break.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line - 1];
        let end = self.line_end(line);
        let body = self.text[start..end].trim_end_matches(['\n', '\r']);
        start..start + body.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_follow_each_line_feed() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "\n\nb",
            "a\r\nb\n",
            &"x\n".repeat(70),
            &format!("{}\n{}", "y".repeat(63), "z".repeat(65)),
        ] {
            let want: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            assert_eq!(line_starts(text), want, "{text:?}");
        }
    }

    #[test]
    fn markdown_mask_keeps_prose_and_offsets() {
        let md = "# Title\n\nSome `code 커뮤니티` and [a link](http://x.y/커뮤니티) here.\n\n```\n커뮤니티\n```\n";
        let (prose, _) = mask_markdown(md);
        assert_eq!(prose.len(), md.len());
        assert!(!prose.contains("커뮤니티"));
        assert!(prose.contains("Some "));
        assert!(prose.contains("a link"));
        assert_eq!(&prose[2..7], "Title");
    }

    /// An MDX article in the shape of a news site's (text written for this
    /// test): ESM, a component with attributes around prose, expressions.
    const MDX: &str = "---\ntitle: \"Talks in Seoul\"\n---\nimport { Chart } from '../components/차트'\nexport const meta = { byline: 'Kim Jong Un', tag: \"NАTO\" }\n\n# Summit\n\nOfficials met in Pyongyang on {meta.date}.\n\n<Callout type=\"note\" label=\"커뮤니티\">\nThe summit followed. Later Kim Jong Un spoke.\n</Callout>\n\n<Chart data={{ label: \"커뮤니티\" }} />\n\n> \"We will not back down,\" he said.\n";

    #[test]
    fn mdx_code_is_not_prose_and_its_components_text_is() {
        let source = Source::new(MDX, Format::Mdx);
        let prose = &source.prose;
        assert_eq!(prose.len(), MDX.len());
        // ESM, attributes and expressions are code.
        for code in [
            "import",
            "차트",
            "export",
            "byline",
            "NАTO",
            "커뮤니티",
            "meta.date",
            "Callout",
        ] {
            assert!(!prose.contains(code), "{code} read as prose");
        }
        // Front matter's title, headings, paragraphs, a component's children.
        for text in [
            "Talks in Seoul",
            "Summit",
            "Officials met in Pyongyang on ",
            "Later Kim Jong Un spoke.",
            "he said.",
        ] {
            assert!(prose.contains(text), "{text} not read as prose");
        }
        let quote = MDX.find("> \"We").unwrap();
        assert_eq!(source.quoted, vec![Span::new(quote, MDX.len())]);
        // The same text read as Markdown takes the code for prose.
        let markdown = Source::new(MDX, Format::Markdown);
        assert!(markdown.prose.contains("차트") && markdown.prose.contains("byline"));
        assert_eq!(Format::from_path("news/Summit.MDX"), Format::Mdx);
    }

    /// Code that opens a line leaves the rest of it a paragraph (not an
    /// indented code block, whose code spans and link addresses would be
    /// read as text); fenced code inside components stays code.
    #[test]
    fn mdx_code_opening_a_line_keeps_its_markdown() {
        let text = "<Em>Note:</Em> run `./Kiev-sync.sh`, see [the map](/Kiev-map.png).\n\n<Tabs>\n  <Tab>\n    ```js\n    const city = 'Kiev';\n    ```\n  </Tab>\n</Tabs>\n";
        let prose = Source::new(text, Format::Mdx).prose.into_owned();
        assert_eq!(prose.len(), text.len());
        assert!(prose.contains("Note:") && prose.contains(" run ") && prose.contains("the map"));
        assert!(!prose.contains("Kiev"), "{prose:?}");
        assert!(!prose.contains(';'), "{prose:?}");
        // After a list's or a quotation's marker; a component's indented
        // children.
        for (text, want) in [
            ("- <Em>Note:</Em> run `./Kiev.sh` now.\n", " now."),
            ("> {city} officials said so.\n", "officials said so."),
            (
                "<Tabs>\n  <Tab>\n    The council met.\n  </Tab>\n</Tabs>\n",
                "The council met.",
            ),
            (
                "<Callout\n  type=\"note\">\n    The council met.\n</Callout>\n",
                "The council met.",
            ),
        ] {
            let prose = Source::new(text, Format::Mdx).prose.into_owned();
            assert!(prose.contains(want), "{text:?}: {prose:?}");
            assert!(!prose.contains("Kiev") && !prose.contains(';'), "{prose:?}");
        }
    }

    /// A line of code alone ends a block, as in MDX: a table, a quotation
    /// block, a paragraph before a link's definition.
    #[test]
    fn mdx_code_alone_on_a_line_ends_a_block() {
        let text = "| A |\n| - |\n| b |\n<Chart />\nTurnout was 40 | 60.\n";
        assert!(Source::new(text, Format::Mdx)
            .prose
            .contains("Turnout was 40 | 60."));
        let text = "> \"We stay.\"\n<Figure />\nKiev fell.\n";
        let source = Source::new(text, Format::Mdx);
        assert_eq!(
            source.quoted,
            vec![Span::new(0, text.find('\n').unwrap() + 1)]
        );
        let text = "See the [Kiev] report.\n\n<Sources />\n[Kiev]: https://example.com/r\n";
        let source = Source::new(text, Format::Mdx);
        assert!(!source.prose.contains("example.com"), "{:?}", source.prose);
        assert_eq!(source.labels, vec![Span::new(8, 14)]);
    }

    #[test]
    fn mdx_comments_hold_the_suppressions() {
        let text = "Intro.\n\n{/* copydesk-disable-next-line stray-script */}\nA 커뮤니티 line.\n\nAnother {/* copydesk-disable */} line.\n";
        let source = Source::new(text, Format::Mdx);
        let line = text.find("A 커뮤니티").unwrap();
        assert!(source.is_suppressed("stray-script", line + 2));
        assert!(!source.is_suppressed("mixed-script", line + 2));
        let rest = text.rfind(" line.\n").unwrap();
        assert!(source.is_suppressed("any-rule", rest + 1));
        assert!(!source.is_suppressed("any-rule", 0));
        // A plain expression is no comment.
        let plain = Source::new("{x}\nA 커뮤니티 line.\n", Format::Mdx);
        assert!(plain.suppressions.is_empty());
    }

    /// A bare `<` is text, and an HTML comment (an error in MDX) still
    /// holds a directive.
    #[test]
    fn mdx_without_code_reads_as_markdown() {
        let text = "Turnout was < 40 percent in 커뮤니티 areas.\n\n<!-- copydesk-disable-next-line stray-script -->\nA 커뮤니티 line.\n";
        let source = Source::new(text, Format::Mdx);
        assert_eq!(source.prose, mask_markdown(text).0);
        assert!(source
            .prose
            .contains("Turnout was < 40 percent in 커뮤니티"));
        let line = text.find("A 커뮤니티").unwrap();
        assert!(source.is_suppressed("stray-script", line + 2));
    }

    #[test]
    fn mdx_copy_attributes_standing_alone_are_prose() {
        // Written for this test.
        let text = "<Figure\n  src=\"/a/Kiev.jpg\"\n  caption='Troops near Kiev'\n  alt=\"A tank\"\n/>\n\n\
                    The <Abbr alt=\"North Atlantic Treaty Organization\">NATO</Abbr> met.\n\n\
                    <Img alt=\"Turnout\" data={d} />\n\n<Tab title=\"Python\" />\n";
        let source = Source::new(text, Format::Mdx);
        let prose = |s: &str| source.prose.contains(s);
        assert!(prose("Troops near Kiev") && !prose("caption"));
        assert!(prose("Turnout") && prose("NATO") && prose("met."));
        // Not `src` or `title`; not copy inside a sentence, nor copy on the
        // line after other copy (either would run into a sentence).
        assert!(!prose("Kiev.jpg") && !prose("North Atlantic") && !prose("A tank"));
        assert!(!prose("Python"));
        let at = text.find("Troops").unwrap();
        assert!(source
            .delimited
            .contains(&(Span::new(at, at + "Troops near Kiev".len()), '\'')));
    }

    #[test]
    fn mdx_reference_links_and_alt_text() {
        let text = "See [Kiev] and [the capital][Kiev], and ![Kiev at dusk](kiev.png).\n\n[Kiev]: https://example.com/kiev\n";
        let source = Source::new(text, Format::Mdx);
        let at = text.find("[Kiev]").unwrap();
        assert_eq!(source.labels, vec![Span::new(at, at + 6)]);
        assert!(source.prose.contains("Kiev at dusk"));
        assert!(!source.prose.contains("kiev.png") && !source.prose.contains("example.com"));
        assert_eq!(source.labels, Source::new(text, Format::Markdown).labels);
    }

    #[test]
    fn front_matter_is_masked_except_title() {
        let md = "---\ntitle: Seoul 커뮤니티 news\nslug: 커뮤니티\n---\nBody.\n";
        let (prose, _) = mask_markdown(md);
        assert_eq!(prose.matches("커뮤니티").count(), 1);
        assert!(prose.contains("Body."));
        assert!(!prose.contains("slug"));
    }

    /// A string's quotation marks are syntax, not speech; TOML's `summary`
    /// and YAML's block and multi-line values are prose too.
    #[test]
    fn front_matter_values_without_their_syntax() {
        let prose_of = |md: &str| {
            let (prose, _) = mask_markdown(md);
            prose.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        assert_eq!(
            prose_of(
                "---\ndescription: \"Council approves the budget.\"\ntags: [\"a\"]\n---\nBody.\n"
            ),
            "Council approves the budget. Body."
        );
        assert_eq!(
            prose_of("+++\ntitle = 'Seoul news'\nsummary = \"The 커뮤니티 met.\"\ndraft = true\n+++\nBody.\n"),
            "Seoul news The 커뮤니티 met. Body."
        );
        assert_eq!(
            prose_of("---\nsummary: |\n  The 커뮤니티 met.\n\n  Then it left.\ntitle: >-\n  Seoul\n  news\nslug: x\n---\nBody.\n"),
            "The 커뮤니티 met. Then it left. Seoul news Body."
        );
        assert_eq!(
            prose_of("---\ntitle:\n  A plain value\nauthor: Lee\n---\n"),
            "A plain value"
        );
    }

    #[test]
    fn image_alt_text_is_prose_and_its_address_is_not() {
        let (prose, _) = mask_markdown("![The 커뮤니티 met](img/met.png \"x\")\n");
        assert_eq!(
            prose.split_whitespace().collect::<Vec<_>>(),
            ["The", "커뮤니티", "met"]
        );
    }

    #[test]
    fn suppression_comments() {
        let md = "<!-- copydesk-disable stray-script -->\nA\n<!-- copydesk-enable stray-script -->\nB\n<!-- copydesk-disable-next-line -->\nC\nD\n";
        let (_, sup) = mask_markdown(md);
        let a = md.find('A').unwrap();
        let b = md.find("B\n").unwrap();
        let c = md.find("C\n").unwrap();
        let d = md.find("D\n").unwrap();
        let src = Source {
            text: md.into(),
            prose: md.into(),
            format: Format::Markdown,
            suppressions: sup,
            invalid_utf8: None,
            html: None,
            quoted: Vec::new(),
            delimited: Vec::new(),
            labels: Vec::new(),
        };
        assert!(src.is_suppressed("stray-script", a));
        assert!(!src.is_suppressed("mojibake", a));
        assert!(!src.is_suppressed("stray-script", b));
        assert!(src.is_suppressed("mojibake", c));
        assert!(!src.is_suppressed("mojibake", d));
    }

    #[test]
    fn line_col_counts_scalar_values() {
        let idx = LineIndex::new("ab\r\n커뮤x\n");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(4), (2, 1));
        assert_eq!(idx.line_col(10), (2, 3));
        assert_eq!(idx.line_range(1), 0..2);
    }

    /// Columns counted from the last position asked for are the columns
    /// counted from the line's start, whatever the order of the questions
    /// (text written for this test).
    #[test]
    fn line_col_in_any_order_matches_counting_from_the_line_start() {
        let text = "Seoul 커뮤니티 desk\nThe 서울 bureau said\n\nend";
        let fresh = |o: usize| {
            let start = text[..o].rfind('\n').map_or(0, |i| i + 1);
            (
                text[..o].matches('\n').count() + 1,
                text[start..o].chars().count() + 1,
            )
        };
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .collect();
        let idx = LineIndex::new(text);
        for &o in offsets.iter().chain(offsets.iter().rev()) {
            assert_eq!(idx.line_col(o), fresh(o), "{o}");
        }
        for (i, &o) in offsets.iter().enumerate() {
            let o2 = offsets[(i * 7) % offsets.len()];
            assert_eq!(idx.line_col(o), fresh(o));
            assert_eq!(idx.line_col(o2), fresh(o2));
        }
    }
}
