//! The profile's schema: every key of a format profile file, with its type.

use serde::{Deserialize, Serialize};

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

/// A letterhead value a header row prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Superior,
    Issuer,
    Number,
    PlaceDate,
}

/// How a header row that is too long for its column wraps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowWrap {
    /// Lines of even length.
    #[default]
    Balanced,
    /// Even lines, broken after `,` or `;` where possible.
    Phrases,
}

/// The kinds of issuing body whose signing rules differ (spec §2.2 (7)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyKind {
    /// A Party committee (`ĐẢNG ỦY …`, `HUYỆN ỦY …`).
    Committee,
    /// Its standing committee (`BAN THƯỜNG VỤ …`).
    Standing,
    /// A Party branch (`CHI BỘ …`).
    ChiBo,
    /// An advisory or support body (`BAN TUYÊN GIÁO …`, `VĂN PHÒNG …`).
    Advisory,
    /// A congress acting as issuer (`ĐẠI HỘI …`).
    Congress,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatProfile {
    pub name: String,
    pub description: String,
    /// Rules reported but not confirmed: a warning says so when used.
    pub provisional: bool,
    /// Where the rules come from, for `baocao formats`.
    pub sources: Vec<String>,
    pub page: Page,
    pub margins: Margins,
    pub page_number: PageNumber,
    pub header: Header,
    pub title_block: TitleBlock,
    pub body: Body,
    pub headings: Headings,
    pub phrases: Phrases,
    pub items: Items,
    pub closing: Closing,
    pub signing: Signing,
    pub draft: Draft,
    pub document: DocumentInfo,
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
    /// Rows of the left column, top to bottom.
    pub left: Vec<HeaderRow>,
    /// Rows of the right column, top to bottom.
    pub right: Vec<HeaderRow>,
    pub number: NumberForm,
    pub place_date: PlaceDateForm,
}

/// One row of a header column: a fixed text or a letterhead field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderRow {
    #[serde(default)]
    pub field: Option<Field>,
    #[serde(default)]
    pub text: Option<Val<String>>,
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    /// A rule under the row, as long as its text.
    #[serde(default)]
    pub rule: Option<Rule>,
    #[serde(default)]
    pub wrap: RowWrap,
    /// Set on the baseline of this field's row in the other column.
    #[serde(default)]
    pub align_with: Option<Val<Field>>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub thickness_pt: Val<f32>,
    pub below_baseline_pt: Val<f32>,
}

/// How the number and symbol are written (`Số 05-BC/ĐU`; a state profile
/// would write `Số: {number}/{symbol}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberForm {
    /// With `{number}` and `{symbol}`.
    pub pattern: Val<String>,
    /// Numbers below 10^(min_digits−1) get leading zeros.
    pub min_digits: Val<usize>,
    /// What stands for a number not yet given.
    pub blank: Val<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceDateForm {
    /// With `{place}` and `{date}` (`ngày 13 tháng 01 năm 2022`).
    pub pattern: Val<String>,
    pub blank_place: Val<String>,
    pub blank_date: Val<String>,
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
    /// The widest a space may grow when nothing else sets a line: after
    /// `space_stretch`, then glyph expansion (`1 + this` × the natural space).
    pub space_stretch_max: Val<f32>,
    /// Extra space between the letters of a word, in em, a line may take
    /// last of all when spaces and glyphs are at their limits.
    pub letter_spacing_max_em: Val<f32>,
    pub min_lines_at_break: Val<usize>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub part: HeadingStyle,
    /// The line above each part title (`Phần thứ nhất`).
    pub part_word: PartWord,
    /// Whether a heading with no sibling of its level (a `1.` with no `2.`
    /// under the same parent) still gets its number.
    pub number_lone: Val<bool>,
    pub section: HeadingStyle,
    pub subsection: HeadingStyle,
    pub point: HeadingStyle,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingStyle {
    /// The markup heading level this style sets (`###` is 3).
    pub markup_level: Val<u8>,
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    pub align: Val<Align>,
    pub indent_mm: Val<f32>,
    pub numbering: Val<Numbering>,
    pub number_suffix: Val<String>,
    pub space_before_pt: Val<f32>,
    /// Where the second and later lines of a left-aligned heading start,
    /// from the left margin (a centred heading centres every line).
    pub continuation_indent_mm: Val<f32>,
}

/// The part word: on its own line above the part title, in the part's
/// style, numbered in words (`Phần thứ nhất`, `Phần thứ hai`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartWord {
    /// With `{n}`, the part's number from `numbers`.
    pub pattern: Val<String>,
    /// The numbers of the first, second … part.
    pub numbers: Val<Vec<String>>,
    /// Space between the part word's line and the part title, beyond the leading.
    pub title_space_pt: Val<f32>,
}

/// Where centred titles, headings and recipients break: after `;`, after
/// a `,` that closes a phrase, before `break_before` words, elsewhere only
/// when a phrase is wider than the line, and never inside a short bracket.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrases {
    /// Words (or word pairs) a line may break before (`và`, `phương hướng`).
    pub break_before: Val<Vec<String>>,
    /// A comma after a listed item of at most this many words does not
    /// close a phrase (`phương hướng, nhiệm vụ`).
    pub list_item_words: Val<usize>,
    /// A bracket of at most this many words stays on one line (`(để báo cáo)`).
    pub bracket_words: Val<usize>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Items {
    pub marker: Val<String>,
    /// The marker of an item inside an item.
    pub nested_marker: Val<String>,
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
    /// A closing taller than a page continues on the next, its signature
    /// block whole: at least this many lines of it go on each side.
    pub min_lines_at_break: Val<usize>,
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
    /// Starts each recipient line, followed by a space.
    pub marker: Val<String>,
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    pub line_height_pt: Val<f32>,
    /// Where a recipient's second and later lines start, from the column's
    /// left edge (under the text after the marker).
    pub hanging_indent_mm: Val<f32>,
}

/// Who signs and how the copy is filed, by kind of issuing body.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signing {
    /// What stands for a signer's title or name nobody gave.
    pub blank: Val<String>,
    /// For an issuer of no listed kind (or none).
    pub default: SigningRule,
    pub bodies: Vec<BodyRule>,
    /// Authorities that draw a warning.
    pub warn: Vec<AuthorityWarning>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigningRule {
    /// The authority line (`T/M ĐẢNG ỦY`); empty to leave it to the clerk.
    pub authority: Val<String>,
    /// The last line of the recipients (`- Lưu Văn phòng Đảng ủy.`).
    pub filing_line: Val<String>,
    /// Type and issuer abbreviation after the number (`BC/ĐU`).
    pub symbol: Val<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyRule {
    pub kind: BodyKind,
    /// Capitalised beginnings of the issuer's name that mean this kind.
    pub issuer_starts: Vec<String>,
    pub authority: Val<String>,
    /// The signer's title where the body has one head (`TRƯỞNG BAN`).
    #[serde(default)]
    pub title: Option<Val<String>>,
    pub filing_line: Val<String>,
    pub symbol: Val<String>,
}

/// An authority form that draws a warning (`K/T` for a committee).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorityWarning {
    pub prefix: String,
    /// The kinds of body it applies to; empty: any issuer.
    pub bodies: Vec<BodyKind>,
    pub rule: WarningRule,
}

/// Why an authority form is wrong: each has its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningRule {
    /// Collective bodies sign T/M; K/T is for advisory bodies.
    CollectiveSignsTm,
    /// The dotted state forms (`TM.`) in a Party document.
    StateForm,
}

/// The draft note (box 11b, `--draft`): a framed line at the top of page 1.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Without a number (`DỰ THẢO`).
    pub text: Val<String>,
    /// With a number, given as `{n}` (`Dự thảo lần {n}`).
    pub numbered_text: Val<String>,
    pub size_pt: Val<f32>,
    pub face: Val<FaceName>,
    pub numbered_face: Val<FaceName>,
    /// The note's baseline below the top edge of the page.
    pub baseline_from_top_mm: Val<f32>,
    /// The right side of the frame (or the text) left of the right margin.
    pub right_inset_mm: Val<f32>,
    pub frame: Val<bool>,
    pub frame_thickness_pt: Val<f32>,
    /// Between the text and the frame, on every side.
    pub frame_padding_mm: Val<f32>,
}

/// What the file says about the report besides the page: its language, its
/// outline, the signature field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentInfo {
    /// The document's language (BCP 47, the PDF's `/Lang`).
    pub language: Val<String>,
    /// The deepest markup heading level that gets a bookmark (`####`: 4).
    pub outline_deepest_level: Val<u8>,
    /// The name of the empty signature field over the signing space.
    pub signature_field: Val<String>,
}
