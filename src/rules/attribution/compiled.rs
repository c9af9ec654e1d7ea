//! [`Options`] compiled into matchers ([`Compiled`]), once per option set:
//! the word sets, word-sequence patterns and anchor words the rules look
//! up, and the [`Anchors`] kind bits of the claim and anonymous-source
//! patterns.

use rustc_hash::FxHashSet;

use super::anchors::{Anchors, ATTRIBUTING};
use super::matching::{alt_forms, phrase_pattern, OpenAttribution, PhraseSet, WordPattern};
use super::options::{inflections, strings, word_set, Options};
use super::quote_cues::QuoteCues;
use super::speaker::ReportingVerbs;
use super::weasel::WeaselCues;
use super::word_table::WordTable;
use crate::words::Word;

/// Options compiled on first use (`Lazy::new(options, Compiled::new)`): a
/// pre-commit run that never needs the word lists should not build them.
pub type Lazy = crate::rules::BuiltOnce<Options, Compiled>;

/// [`Options`] compiled into matchers.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Speech verbs and attribution phrases: every use asks whether a
    /// text has either, so one word lookup serves both.
    pub(super) attributing: PhraseSet,
    /// Only quotations left open need it.
    pub(super) open_attribution: OpenAttribution,
    /// `speaker-nouns` and `speaker-pronouns` together.
    pub(super) speaker_words: FxHashSet<String>,
    /// `speaker-pronouns` alone (`he`, `they`, `it`).
    pub(super) speaker_pronouns: FxHashSet<String>,
    pub(super) exemptions: Vec<Vec<String>>,
    pub(super) exemption_fillers: FxHashSet<String>,
    pub(super) min_quote_words: usize,
    pub(super) min_partial_quote_words: usize,
    /// Who speaks (see `speaker.rs`): the word lists, lower-cased.
    pub(super) function_words: FxHashSet<String>,
    pub(super) calendar_words: FxHashSet<String>,
    pub(super) connectors: FxHashSet<String>,
    pub(super) person_titles: FxHashSet<String>,
    pub(super) name_window: usize,
    pub(super) reporting_verbs: ReportingVerbs,
    pub(super) vague_group: WordPattern,
    pub(super) vague_subject: WordPattern,
    pub(super) claim_verbs: FxHashSet<String>,
    pub(super) claim_aux: FxHashSet<String>,
    pub(super) group_verb_within: usize,
    pub(super) subject_verb_within: usize,
    pub(super) evidence_noun: WordPattern,
    pub(super) evidence_verbs: FxHashSet<String>,
    /// Every claim and evidence verb is ASCII letters: a sentence with
    /// none of them after its subject can be passed over cheaply (see
    /// `verb_may_follow` in `claim.rs`).
    pub(super) verbs_letters: bool,
    /// `claim_verbs` and `evidence_verbs` as tables for that prefilter.
    pub(super) claim_verb_table: WordTable,
    pub(super) evidence_verb_table: WordTable,
    pub(super) impersonal_it: WordPattern,
    pub(super) impersonal_passive: WordPattern,
    pub(super) vague_phrase: WordPattern,
    pub(super) naming_cues: Vec<Vec<String>>,
    pub(super) specific: FxHashSet<String>,
    /// `folklore_words`, lower-cased.
    pub(super) folklore: FxHashSet<String>,
    /// `science_words`, lower-cased.
    pub(super) science: FxHashSet<String>,
    /// `deep_time_words`, lower-cased.
    pub(super) deep_time: FxHashSet<String>,
    /// `argument_verbs`, lower-cased.
    pub(super) argument_verbs: FxHashSet<String>,
    /// `study_kinds`, lower-cased: the words before unnamed evidence, and
    /// the phrases after it, as words.
    pub(super) study_kinds_before: FxHashSet<String>,
    pub(super) study_kinds_after: Vec<Vec<String>>,
    /// `consensus_verbs`, lower-cased.
    pub(super) consensus: FxHashSet<String>,
    /// `history_openers`, `history_times`, `aside_words` and
    /// `evidence_deniers`, lower-cased.
    /// `narrative_past_verbs`, lower-cased.
    pub(super) narrative_past: FxHashSet<String>,
    pub(super) history_openers: FxHashSet<String>,
    pub(super) history_times: FxHashSet<String>,
    pub(super) aside_words: FxHashSet<String>,
    pub(super) evidence_deniers: FxHashSet<String>,
    /// Only sentences with an anonymous-source noun need them.
    pub(super) anon_forward: WordPattern,
    pub(super) anon_inverted: WordPattern,
    /// The most runs of word bytes a match of `anon_forward` and of
    /// `anon_inverted` has before its noun's anchor word (see
    /// [`anon_bounds`](super::anonymous::anon_bounds)).
    pub(super) anon_before: (usize, usize),
    pub(super) bare_dets: FxHashSet<String>,
    pub(super) source_clause_openers: FxHashSet<String>,
    /// The whole-document prefilter: the sentences that can hold a match
    /// of the claim patterns (by pattern, see the `CLAIM_*` bits), and of
    /// the anonymous-source patterns (`ANON`). Only those sentences are
    /// examined; one pass serves both rules.
    pub(super) anchors: Anchors,
    /// `weasel-words`' cues.
    pub(super) weasel: WeaselCues,
    /// The quotation checks beyond speech verbs (credits, citations,
    /// glosses; see `quote_cues.rs`).
    pub(super) quote_cues: QuoteCues,
    /// The speech forms a quotation paragraph may borrow its speaker by
    /// (all but `borrowing-excluded-forms`).
    pub(super) borrow_forms: FxHashSet<String>,
    /// The single words of the vague groups and subjects, and the unnamed
    /// evidence (`research`).
    pub(super) vague_words: FxHashSet<String>,
    /// `group-nouns`.
    pub(super) group_nouns: FxHashSet<String>,
    /// `unsaid-lead-ins`.
    pub(super) unsaid_lead_ins: FxHashSet<String>,
    /// `cry-nouns`.
    pub(super) cry_nouns: FxHashSet<String>,
    /// `sign-nouns`.
    pub(super) sign_words: FxHashSet<String>,
    /// `text-nouns`.
    pub(super) text_words: FxHashSet<String>,
    /// `female-given-names`, `male-given-names`.
    pub(super) female_names: FxHashSet<String>,
    pub(super) male_names: FxHashSet<String>,
    /// `female-given-name-words`, `male-given-name-words`.
    pub(super) female_name_words: FxHashSet<String>,
    pub(super) male_name_words: FxHashSet<String>,
    /// `female-person-words`, `male-person-words`.
    pub(super) female_words: FxHashSet<String>,
    pub(super) male_words: FxHashSet<String>,
    /// `tag-forms`.
    pub(super) tag_forms: FxHashSet<String>,
    /// `closing-tag-forms`, each as its lower-case words.
    pub(super) closing_tags: Vec<Vec<String>>,
}

/// Bits of [`Anchors`] kinds for the claim patterns.
pub(super) const CLAIM_GROUP: u8 = 1;
pub(super) const CLAIM_EVIDENCE: u8 = 2;
pub(super) const CLAIM_SUBJECT: u8 = 4;
pub(super) const CLAIM_IT: u8 = 8;
pub(super) const CLAIM_PASSIVE: u8 = 16;
pub(super) const CLAIM_PHRASE: u8 = 32;
/// Every claim bit.
pub(super) const CLAIM_ANY: u8 = 63;
/// The bit of [`Anchors`] kinds for the anonymous-source patterns.
pub(super) const ANON: u8 = 64;

impl Compiled {
    pub fn new(opts: &Options) -> Result<Compiled, String> {
        if opts.min_quote_words == 0 || opts.min_partial_quote_words == 0 {
            return Err("min_quote_words and min_partial_quote_words must be at least 1".into());
        }
        let set = |v: &[String]| -> FxHashSet<String> { word_set(v, false).into_iter().collect() };
        let speaker_pronouns = set(&opts.speaker_pronouns);
        let mut speaker_words = set(&opts.speaker_nouns);
        speaker_words.extend(speaker_pronouns.iter().cloned());
        let speech_forms = opts.speech_forms();
        let speech_alt = regex_alt(&speech_forms, false);
        let (anchors, attributing) = anchor_words(opts, &speech_forms)?;
        let (impersonal_it, impersonal_passive) = impersonal_patterns(opts);
        let (anon_forward, anon_inverted, anon_before) =
            anonymous_patterns(opts, &speech_forms, &speech_alt, &anchors);
        Ok(Compiled {
            attributing,
            open_attribution: OpenAttribution::new(
                &speech_forms,
                format!(r"(?i)(?:,\s+|[,.!?]['\u{{2019}}]\s+\w*\s*)(?:{speech_alt})(?-u:\b)"),
            ),
            speaker_words,
            speaker_pronouns,
            exemptions: phrase_words(&opts.quote_exemption_lead_ins),
            exemption_fillers: set(&opts.quote_exemption_fillers),
            min_quote_words: opts.min_quote_words,
            min_partial_quote_words: opts.min_partial_quote_words,
            function_words: set(&opts.function_words),
            calendar_words: set(&opts.calendar_words),
            connectors: set(&opts.subject_connectors),
            person_titles: set(&opts.person_titles),
            name_window: opts.name_window,
            reporting_verbs: ReportingVerbs::new(&opts.reporting_verb_forms),
            vague_group: WordPattern::list(&opts.vague_groups),
            vague_subject: WordPattern::list(&opts.vague_subjects),
            claim_verb_table: verb_table(&opts.claim_verbs),
            evidence_verb_table: verb_table(&opts.evidence_verbs),
            claim_verbs: word_set(&opts.claim_verbs, true).into_iter().collect(),
            claim_aux: set(&opts.claim_auxiliaries),
            group_verb_within: opts.group_verb_within,
            subject_verb_within: opts.subject_verb_within,
            evidence_noun: WordPattern::list(&opts.evidence_nouns),
            evidence_verbs: word_set(&opts.evidence_verbs, true).into_iter().collect(),
            verbs_letters: [&opts.claim_verbs, &opts.evidence_verbs]
                .into_iter()
                .flat_map(|v| v.iter().flat_map(|w| inflections(w)))
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic())),
            impersonal_it,
            impersonal_passive,
            vague_phrase: WordPattern::list(&opts.vague_source_phrases),
            naming_cues: phrase_words(&opts.source_naming_cues),
            specific: set(&opts.specific_determiners),
            folklore: set(&opts.folklore_words),
            science: set(&opts.science_words),
            deep_time: set(&opts.deep_time_words),
            argument_verbs: set(&opts.argument_verbs),
            study_kinds_before: set(&opts.study_kinds)
                .into_iter()
                .filter(|w| !w.contains(' '))
                .collect(),
            study_kinds_after: phrase_words(&opts.study_kinds)
                .into_iter()
                .filter(|p| p.len() > 1)
                .collect(),
            consensus: set(&opts.consensus_verbs),
            narrative_past: set(&opts.narrative_past_verbs),
            history_openers: set(&opts.history_openers),
            history_times: set(&opts.history_times),
            aside_words: set(&opts.aside_words),
            evidence_deniers: set(&opts.evidence_deniers),
            anon_forward,
            anon_inverted,
            anon_before,
            bare_dets: set(&opts.bare_source_determiners),
            source_clause_openers: set(&opts.source_clause_openers),
            anchors,
            weasel: WeaselCues::new(&opts.weasel_cues, &opts.weasel_exceptions)?,
            quote_cues: QuoteCues::new(opts),
            borrow_forms: {
                let excluded = set(&opts.borrowing_excluded_forms);
                speech_forms
                    .iter()
                    .filter(|f| !f.contains(' ') && !excluded.contains(f.as_str()))
                    .cloned()
                    .collect()
            },
            vague_words: set(&opts.vague_groups)
                .into_iter()
                .chain(set(&opts.vague_subjects))
                .chain(set(&opts.evidence_nouns))
                .filter(|w| !w.contains(' '))
                .collect(),
            group_nouns: set(&opts.group_nouns),
            unsaid_lead_ins: set(&opts.unsaid_lead_ins),
            cry_nouns: set(&opts.cry_nouns),
            sign_words: set(&opts.sign_nouns),
            text_words: set(&opts.text_nouns),
            female_names: set(&opts.female_given_names),
            male_names: set(&opts.male_given_names),
            female_name_words: set(&opts.female_given_name_words),
            male_name_words: set(&opts.male_given_name_words),
            female_words: set(&opts.female_person_words),
            male_words: set(&opts.male_person_words),
            tag_forms: set(&opts.tag_forms),
            closing_tags: opts
                .closing_tag_forms
                .iter()
                .map(|p| p.split_whitespace().map(str::to_lowercase).collect())
                .filter(|p: &Vec<String>| !p.is_empty())
                .collect(),
        })
    }

    /// Whether the word `w` (lower-cased) is a plural that names an
    /// unnamed group: one of the `group-nouns` (`aides`) or, matched whole,
    /// of the vague groups (`analysts`).
    pub(super) fn is_group_word(&self, w: &str) -> bool {
        self.group_nouns.contains(w) || self.is_vague_group(w)
    }

    /// Whether the word `w` (lower-cased) is, whole, one of the vague
    /// groups (`analysts`, not `non-analysts`).
    pub(super) fn is_vague_group(&self, w: &str) -> bool {
        self.vague_group
            .find_iter(w)
            .next()
            .is_some_and(|m| m == (0..w.len()))
    }
}

/// The regex alternation of a word list, `(?-u:a|b\s+c)`, in
/// [`alt_forms`] order; one that matches nothing when the list is empty.
fn regex_alt(items: &[String], inflect: bool) -> String {
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
}

/// The lower-cased words of each phrase of `v` (empty phrases left out).
fn phrase_words(v: &[String]) -> Vec<Vec<String>> {
    v.iter()
        .map(|p| {
            p.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The phrases of `v`, lower-cased.
fn lowered(v: &[String]) -> Vec<String> {
    word_set(v, false).into_iter().collect()
}

/// The anchor words of the claim and anonymous-source patterns and (when
/// they are plain words) of the attributing phrases, and those phrases
/// (speech verbs and attribution phrases) as one [`PhraseSet`].
fn anchor_words(opts: &Options, speech_forms: &[String]) -> Result<(Anchors, PhraseSet), String> {
    let mut anchors = Anchors::default();
    anchors.add(&lowered(&opts.vague_groups), CLAIM_GROUP, true);
    anchors.add(&lowered(&opts.evidence_nouns), CLAIM_EVIDENCE, true);
    anchors.add(&lowered(&opts.vague_subjects), CLAIM_SUBJECT, true);
    // `it is/was/has been/had been ... believed`: the pronoun, checked
    // for the verb after it (see `Anchors::scan`).
    anchors.add(&["it".to_string()], CLAIM_IT, false);
    anchors.it_kind = CLAIM_IT;
    // `is widely regarded`: the adverb is required.
    anchors.add(&lowered(&opts.hedge_adverbs), CLAIM_PASSIVE, false);
    anchors.add(&lowered(&opts.vague_source_phrases), CLAIM_PHRASE, true);
    anchors.add(&lowered(&opts.anonymous_source_nouns), ANON, false);
    let attributing_forms = [speech_forms.to_vec(), lowered(&opts.attribution_phrases)].concat();
    let attributing = PhraseSet::new(&attributing_forms)?;
    if let PhraseSet::Words(..) = &attributing {
        anchors.add(&attributing_forms, ATTRIBUTING, true);
    }
    anchors.finish();
    Ok((anchors, attributing))
}

/// The impersonal claim patterns: `it is (widely) believed` and `is widely
/// thought`.
fn impersonal_patterns(opts: &Options) -> (WordPattern, WordPattern) {
    // The groups as word lists, for `WordPattern`s.
    let hedges = alt_forms(&opts.hedge_adverbs, false);
    let impersonal = alt_forms(&opts.impersonal_verbs, false);
    let it = WordPattern::new(
        vec![
            (strings(&["it"]), false, true),
            (
                strings(&["is", "was", "has been", "had been", "is now"]),
                false,
                true,
            ),
            (hedges.clone(), true, false),
            (impersonal.clone(), false, false),
        ],
        format!(
            r"(?i)(?-u:\b)it\s+(?:is|was|has\s+been|had\s+been|is\s+now)\s+(?:(?:{})\s+)?(?:{})(?-u:\b)",
            regex_alt(&opts.hedge_adverbs, false),
            regex_alt(&opts.impersonal_verbs, false)
        ),
    );
    let passive = WordPattern::new(
        vec![
            (strings(&["is", "are", "was", "were", "been"]), false, true),
            (hedges, false, false),
            (impersonal, false, false),
        ],
        format!(
            r"(?i)(?-u:\b)(?:is|are|was|were|been)\s+(?:{})\s+(?:{})(?-u:\b)",
            regex_alt(&opts.hedge_adverbs, false),
            regex_alt(&opts.impersonal_verbs, false)
        ),
    );
    (it, passive)
}

/// The anonymous-source patterns, forward (`a source said`) and inverted
/// (`said a source`), and for each the most runs of word bytes a match has
/// before its noun's anchor word (what `Anchors::bounds` steps back over).
/// `speech_alt` is the [`regex_alt`] of `speech_forms`.
fn anonymous_patterns(
    opts: &Options,
    speech_forms: &[String],
    speech_alt: &str,
    anchors: &Anchors,
) -> (WordPattern, WordPattern, (usize, usize)) {
    let dets = regex_alt(&opts.bare_source_determiners, false);
    let nouns = regex_alt(&opts.anonymous_source_nouns, false);
    // The auxiliaries are tried in the order written (a short list, as
    // `it is` and `is` are), outside `(?-u:...)`.
    let aux_forms = phrases_in_order(&opts.anonymous_source_auxiliaries);
    let aux = ordered_alt(&aux_forms);
    // The same groups as word lists, for `WordPattern`s.
    let speech_sorted = alt_forms(speech_forms, false);
    let det_forms = alt_forms(&opts.bare_source_determiners, false);
    let noun_forms = alt_forms(&opts.anonymous_source_nouns, false);
    // Runs of word bytes (what `Anchors::bounds` steps back over) in
    // the longest phrase of a group.
    let runs = |forms: &[String]| {
        forms
            .iter()
            .map(|f| Word::ascii().iter(f).count())
            .max()
            .unwrap_or(0)
    };
    let noun_at = anchors.before[ANON.trailing_zeros() as usize];
    let before = (
        runs(&det_forms) + noun_at,
        runs(&speech_sorted) + runs(&det_forms) + noun_at,
    );
    let forward = WordPattern::new(
        vec![
            (det_forms.clone(), true, false),
            (noun_forms.clone(), false, false),
            (aux_forms, true, true),
            (speech_sorted.clone(), false, false),
        ],
        format!(
            r"(?i)(?-u:\b)(?:(?:{dets})\s+)?(?:{nouns})\s+(?:(?:{aux})\s+)?(?:{speech_alt})(?-u:\b)"
        ),
    );
    let inverted = WordPattern::new(
        vec![
            (speech_sorted, false, false),
            (det_forms, true, false),
            (noun_forms, false, false),
        ],
        format!(r"(?i)(?-u:\b)(?:{speech_alt})\s+(?:(?:{dets})\s+)?(?:{nouns})(?-u:\b)"),
    );
    (forward, inverted, before)
}

/// The phrases of `v`, lower-cased, in their order, the first of equal
/// ones kept (empty ones left out).
fn phrases_in_order(v: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in v {
        let p = p.to_lowercase();
        if !p.trim().is_empty() && !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// The regex alternation of `forms` in their order (`a|b\s+c`); one that
/// matches nothing when there are none.
fn ordered_alt(forms: &[String]) -> String {
    if forms.is_empty() {
        return r"[^\s\S]".to_string();
    }
    forms
        .iter()
        .map(|f| phrase_pattern(f))
        .collect::<Vec<_>>()
        .join("|")
}

/// The inflections of `verbs`, lower-cased, as a [`WordTable`].
fn verb_table(verbs: &[String]) -> WordTable {
    let words: Vec<Vec<u8>> = word_set(verbs, true)
        .into_iter()
        .map(String::into_bytes)
        .collect();
    WordTable::new(&words)
}
