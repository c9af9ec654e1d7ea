//! Tuning is data: a house pack extends or replaces the shipped word lists
//! and thresholds (`[options.<family>]`) without restating them, and a
//! mistake in one is an error that points into the pack.
//!
//! Every text here was written for these tests.

use copydesk::rules::pack;
use copydesk::{lint_bytes, Engine, Format, Linted};

fn engine_with(house: &str) -> Result<Engine, String> {
    let mut all = pack::shipped().unwrap();
    all.extend(pack::load("house.toml", house).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    Engine::new(all)
}

fn found(engine: &Engine, rule: &str, text: &str) -> Vec<String> {
    let Linted::Text { text, diagnostics } = lint_bytes(
        engine,
        &engine.default_settings(),
        Format::Plain,
        text.as_bytes().to_vec(),
    ) else {
        panic!("binary")
    };
    diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| text[d.span.range()].to_string())
        .collect()
}

#[test]
fn a_house_pack_extends_the_stray_script_cues() {
    let text = "The menu lists the dish 김치 first.";
    let shipped = engine_with("").unwrap();
    assert_eq!(found(&shipped, "stray-script", text), ["김치"]);
    let house = engine_with("[options.stray-script]\nextend-mention-cues = [\"dish\"]\n").unwrap();
    assert!(found(&house, "stray-script", text).is_empty());
    // The shipped cues are still there.
    assert!(found(&house, "stray-script", "The word 김치 means kimchi.").is_empty());
}

#[test]
fn a_house_pack_sets_a_threshold() {
    let text = "The vote passed 서울 커뮤니티 on Tuesday.";
    let fixable = |e: &Engine| {
        let Linted::Text { diagnostics, .. } = lint_bytes(
            e,
            &e.default_settings(),
            Format::Plain,
            text.as_bytes().to_vec(),
        ) else {
            panic!("binary")
        };
        diagnostics[0].fix.as_ref().unwrap().applicability
    };
    use copydesk::Applicability::{DisplayOnly, Safe};
    assert_eq!(fixable(&engine_with("").unwrap()), Safe);
    let strict = engine_with("[options.stray-script]\nsafe-delete-words = 1\n").unwrap();
    assert_eq!(fixable(&strict), DisplayOnly);
}

#[test]
fn a_house_pack_adds_a_title_the_segmenter_reads() {
    // `Supt.` ends no sentence once it is a title.
    let text = "Officers met Supt. Lee at noon.";
    let sentences = |e: &Engine| {
        copydesk::segment::segment_by(e.segmenter(), text, &Default::default())
            .sentences
            .len()
    };
    assert_eq!(sentences(&engine_with("").unwrap()), 2);
    let house = engine_with("[options.segmenter]\nextend-titles = [\"supt\"]\n").unwrap();
    assert_eq!(sentences(&house), 1);
}

#[test]
fn mistakes_in_a_house_pack_point_into_it() {
    let Err(e) = engine_with("[options.stray-script]\nextend-mention-cue = [\"dish\"]\n") else {
        panic!("an unknown option is an error");
    };
    assert!(
        e.starts_with("house.toml:2:1: unknown option `mention-cue`"),
        "{e}"
    );
    let Err(e) = engine_with("[options.stray-script]\nsafe-delete-words = \"three\"\n") else {
        panic!("a wrong type is an error");
    };
    assert!(
        e.starts_with("house.toml:2:21: `safe-delete-words` takes an integer"),
        "{e}"
    );
}

#[test]
fn a_house_pack_extends_the_speech_verbs_of_every_attribution_rule() {
    let text = "“We will not give up the fight for the harbour,” the mayor harrumphed.\n";
    assert_eq!(
        found(&engine_with("").unwrap(), "unattributed-quote", text).len(),
        1
    );
    let house =
        engine_with("[options.attribution]\nextend-speech-verbs = [\"harrumph\"]\n").unwrap();
    assert!(found(&house, "unattributed-quote", text).is_empty());
}

#[test]
fn one_rule_takes_its_own_attribution_options_over_the_packs() {
    // A desk rule that counts only long quotations, beside the shipped one.
    let house = engine_with(
        r#"
[[rule]]
id = "long-unattributed-quote"
kind = "unattributed-quote"
severity = "info"
message = "{detail}"
description = "Long quotations need a speaker."
attribution = { min-quote-words = 12, extend-speech-verbs = ["harrumph"] }
"#,
    )
    .unwrap();
    let short = "“We will not give up the fight,” the mayor harrumphed.\n";
    let long = "“We will not give up the fight for the harbour, whatever the council decides next week,” the mayor was heard.\n";
    assert_eq!(found(&house, "unattributed-quote", short).len(), 1);
    assert!(found(&house, "long-unattributed-quote", short).is_empty());
    assert_eq!(found(&house, "long-unattributed-quote", long).len(), 1);
    let Err(e) = engine_with(
        "[[rule]]\nid = \"q\"\nkind = \"unattributed-quote\"\nseverity = \"info\"\nmessage = \"m\"\ndescription = \"d.\"\nattribution = { speech-verb = [\"x\"] }\n",
    ) else {
        panic!("an unknown attribution option is an error");
    };
    assert!(
        e.contains("house.toml:7:17: unknown option `speech-verb`"),
        "{e}"
    );
}
