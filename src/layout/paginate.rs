//! Pagination: the vertical list of lines and blocks → pages, by the keep
//! rules (widows, orphans, headings with what follows, the closing block with
//! body above it); page numbers from the profile's first numbered page.
//!
//! Nothing passes the bottom margin: a letterhead longer than page 1 goes
//! on over the next pages, and a block taller than a page (the closing with
//! a long list of recipients) is cut between its lines ([`split`]) by the
//! profile's rules, the signature block kept whole.

use super::split::{self, Rules};
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
    /// A block that may be cut across pages when taller than a page, never
    /// inside these ranges of baselines (the signature block); `None` for a
    /// line.
    pub(super) breakable: Option<Vec<(f32, f32)>>,
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
    /// Distributes the vertical list over pages, after the letterhead.
    pub(super) fn paginate(&mut self, mut vitems: Vec<VItem>, body_start: f32) -> Vec<Page> {
        let min_lines = self.p.body.min_lines_at_break.get().max(1);
        let closing_at = vitems.iter().position(|v| v.kind == LineRole::Closing);
        let (mut letterhead, body_start) = self.letterhead_pages(body_start);
        let mut n = vitems.len();
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
                if y + v.descent > self.bottom + 0.01 {
                    if let Some(rest) = self.cut_tall(&mut vitems[end], y) {
                        vitems.insert(end + 1, rest);
                        n += 1;
                    }
                    // Under a letterhead that fills its page, the body starts on the next.
                    if y + vitems[end].descent > self.bottom + 0.01 && (end > start || first_page) {
                        break;
                    }
                }
                baselines.push(y);
                prev = Some(y);
                first_on_page = false;
                end += 1;
            }
            if end < n && end > start {
                // The page is full before item `end`: move the break back to
                // the last place the rules allow (under the letterhead, to
                // the page's top if need be).
                let allowed = (start + 1..=end)
                    .rev()
                    .find(|&j| break_ok(&vitems, j, closing_at, min_lines));
                let j = match allowed {
                    Some(j) => j,
                    None if first_page => start,
                    None => {
                        self.warnings.push(Warning::new(t!(
                            "layout-no-good-break",
                            page = letterhead.len() + pages.len()
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
        let last_letterhead = letterhead.pop().unwrap_or_default();
        let mut out = Vec::new();
        for items in letterhead {
            out.push(self.page(out.len() as u32 + 1, items));
        }
        let mut last_letterhead = Some(last_letterhead);
        for (s, e, baselines) in pages {
            let page_no = out.len() as u32 + 1;
            let mut items = last_letterhead.take().unwrap_or_default();
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
                        // Within the page even where a signature block
                        // taller than a page had to be cut.
                        signing = Some(Signing {
                            top: (area.top + y).max(self.top),
                            bottom: (area.bottom + y).min(self.bottom),
                            ..area
                        })
                    }
                    None => {}
                }
                for mut it in v.items.drain(..) {
                    split::shift(&mut it, y);
                    items.push(it);
                }
            }
            let mut page = self.page(page_no, items);
            page.lines = lines;
            page.headings = headings;
            page.signing = signing;
            out.push(page);
        }
        if let Some(items) = last_letterhead {
            out.push(self.page(out.len() as u32 + 1, items));
        }
        // Page numbers last on each page, as they always were.
        for page in &mut out {
            if let Some(num) = page.number.filter(|n| *n >= numbered_from) {
                page.items.push(Item::Text(self.page_number(num)));
            }
        }
        out
    }

    /// A page numbered `no` (its number kept only from the first numbered page on).
    fn page(&self, no: u32, items: Vec<Item>) -> Page {
        let numbered = no >= self.p.page_number.first_numbered_page.get();
        Page {
            width: self.page_width,
            height: self.page_height,
            number: numbered.then_some(no),
            items,
            lines: Vec::new(),
            headings: Vec::new(),
            signing: None,
        }
    }

    /// Page 1's letterhead over as many pages as it needs (all of it on
    /// page 1 unless a field or the trích yếu is very long), and the
    /// body's first baseline on the last of them.
    fn letterhead_pages(&mut self, body_start: f32) -> (Vec<Vec<Item>>, f32) {
        let mut items = std::mem::take(&mut self.first_page);
        let mut keep = std::mem::take(&mut self.first_page_keep);
        let mut body_start = body_start;
        let mut pages = Vec::new();
        loop {
            let rules = Rules {
                keep: &keep,
                min_lines: 1,
                page: self.bottom - self.top,
            };
            let Some(at) = split::cut(&items, self.bottom, &rules) else {
                break;
            };
            let (stay, mut rest) = split::split(items, at);
            let dy = self.top - split::bounds(&rest).0;
            for it in &mut rest {
                split::shift(it, dy);
            }
            for k in &mut keep {
                *k = (k.0 + dy, k.1 + dy);
            }
            body_start += dy;
            pages.push(stay);
            items = rest;
        }
        pages.push(items);
        (pages, body_start)
    }

    /// Cuts a block taller than a page where the page ends, if it may be
    /// cut; returns what goes on to the next page.
    fn cut_tall(&self, v: &mut VItem, y: f32) -> Option<VItem> {
        let keep = v.breakable.as_ref()?;
        let page = self.bottom - self.top;
        // Kept whole where it fits on a page: it moves to the next.
        if v.ascent + v.descent <= page {
            return None;
        }
        let rules = Rules {
            keep,
            min_lines: self.p.closing.min_lines_at_break.get(),
            page,
        };
        let at = split::cut(&v.items, self.bottom - y, &rules)?;
        let (stay, mut rest) = split::split(std::mem::take(&mut v.items), at);
        v.items = stay;
        v.descent = split::bounds(&v.items).1;
        for it in &mut rest {
            split::shift(it, -at);
        }
        let (top, bottom) = split::bounds(&rest);
        Some(VItem {
            items: rest,
            advance: at,
            space_before: 0.0,
            ascent: -top,
            descent: bottom,
            kind: LineRole::Continued,
            mark: None,
            breakable: Some(Vec::new()),
        })
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
            breakable: None,
        })
}

/// Whether a page may start at vertical item `j`.
fn break_ok(v: &[VItem], j: usize, closing_at: Option<usize>, min_lines: usize) -> bool {
    if j == 0 || j >= v.len() {
        return j == v.len();
    }
    // The rest of a block cut because it is taller than a page.
    if v[j].kind == LineRole::Continued {
        return true;
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
            breakable: None,
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
