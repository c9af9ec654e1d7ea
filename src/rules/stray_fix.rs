//! The `stray-script` fix: which text deleting a stray token removes, and
//! whether `--fix` may do it on its own.
//!
//! The edit takes the token with whatever would be left empty or doubled
//! around it: wrapping marks (`**…**`, `"…"`, `(…)`, a link `[…](…)`), one
//! space, and a comma that would follow another (`plan, 커뮤니티, went` →
//! `plan, went`); a token glued between two words becomes one space.
//!
//! Deleting is safe only when the token is an insertion between two words of
//! one sentence: spaces on both sides, a word (or a comma ending one) before
//! and a word after, nothing wrapped, and no grammatical slot. The slot test
//! is the words around the token: when both are function words or verb
//! forms — listed in `slot-words`, or a past form in `-ed` — the token is
//! what the sentence needs (`the 커뮤니티 said`, `quoted 习近平 as`); after a
//! comma (`New Zealand, 커뮤니티 shared`) or beside a content word (`the
//! 커뮤니티 guidelines`) it is an insertion. Anything else is a suggestion
//! (`unsafe`).

use super::script::StrayTuning;
use crate::diagnostic::{Applicability, Edit, Fix, Span};

/// Wrapping pairs whose content would be left empty.
const PAIRS: [(char, char); 11] = [
    ('*', '*'),
    ('_', '_'),
    ('~', '~'),
    ('"', '"'),
    ('\'', '\''),
    ('“', '”'),
    ('‘', '’'),
    ('«', '»'),
    ('(', ')'),
    ('[', ']'),
    ('「', '」'),
];

/// The fix deleting `run` of `text` (the original text, markup included),
/// whose title is `title`; safe only for a short insertion (`short`).
pub fn deletion(text: &str, run: Span, title: String, short: bool, tuning: &StrayTuning) -> Fix {
    let (span, wrapped) = unwrap(text, run);
    let edit = delete(text, span);
    let how = if !short {
        Applicability::DisplayOnly
    } else if !wrapped && is_insertion(text, span, tuning) {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    Fix::with(how, title, vec![edit])
}

/// `run` widened over the marks wrapping it alone, and whether there were any.
fn unwrap(text: &str, run: Span) -> (Span, bool) {
    let (mut start, mut end) = (run.start, run.end);
    loop {
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let (Some(b), Some(a)) = (before, after) else {
            break;
        };
        if !PAIRS.contains(&(b, a)) {
            break;
        }
        start -= b.len_utf8();
        end += a.len_utf8();
        // A link's text: its destination goes with it.
        if b == '[' && text[end..].starts_with('(') {
            if let Some(close) = text[end..].find([')', '\n']) {
                if text[end + close..].starts_with(')') {
                    end += close + 1;
                }
            }
        }
    }
    (Span::new(start, end), (start, end) != (run.start, run.end))
}

fn is_space(c: Option<char>) -> bool {
    c == Some(' ')
}

/// The edit removing `span` and what its removal would leave doubled.
fn delete(text: &str, span: Span) -> Edit {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let edit = |start, end, replacement: &str| Edit {
        span: Span::new(start, end),
        replacement: replacement.to_string(),
    };
    let line_start = before.is_none_or(|c| c == '\n');
    match (before, after) {
        // At a line's start: the spaces after it go too.
        _ if line_start => {
            let spaces = text[span.end..].len() - text[span.end..].trim_start_matches(' ').len();
            edit(span.start, span.end + spaces, "")
        }
        (_, Some(' ')) if is_space(before) => edit(span.start, span.end + 1, ""),
        (_, None | Some('\n')) if is_space(before) => edit(span.start - 1, span.end, ""),
        // `plan, 커뮤니티, went`: the second comma goes, with its space.
        (_, Some(p @ (',' | ';'))) if is_space(before) && ends_clause(&text[..span.start - 1]) => {
            let mut end = span.end + p.len_utf8();
            if text[end..].starts_with(' ') {
                end += 1;
            }
            edit(span.start, end, "")
        }
        (_, Some(c)) if is_space(before) && !c.is_alphanumeric() => {
            edit(span.start - 1, span.end, "")
        }
        // Glued on both sides (`greengrocer,ءMahmoud`): a space keeps the words apart.
        (Some(b), Some(a)) if !b.is_whitespace() && a.is_alphanumeric() => {
            edit(span.start, span.end, " ")
        }
        _ => edit(span.start, span.end, ""),
    }
}

/// Whether `text` ends with a clause mark (`,`, `;`, `:`).
fn ends_clause(text: &str) -> bool {
    text.ends_with([',', ';', ':'])
}

/// Whether `span` is an insertion between two words of one sentence: not
/// before a capitalized word, of whose name it may be a part (`맛있는
/// Kitchen`), not beside another word with no Latin letter, an item of a
/// list of such words (`毋, 呣 or 唔`), and not glossed by a language after
/// it (`커뮤니티 in Korean`).
fn is_insertion(text: &str, span: Span, tuning: &StrayTuning) -> bool {
    let slot_words = &tuning.slot_words;
    let (head, tail) = (&text[..span.start], &text[span.end..]);
    let Some(head) = head.strip_suffix(' ') else {
        return false;
    };
    // The word after: right after one space, or after `, ` when a comma
    // before closes the insertion (`plan, 커뮤니티, went`).
    let after = match tail.strip_prefix(' ') {
        Some(rest) => rest,
        None if ends_clause(head) => match tail.strip_prefix(", ") {
            Some(rest) => rest,
            None => return false,
        },
        None => return false,
    };
    if !after.starts_with(char::is_alphanumeric) || after.starts_with(char::is_uppercase) {
        return false;
    }
    let latin = |w: &str| w.chars().any(|c| c.is_ascii_alphanumeric());
    let mut words = after.split_whitespace();
    let (w1, w2) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let language = w2
        .trim_end_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    if w1 == "in" && tuning.language_cues.contains(&language) {
        return false;
    }
    let prev = head.rsplit(char::is_whitespace).next().unwrap_or("");
    let next_word = if w1 == "or" || w1 == "and" { w2 } else { w1 };
    let prev_word = head
        .trim_end_matches(',')
        .rsplit(char::is_whitespace)
        .find(|w| !["or", "and"].contains(w))
        .unwrap_or("");
    if !latin(prev_word) || !latin(next_word) {
        return false;
    }
    if prev.ends_with(',') {
        return prev.len() > 1;
    }
    if !prev.ends_with(char::is_alphanumeric) {
        return false;
    }
    let next = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    !(slotty(prev, slot_words) && slotty(next, slot_words))
}

/// Whether `word` is a function word or verb form: a slot's edge.
fn slotty(word: &str, slot_words: &[String]) -> bool {
    let word = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (word.len() > 3 && word.ends_with("ed")) || slot_words.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability::{Safe, Unsafe};

    /// Drafts written for this test: the text `--fix --unsafe-fixes` leaves
    /// and whether `--fix` alone may delete.
    fn fixed(text: &str) -> (String, Applicability) {
        let start = text.find('커').expect("a token");
        let run = Span::new(start, start + "커뮤니티".len());
        let fix = deletion(text, run, "t".into(), true, &StrayTuning::shipped());
        let e = &fix.edits[0];
        let mut out = text.to_string();
        out.replace_range(e.span.range(), &e.replacement);
        (out, fix.applicability)
    }

    #[test]
    fn an_insertion_between_two_words_is_deleted_safely() {
        let ok = |t: &str, f: &str| assert_eq!(fixed(t), (f.to_string(), Safe), "{t}");
        ok(
            "New Zealand, 커뮤니티 shared it.",
            "New Zealand, shared it.",
        );
        ok("The plan, 커뮤니티, went ahead.", "The plan, went ahead.");
        ok(
            "The 커뮤니티 guidelines changed.",
            "The guidelines changed.",
        );
        ok("Analysts 커뮤니티 said so.", "Analysts said so.");
        ok("In 2020 커뮤니티 sales rose.", "In 2020 sales rose.");
    }

    #[test]
    fn a_slot_a_wrapper_or_glue_makes_the_deletion_a_suggestion() {
        let unsafe_ = |t: &str, f: &str| assert_eq!(fixed(t), (f.to_string(), Unsafe), "{t}");
        unsafe_(
            "“We will go,” the 커뮤니티 said.",
            "“We will go,” the said.",
        );
        unsafe_(
            "He quoted 커뮤니티 as saying no.",
            "He quoted as saying no.",
        );
        unsafe_("See [커뮤니티](http://x) now.", "See now.");
        unsafe_("A **커뮤니티** rule.", "A rule.");
        unsafe_("A rule *커뮤니티*, then.", "A rule, then.");
        unsafe_("Zelenskyy커뮤니티 team", "Zelenskyy team");
        unsafe_("The \"커뮤니티\" rule.", "The rule.");
        unsafe_(
            "At 3 p.m.커뮤니티 Then it rained.",
            "At 3 p.m. Then it rained.",
        );
        unsafe_("greengrocer,커뮤니티Mahmoud", "greengrocer, Mahmoud");
        unsafe_("It rained 커뮤니티.", "It rained.");
        // Part of a name, an item of a list, glossed by its language (from
        // a review of `--fix` on the shared corpus and probes).
        unsafe_(
            "The restaurant, 커뮤니티 Kitchen, closed.",
            "The restaurant, Kitchen, closed.",
        );
        unsafe_("Write 毋, 커뮤니티 or 唔 here.", "Write 毋, or 唔 here.");
        unsafe_(
            "The community, 커뮤니티 in Korean, grew.",
            "The community, in Korean, grew.",
        );
        unsafe_("커뮤니티 It rained.", "It rained.");
    }
}
