//! Properties of the page, for random and hostile text: random Unicode
//! with scripts the fonts lack (CJK, Arabic), right-to-left ones (Hebrew)
//! and emoji, words and URLs thousands of characters long, thousands of
//! tiny paragraphs, letterhead fields of hundreds of words, dozens of
//! recipients, combining marks and decomposed (NFD) Vietnamese.
//!
//! - no glyph box outside the text area (the top margin holds only the
//!   page number and the draft note), with party-2018 and with the test
//!   profile whose numbers all differ;
//! - no body word lost: every character of every text that a face can set
//!   is printed, in one stretch, in order;
//! - no panic, and the same input gives the same pages and the same bytes;
//! - the line breaker: lines within the measure but for a single word
//!   wider than it (which the caller breaks beforehand, see
//!   `paragraph::split_overlong`: a piece never leaves the text area),
//!   adjustment ratios within their bounds, the same breaks twice.
//!
//! Case counts keep the file within about a minute of a debug `cargo test`
//! on two cores; PROPTEST_CASES raises them for a longer search.

mod common;

use baocao::layout::linebreak::{break_lines, Item, Params};
use baocao::letter::Letter;
use baocao::profile::FormatProfile;
use baocao::template::escape_markdown;
use common::area;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// `n` cases, or PROPTEST_CASES.
fn cases(n: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(n)
}

/// Words of ward reports.
const WORDS: &[&str] = &[
    "Đảng",
    "ủy",
    "phường",
    "Phúc",
    "Đồng",
    "đã",
    "lãnh",
    "đạo,",
    "chỉ",
    "đạo",
    "thực",
    "hiện",
    "thắng",
    "lợi",
    "các",
    "nhiệm",
    "vụ",
    "năm",
    "2021;",
    "05-CT/TW",
    "114,3%",
    "(để",
    "báo",
    "cáo);",
    "“Nâng",
    "cao”",
    "Ban",
    "Thường",
    "vụ",
    "Quận",
    "Long",
    "Biên.",
    "2020",
    "-",
    "2025",
    "Ph.Ăngghen",
    "V.I.Lênin",
    "13/13",
    "chi",
    "bộ",
    "ĐẢNG",
    "ỦY",
];

/// Pieces of text the fonts cannot set or that are easy to get wrong.
const HOSTILE: &[&str] = &[
    "中华人民共和国",
    "日本語",
    "한국어",
    "עברית",
    "العربية",
    "😀",
    "🎉👏🏻",
    "❤️",
    "Phu\u{301}c",
    "Đô\u{300}ng",
    "a\u{301}\u{302}\u{303}\u{323}",
    "\u{200b}",
    "\u{202e}abc",
    "\u{f001}",
    "\u{fffd}",
    "https://thanhuy.hanoi.gov.vn/tin-tuc/hoat-dong-cua-dang-bo-phuong-phuc-dong-nam-2021",
];

fn word() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        12 => proptest::sample::select(WORDS).prop_map(String::from),
        3 => proptest::sample::select(HOSTILE).prop_map(String::from),
        2 => proptest::collection::vec(any::<char>(), 1..6).prop_map(|v| v.into_iter().collect()),
        // A word or URL with no space, up to 5,000 characters.
        1 => ("[a-zA-ZđĐ0-9./_-]{1,40}", 1..125usize).prop_map(|(w, n)| w.repeat(n)),
    ]
}

fn text(words: std::ops::Range<usize>) -> impl Strategy<Value = String> + Clone {
    proptest::collection::vec(word(), words).prop_map(|w| w.join(" "))
}

/// A report to lay out: the trích yếu, body blocks, the letterhead.
#[derive(Debug, Clone)]
struct Case {
    summary: String,
    /// (markup prefix: "", "### " or "- "; text).
    blocks: Vec<(&'static str, String)>,
    letter: Letter,
    alt_profile: bool,
}

fn case() -> impl Strategy<Value = Case> {
    let block = (
        proptest::sample::select(&["", "", "", "### ", "#### ", "- "][..]),
        text(1..60),
    );
    let blocks = prop_oneof![
        8 => proptest::collection::vec(block.clone(), 1..25),
        // Thousands of tiny paragraphs.
        1 => proptest::collection::vec((Just(""), text(1..3)), 500..1500),
    ];
    let field = || prop_oneof![4 => text(1..6), 1 => text(50..250)];
    (
        prop_oneof![4 => text(1..15), 1 => text(100..300)],
        blocks,
        (field(), field(), field(), field()),
        (field(), field(), field()),
        prop_oneof![3 => proptest::collection::vec(text(1..8), 0..6), 1 => proptest::collection::vec(text(1..12), 40..80)],
        any::<bool>(),
    )
        .prop_map(
            |(summary, blocks, (superior, issuer, number_line, place_date), (authority, title, name), recipients, alt)| Case {
                summary,
                blocks,
                letter: Letter {
                    superior,
                    issuer,
                    number_line,
                    place_date,
                    authority,
                    title,
                    name,
                    recipients,
                    filing_line: "- Lưu Văn phòng Đảng ủy.".into(),
                    ..Letter::default()
                },
                alt_profile: alt,
            },
        )
}

fn profile(alt: bool) -> FormatProfile {
    if alt {
        let path = common::fixture("formats/geometry-alt.yaml");
        FormatProfile::load(path.to_str().unwrap()).unwrap()
    } else {
        FormatProfile::party_2018()
    }
}

fn markdown(c: &Case) -> String {
    let mut md = format!("# {}\n\n", escape_markdown(&c.summary));
    for (prefix, text) in &c.blocks {
        md.push_str(prefix);
        md.push_str(&escape_markdown(text));
        md.push_str("\n\n");
    }
    md
}

/// Every text of the case that the page must print.
fn texts(c: &Case) -> Vec<&str> {
    let l = &c.letter;
    let mut v: Vec<&str> = vec![&c.summary, &l.superior, &l.issuer, &l.number_line];
    v.extend(
        [
            &l.place_date,
            &l.authority,
            &l.title,
            &l.name,
            &l.filing_line,
        ]
        .map(String::as_str),
    );
    v.extend(l.recipients.iter().map(String::as_str));
    v.extend(c.blocks.iter().map(|(_, t)| t.as_str()));
    v
}

proptest! {
    #![proptest_config(Config { cases: cases(48), ..Config::default() })]

    #[test]
    fn nothing_leaves_the_text_area_and_no_word_is_lost(c in case()) {
        let p = profile(c.alt_profile);
        let doc = baocao::markup::parse("case.md", &markdown(&c)).unwrap();
        let laid = baocao::layout::layout(&doc, &c.letter, &p);
        let outside = area::outside(&laid.pages, &p);
        prop_assert!(outside.is_empty(), "outside the text area: {:?}", &outside[..outside.len().min(5)]);
        let lost = area::lost(&laid.pages, &p, texts(&c));
        prop_assert!(lost.is_empty(), "not printed: {:?}", lost);
        // Same input, same pages.
        let again = baocao::layout::layout(&doc, &c.letter, &p);
        prop_assert_eq!(&laid, &again);
        // Characters left out are exactly those no face sets.
        for m in &laid.missing {
            prop_assert!(m.chars.chars().all(|ch| !baocao::layout::settable(baocao::font::Face::Regular, ch)
                || !baocao::layout::settable(baocao::font::Face::Bold, ch)
                || !baocao::layout::settable(baocao::font::Face::Italic, ch)
                || !baocao::layout::settable(baocao::font::Face::BoldItalic, ch)));
        }
    }
}

/// A ward report with hostile paragraphs, through the engine to the PDF.
fn report(paragraphs: &[String]) -> baocao::report::ReportData {
    let engine = baocao::Engine::builtin();
    let seed = std::fs::read(&common::seeds()[0]).unwrap();
    let mut data = engine.inspect("seed.txt", &seed).unwrap();
    let section = &mut data.sections[0];
    section.paragraphs = paragraphs
        .iter()
        .map(|t| baocao::report::Paragraph {
            line: None,
            label: None,
            text: t.clone(),
            why: None,
        })
        .collect();
    data
}

proptest! {
    #![proptest_config(Config { cases: cases(12), ..Config::default() })]

    #[test]
    fn the_same_hostile_report_gives_the_same_bytes(paras in proptest::collection::vec(text(1..80), 1..8)) {
        let engine = baocao::Engine::builtin();
        let data = report(&paras);
        let opts = baocao::Options::default();
        let a = engine.render(&data, &opts).unwrap();
        let b = engine.render(&data, &opts).unwrap();
        prop_assert!(a.pdf == b.pdf, "two renders differ");
        let laid = engine.lay_out(&data, &opts).unwrap();
        let p = engine.profile();
        prop_assert!(area::outside(&laid.pages, p).is_empty());
        let lost = area::lost(&laid.pages, p, paras.iter().map(String::as_str));
        prop_assert!(lost.is_empty(), "not printed: {:?}", lost);
    }
}

fn items() -> impl Strategy<Value = Vec<Item>> {
    let item = (
        prop_oneof![8 => 2.0f32..60.0, 1 => 60.0f32..700.0, 1 => 0.0f32..2.0],
        prop_oneof![8 => Just(3.5f32), 1 => 0.0f32..6.0],
        0usize..30,
        prop_oneof![6 => Just(true), 1 => Just(false)],
        prop_oneof![8 => Just(0.0f32), 1 => 0.0f32..500.0],
    )
        .prop_map(|(width, space, letters, breakable, penalty)| Item {
            width,
            space,
            letters: letters as f32,
            breakable,
            penalty,
        });
    proptest::collection::vec(item, 1..400)
}

fn params() -> impl Strategy<Value = Params> {
    (
        100.0f32..500.0,
        0.0f32..60.0,
        0.0f32..0.5,
        0.0f32..0.5,
        0.0f32..0.05,
        0.0f32..0.3,
        0.0f32..1.0,
    )
        .prop_map(
            |(width, indent, stretch, shrink, expand, more, tracking)| Params {
                first_width: width - indent,
                width,
                stretch,
                shrink,
                expand,
                stretch_max: stretch + more,
                tracking,
            },
        )
}

proptest! {
    #![proptest_config(Config { cases: cases(400), ..Config::default() })]

    #[test]
    fn lines_stay_within_the_measure(items in items(), p in params()) {
        let b = break_lines(&items, &p);
        prop_assert_eq!(&b, &break_lines(&items, &p), "the same breaks twice");
        prop_assert_eq!(b.lines.first().map(|l| l.start), Some(0));
        prop_assert_eq!(b.lines.last().map(|l| l.end), Some(items.len()));
        for (i, l) in b.lines.iter().enumerate() {
            prop_assert!(l.start < l.end);
            if let Some(next) = b.lines.get(i + 1) {
                prop_assert_eq!(l.end, next.start);
            }
            let target = if i == 0 { p.first_width } else { p.width };
            let words = &items[l.start..l.end];
            let natural: f32 = words.iter().map(|w| w.width).sum::<f32>()
                + words[..words.len() - 1].iter().map(|w| w.space).sum::<f32>();
            let spaces: f32 = words[..words.len() - 1].iter().map(|w| w.space).sum();
            // The most a line can narrow: its spaces and its glyphs.
            let shrink = spaces * p.shrink + natural * b.expansion;
            let alone_and_wider = words.len() == 1 && words[0].width > target;
            prop_assert!(
                alone_and_wider || natural - shrink <= target + 0.01,
                "line {} of {} items is {} wide (can narrow by {}), measure {}",
                i, words.len(), natural, shrink, target
            );
            if l.ratio < 0.0 {
                prop_assert!(l.ratio >= -1.0 - 1e-4, "ratio {}", l.ratio);
            } else if l.ratio > 1.0 + 1e-4 {
                // Left unjustified: only in the last pass, and within the measure.
                prop_assert!(b.loose && natural <= target + 0.01);
            }
            let last = i + 1 == b.lines.len();
            prop_assert!(!last || l.ratio <= 0.0, "the last line is ragged");
            if !last && !b.loose {
                prop_assert!(words.last().unwrap().breakable, "broke after a glued word");
            }
        }
    }
}
