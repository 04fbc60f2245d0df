//! Pagination: the vertical list of lines and blocks → pages, by the keep
//! rules (widows, orphans, headings with what follows, the closing block with
//! body above it); page numbers from the profile's first numbered page.

use super::{Layouter, Style};
use crate::error::Warning;
use crate::page::{Heading, Item, LineRole, Page, PlacedLine, Signing, TextRun};
use crate::t;

/// A line or block on the vertical list, positioned relative to its own baseline.
#[derive(Debug, Clone)]
pub(super) struct VItem {
    pub(super) items: Vec<Item>,
    /// Baseline-to-baseline distance from the previous item.
    pub(super) advance: f32,
    /// Extra space above, dropped at the top of a page.
    pub(super) space_before: f32,
    pub(super) ascent: f32,
    pub(super) descent: f32,
    pub(super) kind: LineRole,
    /// What the page must know of this item besides its drawing.
    pub(super) mark: Option<Mark>,
}

/// What a vertical item tells the page it lands on, relative to its baseline.
#[derive(Debug, Clone)]
pub(super) enum Mark {
    /// The first line of a heading that gets a bookmark.
    Heading { level: u8, text: String },
    /// The closing block's signing space.
    Signing(Signing),
}

impl Layouter<'_> {
    /// Distributes the vertical list over pages.
    pub(super) fn paginate(&mut self, mut vitems: Vec<VItem>, body_start: f32) -> Vec<Page> {
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
                        self.warnings.push(Warning::new(t!(
                            "layout-no-good-break",
                            page = pages.len() + 1
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
            let mut headings = Vec::new();
            let mut signing = None;
            for (v, y) in vitems[s..e].iter_mut().zip(baselines) {
                lines.push(PlacedLine {
                    baseline: y,
                    role: v.kind,
                });
                match v.mark.take() {
                    Some(Mark::Heading { level, text }) => headings.push(Heading {
                        level,
                        text,
                        top: y - v.ascent,
                    }),
                    Some(Mark::Signing(area)) => {
                        signing = Some(Signing {
                            top: area.top + y,
                            bottom: area.bottom + y,
                            ..area
                        })
                    }
                    None => {}
                }
                for mut it in v.items.drain(..) {
                    match &mut it {
                        Item::Text(r) => r.baseline += y,
                        Item::Rule(rule) => rule.y += y,
                        Item::Frame(f) => {
                            f.top += y;
                            f.bottom += y;
                        }
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
                headings,
                signing,
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
                headings: Vec::new(),
                signing: None,
            });
        }
        out
    }

    pub(super) fn page_number(&self, n: u32) -> TextRun {
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
}

/// The vertical items of a block's lines, each `leading` apart, the first
/// `space_before` below what precedes; `role` gets the line's index and the
/// block's line count.
pub(super) fn stacked(
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
            mark: None,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn v(kind: LineRole) -> VItem {
        VItem {
            items: Vec::new(),
            advance: 18.0,
            space_before: 0.0,
            ascent: 12.0,
            descent: 3.0,
            kind,
            mark: None,
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
}
