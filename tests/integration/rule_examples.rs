//! Every shipped rule's own examples, and the conventions packs must keep.

use crate::util::engine;
use copydesk::rules::pack::{self, SHIPPED};

#[test]
fn every_shipped_rule_example_holds() {
    let report = copydesk::testing::run_examples(engine(), &|_| true);
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
    assert!(report.passed >= 20, "only {} examples ran", report.passed);
}

#[test]
fn every_file_in_rules_is_embedded() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let rel = format!("rules/{}", path.file_name().unwrap().to_string_lossy());
            let embedded = SHIPPED.iter().find(|(p, _)| *p == rel);
            let Some((_, text)) = embedded else {
                panic!("{rel} is not embedded in pack::SHIPPED");
            };
            assert_eq!(*text, std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn rule_ids_are_unique_kebab_case_with_examples_and_descriptions() {
    let rules = pack::shipped().unwrap().rules;
    let mut ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate rule ids");
    for r in &rules {
        assert!(pack::is_kebab_case(&r.id), "{}", r.id);
        assert!(
            !r.flag.is_empty() && !r.pass.is_empty(),
            "{} needs examples",
            r.id
        );
        assert!(
            r.summary().ends_with('.'),
            "{}: the summary is a sentence",
            r.id
        );
    }
}

#[test]
fn committed_rule_reference_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let expected = copydesk::render::markdown_reference(engine());
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/rules.md is stale: run `BLESS=1 cargo test --test integration committed_rule_reference`"
    );
}

#[test]
fn shipped_entity_table_builds_without_collisions() {
    let entities = engine().entities();
    assert!(entities.len() >= 300, "{} entities", entities.len());
    if let Err(e) = engine().name_index() {
        panic!("the shipped entity table does not build: {e}");
    }
    for e in entities {
        assert!(
            matches!(e.kind.as_str(), "person" | "place" | "organisation"),
            "{}: kind {}",
            e.name,
            e.kind
        );
    }
}
