//! An article saved as an HTML page: its text, one paragraph per block
//! (`<p>`, `<div>`, `<h1>`, `<li>`, `<br>` …), entities decoded, scripts,
//! styles and the page head left out. html5ever (through scraper) parses
//! it as a browser would, so no tag is ever printed.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements that end a paragraph where they open and close.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose content is not text of the page.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas",
];

/// Tags whose presence makes a text an HTML page, not an article that
/// mentions one.
const TELLTALES: &[&str] = &[
    "<p>", "<p ", "</p>", "<div", "</div>", "<br>", "<br/>", "<br />", "<span", "</span>",
    "<strong>", "<em>", "<h1", "<h2", "<h3", "<li>", "<a href", "<img ", "<table",
];

/// Whether `text` is an HTML page or fragment: it opens as one, or holds
/// three or more of the usual tags.
pub(super) fn looks_like_html(text: &str) -> bool {
    if memchr::memchr(b'<', text.as_bytes()).is_none() {
        return false;
    }
    let lower = text.to_lowercase();
    let head = lower.trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    TELLTALES
        .iter()
        .map(|t| lower.matches(t).count())
        .sum::<usize>()
        >= 3
}

/// The text of an HTML page, a blank line after each block. `&` comes out
/// as `&amp;`, so that the reader's entity decoding gives back exactly the
/// page's text.
pub(super) fn text_of(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut skipping = 0usize;
    let flush = |paragraph: &mut String, out: &mut String| {
        let words: Vec<&str> = paragraph.split_whitespace().collect();
        if !words.is_empty() {
            out.push_str(&words.join(" ").replace('&', "&amp;"));
            out.push_str("\n\n");
        }
        paragraph.clear();
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if SKIPPED.contains(&e.name()) => skipping += 1,
                Node::Element(e) if skipping == 0 && BLOCKS.contains(&e.name()) => {
                    flush(&mut paragraph, &mut out)
                }
                Node::Text(t) if skipping == 0 => {
                    paragraph.push_str(t);
                }
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(e) if SKIPPED.contains(&e.name()) => {
                    skipping = skipping.saturating_sub(1)
                }
                Node::Element(e) if skipping == 0 && BLOCKS.contains(&e.name()) => {
                    flush(&mut paragraph, &mut out)
                }
                _ => {}
            },
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_gives_its_blocks_as_paragraphs() {
        let page = "<!DOCTYPE html><html><head><title>Site</title><style>p{}</style></head>\
            <body><h1>Kết quả c&ocirc;ng tác năm 2025</h1><div>Ngày đăng 05/01/2026</div>\
            <p>Đảng ủy <b>phường</b> lãnh đạo HĐND &amp; UBND.<br>Dòng hai &lt;p&gt;.</p>\
            <script>alert(1)</script><ul><li>Một</li><li>Hai</li></ul></body></html>";
        assert!(looks_like_html(page));
        assert_eq!(
            text_of(page),
            "Kết quả công tác năm 2025\n\nNgày đăng 05/01/2026\n\nĐảng ủy phường lãnh đạo HĐND &amp; UBND.\n\nDòng hai <p>.\n\nMột\n\nHai\n\n"
        );
    }

    #[test]
    fn an_article_that_names_a_tag_is_not_a_page() {
        assert!(!looks_like_html("Thẻ <p> mở một đoạn.\nVăn bản thường."));
        assert!(looks_like_html("<p>a</p><p>b</p>"));
    }
}
