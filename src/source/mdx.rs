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

/// The byte ranges of `body`'s ESM blocks, tags and expressions, in order.
pub(super) fn code(body: &str) -> Vec<Range<usize>> {
    let b = body.as_bytes();
    let mut found = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut after_blank = true;
    // Code-span lengths that found no closing run in this paragraph.
    let mut unclosed: u64 = 0;
    let mut i = 0;
    while i < b.len() {
        let end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k);
        let line = &body[i..end];
        if let Some((mark, len)) = fence {
            if fence_of(line).is_some_and(|(m, n, info)| m == mark && n >= len && info.is_empty()) {
                fence = None;
            }
            i = end + 1;
            continue;
        }
        if line.trim().is_empty() {
            (after_blank, unclosed) = (true, 0);
            i = end + 1;
            continue;
        }
        if let Some((mark, len, info)) = fence_of(line) {
            if !(mark == b'`' && info.contains('`')) {
                fence = Some((mark, len));
                i = end + 1;
                continue;
            }
        }
        if after_blank && is_esm(line) {
            let stop = paragraph_end(b, i);
            found.push(i..stop);
            i = stop;
            continue;
        }
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
                    j = match (unclosed & bit == 0).then(|| code_span_end(b, j, run)) {
                        Some(Ok(after)) => after,
                        Some(Err(_)) => {
                            unclosed |= bit;
                            j + run
                        }
                        None => j + run,
                    };
                }
                b'{' => match expression_end(b, j) {
                    Ok(after) => {
                        found.push(j..after);
                        j = after;
                    }
                    Err(stop) => j = stop,
                },
                b'<' if starts_tag(b, j) => match tag_end(b, j) {
                    Ok(after) => {
                        found.push(j..after);
                        j = after;
                    }
                    Err(stop) => j = stop,
                },
                _ => j += 1,
            }
        }
        if j < b.len() && paragraph_ends_at(b, j) {
            (after_blank, unclosed) = (true, 0);
        }
        i = j + 1;
    }
    found
}

/// The directive an MDX comment (`{/* copydesk-disable … */}`) states.
pub(super) fn comment(code: &str) -> Option<Directive> {
    let inner = code.strip_prefix('{')?.strip_suffix('}')?.trim();
    super::directive(inner.strip_prefix("/*")?.strip_suffix("*/")?)
}

/// `import` and `export` statements, as MDX reads them at a block's start
/// (and not the prose `Export controls were …` or `import duties from …`).
fn is_esm(line: &str) -> bool {
    static ESM: OnceLock<regex::Regex> = OnceLock::new();
    ESM.get_or_init(|| {
        regex::Regex::new(
            r#"^(?:import\s*(?:["'{*]|[\w$]+\s*(?:,|\s+from\s*["']))|export\s*(?:[{*]|(?:const|let|var|function|async|class|default)\b))"#,
        )
        .expect("a valid pattern")
    })
    .is_match(line)
}

/// A fence line (up to its container's markers and indentation): its mark,
/// its length and its info string.
fn fence_of(line: &str) -> Option<(u8, usize, &str)> {
    let rest = line.trim_start_matches([' ', '\t', '>']);
    let mark = *rest.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&c| c == mark).count();
    (len >= 3).then(|| (mark, len, rest[len..].trim()))
}

/// Whether the line after the line break at `at` is blank (or there is
/// none): the paragraph ends there.
fn paragraph_ends_at(b: &[u8], at: usize) -> bool {
    b[at + 1..]
        .iter()
        .find(|&&c| c != b' ' && c != b'\t' && c != b'\r')
        .is_none_or(|&c| c == b'\n')
}

/// The end of the paragraph that holds `from`: the line break before its
/// next blank line, or the end.
fn paragraph_end(b: &[u8], from: usize) -> usize {
    let mut k = from;
    while let Some(nl) = memchr::memchr(b'\n', &b[k..]).map(|n| k + n) {
        if paragraph_ends_at(b, nl) {
            return nl;
        }
        k = nl + 1;
    }
    b.len()
}

/// After the code span whose opening run of `run` backticks is at `at`;
/// Err at the paragraph's end when none closes it.
fn code_span_end(b: &[u8], at: usize, run: usize) -> Result<usize, usize> {
    let mut k = at + run;
    while k < b.len() {
        match b[k] {
            b'`' => {
                let n = b[k..].iter().take_while(|&&c| c == b'`').count();
                if n == run {
                    return Ok(k + n);
                }
                k += n;
            }
            b'\n' if paragraph_ends_at(b, k) => return Err(k),
            _ => k += 1,
        }
    }
    Err(b.len())
}

/// After the expression whose `{` is at `at`: braces nest, and strings
/// and comments hold any brace. Err at the paragraph's end when it does
/// not close.
fn expression_end(b: &[u8], at: usize) -> Result<usize, usize> {
    let mut depth = 0usize;
    let mut k = at;
    // Where a string of each kind was last found unclosed: a later mark
    // of the kind before there is unclosed too.
    let mut unclosed = [0usize; 3];
    while k < b.len() {
        match b[k] {
            quote @ (b'"' | b'\'' | b'`') => {
                let kind = match quote {
                    b'"' => 0,
                    b'\'' => 1,
                    _ => 2,
                };
                if k >= unclosed[kind] {
                    match string_end(b, k, quote) {
                        Ok(close) => k = close,
                        Err(stop) => unclosed[kind] = stop,
                    }
                }
            }
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(k + 1);
                }
            }
            b'/' if b.get(k + 1) == Some(&b'*') => match memchr::memmem::find(&b[k + 2..], b"*/") {
                Some(n) => k += n + 3,
                None => return Err(paragraph_end(b, k)),
            },
            b'/' if b.get(k + 1) == Some(&b'/') => {
                k = memchr::memchr(b'\n', &b[k..]).map_or(b.len(), |n| k + n);
                continue;
            }
            b'\n' if paragraph_ends_at(b, k) => return Err(k),
            _ => {}
        }
        k += 1;
    }
    Err(b.len())
}

/// The closing quotation mark of the string that opens at `at` (a
/// backslash escapes); Err where the search stopped when a `'` or `"` is
/// not closed on its line (it is then a character of its own: `{cond &&
/// <b>it's</b>}`) or a template string in its paragraph.
fn string_end(b: &[u8], at: usize, quote: u8) -> Result<usize, usize> {
    let mut k = at + 1;
    while k < b.len() {
        match b[k] {
            b'\\' => k += 1,
            c if c == quote => return Ok(k),
            b'\n' if quote != b'`' || paragraph_ends_at(b, k) => return Err(k),
            _ => {}
        }
        k += 1;
    }
    Err(b.len())
}

/// Whether the `<` at `at` opens a JSX tag: a name, a closing slash or a
/// fragment (`<>`); not `a < b`, `<3` or an HTML comment.
fn starts_tag(b: &[u8], at: usize) -> bool {
    matches!(b.get(at + 1), Some(c) if c.is_ascii_alphabetic() || matches!(c, b'/' | b'>' | b'_' | b'$'))
}

/// After the tag whose `<` is at `at`: attribute strings and expressions
/// hold any `>`. Err at the paragraph's end when it does not close.
fn tag_end(b: &[u8], at: usize) -> Result<usize, usize> {
    let mut k = at + 1;
    while k < b.len() {
        match b[k] {
            b'>' => return Ok(k + 1),
            quote @ (b'"' | b'\'') => match b[k + 1..].iter().position(|&c| c == quote) {
                Some(n) if !b[k + 1..k + 1 + n].windows(2).any(|w| w == b"\n\n") => {
                    k += n + 2;
                    continue;
                }
                _ => return Err(paragraph_end(b, k)),
            },
            b'{' => match expression_end(b, k) {
                Ok(after) => {
                    k = after;
                    continue;
                }
                Err(stop) => return Err(stop),
            },
            b'\n' if paragraph_ends_at(b, k) => return Err(k),
            _ => {}
        }
        k += 1;
    }
    Err(b.len())
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

    #[test]
    fn comments_hold_directives() {
        assert!(matches!(
            comment("{/* copydesk-disable-next-line stray-script */}"),
            Some(Directive::DisableNextLine(rules)) if rules == ["stray-script"]
        ));
        assert!(comment("{/* a note */}").is_none());
        assert!(comment("{disable}").is_none());
    }

    /// Pathological input stays linear: many unclosed braces, tags and
    /// backtick runs in one paragraph.
    #[test]
    fn hostile_paragraphs_end_the_scan() {
        for unit in ["{", "<a ", "` ``  ", "{'", "</"] {
            let body = unit.repeat(200_000);
            assert!(code(&body).len() <= 1, "{unit:?}");
        }
    }
}
