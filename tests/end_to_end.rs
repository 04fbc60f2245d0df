//! End-to-end tests: the binary is run on the seeds and its PDFs are read
//! back with an independent reader, poppler's `pdftotext` (the reading of
//! every seed as every kind is in `pdf_readers.rs`). Without poppler the
//! reading is skipped with a note, unless `BAOCAO_REQUIRE_POPPLER=1`.

mod common;

use common::*;

#[test]
fn inspect_then_render_gives_the_text_of_rendering_the_article() {
    let dir = tempdir();
    for (seed, kind) in seeds().iter().zip([
        "year-end",
        "congress",
        "mid-term",
        "quarterly",
        "resolution",
    ]) {
        let o = baocao(dir.path(), &["inspect", seed.to_str().unwrap()]);
        assert!(o.status.success());
        let yaml = String::from_utf8(o.stdout).unwrap();
        assert!(
            yaml.contains(&format!("\nkind: {kind}\n")),
            "{}: detected {yaml:.200}",
            seed.display()
        );
        let data = dir.path().join(format!("{kind}.yaml"));
        std::fs::write(&data, &yaml).unwrap();
        let from_data = render(dir.path(), kind, &data, &[]);
        let from_article = render(dir.path(), kind, seed, &[]);
        let (Some(a), Some(b)) = (pdf_text(&from_data), pdf_text(&from_article)) else {
            return;
        };
        assert_eq!(a, b, "{}", seed.display());
    }
}

#[test]
fn edited_report_data_is_what_gets_printed() {
    let dir = tempdir();
    let o = baocao(dir.path(), &["inspect", seeds()[3].to_str().unwrap()]);
    let yaml = String::from_utf8(o.stdout).unwrap();
    let edited = yaml.replacen(
        "Hội nghị đã có 05 lượt ý kiến",
        "Hội nghị đã có 07 lượt ý kiến",
        1,
    );
    assert_ne!(yaml, edited);
    let data = dir.path().join("edited.yaml");
    std::fs::write(&data, edited).unwrap();
    let pdf = render(dir.path(), "quarterly", &data, &[]);
    let Some(text) = pdf_text(&pdf) else { return };
    let text = words(&text).join(" ");
    assert!(text.contains("Hội nghị đã có 07 lượt ý kiến") && !text.contains("05 lượt ý kiến"));
}

trait Nfc {
    fn nfc_string(&self) -> String;
}

impl Nfc for String {
    fn nfc_string(&self) -> String {
        use unicode_normalization::UnicodeNormalization;
        self.nfc().collect()
    }
}

#[test]
fn seed_000_year_end_is_small() {
    let dir = tempdir();
    let pdf = render(dir.path(), "year-end", &seeds()[0], &[]);
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size <= 60 * 1024, "report is {size} bytes, more than 60 KB");
}

#[test]
fn organisation_profile_fills_header_and_signature() {
    let dir = tempdir();
    let org = fixture("org.yaml");
    let pdf = render(
        dir.path(),
        "year-end",
        &seeds()[0],
        &["--org", org.to_str().unwrap(), "--date", "2022-01-05"],
    );
    let Some(pages) = pdf_pages(&pdf) else { return };
    let first = pages[0].nfc_string();
    assert!(first.contains("ĐẢNG BỘ QUẬN LONG BIÊN"), "{first}");
    assert!(first.contains("ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG"));
    assert!(
        first.contains("Số 05-BC/ĐU"),
        "number with its leading zero: {first}"
    );
    assert!(
        first.contains("Phúc Đồng, ngày 05 tháng 01 năm 2022"),
        "{first}"
    );
    let last = words(&pages.last().unwrap().nfc_string()).join(" ");
    for needle in [
        "Nơi nhận:",
        "- Ban Thường vụ Quận ủy Long Biên (để báo cáo);",
        "- Lưu Văn phòng Đảng ủy.",
        "BÍ THƯ",
        "Nguyễn Thị Ngọc",
    ] {
        assert!(
            last.contains(needle),
            "{needle} missing from the last page:\n{last}"
        );
    }
}

#[test]
fn output_defaults_to_the_article_name_in_the_current_folder() {
    let dir = tempdir();
    let o = baocao(dir.path(), &["year-end", seeds()[3].to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let expected = dir.path().join("003_e26efb55b691e935.pdf");
    assert!(std::fs::read(&expected).unwrap().starts_with(b"%PDF-"));
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

/// A report is an ordinary file: a new one gets the mode any new file gets
/// here (not the private mode of the temporary it was written as), and a
/// replaced one keeps its mode.
#[cfg(unix)]
#[test]
fn written_reports_get_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempdir();
    let plain = dir.path().join("plain");
    std::fs::write(&plain, "").unwrap();
    let new = dir.path().join("new.pdf");
    let o = baocao(
        dir.path(),
        &[
            "year-end",
            seeds()[0].to_str().unwrap(),
            "-o",
            new.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    assert_eq!(mode(&new), mode(&plain));

    std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o640)).unwrap();
    let o = baocao(
        dir.path(),
        &[
            "congress",
            seeds()[1].to_str().unwrap(),
            "-o",
            new.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    assert_eq!(mode(&new), 0o640);
}

#[test]
fn missing_organisation_data_is_listed_in_one_warning() {
    let dir = tempdir();
    let out = dir.path().join("x.pdf");
    let o = baocao(
        dir.path(),
        &[
            "year-end",
            seeds()[0].to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success());
    assert!(
        stderr.contains("warning: not in the article, left blank: document number, signer's title, signer's name, recipients"),
        "{stderr}"
    );
}

#[test]
fn bad_organisation_profile_names_file_line_and_column_and_keeps_the_old_pdf() {
    let dir = tempdir();
    let org = dir.path().join("org.yaml");
    std::fs::write(
        &org,
        "issuer: ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG\nsigner:\n  titel: BÍ THƯ\n",
    )
    .unwrap();
    let out = dir.path().join("report.pdf");
    std::fs::write(&out, b"the previous good report").unwrap();
    let o = baocao(
        dir.path(),
        &[
            "year-end",
            seeds()[0].to_str().unwrap(),
            "--org",
            org.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("org.yaml:3:3: signer: unknown field `titel`"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"the previous good report");
}

#[test]
fn unreadable_or_non_utf8_articles_are_clear_errors() {
    let dir = tempdir();
    let o = baocao(dir.path(), &["year-end", "no-such-article.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read no-such-article.txt"));

    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Ti\xeau \xf0\xe8\n\nM\xf4t \xf0o\xe1n.\n").unwrap();
    let o = baocao(dir.path(), &["year-end", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    // Line and column, and the encoding it reads as with the option for it.
    assert!(
        stderr.contains("latin1.txt:1:3: the file is not UTF-8 text (byte 0xEA at byte offset 2)"),
        "{stderr}"
    );
    assert!(stderr.contains("--encoding windows-1258"), "{stderr}");
    assert!(!dir.path().join("latin1.pdf").exists());
}

#[test]
fn invalid_date_is_refused_by_the_command_line() {
    let dir = tempdir();
    let o = baocao(
        dir.path(),
        &[
            "year-end",
            seeds()[0].to_str().unwrap(),
            "--date",
            "13/01/2022",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("write it as YYYY-MM-DD"));
}

/// The same report is the same bytes, whatever the process rendered before
/// it: a batch must not change a report, and offices compare files.
#[test]
fn a_report_is_the_same_bytes_however_often_and_after_whatever_it_is_rendered() {
    use baocao::report::Kind;
    let engine = baocao::Engine::builtin();
    let opts = baocao::Options::default();
    let render = |seed: &std::path::Path, kind: Kind| {
        let bytes = std::fs::read(seed).unwrap();
        engine
            .render_input(&seed.display().to_string(), &bytes, kind, &opts)
            .unwrap()
            .pdf
    };
    let seeds = seeds();
    let first = render(&seeds[0], Kind::YearEnd);
    let other = render(&seeds[1], Kind::Congress);
    assert_ne!(first, other);
    assert_eq!(render(&seeds[0], Kind::YearEnd), first);
}
