//! The language of messages: Vietnamese by default, English with
//! `--lang en` or an English locale; the place (file:line:column) either way.

mod common;

use common::{baocao_env, seeds, tempdir};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Report data whose line 3 has a second `:` at column 11.
const BAD_YAML: &str = "kind: year-end\nmeta:\n  title: a: b\n";

#[test]
fn a_missing_file_reads_in_vietnamese_by_default_and_in_english_with_lang_en() {
    let dir = tempdir();
    let o = baocao_env(dir.path(), &["year-end", "thieu.txt"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "lỗi: không đọc được tệp thieu.txt: không có tệp hoặc thư mục này\n"
    );

    let o = baocao_env(dir.path(), &["year-end", "thieu.txt", "--lang", "en"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "error: cannot read thieu.txt: no such file or folder\n"
    );
}

#[test]
fn bad_yaml_reads_in_vietnamese_by_default_and_in_english_with_lang_en() {
    let dir = tempdir();
    std::fs::write(dir.path().join("data.yaml"), BAD_YAML).unwrap();
    let o = baocao_env(dir.path(), &["year-end", "data.yaml"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "lỗi: data.yaml:3:11: nội dung YAML sai cú pháp: có dấu `:` không được phép ở chỗ \
         này (giá trị có chứa `: ` phải đặt trong dấu nháy)\n  gợi ý: tệp này phải là dữ \
         liệu báo cáo như `baocao inspect` in ra\n"
    );

    let o = baocao_env(dir.path(), &["--lang=en", "year-end", "data.yaml"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "error: data.yaml:3:11: the YAML cannot be read: a `:` that is not allowed here \
         (a value holding `: ` needs quotes)\n  hint: the file should be report data as \
         `baocao inspect` prints it\n"
    );
    assert!(!dir.path().join("data.pdf").exists());
}

#[test]
fn an_unknown_key_of_the_org_profile_reads_in_vietnamese_with_its_place() {
    let dir = tempdir();
    let org = dir.path().join("org.yaml");
    std::fs::write(&org, "issuer: ĐẢNG ỦY PHƯỜNG X\nsigner:\n  titel: BÍ THƯ\n").unwrap();
    let seed = seeds()[0].clone();
    let args = [
        "year-end",
        seed.to_str().unwrap(),
        "--org",
        "org.yaml",
        "-o",
        "out.pdf",
    ];
    let o = baocao_env(dir.path(), &args, &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "lỗi: org.yaml:3:3: signer: không có trường `titel` ở đây; các trường được dùng là: \
             authority, title, name\n  gợi ý: các khóa được dùng: "
        ),
        "{err}"
    );
}

#[test]
fn an_english_locale_gives_english_and_lc_all_comes_before_lang() {
    let dir = tempdir();
    let args = ["year-end", "thieu.txt"];
    let english = "error: cannot read thieu.txt: no such file or folder\n";
    let vietnamese = "lỗi: không đọc được tệp thieu.txt: không có tệp hoặc thư mục này\n";
    let run = |env: &[(&str, &str)]| stderr(&baocao_env(dir.path(), &args, env));
    assert_eq!(run(&[("LANG", "en_US.UTF-8")]), english);
    assert_eq!(run(&[("LC_MESSAGES", "en_GB.UTF-8")]), english);
    assert_eq!(run(&[("LANG", "vi_VN.UTF-8")]), vietnamese);
    assert_eq!(run(&[("LANG", "C.UTF-8")]), vietnamese);
    // POSIX's order: LC_ALL, then LC_MESSAGES, then LANG.
    assert_eq!(
        run(&[("LC_ALL", "vi_VN.UTF-8"), ("LANG", "en_US.UTF-8")]),
        vietnamese
    );
    assert_eq!(run(&[("LC_ALL", ""), ("LANG", "en_US.UTF-8")]), english);
    // --lang comes before the locale.
    let o = baocao_env(
        dir.path(),
        &["year-end", "thieu.txt", "--lang", "vi"],
        &[("LANG", "en_US.UTF-8")],
    );
    assert_eq!(stderr(&o), vietnamese);
}

#[test]
fn the_help_is_in_vietnamese_by_default_and_in_english_with_lang_en() {
    let dir = tempdir();
    let o = baocao_env(dir.path(), &["build", "--help"], &[]);
    assert!(o.status.success());
    let vi = String::from_utf8_lossy(&o.stdout).into_owned();
    for want in [
        "Làm nhiều báo cáo cùng lúc, song song.",
        "Cách dùng: baocao build",
        "Đối số:",
        "Tùy chọn:",
        "Thư mục ghi các tệp PDF (tạo mới nếu chưa có).",
        "In phần trợ giúp",
    ] {
        assert!(vi.contains(want), "no {want:?} in\n{vi}");
    }
    for english in ["Usage:", "Options:", "Print help", "Folder for the PDFs"] {
        assert!(!vi.contains(english), "{english:?} in\n{vi}");
    }

    let o = baocao_env(dir.path(), &["--lang", "en", "build", "--help"], &[]);
    let en = String::from_utf8_lossy(&o.stdout).into_owned();
    for want in [
        "Build many reports at once, in parallel.",
        "Usage: baocao build",
        "Arguments:",
        "Options:",
        "Folder for the PDFs (created if missing).",
        "Print help",
    ] {
        assert!(en.contains(want), "no {want:?} in\n{en}");
    }

    let o = baocao_env(dir.path(), &["--help"], &[]);
    let top = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        top.contains("Lệnh:") && top.contains("Báo cáo tổng kết năm."),
        "{top}"
    );
}

#[test]
fn command_line_mistakes_read_in_vietnamese() {
    let dir = tempdir();
    let o = baocao_env(
        dir.path(),
        &["year-end", "a.txt", "--date", "13/01/2022"],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "lỗi: giá trị '13/01/2022' của '--date <YYYY-MM-DD>' không hợp lệ: `13/01/2022` \
             không phải là ngày hợp lệ; hãy viết theo dạng YYYY-MM-DD\n"
        ),
        "{err}"
    );
    assert!(err.ends_with("Xem thêm bằng '--help'.\n"), "{err}");

    let o = baocao_env(dir.path(), &["yearend", "a.txt"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("lỗi: không có lệnh 'yearend'\n"), "{err}");
    assert!(err.contains("'year-end'"), "{err}");
}

#[test]
fn a_build_reports_its_progress_and_summary_in_vietnamese() {
    let dir = tempdir();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(&seeds()[0], input.join("a.txt")).unwrap();
    std::fs::write(input.join("b.yaml"), BAD_YAML).unwrap();
    let o = baocao_env(dir.path(), &["build", "in", "-o", "out"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("xong  in/a.txt -> out/a.pdf (year-end, "),
        "{err}"
    );
    assert!(err.contains("LỖI   in/b.yaml"), "{err}");
    assert!(err.contains("Đã ghi 1/2 báo cáo vào out\n"), "{err}");
    assert!(
        err.contains("1 tệp bị lỗi:\n  in/b.yaml:3:11: nội dung YAML sai cú pháp"),
        "{err}"
    );
    assert!(
        err.contains("\n    gợi ý: tệp này phải là dữ liệu báo cáo"),
        "{err}"
    );
    assert!(dir.path().join("out/a.pdf").exists());
}
