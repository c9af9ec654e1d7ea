//! Mac Roman read as Latin-1: a classic Mac text's curly quotes, dashes and
//! ellipsis turn into accented capitals (`didnÕt`, `ÒquoteÓ`, `dealÑand`,
//! `waitÉ`). The same letters are real in names and capitals (`Ó Briain`,
//! `NÚÑEZ`, `ÉCOLE`, `LIMÕES`), so each is taken for punctuation only in
//! the shape English punctuation has between ASCII letters: an apostrophe
//! before a contraction's ending, quotation marks that open before a word
//! and close after one on the same line, a dash between lower-case words or
//! digits or alone between spaces, an ellipsis after a lower-case word.

use super::{finding, Run, Step};
use crate::diagnostic::Span;

/// What a Mac Roman byte printed as Latin-1 stood for.
fn meant(c: char) -> Option<char> {
    Some(match c {
        'Õ' => '’',
        'Ô' => '‘',
        'Ò' => '“',
        'Ó' => '”',
        'Ñ' => '—',
        'Ð' => '–',
        'É' => '…',
        _ => return None,
    })
}

/// The endings after an apostrophe: `didn’t`, `it’s`, `I’m`, `she’d`,
/// `we’ll`, `they’re`, `I’ve`.
const ENDINGS: [&str; 7] = ["t", "s", "m", "d", "ll", "re", "ve"];

/// How far, on one line, an opening mark looks for its closing one.
const PAIR_WINDOW: usize = 600;

/// One character of a run that is Mac Roman punctuation read as Latin-1.
pub(super) fn read_as_latin1(run: &Run, k: usize) -> Step {
    let (start, c) = run.chars[k];
    let fixed = meant(c)?;
    let text = run.text;
    let end = start + c.len_utf8();
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    let is = match c {
        'Õ' => apostrophe(text, prev, end) || closes(text, start, prev, next, 'Ô'),
        'Ô' => opens(text, end, prev, next, 'Õ'),
        'Ò' => opens(text, end, prev, next, 'Ó'),
        'Ó' => closes(text, start, prev, next, 'Ò'),
        'Ñ' | 'Ð' => dash(text, start, end, prev, next),
        _ => {
            prev.is_some_and(|p| p.is_ascii_lowercase()) && !next.is_some_and(char::is_alphanumeric)
        }
    };
    if !is {
        return None;
    }
    let message = format!(
        "`{c}` looks like Mac Roman read as Latin-1 (`{}`); it should probably read `{fixed}`",
        context(text, start, end)
    );
    let span = Span::new(start, end);
    Some((Some(finding(span, message, Some(fixed.to_string()))), k + 1))
}

/// The word around a character, for the message.
fn context(text: &str, start: usize, end: usize) -> &str {
    let word = |c: char| c.is_alphanumeric() || c == '\'';
    let from = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word(c))
        .last()
        .map_or(start, |(i, _)| i);
    let to = end
        + text[end..]
            .char_indices()
            .take_while(|&(_, c)| word(c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
    &text[from..to]
}

/// `didnÕt`, `NATOÕs`: after an ASCII letter, before a contraction's ending.
fn apostrophe(text: &str, prev: Option<char>, end: usize) -> bool {
    if !prev.is_some_and(|p| p.is_ascii_alphabetic()) {
        return false;
    }
    let rest = &text[end..];
    let len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let ending = &rest[..len];
    ENDINGS.contains(&ending) && !rest[len..].starts_with(|c: char| c.is_alphanumeric())
}

/// An opening mark: at a word's start, before an ASCII letter or digit,
/// with its closing mark later on the line.
fn opens(text: &str, end: usize, prev: Option<char>, next: Option<char>, close: char) -> bool {
    let at_start = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | 'Ò'));
    let before_word = next.is_some_and(|n| n.is_ascii_alphanumeric() || n == 'Ô');
    if !(at_start && before_word) {
        return false;
    }
    let line = line_after(text, end);
    line.char_indices().any(|(i, c)| {
        c == close && {
            let at = end + i;
            let p = text[..at].chars().next_back();
            let n = text[at + c.len_utf8()..].chars().next();
            closing_shape(p, n)
        }
    })
}

/// A closing mark: after a lower-case ASCII letter or a sentence mark, not
/// before a letter, with its opening mark earlier on the line.
fn closes(text: &str, start: usize, prev: Option<char>, next: Option<char>, open: char) -> bool {
    if !closing_shape(prev, next) {
        return false;
    }
    let from = floor_boundary(text, start.saturating_sub(PAIR_WINDOW));
    let line = &text[from..start];
    let line = line.rfind('\n').map_or(line, |i| &line[i + 1..]);
    line.char_indices().any(|(i, c)| {
        c == open && {
            let at = start - line.len() + i;
            let n = text[at + c.len_utf8()..].chars().next();
            n.is_some_and(|n| n.is_ascii_alphanumeric() || n == 'Ô')
        }
    })
}

fn closing_shape(prev: Option<char>, next: Option<char>) -> bool {
    let after = prev.is_some_and(|p| {
        p.is_ascii_lowercase() || p.is_ascii_digit() || matches!(p, '.' | ',' | '!' | '?')
    });
    after && !next.is_some_and(char::is_alphanumeric)
}

/// `dealÑand`, `1990Ð1995`, `a deal Ñ and`.
fn dash(text: &str, start: usize, end: usize, prev: Option<char>, next: Option<char>) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    if p.is_ascii_lowercase() && n.is_ascii_lowercase() || p.is_ascii_digit() && n.is_ascii_digit()
    {
        return true;
    }
    let before = text[..start].trim_end_matches(' ').chars().next_back();
    let after = text[end..].trim_start_matches(' ').chars().next();
    p == ' '
        && n == ' '
        && before.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, ',' | '.' | ';'))
        && after.is_some_and(|a| a.is_ascii_alphanumeric())
}

fn line_after(text: &str, end: usize) -> &str {
    let to = floor_boundary(text, (end + PAIR_WINDOW).min(text.len()));
    let line = &text[end..to.max(end)];
    line.find('\n').map_or(line, |i| &line[..i])
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use crate::rules::context::NonAscii;

    fn fixes(text: &str) -> Vec<(String, String)> {
        super::super::check(text, &NonAscii::new(text))
            .into_iter()
            .map(|f| {
                let fix = f.fix.expect("a fix").edits[0].replacement.clone();
                (text[f.span.range()].to_string(), fix)
            })
            .collect()
    }

    /// Issue 20, drafts written for it: Mac Roman punctuation read as Latin-1.
    #[test]
    fn mac_roman_punctuation_is_repaired() {
        let one = |t: &str, c: &str, f: &str| {
            assert_eq!(fixes(t), [(c.to_string(), f.to_string())], "{t}");
        };
        one("she didnÕt expect a deal", "Õ", "’");
        one("NATOÕs members met.", "Õ", "’");
        one("It was a dealÑand a good one.", "Ñ", "—");
        one("It was a deal Ñ and a good one.", "Ñ", "—");
        one("The war of 1990Ð1995 ended.", "Ð", "–");
        one("She paused, waitingÉ", "É", "…");
        assert_eq!(
            fixes("He said ÒWe will go,Ó and left."),
            [
                ("Ò".to_string(), "“".to_string()),
                ("Ó".to_string(), "”".to_string())
            ]
        );
        assert_eq!(
            fixes("It is ÔcheapÕ, he said."),
            [
                ("Ô".to_string(), "‘".to_string()),
                ("Õ".to_string(), "’".to_string())
            ]
        );
    }

    /// The same letters in names and capitals (written for this test).
    #[test]
    fn names_and_capitals_pass() {
        for ok in [
            "Conan Ó Briain and Dara Ó Briain spoke.",
            "NÚÑEZ and ESPAÑA, Ñandú, AÑO NUEVO",
            "ÉCOLE NORMALE, CAFÉ, Émile Zola",
            "LIMÕES and PORÇÕES, Õ alone",
            "ÐÓRR and the letter Ð",
            "Ó and Ò as letters: Òscar, Ó Briain",
            "Óscar Arias met Íñigo Errejón.",
            "Ôte-toi de là.",
        ] {
            assert!(fixes(ok).is_empty(), "{ok}: {:?}", fixes(ok));
        }
    }
}
