//! Running the examples every rule carries: text it must flag (and the text
//! after its safe fixes) and text it must pass. `cargo test` runs them for
//! the shipped packs; `copydesk test-rules` for a user's pack.

use crate::engine::{Engine, Settings};
use crate::source::Format;
use crate::{fix_bytes, lint_bytes, Linted};

/// One example that did not behave as its rule says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    pub example: String,
    pub problem: String,
}

/// Outcome of running a set of rules' examples.
#[derive(Debug, Default)]
pub struct ExampleReport {
    pub passed: usize,
    pub failures: Vec<ExampleFailure>,
}

fn only(engine: &Engine, rule: usize) -> Settings {
    let mut s = engine.default_settings();
    s.enabled.iter_mut().for_each(|e| *e = false);
    s.enabled[rule] = true;
    s
}

fn findings(engine: &Engine, settings: &Settings, id: &str, bytes: Vec<u8>) -> Vec<String> {
    match lint_bytes(engine, settings, Format::Plain, bytes) {
        Linted::Text { text, diagnostics } => diagnostics
            .iter()
            .filter(|d| d.rule == id)
            .map(|d| text[d.span.range()].to_string())
            .collect(),
        Linted::Binary => Vec::new(),
    }
}

/// Run the examples of the rules whose index satisfies `wanted`, each rule alone.
pub fn run_examples(engine: &Engine, wanted: &dyn Fn(usize) -> bool) -> ExampleReport {
    let mut report = ExampleReport::default();
    for (i, rule) in engine.rules().iter().enumerate() {
        if !wanted(i) {
            continue;
        }
        let settings = only(engine, i);
        let mut fail = |example: &str, problem: String| {
            report.failures.push(ExampleFailure {
                rule: rule.id.clone(),
                example: example.to_string(),
                problem,
            })
        };
        if rule.flag.is_empty() || rule.pass.is_empty() {
            fail(
                "",
                "a rule needs at least one `flag` and one `pass` example".into(),
            );
        }
        for ex in &rule.flag {
            let found = findings(engine, &settings, &rule.id, ex.bytes());
            if found.is_empty() {
                fail(&ex.text, "expected a finding, got none".into());
                continue;
            }
            if let Some(expected) = &ex.fixed {
                let (fixed, _, _) = fix_bytes(engine, &settings, Format::Plain, ex.bytes());
                let fixed = String::from_utf8_lossy(&fixed);
                if fixed != *expected {
                    fail(
                        &ex.text,
                        format!("after fixes expected {expected:?}, got {fixed:?}"),
                    );
                    continue;
                }
            }
            report.passed += 1;
        }
        for ok in &rule.pass {
            let found = findings(engine, &settings, &rule.id, ok.as_bytes().to_vec());
            if found.is_empty() {
                report.passed += 1;
            } else {
                fail(ok, format!("expected no finding, got {found:?}"));
            }
        }
    }
    report
}

/// A seeded xorshift for tests that draw random texts: `next(m)` is in
/// `0..m`, the same on every run.
#[cfg(test)]
pub(crate) fn xorshift(mut state: u64) -> impl FnMut(usize) -> usize {
    move |m| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    }
}

/// `n` texts drawn with [`xorshift`] from `seed`: each a number of pieces
/// in `count`, each piece a word of `words` then a separator of `seps`.
#[cfg(test)]
pub(crate) fn random_texts(
    seed: u64,
    n: usize,
    count: std::ops::Range<usize>,
    words: &[&str],
    seps: &[&str],
) -> Vec<String> {
    let mut next = xorshift(seed);
    (0..n)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..count.start + next(count.len()) {
                text.push_str(words[next(words.len())]);
                text.push_str(seps[next(seps.len())]);
            }
            text
        })
        .collect()
}
