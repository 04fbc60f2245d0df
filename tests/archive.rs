//! What makes a report ready to sign, send and archive besides PDF/A
//! (`tests/pdfa.rs`): the outline and page labels, the signature field over
//! the signing space (signed and validated with pyHanko when installed), the
//! draft note, the pack's fields, the size budget. Read back with qpdf,
//! poppler, MuPDF and lopdf.

mod common;

use std::path::{Path, PathBuf};

use baocao::markup::Block;
use baocao::profile::FormatProfile;
use common::pdf::{catalog, dict, info, load, name, text};
use common::*;

/// A flattened outline entry as qpdf reads it.
#[derive(Debug)]
struct Bookmark {
    title: String,
    page: usize,
    depth: usize,
    parent: Option<usize>,
}

fn outline(pdf: &Path) -> (Vec<Bookmark>, serde_json::Value) {
    let json = run(
        "qpdf",
        &[
            "--json",
            "--json-key=outlines",
            "--json-key=pagelabels",
            pdf.to_str().unwrap(),
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    fn walk(
        items: &serde_json::Value,
        depth: usize,
        parent: Option<usize>,
        out: &mut Vec<Bookmark>,
    ) {
        for item in items.as_array().unwrap() {
            out.push(Bookmark {
                title: item["title"].as_str().unwrap().to_string(),
                page: item["destpageposfrom1"].as_u64().unwrap() as usize,
                depth,
                parent,
            });
            let me = out.len() - 1;
            walk(&item["kids"], depth + 1, Some(me), out);
        }
    }
    let mut out = Vec::new();
    walk(&json["outlines"], 0, None, &mut out);
    (out, json)
}

/// The headings that get a bookmark, as the markup of the report has them:
/// (markup level, text), a heading right under one of its level joined to it.
fn expected_bookmarks(seed: &Path, kind: &str, profile: &FormatProfile) -> Vec<(u8, Vec<String>)> {
    let engine = baocao::Engine::builtin();
    let bytes = std::fs::read(seed).unwrap();
    let k = baocao::report::Kind::from_name(kind).unwrap();
    let (data, _) = engine
        .read_input(&seed.display().to_string(), &bytes, Some(k))
        .unwrap();
    let mut w = Vec::new();
    let letter = baocao::letter::resolve(&data, Default::default(), profile, &mut w).unwrap();
    let md = engine.markdown(&data, &letter).unwrap();
    let doc = baocao::markup::parse("t", &md).unwrap();
    let mut out: Vec<(u8, Vec<String>)> = Vec::new();
    let mut previous: Option<(usize, u8)> = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::Heading { level, spans } = block else {
            continue;
        };
        if *level > profile.document.outline_deepest_level.get() {
            continue;
        }
        let text = words(&baocao::markup::plain(spans)).join(" ");
        match previous {
            Some((p, l)) if p + 1 == i && l == *level => {
                out.last_mut().unwrap().1.push(text);
                previous = None;
            }
            _ => {
                out.push((*level, vec![text]));
                previous = Some((i, *level));
            }
        }
    }
    out
}

#[test]
fn every_report_has_a_bookmark_per_heading_on_its_page_and_page_labels() {
    if !tool("qpdf") || !tool("pdftotext") {
        return;
    }
    let profile = FormatProfile::party_2018();
    let mut nested_reports = 0;
    for (pdf, seed, kind) in all_reports() {
        let what = format!("{} as {kind}", seed.display());
        let (marks, json) = outline(pdf);
        let expected = expected_bookmarks(seed, kind, &profile);
        assert!(expected.len() >= 2, "{what}: {expected:?}");
        assert_eq!(
            marks.len(),
            expected.len(),
            "{what}: {marks:#?}\n{expected:?}"
        );
        let pages = pdf_pages(pdf).unwrap();
        for (m, (level, parts)) in marks.iter().zip(&expected) {
            // The printed heading adds its number (`I. `) before the text.
            let title = words(&m.title).join(" ");
            assert!(
                title.ends_with(parts.last().unwrap()),
                "{what}: {title:?} vs {parts:?}"
            );
            assert!(
                parts.iter().all(|p| title.contains(p.as_str())),
                "{what}: {title}"
            );
            let page = words(&pages[m.page - 1]).join(" ");
            for part in parts {
                let on_page = page.contains(part.as_str());
                assert!(on_page, "{what}: “{part}” not on page {}", m.page);
            }
            if let Some(p) = m.parent {
                let parent_level = expected[p].0;
                assert!(
                    parent_level < *level,
                    "{what}: {title} under {}",
                    marks[p].title
                );
            } else {
                assert!(
                    expected[..marks.iter().position(|x| std::ptr::eq(x, m)).unwrap()]
                        .iter()
                        .all(|(l, _)| *l >= *level),
                    "{what}: {title} should be nested"
                );
            }
        }
        let nested = expected.iter().any(|(l, _)| *l > expected[0].0);
        assert_eq!(
            marks.iter().any(|m| m.depth > 0),
            nested,
            "{what}: the outline's nesting differs from the headings'"
        );
        nested_reports += usize::from(nested);
        let labels = json["pagelabels"].as_array().unwrap();
        assert_eq!(labels.len(), 1, "{what}: {labels:?}");
        assert_eq!(labels[0]["index"], 0);
        assert_eq!(labels[0]["label"]["/S"], "/D");
        let doc = load(pdf);
        let prefs = dict(&doc, catalog(&doc), b"ViewerPreferences").unwrap();
        assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
        assert_eq!(name(catalog(&doc).get(b"PageMode").unwrap()), "UseOutlines");
    }
    // Most reports have sub-sections; nesting must be seen at work.
    assert!(nested_reports >= 10, "only {nested_reports} reports nest");
}

/// (x_min, y_min, x_max, y_max) around the words of `phrase` on `page`.
fn phrase_box(words: &[WordBox], page: usize, phrase: &str) -> (f32, f32, f32, f32) {
    let wanted: Vec<&str> = phrase.split_whitespace().collect();
    let on_page: Vec<&WordBox> = words.iter().filter(|w| w.page == page).collect();
    let start = on_page
        .windows(wanted.len())
        .position(|ws| ws.iter().zip(&wanted).all(|(w, t)| w.text == *t))
        .unwrap_or_else(|| panic!("“{phrase}” not on page {page}"));
    let ws = &on_page[start..start + wanted.len()];
    let f = |g: fn(&WordBox) -> f32, min: bool| {
        ws.iter()
            .map(|w| g(w))
            .fold(if min { f32::MAX } else { f32::MIN }, |a, b| {
                if min {
                    a.min(b)
                } else {
                    a.max(b)
                }
            })
    };
    (
        f(|w| w.x_min, true),
        f(|w| w.y_min, true),
        f(|w| w.x_max, false),
        f(|w| w.y_max, false),
    )
}

/// The signature fields of a PDF: (name, page from 1, rect in top-down
/// coordinates x0, top, x1, bottom).
fn fields(pdf: &Path) -> Vec<(String, usize, [f32; 4])> {
    let doc = load(pdf);
    let Some(form) = dict(&doc, catalog(&doc), b"AcroForm") else {
        return Vec::new();
    };
    assert_eq!(form.get(b"SigFlags").unwrap().as_i64().unwrap(), 1);
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    form.get(b"Fields")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let id = f.as_reference().unwrap();
            let f = doc.get_dictionary(id).unwrap();
            assert_eq!(name(f.get(b"FT").unwrap()), "Sig");
            assert_eq!(name(f.get(b"Subtype").unwrap()), "Widget");
            assert!(f.get(b"V").is_err(), "the field is empty");
            let page = f.get(b"P").unwrap().as_reference().unwrap();
            let index = pages.iter().position(|p| *p == page).unwrap();
            let annots = doc.get_dictionary(page).unwrap().get(b"Annots").unwrap();
            assert!(annots
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a.as_reference().unwrap() == id));
            let r: Vec<f32> = f
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_float().unwrap())
                .collect();
            let h = 841.89;
            (
                text(f.get(b"T").unwrap()),
                index + 1,
                [r[0], h - r[3], r[2], h - r[1]],
            )
        })
        .collect()
}

#[test]
fn the_signature_field_covers_the_signing_space_between_title_and_name() {
    if !tool("pdftotext") {
        return;
    }
    let dir = tempdir();
    let org = fixture("org.yaml");
    let seed = &seeds()[0];
    for format in [
        "party-2018",
        fixture("formats/geometry-alt.yaml").to_str().unwrap(),
    ] {
        let pdf = render(
            dir.path(),
            "year-end",
            seed,
            &["--org", org.to_str().unwrap(), "--format", format],
        );
        let p = FormatProfile::load(format).unwrap();
        let f = fields(&pdf);
        assert_eq!(f.len(), 1, "{format}: {f:?}");
        let (field, page, [x0, top, x1, bottom]) = &f[0];
        assert_eq!(field, &p.document.signature_field.value);
        let words = boxes(&pdf);
        let title = phrase_box(&words, *page, "BÍ THƯ");
        let name = phrase_box(&words, *page, "Nguyễn Thị Ngọc");
        // Under the title, over the name, across the signature column.
        assert!(
            *top >= title.3 - 0.5 && *top - title.3 < 6.0,
            "{format}: top {top} title {title:?}"
        );
        assert!(
            *bottom <= name.1 + 0.5 && name.1 - *bottom < 6.0,
            "{format}: bottom {bottom} name {name:?}"
        );
        assert!(
            bottom - top > 50.0,
            "{format}: room to sign: {}",
            bottom - top
        );
        let mm = 72.0 / 25.4;
        let column = (p.margins.left_mm.get() + p.closing.left_column_mm.get()) * mm;
        assert!((x0 - column).abs() < 0.02, "{format}: x0 {x0} vs {column}");
        assert!((x1 - x0 - p.closing.right_column_mm.get() * mm).abs() < 0.02);
        assert!(*x0 <= title.0 && *x1 >= title.2 && *x0 <= name.0 && *x1 >= name.2);
        for w in words.iter().filter(|w| w.page == *page) {
            let e = 0.01;
            let overlaps =
                w.x_max > x0 + e && w.x_min < x1 - e && w.y_max > top + e && w.y_min < bottom - e;
            assert!(
                !overlaps,
                "{format}: “{}” lies under the signature field",
                w.text
            );
        }
    }
    let plain = render(dir.path(), "year-end", seed, &["--no-sign-field"]);
    assert!(fields(&plain).is_empty());
    let doc = load(&plain);
    assert!(catalog(&doc).get(b"AcroForm").is_err());
}

#[test]
fn pyhanko_signs_the_field_and_the_signature_validates_as_intact() {
    if !tool("pyhanko") || !tool("openssl") || !tool("qpdf") || !tool("pdftotext") {
        return;
    }
    let dir = tempdir();
    let d = dir.path();
    let pdf = render(d, "year-end", &seeds()[0], &[]);
    let (key, cert) = (d.join("key.pem"), d.join("cert.pem"));
    run(
        "openssl",
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=baocao CI/O=baocao",
            "-keyout",
            key.to_str().unwrap(),
            "-out",
            cert.to_str().unwrap(),
        ],
    );
    // A stamp without text, so the page's text is the report's alone.
    let config = d.join("pyhanko.yml");
    std::fs::write(&config, "stamp-styles:\n  blank:\n    type: text\n    stamp-text: \"\"\n    background: null\n    border-width: 0\n").unwrap();
    let signed = d.join("signed.pdf");
    run(
        "pyhanko",
        &[
            "--config",
            config.to_str().unwrap(),
            "sign",
            "addsig",
            "--style-name",
            "blank",
            "--field",
            "ChuKy",
            "--existing-only",
            "pemder",
            "--key",
            key.to_str().unwrap(),
            "--cert",
            cert.to_str().unwrap(),
            "--no-pass",
            pdf.to_str().unwrap(),
            signed.to_str().unwrap(),
        ],
    );
    let status = run(
        "pyhanko",
        &[
            "sign",
            "validate",
            "--trust-replace",
            "--trust",
            cert.to_str().unwrap(),
            signed.to_str().unwrap(),
        ],
    );
    let line = status
        .lines()
        .find(|l| l.starts_with("ChuKy:"))
        .unwrap_or_else(|| panic!("{status}"));
    assert!(
        line.contains(":INTACT:") && line.contains("TRUSTED") && line.contains("UNTOUCHED"),
        "{line}"
    );
    let check = run("qpdf", &["--check", signed.to_str().unwrap()]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    assert_eq!(pdf_text(&signed).unwrap(), pdf_text(&pdf).unwrap());
    assert!(std::fs::metadata(&signed).unwrap().len() > std::fs::metadata(&pdf).unwrap().len());
}

/// Word boxes of every page but page 1's top margin (the note) and number line.
fn unmoved(words: &[WordBox], top_margin: f32) -> Vec<(usize, String, [i32; 4])> {
    let number_line = |w: &WordBox| w.text.starts_with("Số") || w.text.ends_with("BC/ĐU");
    words
        .iter()
        .filter(|w| w.page > 1 || (w.y_max > top_margin && !number_line(w)))
        .map(|w| {
            let r = |v: f32| (v * 100.0).round() as i32;
            (
                w.page,
                w.text.clone(),
                [r(w.x_min), r(w.y_min), r(w.x_max), r(w.y_max)],
            )
        })
        .collect()
}

#[test]
fn draft_prints_the_note_at_the_top_right_of_page_1_and_moves_nothing_else() {
    if !tool("pdftotext") || !tool("mutool") || !tool("pdfinfo") {
        return;
    }
    let dir = tempdir();
    let org = fixture("org.yaml");
    let org = org.to_str().unwrap();
    let seed = &seeds()[0];
    let alt = fixture("formats/geometry-alt.yaml");
    for format in ["party-2018", alt.to_str().unwrap()] {
        let p = FormatProfile::load(format).unwrap();
        let sub = dir.path().join(p.name.as_str());
        std::fs::create_dir_all(&sub).unwrap();
        let issued = render(&sub, "year-end", seed, &["--org", org, "--format", format]);
        let base = boxes(&issued);
        for (args, note, face) in [
            (vec!["--draft"], "DỰ THẢO", p.draft.face.get()),
            (
                vec!["--draft", "2"],
                "Dự thảo lần 2",
                p.draft.numbered_face.get(),
            ),
        ] {
            let out = sub.join(format!("draft{}.pdf", args.len()));
            let mut a = vec![
                "year-end",
                seed.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--org",
                org,
                "--format",
                format,
            ];
            a.extend(&args);
            let o = baocao(&sub, &a);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let what = format!("{} {args:?}", p.name);
            // The note reads first on page 1, and the number is blank.
            let page1 = pdf_pages(&out).unwrap().remove(0);
            let lines: Vec<&str> = page1.lines().collect();
            assert_eq!(lines[0], note, "{what}");
            let form = &p.header.number;
            let blank = form.pattern.value.replace("{number}", &form.blank.value);
            let blank = words(&blank.replace("{symbol}", "BC/ĐU")).join(" ");
            assert!(
                lines.contains(&blank.as_str()),
                "{what}: {blank} in {page1}"
            );
            let numbered = lines.iter().filter(|l| l.contains("BC/ĐU"));
            assert!(numbered.clone().count() == 1 && numbered.clone().all(|l| !l.contains("05")));
            // Where the profile puts it: its glyphs with MuPDF.
            let trace = trace::Trace::of(&out);
            let glyphs: Vec<_> = trace
                .glyphs
                .iter()
                .filter(|g| g.page == 1)
                .take(note.chars().count())
                .collect();
            let printed: String = glyphs.iter().map(|g| g.c).collect();
            assert_eq!(printed, note, "{what}");
            let mm = 72.0 / 25.4;
            for g in &glyphs {
                assert!(
                    (g.y - p.draft.baseline_from_top_mm.get() * mm).abs() < 0.02,
                    "{what}: baseline {}",
                    g.y
                );
                assert!((g.size - p.draft.size_pt.get()).abs() < 0.01);
                let bold = matches!(
                    face,
                    baocao::profile::FaceName::Bold | baocao::profile::FaceName::BoldItalic
                );
                let italic = matches!(
                    face,
                    baocao::profile::FaceName::Italic | baocao::profile::FaceName::BoldItalic
                );
                assert_eq!(g.font.contains("Bold"), bold, "{what}: {}", g.font);
                assert_eq!(g.font.contains("Ital"), italic, "{what}: {}", g.font);
            }
            // Its frame, from the page's content read with lopdf.
            let doc = load(&out);
            let first = *doc.get_pages().values().next().unwrap();
            let ops = lopdf::content::Content::decode(&doc.get_page_content(first))
                .unwrap()
                .operations;
            let re: Vec<f32> = ops
                .iter()
                .find(|o| o.operator == "re")
                .expect("a frame")
                .operands
                .iter()
                .map(|v| v.as_float().unwrap())
                .collect();
            let right =
                (p.page.width_mm.get() - p.margins.right_mm.get() - p.draft.right_inset_mm.get())
                    * mm;
            assert!(
                (re[0] + re[2] - right).abs() < 0.02,
                "{what}: frame ends at {}",
                re[0] + re[2]
            );
            let pad = p.draft.frame_padding_mm.get() * mm;
            let last = glyphs.last().unwrap();
            assert!(
                (re[0] + pad - glyphs[0].x).abs() < 0.05
                    && (last.x + last.adv + pad - right).abs() < 0.05,
                "{what}: {re:?}"
            );
            let (top, bottom) = (841.89 - re[1] - re[3], 841.89 - re[1]);
            assert!(
                bottom < p.margins.top_mm.get() * mm && top > 0.0,
                "{what}: the frame stays in the top margin"
            );
            // The metadata says it is a draft.
            let info_text = run("pdfinfo", &[out.to_str().unwrap()]);
            let meta = baocao::vn::sentence_case(note);
            let keywords = info_text
                .lines()
                .find_map(|l| l.strip_prefix("Keywords:"))
                .map(str::trim);
            assert_eq!(keywords, Some(meta.as_str()), "{info_text}");
            assert!(text(info(&doc).get(b"Title").unwrap()).ends_with(&format!("({meta})")));
            // Nothing else moved.
            let top = p.margins.top_mm.get() * mm;
            let (now, before) = (unmoved(&boxes(&out), top), unmoved(&base, top));
            assert!(now.len() > 1000, "{what}");
            let moved: Vec<_> = now
                .iter()
                .zip(&before)
                .filter(|(a, b)| a != b)
                .take(3)
                .collect();
            assert!(
                moved.is_empty() && now.len() == before.len(),
                "{what}: {moved:?}"
            );
        }
    }
}

#[test]
fn a_pack_has_a_field_per_report_each_named_uniquely_and_headings_under_each_report() {
    if !tool("qpdf") {
        return;
    }
    let dir = tempdir();
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let o = baocao(
        dir.path(),
        &[
            "build",
            seeds_dir.to_str().unwrap(),
            "-o",
            "out",
            "--pack",
            "pack.pdf",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pack = dir.path().join("pack.pdf");
    let f = fields(&pack);
    let names: Vec<&str> = f.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["ChuKy_1", "ChuKy_2", "ChuKy_3", "ChuKy_4", "ChuKy_5"]
    );
    let (marks, json) = outline(&pack);
    let tops: Vec<usize> = (0..marks.len()).filter(|&i| marks[i].depth == 0).collect();
    assert_eq!(tops.len(), 5);
    // Each report's field is on one of its pages, before the next report starts.
    for (i, (_, page, _)) in f.iter().enumerate() {
        let next = tops.get(i + 1).map(|&n| marks[n].page);
        assert!(
            *page >= marks[tops[i]].page && next.is_none_or(|n| *page < n),
            "field {i}"
        );
    }
    let mut built: Vec<PathBuf> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    built.sort();
    for (i, single) in built.iter().enumerate() {
        // The report's own bookmarks, one level down, under its bookmark.
        let (own, _) = outline(single);
        let under = marks.iter().filter(|m| m.parent == Some(tops[i])).count();
        let own_top = own.iter().filter(|m| m.depth == 0).count();
        assert_eq!(under, own_top, "report {}", i + 1);
        // And all of them: every bookmark of the report, under its one.
        let root = |mut k: usize| {
            while let Some(p) = marks[k].parent {
                k = p;
            }
            k
        };
        let descendants = (0..marks.len())
            .filter(|&k| k != tops[i] && root(k) == tops[i])
            .count();
        assert_eq!(descendants, own.len(), "report {}", i + 1);
        let single_fields = fields(single);
        assert_eq!(single_fields.len(), 1);
        assert_eq!(single_fields[0].0, "ChuKy");
    }
    assert_eq!(json["pagelabels"].as_array().unwrap().len(), 5);
}

#[test]
fn seed_000_as_a_year_end_report_stays_within_42_kb_with_everything_on() {
    let dir = tempdir();
    let pdf = render(dir.path(), "year-end", &seeds()[0], &[]);
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size <= 42_000, "{size} bytes");
    let doc = load(&pdf);
    let c = catalog(&doc);
    for key in [
        b"Metadata".as_slice(),
        b"OutputIntents",
        b"AcroForm",
        b"Outlines",
        b"PageLabels",
    ] {
        assert!(c.get(key).is_ok(), "{}", String::from_utf8_lossy(key));
    }
}

#[test]
fn a_draft_round_of_0_or_an_input_taken_for_the_round_is_refused() {
    let dir = tempdir();
    let seed = seeds()[0].to_str().unwrap().to_string();
    let o = baocao(dir.path(), &["year-end", &seed, "--draft", "0"]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("counts from 1"), "{err}");
    let o = baocao(dir.path(), &["year-end", "--draft", &seed]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("write --draft after the input"), "{err}");
    // Written after the input or with `=`, both are read.
    let out = dir.path().join("d.pdf");
    let out = out.to_str().unwrap();
    let o = baocao(dir.path(), &["year-end", "--draft=4", &seed, "-o", out]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = load(Path::new(out));
    assert_eq!(text(info(&doc).get(b"Keywords").unwrap()), "Dự thảo lần 4");
}
