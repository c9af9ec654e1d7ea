//! `pattern`: a newsroom's own house rules as data — a list of phrases and/or
//! regular expressions, a message, and an optional replacement (Vale's
//! existence and substitution checks).
//!
//! All phrases of all pattern rules go into one Aho-Corasick automaton (one
//! case-insensitive, one case-sensitive) with a side table back to the rule;
//! all regexes into one `RegexSet` that selects which regexes to run.

use crate::diagnostic::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexSet};

/// One pattern rule's options, validated.
#[derive(Clone, Debug, Default)]
pub struct PatternSpec {
    pub phrases: Vec<String>,
    pub patterns: Vec<String>,
    pub replacement: Option<String>,
    pub case_sensitive: bool,
    pub exceptions: Vec<String>,
}

/// A raw match: which rule (index into the engine's rules) and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternMatch {
    pub rule: usize,
    pub span: Span,
    pub replacement: Option<String>,
}

struct Side {
    rule: usize,
    /// Index into `specs`.
    spec: usize,
}

/// Every pattern rule of an engine, compiled once.
pub struct PatternSet {
    specs: Vec<PatternSpec>,
    insensitive: Option<(AhoCorasick, Vec<Side>)>,
    sensitive: Option<(AhoCorasick, Vec<Side>)>,
    regex_set: Option<RegexSet>,
    regexes: Vec<(Regex, Side)>,
}

fn build_ac(phrases: &[String], insensitive: bool) -> Result<AhoCorasick, String> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(insensitive)
        .match_kind(MatchKind::Standard)
        .build(phrases)
        .map_err(|e| e.to_string())
}

impl PatternSet {
    /// `rules` pairs an engine rule index with its spec.
    pub fn build(rules: Vec<(usize, PatternSpec)>) -> Result<PatternSet, String> {
        let mut ins = (Vec::new(), Vec::new());
        let mut sens = (Vec::new(), Vec::new());
        let mut regex_src = Vec::new();
        let mut regexes = Vec::new();
        let mut specs = Vec::new();
        for (rule, spec) in rules {
            let k = specs.len();
            for p in &spec.phrases {
                let target = if spec.case_sensitive {
                    &mut sens
                } else {
                    &mut ins
                };
                target.0.push(p.clone());
                target.1.push(Side { rule, spec: k });
            }
            for p in &spec.patterns {
                let src = if spec.case_sensitive {
                    p.clone()
                } else {
                    format!("(?i:{p})")
                };
                let re = Regex::new(&src).map_err(|e| e.to_string())?;
                regex_src.push(src);
                regexes.push((re, Side { rule, spec: k }));
            }
            specs.push(spec);
        }
        let insensitive = if ins.0.is_empty() {
            None
        } else {
            Some((build_ac(&ins.0, true)?, ins.1))
        };
        let sensitive = if sens.0.is_empty() {
            None
        } else {
            Some((build_ac(&sens.0, false)?, sens.1))
        };
        let regex_set = if regex_src.is_empty() {
            None
        } else {
            Some(RegexSet::new(&regex_src).map_err(|e| e.to_string())?)
        };
        Ok(PatternSet {
            specs,
            insensitive,
            sensitive,
            regex_set,
            regexes,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.specs.is_empty()
    }

    /// All matches in `text` of the rules for which `enabled(rule)` holds.
    pub fn find(&self, text: &str, enabled: &dyn Fn(usize) -> bool) -> Vec<PatternMatch> {
        let mut out = Vec::new();
        for (ac, sides) in [&self.insensitive, &self.sensitive].into_iter().flatten() {
            for m in ac.find_overlapping_iter(text) {
                let side = &sides[m.pattern().as_usize()];
                if !enabled(side.rule) {
                    continue;
                }
                let span = Span::new(m.start(), m.end());
                if !word_bounded(text, span) {
                    continue;
                }
                self.push(text, side, span, None, &mut out);
            }
        }
        if let Some(set) = &self.regex_set {
            for i in set.matches(text).iter() {
                let (re, side) = &self.regexes[i];
                if !enabled(side.rule) {
                    continue;
                }
                for caps in re.captures_iter(text) {
                    let m = caps.get(0).expect("group 0");
                    if m.is_empty() {
                        continue;
                    }
                    let expanded = self.specs[side.spec].replacement.as_ref().map(|r| {
                        let mut s = String::new();
                        caps.expand(r, &mut s);
                        s
                    });
                    self.push(
                        text,
                        side,
                        Span::new(m.start(), m.end()),
                        expanded,
                        &mut out,
                    );
                }
            }
        }
        out.sort_by_key(|m| (m.span, m.rule));
        out.dedup_by_key(|m| (m.span, m.rule));
        out
    }

    fn push(
        &self,
        text: &str,
        side: &Side,
        span: Span,
        expanded: Option<String>,
        out: &mut Vec<PatternMatch>,
    ) {
        let spec = &self.specs[side.spec];
        if is_exception(text, span, &spec.exceptions) {
            return;
        }
        let replacement = expanded.or_else(|| {
            spec.replacement
                .as_ref()
                .map(|r| match_case(&text[span.range()], r))
        });
        out.push(PatternMatch {
            rule: side.rule,
            span,
            replacement,
        });
    }
}

/// A phrase that starts or ends with a word character must not match inside a word.
fn word_bounded(text: &str, span: Span) -> bool {
    let m = &text[span.range()];
    let first = m.chars().next();
    let last = m.chars().next_back();
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !(word(first) && word(before) || word(last) && word(after))
}

/// Skip a match that lies inside an occurrence of one of the exceptions.
fn is_exception(text: &str, span: Span, exceptions: &[String]) -> bool {
    exceptions.iter().any(|e| {
        let lo = floor_char(text, span.start.saturating_sub(e.len()));
        let hi = ceil_char(text, (span.end + e.len()).min(text.len()));
        let window = &text[lo..hi];
        let lower_window = window.to_lowercase();
        let lower_e = e.to_lowercase();
        if lower_window.len() != window.len() {
            // Case folding changed lengths; compare exactly instead.
            return window
                .match_indices(e.as_str())
                .any(|(o, m)| lo + o <= span.start && span.end <= lo + o + m.len());
        }
        lower_window
            .match_indices(lower_e.as_str())
            .any(|(o, m)| lo + o <= span.start && span.end <= lo + o + m.len())
    })
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Give a replacement the capitalisation of what it replaces (`Okay` → `OK`, `okay` → `ok`
/// only when the replacement is lowercase to begin with).
fn match_case(matched: &str, replacement: &str) -> String {
    let m0 = matched.chars().next();
    let r0 = replacement.chars().next();
    match (m0, r0) {
        (Some(m), Some(r)) if m.is_uppercase() && r.is_lowercase() => {
            let mut s: String = r.to_uppercase().collect();
            s.push_str(&replacement[r.len_utf8()..]);
            s
        }
        _ => replacement.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> PatternSet {
        PatternSet::build(vec![
            (
                0,
                PatternSpec {
                    phrases: vec!["okay".into(), "per cent".into()],
                    replacement: Some("ok".into()),
                    exceptions: vec!["Okay Corral".into()],
                    ..Default::default()
                },
            ),
            (
                1,
                PatternSpec {
                    patterns: vec![r"\b(\d+) percent\b".into()],
                    replacement: Some("$1%".into()),
                    case_sensitive: true,
                    ..Default::default()
                },
            ),
        ])
        .unwrap()
    }

    #[test]
    fn phrases_respect_word_boundaries_and_case() {
        let text = "Okay, it is okay; not okayish. The Okay Corral.";
        let found: Vec<_> = set()
            .find(text, &|_| true)
            .into_iter()
            .map(|m| (&text[m.span.range()], m.replacement))
            .collect();
        assert_eq!(
            found,
            [("Okay", Some("Ok".into())), ("okay", Some("ok".into()))]
        );
    }

    #[test]
    fn regex_with_capture_replacement() {
        let text = "up 5 percent today";
        let found = set().find(text, &|_| true);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].replacement.as_deref(), Some("5%"));
        assert!(set().find(text, &|r| r != 1).is_empty());
    }
}
