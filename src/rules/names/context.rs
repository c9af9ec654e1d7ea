//! What the text around a name says: whether it stands at a word boundary
//! or is glued to letters ([`left_boundary`], [`right_context`]), whether it
//! is part of a phrase that is no use of the name (`chicken Kiev`,
//! [`is_exception`]) or is mentioned as another spelling ([`alt_mention`]),
//! and the Hangul gloss after it ([`hangul_gloss`]). Whether a name lies
//! inside a direct quotation is the engine's question (the one quotation
//! model, passed to [`check`](super::check)); [`quote_note`] says so in a
//! message.

use super::tuning::Lexicon;
use crate::words::glues;

/// Whether a name may start at `start`: no word character (letters,
/// digits, combining marks, `_`: [`glues`]) before it.
pub(super) fn left_boundary(text: &str, start: usize) -> bool {
    !text[..start].chars().next_back().is_some_and(glues)
}

pub(super) enum Right {
    /// A word boundary after the match.
    Boundary,
    /// Lowercase ASCII letters `end..suffix_end` glued to the match, then a
    /// boundary.
    Fused(usize),
    /// Glued to something else (digits, capitals, other letters).
    Glued,
}

pub(super) fn right_context(text: &str, end: usize) -> Right {
    let rest = &text[end..];
    let lower = rest.bytes().take_while(u8::is_ascii_lowercase).count();
    let after = rest[lower..].chars().next();
    let boundary_after = !after.is_some_and(glues);
    if lower == 0 {
        if boundary_after {
            Right::Boundary
        } else {
            Right::Glued
        }
    } else if boundary_after || after.is_some_and(char::is_uppercase) {
        // `Kim Il SungandKim Jong Il`: the next name is glued on too.
        Right::Fused(end + lower)
    } else {
        Right::Glued
    }
}

/// Whether the table form at `start` is part of one of its exception
/// phrases (`chicken Kiev`): `phrases` are the form's, each with the
/// form's offset in it ([`Lexicon::exceptions_of`]).
pub(super) fn is_exception(text: &str, start: usize, phrases: &[(String, usize)]) -> bool {
    phrases.iter().any(|(phrase, off)| {
        start >= *off
            && text.is_char_boundary(start - off)
            && text[start - off..].starts_with(phrase.as_str())
    })
}

/// The name at `start..end` is mentioned as an alternative spelling, not
/// used: after a cue such as `formerly` or `also spelled` (the lexicon's
/// mention cues, within its mention window), or inside a parenthetical
/// gloss that has a label (`pinyin: …`) or native script.
pub(super) fn alt_mention(lex: &Lexicon, text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(lex.mention_window);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start].trim_end_matches([' ', '"', '“', '\'', '‘']);
    if lex.ends_with_cue(before) {
        return true;
    }
    // Innermost parenthesis around the name, within its paragraph: the
    // nearest `(` before it, with no `)` or line break in between, within
    // `PAREN` bytes each way (a long line is not read end to end for each
    // name on it).
    const PAREN: usize = 400;
    let lo = start.saturating_sub(PAREN);
    let open = match memchr::memrchr3(b'(', b')', b'\n', &text.as_bytes()[lo..start]) {
        Some(i) if text.as_bytes()[lo + i] == b'(' => lo + i,
        _ => return false,
    };
    let mut hi = (end + PAREN).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let close = text[end..hi].find([')', '\n']).map_or(hi, |i| end + i);
    let inner = &text[open + 1..close];
    inner.contains(':')
        || inner.contains(';')
        || inner.chars().any(|c| c.is_alphabetic() && !is_latin(c))
}

/// Whether the name at `start..end` is used in ordinary prose, where a fix
/// may write the house form: not talked about as a name — beside another
/// spelling in parentheses (`Canton (Guangzhou)`) or after a mention cue in
/// the window before it (`was spelled as Nanking`) — and not a word of
/// another proper name (`Xiamen University`, `Bank of Canton`).
pub(super) fn ordinary_prose(lex: &Lexicon, text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '"', '“', '\'', '‘']);
    let after = text[end..].trim_start_matches(' ');
    let paren = after.strip_prefix('(').or_else(|| after.strip_prefix('（'));
    // (A parenthesis after it that glosses it: another spelling, `Canton
    // (Guangzhou)`, or a cue, `Inchon (now known as Incheon)`.)
    const GLOSS_OPENERS: [&str; 6] = ["now", "then", "today", "later", "modern", "present-day"];
    let gloss = paren.is_some_and(|p| {
        let inner = &p[..p.find([')', '）', '\n']).unwrap_or(p.len())];
        let first = inner.split(' ').next().unwrap_or("");
        p.starts_with(char::is_uppercase)
            || inner.len() <= 80
                && (GLOSS_OPENERS.contains(&first) || lex.has_cue_in(&inner.to_lowercase()))
    });
    if before.ends_with(['(', '（']) || gloss {
        return false;
    }
    let mut from = start.saturating_sub(lex.mention_window);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if lex.has_cue_in(&text[from..start].to_lowercase()) {
        return false;
    }
    // A word of a longer proper name: a capitalized word right after it
    // (past a space, a no-break space, one line break or inline markup:
    // `Soochow⏎University`, `**Pusan** Perimeter`, `[Canton](…) Telephone`),
    // a hyphen joining it to another word (`Chiang Ching-Kuo`,
    // `Kowloon-Canton`), a capitalized word right before it that does not
    // open the sentence and is no title (`So Jong Jin`, `Dynamo Kiev`), or
    // `Capitalized of` before it.
    let rest = past_markup(&text[end..]);
    let next_capitalized = rest.starts_with(char::is_uppercase);
    // (A hyphen before a lower-case word makes a compound of the name,
    // `Jeddah-based`, `Kiev-born`: still the name.)
    let hyphened = text[end..]
        .strip_prefix('-')
        .is_some_and(|r| r.starts_with(char::is_uppercase))
        || text[..start].strip_suffix(['-', '/']).is_some_and(|h| {
            h.rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        });
    let of_name = before.strip_suffix(" of").is_some_and(|head| {
        head.rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    });
    !(next_capitalized || hyphened || of_name || capitalized_before(lex, text, start))
}

/// `rest` past the markup and the space between a name and the next word:
/// spaces, no-break spaces, one line break, emphasis marks, a link's
/// closing bracket and its target (`](https://…)`), a closing tag.
fn past_markup(mut rest: &str) -> &str {
    let mut breaks = 0;
    loop {
        let before = rest.len();
        rest = rest.trim_start_matches(|c: char| {
            matches!(c, '*' | '_' | '~') || c.is_whitespace() && c != '\n'
        });
        if let Some(r) = rest.strip_prefix('\n') {
            breaks += 1;
            if breaks > 1 {
                return "\n";
            }
            rest = r;
        }
        if let Some(r) = rest.strip_prefix(']') {
            rest = r;
            for (open, close) in [('(', ')'), ('[', ']')] {
                if let Some(inner) = rest.strip_prefix(open) {
                    rest = inner.find(close).map_or("", |i| &inner[i + 1..]);
                }
            }
        }
        if rest.starts_with("</") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
        }
        if rest.len() == before {
            return rest;
        }
    }
}

/// Whether the word right before `start` (past spaces, no-break spaces and
/// emphasis marks) is capitalized, is not the first word of its sentence,
/// and is neither a personal title (`President`), a possessive
/// (`Ukraine's`), an abbreviation (`DPRK`, `P.M.`) nor a sentence's last
/// word (`Sabha. Gaddafi moved`): the name may be the end of a longer one.
fn capitalized_before(lex: &Lexicon, text: &str, start: usize) -> bool {
    let head =
        text[..start].trim_end_matches(|c: char| matches!(c, '*' | '_') || c.is_whitespace());
    if head.len() == text[..start].len() {
        return false;
    }
    let word_start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &head[word_start..];
    let abbreviation = word.ends_with('.') || word.chars().all(|c| !c.is_lowercase());
    if !word.starts_with(char::is_uppercase) || abbreviation || lex.is_person_title(word) {
        return false;
    }
    // (Past marks that open or close a sentence's words: `"It is over."
    // Then Zelensky left.`, `(It ended.) Then …`.)
    let opens = head[..word_start]
        .trim_end_matches(|c: char| {
            c.is_whitespace() && c != '\n'
                || matches!(
                    c,
                    '*' | '_'
                        | '"'
                        | '\''
                        | '('
                        | '['
                        | ')'
                        | ']'
                        | '\u{201c}'
                        | '\u{201d}'
                        | '\u{2018}'
                        | '\u{2019}'
                )
        })
        .chars()
        .next_back()
        .is_none_or(|c| {
            matches!(
                c,
                '.' | '!'
                    | '?'
                    | ':'
                    | ';'
                    | '\n'
                    | '#'
                    | '>'
                    | '-'
                    | '\u{2014}'
                    | '\u{2013}'
                    | '\u{2026}'
            )
        });
    !opens
}

fn is_latin(c: char) -> bool {
    c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// A Hangul gloss right after a name: ` (윤석열)`, ` (Korean: 윤석열)` (a
/// label of the lexicon's, the first that matches).
pub(super) fn hangul_gloss<'t>(lex: &Lexicon, text: &'t str, end: usize) -> Option<&'t str> {
    let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
    let rest = rest.strip_prefix('(').or_else(|| rest.strip_prefix('（'))?;
    let rest = rest.trim_start();
    let rest = lex
        .gloss_labels
        .iter()
        .find_map(|p| rest.strip_prefix(p.as_str()))
        .map_or(rest, str::trim_start);
    let len: usize = rest
        .chars()
        .take_while(|&c| ('\u{ac00}'..='\u{d7a3}').contains(&c) || c == ' ')
        .map(char::len_utf8)
        .sum();
    let gloss = rest[..len].trim();
    let after = rest[len..].chars().next();
    if gloss.is_empty() || !matches!(after, Some(')' | '）' | ',' | ';')) {
        return None;
    }
    Some(gloss)
}

pub(super) fn quote_note(message: String, in_quote: bool) -> String {
    if in_quote {
        format!("{message} (inside a quotation: the fix is shown, not applied)")
    } else {
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exceptions_and_mentions() {
        let lex = Lexicon::shipped();
        let t = "Kyiv served chicken Kiev; Kiev, formerly Kiev.";
        let at = |n: usize| t.match_indices("Kiev").nth(n).unwrap().0;
        assert!(is_exception(t, at(0), lex.exceptions_of("Kiev")));
        assert!(!is_exception(t, at(1), lex.exceptions_of("Kiev")));
        assert!(!is_exception(t, at(0), lex.exceptions_of("Kyiv")));
        assert!(!alt_mention(lex, t, at(1), at(1) + 4));
        assert!(alt_mention(lex, t, at(2), at(2) + 4));
        let t = "Yoon Suk Yeol (Korean: 윤석열) and Yoon (윤석열)";
        assert_eq!(hangul_gloss(lex, t, 13), Some("윤석열"));
        assert_eq!(hangul_gloss(lex, t, t.rfind(" (").unwrap()), Some("윤석열"));
        assert_eq!(hangul_gloss(lex, t, 4), None);
    }
}
