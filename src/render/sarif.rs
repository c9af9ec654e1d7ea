//! `--format sarif`: SARIF 2.1.0, one run, for code-scanning tools.
//!
//! The driver lists every rule (id, name, descriptions, Markdown help, a
//! help URI into the rule reference, default level). Each result carries
//! its rule id and index, level, message, a physical location relative to
//! the run's root (`uriBaseId` `SRCROOT`), a region in UTF-16 code units
//! (the run's `columnKind`, SARIF's default), its fix with its
//! applicability, and a partial fingerprint that does not change when
//! unrelated lines above move: a hash of the rule, the flagged text, the
//! text of its line and how many times that triple came before in the file.

use super::json::Index;
use super::{FileReport, Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::Rule;
use crate::source::LineIndex;
use codespan_reporting::term::termcolor::WriteColor;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

/// The SARIF format, streamed: the log's head and each result as it comes,
/// the driver's rules (those met in files are added) at the end. The keys
/// of a log are written in order, and `results` comes before `tool`.
pub struct Sarif {
    root: PathBuf,
    rules: Vec<Rule>,
    docs: String,
    /// The indentation of a result, once the log's head was written.
    open: Option<String>,
}

/// Stands for the results in the log's layout.
const RESULTS: &str = "copydesk:results";

/// The rule reference this build was made with, as an absolute URI (a
/// front end may give the address where its team publishes it instead).
pub const DEFAULT_DOCS: &str = concat!("file://", env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");

impl Sarif {
    /// `root`: the folder paths are relative to; `rules`: the rules the
    /// driver describes (rules met in files are added); `docs`: the
    /// absolute URI of the rule reference (rule ids are its anchors).
    pub fn new(root: PathBuf, rules: Vec<Rule>, docs: Option<String>) -> Sarif {
        Sarif {
            root,
            rules,
            docs: docs.unwrap_or_else(|| DEFAULT_DOCS.to_string()),
            open: None,
        }
    }

    /// The whole log, with these results.
    fn log(&self, results: Value) -> Value {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|r| descriptor(r, &self.docs))
            .collect();
        let root = format!("file://{}/", uri_path(&self.root).trim_end_matches('/'));
        json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": self.docs,
                    "rules": rules,
                } },
                "originalUriBaseIds": { "SRCROOT": { "uri": root } },
                "columnKind": "utf16CodeUnits",
                "results": results,
            }],
        })
    }

    /// The log's text before its first result, the indentation of a
    /// result, and the text after the last.
    fn layout(&self) -> io::Result<(String, String, String)> {
        let text =
            serde_json::to_string_pretty(&self.log(json!([RESULTS]))).map_err(io::Error::other)?;
        let mark = format!("\"{RESULTS}\"");
        let at = text.find(&mark).expect("the results' place");
        let line = text[..at].rfind('\n').map_or(0, |i| i + 1);
        Ok((
            text[..line].to_string(),
            text[line..at].to_string(),
            text[at + mark.len()..].to_string(),
        ))
    }

    fn rule_index(&mut self, file: &FileReport, id: &str) -> usize {
        if let Some(i) = self.rules.iter().position(|r| r.id == id) {
            return i;
        }
        let rule = file.rule(id).cloned();
        match rule {
            Some(r) => {
                self.rules.push(r);
                self.rules.len() - 1
            }
            None => 0,
        }
    }
}

/// A SARIF level.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: `/` separators, reserved and
/// non-ASCII bytes percent-encoded.
pub fn uri_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The 1-based line and UTF-16 column of a byte offset.
fn region_point(index: &LineIndex, text: &str, offset: usize) -> (usize, usize) {
    let (line, _) = index.line_col(offset);
    let start = index.line_range(line).start;
    let col = text[start..offset.max(start)].encode_utf16().count() + 1;
    (line, col)
}

/// A region: lines and UTF-16 columns, and byte offsets into the file (its
/// own bytes: for a UTF-16 file, UTF-16 bytes).
fn region(index: &Index, text: &str, span: Span) -> Value {
    let (start_line, start_column) = region_point(&index.lines, text, span.start);
    let (end_line, end_column) = region_point(&index.lines, text, span.end);
    let (start, end) = (index.offsets.get(span.start), index.offsets.get(span.end));
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "byteOffset": start,
        "byteLength": end - start,
    })
}

/// FNV-1a, 64 bits: a stable hash for fingerprints (the same in every
/// version and on every machine).
pub(super) fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

impl Sarif {
    fn result(
        &mut self,
        file: &FileReport,
        index: &Index,
        location: &Value,
        seen: &mut HashMap<u64, usize>,
        d: &Diagnostic,
    ) -> Value {
        let rule_index = self.rule_index(file, &d.rule);
        let (line, _) = index.lines.line_col(d.span.start);
        let line_text = file.text[index.lines.line_range(line)].trim();
        let flagged = file.text.get(d.span.range()).unwrap_or("");
        let key = fnv1a(&[&d.rule, flagged, line_text]);
        let nth = seen.entry(key).or_insert(0);
        *nth += 1;
        let fingerprint = format!("{:016x}:{}", key, nth);
        let mut result = json!({
            "ruleId": d.rule,
            "ruleIndex": rule_index,
            "level": level(d.severity),
            "message": { "text": d.message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": region(index, file.text, d.span),
                }
            }],
            "partialFingerprints": { "copydesk/v1": fingerprint },
        });
        if let Some(fix) = &d.fix {
            let replacements: Vec<Value> = fix
                .edits
                .iter()
                .map(|e| {
                    json!({
                        "deletedRegion": region(index, file.text, e.span),
                        "insertedContent": { "text": e.replacement },
                    })
                })
                .collect();
            result["fixes"] = json!([{
                "description": { "text": fix.title },
                "artifactChanges": [{ "artifactLocation": location, "replacements": replacements }],
                "properties": { "applicability": fix.applicability.as_str() },
            }]);
        }
        if !d.labels.is_empty() {
            result["relatedLocations"] = d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    json!({
                        "id": i + 1,
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": region(index, file.text, l.span),
                        },
                        "message": { "text": l.message },
                    })
                })
                .collect();
        }
        result
    }
}

impl Reporter for Sarif {
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> io::Result<()> {
        let index = Index::new(file);
        let path = Path::new(file.path);
        let location = match path.is_absolute() {
            false => json!({ "uri": uri_path(path), "uriBaseId": "SRCROOT" }),
            true => match path.strip_prefix(&self.root) {
                Ok(rel) => json!({ "uri": uri_path(rel), "uriBaseId": "SRCROOT" }),
                // Outside the root: an absolute file URI.
                Err(_) => json!({ "uri": format!("file://{}", uri_path(path)) }),
            },
        };
        let mut seen = HashMap::new();
        for d in file.diagnostics {
            let r = self.result(file, &index, &location, &mut seen, d);
            let indent = match &self.open {
                Some(indent) => {
                    out.write_all(b",\n")?;
                    indent.clone()
                }
                None => {
                    let (head, indent, _) = self.layout()?;
                    out.write_all(head.as_bytes())?;
                    self.open = Some(indent.clone());
                    indent
                }
            };
            super::json::write_indented(out, &r, &indent)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, _: &Summary) -> io::Result<()> {
        if self.open.is_some() {
            let (_, _, tail) = self.layout()?;
            return writeln!(out, "{tail}");
        }
        let text = serde_json::to_string_pretty(&self.log(json!([]))).map_err(io::Error::other)?;
        writeln!(out, "{text}")
    }
}

/// A rule's reporting descriptor.
fn descriptor(r: &Rule, docs: &str) -> Value {
    let help_uri = format!("{docs}#{}", r.id);
    let mut d = json!({
        "id": r.id,
        "shortDescription": { "text": r.one_line() },
        "fullDescription": { "text": r.summary() },
        "help": {
            "text": r.description.trim(),
            "markdown": format!("{}\n\n[Rule reference]({help_uri})", r.description.trim()),
        },
        "helpUri": help_uri,
        "defaultConfiguration": { "level": level(r.severity), "enabled": r.default_enabled },
        "properties": { "pack": r.pack, "kind": r.kind().as_str() },
    });
    // A name is an identifier for people, different from the id.
    let name = pascal(&r.id);
    if !name.eq_ignore_ascii_case(&r.id) {
        d["name"] = Value::String(name);
    }
    d
}

/// `stray-script` → `StrayScript` (SARIF's rule names are identifiers).
fn pascal(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Encoding;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri_path(Path::new("desk/a b.md")), "desk/a%20b.md");
        assert_eq!(uri_path(Path::new("서울.txt")), "%EC%84%9C%EC%9A%B8.txt");
        assert_eq!(pascal("stray-script"), "StrayScript");
    }

    /// The log written result by result is the log rendered whole: the
    /// results come before the driver's rules, which grow as files name
    /// rules (two drafts written for this test).
    #[test]
    fn streamed_log_is_the_whole_log() {
        use codespan_reporting::term::termcolor::NoColor;
        let engine = crate::Engine::new(crate::rules::pack::shipped().unwrap()).unwrap();
        let settings = engine.default_settings();
        let texts = [
            "The 커뮤니티 group met.\nThe deal\u{200B} holds.\n",
            "Experts say the plan will fail.\n",
        ];
        let lints: Vec<_> = texts
            .iter()
            .map(|t| engine.lint(&crate::Source::new(t, crate::Format::Plain), &settings))
            .collect();
        let reports: Vec<FileReport> = texts
            .iter()
            .zip(&lints)
            .enumerate()
            .map(|(i, (t, d))| FileReport {
                path: ["a.txt", "b.txt"][i],
                text: t,
                diagnostics: d,
                rules: engine.rules(),
                encoding: Encoding::Utf8,
            })
            .collect();
        let root = PathBuf::from("/desk");
        let mut streamed = Sarif::new(root.clone(), Vec::new(), None);
        let mut out = NoColor::new(Vec::new());
        for r in &reports {
            streamed.file(&mut out, r).unwrap();
        }
        streamed.finish(&mut out, &Summary::default()).unwrap();
        let mut whole = Sarif::new(root, Vec::new(), None);
        let mut results = Vec::new();
        for r in &reports {
            let index = Index::new(r);
            let location = json!({ "uri": r.path, "uriBaseId": "SRCROOT" });
            let mut seen = HashMap::new();
            for d in r.diagnostics {
                results.push(whole.result(r, &index, &location, &mut seen, d));
            }
        }
        assert!(results.len() >= 3 && whole.rules.len() >= 2);
        let want = serde_json::to_string_pretty(&whole.log(Value::Array(results))).unwrap();
        assert_eq!(String::from_utf8(out.into_inner()).unwrap(), want + "\n");
    }

    /// Columns count UTF-16 code units: an emoji is two.
    #[test]
    fn regions_count_utf16_code_units() {
        let text = "😀😀 커뮤니티\n";
        let index = Index::of(text, Encoding::Utf8);
        let start = text.find('커').unwrap();
        let r = region(&index, text, Span::new(start, start + 12));
        assert_eq!(
            (r["startColumn"].as_u64(), r["endColumn"].as_u64()),
            (Some(6), Some(10))
        );
        assert_eq!(
            (r["byteOffset"].as_u64(), r["byteLength"].as_u64()),
            (Some(9), Some(12))
        );
    }

    /// A UTF-16 file's byte offsets are its own: two bytes a code unit.
    #[test]
    fn utf16_files_have_utf16_byte_offsets() {
        let text = "\u{feff}😀 커뮤니티\n";
        let index = Index::of(text, Encoding::Utf16Le);
        let start = text.find('커').unwrap();
        let r = region(&index, text, Span::new(start, start + 12));
        // BOM, two units of the emoji and a space: unit 4, byte 8.
        assert_eq!(
            (r["byteOffset"].as_u64(), r["byteLength"].as_u64()),
            (Some(8), Some(8))
        );
    }
}
