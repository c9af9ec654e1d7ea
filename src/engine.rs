//! The engine: built once from the loaded rules, then lints many documents.
//!
//! Architecture invariant: nothing is compiled per document. `Engine::new`
//! compiles every matcher (the pattern automata and regex set); `lint` only
//! runs them, and only those that an enabled rule needs.

use crate::diagnostic::{Applicability, Diagnostic, Finding, Severity};
use crate::error::Error;
use crate::rules::pattern::PatternSet;
use crate::rules::script::{Expected, StrayTuning};
use crate::rules::{names, Check, Context, Kind, Rule};
use crate::source::Source;
use std::collections::HashSet;
use std::sync::Arc;

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
    /// Preview mode: preview rules (new ones) may run.
    pub preview: bool,
}

/// The compiled rule set.
pub struct Engine {
    rules: Vec<Rule>,
    /// Rule indices in the order their kinds run ([`Kind::ALL`]).
    order: Vec<usize>,
    patterns: PatternSet,
    /// The entity table of every pack and `[options.names]`, indexed and
    /// compiled on first use of a name rule.
    names: names::LazyIndex,
    /// `[options.stray-script]` of the packs.
    stray: StrayTuning,
    /// `[options.segmenter]` of the packs, compiled.
    segmenter: crate::segment::Lists,
    /// Every family's merged options, as the packs set them (for the reference).
    options: crate::rules::options::Options,
    /// Each rule's note (its summary), shared by all its diagnostics.
    notes: Vec<Option<Arc<str>>>,
}

impl Engine {
    /// Compile a loaded pack set. Fails if two rules share an id. The error
    /// as text (`FILE:LINE:COLUMN: why` when it is located in a pack); see
    /// [`Engine::build`].
    pub fn new(pack: crate::rules::pack::Pack) -> Result<Engine, String> {
        Engine::build(pack).map_err(|e| e.to_string())
    }

    /// Compile a loaded pack set: an option value its family's type does
    /// not take is an error located in the pack that wrote it.
    pub fn build(mut pack: crate::rules::pack::Pack) -> Result<Engine, Error> {
        pack.settle()?;
        let crate::rules::pack::Pack {
            mut rules,
            entities,
            options,
            ..
        } = pack;
        let mut seen = HashSet::new();
        for r in &rules {
            if !seen.insert(r.id.as_str()) {
                return Err(Error::Message(format!(
                    "rule id `{}` is defined by more than one pack",
                    r.id
                )));
            }
        }
        // Every pattern rule gets its slot in the one pattern set.
        let mut specs = Vec::new();
        for (i, r) in rules.iter_mut().enumerate() {
            if let Check::Pattern(opts) = &mut r.check {
                opts.slot = specs.len();
                specs.push((i, opts.spec.clone()));
            }
        }
        let patterns = PatternSet::build(specs).map_err(Error::Message)?;
        compile_attribution(&mut rules, &options)?;
        let rank = |i: &usize| Kind::ALL.iter().position(|&k| k == rules[*i].kind());
        let mut order: Vec<usize> = (0..rules.len()).collect();
        order.sort_by_key(rank);
        let notes = rules
            .iter()
            .map(|r| Some(Arc::from(r.summary())).filter(|s: &Arc<str>| !s.is_empty()))
            .collect();
        Ok(Engine {
            notes,
            rules,
            order,
            patterns,
            names: names::LazyIndex::of(entities, names_tuning(&options)?),
            stray: options
                .typed::<StrayTuning>("stray-script")?
                .validated()
                .map_err(Error::Message)?,
            segmenter: crate::segment::Lists::new(&options.typed("segmenter")?)
                .map_err(Error::Message)?,
            options,
        })
    }

    /// The families' options as the loaded packs set them.
    pub fn options(&self) -> &crate::rules::options::Options {
        &self.options
    }

    /// The segmenter's word lists.
    pub fn segmenter(&self) -> &crate::segment::Lists {
        &self.segmenter
    }

    /// The stray-script rule's tuning.
    pub fn stray_tuning(&self) -> &StrayTuning {
        &self.stray
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The entity-table rows of every loaded pack.
    pub fn entities(&self) -> &[names::Entity] {
        self.names.entities()
    }

    pub fn rule_index(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id == id)
    }

    /// The pattern rules, compiled into one set.
    pub fn patterns(&self) -> &PatternSet {
        &self.patterns
    }

    /// Settings with every rule at its pack default and Latin expected.
    /// The settings with no config: the rules on by default, preview
    /// rules off.
    pub fn default_settings(&self) -> Settings {
        let mut s = Settings {
            enabled: self.rules.iter().map(|r| r.default_enabled).collect(),
            severity: self.rules.iter().map(|r| r.severity).collect(),
            expected: Expected::new(&[unicode_script::Script::Latin]),
            accept: HashSet::new(),
            house_style: None,
            preview: false,
        };
        self.gate_preview(&mut s);
        s
    }

    /// The defaults before preview gating: selection layers go on top of
    /// these, then [`Engine::gate_preview`].
    pub(crate) fn ungated_settings(&self) -> Settings {
        let mut s = self.default_settings();
        for (on, r) in s.enabled.iter_mut().zip(&self.rules) {
            *on = r.default_enabled;
        }
        s
    }

    /// Switch preview rules off unless `s.preview` (as ruff does, a preview
    /// rule selected by id still needs preview mode).
    pub fn gate_preview(&self, s: &mut Settings) {
        if s.preview {
            return;
        }
        for (on, r) in s.enabled.iter_mut().zip(&self.rules) {
            if r.preview {
                *on = false;
            }
        }
    }

    /// The entity table's index (built on first use); an error names the colliding forms.
    pub fn name_index(&self) -> Result<&names::NameIndex, &str> {
        self.names.get()
    }

    /// Lint one document. Never fails; findings are sorted by position, rule
    /// and message.
    pub fn lint(&self, source: &Source, settings: &Settings) -> Vec<Diagnostic> {
        let cx = Context::new(self, source, settings);
        let mut out = Vec::new();
        // The spans a claiming kind found are claimed once all its rules ran.
        let mut claimed = Vec::new();
        let mut kind = None;
        for &i in &self.order {
            if !settings.enabled[i] {
                continue;
            }
            let rule = &self.rules[i];
            if kind != Some(rule.kind()) {
                cx.claim(claimed.drain(..));
                kind = Some(rule.kind());
            }
            let found = rule.check.run(&cx);
            if rule.kind().claims() {
                claimed.extend(found.iter().map(|f| f.span));
            }
            self.emit(i, found, &cx, &mut out);
        }
        // An HTML page's findings, in the file's bytes (the map keeps order).
        if let Some(map) = &source.html {
            map.to_file(&mut out, &source.text);
        }
        // In place: a stable sort would copy the findings once more.
        out.sort_unstable_by(|a, b| {
            (a.sort_key().cmp(&b.sort_key())).then_with(|| a.message.cmp(&b.message))
        });
        out
    }

    /// Attach rule metadata to a rule's findings, keep word-changing fixes
    /// out of quoted speech and web tokens, keep every fix out of a
    /// front-matter string's delimiters and a reference link's label, and
    /// drop suppressed findings.
    fn emit(&self, i: usize, found: Vec<Finding>, cx: &Context, out: &mut Vec<Diagnostic>) {
        let rule = &self.rules[i];
        for mut f in found {
            if cx.source.is_suppressed(&rule.id, f.span.start) {
                continue;
            }
            if let Some(fix) = &mut f.fix {
                // A web token's letters are an address: a look-alike in a
                // domain (`раypal.com`) may be the story, not a typo.
                let kind = rule.kind();
                let guarded = |e: &crate::diagnostic::Edit| {
                    (kind.rewrites_words() && cx.in_quotation(e.span))
                        || ((kind.rewrites_words() || kind == Kind::MixedScript)
                            && crate::segment::in_web_token(
                                &cx.source.text,
                                e.span.start..e.span.end,
                            ))
                };
                // A mark or a backslash written into a front-matter string
                // (or an MDX attribute's) its mark delimits would end it or
                // escape what follows; an edit past its edge would take a
                // mark away (`title="Русский"` made `title=`).
                let breaks_string = |e: &crate::diagnostic::Edit| {
                    cx.source.delimited.iter().any(|(s, mark)| {
                        let inside = s.start <= e.span.start && e.span.end <= s.end;
                        let overlaps = s.start < e.span.end && e.span.start < s.end;
                        let writes_mark = inside && e.replacement.contains([*mark, '\\']);
                        let crosses_edge = overlaps && !inside;
                        writes_mark || crosses_edge
                    })
                };
                // A reference link's text is its label: changed, it no
                // longer finds its definition.
                let in_label = |e: &crate::diagnostic::Edit| {
                    (cx.source.labels.iter()).any(|s| s.start < e.span.end && e.span.start < s.end)
                };
                // Code and markup are not copy: an edit wholly outside the
                // prose (a vertical tab in a code span made a line break)
                // rewrites what the writer set verbatim.
                let outside_prose = |e: &crate::diagnostic::Edit| {
                    let range = e.span.start..e.span.end;
                    let (text, prose) = (
                        &cx.source.text.as_bytes()[range.clone()],
                        &cx.source.prose.as_bytes()[range],
                    );
                    !text.is_empty()
                        && text != prose
                        && prose.iter().all(|b| b.is_ascii_whitespace())
                };
                if fix.applicability != Applicability::DisplayOnly
                    && (fix.edits.iter())
                        .any(|e| guarded(e) || breaks_string(e) || in_label(e) || outside_prose(e))
                {
                    fix.applicability = Applicability::DisplayOnly;
                }
            }
            out.push(Diagnostic {
                rule: rule.id.clone(),
                severity: cx.settings.severity[i],
                span: f.span,
                message: render_message(&rule.message, &cx.source.text, &f),
                note: self.notes[i].clone(),
                labels: f.labels,
                fix: f.fix,
            });
        }
    }
}

/// Give every attribution rule its compiled option set: the packs'
/// `[options.attribution]` with the rule's own table merged over them.
/// Rules with equal options share one set (compiled on first use).
fn compile_attribution(
    rules: &mut [Rule],
    options: &crate::rules::options::Options,
) -> Result<(), Error> {
    use crate::rules::attribution::{Compiled, Lazy};
    // The packs' own options first, so that a mistake there is not laid at
    // the first attribution rule's door.
    if rules
        .iter_mut()
        .any(|r| r.check.attribution_mut().is_some())
    {
        checked_attribution(options, None)?;
    }
    let mut sets: Vec<std::sync::Arc<Lazy>> = Vec::new();
    for rule in rules {
        let id = rule.id.clone();
        let Some(own) = rule.check.attribution_mut() else {
            continue;
        };
        let mut merged = options.only("attribution");
        if let Some(layer) = own.overrides.clone() {
            merged.merge(layer)?;
        }
        let opts = checked_attribution(&merged, Some(&id))?;
        let set = match sets.iter().find(|s| *s.source() == opts) {
            Some(s) => s.clone(),
            None => {
                let s = std::sync::Arc::new(Lazy::new(opts, Compiled::new));
                sets.push(s.clone());
                s
            }
        };
        own.compiled = Some(set);
    }
    Ok(())
}

/// The attribution options, typed and checked (`rule`: the rule whose own
/// table was merged over the packs', named in errors).
fn checked_attribution(
    options: &crate::rules::options::Options,
    rule: Option<&str>,
) -> Result<crate::rules::attribution::Options, Error> {
    let about = |e: Error| match (rule, e) {
        (Some(id), Error::File(mut f)) => {
            f.message = format!("rule `{id}`: {}", f.message);
            Error::File(f)
        }
        (Some(id), Error::Message(m)) => Error::Message(format!("rule `{id}`: {m}")),
        (_, e) => e,
    };
    let opts: crate::rules::attribution::Options = options.typed("attribution").map_err(about)?;
    for (key, value) in [
        ("min-quote-words", opts.min_quote_words),
        ("min-partial-quote-words", opts.min_partial_quote_words),
    ] {
        if value == 0 {
            return Err(about(options.error_at(
                "attribution",
                key,
                format!("`{key}` must be at least 1"),
            )));
        }
    }
    Ok(opts)
}

/// A rule's message: its template with `{text}` (the flagged text),
/// `{detail}` (the matcher's explanation) and `{replacement}` (the fix)
/// filled in, in one pass: text that was filled in is never read again as a
/// template (a flagged `{text}` stays as it is).
fn render_message(template: &str, text: &str, f: &Finding) -> String {
    let flagged = text.get(f.span.range()).unwrap_or("");
    let replacement = f
        .fix
        .as_ref()
        .and_then(|x| x.edits.first())
        .map_or("", |e| e.replacement.as_str());
    let mut out = String::with_capacity(template.len() + f.message.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let (value, len) = [
            ("{detail}", f.message.as_str()),
            ("{text}", flagged),
            ("{replacement}", replacement),
        ]
        .into_iter()
        .find(|(key, _)| after.starts_with(key))
        .map_or(("{", 1), |(key, value)| (value, key.len()));
        out.push_str(value);
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// `[options.names]` of the packs, checked now (compiled with the name
/// index, on first use).
fn names_tuning(options: &crate::rules::options::Options) -> Result<names::Tuning, Error> {
    let tuning: names::Tuning = options.typed("names")?;
    tuning.validate().map_err(Error::Message)?;
    Ok(tuning)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;

    /// An entity table that does not build is reported once, by the first
    /// name rule that is on — also when only `fused-name` is (it was lost).
    #[test]
    fn a_broken_entity_table_is_reported_by_any_name_rule() {
        let mut pack = crate::rules::pack::shipped().unwrap();
        let mut broken = pack.entities[0].clone();
        broken.name = String::new();
        pack.entities.push(broken);
        let engine = Engine::new(pack).unwrap();
        let text = "Kim Jong Unsaid that the test was a success.";
        for only in [
            &["fused-name"][..],
            &["name-romanization"],
            &["name-romanization", "fused-name"],
        ] {
            let mut settings = engine.default_settings();
            for (i, r) in engine.rules().iter().enumerate() {
                settings.enabled[i] = only.contains(&r.id.as_str());
            }
            let found = engine.lint(&Source::new(text, crate::Format::Plain), &settings);
            let errors: Vec<&str> = found
                .iter()
                .filter(|d| d.message.contains("entity table does not build"))
                .map(|d| d.rule.as_str())
                .collect();
            assert_eq!(errors, [only[0]], "{only:?}: {found:?}");
        }
    }

    /// A flagged text that looks like a template placeholder is quoted as
    /// it is, not filled in again.
    #[test]
    fn message_placeholders_are_filled_in_one_pass() {
        let text = "say {detail} and {text}";
        let f = Finding::new(Span::new(4, 12), "the {text} detail");
        assert_eq!(
            render_message("`{text}`: {detail} {replacement}{", text, &f),
            "`{detail}`: the {text} detail {"
        );
    }
}
