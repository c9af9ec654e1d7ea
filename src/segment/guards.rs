//! Text a fix must not rewrite though no double or single quotation mark
//! shows it: quotations in guillemets and low-high marks (`« … »`, `„ … “`),
//! the quoted speech of French, German and many other styles; and web
//! tokens (a URL, an e-mail address, a handle, a hashtag, a path, a domain),
//! whose letters are an address, not words of the copy.

use std::ops::Range;

/// The spans of quotations in guillemets (`«…»`, `‹…›`, and the reversed
/// `»…«` of German and Danish styles) and low-high marks (`„…“`, `„…”`,
/// `‚…‘`), in order. A quotation runs from its opening mark to the first
/// closing mark of its pair in the same paragraph (before a blank line), or
/// to the paragraph's end when it has none.
pub fn other_quotations(text: &str) -> Vec<Range<usize>> {
    const PAIRS: [(char, &[char]); 6] = [
        ('«', &['»']),
        ('‹', &['›']),
        ('»', &['«']),
        ('„', &['“', '”']),
        ('‚', &['‘', '’']),
        ('›', &['‹']),
    ];
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    // Every mark starts with byte C2 (`«`, `»`) or E2 (the others): only
    // those bytes are looked at.
    while let Some(rel) = memchr::memchr2(0xC2, 0xE2, &bytes[i..]) {
        let start = i + rel;
        let open = text[start..].chars().next().unwrap_or(' ');
        if !matches!(open, '«' | '‹' | '»' | '„' | '‚' | '›') {
            i = start + open.len_utf8();
            continue;
        }
        let after = start + open.len_utf8();
        let closes = PAIRS
            .iter()
            .find(|(o, _)| *o == open)
            .map_or(&[][..], |(_, c)| *c);
        let para_end = text[after..].find("\n\n").map_or(text.len(), |k| after + k);
        let end = text[after..para_end]
            .find(closes)
            .map(|k| {
                let at = after + k;
                at + text[at..].chars().next().map_or(0, char::len_utf8)
            })
            .unwrap_or(para_end);
        // A lone closing guillemet of the usual style (`»` with no `«`
        // before it) opens nothing that runs to the paragraph's end.
        let reversed_open = matches!(open, '»' | '›');
        if !(reversed_open && end == para_end) {
            out.push(start..end);
        }
        i = if end > after { end } else { after };
    }
    out
}

/// Whether `span` lies in a web token: the run of non-space characters
/// around it, less the brackets, quotation marks and punctuation that
/// surround a token in prose, is a URL (`scheme://…`, `www.…`), an e-mail
/// address, a handle or hashtag (`@name`, `#tag`), a path (`/srv/a/b`) or a
/// bare domain (`example.com`). A Markdown link's text is not its address.
/// Reads only the token (at most a few hundred bytes each way).
pub fn in_web_token(text: &str, span: Range<usize>) -> bool {
    const REACH: usize = 512;
    let is_space = |c: char| c.is_whitespace();
    let floor = span.start.saturating_sub(REACH);
    let mut start = span.start;
    for (i, c) in text[..span.start].char_indices().rev() {
        if is_space(c) || i < floor {
            break;
        }
        start = i;
    }
    let ceil = (span.end + REACH).min(text.len());
    let mut end = span.end;
    for (i, c) in text[span.end..].char_indices() {
        let at = span.end + i;
        if is_space(c) || at >= ceil {
            break;
        }
        end = at + c.len_utf8();
    }
    // A Markdown link's text and its address are two tokens:
    // `[Kiev](https://…/Kiev)`.
    if let Some(k) = text[span.end..end].find("](") {
        end = span.end + k;
    }
    if let Some(k) = text[start..span.start].rfind("](") {
        start += k + 2;
    }
    let token = text[start..end]
        .trim_start_matches(['(', '[', '{', '<', '"', '\'', '“', '‘', '«', '„'])
        .trim_end_matches([
            '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', '\'', '”', '’', '»',
        ]);
    is_web_token(token)
}

/// Whether a token, without the punctuation around it, is an address.
fn is_web_token(t: &str) -> bool {
    let word = |c: char| c.is_alphanumeric();
    if t.contains("://") || t.to_ascii_lowercase().starts_with("www.") {
        return true;
    }
    if let Some(rest) = t.strip_prefix(['@', '#']) {
        return rest.chars().next().is_some_and(word);
    }
    if let Some((user, host)) = t.split_once('@') {
        return user.chars().last().is_some_and(word)
            && host.contains('.')
            && host.chars().next().is_some_and(word);
    }
    if t.starts_with('/') && t[1..].contains('/') {
        return true;
    }
    // A bare domain: labels joined by dots, the last a known top-level one.
    let labels: Vec<&str> = t.split('.').collect();
    const TLDS: &[&str] = &[
        "com", "org", "net", "gov", "edu", "io", "co", "uk", "ru", "ua", "kr", "cn", "jp", "de",
        "fr", "info", "news", "tv", "me", "us", "ca", "au", "in",
    ];
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| word(c) || c == '-'))
        && labels
            .last()
            .is_some_and(|l| TLDS.contains(&l.to_ascii_lowercase().as_str()))
        // `U.S.`-style abbreviations and `No.` have one-letter labels.
        && labels[..labels.len() - 1].iter().any(|l| l.chars().count() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token_at(text: &str, word: &str) -> bool {
        let at = text.find(word).unwrap();
        in_web_token(text, at..at + word.len())
    }

    #[test]
    fn addresses_are_web_tokens_and_words_are_not() {
        // Sentences written for this test.
        let t = "Read https://www.example.com/world/Kiev-blackout today, write to \
                 desk@Kiev.example.com, follow #Kiev and @Kiev (or www.Kiev.org), \
                 see /srv/Kiev/notes and раypal.com. Kiev is quiet; so is U.S. policy \
                 and/or Kiev/Kyiv.";
        for (i, w) in t.match_indices("Kiev") {
            let inside = in_web_token(t, i..i + w.len());
            let n = t[..i].matches("Kiev").count();
            assert_eq!(inside, n < 6, "occurrence {n}");
        }
        assert!(token_at(t, "раypal"));
        assert!(!token_at(t, "U.S."));
        assert!(!token_at(t, "quiet"));
        assert!(!token_at("He said: «Kiev will stand.»", "Kiev"));
        // A Markdown link: its text is a word, its address an address.
        let md = "Officials in [Kiev](https://example.com/Kiev) said so.";
        let (text, address) = (md.find("Kiev").unwrap(), md.rfind("Kiev").unwrap());
        assert!(!in_web_token(md, text..text + 4));
        assert!(in_web_token(md, address..address + 4));
    }

    #[test]
    fn guillemets_and_low_high_marks_are_quotations() {
        // Sentences written for this test.
        let t = "Il a dit : « Kiev sera reconstruite ». Er sagte: „Kiev wird stehen“. \
                 Sie schrieb »Kiev lebt« dazu.\n\nA lone » mark.";
        let q = other_quotations(t);
        let spans: Vec<&str> = q.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(
            spans,
            [
                "« Kiev sera reconstruite »",
                "„Kiev wird stehen“",
                "»Kiev lebt«"
            ]
        );
    }
}
