//! `gloss-mismatch` (a preview rule) measured on Korean public figures with
//! their Hangul (`tests/fixtures/names/korean-public-figures.tsv`, written
//! for this test), through the public API; and its gating: off without
//! preview mode.

#[path = "../../eval/gloss_measure.rs"]
mod gloss_measure;

use crate::util::{engine, lint_with, settings};

/// Issue 20's targets: correct glosses flagged ≤ 2%, glosses swapped for
/// another person's Hangul flagged ≥ 90%.
#[test]
fn gloss_mismatch_targets_on_korean_public_figures() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(gloss_measure::LIST);
    let text = std::fs::read_to_string(path).expect("the list");
    let people = gloss_measure::people(&text);
    assert!(people.len() >= 100, "{} people", people.len());
    let f = gloss_measure::measure(engine(), &people);
    assert!(
        f.false_alarm_rate() <= 0.02,
        "correct glosses flagged: {}/{}: {:?}",
        f.correct_flagged,
        f.correct,
        f.false_alarms
    );
    assert!(
        f.detection_rate() >= 0.90,
        "swapped glosses flagged: {}/{}",
        f.swapped_flagged,
        f.swapped
    );
}

/// Written for this test: the example.
#[test]
fn gloss_mismatch_runs_only_in_preview_mode() {
    let text = "President Yoon Suk Yeol (김정은) met NATO leaders on Wednesday.";
    let rule = |s: &copydesk::Settings| {
        lint_with(text, s)
            .into_iter()
            .filter(|d| d.rule == "gloss-mismatch")
            .map(|d| d.message)
            .collect::<Vec<_>>()
    };
    assert!(rule(&settings()).is_empty(), "off by default");
    let mut preview = settings();
    preview.preview = true;
    for (i, r) in engine().rules().iter().enumerate() {
        if r.id == "gloss-mismatch" {
            preview.enabled[i] = true;
        }
    }
    assert_eq!(
        rule(&preview),
        ["the gloss 김정은 reads Kim Jong-un, not Yoon Suk Yeol"]
    );
}

/// `stray-script`: a bracketed Hangul token after a common lower-case noun
/// is no gloss (written for this test; issue 20's example), and is deleted
/// as a suggestion; a name, an acronym or a title before it still has one.
#[test]
fn bracketed_token_after_a_common_noun_is_stray() {
    let stray = |text: &str| {
        crate::util::lint(text)
            .into_iter()
            .filter(|d| d.rule == "stray-script")
            .map(|d| {
                let fix = d.fix.as_ref().map(|f| f.applicability.as_str());
                (text[d.span.start..d.span.end].to_string(), fix)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        stray("The ministry (커뮤니티) said it would act."),
        [("커뮤니티".to_string(), Some("unsafe"))]
    );
    assert_eq!(
        stray("He thanked the community (커뮤니티) for it.").len(),
        1
    );
    for ok in [
        "BTS (방탄소년단) performed in Seoul.",
        "Samsung Electronics (삼성전자) said profits rose.",
        "《기생충》 (Parasite) won the award.",
        "They ate kimchi (김치) daily.",
        "President Yoon Suk Yeol (윤석열) met NATO leaders.",
    ] {
        assert!(stray(ok).is_empty(), "{ok}: {:?}", stray(ok));
    }
}
