//! `pattern`: a newsroom's own house rules as data — a list of phrases and/or
//! regular expressions, a message, and an optional replacement (Vale's
//! existence and substitution checks).
//!
//! All phrases of all pattern rules go into one Aho-Corasick automaton (one
//! case-insensitive, one case-sensitive) with a side table back to the rule;
//! all regexes into one `RegexSet` that selects which regexes to run.

use crate::diagnostic::{Edit, Finding, Fix, Span};
use crate::error::FileError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexSet};
use serde::Deserialize;
use toml::Spanned;

/// The options of a `pattern` rule as a pack writes them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawOptions {
    /// Literal phrases, matched at word boundaries.
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
    /// Regular expressions (Rust `regex` syntax: no lookaround).
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    /// What a match becomes; `$1` is a capture group of a pattern.
    replacement: Option<Spanned<String>>,
    #[serde(default)]
    case_sensitive: bool,
    /// Phrases whose occurrence around a match excuses it.
    #[serde(default)]
    exceptions: Vec<String>,
}

/// One pattern rule's options, validated, its regexes compiled once.
#[derive(Clone, Debug, Default)]
pub struct PatternSpec {
    pub phrases: Vec<String>,
    /// Each regex as written and compiled (case-insensitive unless the
    /// rule is case-sensitive).
    pub patterns: Vec<(String, Regex)>,
    pub replacement: Option<String>,
    pub case_sensitive: bool,
    pub exceptions: Vec<String>,
}

/// What a `pattern` rule runs: its spec, and its place in the engine's
/// [`PatternSet`] (set when the engine is built).
#[derive(Clone, Debug)]
pub struct PatternOptions {
    pub spec: PatternSpec,
    pub slot: usize,
}

impl PatternSpec {
    /// A spec from phrases and regexes (which must compile).
    pub fn new(
        phrases: Vec<String>,
        patterns: &[&str],
        replacement: Option<&str>,
        case_sensitive: bool,
    ) -> Result<PatternSpec, regex::Error> {
        let patterns = patterns
            .iter()
            .map(|p| Ok((p.to_string(), compile(p, case_sensitive)?)))
            .collect::<Result<_, regex::Error>>()?;
        Ok(PatternSpec {
            phrases,
            patterns,
            replacement: replacement.map(String::from),
            case_sensitive,
            exceptions: Vec::new(),
        })
    }
}

/// The pattern as written, so that an error quotes the author's own text.
fn compile(pattern: &str, case_sensitive: bool) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(!case_sensitive)
        .build()
}

/// The highest capture group a replacement refers to (`$2`, `${2}`), if any.
fn highest_group(replacement: &str) -> Option<usize> {
    let b = replacement.as_bytes();
    let mut highest = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        if b.get(i + 1) == Some(&b'$') {
            i += 2;
            continue;
        }
        let braced = b.get(i + 1) == Some(&b'{');
        let start = i + 1 + usize::from(braced);
        let end = start + b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
        if end > start {
            let n: usize = replacement[start..end].parse().unwrap_or(usize::MAX);
            highest = highest.max(Some(n));
        }
        i = end.max(i + 1);
    }
    highest
}

impl RawOptions {
    /// Validate: at least one phrase or pattern, no empty phrase, every
    /// regex compiles and cannot match the empty string, every capture
    /// group the replacement names exists. `err` locates an error in the pack.
    pub fn validate(
        self,
        kind_span: Span,
        err: &dyn Fn(Span, String) -> FileError,
    ) -> Result<PatternOptions, FileError> {
        let span = |s: &Spanned<String>| Span::new(s.span().start, s.span().end);
        if self.phrases.is_empty() && self.patterns.is_empty() {
            return Err(err(
                kind_span,
                "a `pattern` rule needs `phrases` or `patterns`".into(),
            )
            .label("no phrases or patterns given"));
        }
        if let Some(empty) = self.phrases.iter().find(|p| p.get_ref().trim().is_empty()) {
            return Err(err(
                span(empty),
                format!("empty phrase `{}` in `phrases`", empty.get_ref()),
            )
            .label("a phrase needs at least one character"));
        }
        let mut patterns = Vec::new();
        for p in &self.patterns {
            let re = compile(p.get_ref(), self.case_sensitive).map_err(|e| {
                err(span(p), "invalid regular expression".into())
                    .label("this pattern does not compile")
                    .note(e.to_string())
            })?;
            if re.is_match("") {
                return Err(err(span(p), "pattern matches the empty string".into())
                    .label("it would match everywhere"));
            }
            if let (Some(r), Some(n)) = (
                &self.replacement,
                self.replacement
                    .as_ref()
                    .and_then(|r| highest_group(r.get_ref())),
            ) {
                // Group 0 is the whole match.
                let groups = re.captures_len() - 1;
                if n > groups {
                    return Err(err(
                        span(r),
                        format!("the replacement refers to group {n}, but a pattern has {groups}"),
                    )
                    .label("no such capture group")
                    .note(format!("pattern `{}`", p.get_ref())));
                }
            }
            patterns.push((p.get_ref().clone(), re));
        }
        Ok(PatternOptions {
            spec: PatternSpec {
                phrases: self.phrases.into_iter().map(Spanned::into_inner).collect(),
                patterns,
                replacement: self.replacement.map(Spanned::into_inner),
                case_sensitive: self.case_sensitive,
                exceptions: self.exceptions,
            },
            slot: 0,
        })
    }
}

/// A match as a finding: a fix when the rule has a replacement.
fn finding(span: Span, replacement: Option<String>) -> Finding {
    let f = Finding::new(span, String::new());
    match replacement {
        None => f,
        Some(replacement) => f.with_fix(Fix::safe(
            format!("replace with `{replacement}`"),
            vec![Edit { span, replacement }],
        )),
    }
}

struct Side {
    rule: usize,
    /// Index into `specs`: the rule's slot.
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
            for (_, re) in &spec.patterns {
                // The set is one more automaton; each regex is compiled once, by the loader.
                // A leading `(?i)`, not a `(?i:…)` group: a verbose
                // pattern's closing comment would swallow the group's `)`.
                regex_src.push(match spec.case_sensitive {
                    true => re.as_str().to_string(),
                    false => format!("(?i){}", re.as_str()),
                });
                regexes.push((re.clone(), Side { rule, spec: k }));
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

    /// The number of pattern rules (slots).
    pub fn len(&self) -> usize {
        self.specs.len()
    }

    /// All matches in `text` of the rules for which `enabled(rule)` holds,
    /// each with its rule's slot, by position.
    pub fn find(&self, text: &str, enabled: &dyn Fn(usize) -> bool) -> Vec<(usize, Finding)> {
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
        // Slots follow the engine's rule order.
        out.sort_by_key(|(slot, f)| (f.span, *slot));
        out.dedup_by_key(|(slot, f)| (f.span, *slot));
        out
    }

    fn push(
        &self,
        text: &str,
        side: &Side,
        span: Span,
        expanded: Option<String>,
        out: &mut Vec<(usize, Finding)>,
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
        out.push((side.spec, finding(span, replacement)));
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
        let mut okay = PatternSpec::new(
            vec!["okay".into(), "per cent".into()],
            &[],
            Some("ok"),
            false,
        )
        .unwrap();
        okay.exceptions = vec!["Okay Corral".into()];
        let percent = PatternSpec::new(vec![], &[r"\b(\d+) percent\b"], Some("$1%"), true).unwrap();
        PatternSet::build(vec![(0, okay), (1, percent)]).unwrap()
    }

    #[test]
    fn phrases_respect_word_boundaries_and_case() {
        let text = "Okay, it is okay; not okayish. The Okay Corral.";
        let found: Vec<_> = set()
            .find(text, &|_| true)
            .into_iter()
            .map(|(_, f)| (&text[f.span.range()], replacement(&f)))
            .collect();
        assert_eq!(
            found,
            [("Okay", Some("Ok".into())), ("okay", Some("ok".into()))]
        );
    }

    fn replacement(f: &Finding) -> Option<String> {
        f.fix.as_ref().map(|x| x.edits[0].replacement.clone())
    }

    #[test]
    fn replacement_groups_are_counted() {
        assert_eq!(highest_group("$1%"), Some(1));
        assert_eq!(highest_group("${2}x$1"), Some(2));
        assert_eq!(highest_group("$$5 and $"), None);
        assert_eq!(highest_group("%"), None);
    }

    #[test]
    fn regex_with_capture_replacement() {
        let text = "up 5 percent today";
        let found = set().find(text, &|_| true);
        assert_eq!(found.len(), 1);
        assert_eq!(replacement(&found[0].1).as_deref(), Some("5%"));
        assert!(set().find(text, &|r| r != 1).is_empty());
    }

    /// A case-insensitive regex finds every case, through the set that
    /// selects which regexes run; a case-sensitive one only its own.
    #[test]
    fn regexes_keep_their_case_rule() {
        let spec = |p: &str, sensitive| PatternSpec::new(vec![], &[p], None, sensitive).unwrap();
        let set = PatternSet::build(vec![
            (0, spec(r"\bper\s+cent\b", false)),
            (1, spec(r"\bNATO\b", true)),
            // Verbose, ending in a comment; `(?-i)` turns case back on.
            (
                2,
                spec("(?x) \\b kilo \\s+ metres \\b  # spelled out", false),
            ),
            (3, spec(r"\b(?-i:UN)\s+envoy\b", false)),
        ])
        .unwrap();
        let text = "PER CENT, Per cent, per cent; NATO, Nato. Kilo Metres; \
                    the UN Envoy, the un envoy.";
        let found: Vec<_> = set
            .find(text, &|_| true)
            .into_iter()
            .map(|(_, f)| &text[f.span.range()])
            .collect();
        assert_eq!(
            found,
            [
                "PER CENT",
                "Per cent",
                "per cent",
                "NATO",
                "Kilo Metres",
                "UN Envoy"
            ]
        );
    }
}
