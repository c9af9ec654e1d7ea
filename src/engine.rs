//! The engine: built once from the loaded rules, then lints many documents.
//!
//! Architecture invariant: nothing is compiled per document. `Engine::new`
//! compiles every matcher (the pattern automata and regex set); `lint` only
//! runs them, and only those that an enabled rule needs.

use crate::diagnostic::{Diagnostic, Finding, Severity, Span};
use crate::rules::pattern::{PatternSet, PatternSpec};
use crate::rules::script::Expected;
use crate::rules::{
    attribution, confusable, invisible, mojibake, names, script, Check, Claims, Kind, Rule,
};
use crate::source::Source;
use std::collections::HashSet;

/// Per-document settings resolved from the config: which rules are on, at
/// what severity, which scripts are expected, which tokens are accepted.
#[derive(Clone, Debug)]
pub struct Settings {
    pub enabled: Vec<bool>,
    pub severity: Vec<Severity>,
    pub expected: Expected,
    pub accept: HashSet<String>,
    /// The house style of the name rules (`ap`, `seoul`, or a newsroom's own);
    /// `None` checks consistency within the draft.
    pub house_style: Option<String>,
}

/// The compiled rule set.
pub struct Engine {
    rules: Vec<Rule>,
    patterns: PatternSet,
    /// The entity table of every pack, indexed on first use of a name rule.
    names: names::LazyIndex,
}

impl Engine {
    /// Compile a loaded pack set. Fails if two rules share an id.
    pub fn new(pack: crate::rules::pack::Pack) -> Result<Engine, String> {
        let crate::rules::pack::Pack {
            rules, entities, ..
        } = pack;
        let mut seen = HashSet::new();
        for r in &rules {
            if !seen.insert(r.id.as_str()) {
                return Err(format!(
                    "rule id `{}` is defined by more than one pack",
                    r.id
                ));
            }
        }
        let specs: Vec<(usize, PatternSpec)> = rules
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match &r.check {
                Check::Pattern(spec) => Some((i, spec.clone())),
                _ => None,
            })
            .collect();
        let patterns = PatternSet::build(specs)?;
        Ok(Engine {
            rules,
            patterns,
            names: names::LazyIndex::of(entities),
        })
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The entity-table rows of every loaded pack.
    pub fn entities(&self) -> &[names::Entity] {
        self.names.source()
    }

    pub fn rule_index(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id == id)
    }

    /// Settings with every rule at its pack default and Latin expected.
    pub fn default_settings(&self) -> Settings {
        Settings {
            enabled: self.rules.iter().map(|r| r.default_enabled).collect(),
            severity: self.rules.iter().map(|r| r.severity).collect(),
            expected: Expected::new(&[unicode_script::Script::Latin]),
            accept: HashSet::new(),
            house_style: None,
        }
    }

    /// The entity table's index (built on first use); an error names the colliding forms.
    pub fn name_index(&self) -> Result<&names::NameIndex, &str> {
        self.names.get()
    }

    /// Lint one document. Never fails; findings are sorted by position then rule.
    pub fn lint(&self, source: &Source, settings: &Settings) -> Vec<Diagnostic> {
        let text: &str = &source.prose;
        let on = |kind: Kind| -> Vec<usize> {
            (0..self.rules.len())
                .filter(|&i| settings.enabled[i] && self.rules[i].kind == kind)
                .collect()
        };
        let mut out = Vec::new();
        let mut claims = Claims::default();
        let has_non_ascii = !text.is_ascii();

        if has_non_ascii {
            // Mojibake first: garbage that looks like Hangul is mojibake, not a stray word.
            let moji = on(Kind::Mojibake);
            if !moji.is_empty() {
                let found = mojibake::check(text);
                claims.add(found.iter().map(|f| f.span));
                self.emit(&moji, found, source, settings, &mut out);
            }
            let mixed = on(Kind::MixedScript);
            if !mixed.is_empty() {
                let found: Vec<Finding> = confusable::non_ascii_words(text)
                    .filter(|w| !claims.overlaps(*w))
                    .filter_map(|w| confusable::check_word(text, w))
                    .collect();
                claims.add(found.iter().map(|f| f.span));
                self.emit(&mixed, found, source, settings, &mut out);
            }
            for i in on(Kind::StrayScript) {
                let Check::StrayScript(opts) = &self.rules[i].check else {
                    continue;
                };
                let found =
                    script::check(text, &settings.expected, &settings.accept, &claims, opts);
                self.emit(&[i], found, source, settings, &mut out);
            }
            let inv = on(Kind::InvisibleChar);
            if !inv.is_empty() {
                let found = invisible::check(text, &claims);
                self.emit(&inv, found, source, settings, &mut out);
            }
        }

        // Attribution: segment only when one of its rules is on.
        let attribution: Vec<usize> = (0..self.rules.len())
            .filter(|&i| {
                settings.enabled[i]
                    && matches!(
                        self.rules[i].kind,
                        Kind::UnattributedQuote | Kind::UnattributedClaim | Kind::AnonymousSource
                    )
            })
            .collect();
        // Rules with the same options share one compiled set (one `Arc`):
        // run each set once for all its rules, so they share the work.
        let mut done = vec![false; attribution.len()];
        for (k, &i) in attribution.iter().enumerate() {
            if done[k] {
                continue;
            }
            let Check::Attribution(lazy) = &self.rules[i].check else {
                continue;
            };
            let c = match lazy.get() {
                Ok(c) => c,
                Err(e) => {
                    let f = Finding::new(
                        Span::new(0, 0),
                        format!("this rule's attribution options do not compile: {e}"),
                    );
                    self.emit(&[i], vec![f], source, settings, &mut out);
                    continue;
                }
            };
            // The rules (in order) that use this set.
            let same: Vec<usize> = attribution[k..]
                .iter()
                .enumerate()
                .filter(|&(_, &j)| {
                    matches!(&self.rules[j].check, Check::Attribution(l) if std::sync::Arc::ptr_eq(l, lazy))
                })
                .map(|(d, &j)| {
                    done[k + d] = true;
                    j
                })
                .collect();
            let kind_on = |kind: Kind| same.iter().any(|&j| self.rules[j].kind == kind);
            let want = attribution::Wanted {
                quotes: kind_on(Kind::UnattributedQuote),
                claims: kind_on(Kind::UnattributedClaim),
                anonymous: kind_on(Kind::AnonymousSource),
            };
            let found = attribution::check(text, c, want);
            for j in same {
                let raw = match self.rules[j].kind {
                    Kind::UnattributedQuote => &found.quotes,
                    Kind::UnattributedClaim => &found.claims,
                    _ => &found.anonymous,
                };
                let found = raw
                    .iter()
                    .map(|f| Finding::new(Span::new(f.start, f.end), f.message.clone()))
                    .collect();
                self.emit(&[j], found, source, settings, &mut out);
            }
        }

        let romanization = on(Kind::NameRomanization);
        let fused = on(Kind::FusedName);
        if !romanization.is_empty() || !fused.is_empty() {
            self.lint_names(&romanization, &fused, source, settings, &mut out);
        }

        if !self.patterns.is_empty() && !on(Kind::Pattern).is_empty() {
            for m in self.patterns.find(text, &|i| settings.enabled[i]) {
                let mut f = Finding::new(m.span, String::new());
                if let Some(replacement) = m.replacement {
                    f = f.with_fix(crate::diagnostic::Fix::safe(
                        format!("replace with `{replacement}`"),
                        vec![crate::diagnostic::Edit {
                            span: m.span,
                            replacement,
                        }],
                    ));
                }
                self.emit(&[m.rule], vec![f], source, settings, &mut out);
            }
        }

        out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        out
    }

    fn lint_names(
        &self,
        romanization: &[usize],
        fused: &[usize],
        source: &Source,
        settings: &Settings,
        out: &mut Vec<Diagnostic>,
    ) {
        let text: &str = &source.prose;
        let index = match self.names.get() {
            Ok(index) => index,
            Err(e) => {
                let f = Finding::new(
                    Span::new(0, 0),
                    format!("the entity table does not build: {e}"),
                );
                self.emit(
                    &romanization[..romanization.len().min(1)],
                    vec![f],
                    source,
                    settings,
                    out,
                );
                return;
            }
        };
        let auto_detect = romanization.iter().any(|&i| {
            matches!(
                self.rules[i].check,
                Check::NameRomanization { auto_detect: true }
            )
        });
        let opts = names::Options {
            house_style: settings.house_style.clone(),
            auto_detect,
            fused_names: !fused.is_empty(),
        };
        let mut by_rule: [Vec<Finding>; 2] = [Vec::new(), Vec::new()];
        for f in names::check(text, index, &opts) {
            let slot = if f.rule == names::RULE_FUSED { 1 } else { 0 };
            let span = Span::new(f.start, f.end);
            let mut finding = Finding::new(span, f.message);
            if let Some((s, e, label)) = f.label {
                finding = finding.with_label(Span::new(s, e), label);
            }
            if let Some(replacement) = f.replacement {
                let edits = vec![crate::diagnostic::Edit {
                    span,
                    replacement: replacement.clone(),
                }];
                let title = format!("write `{replacement}`");
                // Quoted speech is never rewritten automatically.
                finding = finding.with_fix(if f.in_quote {
                    crate::diagnostic::Fix::display_only(title, edits)
                } else {
                    crate::diagnostic::Fix::safe(title, edits)
                });
            }
            by_rule[slot].push(finding);
        }
        let [r, f] = by_rule;
        self.emit(romanization, r, source, settings, out);
        self.emit(fused, f, source, settings, out);
    }

    /// Attach rule metadata to findings and drop suppressed ones.
    fn emit(
        &self,
        rules: &[usize],
        found: Vec<Finding>,
        source: &Source,
        settings: &Settings,
        out: &mut Vec<Diagnostic>,
    ) {
        for &i in rules {
            let rule = &self.rules[i];
            for f in &found {
                if source.is_suppressed(&rule.id, f.span.start) {
                    continue;
                }
                out.push(Diagnostic {
                    rule: rule.id.clone(),
                    severity: settings.severity[i],
                    span: f.span,
                    message: render_message(&rule.message, source.text, f),
                    note: Some(rule.summary().to_string()).filter(|s| !s.is_empty()),
                    labels: f.labels.clone(),
                    fix: f.fix.clone(),
                });
            }
        }
    }
}

fn render_message(template: &str, text: &str, f: &Finding) -> String {
    let flagged = text.get(f.span.range()).unwrap_or("");
    let replacement = f
        .fix
        .as_ref()
        .and_then(|x| x.edits.first())
        .map_or("", |e| e.replacement.as_str());
    template
        .replace("{detail}", &f.message)
        .replace("{text}", flagged)
        .replace("{replacement}", replacement)
}

/// Check a span helper used by callers that need the flagged text.
pub fn flagged_text(text: &str, span: Span) -> &str {
    text.get(span.range()).unwrap_or("")
}
