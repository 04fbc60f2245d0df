//! Prepares, once at build time, what no report should pay to read:
//!
//! - the metric tables of the bundled font faces (below);
//! - the built-in format profiles and the lexicon as JSON. The YAML files in
//!   `templates/` stay the source (they carry comments and confidence tags);
//!   parsing 19 KB of YAML costs a report about half a millisecond, the same
//!   data as JSON a twentieth of that;
//! - how the `baocao` binary is linked on GNU/Linux (see [`link_for_startup`]);
//! - the lexicon's two pattern automata (topics, keywords), serialised:
//!   building them cost a report 0.3 ms, reading them back a few
//!   microseconds. `report::lexicon` builds the same automata from the same
//!   distinct patterns in the same order (a unit test compares the bytes).
//!
//! `fontdue::Font::from_bytes` decodes every glyph outline of a face (tens of
//! milliseconds each), which no report should pay for. The layout only needs the
//! character map, the advance widths and the kerning pairs, so fontdue reads them
//! here and writes a compact little-endian table per face into `OUT_DIR`;
//! `src/font` embeds those tables next to the font files.
//!
//! Table layout (all integers little-endian):
//! ```text
//! b"BCFM" u16 version=1
//! u16 units_per_em  i16 ascent  i16 descent  i16 line_gap
//! u32 n_glyphs   n × (u32 codepoint, u16 glyph id, u16 advance in font units)   sorted by codepoint
//! u32 n_kerns    n × (u16 left gid, u16 right gid, i16 kern in font units)      sorted by (left, right)
//! ```

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::PathBuf;

const FACES: [&str; 4] = [
    "LiberationSerif-Regular",
    "LiberationSerif-Bold",
    "LiberationSerif-Italic",
    "LiberationSerif-BoldItalic",
];

/// The built-in format profiles, `templates/formats/NAME.yaml` (`src/profile`
/// lists the same names).
const FORMATS: [&str; 2] = ["party-2018", "party-2026"];

/// A YAML file of `templates/` read as a value and written as JSON.
fn yaml_to_json(path: &str) -> (serde_yaml::Value, String) {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let value: serde_yaml::Value =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json = serde_json::to_string(&value).expect("YAML data converts to JSON");
    (value, json)
}

/// Kerning is only looked up between characters a report can contain: Latin,
/// Vietnamese, digits and punctuation. Liberation has no pairs elsewhere anyway.
fn kern_candidate(c: char) -> bool {
    let u = c as u32;
    (0x20..0x250).contains(&u) || (0x1E00..0x1F00).contains(&u) || (0x2010..0x2040).contains(&u)
}

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for face in FACES {
        let path = format!("fonts/{face}.ttf");
        println!("cargo:rerun-if-changed={path}");
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let table = build_table(&bytes).unwrap_or_else(|e| panic!("cannot parse {path}: {e}"));
        fs::write(out.join(format!("{face}.metrics")), table).expect("write metrics table");
    }
    fs::create_dir_all(out.join("formats")).expect("create OUT_DIR/formats");
    for name in FORMATS {
        let path = format!("templates/formats/{name}.yaml");
        fs::write(
            out.join(format!("formats/{name}.json")),
            yaml_to_json(&path).1,
        )
        .expect("write JSON");
    }
    let (lexicon, json) = yaml_to_json("templates/lexicon.yaml");
    fs::write(out.join("lexicon.json"), json).expect("write JSON");
    for field in ["topics", "keywords"] {
        let automaton = lexicon_automaton(&lexicon, field);
        fs::write(out.join(format!("lexicon-{field}.daac")), automaton).expect("write automaton");
    }
    link_for_startup();
    println!("cargo:rerun-if-changed=build.rs");
}

/// One report is a process of about 6 ms, of which the dynamic loader's share
/// is measurable. On GNU/Linux two link choices cut it by about 0.2 ms a
/// process (alternating A/B runs of seed 000, BENCHMARKS.md):
///
/// - the unwinder comes from the static `libgcc_eh` rather than `libgcc_s.so`,
///   as `-static-libgcc` does for C and Rust's own `crt-static` mode does; the
///   loader then maps one library less and runs no `libgcc_s` constructor,
///   whose `cpuid` probes are slow under a hypervisor. The library is named
///   here, ahead of the standard library's `-lgcc_s`, so the linker takes the
///   unwinder from it and `--as-needed` drops `libgcc_s`;
/// - the executable is not position-independent (`-no-pie`, as Go links by
///   default): the loader has no relocations to apply to it (11,700 with PIE,
///   touching 67 pages). Shared libraries, stack and heap stay randomised.
///
/// Tests and benchmarks get the static unwinder too (they link the library);
/// `-no-pie` is for the binary only.
fn link_for_startup() {
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && target_env == "gnu" {
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// The serialised automaton of the lexicon's `field` patterns (`topics` or
/// `keywords`): each distinct pattern, in order of first appearance over the
/// sections, with its index as value.
fn lexicon_automaton(lexicon: &serde_yaml::Value, field: &str) -> Vec<u8> {
    let mut distinct: Vec<&str> = Vec::new();
    let sections = lexicon["sections"].as_sequence().expect("lexicon sections");
    for section in sections {
        for p in section[field].as_sequence().into_iter().flatten() {
            let p = p.as_str().expect("patterns are strings");
            if !distinct.contains(&p) {
                distinct.push(p);
            }
        }
    }
    let values = distinct.iter().enumerate().map(|(i, p)| (*p, i as u32));
    // Without daachorse's prefilter, as report::lexicon builds them.
    daachorse::DoubleArrayAhoCorasickBuilder::new()
        .use_prefilter(false)
        .build_with_values(values)
        .unwrap_or_else(|e| panic!("templates/lexicon.yaml {field}: {e}"))
        .serialize()
}

fn build_table(bytes: &[u8]) -> Result<Vec<u8>, &'static str> {
    let font = fontdue::Font::from_bytes(bytes, fontdue::FontSettings::default())?;
    let upm = font.units_per_em();
    // At a pixel size equal to units-per-em, fontdue's scale is exactly 1, so every
    // metric below comes out in integral font units.
    let line = font
        .horizontal_line_metrics(upm)
        .ok_or("font has no horizontal line metrics")?;

    let glyphs: BTreeMap<u32, u16> = font
        .chars()
        .iter()
        .map(|(c, gid)| (*c as u32, gid.get()))
        .collect();

    let mut table = Vec::with_capacity(16 + glyphs.len() * 8);
    table.extend_from_slice(b"BCFM");
    table.extend_from_slice(&1u16.to_le_bytes());
    table.extend_from_slice(&(upm as u16).to_le_bytes());
    table.extend_from_slice(&(line.ascent.round() as i16).to_le_bytes());
    table.extend_from_slice(&(line.descent.round() as i16).to_le_bytes());
    table.extend_from_slice(&(line.line_gap.round() as i16).to_le_bytes());

    table.extend_from_slice(&(glyphs.len() as u32).to_le_bytes());
    for (&cp, &gid) in &glyphs {
        let advance = font.metrics_indexed(gid, upm).advance_width.round() as u16;
        table.extend_from_slice(&cp.to_le_bytes());
        table.extend_from_slice(&gid.to_le_bytes());
        table.extend_from_slice(&advance.to_le_bytes());
    }

    let candidates: Vec<u16> = glyphs
        .iter()
        .filter(|(cp, _)| char::from_u32(**cp).is_some_and(kern_candidate))
        .map(|(_, gid)| *gid)
        .collect();
    let mut kerns = BTreeMap::new();
    for &left in &candidates {
        for &right in &candidates {
            if let Some(k) = font.horizontal_kern_indexed(left, right, upm) {
                if k.round() != 0.0 {
                    kerns.insert((left, right), k.round() as i16);
                }
            }
        }
    }
    table.extend_from_slice(&(kerns.len() as u32).to_le_bytes());
    for ((left, right), k) in kerns {
        table.extend_from_slice(&left.to_le_bytes());
        table.extend_from_slice(&right.to_le_bytes());
        table.extend_from_slice(&k.to_le_bytes());
    }
    Ok(table)
}
