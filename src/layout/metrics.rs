//! Measures of a layout against the pagination rules: widows, orphans,
//! headings stranded at a page foot, a closing block without body above it,
//! and text past the margins. `tests/typesetting.rs` reports them with the
//! spacing measured from the PDF.

use crate::page::{Item, LineRole, Page};
use crate::profile::FormatProfile;

/// Counts of rule breaks in a layout (all zero in a good one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pagination {
    /// A paragraph's last lines alone at the top of a page (fewer than the minimum).
    pub widows: usize,
    /// A paragraph's first lines alone at the foot of a page.
    pub orphans: usize,
    /// A heading followed on its page by fewer than the minimum lines of text.
    pub stranded_headings: usize,
    /// The closing block on a page with fewer than the minimum body lines above it.
    pub lonely_closing: usize,
    /// Text runs reaching past the right margin or below the bottom margin.
    pub past_margin: usize,
}

/// Measures `pages` laid out with `profile`.
pub fn pagination(pages: &[Page], profile: &FormatProfile) -> Pagination {
    let min = profile.body.min_lines_at_break.get();
    let right = profile.page.width_mm.pt_from_mm() - profile.margins.right_mm.pt_from_mm();
    let bottom = profile.page.height_mm.pt_from_mm() - profile.margins.bottom_mm.pt_from_mm();
    let mut m = Pagination::default();
    let last_page = pages.len().saturating_sub(1);
    for (p, page) in pages.iter().enumerate() {
        let lines = &page.lines;
        if let Some(first) = lines.first() {
            if let LineRole::Body { index, len, .. } = first.role {
                if p > 0 && index > 0 && len - index < min {
                    m.widows += 1;
                }
            }
        }
        if let Some(last) = lines.last() {
            if let LineRole::Body { index, len, .. } = last.role {
                if p < last_page && index + 1 < len && index + 1 < min {
                    m.orphans += 1;
                }
            }
        }
        for (i, line) in lines.iter().enumerate() {
            match line.role {
                LineRole::Heading { .. } => {
                    let text_after = lines[i + 1..]
                        .iter()
                        .take_while(|l| !matches!(l.role, LineRole::Heading { .. }))
                        .count();
                    let next_is_heading = lines
                        .get(i + 1)
                        .is_some_and(|l| matches!(l.role, LineRole::Heading { .. }));
                    if !next_is_heading && text_after < min {
                        m.stranded_headings += 1;
                    }
                }
                LineRole::Closing => {
                    let body_above = lines[..i]
                        .iter()
                        .filter(|l| matches!(l.role, LineRole::Body { .. }))
                        .count();
                    if body_above < min {
                        m.lonely_closing += 1;
                    }
                }
                LineRole::Body { .. } | LineRole::Continued => {}
            }
        }
        for item in &page.items {
            if let Item::Text(r) = item {
                let descent = -r.face.metrics().descent * r.size / 1000.0;
                let is_page_number =
                    page.number.is_some_and(|n| r.text() == n.to_string()) && r.baseline < 60.0;
                if !is_page_number
                    && (r.x + r.width() > right + 0.01 || r.baseline + descent > bottom + 0.01)
                {
                    m.past_margin += 1;
                }
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::PlacedLine;

    fn page(roles: &[LineRole]) -> Page {
        Page {
            width: 595.0,
            height: 842.0,
            number: None,
            items: Vec::new(),
            lines: roles
                .iter()
                .enumerate()
                .map(|(i, r)| PlacedLine {
                    baseline: 70.0 + 18.0 * i as f32,
                    role: *r,
                })
                .collect(),
            headings: Vec::new(),
            signing: None,
        }
    }

    #[test]
    fn counts_widows_orphans_stranded_headings_and_a_lonely_closing() {
        let p = FormatProfile::party_2018();
        let body = |block, index, len| LineRole::Body { block, index, len };
        let pages = [
            page(&[
                body(0, 0, 3),
                body(0, 1, 3),
                body(0, 2, 3),
                LineRole::Heading { block: 1 },
                body(2, 0, 4),
            ]),
            page(&[body(2, 1, 4), body(2, 2, 4), body(2, 3, 4), body(3, 0, 5)]),
            page(&[body(3, 1, 5), body(3, 2, 5), body(3, 3, 5), body(3, 4, 5)]),
            page(&[LineRole::Closing]),
        ];
        let m = pagination(&pages, &p);
        assert_eq!(m.stranded_headings, 1, "heading with one line after it");
        assert_eq!(
            m.orphans, 2,
            "block 2 and block 3 each leave one line at a page foot"
        );
        assert_eq!(m.widows, 0);
        assert_eq!(m.lonely_closing, 1);
        let widow = [
            page(&[body(0, 0, 3), body(0, 1, 3)]),
            page(&[body(0, 2, 3)]),
        ];
        assert_eq!(pagination(&widow, &p).widows, 1);
    }
}
