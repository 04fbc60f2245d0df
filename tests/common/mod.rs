//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

pub mod area;
pub mod geometry;
pub mod pdf;
pub mod raster;
pub mod small_print;
pub mod trace;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use unicode_normalization::UnicodeNormalization;

/// The five seed articles.
pub fn seeds() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "the repository ships five seeds");
    v
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs the baocao binary with `args` in `dir`, its messages in English
/// (`--lang en`): the tests that use it are about what the messages say,
/// not their language; tests/messages.rs checks the Vietnamese default.
pub fn baocao(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(["--lang", "en"])
        .args(args)
        .current_dir(dir)
        // No organisation profile of the user's own is picked up.
        .env("XDG_CONFIG_HOME", "/nonexistent/baocao-tests")
        .output()
        .expect("run baocao")
}

/// Runs the baocao binary with `args` in `dir` with no locale in the
/// environment but `env` (`("LANG", "en_US.UTF-8")`, …).
pub fn baocao_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_baocao"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied())
        .args(args)
        .current_dir(dir)
        // No organisation profile of the user's own is picked up.
        .env("XDG_CONFIG_HOME", "/nonexistent/baocao-tests")
        .output()
        .expect("run baocao")
}

/// Renders `article` as a `kind` report into `dir`; panics with stderr on failure.
pub fn render(dir: &Path, kind: &str, article: &Path, extra: &[&str]) -> PathBuf {
    let stem = article.file_stem().unwrap().to_str().unwrap();
    let out = dir.join(format!("{stem}-{kind}.pdf"));
    let mut args = vec![kind, article.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = baocao(dir, &args);
    assert!(
        o.status.success(),
        "baocao {args:?} failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// The body paragraphs of an article as baocao reads them (captions, credits
/// and debris set aside), each as NFC words.
pub fn body_paragraphs(article: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(article).unwrap();
    let a = baocao::article::read(&article.display().to_string(), &bytes).unwrap();
    a.blocks
        .iter()
        .filter(|b| b.kind != baocao::article::BlockKind::Heading)
        .map(|b| words(&b.text))
        .collect()
}

/// The five report kinds as command names.
pub const KINDS: [&str; 5] = [
    "year-end",
    "mid-term",
    "quarterly",
    "congress",
    "resolution",
];

/// A rendered report: (pdf, seed, kind).
pub type Report = (PathBuf, PathBuf, &'static str);

/// Every seed rendered as every kind, once per test binary.
pub fn all_reports() -> &'static [Report] {
    static REPORTS: std::sync::OnceLock<(tempfile::TempDir, Vec<Report>)> =
        std::sync::OnceLock::new();
    &REPORTS
        .get_or_init(|| {
            let dir = tempdir();
            let mut v = Vec::new();
            for seed in seeds() {
                for kind in KINDS {
                    v.push((render(dir.path(), kind, &seed, &[]), seed.clone(), kind));
                }
            }
            (dir, v)
        })
        .1
}

/// NFC words of a text.
pub fn words(text: &str) -> Vec<String> {
    text.nfc()
        .collect::<String>()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// Pages of extracted text → one word list, without the page numbers (the
/// last word of page N ≥ 2 when it is N, as baocao draws it last).
pub fn words_without_page_numbers(pages: &[String]) -> Vec<String> {
    let mut all = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let mut w = words(page);
        if i >= 1 && w.last().is_some_and(|l| *l == (i + 1).to_string()) {
            w.pop();
        }
        all.extend(w);
    }
    all
}

/// Asserts every paragraph's words appear in `text` contiguously and in order.
pub fn assert_paragraphs_present(what: &str, paragraphs: &[Vec<String>], text: &[String]) {
    for p in paragraphs {
        let found = text.windows(p.len()).any(|w| w == p.as_slice());
        if !found {
            // Report the first word where the longest matching prefix breaks off.
            let mut best = (0, 0);
            for start in 0..text.len() {
                let n = p
                    .iter()
                    .zip(&text[start..])
                    .take_while(|(a, b)| a == b)
                    .count();
                if n > best.1 {
                    best = (start, n);
                }
            }
            panic!(
                "{what}: paragraph “{}…” not found; longest match {} of {} words, then expected “{}” but found “{}”",
                p.iter().take(8).cloned().collect::<Vec<_>>().join(" "),
                best.1,
                p.len(),
                p.get(best.1).map_or("", |s| s.as_str()),
                text.get(best.0 + best.1).map_or("", |s| s.as_str()),
            );
        }
    }
}

/// A temporary folder that is removed afterwards.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Whether a PDF tool is installed. A missing tool fails the check that
/// needs it, naming what to install, so `cargo test` cannot pass with
/// checks left out unseen; `BAOCAO_SKIP_PDF_READERS=1` skips such checks
/// instead (with a note), except where `BAOCAO_REQUIRE_POPPLER=1` (set by
/// `.ci/run`) makes them mandatory.
pub fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    if !found {
        let package = match name {
            "pdftotext" | "pdftoppm" | "pdffonts" | "pdfinfo" => {
                "apt-get install poppler-utils".into()
            }
            "mutool" => "apt-get install mupdf-tools".into(),
            "man" => "apt-get install man-db".into(),
            "pyhanko" => "pip install pyhanko pyhanko-cli".into(),
            other => format!("apt-get install {other}"),
        };
        let env = |k: &str| std::env::var(k).as_deref() == Ok("1");
        assert!(
            env("BAOCAO_SKIP_PDF_READERS") && !env("BAOCAO_REQUIRE_POPPLER"),
            "{name} is not installed, so this check cannot read the PDF: {package} \
             (all of them: apt-get install poppler-utils qpdf mupdf-tools openssl man-db; \
             pip install pyhanko pyhanko-cli), or run the tests with \
             BAOCAO_SKIP_PDF_READERS=1 to skip such checks"
        );
        eprintln!("note: {name} not installed; skipping this check ({package})");
    }
    found
}

/// The text of each page of `pdf` as poppler's `pdftotext -raw` reads it;
/// `None` (with a note) when poppler is not installed.
pub fn pdf_pages(pdf: &Path) -> Option<Vec<String>> {
    if !tool("pdftotext") {
        return None;
    }
    let text = run(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    );
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

/// The whole text of `pdf` (see [`pdf_pages`]).
pub fn pdf_text(pdf: &Path) -> Option<String> {
    pdf_pages(pdf).map(|p| p.join("\n"))
}

pub fn run(cmd: &str, args: &[&str]) -> String {
    let o = Command::new(cmd).args(args).output().unwrap();
    assert!(
        o.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// A word box from `pdftotext -bbox`.
pub struct WordBox {
    pub page: usize,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
    pub text: String,
}

pub fn boxes(pdf: &Path) -> Vec<WordBox> {
    let html = run("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |line: &str, name: &str| -> f32 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..at + line[at..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let mut page = 0;
    let mut out = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        } else if line.starts_with("<word ") {
            let text = &line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()];
            out.push(WordBox {
                page,
                x_min: attr(line, "xMin"),
                y_min: attr(line, "yMin"),
                x_max: attr(line, "xMax"),
                y_max: attr(line, "yMax"),
                text: text
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\""),
            });
        }
    }
    out
}
