//! Helpers shared by the attribution rules' tests.

use crate::segment::{segment, Segmented};

use super::{Compiled, Finding, Options};

pub(super) fn compiled() -> Compiled {
    Compiled::new(&Options::default()).unwrap()
}

/// The text of each finding of `rule` on `text`.
pub(super) fn found(
    text: &str,
    rule: fn(&str, &Segmented, &Compiled) -> Vec<Finding>,
) -> Vec<String> {
    rule(text, &segment(text), &compiled())
        .into_iter()
        .map(|f| text[f.span.range()].to_string())
        .collect()
}

/// Random sentences from the word lists, case variants, folding
/// characters, Unicode space and punctuation, to compare the word-lookup
/// matchers with the regexes they stand for.
pub(super) fn tricky_texts(n: usize) -> Vec<String> {
    let words = [
        "it",
        "It",
        "IT",
        "i\u{17F}",
        "is",
        "IS",
        "was",
        "has",
        "ha\u{17F}",
        "been",
        "had",
        "now",
        "are",
        "were",
        "widely",
        "Widely",
        "believed",
        "said",
        "Said",
        "SAID",
        "thought",
        "some",
        "Some",
        "people",
        "many",
        "a",
        "A",
        "lot",
        "of",
        "experts",
        "studies",
        "show",
        "according",
        "to",
        "sources",
        "source",
        "an",
        "one",
        "told",
        "have",
        "also",
        "al\u{17F}o",
        "later",
        "says",
        "saying",
        "he",
        "unsaid",
        "Jos\u{E9}said",
        "x1",
        "_",
        "3",
        "rumour",
        "word",
        "there",
        "reports",
        "that",
        "would",
        "say",
        "went",
        "on",
        "pointed",
        "out",
        "few",
        "\u{212A}",
        "as\u{212A}ed",
        "asked",
        "\u{E9}",
        "Analysts",
        "analysts",
        "research",
        "suggests",
        "is now",
        "regarded",
        "generally",
        "it is",
        "It was widely",
        "has been",
        "i\u{17F} now",
        "is very widely",
        "were",
        "according to sources",
        "rumour has it",
        "there are reports that",
        "some would",
        "it has been said",
        "a few sources",
        "went on",
        "pointed out",
        "it ha\u{17F}  been",
        "are generally",
        "said a source",
        "one source",
        "some people say",
        "many people",
    ];
    let seps = [
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\u{A0}",
        "\u{2003}",
        "\n",
        ", ",
        ". ",
        ".' ",
        ",\u{2019} ",
        "!' ",
        "?\u{2019}\u{A0}",
        "",
        "-",
        "_",
        "\u{E9}",
        "\"",
        "'",
        ",",
        "\u{200D}",
    ];
    crate::testing::random_texts(0x9E37_79B9_7F4A_7C15, n, 3..13, &words, &seps)
}
