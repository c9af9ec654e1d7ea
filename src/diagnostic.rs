//! The finding types every rule produces and every renderer consumes.
//!
//! Spans are half-open byte offsets into the original file, never into a
//! masked or normalised copy. Line and column are derived only when rendering.

use std::fmt;

/// A half-open byte range `start..end` into the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const NAMES: [&'static str; 3] = ["error", "warning", "info"];

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a human looking at it. Ordered:
/// `DisplayOnly < Unsafe < Safe`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Shown, never applied (for example inside quoted speech, where the
    /// words are the speaker's).
    DisplayOnly,
    /// A suggestion: it may change the meaning or damage the text around
    /// it, so `--fix` applies it only with `--unsafe-fixes`.
    Unsafe,
    /// Applied by `--fix`: it keeps the sentence's meaning and the
    /// document's syntax.
    Safe,
}

impl Applicability {
    /// The name in the JSON output: `safe`, `unsafe` or `display-only`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

impl fmt::Display for Applicability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Replace `span` of the original text with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A suggested fix: one or more non-overlapping edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            title: title.into(),
            edits,
            applicability: Applicability::Safe,
        }
    }

    /// A suggestion `--fix` applies only with `--unsafe-fixes`.
    pub fn suggestion(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::with(Applicability::Unsafe, title, edits)
    }

    pub fn display_only(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::with(Applicability::DisplayOnly, title, edits)
    }

    pub fn with(applicability: Applicability, title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            title: title.into(),
            edits,
            applicability,
        }
    }
}

/// A secondary span with its own short message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One finding of one rule at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// Why it matters (from the rule's description, first paragraph):
    /// shared by every diagnostic of the rule.
    pub note: Option<std::sync::Arc<str>>,
    pub labels: Vec<Label>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Sort key that makes output deterministic whatever the thread count.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.span.start, self.span.end, self.rule.as_str())
    }
}

/// What a rule matcher reports before the engine attaches rule metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub span: Span,
    pub message: String,
    pub labels: Vec<Label>,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(span: Span, message: impl Into<String>) -> Finding {
        Finding {
            span,
            message: message.into(),
            labels: Vec::new(),
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Finding {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }
}

/// `s` shown in a message: at most `max` characters, then `…`. A pasted
/// passage can be megabytes long; a message quotes its start.
pub fn excerpt(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => s.into(),
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_keeps_short_text_and_cuts_long_text_at_a_character() {
        assert_eq!(excerpt("커뮤니티", 4), "커뮤니티");
        assert_eq!(excerpt("커뮤니티", 3), "커뮤니…");
        assert_eq!(excerpt("", 0), "");
        assert_eq!(excerpt("ab", 0), "…");
        assert_eq!(excerpt("ab cd", 3), "ab…");
    }
}
