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
        let mut out = Vec::new();
        // The last heading with a bookmark: (block, markup level, vertical item).
        let mut last_bookmark: Option<(usize, u8, usize)> = None;
        for (block_no, block) in doc.blocks.iter().enumerate() {
            match block {
                Block::Heading { level, spans } => {
                    let style = self.p.heading(*level);
                    let level = usize::from(*level).min(5);
                    counters[level] += 1;
                    for c in &mut counters[level + 1..] {
                        *c = 0;
                    }
                    let number = heading_number(style, counters[level], spans);
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
                        Mode::Ragged,
                        style.align.get(),
                        block_no,
                    );
                    let first = out.len();
                    out.extend(stacked(
                        lines,
                        leading,
                        style.space_before_pt.get(),
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
}
