//! Whether a spelling of a name is a use of that name, worth comparing
//! with the draft's other spellings: not a person who shares
//! a place's name (`Emperor Xian`), not inside the title of a work quoted
//! as published, not a historical form in a dated context (`In 1912,
//! Nanking …`), not a word of another entity's proper name (`Kyiv
//! University`), and not talked about as a name (a gloss in parentheses
//! after another name, a list of spellings after a cue). Spellings tied to
//! each other on purpose (`Xiamen (Amoy)`, `Nanjing … spelled as Nanking`,
//! `Chinggis Khan, Chingis Khan`) are declared alternatives of the draft
//! ([`declares`]). [`difference`] names what two spellings differ in.

use super::tuning::Lexicon;

/// What a spelling of a name is, where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Usage {
    /// A use of the name: compared with the others.
    Use,
    /// Inside the title of a work quoted as published: it may be the
    /// draft's reference spelling, never a finding.
    Title,
    /// No use of the name: a person named like a place, a quoted title, a
    /// historical form in a dated context, a gloss or a listed spelling.
    Not,
}

/// What the spelling at `start..end` is. `place`: the name is a place's; `historical`: the spelling is a
/// historical form of its table entity (one in a dated context is written
/// on purpose).
pub(super) fn usage(
    lex: &Lexicon,
    text: &str,
    (start, end): (usize, usize),
    (place, historical): (bool, bool),
) -> Usage {
    let not = (place && (person_title_before(lex, text, start) || us_state_after(text, end)))
        || (historical && dated_before(text, start, end, lex.historical_before))
        || heads_another_name(lex, text, end)
        || paren_gloss(text, start, end)
        || listed_after_cue(text, start, end);
    if not {
        Usage::Not
    } else if in_quoted_title(text, start, end) {
        Usage::Title
    } else {
        Usage::Use
    }
}

/// The word (letters, `'`, `-`) before `start`, past one space, and where it starts.
fn word_before(text: &str, start: usize) -> Option<(usize, &str)> {
    let head = text[..start].strip_suffix(' ')?;
    let from = head
        .rfind(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '-')))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    Some((from, &head[from..])).filter(|(_, w)| !w.is_empty())
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the name is a word of another entity's proper name: a head
/// word of the lexicon's right after it (`Kyiv University`, `Macao Daily
/// News`), or after at most two more capitalized words of that name
/// (`Paektusan Czech-Korean Friendship Association`) in a line of running
/// text. Not in a headline's title case (`Peking Hosts Economic
/// Conference`), nor past a day or a month (`in Kiev Tuesday National
/// Security officials`).
fn heads_another_name(lex: &Lexicon, text: &str, end: usize) -> bool {
    const DATES: [&str; 19] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Sept",
    ];
    // (Not `May`, also a name and a verb.)
    let mut rest = &text[end..];
    for n in 0..3 {
        let Some(next) = rest.strip_prefix(' ') else {
            return false;
        };
        let len = next
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(next.len());
        let word = &next[..len];
        // (`Kiev University-run`: the part before a hyphen.)
        if lex.is_proper_name_head(word.split('-').next().unwrap_or(word)) {
            return n == 0 || running_text(text, end);
        }
        if !capitalized(word) || DATES.contains(&word) {
            return false;
        }
        rest = &next[len..];
    }
    false
}

/// Whether the line around `at` is running text, not a headline in title
/// case: within 400 bytes either side, it has a lower-case word of four
/// letters or more. (Bounded, so that a long line of title case costs the
/// same at each name.)
fn running_text(text: &str, at: usize) -> bool {
    const REACH: usize = 400;
    let mut from = at.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let start = text[from..at].rfind('\n').map_or(from, |n| from + n + 1);
    let end = text[at..to].find('\n').map_or(to, |n| at + n);
    text[start..end]
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 4 && w.chars().all(char::is_lowercase))
}

/// The word (letters) right after a name ending at `end`, past one space:
/// where a `proper-name-heads` word stands (`University` in `Kyiv
/// University`).
pub fn word_after(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].strip_prefix(' ')?;
    rest.split(|c: char| !c.is_alphabetic()).next()
}

/// Whether a US state follows the place's name after a comma (`Canton,
/// Ohio`, `Odessa, Texas`, `Sebastopol, Calif.`): an American town that
/// shares the spelling, not the entity of the table.
fn us_state_after(text: &str, end: usize) -> bool {
    // Not `Georgia` (a country: `Tiflis, Georgia`), nor `New York` and
    // `Washington` (cities in a list: `Peking, New York and London`).
    const STATES: [&str; 47] = [
        "Alabama",
        "Alaska",
        "Arizona",
        "Arkansas",
        "California",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Florida",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kansas",
        "Kentucky",
        "Louisiana",
        "Maine",
        "Maryland",
        "Massachusetts",
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
        "Montana",
        "Nebraska",
        "Nevada",
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "North Carolina",
        "North Dakota",
        "Ohio",
        "Oklahoma",
        "Oregon",
        "Pennsylvania",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "Tennessee",
        "Texas",
        "Utah",
        "Vermont",
        "Virginia",
        "West Virginia",
        "Wisconsin",
        "Wyoming",
    ];
    // AP's abbreviations and the postal codes, as datelines write them.
    const SHORT: [&str; 27] = [
        "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
        "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.",
        "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.",
    ];
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return false;
    };
    let word_end = |w: &str| {
        rest[w.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    STATES
        .iter()
        .chain(&SHORT)
        .chain(&[
            "Tex.", "Va.", "Vt.", "Wash.", "Wis.", "Wyo.", "N.Y.", "N.J.", "N.M.",
        ])
        .any(|w| rest.starts_with(w) && word_end(w))
        || (rest.len() >= 2
            && rest.as_bytes()[..2].iter().all(u8::is_ascii_uppercase)
            && rest[2..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
            && is_postal_code(&rest[..2]))
}

/// A US state's two-letter postal code.
fn is_postal_code(code: &str) -> bool {
    const CODES: &str = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS \
                         MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV \
                         WI WY DC";
    CODES.split_whitespace().any(|c| c == code)
}

/// Whether a personal title stands before the name (`Emperor Xian`): a
/// person named like the place.
fn person_title_before(lex: &Lexicon, text: &str, start: usize) -> bool {
    word_before(text, start).is_some_and(|(_, w)| lex.is_person_title(w))
}

/// Whether the name is inside a short quotation in title case on its line
/// (`“The Great Successor: The Divinely Perfect Destiny of Brilliant Comrade
/// Kim Jong Un”`): a work's title, quoted as published.
fn in_quoted_title(text: &str, start: usize, end: usize) -> bool {
    // A title's words are at most `MAX_TITLE` bytes: its marks are within
    // reach of the name, and the search never reads a whole long line.
    const MAX_TITLE: usize = 160;
    let mut lo = start.saturating_sub(MAX_TITLE + 8);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let line_start = text[lo..start].rfind('\n').map_or(lo, |i| lo + i + 1);
    let Some(open) = text[line_start..start]
        .rfind(['“', '"'])
        .map(|i| line_start + i)
    else {
        return false;
    };
    let open_len = text[open..].chars().next().map_or(1, char::len_utf8);
    let inner_from = open + open_len;
    // Closed after the name on the same line, and not before it.
    if text[inner_from..start].contains(['”', '"']) {
        return false;
    }
    let mut hi = (end + MAX_TITLE + 8).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let Some(close) = text[end..hi]
        .find(['”', '"', '\n'])
        .filter(|&i| !text[end + i..].starts_with('\n'))
    else {
        return false;
    };
    let inner = &text[inner_from..end + close];
    if inner.len() > MAX_TITLE || inner.trim_end().ends_with([',', '.', '!', '?']) {
        return false;
    }
    let words: Vec<&str> = inner
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let caps = words.iter().filter(|w| capitalized(w)).count();
    words.len() >= 3 && caps == words.len()
}

/// Whether the sentence around the name, or the one before it, holds a
/// year before `before` (`In 1912, … Nanking`): a historical form there is
/// on purpose.
fn dated_before(text: &str, start: usize, end: usize, before: u32) -> bool {
    let (mut from, to) = sentence_bounds(text, start, end);
    if from > 0 && text.as_bytes()[from - 1] != b'\n' {
        from = sentence_bounds(text, from.saturating_sub(2), from.saturating_sub(2)).0;
    }
    let b = text.as_bytes();
    let mut i = from;
    while i < to {
        if b[i].is_ascii_digit() {
            let j = (i..to).find(|&k| !b[k].is_ascii_digit()).unwrap_or(to);
            if j - i == 4 {
                let year: u32 = text[i..j].parse().unwrap_or(0);
                if (1000..before).contains(&year) {
                    return true;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    false
}

/// The sentence around `start..end`: from after the last `. `, `? `, `! `
/// or line break before it to the next one after it (at most 600 bytes
/// each way).
fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    // (Bounds on character boundaries: the slices of them are text.)
    let mut lo = start.saturating_sub(600);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut from = lo;
    let mut i = start;
    while i > lo {
        i -= 1;
        if b[i] == b'\n' || (matches!(b[i], b'.' | b'?' | b'!') && b.get(i + 1) == Some(&b' ')) {
            from = i + 1;
            break;
        }
    }
    let mut hi = (end + 600).min(b.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let to = (end..hi)
        .find(|&k| {
            b[k] == b'\n' || (matches!(b[k], b'.' | b'?' | b'!') && b.get(k + 1) == Some(&b' '))
        })
        .unwrap_or(hi);
    (from, to)
}

/// Whether the name fills a parenthesis right after a capitalized word: a
/// gloss of that name (`Chungking (Chongqing)`, `Petrograd (St. Petersburg)`;
/// not a word of a longer name, `Consultation (Beijing) Co.`).
fn paren_gloss(text: &str, start: usize, end: usize) -> bool {
    let Some(head) = text[..start]
        .strip_suffix('(')
        .and_then(|h| h.strip_suffix(' '))
    else {
        return false;
    };
    let after = &text[end..];
    after.starts_with(')')
        && !after[1..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        && word_before(text, head.len() + 1).is_some_and(|(_, w)| capitalized(w))
}

/// Whether the name is an item of a list of spellings (a `, ` or ` or `
/// beside it) in a sentence that announces spellings before it (`the title
/// is spelled in a variety of ways: …, Chinggis Khan, Chingis Khan, …`).
fn listed_after_cue(text: &str, start: usize, end: usize) -> bool {
    let listed = text[..start].ends_with(", ")
        || text[..start].ends_with(" or ")
        || text[end..].starts_with(", ")
        || text[end..].starts_with(" or ");
    if !listed {
        return false;
    }
    let (from, _) = sentence_bounds(text, start, end);
    let before = text[from..start].to_lowercase();
    LIST_CUES.iter().any(|c| before.contains(c))
}

/// Words that announce a list of spellings in a sentence.
const LIST_CUES: [&str; 9] = [
    "spelled",
    "spelt",
    "spellings",
    "romanized",
    "romanised",
    "transliterated",
    "known as",
    "written as",
    "variously",
];

/// Whether the text between two spellings of one name ties them on
/// purpose: a gloss (`Xiamen (Amoy)`) or a cue (`Xiamen dialect, sometimes
/// known as Amoy`) within the same sentence. (A comma alone does not: `from
/// Tehran, Teheran Radio said`.)
pub(super) fn declares(lex: &Lexicon, between: &str) -> bool {
    if between.len() > 60 {
        return false;
    }
    let lower = between.to_lowercase();
    // (`Kyiv (formerly Kiev)` retires a spelling: it licenses none.)
    if lower.contains("formerly") {
        return false;
    }
    let t = between.trim_matches([' ', '"', '“', '”', '\'']);
    if matches!(t, "(" | "(or" | "（") {
        return true;
    }
    !between.contains(['.', '\n', ';']) && lex.has_cue_in(&lower)
}

/// What two spellings of one name differ in, in a few words.
pub(super) fn difference(a: &str, b: &str) -> &'static str {
    if a.to_lowercase() == b.to_lowercase() {
        return "capitals";
    }
    let plain = |s: &str| -> String {
        use unicode_normalization::char::is_combining_mark;
        use unicode_normalization::UnicodeNormalization;
        s.nfd().filter(|&c| !is_combining_mark(c)).collect()
    };
    if plain(a) == plain(b) {
        return "diacritics";
    }
    let saint = |s: &str| s.replace("Saint ", "St ").replace("St. ", "St ");
    if saint(a) == saint(b) {
        return "`Saint`, `St.` or `St`";
    }
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '-' | ' ' | '\'' | '’' | '‘' | 'ʼ' | '.'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    if bare(a) == bare(b) {
        return "hyphens or spacing";
    }
    "romanization"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, name: &str, n: usize) -> (usize, usize) {
        let s = text.match_indices(name).nth(n).unwrap().0;
        (s, s + name.len())
    }

    #[test]
    fn titles_dates_glosses_and_lists() {
        let lex = Lexicon::shipped();
        // Written for this test.
        let t = "He wrote “The Great Successor: Brilliant Comrade Kim Jong Un” about Kim Jong Un.";
        let (s, e) = at(t, "Kim Jong Un", 0);
        assert!(in_quoted_title(t, s, e));
        let (s, e) = at(t, "Kim Jong Un", 1);
        assert!(!in_quoted_title(t, s, e));
        let t = "“We met Kim Jong Un today,” he said.";
        let (s, e) = at(t, "Kim Jong Un", 0);
        assert!(!in_quoted_title(t, s, e));
        let t = "In 1912, Nanking was chosen. It grew. Nanking is big.";
        assert!(dated_before(t, 9, 16, 1950));
        assert!(!dated_before(t, 38, 45, 1950));
        let t = "moved to Chungking (Chongqing) and";
        let (s, e) = at(t, "Chongqing", 0);
        assert!(paren_gloss(t, s, e));
        let t = "The name is spelled in many ways, such as Chinggis Khan, Chingis Khan.";
        let (s, e) = at(t, "Chingis Khan", 0);
        assert!(listed_after_cue(t, s, e));
        assert!(declares(lex, " ("));
        assert!(declares(lex, " dialect, sometimes known as "));
        assert!(!declares(lex, " went home. Later "));
        assert!(!declares(lex, ", "));
        assert!(!declares(lex, " (formerly "));
        let t = "the Consultation (Beijing) Co. Ltd.";
        let (s, e) = at(t, "Beijing", 0);
        assert!(!paren_gloss(t, s, e));
    }

    /// Written for this test, after KCNA's `Paektusan Czech-Korean
    /// Friendship Association` and `Paektusan Geology Park`.
    #[test]
    fn a_head_word_ends_a_run_of_another_name() {
        let lex = Lexicon::shipped();
        let heads = |t: &str, name: &str| {
            let (_, e) = at(t, name, 0);
            heads_another_name(lex, t, e)
        };
        assert!(heads("The Kyiv University library", "Kyiv"));
        assert!(heads(
            "The Paektusan Czech-Korean Friendship Association said",
            "Paektusan"
        ));
        assert!(heads("The Paektusan Geology Park has", "Paektusan"));
        // Not past a lower-case word, a comma or three more words.
        assert!(!heads("Paektusan volcano Association", "Paektusan"));
        assert!(!heads("Kiev, Minsk Foundation", "Kiev"));
        assert!(!heads("Kiev Mayor Vitali Klitschko Foundation", "Kiev"));
        assert!(!heads("Kiev Mayor Vitali Klitschko said", "Kiev"));
        // Not in a headline's title case, nor past a day (from a review).
        assert!(!heads("Peking Hosts Economic Conference", "Peking"));
        assert!(!heads(
            "Zelenskyy Returns to Kiev After Peace Conference\nThe talks in Kyiv ended.",
            "Kiev"
        ));
        assert!(!heads(
            "Xi told reporters in Peking Tuesday National Security officials had met.",
            "Peking"
        ));
        assert!(heads("Peking University", "Peking"));
        assert!(heads("The Kiev University-run clinic opened.", "Kiev"));
    }

    #[test]
    fn differences_are_named() {
        assert_eq!(difference("Kim Il-Sung", "Kim Il-sung"), "capitals");
        assert_eq!(difference("Kyōto", "Kyoto"), "diacritics");
        assert_eq!(
            difference("St. Petersburg", "Saint Petersburg"),
            "`Saint`, `St.` or `St`"
        );
        assert_eq!(
            difference("Kim Il Sung", "Kim Il-sung"),
            "hyphens or spacing"
        );
        assert_eq!(difference("Nanking", "Nanjing"), "romanization");
    }
}
