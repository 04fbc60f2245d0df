//! Real-world article phenomena (tests/fixtures/articles): for each fixture,
//! its `.expect.yaml` lists the body passages that must come back from the
//! PDF word for word, passages that must appear exactly once, and what must be
//! set aside (and so not printed) with the reason; or the error a file that is
//! not an article must give.

mod common;

use std::path::{Path, PathBuf};

use baocao::report::ReportData;
use common::*;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    error: Option<String>,
    body: Vec<String>,
    #[serde(default)]
    once: Vec<String>,
    #[serde(default)]
    set_aside: Vec<Aside>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Aside {
    reason: String,
    text: String,
}

fn fixtures() -> Vec<(PathBuf, Expect)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut out: Vec<(PathBuf, Expect)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let expect = p.with_extension("expect.yaml");
            let text = std::fs::read_to_string(&expect)
                .unwrap_or_else(|_| panic!("{} lacks {}", p.display(), expect.display()));
            (p, serde_yaml::from_str(&text).unwrap())
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 17, "fixtures missing: {}", out.len());
    out
}

fn count(words: &[String], passage: &[String]) -> usize {
    words
        .windows(passage.len())
        .filter(|w| *w == passage)
        .count()
}

#[test]
fn every_phenomenon_renders_with_all_body_words_and_nothing_set_aside() {
    let dir = tempdir();
    for (article, expect) in fixtures() {
        let name = article.file_name().unwrap().to_string_lossy().to_string();
        let inspect = baocao(dir.path(), &["inspect", article.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&inspect.stderr).to_string();
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");

        if let Some(error) = &expect.error {
            assert_eq!(inspect.status.code(), Some(1), "{name}: {stderr}");
            assert!(
                stderr.contains(&name) && stderr.contains(error),
                "{name}: {stderr}"
            );
            let o = baocao(
                dir.path(),
                &["year-end", article.to_str().unwrap(), "-o", "x.pdf"],
            );
            assert_eq!(o.status.code(), Some(1));
            assert!(
                !dir.path().join("x.pdf").exists(),
                "{name}: a PDF was written"
            );
            continue;
        }
        assert!(inspect.status.success(), "{name}: {stderr}");
        let data: ReportData = serde_yaml::from_slice(&inspect.stdout).unwrap();
        for a in &expect.set_aside {
            assert!(
                data.set_aside
                    .iter()
                    .any(
                        |s| serde_yaml::to_string(&s.reason).unwrap().trim() == a.reason
                            && s.text == a.text
                    ),
                "{name}: “{}” not set aside as {}; set aside: {:?}",
                a.text,
                a.reason,
                data.set_aside
            );
        }

        for kind in ["year-end", data.kind.name()] {
            let pdf = render(dir.path(), kind, &article, &[]);
            let Some(pages) = pdf_pages(&pdf) else { return };
            let text = words_without_page_numbers(&pages);
            let body: Vec<Vec<String>> = expect.body.iter().map(|b| words(b)).collect();
            assert_paragraphs_present(&format!("{name} as {kind}"), &body, &text);
            for passage in &expect.once {
                assert_eq!(
                    count(&text, &words(passage)),
                    1,
                    "{name}: “{passage}” should be printed once"
                );
            }
            for a in expect
                .set_aside
                .iter()
                .filter(|a| a.reason != "emoji" && a.reason != "duplicate")
            {
                assert_eq!(
                    count(&text, &words(&a.text)),
                    0,
                    "{name}: set-aside “{}” was printed",
                    a.text
                );
            }
        }
    }
}

#[test]
fn a_truncated_article_and_a_missing_date_are_reported() {
    let dir = tempdir();
    let fixture = |n: &str| fixture(&format!("articles/{n}.txt"));
    let o = baocao(
        dir.path(),
        &[
            "year-end",
            fixture("stops_mid_sentence").to_str().unwrap(),
            "-o",
            "a.pdf",
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("stops_mid_sentence.txt:10: the article seems to stop mid-sentence"),
        "{stderr}"
    );

    let o = baocao(
        dir.path(),
        &[
            "year-end",
            fixture("no_date_line").to_str().unwrap(),
            "-o",
            "b.pdf",
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success()
            && stderr.contains("no publication date, so the date line is left blank"),
        "{stderr}"
    );
    let Some(text) = pdf_text(&dir.path().join("b.pdf")) else {
        return;
    };
    let text = words(&text).join(" ");
    assert!(text.contains("Phúc Đồng, ngày tháng năm"), "{text}");
}
