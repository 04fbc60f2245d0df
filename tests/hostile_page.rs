//! Hostile pages, run as a user would (the binary): text the fonts cannot
//! set, huge letterhead fields, dozens of recipients, a word of 5,000
//! characters. Each case checks the exit code, the key words of the
//! message, and the geometry as MuPDF reads the PDF: every glyph box within
//! the text area (the top margin holds only the page number), nothing lost.

mod common;

use std::path::{Path, PathBuf};

use baocao::org::Org;
use baocao::profile::FormatProfile;
use common::area::Area;
use common::trace::Trace;
use common::*;

/// An article: seed 000 with `text` put before its first body paragraph
/// (line 6), in `dir`.
fn article_with(dir: &Path, text: &str) -> PathBuf {
    let seed = std::fs::read_to_string(&seeds()[0]).unwrap();
    let mut lines: Vec<&str> = seed.split('\n').collect();
    let first = format!("{text}{}", lines[5]);
    lines[5] = &first;
    let path = dir.join("a.txt");
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

/// An organisation profile: the fixture with `change` applied, in `dir`.
fn org_with(dir: &Path, change: impl FnOnce(&mut Org)) -> PathBuf {
    let text = std::fs::read_to_string(fixture("org.yaml")).unwrap();
    let mut org = Org::parse("org.yaml", &text).unwrap();
    change(&mut org);
    let path = dir.join("org.yaml");
    std::fs::write(&path, serde_yaml::to_string(&org).unwrap()).unwrap();
    path
}

/// Runs baocao in `dir`: (exit code, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let o = baocao(dir, args);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Every glyph MuPDF draws lies in the text area, or is a page number in
/// the top margin; returns the trace.
fn assert_inside(pdf: &Path, p: &FormatProfile) -> Option<Trace> {
    if !tool("mutool") {
        return None;
    }
    let a = Area::of(p);
    let t = Trace::of(pdf);
    assert!(!t.glyphs.is_empty());
    for g in &t.glyphs {
        let face = match g.font.as_str() {
            "LiberationSerif-Bold" => baocao::font::Face::Bold,
            "LiberationSerif-Italic" => baocao::font::Face::Italic,
            "LiberationSerif-BoldItalic" => baocao::font::Face::BoldItalic,
            _ => baocao::font::Face::Regular,
        };
        let m = face.metrics();
        let (top, bottom) = (
            g.y - m.ascent * g.size / 1000.0,
            g.y - m.descent * g.size / 1000.0,
        );
        let across = g.x >= a.left - 0.5 && g.x + g.adv <= a.right + 0.5;
        let page_number = (g.y - a.page_number_baseline).abs() < 0.5 && g.c.is_ascii_digit();
        let down = top >= a.top - 0.5 && bottom <= a.bottom + 0.5;
        assert!(
            across && (down || page_number),
            "page {}: “{}” at x {:.2}–{:.2}, y {:.2}–{:.2} is outside the text area",
            g.page,
            g.c,
            g.x,
            g.x + g.adv,
            top,
            bottom
        );
    }
    Some(t)
}

#[test]
fn cjk_in_the_body_is_left_out_and_located() {
    let dir = tempdir();
    let a = article_with(dir.path(), "中华人民共和国 Trung Quốc, ");
    let (code, err) = run(dir.path(), &["year-end", "a.txt", "-o", "a.pdf"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("a.txt:6:1: cannot set “中华人民共和国” (U+4E2D U+534E"),
        "{err}"
    );
    assert!(err.contains("left out of the report"), "{err}");
    let pdf = dir.path().join("a.pdf");
    let p = FormatProfile::party_2018();
    if let Some(t) = assert_inside(&pdf, &p) {
        // The words after them follow on at once: no gap where they were.
        let line = t
            .lines()
            .into_iter()
            .find(|l| l.text().starts_with("Trung Quốc,"))
            .expect("the paragraph's first line");
        let indent = Area::of(&p).left + p.body.first_line_indent_mm.value * 72.0 / 25.4;
        assert!(
            (line.x0() - indent).abs() < 0.5,
            "first line at {}",
            line.x0()
        );
    }
    if let Some(pages) = pdf_pages(&pdf) {
        let body = body_paragraphs(&a);
        let expected: Vec<Vec<String>> = body
            .iter()
            .map(|p| {
                p.iter()
                    .filter(|w| *w != "中华人民共和国")
                    .cloned()
                    .collect()
            })
            .collect();
        assert_paragraphs_present("cjk", &expected, &words_without_page_numbers(&pages));
        assert!(!pages.concat().contains('中'));
    }
}

#[test]
fn strict_refuses_what_cannot_be_set_and_writes_nothing() {
    let dir = tempdir();
    article_with(dir.path(), "日本語 ");
    for args in [
        &["year-end", "a.txt", "-o", "a.pdf", "--strict"][..],
        &["build", "a.txt", "-o", "out", "--strict"][..],
    ] {
        let (code, err) = run(dir.path(), args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(
            err.contains("a.txt:6:1: cannot set these characters"),
            "{err}"
        );
        assert!(
            err.contains("--strict") && err.contains("“日本語”"),
            "{err}"
        );
    }
    assert!(!dir.path().join("a.pdf").exists());
    assert!(!dir.path().join("out/a.pdf").exists());
}

#[test]
fn right_to_left_text_and_emoji_in_the_letterhead_are_left_out() {
    let dir = tempdir();
    article_with(dir.path(), "שלום עברית العربية ");
    org_with(dir.path(), |o| {
        o.issuer = Some("ĐẢNG ỦY 😀 PHƯỜNG 🎉 PHÚC ĐỒNG".into());
        o.signer.as_mut().unwrap().name = Some("Nguyễn 👍 Thị Ngọc".into());
    });
    let (code, err) = run(
        dir.path(),
        &["year-end", "a.txt", "--org", "org.yaml", "-o", "a.pdf"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("a.txt:6:1: cannot set “שלום”"), "{err}");
    assert!(err.contains("written right to left"), "{err}");
    assert!(err.contains("cannot set “😀” (U+1F600)"), "{err}");
    let pdf = dir.path().join("a.pdf");
    assert_inside(&pdf, &FormatProfile::party_2018());
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains("ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG"), "{text}");
        assert!(text.contains("Nguyễn Thị Ngọc"));
        assert!(!text.chars().any(|c| ('\u{590}'..='\u{6ff}').contains(&c)));
    }
}

#[test]
fn a_1600_character_issuer_wraps_in_its_column_and_pushes_the_rest_down() {
    let dir = tempdir();
    let issuer: String = "ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG "
        .repeat(70)
        .chars()
        .take(1600)
        .collect();
    let issuer = issuer.trim().to_string();
    org_with(dir.path(), |o| o.issuer = Some(issuer.clone()));
    let seed = seeds()[0].clone();
    let (code, err) = run(
        dir.path(),
        &[
            "year-end",
            seed.to_str().unwrap(),
            "--org",
            "org.yaml",
            "-o",
            "a.pdf",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let pdf = dir.path().join("a.pdf");
    let p = FormatProfile::party_2018();
    let Some(t) = assert_inside(&pdf, &p) else {
        return;
    };
    let a = Area::of(&p);
    let column = a.left + p.header.left_column_mm.value * 72.0 / 25.4;
    // The issuer's lines (14 pt bold capitals) stay in the left column.
    let issuer_lines: Vec<_> = t
        .lines()
        .into_iter()
        .filter(|l| l.font() == "LiberationSerif-Bold" && l.text().starts_with("ĐẢNG ỦY"))
        .collect();
    assert!(
        issuer_lines.len() > 40,
        "{} issuer lines",
        issuer_lines.len()
    );
    for l in &issuer_lines {
        assert!(
            l.x0() >= a.left - 0.5 && l.x1() <= column + 0.5,
            "{} to {}",
            l.x0(),
            l.x1()
        );
    }
    // It goes on over page 2; BÁO CÁO and the body follow it there.
    assert!(issuer_lines.iter().any(|l| l.page == 2));
    let title = t
        .lines()
        .into_iter()
        .find(|l| l.text() == "BÁO CÁO")
        .unwrap();
    assert_eq!(title.page, 2);
    assert!(title.y > issuer_lines.last().unwrap().y);
    let printed: Vec<String> = issuer_lines.iter().map(|l| l.text()).collect();
    assert_eq!(printed.join(" "), issuer, "the issuer is not printed whole");
    if let Some(pages) = pdf_pages(&pdf) {
        let w = words_without_page_numbers(&pages);
        assert_paragraphs_present("issuer", &body_paragraphs(&seed), &w);
    }
}

#[test]
fn sixty_recipients_go_on_to_the_next_page_with_the_signature_whole() {
    let dir = tempdir();
    let recipients: Vec<String> = (1..=60)
        .map(|i| format!("Chi bộ khu dân cư số {i} thuộc Đảng bộ phường;"))
        .collect();
    org_with(dir.path(), |o| o.recipients = Some(recipients.clone()));
    let seed = seeds()[0].clone();
    let (code, err) = run(
        dir.path(),
        &[
            "year-end",
            seed.to_str().unwrap(),
            "--org",
            "org.yaml",
            "-o",
            "a.pdf",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("no break satisfies"), "{err}");
    let pdf = dir.path().join("a.pdf");
    let p = FormatProfile::party_2018();
    let Some(t) = assert_inside(&pdf, &p) else {
        return;
    };
    let lines = t.lines();
    let find = |text: &str| lines.iter().find(|l| l.text() == text).unwrap();
    let (label, authority, name) = (
        find("Nơi nhận:"),
        find("T/M ĐẢNG ỦY"),
        find("Nguyễn Thị Ngọc"),
    );
    // The signature block whole, beside the start of the list.
    assert_eq!((authority.page, name.page), (label.page, label.page));
    let filing = find("- Lưu Văn phòng Đảng ủy.");
    assert!(
        filing.page > label.page,
        "the list goes on to the next page"
    );
    let list_size = p.closing.recipients.size_pt.value;
    let on = |page: usize| {
        lines
            .iter()
            .filter(|l| l.page == page && (l.size() - list_size).abs() < 0.01)
            .count()
    };
    let min = p.closing.min_lines_at_break.value;
    assert!(on(label.page) >= min && on(filing.page) >= min);
    assert_eq!(
        filing.y,
        lines
            .iter()
            .filter(|l| l.page == filing.page)
            .map(|l| l.y)
            .fold(0.0, f32::max)
    );
    if let Some(text) = pdf_text(&pdf) {
        let w = words(&text);
        let expected: Vec<Vec<String>> = recipients
            .iter()
            .map(|r| words(&format!("- {r}")))
            .collect();
        assert_paragraphs_present("recipients", &expected, &w);
    }
}

/// Lines of the list on each page it spans, for 95 to 149 recipients (so
/// its last page holds from one line to a page of them if cut where the
/// page ends): never fewer than the profile's `closing.min_lines_at_break`
/// (2 in party-2018, 3 in the test profile), and that few for some.
#[test]
fn a_long_list_keeps_the_profile_minimum_of_lines_on_each_side() {
    let engine = baocao::Engine::builtin();
    let seed = std::fs::read(&seeds()[1]).unwrap();
    let data = engine.inspect("seed.txt", &seed).unwrap();
    let alt = fixture("formats/geometry-alt.yaml");
    for format in [None, Some(alt.to_str().unwrap())] {
        let engine = baocao::Engine::new(format, None).unwrap();
        let p = engine.profile();
        let min = p.closing.min_lines_at_break.value;
        let size = p.closing.recipients.size_pt.value;
        let mut fewest = usize::MAX;
        for n in 95..150 {
            let org = Org {
                recipients: Some((1..=n).map(|i| format!("Chi bộ số {i};")).collect()),
                ..Org::default()
            };
            let opts = baocao::Options {
                org: Some(org),
                ..baocao::Options::default()
            };
            let laid = engine.lay_out(&data, &opts).unwrap();
            assert!(
                common::area::outside(&laid.pages, p).is_empty(),
                "{n} recipients"
            );
            let list_lines = |page: &baocao::page::Page| {
                page.items
                    .iter()
                    .filter(|i| matches!(i, baocao::page::Item::Text(r) if (r.size - size).abs() < 0.01))
                    .count()
            };
            let with_list: Vec<usize> = laid
                .pages
                .iter()
                .map(list_lines)
                .filter(|c| *c > 0)
                .collect();
            if with_list.len() > 1 {
                fewest = fewest.min(*with_list.iter().min().unwrap());
            }
        }
        assert_eq!(
            fewest, min,
            "the fewest lines of the list on a page ({})",
            p.name
        );
    }
}

#[test]
fn a_5000_character_word_is_broken_within_the_measure() {
    let dir = tempdir();
    let word: String = "Đảngủyphường".chars().cycle().take(5000).collect();
    let a = article_with(dir.path(), &format!("{word} "));
    let (code, err) = run(dir.path(), &["year-end", "a.txt", "-o", "a.pdf"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("is wider than a line and was broken across lines"),
        "{err}"
    );
    assert!(
        err.len() < 2000,
        "the warning quotes the word whole: {} bytes",
        err.len()
    );
    let pdf = dir.path().join("a.pdf");
    assert_inside(&pdf, &FormatProfile::party_2018());
    if let Some(pages) = pdf_pages(&pdf) {
        let w = words_without_page_numbers(&pages);
        assert!(w.concat().contains(&word), "the word is not printed whole");
        assert_paragraphs_present("long word", &body_paragraphs(&a)[1..], &w);
    }
}

#[test]
fn a_long_trich_yeu_wraps_and_goes_on_over_the_page() {
    let dir = tempdir();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    let summary = "tổng kết công tác xây dựng Đảng, chính quyền và hệ thống chính trị; ".repeat(60);
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/year-end.hbs"),
    )
    .unwrap();
    let replaced: Vec<String> = source
        .lines()
        .map(|l| {
            if l.starts_with("# ") {
                format!("# {summary}")
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(templates.join("year-end.hbs"), replaced.join("\n")).unwrap();
    let seed = seeds()[0].clone();
    let (code, err) = run(
        dir.path(),
        &[
            "year-end",
            seed.to_str().unwrap(),
            "--templates",
            "templates",
            "-o",
            "a.pdf",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let pdf = dir.path().join("a.pdf");
    let p = FormatProfile::party_2018();
    if let Some(t) = assert_inside(&pdf, &p) {
        let separator = t.lines().into_iter().find(|l| l.text() == "‐‐‐‐‐").unwrap();
        assert!(separator.page >= 2, "the trích yếu goes on over page 1");
    }
    if let Some(text) = pdf_text(&pdf) {
        assert!(words(&text).join(" ").contains(summary.trim()));
    }
}
