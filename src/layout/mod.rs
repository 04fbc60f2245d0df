//! Layout: [`Document`] + [`Letter`] + format profile → [`Page`]s of
//! positioned text runs and rules (the page model of [`crate::page`]).
//!
//! Page 1 opens with the letterhead ([`letterhead`]: the header's two columns
//! of rows, `BÁO CÁO`, the trích yếu and its separator). The body follows
//! ([`blocks`]): headings numbered per the profile, paragraphs set by
//! [`paragraph`] with the breaks [`linebreak`] chooses, measured by
//! [`measure`]. The closing block (`Nơi nhận:` beside the signature) ends the
//! report. [`paginate`] distributes the lines over pages: at least two lines
//! of a paragraph on each side of a break, a heading with two lines of what
//! follows, the closing block with two lines of body above it, and page
//! numbers from the profile's first numbered page on.
//!
//! Every number, text and rule comes from the profile or the letter; nothing
//! here knows the Party format.

mod blocks;
mod coverage;
mod letterhead;
pub mod linebreak;
mod measure;
pub mod messages;
pub mod metrics;
mod paginate;
mod paragraph;
mod phrases;
mod split;

use std::cell::RefCell;

use crate::error::Warning;
use crate::font::Face;
use crate::letter::Letter;
use crate::markup::Document;
use crate::page::{Item, Page};
use crate::profile::{FaceName, FixedText, FormatProfile, TextStyle, Val};
pub use coverage::{settable, Missing, Part};

/// Laid-out pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub warnings: Vec<Warning>,
    /// Characters no face could draw, left out (the engine reports them).
    pub missing: Vec<Missing>,
}

/// Lays out a report.
pub fn layout(doc: &Document, letter: &Letter, profile: &FormatProfile) -> Layout {
    let doc = coverage::nfc_document(doc);
    let letter = coverage::nfc_letter(letter);
    let (doc, letter) = (doc.as_ref(), letter.as_ref());
    let mut l = Layouter::new(profile);
    let header_bottom = l.header(letter);
    let body_start = l.title_block(&doc.summary, header_bottom);
    let mut vitems = l.body(doc);
    vitems.push(l.closing(letter));
    let pages = l.paginate(vitems, body_start);
    Layout {
        pages,
        warnings: l.warnings,
        missing: l.missing.into_inner(),
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
    /// Page-1 items (header and title block), on a page 1 as long as they
    /// need; [`paginate`] moves what passes the bottom margin on.
    first_page: Vec<Item>,
    /// Baselines (first, last) of the letterhead's lines kept on one page.
    first_page_keep: Vec<(f32, f32)>,
    warnings: Vec<Warning>,
    missing: RefCell<Vec<Missing>>,
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
    fn from(size: &Val<f32>, face: &Val<FaceName>) -> Style {
        Style {
            face: face.get().into(),
            size: size.get(),
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
            first_page_keep: Vec::new(),
            warnings: Vec::new(),
            missing: RefCell::new(Vec::new()),
        }
    }
}
