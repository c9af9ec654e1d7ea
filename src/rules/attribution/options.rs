//! The attribution rules' options: [`Options`], the word lists and
//! thresholds a rule pack may set, with their defaults; and how a list of
//! base forms becomes the word forms matched ([`inflections`], [`word_set`]).

use std::collections::HashSet;

use serde::Deserialize;

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

/// The words and phrases of `items`, lower-cased, with their
/// [`inflections`] when `inflect`.
pub(super) fn word_set(items: &[String], inflect: bool) -> HashSet<String> {
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
