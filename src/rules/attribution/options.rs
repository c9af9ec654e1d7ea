//! The attribution rules' options: [`Options`], the word lists and
//! thresholds the packs set (`[options.attribution]`; the shipped values are
//! in `rules/attribution.toml`); and how a list of base forms becomes the
//! word forms matched ([`inflections`], [`word_set`]).

use std::collections::BTreeSet;

use serde::Deserialize;

/// Tunable word lists and thresholds. Verbs are given as base forms (plus
/// irregular forms); regular inflections (`-s`, `-es`, `-ies`, `-ed`, `-d`,
/// `-ing`, doubled final consonant) are generated. Phrases match
/// case-insensitively at word boundaries with any run of whitespace between
/// their words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
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
    /// (`so-called`, `dubbed`, `known as`). One of
    /// `quote_exemption_fillers` may follow.
    pub quote_exemption_lead_ins: Vec<String>,
    /// Words that may stand between an exemption lead-in and the quotation
    /// (`called it "..."`, `known as the "..."`).
    pub quote_exemption_fillers: Vec<String>,
    /// Fewest words for a quotation that starts with a capital letter to
    /// count as a real quote rather than a term or title.
    pub min_quote_words: usize,
    /// Fewest words for a partial quotation (starting in lower case) to
    /// count as a real quote rather than scare quotes.
    pub min_partial_quote_words: usize,
    /// Common sentence-opening words that are not names (`The`, `But`,
    /// `However`): a sentence they open has no named subject.
    pub function_words: Vec<String>,
    /// Days, months and other words that do not make a capitalized word
    /// opening a sentence a name (`Monday`, `Meanwhile`, `Despite`).
    pub calendar_words: Vec<String>,
    /// Connectors passed over before a sentence's subject (`But he ...`,
    /// `Meanwhile the minister ...`).
    pub subject_connectors: Vec<String>,
    /// Titles before a name (`Mr Raynsford`, `President Yoon`): two
    /// capitalized words, the first a title, name a speaker.
    pub person_titles: Vec<String>,
    /// How far (in bytes, each way) a capitalized word opening a sentence
    /// is looked for in the middle of a sentence, to tell a name from a
    /// common noun: about a long article. Bounding it keeps a huge file
    /// linear (one draft is one story).
    pub name_window: usize,
    /// Vague groups that make a claim unsourced (`experts`, `critics`).
    pub vague_groups: Vec<String>,
    /// Pronoun-like subjects that make a claim unsourced (`some`, `many people`).
    pub vague_subjects: Vec<String>,
    /// Verbs of claiming after a vague group or subject (`say`, `argue`).
    pub claim_verbs: Vec<String>,
    /// Words allowed between a vague subject and its verb (`some even argue`).
    pub claim_auxiliaries: Vec<String>,
    /// A vague group's or unnamed evidence's verb is one of the first this
    /// many words after it (`experts at the institute say`).
    pub group_verb_within: usize,
    /// A vague subject's verb is one of the first this many words after
    /// it, the words before it auxiliaries (`some have long argued`).
    pub subject_verb_within: usize,
    /// Verb forms, matched as written (not inflected), by which a named
    /// speaker reports a claim and answers for it (`Barrow said people
    /// think ...`): fewer than the speech verbs, and no form that is more
    /// often a noun after a capitalized word (`Treasury notes`).
    pub reporting_verb_forms: Vec<String>,
    /// Unnamed evidence (`studies`, `research`).
    pub evidence_nouns: Vec<String>,
    /// Verbs after unnamed evidence (`show`, `suggest`).
    pub evidence_verbs: Vec<String>,
    /// Words that tell what research `studies` or `research` is, by its
    /// method, right before it (`laboratory studies`; and any word ending
    /// in `-ological`, `epidemiological studies`) or right after it
    /// (`studies in animals`): the sentence sums up a body of research, as
    /// a science writer does, rather than hang a claim on a hidden source.
    pub study_kinds: Vec<String>,
    /// Participles in impersonal claims (`it is believed`, `it is widely thought`).
    pub impersonal_verbs: Vec<String>,
    /// Participles of `impersonal_verbs` that make a claim only before
    /// `that` (`It is widely considered that …`); otherwise they hedge a
    /// consensus or classify (`is generally considered the archetype`).
    pub consensus_verbs: Vec<String>,
    /// Adverbs in impersonal claims (`it is widely believed`); required in
    /// the form without `it` (`is widely thought`).
    pub hedge_adverbs: Vec<String>,
    /// Fixed vague-source phrases (`according to sources`).
    pub vague_source_phrases: Vec<String>,
    /// Words that make a sentence retell a legend or a faith (`mythical`,
    /// `goddess`): an impersonal claim in it (`The mythical bird is said to
    /// carry souls`) tells the story as such, and hangs no claim on a
    /// hidden source.
    pub folklore_words: Vec<String>,
    /// Words of scientific exposition (`chloroplasts`, `species`,
    /// `atmospheric`): the present `is thought to` in a sentence with one
    /// (`Chloroplasts are thought to be descended from cyanobacteria`)
    /// states what a field holds, and hangs no claim on a hidden source.
    pub science_words: Vec<String>,
    /// Words of deep time (`Cambrian`, `Eocene`, `prehistoric`): `is
    /// thought to` or `it is believed` in a sentence with one, or with
    /// `million years` or ten thousand years or more, there or in the
    /// sentence before it in the paragraph (`All bilaterians are
    /// thought to have descended from a common ancestor … in the Cambrian`),
    /// tells science's reconstruction of a past no one witnessed, even of
    /// an event, and hangs no claim on a hidden source.
    pub deep_time_words: Vec<String>,
    /// Verb forms of argument (`stated`, `contends`, `depicts`): a
    /// sentence that opens with a name as their subject (`Lagerlof and
    /// Galor stated that …`) lays out a view, and an impersonal claim in
    /// the sentence after it (`It is suggested that …`) goes on with it.
    /// `sees` counts only with `as` (`HT sees the abolition as …`).
    pub argument_verbs: Vec<String>,
    /// Participles of `impersonal_verbs` that, in the past tense, report
    /// what people held then rather than hang a claim on a hidden source
    /// (`It was believed that the world was made of five elements`).
    pub narrative_past_verbs: Vec<String>,
    /// Nouns of a source that credits a claim (`view` in `in Whitehead's
    /// view`, `model` in `In Scherer's components processing model`), after
    /// `in` or `by`, a capitalized possessive and up to three words in
    /// lower case; or last in a frame opening the sentence (`In Buddhist
    /// practice, it is said …`).
    pub possessive_source_nouns: Vec<String>,
    /// Words that open a frame of history before a past-tense claim
    /// (`Historically, it was thought …`): the claim reports what was held
    /// then.
    pub history_openers: Vec<String>,
    /// Words for a span of history (`century`, `ages`): after `In`, `By`
    /// or `During` they frame a past-tense claim as history (`During the
    /// Middle Ages, it was believed …`), as a decade does (`In the 1950s`).
    pub history_times: Vec<String>,
    /// Words of an aside between commas, which does not break a vague
    /// group from its verb (`Analysts, however, believe`).
    pub aside_words: Vec<String>,
    /// Words that deny unnamed evidence just before it (`There is no
    /// evidence which suggests`): a claim that evidence is missing leans on
    /// no source.
    pub evidence_deniers: Vec<String>,
    /// Words that introduce a named source after a vague group
    /// (`experts at ...`, `critics, including ...`, `studies by ...`).
    pub source_naming_cues: Vec<String>,
    /// Words before a vague group that make it refer to a known group
    /// (`the analysts`, `two experts`), or make it not the subject
    /// (prepositions; verbs of perceiving or causing: `when I hear people
    /// say`).
    pub specific_determiners: Vec<String>,
    /// Nouns for an anonymous source.
    pub anonymous_source_nouns: Vec<String>,
    /// Determiners that leave a source undescribed (`a source said`).
    pub bare_source_determiners: Vec<String>,
    /// Words allowed between an anonymous-source noun and its speech verb
    /// (`sources have said`, `a source later told`).
    pub anonymous_source_auxiliaries: Vec<String>,
    /// Words after which `sources said` with no determiner starts a clause
    /// (`and sources said`); after any other word it describes or refers
    /// back (`industry sources said`, `the source said`).
    pub source_clause_openers: Vec<String>,
    /// Nouns for what someone said (`words`, `reply`, `message`): after a
    /// possessive (`His last words were:`) they lead in a quotation, and
    /// before `from` a name (`That line from Commissioner Lee`) they
    /// credit the quotation before.
    pub speech_nouns: Vec<String>,
    /// Speech verb forms that do not let a quotation paragraph borrow its
    /// speaker from the paragraph before: forms with a common non-speech
    /// sense (`called the mayor unfit`, `cited`, `smiled`).
    pub borrowing_excluded_forms: Vec<String>,
    /// Plural nouns for people that name a group, not one speaker (`Aides
    /// said …`, `…, employees said`), as the vague groups do: a quotation
    /// paragraph after it borrows no speaker.
    pub group_nouns: Vec<String>,
    /// Words before `to` and a speech verb that tell of words not said
    /// (`would like to admit`, `refused to say`): such a sentence lends no
    /// speaker to a quotation paragraph after it.
    pub unsaid_lead_ins: Vec<String>,
    /// Nouns for what a crowd cries: a quotation after `a chant of` has
    /// its sentence's subject as its source.
    pub cry_nouns: Vec<String>,
    /// Nouns for a sign, a banner or a headline: words in capitals with one
    /// named in their paragraph or the one before are its text, not
    /// speech.
    pub sign_nouns: Vec<String>,
    /// Nouns for a text shown or printed (`a single line of text:`, `at
    /// the bottom of the screen:`): a quotation right after a colon whose
    /// lead-in's last clause ends on one (or a sign) or has it as its
    /// subject is that text's own words.
    pub text_nouns: Vec<String>,
    /// Given names read as a woman's or a man's: whether `she` or `he` may
    /// stand for either of two people a paragraph is about.
    pub female_given_names: Vec<String>,
    pub male_given_names: Vec<String>,
    /// Given names that are also ordinary words or surnames (`Mark`,
    /// `Grant`, `June`): read as a woman's or a man's only right before a
    /// surname (`Mark Hale`), to tell that a pronoun cannot stand for them.
    pub female_given_name_words: Vec<String>,
    pub male_given_name_words: Vec<String>,
    /// Titles and nouns for a woman or a man (`Ms.`, `spokeswoman`, `Mr.`,
    /// `husband`).
    pub female_person_words: Vec<String>,
    pub male_person_words: Vec<String>,
    /// Verb forms that attribute only as a dialogue tag, right after a
    /// quotation's closing comma (`"…," recalls Lee`, `"…," she
    /// recalls.`): elsewhere mostly nouns (`product recalls`, `the
    /// remarks`).
    pub tag_forms: Vec<String>,
    /// Verbs and phrasal verbs that attribute as a dialogue tag only when
    /// they close it (`"…," Parker ruled.`, `Lee shoots back`): with
    /// nothing after them but a name, a time, a phrase opened by a
    /// preposition or an adverb, and no conjunction before them.
    pub closing_tag_forms: Vec<String>,
    /// Cues of `weasel-words`: vague quantifiers as sources, hedges and
    /// puffery (`some say`, `is widely regarded`, `one of the greatest`),
    /// matched case-insensitively as whole words.
    pub weasel_cues: Vec<String>,
    /// Words after which a weasel quantifier (`some`, `many`) only counts a
    /// quantity (`some 300 people`, `many times`): written as the two-word
    /// phrase they make with it is not a cue.
    pub weasel_exceptions: Vec<String>,
}

pub(super) fn strings(v: &[&str]) -> Vec<String> {
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
    /// The options the shipped packs state (`[options.attribution]` in
    /// `rules/attribution.toml`).
    fn default() -> Self {
        crate::rules::options::Options::shipped()
            .family("attribution")
            .expect("the shipped packs state the attribution options")
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

/// The words and phrases of `items`, lower-cased, with their
/// [`inflections`] when `inflect`, in order (so that what is built from
/// them is built the same way every time).
pub(super) fn word_set(items: &[String], inflect: bool) -> BTreeSet<String> {
    if inflect {
        items.iter().flat_map(|w| inflections(w)).collect()
    } else {
        items.iter().map(|s| s.to_lowercase()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::rules::attribution::Compiled;

    /// The shipped packs state every option; a table that misses one or
    /// holds an unknown key is refused.
    #[test]
    fn options_are_complete_and_reject_unknown() {
        let o = Options::default();
        assert!(o.speech_verbs.iter().any(|v| v == "say"));
        assert_eq!(o.min_quote_words, 4);
        assert!(toml::from_str::<Options>("min-quote-words = 6").is_err());
        assert!(toml::from_str::<Options>("no-such = 1").is_err());
        assert!(Compiled::new(&o).is_ok());
        let bad = Options {
            min_quote_words: 0,
            ..Options::default()
        };
        assert!(Compiled::new(&bad).is_err());
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
