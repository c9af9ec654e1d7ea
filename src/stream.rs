//! Stream mode: documents in, findings out, one JSON object a line (NDJSON).
//!
//! Each input line is a JSON object: `id` (a string or number), `text`, an
//! optional `format` (`text`, `markdown` or `html`), an optional `path` (a
//! virtual path: it picks the config, overrides and packs exactly as a file
//! at that path would, through the [`Workspace`]) and any other keys, the
//! document's metadata. Each document gives one output line:
//! `{"id": …, <metadata>, "diagnostics": [ … ]}`, the metadata copied byte
//! for byte in input order, the diagnostics the objects of the public JSON
//! schema ([`crate::render::json::diagnostic`]; offsets into `text` as
//! UTF-8). A line that is not such an object gives `{"line": N, "error":
//! "…"}` (with `id` when it had one) and the stream goes on; blank lines are
//! skipped. The output's own keys ([`RESERVED`]) are no metadata: a
//! document that has one is an error line, so a result line never holds a
//! key twice nor reads as an error line.
//!
//! Memory stays constant whatever the stream's length: lines are read one
//! at a time into batches (at most [`Limits::documents`] documents or
//! [`Limits::bytes`] bytes), each batch is linted in parallel (rayon, on
//! the caller's pool, or the global one) and written in input order before the next is read.
//! A front end (the command line's `check --input-format ndjson`, a batch
//! job embedding the library) calls [`run`] once per input.

use crate::decode::Encoding;
use crate::input::{show_size, MAX_DOCUMENT_BYTES};
use crate::render::{json, FileReport, Summary};
use crate::source::Format;
use crate::workspace::{Resolved, Workspace};
use rayon::prelude::*;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// How much of a stream is held at once.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Documents linted in parallel before their results are written.
    pub documents: usize,
    /// A batch ends once its lines hold this many bytes.
    pub bytes: usize,
    /// A longer line is skipped (reported as an error line), not read.
    pub line_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            documents: 256,
            bytes: 32 << 20,
            line_bytes: MAX_DOCUMENT_BYTES as usize,
        }
    }
}

/// What a stream (or several) added up to.
#[derive(Clone, Copy, Debug, Default)]
pub struct Totals {
    /// Documents linted.
    pub documents: usize,
    /// Lines that gave an error object (not JSON, not a document, a
    /// document that could not be linted).
    pub errors: usize,
    /// Whether a finding was at or above its document's fail level.
    pub failed: bool,
    /// The findings, by severity and fixability.
    pub summary: Summary,
}

/// The keys of the output lines besides `id`: a document may not carry
/// them as metadata.
pub const RESERVED: [&str; 3] = ["line", "error", "diagnostics"];

/// One input line, parsed.
struct Document {
    id: Box<RawValue>,
    text: String,
    format: Option<Format>,
    path: Option<String>,
    /// Every other key, in input order, its value as written.
    metadata: Vec<(String, Box<RawValue>)>,
}

/// A document line's members: `text` decoded (it is the one large value),
/// every other value kept as written, in order.
struct Members {
    /// None: no `text`; Some(None): a `text` that is not a string.
    text: Option<Option<String>>,
    others: Vec<(String, Box<RawValue>)>,
}

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Members, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object (one document)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut m = Members {
                    text: None,
                    others: Vec::new(),
                };
                while let Some(key) = map.next_key::<String>()? {
                    let seen = match key.as_str() {
                        "text" => m.text.is_some(),
                        _ => m.others.iter().any(|(k, _)| *k == key),
                    };
                    if seen {
                        return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
                    }
                    match key.as_str() {
                        "text" => m.text = Some(map.next_value::<Text>()?.0),
                        _ => m.others.push((key, map.next_value()?)),
                    }
                }
                Ok(m)
            }
        }
        d.deserialize_map(V)
    }
}

/// The `text` member: its string, or None when it is not one (the
/// caller says so, naming the document).
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text, E> {
                Ok(Text(Some(v)))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_unit<E>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// A serde_json error without its " at line 1 column 7" (the caller
/// names the place).
fn bare(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The body with each `\uXXXX` escape of a lone UTF-16 surrogate (a high
/// one not followed by a low one's escape, or a low one not preceded by a
/// high one's) rewritten `\uFFFD`, six bytes for six. JavaScript's
/// `JSON.stringify` writes one for a string cut inside an emoji (a
/// headline truncated to a length); serde_json refuses it, and no Rust
/// string can hold it. U+FFFD is one UTF-16 unit, as the surrogate was, so
/// the `utf16_*` offsets still count the client's string, and `mojibake`
/// flags it where it stands. A backslash outside a string is malformed
/// JSON whatever follows it: error positions do not move.
pub fn repair_lone_surrogates(body: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    /// The code unit of a `\uXXXX` escape at `at`.
    fn unit(b: &[u8], at: usize) -> Option<u16> {
        let e = b.get(at..at + 6)?;
        if !(e.starts_with(b"\\u") && e[2..].iter().all(u8::is_ascii_hexdigit)) {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&e[2..]).ok()?, 16).ok()
    }
    let high = |u: u16| (0xD800..0xDC00).contains(&u);
    let low = |u: u16| (0xDC00..0xE000).contains(&u);
    let mut out = std::borrow::Cow::Borrowed(body);
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &body[i..]) {
        let at = i + k;
        i = match unit(body, at) {
            Some(u) if high(u) && unit(body, at + 6).is_some_and(low) => at + 12,
            Some(u) if high(u) || low(u) => {
                out.to_mut()[at..at + 6].copy_from_slice(b"\\uFFFD");
                at + 6
            }
            Some(_) => at + 6,
            // Another escape: skip the character it escapes.
            None => (at + 2).min(body.len()),
        };
    }
    out
}

/// Parse one line. The error names the column for JSON errors.
fn parse(line: &[u8]) -> Result<Document, (Option<Box<RawValue>>, String)> {
    let members = serde_json::from_slice::<Members>(&repair_lone_surrogates(line))
        .map_err(|e| (None, format!("{}: {}", e.column(), bare(&e))))?;
    let (mut id, mut format, mut path) = (None, None, None);
    let mut metadata = Vec::new();
    for (key, value) in members.others {
        match key.as_str() {
            "id" => id = Some(value),
            "format" => format = Some(value),
            "path" => path = Some(value),
            _ => metadata.push((key, value)),
        }
    }
    let id = id.ok_or((None, "a document needs an `id`".to_string()))?;
    if !matches!(id.get().as_bytes().first(), Some(b'"' | b'-' | b'0'..=b'9')) {
        return Err((None, "`id` must be a string or a number".into()));
    }
    let fail = |message: String| (Some(id.clone()), message);
    if let Some((key, _)) = metadata
        .iter()
        .find(|(k, _)| RESERVED.contains(&k.as_str()))
    {
        return Err(fail(format!(
            "metadata key `{key}` is one of the output's own keys (`{}`); rename it",
            RESERVED.join("`, `")
        )));
    }
    let string = |value: &RawValue, key: &str| {
        serde_json::from_str::<String>(value.get())
            .map_err(|_| fail(format!("`{key}` must be a string")))
    };
    let text = match members.text {
        None => return Err(fail("a document needs a `text`".into())),
        Some(None) => return Err(fail("`text` must be a string".into())),
        Some(Some(text)) => text,
    };
    let format = match &format {
        None => None,
        Some(f) => Some(match string(f, "format")?.as_str() {
            "text" | "plain" => Format::Plain,
            "markdown" => Format::Markdown,
            "mdx" => Format::Mdx,
            "html" => Format::Html,
            other => {
                return Err(fail(format!(
                    "unknown `format` `{other}` (text, markdown, mdx or html)"
                )))
            }
        }),
    };
    let path = path.map(|p| string(&p, "path")).transpose()?;
    Ok(Document {
        id,
        text,
        format,
        path,
        metadata,
    })
}

/// What linting one line gave: its output line and what it adds up to.
struct Done {
    line: Vec<u8>,
    totals: Totals,
}

/// The error object of input line `n`.
fn error_line(n: usize, id: Option<&RawValue>, message: &str) -> Done {
    let mut line = format!("{{\"line\":{n}");
    if let Some(id) = id {
        line.push_str(",\"id\":");
        line.push_str(id.get());
    }
    line.push_str(",\"error\":");
    line.push_str(&serde_json::to_string(message).expect("a string serializes"));
    line.push_str("}\n");
    Done {
        line: line.into_bytes(),
        totals: Totals {
            errors: 1,
            ..Totals::default()
        },
    }
}

/// The settings of the paths documents name, each resolved once (at most
/// [`Resolver::KEEP`] at a time: a stream that names a path a document
/// does not grow it without bound).
struct Resolver<'w> {
    ws: &'w Workspace,
    /// Governing path → its settings, or why they could not be loaded.
    cache: Mutex<HashMap<String, Arc<Result<Resolved, String>>>>,
}

impl Resolver<'_> {
    const KEEP: usize = 1024;

    fn get(&self, path: &str) -> Arc<Result<Resolved, String>> {
        let lock = || self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = lock().get(path) {
            return r.clone();
        }
        let r = Arc::new(self.ws.resolve(Path::new(path)).map_err(|e| e.to_string()));
        let mut cache = lock();
        if cache.len() >= Self::KEEP {
            cache.clear();
        }
        cache.insert(path.to_string(), r.clone());
        r
    }
}

/// Lint line `n` of input `name`.
fn lint_line(paths: &Resolver, name: &str, n: usize, bytes: &[u8]) -> Done {
    let mut doc = match parse(bytes) {
        Ok(doc) => doc,
        Err((id, message)) => {
            let at = match id {
                None if message.as_bytes()[0].is_ascii_digit() => format!("{name}:{n}:{message}"),
                _ => format!("{name}:{n}: {message}"),
            };
            return error_line(n, id.as_deref(), &at);
        }
    };
    // Without a path, the document is governed like a file in the root
    // folder (its format is plain text unless `format` says otherwise).
    let display = match (&doc.path, serde_json::from_str::<String>(doc.id.get())) {
        (Some(p), _) => p.clone(),
        (None, Ok(id)) => id,
        (None, Err(_)) => doc.id.get().to_string(),
    };
    let governing = doc.path.as_deref().unwrap_or("<stream>");
    let text = std::mem::take(&mut doc.text);
    let checked = match &*paths.get(governing) {
        Ok(r) => r.check_string(doc.format, text),
        Err(e) => return error_line(n, Some(&doc.id), &format!("{name}:{n}: {e}")),
    };
    let report = FileReport {
        path: &display,
        text: &checked.text,
        diagnostics: &checked.diagnostics,
        rules: checked.engine.rules(),
        encoding: Encoding::Utf8,
    };
    let mut line = Vec::with_capacity(64 + 256 * checked.diagnostics.len());
    line.extend_from_slice(b"{\"id\":");
    line.extend_from_slice(doc.id.get().as_bytes());
    for (key, value) in &doc.metadata {
        line.push(b',');
        serde_json::to_writer(&mut line, key).expect("a string serializes");
        line.push(b':');
        line.extend_from_slice(value.get().as_bytes());
    }
    line.extend_from_slice(b",\"diagnostics\":[");
    if !checked.diagnostics.is_empty() {
        let index = json::Index::new(&report);
        for (i, d) in checked.diagnostics.iter().enumerate() {
            if i > 0 {
                line.push(b',');
            }
            serde_json::to_writer(&mut line, &json::diagnostic(&index, &report, d))
                .expect("a JSON value serializes");
        }
    }
    line.extend_from_slice(b"]}\n");
    let mut summary = Summary::default();
    summary.add(&checked.diagnostics);
    Done {
        line,
        totals: Totals {
            documents: 1,
            errors: 0,
            failed: checked.failed(),
            summary,
        },
    }
}

/// Read one line (without its `\n`) into `buf`. `Ok(None)` at the end;
/// `Ok(Some(false))` when the line was longer than `cap` (skipped to its
/// end, `buf` left empty).
fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(!too_long));
        }
        any = true;
        let (part, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (&chunk[..i], i + 1),
            None => (chunk, chunk.len()),
        };
        if !too_long && buf.len() + part.len() > cap {
            too_long = true;
            *buf = Vec::new();
        }
        if !too_long {
            buf.extend_from_slice(part);
        }
        let ended = done > part.len();
        input.consume(done);
        if ended {
            return Ok(Some(!too_long));
        }
    }
}

/// Lint every document of `input` (named `name` in error messages) and
/// write one result line each to `out`, in input order; documents are
/// linted in parallel on `pool` (None: rayon's global pool). Only reading and writing
/// fail; a bad line is an error line in the output, counted in the totals.
pub fn run(
    ws: &Workspace,
    name: &str,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    limits: Limits,
    pool: Option<&rayon::ThreadPool>,
    totals: &mut Totals,
) -> io::Result<()> {
    let mut n = 0;
    let mut buf = Vec::new();
    let paths = Resolver {
        ws,
        cache: Mutex::default(),
    };
    loop {
        // (line number, its bytes; None: too long)
        let mut batch: Vec<(usize, Option<Vec<u8>>)> = Vec::new();
        let mut held = 0;
        let mut ended = false;
        while batch.len() < limits.documents.max(1) && held < limits.bytes {
            match read_line(input, &mut buf, limits.line_bytes)? {
                None => {
                    ended = true;
                    break;
                }
                Some(complete) => {
                    n += 1;
                    // A byte-order mark before the first line (what some
                    // Windows tools write) is no part of its JSON.
                    if n == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                        buf.drain(..3);
                    }
                    if complete && buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    held += buf.len();
                    batch.push((n, complete.then(|| std::mem::take(&mut buf))));
                }
            }
        }
        let lint = || -> Vec<Done> {
            batch
                .into_par_iter()
                .map(|(n, bytes)| match bytes {
                    Some(bytes) => lint_line(&paths, name, n, &bytes),
                    None => error_line(
                        n,
                        None,
                        &format!(
                            "{name}:{n}: line longer than {}, the limit; skipped",
                            show_size(limits.line_bytes as u64)
                        ),
                    ),
                })
                .collect()
        };
        let done = match pool {
            Some(pool) => pool.install(lint),
            None => lint(),
        };
        for d in done {
            out.write_all(&d.line)?;
            totals.add(&d.totals);
        }
        if ended {
            return out.flush();
        }
    }
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        self.documents += other.documents;
        self.errors += other.errors;
        self.failed |= other.failed;
        let (s, o) = (&mut self.summary, &other.summary);
        for (a, b) in s.counts.iter_mut().zip(o.counts) {
            *a += b;
        }
        s.fixable += o.fixable;
        s.unsafe_fixable += o.unsafe_fixable;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_longer_than_the_cap_is_skipped_to_its_end() {
        let mut input = io::BufReader::with_capacity(4, &b"0123456789\nab\n"[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(false));
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(true));
        assert_eq!(buf, b"ab");
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), None);
    }

    #[test]
    fn a_last_line_without_newline_is_read() {
        let mut input = &b"ab\ncd"[..];
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(true));
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(true));
        assert_eq!(buf, b"cd");
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), None);
    }

    #[test]
    fn parse_keeps_metadata_in_order_and_as_written() {
        let doc = parse(br#"{"date":"2024-07-10","id":7,"text":"x","n":1.50}"#)
            .ok()
            .unwrap();
        assert_eq!(doc.id.get(), "7");
        let meta: Vec<_> = doc
            .metadata
            .iter()
            .map(|(k, v)| (k.as_str(), v.get()))
            .collect();
        assert_eq!(meta, [("date", "\"2024-07-10\""), ("n", "1.50")]);
    }

    #[test]
    fn parse_names_what_is_wrong() {
        let err = |l: &[u8]| parse(l).err().unwrap().1;
        assert!(
            err(br#"{"id":1,"text":"x""#).starts_with("18: EOF while parsing an object"),
            "{}",
            err(br#"{"id":1,"text":"x""#)
        );
        assert_eq!(err(br#"{"text":"x"}"#), "a document needs an `id`");
        assert_eq!(err(br#"{"id":1,"text":2}"#), "`text` must be a string");
        assert_eq!(
            err(br#"{"id":null,"text":""}"#),
            "`id` must be a string or a number"
        );
        assert!(err(br#"{"id":1,"id":2,"text":""}"#).contains("duplicate key `id`"));
        assert!(err(br#"{"id":1,"text":"","format":"pdf"}"#).contains("unknown `format` `pdf`"));
        assert!(err(b"[1]").contains("a JSON object"));
        assert!(err(br#"{"id":1,"text":"","error":"x"}"#).starts_with("metadata key `error`"));
    }
}
