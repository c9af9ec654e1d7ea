//! Tuning as data: the word lists and thresholds of the name rules as the
//! packs write them under `[options.names]` ([`Tuning`], read once by
//! `Engine::new`), and the tables the scans read, compiled from them once
//! per engine with its name index ([`Lexicon`]).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::east_asian::Surnames;
use super::fold::Step;

/// `[options.names]`: every list and threshold of the name rules a desk
/// may tune (the shipped values and their documentation are in
/// `rules/names.toml`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Tuning {
    /// Korean surnames by their Hangul → the Latin spellings met in news
    /// copy: the surnames of the names the rules detect, and the surname
    /// readings of a Hangul gloss. Surnames that share a spelling are one.
    pub korean_surnames: BTreeMap<String, Vec<String>>,
    /// Hangul surnames of two syllables (`남궁`).
    pub two_syllable_surnames: Vec<String>,
    /// McCune–Reischauer surnames not romanized syllable by syllable
    /// (`이` → `Yi`).
    pub mr_surnames: BTreeMap<String, String>,
    /// Chinese surnames; a spelling also in `korean_surnames` is Chinese.
    pub chinese_surnames: Vec<String>,
    /// Replacements that fold a Korean given name, in order (`eo` → `o`).
    pub korean_folding: Vec<[String; 2]>,
    /// Phrases in which a table form is no use of its entity → the form
    /// (`chicken Kiev` → `Kiev`).
    pub exceptions: BTreeMap<String, String>,
    /// Words before a name that announce another spelling (`formerly`).
    pub mention_cues: Vec<String>,
    /// How many bytes before a name are searched for a mention cue.
    pub mention_window: usize,
    /// Labels of a Hangul gloss (`Korean:`), tried in order.
    pub gloss_labels: Vec<String>,
    /// Titles glued before a name in KCNA copy (`HE`).
    pub glued_titles: Vec<String>,
    /// Words that may follow a name glued to it (`said`).
    pub followers: Vec<String>,
    /// Endings of words derived from a name (`Kievan`).
    pub derivational_endings: Vec<String>,
    /// Fewer glued letters are never a word.
    pub min_glued_letters: usize,
    /// Shorter glued words count only when they are followers.
    pub short_glued_word: usize,
    /// Titles of persons: before a place's name, a person named like it
    /// (`Emperor Xian`).
    pub person_titles: Vec<String>,
    /// Capitalized words that, right after a table form, make it a word of
    /// another entity's proper name (`Kyiv University`, `Macao Daily
    /// News`).
    pub proper_name_heads: Vec<String>,
    /// A year before this in a name's sentence makes a variant a
    /// historical form, written on purpose (`In 1912, Nanking …`).
    pub historical_before: u32,
}

impl Tuning {
    /// The shipped packs' tuning (for tests and tools that build a name
    /// index outside an engine).
    pub fn shipped() -> Tuning {
        crate::rules::options::Options::shipped()
            .family("names")
            .expect("the shipped packs tune the name rules")
    }

    /// The surname tables of the Hangul readings ([`crate::hangul::name_readings`]).
    pub fn hangul_surnames(&self) -> crate::hangul::Surnames {
        crate::hangul::Surnames {
            conventional: self.korean_surnames.clone().into_iter().collect(),
            two_syllable: self.two_syllable_surnames.clone(),
            mr: self.mr_surnames.clone().into_iter().collect(),
        }
    }

    /// Check what the types do not: an error names the option.
    pub fn validate(&self) -> Result<(), String> {
        let err = |key: &str, msg: String| Err(format!("`options.names.{key}`: {msg}"));
        let is_hangul = |s: &str| !s.is_empty() && s.chars().all(crate::hangul::is_syllable);
        for (hangul, spellings) in &self.korean_surnames {
            if !is_hangul(hangul) || hangul.chars().count() > 2 {
                return err(
                    "korean-surnames",
                    format!("`{hangul}` is not a surname of one or two Hangul syllables"),
                );
            }
            if hangul.chars().count() == 2 && !self.two_syllable_surnames.contains(hangul) {
                return err(
                    "korean-surnames",
                    format!("`{hangul}` has two syllables but is not in `two-syllable-surnames`"),
                );
            }
            if let Some(s) = spellings.iter().find(|s| !is_spelling(s)) {
                return err(
                    "korean-surnames",
                    format!("`{s}` (of `{hangul}`) is not a surname spelling: letters and apostrophes, at most eight bytes"),
                );
            }
        }
        for (key, list) in [
            ("two-syllable-surnames", &self.two_syllable_surnames),
            ("mr-surnames", &self.mr_surnames.keys().cloned().collect()),
        ] {
            if let Some(s) = list.iter().find(|s| !is_hangul(s)) {
                return err(key, format!("`{s}` is not written in Hangul syllables"));
            }
        }
        if let Some(s) = self.chinese_surnames.iter().find(|s| !is_spelling(s)) {
            return err(
                "chinese-surnames",
                format!(
                    "`{s}` is not a surname spelling: letters and apostrophes, at most eight bytes"
                ),
            );
        }
        for [from, to] in &self.korean_folding {
            let lower = |s: &str| s.bytes().all(|c| c.is_ascii_lowercase());
            if from.is_empty() || !lower(from) || !lower(to) {
                return err(
                    "korean-folding",
                    format!("[`{from}`, `{to}`]: both must be lower-case ASCII letters, the first not empty"),
                );
            }
        }
        for (phrase, form) in &self.exceptions {
            if form.is_empty() || !phrase.contains(form.as_str()) {
                return err(
                    "exceptions",
                    format!("the phrase `{phrase}` does not contain its form `{form}`"),
                );
            }
        }
        if self.mention_cues.iter().any(String::is_empty) {
            return err("mention-cues", "a cue must not be empty".into());
        }
        if let Some(w) = self
            .proper_name_heads
            .iter()
            .find(|w| !w.starts_with(char::is_uppercase) || w.contains(char::is_whitespace))
        {
            return err(
                "proper-name-heads",
                format!("`{w}` is not one capitalized word"),
            );
        }
        if self.min_glued_letters == 0 {
            return err("min-glued-letters", "must be at least 1".into());
        }
        Ok(())
    }
}

/// A surname spelling: letters and apostrophes, at most eight bytes once
/// lower-cased without them (the surname lookups pack a word of eight bytes
/// at most).
fn is_spelling(s: &str) -> bool {
    let key = surname_key(s);
    !key.is_empty() && key.len() <= 8 && key.chars().all(char::is_alphabetic)
}

/// A surname spelling as the lookups key it: lower case, without apostrophes.
pub(super) fn surname_key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\'' | '’' | 'ʼ'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The tables the name scans read, compiled once from a [`Tuning`].
#[derive(Debug, Clone)]
pub(super) struct Lexicon {
    /// Korean and Chinese surnames, with the ASCII prefilter.
    pub(super) surnames: Surnames,
    /// The surname tables of the Hangul readings.
    pub(super) hangul: crate::hangul::Surnames,
    /// The Korean folding steps, as bytes.
    pub(super) korean_steps: Vec<Step>,
    /// Exception phrases by their form: (phrase, offset of the form in it).
    exceptions: HashMap<String, Vec<(String, usize)>>,
    /// The mention cues by their last byte: the text before most names
    /// ends in a byte no cue ends in.
    mention_cues: Vec<Vec<String>>,
    pub(super) mention_window: usize,
    pub(super) gloss_labels: Vec<String>,
    pub(super) glued_titles: Vec<String>,
    pub(super) followers: HashSet<String>,
    pub(super) derivational: HashSet<String>,
    pub(super) min_glued_letters: usize,
    pub(super) short_glued_word: usize,
    person_titles: HashSet<String>,
    proper_name_heads: HashSet<String>,
    pub(super) historical_before: u32,
}

impl Lexicon {
    pub(super) fn new(t: &Tuning) -> Result<Lexicon, String> {
        t.validate()?;
        let mut exceptions: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        for (phrase, form) in &t.exceptions {
            let off = phrase.find(form.as_str()).unwrap_or(0);
            exceptions
                .entry(form.clone())
                .or_default()
                .push((phrase.clone(), off));
        }
        let mut mention_cues = vec![Vec::new(); 256];
        for cue in &t.mention_cues {
            if let Some(&last) = cue.as_bytes().last() {
                mention_cues[usize::from(last)].push(cue.clone());
            }
        }
        Ok(Lexicon {
            surnames: Surnames::new(&t.korean_surnames, &t.chinese_surnames),
            hangul: t.hangul_surnames(),
            korean_steps: t
                .korean_folding
                .iter()
                .map(|[from, to]| (from.as_bytes().into(), to.as_bytes().into()))
                .collect(),
            exceptions,
            mention_cues,
            mention_window: t.mention_window,
            gloss_labels: t.gloss_labels.clone(),
            glued_titles: t.glued_titles.clone(),
            followers: t.followers.iter().cloned().collect(),
            derivational: t.derivational_endings.iter().cloned().collect(),
            min_glued_letters: t.min_glued_letters,
            short_glued_word: t.short_glued_word,
            person_titles: t.person_titles.iter().map(|w| w.to_lowercase()).collect(),
            proper_name_heads: t.proper_name_heads.iter().cloned().collect(),
            historical_before: t.historical_before,
        })
    }

    /// The lexicon of the shipped packs (for tests).
    #[cfg(test)]
    pub(super) fn shipped() -> &'static Lexicon {
        static SHIPPED: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| Lexicon::new(&Tuning::shipped()).expect("the shipped tuning"))
    }

    /// Whether `before` ends with a mention cue.
    pub(super) fn ends_with_cue(&self, before: &str) -> bool {
        let Some(&last) = before.as_bytes().last() else {
            return false;
        };
        self.mention_cues[usize::from(last)]
            .iter()
            .any(|c| before.ends_with(c.as_str()))
    }

    /// Whether `text` (lower case) holds a mention cue anywhere.
    pub(super) fn has_cue_in(&self, text: &str) -> bool {
        self.mention_cues
            .iter()
            .flatten()
            .any(|c| text.contains(c.as_str()))
    }

    /// Whether a word is a personal title (`Emperor`).
    pub(super) fn is_person_title(&self, word: &str) -> bool {
        self.person_titles
            .contains(&word.trim_end_matches('.').to_lowercase())
    }

    /// Whether `word` heads another entity's proper name after a table
    /// form (`University` in `Kyiv University`). Case-sensitive.
    pub(super) fn is_proper_name_head(&self, word: &str) -> bool {
        self.proper_name_heads.contains(word)
    }

    /// The exception phrases of a table form, with the form's offset in each.
    pub(super) fn exceptions_of(&self, form: &str) -> &[(String, usize)] {
        self.exceptions.get(form).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_tuning_is_valid() {
        Tuning::shipped().validate().unwrap();
    }

    #[test]
    fn mistakes_name_the_option() {
        let mut t = Tuning::shipped();
        t.korean_surnames.insert("Kim".into(), vec!["Kim".into()]);
        assert!(t.validate().unwrap_err().contains("korean-surnames"));
        let mut t = Tuning::shipped();
        t.korean_surnames.insert("사마".into(), vec!["Sama".into()]);
        assert!(t
            .validate()
            .unwrap_err()
            .contains("not in `two-syllable-surnames`"));
        let mut t = Tuning::shipped();
        t.korean_folding.push(["".into(), "x".into()]);
        assert!(t.validate().unwrap_err().contains("korean-folding"));
        let mut t = Tuning::shipped();
        t.exceptions.insert("Kiev cake".into(), "Kyiv".into());
        assert!(t.validate().unwrap_err().contains("does not contain"));
        let mut t = Tuning::shipped();
        t.chinese_surnames.push("Zhangzhangzhang".into());
        assert!(t.validate().unwrap_err().contains("chinese-surnames"));
        let mut t = Tuning::shipped();
        t.proper_name_heads.push("university".into());
        assert!(t.validate().unwrap_err().contains("proper-name-heads"));
    }
}
