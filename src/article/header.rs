//! The article's head: the category line, the title and the date line
//! (`Ngày đăng 13/01/2022 | 16:26 | Lượt xem: 466` and its variants).

use super::clean::Line;
use super::lines::ends_sentence;
use super::{Article, SetAside, SetAsideReason};
use crate::vn::Date;

/// Reads category, title and the date line; returns the index of the first body line.
pub(super) fn read_header(lines: &[&Line], article: &mut Article) -> usize {
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

pub(super) struct DateLine {
    pub(super) date: Option<Date>,
    pub(super) time: Option<String>,
    pub(super) views: Option<u64>,
}

/// Recognises `Ngày đăng 13/01/2022 | 16:26 | Lượt xem: 466` and its variants
/// (no time, no view count, no "Ngày đăng" prefix).
pub(super) fn parse_date_line(text: &str) -> Option<DateLine> {
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
