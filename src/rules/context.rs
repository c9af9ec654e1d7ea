//! What a matcher sees of one document: the prose, the settings of its
//! path, and the text services rules share — computed once per document,
//! and only when a rule asks for them.
//!
//! - [`Context::segmented`]: paragraphs, sentences and quotations (the one
//!   quotation model: the attribution rules read it, and the engine uses it
//!   to keep fixes out of quoted speech);
//! - [`Context::non_ascii`]: where the non-ASCII characters are (the one
//!   walk of the Unicode matchers);
//! - [`Context::claims`]: spans reported by a kind that takes precedence
//!   (mojibake before scripts, mixed-script before stray-script);
//! - results several rules share: the name rules' one pass, the pattern
//!   rules' one automaton pass, each attribution option set's one pass.

use super::{attribution, names, Check, Claims, Kind};
use crate::diagnostic::{Finding, Span};
use crate::engine::{Engine, Settings};
use crate::segment::Segmented;
use crate::source::Source;
use std::cell::{OnceCell, Ref, RefCell};
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// One document being linted, as every matcher sees it.
pub struct Context<'a> {
    pub engine: &'a Engine,
    pub source: &'a Source<'a>,
    /// The prose: the original text with what is not prose blanked by
    /// spaces (same length, same offsets).
    pub text: &'a str,
    pub settings: &'a Settings,
    claims: RefCell<Claims>,
    segmented: OnceCell<Segmented>,
    quotes: OnceCell<Vec<Span>>,
    non_ascii: OnceCell<NonAscii>,
    names: OnceCell<Result<names::Findings, String>>,
    patterns: OnceCell<Vec<Vec<Finding>>>,
    attribution: RefCell<Vec<(Arc<attribution::Lazy>, Rc<attribution::Findings>)>>,
}

impl<'a> Context<'a> {
    pub fn new(engine: &'a Engine, source: &'a Source<'a>, settings: &'a Settings) -> Self {
        Context {
            engine,
            source,
            text: &source.prose,
            settings,
            claims: RefCell::default(),
            segmented: OnceCell::new(),
            quotes: OnceCell::new(),
            non_ascii: OnceCell::new(),
            names: OnceCell::new(),
            patterns: OnceCell::new(),
            attribution: RefCell::default(),
        }
    }

    /// Spans claimed by the kinds that ran before.
    pub fn claims(&self) -> Ref<'_, Claims> {
        self.claims.borrow()
    }

    /// Claim spans for the kinds that run later.
    pub fn claim(&self, spans: impl IntoIterator<Item = Span>) {
        self.claims.borrow_mut().add(spans);
    }

    /// Paragraphs, sentences and quotations of the prose.
    pub fn segmented(&self) -> &Segmented {
        self.segmented.get_or_init(|| {
            crate::segment::segment_by(self.engine.segmenter(), self.text, &Default::default())
        })
    }

    /// Whether `span` touches a direct quotation (its marks or the words
    /// between them); an empty span, whether it is at a place inside one.
    pub fn in_quotation(&self, span: Span) -> bool {
        let quotes = self.quotes.get_or_init(|| {
            // The quotations of the segmentation when a rule reads
            // sentences (it is made once, for both); else only the
            // quotations, at a fraction of its cost.
            let alone;
            let quotes = match self.segmented.get().is_some() || self.reads_sentences() {
                true => &self.segmented().quotes,
                false => {
                    alone = crate::segment::quotations(self.text, &Default::default());
                    &alone
                }
            };
            // And quotations in single marks, British style (`‘…,’ she
            // said`): a fix inside one is not applied either.
            let single = crate::segment::single_quotations(self.text);
            // And guillemets and low-high marks (`« … »`, `„ … “`), and
            // what the markup quotes (a blockquote, `<q>`, `<cite>`).
            let other = crate::segment::other_quotations(self.text);
            let marked = self.source.quoted.iter().map(|s| s.start..s.end);
            let mut spans: Vec<Span> = quotes
                .iter()
                .map(|q| q.span.clone())
                .chain(single)
                .chain(other)
                .chain(marked)
                .map(|r| Span::new(r.start, r.end))
                .collect();
            spans.sort();
            // Merged where they overlap (a quotation inside another), so
            // that their ends rise with their starts.
            spans.dedup_by(|next, prev| {
                let overlaps = next.start < prev.end;
                if overlaps {
                    prev.end = prev.end.max(next.end);
                }
                overlaps
            });
            spans
        });
        let i = quotes.partition_point(|q| q.end <= span.start);
        quotes
            .get(i)
            .is_some_and(|q| q.start < span.end.max(span.start + 1))
    }

    /// Whether an enabled rule reads sentences (the attribution rules).
    fn reads_sentences(&self) -> bool {
        self.engine.rules().iter().enumerate().any(|(i, r)| {
            self.settings.enabled[i]
                && matches!(
                    r.kind(),
                    Kind::UnattributedQuote
                        | Kind::UnattributedClaim
                        | Kind::AnonymousSource
                        | Kind::WeaselWords
                )
        })
    }

    /// Where the prose's non-ASCII characters are.
    pub fn non_ascii(&self) -> &NonAscii {
        self.non_ascii.get_or_init(|| NonAscii::new(self.text))
    }

    /// Both name rules' findings, from one pass (built on first use).
    pub fn names(&self) -> Result<&names::Findings, &str> {
        self.names
            .get_or_init(|| {
                let engine = self.engine;
                let on = |want: fn(&Check) -> bool| {
                    engine
                        .rules()
                        .iter()
                        .enumerate()
                        .any(|(i, r)| self.settings.enabled[i] && want(&r.check))
                };
                let opts = names::Options {
                    house_style: self.settings.house_style.clone(),
                    auto_detect: on(|c| matches!(c, Check::NameRomanization(o) if o.auto_detect)),
                    fused_names: on(|c| matches!(c, Check::FusedName)),
                };
                let index = engine.name_index()?;
                let in_quote = |span| self.in_quotation(span);
                Ok(names::check(
                    self.text,
                    index,
                    &opts,
                    &in_quote,
                    &self.settings.accept,
                ))
            })
            .as_ref()
            .map_err(String::as_str)
    }

    /// The pattern rules' matches, by pattern slot (one pass for all).
    pub fn patterns(&self, slot: usize) -> &[Finding] {
        let all = self.patterns.get_or_init(|| {
            let set = self.engine.patterns();
            let enabled = |rule: usize| self.settings.enabled[rule];
            let mut by_slot = vec![Vec::new(); set.len()];
            for (slot, f) in set.find(self.text, &enabled) {
                by_slot[slot].push(f);
            }
            by_slot
        });
        all.get(slot).map_or(&[], Vec::as_slice)
    }

    /// The findings of one attribution option set, for every rule that
    /// shares it (one segmentation and one word pass for all three kinds).
    pub fn attribution(
        &self,
        lazy: &Arc<attribution::Lazy>,
    ) -> Result<Rc<attribution::Findings>, String> {
        if let Some((_, f)) = self
            .attribution
            .borrow()
            .iter()
            .find(|(l, _)| Arc::ptr_eq(l, lazy))
        {
            return Ok(f.clone());
        }
        let compiled = lazy.get()?;
        let mut want = attribution::Wanted::default();
        for (i, r) in self.engine.rules().iter().enumerate() {
            if !self.settings.enabled[i] {
                continue;
            }
            let same = |o: &attribution::RuleOptions| {
                o.compiled.as_ref().is_some_and(|l| Arc::ptr_eq(l, lazy))
            };
            match &r.check {
                Check::UnattributedQuote(o) if same(o) => want.quotes = true,
                Check::UnattributedClaim(o) if same(o) => want.claims = true,
                Check::AnonymousSource(o) if same(o) => want.anonymous = true,
                Check::WeaselWords(o) if same(o) => want.weasel = true,
                _ => {}
            }
        }
        let found = Rc::new(attribution::check(
            self.text,
            self.segmented(),
            compiled,
            want,
        ));
        self.attribution
            .borrow_mut()
            .push((lazy.clone(), found.clone()));
        Ok(found)
    }
}

/// The maximal runs of non-ASCII bytes of a text, found once; each Unicode
/// matcher walks them with its own [`Cursor`] instead of scanning the text.
pub struct NonAscii {
    runs: Vec<Range<usize>>,
}

impl NonAscii {
    pub fn new(text: &str) -> NonAscii {
        let b = text.as_bytes();
        let mut runs = Vec::new();
        let mut i = 0;
        while let Some(start) = crate::bytes::next_non_ascii(b, i) {
            let end = b[start..]
                .iter()
                .position(|&x| x < 0x80)
                .map_or(b.len(), |n| start + n);
            runs.push(start..end);
            i = end;
        }
        NonAscii { runs }
    }

    /// Whether the text is all ASCII.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// The runs, in order.
    pub fn runs(&self) -> &[Range<usize>] {
        &self.runs
    }

    /// A cursor for a walk from the start of the text.
    pub fn cursor(&self) -> Cursor<'_> {
        Cursor {
            runs: &self.runs,
            at: 0,
        }
    }
}

/// A forward walk over the non-ASCII bytes of a text.
pub struct Cursor<'a> {
    runs: &'a [Range<usize>],
    /// The first run that may end after the last position asked for.
    at: usize,
}

impl Cursor<'_> {
    /// The first non-ASCII byte at or after `from`; positions asked for
    /// must not decrease (each call then costs what its runs cost).
    #[inline]
    pub fn next_from(&mut self, from: usize) -> Option<usize> {
        while let Some(r) = self.runs.get(self.at) {
            if from < r.end {
                return Some(from.max(r.start));
            }
            self.at += 1;
        }
        None
    }

    /// The first non-ASCII character of `text` at or after `from`, with
    /// its offset (the same walk rules as [`Cursor::next_from`]).
    #[inline]
    pub fn next_char(&mut self, text: &str, from: usize) -> Option<(usize, char)> {
        let at = self.next_from(from)?;
        text[at..].chars().next().map(|c| (at, c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cursor finds what a byte-by-byte search finds, from every start.
    #[test]
    fn cursor_finds_the_next_non_ascii_byte() {
        for text in [
            "",
            "plain",
            "커뮤니티",
            "a 커뮤니티 b NАTO c\u{200b}d",
            "ab\u{feff}\u{feff}",
        ] {
            let runs = NonAscii::new(text);
            for from in 0..=text.len() {
                let mut c = runs.cursor();
                let want = text
                    .bytes()
                    .skip(from)
                    .position(|b| b >= 0x80)
                    .map(|p| from + p);
                assert_eq!(c.next_from(from), want, "{text:?} from {from}");
            }
            // And in one walk.
            let mut c = runs.cursor();
            for from in 0..=text.len() {
                let want = text
                    .bytes()
                    .skip(from)
                    .position(|b| b >= 0x80)
                    .map(|p| from + p);
                assert_eq!(c.next_from(from), want, "{text:?} walking, at {from}");
            }
        }
    }
}
