//! Which fixes are safe, and what `--fix` (with or without
//! `--unsafe-fixes`) does with them. Every draft here was written for these
//! tests.

use assert_cmd::Command;
use copydesk::rules::pack;
use copydesk::{fix_bytes, lint_bytes, Applicability, Engine, Format, Linted};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(pack::shipped().unwrap()).unwrap())
}

fn settings(house_style: Option<&str>) -> copydesk::Settings {
    let mut s = engine().default_settings();
    s.house_style = house_style.map(str::to_string);
    s
}

/// Each finding of `rule`: its text and its fix's replacement and applicability.
fn fixes_of(rule: &str, text: &str, house: Option<&str>) -> Vec<(String, String, Applicability)> {
    let bytes = text.as_bytes().to_vec();
    let Linted::Text { diagnostics, .. } =
        lint_bytes(engine(), &settings(house), Format::Plain, bytes)
    else {
        panic!("binary")
    };
    diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| {
            let fix = d.fix.as_ref().expect("a fix");
            let r = fix.edits[0].replacement.clone();
            (text[d.span.range()].to_string(), r, fix.applicability)
        })
        .collect()
}

/// The text after `--fix` (safe fixes only).
fn fixed(text: &str, house: Option<&str>) -> String {
    fixed_as(Format::Plain, text, house)
}

/// The text of a document in `format` after `--fix` (safe fixes only).
fn fixed_as(format: Format, text: &str, house: Option<&str>) -> String {
    let bytes = text.as_bytes().to_vec();
    let (out, _, _) = fix_bytes(engine(), &settings(house), format, bytes);
    String::from_utf8(out).unwrap()
}

const NAMES: &str = "name-romanization";
use Applicability::{Safe, Unsafe};

/// A draft that opens with a historical form: the modern forms after it
/// are not "fixed" to it by `--fix`.
#[test]
fn a_consistency_fix_to_the_drafts_first_form_is_a_suggestion() {
    let text = "MacArthur landed at Inchon in 1950. Today Incheon has the main airport, \
                and Incheon keeps growing.";
    let found = fixes_of(NAMES, text, None);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().all(|(_, r, a)| r == "Inchon" && *a == Unsafe),
        "{found:?}"
    );
    assert_eq!(fixed(text, None), text);
}

/// With a house style the target is the house form: safe in ordinary prose.
#[test]
fn a_house_form_in_ordinary_prose_is_a_safe_fix() {
    let text = "Officials in Kiev said the talks would resume.";
    assert_eq!(
        fixes_of(NAMES, text, Some("ap")),
        [("Kiev".into(), "Kyiv".into(), Safe)]
    );
    assert_eq!(
        fixed(text, Some("ap")),
        "Officials in Kyiv said the talks would resume."
    );
    // Past a title, a possessive, an abbreviation or a sentence's end, at
    // a sentence's start, with a lower-case compound: still the name.
    let text = "President Zelensky spoke. Ukraine's Zelensky spoke. Talks ended at 5 P.M. Kiev \
                time. They left Sabha. Gaddafi moved on. Kiev-born artists met. \u{201C}It is \
                over.\u{201D} Then Zelensky left. (It ended.) Then Zelensky won.";
    let after = fixed(text, Some("ap"));
    assert_eq!(
        after,
        "President Zelenskyy spoke. Ukraine's Zelenskyy spoke. Talks ended at 5 P.M. Kyiv \
         time. They left Sabha. Gadhafi moved on. Kyiv-born artists met. \u{201C}It is \
         over.\u{201D} Then Zelenskyy left. (It ended.) Then Zelenskyy won."
    );
    // A spelling that is the whole name spaced otherwise is replaced whole,
    // never a word of it (from the shared Wikipedia and KCNA articles).
    for (text, want) in [
        ("Taoist teacher Lao Tzu espoused simplicity.", "Laozi"),
        (
            "Analysts predict that al Qaeda will be weakened.",
            "al-Qaida",
        ),
        (
            "They met at the forum in Sankt-Peterburg last week.",
            "St. Petersburg",
        ),
        ("He wrote about Lao Tse for years.", "Laozi"),
    ] {
        let found = fixes_of(NAMES, text, Some("ap"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].1.as_str(), found[0].2), (want, Safe), "{text}");
    }
}

/// A table spelling that may be part of a longer name, or name something
/// else, is no safe fix: each of these was once rewritten by `--fix`
/// (`Jiang Qing-Kuo`, `So Chongjin Jin`, `Guangzhou⏎Railway Corp`; from a
/// review of `--fix` on the shared corpus, the sentences cut down).
#[test]
fn a_name_that_may_be_part_of_another_is_no_safe_fix() {
    for text in [
        // A hyphen or slash joining it to a capitalized word.
        "The law was signed by President Chiang Ching-Kuo within 10 days.",
        "Trains on the Kowloon-Canton line ran late.",
        "Flights between Dulles and Akron/Canton begin in May.",
        // A capitalized word after it past a line break, a no-break space
        // or markup; one before it that is no title.
        "Hou Chia-chi, a professor at Soochow\nUniversity, said so.",
        "The Bank of Canton closed. Kiev\u{a0}University opened.",
        "Industry minister So Jong Jin attended the exhibition.",
        "The Pusan\r\nPerimeter held.",
        "The Dynamo\nKiev team lost.",
        "He met Kim\u{a0}Hae, a lawyer, yesterday.",
        // A person read as a place with its words parted otherwise.
        "Kim Hae, vice-chairman of the provincial committee, spoke.",
        // A historical form: a town in Massachusetts.
        "Towns near Boston include Dedham, Canton, Milton and Quincy.",
    ] {
        let found = fixes_of(NAMES, text, Some("ap"));
        assert!(!found.is_empty(), "{text}");
        assert!(
            found.iter().all(|(_, _, a)| *a != Safe),
            "{text}: {found:?}"
        );
        assert_eq!(fixed(text, Some("ap")), text);
    }
    let md =
        "The **Pusan** Perimeter held. The [Canton](https://example.com) Telephone Co was sold.\n";
    assert_eq!(fixed_as(Format::Markdown, md, Some("ap")), md);
}

/// A name talked about as a name is no use of it: never safe. (After a
/// cue right before it, `called Kiev`, it is no finding at all.)
#[test]
fn a_name_talked_about_as_a_name_is_not_fixed() {
    for (text, flagged) in [
        (
            "The city, then called Canton (Guangzhou), traded tea.",
            false,
        ),
        (
            "In English the city was spelled as Nanking until 1979.",
            true,
        ),
        // A gloss after it, a name given (from a review of `--fix` on the
        // shared Wikipedia articles).
        (
            "MacArthur landed at Inchon (now known as Incheon), near Seoul.",
            true,
        ),
        ("The city, then called Kiev, was shelled for weeks.", false),
    ] {
        let found = fixes_of(NAMES, text, Some("ap"));
        assert_eq!(!found.is_empty(), flagged, "{text}: {found:?}");
        assert!(
            found.iter().all(|(_, _, a)| *a != Safe),
            "{text}: {found:?}"
        );
        assert_eq!(fixed(text, Some("ap")), text);
    }
}

/// A name inside another entity's proper name (`Xiamen University`) is
/// not rewritten by `--fix`, whatever the draft opened with.
#[test]
fn a_name_inside_another_proper_name_is_not_fixed() {
    let text = "Amoy was a treaty port. Students at Xiamen University protested.";
    let after = fixed(text, None);
    assert!(after.contains("Xiamen University"), "{after}");
    assert!(fixes_of(NAMES, text, None)
        .iter()
        .all(|(_, _, a)| *a == Unsafe));
    // With a house style the other way round: `Bank of Canton` stays.
    let text = "Guangzhou grew. The Bank of Canton opened a branch; Canton Road is busy.";
    let found = fixes_of(NAMES, text, Some("ap"));
    assert!(found.len() >= 2, "{found:?}");
    assert!(found.iter().all(|(_, _, a)| *a == Unsafe), "{found:?}");
    assert_eq!(fixed(text, Some("ap")), text);
}

fn copydesk() -> Command {
    let mut c = Command::cargo_bin("copydesk").unwrap();
    c.env("NO_COLOR", "1");
    c
}

/// `--fix` leaves a suggestion, `--fix --unsafe-fixes` applies it, and the
/// JSON names it `unsafe`.
#[test]
fn unsafe_fixes_apply_only_with_the_flag() {
    let draft = "“We will go,” the 커뮤니티 said. The plan, 커뮤니티, went ahead.\n";
    let run = |args: &[&str]| {
        let out = copydesk()
            .args(["check", "-", "--isolated"])
            .args(args)
            .write_stdin(draft)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        run(&["--fix"]),
        "“We will go,” the 커뮤니티 said. The plan, went ahead.\n"
    );
    assert_eq!(
        run(&["--fix", "--unsafe-fixes"]),
        "“We will go,” the said. The plan, went ahead.\n"
    );
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let how: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["fixes"][0]["applicability"].as_str().unwrap())
        .collect();
    assert_eq!(how, ["unsafe", "safe"]);
    let human = run(&[]);
    assert!(
        human.contains("1 fixable with `--fix` (1 more with `--unsafe-fixes`)"),
        "{human}"
    );
}

/// A replacement naming a group the pattern lacks (`$2` with one group)
/// once turned `Exports rose 4 per cent in May.` into `Exports rose % in
/// May.` under `--fix`; it is now an error located in the pack, and the
/// right template fixes the figure.
#[test]
fn a_replacement_template_never_drops_the_figure() {
    let dir = tempfile::tempdir().unwrap();
    let pack = |replacement: &str| {
        let path = dir.path().join(format!("house{}.toml", &replacement[1..2]));
        std::fs::write(
            &path,
            format!(
                "[pack]\nname = \"house\"\n\n[[rule]]\nid = \"house-percent\"\nkind = \"pattern\"\n\
                 severity = \"info\"\ndescription = \"Figures take %.\"\nmessage = \"write `{{replacement}}`\"\n\
                 patterns = ['\\b(\\d+) per ?cent\\b']\nreplacement = \"{replacement}\"\n"
            ),
        )
        .unwrap();
        path
    };
    let run = |path: &std::path::Path| {
        copydesk()
            .args(["check", "-", "--isolated", "--fix", "--rules"])
            .arg(path)
            .write_stdin("Exports rose 4 per cent in May.\n")
            .output()
            .unwrap()
    };
    let bad = run(&pack("$2%"));
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("$2"), "{err}");
    assert!(!String::from_utf8_lossy(&bad.stdout).contains("rose %"));
    let good = run(&pack("$1%"));
    assert_eq!(
        String::from_utf8_lossy(&good.stdout),
        "Exports rose 4% in May.\n"
    );
}

/// A name in a URL, an e-mail address, a handle, a hashtag or a path is an
/// address, not a spelling: no finding, and `--fix` leaves it alone.
#[test]
fn names_in_web_addresses_are_neither_flagged_nor_fixed() {
    let text = "Kyiv was quiet on Monday. Read more at \
                https://www.example.com/world/Kiev-blackout-2024 today. Write to \
                desk@Kiev.example.com, follow #Kiev and @Kiev, or see /srv/Kiev/notes.\n";
    assert_eq!(fixes_of(NAMES, text, Some("ap")), []);
    assert_eq!(fixed(text, Some("ap")), text);
    // The same name in the copy is still fixed.
    let text = "Read https://example.com/Kiev for more. Kiev was quiet.\n";
    assert_eq!(
        fixed(text, Some("ap")),
        "Read https://example.com/Kiev for more. Kyiv was quiet.\n"
    );
}

/// A look-alike letter in a domain may be the story (a spoofed address):
/// the finding stays, its fix is shown, not applied.
#[test]
fn a_look_alike_in_a_domain_is_shown_not_fixed() {
    let text = "The scammers registered раypal.com, which uses a Cyrillic letter.\n";
    let found = fixes_of("mixed-script", text, None);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, Applicability::DisplayOnly);
    assert_eq!(fixed(text, None), text);
    // Outside an address, the letter is still replaced.
    assert_eq!(fixed("The NАTO summit.\n", None), "The NATO summit.\n");
}

/// Quoted speech in guillemets and low-high marks, a Markdown blockquote
/// and HTML's `q`, `blockquote` and `cite`: the words are not rewritten.
#[test]
fn quotations_in_guillemets_and_quoting_markup_keep_their_words() {
    let text =
        "Il a dit : « Kiev sera reconstruite ». Er sagte: „Kiev wird stehen“.\n\nKiev fell.\n";
    assert_eq!(
        fixed(text, Some("ap")),
        "Il a dit : « Kiev sera reconstruite ». Er sagte: „Kiev wird stehen“.\n\nKyiv fell.\n"
    );
    let fix_as = |format: Format, text: &str| fixed_as(format, text, Some("ap"));
    assert_eq!(
        fix_as(Format::Markdown, "> Kiev will never fall.\n\nKiev fell.\n"),
        "> Kiev will never fall.\n\nKyiv fell.\n"
    );
    let html = "<p>She said: <q>We fled Kiev in June.</q> <cite>Nights in Kiev</cite></p>\
                <blockquote><p>Kiev will never fall.</p></blockquote><p>Kiev fell.</p>\n";
    assert_eq!(
        fix_as(Format::Html, html),
        html.replace("<p>Kiev fell.", "<p>Kyiv fell.")
    );
}

/// A fix that would write a front-matter string's own quotation mark into
/// it (`'Sian'` made `'Xi'an'`) is shown, not applied: the YAML or TOML
/// would no longer parse. In a double-quoted or plain value it applies.
#[test]
fn a_fix_never_writes_a_front_matter_strings_own_mark() {
    let fix_md = |text: &str| fixed_as(Format::Markdown, text, Some("ap"));
    for text in [
        "---\ntitle: 'Sian mosque reopens'\n---\nBody.\n",
        "+++\ntitle = 'Sian mosque reopens'\n+++\nBody.\n",
    ] {
        assert_eq!(fix_md(text), text);
    }
    assert_eq!(
        fix_md("---\ntitle: \"Sian mosque reopens\"\n---\nBody.\n"),
        "---\ntitle: \"Xi'an mosque reopens\"\n---\nBody.\n"
    );
    assert_eq!(
        fix_md("---\ntitle: Sian mosque reopens\n---\nBody.\n"),
        "---\ntitle: Xi'an mosque reopens\n---\nBody.\n"
    );
}

/// An American town that shares a table place's spelling (`Canton, Ohio`,
/// `Odessa, Texas`, `Sebastopol, Calif.`) is no use of that place: no
/// finding, no fix. A list of world cities is still read as the places.
#[test]
fn an_american_town_named_like_a_table_place_is_left_alone() {
    let text = "The Hall of Fame in Canton, Ohio, and the oil fields of Odessa, Texas, \
                drew visitors from Sebastopol, Calif., and Canton, MS.\n";
    assert_eq!(fixes_of(NAMES, text, Some("ap")), []);
    assert_eq!(fixed(text, Some("ap")), text);
    let text = "Flights from Kiev, New York and Paris were cancelled.\n";
    assert_eq!(
        fixed(text, Some("ap")),
        "Flights from Kyiv, New York and Paris were cancelled.\n"
    );
}

/// A Markdown reference link whose text is its label (`[Kiev]`,
/// `[Kiev][]`, an image's `![…]`) keeps its words: rewritten, the label no
/// longer matches its definition and the link is lost. A full reference's
/// text (`[the capital][Kiev]`) and an inline link's are only text. Copy
/// written for this test.
#[test]
fn a_reference_links_label_is_not_rewritten() {
    let defs = "\n[Kiev]: https://example.com/city\n[커뮤니티]: https://example.com/c\n";
    for body in [
        "Officials in [Kiev] said the power was back.\n",
        "Officials in [Kiev][] said the power was back.\n",
        "The map ![Kiev] shows the river.\n",
        "The [New Zealand 커뮤니티] shared it.\n",
    ] {
        let text = format!("{body}{defs}");
        assert_eq!(fixed_as(Format::Markdown, &text, Some("ap")), text);
    }
    let text = format!(
        "Officials in [Kiev][Kiev] and [Kiev](https://example.com/k) said so. \
         Kiev fell.\n{defs}"
    );
    assert_eq!(
        fixed_as(Format::Markdown, &text, Some("ap")),
        text.replacen("[Kiev][Kiev] and [Kiev](", "[Kyiv][Kiev] and [Kyiv](", 1)
            .replacen("Kiev fell", "Kyiv fell", 1)
    );
    // The finding is still there, its fix shown: the editor renames the
    // label and its definition together.
    let text = format!("In [Kiev] it rained.\n{defs}");
    let Linted::Text { diagnostics, .. } = lint_bytes(
        engine(),
        &settings(Some("ap")),
        Format::Markdown,
        text.into_bytes(),
    ) else {
        panic!("binary")
    };
    let d = diagnostics
        .iter()
        .find(|d| d.rule == NAMES)
        .expect("a finding");
    assert_eq!(
        d.fix.as_ref().unwrap().applicability,
        Applicability::DisplayOnly
    );
}

/// In MDX, `--fix` rewrites prose, a component's text included, and never
/// code: ESM, a component's attributes, `{…}` expressions (the same names
/// there are JavaScript strings and identifiers). Copy written for this
/// test.
#[test]
fn an_mdx_fix_rewrites_prose_and_leaves_its_code_alone() {
    let text = "import { Map } from './Kiev-map.js'\n\
                export const meta = { place: 'Kiev', tag: \"NАTO\" }\n\n\
                Officials in Kiev said {meta.place} was calm.\n\n\
                <Map city=\"Kiev\" label={\"NАTO\"}>\n\
                The NАTO envoy reached Kiev.\n\
                </Map>\n";
    let want = text
        .replacen("Officials in Kiev", "Officials in Kyiv", 1)
        .replacen(
            "The NАTO envoy reached Kiev.",
            "The NATO envoy reached Kyiv.",
            1,
        );
    assert_eq!(fixed_as(Format::Mdx, text, Some("ap")), want);
    // Read as Markdown, the code is prose and is rewritten too.
    let markdown = fixed_as(Format::Markdown, text, Some("ap"));
    assert!(markdown.contains("'./Kyiv-map.js'"), "{markdown}");
}

/// A component's caption is published copy: fixed like prose, while the
/// tag's other attributes stay as they are (copy written for this test).
#[test]
fn an_mdx_caption_is_fixed_and_its_tag_is_not() {
    let text = "<Figure\n  src=\"/img/Kiev-station.jpg\"\n  caption=\"The NАTO envoy reached Kiev.\"\n/>\n\n\
                Officials in Kiev said the envoy was expected.\n";
    let want = text
        .replacen(
            "The NАTO envoy reached Kiev.",
            "The NATO envoy reached Kyiv.",
            1,
        )
        .replacen("Officials in Kiev", "Officials in Kyiv", 1);
    assert_eq!(fixed_as(Format::Mdx, text, Some("ap")), want);
    // A fix that would take the value's quotation marks with it (a stray
    // word's deletion) is only shown (from a review of this change).
    let text = "<Figure\n  caption=\"Русский\"\n/>\n\nThe envoy arrived.\n";
    let Linted::Text { diagnostics, .. } = lint_bytes(
        engine(),
        &settings(None),
        Format::Mdx,
        text.as_bytes().to_vec(),
    ) else {
        panic!("binary")
    };
    let stray: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule == "stray-script")
        .map(|d| d.fix.as_ref().map(|f| f.applicability))
        .collect();
    assert_eq!(stray, [Some(Applicability::DisplayOnly)], "{diagnostics:?}");
}

/// Code is set verbatim: a fix wholly inside a code span or fence is only
/// shown, while the same character in the prose beside it is fixed (from a
/// review of `--fix` on Markdown drafts).
#[test]
fn a_fix_inside_code_is_only_shown() {
    let md =
        "Use `tab\u{b}here` now.\n\n```\nline1\u{b}line2\u{0}end\n```\n\nThe deal\u{200B} held.\n";
    let after = fixed_as(Format::Markdown, md, None);
    assert_eq!(
        after,
        "Use `tab\u{b}here` now.\n\n```\nline1\u{b}line2\u{0}end\n```\n\nThe deal held.\n"
    );
}
