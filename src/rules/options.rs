//! Tuning as data: the word lists and thresholds of the rule families, in
//! the packs' `[options.<family>]` tables.
//!
//! The shipped packs state every option of their family (the attribution
//! rules' speech verbs, the segmenter's abbreviations, the stray-script
//! rule's language cues, the names rules' surnames …). A later pack tunes
//! them without restating them: `speech-verbs = [...]` replaces the list,
//! `extend-speech-verbs = ["harrumphed"]` adds to it (for a table, adds or
//! replaces its keys). Packs are merged in load order; every key a later
//! pack writes must already exist with a value of the same type, or the
//! error points at it in that pack.
//!
//! The engine reads each family's merged table into the family's typed
//! options once ([`Options::family`]).

use crate::diagnostic::Span;
use crate::error::FileError;
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};
use toml::de::DeValue;
use toml::Spanned;

/// The families a pack may tune, and who reads them.
pub const FAMILIES: [(&str, &str); 4] = [
    (
        "attribution",
        "the `unattributed-quote`, `unattributed-claim` and `anonymous-source` rules",
    ),
    ("names", "the `name-romanization` and `fused-name` rules"),
    (
        "segmenter",
        "paragraphs, sentences and quotations (every rule that asks where quotations are)",
    ),
    ("stray-script", "the `stray-script` rule"),
];

/// The prefix of a key that adds to a list or table instead of replacing it.
const EXTEND: &str = "extend-";

/// One key of an `[options.<family>]` table as a pack wrote it.
#[derive(Clone, Debug)]
struct Entry {
    key: String,
    key_span: Span,
    value: toml::Value,
    value_span: Span,
    /// The comment lines right above the key: its documentation.
    doc: String,
}

/// The `#` comment lines right above byte `at`'s line, without their `#`.
fn comment_above(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut lines: Vec<&str> = text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect();
    lines.reverse();
    lines.join(" ")
}

/// A pack's own `[options.*]` tables, with where they were written.
#[derive(Clone, Debug, Default)]
pub struct Layer {
    path: String,
    text: Option<Arc<str>>,
    families: Vec<(String, Vec<Entry>)>,
}

impl Layer {
    /// Read a pack's `options` value (a table of family tables).
    pub fn load(
        path: &str,
        text: &Arc<str>,
        options: &Spanned<DeValue<'_>>,
    ) -> Result<Layer, FileError> {
        let err = |span: Span, msg: String| FileError::new(path, text, Some(span), msg);
        let span_of = |s: std::ops::Range<usize>| Span::new(s.start, s.end);
        let DeValue::Table(families) = options.get_ref() else {
            return Err(
                err(span_of(options.span()), "`options` must be a table".into())
                    .label("expected `[options.<family>]` tables"),
            );
        };
        let mut layer = Layer {
            path: path.to_string(),
            text: Some(text.clone()),
            families: Vec::new(),
        };
        for (name, table) in families.iter() {
            let family = name.get_ref().to_string();
            if !FAMILIES.iter().any(|(f, _)| *f == family) {
                return Err(err(
                    span_of(name.span()),
                    format!("unknown option family `{family}`"),
                )
                .label("not a family of rules")
                .note(format!("families: {}", FAMILIES.map(|(f, _)| f).join(", "))));
            }
            layer
                .families
                .push((family.clone(), entries(path, text, &family, table)?));
        }
        Ok(layer)
    }

    /// One family's options written somewhere else than `[options.*]`
    /// (a rule's own `attribution = { ... }` table).
    pub fn family(
        path: &str,
        text: &Arc<str>,
        family: &str,
        table: &Spanned<DeValue<'_>>,
    ) -> Result<Layer, FileError> {
        Ok(Layer {
            path: path.to_string(),
            text: Some(text.clone()),
            families: vec![(family.to_string(), entries(path, text, family, table)?)],
        })
    }
}

/// The entries of one family's table.
fn entries(
    path: &str,
    text: &Arc<str>,
    family: &str,
    table: &Spanned<DeValue<'_>>,
) -> Result<Vec<Entry>, FileError> {
    let span_of = |s: std::ops::Range<usize>| Span::new(s.start, s.end);
    let DeValue::Table(entries) = table.get_ref() else {
        return Err(FileError::new(
            path,
            text,
            Some(span_of(table.span())),
            format!("the options of `{family}` must be a table"),
        ));
    };
    let mut out = Vec::new();
    for (k, v) in entries.iter() {
        let value = toml::Value::deserialize(v.clone().into_deserializer())
            .map_err(|e| FileError::from_toml(path, text, &e))?;
        out.push(Entry {
            key: k.get_ref().to_string(),
            key_span: span_of(k.span()),
            value,
            value_span: span_of(v.span()),
            doc: comment_above(text, k.span().start),
        });
    }
    Ok(out)
}

/// The merged options of every family.
#[derive(Clone, Debug, Default)]
pub struct Options {
    families: BTreeMap<String, toml::Table>,
    /// Each option's documentation: the comment above it where it was first set.
    docs: BTreeMap<(String, String), String>,
    /// Where each option was last set or extended: for errors found when
    /// its family is read into its type.
    origins: BTreeMap<(String, String), Origin>,
}

/// Where a pack wrote an option's value.
#[derive(Clone, Debug)]
struct Origin {
    path: String,
    text: Arc<str>,
    value_span: Span,
}

fn type_name(v: &toml::Value) -> &'static str {
    v.type_str()
}

/// Whether `new` may take the place of (or be added to) `old`: the same
/// type, and for a list, items of the type the list holds.
fn same_shape(old: &toml::Value, new: &toml::Value) -> bool {
    use toml::Value::{Array, Float, Integer};
    match (old, new) {
        (Array(o), Array(n)) => match o.first() {
            Some(first) => n.iter().all(|x| same_shape(first, x)),
            None => true,
        },
        (Integer(_), Integer(_)) | (Float(_), Float(_)) => true,
        _ => std::mem::discriminant(old) == std::mem::discriminant(new),
    }
}

impl Options {
    /// Merge a later pack's layer.
    pub fn merge(&mut self, layer: Layer) -> Result<(), FileError> {
        let text = layer.text.clone().unwrap_or_else(|| Arc::from(""));
        let err = |span: Span, msg: String| FileError::new(&layer.path, &text, Some(span), msg);
        for (family, entries) in layer.families {
            let first = !self.families.contains_key(&family);
            let table = self.families.entry(family.clone()).or_default();
            for e in entries {
                let key = e.key.strip_prefix(EXTEND).unwrap_or(&e.key).to_string();
                self.origins.insert(
                    (family.clone(), key),
                    Origin {
                        path: layer.path.clone(),
                        text: text.clone(),
                        value_span: e.value_span,
                    },
                );
                if first {
                    self.docs
                        .insert((family.clone(), e.key.clone()), e.doc.clone());
                    if e.key.starts_with(EXTEND) {
                        return Err(err(
                            e.key_span,
                            format!("nothing to extend: no earlier pack sets `options.{family}`"),
                        ));
                    }
                    table.insert(e.key, e.value);
                    continue;
                }
                let (key, extend) = match e.key.strip_prefix(EXTEND) {
                    Some(k) => (k.to_string(), true),
                    None => (e.key.clone(), false),
                };
                let Some(old) = table.get_mut(&key) else {
                    let known: Vec<&str> = table.keys().map(String::as_str).collect();
                    return Err(err(
                        e.key_span,
                        format!("unknown option `{key}` of `options.{family}`"),
                    )
                    .label("no such option")
                    .note(format!("options of `{family}`: {}", known.join(", "))));
                };
                if !same_shape(old, &e.value) {
                    return Err(
                        err(e.value_span, format!("`{key}` takes {}", describe(old)))
                            .label(format!("this is a {}", type_name(&e.value))),
                    );
                }
                match (extend, old, e.value) {
                    (false, old, value) => *old = value,
                    (true, toml::Value::Array(list), toml::Value::Array(more)) => list.extend(more),
                    (true, toml::Value::Table(t), toml::Value::Table(more)) => t.extend(more),
                    (true, _, _) => {
                        return Err(err(
                            e.key_span,
                            format!(
                                "`{key}` is not a list or a table: it can be set, not extended"
                            ),
                        )
                        .label("write the key without `extend-`"))
                    }
                }
            }
        }
        Ok(())
    }

    /// A family's options, typed. Fails when the merged table misses an
    /// option or holds one of the wrong shape (the shipped packs state them all).
    pub fn family<T: DeserializeOwned>(&self, family: &str) -> Result<T, String> {
        let table = self
            .families
            .get(family)
            .ok_or_else(|| format!("no pack sets `options.{family}`"))?;
        toml::Value::Table(table.clone())
            .try_into()
            .map_err(|e: toml::de::Error| format!("`options.{family}`: {}", e.message()))
    }

    /// A family's options, typed, as [`Options::family`]; a value its type
    /// does not take (a negative count, say: a pack's integer is checked
    /// only to be one) is an error located where a pack wrote it.
    pub fn typed<T: DeserializeOwned>(&self, family: &str) -> Result<T, crate::Error> {
        let Some(table) = self.families.get(family) else {
            return Err(crate::Error::Message(format!(
                "no pack sets `options.{family}`"
            )));
        };
        let read = |t: &toml::Table| toml::Value::Table(t.clone()).try_into::<T>();
        let e = match read(table) {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        // The culprit: the one key without which the table reads, or
        // lacks only that key.
        let culprit = table.keys().find(|key| {
            let mut without = table.clone();
            without.remove(*key);
            match read(&without) {
                Ok(_) => true,
                Err(e) => e.message().starts_with("missing field"),
            }
        });
        let message = e.message().trim();
        match culprit.and_then(|k| Some((k, self.origins.get(&(family.to_string(), k.clone()))?))) {
            Some((key, o)) => Err(FileError::new(
                &o.path,
                &o.text,
                Some(o.value_span),
                format!("`{key}`: {message}"),
            )
            .label(format!("an option of `{family}`"))
            .into()),
            None => Err(crate::Error::Message(format!(
                "`options.{family}`: {message}"
            ))),
        }
    }

    /// An error about option `key` of `family`, located where a pack last
    /// set it (unlocated when no pack did).
    pub fn error_at(&self, family: &str, key: &str, message: String) -> crate::Error {
        match self.origins.get(&(family.to_string(), key.to_string())) {
            Some(o) => FileError::new(&o.path, &o.text, Some(o.value_span), message)
                .label(format!("an option of `{family}`"))
                .into(),
            None => crate::Error::Message(message),
        }
    }

    /// Every family's merged table, in name order.
    pub fn tables(&self) -> impl Iterator<Item = (&str, &toml::Table)> {
        self.families.iter().map(|(f, t)| (f.as_str(), t))
    }

    /// An option's documentation (the comment above it in the pack that set it first).
    pub fn doc(&self, family: &str, key: &str) -> &str {
        self.docs
            .get(&(family.to_string(), key.to_string()))
            .map_or("", String::as_str)
    }

    /// These options with one family only (to merge one rule's own
    /// options over).
    pub fn only(&self, family: &str) -> Options {
        Options {
            families: self
                .families
                .get_key_value(family)
                .map(|(k, v)| (k.clone(), v.clone()))
                .into_iter()
                .collect(),
            docs: BTreeMap::new(),
            origins: self
                .origins
                .iter()
                .filter(|((f, _), _)| f == family)
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// The merged options of the shipped packs alone (for tests and tools
    /// that run one family's code outside an engine).
    pub fn shipped() -> &'static Options {
        static SHIPPED: OnceLock<Options> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            super::pack::shipped()
                .expect("the shipped packs load")
                .options
        })
    }
}

/// `a list of strings`, `an integer`.
fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::Array(items) => match items.first() {
            Some(x) => format!("a list of {}s", type_name(x)),
            None => "a list".into(),
        },
        toml::Value::Integer(_) => "an integer".into(),
        other => format!("a {}", type_name(other)),
    }
}

/// Parse a pack's text into a layer (for tests).
#[cfg(test)]
fn layer(path: &str, text: &str) -> Result<Layer, FileError> {
    let text: Arc<str> = Arc::from(text);
    let doc = toml::de::DeTable::parse(&text).map_err(|e| FileError::from_toml(path, &text, &e))?;
    let options = doc.get_ref().get("options").expect("an options table");
    Layer::load(path, &text, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Options {
        let mut o = Options::default();
        o.merge(
            layer(
                "base.toml",
                "[options.segmenter]\ntitles = [\"mr\", \"dr\"]\nmax = 3\n[options.stray-script]\nwindow = 600\n",
            )
            .unwrap(),
        )
        .unwrap();
        o
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Seg {
        titles: Vec<String>,
        max: usize,
    }

    #[test]
    fn a_later_pack_extends_or_replaces_a_list() {
        let mut o = base();
        o.merge(
            layer(
                "desk.toml",
                "[options.segmenter]\nextend-titles = [\"gov\"]\n",
            )
            .unwrap(),
        )
        .unwrap();
        let seg: Seg = o.family("segmenter").unwrap();
        assert_eq!(seg.titles, ["mr", "dr", "gov"]);
        o.merge(
            layer(
                "desk.toml",
                "[options.segmenter]\ntitles = [\"sen\"]\nmax = 4\n",
            )
            .unwrap(),
        )
        .unwrap();
        let seg: Seg = o.family("segmenter").unwrap();
        assert_eq!(
            seg,
            Seg {
                titles: vec!["sen".into()],
                max: 4
            }
        );
    }

    #[test]
    fn unknown_keys_wrong_types_and_families_are_located() {
        let text = "[options.segmenter]\nextend-titels = [\"gov\"]\n";
        let e = base().merge(layer("desk.toml", text).unwrap()).unwrap_err();
        assert!(
            e.message.contains("unknown option `titels`"),
            "{}",
            e.message
        );
        assert_eq!(&text[e.span.unwrap().range()], "extend-titels");

        let text = "[options.segmenter]\nextend-titles = [1]\n";
        let e = base().merge(layer("desk.toml", text).unwrap()).unwrap_err();
        assert!(e.message.contains("list of strings"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap().range()], "[1]");

        let text = "[options.segmenter]\nextend-max = 4\n";
        let e = base().merge(layer("desk.toml", text).unwrap()).unwrap_err();
        assert!(e.message.contains("not a list"), "{}", e.message);

        let text = "[options.segmenterr]\nmax = 4\n";
        let e = layer("desk.toml", text).unwrap_err();
        assert!(e.message.contains("unknown option family"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap().range()], "segmenterr");
    }

    #[test]
    fn a_value_its_type_does_not_take_is_located_where_it_was_written() {
        let mut o = base();
        let text = "[options.segmenter]\nmax = -3\n";
        o.merge(layer("desk.toml", text).unwrap()).unwrap();
        let Err(crate::Error::File(e)) = o.typed::<Seg>("segmenter") else {
            panic!("a negative count is an error");
        };
        assert_eq!(e.path, "desk.toml");
        assert_eq!(&text[e.span.unwrap().range()], "-3");
        assert!(
            e.message.starts_with("`max`: invalid value"),
            "{}",
            e.message
        );
        assert_eq!(base().typed::<Seg>("segmenter").unwrap().max, 3);
    }

    #[test]
    fn the_shipped_packs_state_every_family() {
        for (family, _) in FAMILIES {
            assert!(Options::shipped().families.contains_key(family), "{family}");
        }
    }
}
