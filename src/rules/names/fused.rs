//! The `fused-name` rule: a known name glued to the word before or after it
//! when markup was stripped (`Kim Jong Unsaid`, `ComradeKim Jong Un`). Which
//! glued letters make a fused name rather than a derived word (`Kievan`),
//! the finding and its fix.

use super::context::{left_boundary, quote_note, Quotes};
use super::english::is_english_word;
use super::fold::fold_basic;
use super::tokens::{starts_upper, Tok};
use super::{Finding, RULE_FUSED};

/// `start..name_start` is a word glued before the name (often empty),
/// `name_end..end` a word glued after it (often empty).
pub(super) fn fused_finding(
    text: &str,
    start: usize,
    name_start: usize,
    name_end: usize,
    end: usize,
    quotes: &Quotes,
) -> Finding {
    let before = &text[start..name_start];
    let name = &text[name_start..name_end];
    let after = &text[name_end..end];
    let in_quote = quotes.contains(start);
    let (message, replacement) = match (before.is_empty(), after.is_empty()) {
        (true, _) => (
            format!("`{name}` is fused with the next word `{after}` (a space lost with the markup?)"),
            format!("{name} {after}"),
        ),
        (false, true) => (
            format!("`{name}` is fused with the previous word `{before}` (a space lost with the markup?)"),
            format!("{before} {name}"),
        ),
        (false, false) => (
            format!("`{name}` is fused with the words `{before}` and `{after}` around it (spaces lost with the markup?)"),
            format!("{before} {name} {after}"),
        ),
    };
    Finding {
        rule: RULE_FUSED,
        start,
        end,
        message: quote_note(message, in_quote),
        label: None,
        replacement: Some(replacement),
        in_quote,
    }
}

/// Titles glued before names in KCNA copy (`HEKim Jong Un`).
const GLUED_TITLES: &[&str] = &["HE", "Excellency", "Generalissimo", "Generalissimos"];

/// Start of an English word glued before a multi-word table form
/// (`ofKim Jong Un`, `ComradeKim Jong Un`, and `and` in
/// `Kim Il SungandKim Jong Il` when `prev_end` is the end of `Kim Il Sung`).
pub(super) fn glued_left_word(
    text: &str,
    start: usize,
    form: &str,
    prev_end: Option<usize>,
) -> Option<usize> {
    if !form.as_bytes().contains(&b' ') || !starts_upper(form) {
        return None;
    }
    let before = &text[..start];
    let n = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let mut ls = start - n;
    let after_name = prev_end.is_some_and(|p| ls < p && p < start);
    if after_name {
        ls = prev_end.unwrap_or(ls);
    } else if !left_boundary(text, ls) {
        return None;
    }
    let word = &text[ls..start];
    if GLUED_TITLES.contains(&word) {
        return Some(ls);
    }
    if word.len() < 2
        || !word.as_bytes()[word.len() - 1].is_ascii_lowercase()
        || !is_english_word(&word.to_ascii_lowercase())
    {
        return None;
    }
    Some(ls)
}

/// A table form glued to lowercase letters `suffix`.
pub(super) fn fused_table_ok(form: &str, suffix: &str) -> bool {
    if suffix.len() < 2 || DERIVATIONAL.contains(&suffix) {
        return false;
    }
    let multi_word = form.as_bytes().contains(&b' ');
    if !multi_word && suffix.len() < 3 {
        return false; // `Raision` (Raisi + on), `Gazaon`
    }
    if multi_word {
        // `Kim Jong Un` + `paid`: the glued word may itself be a word
        // (`Unpaid`), but no name continues that way.
        is_english_word(suffix)
    } else {
        let glued = format!("{}{}", fold_basic(form), suffix);
        COMMON_FOLLOWERS.contains(&suffix) && !is_english_word(&glued)
    }
}

/// A name found in the draft (last word `last`) glued to `suffix`.
pub(super) fn fused_draft_ok(last: &str, suffix: &str) -> bool {
    if suffix.len() < 2 || DERIVATIONAL.contains(&suffix) {
        return false;
    }
    let glued = format!("{}{}", fold_basic(last), suffix);
    is_english_word(suffix)
        && (suffix.len() >= 3 || COMMON_FOLLOWERS.contains(&suffix))
        && !is_english_word(&glued)
}

/// Words that may follow a single-word name (`Zelenskysaid`).
const COMMON_FOLLOWERS: &[&str] = &[
    "said",
    "says",
    "saying",
    "was",
    "is",
    "has",
    "had",
    "have",
    "and",
    "who",
    "whose",
    "to",
    "told",
    "will",
    "would",
    "met",
    "visited",
    "added",
    "also",
    "at",
    "in",
    "on",
    "for",
    "as",
    "with",
    "the",
    "of",
    "from",
    "that",
    "urged",
    "warned",
    "stressed",
    "sent",
    "made",
    "received",
    "expressed",
    "noted",
    "gave",
    "went",
    "arrived",
    "took",
    "spoke",
    "asked",
    "wrote",
    "signed",
    "announced",
    "inspected",
    "pointed",
    "looked",
    "attended",
    "appeared",
    "addressed",
    "delivered",
    "praised",
    "replied",
    "insisted",
    "admitted",
    "denied",
    "claimed",
    "accused",
    "vowed",
    "ordered",
    "did",
    "does",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "cannot",
    "were",
    "been",
    "being",
    "had",
    "personally",
    "highly",
    "warmly",
];

/// Word endings that make a legitimate derived word from a name
/// (`Kievan`, `New Yorker`, `Hong Kongers`).
const DERIVATIONAL: &[&str] = &[
    "an", "ans", "n", "ns", "er", "ers", "ese", "ian", "ians", "ite", "ites", "ism", "isms", "ist",
    "ists", "ic", "ish", "esque", "ie", "ies",
];

/// Note `t`'s start when it may begin a name of the draft: a word of at
/// most eight bytes (a surname's length), without a possessive, followed by
/// a space.
#[inline]
pub(super) fn note_word_start(text: &str, t: &Tok, starts: &mut Vec<u64>) {
    let rest = &text.as_bytes()[t.end..];
    if t.end - t.start <= 8
        && t.core_end == t.end
        && (rest.first() == Some(&b' ') || rest.starts_with(&[0xc2, 0xa0]))
    {
        // (A draft in memory is far smaller than 2^48 bytes.)
        let word = pack_word(&text.as_bytes()[t.start..t.end]);
        starts.push((t.start as u64) << 16 | word_hash(word));
    }
}

/// Sixteen bits of a [`pack_word`].
pub(super) fn word_hash(word: u64) -> u64 {
    word.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48
}

/// A word of at most eight bytes in a `u64`, first byte lowest (no word
/// holds a NUL byte, so no two words share one).
pub(super) fn pack_word(w: &[u8]) -> u64 {
    w.iter().rev().fold(0, |acc, &c| acc << 8 | u64::from(c))
}
