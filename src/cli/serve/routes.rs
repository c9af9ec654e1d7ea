//! The endpoints: `POST /v1/check`, `POST /v1/fix`, `GET /v1/rules`,
//! `GET /healthz`. Requests are read strictly (JSON, UTF-8, known fields
//! only) and linted on the blocking pool; diagnostics are the public JSON
//! schema (`render::json`) plus UTF-16 offsets for browsers.

use super::limits::error;
use super::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use copydesk::decode::Encoding;
use copydesk::render::json::{diagnostic, Index};
use copydesk::render::FileReport;
use copydesk::{Diagnostic, Engine, FixOptions, Format, Linted};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// The input's format, as a request names it.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum InputFormat {
    Text,
    Markdown,
    Mdx,
    Html,
}

impl InputFormat {
    fn format(self) -> Format {
        match self {
            InputFormat::Text => Format::Plain,
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Mdx => Format::Mdx,
            InputFormat::Html => Format::Html,
        }
    }

    /// The virtual file name of a request that gives no path.
    fn draft(self) -> &'static str {
        match self {
            InputFormat::Text => "draft.txt",
            InputFormat::Markdown => "draft.md",
            InputFormat::Mdx => "draft.mdx",
            InputFormat::Html => "draft.html",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    text: String,
    #[serde(default, deserialize_with = "present")]
    format: Option<InputFormat>,
    #[serde(default, deserialize_with = "present")]
    path: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixRequest {
    text: String,
    #[serde(default, deserialize_with = "present")]
    format: Option<InputFormat>,
    #[serde(default, deserialize_with = "present")]
    path: Option<String>,
    #[serde(default, deserialize_with = "present")]
    unsafe_fixes: Option<bool>,
}

/// An optional field that, when present, holds a value: `null` is refused
/// (422) like any other wrong type, as the OpenAPI document says.
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    match Option::<T>::deserialize(d)? {
        Some(v) => Ok(Some(v)),
        None => Err(serde::de::Error::custom(
            "invalid type: null (leave the field out instead)",
        )),
    }
}

/// A document to lint: its text, the virtual path that picks its config
/// overrides, and its format.
struct Job {
    /// The path as diagnostics report it (`-` when none was given).
    label: String,
    /// Relative, without `..`: only matched against override globs.
    virtual_path: PathBuf,
    format: Option<Format>,
    text: String,
}

impl Job {
    fn new(text: String, format: Option<InputFormat>, path: Option<String>) -> Job {
        let virtual_path = path
            .as_deref()
            .map(virtual_path)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| format.unwrap_or(InputFormat::Text).draft().into());
        Job {
            label: path.unwrap_or_else(|| "-".into()),
            virtual_path,
            format: format.map(InputFormat::format),
            text,
        }
    }
}

/// A request's path made relative and kept inside the root, lexically:
/// `/a/b.md` → `a/b.md`, `../../etc/passwd` → `etc/passwd`. Nothing is
/// looked up on disk.
fn virtual_path(p: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for c in Path::new(p).components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::ParentDir => {
                out.pop();
            }
            Component::RootDir | Component::Prefix(_) | Component::CurDir => {}
        }
    }
    out
}

/// The request body as `T`: JSON (415 otherwise), UTF-8 (400), well-formed
/// (400), of the right shape (422). A lone surrogate escape is read as
/// U+FFFD ([`copydesk::stream::repair_lone_surrogates`]).
fn parse<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<T, Response> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
    if !json {
        return Err(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the request as Content-Type: application/json",
        ));
    }
    let body = body.map_err(|r| error(r.status(), r.body_text()))?;
    if let Err(e) = std::str::from_utf8(&body) {
        return Err(error(
            StatusCode::BAD_REQUEST,
            format!(
                "request body is not valid UTF-8 (at byte {})",
                e.valid_up_to()
            ),
        ));
    }
    // A struct would also read an array of its fields in order: the
    // bodies are objects (as the OpenAPI document says), nothing else.
    let body = copydesk::stream::repair_lone_surrogates(&body);
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|&b| b != b'{') && serde_json::from_slice::<Value>(&body).is_ok() {
        return Err(error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the request body must be a JSON object",
        ));
    }
    serde_json::from_slice(&body).map_err(|e| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Data => error(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
            _ => error(StatusCode::BAD_REQUEST, format!("malformed JSON: {e}")),
        }
    })
}

/// A 200 answer with a JSON body.
pub fn ok(v: &Value) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_string(v).unwrap_or_default(),
    )
        .into_response()
}

/// Run `f` on the blocking pool (linting is CPU work).
async fn blocking<F>(f: F) -> Response
where
    F: FnOnce() -> Result<Value, copydesk::Error> + Send + 'static,
{
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(v)) => ok(&v),
        Ok(Err(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "linting failed"),
    }
}

/// Lint `text` under the job's virtual path (its format, when given,
/// replaces the one the path's extension picks). Returns the text as
/// linted, the diagnostics and the engine.
fn lint(
    state: &AppState,
    job: &Job,
    text: Vec<u8>,
    fix: Option<FixOptions>,
) -> Result<(String, Vec<Diagnostic>, Arc<Engine>, usize), copydesk::Error> {
    let r = state.workspace().resolve(&job.virtual_path)?;
    let format = job.format.unwrap_or(r.format);
    let (linted, applied) = match fix {
        None => (
            copydesk::lint_bytes(&r.engine, &r.settings, format, text),
            0,
        ),
        Some(o) => {
            let (_, n, linted) = copydesk::fix_bytes_with(&r.engine, &r.settings, format, text, o);
            (linted, n)
        }
    };
    Ok(match linted {
        Linted::Text { text, diagnostics } => (text, diagnostics, r.engine, applied),
        // Text a reader cannot read (a file signature): nothing to report.
        Linted::Binary => (job.text.clone(), Vec::new(), r.engine, 0),
    })
}

pub async fn check(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let req: CheckRequest = match parse(&headers, body) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let job = Job::new(req.text, req.format, req.path);
    blocking(move || {
        let (text, diags, engine, _) = lint(&state, &job, job.text.as_bytes().to_vec(), None)?;
        Ok(json!({ "diagnostics": diagnostics(&job.label, &text, &diags, &engine) }))
    })
    .await
}

pub async fn fix(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let req: FixRequest = match parse(&headers, body) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let options = FixOptions {
        unsafe_fixes: req.unsafe_fixes.unwrap_or(false),
    };
    let job = Job::new(req.text, req.format, req.path);
    blocking(move || {
        let bytes = job.text.as_bytes().to_vec();
        let (_, before, _, _) = lint(&state, &job, bytes.clone(), None)?;
        let (fixed, after, engine, applied) = lint(&state, &job, bytes, Some(options))?;
        let fixes = if applied == 0 {
            Vec::new()
        } else {
            first_round(&job.text, &before, options)
        };
        Ok(json!({
            "text": fixed,
            "applied": applied,
            "fixes": fixes,
            "diagnostics": diagnostics(&job.label, &fixed, &after, &engine),
        }))
    })
    .await
}

/// The fixes the first round applies to the text as sent (those
/// `copydesk::fix::choose` picks), one entry per edit with offsets into
/// that text. Later rounds, which fix what earlier ones exposed, are
/// counted in `applied` only.
fn first_round(text: &str, diags: &[Diagnostic], options: FixOptions) -> Vec<Value> {
    let picked = copydesk::fix::choose(text.len(), diags, &[], options);
    let mut out = Vec::new();
    let utf16 = Utf16::new(
        text,
        picked
            .iter()
            .flat_map(|(_, es)| es.iter().flat_map(|e| [e.span.start, e.span.end])),
    );
    for (d, edits) in picked {
        let applicability = d.fix.as_ref().map(|f| f.applicability);
        for e in edits {
            out.push(json!({
                "rule": d.rule,
                "byte_start": e.span.start,
                "byte_end": e.span.end,
                "utf16_start": utf16.get(e.span.start),
                "utf16_end": utf16.get(e.span.end),
                "replacement": e.replacement,
                "applicability": applicability.map(|a| a.as_str()),
            }));
        }
    }
    out
}

/// Diagnostics in the public JSON schema, each (and each of its fixes and
/// labels) with `utf16_start`/`utf16_end`: offsets in UTF-16 code units,
/// as JavaScript strings count.
fn diagnostics(path: &str, text: &str, diags: &[Diagnostic], engine: &Engine) -> Vec<Value> {
    let file = FileReport {
        path,
        text,
        diagnostics: diags,
        rules: engine.rules(),
        encoding: Encoding::Utf8,
    };
    let index = Index::of(text, Encoding::Utf8);
    let utf16 = Utf16::new(
        text,
        diags.iter().flat_map(|d| {
            let fixes = d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span));
            let labels = d.labels.iter().map(|l| l.span);
            std::iter::once(d.span)
                .chain(fixes)
                .chain(labels)
                .flat_map(|s| [s.start, s.end])
        }),
    );
    diags
        .iter()
        .map(|d| {
            let mut v = diagnostic(&index, &file, d);
            add_utf16(&mut v, &utf16, d.span);
            let edits = d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span));
            if let Some(Value::Array(fixes)) = v.get_mut("fixes") {
                for (f, span) in fixes.iter_mut().zip(edits) {
                    add_utf16(f, &utf16, span);
                }
            }
            if let Some(Value::Array(labels)) = v.get_mut("labels") {
                for (l, label) in labels.iter_mut().zip(&d.labels) {
                    add_utf16(l, &utf16, label.span);
                }
            }
            v
        })
        .collect()
}

fn add_utf16(v: &mut Value, utf16: &Utf16, span: copydesk::Span) {
    if let Some(o) = v.as_object_mut() {
        o.insert("utf16_start".into(), utf16.get(span.start).into());
        o.insert("utf16_end".into(), utf16.get(span.end).into());
    }
}

/// UTF-16 offsets of some byte offsets into a text, counted in one pass
/// over the sorted offsets.
pub struct Utf16 {
    /// (byte offset, UTF-16 offset), sorted.
    table: Vec<(usize, usize)>,
}

impl Utf16 {
    pub fn new(text: &str, offsets: impl Iterator<Item = usize>) -> Utf16 {
        let mut bytes: Vec<usize> = offsets.collect();
        bytes.sort_unstable();
        bytes.dedup();
        let (mut at, mut units) = (0, 0);
        let table = bytes
            .into_iter()
            .map(|b| {
                // Offsets are character boundaries; were one not, it counts
                // up to the boundary before it.
                let mut end = b.min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                if end > at {
                    units += text[at..end].chars().map(char::len_utf16).sum::<usize>();
                    at = end;
                }
                (b, units)
            })
            .collect();
        Utf16 { table }
    }

    pub fn get(&self, byte: usize) -> usize {
        match self.table.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => self.table[i].1,
            Err(_) => 0,
        }
    }
}

/// The rules of the root's settings (a request path's overrides may
/// differ: they are not listed).
pub async fn rules(State(state): State<Arc<AppState>>) -> Response {
    let docs_url = state.docs_url.clone();
    blocking(move || {
        let root = state.workspace().resolve_root()?;
        let (engine, settings) = (&root.engine, &root.settings);
        let rules: Vec<Value> = engine
            .rules()
            .iter()
            .enumerate()
            .map(|(i, r)| {
                json!({
                    "id": r.id,
                    "pack": r.pack,
                    "kind": r.kind().as_str(),
                    "severity": settings.severity[i].as_str(),
                    "default_severity": r.severity.as_str(),
                    "enabled": settings.enabled[i],
                    "summary": r.summary(),
                    "description": r.description.trim(),
                    "link": r.link,
                    "docs": match &docs_url {
                        Some(u) => format!("{}#{}", u.trim_end_matches('/'), r.id),
                        None => r.docs_anchor(),
                    },
                })
            })
            .collect();
        Ok(json!({ "rules": rules }))
    })
    .await
}

pub async fn healthz() -> Response {
    ok(&json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_astral_characters_twice() {
        // Written for this test: two emoji (4 bytes, 2 UTF-16 units each)
        // and a space before a Hangul word (3 bytes, 1 unit a syllable).
        let text = "😀😀 커뮤니티 x";
        let start = text.find('커').unwrap();
        let end = start + "커뮤니티".len();
        let u = Utf16::new(text, [end, start, 0, text.len()].into_iter());
        assert_eq!((u.get(0), u.get(start), u.get(end)), (0, 5, 9));
        assert_eq!(u.get(text.len()), text.encode_utf16().count());
    }

    #[test]
    fn lone_surrogate_escapes_become_replacement_characters() {
        let r = |s: &str| {
            String::from_utf8(copydesk::stream::repair_lone_surrogates(s.as_bytes()).into_owned())
                .unwrap()
        };
        // A pair stays; a high one alone (at the end, before another
        // escape, before a character) and a low one alone do not.
        assert_eq!(
            r(r#"{"text":"\ud83d\ude00"}"#),
            r#"{"text":"\ud83d\ude00"}"#
        );
        assert_eq!(r(r#"{"text":"cut \ud83d"}"#), r#"{"text":"cut \uFFFD"}"#);
        assert_eq!(
            r(r#""\uD83D\n\ud83dx\ude00""#),
            r#""\uFFFD\n\uFFFDx\uFFFD""#
        );
        assert_eq!(r(r#""\ud83d\ud83d\ude00""#), r#""\uFFFD\ud83d\ude00""#);
        // An escaped backslash before `u` is no escape; a short one is left
        // to the parser.
        assert_eq!(r(r#""\\ud83d""#), r#""\\ud83d""#);
        assert_eq!(r(r#""\ud8"#), r#""\ud8"#);
        assert_eq!(r("\\"), "\\");
        let json: serde_json::Value = serde_json::from_slice(
            &copydesk::stream::repair_lone_surrogates(br#"{"text":"a\udc00b"}"#),
        )
        .unwrap();
        assert_eq!(json["text"], "a\u{FFFD}b");
    }

    #[test]
    fn virtual_paths_stay_inside_the_root_lexically() {
        assert_eq!(virtual_path("../../etc/passwd"), Path::new("etc/passwd"));
        assert_eq!(virtual_path("/desk/a.md"), Path::new("desk/a.md"));
        assert_eq!(virtual_path("./desk/../b.txt"), Path::new("b.txt"));
        assert_eq!(virtual_path(".."), Path::new(""));
    }

    #[test]
    fn a_request_without_a_path_is_named_by_its_format() {
        let j = Job::new("x".into(), Some(InputFormat::Markdown), None);
        assert_eq!(j.virtual_path, Path::new("draft.md"));
        assert_eq!(j.label, "-");
        let j = Job::new("x".into(), None, Some("..".into()));
        assert_eq!(j.virtual_path, Path::new("draft.txt"));
    }
}
