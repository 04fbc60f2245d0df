//! Choosing the format profile: `baocao formats`, `--format NAME`,
//! `--format FILE.yaml`, and a broken profile's located error.

mod common;

use common::*;

const SEED: &str = "seeds/000_1d509da1f266ee35.txt";

fn seed() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)
}

/// A seed whose year-end report has two sections (I and II).
fn two_sections() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/001_2adf257df097989f.txt")
}

/// A heading with no sibling of its level (`1.` with no `2.`) goes
/// unnumbered under party-2018 and numbered where a profile says so.
#[test]
fn a_lone_heading_goes_unnumbered_where_the_profile_says() {
    let dir = tempdir();
    let alt = fixture("formats/geometry-alt.yaml");
    let mut texts = Vec::new();
    for (format, lone_numbered) in [("party-2018", false), (alt.to_str().unwrap(), true)] {
        let p = baocao::profile::FormatProfile::load(format).unwrap();
        assert_eq!(p.headings.number_lone.value, lone_numbered);
        let out = dir.path().join(format!("{}.pdf", texts.len()));
        let o = baocao(
            dir.path(),
            &[
                "year-end",
                two_sections().to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--format",
                format,
            ],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let Some(text) = pdf_text(&out) else { return };
        let section = &p.headings.section.number_suffix.value;
        let sub = &p.headings.subsection.number_suffix.value;
        // Two sections: both numbered in either profile.
        assert!(
            text.contains(&format!("\nI{section} KẾT QUẢ ĐẠT ĐƯỢC")),
            "{text}"
        );
        assert!(
            text.contains(&format!("\nII{section} ĐÁNH GIÁ CHUNG")),
            "{text}"
        );
        // One sub-section under I: numbered only where the profile says.
        let numbered = text.contains(&format!("\n1{sub} Công tác xây dựng Đảng"));
        let bare = text.contains("\nCông tác xây dựng Đảng\n");
        assert_eq!(
            (numbered, bare),
            (lone_numbered, !lone_numbered),
            "{format}: {text}"
        );
        texts.push(text);
    }
}

#[test]
fn formats_lists_the_builtin_profiles_with_description_and_sources() {
    let dir = tempdir();
    let o = baocao(dir.path(), &["formats"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("party-2018 (default): Văn bản của Đảng — Hướng dẫn 36-HD/VPTW"),
        "{out}"
    );
    assert!(
        out.contains("party-2026: ") && out.contains("tạm thời"),
        "{out}"
    );
    assert!(out.contains("    Quy định 399-QĐ/TW"), "{out}");
}

#[test]
fn party_2026_renders_with_a_warning_and_its_own_heading_numbers() {
    let dir = tempdir();
    let out = dir.path().join("r.pdf");
    let o = baocao(
        dir.path(),
        &[
            "year-end",
            two_sections().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--format",
            "party-2026",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("the format `party-2026` is provisional"),
        "{stderr}"
    );
    if let Some(text) = pdf_text(&out) {
        assert!(
            text.contains("\nI- KẾT QUẢ ĐẠT ĐƯỢC") && text.contains("\nII- ĐÁNH GIÁ CHUNG"),
            "section numbers take a hyphen: {text}"
        );
        assert!(!text.contains("\nI. KẾT QUẢ"));
    }
}

#[test]
fn a_profile_file_renders_and_build_takes_it_too() {
    let dir = tempdir();
    let profile = fixture("formats/geometry-alt.yaml");
    let out = dir.path().join("r.pdf");
    let o = baocao(
        dir.path(),
        &[
            "quarterly",
            seed().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--format",
            profile.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    if let Some(text) = pdf_text(&out) {
        assert!(text.contains("TỜ TRÌNH"), "the profile's type name");
    }
    let o = baocao(
        dir.path(),
        &[
            "build",
            seed().to_str().unwrap(),
            "-o",
            "out",
            "--format",
            profile.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    if let Some(text) = pdf_text(&dir.path().join("out/000_1d509da1f266ee35.pdf")) {
        assert!(text.contains("TỜ TRÌNH"));
    }
}

#[test]
fn a_broken_profile_is_an_error_with_file_line_column_and_key() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("formats/geometry-alt.yaml"))
        .unwrap()
        .replace("  kerning: { value: false,", "  kerning: { value: nope,");
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, &text).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("value: nope"))
        .unwrap()
        + 1;
    let out = dir.path().join("r.pdf");
    let o = baocao(
        dir.path(),
        &[
            "year-end",
            seed().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--format",
            broken.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(&format!("broken.yaml:{line}:")) && stderr.contains("body.kerning.value"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");
    let o = baocao(
        dir.path(),
        &[
            "year-end",
            seed().to_str().unwrap(),
            "--format",
            "party-1999",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("party-2018, party-2026"), "{stderr}");
}
