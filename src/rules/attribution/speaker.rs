//! Who speaks: the heuristics by which the attribution rules tell a named
//! or known speaker — the subject of a sentence (`He`, `Collins`, `The
//! minister`), someone named in a lead-in, the subject of a reporting
//! verb — from a vague or missing one. Their word lists are options
//! ([`Options`](super::Options)), compiled into [`Compiled`].

use std::ops::Range;

use super::compiled::Compiled;
use super::prose::{is_possessive, words_of};
use crate::words::{is_capitalized, lower, Word};

/// The text within `name_window` bytes of `w` (a slice of `text`), with
/// where that window and `w` start in `text`: how far a story's other
/// mentions of a name are looked for, so that the look stays linear in a
/// long document.
fn around<'t>(c: &Compiled, text: &'t str, w: &str) -> (&'t str, usize, usize) {
    let at = (w.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|&o| o <= text.len())
        .unwrap_or(0);
    let mut lo = at.saturating_sub(c.name_window);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = at.saturating_add(c.name_window).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    (&text[lo..hi], lo, at)
}

/// Whether the capitalized word `w` (a slice of `text`) is a proper name in
/// its story: it also occurs elsewhere capitalized after a lower-case letter
/// or a comma (not only at sentence starts) within `name_window` bytes
/// ([`Options::name_window`](super::Options::name_window)).
fn used_as_name(c: &Compiled, text: &str, w: &str) -> bool {
    let (text, lo, at) = around(c, text, w);
    // memmem's SIMD search, not `match_indices`: this scans up to
    // 2 × `name_window` bytes per call. Both report non-overlapping matches.
    // (Not at `w` itself: after a fronted phrase's comma it would vouch
    // for itself.)
    memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).any(|i| {
        if lo + i == at {
            return false;
        }
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
/// proper name (`Collins was sixth`), a name after a description (`Double
/// try scorer Martyn Williams was keen`), a role (`The minister`), or a
/// titled name anywhere (`Mr Raynsford`); after a fronted phrase, the
/// subject after its comma (`After three wins, McIlroy is brimming`).
/// `text` is the whole document, used to tell names from common nouns at
/// the sentence start.
pub(super) fn speaker_subject(c: &Compiled, text: &str, s: &str) -> bool {
    if two_people(c, text, s) {
        return false;
    }
    let ws = words_of(s, 40);
    if ws.windows(2).any(|p| {
        is_capitalized(p[0])
            && is_capitalized(p[1])
            && c.person_titles.contains(lower(p[0]).as_ref())
    }) {
        return true;
    }
    if subject_names_speaker(c, text, &ws) {
        return true;
    }
    fronted_subject(c, s).is_some_and(|rest| subject_names_speaker(c, text, &words_of(rest, 40)))
}

/// After a fronted phrase (`After three wins,`, `On Friday,`, `By the time
/// he climbed out of the ditch,`), the rest of sentence `s` from its
/// subject: past the phrase's comma, in the sentence's first dozen words.
pub(super) fn fronted_subject<'s>(c: &Compiled, s: &'s str) -> Option<&'s str> {
    past_fronted(s, |w| is_fronting(c, lower(w).as_ref()))
}

/// The rest of sentence `s` past the comma of a phrase fronted before its
/// subject: its first word capitalized and one `fronts` accepts, the comma
/// in its first dozen words.
fn past_fronted(s: &str, fronts: impl Fn(&str) -> bool) -> Option<&str> {
    let fronted = words_of(s, 1)
        .first()
        .is_some_and(|w| is_capitalized(w) && fronts(w));
    let comma = s
        .find(',')
        .filter(|&comma| fronted && words_of(&s[..comma], 13).len() <= 12)?;
    Some(&s[comma + 1..])
}

/// Whether the subject of sentence `s` is two people joined by `and`, after
/// a fronted phrase or not (see [`joint_subject`]): either of them could
/// have said a quotation after it. `text` is the whole document.
pub(super) fn two_people(c: &Compiled, text: &str, s: &str) -> bool {
    let s = past_stamp(s);
    joint_subject(c, text, s)
        || fronted_subject(c, s)
            .or_else(|| fronted_participle(s))
            .is_some_and(|rest| joint_subject(c, text, rest))
}

/// After a fronted participle's phrase (`Asked about the dispute,`,
/// `Pressed on the timeline,`), the rest of sentence `s`: its first word a
/// capitalized word in `-ed`, and a comma in the first dozen words.
fn fronted_participle(s: &str) -> Option<&str> {
    past_fronted(s, |w| w.len() >= 5 && w.ends_with("ed"))
}

/// Whether capitalized word `w` is a person's surname in `text`: somewhere
/// it follows a given name of the pack's lists, or a name after a title
/// (`Majority Leader Dale Kerrigan`, `Rep. Martin Osei`). (Not after a
/// title alone, `Mayor Pullman`: the story may tell the sex only by a
/// pronoun, `said his budget`; nor a tag's speaker, `Stroud said`: a firm
/// says as much.)
fn surname_in(c: &Compiled, text: &str, w: &str) -> bool {
    let title = |t: &str| is_capitalized(t) && is_role(c, t);
    words_before_name(c, text, w).any(|before| match before.as_slice() {
        [.., t, g] => given_sex(c, g, false).is_some() || title(t) && is_capitalized(g),
        [g] => given_sex(c, g, false).is_some(),
        _ => false,
    })
}

/// The sex `text` gives the person whose surname is `w`, by a given name of
/// the pack's lists or a title of one sex right before it somewhere
/// (`Laura Kerrigan`, `Mrs. Pullman`): female
/// when true.
pub(super) fn surname_sex(c: &Compiled, text: &str, w: &str) -> Option<bool> {
    words_before_name(c, text, w).find_map(|before| {
        let g = before.last()?;
        given_sex(c, g, true).or_else(|| {
            // (Or a title of one sex: `Mrs. Pullman`, `Councilwoman Ames`.)
            let l = lower(g);
            let l = l.as_ref();
            (is_capitalized(g) && (c.female_words.contains(l) || c.male_words.contains(l)))
                .then(|| c.female_words.contains(l))
        })
    })
}

/// Whether `g` is a given name of the pack's lists, and a name that is
/// also a word (`Mark`) when `before_surname`: female when true.
pub(super) fn given_sex(c: &Compiled, g: &str, before_surname: bool) -> Option<bool> {
    if !is_capitalized(g) {
        return None;
    }
    let l = lower(g);
    let l = l.as_ref();
    if c.female_names.contains(l) || before_surname && c.female_name_words.contains(l) {
        Some(true)
    } else if c.male_names.contains(l) || before_surname && c.male_name_words.contains(l) {
        Some(false)
    } else {
        None
    }
}

/// The words right before surname `w` wherever `text` gives it after a
/// space and a word: its given names (`Dale` of `Dale Kerrigan`).
pub(super) fn given_names_of<'t>(
    c: &Compiled,
    text: &'t str,
    w: &'t str,
) -> impl Iterator<Item = &'t str> + 't {
    words_before_name(c, text, w).filter_map(|before| before.last().copied())
}

/// For each place `w` stands in `text` as a whole word after a space and a
/// letter or a full stop (`Dale Kerrigan`, `Rep. Osei`; not `(Kerrigan` or
/// `Kerrigans`) within `name_window` bytes of `w` (a slice of `text`), the
/// words of the 60 bytes before it.
fn words_before_name<'t>(
    c: &Compiled,
    text: &'t str,
    w: &'t str,
) -> impl Iterator<Item = Vec<&'t str>> + 't {
    let (text, _, _) = around(c, text, w);
    text.match_indices(w).filter_map(move |(at, _)| {
        let whole = !text[at + w.len()..].starts_with(char::is_alphanumeric)
            && text[..at]
                .strip_suffix(' ')
                .is_some_and(|h| h.ends_with(|ch: char| ch.is_alphabetic() || ch == '.'));
        let mut from = at.saturating_sub(60);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        whole.then(|| words_of(&text[from..at], 20))
    })
}

/// `s` past a live blog's time or a dateline before a dash that opens it
/// (`7:09 p.m. — She is into the stump speech now`, `10:41 p.m. — House
/// Minority Leader …`, `WASHINGTON (AP) — …`): words with no lower-case
/// letter but `a.m.` and `p.m.`, then an em or en dash, in the first 40
/// bytes.
fn past_stamp(s: &str) -> &str {
    let s = s.trim_start();
    let Some(dash) = s.find(['\u{2014}', '\u{2013}']).filter(|&d| d <= 40) else {
        return s;
    };
    let head = &s[..dash];
    let stamp = head.chars().any(char::is_alphanumeric)
        && head
            .split_whitespace()
            .all(|w| matches!(w, "a.m." | "p.m.") || !w.chars().any(char::is_lowercase));
    if stamp {
        s[dash..]
            .trim_start_matches(['\u{2014}', '\u{2013}'])
            .trim_start()
    } else {
        s
    }
}

/// Whether the subject of sentence `s` is two people joined by `and`, either
/// of whom a quotation after it could be (`Lyle Gunderson and Beth Ann
/// Sorensen both signed off`, `The board chairman, Lyle Gunderson, and the
/// corporation counsel, Beth Ann Sorensen, met`, `She and Deputy Chief Bell
/// met`, `Both Mercer and Tolliver said`, `Longtime neighbors Carol Venn
/// and Howard Amsel spoke`): a name, a pronoun or a role (after `Both`, or
/// a plural description), a comma-set aside after it, then `and` and
/// another.
fn joint_subject(c: &Compiled, text: &str, s: &str) -> bool {
    // The first words, each with whether a comma comes before it.
    let mut prev = 0;
    let toks: Vec<(&str, bool)> = Word::alphanumeric()
        .iter(s)
        .take(30)
        .map(|t| {
            let comma = s[prev..t.start].contains(',');
            prev = t.end;
            (&s[t.start..t.end], comma)
        })
        .collect();
    let word = |i: usize| toks.get(i).map(|t| lower(t.0));
    let comma = |i: usize| toks.get(i).is_some_and(|t| t.1);
    let pronoun = |i: usize| word(i).is_some_and(|w| w == "he" || w == "she");
    let name = |i: usize| {
        toks.get(i)
            .is_some_and(|t| is_name_word(c, t.0) && !is_possessive(t.0))
    };
    let determiner = |i: usize| {
        word(i).is_some_and(|w| ["the", "a", "an", "his", "her", "their"].contains(&w.as_ref()))
    };
    // A role after a determiner, within a few words and before a comma
    // (`the county's corporation counsel`), or a name set off after it
    // (`the county's lawyer, Beth Ann Sorensen`).
    let role_phrase = |i: usize| {
        for (k, t) in toks.iter().enumerate().take(i + 6).skip(i + 1) {
            if comma(k) {
                return name(k);
            }
            if word(k).as_deref() == Some("and") {
                return false;
            }
            if !pronoun(k) && is_role(c, t.0) {
                return true;
            }
        }
        false
    };
    // A head at `i`: where it ends, and whether it is surely a person (a
    // pronoun, a role, a name of two words or more; one word could be half
    // a firm's name, `Marks and Spencer`).
    let head = |i: usize| -> Option<(usize, bool)> {
        if pronoun(i) {
            Some((i + 1, true))
        } else if name(i) {
            // (A capitalized function word inside a name: `Tran My Hanh`.)
            let inside = |j: usize| {
                toks.get(j).is_some_and(|t| is_capitalized(t.0)) && name(j + 1) && !comma(j + 1)
            };
            let mut j = i + 1;
            while (name(j) || inside(j)) && !comma(j) {
                j += 1;
            }
            Some((j, j - i >= 2))
        } else if determiner(i) && role_phrase(i) {
            let mut j = i + 1;
            while j < toks.len() && !comma(j) && word(j).as_deref() != Some("and") {
                j += 1;
            }
            Some((j, true))
        } else {
            None
        }
    };
    let mut i = 0;
    while word(i).is_some_and(|w| c.connectors.contains(w.as_ref())) {
        i += 1;
    }
    // (`Both Mercer and Tolliver said`.)
    let lead_both = word(i).as_deref() == Some("both");
    i += usize::from(lead_both);
    // A plural description before the first name (`Longtime neighbors
    // Carol Venn and Howard Amsel`, `Two of the market's longest-tenured
    // vendors, Nguyen Thi Lan and Tran My Hanh,`): the names are the
    // subject.
    let described = (i + 1..i + 9).find(|&k| {
        name(k)
            && name(k + 1)
            && !comma(k + 1)
            && !(i + 1..k).any(comma)
            && !(i..k).any(|m| word(m).as_deref() == Some("and"))
            && toks.get(k - 1).is_some_and(|t| {
                let w = t.0;
                // (Or an abbreviation's plural: `The Labour MPs`.)
                let abbreviation = w.len() >= 3
                    && w.strip_suffix('s')
                        .is_some_and(|one| one.chars().all(|ch| ch.is_ascii_uppercase()));
                abbreviation
                    || w.len() > 3
                        && w.starts_with(|ch: char| ch.is_lowercase())
                        && w.ends_with('s')
                        && !w.ends_with("ss")
            })
    });
    // Or a plural description set off before them (`Two of the
    // commissioners who voted for the contract, Raymond Salas and Burl
    // Tindall,`, `two sisters from Dunmore, Ellen Voight and …`): a number,
    // `both` or a determiner, its plural noun in the next three words, then
    // the comma or a relative or a preposition.
    let apposed = apposed_pair(c, &toks, i);
    let described = described.or(apposed.map(|(at, _)| at));
    // (People by the description's noun, `Her brothers, Paul and Anthony,`:
    // a given name alone each is enough.)
    let kin = described == apposed.map(|(at, _)| at) && apposed.is_some_and(|(_, kin)| kin);
    // (A lowercase modifier before a title: `state Sen. Wade Tillery`,
    // `former Gov. Ann Lee`; or a role in lower case, `corporation counsel
    // Neil Brandstetter`.)
    let lowercase = |k: usize| toks.get(k).is_some_and(|t| !is_capitalized(t.0));
    let past_modifier = |i: usize| {
        let modifier = word(i).is_some_and(|w| {
            ["state", "former", "acting", "interim", "then", "retired"].contains(&w.as_ref())
        }) && lowercase(i);
        if modifier && name(i + 1) {
            return i + 1;
        }
        (i..i + 3)
            .take_while(|&k| lowercase(k) && !determiner(k) && !comma(k) && !pronoun(k))
            .find(|&k| toks.get(k).is_some_and(|t| is_role(c, t.0)) && name(k + 1))
            .map_or(i, |k| k + 1)
    };
    let first = past_modifier(described.unwrap_or(i));
    let Some((mut i, mut person)) = head(first) else {
        return false;
    };
    let single = i == first + 1 && name(first) && !toks.get(first).is_some_and(|t| is_role(c, t.0));
    // A comma-set aside (`, Lyle Gunderson,`, `, 64,`).
    if comma(i) && word(i).as_deref() != Some("and") {
        let open = i;
        i += 1;
        while i < toks.len() && !comma(i) && i - open < 12 {
            i += 1;
        }
        person = true;
    }
    if word(i).as_deref() != Some("and") {
        return false;
    }
    // (A family is one voice: `Tom Reilly and his wife, Mary,`; not `and
    // his campaign manager, Dale Kitteridge,`.)
    // (Nor one who cannot speak for himself: `and her staff`, `and his
    // late partner`, `and her dog, Biscuit,`.)
    const FAMILY: [&str; 19] = [
        "wife",
        "husband",
        "son",
        "daughter",
        "mother",
        "father",
        "brother",
        "sister",
        "partner",
        "family",
        "children",
        "parents",
        "sons",
        "daughters",
        "staff",
        "team",
        "aides",
        "late",
        "dog",
    ];
    if word(i + 1).is_some_and(|w| ["his", "her", "their"].contains(&w.as_ref()))
        && word(i + 2).is_none_or(|w| FAMILY.contains(&w.as_ref()))
    {
        return false;
    }
    // (`, and she` opens a clause of its own: `Her voice broke, and she
    // stopped`.)
    if comma(i) && pronoun(i + 1) {
        return false;
    }
    let Some((end, second)) = head(past_modifier(i + 1)) else {
        return false;
    };
    // (A firm's name, by the verb in the singular after it: `Kessler and
    // Grant has represented the county`.)
    if word(end).is_some_and(|w| ["has", "is", "was", "does"].contains(&w.as_ref())) {
        return false;
    }
    // (A couple: `Ben and Alice Cato`; the pair owning the subject: `Kim
    // Arden and Paul Deane's attorney`.)
    if single && name(i + 1) && end > i + 2 || toks.get(end).is_some_and(|t| is_possessive(t.0)) {
        return false;
    }
    // (A name before a title is the title's, when the first has no title
    // of its own: `Health and Human Services Secretary Xavier Becerra`,
    // `St Kitts and Nevis Prime Minister Terrance Drew`, `Ways and Means
    // Committee chairman Harold Kemp`, `Stratford and Bow MP Helen Daly`;
    // not `Police Chief Mara Quist and Fire Chief Dennis Ebbs`.)
    let title = |k: usize| {
        toks.get(k).is_some_and(|t| {
            is_role(c, t.0) && is_capitalized(t.0)
                || (2..=4).contains(&t.0.len()) && t.0.chars().all(|ch| ch.is_ascii_uppercase())
        })
    };
    let first_titled = (first..i).any(|k| toks.get(k).is_some_and(|t| is_role(c, t.0)));
    if !pronoun(first)
        && !first_titled
        && ((i + 1..end).any(title) || toks.get(end).is_some_and(|t| is_role(c, t.0)))
    {
        return false;
    }
    // (Two single words may be a firm's name, `Marks and Spencer`,
    // `Johnson and Johnson are recalling`: only `both` or `each` after
    // them tells two people, or `who` set off after them, `Cundiff and
    // Yocum, whose districts cover …,`.)
    const BOTH: [&str; 4] = ["both", "each", "together", "jointly"];
    let both = lead_both || word(end).is_some_and(|w| BOTH.contains(&w.as_ref()));
    let who = comma(end) && word(end).is_some_and(|w| w == "who" || w == "whose");
    // (Or both known as people's surnames elsewhere in the story:
    // `Kerrigan and Osei met privately` after `Dale Kerrigan` and `Rep.
    // Martin Osei`.)
    if single && end == i + 2 {
        let known = |k: usize| toks.get(k).is_some_and(|t| surname_in(c, text, t.0));
        return both
            || who
            || kin
            || toks[first].0 != toks[i + 1].0 && known(first) && known(i + 1);
    }
    // (After a description, the second a person too: not `Strong Oscar
    // contenders Million Dollar Baby and Sideways`.)
    if described.is_some() {
        return second || kin;
    }
    person || second || both
}

/// Where the first of two names set off after a plural description starts
/// (see [`joint_subject`]; `toks` are its words, each with whether a comma
/// comes before it, and `i` its subject's first): `Two of the
/// commissioners who voted for the contract, Raymond Salas and …`, `two
/// sisters from Dunmore, Ellen Voight and …`. The description opens with
/// a number, `both`, `several` or a determiner, has its plural noun in the
/// next three words with no comma or verb in `-ed` before it, and reaches
/// the comma at once or by a relative or a preposition, in a dozen words;
/// with whether that noun is one for people of one sex (`sisters`).
fn apposed_pair(c: &Compiled, toks: &[(&str, bool)], i: usize) -> Option<(usize, bool)> {
    const OPENERS: [&str; 12] = [
        "two", "three", "four", "both", "several", "some", "the", "a", "an", "his", "her", "their",
    ];
    const LINKS: [&str; 12] = [
        "who",
        "whose",
        "from",
        "of",
        "in",
        "at",
        "on",
        "with",
        "for",
        "near",
        "across",
        "representing",
    ];
    let opener = toks.get(i)?.0;
    if !OPENERS.contains(&lower(opener).as_ref()) && !opener.chars().all(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let plural = (i + 1..i + 4).find(|&k| {
        toks.get(k).is_some_and(|t| {
            t.0.len() > 3
                && t.0.starts_with(|ch: char| ch.is_lowercase())
                && t.0.ends_with('s')
                && !t.0.ends_with("ss")
        })
    })?;
    let verb = |w: &str| w.ends_with("ed") || c.attributing.is_match(w);
    if (i + 1..=plural).any(|k| toks[k].1 || k < plural && verb(toks[k].0)) {
        return None;
    }
    let after = toks.get(plural + 1)?;
    let at = if after.1 {
        plural + 1
    } else if LINKS.contains(&lower(after.0).as_ref()) {
        (plural + 2..i + 14).find(|&k| toks.get(k).is_some_and(|t| t.1))?
    } else {
        return None;
    };
    let name = |k: usize| {
        toks.get(k)
            .is_some_and(|t| is_name_word(c, t.0) && !is_possessive(t.0))
    };
    // (A noun for people of one sex, `sisters`, `sons`: the names may be
    // given names alone.)
    let noun = lower(toks[plural].0);
    let person = |w: &str| c.male_words.contains(w) || c.female_words.contains(w);
    let kin = noun.strip_suffix('s').is_some_and(person);
    (name(at) && (kin || name(at + 1) && !toks[at + 1].1)).then_some((at, kin))
}

/// Whether sentence `s` opens with a person as its subject: `He` or
/// `She`, or a first and last name, or a title or role and a name, set off
/// by a comma as a person is introduced (`Bev Lindahl, who has run the
/// office, watched`, `Rep. Dennis Varga, R-Fla., a senior appropriator, was
/// blunt`, `House Speaker Janelle Dwyer, a Democrat, has spent`). Stricter
/// than [`speaker_subject`]: no `It`, `They`, `The minister`, single
/// capitalized word, name of three words (`Riverside Family Services`) or
/// name without the comma (`Granite Bend voted`).
pub(super) fn person_subject(c: &Compiled, s: &str) -> bool {
    // (Past a live blog's time stamp: `7:09 p.m. — She is into the stump
    // speech now`.)
    let s = past_stamp(s);
    if !s.starts_with(char::is_alphabetic) {
        return false;
    }
    let head = &s[..s.find(',').unwrap_or(s.len())];
    let ws = words_of(head, 8);
    let i = past_connectors(c, &ws);
    let Some(&w0) = ws.get(i) else {
        return false;
    };
    if ["he", "she", "he's", "she's", "he\u{2019}s", "she\u{2019}s"].contains(&lower(w0).as_ref()) {
        // (Not one of two: `She and Deputy Chief of Staff Marcus Bell met`.)
        return ws
            .get(i + 1)
            .is_none_or(|w| !["and", "or"].contains(&lower(w).as_ref()));
    }
    // The head before the comma is all name: roles, then one or two names
    // (one only after a title: `Mayor Lee`).
    let rest = &ws[i..];
    // (A group is no person: `Senate Republicans, who hold a one-seat
    // majority, have insisted`.)
    if rest.last().is_some_and(|w| {
        let l = lower(w);
        c.group_nouns.contains(l.as_ref()) || c.vague_words.contains(l.as_ref())
    }) {
        return false;
    }
    head.len() < s.len() && person_name(c, rest)
}

/// Whether the words `run` are a person's name: roles, then a first and
/// last name, or one name after a title (`Mayor Lee`); not three names
/// (`Riverside Family Services`) nor a possessive.
fn person_name(c: &Compiled, run: &[&str]) -> bool {
    let roles = run.iter().take_while(|w| is_role(c, w)).count();
    let names = run.len() - roles;
    run.iter().all(|w| is_name_word(c, w) && !is_possessive(w))
        && (names == 2 || names == 1 && roles >= 1)
}

/// Whether sentence `s`, a paragraph alone, is a short beat of a person
/// the story has named in full and quotes elsewhere (`Marchetti
/// interrupted her.`, `Dorsainvil then turned to public safety.`, `Ruiz
/// shook her head.`), so that `quote`, the quotation paragraph after it,
/// is theirs as it is after `She paused.`: a capitalized word that follows
/// a first name or a title somewhere in `text` (`Judge Marchetti`, `Rene
/// Dorsainvil`; not `Boeing`) and to which `text` credits speech
/// (`Marchetti said`), then a verb of the scene before someone speaks
/// (`interrupted`, `paused`, `shook`, `turned`), in a dozen words at most,
/// naming no one else. Not a refusal (`Okafor declined to comment.`),
/// background (`Trump won the state by 115,000 votes.`, `Smith had served
/// four terms.`, `Newsom vetoed a similar bill two years ago.`), nor before
/// a quotation that speaks of the person by name (a second voice).
pub(super) fn surname_beat(c: &Compiled, text: &str, s: &str, quote: &str) -> bool {
    // (Refusals and background.)
    const NOT_A_SCENE: [&str; 26] = [
        "declined",
        "refused",
        "reached",
        "respond",
        "responded",
        "return",
        "returned",
        "available",
        "comment",
        "since",
        "ago",
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "faces",
        "will",
        "would",
        "won",
        "lost",
        "served",
        "pleaded",
        "denied",
    ];
    // Verbs of a scene before someone speaks; not `walked out`, `stared`,
    // `voted no`, `took questions`, after which another may speak.
    const SCENE: [&str; 44] = [
        "interrupted",
        "interrupts",
        "paused",
        "pauses",
        "leaned",
        "leans",
        "shrugged",
        "shrugs",
        "laughed",
        "laughs",
        "sighed",
        "sighs",
        "nodded",
        "nods",
        "shook",
        "shakes",
        "hesitated",
        "hesitates",
        "turned",
        "turns",
        "cleared",
        "clears",
        "pressed",
        "presses",
        "continued",
        "continues",
        "grinned",
        "grins",
        "chuckled",
        "chuckles",
        "winced",
        "winces",
        "bristled",
        "bristles",
        "scoffed",
        "scoffs",
        "demurred",
        "demurs",
        "countered",
        "counters",
        "persisted",
        "persists",
        "interjected",
        "interjects",
    ];
    let ws = words_of(s, 13);
    let [w0, w1, rest @ ..] = ws.as_slice() else {
        return false;
    };
    // (Past an adverb: `Dorsainvil then turned`.)
    let verb = if [
        "then", "again", "finally", "just", "only", "quickly", "simply",
    ]
    .contains(&lower(w1).as_ref())
    {
        rest.first().copied().unwrap_or("")
    } else {
        w1
    };
    SCENE.contains(&lower(verb).as_ref())
        && ws.len() <= 12
        && !rest.iter().any(|w| is_capitalized(w))
        && !s.contains(|ch: char| ch.is_ascii_digit())
        && !ws[1..]
            .iter()
            .any(|w| NOT_A_SCENE.contains(&lower(w).as_ref()))
        && is_name_word(c, w0)
        && !is_possessive(w0)
        && w1.starts_with(char::is_lowercase)
        && !["and", "or"].contains(&lower(w1).as_ref())
        && {
            let l = lower(w0);
            !c.is_group_word(&l) && !c.vague_words.contains(l.as_ref())
        }
        && !quote.contains(w0)
        && named_in_full(c, text, w0)
        && speaks_elsewhere(c, text, w0)
}

/// Whether sentence `s`, the last of a paragraph that quotes nobody,
/// presents one person as the next to speak, so that the quotation
/// paragraph `quote` after it is theirs: a speaker, panel or witness
/// presented by `was`,
/// `included` or `heard from`, with a name of two words or one after a
/// title set off by an appositive (`The second panel included Mabel
/// Dorsey, who runs a nursing home in Greer's Crossing, Miss.`, `The last
/// speaker was Dale Brandt, 71, a retired lineman`), and no other such
/// name but a place or a thing (`in Greer's Crossing`). Not anyone else
/// with an appositive (`Among the dead was Priya Raman, 31, a resident`,
/// `The award went to Carla Jimenez, a nurse`), two people, a refusal,
/// nor before a quotation that names the person.
pub(super) fn introduces_one_person(c: &Compiled, s: &str, quote: &str) -> bool {
    const SPEAKERS: [&str; 10] = [
        "speaker",
        "speakers",
        "panel",
        "panelist",
        "panelists",
        "witness",
        "witnesses",
        "word",
        "testimony",
        "heard",
    ];
    const PRESENTING: [&str; 6] = ["was", "is", "were", "included", "includes", "from"];
    const NOT_A_SPEAKER: [&str; 6] = [
        "declined",
        "refused",
        "respond",
        "responded",
        "comment",
        "unavailable",
    ];
    const PLACE_OR_THING: [&str; 8] = ["in", "of", "from", "at", "near", "the", "outside", "on"];
    let toks: Vec<_> = Word::alphanumeric().iter(s).take(80).collect();
    let ws: Vec<String> = toks.iter().map(|t| lower(t.str(s)).into_owned()).collect();
    if !ws.iter().any(|w| SPEAKERS.contains(&w.as_str()))
        || ws.iter().any(|w| NOT_A_SPEAKER.contains(&w.as_str()))
    {
        return false;
    }
    // The runs of two name words or more, joined by a space each.
    let mut intro = None;
    let mut names = 0;
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        while j < toks.len()
            && is_name_word(c, toks[j].str(s))
            && !is_possessive(toks[j].str(s))
            && (j == i || &s[toks[j - 1].end..toks[j].start] == " ")
        {
            j += 1;
        }
        // (`heard from Alma Reyes`, not `from Twin Forks`.)
        let heard_from = i >= 2 && ws[i - 1] == "from" && ws[i - 2] == "heard";
        if j - i >= 2 && (i == 0 || heard_from || !PLACE_OR_THING.contains(&ws[i - 1].as_str())) {
            names += 1;
            // (A person: roles, then a first and last name, or one name
            // after a title; not `Riverside Family Services` nor `Senate
            // Republicans`.)
            let run: Vec<&str> = toks[i..j].iter().map(|t| t.str(s)).collect();
            let roles = run.iter().take_while(|w| is_role(c, w)).count();
            let last = &ws[j - 1];
            let person = person_name(c, &run)
                && !c.is_group_word(last)
                && !c.vague_words.contains(last.as_str());
            let presented = i > 0 && PRESENTING.contains(&ws[i - 1].as_str());
            let after = &s[toks[j - 1].end..];
            let appositive = after.strip_prefix(", ").is_some_and(|r| {
                ["who ", "whose ", "a ", "an ", "the "]
                    .iter()
                    .any(|a| r.starts_with(a))
                    || r.starts_with(|ch: char| ch.is_ascii_digit())
            });
            if appositive && person && presented {
                intro = Some(&toks[i + roles..j]);
            }
        }
        i = j.max(i + 1);
    }
    // (Not before a second person, `and from Ann Cole`, `and his wife,
    // Beth`, `and Rep. Hale`, nor before a quotation that opens by
    // speaking of someone, `"He climbed poles …"`, `"Without him, …"`.)
    let second = ws
        .windows(2)
        .any(|p| p[0] == "and" && ["from", "his", "her", "their"].contains(&p[1].as_str()))
        || toks
            .windows(2)
            .any(|p| p[0].str(s) == "and" && is_capitalized(p[1].str(s)));
    let about_someone = words_of(quote, 3)
        .iter()
        .any(|w| ["he", "she", "him", "her", "his", "hers"].contains(&lower(w).as_ref()));
    names == 1
        && !second
        && !about_someone
        && intro.is_some_and(|name| name.iter().all(|t| !quote.contains(t.str(s))))
}

/// Whether the surname `w` (a slice of `text`) follows a first name or a
/// person's title within `name_window` bytes of it (`Elena Marchetti`,
/// `Judge Marchetti`): a capitalized word right before it, not a function
/// or calendar word nor a possessive (`The Boeing`, `Alphabet's Google`).
fn named_in_full(c: &Compiled, text: &str, w: &str) -> bool {
    mentions(c, text, w).any(|(before, _)| {
        let Some(before) = before.strip_suffix(' ') else {
            return false;
        };
        let prev = before
            .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.')
            .next()
            .unwrap_or("")
            .trim_end_matches('.');
        (c.person_titles.contains(lower(prev).as_ref()) || is_name_word(c, prev))
            && !is_possessive(prev)
    })
}

/// Whether the story credits speech to the name `w` (a slice of `text`)
/// within `name_window` bytes of it: a speech verb right after it or right
/// before it (`Marchetti said`, `asked Marchetti`).
fn speaks_elsewhere(c: &Compiled, text: &str, w: &str) -> bool {
    let speech = |word: Option<&str>| {
        word.is_some_and(|x| {
            x.starts_with(char::is_lowercase) && c.borrow_forms.contains(lower(x).as_ref())
        })
    };
    mentions(c, text, w).any(|(before, after)| {
        speech(
            after
                .strip_prefix(' ')
                .and_then(|a| words_of(a, 1).first().copied()),
        ) || speech(
            before
                .strip_suffix(' ')
                .and_then(|b| b.rsplit(|ch: char| !ch.is_alphanumeric()).next()),
        )
    })
}

/// The whole-word mentions of `w` (a slice of `text`) within `name_window`
/// bytes of it, each as the window's text before it and after it.
fn mentions<'t>(
    c: &Compiled,
    text: &'t str,
    w: &'t str,
) -> impl Iterator<Item = (&'t str, &'t str)> {
    let (text, _, _) = around(c, text, w);
    memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).filter_map(move |i| {
        let (before, after) = (&text[..i], &text[i + w.len()..]);
        (!before.ends_with(char::is_alphanumeric) && !after.starts_with(char::is_alphanumeric))
            .then_some((before, after))
    })
}

/// Whether `w` may be a word of a name: capitalized, and no function or
/// calendar word (`The`, `Monday`).
pub(super) fn is_name_word(c: &Compiled, w: &str) -> bool {
    let l = lower(w);
    is_capitalized(w)
        && !c.function_words.contains(l.as_ref())
        && !c.calendar_words.contains(l.as_ref())
}

/// Whether `w` is a title or a speaker noun (`Rep`, `minister`, `scorer`),
/// which may stand before a name.
pub(super) fn is_role(c: &Compiled, w: &str) -> bool {
    let l = lower(w);
    c.person_titles.contains(l.as_ref()) || c.speaker_words.contains(l.as_ref())
}

/// Whether `w` (lower-cased) may open a phrase fronted before a sentence's
/// subject: a preposition, subordinator or adverb of the function and
/// calendar words (`after`, `despite`, `when`, `meanwhile`), not a
/// determiner, pronoun or quantifier that starts a subject.
fn is_fronting(c: &Compiled, w: &str) -> bool {
    const SUBJECT_STARTS: [&str; 27] = [
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "there", "here", "some",
        "many", "most", "all", "one", "his", "her", "their", "our", "my", "your", "what", "which",
        "who", "both", "each",
    ];
    (c.calendar_words.contains(w) || c.function_words.contains(w))
        && !SUBJECT_STARTS.contains(&w)
        && !w.contains(['\'', '\u{2019}'])
}

/// The index of the first of words `ws` past the connectors that may open
/// a clause (`and`, `then`, `now`: `subject-connectors`).
pub(super) fn past_connectors(c: &Compiled, ws: &[&str]) -> usize {
    ws.iter()
        .position(|w| !c.connectors.contains(lower(w).as_ref()))
        .unwrap_or(ws.len())
}

/// [`speaker_subject`] on the words `ws` of a clause, from its subject.
fn subject_names_speaker(c: &Compiled, text: &str, ws: &[&str]) -> bool {
    let i = past_connectors(c, ws);
    let Some(w0) = ws.get(i) else {
        return false;
    };
    let l0 = lower(w0);
    if ["he", "she", "they", "we", "i", "it"].contains(&l0.as_ref()) {
        return true;
    }
    // What someone said, by its owner: `Lindqvist's answer was quicker.`,
    // `Her verdict was blunt.`
    let speech_noun = |k: usize| {
        ws.get(k)
            .is_some_and(|w| c.quote_cues.is_speech_noun(lower(w).as_ref()))
    };
    if ["his", "her", "their"].contains(&l0.as_ref()) && speech_noun(i + 1) {
        return true;
    }
    if [
        "the", "a", "an", "another", "its", "his", "her", "their", "our",
    ]
    .contains(&l0.as_ref())
    {
        return ws[i + 1..]
            .iter()
            .take(4)
            .any(|w| c.speaker_words.contains(lower(w).as_ref()));
    }
    let name_word = |w: &str| is_name_word(c, w);
    // (`Great Britain's team`: a possessive name is no subject.)
    if !name_word(w0) {
        return false;
    }
    if is_possessive(w0) && speech_noun(i + 1) {
        return true;
    }
    let next_capitalized = ws.get(i + 1).is_some_and(|w| is_capitalized(w));
    let pair = next_capitalized && !is_possessive(ws[i + 1]);
    if !is_possessive(w0) && (pair || !next_capitalized && used_as_name(c, text, w0)) {
        return true;
    }
    // A description ending in a role, then a first and last name (`Double
    // try scorer Martyn Williams was keen`, `Former England captain Alan
    // Shearer said`): no preposition or relative pronoun before the name
    // (`Customers who pre-order Harry Potter`), and a lower-case word after
    // it.
    const NOT_IN_A_DESCRIPTION: [&str; 14] = [
        "of", "in", "at", "on", "from", "for", "with", "by", "to", "and", "or", "who", "which",
        "that",
    ];
    let role = |w: &str| is_role(c, w);
    (i + 1..(i + 5).min(ws.len().saturating_sub(2))).any(|k| {
        name_word(ws[k])
            && name_word(ws[k + 1])
            && !is_possessive(ws[k + 1])
            && !is_capitalized(ws[k + 2])
            && role(ws[k - 1])
            && !ws[i + 1..k]
                .iter()
                .any(|w| NOT_IN_A_DESCRIPTION.contains(&lower(w).as_ref()))
    })
}

/// Whether sentence text `s` (starting at a sentence start) names someone:
/// a capitalized word other than the first, a capitalized first word
/// followed by another, or a speaker noun or pronoun.
pub(super) fn names_someone(c: &Compiled, s: &str) -> bool {
    // Word by word, stopping at the first that names someone: most
    // sentences do early.
    let mut ws = Word::alphanumeric().iter(s).strs();
    let Some(first) = ws.next() else {
        return false;
    };
    let speaker = |w: &str| c.speaker_words.contains(lower(w).as_ref());
    let capitalized = is_capitalized(first);
    if speaker(first) || capitalized && !c.function_words.contains(lower(first).as_ref()) {
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

/// The reporting verb forms ([`Options::reporting_verb_forms`]), matched
/// as written: verbs that hand a claim to their subject (`Barrow said …`).
///
/// [`Options::reporting_verb_forms`]: super::Options::reporting_verb_forms
#[derive(Debug, Clone)]
pub(super) struct ReportingVerbs {
    forms: Vec<String>,
    /// By first byte, bit `min(n, 31)` set when a form of `n` bytes starts
    /// with it: most words are rejected on it.
    first: Box<[u32; 256]>,
}

impl ReportingVerbs {
    pub(super) fn new(forms: &[String]) -> ReportingVerbs {
        let forms: Vec<String> = forms.iter().filter(|w| !w.is_empty()).cloned().collect();
        let mut first = Box::new([0u32; 256]);
        for w in &forms {
            first[usize::from(w.as_bytes()[0])] |= 1 << w.len().min(31);
        }
        ReportingVerbs { forms, first }
    }

    /// Whether `w` is one of the forms (as written).
    #[inline]
    pub(super) fn contains(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.first[usize::from(b)] >> w.len().min(31) & 1 != 0)
            && self.forms.iter().any(|f| f == w)
    }
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
    is_name_of_someone(c, w)
        && !c.calendar_words.contains(l.as_ref())
        && (!first || !l.ends_with('s') || used_as_name(c, text, w))
}

/// Whether `w`, capitalized or a family name after a lower-case particle
/// ([`particle_name`]), may name someone: not a possessive, a function
/// word, a vague group (`Critics`), a vague subject or unnamed evidence
/// (`Studies`).
pub(super) fn is_name_of_someone(c: &Compiled, w: &str) -> bool {
    let l = lower(w);
    (is_capitalized(w) || particle_name(w))
        && !is_possessive(&l)
        && !c.function_words.contains(l.as_ref())
        && c.vague_group.find_iter(&l).next().is_none()
        && c.vague_subject.find_iter(&l).next().is_none()
        && c.evidence_noun.find_iter(&l).next().is_none()
}

/// Whether `w` is a family name after an Arabic article or kinship word
/// written in lower case and joined by a hyphen (`al-Sarhan`, `el-Sisi`,
/// `bin-Talal`): a name, though its first letter is not a capital.
fn particle_name(w: &str) -> bool {
    const PARTICLES: [&str; 9] = ["al", "el", "ad", "ash", "as", "at", "az", "ibn", "bin"];
    w.split_once('-')
        .is_some_and(|(p, rest)| PARTICLES.contains(&p) && is_capitalized(rest))
}

/// The most words an aside between a speaker and a reporting verb may
/// have (`Kennedy, who is chairing the inquiry, said`).
pub(super) const MAX_ASIDE: usize = 16;

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
    let words: Vec<Range<usize>> = Word::alphanumeric()
        .iter(&text[sent.clone()])
        .map(|t| sent.start + t.start..sent.start + t.end)
        .collect();
    let speaker_at = |k: usize| {
        words
            .get(k)
            .is_some_and(|r| is_reporting_speaker(c, text, &text[r.clone()], k == 0))
    };
    let pause = |s: &str| s.contains([',', '"', '\u{201D}']);
    // The subject before an aside set off by commas: `Baroness Kennedy,
    // who is chairing the inquiry, said`, `Lee, however, said`.
    let aside_subject = |i: usize| {
        let gap = |k: usize| &text[words[k - 1].end..words[k].start];
        if i == 0 || gap(i).trim() != "," {
            return false;
        }
        (i.saturating_sub(MAX_ASIDE)..i)
            .rev()
            .find(|&k| k > 0 && gap(k).contains([',', ';', '(', ')', '"', '\u{201C}']))
            .is_some_and(|k| {
                // (Not a name that is a preposition's object: `Critics of
                // Mayor Lee, who took office in January, say`.)
                let mut n = k - 1;
                while n > 0 && is_capitalized(&text[words[n - 1].clone()]) {
                    n -= 1;
                }
                let object = n > 0
                    && ["of", "for", "to", "with", "from", "by", "against", "about"]
                        .contains(&lower(&text[words[n - 1].clone()]).as_ref());
                gap(k).trim() == "," && speaker_at(k - 1) && !object
            })
    };
    for (i, r) in words.iter().enumerate() {
        let verb = &text[r.clone()];
        if (r.start < hit.end && hit.start < r.end) || !c.reporting_verbs.contains(verb) {
            continue;
        }
        // Inverted (`…," said Smith`): the verb follows a pause.
        let gap_before = &text[i.checked_sub(1).map_or(sent.start, |k| words[k].end)..r.start];
        let inverted = (i == 0 || pause(gap_before)) && speaker_at(i + 1);
        if r.end <= hit.start {
            let between = &text[r.end..hit.start];
            // (The first `but` after `not only` joins two parts of what is
            // reported; a later one breaks the clause.)
            let ws: Vec<&str> = Word::alphanumeric().iter(between).strs().collect();
            let mut not_only = false;
            let mut but_breaks = false;
            for (k, w) in ws.iter().enumerate() {
                if w.eq_ignore_ascii_case("only") && k > 0 && ws[k - 1].eq_ignore_ascii_case("not")
                {
                    not_only = true;
                } else if w.eq_ignore_ascii_case("but") {
                    if !not_only {
                        but_breaks = true;
                        break;
                    }
                    not_only = false;
                }
            }
            let clause_break = between.contains(';') || but_breaks;
            if !clause_break && ((i > 0 && speaker_at(i - 1)) || inverted || aside_subject(i)) {
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
