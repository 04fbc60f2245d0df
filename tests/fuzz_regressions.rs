//! Inputs the fuzz driver (`examples/fuzz.rs`) found failing, kept in
//! `tests/fuzz_regressions/` once fixed: each runs through the pipeline
//! under the driver's invariants (no panic, nothing outside the text area,
//! every body character printed, the same pages twice).
//!
//! - `trailing-ellipsis.txt`: a last paragraph whose last sentence ends in
//!   `…` (three bytes) made the credit check cut inside the character.
//! - `label-with-trailing-space.yaml`: report data whose lead-in label
//!   ended with a space left the label's emphasis open: `***` printed, and
//!   the label and its text no longer read on.
//! - `dateline-then-nbsp.txt`: a dateline cut from the front of a paragraph
//!   left the offsets of its no-break spaces pointing into a letter.
//! - `school-year-cut-in-a-letter.txt`: `năm học 2010-201…` where the four
//!   bytes after the dash end inside a letter.
//! - `lower-case-of-another-length.txt`: letters whose lower case has
//!   another byte length (`ẞ`, `İ`, the Kelvin and Ohm signs) shifted
//!   offsets found in a lower-cased copy of the text.

mod common;

use baocao::{Engine, Options};

#[test]
fn every_kept_failure_now_passes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let engine = Engine::builtin();
    let p = engine.profile();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&f).unwrap();
        // Refusing an input is a result too, if the error names it.
        let (data, _) = match engine.read_input(&name, &bytes, None) {
            Ok(read) => read,
            Err(e) => {
                assert!(e.to_string().starts_with(&name), "{name}: {e}");
                continue;
            }
        };
        let laid = engine.lay_out(&data, &Options::default()).unwrap();
        let again = engine.lay_out(&data, &Options::default()).unwrap();
        assert_eq!(laid.pages, again.pages, "{name}: two layouts differ");
        let outside = common::area::outside(&laid.pages, p);
        assert!(outside.is_empty(), "{name}: {outside:?}");
        let texts: Vec<String> = data
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(|p| p.full_text()))
            .collect();
        let lost = common::area::lost(&laid.pages, p, texts.iter().map(String::as_str));
        assert!(lost.is_empty(), "{name}: not printed {lost:?}");
    }
}
