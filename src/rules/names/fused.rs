//! The `fused-name` rule: a known name glued to the word before or after it
//! when markup was stripped (`Kim Jong Unsaid`, `ComradeKim Jong Un`). Which
//! glued letters make a fused name rather than a derived word (`Kievan`),
//! the finding and its fix.

use std::collections::{HashMap, HashSet};

use super::context::{left_boundary, quote_note, right_context, Right};
use super::english::is_english_word;
use super::entity::FormMatch;
use super::fold::fold_basic;
use super::form_table::{Bitmap, PrefixBuild};
use super::groups::{finding, replacement, set_replacement, Occ, Source};
use super::tuning::Lexicon;
use super::InQuote;
use crate::diagnostic::{Finding, Span};
use crate::words::{hash_bits, is_capitalized, pack, Tok};

/// The `fused-name` finding of the table form `m`, glued to a neighbouring
/// word, added to `findings` (the `fused-name` findings so far); returns its
/// index. Right after another fused name, the chain is one finding.
pub(super) fn fused_form_finding(
    findings: &mut Vec<Finding>,
    text: &str,
    m: &FormMatch,
    in_quote: InQuote<'_>,
) -> usize {
    match findings.last_mut() {
        // `Kim Il SungandKim Jong Il`: one finding for the chain.
        Some(prev) if prev.span.end > m.glued_start => {
            let mut r = replacement(prev).unwrap_or_default().to_string();
            r.push(' ');
            r.push_str(&text[m.start..m.glued_end.max(m.end)]);
            if m.glued_end > m.end {
                r.insert(r.len() - (m.glued_end - m.end), ' ');
            }
            prev.span.end = m.glued_end;
            prev.message = quote_note(
                "names fused with the words around them (spaces lost with the markup?)".to_string(),
                in_quote(prev.span),
            );
            set_replacement(prev, r);
        }
        _ => findings.push(fused_finding(
            text,
            m.glued_start,
            m.start,
            m.end,
            m.glued_end,
            in_quote,
        )),
    }
    findings.len() - 1
}

/// Step 5 of [`super::check`]: the East Asian names of the draft (`occs`)
/// found again elsewhere in it glued to the next word, at the word starts
/// the walk noted ([`note_word_start`]). Places that already have a
/// `fused-name` finding are left alone. `findings` are the `fused-name`
/// findings so far.
pub(super) fn fused_elsewhere(
    lex: &Lexicon,
    text: &str,
    occs: &[Occ],
    word_starts: &[u64],
    in_quote: InQuote<'_>,
    findings: &mut Vec<Finding>,
) {
    // (Most drafts name no East Asian person: nothing to build then.)
    if !occs.iter().any(|o| o.source == Source::EastAsian) {
        return;
    }
    let fused_starts: HashSet<usize> = findings.iter().map(|f| f.span.start).collect();
    let names = NamesBySurname::of(text, occs);
    if names.by_word.is_empty() {
        return;
    }
    let b = text.as_bytes();
    // A surface starts with a capitalized word of at most eight bytes
    // and a space at a word start: the scan in step 2 noted every such
    // place (a word glued after a hyphen, `anti-Kim`, is no name start).
    for &noted in word_starts {
        let s = (noted >> 16) as usize;
        let Some(group) = names.at(b, noted) else {
            continue;
        };
        if fused_starts.contains(&s) || !left_boundary(text, s) {
            continue;
        }
        for &surface in group {
            let e = s + surface.len();
            // A fused name is followed by a lowercase letter: test that
            // byte before comparing the surface.
            if !b.get(e).is_some_and(u8::is_ascii_lowercase) || !text[s..].starts_with(surface) {
                continue;
            }
            if let Right::Fused(suffix_end) = right_context(text, e) {
                let last = surface.rsplit([' ', '-']).next().unwrap_or(surface);
                if fused_draft_ok(lex, last, &text[e..suffix_end]) {
                    findings.push(fused_finding(text, s, s, e, suffix_end, in_quote));
                }
            }
        }
    }
}

/// The spellings of the draft's East Asian names by their first word, a
/// surname of at most eight bytes, for one pass over the draft for all of
/// them (not one scan per name).
struct NamesBySurname<'t> {
    /// [`pack`] of the surname → the spellings, shortest first (the
    /// order in which an automaton reports matches that start together).
    by_word: HashMap<u64, Vec<&'t str>, PrefixBuild>,
    /// Bit [`word_hash`] of each surname's [`pack`].
    hashes: Bitmap<1024>,
}

impl<'t> NamesBySurname<'t> {
    fn of(text: &'t str, occs: &[Occ]) -> Self {
        let mut surfaces: Vec<&str> = occs
            .iter()
            .filter(|o| o.source == Source::EastAsian)
            .map(|o| &text[o.start..o.end])
            .collect();
        surfaces.sort_unstable();
        surfaces.dedup();
        // A surface starts with its surname and a space.
        let mut by_surname: HashMap<&str, Vec<&str>, PrefixBuild> = HashMap::default();
        for &surface in &surfaces {
            if let Some(sp) = surface.find([' ', '\u{a0}']) {
                by_surname.entry(&surface[..sp]).or_default().push(surface);
            }
        }
        for group in by_surname.values_mut() {
            group.sort_by_key(|s| s.len());
        }
        // (A surname is a word of at most eight bytes.)
        let by_word: HashMap<u64, Vec<&str>, PrefixBuild> = by_surname
            .into_iter()
            .filter(|(surname, _)| surname.len() <= 8)
            .map(|(surname, group)| (pack(surname.bytes()), group))
            .collect();
        let mut hashes = Bitmap::<1024>::default();
        for &key in by_word.keys() {
            hashes.insert(word_hash(key));
        }
        NamesBySurname { by_word, hashes }
    }

    /// The spellings whose surname is the word at a start noted by
    /// [`note_word_start`].
    fn at(&self, b: &[u8], noted: u64) -> Option<&[&'t str]> {
        let (s, h) = ((noted >> 16) as usize, (noted & 0xffff) as usize);
        if !self.hashes.contains(h) {
            return None;
        }
        // The word ends at the space noted after it.
        let head = &b[s..b.len().min(s + 10)];
        let sp = head
            .iter()
            .zip(head.iter().skip(1).chain([&0]))
            .position(|(&x, &y)| x == b' ' || (x == 0xc2 && y == 0xa0))?;
        self.by_word
            .get(&pack(b[s..s + sp].iter().copied()))
            .map(Vec::as_slice)
    }
}

/// `start..name_start` is a word glued before the name (often empty),
/// `name_end..end` a word glued after it (often empty).
pub(super) fn fused_finding(
    text: &str,
    start: usize,
    name_start: usize,
    name_end: usize,
    end: usize,
    in_quote: InQuote<'_>,
) -> Finding {
    let before = &text[start..name_start];
    let name = &text[name_start..name_end];
    let after = &text[name_end..end];
    let span = Span::new(start, end);
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
    finding(span, quote_note(message, in_quote(span)), Some(replacement))
}

/// Start of an English word glued before a multi-word table form
/// (`ofKim Jong Un`, `ComradeKim Jong Un`, and `and` in
/// `Kim Il SungandKim Jong Il` when `prev_end` is the end of `Kim Il Sung`),
/// or a title glued before one in KCNA copy (`HEKim Jong Un`).
pub(super) fn glued_left_word(
    lex: &Lexicon,
    text: &str,
    start: usize,
    form: &str,
    prev_end: Option<usize>,
) -> Option<usize> {
    if !form.as_bytes().contains(&b' ') || !is_capitalized(form) {
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
    if lex.glued_titles.iter().any(|t| t == word) {
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
pub(super) fn fused_table_ok(lex: &Lexicon, form: &str, suffix: &str) -> bool {
    if suffix.len() < lex.min_glued_letters || lex.derivational.contains(suffix) {
        return false;
    }
    let multi_word = form.as_bytes().contains(&b' ');
    if !multi_word && suffix.len() < lex.short_glued_word {
        return false; // `Raision` (Raisi + on), `Gazaon`
    }
    if multi_word {
        // `Kim Jong Un` + `paid`: the glued word may itself be a word
        // (`Unpaid`), but no name continues that way.
        is_english_word(suffix)
    } else {
        let glued = format!("{}{}", fold_basic(form), suffix);
        lex.followers.contains(suffix) && !is_english_word(&glued)
    }
}

/// A name found in the draft (last word `last`) glued to `suffix`.
pub(super) fn fused_draft_ok(lex: &Lexicon, last: &str, suffix: &str) -> bool {
    if suffix.len() < lex.min_glued_letters || lex.derivational.contains(suffix) {
        return false;
    }
    let glued = format!("{}{}", fold_basic(last), suffix);
    is_english_word(suffix)
        && (suffix.len() >= lex.short_glued_word || lex.followers.contains(suffix))
        && !is_english_word(&glued)
}

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
        let word = pack(text.as_bytes()[t.start..t.end].iter().copied());
        starts.push((t.start as u64) << 16 | word_hash(word) as u64);
    }
}

/// Sixteen bits of a [`pack`]ed word.
#[inline(always)]
fn word_hash(word: u64) -> usize {
    hash_bits(word, 16)
}
