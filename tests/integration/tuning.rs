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
    let text = "Officials said the 서울 커뮤니티 guidelines changed on Tuesday.";
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
    let text =
        "“We will not give up the fight for the harbour,” the mayor harrumphed at reporters.\n";
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
    let short = "“We will not give up the fight,” the mayor harrumphed at reporters.\n";
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

/// The findings of `rule` on `text` with the shipped packs, then with a
/// house pack whose `[options.attribution]` holds the line `option`.
fn shipped_then_tuned(rule: &str, option: &str, text: &str) -> (Vec<String>, Vec<String>) {
    let house = engine_with(&format!("[options.attribution]\n{option}\n")).unwrap();
    (
        found(&engine_with("").unwrap(), rule, text),
        found(&house, rule, text),
    )
}

/// A quotation with no speaker of its own: whether it is flagged depends on
/// the sentence before it.
const QUOTE: &str = "“We will keep fighting for the harbour whatever happens.”";

#[test]
fn a_house_pack_adds_a_person_title() {
    // `Supt Lee` names the speaker of the sentence before once `Supt` is a
    // title (written as a desk writes it: titles are matched in any case).
    let text = format!("The families met Supt Lee on Monday. {QUOTE}\n");
    let (shipped, house) = shipped_then_tuned(
        "unattributed-quote",
        r#"extend-person-titles = ["Supt"]"#,
        &text,
    );
    assert_eq!(shipped, [QUOTE]);
    assert!(house.is_empty());
}

#[test]
fn a_house_pack_adds_a_function_word() {
    // `Sadly Parliament` no longer reads as a name opening the sentence.
    let text = format!("Sadly Parliament voted against the plan. {QUOTE}\n");
    let (shipped, house) = shipped_then_tuned(
        "unattributed-quote",
        r#"extend-function-words = ["sadly"]"#,
        &text,
    );
    assert!(shipped.is_empty());
    assert_eq!(house, [QUOTE]);
}

#[test]
fn a_house_pack_adds_a_folklore_word_and_a_consensus_verb() {
    // A saga retold as a saga hangs no claim on a hidden source, once the
    // desk says `saga` marks one.
    let text = "In the saga, the hero is said to have slain the dragon.\n";
    let (shipped, house) = shipped_then_tuned(
        "unattributed-claim",
        r#"extend-folklore-words = ["saga"]"#,
        text,
    );
    assert_eq!(shipped, ["is said to"]);
    assert!(house.is_empty());
    // `is widely believed` classifies nothing once `believed` is a
    // consensus verb; before `that` it is still a claim.
    let text = "The fort is widely believed to be the oldest in the county.\n";
    let (shipped, house) = shipped_then_tuned(
        "unattributed-claim",
        r#"extend-consensus-verbs = ["believed"]"#,
        text,
    );
    assert_eq!(shipped, ["is widely believed"]);
    assert!(house.is_empty());
}

#[test]
fn a_house_pack_tunes_history_narrative_sources_and_asides() {
    // (the key a desk extends, a text, the claim found before and after)
    let cases: [(&str, &str, &[&str], &[&str]); 4] = [
        // A desk that writes history frames by dynasty.
        (
            r#"extend-history-times = ["dynasty"]"#,
            "During the Ming dynasty, it was suggested that the wall be rebuilt in stone.\n",
            &["it was suggested"],
            &[],
        ),
        // A desk that reads the past of `claimed` as narrative.
        (
            r#"extend-narrative-past-verbs = ["claimed"]"#,
            "It was claimed that the comet foretold the fall of kings.\n",
            &["It was claimed"],
            &[],
        ),
        // A possessive source of the desk's own noun credits the claim.
        (
            r#"extend-possessive-source-nouns = ["memoir"]"#,
            "In Lee's memoir, it is said that the mayor lied.\n",
            &["it is said"],
            &[],
        ),
        // An aside of the desk's own word no longer parts a group from its
        // verb.
        (
            r#"extend-aside-words = ["admittedly"]"#,
            "Analysts, admittedly, believe the merger will fail.\n",
            &[],
            &["Analysts, admittedly, believe"],
        ),
    ];
    for (key, text, before, after) in cases {
        let (shipped, house) = shipped_then_tuned("unattributed-claim", key, text);
        assert_eq!(shipped, before, "{key}");
        assert_eq!(house, after, "{key}");
    }
}

#[test]
fn a_house_pack_adds_a_calendar_word() {
    let text = format!("Overnight Parliament voted against the plan. {QUOTE}\n");
    let (shipped, house) = shipped_then_tuned(
        "unattributed-quote",
        r#"extend-calendar-words = ["overnight"]"#,
        &text,
    );
    assert!(shipped.is_empty());
    assert_eq!(house, [QUOTE]);
}

#[test]
fn a_house_pack_adds_a_subject_connector() {
    // Passed over, `Besides` leaves `he` as the subject: the speaker.
    let text = format!("Besides he had seen the damage. {QUOTE}\n");
    let (shipped, house) = shipped_then_tuned(
        "unattributed-quote",
        r#"extend-subject-connectors = ["besides"]"#,
        &text,
    );
    assert_eq!(shipped, [QUOTE]);
    assert!(house.is_empty());
}

#[test]
fn a_house_pack_narrows_the_name_window() {
    // `Quinn` is a name because the story wrote it mid-sentence: 150 bytes
    // before, beyond a window of 100.
    let text = format!(
        "Officials met with Quinn on Monday. The harbour has been closed to ferries for \
         weeks, and the fishing fleet has stayed in port since the storm broke the sea \
         wall. Quinn walked to the quay. {QUOTE}\n"
    );
    let (shipped, house) = shipped_then_tuned("unattributed-quote", "name-window = 100", &text);
    assert!(shipped.is_empty());
    assert_eq!(house, [QUOTE]);
}

#[test]
fn a_house_pack_adds_a_reporting_verb() {
    // Barrow, who concedes it, answers for what experts say.
    let text = "Barrow grumbled experts say the plan will fail.\n";
    let (shipped, house) = shipped_then_tuned(
        "unattributed-claim",
        r#"extend-reporting-verb-forms = ["grumbled"]"#,
        text,
    );
    assert_eq!(shipped, ["experts say"]);
    assert!(house.is_empty());
}

#[test]
fn a_house_pack_widens_the_group_verb_window() {
    let text = "Experts in nearby coastal towns quietly say the plan will fail.\n";
    let (shipped, house) = shipped_then_tuned("unattributed-claim", "group-verb-within = 6", text);
    assert!(shipped.is_empty());
    assert_eq!(house, ["Experts in nearby coastal towns quietly say"]);
}

#[test]
fn a_house_pack_widens_the_subject_verb_window() {
    let text = "Some have long privately argued the plan will fail.\n";
    let (shipped, house) =
        shipped_then_tuned("unattributed-claim", "subject-verb-within = 4", text);
    assert!(shipped.is_empty());
    assert_eq!(house, ["Some have long privately argued"]);
}

#[test]
fn a_house_pack_adds_a_quote_exemption_filler() {
    // `dubbed simply "..."` names a phrase, as `dubbed "..."` does.
    let quote = "“A reckless gamble with the lives of millions of people.”";
    let text = format!("The plan was dubbed simply {quote}\n");
    let (shipped, house) = shipped_then_tuned(
        "unattributed-quote",
        r#"extend-quote-exemption-fillers = ["simply"]"#,
        &text,
    );
    assert_eq!(shipped, [quote]);
    assert!(house.is_empty());
}

#[test]
fn a_house_pack_adds_a_source_clause_opener() {
    let text = "The talks stalled on Monday, yet sources said a deal was close.\n";
    let (shipped, house) = shipped_then_tuned(
        "anonymous-source",
        r#"extend-source-clause-openers = ["yet"]"#,
        text,
    );
    assert!(shipped.is_empty());
    assert_eq!(house, ["sources said"]);
}

#[test]
fn a_house_pack_adds_an_anonymous_source_auxiliary() {
    let text = "A source reportedly said the talks had stalled.\n";
    let (shipped, house) = shipped_then_tuned(
        "anonymous-source",
        r#"extend-anonymous-source-auxiliaries = ["reportedly"]"#,
        text,
    );
    assert!(shipped.is_empty());
    assert_eq!(house, ["A source reportedly said"]);
}

#[test]
fn a_house_pack_judges_bare_glosses_in_another_script() {
    // Shipped, only a bare Hangul word after a common noun is stray; a Han
    // one there passes as a translation.
    let shipped = engine_with("").unwrap();
    assert_eq!(
        found(&shipped, "stray-script", "The ministry (커뮤니티) said so."),
        ["커뮤니티"]
    );
    let text = "The feudal princes (藩王) ruled the east.";
    assert!(found(&shipped, "stray-script", text).is_empty());
    let house =
        engine_with("[options.stray-script]\nextend-bare-gloss-scripts = [\"Han\"]\n").unwrap();
    assert_eq!(found(&house, "stray-script", text), ["藩王"]);
    // A name keeps its gloss in every judged script.
    assert!(found(&house, "stray-script", "Xi Jinping (习近平) spoke.").is_empty());
    let Err(e) = engine_with("[options.stray-script]\nbare-gloss-scripts = [\"Klingon\"]\n") else {
        panic!("an unknown script is an error");
    };
    assert!(
        e.contains("bare-gloss-scripts") && e.contains("Klingon"),
        "{e}"
    );
}
