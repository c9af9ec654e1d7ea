//! Rules: the closed set of rule kinds, the compiled rule, and the pack loader.
//!
//! Each kind's matcher lives in its own file. Rules are data (TOML packs);
//! adding a rule of an existing kind to a pack needs no Rust change.

pub mod attribution;
pub mod confusable;
pub mod context;
pub mod fullwidth;
pub mod invalid_utf8;
pub mod invisible;
pub mod mojibake;
pub mod names;
pub mod options;
pub mod pack;
pub mod pattern;
pub mod script;
mod script_gloss;
mod stray_fix;
mod stray_name;

pub use context::Context;
pub use names::RomanizationOptions;

use crate::diagnostic::{Finding, Severity, Span};
use std::sync::OnceLock;

/// The script of a Hangul syllable or a CJK unified ideograph, the
/// characters a Korean or Chinese passage is made of, without the table
/// search (some hundred instructions) that the standard library and
/// `unicode-script` make for them; `None` for any other character.
#[inline]
pub fn hangul_or_han(c: char) -> Option<unicode_script::Script> {
    match u32::from(c) {
        0xac00..=0xd7a3 => Some(unicode_script::Script::Hangul),
        0x4e00..=0x9fff => Some(unicode_script::Script::Han),
        _ => None,
    }
}

/// `char::is_alphabetic`, answered at once for ASCII and [`hangul_or_han`]
/// (the letters of the crate's words).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    crate::words::is_letter(c)
}

/// Something built from `source` on first use (a rule's compiled word lists,
/// the name index): a run whose rules never need it pays nothing. A failed
/// build keeps its message.
#[derive(Debug)]
pub struct BuiltOnce<S, T> {
    source: S,
    build: fn(&S) -> Result<T, String>,
    built: OnceLock<Result<T, String>>,
}

impl<S, T> BuiltOnce<S, T> {
    pub fn new(source: S, build: fn(&S) -> Result<T, String>) -> Self {
        BuiltOnce {
            source,
            build,
            built: OnceLock::new(),
        }
    }

    /// What it is built from.
    pub fn source(&self) -> &S {
        &self.source
    }

    /// The built value (built once, on the first call).
    pub fn get(&self) -> Result<&T, &str> {
        self.built
            .get_or_init(|| (self.build)(&self.source))
            .as_ref()
            .map_err(String::as_str)
    }
}

/// The kinds of rule copydesk knows. Each has its own matcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    StrayScript,
    MixedScript,
    InvisibleChar,
    FullwidthLatin,
    Mojibake,
    InvalidUtf8,
    Pattern,
    UnattributedQuote,
    UnattributedClaim,
    AnonymousSource,
    WeaselWords,
    NameRomanization,
    FusedName,
    GlossMismatch,
}

impl Kind {
    /// Every kind, in the order the engine runs them: a kind whose
    /// findings are claimed ([`Kind::claims`]) runs before the kinds that
    /// respect claims.
    pub const ALL: [Kind; 14] = [
        Kind::Mojibake,
        Kind::MixedScript,
        Kind::StrayScript,
        Kind::InvisibleChar,
        Kind::FullwidthLatin,
        Kind::InvalidUtf8,
        Kind::UnattributedQuote,
        Kind::UnattributedClaim,
        Kind::AnonymousSource,
        Kind::WeaselWords,
        Kind::NameRomanization,
        Kind::FusedName,
        Kind::GlossMismatch,
        Kind::Pattern,
    ];

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::StrayScript => "stray-script",
            Kind::MixedScript => "mixed-script",
            Kind::InvisibleChar => "invisible-char",
            Kind::FullwidthLatin => "fullwidth-latin",
            Kind::Mojibake => "mojibake",
            Kind::InvalidUtf8 => "invalid-utf8",
            Kind::Pattern => "pattern",
            Kind::UnattributedQuote => "unattributed-quote",
            Kind::UnattributedClaim => "unattributed-claim",
            Kind::AnonymousSource => "anonymous-source",
            Kind::WeaselWords => "weasel-words",
            Kind::NameRomanization => "name-romanization",
            Kind::FusedName => "fused-name",
            Kind::GlossMismatch => "gloss-mismatch",
        }
    }

    /// Whether this kind's findings are claimed, so that later kinds do not
    /// report the same text again (garbage that looks like Hangul is
    /// mojibake, not a stray word; a look-alike word is not stray).
    pub fn claims(self) -> bool {
        matches!(self, Kind::Mojibake | Kind::MixedScript)
    }

    /// Whether this kind's fixes change the words a reader sees. Inside a
    /// direct quotation such a fix is shown, never applied: the words of
    /// quoted speech are the speaker's. Repairs that change no letter a
    /// reader sees (mojibake re-decoded, an invisible character removed, a
    /// look-alike letter replaced by the Latin one) stay safe there.
    pub fn rewrites_words(self) -> bool {
        match self {
            Kind::StrayScript | Kind::Pattern | Kind::NameRomanization | Kind::FusedName => true,
            Kind::MixedScript
            | Kind::InvisibleChar
            | Kind::FullwidthLatin
            | Kind::Mojibake
            | Kind::InvalidUtf8
            | Kind::UnattributedQuote
            | Kind::UnattributedClaim
            | Kind::AnonymousSource
            | Kind::WeaselWords
            | Kind::GlossMismatch => false,
        }
    }
}

/// A rule's kind with its compiled options: what the engine runs.
#[derive(Clone, Debug)]
pub enum Check {
    StrayScript(script::StrayOptions),
    MixedScript,
    InvisibleChar,
    FullwidthLatin,
    Mojibake,
    InvalidUtf8,
    Pattern(pattern::PatternOptions),
    /// The three attribution kinds: rules with equal options share one
    /// compiled set (one `Arc`), so the context runs it once for all.
    UnattributedQuote(attribution::RuleOptions),
    UnattributedClaim(attribution::RuleOptions),
    AnonymousSource(attribution::RuleOptions),
    WeaselWords(attribution::RuleOptions),
    NameRomanization(RomanizationOptions),
    FusedName,
    GlossMismatch,
}

impl Check {
    pub fn kind(&self) -> Kind {
        match self {
            Check::StrayScript(_) => Kind::StrayScript,
            Check::MixedScript => Kind::MixedScript,
            Check::InvisibleChar => Kind::InvisibleChar,
            Check::FullwidthLatin => Kind::FullwidthLatin,
            Check::Mojibake => Kind::Mojibake,
            Check::InvalidUtf8 => Kind::InvalidUtf8,
            Check::Pattern(_) => Kind::Pattern,
            Check::UnattributedQuote(_) => Kind::UnattributedQuote,
            Check::UnattributedClaim(_) => Kind::UnattributedClaim,
            Check::AnonymousSource(_) => Kind::AnonymousSource,
            Check::WeaselWords(_) => Kind::WeaselWords,
            Check::NameRomanization(_) => Kind::NameRomanization,
            Check::FusedName => Kind::FusedName,
            Check::GlossMismatch => Kind::GlossMismatch,
        }
    }

    /// The options of an attribution rule.
    pub fn attribution_mut(&mut self) -> Option<&mut attribution::RuleOptions> {
        match self {
            Check::UnattributedQuote(o)
            | Check::UnattributedClaim(o)
            | Check::AnonymousSource(o)
            | Check::WeaselWords(o) => Some(o),
            _ => None,
        }
    }

    /// Run this check on one document: the one matcher signature
    /// (document context and the kind's options → findings).
    pub fn run(&self, cx: &Context) -> Vec<Finding> {
        match self {
            Check::StrayScript(opts) => script::check_document(cx, opts),
            Check::MixedScript => confusable::check_document(cx),
            Check::InvisibleChar => invisible::check_document(cx),
            Check::FullwidthLatin => fullwidth::check_document(cx),
            Check::Mojibake => mojibake::check_document(cx),
            Check::InvalidUtf8 => invalid_utf8::check_document(cx),
            Check::Pattern(opts) => cx.patterns(opts.slot).to_vec(),
            Check::UnattributedQuote(o) => attribution_findings(cx, o, |f| &f.quotes),
            Check::UnattributedClaim(o) => attribution_findings(cx, o, |f| &f.claims),
            Check::AnonymousSource(o) => attribution_findings(cx, o, |f| &f.anonymous),
            Check::WeaselWords(o) => attribution_findings(cx, o, |f| &f.weasel),
            Check::NameRomanization(_) => match cx.names() {
                Ok(found) => found.romanization.clone(),
                Err(e) => vec![entity_table_error(e)],
            },
            Check::FusedName => match cx.names() {
                Ok(found) => found.fused.clone(),
                // Reported once: by a romanization rule when one is on.
                Err(_) if names_romanization_on(cx) => Vec::new(),
                Err(e) => vec![entity_table_error(e)],
            },
            Check::GlossMismatch => match cx.engine.name_index() {
                Ok(_) if cx.non_ascii().is_empty() => Vec::new(),
                Ok(index) => names::gloss::check(cx.text, index, &cx.settings.accept),
                Err(_) if names_romanization_on(cx) => Vec::new(),
                Err(e) => vec![entity_table_error(e)],
            },
        }
    }
}

fn attribution_findings(
    cx: &Context,
    opts: &attribution::RuleOptions,
    pick: fn(&attribution::Findings) -> &Vec<Finding>,
) -> Vec<Finding> {
    let Some(lazy) = &opts.compiled else {
        return Vec::new();
    };
    match cx.attribution(lazy) {
        Ok(found) => pick(&found).clone(),
        Err(e) => vec![Finding::new(
            Span::new(0, 0),
            format!("this rule's attribution options do not compile: {e}"),
        )],
    }
}

fn entity_table_error(e: &str) -> Finding {
    Finding::new(
        Span::new(0, 0),
        format!("the entity table does not build: {e}"),
    )
}

fn names_romanization_on(cx: &Context) -> bool {
    cx.engine
        .rules()
        .iter()
        .enumerate()
        .any(|(i, r)| cx.settings.enabled[i] && r.kind() == Kind::NameRomanization)
}

/// Text a rule must flag, and the text after its safe fixes (if it has one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub fixed: Option<String>,
    /// The text is saved as Latin-1, not UTF-8 (an example of `invalid-utf8`).
    pub latin1: bool,
}

impl Example {
    /// The example's file contents.
    pub fn bytes(&self) -> Vec<u8> {
        if self.latin1 {
            self.text
                .chars()
                .map(|c| u8::try_from(c).unwrap_or(b'?'))
                .collect()
        } else {
            self.text.as_bytes().to_vec()
        }
    }
}

/// A validated rule.
#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub pack: String,
    pub severity: Severity,
    /// Message template: `{text}` is the flagged text, `{detail}` the matcher's explanation.
    pub message: String,
    pub description: String,
    pub link: Option<String>,
    /// On unless a config or the pack switches it off.
    pub default_enabled: bool,
    /// A new rule, run only in preview mode (`--preview`, `preview = true`
    /// in the config), even when selected by id: a pinned CI does not turn
    /// red when an upgrade adds it.
    pub preview: bool,
    pub check: Check,
    pub flag: Vec<Example>,
    pub pass: Vec<String>,
}

impl Rule {
    pub fn kind(&self) -> Kind {
        self.check.kind()
    }

    /// The first paragraph of the description: the note under a finding.
    pub fn summary(&self) -> &str {
        self.description.split("\n\n").next().unwrap_or("").trim()
    }

    /// The summary's first sentence: the rule in one line.
    pub fn one_line(&self) -> &str {
        let s = self.summary();
        match s.find(". ") {
            Some(i) => &s[..=i],
            None => s,
        }
    }

    /// The rule's anchor in the rule reference (`docs/rules.md#stray-script`).
    pub fn docs_anchor(&self) -> String {
        format!("{REFERENCE}#{}", self.id)
    }
}

/// The rule reference, generated from the packs (`copydesk rules --format markdown`).
pub const REFERENCE: &str = "docs/rules.md";

/// Spans already reported by a rule that takes precedence (mojibake before
/// scripts; mixed-script before stray-script), kept as disjoint sorted intervals.
#[derive(Clone, Debug, Default)]
pub struct Claims {
    spans: Vec<Span>,
}

impl Claims {
    pub fn add(&mut self, spans: impl IntoIterator<Item = Span>) {
        self.spans.extend(spans);
        self.spans.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(self.spans.len());
        for s in self.spans.drain(..) {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        self.spans = merged;
    }

    pub fn overlaps(&self, span: Span) -> bool {
        let i = self.spans.partition_point(|c| c.end <= span.start);
        self.spans.get(i).is_some_and(|c| c.start < span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_overlap() {
        let mut c = Claims::default();
        c.add([Span::new(10, 20), Span::new(15, 25), Span::new(40, 41)]);
        assert!(c.overlaps(Span::new(24, 30)));
        assert!(!c.overlaps(Span::new(25, 40)));
        assert!(c.overlaps(Span::new(0, 11)));
        assert!(!c.overlaps(Span::new(0, 10)));
        assert!(c.overlaps(Span::new(40, 40 + 1)));
    }
}
