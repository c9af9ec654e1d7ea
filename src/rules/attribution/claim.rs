//! `unattributed-claim`: assertions resting on a vague or missing source
//! (`experts say`, `studies show`, `some believe`, `it is widely believed`,
//! `according to sources`) with no named source in their sentence or the
//! next, nor a named speaker who reports them.

use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostic::{Finding, Span};
use crate::segment::Segmented;

use super::compiled::{
    Compiled, CLAIM_ANY, CLAIM_EVIDENCE, CLAIM_GROUP, CLAIM_IT, CLAIM_PASSIVE, CLAIM_PHRASE,
    CLAIM_SUBJECT,
};
use super::prose::{in_quote, is_negation, last_word, prev_word, words_of, BE_FORMS};
use super::speaker::{is_name_of_someone, reported_by_speaker};
use super::word_table::WordTable;
use crate::words::{is_alphanumeric, is_capitalized, lower, Word};

/// `unattributed-claim`: assertions resting on a vague or missing source.
#[cfg(test)]
pub(super) fn unattributed_claims(text: &str, seg: &Segmented, c: &Compiled) -> Vec<Finding> {
    claims_in(text, seg, c, &c.anchors.scan(text, CLAIM_ANY, false).hits)
}

/// `unattributed-claim` given the document's anchor hits.
pub(super) fn claims_in(
    text: &str,
    seg: &Segmented,
    c: &Compiled,
    hits: &[(usize, u8)],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for cand in c.anchors.candidates(hits, seg, CLAIM_ANY) {
        let span = &seg.sentences[cand.sentence].span;
        let sent_hits = &hits[cand.hits.clone()];
        let kinds = verb_prefilter(c, text, span, sent_hits, cand.kinds);
        let mut found: Vec<(Range<usize>, &str)> = Vec::new();
        group_claims(c, text, span, sent_hits, kinds, &mut found);
        subject_claims(c, text, span, sent_hits, kinds, &mut found);
        // (The sentence before in the paragraph: its deep time is an
        // impersonal claim's too.)
        let prev = cand
            .sentence
            .checked_sub(1)
            .map(|p| &seg.sentences[p])
            .filter(|p| p.paragraph == seg.sentences[cand.sentence].paragraph)
            .map_or("", |p| &text[p.span.clone()]);
        impersonal_claims(c, text, span, prev, sent_hits, kinds, &mut found);
        if found.is_empty() {
            continue;
        }
        report_claims(c, text, seg, cand.sentence, found, &mut out);
    }
    out
}

/// `kinds` without the patterns that need a claim verb after their subject
/// when none can follow any of the sentence's anchor hits of the pattern:
/// most sentences with `some`, `many` or `people` have no claim verb after
/// it, and are passed over before the patterns run.
fn verb_prefilter(
    c: &Compiled,
    text: &str,
    span: &Range<usize>,
    sent_hits: &[(usize, u8)],
    mut kinds: u8,
) -> u8 {
    for (bit, verbs, within) in [
        (CLAIM_GROUP, &c.claim_verb_table, c.group_verb_within),
        (CLAIM_EVIDENCE, &c.evidence_verb_table, c.group_verb_within),
        (CLAIM_SUBJECT, &c.claim_verb_table, c.subject_verb_within),
    ] {
        // (A match ends at most `after` words past its anchor.)
        let reach = c.anchors.after[bit.trailing_zeros() as usize] + within;
        if kinds & bit != 0
            && c.verbs_letters
            && c.anchors.always & bit == 0
            && !sent_hits
                .iter()
                .any(|&(pos, k)| k & bit != 0 && verb_may_follow(text, pos, span.end, reach, verbs))
        {
            kinds &= !bit;
        }
    }
    kinds
}

/// Vague groups and unnamed evidence in the sentence `span`: `experts
/// say`, `studies show`, found when `kinds` has their bits.
fn group_claims(
    c: &Compiled,
    text: &str,
    span: &Range<usize>,
    sent_hits: &[(usize, u8)],
    kinds: u8,
    found: &mut Vec<(Range<usize>, &str)>,
) {
    let (s, base) = (&text[span.clone()], span.start);
    for (re, verbs, kind, bit) in [
        (&c.vague_group, &c.claim_verbs, "vague group", CLAIM_GROUP),
        (
            &c.evidence_noun,
            &c.evidence_verbs,
            "unnamed study or report",
            CLAIM_EVIDENCE,
        ),
    ] {
        if kinds & bit == 0 {
            continue;
        }
        let bounds = claim_bounds(c, text.as_bytes(), span, sent_hits, bit);
        for m in re.find_iter_within(s, bounds) {
            let start = base + m.start;
            if let Some((w, cap)) = prev_word(text, base, start) {
                if cap
                    || c.specific.contains(w.as_ref())
                    || w.starts_with(|d: char| d.is_ascii_digit())
                    || owned_by_a_name(c, text, base, start)
                {
                    continue;
                }
            }
            if bit == CLAIM_GROUP && determined_past_modifiers(c, text, base, start) {
                continue;
            }
            let after_start = base + m.end;
            let after = &text[after_start..span.end];
            if bit == CLAIM_EVIDENCE
                && ["studies", "research"].contains(&lower(&s[m.start..m.end]).as_ref())
                && study_kind(c, &text[base..start], after)
            {
                continue;
            }
            // The verb: one of the first `group_verb_within` words.
            let Some(verb) = Word::alphanumeric()
                .iter(after)
                .take(c.group_verb_within)
                .find(|w| verbs.contains(lower(w.str(after)).as_ref()))
            else {
                continue;
            };
            let verb_end = after_start + verb.end;
            let mid = &text[after_start..after_start + verb.start];
            // (A break between them ends the clause, but for an aside:
            // `Many linguists, however, find`.)
            // (`and` or `or` alone between them joins the verb to another
            // subject: `to appease political opponents and maintain his
            // hold`.)
            let joined = ["and", "or"].contains(&lower(mid.trim()).as_ref());
            // (A passive makes evidence the verb's object: `Many theories
            // have been suggested`; not `analysts were predicting`, nor a
            // group's state of mind, `Critics are worried`.)
            let passive = bit == CLAIM_EVIDENCE
                && !verb.str(after).ends_with("ing")
                && words_of(mid, usize::MAX)
                    .last()
                    .is_some_and(|w| BE_FORMS.contains(&lower(w).as_ref()));
            if joined
                || passive
                || bit == CLAIM_EVIDENCE && faulted(verb.str(after), &after[verb.end..])
                || bit == CLAIM_EVIDENCE && wanted(mid)
                || disagreement(mid, &lower(verb.str(after)), &after[verb.end..])
                || bit == CLAIM_GROUP && no_claim_after(&after[verb.end..])
                || not_a_claim_sense(verb.str(after), mid, &after[verb.end..])
                || after_a_determiner(mid)
                || mid_names_source(c, mid)
                || mid.contains([';', '(', '"', '\u{2014}'])
                || mid.contains(',') && !aside(c, mid)
            {
                continue;
            }
            // The history of an idea: a past-tense verb after a frame of
            // history (`In the early 20th century, many anthropologists
            // accepted …`), as for an impersonal claim.
            let v = lower(verb.str(after));
            if bit == CLAIM_GROUP
                && (v.ends_with("ed") || ["thought", "felt", "held"].contains(&v.as_ref()))
                && in_a_time_frame(c, &text[base..start])
            {
                continue;
            }
            // The group or evidence is the object of a phrase, not the
            // subject (`A review of 13 studies found`, `systems based on
            // molecular studies reveal`), or is denied (`There is no
            // substantive evidence which suggests`: a claim that evidence is
            // missing leans on no source).
            if of_phrase(&text[base..start])
                || bit == CLAIM_EVIDENCE && object_of_infinitive(&text[base..start])
                || bit == CLAIM_EVIDENCE && denied(c, &text[base..start])
            {
                continue;
            }
            let start = if bit == CLAIM_GROUP {
                list_start(c, text, base, start)
            } else {
                start
            };
            found.push((start..verb_end, kind));
        }
    }
}

/// Whether the group at `start` (in the sentence from `base`), after one
/// or two lower-case modifiers, points back to people already named or is
/// joined to a name: `These early geologists also proposed`, `Bruni and
/// later historians argued` (the word right before a group is
/// [`prev_word`]'s to judge). Not past a quantifier (`those many`), nor
/// after a plain noun (`dealers and bank economists said`).
fn determined_past_modifiers(c: &Compiled, text: &str, base: usize, start: usize) -> bool {
    const QUANTIFIERS: [&str; 7] = [
        "most", "several", "few", "numerous", "various", "certain", "a",
    ];
    let mut pos = start;
    for _ in 0..2 {
        let before = text[base..pos].trim_end();
        if before.ends_with(|ch: char| !ch.is_alphanumeric()) {
            break;
        }
        let Some(w) = last_word(before) else { break };
        let lw = lower(w.str(before));
        if is_capitalized(w.str(before))
            || c.specific.contains(lw.as_ref())
            || c.vague_words.contains(lw.as_ref())
            || QUANTIFIERS.contains(&lw.as_ref())
        {
            break;
        }
        pos = base + w.start;
    }
    if pos == start {
        return false;
    }
    let before = text[base..pos].trim_end();
    let Some(d) = last_word(before) else {
        return false;
    };
    if ["these", "those"].contains(&lower(d.str(before)).as_ref()) {
        return true;
    }
    // A name opening the clause, then `and`: `Bruni and later historians`,
    // `…, Agriculture Department and industry analysts said`; not `from
    // New York and economic analysts said` (two clauses).
    if !d.str(before).eq_ignore_ascii_case("and") {
        return false;
    }
    let mut name = &before[..d.start];
    let mut run = 0;
    loop {
        let t = name.trim_end();
        let Some(w) = last_word(t).filter(|w| is_capitalized(w.str(t))) else {
            break;
        };
        if run == 0
            && (!is_name_of_someone(c, w.str(t))
                || c.calendar_words.contains(lower(w.str(t)).as_ref()))
        {
            return false;
        }
        run += 1;
        name = &t[..w.start];
    }
    // (A plural noun opening the sentence is no name: `Brokers and market
    // analysts said`.)
    let opens = name.trim_end();
    let plural_noun = opens.is_empty() && run == 1 && before[..d.start].trim_end().ends_with('s');
    run > 0 && (opens.is_empty() || opens.ends_with(',')) && !plural_noun
}

/// Whether the word before a group's verb is an article or a possessive,
/// which makes the verb's form a modifier or a noun, not the group's verb:
/// `Modern scholars refer to the alleged policy … as the Pax Mongolica`,
/// `many opponents are politically motivated - their views ranging …`.
/// (Not a demonstrative, which may stand alone: `research into this
/// shows`.)
fn after_a_determiner(mid: &str) -> bool {
    last_word(mid.trim_end()).is_some_and(|w| {
        [
            "the", "a", "an", "its", "their", "his", "her", "our", "my", "your",
        ]
        .contains(&lower(w.str(mid)).as_ref())
    })
}

/// Whether what follows a vague group's or a vague subject's verb makes
/// it no claim: a reflexive object (`scientists may have thought of
/// themselves as natural philosophers`, `Some consider themselves
/// multiracial`: how the group sees itself).
fn no_claim_after(rest: &str) -> bool {
    let ws = words_of(rest, 2);
    let reflexive = |i: usize| {
        ws.get(i).is_some_and(|x| {
            [
                "themselves",
                "itself",
                "himself",
                "herself",
                "ourselves",
                "yourselves",
            ]
            .contains(&lower(x).as_ref())
        })
    };
    reflexive(0) || ws.first().is_some_and(|w| w.eq_ignore_ascii_case("of")) && reflexive(1)
}

/// Whether a group's verb, `mid` before it and `rest` after it, is in a
/// sense that claims nothing: one the group failed at (`examines why
/// economists failed to predict the crash`), a participle with no
/// auxiliary, so no verb of the group's (`crime reports withdrawn or shown
/// to be false`), `charge with` (`others charge with tusks or horns`), or
/// a taxonomist's `described` (`Scientists have described some 900
/// species`), or `maintain` as `keep up` ([`keeps_up`]).
fn not_a_claim_sense(verb: &str, mid: &str, rest: &str) -> bool {
    const FAILED: [&str; 7] = [
        "failed", "fail", "fails", "unable", "refused", "refuse", "refuses",
    ];
    const AUXILIARIES: [&str; 10] = [
        "have", "has", "had", "having", "be", "been", "is", "are", "was", "were",
    ];
    let v = lower(verb);
    let next = words_of(rest, 8);
    let participle_alone = ["shown", "proven"].contains(&v.as_ref())
        && !words_of(mid, usize::MAX)
            .iter()
            .any(|w| AUXILIARIES.contains(&lower(w).as_ref()));
    to_after_one_of(mid, &FAILED)
        || participle_alone
        || v.starts_with("charge") && next.first().is_some_and(|w| w.eq_ignore_ascii_case("with"))
        || v.starts_with("describ")
            && next
                .iter()
                .any(|w| ["species", "subspecies", "genera", "taxa"].contains(&lower(w).as_ref()))
        || v.starts_with("maintain") && keeps_up(&next)
}

/// Whether the words after `maintain` make it `keep up`, not `assert`:
/// its object, a noun with no article or after a possessive, then a
/// preposition (`Many also maintain aspects of indigenous cultural
/// practices`, `maintain ties with`, `maintain their hold on`); not a
/// clause (`Critics maintain the practice provides …`, `scholars maintain
/// he was …`), nor one whose subject has such a phrase, told by a finite
/// `be`, `have` or a modal before any relative pronoun (`Analysts
/// maintain fears of a recession are overblown`; not `maintain ties with
/// relatives who are abroad`).
fn keeps_up(next: &[&str]) -> bool {
    const POSSESSIVES: [&str; 6] = ["their", "its", "his", "her", "our", "my"];
    const PREPOSITIONS: [&str; 9] = [
        "of", "with", "on", "over", "in", "to", "between", "among", "across",
    ];
    let skip = usize::from(
        next.first()
            .is_some_and(|w| POSSESSIVES.contains(&lower(w).as_ref())),
    );
    let noun = next.get(skip).is_some_and(|w| {
        w.chars().all(|ch| ch.is_lowercase() || ch == '-')
            && !["that", "the", "a", "an", "this", "these", "those", "there"].contains(w)
    });
    const FINITE: [&str; 14] = [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
        "should", "may", "might",
    ];
    let clause = next
        .iter()
        .skip(skip + 2)
        .map(|w| lower(w))
        .take_while(|w| !["who", "which", "that", "where", "when"].contains(&w.as_ref()))
        .any(|w| FINITE.contains(&w.as_ref()));
    noun && !clause
        && next
            .get(skip + 1)
            .is_some_and(|w| PREPOSITIONS.contains(&lower(w).as_ref()))
}

/// Whether a group's verb, `mid` before it and `rest` after it, only says
/// that the group disagrees, pinning no claim on it: a denied `agree`
/// before `on`, `about`, `over`, `whether` or `as to` (`While scientists do
/// not always agree on how to classify organisms`), not before a claim
/// (`Scientists do not agree that the dam is safe`).
fn disagreement(mid: &str, verb: &str, rest: &str) -> bool {
    let denied = words_of(mid, usize::MAX)
        .iter()
        .any(|w| is_negation(w) || lower(w) == "cannot");
    ["agree", "agrees", "agreed"].contains(&verb)
        && denied
        && words_of(rest, 1)
            .first()
            .is_some_and(|w| ["on", "about", "over", "whether", "as"].contains(&lower(w).as_ref()))
}

/// Where the list of vague groups that ends with the group at `start`
/// begins, so that the finding quotes the whole subject: `Some political
/// scientists, philosophers, historians and cultural anthropologists have
/// argued`, not `historians and cultural anthropologists have argued`.
/// Each earlier group joins by a comma, `and` or `or`; up to two modifiers
/// and a quantifier before a group join it when nothing but the clause's
/// start, a comma or a connective comes before them. `start` when no
/// group comes before it.
fn list_start(c: &Compiled, text: &str, base: usize, start: usize) -> usize {
    let word_before =
        |at: usize| last_word(text[base..at].trim_end()).map(|m| base + m.start..base + m.end);
    // The modifiers before the group at `at`, if they open a list item.
    let modifiers = |at: usize| {
        let mut from = at;
        for _ in 0..2 {
            let Some(w) = word_before(from) else { break };
            let gap = &text[w.end..from];
            let word = &text[w.clone()];
            let l = lower(word);
            let quantifier =
                c.vague_words.contains(l.as_ref()) && c.vague_group.find_iter(&l).next().is_none();
            if !gap.trim().is_empty()
                || !word.chars().all(char::is_alphabetic)
                || c.function_words.contains(l.as_ref()) && !quantifier
                || is_capitalized(word) && !(quantifier && text[base..w.start].trim().is_empty())
            {
                break;
            }
            from = w.start;
            if quantifier {
                break;
            }
        }
        let opens = text[base..from].trim_end();
        if opens.is_empty()
            || opens.ends_with(',')
            || last_word(opens)
                .is_some_and(|m| ["and", "or"].contains(&lower(m.str(opens)).as_ref()))
        {
            from
        } else {
            at
        }
    };
    let mut at = start;
    let mut joined = false;
    loop {
        let before = text[base..at].trim_end();
        let connective = before.strip_suffix(',').or_else(|| {
            last_word(before)
                .filter(|m| {
                    m.end == before.len() && ["and", "or"].contains(&lower(m.str(before)).as_ref())
                })
                .map(|m| &before[..m.start])
        });
        let Some(rest) = connective.map(str::trim_end) else {
            break;
        };
        let Some(item) = last_word(rest).filter(|m| m.end == rest.len()) else {
            break;
        };
        if c.vague_group
            .find_iter(&lower(item.str(rest)))
            .next()
            .is_none()
        {
            break;
        }
        at = base + item.start;
        joined = true;
        at = modifiers(at);
    }
    if joined {
        modifiers(at)
    } else {
        start
    }
}

/// Whether an acronym heads the run of up to three lower-case modifiers
/// before a vague group or unnamed evidence at `pos` (`A BBC audience
/// research survey found`, `IMF staff economists say`): the body it names
/// owns the group, as a capitalized word right before it does (`Treasury
/// economists say`). Not a capitalized word farther back, mostly a place
/// or a people (`Two British opinion polls showed`, `Wall Street market
/// analysts`); and the modifiers are no function words (`GATT but
/// analysts`).
fn owned_by_a_name(c: &Compiled, text: &str, sent_start: usize, pos: usize) -> bool {
    let mut end = pos;
    for _ in 0..3 {
        let Some(word) = last_word(text[sent_start..end].trim_end()) else {
            return false;
        };
        if prev_word(text, sent_start, end).is_none() {
            return false;
        }
        let original = word.str(&text[sent_start..]);
        if original.len() >= 2 && original.bytes().all(|b| b.is_ascii_uppercase()) {
            return true;
        }
        let w = lower(original);
        if [
            &c.specific,
            &c.vague_words,
            &c.function_words,
            &c.calendar_words,
            &c.connectors,
            &c.claim_aux,
        ]
        .iter()
        .any(|set| set.contains(w.as_ref()))
            || !w.chars().all(char::is_lowercase)
        {
            return false;
        }
        end = sent_start + word.start;
    }
    false
}

/// Whether `mid`, between a vague group and its verb, is only an aside
/// of `aside_words` between commas (`, however,`).
fn aside(c: &Compiled, mid: &str) -> bool {
    let t = mid.trim();
    let Some(inner) = t.strip_prefix(',').and_then(|t| t.strip_suffix(',')) else {
        return false;
    };
    let ws = words_of(inner, 3);
    !ws.is_empty()
        && ws.len() == Word::alphanumeric().iter(inner).count()
        && ws.iter().all(|w| c.aside_words.contains(lower(w).as_ref()))
}

/// Whether one of the last two words of the clause before unnamed
/// evidence denies it (`evidence_deniers`: `no`, `without`).
fn denied(c: &Compiled, before: &str) -> bool {
    let clause = before.rsplit([',', ';', '(']).next().unwrap_or(before);
    let ws = words_of(clause, usize::MAX);
    ws.iter()
        .rev()
        .take(2)
        .any(|w| c.evidence_deniers.contains(lower(w).as_ref()))
}

/// Whether the words between unnamed evidence and its verb make it
/// evidence wanted, not found: a purpose or a need (`studies in order to
/// find`, `further studies are needed to show`).
fn wanted(mid: &str) -> bool {
    to_after_one_of(mid, &["order", "needed", "required"])
}

/// Whether `mid`, the words before a group's verb, ends in one of `words`
/// and `to`, making the verb an infinitive that word governs (`in order
/// to find`, `failed to predict`).
fn to_after_one_of(mid: &str, words: &[&str]) -> bool {
    let ws = words_of(mid, usize::MAX);
    matches!(ws.as_slice(), [.., w, to]
        if to.eq_ignore_ascii_case("to") && words.contains(&lower(w).as_ref()))
}

/// Whether unnamed evidence told by a participle (`Studies suggesting
/// …`) is the subject of a passive that faults it (`… have been
/// criticised for being poorly controlled`): the sentence doubts the
/// evidence, and leans on no source.
fn faulted(verb: &str, rest: &str) -> bool {
    const FAULTS: [&str; 9] = [
        "criticised",
        "criticized",
        "questioned",
        "disputed",
        "challenged",
        "discredited",
        "refuted",
        "retracted",
        "debunked",
    ];
    let ws = words_of(rest, usize::MAX);
    verb.ends_with("ing")
        && ws.windows(2).any(|p| {
            BE_FORMS.contains(&lower(p[0]).as_ref()) && FAULTS.contains(&lower(p[1]).as_ref())
        })
}

/// Whether `studies` or `research` is told by its method (see
/// [`Options::study_kinds`](super::Options::study_kinds)): the word right
/// before it (`Laboratory studies show`, `Epidemiological studies
/// showed`) or the words right after it (`Studies in animals have shown`).
fn study_kind(c: &Compiled, before: &str, after: &str) -> bool {
    let kind_before = last_word(before.trim_end()).is_some_and(|m| {
        let w = lower(m.str(before.trim_end()));
        w.ends_with("ological") || c.study_kinds_before.contains(w.as_ref())
    });
    let next: Vec<String> = words_of(after, 3)
        .iter()
        .map(|w| lower(w).into_owned())
        .collect();
    kind_before
        || c.study_kinds_after
            .iter()
            .any(|p| next.len() >= p.len() && next[..p.len()] == p[..])
}

/// Whether the clause before a vague group ends in a preposition and up to
/// one modifier (`of 13`, `based on molecular`): the group is then not the
/// subject.
fn of_phrase(before: &str) -> bool {
    let clause = before.rsplit([',', ';', '(']).next().unwrap_or(before);
    let ws = words_of(clause, usize::MAX);
    let n = ws.len();
    n >= 2
        && [ws[n - 1], ws[n - 2]]
            .iter()
            .any(|w| ["of", "on", "from", "by", "in", "with"].contains(&lower(w).as_ref()))
}

/// Whether the clause before unnamed evidence ends in an infinitive, a
/// determiner and modifiers in lower case (`Attempts to reconcile the
/// molecular and fossil`): the evidence is the infinitive's object, not
/// the subject of the verb after it (`… evidence have proved
/// controversial`).
fn object_of_infinitive(before: &str) -> bool {
    const DETERMINERS: [&str; 11] = [
        "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our",
    ];
    let clause = before.rsplit([',', ';', '(']).next().unwrap_or(before);
    let ws = words_of(clause, usize::MAX);
    let tail = &ws[ws.len().saturating_sub(6)..];
    tail.iter().enumerate().any(|(i, w)| {
        w.eq_ignore_ascii_case("to")
            && tail
                .get(i + 2)
                .is_some_and(|d| DETERMINERS.contains(&lower(d).as_ref()))
            && tail[i + 1..]
                .iter()
                .all(|m| m.chars().all(|ch| ch.is_lowercase() || ch == '-'))
    })
}

/// Vague subjects in the sentence `span`: `some believe`, `many people
/// think`, found when `kinds` has their bit.
fn subject_claims(
    c: &Compiled,
    text: &str,
    span: &Range<usize>,
    sent_hits: &[(usize, u8)],
    kinds: u8,
    found: &mut Vec<(Range<usize>, &str)>,
) {
    let (s, base) = (&text[span.clone()], span.start);
    let subjects = (kinds & CLAIM_SUBJECT != 0).then(|| {
        let bounds = claim_bounds(c, text.as_bytes(), span, sent_hits, CLAIM_SUBJECT);
        c.vague_subject.find_iter_within(s, bounds)
    });
    for m in subjects.into_iter().flatten() {
        let start = base + m.start;
        if let Some((w, cap)) = prev_word(text, base, start) {
            // (After a copula the quantifier counts a noun: `there is some
            // dispute as to`.)
            if cap
                || c.specific.contains(w.as_ref())
                || c.claim_aux.contains(w.as_ref())
                || BE_FORMS.contains(&w.as_ref())
            {
                continue;
            }
        }
        let after_start = base + m.end;
        let after = &text[after_start..span.end];
        // The first of the next words that is not an auxiliary.
        let Some(verb) = Word::alphanumeric()
            .iter(after)
            .take(c.subject_verb_within)
            .find(|w| !c.claim_aux.contains(lower(w.str(after)).as_ref()))
            .filter(|w| c.claim_verbs.contains(lower(w.str(after)).as_ref()))
        else {
            continue;
        };
        if after[..verb.start].contains([',', ';', '"']) {
            continue;
        }
        // The vague subjects are plural: a word in a verb's -s form after
        // one is a noun (`raised some doubts`, `many questions remain`).
        if third_person_s(verb.str(after))
            || no_claim_after(&after[verb.end..])
            || not_a_claim_sense(verb.str(after), &after[..verb.start], &after[verb.end..])
        {
            continue;
        }
        found.push((start..after_start + verb.end, "vague subject"));
    }
}

/// Whether `w` looks like a verb's third-person -s form (`doubts`,
/// `questions`; not `discuss`).
fn third_person_s(w: &str) -> bool {
    let w = w.as_bytes();
    w.len() > 2
        && w[w.len() - 1].eq_ignore_ascii_case(&b's')
        && !w[w.len() - 2].eq_ignore_ascii_case(&b's')
}

/// Impersonal claims and vague-source phrases in the sentence `span`: `it
/// is believed`, `is widely thought`, `according to sources`, found when
/// `kinds` has their bits.
fn impersonal_claims(
    c: &Compiled,
    text: &str,
    span: &Range<usize>,
    prev: &str,
    sent_hits: &[(usize, u8)],
    kinds: u8,
    found: &mut Vec<(Range<usize>, &str)>,
) {
    let (s, base) = (&text[span.clone()], span.start);
    for (re, bit) in [
        (&c.impersonal_it, CLAIM_IT),
        (&c.impersonal_passive, CLAIM_PASSIVE),
        (&c.vague_phrase, CLAIM_PHRASE),
    ] {
        if kinds & bit == 0 {
            continue;
        }
        let bounds = claim_bounds(c, text.as_bytes(), span, sent_hits, bit);
        for m in re.find_iter_within(s, bounds) {
            if !passive_claim(c, s, prev, m.start..m.end) {
                continue;
            }
            found.push((base + m.start..base + m.end, "impersonal or vague source"));
        }
    }
}

/// Whether the vague-source phrase or impersonal `it is said` at `m` of
/// sentence `s` is a claim: not when an agent names its source (`by local
/// journalist Paco Aguilar`), and not a passive (`is said to`, `are thought
/// to`, `it is said to`) that names what a
/// thing is called ([`names_a_term`]), states a rule in a conditional
/// sentence (`If the algorithm returns yes, it is said to accept the
/// input`, `…, and if a branch halts, it is said to accept`, `A group is
/// said to act on X if …`), quotes a saying (`it was said "he is so red
/// he becomes purple"`) or has its source later in
/// the sentence (`…, according to Price`); nor any in a sentence that retells a legend or a faith (`The
/// mythical bird is said to carry souls`), that states what a science
/// holds (`Chloroplasts are thought to be descended from cyanobacteria`),
/// or that defines a term (`is generally understood as`).
fn passive_claim(c: &Compiled, s: &str, prev: &str, mut m: Range<usize>) -> bool {
    let tail = s[m.end..].trim_start();
    // An agent that names the source: `It has been alleged by local
    // journalist Paco Aguilar that …`, not `by some in Guam`.
    if tail.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("by ")) {
        for w in words_of(&tail[3..], 4) {
            if is_capitalized(w) && w != "I" {
                return false;
            }
            let lw = lower(w);
            // (`vague_words` holds `some`, `many`, `others`.)
            if c.vague_words.contains(lw.as_ref())
                || ["most", "few", "several", "in", "to", "that", "as"].contains(&lw.as_ref())
            {
                break;
            }
        }
    }
    let according = s[m.clone()]
        .get(..9)
        .is_some_and(|w| w.eq_ignore_ascii_case("according"));
    if according && (names_members(tail) || a_certain(&s[m.clone()], tail)) {
        return false;
    }
    // A legend or a faith retold as such (`The mythical bird is said to
    // carry souls`, `It was believed that the gods sent the flood`), by a
    // word in lower case (not a name: `Gods of Metal`); not `according to
    // some`, a source named as vague.
    if !according
        && Word::alphanumeric()
            .iter(s)
            .strs()
            .any(|w| !is_capitalized(w) && c.folklore.contains(w))
    {
        return false;
    }
    // The history of an idea: a past-tense claim after a time frame (`In
    // the 1950s, it was suggested that …`, `Prior to Einstein, it was
    // thought …`) reports what was held then.
    let past = s[m.clone()].split_whitespace().any(|w| {
        ["was", "were", "had"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
    });
    if past && !according && in_a_time_frame(c, &s[..m.start]) {
        return false;
    }
    // What people held then: `It was believed that the world was made of
    // five elements`; not news of what was expected or what happened
    // (`it was thought that Kane would start`, `It was believed to have
    // started in the kitchen`).
    let participle = s[m.clone()].split_whitespace().next_back().unwrap_or("");
    if past
        && !according
        && c.narrative_past.contains(lower(participle).as_ref())
        && !expects_or_reports_an_event(tail)
    {
        return false;
    }
    // (`thought` or `believed`: the hedges that deep time and a science
    // state as such.)
    let hedged = !according
        && s[m.clone()]
            .split_whitespace()
            .any(|w| c.narrative_past.contains(lower(w).as_ref()));
    // Deep time: science's reconstruction of a past no one witnessed, even
    // of an event (`All bilaterians are thought to have descended from a
    // common ancestor … in the Cambrian`).
    if hedged && (deep_time(c, s) || deep_time(c, prev)) {
        return false;
    }
    // What a science holds, stated as such: the present `is thought to`
    // or `It is believed that` in a sentence of scientific exposition
    // (`Chloroplasts are thought to be descended from cyanobacteria`); not
    // a past event (`The virus is thought to have come from bats`), but
    // for descent in evolution told of a subject of science (`These
    // predatory bacteria are thought to have evolved from saprophages`).
    let science_in = |t: &str| {
        Word::alphanumeric()
            .iter(t)
            .strs()
            .any(|w| c.science.contains(lower(w).as_ref()))
    };
    if !past
        && hedged
        && if before_a_past_event(&s[m.clone()], tail) {
            evolved(tail) && science_in(&s[..m.start])
        } else {
            science_in(s)
        }
    {
        return false;
    }
    // A consensus hedge or a classification, unless a `that` clause
    // follows: `is generally considered the archetype`, not `It is widely
    // considered that the dam could fail`.
    if c.consensus.contains(lower(participle).as_ref())
        && !tail
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("that "))
    {
        return false;
    }
    // A definition: `Organic cotton is generally understood as cotton
    // from plants not genetically modified`.
    if participle.eq_ignore_ascii_case("understood")
        && tail.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("as "))
    {
        return false;
    }
    // A saying, quoted: `it was said "he is so red he becomes purple"`,
    // `it is said that the "dog is man's best friend"`.
    if participle.eq_ignore_ascii_case("said") {
        let t = tail.strip_prefix("that ").unwrap_or(tail).trim_start();
        let t = t.strip_prefix("the ").unwrap_or(t);
        if t.starts_with(['"', '“', '‘', '\'']) {
            return false;
        }
    }
    // (`it is said` takes its `to` from the text after it.)
    if tail.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("to")) && tail[2..].starts_with(' ') {
        m.end = s.len() - tail.len() + 2;
    }
    let phrase = &s[m.clone()];
    if !phrase
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("to"))
    {
        return true;
    }
    let opens = s.split_whitespace().next().unwrap_or("");
    // (Or the condition after it, a definition: `A group is said to act
    // on an object X if every element …`.)
    let defined = phrase
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("said"))
        && words_of(&s[m.end..], usize::MAX)
            .iter()
            .any(|w| ["if", "iff", "whenever"].contains(w));
    // (Or a condition in the clause before the subject, set off by a
    // comma: `…, and if it solves the problem in any branch, it is said to
    // have solved it`; not one inside the subject: `This, if placed within
    // the cover, was said to reduce dust`.)
    let condition_before = s[..m.start]
        .rsplit_once(',')
        .is_some_and(|(head, subject)| {
            // (The subject: up to three words after the comma, or the `it` the
            // phrase opens with.)
            let it = words_of(phrase, 1)
                .first()
                .is_some_and(|w| w.eq_ignore_ascii_case("it"));
            let n = words_of(subject, 4).len() + usize::from(it);
            let clause = &head[head.rfind([',', ';', ':']).map_or(0, |i| i + 1)..];
            let first = words_of(clause, 3)
                .into_iter()
                .find(|w| !["and", "but", "so"].contains(&lower(w).as_ref()));
            (1..=3).contains(&n)
                && first.is_some_and(|w| ["if", "when", "whenever"].contains(&lower(w).as_ref()))
        });
    let conditional =
        ["If", "When", "Whenever", "Where"].contains(&opens) || defined || condition_before;
    let sourced = s[m.end..].to_ascii_lowercase().contains("according to");
    !(conditional || sourced || names_a_term(phrase, &s[m.end..]))
}

/// Whether sentence `s` tells of deep time: a word of `deep_time_words`
/// (`Eocene`, `prehistoric`), or `years`, `BC` or `BCE` after `million`,
/// `billion` or a number of ten thousand or more (`between 7,000 and
/// 10,000 years ago`, `from 12,000 BC`).
fn deep_time(c: &Compiled, s: &str) -> bool {
    let mut before = "";
    for w in s.split_whitespace() {
        let w = w.trim_matches(|ch: char| !ch.is_alphanumeric());
        let lw = lower(w);
        // (The last part of a compound: `mid-Eocene`.)
        if c.deep_time.contains(lw.rsplit('-').next().unwrap_or("")) {
            return true;
        }
        if ["years", "bc", "bce"].contains(&lw.as_ref()) {
            let n: String = before.chars().filter(|ch| *ch != ',').collect();
            if ["million", "billion"]
                .iter()
                .any(|m| before.eq_ignore_ascii_case(m))
                || n.parse::<u64>().is_ok_and(|n| n >= 10_000)
            {
                return true;
            }
        }
        before = w;
    }
    false
}

/// Whether `tail`, after a passive, tells of descent in evolution within
/// its first four words (`… to have evolved from saprophages`, `to have
/// descended from`, `to have given rise to`), or of a trait that arose in
/// several lineages apart (`to have developed independently`): a
/// science's past, not news of an event.
fn evolved(tail: &str) -> bool {
    words_of(tail, 4).iter().any(|w| {
        ["evolved", "descended", "diverged", "independently", "rise"].contains(&lower(w).as_ref())
    })
}

/// Whether a passive (`is thought to`, `is believed`) goes on with `to
/// have` (`is thought to have come from bats`): a claim about what
/// happened, not about how things are.
fn before_a_past_event(phrase: &str, tail: &str) -> bool {
    let ws = words_of(tail, 2);
    let is = |i: usize, w: &str| ws.get(i).is_some_and(|x| x.eq_ignore_ascii_case(w));
    match phrase.split_whitespace().next_back() {
        Some(last) if last.eq_ignore_ascii_case("to") => is(0, "have"),
        _ => is(0, "to") && is(1, "have"),
    }
}

/// Whether the clause after a past belief is news of an expectation or an
/// event: `would` in it (`it was thought that Kane would start`; not
/// after `when`, what was held to happen every time), or `to have` right
/// after (`It was believed to have started in the kitchen`).
fn expects_or_reports_an_event(tail: &str) -> bool {
    let clause = tail.split(';').next().unwrap_or(tail);
    let ws = words_of(clause, usize::MAX);
    // (`would` after `when` tells what was held to happen every time:
    // `It was believed that when people died, they would be confined …`.)
    let would = ws
        .iter()
        .take_while(|w| !["when", "whenever"].contains(&lower(w).as_ref()))
        .any(|w| w.eq_ignore_ascii_case("would"));
    ws.len() >= 2 && ws[0].eq_ignore_ascii_case("to") && ws[1].eq_ignore_ascii_case("have") || would
}

/// Whether the sentence up to a claim opens with a frame of history, not
/// of news: one of `history_openers` (`Historically`, `Prior to
/// Einstein`), or `In`, `By` or `During` and, within four words, a decade
/// or one of `history_times` (`In the 1950s,`, `During the Middle Ages,`);
/// not a year or a date (`In 2023, it was claimed` is news).
fn in_a_time_frame(c: &Compiled, before: &str) -> bool {
    let ws = words_of(before, 6);
    let Some(first) = ws.first().map(|w| lower(w)) else {
        return false;
    };
    if c.history_openers.contains(first.as_ref()) {
        return true;
    }
    // A decade: `1950s`, `1950's`, `1950’s`.
    let decade = |w: &str| {
        let digits = w
            .strip_suffix('s')
            .map(|d| d.trim_end_matches(['\'', '\u{2019}']))
            .unwrap_or("");
        digits.len() == 4 && digits.ends_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
    };
    ["in", "by", "during"].contains(&first.as_ref())
        && ws[1..]
            .iter()
            .take(4)
            .any(|w| decade(w) || c.history_times.contains(lower(w).as_ref()))
}

/// Whether the text after a vague-source phrase names who its group is, in
/// its first words: `like`, `including`, `notably` or `such as`, then a
/// capitalized word (`According to some scholars like Siedow, …`).
fn names_members(tail: &str) -> bool {
    let ws = words_of(tail, 6);
    ws.iter().enumerate().take(4).any(|(i, w)| {
        let lw = lower(w);
        let name = match lw.as_ref() {
            "like" | "including" | "notably" => ws.get(i + 1),
            "such" if ws.get(i + 1).is_some_and(|a| a.eq_ignore_ascii_case("as")) => ws.get(i + 2),
            _ => None,
        };
        name.is_some_and(|n| is_capitalized(n) && *n != "I")
    })
}

/// Whether `according to some` (the `phrase`) uses `some` as `a certain`,
/// before a noun in the singular (`forwarded according to some scheduling
/// discipline`, `according to some rule`), not a vague source: a plural
/// (`according to some estimates`, `some Roman sources`), people told by
/// what follows (`according to some in Washington`, `some of them`, `some
/// familiar with the talks`), or `some` alone (`according to some, …`).
fn a_certain(phrase: &str, tail: &str) -> bool {
    const PLURALS: [&str; 8] = [
        "people", "research", "evidence", "media", "press", "data", "men", "women",
    ];
    // (`some` standing for people: `some in Washington`, `some of them`,
    // `some who were there`, `some familiar with the talks`.)
    const PEOPLE_AFTER: [&str; 13] = [
        "in", "at", "within", "among", "inside", "of", "on", "from", "who", "that", "close",
        "familiar", "involved",
    ];
    if !phrase
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("some"))
        || !tail.starts_with(char::is_alphabetic)
    {
        return false;
    }
    let ws = words_of(tail, 3);
    let plural = |w: &&str| {
        let lw = lower(w);
        lw.len() > 2 && lw.ends_with('s') && !lw.ends_with("ss") || PLURALS.contains(&lw.as_ref())
    };
    ws.first()
        .is_some_and(|w| !PEOPLE_AFTER.contains(&lower(w).as_ref()))
        && !ws.iter().any(plural)
}

/// Whether a passive phrase (`is said to`) names what a thing is called
/// rather than hanging a claim on nobody: `is said to be` (`when saturated,
/// the switch is said to be on`, `such species are said to be dioecious`:
/// technical usage, where the hearsay sense takes another verb, `is said
/// to have died`), or a quotation mark after it, past `be`, `have`,
/// `have been` or `be called` (`the underlier is said to have ‘pinned’`),
/// or a quoted name given later in the sentence (`known as the
/// "plastome"`, `referred to as`, `called`).
fn names_a_term(phrase: &str, after: &str) -> bool {
    // (`said` right after its auxiliary: `are often said to be the
    // boldest` is a hedged claim.)
    let mut words = phrase
        .split_whitespace()
        .rev()
        .skip(1)
        .filter(|w| !w.eq_ignore_ascii_case("it"));
    let said = words.next().is_some_and(|w| w.eq_ignore_ascii_case("said"))
        && words.next().is_some()
        && words.next().is_none();
    let mut rest = after.trim_start();
    let starts_with_word = |r: &str, w: &str| {
        r.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w))
            && r[w.len()..].starts_with(char::is_whitespace)
    };
    if said && starts_with_word(rest, "be") {
        return true;
    }
    // (A name it goes on to give: `are sometimes said to have their own
    // genome, often referred to as the "mitochondrial genome"`.)
    let lower_after = after.to_ascii_lowercase();
    let named = ["referred to as ", "known as ", "called "].iter().any(|p| {
        lower_after.match_indices(p).any(|(i, _)| {
            let next = after[i + p.len()..].trim_start();
            let next = next.strip_prefix("the ").unwrap_or(next);
            next.starts_with(['"', '“', '‘', '\'', '`'])
        })
    });
    if named {
        return true;
    }
    if let Some(w) = ["be called", "have been", "be", "have"]
        .into_iter()
        .find(|w| starts_with_word(rest, w))
    {
        rest = rest[w.len()..].trim_start();
    }
    rest.starts_with(['"', '“', '‘', '\'', '`'])
}

/// Reports the claims `found` in sentence `si`, in order, overlapping ones
/// after the first left out, and those in a quotation or reported by a
/// named speaker passed over; none when the next sentence of the paragraph
/// names a source, and no impersonal one (`It is suggested that …`) after
/// a sentence of the paragraph in which a name argues
/// ([`argued_by_a_name`]).
fn report_claims(
    c: &Compiled,
    text: &str,
    seg: &Segmented,
    si: usize,
    mut found: Vec<(Range<usize>, &str)>,
    out: &mut Vec<Finding>,
) {
    let sent = &seg.sentences[si];
    let next_names = || {
        seg.sentences
            .get(si + 1)
            .filter(|n| n.paragraph == sent.paragraph)
            .is_some_and(|n| {
                let n = &text[n.span.clone()];
                sentence_names_source(c, n) || cites(c, n)
            })
            || classical_citation(&text[sent.span.end..])
    };
    let prev_names = || {
        si.checked_sub(1)
            .map(|p| &seg.sentences[p])
            .filter(|p| p.paragraph == sent.paragraph)
            .is_some_and(|p| argued_by_a_name(c, &text[p.span.clone()]))
    };
    found.sort_by_key(|h| (h.0.start, std::cmp::Reverse(h.0.end)));
    let mut last_end = 0;
    let mut names = None;
    for (r, kind) in found {
        if r.start < last_end
            || in_quote(seg, r.start)
            || reported_by_speaker(c, text, sent.span.clone(), r.clone())
            || conditional(&text[sent.span.start..r.start], &text[r.clone()])
        {
            continue;
        }
        // A citation or a possessive source in the sentence names it:
        // `(Moscovitch 2007)`, `by Novak (1998)`, `Macfarlane et al`, `in
        // Whitehead's view`.
        let s = &text[sent.span.clone()];
        if cites(c, s)
            || c.quote_cues.possessive_source(s)
            || framed_by_a_source(c, s)
            || according_to_a_name(c, s)
            || s.rfind('(')
                .is_some_and(|k| classical_citation(&text[sent.span.start + k..]))
        {
            break;
        }
        if *names.get_or_insert_with(next_names) {
            break;
        }
        if kind == "impersonal or vague source"
            && !text[r.clone()]
                .to_ascii_lowercase()
                .starts_with("according")
            && prev_names()
        {
            continue;
        }
        last_end = r.end;
        out.push(Finding::new(
            Span::new(r.start, r.end),
            format!(
                "claim with a vague source ({kind}: \"{}\"): no person, \
                 organisation or study is named as its source in this sentence \
                 or the next one",
                text[r.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ));
    }
}

/// Whether sentence `s` opens with the frame of a source it goes on to
/// tell: `In`, `From`, `Within` or `Under`, a word or more, then one of
/// `possessive-source-nouns` before a comma (`In Buddhist practice, it is
/// said that …`, `From the component processing perspective, …`); not a
/// bare `In theory,`, nor `In other words,`, nor a vague or an
/// indefinite source's (`In many people's view,`, `In one opinion,`).
fn framed_by_a_source(c: &Compiled, s: &str) -> bool {
    let Some(comma) = s.find(',').filter(|&k| k < 80) else {
        return false;
    };
    let ws: Vec<&str> = s[..comma].split_whitespace().collect();
    let (Some(first), Some(noun)) = (ws.first(), ws.last()) else {
        return false;
    };
    (3..=7).contains(&ws.len())
        && ["in", "from", "within", "under"]
            .iter()
            .any(|o| first.eq_ignore_ascii_case(o))
        && noun.bytes().all(|b| b.is_ascii_lowercase())
        && c.quote_cues.source_noun(noun)
        && !ws[ws.len() - 2].eq_ignore_ascii_case("other")
        && !ws.iter().any(|w| {
            let w = lower(w);
            c.vague_words.contains(w.as_ref())
                || ["a", "an", "one", "another", "certain"].contains(&w.as_ref())
        })
}

/// Whether claim `phrase` after `before` (its sentence up to it) is only a
/// condition: `if`, `unless` or `whether` among the last three words of
/// its clause, so that the claim's subject opens the condition (`formal if
/// the harm is believed to be likely`, `need not set aside reserves if it
/// is believed payments will resume`, `if there is sufficient evidence to
/// show`); or a habit, `when` or `whenever`
/// and a generic person in the present (`common with elevator buttons
/// when people believe this to be an effective way`, `When people say
/// …`), not a past event (`fell sharply when analysts said`, `1931, when
/// it is believed`). A condition asserts nothing that needs a source; a
/// claim in the main clause after it does (`If the rains fail experts warn
/// …`).
fn conditional(before: &str, phrase: &str) -> bool {
    let clause = &before[before.rfind([',', ';', ':']).map_or(0, |i| i + 1)..];
    let ws = words_of(clause, usize::MAX);
    let last = &ws[ws.len().saturating_sub(3)..];
    let is = |w: &&str, list: &[&str]| list.iter().any(|c| w.eq_ignore_ascii_case(c));
    if last.iter().any(|w| is(w, &["if", "unless", "whether"])) {
        return true;
    }
    // (Or `there is` and up to two words after it: `if there is
    // sufficient evidence to show`.)
    let k = ws.len().saturating_sub(5);
    if ws[k..].windows(3).any(|p| {
        is(&p[0], &["if", "unless", "whether"])
            && is(&p[1], &["there"])
            && is(&p[2], &["is", "are", "was", "were"])
    }) {
        return true;
    }
    let said = words_of(phrase, 8);
    last.iter().any(|w| is(w, &["when", "whenever"]))
        && said
            .first()
            .is_some_and(|w| is(w, &["people", "someone", "somebody", "you", "one"]))
        && said.last().is_some_and(|w| {
            let l = w.to_ascii_lowercase();
            !l.ends_with("ed") && !["said", "thought", "was", "were", "told"].contains(&l.as_str())
        })
}

/// Whether sentence text `s` cites a source: an author–date citation, a
/// paper by its first author (`Benloucif et al. found`) or a footnote
/// marker (`[12]`, `[note 36]`).
fn cites(c: &Compiled, s: &str) -> bool {
    c.quote_cues.cites(s) || c.quote_cues.cites_a_paper(s) || c.quote_cues.has_footnote(s)
}

/// Where in the sentence `span` of `b`, given its anchor hits, a match of
/// the claim pattern of `kind` can start (offsets into the sentence, for
/// [`WordPattern::find_iter_within`]): a plain phrase starts as many words
/// before its anchor as it has there; the passive pattern one more (`is`
/// before the adverb).
///
/// [`WordPattern::find_iter_within`]: super::matching::WordPattern::find_iter_within
pub(super) fn claim_bounds(
    c: &Compiled,
    b: &[u8],
    span: &Range<usize>,
    hits: &[(usize, u8)],
    kind: u8,
) -> (usize, usize) {
    let extra = usize::from(kind == CLAIM_PASSIVE);
    let before = c.anchors.before[kind.trailing_zeros() as usize] + extra;
    c.anchors.bounds(b, span, hits, kind, before)
}

/// Whether sentence `s` credits a name `according to` (`…, according to
/// Ms Alexander`, `according to the World Bank`): past an article, a run
/// of capitalized words not followed by a plural or a vague group in lower
/// case (not `according to Western diplomats`, `according to U.S.
/// officials`, `according to some`).
fn according_to_a_name(c: &Compiled, s: &str) -> bool {
    let ws = words_of(s, usize::MAX);
    let Some(k) = ws
        .windows(2)
        .position(|p| p[0].eq_ignore_ascii_case("according") && p[1].eq_ignore_ascii_case("to"))
    else {
        return false;
    };
    let mut rest = ws[k + 2..]
        .iter()
        .skip_while(|w| ["the", "a", "an"].contains(&lower(w).as_ref()))
        .peekable();
    let mut name = 0;
    while rest.next_if(|w| is_capitalized(w)).is_some() {
        name += 1;
    }
    name > 0
        && rest.next().is_none_or(|w| {
            let lw = lower(w);
            !(w.starts_with(char::is_lowercase)
                && (lw.ends_with('s') || c.vague_words.contains(lw.as_ref())))
        })
}

/// Whether a sentence names a source: a capitalized name (not just the
/// first word) together with a speech verb, `according to` or a naming cue.
fn sentence_names_source(c: &Compiled, s: &str) -> bool {
    let ws = words_of(s, usize::MAX);
    let named = (ws.len() >= 2 && is_capitalized(ws[0]) && is_capitalized(ws[1]))
        || ws.iter().skip(1).any(|w| is_capitalized(w) && *w != "I");
    if !named {
        return false;
    }
    let lw: Vec<Cow<str>> = ws.iter().map(|w| lower(w)).collect();
    c.attributing.is_match(s) || c.naming_cues.iter().any(|p| contains_phrase(&lw, p))
}

/// Whether `after` (the text after a sentence, or from a sentence's last
/// parenthesis) opens with a citation of a classical text in
/// parentheses: an abbreviated author or title and a book or chapter
/// number, in roman or arabic figures (`(Soz., "Hist. Eccl.", VI, xii;
/// Soc., …)`, `(Hdt. 1.23)`).
fn classical_citation(after: &str) -> bool {
    let Some(inner) = after
        .trim_start_matches([' ', '\t'])
        .strip_prefix('(')
        .and_then(|r| r.get(..r.find(')')?))
        .filter(|r| r.len() <= 200 && !r.contains('\n'))
    else {
        return false;
    };
    let tokens: Vec<&str> = inner
        .split(|ch: char| ch.is_whitespace() || ch == ',' || ch == ';' || ch == '"')
        .filter(|t| !t.is_empty())
        .collect();
    let abbreviation = tokens.iter().any(|t| {
        t.strip_suffix('.').is_some_and(|w| {
            (2..=6).contains(&w.len())
                && w.starts_with(|ch: char| ch.is_ascii_uppercase())
                && w.chars().all(|ch| ch.is_ascii_alphabetic())
        })
    });
    let number = tokens.iter().any(|t| {
        let t = t.trim_end_matches('.');
        !t.is_empty()
            && (t.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
                || t.chars().all(|ch| "ivxlcIVXLC".contains(ch)))
    });
    abbreviation && number
}

/// Whether sentence `s` opens with a name, or names joined by `and`, as
/// the subject of one of `argument_verbs` (`Lagerlof and Galor stated
/// that …`, `HT sees the abolition as …`, `Lucan depicts …`): a scholar or
/// a work laying out a view, which an impersonal claim in the sentence
/// after goes on with (`It is suggested that …`).
fn argued_by_a_name(c: &Compiled, s: &str) -> bool {
    // (A name, not a vague group or a study: `Critics argued …`, `Studies
    // suggested …` lay out nobody's view.)
    for (i, w) in words_of(s, 8).into_iter().enumerate() {
        if i > 0 && c.argument_verbs.contains(w) {
            // (`sees` as a view: `HT sees the abolition as the turning
            // point`, not `Smith sees the minister today`.)
            return w != "sees" || s.contains(" as ");
        }
        if !(is_name_of_someone(c, w) || w == "and" && i > 0) {
            return false;
        }
    }
    false
}

/// Whether the words between a vague subject and its verb name the source.
fn mid_names_source(c: &Compiled, mid_text: &str) -> bool {
    let ws = words_of(mid_text, usize::MAX);
    if ws.iter().any(|w| is_capitalized(w)) {
        return true;
    }
    let lw: Vec<Cow<str>> = ws.iter().map(|w| lower(w)).collect();
    c.naming_cues.iter().any(|p| contains_phrase(&lw, p))
}

/// Whether `words` contains the phrase `p` (both lower-cased).
fn contains_phrase(words: &[impl AsRef<str>], p: &[String]) -> bool {
    !p.is_empty()
        && words
            .windows(p.len())
            .any(|w| w.iter().zip(p).all(|(a, b)| a.as_ref() == b))
}

/// Whether a word of `verbs` (ASCII letters, lower-cased) may be one of the
/// `n` words after the word at `pos`, in the text up to `end`: false only
/// when it is none of them.
///
/// A necessary condition for the claim patterns that look for a verb
/// after their subject, cheap enough to run before them. Words are split
/// as `Word::alphanumeric()` splits them (a letter or digit, then letters,
/// digits, apostrophes and hyphens), by its byte classes; each run of
/// letters and digits in a word is compared, so a word a pattern would
/// start inside a hyphenated one (`some-think`) is compared too.
fn verb_may_follow(text: &str, pos: usize, end: usize, n: usize, verbs: &WordTable) -> bool {
    let word = Word::alphanumeric();
    // A non-ASCII character that may start or continue a word: a joiner
    // (`’`), or alphanumeric (a superset of the word's `[\p{L}\p{N}]`
    // that needs no regex).
    let may_hold = |i: usize| {
        let ch = text[i..].chars().next().unwrap_or(' ');
        (is_alphanumeric(ch) || word.is_joiner(ch), ch.len_utf8())
    };
    let b = text.as_bytes();
    let (mut i, mut words) = (pos, 0);
    while i < end && words <= n {
        let c = b[i];
        if c >= 0x80 {
            // Only other characters are passed over.
            match may_hold(i) {
                (true, _) => return true,
                (false, len) => i += len,
            }
            continue;
        }
        if !word.is_char_byte(c) {
            i += 1;
            continue;
        }
        while i < end && (word.is_char_byte(b[i]) || word.is_joiner_byte(b[i])) {
            let s = i;
            while i < end && word.is_char_byte(b[i]) {
                i += 1;
            }
            // (A run of ASCII letters and digits: the table's words are
            // lower-case ASCII letters.)
            if verbs.may_hold(b, s, i) && verbs.get_filtered(b, s, i).is_some() {
                return true;
            }
            while i < end && word.is_joiner_byte(b[i]) {
                i += 1;
            }
        }
        // (The word may go on.)
        if i < end && b[i] >= 0x80 && may_hold(i).0 {
            return true;
        }
        words += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::rules::attribution::test_support::{compiled, found};
    use crate::rules::attribution::Options;
    use crate::segment::segment;
    use crate::testing::xorshift;
    use crate::words::{is_ascii_word_byte, Tok};

    fn claims(text: &str) -> Vec<String> {
        found(text, unattributed_claims)
    }

    /// A finding quotes the whole list of vague groups that is the
    /// claim's subject (the list from the Wikipedia article on political
    /// philosophy), with its quantifier at the clause's start.
    #[test]
    fn claims_quote_their_whole_list_of_groups() {
        assert_eq!(
            claims("Some political scientists, philosophers, historians and cultural anthropologists have argued that most political action occurs outside the state."),
            ["Some political scientists, philosophers, historians and cultural anthropologists have argued"]
        );
        assert_eq!(
            claims("Economists, analysts and some critics argue the war was lost."),
            ["Economists, analysts and some critics argue"]
        );
        // A list item is a vague group: no other word joins it.
        assert_eq!(
            claims("After the vote, critics argue the deal was lost."),
            ["critics argue"]
        );
    }

    #[test]
    fn vague_claims_flagged() {
        assert_eq!(claims("Experts say the plan will fail."), ["Experts say"]);
        assert_eq!(
            claims("Critics argue that the deal is too weak."),
            ["Critics argue"]
        );
        assert_eq!(
            claims("Some believe the talks are doomed."),
            ["Some believe"]
        );
        assert_eq!(
            claims("Observers note a shift in tone."),
            ["Observers note"]
        );
        assert_eq!(claims("The deal is weak, analysts say."), ["analysts say"]);
        assert_eq!(
            claims("It is widely believed that he will resign."),
            ["It is widely believed"]
        );
        assert_eq!(
            claims("It is said that the king never slept."),
            ["It is said"]
        );
        assert_eq!(claims("Studies show that sleep matters."), ["Studies show"]);
        assert_eq!(claims("Research suggests a link."), ["Research suggests"]);
        assert_eq!(
            claims("Many people think the tax is unfair."),
            ["Many people think"]
        );
        assert_eq!(
            claims("The firm will close, according to sources."),
            ["according to sources"]
        );
        assert_eq!(
            claims("He is widely thought to be the best."),
            ["is widely thought"]
        );
        // A consensus hedge is `weasel-words`' to flag, not this rule's.
        assert_eq!(
            claims("He is widely regarded as the best."),
            [] as [&str; 0]
        );
        assert_eq!(claims("It is generally considered rare."), [] as [&str; 0]);
    }

    #[test]
    fn named_sources_pass() {
        for t in [
            "Experts at the Asan Institute for Policy Studies say the plan will fail.",
            "Critics, including opposition leader Lee Jae-myung, argue the deal is weak.",
            "Studies by the Korea Development Institute show growth is slowing.",
            "Experts say the plan will fail. Kim Jin-ho of Seoul National University said the costs were too high.",
            "The analysts said the deal was weak.",
            "Two analysts said the deal was weak.",
            "Goldman Sachs analysts say the deal is weak.",
            "He said \u{201C}experts say this all the time, and they are wrong.\u{201D}",
            "Analysts polled by Reuters said growth would slow.",
            // What a named speaker reports, over `not only … but`.
            "Mayor Lee said the candidate not only has money but knows what ordinary people think.",
            // A named speaker with an aside before the verb (BBC,
            // bbc-politics-196).
            "Labour peer Baroness Kennedy, who is chairing the Power Inquiry into political disengagement, said people already thought politicians engaged in dirty tricks.",
            "Mayor Lee, however, said critics argue the plan is too costly.",
            // A family name after a lower-case particle (written after a
            // Wikipedia sentence on manuscripts).
            "The scholar Saud al-Sarhan said the fragments carry marks that are believed to be later additions.",
        ] {
            assert_eq!(claims(t), Vec::<String>::new(), "{t}");
        }
    }

    /// Words of a claim's shape in a sense that claims nothing: `some`
    /// as `a certain` after `according to`, and `maintain` as `keep up`
    /// (sentences written for the test, on the shape of two Wikipedia
    /// false alarms); their claiming senses stay flagged.
    #[test]
    fn according_to_a_certain_thing_and_keeping_up_are_no_claims() {
        for t in [
            "Packets may be forwarded according to some scheduling discipline for fair queuing.",
            "The key is rotated according to some fixed rule agreed in advance.",
            "Many also maintain aspects of their parents' language at home.",
            "Some maintain ties with relatives across the border.",
            "Many still maintain their hold on the local council.",
            "Some maintain ties with relatives who are abroad.",
        ] {
            assert_eq!(claims(t), Vec::<String>::new(), "{t}");
        }
        for (t, found) in [
            (
                "According to some LA film critics, the film was the year's best.",
                "According to some",
            ),
            (
                "The mine closed in 1990, according to some in the town.",
                "according to some",
            ),
            (
                "According to some, the mine closed in 1990.",
                "According to some",
            ),
            (
                "The mine closed in 1990, according to some of them.",
                "according to some",
            ),
            (
                "The talks failed, according to some familiar with them.",
                "according to some",
            ),
            (
                "Critics maintain the practice gives insiders an edge.",
                "Critics maintain",
            ),
            ("Many maintain that the ruling was wrong.", "Many maintain"),
            (
                "Analysts maintain the cost of the plan is too high.",
                "Analysts maintain",
            ),
            (
                "Analysts maintain fears of a recession are overblown.",
                "Analysts maintain",
            ),
        ] {
            assert_eq!(claims(t), [found], "{t}");
        }
    }

    /// The claim-verb prefilter passes a verb of any length: it once
    /// skipped words over 24 bytes, hiding a newsroom's long verb form.
    #[test]
    fn long_claim_verbs_pass_the_prefilter() {
        let long = "overcomplicatedlyasserted";
        for verbs in [
            vec!["say".to_string(), long.to_string()],
            vec![long.repeat(2)],
        ] {
            let o = Options {
                claim_verbs: verbs.clone(),
                ..Options::default()
            };
            let c = Compiled::new(&o).unwrap();
            let t = format!(
                "Some {} that the bridge was unsafe.",
                verbs[verbs.len() - 1]
            );
            let found = unattributed_claims(&t, &segment(&t), &c);
            assert_eq!(found.len(), 1, "{t}");
        }
    }

    /// `verb_may_follow` is a prefilter: whenever a verb is one of the
    /// words `Word::alphanumeric()` finds within the window, from the anchor or
    /// from any place a pattern may end (an ASCII word boundary, which may
    /// lie inside a hyphenated word), it must say so.
    #[test]
    fn verb_prefilter_never_hides_a_verb_the_word_regex_finds() {
        let c = compiled();
        let pieces = [
            "some",
            "Said",
            "think",
            "argue-d",
            "x",
            "9",
            " ",
            " ",
            ", ",
            "-",
            "'",
            "\u{2019}",
            "\u{2014}",
            "\u{e9}",
            "\u{201c}",
            "people's",
            "well-said",
            "n",
            "\u{0301}",
        ];
        let mut next = xorshift(0x6c07_8965_9e37_79b9);
        let mut seen_true = 0;
        for _ in 0..20_000 {
            let text: String = (0..next(14)).map(|_| pieces[next(pieces.len())]).collect();
            let word = Word::alphanumeric();
            let Some(pos) = word.iter(&text).next().map(|m| m.start) else {
                continue;
            };
            let n = next(5);
            // The anchor word and the `n` words after it, and every word
            // the regex finds from a place inside them.
            let words: Vec<Tok> = word.iter(&text[pos..]).take(n + 1).collect();
            let window_end = pos + words.last().map_or(0, |w| w.end);
            let b = text.as_bytes();
            let boundary =
                |p: usize| text.is_char_boundary(p) && (p == pos || !is_ascii_word_byte(b[p - 1]));
            let has_verb = (pos..window_end).filter(|&p| boundary(p)).any(|p| {
                let rest = &text[p..];
                word.iter(rest)
                    .next()
                    .filter(|w| p + w.start < window_end)
                    .is_some_and(|w| c.claim_verbs.contains(lower(w.str(rest)).as_ref()))
            });
            let got = verb_may_follow(&text, pos, text.len(), n, &c.claim_verb_table);
            assert!(!has_verb || got, "{text:?} from {pos}, {n} words");
            seen_true += usize::from(has_verb);
        }
        assert!(seen_true > 1000, "too few texts with a verb: {seen_true}");
        // And it does reject: no verb near, or the verb too far.
        let t = "some 200 people were killed, police said";
        assert!(!verb_may_follow(t, 0, t.len(), 3, &c.claim_verb_table));
        assert!(verb_may_follow(t, 0, t.len(), 7, &c.claim_verb_table));
    }
}
