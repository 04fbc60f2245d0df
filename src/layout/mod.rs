//! Layout: [`Document`] + [`Letter`] → positioned text runs and rules on A4
//! pages, following the format profile.
//!
//! Page 1 opens with the two-column header (issuer left, party title and
//! place-date right), then `BÁO CÁO`, the trích yếu and `-----`. The body
//! follows: paragraphs justified by [`linebreak`], headings numbered per the
//! profile. The closing block (`Nơi nhận:` beside the signature) ends the
//! report. Pagination keeps at least two lines of a paragraph on each side of
//! a break, a heading with two lines of what follows, and the closing block
//! with two lines of body above it. Pages from the profile's first numbered
//! page on carry their number centred in the top margin.
//!
//! Coordinates are in points from the top-left corner of the page; `baseline`
//! is the y of a run's baseline.

pub mod linebreak;
pub mod metrics;

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::error::Warning;
use crate::font::Face;
use crate::format::{Align, FixedText, FormatProfile, HeadingStyle, Numbering, TextStyle};
use crate::markup::{Block, Document, Span};
use crate::vn;
use linebreak::{Item as BreakItem, Mode, Params};

/// What page 1 and the closing block print besides the body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Letter {
    /// Direct superior body (`ĐẢNG BỘ QUẬN LONG BIÊN`); may be empty.
    pub superior: String,
    /// Issuing body (`ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG`); may be empty.
    pub issuer: String,
    /// Number and symbol without the `Số` prefix (`45-BC/ĐU`, or `-BC/ĐU` blank).
    pub number: Option<String>,
    pub symbol: String,
    /// Place and date line (`Phúc Đồng, ngày 13 tháng 01 năm 2022`).
    pub place_date: String,
    /// Signing authority (`T/M ĐẢNG ỦY`), title (`BÍ THƯ`), name.
    pub authority: String,
    pub title: String,
    pub name: String,
    /// Recipient lines without the leading dash.
    pub recipients: Vec<String>,
}

/// Laid-out pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// Printed page number, if the page carries one.
    pub number: Option<u32>,
    pub items: Vec<Item>,
    /// The body-flow lines on this page, top to bottom.
    pub lines: Vec<PlacedLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Rule(Rule),
}

/// Text in one face and size starting at (`x`, `baseline`).
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub baseline: f32,
    pub face: Face,
    pub size: f32,
    /// Horizontal glyph scale (1 = none); justification may use 0.985–1.015.
    pub scale: f32,
    /// The characters drawn, in order.
    pub text: String,
    /// Extra horizontal advances in points (positive: to the right), each
    /// before the character at its byte offset in `text`: the kerning.
    /// Offsets do not decrease.
    pub shifts: Vec<(usize, f32)>,
    /// Extra advance in points after every space (U+0020) of the run: the
    /// widening of a justified line's spaces (the PDF's word spacing).
    pub word_space: f32,
}

impl TextRun {
    /// The text of the run.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Advance of the run in points: glyph advances (scaled), shifts (the
    /// kerning) and word spacing.
    pub fn width(&self) -> f32 {
        let m = self.face.metrics();
        let em = self.size / 1000.0 * self.scale;
        let glyphs: f32 = self
            .text
            .chars()
            .filter_map(|c| m.glyph(c))
            .map(|g| f32::from(g.advance))
            .sum();
        let spaces = self.text.bytes().filter(|b| *b == b' ').count() as f32;
        glyphs * em + self.shifts.iter().map(|(_, dx)| dx).sum::<f32>() + spaces * self.word_space
    }

    /// The run as text pieces and the shifts between them, in order.
    pub fn pieces(&self) -> impl Iterator<Item = Piece<'_>> {
        let mut from = 0;
        let mut shifts = self.shifts.iter().peekable();
        std::iter::from_fn(move || match shifts.peek() {
            Some(&&(at, dx)) if at <= from => {
                shifts.next();
                Some(Piece::Shift(dx))
            }
            Some(&&(at, _)) => {
                let piece = &self.text[from..at];
                from = at;
                Some(Piece::Text(piece))
            }
            None if from < self.text.len() => {
                let piece = &self.text[from..];
                from = self.text.len();
                Some(Piece::Text(piece))
            }
            None => None,
        })
    }
}

/// A part of a [`TextRun`]: text, or an extra advance in points (positive:
/// to the right).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Piece<'a> {
    Text(&'a str),
    Shift(f32),
}

/// A horizontal rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub thickness: f32,
}

/// Lays out a report.
pub fn layout(doc: &Document, letter: &Letter, profile: &FormatProfile) -> Layout {
    let mut l = Layouter::new(profile);
    let header_bottom = l.header(letter);
    let body_start = l.title_block(&doc.summary, header_bottom);
    let mut vitems = l.body(doc);
    vitems.push(l.closing(letter));
    let pages = l.paginate(vitems, body_start);
    l.check_coverage(&pages);
    Layout {
        pages,
        warnings: l.warnings,
    }
}

struct Layouter<'a> {
    p: &'a FormatProfile,
    kerning: bool,
    left: f32,
    measure: f32,
    page_width: f32,
    page_height: f32,
    top: f32,
    bottom: f32,
    /// Page-1 items (header and title block).
    first_page: Vec<Item>,
    warnings: Vec<Warning>,
}

/// A line or block on the vertical list, positioned relative to its own baseline.
#[derive(Debug, Clone)]
struct VItem {
    items: Vec<Item>,
    /// Baseline-to-baseline distance from the previous item.
    advance: f32,
    /// Extra space above, dropped at the top of a page.
    space_before: f32,
    ascent: f32,
    descent: f32,
    kind: LineRole,
}

/// What a line of the body flow is, for pagination and for the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// Line `index` of the `len` lines of body block `block`.
    Body {
        block: usize,
        index: usize,
        len: usize,
    },
    /// A line of heading block `block`.
    Heading { block: usize },
    /// The closing block (Nơi nhận and signature), kept whole.
    Closing,
}

/// A line of the body flow as placed on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedLine {
    pub baseline: f32,
    pub role: LineRole,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    face: Face,
    size: f32,
}

impl Style {
    fn of(s: &TextStyle) -> Style {
        Style {
            face: s.face.get().into(),
            size: s.size_pt.get(),
        }
    }
    fn fixed(s: &FixedText) -> Style {
        Style {
            face: s.face.get().into(),
            size: s.size_pt.get(),
        }
    }
    fn ascent(&self) -> f32 {
        self.face.metrics().ascent * self.size / 1000.0
    }
    fn descent(&self) -> f32 {
        -self.face.metrics().descent * self.size / 1000.0
    }
}

/// How plain text wraps.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Wrap {
    /// Lines of even length (centred header lines, headings).
    Balanced,
    /// Even lines, broken after `,` or `;` where possible (the trích yếu).
    BalancedAtPhrases,
    /// Each line as full as it goes (lists).
    Fill,
}

/// A word of a paragraph: fragments that may differ in face, no spaces inside.
#[derive(Debug, Clone)]
struct Token<'s> {
    /// Slices of the paragraph's span texts.
    frags: Frags<'s>,
    width: f32,
    /// Face and natural width of the space after the token; width 0 when
    /// the token continues without a space (a split overlong word).
    space_face: Face,
    space: f32,
}

/// The fragments of a token; almost always one, so that one is kept inline.
#[derive(Debug, Clone)]
enum Frags<'s> {
    One((&'s str, Face)),
    Many(Vec<(&'s str, Face)>),
}

impl<'s> Frags<'s> {
    fn new() -> Frags<'s> {
        Frags::Many(Vec::new())
    }

    fn push(&mut self, frag: (&'s str, Face)) {
        match self {
            Frags::Many(v) if v.is_empty() => *self = Frags::One(frag),
            Frags::Many(v) => v.push(frag),
            Frags::One(first) => *self = Frags::Many(vec![*first, frag]),
        }
    }

    fn as_slice(&self) -> &[(&'s str, Face)] {
        match self {
            Frags::One(frag) => std::slice::from_ref(frag),
            Frags::Many(v) => v,
        }
    }
}

impl Token<'_> {
    fn text(&self) -> Cow<'_, str> {
        match self.frags.as_slice() {
            [(t, _)] => Cow::Borrowed(t),
            frags => Cow::Owned(frags.iter().map(|(t, _)| *t).collect()),
        }
    }
}

impl<'a> Layouter<'a> {
    fn new(p: &'a FormatProfile) -> Layouter<'a> {
        Layouter {
            p,
            kerning: p.body.kerning.get(),
            left: p.margins.left_mm.pt_from_mm(),
            measure: p.measure(),
            page_width: p.page.width_mm.pt_from_mm(),
            page_height: p.page.height_mm.pt_from_mm(),
            top: p.margins.top_mm.pt_from_mm(),
            bottom: p.page.height_mm.pt_from_mm() - p.margins.bottom_mm.pt_from_mm(),
            first_page: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn width(&self, text: &str, style: Style) -> f32 {
        let m = style.face.metrics();
        if self.kerning {
            m.width(text, style.size)
        } else {
            text.chars()
                .filter_map(|c| m.glyph(c))
                .map(|g| f32::from(g.advance))
                .sum::<f32>()
                * style.size
                / 1000.0
        }
    }

    /// A run of `text` at `x` with kerning shifts, baseline 0.
    fn run(&self, x: f32, text: &str, style: Style) -> TextRun {
        let mut run = TextRun {
            x,
            baseline: 0.0,
            face: style.face,
            size: style.size,
            scale: 1.0,
            text: String::new(),
            shifts: Vec::new(),
            word_space: 0.0,
        };
        push_text(&mut run, text, self.kerning);
        run
    }

    /// Lines of `text` wrapped to `width`, balanced, each centred in the column
    /// starting at `x0`; baselines 0, `leading`, 2·`leading`…
    fn centred(
        &self,
        text: &str,
        style: Style,
        x0: f32,
        width: f32,
        leading: f32,
        wrap: Wrap,
    ) -> Vec<TextRun> {
        let lines = self.wrap_plain(text, style, width, width, wrap);
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let w = self.width(line, style);
                let mut r = self.run(x0 + (width - w) / 2.0, line, style);
                r.baseline = i as f32 * leading;
                r
            })
            .collect()
    }

    /// Breaks plain text into ragged lines: the first no wider than
    /// `first_width`, the others than `width`.
    fn wrap_plain(
        &self,
        text: &str,
        style: Style,
        first_width: f32,
        width: f32,
        wrap: Wrap,
    ) -> Vec<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() {
            return vec![String::new()];
        }
        if self.width(text, style) <= first_width {
            // Fits: keep the text as given (a blank number keeps its spaces).
            return vec![text.to_string()];
        }
        let space = self.width(" ", style);
        let items: Vec<BreakItem> = words
            .iter()
            .enumerate()
            .map(|(i, w)| BreakItem {
                width: self.width(w, style),
                space,
                breakable: i + 1 < words.len()
                    && break_allowed(w, words[i + 1], words.get(i + 2).copied()),
                penalty: if wrap == Wrap::BalancedAtPhrases && !w.ends_with([',', ';']) {
                    100_000.0
                } else {
                    0.0
                },
            })
            .collect();
        let params = Params {
            first_width,
            width,
            stretch: 0.0,
            shrink: 0.0,
            expand: 0.0,
            mode: Mode::Ragged,
        };
        let lines = match wrap {
            Wrap::Fill => linebreak::fill(&items, &params),
            _ => linebreak::break_lines(&items, &params).lines,
        };
        lines
            .iter()
            .map(|l| words[l.start..l.end].join(" "))
            .collect()
    }

    /// Page-1 header; returns the baseline of its lowest line.
    fn header(&mut self, letter: &Letter) -> f32 {
        let h = &self.p.header;
        let leading = h.line_height_pt.get();
        let left_w = h.left_column_mm.pt_from_mm();
        let right_w = h.right_column_mm.pt_from_mm();
        let right_x = self.left + left_w;
        let title = Style::fixed(&h.party_title);
        let superior = Style::of(&h.superior);
        let first = self.top + title.ascent().max(superior.ascent());

        // Left column: superior, issuer, `*`, number, each centred.
        let mut y = first;
        let mut items = Vec::new();
        let place = |runs: Vec<TextRun>, y: &mut f32, items: &mut Vec<Item>| {
            let n = runs.len().max(1);
            for mut r in runs {
                r.baseline += *y;
                items.push(Item::Text(r));
            }
            *y += n as f32 * leading;
        };
        let number_text = format!(
            "{} {}-{}",
            h.number.prefix.value,
            letter
                .number
                .clone()
                .unwrap_or_else(|| h.number.blank.value.clone()),
            letter.symbol
        );
        let rows: [(&str, Style); 4] = [
            (&letter.superior, superior),
            (&letter.issuer, Style::of(&h.issuer)),
            (&h.star.text.value, Style::fixed(&h.star)),
            (&number_text, Style::of(&h.number.as_style())),
        ];
        let mut number_baseline = y;
        for (i, (text, style)) in rows.iter().enumerate() {
            if i == 3 {
                number_baseline = y;
            }
            let runs = self.centred(text, *style, self.left, left_w, leading, Wrap::Balanced);
            place(runs, &mut y, &mut items);
        }
        let left_last = y - leading;

        // Right column: party title with its rule, then the place-date line.
        let title_w = self.width(&h.party_title.text.value, title);
        let tx = right_x + (right_w - title_w) / 2.0;
        let mut r = self.run(tx, &h.party_title.text.value, title);
        r.baseline = first;
        items.push(Item::Text(r));
        items.push(Item::Rule(Rule {
            x0: tx,
            x1: tx + title_w,
            y: first + h.party_rule.below_baseline_pt.get(),
            thickness: h.party_rule.thickness_pt.get(),
        }));
        let date_style = Style::of(&h.place_date.as_style());
        let date_y = if h.place_date.align_with_number.get() {
            number_baseline
        } else {
            first + 2.0 * leading
        };
        let mut date_lines = self.centred(
            &letter.place_date,
            date_style,
            right_x,
            right_w,
            leading,
            Wrap::BalancedAtPhrases,
        );
        for r in &mut date_lines {
            r.baseline += date_y;
        }
        let right_last = date_lines.last().map_or(date_y, |r| r.baseline);
        items.extend(date_lines.into_iter().map(Item::Text));
        self.first_page.extend(items);
        left_last.max(right_last)
    }

    /// `BÁO CÁO`, the trích yếu and `-----`; returns the baseline from which
    /// the body continues.
    fn title_block(&mut self, summary: &str, header_bottom: f32) -> f32 {
        let p = self.p;
        let t = &p.title_block;
        let leading = t.line_height_pt.get();
        let mut y = header_bottom + leading + t.space_before_pt.get();
        self.centred_on_first_page(
            &t.type_name.text.value,
            Style::fixed(&t.type_name),
            y,
            leading,
        );
        let summary_style = Style {
            face: t.summary.face.get().into(),
            size: t.summary.size_pt.get(),
        };
        let max_w = t.summary.max_width_mm.pt_from_mm().min(self.measure);
        let x0 = self.left + (self.measure - max_w) / 2.0;
        let lines = self.centred(
            summary,
            summary_style,
            x0,
            max_w,
            leading,
            Wrap::BalancedAtPhrases,
        );
        let n = lines.len() as f32;
        for mut r in lines {
            r.baseline += y + leading;
            self.first_page.push(Item::Text(r));
        }
        y += (n + 1.0) * leading;
        self.centred_on_first_page(
            &t.separator.text.value,
            Style::fixed(&t.separator),
            y,
            leading,
        );
        y + t.space_after_pt.get()
    }

    /// `text` centred on the measure of page 1, its first baseline at `y`.
    fn centred_on_first_page(&mut self, text: &str, style: Style, y: f32, leading: f32) {
        let lines = self.centred(
            text,
            style,
            self.left,
            self.measure,
            leading,
            Wrap::Balanced,
        );
        for mut r in lines {
            r.baseline += y;
            self.first_page.push(Item::Text(r));
        }
    }

    /// The body blocks as a vertical list of lines.
    fn body(&mut self, doc: &Document) -> Vec<VItem> {
        let b = &self.p.body;
        let size = b.size_pt.get();
        let leading = b.line_height_pt.get();
        let indent = b.first_line_indent_mm.pt_from_mm();
        let mut counters = [0u32; 6];
        let mut out = Vec::new();
        for (block_no, block) in doc.blocks.iter().enumerate() {
            match block {
                Block::Heading { level, spans } => {
                    let style = self.heading_style(*level);
                    let level = usize::from(*level).min(5);
                    counters[level] += 1;
                    for c in &mut counters[level + 1..] {
                        *c = 0;
                    }
                    let number = self.heading_number(style.numbering.get(), counters[level], spans);
                    let mut spans = spans.clone();
                    if let Some(n) = number {
                        spans.insert(
                            0,
                            Span {
                                text: format!("{n} "),
                                bold: false,
                                italic: false,
                            },
                        );
                    }
                    // Heading text takes the heading face; emphasis inside is kept.
                    let face: Face = style.face.get().into();
                    let spans: Vec<Span> = spans
                        .into_iter()
                        .map(|s| Span {
                            bold: s.bold || matches!(face, Face::Bold | Face::BoldItalic),
                            italic: s.italic || matches!(face, Face::Italic | Face::BoldItalic),
                            ..s
                        })
                        .collect();
                    let size = style.size_pt.get();
                    let indent = style.indent_mm.pt_from_mm();
                    let lines = self.set_paragraph(
                        &spans,
                        size,
                        indent,
                        Mode::Ragged,
                        style.align.get(),
                        block_no,
                    );
                    out.extend(stacked(
                        lines,
                        leading,
                        style.space_before_pt.get(),
                        Style { face, size },
                        |_, _| LineRole::Heading { block: block_no },
                    ));
                }
                Block::Paragraph { spans } | Block::Item { spans, .. } => {
                    let (spans, indent) = match block {
                        Block::Item { depth, .. } => {
                            let marker = if *depth > 1 {
                                "+"
                            } else {
                                self.p.items.marker.value.as_str()
                            };
                            let mut s = vec![Span {
                                text: format!("{marker} "),
                                bold: false,
                                italic: false,
                            }];
                            s.extend(spans.iter().cloned());
                            (Cow::Owned(s), self.p.items.indent_mm.pt_from_mm())
                        }
                        _ => (Cow::Borrowed(spans.as_slice()), indent),
                    };
                    let lines = self.set_paragraph(
                        &spans,
                        size,
                        indent,
                        Mode::Justify,
                        Align::Left,
                        block_no,
                    );
                    let style = Style {
                        face: Face::Regular,
                        size,
                    };
                    out.extend(stacked(
                        lines,
                        leading,
                        b.paragraph_space_pt.get(),
                        style,
                        |index, len| LineRole::Body {
                            block: block_no,
                            index,
                            len,
                        },
                    ));
                }
            }
        }
        out
    }

    fn heading_style(&self, level: u8) -> &'a HeadingStyle {
        let h = &self.p.headings;
        match level {
            0..=2 => &h.part,
            3 => &h.section,
            4 => &h.subsection,
            _ => &h.point,
        }
    }

    /// The number for the `n`th heading of a level, unless the heading text
    /// already starts with one.
    fn heading_number(&self, numbering: Numbering, n: u32, spans: &[Span]) -> Option<String> {
        let text = crate::markup::plain(spans);
        if starts_with_number(&text) {
            return None;
        }
        let sep = &self.p.headings.number_separator.value;
        match numbering {
            Numbering::None => None,
            Numbering::Roman => Some(format!("{}{sep}", vn::roman(n))),
            Numbering::Arabic => Some(format!("{n}.")),
            Numbering::Letter => {
                let letter = vn::POINT_LETTERS
                    .get(n as usize - 1)
                    .map_or_else(|| n.to_string(), |l| l.to_string());
                Some(format!("{letter})"))
            }
        }
    }

    /// Sets a paragraph into lines of positioned runs (baseline 0).
    fn set_paragraph(
        &mut self,
        spans: &[Span],
        size: f32,
        indent: f32,
        mode: Mode,
        align: Align,
        block_no: usize,
    ) -> Vec<Vec<Item>> {
        let first_width = self.measure - indent;
        let mut tokens = self.tokens(spans, size);
        self.split_overlong(&mut tokens, first_width.min(self.measure), size, block_no);
        if tokens.is_empty() {
            return Vec::new();
        }
        let texts: Vec<Cow<str>> = tokens.iter().map(Token::text).collect();
        let items: Vec<BreakItem> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| BreakItem {
                width: t.width,
                space: t.space,
                breakable: i + 1 == tokens.len()
                    || t.space == 0.0
                    || break_allowed(
                        &texts[i],
                        &texts[i + 1],
                        texts.get(i + 2).map(|t| t.as_ref()),
                    ),
                penalty: 0.0,
            })
            .collect();
        let body = &self.p.body;
        let params = Params {
            first_width,
            width: self.measure,
            stretch: body.space_stretch.get(),
            shrink: body.space_shrink.get(),
            expand: body.glyph_expansion.get(),
            mode,
        };
        let breaks = linebreak::break_lines(&items, &params);
        if breaks.loose {
            let start: String = tokens
                .iter()
                .take(6)
                .map(|t| t.text())
                .collect::<Vec<_>>()
                .join(" ");
            self.warnings.push(Warning::new(format!(
                "a line in the paragraph starting “{start}…” could not be justified within the spacing limits and is looser"
            )));
        }
        let n = breaks.lines.len();
        breaks
            .lines
            .iter()
            .enumerate()
            .map(|(li, line)| {
                let target = if li == 0 { first_width } else { self.measure };
                let last = li + 1 == n;
                let natural: f32 = (line.start..line.end)
                    .map(|i| {
                        tokens[i].width
                            + if i + 1 < line.end {
                                tokens[i].space
                            } else {
                                0.0
                            }
                    })
                    .sum();
                let x0 = match align {
                    Align::Left => self.left + if li == 0 { indent } else { 0.0 },
                    Align::Center => self.left + (self.measure - natural) / 2.0,
                };
                // Justified lines fill the measure; a last line only when it had
                // to shrink to fit.
                let fill = mode == Mode::Justify && (!last || line.ratio < 0.0);
                let (scale, factor) = if fill {
                    let spaces: f32 = (line.start..line.end - 1).map(|i| tokens[i].space).sum();
                    justify(
                        natural - spaces,
                        spaces,
                        target - 0.01,
                        &params,
                        breaks.expansion,
                    )
                } else {
                    (1.0, 0.0)
                };
                self.emit_line(&tokens[line.start..line.end], x0, size, scale, factor)
            })
            .collect()
    }

    /// Turns spans into tokens split at spaces.
    fn tokens<'s>(&self, spans: &'s [Span], size: f32) -> Vec<Token<'s>> {
        let mut tokens: Vec<Token> = Vec::new();
        let mut current: Option<Token> = None;
        for span in spans {
            let face = Face::new(span.bold, span.italic);
            for (i, piece) in span.text.split(' ').enumerate() {
                if i > 0 {
                    // A space: close the current token.
                    if let Some(mut t) = current.take() {
                        t.space_face = face;
                        t.space = self.width(" ", Style { face, size });
                        tokens.push(t);
                    }
                }
                if piece.is_empty() {
                    continue;
                }
                let w = self.width(piece, Style { face, size });
                let t = current.get_or_insert_with(|| Token {
                    frags: Frags::new(),
                    width: 0.0,
                    space_face: face,
                    space: 0.0,
                });
                t.frags.push((piece, face));
                t.width += w;
            }
        }
        if let Some(t) = current {
            tokens.push(t);
        }
        if let Some(last) = tokens.last_mut() {
            last.space = 0.0;
        }
        tokens
    }

    /// Splits tokens wider than `max` into pieces that fit (with a warning),
    /// so no line ever passes the margin.
    fn split_overlong(&mut self, tokens: &mut Vec<Token>, max: f32, size: f32, block_no: usize) {
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].width <= max {
                i += 1;
                continue;
            }
            let t = tokens.remove(i);
            self.warnings.push(Warning::new(format!(
                "“{}” (block {}) is wider than a line and was broken across lines",
                t.text(),
                block_no + 1
            )));
            let mut pieces: Vec<Token> = Vec::new();
            let empty = || Token {
                frags: Frags::new(),
                width: 0.0,
                space_face: t.space_face,
                space: 0.0,
            };
            let mut cur = empty();
            for &(text, face) in t.frags.as_slice() {
                // `text[start..]` is the part of this fragment not yet placed.
                let mut start = 0;
                for (at, c) in text.char_indices() {
                    let w = self.width(&text[at..at + c.len_utf8()], Style { face, size });
                    if cur.width + w > max && (!cur.frags.as_slice().is_empty() || at > start) {
                        if at > start {
                            cur.frags.push((&text[start..at], face));
                        }
                        start = at;
                        pieces.push(std::mem::replace(&mut cur, empty()));
                    }
                    cur.width += w;
                }
                if start < text.len() {
                    cur.frags.push((&text[start..], face));
                }
            }
            cur.space = t.space;
            pieces.push(cur);
            let n = pieces.len();
            tokens.splice(i..i, pieces);
            i += n;
        }
    }

    /// Emits one line of tokens from `x0` with glyphs scaled by `scale` and
    /// each space set to `1 + factor` times its natural width.
    fn emit_line(
        &self,
        tokens: &[Token],
        x0: f32,
        size: f32,
        scale: f32,
        factor: f32,
    ) -> Vec<Item> {
        let mut runs: Vec<TextRun> = Vec::new();
        let mut x = x0;
        let em = size / 1000.0 * scale;
        // The run that text of `face` starting at `x` goes into.
        fn run_for(
            runs: &mut Vec<TextRun>,
            x: f32,
            face: Face,
            size: f32,
            scale: f32,
        ) -> &mut TextRun {
            if runs.last().is_none_or(|r| r.face != face) {
                runs.push(TextRun {
                    x,
                    baseline: 0.0,
                    face,
                    size,
                    scale,
                    text: String::new(),
                    shifts: Vec::new(),
                    word_space: 0.0,
                });
            }
            runs.last_mut().expect("just pushed")
        }
        for (i, t) in tokens.iter().enumerate() {
            for &(text, face) in t.frags.as_slice() {
                let run = run_for(&mut runs, x, face, size, scale);
                let m = face.metrics();
                // Advances and kerning in one pass.
                let mut prev = None;
                for (at, c) in text.char_indices() {
                    let Some(g) = m.glyph(c) else {
                        prev = None;
                        continue;
                    };
                    if let (true, Some(p)) = (self.kerning, prev) {
                        let k = m.kern(p, g.id);
                        if k != 0.0 {
                            run.shifts.push((run.text.len() + at, k * em));
                            x += k * em;
                        }
                    }
                    x += f32::from(g.advance) * em;
                    prev = Some(g.id);
                }
                run.text.push_str(text);
            }
            if i + 1 < tokens.len() && t.space > 0.0 {
                let run = run_for(&mut runs, x, t.space_face, size, scale);
                run.text.push(' ');
                // The space glyph scales with the line; word spacing tops it
                // up. Every space of a run is in one face and size, so the
                // same amount serves them all.
                run.word_space = t.space * (1.0 + factor) - t.space * scale;
                x += t.space * (1.0 + factor);
            }
        }
        runs.into_iter().map(Item::Text).collect()
    }

    /// `Nơi nhận:` and the recipients beside the signature block, as one unit.
    fn closing(&mut self, letter: &Letter) -> VItem {
        let c = &self.p.closing;
        let leading = c.line_height_pt.get();
        let left_w = c.left_column_mm.pt_from_mm();
        let right_w = c.right_column_mm.pt_from_mm();
        let right_x = self.left + left_w;
        let mut items = Vec::new();

        // Left: the label, flush left and underlined, then the list.
        let l = &c.recipients_label;
        let label = Style::fixed_label(l);
        let label_run = self.run(self.left, &l.text.value, label);
        let label_w = self.width(&l.text.value, label);
        items.push(Item::Text(label_run));
        if l.underline.get() {
            items.push(Item::Rule(Rule {
                x0: self.left,
                x1: self.left + label_w,
                y: l.underline_below_baseline_pt.get(),
                thickness: l.underline_thickness_pt.get(),
            }));
        }
        let list = Style {
            face: c.recipients.face.get().into(),
            size: c.recipients.size_pt.get(),
        };
        let list_leading = c.recipients.line_height_pt.get();
        let dash = "- ";
        let hang = self.width(dash, list);
        let mut list_y = leading - list_leading;
        let mut lines: Vec<String> = letter
            .recipients
            .iter()
            .map(|r| format!("{dash}{r}"))
            .collect();
        lines.push(c.recipients.filing_line.value.clone());
        for line in lines {
            let wrapped = self.wrap_plain(&line, list, left_w, left_w - hang, Wrap::Fill);
            for (i, w) in wrapped.iter().enumerate() {
                list_y += list_leading;
                let x = if i == 0 { self.left } else { self.left + hang };
                let mut r = self.run(x, w, list);
                r.baseline = list_y;
                items.push(Item::Text(r));
            }
        }
        let left_bottom = list_y + list.descent();

        // Right: authority, title, space for signature and seal, name.
        let authority = Style::of(&c.authority);
        let name = Style::of(&c.name);
        // Each part with the gap above it.
        let parts = [
            (&letter.authority, authority, 0.0),
            (&letter.title, Style::of(&c.title), leading),
            (&letter.name, name, c.name_below_title_mm.pt_from_mm()),
        ];
        let mut y = 0.0;
        for (text, style, gap) in parts {
            y += gap;
            for mut r in self.centred(text, style, right_x, right_w, leading, Wrap::Balanced) {
                r.baseline += y;
                y = r.baseline;
                items.push(Item::Text(r));
            }
        }
        let right_bottom = y + name.descent();

        VItem {
            items,
            advance: self.p.body.line_height_pt.get(),
            space_before: c.space_before_pt.get(),
            ascent: authority.ascent().max(label.ascent()),
            descent: right_bottom.max(left_bottom),
            kind: LineRole::Closing,
        }
    }

    /// Distributes the vertical list over pages.
    fn paginate(&mut self, mut vitems: Vec<VItem>, body_start: f32) -> Vec<Page> {
        let min_lines = self.p.body.min_lines_at_break.get().max(1);
        let closing_at = vitems.iter().position(|v| v.kind == LineRole::Closing);
        let n = vitems.len();
        // Baselines of items on the current page.
        let mut pages: Vec<(usize, usize, Vec<f32>)> = Vec::new();
        let mut start = 0;
        let mut first_page = true;
        while start < n {
            let mut baselines: Vec<f32> = Vec::new();
            let mut end = start;
            let mut prev: Option<f32> = if first_page { Some(body_start) } else { None };
            let mut first_on_page = true;
            while end < n {
                let v = &vitems[end];
                let y = match prev {
                    Some(p) if !first_on_page => p + v.advance + v.space_before,
                    Some(p) => p + v.advance,
                    None => self.top + v.ascent,
                };
                if y + v.descent > self.bottom + 0.01 && end > start {
                    break;
                }
                baselines.push(y);
                prev = Some(y);
                first_on_page = false;
                end += 1;
            }
            if end < n {
                // The page is full before item `end`: move the break back to
                // the last place the rules allow.
                let allowed = (start + 1..=end)
                    .rev()
                    .find(|&j| break_ok(&vitems, j, closing_at, min_lines));
                let j = match allowed {
                    Some(j) => j,
                    None => {
                        self.warnings.push(Warning::new(format!(
                            "page {}: no break satisfies the widow, orphan and keep rules; breaking anyway",
                            pages.len() + 1
                        )));
                        end
                    }
                };
                baselines.truncate(j - start);
                end = j;
            }
            pages.push((start, end, baselines));
            start = end;
            first_page = false;
        }

        let numbered_from = self.p.page_number.first_numbered_page.get();
        let mut out = Vec::new();
        for (no, (s, e, baselines)) in pages.into_iter().enumerate() {
            let page_no = no as u32 + 1;
            let mut items = if no == 0 {
                std::mem::take(&mut self.first_page)
            } else {
                Vec::new()
            };
            let mut lines = Vec::new();
            for (v, y) in vitems[s..e].iter_mut().zip(baselines) {
                lines.push(PlacedLine {
                    baseline: y,
                    role: v.kind,
                });
                for mut it in v.items.drain(..) {
                    match &mut it {
                        Item::Text(r) => r.baseline += y,
                        Item::Rule(rule) => rule.y += y,
                    }
                    items.push(it);
                }
            }
            let number = (page_no >= numbered_from).then_some(page_no);
            if let Some(num) = number {
                items.push(Item::Text(self.page_number(num)));
            }
            out.push(Page {
                width: self.page_width,
                height: self.page_height,
                number,
                items,
                lines,
            });
        }
        if out.is_empty() {
            let items = std::mem::take(&mut self.first_page);
            out.push(Page {
                width: self.page_width,
                height: self.page_height,
                number: None,
                items,
                lines: Vec::new(),
            });
        }
        out
    }

    fn page_number(&self, n: u32) -> TextRun {
        let pn = &self.p.page_number;
        let style = Style {
            face: pn.face.get().into(),
            size: pn.size_pt.get(),
        };
        let text = n.to_string();
        let w = self.width(&text, style);
        let (x0, width) = if pn.centre_on_text_block.get() {
            (self.left, self.measure)
        } else {
            (0.0, self.page_width)
        };
        let mut r = self.run(x0 + (width - w) / 2.0, &text, style);
        r.baseline = pn.baseline_from_top_mm.pt_from_mm();
        r
    }

    /// Warns about characters the fonts cannot draw.
    fn check_coverage(&mut self, pages: &[Page]) {
        let mut missing: BTreeSet<char> = BTreeSet::new();
        for page in pages {
            for item in &page.items {
                if let Item::Text(r) = item {
                    let m = r.face.metrics();
                    missing.extend(r.text().chars().filter(|c| !m.covers(*c)));
                }
            }
        }
        if !missing.is_empty() {
            let list: Vec<String> = missing
                .iter()
                .map(|c| format!("“{c}” (U+{:04X})", *c as u32))
                .collect();
            self.warnings.push(Warning::new(format!(
                "the font has no glyph for {}; these characters will not print",
                list.join(", ")
            )));
        }
    }
}

impl Style {
    fn fixed_label(l: &crate::format::RecipientsLabel) -> Style {
        Style {
            face: l.face.get().into(),
            size: l.size_pt.get(),
        }
    }
}

impl crate::format::NumberStyle {
    fn as_style(&self) -> TextStyle {
        TextStyle {
            size_pt: self.size_pt.clone(),
            face: self.face.clone(),
        }
    }
}

impl crate::format::PlaceDate {
    fn as_style(&self) -> TextStyle {
        TextStyle {
            size_pt: self.size_pt.clone(),
            face: self.face.clone(),
        }
    }
}

/// How to fill `target` with a line of `glyphs` and `spaces` (natural widths):
/// the glyph scale and the factor by which each space widens (negative:
/// narrows). Spaces take all they may first; glyph expansion, when the line
/// breaker needed it, covers only the rest.
fn justify(glyphs: f32, spaces: f32, target: f32, p: &Params, expansion: f32) -> (f32, f32) {
    if spaces <= 0.0 {
        return (1.0, 0.0);
    }
    let needed = target - glyphs - spaces;
    let factor = needed / spaces;
    if expansion == 0.0 || (-p.shrink..=p.stretch).contains(&factor) || glyphs <= 0.0 {
        return (1.0, factor);
    }
    let limit = factor.clamp(-p.shrink, p.stretch);
    let scale = (target - spaces * (1.0 + limit)) / glyphs;
    (scale, limit)
}

/// Appends `text` to a run, with kerning shifts between glyph pairs.
fn push_text(run: &mut TextRun, text: &str, kerning: bool) {
    let base = run.text.len();
    run.text.push_str(text);
    if !kerning {
        return;
    }
    let m = run.face.metrics();
    for (at, k) in m.kerning(text) {
        run.shifts
            .push((base + at, k * run.size / 1000.0 * run.scale));
    }
}

/// The vertical items of a block's lines, each `leading` apart, the first
/// `space_before` below what precedes; `role` gets the line's index and the
/// block's line count.
fn stacked(
    lines: Vec<Vec<Item>>,
    leading: f32,
    space_before: f32,
    style: Style,
    role: impl Fn(usize, usize) -> LineRole,
) -> impl Iterator<Item = VItem> {
    let len = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(move |(index, items)| VItem {
            items,
            advance: leading,
            space_before: if index == 0 { space_before } else { 0.0 },
            ascent: style.ascent(),
            descent: style.descent(),
            kind: role(index, len),
        })
}

/// Whether a page may start at vertical item `j`.
fn break_ok(v: &[VItem], j: usize, closing_at: Option<usize>, min_lines: usize) -> bool {
    if j == 0 || j >= v.len() {
        return j == v.len();
    }
    // The closing block keeps two lines of body above it on its page.
    if let Some(c) = closing_at {
        if j + min_lines > c && j <= c {
            return false;
        }
    }
    // Widows and orphans.
    if let LineRole::Body { index, len, .. } = v[j].kind {
        if index > 0 && (index < min_lines || len - index < min_lines) {
            return false;
        }
    }
    // A heading stays with its own lines and with two lines of what follows.
    if let LineRole::Heading { block } = v[j].kind {
        if matches!(v[j - 1].kind, LineRole::Heading { block: b } if b == block) {
            return false;
        }
    }
    let mut following = 0;
    for k in (0..j).rev() {
        match v[k].kind {
            LineRole::Heading { .. } => return following >= min_lines,
            _ => {
                following += 1;
                if following >= min_lines {
                    return true;
                }
            }
        }
    }
    true
}

/// Whether a heading text starts with its own number (`I.`, `1.`, `a)`, `Phần`).
fn starts_with_number(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let core = first.trim_end_matches(['.', ')', '-', ':']);
    if core.len() == first.len() || core.is_empty() {
        return false;
    }
    core.chars().all(|c| c.is_ascii_digit() || c == '.')
        || vn::parse_roman(core).is_some()
        || (core.chars().count() == 1 && first.ends_with(')'))
}

/// Closing punctuation that must not start a line.
fn is_closing(c: char) -> bool {
    ",.;:!?)]}”’»%…".contains(c)
}

/// Units that stay on the line of their number.
const UNITS: &[&str] = &[
    "%", "‰", "ha", "m", "m2", "m²", "m3", "m³", "km", "km2", "km²", "kg", "g", "tấn", "tạ", "tỷ",
    "triệu", "nghìn", "ngàn", "đồng", "đ", "USD", "VNĐ", "VND", "lít", "cm", "mm", "giờ", "phút",
];

fn is_number(token: &str) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    !core.is_empty()
        && core.chars().any(|c| c.is_ascii_digit())
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || ".,/".contains(c))
}

fn is_dash(token: &str) -> bool {
    matches!(token, "-" | "–" | "—")
}

/// Whether a line may break between `word` and `next` (`after` follows `next`).
pub(crate) fn break_allowed(word: &str, next: &str, after: Option<&str>) -> bool {
    // Never start a line with closing punctuation.
    if next.chars().next().is_some_and(is_closing) {
        return false;
    }
    // Never end a line with an opening bracket or quote, or a lone dash.
    if word.chars().all(|c| "([{“‘«\"'".contains(c)) || is_dash(word) {
        return false;
    }
    // A number keeps its unit, and a spaced range keeps its ends ("2020 - 2025").
    if is_number(word) {
        let unit = next.trim_end_matches(|c: char| ",.;:)".contains(c));
        if UNITS.contains(&unit) {
            return false;
        }
        if is_dash(next) && after.is_some_and(is_number) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_splits_into_text_and_shifts_in_order() {
        let run = TextRun {
            x: 0.0,
            baseline: 0.0,
            face: Face::Regular,
            size: 14.0,
            scale: 1.0,
            text: "AVa bạn".into(),
            shifts: vec![(0, 0.5), (1, -0.9), (5, 2.0), (5, 0.1)],
            word_space: 0.25,
        };
        let pieces: Vec<Piece> = run.pieces().collect();
        assert_eq!(
            pieces,
            [
                Piece::Shift(0.5),
                Piece::Text("A"),
                Piece::Shift(-0.9),
                Piece::Text("Va b"),
                Piece::Shift(2.0),
                Piece::Shift(0.1),
                Piece::Text("ạn"),
            ]
        );
        let plain = TextRun {
            shifts: Vec::new(),
            word_space: 0.0,
            ..run.clone()
        };
        let glyphs = plain.width();
        // Shifts 1.7 and one space widened by 0.25.
        assert!((run.width() - glyphs - 1.95).abs() < 1e-4);
    }

    #[test]
    fn break_rules_protect_codes_units_and_punctuation() {
        assert!(!break_allowed("114,3", "%", None));
        assert!(!break_allowed("4,2", "tỷ", Some("đồng")));
        assert!(!break_allowed("2020", "-", Some("2025")));
        assert!(!break_allowed("-", "2025", None));
        assert!(!break_allowed("an", ",Quân", None));
        assert!(!break_allowed("“", "Sóng", None));
        assert!(break_allowed("chương", "trình", None));
        assert!(break_allowed("năm", "2021", None));
        assert!(break_allowed("tế", "-", Some("xã")));
    }

    #[test]
    fn heading_numbers_are_detected() {
        assert!(starts_with_number("I. KẾT QUẢ"));
        assert!(starts_with_number("1. Công tác"));
        assert!(starts_with_number("a) Công tác"));
        assert!(starts_with_number("II- ĐÁNH GIÁ"));
        assert!(!starts_with_number("KẾT QUẢ ĐẠT ĐƯỢC"));
        assert!(!starts_with_number("Ưu điểm"));
        assert!(!starts_with_number("MTTQ và đoàn thể"));
    }

    fn v(kind: LineRole) -> VItem {
        VItem {
            items: Vec::new(),
            advance: 18.0,
            space_before: 0.0,
            ascent: 12.0,
            descent: 3.0,
            kind,
        }
    }

    #[test]
    fn page_breaks_follow_the_keep_rules() {
        let body = |index, len| {
            v(LineRole::Body {
                block: 0,
                index,
                len,
            })
        };
        let list = vec![
            body(0, 3),
            body(1, 3),
            body(2, 3),
            v(LineRole::Heading { block: 1 }),
            body(0, 4),
            body(1, 4),
            body(2, 4),
            body(3, 4),
            v(LineRole::Closing),
        ];
        let closing = Some(8);
        // Inside a 3-line paragraph: would leave a widow or an orphan.
        assert!(!break_ok(&list, 1, closing, 2));
        assert!(!break_ok(&list, 2, closing, 2));
        assert!(break_ok(&list, 3, closing, 2));
        // After the heading, before two lines of what follows.
        assert!(!break_ok(&list, 4, closing, 2));
        assert!(!break_ok(&list, 5, closing, 2));
        assert!(break_ok(&list, 6, closing, 2));
        // The closing block needs two body lines above it.
        assert!(!break_ok(&list, 7, closing, 2));
        assert!(!break_ok(&list, 8, closing, 2));
    }

    #[test]
    fn justification_uses_spaces_before_glyph_expansion() {
        let p = Params {
            first_width: 0.0,
            width: 0.0,
            stretch: 0.335,
            shrink: 0.33,
            expand: 0.03,
            mode: Mode::Justify,
        };
        // Within the space limits: no scaling.
        assert_eq!(justify(400.0, 50.0, 460.0, &p, 0.03), (1.0, 0.2));
        // Beyond them: spaces at their limit, glyphs cover the rest exactly.
        let (scale, factor) = justify(400.0, 50.0, 475.0, &p, 0.03);
        assert_eq!(factor, 0.335);
        assert!((400.0 * scale + 50.0 * (1.0 + factor) - 475.0).abs() < 1e-3);
        let (scale, factor) = justify(400.0, 50.0, 425.0, &p, 0.03);
        assert_eq!(factor, -0.33);
        assert!(scale < 1.0 && (400.0 * scale + 50.0 * (1.0 + factor) - 425.0).abs() < 1e-3);
    }

    #[test]
    fn a_token_longer_than_the_line_is_split_within_the_measure_with_a_warning() {
        let p = FormatProfile::party_2018();
        let mut l = Layouter::new(&p);
        let url = "https://thanhuy.hanoi.gov.vn/".to_string()
            + &"tin-tuc-hoat-dong-cua-dang-bo-phuong-".repeat(6);
        let text = format!("Xem chi tiết tại {url} để biết thêm.");
        let spans = vec![Span {
            text: text.clone(),
            bold: false,
            italic: false,
        }];
        let lines = l.set_paragraph(&spans, 14.0, 28.35, Mode::Justify, Align::Left, 0);
        assert!(lines.len() >= 3);
        let mut printed = String::new();
        for line in &lines {
            for item in line {
                if let Item::Text(r) = item {
                    assert!(
                        r.x + r.width() <= l.left + l.measure + 0.01,
                        "a run passes the margin"
                    );
                    printed.push_str(r.text());
                }
            }
        }
        // Every character, in order; the pieces of the token carry no spaces.
        assert_eq!(printed.replace(' ', ""), text.replace(' ', ""));
        assert!(l
            .warnings
            .iter()
            .any(|w| w.message.contains("wider than a line")));
    }
}
