//! The format profile: every number, fixed text and rule of the page, the
//! letterhead and the closing, read from a YAML file where each value carries
//! the confidence tag of the rule it comes from.
//!
//! In: a built-in profile's name (`party-2018`, `party-2026`; the YAML files
//! in `templates/formats/`, converted to JSON by build.rs) or the text of a
//! profile file. Out: a checked [`FormatProfile`]. Lengths are converted to
//! points on access.

mod schema;

pub use schema::*;

use crate::error::{Error, Location, Result};
use crate::t;

/// The profiles built into baocao: (name, JSON made by build.rs from
/// `templates/formats/NAME.yaml`).
const BUILTIN: &[(&str, &str)] = &[
    (
        "party-2018",
        include_str!(concat!(env!("OUT_DIR"), "/formats/party-2018.json")),
    ),
    (
        "party-2026",
        include_str!(concat!(env!("OUT_DIR"), "/formats/party-2026.json")),
    ),
];

/// The profile used when none is chosen.
pub const DEFAULT: &str = "party-2018";

impl FormatProfile {
    /// The built-in profile of Hướng dẫn 36-HD/VPTW.
    pub fn party_2018() -> FormatProfile {
        FormatProfile::builtin(DEFAULT).expect("the default profile is built in")
    }

    /// Names of the built-in profiles.
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(name, _)| *name)
    }

    /// A built-in profile by name.
    pub fn builtin(name: &str) -> Option<FormatProfile> {
        let (_, json) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        Some(serde_json::from_str(json).expect("the built-in format profiles are valid"))
    }

    /// A built-in profile by name, or a profile file (`.yaml`, `.yml`).
    pub fn load(spec: &str) -> Result<FormatProfile> {
        if let Some(p) = FormatProfile::builtin(spec) {
            return Ok(p);
        }
        let is_file = spec.ends_with(".yaml") || spec.ends_with(".yml") || spec.contains('/');
        if !is_file {
            let names: Vec<&str> = FormatProfile::builtin_names().collect();
            return Err(Error::Usage(t!(
                "format-unknown",
                name = spec,
                formats = names.join(", ")
            )));
        }
        let bytes = crate::input::read(std::path::Path::new(spec))?;
        let text = crate::encoding::decode(spec, &bytes)?;
        // Aliases and nesting within limits before the typed parse.
        crate::yaml::from_str::<serde_yaml::Value>(spec, &text, "")?;
        FormatProfile::parse(spec, &text)
    }

    /// Parses and checks a profile read from `file`.
    pub fn parse(file: &str, text: &str) -> Result<FormatProfile> {
        let p: FormatProfile = serde_yaml::from_str(text)
            .map_err(|e| Error::yaml(file, &e).with_hint(t!("format-yaml-hint")))?;
        p.check().map_err(|(path, message)| {
            let at = locate(text, &path).map_or_else(
                || Location::file(file),
                |(line, column)| Location::at(file, line, column),
            );
            Error::invalid(at, format!("{path}: {message}"))
        })?;
        Ok(p)
    }

    /// What serde cannot check: each header row has one content, the page
    /// leaves room for text, sizes are positive. Returns the key path and
    /// what is wrong.
    fn check(&self) -> std::result::Result<(), (String, String)> {
        for (column, rows) in [("left", &self.header.left), ("right", &self.header.right)] {
            if rows.is_empty() {
                return Err((format!("header.{column}"), t!("format-column-empty")));
            }
            for (i, row) in rows.iter().enumerate() {
                if row.field.is_some() == row.text.is_some() {
                    return Err((
                        format!("header.{column}.{i}"),
                        t!("format-row-field-or-text"),
                    ));
                }
                if !above(row.size_pt.value, 0.0) {
                    return Err((
                        format!("header.{column}.{i}.size_pt"),
                        t!("format-above-zero"),
                    ));
                }
            }
        }
        let positive = [
            ("page.width_mm", self.page.width_mm.value),
            ("page.height_mm", self.page.height_mm.value),
            ("body.size_pt", self.body.size_pt.value),
            ("body.line_height_pt", self.body.line_height_pt.value),
            ("header.line_height_pt", self.header.line_height_pt.value),
            (
                "title_block.line_height_pt",
                self.title_block.line_height_pt.value,
            ),
            ("closing.line_height_pt", self.closing.line_height_pt.value),
            ("page_number.size_pt", self.page_number.size_pt.value),
            ("draft.size_pt", self.draft.size_pt.value),
        ];
        for (path, v) in positive {
            if !above(v, 0.0) {
                return Err((path.into(), t!("format-above-zero")));
            }
        }
        if self.title_block.separator.text.value.ends_with('-') {
            // poppler's pdftotext takes a line ending in U+002D for a word
            // broken at the line end and joins it to the next line
            // (`----Năm 2021`); with U+2010 it, pdf.js, PDFium and MuPDF
            // all print the separator on its own line.
            return Err((
                "title_block.separator.text".into(),
                t!("format-separator-hyphen"),
            ));
        }
        let limits = [
            (
                "body.space_stretch_max",
                self.body.space_stretch_max.value,
                self.body.space_stretch.value,
            ),
            (
                "body.letter_spacing_max_em",
                self.body.letter_spacing_max_em.value,
                0.0,
            ),
        ];
        for (path, v, min) in limits {
            if !at_least(v, min) {
                return Err((path.into(), t!("format-at-least", min = min.to_string())));
            }
        }
        if self.headings.part_word.numbers.value.is_empty() {
            return Err((
                "headings.part_word.numbers".into(),
                t!("format-part-numbers"),
            ));
        }
        let field = &self.document.signature_field.value;
        if field.is_empty() || field.contains('.') || !field.is_ascii() {
            return Err(("document.signature_field".into(), t!("format-field-name")));
        }
        if !(2..=5).contains(&self.document.outline_deepest_level.value) {
            return Err((
                "document.outline_deepest_level".into(),
                t!("format-outline-level"),
            ));
        }
        if self.document.language.value.trim().is_empty() {
            return Err(("document.language".into(), t!("format-not-empty")));
        }
        if !self.draft.numbered_text.value.contains("{n}") {
            return Err(("draft.numbered_text".into(), t!("format-draft-n")));
        }
        if !above(self.measure(), 72.0) {
            return Err(("margins".into(), t!("format-margins-width")));
        }
        let text_height =
            self.page.height_mm.value - self.margins.top_mm.value - self.margins.bottom_mm.value;
        if !above(text_height, 25.4) {
            return Err(("margins".into(), t!("format-margins-height")));
        }
        Ok(())
    }

    /// Text block width in points.
    pub fn measure(&self) -> f32 {
        self.page.width_mm.pt_from_mm()
            - self.margins.left_mm.pt_from_mm()
            - self.margins.right_mm.pt_from_mm()
    }

    /// The heading style of a markup heading level (2 `##` … 5 `#####`):
    /// the style whose `markup_level` it is, else the nearest above it.
    pub fn heading(&self, level: u8) -> &HeadingStyle {
        let h = &self.headings;
        let styles = [&h.part, &h.section, &h.subsection, &h.point];
        styles
            .iter()
            .filter(|s| s.markup_level.value <= level)
            .max_by_key(|s| s.markup_level.value)
            .or_else(|| styles.iter().min_by_key(|s| s.markup_level.value))
            .copied()
            .expect("four heading styles")
    }
}

/// `v > min`, false for NaN: a bad value of any kind fails the check.
fn above(v: f32, min: f32) -> bool {
    v > min
}

/// `v >= min`, false for NaN.
fn at_least(v: f32, min: f32) -> bool {
    v >= min
}

/// Line and column of the key at dotted `path` (numbers index sequences) in
/// YAML `text`, found by indentation: enough for the block style profiles
/// are written in.
fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut indent: Option<usize> = None;
    let lines: Vec<&str> = text.lines().collect();
    let mut found = None;
    for part in path.split('.') {
        let index: Option<usize> = part.parse().ok();
        let mut count = 0;
        let mut hit = None;
        for (n, line) in lines.iter().enumerate().skip(from) {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let col = line.len() - trimmed.len();
            if indent.is_some_and(|i| col <= i) && n > from {
                break;
            }
            let matches = match index {
                Some(i) => {
                    trimmed.starts_with("- ") && {
                        count += 1;
                        count == i + 1
                    }
                }
                None => {
                    let t = trimmed.trim_start_matches("- ");
                    t.starts_with(part) && t[part.len()..].starts_with(':')
                }
            };
            if matches {
                let extra = if index.is_none() && trimmed.starts_with("- ") {
                    2
                } else {
                    0
                };
                hit = Some((n, col + extra));
                break;
            }
        }
        let (n, col) = hit?;
        found = Some((n + 1, col + 1));
        from = n;
        indent = Some(col);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTY_2018: &str = include_str!("../../templates/formats/party-2018.yaml");

    #[test]
    fn builtin_profile_has_the_party_page() {
        let p = FormatProfile::party_2018();
        assert_eq!(p.page.width_mm.get(), 210.0);
        assert_eq!(p.margins.left_mm.get(), 30.0);
        assert_eq!(p.margins.left_mm.tag, Tag::INF);
        // 165 mm text block (spec §1.2).
        assert!((p.measure() - 165.0 * 72.0 / 25.4).abs() < 0.01);
        assert!(!p.provisional);
    }

    #[test]
    fn builtin_profiles_are_their_yaml_files() {
        // build.rs converts the YAML to JSON; nothing may change on the way.
        for (name, text) in [
            ("party-2018", PARTY_2018),
            (
                "party-2026",
                include_str!("../../templates/formats/party-2026.yaml"),
            ),
        ] {
            let yaml = FormatProfile::parse(name, text).unwrap();
            assert_eq!(FormatProfile::builtin(name).unwrap(), yaml, "{name}");
            assert_eq!(yaml.name, name);
        }
        assert!(FormatProfile::builtin("party-2026").unwrap().provisional);
    }

    #[test]
    fn unknown_keys_and_missing_tags_are_errors_with_a_location() {
        let text = PARTY_2018.replace(
            "  top_mm: { value: 20, tag: INF,",
            "  top_mm: { value: 20, tag: SURE,",
        );
        let err = FormatProfile::parse("p.yaml", &text)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("p.yaml:24:29: margins.top_mm.tag: unknown variant `SURE`"),
            "{err}"
        );
        let text = PARTY_2018.replace("  kerning: {", "  kernig: {");
        let err = FormatProfile::parse("p.yaml", &text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("body: unknown field `kernig`"), "{err}");
        assert!(err.starts_with("p.yaml:"), "{err}");
    }

    #[test]
    fn checks_beyond_types_name_the_key_and_its_line() {
        let text = PARTY_2018.replace(
            "  size_pt: { value: 14, tag: C2, ref: \"§2.2 (6) 14–15 pt; 14 recommended\" }",
            "  size_pt: { value: 0, tag: C2, ref: \"§2.2 (6) 14–15 pt; 14 recommended\" }",
        );
        let err = FormatProfile::parse("p.yaml", &text)
            .unwrap_err()
            .to_string();
        let line = PARTY_2018
            .lines()
            .position(|l| l.contains("14–15 pt; 14 recommended\" }") && l.starts_with("  size"))
            .unwrap()
            + 1;
        assert!(
            err.starts_with(&format!("p.yaml:{line}:3: body.size_pt: must be above 0")),
            "{err}"
        );
        let text = PARTY_2018.replacen(
            "    - field: issuer\n",
            "    - field: issuer\n      text: { value: x, tag: REC, ref: x }\n",
            1,
        );
        let err = FormatProfile::parse("p.yaml", &text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("header.left.1: a row prints either"), "{err}");
        assert!(err.starts_with("p.yaml:"), "{err}");
        // A separator of hyphen-minus would be joined to the body by extractors.
        let text = PARTY_2018.replacen("value: \"‐‐‐‐‐\"", "value: \"-----\"", 1);
        let err = FormatProfile::parse("p.yaml", &text)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("title_block.separator.text: ends with a hyphen-minus"),
            "{err}"
        );
    }

    #[test]
    fn heading_styles_follow_their_markup_levels() {
        let p = FormatProfile::party_2018();
        assert_eq!(p.heading(2), &p.headings.part);
        assert_eq!(p.heading(3), &p.headings.section);
        assert_eq!(p.heading(4), &p.headings.subsection);
        assert_eq!(p.heading(5), &p.headings.point);
        assert_eq!(p.heading(6), &p.headings.point);
        assert_eq!(p.heading(1), &p.headings.part);
    }

    #[test]
    fn loading_names_or_files() {
        assert_eq!(
            FormatProfile::load("party-2018").unwrap(),
            FormatProfile::party_2018()
        );
        let err = FormatProfile::load("party-1990").unwrap_err().to_string();
        assert!(
            err.contains("party-2018") && err.contains("party-2026"),
            "{err}"
        );
        let err = FormatProfile::load("missing.yaml").unwrap_err().to_string();
        assert!(err.contains("missing.yaml"), "{err}");
    }
}
