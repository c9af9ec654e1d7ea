//! Who speaks: the heuristics by which the attribution rules tell a named
//! or known speaker — the subject of a sentence (`He`, `Collins`, `The
//! minister`), someone named in a lead-in, the subject of a reporting
//! verb — from a vague or missing one, and the word lists they use.

use std::ops::Range;

use super::compiled::Compiled;
use super::prose::{is_capitalized, lower, words_of};

/// Common sentence-opening words that are not names.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "there", "here", "but", "and",
    "or", "so", "in", "on", "at", "for", "if", "when", "while", "after", "before", "as", "yet",
    "one", "some", "many", "most", "all", "his", "her", "their", "our", "my", "your", "what",
    "which", "who", "why", "how", "then", "now", "still", "also", "however", "no", "not",
];

/// Words that do not make a sentence-initial capitalized word a name.
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "instead",
    "still",
    "despite",
    "although",
    "though",
    "since",
    "because",
    "until",
    "unless",
    "during",
    "over",
    "under",
    "with",
    "without",
    "from",
    "by",
    "to",
    "about",
    "nor",
    "both",
    "each",
    "every",
    "such",
    "other",
    "another",
    "more",
    "less",
    "few",
    "several",
    "much",
    "only",
    "even",
    "just",
    "there's",
    "that's",
    "it's",
    "we're",
    "they're",
    "i'm",
    "we've",
    "i've",
    "they've",
    "let",
    "let's",
    "please",
];

/// Connectors skipped before a sentence's subject.
const CONNECTORS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "now",
    "also",
    "then",
    "earlier",
    "later",
    "instead",
    "indeed",
];

/// Titles before a name: `Mr Raynsford`, `President Yoon`.
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "president",
    "minister",
    "chancellor",
    "secretary",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "gen",
    "general",
    "prof",
    "professor",
    "judge",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "coach",
    "boss",
    "manager",
    "captain",
    "chairman",
    "chief",
    "spokesman",
    "spokeswoman",
];

/// How far around a sentence `used_as_name` looks: about a long article.
/// Bounding it keeps a huge file linear (one draft is one story).
const NAME_WINDOW: usize = 16 * 1024;

/// Whether the capitalized word `w` (a slice of `text`) is a proper name in
/// its story: it also occurs capitalized after a lower-case letter or a comma
/// (not only at sentence starts) within `NAME_WINDOW` bytes.
fn used_as_name(text: &str, w: &str) -> bool {
    let at = (w.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|&o| o <= text.len())
        .unwrap_or(0);
    let mut lo = at.saturating_sub(NAME_WINDOW);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + NAME_WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let text = &text[lo..hi];
    // memmem's SIMD search, not `match_indices`: this scans up to
    // 2 × NAME_WINDOW bytes per call. Both report non-overlapping matches.
    memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).any(|i| {
        let after_ok = !text[i + w.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        let mut before = text[..i].chars().rev();
        let b0 = before.next();
        let b1 = before.next();
        after_ok
            && b0.is_some_and(|c| c == ' ' || c == '\n')
            && b1.is_some_and(|c| c.is_lowercase() || c == ',')
    })
}

/// Whether the subject of sentence `s` is a speaker: a pronoun (`He`), a
/// proper name (`Collins was sixth`), a role (`The minister`), or a titled
/// name anywhere (`Mr Raynsford`). `text` is the whole document, used to
/// tell names from common nouns at the sentence start.
pub(super) fn speaker_subject(c: &Compiled, text: &str, s: &str) -> bool {
    let ws = words_of(c, s, 40);
    if ws.windows(2).any(|p| {
        is_capitalized(p[0])
            && is_capitalized(p[1])
            && PERSON_TITLES.contains(&lower(p[0]).as_ref())
    }) {
        return true;
    }
    let mut i = 0;
    while i < ws.len() && CONNECTORS.contains(&lower(ws[i]).as_ref()) {
        i += 1;
    }
    let Some(w0) = ws.get(i) else {
        return false;
    };
    let l0 = lower(w0);
    if ["he", "she", "they", "we", "i", "it"].contains(&l0.as_ref()) {
        return true;
    }
    if ["the", "a", "an", "its", "his", "her", "their", "our"].contains(&l0.as_ref()) {
        return ws[i + 1..]
            .iter()
            .take(4)
            .any(|w| c.speaker_words.contains(lower(w).as_ref()));
    }
    is_capitalized(w0)
        && !FUNCTION_WORDS.contains(&l0.as_ref())
        && !CALENDAR.contains(&l0.as_ref())
        && (ws.get(i + 1).is_some_and(|w| is_capitalized(w)) || used_as_name(text, w0))
}

/// Whether sentence text `s` (starting at a sentence start) names someone:
/// a capitalized word other than the first, a capitalized first word
/// followed by another, or a speaker noun or pronoun.
pub(super) fn names_someone(c: &Compiled, s: &str) -> bool {
    // Word by word, stopping at the first that names someone: most
    // sentences do early.
    let mut ws = c.word.find_iter(s).map(|m| m.as_str());
    let Some(first) = ws.next() else {
        return false;
    };
    let speaker = |w: &str| c.speaker_words.contains(lower(w).as_ref());
    let capitalized = is_capitalized(first);
    if speaker(first) || capitalized && !FUNCTION_WORDS.contains(&lower(first).as_ref()) {
        return true;
    }
    for (i, w) in ws.enumerate() {
        // Two capitalized words to start, or a capitalized one later.
        if is_capitalized(w) && ((i == 0 && capitalized) || lower(w) != "i") || speaker(w) {
            return true;
        }
    }
    false
}

/// Reporting verbs that hand a claim to their subject (`Barrow said …`):
/// fewer than the speech verbs, which also hold `call`, `agree`, `continue`;
/// and no form that is more often a noun after a capitalized word (`French
/// state television`, `Treasury notes`, `Medicare claims`).
const REPORTING_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "noted",
    "stated",
    "write",
    "writes",
    "wrote",
    "explain",
    "explains",
    "explained",
    "insist",
    "insists",
    "insisted",
    "warn",
    "warns",
    "warned",
    "argue",
    "argues",
    "argued",
    "claimed",
];

/// By first byte, bit `n` set when a word of [`REPORTING_VERBS`] of `n`
/// bytes starts with it: most words are rejected on it.
const REPORTING_FIRST: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < REPORTING_VERBS.len() {
        let w = REPORTING_VERBS[i].as_bytes();
        t[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    t
};

/// Whether `w` is one of [`REPORTING_VERBS`] (as written).
fn is_reporting_verb(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|&b| {
        REPORTING_FIRST[usize::from(b)]
            .checked_shr(w.len() as u32)
            .unwrap_or(0)
            & 1
            != 0
    }) && REPORTING_VERBS.contains(&w)
}

/// Whether `w`, the subject of a reporting verb, answers for what the
/// sentence reports: `he`, `she`, `it`, a role (`police`, `the ministry`;
/// not `sources`, which is `anonymous-source`'s business), or a capitalized
/// name that is not a vague group (`Analysts`), a possessive or a function
/// word. `first` tells that `w` opens the sentence, where any word is
/// capitalized.
fn is_reporting_speaker(c: &Compiled, text: &str, w: &str, first: bool) -> bool {
    let l = lower(w);
    if ["he", "she", "it", "i"].contains(&l.as_ref())
        || (c.speaker_words.contains(l.as_ref()) && !l.starts_with("source"))
    {
        return true;
    }
    is_capitalized(w)
        && !l.ends_with("'s")
        && !l.ends_with("\u{2019}s")
        && !FUNCTION_WORDS.contains(&l.as_ref())
        && !CALENDAR.contains(&l.as_ref())
        && c.vague_group.find_iter(&l).next().is_none()
        && c.vague_subject.find_iter(&l).next().is_none()
        && c.evidence_noun.find_iter(&l).next().is_none()
        && (!first || !l.ends_with('s') || used_as_name(text, w))
}

/// Whether a named or known speaker reports the claim at `hit` within its
/// own sentence `sent`, and so answers for it: a reporting verb before the
/// claim with its subject before it (`Barrow said he was surprised people
/// thought …`, `The Fed said studies show …`, `He added that news reports
/// suggest …`) and no `;` or `but` in between, or a closing attribution
/// after a comma or quotation mark (`… polls suggest …, Ms Alexander says.`,
/// `…, said Mr Armstrong.`).
pub(super) fn reported_by_speaker(
    c: &Compiled,
    text: &str,
    sent: Range<usize>,
    hit: Range<usize>,
) -> bool {
    let words: Vec<Range<usize>> = c
        .word
        .find_iter(&text[sent.clone()])
        .map(|m| sent.start + m.start()..sent.start + m.end())
        .collect();
    let speaker_at = |k: usize| {
        words
            .get(k)
            .is_some_and(|r| is_reporting_speaker(c, text, &text[r.clone()], k == 0))
    };
    let pause = |s: &str| s.contains([',', '"', '\u{201D}']);
    for (i, r) in words.iter().enumerate() {
        let verb = &text[r.clone()];
        if (r.start < hit.end && hit.start < r.end) || !is_reporting_verb(verb) {
            continue;
        }
        // Inverted (`…," said Smith`): the verb follows a pause.
        let gap_before = &text[i.checked_sub(1).map_or(sent.start, |k| words[k].end)..r.start];
        let inverted = (i == 0 || pause(gap_before)) && speaker_at(i + 1);
        if r.end <= hit.start {
            let between = &text[r.end..hit.start];
            let clause_break = between.contains(';')
                || c.word
                    .find_iter(between)
                    .any(|w| w.as_str().eq_ignore_ascii_case("but"));
            if !clause_break && ((i > 0 && speaker_at(i - 1)) || inverted) {
                return true;
            }
        } else {
            let closing = words.len() - i <= 4;
            let subject = (speaker_at(i - 1)
                && words[i - 1].start > hit.end
                && pause(&text[hit.end..words[i - 1].start]))
                || inverted;
            if closing && pause(&text[hit.end..r.start]) && subject {
                return true;
            }
        }
    }
    false
}
