//! The words of quoted speech are never rewritten automatically: inside a
//! direct quotation, a fix that changes words (deleting a stray token,
//! changing a name, a pattern's replacement) is shown, never applied.
//! Repairs no reader can see (mojibake re-decoded, an invisible character
//! removed, a look-alike letter replaced) stay safe there.
//!
//! Every text here was written for these tests.

use copydesk::rules::pack;
use copydesk::{fix_bytes, lint_bytes, Applicability, Engine, Format, Linted};
use std::sync::OnceLock;

/// The shipped packs and a house pack with a replacement.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut all = pack::shipped().unwrap();
        all.extend(
            pack::load(
                "house.toml",
                r#"
[[rule]]
id = "house-percent"
kind = "pattern"
severity = "info"
message = "write `{replacement}`"
description = "Figures take the percent sign."
patterns = ['\b(\d+) per cent\b']
replacement = "$1%"
"#,
            )
            .unwrap(),
        )
        .unwrap();
        Engine::new(all).unwrap()
    })
}

/// The applicability of each finding of `rule` in `text`, in order.
fn applicability(rule: &str, text: &str) -> Vec<Applicability> {
    let Linted::Text { diagnostics, .. } = lint_bytes(
        engine(),
        &engine().default_settings(),
        Format::Plain,
        text.as_bytes().to_vec(),
    ) else {
        panic!("binary")
    };
    diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.fix.as_ref().expect("a fix").applicability)
        .collect()
}

fn fixed(text: &str) -> String {
    let (out, _, _) = fix_bytes(
        engine(),
        &engine().default_settings(),
        Format::Plain,
        text.as_bytes().to_vec(),
    );
    String::from_utf8(out).unwrap()
}

use Applicability::{DisplayOnly, Safe, Unsafe};

#[test]
fn word_changing_fixes_are_display_only_inside_quotes() {
    let cases = [
        (
            "stray-script",
            "The 커뮤니티 officials met. He said: “The 커뮤니티 is here.”",
        ),
        (
            "house-percent",
            "Exports rose 4 per cent. “Up 7 per cent,” he said.",
        ),
        (
            "fused-name",
            "Kim Jong Unsaid little. “Kim Jong Unsaid little,” an aide wrote.",
        ),
        (
            "name-romanization",
            "Kim Jong-un left. Kim Jong Un returned. “Kim Jong Un is ready,” an aide said.",
        ),
    ];
    for (rule, text) in cases {
        // (A consistency fix of a name is a suggestion outside quotes.)
        let outside = if rule == "name-romanization" {
            Unsafe
        } else {
            Safe
        };
        assert_eq!(
            applicability(rule, text),
            [outside, DisplayOnly],
            "{rule}: {text}"
        );
    }
    // Straight quotation marks are quotation marks too.
    assert_eq!(
        applicability("stray-script", "He said: \"The 커뮤니티 is here.\""),
        [DisplayOnly]
    );
}

/// Quoted speech in single marks (British and some wire styles) is quoted
/// speech too; an apostrophe opens nothing.
#[test]
fn single_quotation_marks_keep_their_words() {
    for text in [
        "\u{2018}New Zealand, 커뮤니티 shared the plan with us,\u{2019} the minister told reporters.",
        "'New Zealand, 커뮤니티 shared the plan with us,' the minister told reporters.",
        "The minister said: \u{2018}The voters\u{2019} 커뮤니티 rights don\u{2019}t wait.\u{2019}",
    ] {
        assert_eq!(applicability("stray-script", text), [DisplayOnly], "{text}");
        assert_eq!(fixed(text), text);
    }
    assert_eq!(
        fixed("The council\u{2019}s 커뮤니티 plan isn't new, the minister's aide said."),
        "The council\u{2019}s plan isn't new, the minister's aide said."
    );
}

#[test]
fn invisible_repairs_stay_safe_inside_quotes() {
    let cases = [
        ("mojibake", "“We donâ€™t know,” she said."),
        ("invisible-char", "“We will\u{200b} go,” she said."),
        ("mixed-script", "“The NАTO summit is on,” he said."),
    ];
    for (rule, text) in cases {
        assert_eq!(applicability(rule, text), [Safe], "{rule}: {text}");
    }
}

#[test]
fn fix_leaves_quoted_words_and_repairs_the_rest() {
    assert_eq!(
        fixed("Exports rose 4 per cent. “Up 7 per cent, we don\u{200b}’t mind,” he said."),
        "Exports rose 4%. “Up 7 per cent, we don’t mind,” he said."
    );
    assert_eq!(
        fixed("The 커뮤니티 officials met. He said: “The 커뮤니티 is here.”"),
        "The officials met. He said: “The 커뮤니티 is here.”"
    );
}

/// Issue 20: a stray name rendered in Latin letters is a suggestion, shown
/// only inside quoted speech; full-width Latin (a preview rule) is written
/// in ASCII safely outside quotes and only as a suggestion inside them;
/// Mac Roman punctuation is a repair no reader sees as a word change.
#[test]
fn new_unicode_fixes_never_change_quoted_words_on_their_own() {
    assert_eq!(
        applicability(
            "stray-script",
            "Chinese leader 习近平 met them. “We met 习近平 today,” he said."
        ),
        [Unsafe, DisplayOnly]
    );
    let mut settings = engine().default_settings();
    let i = engine().rule_index("fullwidth-latin").unwrap();
    assert!(!settings.enabled[i], "a preview rule is off by default");
    settings.enabled[i] = true;
    let text = "The ＮＡＴＯ summit opened. “The ＮＡＴＯ summit is on,” he said.";
    let Linted::Text { diagnostics, .. } =
        lint_bytes(engine(), &settings, Format::Plain, text.as_bytes().to_vec())
    else {
        panic!("binary")
    };
    let how: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule == "fullwidth-latin")
        .map(|d| d.fix.as_ref().expect("a fix").applicability)
        .collect();
    assert_eq!(how, [Safe, Unsafe]);
    assert_eq!(
        applicability("mojibake", "“We didnÕt know,” she said."),
        [Safe]
    );
}
