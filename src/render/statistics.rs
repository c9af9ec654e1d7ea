//! `--statistics`: instead of the findings, how many each rule raised and
//! how many of those `--fix` would fix, most frequent first (as ruff's
//! `--statistics`). A table, or with `--format json` a JSON array of
//! `{rule, count, fixable, description}`.

use super::{FileReport, Reporter, Summary};
use crate::Applicability;
use codespan_reporting::term::termcolor::WriteColor;
use serde_json::json;
use std::collections::BTreeMap;
use std::io;

/// Counts per rule over the run.
pub struct Statistics {
    json: bool,
    /// Rule id → (findings, safe fixes, one-line description).
    rows: BTreeMap<String, (usize, usize, String)>,
}

impl Statistics {
    pub fn new(json: bool) -> Statistics {
        Statistics {
            json,
            rows: BTreeMap::new(),
        }
    }

    /// The rows, most frequent first, ties by rule id.
    fn sorted(&self) -> Vec<(&String, &(usize, usize, String))> {
        let mut rows: Vec<_> = self.rows.iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        rows
    }
}

impl Reporter for Statistics {
    fn file(&mut self, _: &mut dyn WriteColor, file: &FileReport) -> io::Result<()> {
        for d in file.diagnostics {
            let row = self.rows.entry(d.rule.clone()).or_insert_with(|| {
                let line = file.rule(&d.rule).map(|r| r.one_line()).unwrap_or("");
                (0, 0, line.to_string())
            });
            row.0 += 1;
            if d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
            {
                row.1 += 1;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, summary: &Summary) -> io::Result<()> {
        let rows = self.sorted();
        if self.json {
            let values: Vec<_> = rows
                .iter()
                .map(|(rule, (count, fixable, description))| {
                    json!({"rule": rule, "count": count, "fixable": fixable, "description": description})
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &values).map_err(io::Error::other)?;
            return out.write_all(b"\n");
        }
        let count_width = rows.iter().map(|r| r.1 .0.to_string().len()).max();
        let rule_width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        for (rule, (count, fixable, description)) in &rows {
            let description = shorten(description, 72);
            let mark = if *fixable > 0 { "[*]" } else { "   " };
            writeln!(
                out,
                "{count:>w$}  {rule:<rule_width$}  {mark} {description}",
                w = count_width.unwrap_or(1)
            )?;
        }
        if summary.fixable > 0 {
            writeln!(out, "[*] {} fixable with `--fix`.", summary.fixable)?;
        }
        Ok(())
    }
}

/// At most `max` characters, cut at a word and marked `…`.
fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if s.chars().count() <= max {
        return s.into();
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let head = &s[..cut];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{}…", head.trim_end_matches([',', ';', ':', '(', '…', ' '])).into()
}
