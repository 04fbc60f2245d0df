//! The page model: what layout produces and every backend (the PDF writer
//! now, a preview renderer later) consumes. Plain data: positioned text runs
//! and rules on pages, and the role of each body line for the checks of
//! `layout::metrics`.
//!
//! Besides what is drawn, a page carries what a viewer or a signing tool
//! needs to find on it: its headings (the outline) and the signing space
//! (the signature field).
//!
//! Coordinates are in points from the top-left corner of the page; `baseline`
//! is the y of a run's baseline.

use crate::font::Face;
use crate::vn::Date;

/// Document information a backend writes with the pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    /// The report's type name and trích yếu.
    pub title: String,
    /// The issuing body.
    pub author: String,
    pub subject: String,
    /// The report date; creation and modification dates.
    pub date: Date,
    /// Keywords: the draft note (`Dự thảo lần 2`) of a draft, else empty.
    pub keywords: String,
    /// The document's language (BCP 47: `vi-VN`).
    pub language: String,
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
    /// The headings that start on this page that get a bookmark, top to bottom.
    pub headings: Vec<Heading>,
    /// The signing space of the closing block, if it is on this page.
    pub signing: Option<Signing>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Rule(Rule),
    Frame(Frame),
}

/// A heading as placed, for the outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Its markup level: 2 a part, 3 a section, 4 a sub-section, 5 a point.
    pub level: u8,
    /// The text as printed, with its number (`I. KẾT QUẢ …`), on one line.
    pub text: String,
    /// The top of its first line (the baseline less the ascent).
    pub top: f32,
}

/// The space left for the signature and seal, between the signer's title
/// and name, and the name of the signature field to put over it.
#[derive(Debug, Clone, PartialEq)]
pub struct Signing {
    pub x0: f32,
    pub top: f32,
    pub x1: f32,
    pub bottom: f32,
    pub field: String,
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
    /// before the character at its byte offset in `text`: the kerning, and
    /// the letter spacing of a line that spaces alone cannot fill.
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

/// A rectangle stroked around something (the draft note's frame).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub x0: f32,
    pub top: f32,
    pub x1: f32,
    pub bottom: f32,
    pub thickness: f32,
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
    /// The closing block (Nơi nhận and signature), kept whole where it fits
    /// on a page.
    Closing,
    /// What continues on this page of a block taller than a page (the
    /// letterhead's rows, the closing's recipients).
    Continued,
}

/// A line of the body flow as placed on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedLine {
    pub baseline: f32,
    pub role: LineRole,
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
}
