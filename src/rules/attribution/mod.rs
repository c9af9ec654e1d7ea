//! Attribution rules: `unattributed-quote`, `unattributed-claim` and
//! `anonymous-source`.
//!
//! All word lists live in [`Options`], which a newsroom can tune from a rule
//! pack; [`Compiled::new`] turns them into word maps and automata once
//! (regexes only for what word lookups cannot match), so nothing is
//! compiled per document.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;

use crate::segment::Segmented;

mod anchors;
mod matching;
#[cfg(test)]
mod test_support;
mod word_regex;
mod word_table;
use anchors::{Anchors, Scan, ATTRIBUTING};
use matching::{alt_forms, phrase_pattern, OpenAttribution, PhraseSet, WordPattern};
use word_regex::{WordMatch, WordRegex};
use word_table::{AsciiWords, FxSet, WordTable};

/// A finding of an attribution rule, before the engine attaches rule metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

pub const UNATTRIBUTED_QUOTE: &str = "unattributed-quote";
pub const UNATTRIBUTED_CLAIM: &str = "unattributed-claim";
pub const ANONYMOUS_SOURCE: &str = "anonymous-source";

/// Tunable word lists and thresholds. Verbs are given as base forms (plus
/// irregular forms); regular inflections (`-s`, `-es`, `-ies`, `-ed`, `-d`,
/// `-ing`, doubled final consonant) are generated. Phrases match
/// case-insensitively at word boundaries with any run of whitespace between
/// their words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Options {
    /// Verbs that attribute a quotation to a speaker (`say`, `tell`, ...),
    /// inflected.
    pub speech_verbs: Vec<String>,
    /// Exact verb forms that attribute, not inflected: verbs that are also
    /// common nouns (`demand`, `report`, `call`) count only in these forms.
    pub speech_verb_forms: Vec<String>,
    /// Phrases that attribute a quotation (`according to`, `in a statement`).
    pub attribution_phrases: Vec<String>,
    /// Nouns that name a speaker in a colon lead-in (`The ministry:`).
    pub speaker_nouns: Vec<String>,
    /// Pronouns that name a speaker in a colon lead-in.
    pub speaker_pronouns: Vec<String>,
    /// Words right before a quotation that make it a term, not a quote
    /// (`so-called`, `dubbed`, `known as`). An article or `it` may follow.
    pub quote_exemption_lead_ins: Vec<String>,
    /// Fewest words for a quotation that starts with a capital letter to
    /// count as a real quote rather than a term or title.
    pub min_quote_words: usize,
    /// Fewest words for a partial quotation (starting in lower case) to
    /// count as a real quote rather than scare quotes.
    pub min_partial_quote_words: usize,
    /// Vague groups that make a claim unsourced (`experts`, `critics`).
    pub vague_groups: Vec<String>,
    /// Pronoun-like subjects that make a claim unsourced (`some`, `many people`).
    pub vague_subjects: Vec<String>,
    /// Verbs of claiming after a vague group or subject (`say`, `argue`).
    pub claim_verbs: Vec<String>,
    /// Words allowed between a vague subject and its verb (`some even argue`).
    pub claim_auxiliaries: Vec<String>,
    /// Unnamed evidence (`studies`, `research`).
    pub evidence_nouns: Vec<String>,
    /// Verbs after unnamed evidence (`show`, `suggest`).
    pub evidence_verbs: Vec<String>,
    /// Participles in impersonal claims (`it is believed`, `is widely regarded`).
    pub impersonal_verbs: Vec<String>,
    /// Adverbs in impersonal claims (`it is widely believed`); required in
    /// the form without `it` (`is widely regarded`).
    pub hedge_adverbs: Vec<String>,
    /// Fixed vague-source phrases (`according to sources`).
    pub vague_source_phrases: Vec<String>,
    /// Words that introduce a named source after a vague group
    /// (`experts at ...`, `critics, including ...`, `studies by ...`).
    pub source_naming_cues: Vec<String>,
    /// Words before a vague group that make it refer to a known group
    /// (`the analysts`, `two experts`), or make it not the subject.
    pub specific_determiners: Vec<String>,
    /// Nouns for an anonymous source.
    pub anonymous_source_nouns: Vec<String>,
    /// Determiners that leave a source undescribed (`a source said`).
    pub bare_source_determiners: Vec<String>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_string()).collect()
}

impl Options {
    /// Every word form counted as a speech verb (inflected `speech_verbs`
    /// plus `speech_verb_forms`), lower-cased and sorted.
    pub fn speech_forms(&self) -> Vec<String> {
        let mut v: Vec<String> = word_set(&self.speech_verbs, true)
            .into_iter()
            .chain(word_set(&self.speech_verb_forms, false))
            .collect();
        v.sort();
        v.dedup();
        v
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            speech_verbs: strings(&[
                "say",
                "said",
                "tell",
                "told",
                "add",
                "warn",
                "write",
                "wrote",
                "written",
                "announce",
                "insist",
                "argue",
                "explain",
                "ask",
                "respond",
                "declare",
                "emphasise",
                "emphasize",
                "acknowledge",
                "admit",
                "concede",
                "confirm",
                "deny",
                "predict",
                "suggest",
                "quip",
                "yell",
                "mutter",
                "speak",
                "spoke",
                "spoken",
                "testify",
                "describe",
                "agree",
                "complain",
                "assert",
                "maintain",
                "contend",
                "observe",
                "believe",
                "think",
                "thought",
                "feel",
                "felt",
                "reckon",
                "reveal",
                "disclose",
                "clarify",
                "inform",
                "assure",
                "reassure",
                "characterise",
                "characterize",
                "summarise",
                "summarize",
                "exclaim",
                "plead",
                "criticise",
                "criticize",
                "condemn",
                "concur",
                "proclaim",
                "affirm",
                "allege",
                "interject",
                "recommend",
                "specify",
                "conclude",
                "enthuse",
                "scoff",
                "sneer",
            ]),
            speech_verb_forms: strings(&[
                "read",
                "reads",
                "noted",
                "notes",
                "stated",
                "states",
                "claimed",
                "claims",
                "reported",
                "commented",
                "remarked",
                "stressed",
                "replied",
                "recalled",
                "urged",
                "vowed",
                "promised",
                "pledged",
                "joked",
                "shouted",
                "whispered",
                "tweeted",
                "called",
                "cautioned",
                "boasted",
                "hinted",
                "lamented",
                "quoted",
                "cited",
                "recounted",
                "demanded",
                "countered",
                "retorted",
                "elaborated",
                "briefed",
                "welcomed",
                "hailed",
                "praised",
                "mused",
                "wondered",
                "mentioned",
                "attributed",
                "laughed",
                "laughs",
                "smiled",
                "smiles",
                "grinned",
                "sighed",
                "chuckled",
                "shrugged",
                "gushed",
                "continues",
                "touted",
                "apologised",
                "apologized",
            ]),
            attribution_phrases: strings(&[
                "according to",
                "in a statement",
                "in an interview",
                "in a speech",
                "in remarks",
                "in a letter",
                "in a tweet",
                "in a post",
                "in a message",
                "in an email",
                "in a press release",
                "in a report",
                "quoted as",
                "pointed out",
                "news conference",
                "press conference",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "in the words of",
                "as saying",
                "went on",
            ]),
            speaker_nouns: strings(&[
                "official",
                "officials",
                "spokesperson",
                "spokesman",
                "spokeswoman",
                "minister",
                "ministry",
                "president",
                "secretary",
                "chairman",
                "chairwoman",
                "chair",
                "director",
                "chief",
                "executive",
                "governor",
                "mayor",
                "senator",
                "lawmaker",
                "leader",
                "statement",
                "report",
                "office",
                "agency",
                "department",
                "government",
                "police",
                "prosecutor",
                "prosecutors",
                "court",
                "judge",
                "company",
                "firm",
                "spokespeople",
                "source",
                "sources",
                "witness",
                "witnesses",
                "resident",
                "residents",
                "manager",
                "coach",
                "player",
                "analyst",
                "expert",
            ]),
            speaker_pronouns: strings(&["he", "she", "they", "we", "i", "it", "you"]),
            quote_exemption_lead_ins: strings(&[
                "so-called",
                "so called",
                "dubbed",
                "dubs",
                "dub",
                "known as",
                "called",
                "calls",
                "call",
                "nicknamed",
                "termed",
                "labelled",
                "labeled",
                "branded",
                "titled",
                "entitled",
                "the word",
                "the words",
                "the term",
                "the phrase",
                "the slogan",
                "slogan",
                "headlined",
                "headline",
                "marked",
                "stamped",
                "billed as",
                "referred to as",
                "reading",
                "read",
                "named",
                "renamed",
                "codenamed",
                "code-named",
                "motto",
                "hashtag",
                "the title",
                "album",
                "song",
                "film",
                "book",
                "novel",
                "single",
                "show",
                "series",
                "programme",
                "program",
            ]),
            min_quote_words: 4,
            min_partial_quote_words: 6,
            vague_groups: strings(&[
                "experts",
                "critics",
                "analysts",
                "observers",
                "commentators",
                "scholars",
                "historians",
                "economists",
                "scientists",
                "researchers",
                "pundits",
                "insiders",
                "sceptics",
                "skeptics",
                "opponents",
                "detractors",
                "proponents",
                "supporters",
                "academics",
                "campaigners",
                "watchers",
                "specialists",
            ]),
            vague_subjects: strings(&[
                "some",
                "many",
                "others",
                "some people",
                "many people",
                "most people",
                "a lot of people",
                "many observers",
                "people",
            ]),
            claim_verbs: strings(&[
                "say",
                "said",
                "argue",
                "believe",
                "note",
                "think",
                "thought",
                "claim",
                "suggest",
                "contend",
                "feel",
                "felt",
                "maintain",
                "insist",
                "warn",
                "fear",
                "predict",
                "agree",
                "reckon",
                "consider",
                "caution",
                "allege",
                "speculate",
                "assert",
                "charge",
                "worry",
            ]),
            claim_auxiliaries: strings(&[
                "have",
                "had",
                "also",
                "even",
                "still",
                "now",
                "may",
                "might",
                "would",
                "will",
                "do",
                "does",
                "did",
                "often",
                "generally",
                "already",
                "long",
                "privately",
                "openly",
            ]),
            evidence_nouns: strings(&[
                "studies",
                "research",
                "surveys",
                "polls",
                "reports",
                "evidence",
                "experiments",
            ]),
            evidence_verbs: strings(&[
                "show",
                "shown",
                "suggest",
                "indicate",
                "find",
                "found",
                "prove",
                "proven",
                "reveal",
                "demonstrate",
                "confirm",
            ]),
            impersonal_verbs: strings(&[
                "believed",
                "said",
                "thought",
                "claimed",
                "rumoured",
                "rumored",
                "alleged",
                "argued",
                "suggested",
                "understood",
                "felt",
                "considered",
                "regarded",
                "speculated",
            ]),
            hedge_adverbs: strings(&[
                "widely",
                "generally",
                "often",
                "commonly",
                "popularly",
                "frequently",
                "sometimes",
                "increasingly",
                "universally",
                "broadly",
                "largely",
            ]),
            vague_source_phrases: strings(&[
                "according to sources",
                "according to some",
                "according to experts",
                "according to analysts",
                "according to critics",
                "according to observers",
                "according to reports",
                "according to unnamed sources",
                "according to informed sources",
                "according to some sources",
                "according to many",
                "according to rumours",
                "according to rumors",
                "rumour has it",
                "rumor has it",
                "word has it",
                "there are reports that",
                "some would say",
                "some have said",
                "it has been said",
                "it has been suggested",
                "it has been claimed",
                "it has been argued",
                "it has been alleged",
                "it has been reported",
            ]),
            source_naming_cues: strings(&[
                "including",
                "such as",
                "like",
                "led by",
                "at",
                "of",
                "from",
                "by",
                "with",
                "for",
                "according to",
                "who",
                "named",
                "quoted",
                "cited",
                "polled",
                "surveyed",
                "interviewed",
            ]),
            specific_determiners: strings(&[
                "the", "these", "those", "this", "that", "its", "their", "his", "her", "our",
                "your", "my", "two", "three", "four", "five", "six", "both", "all", "such", "of",
                "to", "for", "by", "with", "among", "from", "than", "and", "or", "other", "whose",
                "which", "what", "no", "any", "into", "about", "on", "at", "in", "against",
            ]),
            anonymous_source_nouns: strings(&["source", "sources"]),
            bare_source_determiners: strings(&[
                "a", "an", "one", "another", "two", "three", "several", "some", "other", "many",
                "various",
            ]),
        }
    }
}

/// Regular inflections of a base form (over-generation is harmless: the
/// forms are only matched as whole words).
pub fn inflections(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut out = vec![w.clone()];
    if w.contains(' ') || w.len() < 3 {
        return out;
    }
    let b = w.as_bytes();
    let last = b[b.len() - 1];
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    out.push(format!("{w}s"));
    if w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh") {
        out.push(format!("{w}es"));
    }
    if last == b'y' && !vowel(b[b.len() - 2]) {
        let stem = &w[..w.len() - 1];
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
    }
    if last == b'e' {
        out.push(format!("{w}d"));
        out.push(format!("{}ing", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}ed"));
    }
    out.push(format!("{w}ing"));
    if !vowel(last) && last != b'w' && last != b'y' && last != b'x' && vowel(b[b.len() - 2]) {
        let c = last as char;
        out.push(format!("{w}{c}ed"));
        out.push(format!("{w}{c}ing"));
    }
    out
}

/// The inflections of `verbs`, lower-cased, as a [`WordTable`].
fn verb_table(verbs: &[String]) -> WordTable {
    let words: Vec<Vec<u8>> = word_set(verbs, true)
        .into_iter()
        .map(String::into_bytes)
        .collect();
    WordTable::new(&words)
}

fn word_set(items: &[String], inflect: bool) -> HashSet<String> {
    if inflect {
        items.iter().flat_map(|w| inflections(w)).collect()
    } else {
        items.iter().map(|s| s.to_lowercase()).collect()
    }
}

/// Options compiled on first use (`Lazy::new(options, Compiled::new)`): a
/// pre-commit run that never needs the word lists should not build them.
pub type Lazy = super::BuiltOnce<Options, Compiled>;

/// [`Options`] compiled into matchers.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Speech verbs and attribution phrases: every use asks whether a
    /// text has either, so one word lookup serves both.
    attributing: PhraseSet,
    /// Only quotations left open need it.
    open_attribution: OpenAttribution,
    speaker_words: FxSet<String>,
    exemptions: Vec<Vec<String>>,
    min_quote_words: usize,
    min_partial_quote_words: usize,
    vague_group: WordPattern,
    vague_subject: WordPattern,
    claim_verbs: FxSet<String>,
    claim_aux: FxSet<String>,
    evidence_noun: WordPattern,
    evidence_verbs: FxSet<String>,
    /// Every claim and evidence verb is ASCII letters: a sentence with
    /// none of them after its subject can be passed over cheaply (see
    /// [`verb_may_follow`]).
    verbs_letters: bool,
    /// `claim_verbs` and `evidence_verbs` as tables for that prefilter.
    claim_verb_table: WordTable,
    evidence_verb_table: WordTable,
    impersonal_it: WordPattern,
    impersonal_passive: WordPattern,
    vague_phrase: WordPattern,
    naming_cues: Vec<Vec<String>>,
    specific: FxSet<String>,
    /// Only sentences with an anonymous-source noun need them.
    anon_forward: WordPattern,
    anon_inverted: WordPattern,
    /// The most runs of word bytes a match of `anon_forward` and of
    /// `anon_inverted` has before its noun's anchor word (see
    /// [`anon_bounds`]).
    anon_before: (usize, usize),
    bare_dets: FxSet<String>,
    word: WordRegex,
    /// The whole-document prefilter: the sentences that can hold a match
    /// of the claim patterns (by pattern, see the `CLAIM_*` bits), and of
    /// the anonymous-source patterns (`ANON`). Only those sentences are
    /// examined; one pass serves both rules.
    anchors: Anchors,
}

/// Bits of [`Anchors`] kinds for the claim patterns.
const CLAIM_GROUP: u8 = 1;
const CLAIM_EVIDENCE: u8 = 2;
const CLAIM_SUBJECT: u8 = 4;
const CLAIM_IT: u8 = 8;
const CLAIM_PASSIVE: u8 = 16;
const CLAIM_PHRASE: u8 = 32;
/// Every claim bit.
const CLAIM_ANY: u8 = 63;
/// A vague group's or unnamed study's verb is one of the first this many
/// words after it (`experts at the institute say`).
const GROUP_VERB_WITHIN: usize = 5;
/// A vague subject's verb is one of the first this many words after it,
/// the words before it auxiliaries (`some have long argued`).
const SUBJECT_VERB_WITHIN: usize = 3;
/// The bit of [`Anchors`] kinds for the anonymous-source patterns.
const ANON: u8 = 64;

impl Compiled {
    pub fn new(opts: &Options) -> Result<Compiled, String> {
        let alt = |items: &[String], inflect: bool| -> String {
            let forms = alt_forms(items, inflect);
            if forms.is_empty() {
                return r"[^\s\S]".to_string();
            }
            let joined = forms
                .iter()
                .map(|f| phrase_pattern(f))
                .collect::<Vec<_>>()
                .join("|");
            format!("(?-u:{joined})")
        };
        let phrases = |v: &[String]| -> Vec<Vec<String>> {
            v.iter()
                .map(|p| {
                    p.split_whitespace()
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>()
                })
                .filter(|p| !p.is_empty())
                .collect()
        };
        let lower = |v: &[String]| -> Vec<String> { word_set(v, false).into_iter().collect() };
        let mut speaker_words: FxSet<String> =
            word_set(&opts.speaker_nouns, false).into_iter().collect();
        speaker_words.extend(word_set(&opts.speaker_pronouns, false));
        let speech_forms = opts.speech_forms();
        let speech_alt = alt(&speech_forms, false);
        let dets = alt(&opts.bare_source_determiners, false);
        let nouns = alt(&opts.anonymous_source_nouns, false);
        // The same groups as word lists, for `WordPattern`s.
        let fixed = |v: &[&str]| -> Vec<String> { strings(v) };
        let speech_sorted = alt_forms(&speech_forms, false);
        let det_forms = alt_forms(&opts.bare_source_determiners, false);
        let noun_forms = alt_forms(&opts.anonymous_source_nouns, false);
        let hedges = alt_forms(&opts.hedge_adverbs, false);
        let impersonal = alt_forms(&opts.impersonal_verbs, false);
        if opts.min_quote_words == 0 || opts.min_partial_quote_words == 0 {
            return Err("min_quote_words and min_partial_quote_words must be at least 1".into());
        }
        let mut anchors = Anchors::default();
        anchors.add(&lower(&opts.vague_groups), CLAIM_GROUP, true);
        anchors.add(&lower(&opts.evidence_nouns), CLAIM_EVIDENCE, true);
        anchors.add(&lower(&opts.vague_subjects), CLAIM_SUBJECT, true);
        // `it is/was/has been/had been ... believed`: the pronoun, checked
        // for the verb after it (see `Anchors::scan`).
        anchors.add(&["it".to_string()], CLAIM_IT, false);
        anchors.it_kind = CLAIM_IT;
        // `is widely regarded`: the adverb is required.
        anchors.add(&lower(&opts.hedge_adverbs), CLAIM_PASSIVE, false);
        anchors.add(&lower(&opts.vague_source_phrases), CLAIM_PHRASE, true);
        anchors.add(&lower(&opts.anonymous_source_nouns), ANON, false);
        let attributing_forms = [speech_forms.clone(), lower(&opts.attribution_phrases)].concat();
        let attributing = PhraseSet::new(&attributing_forms)?;
        if let PhraseSet::Words(..) = &attributing {
            anchors.add(&attributing_forms, ATTRIBUTING, true);
        }
        anchors.finish();
        // Runs of word bytes (what `Anchors::bounds` steps back over) in
        // the longest phrase of a group.
        let runs = |forms: &[String]| {
            forms
                .iter()
                .map(|f| AsciiWords::new(f).count())
                .max()
                .unwrap_or(0)
        };
        let noun_at = anchors.before[ANON.trailing_zeros() as usize];
        let anon_before = (
            runs(&det_forms) + noun_at,
            runs(&speech_sorted) + runs(&det_forms) + noun_at,
        );
        Ok(Compiled {
            attributing,
            open_attribution: OpenAttribution::new(
                &speech_forms,
                format!(r"(?i)(?:,\s+|[,.!?]['\u{{2019}}]\s+\w*\s*)(?:{speech_alt})(?-u:\b)"),
            ),
            speaker_words,
            exemptions: phrases(&opts.quote_exemption_lead_ins),
            min_quote_words: opts.min_quote_words,
            min_partial_quote_words: opts.min_partial_quote_words,
            vague_group: WordPattern::list(&opts.vague_groups),
            vague_subject: WordPattern::list(&opts.vague_subjects),
            claim_verb_table: verb_table(&opts.claim_verbs),
            evidence_verb_table: verb_table(&opts.evidence_verbs),
            claim_verbs: word_set(&opts.claim_verbs, true).into_iter().collect(),
            claim_aux: word_set(&opts.claim_auxiliaries, false)
                .into_iter()
                .collect(),
            evidence_noun: WordPattern::list(&opts.evidence_nouns),
            evidence_verbs: word_set(&opts.evidence_verbs, true).into_iter().collect(),
            verbs_letters: [&opts.claim_verbs, &opts.evidence_verbs]
                .into_iter()
                .flat_map(|v| v.iter().flat_map(|w| inflections(w)))
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic())),
            impersonal_it: WordPattern::new(
                vec![
                    (fixed(&["it"]), false, true),
                    (
                        fixed(&["is", "was", "has been", "had been", "is now"]),
                        false,
                        true,
                    ),
                    (hedges.clone(), true, false),
                    (impersonal.clone(), false, false),
                ],
                format!(
                    r"(?i)(?-u:\b)it\s+(?:is|was|has\s+been|had\s+been|is\s+now)\s+(?:(?:{})\s+)?(?:{})(?-u:\b)",
                    alt(&opts.hedge_adverbs, false),
                    alt(&opts.impersonal_verbs, false)
                ),
            ),
            impersonal_passive: WordPattern::new(
                vec![
                    (fixed(&["is", "are", "was", "were", "been"]), false, true),
                    (hedges, false, false),
                    (impersonal, false, false),
                ],
                format!(
                    r"(?i)(?-u:\b)(?:is|are|was|were|been)\s+(?:{})\s+(?:{})(?-u:\b)",
                    alt(&opts.hedge_adverbs, false),
                    alt(&opts.impersonal_verbs, false)
                ),
            ),
            vague_phrase: WordPattern::list(&opts.vague_source_phrases),
            naming_cues: phrases(&opts.source_naming_cues),
            specific: word_set(&opts.specific_determiners, false)
                .into_iter()
                .collect(),
            anon_forward: WordPattern::new(
                vec![
                    (det_forms.clone(), true, false),
                    (noun_forms.clone(), false, false),
                    (fixed(&["have", "had", "has", "also", "later"]), true, true),
                    (speech_sorted.clone(), false, false),
                ],
                format!(
                    r"(?i)(?-u:\b)(?:(?:{dets})\s+)?(?:{nouns})\s+(?:(?:have|had|has|also|later)\s+)?(?:{speech_alt})(?-u:\b)"
                ),
            ),
            anon_inverted: WordPattern::new(
                vec![
                    (speech_sorted, false, false),
                    (det_forms, true, false),
                    (noun_forms, false, false),
                ],
                format!(r"(?i)(?-u:\b)(?:{speech_alt})\s+(?:(?:{dets})\s+)?(?:{nouns})(?-u:\b)"),
            ),
            anon_before,
            bare_dets: word_set(&opts.bare_source_determiners, false)
                .into_iter()
                .collect(),
            word: WordRegex::new(),
            anchors,
        })
    }
}

// ---------------------------------------------------------------------------
// Helpers

/// Byte ranges of `window` not covered by any quotation of the document.
fn outside_quotes(
    seg: &Segmented,
    window: Range<usize>,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let first = seg.quotes.partition_point(|q| q.span.end <= window.start);
    outside_quotes_from(seg, window, first)
}

/// [`outside_quotes`] given the first quotation ending after the window's
/// start.
fn outside_quotes_from(
    seg: &Segmented,
    window: Range<usize>,
    first: usize,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut quotes = seg.quotes[first..].iter();
    let mut pos = Some(window.start);
    std::iter::from_fn(move || {
        while let Some(at) = pos {
            match quotes.next() {
                Some(q) if q.span.start < window.end => {
                    pos = Some(at.max(q.span.end));
                    if q.span.start > at {
                        return Some(at..q.span.start);
                    }
                }
                _ => {
                    pos = None;
                    if at < window.end {
                        return Some(at..window.end);
                    }
                }
            }
        }
        None
    })
}

fn in_quote(seg: &Segmented, pos: usize) -> bool {
    let i = seg.quotes.partition_point(|q| q.span.end <= pos);
    i < seg.quotes.len() && seg.quotes[i].inner.start <= pos && pos < seg.quotes[i].inner.end
}

fn is_capitalized(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `w.to_lowercase()`, borrowed when `w` is ASCII with no capital.
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// The first `max` words of `s` (letters, digits, inner apostrophes and
/// hyphens).
fn words_of<'h>(c: &Compiled, s: &'h str, max: usize) -> Vec<&'h str> {
    // About a word per six bytes of prose: one allocation, mostly.
    let mut ws = Vec::with_capacity((s.len() / 6 + 1).min(max));
    ws.extend(c.word.find_iter(s).map(|m| m.as_str()).take(max));
    ws
}

/// Lower-cased words of `s` (letters, digits, inner apostrophes and hyphens).
fn words_lower(c: &Compiled, s: &str) -> Vec<String> {
    c.word
        .find_iter(s)
        .map(|m| m.as_str().to_lowercase().replace('\u{2019}', "'"))
        .collect()
}

/// Whether `words` contains the phrase `p` (both lower-cased).
fn contains_phrase(words: &[impl AsRef<str>], p: &[String]) -> bool {
    !p.is_empty()
        && words
            .windows(p.len())
            .any(|w| w.iter().zip(p).all(|(a, b)| a.as_ref() == b))
}

/// Whether `words` ends with the phrase `p`.
fn ends_with_phrase(words: &[String], p: &[String]) -> bool {
    words.len() >= p.len() && words[words.len() - p.len()..] == *p
}

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
fn speaker_subject(c: &Compiled, text: &str, s: &str) -> bool {
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
fn names_someone(c: &Compiled, s: &str) -> bool {
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

// ---------------------------------------------------------------------------
// All three rules

/// Which attribution rules to run (see [`check`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wanted {
    pub quotes: bool,
    pub claims: bool,
    pub anonymous: bool,
}

/// The findings of each attribution rule (empty for rules not wanted).
#[derive(Debug, Default)]
pub struct Findings {
    pub quotes: Vec<Finding>,
    pub claims: Vec<Finding>,
    pub anonymous: Vec<Finding>,
}

/// Runs the wanted rules on `text`, sharing their work: one segmentation,
/// one pass for the claim and anonymous-source anchors. The findings are
/// those of [`unattributed_quotes`], [`unattributed_claims`] and
/// [`anonymous_sources`].
pub fn check(text: &str, c: &Compiled, want: Wanted) -> Findings {
    let mut out = Findings::default();
    if !(want.quotes || want.claims || want.anonymous) {
        return out;
    }
    let seg = crate::segment::segment(text);
    let mask = if want.claims { CLAIM_ANY } else { 0 } | if want.anonymous { ANON } else { 0 };
    let scan = c.anchors.scan(text, mask, want.quotes);
    if want.quotes {
        out.quotes = quotes_in(text, &seg, c, &scan);
    }
    if want.claims {
        out.claims = claims_in(text, &seg, c, &scan.hits);
    }
    if want.anonymous {
        out.anonymous = anonymous_in(text, &seg, c, &scan.hits);
    }
    out
}

// ---------------------------------------------------------------------------
// unattributed-quote

/// For each quotation piece, the sentence indices `first..=last` covering
/// its span, clamped to its paragraph. The pieces come in order: the
/// sentences are looked for from where the previous piece's were.
fn piece_sentences(seg: &Segmented) -> Vec<Option<(usize, usize)>> {
    let n = seg.sentences.len();
    let (mut lo, mut last_pos) = (0, 0);
    // `seg.sentence_at(pos)`.
    let mut sentence_at = |pos: usize| {
        if pos < last_pos {
            lo = seg.sentences.partition_point(|s| s.span.end <= pos);
        }
        while lo < n && seg.sentences[lo].span.end <= pos {
            lo += 1;
        }
        last_pos = pos;
        (lo < n && seg.sentences[lo].span.start <= pos).then_some(lo)
    };
    seg.quotes
        .iter()
        .map(|q| {
            let span = &q.span;
            let first = sentence_at(span.start)?;
            let last = sentence_at(span.end.saturating_sub(1).max(span.start)).unwrap_or(first);
            Some((first, last.max(first)))
        })
        .collect()
}

/// Whether quote piece `qi` has attribution in its sentence(s) or the
/// neighbouring sentences of its paragraph, outside all quotations.
/// `sentences` is the piece's [`piece_sentences`], `para_sentences` each
/// paragraph's [`Segmented::sentences_of`].
fn piece_attributed(
    text: &str,
    seg: &Segmented,
    c: &Compiled,
    scan: &Scan,
    qi: usize,
    sentences: Option<(usize, usize)>,
    para_sentences: &[Range<usize>],
) -> bool {
    let q = &seg.quotes[qi];
    let Some((first, last)) = sentences else {
        return false;
    };
    let para = para_sentences[q.paragraph].clone();
    let lo = if first > para.start { first - 1 } else { first };
    let hi = if last + 1 < para.end { last + 1 } else { last };
    let window = seg.sentences[lo].span.start..seg.sentences[hi].span.end;
    // The quotations end in order, and piece `qi` ends after the window's
    // start: the first one that does is at most a few pieces before it.
    let mut first_quote = qi;
    while first_quote > 0 && seg.quotes[first_quote - 1].span.end > window.start {
        first_quote -= 1;
    }
    for r in outside_quotes_from(seg, window, first_quote) {
        if attributing_in(text, c, scan, r) {
            return true;
        }
    }
    // A quotation left open whose text holds the attribution the closing
    // mark should have preceded: `"It's gloomy, said David Wyss of DRI.`
    if !q.closed && c.open_attribution.is_match(&text[q.inner.clone()]) {
        return true;
    }
    // The speaker is the subject of the sentence right before.
    if first > para.start && speaker_subject(c, text, &text[seg.sentences[first - 1].span.clone()])
    {
        return true;
    }
    let sent_start = seg.sentences[first].span.start;
    let before = text[sent_start..q.span.start].trim_end();
    // Colon lead-in with a speaker: `Yoon: "..."`; a bare `:` is a
    // question-and-answer label whose name was lost.
    if before.ends_with(':') && (before == ":" || names_someone(c, before)) {
        return true;
    }
    // A name right before the quotation (`Newcastle boss Graeme Souness "We
    // deserved..."`), or a quotation worked into a sentence about someone
    // (`He attributed this to "restoration of law and order..."`, `It issued
    // a statement that "..."`).
    if !before.is_empty()
        && (last_word(c, before).is_some_and(|m| is_capitalized(m.as_str()) && m.start() > 0)
            || names_someone(c, before))
    {
        return true;
    }
    // A quotation opening its paragraph after a paragraph ending in a colon
    // lead-in (`Yoon said:` then the quote as its own paragraph).
    if before.is_empty() && first == para.start && q.paragraph > 0 {
        let prev = seg.paragraphs[q.paragraph - 1].clone();
        let ps = para_sentences[q.paragraph - 1].clone();
        if ps.end > ps.start {
            let last_sent = &seg.sentences[ps.end - 1];
            let lead = &text[last_sent.span.start..prev.end];
            let outside: String = outside_quotes(seg, last_sent.span.start..prev.end)
                .map(|r| &text[r])
                .collect::<Vec<_>>()
                .join(" ");
            // The previous paragraph's last sentence attributes (`Yoon
            // said: ` or `Yoon said the plan was sound.`): wire and BBC copy
            // often give a quotation a paragraph of its own after it.
            if (lead.trim_end().ends_with(':') && names_someone(c, lead))
                || c.attributing.is_match(&outside)
            {
                return true;
            }
        }
    }
    false
}

/// Why a quotation is not a real quote (a term, title or scare quotes), if so.
fn not_a_quote(text: &str, seg: &Segmented, c: &Compiled, pieces: &[usize]) -> bool {
    let q0 = &seg.quotes[pieces[0]];
    let inner: String = pieces
        .iter()
        .map(|&i| &text[seg.quotes[i].inner.clone()])
        .collect::<Vec<_>>()
        .join(" ");
    let words = words_of(c, &inner, usize::MAX);
    let Some(first) = words.first() else {
        return true;
    };
    let partial = !is_capitalized(first)
        && !inner
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit());
    let min = if partial {
        c.min_partial_quote_words
    } else {
        c.min_quote_words
    };
    if words.len() < min {
        return true;
    }
    // Titles of works: Most Words Capitalized, no sentence punctuation.
    let trimmed = inner.trim_end_matches(['"', '\'', '\u{2019}', ',', ' ']);
    let sentence_end = trimmed.ends_with(['.', '!', '?', '\u{2026}']);
    let alpha = |w: &&&str| w.starts_with(char::is_alphabetic);
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().count() > 3)
        .filter(alpha)
        .collect();
    let caps = long.iter().filter(|w| is_capitalized(w)).count();
    if !sentence_end && !long.is_empty() && caps * 10 >= long.len() * 8 {
        return true;
    }
    // Short titles that end in `?` or `!`: `How Soon Is Now?`.
    let all: Vec<&&str> = words.iter().filter(alpha).collect();
    let all_caps = all.iter().filter(|w| is_capitalized(w)).count();
    if !trimmed.ends_with('.') && all.len() <= 8 && all_caps * 10 >= all.len() * 7 && all.len() > 1
    {
        return true;
    }
    // Lead-ins: so-called, dubbed, known as, called it.
    let sent_start = seg
        .sentence_at(q0.span.start)
        .map_or(seg.paragraphs[q0.paragraph].start, |s| {
            seg.sentences[s].span.start
        });
    let before = &text[sent_start..q0.span.start];
    let mut bw = words_lower(c, before);
    if bw.len() > 6 {
        bw.drain(..bw.len() - 6);
    }
    let fillers = [
        "it", "them", "him", "her", "this", "the", "a", "an", "as", "that",
    ];
    for ex in &c.exemptions {
        if ends_with_phrase(&bw, ex) {
            return true;
        }
        if let Some((last, rest)) = bw.split_last() {
            if fillers.contains(&last.as_str()) && ends_with_phrase(rest, ex) {
                return true;
            }
        }
    }
    false
}

/// Whether `text[r]` has an attributing phrase, when `r` starts and ends
/// between words (the neighbours of a range of sentences outside
/// quotations are spaces, quotation marks or sentence punctuation): from
/// the document's scan when it has the phrases, else by looking them up.
fn attributing_in(text: &str, c: &Compiled, scan: &Scan, r: Range<usize>) -> bool {
    if !matches!(c.attributing, PhraseSet::Words(..)) {
        return c.attributing.is_match(&text[r]);
    }
    let spans = &scan.attributing;
    let first = scan.attributing_from(r.start);
    spans[first..]
        .iter()
        .take_while(|&&(start, _)| start < r.end)
        .any(|&(_, end)| end <= r.end)
}

/// `unattributed-quote`: direct quotations with no identifiable speaker.
pub fn unattributed_quotes(text: &str, seg: &Segmented, c: &Compiled) -> Vec<Finding> {
    quotes_in(text, seg, c, &c.anchors.scan(text, 0, true))
}

/// `unattributed-quote` given the document's attributing phrases.
fn quotes_in(text: &str, seg: &Segmented, c: &Compiled, scan: &Scan) -> Vec<Finding> {
    let n = seg.quotes.len();
    // Group pieces into quotations.
    let mut root: Vec<usize> = (0..n).collect();
    // The number of pieces of each group, then where its pieces start in
    // `pieces` (all the groups' pieces, each group's in order).
    let mut sizes: Vec<usize> = Vec::new();
    let mut group_of = vec![0usize; n];
    for i in 0..n {
        match seg.quotes[i].continues {
            Some(j) if j < i => {
                root[i] = root[j];
                let g = group_of[root[i]];
                sizes[g] += 1;
                group_of[i] = g;
            }
            _ => {
                group_of[i] = sizes.len();
                sizes.push(1);
            }
        }
    }
    let mut offsets: Vec<usize> = Vec::with_capacity(sizes.len() + 1);
    offsets.push(0);
    for size in &sizes {
        offsets.push(offsets[offsets.len() - 1] + size);
    }
    let mut pieces = vec![0usize; n];
    let mut next = offsets.clone();
    for (i, &g) in group_of.iter().enumerate() {
        pieces[next[g]] = i;
        next[g] += 1;
    }
    let groups: Vec<&[usize]> = offsets.windows(2).map(|w| &pieces[w[0]..w[1]]).collect();
    let ranges = piece_sentences(seg);
    // `seg.sentences_of(p)` for each paragraph `p`.
    let mut para_sentences = vec![0..0; seg.paragraphs.len()];
    for (i, s) in seg.sentences.iter().enumerate() {
        let r = &mut para_sentences[s.paragraph];
        if r.start == r.end {
            *r = i..i;
        }
        r.end = i + 1;
    }
    let mut attributed: Vec<bool> = groups
        .iter()
        .map(|g| {
            g.iter()
                .any(|&i| piece_attributed(text, seg, c, scan, i, ranges[i], &para_sentences))
        })
        .collect();
    // Consecutive quotations in one paragraph (same or adjacent sentences)
    // share attribution: `"A," Yoon said. "B." "C."`.
    let bounds: Vec<Option<(usize, usize, usize)>> = groups
        .iter()
        .map(|g| {
            let a = ranges[g[0]]?;
            let b = ranges[*g.last()?]?;
            Some((seg.quotes[g[0]].paragraph, a.0, b.1))
        })
        .collect();
    let linked = |a: usize, b: usize| match (bounds[a], bounds[b]) {
        (Some((pa, _, la)), Some((pb, fb, _))) => {
            pb == seg.quotes[*groups[a].last().unwrap()].paragraph && pa <= pb && fb <= la + 1
        }
        _ => false,
    };
    for g in 1..groups.len() {
        if attributed[g - 1] && !attributed[g] && linked(g - 1, g) {
            attributed[g] = true;
        }
    }
    for g in (1..groups.len()).rev() {
        if attributed[g] && !attributed[g - 1] && linked(g - 1, g) {
            attributed[g - 1] = true;
        }
    }
    let mut out = Vec::new();
    for (g, pieces) in groups.iter().enumerate() {
        // A quotation never closed is broken markup, not a finding here.
        let unclosed = !seg.quotes[*pieces.last().unwrap()].closed;
        if attributed[g] || unclosed || not_a_quote(text, seg, c, pieces) {
            continue;
        }
        let first = &seg.quotes[pieces[0]];
        let last = &seg.quotes[*pieces.last().unwrap()];
        let end = if last.paragraph == first.paragraph {
            last.span.end
        } else {
            first.span.end
        };
        out.push(Finding {
            rule: UNATTRIBUTED_QUOTE,
            start: first.span.start,
            end,
            message: "quotation with no speaker: no speech verb (said, told, added...), \
                      `according to` or colon lead-in naming a speaker in this sentence \
                      or the previous/next one in the paragraph"
                .to_string(),
        });
    }
    out
}

// ---------------------------------------------------------------------------
// unattributed-claim

/// Whether a sentence names a source: a capitalized name (not just the
/// first word) together with a speech verb, `according to` or a naming cue.
fn sentence_names_source(c: &Compiled, s: &str) -> bool {
    let ws = words_of(c, s, usize::MAX);
    let named = (ws.len() >= 2 && is_capitalized(ws[0]) && is_capitalized(ws[1]))
        || ws.iter().skip(1).any(|w| is_capitalized(w) && *w != "I");
    if !named {
        return false;
    }
    let lw: Vec<Cow<str>> = ws.iter().map(|w| lower(w)).collect();
    c.attributing.is_match(s) || c.naming_cues.iter().any(|p| contains_phrase(&lw, p))
}

/// Whether the words between a vague subject and its verb name the source.
fn mid_names_source(c: &Compiled, mid_text: &str) -> bool {
    let ws = words_of(c, mid_text, usize::MAX);
    if ws.iter().any(|w| is_capitalized(w)) {
        return true;
    }
    let lw: Vec<Cow<str>> = ws.iter().map(|w| lower(w)).collect();
    c.naming_cues.iter().any(|p| contains_phrase(&lw, p))
}

/// The last word of `s` when it ends where `s` does.
fn last_word<'h>(c: &Compiled, s: &'h str) -> Option<WordMatch<'h>> {
    // Only the trailing run of word-like characters can hold a word ending
    // at the end; `is_alphanumeric` covers `\p{L}\p{N}`, and before the run
    // no word can continue, so the regex finds the same last word there as
    // over the whole of `s`.
    let b = s.as_bytes();
    let mut run = s.len();
    while run > 0 {
        let x = b[run - 1];
        if x < 0x80 {
            if !(x.is_ascii_alphanumeric() || x == b'\'' || x == b'-') {
                break;
            }
            run -= 1;
        } else {
            match s[..run].chars().next_back() {
                Some(ch) if ch.is_alphanumeric() || ch == '\u{2019}' => run -= ch.len_utf8(),
                _ => break,
            }
        }
    }
    let m = c.word.find_iter(&s[run..]).last()?;
    (run + m.end() == s.len()).then_some(WordMatch {
        haystack: s,
        start: run + m.start(),
        end: run + m.end(),
    })
}

/// The word right before byte `pos` within `sent` (lower-cased), or None at
/// the sentence start or after a clause break.
fn prev_word<'t>(
    c: &Compiled,
    text: &'t str,
    sent_start: usize,
    pos: usize,
) -> Option<(Cow<'t, str>, bool)> {
    let before = &text[sent_start..pos];
    let t = before.trim_end();
    if t.is_empty() || t.ends_with([',', ';', ':', '(', '"', '\u{201C}', '\u{2014}', '\u{2013}']) {
        return None;
    }
    let m = last_word(c, t)?;
    let first_word = text[sent_start..sent_start + m.start()].trim().is_empty();
    Some((lower(m.as_str()), is_capitalized(m.as_str()) && !first_word))
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
fn reported_by_speaker(c: &Compiled, text: &str, sent: Range<usize>, hit: Range<usize>) -> bool {
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

/// `unattributed-claim`: assertions resting on a vague or missing source.
pub fn unattributed_claims(text: &str, seg: &Segmented, c: &Compiled) -> Vec<Finding> {
    claims_in(text, seg, c, &c.anchors.scan(text, CLAIM_ANY, false).hits)
}

/// `unattributed-claim` given the document's anchor hits.
fn claims_in(text: &str, seg: &Segmented, c: &Compiled, hits: &[(usize, u8)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    for cand in c.anchors.candidates(hits, seg, CLAIM_ANY) {
        let (si, mut kinds) = (cand.sentence, cand.kinds);
        let sent = &seg.sentences[si];
        let s = &text[sent.span.clone()];
        let base = sent.span.start;
        let sent_hits = &hits[cand.hits.clone()];
        // Most sentences with `some`, `many` or `people` have no claim
        // verb after it: those are passed over before the patterns run.
        for (bit, verbs, within) in [
            (CLAIM_GROUP, &c.claim_verb_table, GROUP_VERB_WITHIN),
            (CLAIM_EVIDENCE, &c.evidence_verb_table, GROUP_VERB_WITHIN),
            (CLAIM_SUBJECT, &c.claim_verb_table, SUBJECT_VERB_WITHIN),
        ] {
            // (A match ends at most `after` words past its anchor.)
            let reach = c.anchors.after[bit.trailing_zeros() as usize] + within;
            if kinds & bit != 0
                && c.verbs_letters
                && c.anchors.always & bit == 0
                && !sent_hits.iter().any(|&(pos, k)| {
                    k & bit != 0 && verb_may_follow(text, pos, sent.span.end, reach, verbs)
                })
            {
                kinds &= !bit;
            }
        }
        let bounds = |kind: u8| claim_bounds(c, b, &sent.span, sent_hits, kind);
        let next_names = || {
            seg.sentences
                .get(si + 1)
                .filter(|n| n.paragraph == sent.paragraph)
                .is_some_and(|n| sentence_names_source(c, &text[n.span.clone()]))
        };
        let mut hits: Vec<(Range<usize>, &str)> = Vec::new();
        // Vague groups and unnamed evidence: `experts say`, `studies show`.
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
            for m in re.find_iter_within(s, bounds(bit)) {
                let start = base + m.start;
                if let Some((w, cap)) = prev_word(c, text, base, start) {
                    if cap || c.specific.contains(w.as_ref()) {
                        continue;
                    }
                }
                let after_start = base + m.end;
                // The verb: one of the first 10 words.
                let Some((vi, verb)) = c
                    .word
                    .find_iter(&text[after_start..sent.span.end])
                    .take(10)
                    .enumerate()
                    .find(|(_, w)| verbs.contains(lower(w.as_str()).as_ref()))
                else {
                    continue;
                };
                let verb_end = after_start + verb.end();
                let mid = &text[after_start..after_start + verb.start()];
                if mid_names_source(c, mid)
                    || mid.contains([',', ';', '(', '"', '\u{2014}'])
                    || vi >= GROUP_VERB_WITHIN
                {
                    continue;
                }
                hits.push((start..verb_end, kind));
            }
        }
        // Vague subjects: `some believe`, `many people think`.
        let subjects = (kinds & CLAIM_SUBJECT != 0)
            .then(|| c.vague_subject.find_iter_within(s, bounds(CLAIM_SUBJECT)));
        for m in subjects.into_iter().flatten() {
            let start = base + m.start;
            if let Some((w, cap)) = prev_word(c, text, base, start) {
                if cap || c.specific.contains(w.as_ref()) || c.claim_aux.contains(w.as_ref()) {
                    continue;
                }
            }
            let after_start = base + m.end;
            // The first of the next words that is not an auxiliary.
            let Some(verb) = c
                .word
                .find_iter(&text[after_start..sent.span.end])
                .take(SUBJECT_VERB_WITHIN)
                .find(|w| !c.claim_aux.contains(lower(w.as_str()).as_ref()))
                .filter(|w| c.claim_verbs.contains(lower(w.as_str()).as_ref()))
            else {
                continue;
            };
            if text[after_start..after_start + verb.start()].contains([',', ';', '"']) {
                continue;
            }
            hits.push((start..after_start + verb.end(), "vague subject"));
        }
        for (re, bit) in [
            (&c.impersonal_it, CLAIM_IT),
            (&c.impersonal_passive, CLAIM_PASSIVE),
            (&c.vague_phrase, CLAIM_PHRASE),
        ] {
            if kinds & bit == 0 {
                continue;
            }
            for m in re.find_iter_within(s, bounds(bit)) {
                hits.push((base + m.start..base + m.end, "impersonal or vague source"));
            }
        }
        if hits.is_empty() {
            continue;
        }
        hits.sort_by_key(|h| (h.0.start, std::cmp::Reverse(h.0.end)));
        let mut last_end = 0;
        let mut names = None;
        for (r, kind) in hits {
            if r.start < last_end
                || in_quote(seg, r.start)
                || reported_by_speaker(c, text, sent.span.clone(), r.clone())
            {
                continue;
            }
            if *names.get_or_insert_with(next_names) {
                break;
            }
            last_end = r.end;
            out.push(Finding {
                rule: UNATTRIBUTED_CLAIM,
                start: r.start,
                end: r.end,
                message: format!(
                    "claim with a vague source ({kind}: \"{}\"): no named person, \
                     organisation or study in this sentence or the next one",
                    text[r.clone()]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
            });
        }
    }
    out
}

/// Where in the sentence `span` of `b`, given its anchor hits, a match of
/// the claim pattern of `kind` can start (offsets into the sentence, for
/// [`WordPattern::find_iter_within`]): a plain phrase starts as many words
/// before its anchor as it has there; the passive pattern one more (`is`
/// before the adverb).
fn claim_bounds(
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

/// The same for the anonymous-source patterns (`inverted`: `said a
/// source`): a match holds a noun, so it starts at most the determiner's
/// words (and, inverted, the speech verb's) before the noun's anchor word.
fn anon_bounds(
    c: &Compiled,
    b: &[u8],
    span: &Range<usize>,
    hits: &[(usize, u8)],
    inverted: bool,
) -> (usize, usize) {
    let before = if inverted {
        c.anon_before.1
    } else {
        c.anon_before.0
    };
    c.anchors.bounds(b, span, hits, ANON, before)
}

/// Whether a word of `verbs` (ASCII letters, lower-cased) may be one of the
/// `n` words after the word at `pos`, in the text up to `end`: false only
/// when it is none of them.
///
/// A necessary condition for the claim patterns that look for a verb
/// after their subject, cheap enough to run before them. Words are split
/// as [`Compiled::word`] splits them (a letter or digit, then letters,
/// digits, apostrophes and hyphens); each run of letters and digits in a
/// word is compared, so a word a pattern would start inside a hyphenated
/// one (`some-think`) is compared too.
fn verb_may_follow(text: &str, pos: usize, end: usize, n: usize, verbs: &WordTable) -> bool {
    let b = text.as_bytes();
    let (mut i, mut words) = (pos, 0);
    while i < end && words <= n {
        let c = b[i];
        if c >= 0x80 {
            // A letter, a digit or `’` may continue or start a word:
            // only other characters are passed over.
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphanumeric() || ch == '\u{2019}' {
                return true;
            }
            i += ch.len_utf8();
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        while i < end && (b[i].is_ascii_alphanumeric() || b[i] == b'\'' || b[i] == b'-') {
            let s = i;
            while i < end && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            // (A run of ASCII letters and digits: the table's words are
            // lower-case ASCII letters.)
            if verbs.may_hold(b, s, i) && verbs.get_filtered(b, s, i).is_some() {
                return true;
            }
            while i < end && (b[i] == b'\'' || b[i] == b'-') {
                i += 1;
            }
        }
        if i < end && b[i] >= 0x80 {
            // (The word may go on.)
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphanumeric() || ch == '\u{2019}' {
                return true;
            }
        }
        words += 1;
    }
    false
}

// ---------------------------------------------------------------------------
// anonymous-source

/// `anonymous-source`: a bare `a source said` / `sources said`.
pub fn anonymous_sources(text: &str, seg: &Segmented, c: &Compiled) -> Vec<Finding> {
    anonymous_in(text, seg, c, &c.anchors.scan(text, ANON, false).hits)
}

/// `anonymous-source` given the document's anchor hits.
fn anonymous_in(text: &str, seg: &Segmented, c: &Compiled, hits: &[(usize, u8)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    for cand in c.anchors.candidates(hits, seg, ANON) {
        let sent = &seg.sentences[cand.sentence];
        let s = &text[sent.span.clone()];
        let base = sent.span.start;
        let sent_hits = &hits[cand.hits.clone()];
        let forward = anon_bounds(c, b, &sent.span, sent_hits, false);
        for m in c.anon_forward.find_iter_within(s, forward) {
            let start = base + m.start;
            if in_quote(seg, start) {
                continue;
            }
            let first = c.word.find(&s[m.clone()]).map(|w| lower(w.as_str()));
            let has_det = first
                .as_ref()
                .is_some_and(|w| c.bare_dets.contains(w.as_ref()));
            if !has_det {
                // `sources said` must start a clause: `industry sources said`
                // and `the source said` describe or refer back.
                let bare = ["and", "but", "that", "as", "while", "though", "although"];
                if let Some((w, _)) = prev_word(c, text, base, start) {
                    if !bare.contains(&w.as_ref()) {
                        continue;
                    }
                }
            }
            out.push(anon_finding(start..base + m.end, text));
        }
        let inverted = anon_bounds(c, b, &sent.span, sent_hits, true);
        for m in c.anon_inverted.find_iter_within(s, inverted) {
            let start = base + m.start;
            if in_quote(seg, start) {
                continue;
            }
            // `..., said a source.` — nothing describing the source after it.
            let rest = text[base + m.end..sent.span.end].trim_start();
            if rest.is_empty() || rest.starts_with(['.', ',', ';', '!', '?']) {
                out.push(anon_finding(start..base + m.end, text));
            }
        }
    }
    out.sort_by_key(|f| f.start);
    out.dedup_by_key(|f| f.start);
    out
}

fn anon_finding(r: Range<usize>, text: &str) -> Finding {
    Finding {
        rule: ANONYMOUS_SOURCE,
        start: r.start,
        end: r.end,
        message: format!(
            "anonymous source with no description (\"{}\"): say who the source is \
             (role, affiliation or how they know)",
            text[r].split_whitespace().collect::<Vec<_>>().join(" ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{compiled, found, tricky_texts};
    use super::word_table::is_word_byte;
    use super::*;

    use crate::segment::segment;
    use crate::testing::xorshift;

    fn quotes(text: &str) -> Vec<String> {
        found(text, unattributed_quotes)
    }

    fn claims(text: &str) -> Vec<String> {
        found(text, unattributed_claims)
    }

    fn anon(text: &str) -> Vec<String> {
        found(text, anonymous_sources)
    }

    fn clean(text: &str) {
        assert_eq!(
            quotes(text),
            Vec::<String>::new(),
            "quote findings in {text:?}"
        );
    }

    // -- unattributed-quote: attributed forms pass --------------------------

    #[test]
    fn attributed_forms_pass() {
        for t in [
            "\"We are ready to respond to any provocation,\" Yoon said.",
            "\u{201C}We are ready to respond to any provocation,\u{201D} said Yoon.",
            "Yoon said: \u{201C}We are ready to respond to any provocation.\u{201D}",
            "According to Yoon, \u{201C}we are ready to respond to any provocation.\u{201D}",
            "\u{201C}The talks went well and we expect more,\u{201D} the official told reporters.",
            "\u{201C}The alliance will respond firmly to any attack,\u{201D} the statement read.",
            "Kishida added that \u{201C}the security of Europe and Asia is inseparable.\u{201D}",
            "\u{201C}We are ready. We will act without delay,\u{201D} Yoon said. \u{201C}Nobody should doubt it.\u{201D}",
            "Yoon spoke after the meeting. \u{201C}We are ready for anything now.\u{201D}",
            "\u{201C}This is a grave threat to peace,\u{201D} Yoon warned on Tuesday.",
            "\u{201C}Can we trust them after all this?\u{201D} he asked.",
            "\u{201C}We were surprised by the result,\u{201D} a spokesperson for the ministry said.",
            "Lee: \u{201C}We will not back down from this fight.\u{201D}",
        ] {
            clean(t);
        }
    }

    #[test]
    fn attribution_after_first_sentence_of_multi_sentence_quote() {
        clean("\u{201C}We are ready,\u{201D} Yoon said. \u{201C}We have prepared for months. Nobody should doubt our resolve. The allies agree.\u{201D}");
        clean("\"We are ready. We have prepared for months,\" Yoon said. \"Nobody should doubt our resolve.\"");
    }

    #[test]
    fn continued_across_paragraphs() {
        clean("\u{201C}We are ready for any provocation,\u{201D} Yoon said. \u{201C}We have prepared for months.\n\n\u{201C}And we will not be intimidated by anyone.\u{201D}\n\nThe talks ended.");
        clean("Yoon said: \u{201C}We have prepared for months and we are ready.\n\n\u{201C}And we will not be intimidated by anyone.\u{201D}");
    }

    #[test]
    fn colon_paragraph_lead_in() {
        clean("Yoon told the summit:\n\n\u{201C}We will never accept this kind of threat.\u{201D}");
    }

    #[test]
    fn bbc_run_together_paragraphs() {
        // BBC News 2004-5 data set (Greene & Cunningham), politics: Labour
        // conference story; paragraphs of one quote run together.
        clean("Colin Asplin, Blackpool Hotel Association said: \"We have tried very hard to make sure they come back to Blackpool. \"Obviously we have failed in that. I just hope Manchester can handle the crowds. \"It amazes me that the Labour Party, which is a working class party, doesn't want to come to the main working class resort in the country.\" The exact cost to Blackpool in terms of lost revenue for hotel accommodation is not yet known.");
    }

    // -- not a quote -----------------------------------------------------------

    #[test]
    fn terms_titles_and_lead_ins_pass() {
        for t in [
            "Russia and North Korea signed the so-called \u{201C}comprehensive strategic partnership\u{201D} in June.",
            "The two signed a \u{201C}comprehensive strategic partnership\u{201D} in June.",
            "She read \u{201C}The Old Man and the Sea\u{201D} on the flight.",
            "The film \"Lord of the Rings: The Return of the King\" won eleven awards.",
            "Critics have called it \u{201C}a reckless gamble with the lives of millions\u{201D} in the past.",
            "The plan, dubbed \u{201C}Operation Morning Calm and Quiet Skies Forever,\u{201D} began in May.",
            "The area is known as \u{201C}the most dangerous border in the world today.\u{201D}",
            "He chose the phrase \u{201C}a new era of cooperation between us\u{201D} for it.",
        ] {
            clean(t);
        }
    }

    // -- flagged ---------------------------------------------------------------

    #[test]
    fn bare_quote_paragraph_flagged() {
        let t = "The summit ended on Wednesday.\n\n\u{201C}We will never accept this.\u{201D}\n\nLeaders left.";
        assert_eq!(quotes(t), ["\u{201C}We will never accept this.\u{201D}"]);
        assert_eq!(
            quotes("\"We will never accept this.\""),
            ["\"We will never accept this.\""]
        );
    }

    #[test]
    fn quote_with_no_nearby_speaker_flagged() {
        let t = "The summit ended on Wednesday. \u{201C}This is a grave and growing threat to the region.\u{201D} The leaders then left for dinner.";
        assert_eq!(
            quotes(t),
            ["\u{201C}This is a grave and growing threat to the region.\u{201D}"]
        );
    }

    #[test]
    fn colon_without_speaker_flagged() {
        let t = "The message was clear: \u{201C}We will never accept this kind of deal.\u{201D}";
        assert_eq!(quotes(t).len(), 1);
    }

    #[test]
    fn span_covers_marks_and_message_explains() {
        let t = "Leaders met. \u{201C}We will never accept this.\u{201D}";
        let seg = segment(t);
        let f = unattributed_quotes(t, &seg, &compiled());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "unattributed-quote");
        assert!(t[f[0].start..].starts_with('\u{201C}'));
        assert_eq!(f[0].end, t.len());
        assert!(f[0].message.contains("speech verb"));
    }

    #[test]
    fn seed_style_wire_copy_passes() {
        // The project's seed article style: one paragraph per line.
        let t = "Yoon met Kishida on Wednesday.\n\u{201C}Russia and North Korea recently signed a comprehensive strategic partnership,\u{201D} Yoon said.\n\u{201C}The participation of South Korea and Japan carries strategic implications,\u{201D} Yoon noted.\n";
        clean(t);
    }

    // -- unattributed-claim ------------------------------------------------------

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
            claims("He is widely regarded as the best."),
            ["is widely regarded"]
        );
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
        ] {
            assert_eq!(claims(t), Vec::<String>::new(), "{t}");
        }
    }

    // -- anonymous-source ----------------------------------------------------------

    #[test]
    fn anonymous_sources_flagged() {
        assert_eq!(
            anon("A source said the talks had stalled."),
            ["A source said"]
        );
        assert_eq!(anon("The talks stalled, sources said."), ["sources said"]);
        assert_eq!(anon("The talks stalled, said a source."), ["said a source"]);
        assert_eq!(
            anon("One source told Reuters the deal was off."),
            ["One source told"]
        );
    }

    #[test]
    fn described_sources_pass() {
        for t in [
            "A senior official familiar with the talks said they had stalled.",
            "A source close to the talks said they had stalled.",
            "A government source said the talks had stalled.",
            "Industry sources said output would rise.",
            "The talks stalled, said a source familiar with the matter.",
            "The source said the talks had stalled.",
        ] {
            assert_eq!(anon(t), Vec::<String>::new(), "{t}");
        }
    }

    // -- options ---------------------------------------------------------------------

    #[test]
    fn options_deserialize_with_defaults_and_reject_unknown() {
        let o: Options = toml::from_str("min-quote-words = 6").unwrap();
        assert_eq!(o.min_quote_words, 6);
        assert_eq!(o.speech_verbs, Options::default().speech_verbs);
        assert!(toml::from_str::<Options>("no-such = 1").is_err());
        assert!(Compiled::new(&o).is_ok());
        let bad = Options {
            min_quote_words: 0,
            ..Options::default()
        };
        assert!(Compiled::new(&bad).is_err());
    }

    #[test]
    fn tuned_lists_take_effect() {
        let o = Options {
            speech_verbs: vec!["say".into(), "said".into()],
            attribution_phrases: vec![],
            ..Options::default()
        };
        let c = Compiled::new(&o).unwrap();
        let t = "\u{201C}We will never accept this deal,\u{201D} Yoon warned.";
        assert_eq!(unattributed_quotes(t, &segment(t), &c).len(), 1);
        assert!(unattributed_quotes(t, &segment(t), &compiled()).is_empty());
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

    /// The claim and anonymous-source patterns run only from a few words
    /// before a sentence's anchor hits: on the candidate sentences of
    /// random texts, they find what they find run over the whole sentence.
    #[test]
    fn bounded_pattern_search_finds_every_match() {
        let mut tuned = Options::default();
        tuned.bare_source_determiners.push("a few".into());
        tuned
            .speech_verb_forms
            .extend(strings(&["went on", "said so"]));
        tuned.anonymous_source_nouns.push("people familiar".into());
        let texts = tricky_texts(20_000);
        for opts in [Options::default(), tuned] {
            let c = Compiled::new(&opts).unwrap();
            let mut found = 0;
            for t in &texts {
                let seg = segment(t);
                let b = t.as_bytes();
                let hits = c.anchors.scan(t, CLAIM_ANY | ANON, false).hits;
                for cand in c.anchors.candidates(&hits, &seg, CLAIM_ANY | ANON) {
                    let span = seg.sentences[cand.sentence].span.clone();
                    let s = &t[span.clone()];
                    let sent_hits = &hits[cand.hits.clone()];
                    let claims = [
                        (&c.vague_group, CLAIM_GROUP),
                        (&c.evidence_noun, CLAIM_EVIDENCE),
                        (&c.vague_subject, CLAIM_SUBJECT),
                        (&c.impersonal_it, CLAIM_IT),
                        (&c.impersonal_passive, CLAIM_PASSIVE),
                        (&c.vague_phrase, CLAIM_PHRASE),
                    ];
                    let mut patterns: Vec<(&WordPattern, (usize, usize))> = claims
                        .into_iter()
                        .map(|(p, kind)| (p, claim_bounds(&c, b, &span, sent_hits, kind)))
                        .collect();
                    for inverted in [false, true] {
                        let p = if inverted {
                            &c.anon_inverted
                        } else {
                            &c.anon_forward
                        };
                        patterns.push((p, anon_bounds(&c, b, &span, sent_hits, inverted)));
                    }
                    for (i, (p, bounds)) in patterns.into_iter().enumerate() {
                        let all: Vec<Range<usize>> = p.find_iter(s).collect();
                        let within: Vec<Range<usize>> = p.find_iter_within(s, bounds).collect();
                        assert_eq!(within, all, "pattern {i} in {s:?}");
                        found += all.len();
                    }
                }
            }
            assert!(found > 5000, "too few matches: {found}");
        }
    }

    /// `verb_may_follow` is a prefilter: whenever a verb is one of the
    /// words `Compiled::word` finds within the window, from the anchor or
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
            let Some(pos) = c.word.find(&text).map(|m| m.start()) else {
                continue;
            };
            let n = next(5);
            // The anchor word and the `n` words after it, and every word
            // the regex finds from a place inside them.
            let words: Vec<WordMatch> = c.word.find_iter(&text[pos..]).take(n + 1).collect();
            let window_end = pos + words.last().map_or(0, |w| w.end());
            let b = text.as_bytes();
            let boundary =
                |p: usize| text.is_char_boundary(p) && (p == pos || !is_word_byte(b[p - 1]));
            let has_verb = (pos..window_end).filter(|&p| boundary(p)).any(|p| {
                c.word
                    .find(&text[p..])
                    .filter(|w| p + w.start() < window_end)
                    .is_some_and(|w| c.claim_verbs.contains(lower(w.as_str()).as_ref()))
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

    #[test]
    fn inflections_cover_regular_forms() {
        let f = inflections("argue");
        for w in ["argue", "argues", "argued", "arguing"] {
            assert!(f.contains(&w.to_string()), "{w}");
        }
        let f = inflections("admit");
        assert!(f.contains(&"admitted".to_string()));
        let f = inflections("reply");
        assert!(f.contains(&"replied".to_string()) && f.contains(&"replies".to_string()));
    }
}
