//! Cutting a block that does not fit on a page: the letterhead of page 1
//! when a field or the trích yếu runs long, the closing when its list of
//! recipients does. As a word processor breaks a table row across pages,
//! the cut falls between lines, both columns at once, every line whole on
//! one side: a text item moves with its baseline, a rule with the text
//! above it.

use crate::page::Item;

/// Where an item sits in its block: the baseline it moves with, its top
/// and its bottom.
#[derive(Debug, Clone, Copy)]
struct Extent {
    anchor: f32,
    top: f32,
    bottom: f32,
}

fn extents(items: &[Item]) -> Vec<Extent> {
    let mut last_text: Option<f32> = None;
    items
        .iter()
        .map(|item| match item {
            Item::Text(r) => {
                let m = r.face.metrics();
                last_text = Some(r.baseline);
                Extent {
                    anchor: r.baseline,
                    top: r.baseline - m.ascent * r.size / 1000.0,
                    bottom: r.baseline - m.descent * r.size / 1000.0,
                }
            }
            Item::Rule(rule) => Extent {
                anchor: last_text.unwrap_or(rule.y),
                top: rule.y - rule.thickness / 2.0,
                bottom: rule.y + rule.thickness / 2.0,
            },
            Item::Frame(f) => Extent {
                anchor: f.top,
                top: f.top,
                bottom: f.bottom,
            },
        })
        .collect()
}

/// What a cut must respect.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rules<'a> {
    /// Ranges of baselines (first, last) not to cut inside, unless taller
    /// than `page`: the signature block, `BÁO CÁO` with the trích yếu.
    pub keep: &'a [(f32, f32)],
    /// Lines to leave on each side of a cut, where there are enough.
    pub min_lines: usize,
    /// Height of a page's text area.
    pub page: f32,
}

/// The baseline from which the items of a block move on to the next page
/// so that those left end above `bottom`; `None` when they all fit, or
/// when no line can stay.
pub(super) fn cut(items: &[Item], bottom: f32, rules: &Rules) -> Option<f32> {
    let ext = extents(items);
    let mut at = ext
        .iter()
        .filter(|e| e.bottom > bottom + 0.01)
        .map(|e| e.anchor)
        .min_by(f32::total_cmp)?;
    let mut lines: Vec<f32> = ext.iter().map(|e| e.anchor).collect();
    lines.sort_by(f32::total_cmp);
    lines.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    // Enough lines on each side: move more down where too few would go.
    let min = rules.min_lines.max(1);
    let moving = lines.iter().filter(|&&a| a >= at).count();
    if moving < min && lines.len() >= 2 * min {
        at = at.min(lines[lines.len() - min]);
    }
    // A kept range moves whole, where it fits on a page.
    let top_of = |a: f32| {
        ext.iter()
            .filter(|e| (e.anchor - a).abs() < 0.01)
            .map(|e| e.top)
            .fold(a, f32::min)
    };
    let bottom_of = |a: f32| {
        ext.iter()
            .filter(|e| (e.anchor - a).abs() < 0.01)
            .map(|e| e.bottom)
            .fold(a, f32::max)
    };
    let mut changed = true;
    while changed {
        changed = false;
        for &(first, last) in rules.keep {
            let fits = bottom_of(last) - top_of(first) <= rules.page;
            if fits && first < at - 0.01 && at <= last + 0.01 {
                at = first;
                changed = true;
            }
        }
    }
    (at > lines[0] + 0.01).then_some(at)
}

/// The items anchored above `at` (they stay) and the others (they move).
pub(super) fn split(items: Vec<Item>, at: f32) -> (Vec<Item>, Vec<Item>) {
    let ext = extents(&items);
    let mut stay = Vec::new();
    let mut go = Vec::new();
    for (item, e) in items.into_iter().zip(ext) {
        if e.anchor < at - 0.01 {
            stay.push(item);
        } else {
            go.push(item);
        }
    }
    (stay, go)
}

/// The top and bottom of a block's items (0, 0 for none).
pub(super) fn bounds(items: &[Item]) -> (f32, f32) {
    let ext = extents(items);
    let top = ext.iter().map(|e| e.top).fold(f32::INFINITY, f32::min);
    let bottom = ext
        .iter()
        .map(|e| e.bottom)
        .fold(f32::NEG_INFINITY, f32::max);
    if ext.is_empty() {
        (0.0, 0.0)
    } else {
        (top, bottom)
    }
}

/// Moves an item down by `dy`.
pub(super) fn shift(item: &mut Item, dy: f32) {
    match item {
        Item::Text(r) => r.baseline += dy,
        Item::Rule(rule) => rule.y += dy,
        Item::Frame(f) => {
            f.top += dy;
            f.bottom += dy;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::Face;
    use crate::page::{Rule, TextRun};

    fn line(baseline: f32) -> Item {
        Item::Text(TextRun {
            x: 0.0,
            baseline,
            face: Face::Regular,
            size: 12.0,
            scale: 1.0,
            text: "x".into(),
            shifts: Vec::new(),
            word_space: 0.0,
        })
    }

    fn rules(keep: &[(f32, f32)]) -> Rules<'_> {
        Rules {
            keep,
            min_lines: 2,
            page: 700.0,
        }
    }

    #[test]
    fn cuts_between_lines_with_rules_kept_under_their_text() {
        let mut items: Vec<Item> = (0..10).map(|i| line(14.0 * i as f32)).collect();
        items.insert(
            4,
            Item::Rule(Rule {
                x0: 0.0,
                x1: 10.0,
                y: 44.0,
                thickness: 0.5,
            }),
        );
        // Line 7 (baseline 98) reaches below 100.
        let at = cut(&items, 100.0, &rules(&[])).unwrap();
        assert_eq!(at, 98.0);
        let (stay, go) = split(items.clone(), at);
        assert_eq!((stay.len(), go.len()), (8, 3));
        // The rule at 44 stays with line 3 (baseline 42).
        let at = cut(&items, 44.5, &rules(&[])).unwrap();
        assert_eq!(at, 42.0);
        let (_, go) = split(items.clone(), at);
        assert!(matches!(go[1], Item::Rule(_)));
        // Fewer than two lines would move: two do.
        assert_eq!(cut(&items, 120.0, &rules(&[])), Some(112.0));
        // Everything fits, or nothing can stay.
        assert_eq!(cut(&items, 200.0, &rules(&[])), None);
        assert_eq!(cut(&items, 1.0, &rules(&[])), None);
    }

    #[test]
    fn a_kept_range_moves_whole() {
        let items: Vec<Item> = (0..10).map(|i| line(14.0 * i as f32)).collect();
        assert_eq!(cut(&items, 100.0, &rules(&[(56.0, 112.0)])), Some(56.0));
        // Unless it is taller than a page.
        let tall = Rules {
            page: 50.0,
            ..rules(&[(56.0, 112.0)])
        };
        assert_eq!(cut(&items, 100.0, &tall), Some(98.0));
    }
}
