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

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Location, Result};
use crate::vn::Date;

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
}

/// Reads an article from the bytes of a text file named `source`.
pub fn read(source: &str, bytes: &[u8]) -> Result<Article> {
    let text = decode(source, bytes)?;
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
        return Err(Error::invalid(Location::file(source), "the file is empty")
            .with_hint("give a plain-text article: title, date line, paragraphs"));
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
        return Err(Error::invalid(
            Location::file(source),
            "no body paragraphs found: this does not look like an article",
        )
        .with_hint("an article needs a title line followed by paragraphs of text"));
    }
    Ok(article)
}

/// A cleaned input line with its 1-based number.
#[derive(Debug, Clone)]
struct Line {
    number: usize,
    text: String,
}

fn decode(source: &str, bytes: &[u8]) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s).to_string()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            Err(Error::invalid(
                Location::line(source, line),
                "the file is not UTF-8 text (an invalid byte sequence starts here)",
            )
            .with_hint("save the article as UTF-8 plain text"))
        }
    }
}

/// Splits into lines, decodes HTML entities (`&ocirc;` → `ô`), normalises to
/// NFC and cleans white space: tabs and no-break spaces become spaces,
/// invisible characters (CR, soft hyphen, zero-width marks, BOM) go, runs of
/// spaces collapse, ends are trimmed. Emoji are removed and returned with
/// their line.
fn clean_lines(text: &str) -> (Vec<Line>, Vec<(usize, String)>) {
    let mut emoji = Vec::new();
    let lines = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let decoded = html_escape::decode_html_entities(raw);
            // Most text arrives composed already: Latin letters below the
            // combining marks and the precomposed Vietnamese letters
            // (Latin Extended Additional) are NFC whatever surrounds them.
            let composed = |c: char| c < '\u{300}' || ('\u{1e00}'..='\u{1eff}').contains(&c);
            let nfc: std::borrow::Cow<str> = if decoded.chars().all(composed)
                || unicode_normalization::is_nfc_quick(decoded.chars())
                    == unicode_normalization::IsNormalized::Yes
            {
                decoded
            } else {
                std::borrow::Cow::Owned(decoded.nfc().collect())
            };
            let mut out = String::with_capacity(nfc.len());
            let mut removed = String::new();
            // Set after an emoji is dropped: a space it leaves before
            // punctuation goes too ("đẹp 🎉." → "đẹp.").
            let mut after_emoji = false;
            for c in nfc.chars() {
                // Letters, digits and punctuation of Vietnamese text skip the
                // tests: none is a space, a control, an emoji or invisible.
                if !matches!(c, '!'..='~' | '\u{c0}'..='\u{167f}' | '\u{1e00}'..='\u{1eff}') {
                    match c {
                        '\u{00ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {
                            continue
                        }
                        c if is_emoji(c) => {
                            if !matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{20e3}' | '\u{e0020}'..='\u{e007f}') {
                                removed.push(c);
                            }
                            after_emoji = true;
                            continue;
                        }
                        c if c.is_whitespace() => {
                            if !out.is_empty() && !out.ends_with(' ') {
                                out.push(' ');
                            }
                            continue;
                        }
                        c if c.is_control() => continue,
                        _ => {}
                    }
                }
                if after_emoji && ",.;:!?)".contains(c) && out.ends_with(' ') {
                    out.pop();
                }
                after_emoji = false;
                out.push(c);
            }
            if !removed.is_empty() {
                emoji.push((i + 1, removed));
            }
            Line {
                number: i + 1,
                text: out.trim_end().to_string(),
            }
        })
        .collect();
    (lines, emoji)
}

/// Emoji, pictographs and their modifiers.
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}'
        | '\u{2600}'..='\u{27bf}'
        | '\u{2b00}'..='\u{2bff}'
        | '\u{2300}'..='\u{23ff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{20e3}'
        | '\u{e0020}'..='\u{e007f}')
}

/// Joins hard-wrapped lines: a line that does not end a sentence, directly
/// followed (no blank line) by one that starts in lower case, continues it.
fn join_wrapped(lines: &[&Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut last_number = 0;
    for l in lines {
        let continues = out.last().is_some_and(|prev: &Line| {
            l.number == last_number + 1
                && !ends_sentence(&prev.text)
                && l.text.chars().next().is_some_and(|c| c.is_lowercase())
        });
        last_number = l.number;
        if continues {
            let prev = out.last_mut().expect("checked above");
            prev.text.push(' ');
            prev.text.push_str(&l.text);
        } else {
            out.push((*l).clone());
        }
    }
    out
}

/// Reads category, title and the date line; returns the index of the first body line.
fn read_header(lines: &[&Line], article: &mut Article) -> usize {
    // The date line, if any, sits within the first few lines.
    let date_at = lines
        .iter()
        .take(6)
        .position(|l| parse_date_line(&l.text).is_some());
    let (title_at, body_start) = match date_at {
        Some(d) if d >= 1 => (d - 1, d + 1),
        Some(_) => (1.min(lines.len() - 1), 2), // date line first: the title follows it
        None => {
            let first = &lines[0].text;
            if lines.len() > 2 && looks_like_category(first) && !looks_like_category(&lines[1].text)
            {
                (1, 2)
            } else {
                (0, 1)
            }
        }
    };
    if let Some(d) = date_at {
        if let Some(meta) = parse_date_line(&lines[d].text) {
            article.published = meta.date;
            article.published_time = meta.time;
            article.views = meta.views;
        }
    }
    if title_at >= 1 {
        let cat = &lines[title_at - 1];
        if date_at != Some(title_at - 1) {
            article.category = Some(cat.text.clone());
        }
        for extra in &lines[..title_at.saturating_sub(1)] {
            article.set_aside.push(SetAside {
                line: extra.number,
                text: extra.text.clone(),
                reason: SetAsideReason::Debris,
            });
        }
    }
    article.title = lines[title_at].text.clone();
    article.title_line = lines[title_at].number;
    body_start.min(lines.len())
}

/// A portal section name: short, no final punctuation, all lower case or all capitals.
fn looks_like_category(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let lower = letters.iter().all(|c| c.is_lowercase());
    let upper = letters.iter().all(|c| c.is_uppercase());
    text.chars().count() <= 40 && !letters.is_empty() && (lower || upper) && !ends_sentence(text)
}

struct DateLine {
    date: Option<Date>,
    time: Option<String>,
    views: Option<u64>,
}

/// Recognises `Ngày đăng 13/01/2022 | 16:26 | Lượt xem: 466` and its variants
/// (no time, no view count, no "Ngày đăng" prefix).
fn parse_date_line(text: &str) -> Option<DateLine> {
    if text.len() > 360 || text.chars().count() > 90 {
        return None;
    }
    let lower = text.to_lowercase();
    let has_marker = lower.starts_with("ngày đăng") || lower.contains("lượt xem");
    let mut meta = DateLine {
        date: None,
        time: None,
        views: None,
    };
    for part in text.split('|') {
        let part_lower = part.trim().to_lowercase();
        if let Some(rest) = part_lower.strip_prefix("lượt xem") {
            let digits: String = rest.chars().filter(|c| c.is_ascii_digit()).collect();
            meta.views = digits.parse().ok();
            continue;
        }
        for token in part.split_whitespace() {
            let token = token.trim_matches(|c: char| !c.is_ascii_digit());
            if meta.date.is_none() {
                if let Some(d) = Date::parse_dmy(token) {
                    meta.date = Some(d);
                    continue;
                }
            }
            if meta.time.is_none() && is_clock(token) {
                meta.time = Some(token.to_string());
            }
        }
    }
    // A bare date needs the line to be nothing but metadata.
    let only_metadata = text
        .split(|c: char| c == '|' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .all(|t| t.chars().all(|c| c.is_ascii_digit() || "/:-.".contains(c)));
    (meta.date.is_some() && (has_marker || only_metadata)).then_some(meta)
}

fn is_clock(token: &str) -> bool {
    let Some((h, m)) = token.split_once(':') else {
        return false;
    };
    matches!((h.parse::<u8>(), m.parse::<u8>()), (Ok(h), Ok(m)) if h < 24 && m < 60 && m_len_ok(token))
}

fn m_len_ok(token: &str) -> bool {
    token.split_once(':').is_some_and(|(_, m)| m.len() == 2)
}

/// Sorts body lines into blocks and what is not body text.
fn read_body(lines: &[Line], article: &mut Article) {
    let count = lines.len();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let title_key = dedup_key(&article.title).to_lowercase();
    for (i, line) in lines.iter().enumerate() {
        let (text, debris) = strip_debris(&line.text);
        if let Some(d) = debris {
            article.set_aside.push(SetAside {
                line: line.number,
                text: d,
                reason: SetAsideReason::Debris,
            });
        }
        if text.is_empty() {
            continue;
        }
        let last = i + 1 == count;
        let near_end = i + 3 >= count;
        let key = dedup_key(&text).to_string();
        let repeats_title = article.blocks.is_empty()
            && key.len() == title_key.len()
            && key.to_lowercase() == title_key;
        let reason = if repeats_title || seen.contains(&key) {
            Some(SetAsideReason::Duplicate)
        } else if is_credit(&text, near_end, last) {
            Some(SetAsideReason::Credit)
        } else if is_heading(&text) {
            None
        } else if is_caption(&text, last) {
            Some(SetAsideReason::Caption)
        } else {
            None
        };
        if let Some(reason) = reason {
            article.set_aside.push(SetAside {
                line: line.number,
                text,
                reason,
            });
            continue;
        }
        let kind = if is_heading(&text) {
            BlockKind::Heading
        } else {
            match item_marker(&text) {
                Some(marker) => BlockKind::Item { marker },
                None => BlockKind::Paragraph,
            }
        };
        if kind != BlockKind::Heading {
            seen.insert(key);
        }
        article.blocks.push(Block {
            line: line.number,
            text,
            kind,
        });
    }
    if let Some(b) = article.blocks.last() {
        if b.kind != BlockKind::Heading && !ends_sentence(&b.text) {
            article.notes.push(Note {
                line: b.line,
                message: "the article seems to stop mid-sentence here; the text is kept as it is"
                    .into(),
            });
        }
    }
}

/// Text compared to find repeats: no final punctuation.
fn dedup_key(text: &str) -> &str {
    text.trim_end_matches(['.', ':', ';', '!', '?', ' '])
}

/// The first `n` characters of `text`, lower-cased: enough for prefix tests
/// without lower-casing a whole paragraph.
fn lower_prefix(text: &str, n: usize) -> String {
    let end = text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
    text[..end].to_lowercase()
}

/// A heading in capitals inside the body (`KẾT QUẢ ĐẠT ĐƯỢC`, `I. PHƯƠNG HƯỚNG`).
fn is_heading(text: &str) -> bool {
    if text.len() > 600 || text.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    letters.len() >= 6
        && words >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && text.chars().count() <= 150
        && !text.ends_with('.')
}

/// Removes web-page leftovers (`]]>`, `<![CDATA[`, lone punctuation) from a
/// line; returns what is left and what was removed.
fn strip_debris(text: &str) -> (String, Option<String>) {
    const FRAGMENTS: [&str; 4] = ["<![CDATA[", "]]>", "&nbsp;", "<br>"];
    // Lines come with their white space collapsed (`clean_lines`): without
    // debris there is nothing to rejoin.
    if !FRAGMENTS.iter().any(|f| text.contains(f)) {
        return if text.chars().any(char::is_alphanumeric) {
            (text.to_string(), None)
        } else {
            (String::new(), (!text.is_empty()).then(|| text.to_string()))
        };
    }
    let mut rest = text.to_string();
    let mut removed = String::new();
    for f in FRAGMENTS {
        while let Some(i) = rest.find(f) {
            removed.push_str(f);
            rest.replace_range(i..i + f.len(), " ");
        }
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    if !rest.chars().any(char::is_alphanumeric) {
        removed.push_str(&rest);
        return (String::new(), (!removed.is_empty()).then_some(removed));
    }
    (rest, (!removed.is_empty()).then_some(removed))
}

/// Whether a sentence ends here: final `.` `!` `?` `:` `;` `…`, possibly
/// followed by closing quotes or brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(|c: char| "\"'”’)]»".contains(c) || c.is_whitespace());
    core.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Credits: `(Nguồn: …)`, `Tác giả: …`, `Tin, ảnh: …`, and near the end
/// `Theo …` or a lone byline (`Minh Anh`, `Thu Hà - Quang Hưng`).
fn is_credit(text: &str, near_end: bool, last: bool) -> bool {
    let lower = lower_prefix(text, 24);
    let lower = lower.trim_start_matches('(');
    const PREFIXES: [&str; 9] = [
        "nguồn:",
        "nguồn :",
        "tác giả:",
        "tin, ảnh:",
        "tin và ảnh:",
        "tin ảnh:",
        "bài, ảnh:",
        "bài và ảnh:",
        "phóng viên:",
    ];
    let chars = text.chars().count();
    if PREFIXES.iter().any(|p| lower.starts_with(p)) && (near_end || chars < 80) {
        return true;
    }
    if near_end
        && lower.starts_with("theo ")
        && chars <= 80
        && !text.contains(". ")
        && !text.contains(';')
    {
        return true;
    }
    // A lone byline closing the article: a few capitalised words.
    if !last || chars > 40 {
        return false;
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| *w != "-" && *w != "–")
        .collect();
    last && !words.is_empty()
        && words.len() <= 5
        && chars <= 40
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.trim_end_matches([',', '.'])
                    .chars()
                    .all(|c| c.is_alphabetic())
        })
}

/// Photo captions: `Ảnh: …`, a gallery intro (`Một số hình ảnh:`), a short
/// line that is not a sentence, or a short sentence that describes a photo
/// (`Đ/c … chủ trì hội nghị.`).
fn is_caption(text: &str, last: bool) -> bool {
    let lower = lower_prefix(text, 24);
    const PHOTO: [&str; 6] = [
        "ảnh:",
        "ảnh minh họa",
        "ảnh minh hoạ",
        "hình ảnh:",
        "toàn cảnh",
        "quang cảnh",
    ];
    if PHOTO.iter().any(|p| lower.starts_with(p)) || lower.starts_with("một số hình ảnh") {
        return true;
    }
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    let one_sentence = !text.trim_end_matches('.').contains(". ") && !text.contains("; ");
    if item_marker(text).is_some() || !one_sentence {
        return false;
    }
    if !ends_sentence(text) {
        // An article that stops mid-sentence ends with body text, not a caption.
        return chars <= 250 && !(last && words >= 8);
    }
    // A full stop, but a photo's subject and what it shows.
    const WHO: [&str; 7] = [
        "đ/c ",
        "đồng chí ",
        "các đồng chí ",
        "đại biểu ",
        "các đại biểu ",
        "lãnh đạo ",
        "các đ/c ",
    ];
    const DOING: [&str; 11] = [
        "phát biểu",
        "trao ",
        "tặng ",
        "chủ trì",
        "tham dự",
        "dự hội nghị",
        "chụp ảnh",
        "tại hội nghị",
        "tại buổi",
        "tại lễ",
        "tặng quà",
    ];
    text.ends_with('.')
        && chars <= 160
        && !text.contains(':')
        && WHO.iter().any(|w| lower.starts_with(w))
        && {
            let whole = text.to_lowercase();
            DOING.iter().any(|d| whole.contains(d))
        }
}

/// The marker of a list item, if the text is one: `1.`, `1)`, `1.2`,
/// `1.2.1.`, `(1)`, `a)`, a bullet (`-`, `+`, `*`, `•`, with or without a
/// space after it), or an ordinal lead-in (`Một là:` … `Mười là:`, `Thứ nhất,`).
pub(crate) fn item_marker(text: &str) -> Option<String> {
    let first = text.split_whitespace().next()?;
    // Numbered: digits with dots, ending in "." or ")" or followed by text.
    let numbered = |s: &str| {
        let core = s.trim_end_matches(['.', ')']);
        !core.is_empty()
            && core.len() < s.len() + usize::from(core.contains('.'))
            && core
                .split('.')
                .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
    };
    if first.len() < text.len()
        && numbered(first)
        && (first.ends_with(['.', ')']) || first.contains('.'))
    {
        return Some(first.to_string());
    }
    // (1), (12)
    if first.starts_with('(')
        && first.ends_with(')')
        && first.len() <= 5
        && first[1..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit())
        && first.len() > 2
    {
        return Some(first.to_string());
    }
    // a), b), đ)
    let mut chars = first.chars();
    if let (Some(c), Some(')'), None) = (chars.next(), chars.next(), chars.next()) {
        if c.is_lowercase() && first.len() < text.len() {
            return Some(first.to_string());
        }
    }
    // Bullets, with or without a space after them.
    if let Some(b) = text
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '+' | '*' | '•' | '–' | '·'))
    {
        let rest = text[b.len_utf8()..].trim_start();
        if rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '“')
        {
            return Some(b.to_string());
        }
    }
    // Ordinal lead-ins.
    let lower = lower_prefix(text, 16);
    const ORDINALS: [&str; 10] = [
        "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    for o in ORDINALS {
        let lead = format!("{o} là");
        if lower.starts_with(&lead) && lower[lead.len()..].starts_with([':', ',']) {
            return Some(text[..lead.len() + 1].to_string());
        }
    }
    if let Some(rest) = lower.strip_prefix("thứ ") {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        const NTH: [&str; 9] = [
            "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín",
        ];
        let end = lower.len() - rest.len() + word.len();
        if NTH.contains(&word.as_str()) && lower[end..].starts_with([':', ',']) {
            return Some(text[..end + 1].to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn normalises_to_nfc_and_strips_bom_and_cr() {
        let nfd = "\u{feff}Tiêu đề\r\nNgày đăng 01/02/2020\r\n\r\nPhu\u{301}c \u{110}o\u{302}\u{300}ng đạt kết quả.\r\n";
        let a = read("t.txt", nfd.as_bytes()).unwrap();
        assert_eq!(a.blocks[0].text, "Phúc Đồng đạt kết quả.");
        assert_eq!(a.title, "Tiêu đề");
    }

    #[test]
    fn rejects_non_utf8_with_the_line() {
        let err = read("bad.txt", b"Title\nline two\n\xff\xfe broken").unwrap_err();
        assert!(err.to_string().starts_with("bad.txt:3: "), "{err}");
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
