//! The built-in templates against the data model: every section of every
//! kind reaches the markup, custom templates replace built-ins, and errors in
//! templates and data files name file, line and column.

mod common;

use baocao::letter::Letter;
use baocao::report::{Kind, Meta, Paragraph, Period, Place, ReportData, Section, Term};
use baocao::vn::Date;
use baocao::Engine;
use common::*;

fn data(kind: Kind, engine: &Engine) -> ReportData {
    let sections = engine
        .lexicon()
        .section_ids(kind)
        .iter()
        .map(|id| Section {
            id: id.to_string(),
            paragraphs: vec![Paragraph {
                line: None,
                label: None,
                text: format!("Đoạn của mục {id}."),
                why: None,
            }],
        })
        .collect();
    ReportData {
        kind,
        kind_found: true,
        reasons: Vec::new(),
        meta: Meta {
            title: "Tiêu đề".into(),
            date: Some("2021-04-13".into()),
            time: None,
            views: None,
            category: None,
            source: None,
        },
        period: Period {
            year: Some(2021),
            next_year: Some(2022),
            quarter: Some(4),
            quarter_year: Some(2021),
            next_quarter: Some(1),
            next_quarter_year: Some(2022),
            half: None,
            term: Some(Term {
                start: 2020,
                end: 2022,
            }),
            committee_term: Some(Term {
                start: 2020,
                end: 2025,
            }),
            congress: Some("XXII".into()),
            congress_of: None,
            resolution: Some("Nghị quyết Trung ương 4 khóa XII".into()),
            elapsed: Some("01 năm".into()),
            sources: Default::default(),
        },
        place: Place {
            ward: Some("Phúc Đồng".into()),
            ward_type: Some("phường".into()),
            district: None,
            district_type: None,
        },
        letterhead: None,
        sections,
        set_aside: Vec::new(),
        notes: Vec::new(),
    }
}

#[test]
fn every_section_of_every_kind_is_printed() {
    let engine = Engine::builtin();
    let letter = Letter {
        date: Date::new(2021, 4, 13),
        ..Letter::default()
    };
    for kind in Kind::ALL {
        let d = data(kind, &engine);
        let md = engine.markdown(&d, &letter).unwrap();
        for s in &d.sections {
            let escaped = format!("Đoạn của mục {}\\.", s.id.replace('_', "\\_"));
            assert_eq!(
                md.matches(&escaped).count(),
                1,
                "{}: section {} printed {} times",
                kind.name(),
                s.id,
                md.matches(&escaped).count()
            );
        }
    }
}

#[test]
fn each_kind_has_its_own_summary() {
    let engine = Engine::builtin();
    let letter = Letter {
        date: Date::new(2021, 4, 13),
        ..Letter::default()
    };
    let summary = |kind| {
        let md = engine.markdown(&data(kind, &engine), &letter).unwrap();
        let doc = baocao::markup::parse("t", &md).unwrap();
        doc.summary
    };
    assert_eq!(
        summary(Kind::YearEnd),
        "kết quả lãnh đạo thực hiện nhiệm vụ năm 2021; phương hướng, nhiệm vụ năm 2022"
    );
    assert_eq!(
        summary(Kind::MidTerm),
        "sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ phường lần thứ XXII, nhiệm kỳ 2020 - 2025"
    );
    assert_eq!(
        summary(Kind::Quarterly),
        "kết quả thực hiện nhiệm vụ quý IV năm 2021, phương hướng, nhiệm vụ trọng tâm quý I năm 2022"
    );
    assert_eq!(
        summary(Kind::Congress),
        "kết quả Đại hội các chi bộ trực thuộc, nhiệm kỳ 2020 - 2022"
    );
    assert_eq!(
        summary(Kind::Resolution),
        "kết quả 01 năm thực hiện Nghị quyết Trung ương 4 khóa XII"
    );
}

/// A folder `name` under `root` holding one template file.
fn template_dir(root: &std::path::Path, name: &str, file: &str, text: &str) -> std::path::PathBuf {
    let t = root.join(name);
    std::fs::create_dir(&t).unwrap();
    std::fs::write(t.join(file), text).unwrap();
    t
}

#[test]
fn custom_templates_replace_built_ins_by_name() {
    let dir = tempdir();
    let t = template_dir(
        dir.path(),
        "templates",
        "year-end.hbs",
        "# báo cáo riêng năm {{period.year}}\n\n{{#each sections}}{{#each this}}{{text}}\n\n{{/each}}{{/each}}",
    );
    // `baocao templates` shows where each template comes from.
    let o = baocao(
        dir.path(),
        &["templates", "--templates", t.to_str().unwrap()],
    );
    let listing = String::from_utf8_lossy(&o.stdout);
    assert!(
        listing.lines().any(|l| l.starts_with("year-end")
            && l.ends_with("templates/year-end.hbs")
            && l.contains(dir.path().to_str().unwrap())),
        "{listing}"
    );
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("congress") && l.contains("templates/congress.hbs")),
        "{listing}"
    );

    let pdf = render(
        dir.path(),
        "year-end",
        &seeds()[3],
        &["--templates", t.to_str().unwrap()],
    );
    let Some(text) = pdf_text(&pdf) else { return };
    assert!(text.contains("báo cáo riêng năm 2021"), "{text}");
}

#[test]
fn a_broken_custom_template_names_file_line_and_column() {
    let dir = tempdir();
    let t = template_dir(
        dir.path(),
        "tpl",
        "congress.hbs",
        "# kết quả\n\n{{#if sections.opening}}\nmở đầu\n{{/each}}\n",
    );
    let o = baocao(
        dir.path(),
        &[
            "congress",
            seeds()[1].to_str().unwrap(),
            "--templates",
            t.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let expected = format!("{}:5:", t.join("congress.hbs").display());
    assert!(
        stderr.contains(&expected) && stderr.contains("template syntax"),
        "{stderr}"
    );

    // A misspelt data path inside #if is an error naming the path.
    std::fs::write(
        t.join("congress.hbs"),
        "# kết quả\n\n{{#if sections.openin}}x{{/if}}\n",
    )
    .unwrap();
    let o = baocao(
        dir.path(),
        &[
            "congress",
            seeds()[1].to_str().unwrap(),
            "--templates",
            t.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("congress.hbs:3:") && stderr.contains("no value at `sections.openin`"),
        "{stderr}"
    );
}

#[test]
fn report_data_with_a_wrong_key_names_file_line_and_column() {
    let dir = tempdir();
    let o = baocao(dir.path(), &["inspect", seeds()[2].to_str().unwrap()]);
    assert!(o.status.success());
    let yaml = String::from_utf8(o.stdout)
        .unwrap()
        .replacen("  title:", "  titel:", 1);
    let line = yaml
        .lines()
        .position(|l| l.starts_with("  titel:"))
        .unwrap()
        + 1;
    let data = dir.path().join("data.yaml");
    std::fs::write(&data, yaml).unwrap();
    let o = baocao(dir.path(), &["mid-term", data.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(&format!("data.yaml:{line}:3: meta: unknown field `titel`")),
        "{stderr}"
    );
}
