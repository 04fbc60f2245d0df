//! End-to-end tests that need nothing but the Rust toolchain: the binary is
//! run on the seeds and its PDFs are read back with an independent reader
//! (pdf-extract, its own PDF parser and text decoder).

mod common;

use common::*;

#[test]
fn every_seed_reads_back_word_for_word() {
    let dir = tempdir();
    for seed in seeds() {
        let pdf = render(dir.path(), "year-end", &seed, &[]);
        let bytes = std::fs::read(&pdf).unwrap();
        let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
        let text = words_without_page_numbers(&pages);
        assert_paragraphs_present(&seed.display().to_string(), &body_paragraphs(&seed), &text);
        // Page 1 carries the letterhead.
        let first = pages[0].nfc_string();
        for needle in [
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "BÁO CÁO",
            "T/M ĐẢNG ỦY",
            "Nơi nhận:",
        ] {
            assert!(
                first.contains(needle) || pages.iter().any(|p| p.nfc_string().contains(needle)),
                "{needle} missing"
            );
        }
        assert!(first.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && first.contains("BÁO CÁO"));
    }
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
    let pages = pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(&pdf).unwrap()).unwrap();
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
    assert!(
        stderr.contains("latin1.txt:1: the file is not UTF-8 text"),
        "{stderr}"
    );
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
