//! `baocao build`: many inputs at once, bad inputs reported, and the pack.

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The kind `baocao` detects for an article.
fn detected_kind(article: &Path) -> &'static str {
    let bytes = std::fs::read(article).unwrap();
    let engine = baocao::Engine::builtin();
    let data = engine
        .inspect(&article.display().to_string(), &bytes)
        .unwrap();
    data.kind.name()
}

#[test]
fn build_writes_every_seed_as_its_detected_kind() {
    let dir = tempdir();
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let o = baocao(
        dir.path(),
        &["build", seeds_dir.to_str().unwrap(), "-o", "out"],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("5 of 5 reports written to out"), "{err}");
    let mut kinds = Vec::new();
    for seed in seeds() {
        let stem = seed.file_stem().unwrap().to_str().unwrap();
        let built = dir.path().join("out").join(format!("{stem}.pdf"));
        let kind = detected_kind(&seed);
        kinds.push(kind);
        assert!(
            err.contains(&format!("({kind}, ")),
            "{stem} not reported as {kind}:\n{err}"
        );
        // The same bytes as rendering that article alone as that kind: the
        // batch neither changes the report nor depends on its order.
        let alone = render(dir.path(), kind, &seed, &[]);
        assert_eq!(
            std::fs::read(&built).unwrap(),
            std::fs::read(&alone).unwrap(),
            "{stem}: batch output differs from `baocao {kind}`"
        );
    }
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds.len(), 5, "the five seeds are five kinds: {kinds:?}");
}

#[test]
fn build_goes_on_past_unreadable_and_empty_files_and_fails_at_the_end() {
    let dir = tempdir();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let seeds = seeds();
    for seed in &seeds[..2] {
        std::fs::copy(seed, inputs.join(seed.file_name().unwrap())).unwrap();
    }
    std::fs::write(inputs.join("empty.txt"), "").unwrap();
    let locked = inputs.join("locked.txt");
    std::fs::copy(&seeds[2], &locked).unwrap();
    make_unreadable(&locked);

    let o = baocao(dir.path(), &["build", "in", "-o", "out", "--jobs", "2"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("2 of 4 reports written to out"), "{err}");
    assert!(err.contains("2 failed:"), "{err}");
    let failures = &err[err.find("2 failed:").unwrap()..];
    assert!(
        failures.contains("in/empty.txt: the file is empty"),
        "{failures}"
    );
    assert!(failures.contains("cannot read in/locked.txt"), "{failures}");
    let mut written: Vec<PathBuf> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    written.sort();
    let expected: Vec<PathBuf> = seeds[..2]
        .iter()
        .map(|s| {
            dir.path()
                .join("out")
                .join(s.file_stem().unwrap())
                .with_extension("pdf")
        })
        .collect();
    assert_eq!(
        written, expected,
        "only the good inputs give PDFs, and no temporary files remain"
    );
}

/// Makes `path` unreadable: no permissions, or, where they do not stop us
/// (running as root), a link to nothing in its place.
fn make_unreadable(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(path).is_ok() {
            std::fs::remove_file(path).unwrap();
            std::os::unix::fs::symlink("nowhere", path).unwrap();
        }
    }
    #[cfg(not(unix))]
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_missing_input_or_no_inputs_stop_the_build_before_it_starts() {
    let dir = tempdir();
    let o = baocao(dir.path(), &["build", "absent", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read absent"), "{}", stderr(&o));
    std::fs::create_dir(dir.path().join("nothing")).unwrap();
    let o = baocao(dir.path(), &["build", "nothing", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no .txt, .yaml or .yml inputs"),
        "{}",
        stderr(&o)
    );
    assert!(
        !dir.path().join("out").exists(),
        "nothing to do creates nothing"
    );
}

#[test]
fn pack_holds_every_report_each_numbered_from_its_own_first_page() {
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
    assert!(o.status.success(), "{}", stderr(&o));
    let pack = dir.path().join("pack.pdf");
    assert!(pack.exists());
    if !tool("pdftotext") || !tool("qpdf") {
        return;
    }
    run("qpdf", &["--check", pack.to_str().unwrap()]);

    // Pages of each report, in seed order; the pack is their concatenation.
    let mut starts = Vec::new();
    let mut total = 0;
    for seed in seeds() {
        let stem = seed.file_stem().unwrap().to_str().unwrap();
        let single = dir.path().join("out").join(format!("{stem}.pdf"));
        let info = run("pdfinfo", &[single.to_str().unwrap()]);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        starts.push((total, pages));
        total += pages;
    }
    let text = run("pdftotext", &["-raw", pack.to_str().unwrap(), "-"]);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), total);
    for &(start, count) in &starts {
        assert!(
            pages[start].contains("BÁO CÁO"),
            "page {} opens a report",
            start + 1
        );
        for n in 2..=count {
            let last = pages[start + n - 1].split_whitespace().last().unwrap();
            assert_eq!(
                last,
                n.to_string(),
                "page {n} of the report at pack page {}",
                start + 1
            );
        }
    }

    // A bookmark and restarted page labels at each report.
    let json = run(
        "qpdf",
        &[
            "--json",
            "--json-key=outlines",
            "--json-key=pagelabels",
            pack.to_str().unwrap(),
        ],
    );
    let json: serde_yaml::Value = serde_yaml::from_str(&json).unwrap();
    let outline_pages: Vec<usize> = json["outlines"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|o| o["destpageposfrom1"].as_u64().unwrap() as usize)
        .collect();
    let label_pages: Vec<usize> = json["pagelabels"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|l| l["index"].as_u64().unwrap() as usize)
        .collect();
    let first_pages: Vec<usize> = starts.iter().map(|s| s.0).collect();
    assert_eq!(
        outline_pages,
        first_pages.iter().map(|p| p + 1).collect::<Vec<_>>()
    );
    assert_eq!(label_pages, first_pages);
    for o in json["outlines"].as_sequence().unwrap() {
        assert!(
            o["title"].as_str().unwrap().starts_with("Báo cáo "),
            "{o:?}"
        );
    }
}

#[test]
fn the_summary_names_every_file_a_warning_concerns_and_every_non_report() {
    let dir = tempdir();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    // The same article twice: the same warnings, each naming both files.
    let seed = &seeds()[0];
    std::fs::copy(seed, inputs.join("a.txt")).unwrap();
    std::fs::copy(seed, inputs.join("b.txt")).unwrap();
    // A news item that reports no committee's work, without a date line.
    std::fs::write(
        inputs.join("news.txt"),
        "Tin tức\n\nNgười dân phấn khởi đón xuân mới\n\nSáng nay, người dân trong khu phố cùng nhau trang trí đường làng, treo cờ, cắm hoa đón xuân.\n\nKhông khí vui tươi lan tỏa khắp các ngõ xóm.\n",
    )
    .unwrap();
    let o = baocao(dir.path(), &["build", "in", "-o", "out"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    let mut both = 0;
    for (i, l) in lines.iter().enumerate() {
        let Some(rest) = l.strip_prefix("warning (") else {
            continue;
        };
        let n: usize = rest.split(' ').next().unwrap().parse().unwrap();
        let files: Vec<&str> = lines[i + 1..]
            .iter()
            .take_while(|f| f.starts_with("  "))
            .map(|f| f.trim())
            .collect();
        assert_eq!(files.len(), n, "{l} should name {n} files:\n{err}");
        for f in &files {
            let name = f.split(':').next().unwrap();
            assert!(
                ["in/a.txt", "in/b.txt", "in/news.txt"].contains(&name),
                "{l}: {f}"
            );
        }
        if files.iter().any(|f| f.starts_with("in/a.txt"))
            && files.iter().any(|f| f.starts_with("in/b.txt"))
        {
            both += 1;
        }
    }
    assert!(both >= 1, "no warning names both copies:\n{err}");
    let at = lines
        .iter()
        .position(|l| l.starts_with("1 input does not read as a report"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        lines[at + 1].trim().starts_with("in/news.txt (printed as "),
        "{err}"
    );
}
