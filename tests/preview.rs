//! `baocao preview`: pages drawn by our renderer from the page model,
//! checked against poppler's `pdftoppm` drawing of the PDF of the same
//! report at the same resolution (skipped with a note without poppler,
//! unless `BAOCAO_REQUIRE_POPPLER=1`).

mod common;

use std::path::{Path, PathBuf};

use common::raster::{compare, Grey};
use common::*;

const TOLERANCE: u8 = 16;

/// The PNGs `baocao preview` wrote into `dir`, by page number.
fn pictures(dir: &Path, stem: &str) -> Vec<PathBuf> {
    let mut v: Vec<(usize, PathBuf)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let n = name
                .strip_prefix(&format!("{stem}-"))?
                .strip_suffix(".png")?;
            Some((n.parse().ok()?, p))
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, p)| p).collect()
}

fn preview(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["preview"];
    all.extend_from_slice(args);
    baocao(dir, &all)
}

#[test]
fn seed_000_previews_as_six_pages_that_match_pdftoppm() {
    let dir = tempdir();
    let seed = &seeds()[0];
    let pdf = render(dir.path(), "year-end", seed, &[]);
    let out = dir.path().join("anh");
    let o = preview(
        dir.path(),
        &[
            seed.to_str().unwrap(),
            "--kind",
            "year-end",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stem = seed.file_stem().unwrap().to_str().unwrap();
    let ours = pictures(&out, stem);
    assert_eq!(ours.len(), 6, "{ours:?}");
    if !tool("pdftoppm") {
        return;
    }
    let prefix = dir.path().join("poppler");
    run(
        "pdftoppm",
        &[
            "-r",
            "96",
            "-gray",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    for (i, png) in ours.iter().enumerate() {
        let mine = Grey::read_png(png);
        assert_eq!((mine.width, mine.height), (794, 1123), "page {}", i + 1);
        let theirs = Grey::read_pgm(&dir.path().join(format!("poppler-{}.pgm", i + 1)));
        let a = compare(&mine, &theirs, TOLERANCE);
        eprintln!(
            "page {}: {:.4} of pixels within {TOLERANCE}, mean difference {:.3}, boxes {:?}",
            i + 1,
            a.within,
            a.mean_difference,
            a.boxes
        );
        assert!(a.within >= 0.99, "page {}: {a:?}", i + 1);
        assert!(a.box_offset <= 1, "page {}: {a:?}", i + 1);
        // The page is not blank: the box holds the text block.
        let [l, t, r, b] = a.boxes.0.unwrap();
        assert!(r - l > 500 && b - t > 500, "page {}: {a:?}", i + 1);
    }
}

#[test]
fn pages_and_resolution_choose_what_is_drawn() {
    let dir = tempdir();
    let seed = &seeds()[0];
    let o = preview(
        dir.path(),
        &[seed.to_str().unwrap(), "--pages", "2-3", "--dpi", "72"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stem = seed.file_stem().unwrap().to_str().unwrap();
    let got = pictures(dir.path(), stem);
    let names: Vec<String> = got
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [format!("{stem}-2.png"), format!("{stem}-3.png")],
        "{got:?}"
    );
    let page = Grey::read_png(&got[0]);
    assert_eq!((page.width, page.height), (596, 842));

    // A range past the end is an error that says how many pages there are.
    let o = preview(dir.path(), &[seed.to_str().unwrap(), "--pages", "5-40"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("pages 5-40 are not all in it"), "{err}");
    assert!(!dir.path().join(format!("{stem}-5.png")).exists());
    // A range that is not one is refused by the command line.
    let o = preview(dir.path(), &[seed.to_str().unwrap(), "--pages", "3-1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("`3-1` is not a page range"));
}
