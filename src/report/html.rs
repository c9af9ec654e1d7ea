//! The audit page: one self-contained HTML file (no external URL, no
//! script; charts are inline SVG). Every text from the findings (ids,
//! metadata, names, messages) is escaped; anchors are numbered, never made
//! of text.

use super::{Audit, Tally};
use std::fmt::Write;

/// Text for HTML content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1d2430;padding:0 1em}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccd;padding-bottom:.2em}\
table{border-collapse:collapse;margin:.6em 0}td,th{padding:.25em .7em;text-align:left;vertical-align:top;border-bottom:1px solid #e4e6ee}\
td.n{text-align:right;font-variant-numeric:tabular-nums}.summary span{display:inline-block;margin-right:2em}\
.summary b{font-size:1.5em;display:block}svg{display:block;margin:.5em 0}.form{white-space:nowrap;margin-right:1.2em}\
.ex li{font-family:ui-monospace,monospace;font-size:.9em}";

/// The rows of one table: key (for `data-key`), label, tally.
struct Table<'a> {
    /// `data-key` prefix (`rule`, `month` …).
    kind: &'a str,
    title: &'a str,
    rows: Vec<(&'a str, &'a Tally)>,
}

/// Collects the example lists the rows link to.
#[derive(Default)]
struct Examples {
    html: String,
    next: usize,
}

impl Examples {
    /// A link to a new list of `t`'s example documents.
    fn link(&mut self, what: &str, t: &Tally) -> String {
        self.next += 1;
        let n = self.next;
        let _ = write!(
            self.html,
            "<section id=\"ex-{n}\" class=\"ex\"><h3>{}</h3><ol>",
            escape(what)
        );
        for id in &t.examples {
            let _ = write!(self.html, "<li>{}</li>", escape(id));
        }
        self.html.push_str("</ol></section>\n");
        format!(
            "<a href=\"#ex-{n}\">{} example{}</a>",
            t.examples.len(),
            if t.examples.len() == 1 { "" } else { "s" }
        )
    }
}

/// A horizontal bar chart of `rows` (at most 40 bars).
fn chart(out: &mut String, rows: &[(&str, usize)]) {
    let rows = &rows[..rows.len().min(40)];
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let (bar_h, label_w, bar_w) = (20, 260, 560);
    let height = rows.len() * bar_h + 4;
    let _ = write!(
        out,
        "<svg width=\"{}\" height=\"{height}\" role=\"img\">",
        label_w + bar_w + 80
    );
    for (i, (label, n)) in rows.iter().enumerate() {
        let y = i * bar_h;
        let w = (bar_w * n).div_ceil(max);
        let short: String = label.chars().take(36).collect();
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\">{}</text>\
             <rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#3b6fb6\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\">{n}</text>",
            label_w - 8,
            y + 15,
            escape(&short),
            y + 3,
            bar_h - 6,
            label_w + w + 6,
            y + 15,
        );
    }
    out.push_str("</svg>\n");
}

fn table(out: &mut String, ex: &mut Examples, t: &Table) {
    let _ = writeln!(out, "<h2>{}</h2>", escape(t.title));
    if t.rows.is_empty() {
        out.push_str("<p>None.</p>\n");
        return;
    }
    let bars: Vec<(&str, usize)> = t.rows.iter().map(|(k, t)| (*k, t.findings)).collect();
    chart(out, &bars);
    out.push_str("<table><tr><th></th><th>findings</th><th>documents</th><th></th></tr>\n");
    for (key, tally) in &t.rows {
        let link = ex.link(&format!("{}: {key}", t.title), tally);
        let _ = writeln!(
            out,
            "<tr data-key=\"{}:{}\" data-findings=\"{}\" data-documents=\"{}\"><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{link}</td></tr>",
            t.kind,
            escape(key),
            tally.findings,
            tally.documents,
            escape(key),
            tally.findings,
            tally.documents,
        );
    }
    out.push_str("</table>\n");
}

/// Rows by most findings, then key.
fn by_count(map: &std::collections::BTreeMap<String, Tally>) -> Vec<(&str, &Tally)> {
    let mut rows: Vec<_> = map.iter().map(|(k, t)| (k.as_str(), t)).collect();
    rows.sort_by(|a, b| b.1.findings.cmp(&a.1.findings).then(a.0.cmp(b.0)));
    rows
}

fn names(out: &mut String, ex: &mut Examples, audit: &mut Audit) {
    out.push_str("<h2>Names written most ways</h2>\n");
    let groups = audit.names.groups();
    if groups.is_empty() {
        out.push_str("<p>None.</p>\n");
        return;
    }
    out.push_str("<table><tr><th>name</th><th>spellings (documents)</th></tr>\n");
    for g in groups.iter().take(50) {
        let _ = write!(
            out,
            "<tr data-key=\"name:{}\" data-forms=\"{}\"><td>{}</td><td>",
            escape(&g[0].0),
            g.len(),
            escape(&g[0].0)
        );
        for (form, tally) in g {
            let link = ex.link(&format!("spelling: {form}"), tally);
            let _ = write!(
                out,
                "<span class=\"form\" data-form=\"{}\" data-documents=\"{}\">{} <b>{}</b> ({link})</span> ",
                escape(form),
                tally.documents,
                escape(form),
                tally.documents
            );
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n");
}

/// The whole page.
pub fn page(audit: &mut Audit, source: &str) -> String {
    let mut out = String::new();
    let mut ex = Examples::default();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>copydesk audit: {}</title><style>{STYLE}</style></head><body>\n\
         <h1>copydesk audit: {}</h1>\n<p class=\"summary\"><span><b data-key=\"documents\">{}</b>documents</span><span><b data-key=\"flagged\">{}</b>with findings</span><span><b data-key=\"findings\">{}</b>findings</span><span><b data-key=\"errors\">{}</b>lines not read</span></p>\n",
        escape(source),
        escape(source),
        audit.documents,
        audit.flagged,
        audit.findings,
        audit.errors,
    );
    table(
        &mut out,
        &mut ex,
        &Table {
            kind: "rule",
            title: "Findings per rule",
            rows: by_count(&audit.rules),
        },
    );
    if !audit.months.is_empty() {
        let rows = audit.months.iter().map(|(k, t)| (k.as_str(), t)).collect();
        table(
            &mut out,
            &mut ex,
            &Table {
                kind: "month",
                title: "Findings per month",
                rows,
            },
        );
    }
    if !audit.sections.is_empty() {
        table(
            &mut out,
            &mut ex,
            &Table {
                kind: "section",
                title: "Findings per section",
                rows: by_count(&audit.sections),
            },
        );
    }
    names(&mut out, &mut ex, audit);
    table(
        &mut out,
        &mut ex,
        &Table {
            kind: "script",
            title: "Scripts that stray most",
            rows: by_count(&audit.scripts),
        },
    );
    table(
        &mut out,
        &mut ex,
        &Table {
            kind: "mojibake",
            title: "Mojibake by kind",
            rows: by_count(&audit.mojibake),
        },
    );
    if !audit.error_lines.is_empty() {
        out.push_str("<h2>Lines not read</h2>\n<ul>");
        for e in &audit.error_lines {
            let _ = write!(out, "<li>{}</li>", escape(e));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Example documents</h2>\n");
    out.push_str(&ex.html);
    out.push_str("</body></html>\n");
    out
}
