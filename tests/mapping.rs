//! How well baocao maps real articles it was never tuned on: every article
//! of `tests/corpus/` (real pages from many portals, provenance in
//! `tests/corpus/SOURCES.md`) against its hand labels (`NAME.label.yaml`,
//! format in `tests/corpus/LABELS.md`). Prints a score table and fails below
//! the thresholds of issue 12:
//!
//!     cargo test --test mapping -- --nocapture
//!
//! Measured on what a report would print: the kind detected (or
//! `kind_found: false`), the trích yếu and headings (years), the letterhead
//! and signature, and the paragraphs of every section.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use baocao::letter::{self, Given, Letter};
use baocao::report::{Kind, ReportData};
use baocao::Engine;

#[derive(Debug, Deserialize)]
struct Label {
    source: String,
    kind: String,
    years: Vec<i32>,
    issuer: Vec<String>,
    superior: Vec<String>,
    title: usize,
    header: Vec<usize>,
    headings: Vec<usize>,
    not_body: Vec<NotBody>,
    not_printed: Vec<String>,
    runs: Vec<Vec<usize>>,
    inverting: Vec<Inverting>,
    #[allow(dead_code)]
    kind_note: Option<String>,
    #[allow(dead_code)]
    issuer_body: Option<String>,
}

#[derive(Debug, Deserialize)]
struct NotBody {
    line: usize,
    #[allow(dead_code)]
    why: String,
}

#[derive(Debug, Deserialize)]
struct Inverting {
    lines: Vec<usize>,
    forbidden: Vec<String>,
}

/// The class of meaning a section's place in the printed report gives its
/// paragraphs (as the built-in templates print them).
fn class(section: &str) -> &'static str {
    match section {
        "shortcomings" | "causes" => "shortcomings",
        "direction" | "proposals" => "direction",
        "opening" | "lessons" => "neutral",
        _ => "results",
    }
}

/// Text compared as a reader compares it: NFC, one spacing, one spelling of
/// the tone marks that vary (ủy/uỷ, hòa/hoà …) and of apostrophes.
fn norm(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let mut out = nfc
        .replace(['\u{a0}', '\u{2009}'], " ")
        .replace(['’', '‘', '\''], "'")
        .replace(['–', '—'], "-");
    for (a, b) in [
        ("uỷ", "ủy"),
        ("Uỷ", "Ủy"),
        ("UỶ", "ỦY"),
        ("hoà", "hòa"),
        ("HOÀ", "HÒA"),
        ("thuỵ", "thụy"),
        ("THUỴ", "THỤY"),
        ("Đăk", "Đắk"),
        ("ĐĂK", "ĐẮK"),
    ] {
        out = out.replace(a, b);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Emoji, pictographs and their joiners and selectors.
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}'
        | '\u{2300}'..='\u{23ff}' | '\u{fe00}'..='\u{fe0f}' | '\u{200d}' | '\u{20e3}')
}

#[derive(Debug, Default, Clone)]
struct Score {
    kind_right: bool,
    invented_years: Vec<i32>,
    issuer_right: bool,
    issuer_wrong: bool,
    superior_wrong: bool,
    signature_complete: bool,
    debris_printed: Vec<String>,
    body: usize,
    lost: Vec<usize>,
    runs_broken: Vec<usize>,
    inverted: Vec<usize>,
}

/// Four-digit years 1945–2099 in `text`.
fn years_in(text: &str) -> Vec<i32> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j - i == 4 {
                let y: i32 = chars[i..j].iter().collect::<String>().parse().unwrap();
                if (1945..2100).contains(&y) {
                    out.push(y);
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

fn score(engine: &Engine, article: &Path) -> (Score, Label, ReportData) {
    let label_path = article.with_extension("label.yaml");
    let label: Label = serde_yaml::from_str(&std::fs::read_to_string(&label_path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", label_path.display()));
    let bytes = std::fs::read(article).unwrap();
    let source = article.display().to_string();
    let data = engine
        .inspect(&source, &bytes)
        .unwrap_or_else(|e| panic!("{source}: {e}"));
    let mut s = Score {
        kind_right: match label.kind.as_str() {
            "none" => !data.kind_found,
            k => data.kind_found && Kind::from_name(k) == Some(data.kind),
        },
        ..Score::default()
    };

    let mut warnings = Vec::new();
    let letter: Letter =
        letter::resolve(&data, Given::default(), engine.profile(), &mut warnings).unwrap();
    // What the report prints besides the article's paragraphs: trích yếu and headings.
    let markdown = engine.markdown(&data, &letter).unwrap();
    let doc = baocao::markup::parse("t", &markdown).unwrap();
    let mut generated = doc.summary.clone();
    for b in &doc.blocks {
        if let baocao::markup::Block::Heading { spans, .. } = b {
            generated.push('\n');
            generated.push_str(&baocao::markup::plain(spans));
        }
    }
    let text = std::fs::read_to_string(article).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    // A year the article's date line gives is the article's too.
    let mut allowed = label.years.clone();
    for &h in &label.header {
        allowed.extend(years_in(lines[h - 1]));
    }
    s.invented_years = years_in(&generated)
        .into_iter()
        .filter(|y| !allowed.contains(y))
        .collect();
    s.invented_years.dedup();

    let accepted = |list: &[String], got: &str| list.iter().any(|a| norm(a) == norm(got));
    s.issuer_wrong = !letter.issuer.is_empty() && !accepted(&label.issuer, &letter.issuer);
    s.issuer_right = if label.issuer.is_empty() {
        letter.issuer.is_empty()
    } else {
        accepted(&label.issuer, &letter.issuer)
    };
    s.superior_wrong = !letter.superior.is_empty() && !accepted(&label.superior, &letter.superior);
    s.signature_complete = ![&letter.authority, &letter.title, &letter.name]
        .iter()
        .any(|t| t.trim().is_empty());

    // Printed paragraphs by input line: (section, index in section, text).
    let mut printed: BTreeMap<usize, Vec<(String, usize, String)>> = BTreeMap::new();
    let mut all_printed = String::new();
    for sec in &data.sections {
        for (i, p) in sec.paragraphs.iter().enumerate() {
            let t = norm(&p.full_text());
            all_printed.push_str(&t);
            all_printed.push('\n');
            if let Some(l) = p.line {
                printed.entry(l).or_default().push((sec.id.clone(), i, t));
            }
        }
    }
    for nb in &label.not_body {
        if printed.contains_key(&nb.line) {
            s.debris_printed
                .push(format!("line {}: {}", nb.line, lines[nb.line - 1]));
        }
    }
    for frag in &label.not_printed {
        let f = norm(frag);
        if f.chars().filter(|c| c.is_alphanumeric()).count() >= 3 && all_printed.contains(&f) {
            s.debris_printed.push(format!("fragment “{f}”"));
        }
    }
    let not_body: Vec<usize> = label.not_body.iter().map(|n| n.line).collect();
    let is_body = |n: usize| {
        !lines[n - 1].trim().is_empty()
            && n != label.title
            && !label.header.contains(&n)
            && !label.headings.contains(&n)
            && !not_body.contains(&n)
    };
    for n in (1..=lines.len()).filter(|&n| is_body(n)) {
        s.body += 1;
        // Emoji are set aside by design (an official report prints none).
        let plain: String = lines[n - 1].chars().filter(|c| !is_emoji(*c)).collect();
        let mut want = norm(&plain);
        for frag in label
            .not_printed
            .iter()
            .filter(|f| f.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
        {
            want = want.replace(&norm(frag), " ");
        }
        let want = norm(&want);
        let found = printed.get(&n).is_some_and(|ps| {
            ps.iter()
                .any(|(_, _, t)| t.contains(&want) || want.contains(t.as_str()) && !t.is_empty())
        });
        if !found && !all_printed.contains(&want) {
            s.lost.push(n);
        }
    }
    for (r, run) in label.runs.iter().enumerate() {
        let placed: Vec<&(String, usize, String)> = run
            .iter()
            .filter(|n| is_body(**n))
            .filter_map(|n| printed.get(n).and_then(|v| v.first()))
            .collect();
        let same = placed
            .windows(2)
            .all(|w| w[0].0 == w[1].0 && w[1].1 == w[0].1 + 1);
        if !same {
            s.runs_broken.push(r);
        }
    }
    for inv in &label.inverting {
        for n in &inv.lines {
            if let Some(ps) = printed.get(n) {
                if ps
                    .iter()
                    .any(|(sec, _, _)| inv.forbidden.iter().any(|f| f == class(sec)))
                {
                    s.inverted.push(*n);
                }
            }
        }
    }
    (s, label, data)
}

#[test]
fn the_corpus_maps_within_the_thresholds() {
    let engine = Engine::builtin();
    let files = corpus();
    assert!(files.len() >= 30, "the corpus has {} articles", files.len());
    println!(
        "{:<46} {:<10} {:<12} {:>4} {:>5} {:>6} {:>4} {:>5} {:>4} {:>4} {:>4} {:>4}",
        "article",
        "label",
        "found",
        "kind",
        "years",
        "issuer",
        "sign",
        "debris",
        "body",
        "lost",
        "runs",
        "inv"
    );
    let mut total = Score::default();
    let (mut kinds, mut right_issuer, mut wrong_issuer, mut wrong_superior, mut complete) =
        (0, 0, 0, 0, 0);
    let (mut invented, mut debris, mut lost, mut runs, mut inverted, mut body) = (0, 0, 0, 0, 0, 0);
    let mut sources = std::collections::BTreeSet::new();
    let mut details = Vec::new();
    for f in &files {
        let (s, label, data) = score(&engine, f);
        sources.insert(label.source.clone());
        let name = f.file_stem().unwrap().to_string_lossy();
        let found = if data.kind_found {
            data.kind.name().to_string()
        } else {
            format!("({})", data.kind.name())
        };
        let mark = |ok: bool| if ok { "ok" } else { "NO" };
        println!(
            "{:<46} {:<10} {:<12} {:>4} {:>5} {:>6} {:>4} {:>5} {:>4} {:>4} {:>4} {:>4}",
            &name[..name.len().min(46)],
            label.kind,
            found,
            mark(s.kind_right),
            s.invented_years.len(),
            if s.issuer_wrong {
                "WRONG"
            } else if s.issuer_right {
                "ok"
            } else {
                "blank"
            },
            mark(s.signature_complete),
            s.debris_printed.len(),
            s.body,
            s.lost.len(),
            s.runs_broken.len(),
            s.inverted.len()
        );
        kinds += usize::from(s.kind_right);
        right_issuer += usize::from(s.issuer_right);
        wrong_issuer += usize::from(s.issuer_wrong);
        wrong_superior += usize::from(s.superior_wrong);
        complete += usize::from(s.signature_complete);
        invented += s.invented_years.len();
        debris += s.debris_printed.len();
        lost += s.lost.len();
        runs += s.runs_broken.len();
        inverted += s.inverted.len();
        body += s.body;
        if !(s.kind_right
            && s.invented_years.is_empty()
            && !s.issuer_wrong
            && s.debris_printed.is_empty()
            && s.lost.is_empty()
            && s.runs_broken.is_empty()
            && s.inverted.is_empty())
        {
            details.push(format!(
                "{name}: years {:?}, debris {:?}, lost lines {:?}, runs {:?}, inverted lines {:?}",
                s.invented_years, s.debris_printed, s.lost, s.runs_broken, s.inverted
            ));
        }
        total.body += s.body;
    }
    let n = files.len();
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!();
    println!(
        "{n} articles from {} sources, {body} body paragraphs",
        sources.len()
    );
    println!("| measure | value | threshold |");
    println!("|---|---|---|");
    println!(
        "| kind right (or kind_found: false) | {:.0} % ({kinds}/{n}) | 100 % |",
        pct(kinds, n)
    );
    println!("| invented years | {invented} | 0 |");
    println!("| wrong issuer | {wrong_issuer} | 0 |");
    println!(
        "| right issuer | {:.0} % ({right_issuer}/{n}) | ≥ 90 % |",
        pct(right_issuer, n)
    );
    println!("| wrong superior | {wrong_superior} | 0 |");
    println!(
        "| complete signature block | {:.0} % ({complete}/{n}) | 100 % |",
        pct(complete, n)
    );
    println!("| captions, credits, debris printed | {debris} | 0 |");
    println!("| body paragraphs lost | {lost} | 0 |");
    println!("| runs broken | {runs} | 0 |");
    println!(
        "| paragraphs in a meaning-inverting section | {:.1} % ({inverted}/{body}) | ≤ 3 % |",
        pct(inverted, body)
    );
    for d in &details {
        println!("  {d}");
    }
    assert!(sources.len() >= 10, "{} sources", sources.len());
    assert_eq!(kinds, n, "kind right");
    assert_eq!(invented, 0, "invented years");
    assert_eq!(wrong_issuer, 0, "wrong issuer");
    assert!(pct(right_issuer, n) >= 90.0, "right issuer");
    assert_eq!(wrong_superior, 0, "wrong superior");
    assert_eq!(complete, n, "complete signature block");
    assert_eq!(debris, 0, "captions, credits and debris printed");
    assert_eq!(lost, 0, "body paragraphs lost");
    assert_eq!(runs, 0, "runs broken");
    assert!(pct(inverted, body) <= 3.0, "meaning-inverting placements");
}
