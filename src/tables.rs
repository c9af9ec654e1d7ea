//! Reading a TOML table in parts, keeping the spans of its keys and values:
//! the keys a struct of one part takes are read into that struct (unknown
//! keys of the part denied, pointing at the key), the rest is left for
//! another struct. A rule's common keys and its kind's options, a config's
//! own keys and its selection keys are read this way.

use serde::de::IntoDeserializer;
use serde::Deserialize;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A table value as the parser gives it, with its span.
pub type Table<'a> = Spanned<DeValue<'a>>;

/// Parse a document into its top-level table.
pub fn parse(text: &str) -> Result<Table<'_>, toml::de::Error> {
    let doc = DeTable::parse(text)?;
    let span = doc.span();
    Ok(Spanned::new(span, DeValue::Table(doc.into_inner())))
}

/// Split a table into the entries whose key is one of `keys` and the rest,
/// each still spanning the whole table (for errors about a missing key).
/// A value that is not a table gives two empty tables.
pub fn split<'a>(table: &Table<'a>, keys: &[&str]) -> (Table<'a>, Table<'a>) {
    let (mut own, mut rest) = (DeTable::new(), DeTable::new());
    if let DeValue::Table(entries) = table.get_ref() {
        for (k, v) in entries.iter() {
            let target = if keys.contains(&k.get_ref().as_ref()) {
                &mut own
            } else {
                &mut rest
            };
            target.insert(k.clone(), v.clone());
        }
    }
    let span = table.span();
    (
        Spanned::new(span.clone(), DeValue::Table(own)),
        Spanned::new(span, DeValue::Table(rest)),
    )
}

/// Take the value of `key` out of a table (no copy).
pub fn take<'a>(table: &mut Table<'a>, key: &str) -> Option<Table<'a>> {
    match table.get_mut() {
        DeValue::Table(t) => {
            let k = t.keys().find(|k| k.get_ref() == key)?.clone();
            t.remove(&k)
        }
        _ => None,
    }
}

/// Read a value into a typed struct (its `Spanned` fields keep their spans).
pub fn typed<'de, T: Deserialize<'de>>(value: Table<'de>) -> Result<T, toml::de::Error> {
    T::deserialize(value.into_deserializer())
}

/// The tables of an array of tables (`[[overrides]]`) under `key`.
pub fn array<'a, 'b>(table: &'b Table<'a>, key: &str) -> Vec<&'b Table<'a>> {
    match table.get_ref() {
        DeValue::Table(t) => match t.get(key).map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items.iter().collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The field names of a struct that derives `Deserialize`, read from the
/// derive itself (so no list of a kind's options is written twice).
pub fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Fields(&'static [&'static str]);
    #[derive(Debug)]
    struct Found;
    impl std::fmt::Display for Found {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("fields found")
        }
    }
    impl std::error::Error for Found {}
    impl serde::de::Error for Found {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Found
        }
    }
    struct Probe<'a>(&'a mut Fields);
    impl<'de> serde::Deserializer<'de> for Probe<'_> {
        type Error = Found;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
            Err(Found)
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Found> {
            self.0 .0 = fields;
            Err(Found)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields = Fields(&[]);
    let _ = T::deserialize(Probe(&mut fields));
    fields.0
}

/// The first key of a table that is not one of `known`, with its span:
/// for a table read in parts, where each part's own "unknown field" error
/// would list only that part's keys.
pub fn unknown_key<'b>(
    table: &'b Table<'_>,
    known: &[&str],
) -> Option<(&'b str, std::ops::Range<usize>)> {
    match table.get_ref() {
        DeValue::Table(t) => t
            .keys()
            .find(|k| !known.contains(&k.get_ref().as_ref()))
            .map(|k| (k.get_ref().as_ref(), k.span())),
        _ => None,
    }
}
