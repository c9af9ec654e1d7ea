//! Segmentation of news prose into paragraphs, sentences and quotations.
//!
//! All spans are half-open byte ranges into the input `&str`. The input is
//! expected to be the document text in which non-prose bytes (Markdown code,
//! URLs) were already replaced by ASCII spaces, so offsets equal the file's.

use std::ops::Range;

use crate::bytes;

mod guards;
mod paragraphs;
mod quotes;
mod sentences;
mod single;

pub use guards::{in_web_token, other_quotations};
use paragraphs::paragraphs;
use quotes::quotes;
use sentences::sentences_in;
pub use sentences::{Lists, SegmenterOptions};
pub use single::single_quotations;
#[cfg(test)]
use {
    quotes::ends_sentence_before,
    sentences::{abbrev_key, is_closer, next_word, word_before, ELLIPSIS},
};

/// How paragraphs are delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParagraphMode {
    /// Blank lines always separate paragraphs. Inside a block, a single
    /// newline also does when the block looks like one-paragraph-per-line
    /// copy (most lines end in sentence punctuation), when the next line is
    /// indented (1980s wire copy) or starts a Markdown list item, heading or
    /// block quote.
    #[default]
    Auto,
    /// Only blank lines separate paragraphs.
    BlankLine,
    /// Every line is a paragraph.
    Line,
}

/// Options for [`segment_with`].
#[derive(Debug, Clone, Default)]
pub struct SegmentOptions {
    pub paragraphs: ParagraphMode,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: usize,
}

/// One piece of a direct quotation, within one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark inclusive (or to the end of
    /// the quoted text when the piece is not closed).
    pub span: Range<usize>,
    /// The quoted text, without the marks.
    pub inner: Range<usize>,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: usize,
    /// The previous piece of the same quotation: the paragraph before ended
    /// without a closing mark and this one opens with a mark, or (in text
    /// whose paragraphs were run together) a new opening mark follows a
    /// sentence end inside an open quotation.
    pub continues: Option<usize>,
}

impl Quote {
    /// A piece left open: its opening mark at `start`, `mark_len` bytes
    /// long, and its quoted text ending at `text_end` (trimmed; the piece
    /// is never shorter than its mark).
    pub(crate) fn unclosed(
        start: usize,
        mark_len: usize,
        text_end: usize,
        paragraph: usize,
        continues: Option<usize>,
    ) -> Quote {
        let end = text_end.max(start + mark_len);
        Quote {
            span: start..end,
            inner: start + mark_len..end,
            closed: false,
            paragraph,
            continues,
        }
    }
}

/// The result of [`segment`].
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
}

impl Segmented {
    /// Indices of the sentences of paragraph `p` (a contiguous range).
    pub fn sentences_of(&self, p: usize) -> Range<usize> {
        let start = self.sentences.partition_point(|s| s.paragraph < p);
        let end = self.sentences.partition_point(|s| s.paragraph <= p);
        start..end
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }
}

/// Segments `text` with the default options and the shipped lists.
pub fn segment(text: &str) -> Segmented {
    segment_with(text, &SegmentOptions::default())
}

/// Segments `text` with the shipped lists.
pub fn segment_with(text: &str, opts: &SegmentOptions) -> Segmented {
    segment_by(Lists::shipped(), text, opts)
}

/// The quotations of `text` alone, as [`segment_by`] finds them, without
/// its sentences (which cost most of the segmentation): what a check of
/// whether a place is quoted needs.
pub fn quotations(text: &str, opts: &SegmentOptions) -> Vec<Quote> {
    let marks = marks(text.as_bytes());
    let paragraphs = paragraphs(text, &marks, opts.paragraphs);
    quotes(text, &marks, &paragraphs)
}

/// Segments `text` with an engine's lists.
pub fn segment_by(lists: &Lists, text: &str, opts: &SegmentOptions) -> Segmented {
    let marks = marks(text.as_bytes());
    let paragraphs = paragraphs(text, &marks, opts.paragraphs);
    // About a sentence per 120 bytes of prose: most documents need no
    // regrowing.
    let mut sentences = Vec::with_capacity(text.len() / 100);
    for (i, p) in paragraphs.iter().enumerate() {
        sentences_in(lists, text, &marks, p.clone(), i, &mut sentences);
    }
    let quotes = quotes(text, &marks, &paragraphs);
    Segmented {
        paragraphs,
        sentences,
        quotes,
    }
}

/// Where in a text the bytes segmentation stops at are
/// ([`bytes::segment_marks`]: line feeds, sentence terminals, `"` and 0xE2,
/// which leads the ellipsis and the curly quotation marks), one bit per
/// byte: found in one pass over the text, 64 bytes at a time, in an eighth
/// of its size whatever it holds. Lines, sentences and quotations then
/// visit only these bytes ([`Positions`]), most of them a few dozen bytes
/// apart.
fn marks(b: &[u8]) -> Vec<u64> {
    (0..b.len())
        .step_by(64)
        .map(|base| bytes::mask_at(b, base, bytes::segment_marks))
        .collect()
}

/// The set bits of `bits` (bit `j` of word `k` for byte `64 * k + j`) in a
/// range of bytes, in order.
struct Positions<'a> {
    bits: &'a [u64],
    /// The word being read, and its bits not yet returned.
    k: usize,
    m: u64,
    end: usize,
}

impl Positions<'_> {
    fn new(bits: &[u64], range: Range<usize>) -> Positions<'_> {
        let k = range.start / 64;
        let m = bits
            .get(k)
            .map_or(0, |&w| w & (!0u64 << (range.start % 64)));
        Positions {
            bits,
            k,
            m,
            end: range.end,
        }
    }
}

impl Iterator for Positions<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        loop {
            if self.m != 0 {
                let i = 64 * self.k + self.m.trailing_zeros() as usize;
                if i >= self.end {
                    // (The end is in this word: later calls end too.)
                    self.m = 0;
                    return None;
                }
                self.m &= self.m - 1;
                return Some(i);
            }
            self.k += 1;
            match self.bits.get(self.k) {
                Some(&w) if 64 * self.k < self.end => self.m = w,
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    /// Random news-like texts: words, abbreviations, initials, numbers,
    /// terminals, quotation marks and whitespace of every kind.
    fn random_texts(n: usize) -> Vec<String> {
        let tokens = [
            "The",
            "talks",
            "ended",
            "said",
            "he",
            "Yoon",
            "Mr",
            "Mr.",
            "Dr.",
            "U.S.",
            "U.S",
            "Jan.",
            "Inc.",
            "J.",
            "J.R.R.",
            "e.g.",
            "i.e.",
            "No.",
            "a.m.",
            "3.5",
            "12",
            "pct",
            "Washington,",
            "D.C.",
            "x",
            "I",
            "A",
            "Officials",
            "However",
            "\u{C9}mile",
            "\u{C9}.",
            "\u{1F600}",
            "\u{AC00}",
            "\u{2160}",
            "don't",
            "re-elect",
            "#",
            "-",
            "*",
            "+",
            "1.",
            "2)",
            ">",
            "\"",
            "\u{201C}",
            "\u{201D}",
            "\u{2018}",
            "\u{2019}",
            "'",
            "(",
            ")",
            "[",
            "]",
            ".",
            "..",
            "...",
            "!",
            "?",
            "?!",
            "\u{2026}",
            ":",
            ";",
            ",",
            "\u{2014}",
            "\u{2013}",
            "/",
            "{",
            "}",
            "\u{E2}",
        ];
        let seps = [
            " ",
            " ",
            " ",
            " ",
            "",
            "",
            "  ",
            "\t",
            "\n",
            "\n",
            "\n\n",
            "\r\n",
            "\r\n\r\n",
            "\n  ",
            "\n\t",
            "\n \n",
            "\u{A0}",
            "\u{3000}",
            "\u{2028}",
            "\u{85}",
            "\x0B",
            "\u{200B}",
            "\n\u{3000}\n",
        ];
        crate::testing::random_texts(0x9E37_79B9_7F4A_7C15, n, 0..60, &tokens, &seps)
    }

    #[test]
    fn agrees_with_the_reference_segmentation() {
        let mut texts = random_texts(30_000);
        texts.push(String::new());
        texts.push("  \n\u{A0}\n".into());
        for t in &texts {
            for paragraphs in [
                ParagraphMode::Auto,
                ParagraphMode::BlankLine,
                ParagraphMode::Line,
            ] {
                let o = SegmentOptions { paragraphs };
                let (got, want) = (segment_with(t, &o), reference::segment_with(t, &o));
                assert_eq!(got.paragraphs, want.paragraphs, "{paragraphs:?} {t:?}");
                assert_eq!(got.sentences, want.sentences, "{paragraphs:?} {t:?}");
                assert_eq!(got.quotes, want.quotes, "{paragraphs:?} {t:?}");
            }
        }
    }

    fn sents(text: &str) -> Vec<&str> {
        let s = segment(text);
        s.sentences.iter().map(|x| &text[x.span.clone()]).collect()
    }

    fn quotes_of(text: &str) -> Vec<&str> {
        let s = segment(text);
        s.quotes.iter().map(|q| &text[q.span.clone()]).collect()
    }

    #[test]
    fn blank_line_paragraphs() {
        let t = "First para.\nStill first, wrapped\nhere.\n\nSecond para.";
        let s = segment(t);
        assert_eq!(s.paragraphs.len(), 2);
        assert_eq!(&t[s.paragraphs[1].clone()], "Second para.");
    }

    #[test]
    fn line_paragraphs_inferred_for_wire_copy() {
        let t = "One sentence here.\nAnother paragraph here.\n\u{201C}A quote,\u{201D} he said.\n";
        assert_eq!(segment(t).paragraphs.len(), 3);
    }

    #[test]
    fn wrapped_lines_stay_one_paragraph() {
        let t = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects.\n    The dry period means the temporao will be late.";
        let s = segment(t);
        assert_eq!(s.paragraphs.len(), 2, "indented line starts a paragraph");
        assert_eq!(s.sentences.len(), 2);
    }

    #[test]
    fn explicit_modes() {
        let t = "a b\nc d";
        let o = SegmentOptions {
            paragraphs: ParagraphMode::Line,
        };
        assert_eq!(segment_with(t, &o).paragraphs.len(), 2);
        let o = SegmentOptions {
            paragraphs: ParagraphMode::BlankLine,
        };
        assert_eq!(segment_with("A b.\nC d.\nE f.", &o).paragraphs.len(), 1);
    }

    #[test]
    fn crlf() {
        let t = "First para.\r\n\r\nSecond para.\r\nThird para.\r\n";
        let s = segment(t);
        let ps: Vec<&str> = s.paragraphs.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(ps, ["First para.", "Second para.", "Third para."]);
    }

    /// The quotations alone are those of the whole segmentation.
    #[test]
    fn quotations_alone_match_the_segmentation() {
        for t in crate::testing::random_texts(
            7,
            2000,
            1..40,
            &[
                "He said", "\"We", "go", "“Yes", "no,”", "it.", "U.S.", "'Tis", "”", "“",
            ],
            &[" ", "\n", "\n\n", ". ", "\" ", ", ", ": \""],
        ) {
            for mode in [
                ParagraphMode::Auto,
                ParagraphMode::BlankLine,
                ParagraphMode::Line,
            ] {
                let o = SegmentOptions { paragraphs: mode };
                assert_eq!(quotations(&t, &o), segment_with(&t, &o).quotes, "{t:?}");
            }
        }
    }

    #[test]
    fn abbreviations_must_be_short_lower_case_ascii() {
        let opts = |titles: &[&str]| SegmenterOptions {
            titles: titles.iter().map(|t| t.to_string()).collect(),
            soft_abbreviations: vec!["jan".into()],
            sentence_openers: vec!["The".into()],
        };
        assert_eq!(Lists::new(&opts(&["mr", "supt"])).unwrap().max, 4);
        for bad in ["Mr", "", "superintendent", "señor"] {
            assert!(Lists::new(&opts(&[bad])).is_err(), "{bad:?}");
        }
    }

    /// A house pack's title keeps a sentence going: `Supt. Lee` is one name.
    #[test]
    fn an_added_title_is_read_as_one() {
        let mut opts: SegmenterOptions = crate::rules::options::Options::shipped()
            .family("segmenter")
            .unwrap();
        let text = "They met Supt. Lee at noon.";
        let count = |opts: &SegmenterOptions| {
            segment_by(&Lists::new(opts).unwrap(), text, &SegmentOptions::default())
                .sentences
                .len()
        };
        assert_eq!(count(&opts), 2);
        opts.titles.push("supt".into());
        assert_eq!(count(&opts), 1);
    }

    #[test]
    fn abbreviations() {
        assert_eq!(
            sents("Mr. Kim met Gen. Lee in Washington, D.C. on Jan. 5. They talked."),
            [
                "Mr. Kim met Gen. Lee in Washington, D.C. on Jan. 5.",
                "They talked."
            ]
        );
        assert_eq!(
            sents("The U.S. Army said so. J.R.R. Tolkien wrote it. Growth was 3.5 pct. Good."),
            [
                "The U.S. Army said so.",
                "J.R.R. Tolkien wrote it.",
                "Growth was 3.5 pct.",
                "Good."
            ]
        );
        assert_eq!(
            sents("Ties with the U.S. The talks ended. J. Smith agreed."),
            ["Ties with the U.S.", "The talks ended.", "J. Smith agreed."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sents("He paused... and went on. Then\u{2026} Nothing."),
            ["He paused... and went on.", "Then\u{2026}", "Nothing."]
        );
    }

    #[test]
    fn quotes_and_sentence_ends() {
        assert_eq!(
            sents("\"We are ready,\" he said. \"We will act.\" He left. \"Why?\" she asked."),
            [
                "\"We are ready,\" he said.",
                "\"We will act.\"",
                "He left.",
                "\"Why?\" she asked."
            ]
        );
        assert_eq!(
            sents("\u{201C}We are ready.\u{201D} He left."),
            ["\u{201C}We are ready.\u{201D}", "He left."]
        );
    }

    #[test]
    fn straight_and_curly_quotes() {
        let t = "\u{201C}We said \u{2018}no\u{2019} to them,\u{201D} Yoon said. He called it \"a win\".";
        assert_eq!(
            quotes_of(t),
            [
                "\u{201C}We said \u{2018}no\u{2019} to them,\u{201D}",
                "\"a win\""
            ]
        );
        // `"` as an apostrophe, inch marks.
        assert!(quotes_of("the administration\"s accomplishments").is_empty());
        assert!(quotes_of("a 12 \" pipe").is_empty());
    }

    #[test]
    fn multi_paragraph_continuation() {
        let t = "\u{201C}We are ready,\u{201D} Yoon said. \u{201C}We will act.\n\n\u{201C}And we will win.\u{201D}\n\nNext.";
        let s = segment(t);
        assert_eq!(s.quotes.len(), 3);
        assert!(!s.quotes[1].closed);
        assert_eq!(s.quotes[2].continues, Some(1));
        assert_eq!(s.quotes[1].continues, None);
    }

    #[test]
    fn run_together_continuation() {
        // BBC copy: paragraphs of one quotation collapsed into one.
        let t = "Colin Asplin said: \"We have tried very hard. \"Obviously we have failed in that. \"It amazes me.\" The cost is unknown.";
        let s = segment(t);
        let q: Vec<&str> = s.quotes.iter().map(|q| &t[q.span.clone()]).collect();
        assert_eq!(
            q,
            [
                "\"We have tried very hard.",
                "\"Obviously we have failed in that.",
                "\"It amazes me.\""
            ]
        );
        assert_eq!(s.quotes[1].continues, Some(0));
        assert_eq!(s.quotes[2].continues, Some(1));
    }

    /// The set bits of random words in random ranges, against a loop
    /// over every bit.
    #[test]
    fn positions_are_the_set_bits_in_range() {
        let mut next = crate::testing::xorshift(0x5DEE_CE66_D1CE_4E5B);
        for _ in 0..2000 {
            let words = next(5);
            // Sparse and dense words.
            let bits: Vec<u64> = (0..words)
                .map(|_| match next(3) {
                    0 => 0,
                    1 => 1 << next(64),
                    _ => (next(1 << 16) as u64) << next(48) | next(1 << 16) as u64,
                })
                .collect();
            let len = 64 * words;
            let start = next(len + 2);
            let end = start + next(len + 2 - start);
            let want: Vec<usize> = (start..end.min(len))
                .filter(|&i| bits[i / 64] >> (i % 64) & 1 != 0)
                .collect();
            let got: Vec<usize> = Positions::new(&bits, start..end).collect();
            assert_eq!(got, want, "{bits:x?} {start}..{end}");
        }
    }

    #[test]
    fn offsets_are_exact_with_multibyte() {
        let t = "Yoon\u{2019}s talk, 커뮤니티. \u{201C}Fine words here,\u{201D} he said.";
        let s = segment(t);
        for x in &s.sentences {
            assert!(t.is_char_boundary(x.span.start) && t.is_char_boundary(x.span.end));
        }
        assert_eq!(s.sentences.len(), 2);
        assert_eq!(&t[s.quotes[0].inner.clone()], "Fine words here,");
    }
}
