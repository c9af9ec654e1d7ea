//! MDX's code inside a Markdown document. What [`code`] finds is blanked
//! before the Markdown is read, so only prose is linted.
//!
//! MDX adds three kinds of code to Markdown: ESM blocks (`import …`,
//! `export …` at the start of a block, up to the next blank line), JSX
//! tags (`<Chart data={…} />`, `</Callout>`, `<>`) and `{…}` expressions
//! (a comment is `{/* … */}`). The text between an opening and a closing
//! tag stays prose. Code spans and fenced code keep their braces and angle
//! brackets. A tag or an expression that does not end before its paragraph
//! does is not valid MDX: the rest of that paragraph is left as text, so
//! every scan stops at its paragraph's end and the whole is linear.

use super::Directive;
use std::ops::Range;
use std::sync::OnceLock;

/// Attributes whose string values are published copy: an image's `alt`,
/// as in HTML, and a figure's `caption`. (Not `title`, in MDX as often a
/// tab's label or a code block's file name.)
const COPY_ATTRIBUTES: [&[u8]; 2] = [b"alt", b"caption"];

/// MDX's code in a body, and the copy inside it.
pub(super) struct Code {
    /// The byte ranges of ESM blocks, tags and expressions, in order.
    pub ranges: Vec<Range<usize>>,
    /// The string values of tags' copy attributes ([`COPY_ATTRIBUTES`]:
    /// `<Figure caption="…">`), inside their quotation marks, with the
    /// mark; in order.
    pub copy: Vec<(Range<usize>, u8)>,
}

/// The byte ranges of `body`'s ESM blocks, tags and expressions, in order.
#[cfg(test)]
pub(super) fn code(body: &str) -> Vec<Range<usize>> {
    scan(body).ranges
}

/// `body`'s code ([`Code`]).
pub(super) fn scan(body: &str) -> Code {
    let mut scan = Scan {
        b: body.as_bytes(),
        strings: [0; 3],
        no_comment_close: usize::MAX,
        copy: Vec::new(),
    };
    let b = scan.b;
    let mut found = Vec::new();
    let mut fence: Option<Fence> = None;
    let mut after_blank = true;
    let mut blank_before = true;
    // The columns where the open list items' content starts, outermost
    // first.
    let mut items: Vec<usize> = Vec::new();
    // Code-span lengths that found no closing run in this paragraph.
    let mut unclosed: u64 = 0;
    let mut i = if body.starts_with('\u{feff}') { 3 } else { 0 };
    while i < b.len() {
        let end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k);
        let line = &body[i..end];
        let blank = line.trim().is_empty();
        if let Some(f) = &fence {
            // A fence ends at its closing line, or with the list item or
            // quotation that holds it (a `>` past its quotations' is code).
            let inside = containers(line, f.quotes);
            let left = match blank {
                true => f.quotes > 0,
                false => inside.quotes < f.quotes || !inside.blank && inside.indent < f.indent,
            };
            if !left {
                if fence_of(line)
                    .is_some_and(|(m, n, info)| m == f.mark && n >= f.len && info.is_empty())
                {
                    (fence, after_blank) = (None, true);
                }
                blank_before = blank;
                i = end + 1;
                continue;
            }
            (fence, after_blank, unclosed) = (None, true, 0);
        }
        if blank {
            (after_blank, blank_before, unclosed) = (true, true, 0);
            i = end + 1;
            continue;
        }
        let held = containers(line, usize::MAX);
        // (A list item ends at a less indented marker of another, or at a
        // less indented line after a blank one or that opens a heading or
        // a fence.)
        let opens_block =
            || is_heading(line.trim_start_matches([' ', '\t', '>'])) || fence_of(line).is_some();
        if held.item.is_some() || blank_before || opens_block() {
            while items.last().is_some_and(|&col| col > held.indent) {
                items.pop();
            }
        }
        items.extend(held.item);
        blank_before = false;
        if let Some((mark, len, info)) = fence_of(line) {
            if !(mark == b'`' && info.contains('`')) {
                let indent = items.last().copied().unwrap_or(0);
                fence = Some(Fence {
                    mark,
                    len,
                    quotes: held.quotes,
                    indent,
                });
                i = end + 1;
                continue;
            }
        }
        if after_blank && is_esm(line) {
            let stop = scan.esm_end(i);
            found.push(i..stop);
            i = stop;
            continue;
        }
        // (A heading is a block of its own: ESM may follow it.)
        let heading = is_heading(line.trim_start());
        after_blank = false;
        // The line's code; a tag, an expression or a code span may end on
        // a later line of the paragraph, where the scan goes on.
        let mut j = i;
        while j < b.len() && b[j] != b'\n' {
            match b[j] {
                b'\\' if b.get(j + 1).is_some_and(u8::is_ascii_punctuation) => j += 2,
                b'`' => {
                    let run = b[j..].iter().take_while(|&&c| c == b'`').count();
                    let bit = 1u64 << run.min(63);
                    let after = match unclosed & bit {
                        0 => scan.code_span_end(j, run),
                        _ => None,
                    };
                    if after.is_none() {
                        unclosed |= bit;
                    }
                    j = after.unwrap_or(j + run);
                }
                b'{' => match scan.expression_end(j) {
                    Ok(after) => {
                        found.push(j..after);
                        j = after;
                    }
                    Err(stop) => j = stop,
                },
                b'<' if starts_tag(b, j) => match scan.tag_end(j) {
                    Ok(after) => {
                        found.push(j..after);
                        j = after;
                    }
                    Err(stop) => j = stop,
                },
                _ => j += 1,
            }
        }
        if heading || j < b.len() && scan.paragraph_ends_at(j) {
            (after_blank, unclosed) = (true, 0);
        }
        i = j + 1;
    }
    Code {
        ranges: found,
        copy: scan.copy,
    }
}

/// The directive an MDX comment (`{/* copydesk-disable … */}`) states.
pub(super) fn comment(code: &str) -> Option<Directive> {
    let inner = code.strip_prefix('{')?.strip_suffix('}')?.trim();
    super::directive(inner.strip_prefix("/*")?.strip_suffix("*/")?)
}

/// `import` and `export` statements, as MDX reads them at a block's start
/// (and not the prose `Export controls were …`, `importantly, …` or
/// `import duties from …`).
fn is_esm(line: &str) -> bool {
    static ESM: OnceLock<regex::Regex> = OnceLock::new();
    ESM.get_or_init(|| {
        regex::Regex::new(
            r#"^(?:import\s+(?:["'{*]|[\w$]+\s*(?:,|\s+from\s*["']))|export\s+(?:[{*]|(?:const|let|var|function|async|class|default)\b))"#,
        )
        .expect("a valid pattern")
    })
    .is_match(line)
}

/// Where a line's content starts: past its indentation and its
/// containers' markers (`>`, a list item's `-` or `1.` and a space).
pub(super) fn content_start(line: &str) -> usize {
    let rest = line.trim_start_matches([' ', '\t', '>']);
    let marker = list_marker(rest.as_bytes());
    let rest = match rest[marker..].starts_with([' ', '\t']) {
        true if marker > 0 => rest[marker..].trim_start(),
        _ => rest,
    };
    line.len() - rest.len()
}

/// The length of the list item marker `rest` opens with (`-`, `*`, `+`,
/// `1.`, `1)`), or 0.
fn list_marker(rest: &[u8]) -> usize {
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    match rest.get(digits) {
        Some(b'-' | b'*' | b'+') if digits == 0 => 1,
        Some(b'.' | b')') if (1..10).contains(&digits) => digits + 1,
        _ => 0,
    }
}

/// Whether `t` (a line past its indentation) is an ATX heading: one to
/// six `#` and a space or the line's end.
fn is_heading(t: &str) -> bool {
    let marks = t.bytes().take_while(|&c| c == b'#').count();
    (1..=6).contains(&marks) && (t.len() == marks || t[marks..].starts_with([' ', '\t', '\r']))
}

/// An open code fence: its mark and length, and its containers (how many
/// `>` and the column of the list item's content that hold it).
struct Fence {
    mark: u8,
    len: usize,
    quotes: usize,
    indent: usize,
}

/// A line's containers, as a fence needs them.
struct Containers {
    /// How many `>` open the line.
    quotes: usize,
    /// The width of the indentation after them (a tab to the next stop).
    indent: usize,
    /// Where the content starts when the line opens a list item.
    item: Option<usize>,
    /// Whether nothing follows the `>`.
    blank: bool,
}

/// `line`'s containers, reading at most `max_quotes` `>`.
fn containers(line: &str, max_quotes: usize) -> Containers {
    let b = line.as_bytes();
    let (mut k, mut quotes) = (0, 0);
    while quotes < max_quotes {
        let s = k + b[k..].iter().take(3).take_while(|&&c| c == b' ').count();
        if b.get(s) != Some(&b'>') {
            break;
        }
        quotes += 1;
        k = s + 1 + usize::from(b.get(s + 1) == Some(&b' '));
    }
    let mut indent = 0;
    while let Some(c @ (b' ' | b'\t')) = b.get(k) {
        indent = if *c == b'\t' {
            indent / 4 * 4 + 4
        } else {
            indent + 1
        };
        k += 1;
    }
    let marker = list_marker(&b[k..]);
    let spaces = b[(k + marker).min(b.len())..]
        .iter()
        .take(4)
        .take_while(|&&c| c == b' ')
        .count();
    let item = (marker > 0 && spaces > 0).then_some(indent + marker + spaces);
    Containers {
        quotes,
        indent,
        item,
        blank: b[k..].iter().all(u8::is_ascii_whitespace),
    }
}

/// A fence line (inside its containers' markers and indentation): its
/// mark, its length and its info string.
fn fence_of(line: &str) -> Option<(u8, usize, &str)> {
    let rest = &line[content_start(line)..];
    let mark = *rest.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&c| c == mark).count();
    (len >= 3).then(|| (mark, len, rest[len..].trim()))
}

/// Whether the `<` at `at` opens a JSX tag: a name, a closing slash or a
/// fragment (`<>`); not `a < b`, `<3` or an HTML comment.
fn starts_tag(b: &[u8], at: usize) -> bool {
    matches!(b.get(at + 1), Some(c) if c.is_ascii_alphabetic() || matches!(c, b'/' | b'>' | b'_' | b'$'))
}

/// The scans of one body, with what failed searches found: a later search
/// they cover fails too, so no byte is searched twice.
struct Scan<'b> {
    b: &'b [u8],
    /// Where a string of each kind (`"`, `'`, `` ` ``) was last found
    /// unclosed: a mark of that kind before there is an escaped one, whose
    /// string would be unclosed too.
    strings: [usize; 3],
    /// From where no `*/` follows.
    no_comment_close: usize,
    /// The copy attributes' values of the tags found.
    copy: Vec<(Range<usize>, u8)>,
}

impl Scan<'_> {
    /// Whether the line after the line break at `at` is blank (or there is
    /// none): the paragraph ends there.
    fn paragraph_ends_at(&self, at: usize) -> bool {
        self.b[at + 1..]
            .iter()
            .find(|&&c| c != b' ' && c != b'\t' && c != b'\r')
            .is_none_or(|&c| c == b'\n')
    }

    /// The end of the paragraph that holds `from`: the line break before
    /// its next blank line, or the end.
    fn paragraph_end(&self, from: usize) -> usize {
        let b = self.b;
        let mut k = from;
        while let Some(nl) = memchr::memchr(b'\n', &b[k..]).map(|n| k + n) {
            if self.paragraph_ends_at(nl) {
                return nl;
            }
            k = nl + 1;
        }
        b.len()
    }

    /// After the code span whose opening run of `run` backticks is at
    /// `at`; None when none closes it in its paragraph.
    fn code_span_end(&self, at: usize, run: usize) -> Option<usize> {
        let b = self.b;
        let mut k = at + run;
        while k < b.len() {
            match b[k] {
                b'`' => {
                    let n = b[k..].iter().take_while(|&&c| c == b'`').count();
                    if n == run {
                        return Some(k + n);
                    }
                    k += n;
                }
                b'\n' if self.paragraph_ends_at(k) => return None,
                _ => k += 1,
            }
        }
        None
    }

    /// After the expression whose `{` is at `at`; Err at its paragraph's
    /// end when it does not close there.
    fn expression_end(&mut self, at: usize) -> Result<usize, usize> {
        self.javascript(at, false)
    }

    /// The end of the ESM block that starts at `at`: its paragraph's, or
    /// a later one's when a brace is still open there and the code goes on
    /// indented or closing it (`export const meta = {` … a blank line …
    /// `  tags: […],`).
    fn esm_end(&mut self, at: usize) -> usize {
        self.javascript(at, true).unwrap_or_else(|stop| stop)
    }

    /// JavaScript from `at`: braces nest, and strings and comments hold
    /// any brace. An expression ends after its closing brace, ESM at a
    /// blank line with no brace open.
    fn javascript(&mut self, at: usize, esm: bool) -> Result<usize, usize> {
        let b = self.b;
        let mut depth = 0usize;
        let mut k = at;
        while k < b.len() {
            match b[k] {
                b'{' => depth += 1,
                b'}' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 && !esm {
                        return Ok(k + 1);
                    }
                }
                quote @ (b'"' | b'\'' | b'`') => {
                    let kind = match quote {
                        b'"' => 0,
                        b'\'' => 1,
                        _ => 2,
                    };
                    if k >= self.strings[kind] {
                        match self.string_end(k, quote) {
                            Ok(close) => k = close,
                            Err(stop) => self.strings[kind] = stop,
                        }
                    }
                }
                b'/' if b.get(k + 1) == Some(&b'*') => {
                    let close = match k + 2 >= self.no_comment_close {
                        true => None,
                        false => memchr::memmem::find(&b[k + 2..], b"*/"),
                    };
                    match close {
                        Some(n) => k += n + 3,
                        None => {
                            self.no_comment_close = self.no_comment_close.min(k + 2);
                            return Err(self.paragraph_end(k));
                        }
                    }
                }
                b'/' if b.get(k + 1) == Some(&b'/') => {
                    k = memchr::memchr(b'\n', &b[k..]).map_or(b.len(), |n| k + n);
                    continue;
                }
                b'\n' if self.paragraph_ends_at(k) => {
                    if !esm {
                        return Err(k);
                    }
                    match self.next_text_line(k) {
                        Some(next)
                            if depth > 0
                                && matches!(b[next], b' ' | b'\t' | b'}' | b']' | b')') =>
                        {
                            k = next;
                            continue;
                        }
                        _ => return Ok(k),
                    }
                }
                _ => {}
            }
            k += 1;
        }
        match esm {
            true => Ok(b.len()),
            false => Err(b.len()),
        }
    }

    /// The start of the first line with text after the line break at
    /// `at`, if any.
    fn next_text_line(&self, at: usize) -> Option<usize> {
        let b = self.b;
        let text = at + 1 + b[at + 1..].iter().position(|c| !c.is_ascii_whitespace())?;
        Some(
            b[..text]
                .iter()
                .rposition(|&c| c == b'\n')
                .map_or(0, |n| n + 1),
        )
    }

    /// The closing quotation mark of the string that opens at `at` (a
    /// backslash escapes); Err where the search stopped when a `'` or `"`
    /// is not closed on its line (it is then a character of its own:
    /// `{cond && <b>it's</b>}`) or a template string in its paragraph.
    fn string_end(&self, at: usize, quote: u8) -> Result<usize, usize> {
        let b = self.b;
        let mut k = at + 1;
        while k < b.len() {
            match b[k] {
                b'\\' => k += 1,
                c if c == quote => return Ok(k),
                b'\n' if quote != b'`' || self.paragraph_ends_at(k) => return Err(k),
                _ => {}
            }
            k += 1;
        }
        Err(b.len())
    }

    /// After the tag whose `<` is at `at`: attribute strings and
    /// expressions hold any `>`. Err at its paragraph's end when it does
    /// not close there.
    fn tag_end(&mut self, at: usize) -> Result<usize, usize> {
        let b = self.b;
        let mut k = at + 1;
        let mut copy = Vec::new();
        while k < b.len() {
            match b[k] {
                b'>' => {
                    self.copy.append(&mut copy);
                    return Ok(k + 1);
                }
                quote @ (b'"' | b'\'') => {
                    let open = k;
                    loop {
                        k += 1;
                        match b.get(k) {
                            None => return Err(b.len()),
                            Some(&c) if c == quote => break,
                            Some(b'\n') if self.paragraph_ends_at(k) => return Err(k),
                            Some(_) => {}
                        }
                    }
                    // (`caption="…"`: the name right before `=`.)
                    let name = b[at..open]
                        .trim_ascii_end()
                        .strip_suffix(b"=")
                        .map(|n| n.trim_ascii_end())
                        .and_then(|n| {
                            n.rsplit(|&c| !(c.is_ascii_alphanumeric() || b"-_:".contains(&c)))
                                .next()
                        });
                    if name.is_some_and(|n| COPY_ATTRIBUTES.contains(&n)) {
                        copy.push((open + 1..k, quote));
                    }
                }
                b'{' => {
                    k = self.expression_end(k)?;
                    continue;
                }
                b'\n' if self.paragraph_ends_at(k) => return Err(k),
                _ => {}
            }
            k += 1;
        }
        Err(b.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code `code` finds, as text.
    fn codes(body: &str) -> Vec<&str> {
        code(body).into_iter().map(|r| &body[r]).collect()
    }

    #[test]
    fn esm_tags_and_expressions_are_code() {
        let body = "import { Map } from './map.js'\nimport Chart, { Bar } from \"./c\"\n\nexport const meta = {\n  title: 'a }',\n}\n\nThe <Em>council</Em> met on {meta.date /* } */}.\n\n<Map center={[1, 2]} label=\"a > b\" />\n";
        assert_eq!(
            codes(body),
            [
                "import { Map } from './map.js'\nimport Chart, { Bar } from \"./c\"",
                "export const meta = {\n  title: 'a }',\n}",
                "<Em>",
                "</Em>",
                "{meta.date /* } */}",
                "<Map center={[1, 2]} label=\"a > b\" />",
            ]
        );
    }

    #[test]
    fn prose_that_looks_like_code_is_prose() {
        for body in [
            "Export controls were tightened.\n",
            "import duties from China rose.\n",
            "export controls on chips\n",
            "Turnout was < 40 percent, and 3<4.\n",
            "Type `{x}` or `<b>` here.\n",
            "```js\nconst a = {b: '<c>'};\n```\n",
            "~~~\n{\n~~~\n",
            "<!-- copydesk-disable -->\n",
            "importantly, the council met.\n",
            "imports, which rose, fell.\n",
            "- ```js\n  a {b}\n\n  c <d>\n  ```\n",
        ] {
            assert_eq!(codes(body), Vec::<&str>::new(), "{body:?}");
        }
        // Not at a block's start, an import is a paragraph's line (with
        // an expression).
        assert_eq!(
            codes("The minister said\nimport { x } from 'y'\n"),
            ["{ x }"]
        );
    }

    /// What does not close before its paragraph does leaves the rest of
    /// the paragraph as text; the next paragraph is read afresh.
    #[test]
    fn an_unclosed_tag_or_expression_stops_at_its_paragraph() {
        assert_eq!(codes("A {b\nc.\n\n{d} e.\n"), ["{d}"]);
        assert_eq!(codes("A <b c=\"d\ne.\n\n<f/> g.\n"), ["<f/>"]);
        assert_eq!(codes("A `b {c}\n\n{d}\n"), ["{c}", "{d}"]);
        assert_eq!(codes("A {b /* c\n\n{d}\n"), ["{d}"]);
        // An apostrophe in a tag's text inside an expression.
        assert_eq!(codes("{a && <b>it's</b>} c.\n"), ["{a && <b>it's</b>}"]);
    }

    /// ESM goes on past a blank line inside its braces; it may follow a
    /// byte-order mark or a heading.
    #[test]
    fn esm_blocks_span_what_mdx_reads_as_one() {
        let body = "export const meta = {\n  title: 'T',\n\n  tags: ['Kiev'],\n}\n\nKiev.\n";
        assert_eq!(codes(body), [&body[..body.find("\n\nKiev.").unwrap()]]);
        // Not past a blank line with the braces closed or prose after it.
        assert_eq!(
            codes("export const a = {\n\nKiev fell.\n"),
            ["export const a = {"]
        );
        assert_eq!(
            codes("\u{feff}import Map from './Kiev-map.js'\n"),
            ["import Map from './Kiev-map.js'"]
        );
        assert_eq!(
            codes("# Summit\nimport Map from './m.js'\n"),
            ["import Map from './m.js'"]
        );
        // After a list item's fence, the scan goes on.
        assert_eq!(
            codes("- ```js\n  a\n\n  b\n  ```\n\nIn {city} the <Map /> shows.\n"),
            ["{city}", "<Map />"]
        );
    }

    /// A fence left open ends with the list item or the quotation that
    /// holds it, as in CommonMark; the rest of the file is scanned.
    #[test]
    fn a_fence_ends_with_its_container() {
        for body in [
            // The list item ends at a line less indented than its content.
            "- ```js\n  a {b}\n- In {city} the <Map /> shows.\n",
            "1. Step\n\n   ```\n   a {b}\n\nIn {city} the <Map /> shows.\n",
            "- a\n  - ```\n    x {y}\n  In {city} the <Map /> shows.\n",
            // The quotation ends at a line without `>`, or a blank line.
            "> ```\n> a {b}\nIn {city} the <Map /> shows.\n",
            "> ```\n> a {b}\n\nIn {city} the <Map /> shows.\n",
            // A fence at the top level, indented or not, ends only at its
            // closing line, and what it holds is not code.
            "  ```\n{a}\n <b>\n  ```\nIn {city} the <Map /> shows.\n",
            "- a\n\n```\n{a}\n\n<b>\n```\nIn {city} the <Map /> shows.\n",
            "- ```js\n  a\n\n  {b}\n  ```\nIn {city} the <Map /> shows.\n",
            "> ```\n>\n> {a}\n> ```\nIn {city} the <Map /> shows.\n",
            // A `>` inside a list item's fence is code (a prompt), and so
            // is a bare `>` line inside a quotation's; a heading ends a
            // list item (from a review of this change).
            "- a\n\n  ```\n  > x = {y}\n  ```\n  In {city} the <Map /> shows.\n",
            "> - a\n>   ```\n>\n>   {x}\n>   ```\n>   In {city} the <Map /> shows.\n",
            "- a\n# H\n  ```\n{x}\n  ```\n  In {city} the <Map /> shows.\n",
            // A fence in an outer item after a nested one ends with the
            // outer item (from a final review).
            "- a\n  - b\n  ```\n  x {y}\n\nIn {city} the <Map /> shows.\n",
        ] {
            assert_eq!(codes(body), ["{city}", "<Map />"], "{body:?}");
        }
        // A closing line outside the list item opens a fence of its own.
        assert_eq!(codes("- ```\n  a\n```\n{b}\n```\n{c}\n"), ["{c}"]);
    }

    #[test]
    fn copy_attributes_are_found_in_closed_tags() {
        let body = "<Figure src=\"a.jpg\" caption = \"Kiev\" alt='A tank' title=\"x\" data-alt=\"y\">\n<a alt=\"Open";
        let found: Vec<(&str, u8)> = scan(body)
            .copy
            .into_iter()
            .map(|(r, mark)| (&body[r], mark))
            .collect();
        assert_eq!(found, [("Kiev", b'"'), ("A tank", b'\'')]);
    }

    #[test]
    fn comments_hold_directives() {
        assert!(matches!(
            comment("{/* copydesk-disable-next-line stray-script */}"),
            Some(Directive::DisableNextLine(rules)) if rules == ["stray-script"]
        ));
        assert!(comment("{/* a note */}").is_none());
        assert!(comment("{disable}").is_none());
    }

    /// Pathological input (many unclosed braces, tags, strings, comments
    /// and backtick runs, in one paragraph or many) gives ranges in order;
    /// `benches/pathological.sh` (case `mdx`) measures that it is linear.
    #[test]
    fn hostile_paragraphs_end_the_scan() {
        let esm = format!("export const a = {{\n{} }}\n", "\n".repeat(400_000));
        for body in [
            "{", "<a ", "` ``  ", "{'", "</", "{/*\n\n", "{\\'}", "<a '\n\n", "#a `\n",
        ]
        .map(|unit| unit.repeat(200_000))
        .into_iter()
        .chain([esm])
        {
            let unit = &body[..body.len().min(8)];
            let found = code(&body);
            assert!(
                found.windows(2).all(|w| w[0].end <= w[1].start)
                    && found.last().is_none_or(|r| r.end <= body.len()),
                "{unit:?}"
            );
        }
    }
}
