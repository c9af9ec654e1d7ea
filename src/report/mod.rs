//! `copydesk report`: an audit's findings (stream mode's NDJSON result
//! lines) added up for people — findings per rule, per month (`date`
//! metadata) and per section (`section`), the names written most ways, the
//! scripts that stray most, mojibake by kind — each with example
//! documents. [`Audit::add_line`] reads one result line at a time (memory
//! grows with the distinct keys, not the documents); [`html::page`] writes
//! the self-contained page.

pub mod html;

use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// Example documents kept per row.
pub const EXAMPLES: usize = 8;

/// One row of a table: how many findings, in how many documents, and the
/// first few of those documents' ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub findings: usize,
    pub documents: usize,
    pub examples: Vec<String>,
    /// The last document counted (a document counts once per row).
    last: Option<usize>,
}

impl Tally {
    fn add(&mut self, doc: usize, id: &str, findings: usize) {
        self.findings += findings;
        if self.last != Some(doc) {
            self.last = Some(doc);
            self.documents += 1;
            if self.examples.len() < EXAMPLES {
                self.examples.push(id.to_string());
            }
        }
    }
}

/// A name and the spellings it was written in, linked by `name-romanization`
/// findings (a finding's text, the earlier spelling its label points at,
/// and its fix's replacement are one name).
#[derive(Debug, Default)]
pub struct Names {
    /// Spelling → its tally (documents that hold it in a finding).
    forms: HashMap<String, Tally>,
    /// Union-find over spellings.
    parent: HashMap<String, String>,
}

impl Names {
    fn root(&mut self, form: &str) -> String {
        let mut f = form.to_string();
        while let Some(p) = self.parent.get(&f) {
            if *p == f {
                break;
            }
            f = p.clone();
        }
        f
    }

    fn link(&mut self, a: &str, b: &str) {
        for f in [a, b] {
            self.parent
                .entry(f.to_string())
                .or_insert_with(|| f.to_string());
        }
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent.insert(rb, ra);
        }
    }

    /// Each name's spellings, most used first; names with most spellings
    /// (then most documents) first.
    pub fn groups(&mut self) -> Vec<Vec<(String, Tally)>> {
        let mut by_root: BTreeMap<String, Vec<(String, Tally)>> = BTreeMap::new();
        let forms: Vec<(String, Tally)> = self
            .forms
            .iter()
            .map(|(f, t)| (f.clone(), t.clone()))
            .collect();
        for (form, tally) in forms {
            by_root
                .entry(self.root(&form))
                .or_default()
                .push((form, tally));
        }
        let mut groups: Vec<Vec<(String, Tally)>> = by_root.into_values().collect();
        for g in &mut groups {
            g.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then(a.0.cmp(&b.0)));
        }
        let docs = |g: &Vec<(String, Tally)>| g.iter().map(|f| f.1.documents).sum::<usize>();
        groups.sort_by(|a, b| {
            b.len()
                .cmp(&a.len())
                .then(docs(b).cmp(&docs(a)))
                .then(a[0].0.cmp(&b[0].0))
        });
        groups
    }
}

/// Everything the page shows.
#[derive(Debug, Default)]
pub struct Audit {
    /// Result lines with a document.
    pub documents: usize,
    /// Documents with at least one finding.
    pub flagged: usize,
    pub findings: usize,
    /// Error lines (`{"line": N, "error": …}`) and lines that are not JSON.
    pub errors: usize,
    /// The first [`EXAMPLES`]·4 of them, described.
    pub error_lines: Vec<String>,
    pub rules: BTreeMap<String, Tally>,
    /// `YYYY-MM` of the `date` key.
    pub months: BTreeMap<String, Tally>,
    pub sections: BTreeMap<String, Tally>,
    pub names: Names,
    /// The script of `stray-script` findings' text.
    pub scripts: BTreeMap<String, Tally>,
    /// What kind of encoding accident each `mojibake` finding is.
    pub mojibake: BTreeMap<String, Tally>,
}

/// A JSON id or metadata value as text (a string without its quotes).
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The `YYYY-MM` a `date` value starts with (`2024-07-10`, `2024-07`,
/// `2024-07-10T…`), if it does.
pub fn month(date: &str) -> Option<&str> {
    let m = date.get(..7)?;
    let b = m.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let number = (b[5] - b'0') * 10 + (b[6] - b'0');
    (digits(0..4) && b[4] == b'-' && digits(5..7) && (1..=12).contains(&number)).then_some(m)
}

/// The script of a stray-script finding's text: of its first letter that
/// is not Common or Inherited.
pub fn script_of(text: &str) -> String {
    use unicode_script::{Script, UnicodeScript};
    text.chars()
        .map(|c| c.script())
        .find(|s| !matches!(s, Script::Common | Script::Inherited | Script::Unknown))
        .map_or_else(|| "Unknown".to_string(), |s| s.full_name().to_string())
}

/// The kind of a mojibake finding, from its message: `UTF-8 read as
/// Windows-1252`, `UTF-8 read as CP949`, `a Windows-1252 byte decoded as
/// Latin-1`, `replacement character (U+FFFD)`.
pub fn mojibake_kind(message: &str) -> String {
    if let Some(rest) = message.split_once(" looks like ").map(|p| p.1) {
        return rest.split(';').next().unwrap_or(rest).to_string();
    }
    if let Some((_, kind)) = message.split_once(": ") {
        if message.starts_with("control character") {
            return kind.to_string();
        }
    }
    if message.contains("U+FFFD") {
        return "replacement character (U+FFFD)".into();
    }
    // Otherwise the message without its quoted text.
    message.split('`').step_by(2).collect::<Vec<_>>().join("…")
}

impl Audit {
    fn error(&mut self, what: String) {
        self.errors += 1;
        if self.error_lines.len() < 4 * EXAMPLES {
            self.error_lines.push(what);
        }
    }

    /// Add one line of a findings file (line number `n`, for errors).
    pub fn add_line(&mut self, n: usize, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => return self.error(format!("line {n}: not JSON: {e}")),
        };
        // A document's line is the one with `id` and a `diagnostics` list,
        // whatever else it holds (an `error` key among the metadata of
        // streams written before such keys were refused); an error line
        // has none.
        let (Some(id), Some(Value::Array(all))) = (v.get("id"), v.get("diagnostics")) else {
            return match v.get("error") {
                Some(err) => self.error(format!("line {n}: {}", plain(err))),
                None => self.error(format!("line {n}: no `id` and `diagnostics`")),
            };
        };
        let id = plain(id);
        let doc = self.documents;
        self.documents += 1;
        // A diagnostic is an object naming its rule; anything else is an
        // error of the file, not a finding of a rule named "".
        let mut diags: Vec<&Value> = Vec::with_capacity(all.len());
        for (k, d) in all.iter().enumerate() {
            match d.get("rule").and_then(Value::as_str) {
                Some(rule) if !rule.is_empty() => diags.push(d),
                _ => self.error(format!("line {n}: diagnostic {} has no `rule`", k + 1)),
            }
        }
        self.findings += diags.len();
        if diags.is_empty() {
            return;
        }
        self.flagged += 1;
        let count = diags.len();
        if let Some(m) = v.get("date").map(plain).as_deref().and_then(month) {
            self.months
                .entry(m.to_string())
                .or_default()
                .add(doc, &id, count);
        }
        if let Some(s) = v.get("section").map(plain).filter(|s| !s.is_empty()) {
            self.sections.entry(s).or_default().add(doc, &id, count);
        }
        for d in diags {
            let str_of = |k: &str| d.get(k).and_then(Value::as_str).unwrap_or("");
            let rule = str_of("rule");
            self.rules
                .entry(rule.to_string())
                .or_default()
                .add(doc, &id, 1);
            match rule {
                "stray-script" => self
                    .scripts
                    .entry(script_of(str_of("text")))
                    .or_default()
                    .add(doc, &id, 1),
                "mojibake" => self
                    .mojibake
                    .entry(mojibake_kind(str_of("message")))
                    .or_default()
                    .add(doc, &id, 1),
                "name-romanization" => self.add_name(doc, &id, d),
                _ => {}
            }
        }
    }

    /// A `name-romanization` finding: its text, its labels' texts and its
    /// fixes' replacements are spellings of one name.
    fn add_name(&mut self, doc: usize, id: &str, d: &Value) {
        let text = d
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if text.is_empty() {
            return;
        }
        let mut forms = vec![text.clone()];
        let texts = |key: &str, field: &str| -> Vec<String> {
            d.get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|x| x.get(field).and_then(Value::as_str))
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        forms.extend(texts("labels", "text"));
        forms.extend(texts("fixes", "replacement"));
        forms.sort();
        forms.dedup();
        for f in &forms {
            self.names.link(&text, f);
            self.names
                .forms
                .entry(f.clone())
                .or_default()
                .add(doc, id, 1);
        }
    }
}
