//! The format profile: every number the layout uses, read from a YAML file in
//! `templates/` where each value carries the confidence tag of the rule it
//! comes from. Lengths are converted to points on access.

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::font::Face;

/// How sure we are of a rule (spec, "confidence tag").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Tag {
    /// Confirmed by two or more independent sources.
    C2,
    /// One source only.
    C1,
    /// Inferred, not confirmed by a source.
    INF,
    /// Our recommendation where the rules say nothing precise.
    REC,
}

/// A value of the profile with its provenance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Val<T> {
    pub value: T,
    pub tag: Tag,
    #[serde(rename = "ref")]
    pub reference: String,
}

impl<T: Copy> Val<T> {
    pub fn get(&self) -> T {
        self.value
    }
}

impl Val<f32> {
    /// The value of an `_mm` key in points.
    pub fn pt_from_mm(&self) -> f32 {
        self.value * 72.0 / 25.4
    }
}

/// Font face names as written in the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaceName {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl From<FaceName> for Face {
    fn from(f: FaceName) -> Face {
        match f {
            FaceName::Regular => Face::Regular,
            FaceName::Bold => Face::Bold,
            FaceName::Italic => Face::Italic,
            FaceName::BoldItalic => Face::BoldItalic,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Center,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    None,
    Roman,
    Arabic,
    Letter,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatProfile {
    pub name: String,
    pub description: String,
    pub page: Page,
    pub margins: Margins,
    pub page_number: PageNumber,
    pub header: Header,
    pub title_block: TitleBlock,
    pub body: Body,
    pub headings: Headings,
    pub items: Items,
    pub closing: Closing,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub width_mm: Val<f32>,
    pub height_mm: Val<f32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    pub top_mm: Val<f32>,
    pub bottom_mm: Val<f32>,
    pub left_mm: Val<f32>,
    pub right_mm: Val<f32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageNumber {
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    pub baseline_from_top_mm: Val<f32>,
    pub first_numbered_page: Val<u32>,
    pub centre_on_text_block: Val<bool>,
}

/// Size and face of a text element.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextStyle {
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
}

/// A fixed text with its style.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedText {
    pub text: Val<String>,
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub left_column_mm: Val<f32>,
    pub right_column_mm: Val<f32>,
    pub line_height_pt: Val<f32>,
    pub party_title: FixedText,
    pub party_rule: Rule,
    pub superior: TextStyle,
    pub issuer: TextStyle,
    pub star: FixedText,
    pub number: NumberStyle,
    pub place_date: PlaceDate,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub thickness_pt: Val<f32>,
    pub below_baseline_pt: Val<f32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberStyle {
    pub prefix: Val<String>,
    pub blank: Val<String>,
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceDate {
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    pub blank: Val<String>,
    pub align_with_number: Val<bool>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleBlock {
    pub space_before_pt: Val<f32>,
    pub line_height_pt: Val<f32>,
    pub type_name: FixedText,
    pub summary: Summary,
    pub separator: FixedText,
    pub space_after_pt: Val<f32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    pub max_width_mm: Val<f32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub size_pt: Val<f32>,
    pub line_height_pt: Val<f32>,
    pub first_line_indent_mm: Val<f32>,
    pub paragraph_space_pt: Val<f32>,
    pub kerning: Val<bool>,
    pub space_stretch: Val<f32>,
    pub space_shrink: Val<f32>,
    pub glyph_expansion: Val<f32>,
    pub min_lines_at_break: Val<usize>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub part: HeadingStyle,
    pub section: HeadingStyle,
    pub subsection: HeadingStyle,
    pub point: HeadingStyle,
    pub number_separator: Val<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingStyle {
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    pub align: Val<Align>,
    pub indent_mm: Val<f32>,
    pub numbering: Val<Numbering>,
    pub space_before_pt: Val<f32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Items {
    pub marker: Val<String>,
    pub indent_mm: Val<f32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    pub space_before_pt: Val<f32>,
    pub left_column_mm: Val<f32>,
    pub right_column_mm: Val<f32>,
    pub line_height_pt: Val<f32>,
    pub authority: TextStyle,
    pub title: TextStyle,
    pub name_below_title_mm: Val<f32>,
    pub name: TextStyle,
    pub recipients_label: RecipientsLabel,
    pub recipients: Recipients,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipientsLabel {
    pub text: Val<String>,
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    pub underline: Val<bool>,
    pub underline_thickness_pt: Val<f32>,
    pub underline_below_baseline_pt: Val<f32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipients {
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    pub line_height_pt: Val<f32>,
    pub filing_line: Val<String>,
}

impl FormatProfile {
    /// The built-in profile of Hướng dẫn 36-HD/VPTW.
    pub fn party_2018() -> FormatProfile {
        // templates/party-2018.yaml, converted to JSON by build.rs.
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/party-2018.json")))
            .expect("the built-in format profile is valid")
    }

    pub fn parse(file: &str, text: &str) -> Result<FormatProfile> {
        serde_yaml::from_str(text).map_err(|e| Error::yaml(file, &e))
    }

    /// Text block width in points.
    pub fn measure(&self) -> f32 {
        self.page.width_mm.pt_from_mm()
            - self.margins.left_mm.pt_from_mm()
            - self.margins.right_mm.pt_from_mm()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profile_has_the_party_page() {
        let p = FormatProfile::party_2018();
        assert_eq!(p.page.width_mm.get(), 210.0);
        assert_eq!(p.margins.left_mm.get(), 30.0);
        assert_eq!(p.margins.left_mm.tag, Tag::INF);
        // 165 mm text block (spec §1.2).
        assert!((p.measure() - 165.0 * 72.0 / 25.4).abs() < 0.01);
    }

    #[test]
    fn builtin_profile_is_the_yaml_file() {
        // build.rs converts the YAML to JSON; nothing may change on the way.
        let yaml = FormatProfile::parse(
            "templates/party-2018.yaml",
            include_str!("../templates/party-2018.yaml"),
        )
        .unwrap();
        assert_eq!(FormatProfile::party_2018(), yaml);
    }

    #[test]
    fn unknown_keys_and_missing_tags_are_errors_with_a_location() {
        let text = include_str!("../templates/party-2018.yaml").replace(
            "  top_mm: { value: 20, tag: INF,",
            "  top_mm: { value: 20, tag: SURE,",
        );
        let err = FormatProfile::parse("p.yaml", &text)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("p.yaml:20:29: margins.top_mm.tag: unknown variant `SURE`"),
            "{err}"
        );
        assert!(err.contains("SURE"), "{err}");
    }
}
