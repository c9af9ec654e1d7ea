//! Whether a bracketed foreign token is a gloss of what comes before it
//! (`stray-script`): a gloss follows a name or a term it can render — a
//! capitalised word or proper-noun phrase (`Samsung Electronics (삼성전자)`,
//! `Wenchuan earthquake (汶川大地震)`), an acronym (`BTS (방탄소년단)`), a
//! title in quotation marks or 《》, a romanized term (`kimchi (김치)`,
//! `guanxi (关系)`: no English word). After a common lower-case noun
//! phrase (`The ministry (커뮤니티) said`) a bare token of a script of
//! `bare-gloss-scripts` (Hangul, shipped) is stray.

use crate::diagnostic::Span;
use crate::rules::names::is_english_word;

/// Whether the token `run`, the first thing inside a `(`, `（` or `[`
/// bracket, has something before the bracket it can gloss. A token that is
/// not the bracket's first word, or inside another bracket (`《기생충》`,
/// `「…」`), is left to the bracket test alone: `true`.
pub(super) fn has_subject(text: &str, run: Span, judged: impl Fn(char) -> bool) -> bool {
    // Only a bare word of a judged script (`bare-gloss-scripts`) is
    // judged (`(커뮤니티)`, the debris a Korean desk's paste leaves).
    // Reviewed on the shared Wikipedia articles, unlabelled glosses in
    // other scripts after a common noun are translations (`the leader
    // (ἡγεμών, "hegemon")`, `feudal princes (藩王)`), and a gloss that goes
    // on (`(鈔, Chao)`) is deliberate.
    let token = &text[run.range()];
    let alone = text[run.end..]
        .trim_start_matches([' ', '\u{a0}', '"', '”', '\'', '’'])
        .starts_with([')', '）', ']']);
    // (A phrase is a deliberate rendering: `the figures (수출입 동향)`.)
    if !alone || !token.chars().all(|c| c.is_alphabetic() && judged(c)) {
        return true;
    }
    let head = text[..run.start].trim_end_matches([' ', '\u{a0}', '"', '“', '\'', '‘']);
    let Some(open) = head.strip_suffix(['(', '（', '[']) else {
        return true;
    };
    let before = open.trim_end_matches([' ', '\u{a0}']);
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    // A title in quotation marks, markup, a number, another script: a term.
    if !last.is_alphabetic() || !last.is_ascii() {
        return true;
    }
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let mut words = line
        .rsplit([' ', '\u{a0}'])
        .filter(|w| !w.is_empty())
        .take(3)
        .peekable();
    let Some(word) = words.next() else {
        return true;
    };
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // A name or an acronym (`Jong-un`, `al-Qaeda` hold a capital).
    if word.chars().any(char::is_uppercase) {
        return true;
    }
    // A romanized term: no English word.
    let core = word.trim_end_matches(|c: char| !c.is_alphabetic());
    if !core.is_empty() && !is_english_word(&core.to_lowercase()) {
        return true;
    }
    // A proper-noun phrase ending in a lower-case word (`Wenchuan
    // earthquake`): a capitalised word among the two before it that does
    // not open the sentence (`The ministry` is no name).
    let rest: Vec<&str> = words.collect();
    rest.iter().enumerate().any(|(i, w)| {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let opens = match rest.get(i + 1) {
            Some(prev) => prev.ends_with(['.', '!', '?', ':']),
            None => {
                let used: usize =
                    rest[..=i].iter().map(|w| w.len() + 1).sum::<usize>() + word.len();
                line.len() <= used + 1
            }
        };
        capital && !opens
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(text: &str, token: &str) -> bool {
        let start = text.find(token).expect("the token");
        has_subject(text, Span::new(start, start + token.len()), |c| {
            crate::hangul::is_syllable(c)
        })
    }

    /// Sentences written for this test.
    #[test]
    fn names_terms_and_titles_can_be_glossed() {
        for (text, token) in [
            ("BTS (방탄소년단) performed.", "방탄소년단"),
            ("Samsung Electronics (삼성전자) said.", "삼성전자"),
            ("the Wenchuan earthquake (汶川大地震) struck", "汶川大地震"),
            ("They ate kimchi [김치] daily.", "김치"),
            ("\"Parasite\" (기생충) won.", "기생충"),
            ("《기생충》 (Parasite) won.", "기생충"),
            ("Kim Jong-un's (김정은) sister", "김정은"),
            ("the ministry (officially 외교부) said", "외교부"),
            ("the ministry (커뮤니티, keomyuniti) said", "커뮤니티"),
            // Corpus wiki/00330 (Qing dynasty): a translation gloss in Han.
            ("ennobled as feudal princes (藩王), and given", "藩王"),
            // tests/fixtures/unicode/stray-korean.txt: a phrase.
            ("said the figures (수출입 동향) would", "수출입 동향"),
        ] {
            assert!(subject(text, token), "{text}");
        }
    }

    #[test]
    fn a_common_noun_is_no_subject() {
        for (text, token) in [
            ("The ministry (커뮤니티) said.", "커뮤니티"),
            ("He thanked the community (커뮤니티) for it.", "커뮤니티"),
            ("Officials. The ministry (커뮤니티) said.", "커뮤니티"),
        ] {
            assert!(!subject(text, token), "{text}");
        }
    }
}
