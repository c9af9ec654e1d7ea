//! Rules: the closed set of rule kinds, the compiled rule, and the pack loader.
//!
//! Each kind's matcher lives in its own file. Rules are data (TOML packs);
//! adding a rule of an existing kind to a pack needs no Rust change.

pub mod attribution;
pub mod confusable;
pub mod invisible;
pub mod mojibake;
pub mod names;
pub mod pack;
pub mod pattern;
pub mod script;

use crate::diagnostic::{Severity, Span};
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

/// `char::is_alphabetic`, answered at once for ASCII and [`hangul_or_han`].
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && (hangul_or_han(c).is_some() || c.is_alphabetic()))
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
    Mojibake,
    Pattern,
    UnattributedQuote,
    UnattributedClaim,
    AnonymousSource,
    NameRomanization,
    FusedName,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::StrayScript,
        Kind::MixedScript,
        Kind::InvisibleChar,
        Kind::Mojibake,
        Kind::Pattern,
        Kind::UnattributedQuote,
        Kind::UnattributedClaim,
        Kind::AnonymousSource,
        Kind::NameRomanization,
        Kind::FusedName,
    ];

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::StrayScript => "stray-script",
            Kind::MixedScript => "mixed-script",
            Kind::InvisibleChar => "invisible-char",
            Kind::Mojibake => "mojibake",
            Kind::Pattern => "pattern",
            Kind::UnattributedQuote => "unattributed-quote",
            Kind::UnattributedClaim => "unattributed-claim",
            Kind::AnonymousSource => "anonymous-source",
            Kind::NameRomanization => "name-romanization",
            Kind::FusedName => "fused-name",
        }
    }

    /// The kind-specific options a rule of this kind may set.
    pub fn options(self) -> &'static [&'static str] {
        match self {
            Kind::StrayScript => &["allow-glosses", "allow-greek-symbols"],
            Kind::Pattern => &[
                "phrases",
                "patterns",
                "replacement",
                "case-sensitive",
                "exceptions",
            ],
            Kind::MixedScript | Kind::InvisibleChar | Kind::Mojibake => &[],
            Kind::UnattributedQuote | Kind::UnattributedClaim | Kind::AnonymousSource => {
                &["attribution"]
            }
            Kind::NameRomanization => &["auto-detect"],
            Kind::FusedName => &[],
        }
    }
}

/// The compiled, kind-specific part of a rule.
#[derive(Clone, Debug)]
pub enum Check {
    StrayScript(script::StrayOptions),
    MixedScript,
    InvisibleChar,
    Mojibake,
    Pattern(pattern::PatternSpec),
    /// The three attribution kinds share one compiled option set per distinct options.
    Attribution(std::sync::Arc<attribution::Lazy>),
    /// `name-romanization`; `auto_detect` compares names in no entity table.
    NameRomanization {
        auto_detect: bool,
    },
    FusedName,
}

/// Text a rule must flag, and the text after its safe fixes (if it has one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub fixed: Option<String>,
}

/// A validated rule.
#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub pack: String,
    pub kind: Kind,
    pub severity: Severity,
    /// Message template: `{text}` is the flagged text, `{detail}` the matcher's explanation.
    pub message: String,
    pub description: String,
    pub link: Option<String>,
    /// On unless a config or the pack switches it off.
    pub default_enabled: bool,
    pub check: Check,
    pub flag: Vec<Example>,
    pub pass: Vec<String>,
}

impl Rule {
    /// The first paragraph of the description: the note under a finding.
    pub fn summary(&self) -> &str {
        self.description.split("\n\n").next().unwrap_or("").trim()
    }
}

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

    /// Every scalar value, against the standard library.
    #[test]
    fn is_alphabetic_agrees_with_the_standard_library() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
