//! Checks of the page model (`baocao::page`) against the profile, shared
//! by the property tests, the hostile cases and the fuzz driver
//! (`examples/fuzz.rs` includes this file): every glyph box inside the
//! text area (the top margin holds only the page number and the draft
//! note), and every character of the body printed, in order.

use baocao::font::Face;
use baocao::layout::settable;
use baocao::page::{Item, Page};
use baocao::profile::FormatProfile;
use unicode_normalization::UnicodeNormalization;

/// Rounding allowed at the edges, in points.
const EPS: f32 = 0.05;

/// The text area and the bands of the top margin, in points from the top left.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    pub page_number_baseline: f32,
    pub draft_baseline: f32,
}

impl Area {
    pub fn of(p: &FormatProfile) -> Area {
        let mm = |v: f32| v * 72.0 / 25.4;
        Area {
            left: mm(p.margins.left_mm.value),
            right: mm(p.page.width_mm.value - p.margins.right_mm.value),
            top: mm(p.margins.top_mm.value),
            bottom: mm(p.page.height_mm.value - p.margins.bottom_mm.value),
            page_number_baseline: mm(p.page_number.baseline_from_top_mm.value),
            draft_baseline: mm(p.draft.baseline_from_top_mm.value),
        }
    }
}

/// A glyph box: left, top, right, bottom.
fn text_box(r: &baocao::page::TextRun) -> (f32, f32, f32, f32) {
    let m = r.face.metrics();
    (
        r.x.min(r.x + r.width()),
        r.baseline - m.ascent * r.size / 1000.0,
        r.x.max(r.x + r.width()),
        r.baseline - m.descent * r.size / 1000.0,
    )
}

/// Every item of `pages` outside its area, described.
pub fn outside(pages: &[Page], p: &FormatProfile) -> Vec<String> {
    let a = Area::of(p);
    let mut out = Vec::new();
    for (no, page) in pages.iter().enumerate() {
        for item in &page.items {
            let (x0, y0, x1, y1, what) = match item {
                Item::Text(r) => {
                    let (x0, y0, x1, y1) = text_box(r);
                    (x0, y0, x1, y1, format!("text “{}”", excerpt(r.text())))
                }
                Item::Rule(r) => (
                    r.x0,
                    r.y - r.thickness / 2.0,
                    r.x1,
                    r.y + r.thickness / 2.0,
                    "rule".into(),
                ),
                Item::Frame(f) => (f.x0, f.top, f.x1, f.bottom, "frame".into()),
            };
            let across = x0 >= a.left - EPS && x1 <= a.right + EPS;
            let in_text = y0 >= a.top - EPS && y1 <= a.bottom + EPS;
            // The top margin: the page number, the draft note and its frame.
            let in_margin = y0 >= 0.0 && y1 <= a.top + EPS && {
                match item {
                    Item::Text(r) => {
                        (r.baseline - a.page_number_baseline).abs() < EPS
                            && page.number.is_some_and(|n| r.text() == n.to_string())
                            || (no == 0 && (r.baseline - a.draft_baseline).abs() < EPS)
                    }
                    Item::Frame(_) => no == 0,
                    Item::Rule(_) => false,
                }
            };
            let finite = [x0, y0, x1, y1].iter().all(|v| v.is_finite());
            if !(finite && across && (in_text || in_margin)) {
                out.push(format!(
                    "page {}: {what} at x {x0:.2}–{x1:.2}, y {y0:.2}–{y1:.2}",
                    no + 1
                ));
            }
        }
    }
    out
}

/// The first 40 characters of a text.
pub fn excerpt(t: &str) -> String {
    t.chars().take(40).collect()
}

/// A character every face sets, and not white space: what both sides of
/// the comparison keep.
fn kept(c: char) -> bool {
    !c.is_whitespace() && Face::ALL.iter().all(|f| settable(*f, c))
}

/// The characters printed on `pages` without white space and the page
/// numbers: in the order drawn, and column by column (left, then right of
/// `split` points from the left edge), page after page, top to bottom: a
/// header field or a recipient cut across pages reads on in its column.
pub fn printed(pages: &[Page], split: f32) -> [String; 2] {
    let mut drawn = String::new();
    let mut runs = Vec::new();
    for (no, page) in pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Text(r) = item {
                let number = page.number.is_some_and(|n| r.text() == n.to_string());
                if !number {
                    let text: String = r.text().chars().filter(|c| kept(*c)).collect();
                    drawn.push_str(&text);
                    runs.push(((r.x >= split) as u8, no, r.baseline, r.x, text));
                }
            }
        }
    }
    runs.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(a.2.total_cmp(&b.2))
            .then(a.3.total_cmp(&b.3))
    });
    let columns = runs.into_iter().map(|r| r.4).collect();
    [drawn, columns]
}

/// What of `text` must be printed: its NFC characters that every face
/// sets, without white space.
pub fn expected(text: &str) -> String {
    text.nfc().filter(|c| kept(*c)).collect()
}

/// The texts of `texts` whose characters are not printed in one stretch
/// (a text broken across lines or pages included), in the order drawn or
/// column by column.
pub fn lost<'t>(
    pages: &[Page],
    p: &FormatProfile,
    texts: impl IntoIterator<Item = &'t str>,
) -> Vec<String> {
    let split = Area::of(p).left
        + p.closing
            .left_column_mm
            .value
            .min(p.header.left_column_mm.value)
            * 72.0
            / 25.4;
    let streams = printed(pages, split);
    texts
        .into_iter()
        .filter(|t| {
            let e = expected(t);
            !e.is_empty() && !streams.iter().any(|s| s.contains(&e))
        })
        .map(excerpt)
        .collect()
}
