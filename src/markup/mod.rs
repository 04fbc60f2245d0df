//! Markup: the CommonMark a template emits → [`Document`], the blocks the
//! layout sets.
//!
//! The subset baocao typesets:
//!
//! | Markdown        | meaning                                                  |
//! |-----------------|----------------------------------------------------------|
//! | `# text`        | the trích yếu (summary under BÁO CÁO); exactly one       |
//! | `## text`       | a part's title, centred (layout adds `Phần thứ nhất`)   |
//! | `### text`      | a section heading, numbered I., II. by the format profile |
//! | `#### text`     | a sub-section heading, numbered 1., 2.                   |
//! | `##### text`    | a point heading, numbered a), b)                         |
//! | paragraph       | justified body text with a first-line indent             |
//! | `- item`        | an enumerated item (`- …`)                               |
//! | `*x*` `**x**` `***x***` | italic, bold, bold italic                        |
//!
//! Links keep their text; anything else (tables, images, code, HTML) is an
//! error naming the line of the rendered markup.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::error::{Error, Location, Result};
use crate::t;

/// A report body ready for layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The trích yếu, as plain text.
    pub summary: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `level` 2 (part) to 5 (point).
    Heading {
        level: u8,
        spans: Vec<Span>,
    },
    Paragraph {
        spans: Vec<Span>,
    },
    /// An enumerated item; `depth` 1 for `-`, 2 for a nested `+`.
    Item {
        depth: u8,
        spans: Vec<Span>,
    },
}

impl Block {
    pub fn spans(&self) -> &[Span] {
        match self {
            Block::Heading { spans, .. }
            | Block::Paragraph { spans }
            | Block::Item { spans, .. } => spans,
        }
    }
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

/// Plain text of spans.
pub fn plain(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// Parses the markup produced by template `source` (named in errors).
pub fn parse(source: &str, markdown: &str) -> Result<Document> {
    let mut doc = Document::default();
    let mut summary: Option<String> = None;
    let mut spans: Vec<Span> = Vec::new();
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut list_depth = 0u8;
    let mut current_heading: Option<u8> = None;

    let line_of = |offset: usize| markdown[..offset].matches('\n').count() + 1;
    let unsupported = |what: &str, offset: usize| {
        Error::invalid(
            Location::line(t!("markup-source", template = source), line_of(offset)),
            t!("markup-unsupported", what = what),
        )
        .with_hint(t!("markup-unsupported-hint"))
    };

    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current_heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    _ => 5,
                });
                spans.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                let level = current_heading.take().unwrap_or(5);
                let taken = trim_spans(std::mem::take(&mut spans));
                if level == 1 {
                    if summary.is_some() {
                        return Err(unsupported(&t!("markup-second-summary"), range.start));
                    }
                    summary = Some(plain(&taken));
                } else if !taken.is_empty() {
                    doc.blocks.push(Block::Heading {
                        level,
                        spans: taken,
                    });
                }
            }
            Event::Start(Tag::Paragraph) => spans.clear(),
            Event::End(TagEnd::Paragraph) => {
                let taken = trim_spans(std::mem::take(&mut spans));
                if taken.is_empty() {
                    continue;
                }
                if list_depth > 0 {
                    doc.blocks.push(Block::Item {
                        depth: list_depth,
                        spans: taken,
                    });
                } else {
                    doc.blocks.push(Block::Paragraph { spans: taken });
                }
            }
            Event::Start(Tag::List(_)) => {
                // A list inside a tight item: the item's own text comes first.
                let taken = trim_spans(std::mem::take(&mut spans));
                if list_depth > 0 && !taken.is_empty() {
                    doc.blocks.push(Block::Item {
                        depth: list_depth,
                        spans: taken,
                    });
                }
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
            Event::Start(Tag::Item) => spans.clear(),
            Event::End(TagEnd::Item) => {
                // Tight list items carry their text without a paragraph.
                let taken = trim_spans(std::mem::take(&mut spans));
                if !taken.is_empty() {
                    doc.blocks.push(Block::Item {
                        depth: list_depth,
                        spans: taken,
                    });
                }
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link) => {}
            Event::Text(t) => push_text(&mut spans, &t, bold > 0, italic > 0),
            Event::SoftBreak | Event::HardBreak => push_text(&mut spans, " ", bold > 0, italic > 0),
            Event::Code(_) => return Err(unsupported(&t!("markup-code"), range.start)),
            Event::Start(Tag::CodeBlock(_)) => {
                return Err(unsupported(&t!("markup-code-block"), range.start))
            }
            Event::Start(Tag::Image { .. }) => {
                return Err(unsupported(&t!("markup-image"), range.start))
            }
            Event::Start(Tag::Table(_)) => {
                return Err(unsupported(&t!("markup-table"), range.start))
            }
            Event::Start(Tag::BlockQuote(_)) => {
                return Err(unsupported(&t!("markup-quote"), range.start))
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err(unsupported(&t!("markup-html"), range.start))
            }
            Event::Rule => return Err(unsupported(&t!("markup-rule"), range.start)),
            _ => {}
        }
    }
    doc.summary = summary.ok_or_else(|| {
        Error::invalid(
            Location::file(t!("markup-source", template = source)),
            t!("markup-no-summary"),
        )
    })?;
    Ok(doc)
}

fn push_text(spans: &mut Vec<Span>, text: &str, bold: bool, italic: bool) {
    if let Some(last) = spans.last_mut() {
        if last.bold == bold && last.italic == italic {
            last.text.push_str(text);
            return;
        }
    }
    spans.push(Span {
        text: text.to_string(),
        bold,
        italic,
    });
}

/// Collapses runs of white space and trims the ends of a block.
fn trim_spans(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut last_space = true;
    for s in spans {
        let mut text = String::with_capacity(s.text.len());
        for c in s.text.chars() {
            if c.is_whitespace() {
                if !last_space {
                    text.push(' ');
                }
                last_space = true;
            } else {
                text.push(c);
                last_space = false;
            }
        }
        if !text.is_empty() {
            out.push(Span { text, ..s });
        }
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            out.pop();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_report_subset() {
        let md = "# kết quả năm 2021\n\nMở đầu  có *nghiêng*.\n\n## Phần thứ nhất\n\n### KẾT QUẢ\n\n***Công tác Dân vận\\:*** Nội dung 05\\-CT\\/TW\\.\n\n1\\. Việc một\\.\n\n- mục\n";
        let doc = parse("t", md).unwrap();
        assert_eq!(doc.summary, "kết quả năm 2021");
        assert_eq!(doc.blocks.len(), 6);
        assert_eq!(plain(doc.blocks[0].spans()), "Mở đầu có nghiêng.");
        assert!(matches!(doc.blocks[1], Block::Heading { level: 2, .. }));
        assert!(matches!(doc.blocks[2], Block::Heading { level: 3, .. }));
        let label = &doc.blocks[3].spans()[0];
        assert_eq!(
            (label.text.as_str(), label.bold, label.italic),
            ("Công tác Dân vận:", true, true)
        );
        assert_eq!(
            plain(doc.blocks[3].spans()),
            "Công tác Dân vận: Nội dung 05-CT/TW."
        );
        assert_eq!(plain(doc.blocks[4].spans()), "1. Việc một.");
        assert!(matches!(doc.blocks[4], Block::Paragraph { .. }));
        assert!(matches!(doc.blocks[5], Block::Item { depth: 1, .. }));
    }

    #[test]
    fn a_nested_list_keeps_the_text_of_its_item() {
        let doc = parse("t", "# t\n\n- một\n  - hai\n- ba\n").unwrap();
        let items: Vec<(u8, String)> = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Item { depth, spans } => (*depth, plain(spans)),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            items,
            [(1, "một".into()), (2, "hai".into()), (1, "ba".into())]
        );
    }

    #[test]
    fn unsupported_markup_names_the_line() {
        let err = parse("year-end", "# t\n\npara\n\n| a | b |\n\n![x](y.png)\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("year-end:7") && err.contains("image"), "{err}");
        let err = parse("t", "just text\n").unwrap_err().to_string();
        assert!(err.contains("no `#` summary"), "{err}");
    }
}
