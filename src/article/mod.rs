//! Article reading: plain text from a news portal → [`Article`].
//!
//! The seed format is a category line, the title, a `Ngày đăng dd/mm/yyyy | hh:mm
//! | Lượt xem: N` line, then paragraphs separated by blank lines, with photo
//! captions, numbered lists, a source credit and web debris mixed in. Real
//! portal text adds more: HTML entities, decomposed or invisible characters,
//! emoji, hard-wrapped lines, repeated titles, headings in capitals, credits
//! and bylines at the end, captions that end with a full stop.
//!
//! Every body sentence is kept verbatim (after entity decoding, NFC
//! normalisation and white-space clean-up, typos included); what is not body
//! text is set aside with the reason, never silently dropped.

mod clean;
mod furniture;
mod header;
mod html;
mod lines;

pub(crate) use lines::{ends_sentence, item_marker};

use crate::encoding::Encoding;
use crate::error::{Error, Location, Result};
use crate::i18n::Lang;
use crate::vn::Date;
use crate::vn::Lower;
use crate::{t, t_in};
use clean::{clean_lines, join_wrapped, Line};
use furniture::{
    announces_gallery, bullet_caption, dateline_prefix, glued_caption, is_caption, is_credit,
    is_related, strip_debris, trailing_credit,
};
use header::read_header;
use lines::{dedup_key, heading_level, is_topic_line, one_sentence, opens_with_label, words};

/// An article as read from its text file.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// File name, for messages.
    pub source: String,
    /// The portal's section name (`các bài viết chuyên sâu`), if present.
    pub category: Option<String>,
    pub title: String,
    pub title_line: usize,
    pub published: Option<Date>,
    /// Publication time as written (`16:26`).
    pub published_time: Option<String>,
    pub views: Option<u64>,
    /// Body blocks in reading order.
    pub blocks: Vec<Block>,
    /// Lines that are not body text, with why.
    pub set_aside: Vec<SetAside>,
    /// Things worth telling the user (an article that stops mid-sentence…).
    pub notes: Vec<Note>,
}

/// A remark about the input, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub message: String,
}

/// A unit of body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// 1-based line of the input where the block starts.
    pub line: usize,
    pub text: String,
    pub kind: BlockKind,
    /// A heading's depth in the article's outline (1 the top: `I.`, capitals;
    /// 2 `1.`; 3 `1.1`; 5 `a)`); 0 for other blocks.
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A numbered or bulleted item; `marker` is its number or bullet as written
    /// (`1.`, `1.2`, `(3)`, `-`, `Một là:`), and stays part of `text`.
    Item {
        marker: String,
    },
    /// A heading the article itself carries (in capitals). Not printed (the
    /// template gives the headings) but used to route what follows it.
    Heading,
}

/// A line that is not body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub line: usize,
    pub text: String,
    pub reason: SetAsideReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetAsideReason {
    /// A photo caption.
    Caption,
    /// Source, author or photo credit.
    Credit,
    /// Markup or punctuation left over from the web page.
    Debris,
    /// A repeat of the title or of an earlier paragraph.
    Duplicate,
    /// A heading of the article; the report's headings come from its template.
    Heading,
    /// Emoji and pictographs, which an official report does not print.
    Emoji,
    /// Links and page furniture: `Xem thêm …`, `Tags:`, related articles.
    Related,
}

/// Reads an article from the bytes of a text file named `source`: UTF-8 or
/// UTF-16, or an HTML page.
pub fn read(source: &str, bytes: &[u8]) -> Result<Article> {
    read_with(source, bytes, None)
}

/// Reads an article whose bytes are in `encoding` (`None`: UTF-8 or UTF-16,
/// other encodings refused with a hint; see [`crate::encoding`]). An HTML
/// page is read for its text, a paragraph per block.
pub fn read_with(source: &str, bytes: &[u8], encoding: Option<Encoding>) -> Result<Article> {
    let mut text = crate::encoding::decode_article(source, bytes, encoding)?;
    if html::looks_like_html(&text) {
        text = html::text_of(&text);
    }
    let (lines, emoji) = clean_lines(&text);
    let mut article = Article {
        source: source.to_string(),
        category: None,
        title: String::new(),
        title_line: 0,
        published: None,
        published_time: None,
        views: None,
        blocks: Vec::new(),
        set_aside: Vec::new(),
        notes: Vec::new(),
    };

    let nonempty: Vec<&Line> = lines.iter().filter(|l| !l.text.is_empty()).collect();
    if nonempty.is_empty() {
        return Err(Error::invalid(Location::file(source), t!("article-empty"))
            .with_hint(t!("article-empty-hint")));
    }
    let body_start = read_header(&nonempty, &mut article);
    let body = join_wrapped(&nonempty[body_start..]);
    read_body(&body, &mut article);
    for (line, text) in emoji {
        article.set_aside.push(SetAside {
            line,
            text,
            reason: SetAsideReason::Emoji,
        });
    }
    article.set_aside.sort_by_key(|s| s.line);

    if article.blocks.iter().all(|b| b.kind == BlockKind::Heading) {
        return Err(
            Error::invalid(Location::file(source), t!("article-no-body"))
                .with_hint(t!("article-no-body-hint")),
        );
    }
    Ok(article)
}

/// Whether `text` repeats `earlier` in other words: nearly all its words are
/// there (a caption under a photo that restates the paragraph above).
fn restates(text: &str, earlier: &str) -> bool {
    let set = |t: &str| -> std::collections::HashSet<String> {
        t.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).lower())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (mine, theirs) = (set(text), set(earlier));
    mine.len() >= 12 && mine.iter().filter(|w| theirs.contains(*w)).count() * 100 >= mine.len() * 85
}

/// Sorts body lines into blocks and what is not body text.
fn read_body(lines: &[Line], article: &mut Article) {
    let count = lines.len();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let title_key = dedup_key(&article.title).lower();
    // After the heading of a related-articles list, its items are links.
    let mut in_related = false;
    // The line number of a lone bracketed source (`(QK7 Online)`), which
    // the head may already have set aside.
    let mut source_line: Option<usize> = article
        .set_aside
        .iter()
        .rev()
        .find(|s| s.reason == SetAsideReason::Credit && s.text.starts_with('('))
        .map(|s| s.line);
    let aside = |article: &mut Article, line: usize, text: &str, reason| {
        article.set_aside.push(SetAside {
            line,
            text: text.trim().to_string(),
            reason,
        });
    };
    for (i, line) in lines.iter().enumerate() {
        let (mut text, debris) = strip_debris(&line.text);
        // The no-break spaces' offsets are into `line.text`: they follow
        // the text as its front is cut, and are lost if debris rewrote it.
        let mut nbsp = line.nbsp.clone();
        if let Some(d) = debris {
            aside(article, line.number, &d, SetAsideReason::Debris);
            nbsp.clear();
        }
        let cut_front = |nbsp: &mut Vec<usize>, n: usize| {
            nbsp.retain(|&at| at > n);
            nbsp.iter_mut().for_each(|at| *at -= n);
        };
        if text.is_empty() {
            continue;
        }
        let last = i + 1 == count;
        let near_end = i + 3 >= count;
        let paragraphs = article
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Heading);
        let opening = match paragraphs.clone().count() {
            0 => true,
            // After a one-line lead-in above the first paragraph.
            1 => paragraphs.clone().all(|b| words(&b.text) <= 12),
            _ => false,
        };
        // A dateline opening the first paragraph (`(BĐ) - `, `QK2 – `), or the
        // dash left after a source on the line above (`(QK7 Online)` / `- Sáng …`).
        if opening {
            if let Some(n) = dateline_prefix(&text) {
                aside(article, line.number, &text[..n], SetAsideReason::Credit);
                text = text[n..].to_string();
                cut_front(&mut nbsp, n);
            } else if source_line.is_some_and(|l| l + 2 >= line.number) {
                if let Some(rest) = text.strip_prefix("- ").or_else(|| text.strip_prefix("– ")) {
                    if rest.chars().next().is_some_and(char::is_uppercase) {
                        cut_front(&mut nbsp, text.len() - rest.len());
                        text = rest.to_string();
                    }
                }
            }
        }
        // A caption glued in front of the paragraph.
        if let Some(n) = glued_caption(&text, &nbsp) {
            aside(article, line.number, &text[..n], SetAsideReason::Caption);
            text = text[n..].trim_start().to_string();
        }
        // A credit glued to the end of one of the last paragraphs.
        if near_end {
            if let Some(n) = trailing_credit(&text) {
                aside(article, line.number, &text[n..], SetAsideReason::Credit);
                text = text[..n].trim_end().to_string();
            }
        }
        let key = dedup_key(&text).to_string();
        let repeats_title = opening && key.lower() == title_key;
        let marker = item_marker(&text);
        let next = lines.get(i + 1).map(|l| l.text.as_str());
        let next_long = next.is_some_and(|n| words(n) >= 20);
        // A numbered line is a heading unless its sibling follows it (a list).
        let heading = heading_level(&text).filter(|_| {
            marker.is_none() || !next.is_some_and(|n| item_marker(n).is_some() && !next_long)
        });
        // A short line introducing long paragraphs names their topic.
        let topic = !last
            && next_long
            && marker.is_none()
            && !line.bullet
            && !ends_sentence(&text)
            && !next.is_some_and(opens_with_label)
            && is_topic_line(&text);
        // A caption that restates a paragraph a little above it.
        let restates = marker.is_none()
            && !text.ends_with(':')
            && one_sentence(&text)
            && words(&text) <= 150
            && article
                .blocks
                .iter()
                .rev()
                .filter(|b| b.kind == BlockKind::Paragraph && !b.text.ends_with(':'))
                .take(5)
                .any(|b| restates(&text, &b.text));
        let after_caption_colon = article.set_aside.last().is_some_and(|s| {
            s.reason == SetAsideReason::Caption
                && s.text.ends_with(':')
                && s.line + 2 >= line.number
        });
        // The same short sentence twice in a row after the lead: a photo's
        // description and its caption, never the story. (The lead repeated
        // is the lead, and its copy the duplicate.)
        let twice = marker.is_none()
            && heading.is_none()
            && words(&text) <= 40
            && article.blocks.iter().any(|b| b.kind != BlockKind::Heading)
            && next.is_some_and(|n| dedup_key(n) == key);
        let reason = if repeats_title || seen.contains(&key) || restates {
            Some(SetAsideReason::Duplicate)
        } else if twice {
            Some(SetAsideReason::Caption)
        } else if line.emoji >= 2 && words(&text) <= 14 && !ends_sentence(&text) {
            // An info strip of a post (`📅 Ngày … 📍 … 👨‍👩‍👧 …`), a slogan between emoji.
            Some(SetAsideReason::Debris)
        } else if is_related(&text) {
            in_related = text.ends_with(':');
            Some(SetAsideReason::Related)
        } else if in_related && (marker.is_some() || text.contains(':')) && words(&text) <= 30 {
            Some(SetAsideReason::Related)
        } else if is_credit(&text, near_end, last) {
            if text.starts_with('(') {
                source_line = Some(line.number);
            }
            Some(SetAsideReason::Credit)
        } else if after_caption_colon && words(&text) <= 15 && marker.is_none() {
            Some(SetAsideReason::Caption)
        } else if heading.is_some() || topic {
            None
        } else if line.bullet && marker.is_none() {
            bullet_caption(&text).then_some(SetAsideReason::Caption)
        } else if is_caption(&text, last)
            || (announces_gallery(&text) && lines[i + 1..].iter().all(|l| words(&l.text) <= 40))
        {
            Some(SetAsideReason::Caption)
        } else {
            None
        };
        if twice {
            // Its copy follows: a duplicate.
            seen.insert(key.clone());
        }
        in_related &= reason == Some(SetAsideReason::Related);
        if let Some(reason) = reason {
            aside(article, line.number, &text, reason);
            continue;
        }
        let kind = if heading.is_some() || topic {
            BlockKind::Heading
        } else {
            match marker {
                Some(marker) => BlockKind::Item { marker },
                None if line.bullet => BlockKind::Item {
                    marker: String::new(),
                },
                None => BlockKind::Paragraph,
            }
        };
        if kind != BlockKind::Heading {
            seen.insert(key);
        }
        article.blocks.push(Block {
            line: line.number,
            level: heading.unwrap_or(if kind == BlockKind::Heading { 2 } else { 0 }),
            text,
            kind,
        });
    }
    if let Some(b) = article.blocks.last() {
        if b.kind != BlockKind::Heading && !ends_sentence(&b.text) {
            article.notes.push(Note {
                line: b.line,
                // In English, as `inspect` writes it; the warning is translated.
                message: t_in!(Lang::En, "note-mid-sentence"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::header::parse_date_line;
    use super::*;

    const SEED: &str = "các bài viết chuyên sâu\n\nTiêu đề bài viết năm 2021\nNgày đăng 13/01/2022 | 16:26  | Lượt xem: 466\n\nĐoạn một có  hai câu. Câu hai.\n\nẢnh hội nghị của phường\n\n1. Việc thứ nhất.\n\n(Nguồn: Đảng ủy phường)]]>\n";

    #[test]
    fn the_composed_fast_path_holds_only_characters_nfc_in_any_context() {
        use unicode_normalization::{char::canonical_combining_class, is_nfc_quick, IsNormalized};
        let set = ('\0'..'\u{300}').chain('\u{1e00}'..='\u{1eff}');
        for c in set {
            // Quick-check Yes (not Maybe: cannot compose with what precedes)
            // and a starter (cannot reorder with what follows).
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
    }

    #[test]
    fn reads_the_seed_layout() {
        let a = read("t.txt", SEED.as_bytes()).unwrap();
        assert_eq!(a.category.as_deref(), Some("các bài viết chuyên sâu"));
        assert_eq!(a.title, "Tiêu đề bài viết năm 2021");
        assert_eq!(a.title_line, 3);
        assert_eq!(a.published, Date::new(2022, 1, 13));
        assert_eq!(a.published_time.as_deref(), Some("16:26"));
        assert_eq!(a.views, Some(466));
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.blocks[0].text, "Đoạn một có hai câu. Câu hai.");
        assert_eq!(a.blocks[0].line, 6);
        assert_eq!(
            a.blocks[1].kind,
            BlockKind::Item {
                marker: "1.".into()
            }
        );
        let reasons: Vec<_> = a.set_aside.iter().map(|s| (s.line, s.reason)).collect();
        assert_eq!(
            reasons,
            vec![
                (8, SetAsideReason::Caption),
                (12, SetAsideReason::Debris),
                (12, SetAsideReason::Credit)
            ]
        );
    }

    /// Reasons given to the lines of an article's body.
    fn set_aside(body: &str) -> Vec<(usize, SetAsideReason)> {
        let text = format!("Tiêu đề bài viết\nNgày đăng 13/01/2022\n\n{body}\n");
        let a = read("t.txt", text.as_bytes()).unwrap();
        a.set_aside.iter().map(|s| (s.line, s.reason)).collect()
    }

    #[test]
    fn page_furniture_around_the_story_is_set_aside() {
        let story = "Năm 2022, Đảng ủy đã lãnh đạo lực lượng vũ trang huyện hoàn thành tốt nhiệm vụ quốc phòng, quân sự địa phương.";
        // A photo's description and caption: the same sentence twice.
        let shown = "Đồng chí Bí thư Huyện uỷ làm việc với Ban Chỉ huy Quân sự huyện.";
        let more = "Năm 2023, công tác tuyển quân tiếp tục được chú trọng, bảo đảm chất lượng và đúng luật, được nhân dân đồng tình.";
        assert_eq!(
            set_aside(&format!("{story}\n\n{shown}\n\n{shown}\n\n{more}")),
            vec![(6, SetAsideReason::Caption), (8, SetAsideReason::Duplicate)]
        );
        // The lead repeated stays the lead.
        assert_eq!(
            set_aside(&format!(
                "{story}\n\n{story}\n\nĐoạn hai đã kể tiếp câu chuyện."
            )),
            vec![(6, SetAsideReason::Duplicate)]
        );
        // A button glued to the agency that signs the item.
        let a = read(
            "t.txt",
            format!("Tiêu đề\nNgày đăng 13/01/2022\n\n{story}\n\nTrung tâm VHTT-TT huyện Sông LôXem phản hồi\n").as_bytes(),
        )
        .unwrap();
        let aside: Vec<_> = a
            .set_aside
            .iter()
            .map(|s| (s.reason, s.text.as_str()))
            .collect();
        assert_eq!(
            aside,
            vec![
                (SetAsideReason::Debris, "Xem phản hồi"),
                (SetAsideReason::Credit, "Trung tâm VHTT-TT huyện Sông Lô")
            ]
        );
        // `Thực hiện:` over the makers' names.
        assert_eq!(
            set_aside(&format!("{story}\n\nThực hiện: \n\nLê Thương")),
            vec![(6, SetAsideReason::Credit), (8, SetAsideReason::Credit)]
        );
    }

    #[test]
    fn a_long_line_that_tells_the_story_is_body_without_its_full_stop() {
        let told = "Tại hội nghị các đại biểu đã được nghe Thường trực Đảng ủy phường báo cáo kết quả lãnh đạo thực hiện các nhiệm vụ năm 2023, triển khai phương hướng nhiệm vụ năm 2024";
        let before = "Năm 2023 mặc dù có nhiều khó khăn, Đảng bộ đã hoàn thành các chỉ tiêu về kinh tế, văn hóa và xã hội đề ra.";
        let after = "Hội nghị đã thảo luận, thống nhất các giải pháp trọng tâm cho công tác xây dựng Đảng trong năm tới.";
        assert_eq!(set_aside(&format!("{before}\n\n{told}\n\n{after}")), vec![]);
        // A short unfinished line is still a photo's caption.
        assert_eq!(
            set_aside(&format!(
                "{before}\n\nTại hội nghị, đồng chí Bí thư phát biểu\n\n{after}"
            )),
            vec![(6, SetAsideReason::Caption)]
        );
    }

    #[test]
    fn a_caption_glued_by_a_no_break_space_is_found_after_a_dateline() {
        // The space's offset is into the line before its dateline is cut.
        let text = "Tiêu đề bài viết năm 2021\nNgày đăng 13/01/2022\n\n(BĐ) - Đồng chí Bí thư phát biểu tại hội nghị (Ảnh: Minh Anh)\u{a0}Sáng 12/1, Đảng ủy phường tổ chức hội nghị tổng kết công tác năm 2021 với các đồng chí.\n";
        let a = read("t.txt", text.as_bytes()).unwrap();
        assert_eq!(
            a.blocks[0].text,
            "Sáng 12/1, Đảng ủy phường tổ chức hội nghị tổng kết công tác năm 2021 với các đồng chí."
        );
        let caption = a
            .set_aside
            .iter()
            .find(|s| s.reason == SetAsideReason::Caption);
        assert_eq!(
            caption.map(|s| s.text.as_str()),
            Some("Đồng chí Bí thư phát biểu tại hội nghị (Ảnh: Minh Anh)")
        );
    }

    #[test]
    fn a_dateline_then_a_no_break_space_inside_a_letter_keeps_the_paragraph() {
        // Found by the fuzz driver: the stale offset fell inside `ự`.
        let text = "Tiêu đề bài viết năm 2021\nNgày đăng 13/01/2022\n\n(BĐ) - Sáng 12/1, Đảng ủy phường tổ chức hội nghị,\u{a0}về dự hội nghị có đồng chí Bí thư.\n";
        let a = read("t.txt", text.as_bytes()).unwrap();
        assert_eq!(
            a.blocks[0].text,
            "Sáng 12/1, Đảng ủy phường tổ chức hội nghị, về dự hội nghị có đồng chí Bí thư."
        );
    }

    #[test]
    fn normalises_to_nfc_and_strips_bom_and_cr() {
        let nfd = "\u{feff}Tiêu đề\r\nNgày đăng 01/02/2020\r\n\r\nPhu\u{301}c \u{110}o\u{302}\u{300}ng đạt kết quả.\r\n";
        let a = read("t.txt", nfd.as_bytes()).unwrap();
        assert_eq!(a.blocks[0].text, "Phúc Đồng đạt kết quả.");
        assert_eq!(a.title, "Tiêu đề");
    }

    #[test]
    fn rejects_non_utf8_with_the_line_column_and_offset() {
        let err = read("bad.txt", b"Title\nline two\nok \xff\xfe broken").unwrap_err();
        assert!(
            err.to_string().starts_with(
                "bad.txt:3:4: the file is not UTF-8 text: byte 0xFF at byte offset 18"
            ),
            "{err}"
        );
    }

    #[test]
    fn rejects_text_without_body() {
        let err = read("x.txt", b"Just a title\n").unwrap_err();
        assert!(err.to_string().contains("no body paragraphs"), "{err}");
    }

    #[test]
    fn date_lines_in_several_forms() {
        assert!(parse_date_line("Ngày đăng 13/04/2021 | 16:15 | Lượt xem: 124").is_some());
        let d = parse_date_line("Ngày đăng 13/04/2021").unwrap();
        assert_eq!(d.date, Date::new(2021, 4, 13));
        assert!(d.time.is_none() && d.views.is_none());
        assert!(parse_date_line("13/04/2021 | 16:15").is_some());
        assert!(parse_date_line("Ngày 13/4/2021, tại phòng họp 2 trụ sở phường").is_none());
    }

    #[test]
    fn item_markers() {
        let m = |t: &str| item_marker(t);
        assert_eq!(m("1. Việc một."), Some("1.".into()));
        assert_eq!(m("12) Việc."), Some("12)".into()));
        assert_eq!(m("1.2 Tiểu mục."), Some("1.2".into()));
        assert_eq!(m("1.2.1. Điểm."), Some("1.2.1.".into()));
        assert_eq!(m("(3) Việc ba."), Some("(3)".into()));
        assert_eq!(m("a) Công tác."), Some("a)".into()));
        assert_eq!(m("- Tuyên truyền."), Some("-".into()));
        assert_eq!(m("-Tuyên truyền."), Some("-".into()));
        assert_eq!(m("+ Tổ chức."), Some("+".into()));
        assert_eq!(m("* Công tác."), Some("*".into()));
        assert_eq!(m("Một là: các đồng chí"), Some("Một là:".into()));
        assert_eq!(m("Bốn là, tăng cường"), Some("Bốn là,".into()));
        assert_eq!(m("Thứ nhất, nâng cao"), Some("Thứ nhất,".into()));
        assert_eq!(m("2021 là năm bản lề."), None);
        assert_eq!(m("13/13 chi bộ đã tổ chức."), None);
        assert_eq!(m("114,3% chỉ tiêu."), None);
        assert_eq!(m("Năm 2021, là năm"), None);
        assert_eq!(m("Hai lần tổ chức hội nghị."), None);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("xếp nhóm 2…)"));
        assert!(ends_sentence("có nhiều đổi mới:"));
        assert!(ends_sentence("nhiệm kỳ 2020-2025./."));
        assert!(!ends_sentence(
            "Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW"
        ));
    }
}
