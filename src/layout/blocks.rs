//! The body's blocks (headings, paragraphs, items) → lines on the vertical
//! list. Headings take their style and numbering from the profile by
//! markup level; items their marker.

use std::borrow::Cow;

use super::linebreak::Mode;
use super::paginate::{stacked, Mark, VItem};
use super::{Layouter, Style};
use crate::font::Face;
use crate::markup::{Block, Document, Span};
use crate::page::LineRole;
use crate::profile::{Align, HeadingStyle, Numbering};
use crate::vn;

impl Layouter<'_> {
    /// The body blocks as a vertical list of lines.
    pub(super) fn body(&mut self, doc: &Document) -> Vec<VItem> {
        let b = &self.p.body;
        let size = b.size_pt.get();
        let leading = b.line_height_pt.get();
        let indent = b.first_line_indent_mm.pt_from_mm();
        let mut counters = [0u32; 6];
        let lone = lone_headings(doc);
        // Parts so far, and whether the last block was a part word the
        // template wrote itself (its title then gets none of its own).
        let mut parts = 0usize;
        let mut word_written = false;
        let mut out = Vec::new();
        // The last heading with a bookmark: (block, markup level, vertical item).
        let mut last_bookmark: Option<(usize, u8, usize)> = None;
        for (block_no, block) in doc.blocks.iter().enumerate() {
            match block {
                Block::Heading { level, spans } => {
                    let style = self.p.heading(*level);
                    let is_part = std::ptr::eq(style, &self.p.headings.part);
                    let mut space_before = style.space_before_pt.get();
                    if !is_part {
                        word_written = false;
                    } else if self.is_part_word(&crate::markup::plain(spans)) {
                        parts += 1;
                        word_written = true;
                    } else {
                        if !word_written {
                            out.extend(self.part_word(parts, style, leading, block_no));
                            parts += 1;
                        }
                        space_before = self.p.headings.part_word.title_space_pt.get();
                        word_written = false;
                    }
                    let level = usize::from(*level).min(5);
                    counters[level] += 1;
                    for c in &mut counters[level + 1..] {
                        *c = 0;
                    }
                    let number = if lone[block_no] && !self.p.headings.number_lone.get() {
                        None
                    } else {
                        heading_number(style, counters[level], spans)
                    };
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
                    let markup_level = level as u8;
                    let bookmark = (markup_level <= self.p.document.outline_deepest_level.get())
                        .then(|| crate::markup::plain(&spans))
                        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "));
                    let lines = self.set_paragraph(
                        &spans,
                        size,
                        indent,
                        style.continuation_indent_mm.pt_from_mm(),
                        Mode::Ragged,
                        style.align.get(),
                        block_no,
                    );
                    let first = out.len();
                    out.extend(stacked(
                        lines,
                        leading,
                        space_before,
                        Style { face, size },
                        |_, _| LineRole::Heading { block: block_no },
                    ));
                    // A heading right under one of its level (a part's name
                    // under `Phần thứ nhất`) joins its bookmark.
                    let joins = last_bookmark
                        .filter(|&(b, l, _)| b + 1 == block_no && l == markup_level)
                        .map(|(_, _, v)| v);
                    match (bookmark, joins) {
                        (Some(text), Some(v)) => {
                            if let Some(Mark::Heading { text: t, .. }) = &mut out[v].mark {
                                t.push_str(": ");
                                t.push_str(&text);
                            }
                            last_bookmark = None;
                        }
                        (Some(text), None) if first < out.len() => {
                            out[first].mark = Some(Mark::Heading {
                                level: markup_level,
                                text,
                            });
                            last_bookmark = Some((block_no, markup_level, first));
                        }
                        _ => {}
                    }
                }
                Block::Paragraph { spans } | Block::Item { spans, .. } => {
                    word_written = false;
                    let (spans, indent) = match block {
                        Block::Item { depth, .. } => {
                            let items = &self.p.items;
                            let marker = if *depth > 1 {
                                &items.nested_marker.value
                            } else {
                                &items.marker.value
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
                        0.0,
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
}

impl Layouter<'_> {
    /// The part word above the title of part `index` (0 the first),
    /// `Phần thứ nhất`, as lines of the title's heading block.
    fn part_word(
        &mut self,
        index: usize,
        style: &HeadingStyle,
        leading: f32,
        block_no: usize,
    ) -> Vec<VItem> {
        let w = &self.p.headings.part_word;
        let number = w
            .numbers
            .value
            .get(index)
            .cloned()
            .unwrap_or_else(|| (index + 1).to_string());
        let face: Face = style.face.get().into();
        let spans = [Span {
            text: w.pattern.value.replace("{n}", &number),
            bold: matches!(face, Face::Bold | Face::BoldItalic),
            italic: matches!(face, Face::Italic | Face::BoldItalic),
        }];
        let size = style.size_pt.get();
        let lines = self.set_paragraph(
            &spans,
            size,
            style.indent_mm.pt_from_mm(),
            style.continuation_indent_mm.pt_from_mm(),
            Mode::Ragged,
            style.align.get(),
            block_no,
        );
        stacked(
            lines,
            leading,
            style.space_before_pt.get(),
            Style { face, size },
            |_, _| LineRole::Heading { block: block_no },
        )
        .collect()
    }

    /// Whether a part heading is a part word the template wrote itself
    /// (`## Phần thứ nhất`): the profile's pattern with one of its numbers.
    fn is_part_word(&self, text: &str) -> bool {
        let w = &self.p.headings.part_word;
        w.numbers
            .value
            .iter()
            .any(|n| text.trim() == w.pattern.value.replace("{n}", n))
    }
}

/// For each block, whether it is a heading with no sibling: no other
/// heading of its level between its parent (the heading of a lower level
/// before it) and the next heading of a lower level.
fn lone_headings(doc: &Document) -> Vec<bool> {
    let levels: Vec<Option<u8>> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    let mut lone = vec![false; levels.len()];
    for (i, level) in levels.iter().enumerate() {
        let Some(level) = *level else { continue };
        let within = |range: &mut dyn Iterator<Item = &Option<u8>>| {
            range
                .flatten()
                .take_while(|l| **l >= level)
                .any(|l| *l == level)
        };
        let before = within(&mut levels[..i].iter().rev());
        let after = within(&mut levels[i + 1..].iter());
        lone[i] = !before && !after;
    }
    lone
}

/// The number for the `n`th heading of a style, unless the heading text
/// already starts with one.
fn heading_number(style: &HeadingStyle, n: u32, spans: &[Span]) -> Option<String> {
    let text = crate::markup::plain(spans);
    if starts_with_number(&text) {
        return None;
    }
    let suffix = &style.number_suffix.value;
    let number = match style.numbering.get() {
        Numbering::None => return None,
        Numbering::Roman => vn::roman(n),
        Numbering::Arabic => n.to_string(),
        Numbering::Letter => vn::POINT_LETTERS
            .get(n as usize - 1)
            .map_or_else(|| n.to_string(), |l| l.to_string()),
    };
    Some(format!("{number}{suffix}"))
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The heading lines of `markdown`'s body: (text, space above).
    fn headings(markdown: &str) -> Vec<(String, f32)> {
        let p = crate::profile::FormatProfile::party_2018();
        let mut l = Layouter::new(&p);
        let doc = crate::markup::parse("t.md", markdown).unwrap();
        l.body(&doc)
            .into_iter()
            .filter(|v| matches!(v.kind, LineRole::Heading { .. }))
            .map(|v| {
                let text: String = v
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        crate::page::Item::Text(r) => Some(r.text().to_string()),
                        _ => None,
                    })
                    .collect();
                (text.trim().to_string(), v.space_before)
            })
            .collect()
    }

    #[test]
    fn every_part_title_gets_its_part_word_once() {
        let p = crate::profile::FormatProfile::party_2018();
        let (before, under) = (
            p.headings.part.space_before_pt.get(),
            p.headings.part_word.title_space_pt.get(),
        );
        let got = headings("# t\n\n## KẾT QUẢ\n\nMột.\n\n## PHƯƠNG HƯỚNG\n\nHai.\n");
        let want = [
            ("Phần thứ nhất", before),
            ("KẾT QUẢ", under),
            ("Phần thứ hai", before),
            ("PHƯƠNG HƯỚNG", under),
        ];
        let want: Vec<(String, f32)> = want.iter().map(|(t, s)| (t.to_string(), *s)).collect();
        assert_eq!(got, want);
        // A template that writes the part word itself gets no second one.
        let got = headings("# t\n\n## Phần thứ nhất\n\n## KẾT QUẢ\n\nMột.\n");
        assert_eq!(got, want[..2]);
    }
}
