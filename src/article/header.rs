//! The article's head: the category line, the title and the date line, each
//! found by what it is rather than where it sits. Date lines come in the
//! forms portals print (`Ngày đăng 13/01/2022 | 16:26 | Lượt xem: 466`,
//! `Thứ 4, 13/11/2019 | 15:18`, `Cập nhật: 05/06/2021`, `06:33 25/08/2020`,
//! `2025-04-22 15:17:00`, `thứ năm, 08 08 2019 08:51`, `05-06-24 13:37`,
//! `Thứ Hai, ngày 13 tháng 11 năm 2019`) or not at all; a byline right
//! under them (`Tác giả PHAN ANH`) is a credit.

use super::clean::Line;
use super::furniture::is_credit;
use super::lines::{ends_sentence, words};
use super::{Article, SetAside, SetAsideReason};
use crate::vn::Date;
use crate::vn::Lower;

/// How far down the head may reach: category, title, date, byline, a
/// second title line.
const HEAD_LINES: usize = 6;

/// Reads category, title and the date line; returns the index of the first body line.
pub(super) fn read_header(lines: &[&Line], article: &mut Article) -> usize {
    let head = &lines[..lines.len().min(HEAD_LINES)];
    let date_at = head.iter().position(|l| parse_date_line(&l.text).is_some());
    // The title: the last title-like line above the date line, or without
    // one the first title-like line of the head.
    let title_at = match date_at {
        Some(0) => 1.min(lines.len() - 1),
        Some(d) => (0..d)
            .rev()
            .find(|&i| title_like(&head[i].text))
            .unwrap_or(d - 1),
        None => title_without_date(head),
    };
    let mut body_start = title_at + 1;
    if let Some(d) = date_at {
        if let Some(meta) = parse_date_line(&lines[d].text) {
            article.published = meta.date;
            article.published_time = meta.time;
            article.views = meta.views;
        }
        body_start = body_start.max(d + 1);
    }
    // Above the title: the category (the line right above it), then debris.
    if title_at >= 1 && date_at != Some(title_at - 1) {
        article.category = Some(lines[title_at - 1].text.clone());
    }
    for (i, extra) in lines.iter().enumerate().take(body_start) {
        let is_category = title_at >= 1 && i == title_at - 1 && date_at != Some(i);
        if i == title_at || Some(i) == date_at || is_category {
            continue;
        }
        article.set_aside.push(SetAside {
            line: extra.number,
            text: extra.text.clone(),
            reason: SetAsideReason::Debris,
        });
    }
    // A byline under the head (`Tác giả PHAN ANH`).
    while body_start < lines.len()
        && body_start < HEAD_LINES + 1
        && is_byline(&lines[body_start].text)
    {
        article.set_aside.push(SetAside {
            line: lines[body_start].number,
            text: lines[body_start].text.clone(),
            reason: SetAsideReason::Credit,
        });
        body_start += 1;
    }
    article.title = lines[title_at].text.clone();
    article.title_line = lines[title_at].number;
    body_start.min(lines.len())
}

/// `Tác giả: X`, `Tác giả X`, `Người viết: X`, `Bài: X`: the author's line of a portal.
fn is_byline(text: &str) -> bool {
    let lower = text.lower();
    let short = words(text) <= 8;
    short
        && (["tác giả", "người viết", "bài:", "phóng viên"]
            .iter()
            .any(|p| lower.starts_with(p))
            || is_credit(text, true, false))
}

/// Whether a line can be a title: words, not a sentence paragraph, not too long.
fn title_like(text: &str) -> bool {
    let n = words(text);
    (2..=60).contains(&n)
        && text.chars().any(char::is_alphabetic)
        && !(text.ends_with('.') && n > 30)
        && parse_date_line(text).is_none()
}

/// A portal section name: a few words, no sentence punctuation.
fn category_like(text: &str) -> bool {
    let n = words(text);
    n <= 9
        && text.chars().count() <= 60
        && text.chars().any(char::is_alphabetic)
        && !ends_sentence(text)
        && !text.contains(':')
}

/// The title's index in a head without a date line: the second line when
/// the first is a short section name and the second a longer title, else
/// the first.
fn title_without_date(head: &[&Line]) -> usize {
    let first = &head[0].text;
    match head.get(1) {
        Some(second)
            if head.len() > 2
                && category_like(first)
                && title_like(&second.text)
                && !second.text.trim_end().ends_with('.')
                && words(&second.text) > words(first)
                && words(&second.text) <= 45 =>
        {
            1
        }
        _ => 0,
    }
}

pub(super) struct DateLine {
    pub(super) date: Option<Date>,
    pub(super) time: Option<String>,
    pub(super) views: Option<u64>,
}

/// Words a date line may carry besides dates, times and numbers.
const DATE_WORDS: [&str; 24] = [
    "ngày", "đăng", "cập", "nhật", "lúc", "lượt", "xem", "thứ", "hai", "ba", "tư", "năm", "sáu",
    "bảy", "chủ", "cn", "tháng", "giờ", "gmt+7", "gmt", "am", "pm", "sa", "ch",
];

/// Recognises a line that holds nothing but publication metadata: a date
/// in one of the portal forms, optionally a weekday, a time, a view count
/// and the words around them.
pub(super) fn parse_date_line(text: &str) -> Option<DateLine> {
    if text.len() > 360 || text.chars().count() > 90 {
        return None;
    }
    let lower = text.lower();
    let mut meta = DateLine {
        date: None,
        time: None,
        views: None,
    };
    if let Some(at) = lower.find("lượt xem") {
        let digits: String = lower[at..]
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .filter(char::is_ascii_digit)
            .collect();
        meta.views = digits.parse().ok();
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '|' || c == ',' || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
        .collect();
    let mut numbers: Vec<u32> = Vec::new();
    let mut words_seen = 0;
    for t in &tokens {
        let t = t.trim_matches(|c: char| c == ':' || c == '-' || c == '–' || c == '.');
        if t.is_empty() {
            continue;
        }
        if meta.date.is_none() {
            if let Some(d) = parse_date_token(t) {
                meta.date = Some(d);
                continue;
            }
        }
        if is_clock(t) {
            if meta.time.is_none() {
                meta.time = Some(t.split(':').take(2).collect::<Vec<_>>().join(":"));
            }
            continue;
        }
        if t.chars().all(|c| c.is_ascii_digit()) && t.len() <= 4 {
            numbers.push(t.parse().ok()?);
            continue;
        }
        // A count with thousands separators (`1.466` views).
        if t.chars().all(|c| c.is_ascii_digit() || c == '.') && t.contains('.') {
            continue;
        }
        if DATE_WORDS.contains(&t) {
            words_seen += 1;
            continue;
        }
        // A word that is not metadata: this is a sentence, not a date line.
        return None;
    }
    // `08 08 2019`, `ngày 13 tháng 11 năm 2019`: a date in separate numbers.
    if meta.date.is_none() {
        let day_first = numbers.windows(3).find_map(|w| {
            (w[2] >= 1000)
                .then(|| Date::new(w[2] as i32, w[1] as u8, w[0] as u8))
                .flatten()
        });
        meta.date = day_first;
    }
    let _ = words_seen;
    meta.date.is_some().then_some(meta)
}

/// One token holding a whole date: `13/01/2022`, `9-2-2020`, `27.7.2019`,
/// `2025-04-22`, `05-06-24` (day, month, two-digit year).
fn parse_date_token(t: &str) -> Option<Date> {
    let sep = ['/', '-', '.'].into_iter().find(|s| t.contains(*s))?;
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    match (parts[0].len(), parts[2].len()) {
        (4, _) => Date::new(n[0] as i32, n[1] as u8, n[2] as u8),
        (1 | 2, 4) => Date::new(n[2] as i32, n[1] as u8, n[0] as u8),
        (1 | 2, 2) if n[1] <= 12 => Date::new(2000 + n[2] as i32, n[1] as u8, n[0] as u8),
        _ => None,
    }
}

fn is_clock(token: &str) -> bool {
    let parts: Vec<&str> = token.split(':').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() != 2 && p.len() != 1) {
        return false;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    n.len() == parts.len() && n[0] < 24 && n[1] < 60 && parts[1].len() == 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines_in_the_forms_portals_print() {
        let d = |t: &str| parse_date_line(t).and_then(|m| m.date);
        assert_eq!(
            d("Ngày đăng 13/04/2021 | 16:15 | Lượt xem: 124"),
            Date::new(2021, 4, 13)
        );
        assert_eq!(d("Ngày đăng 13/04/2021"), Date::new(2021, 4, 13));
        assert_eq!(d("13/04/2021 | 16:15"), Date::new(2021, 4, 13));
        assert_eq!(d("Thứ 4, 13/11/2019 | 15:18"), Date::new(2019, 11, 13));
        assert_eq!(d("Cập nhật: 05/06/2021 10:00"), Date::new(2021, 6, 5));
        assert_eq!(d("06:33 25/08/2020"), Date::new(2020, 8, 25));
        assert_eq!(d("2025-04-22 15:17:00"), Date::new(2025, 4, 22));
        assert_eq!(d("thứ năm, 08 08 2019 08:51"), Date::new(2019, 8, 8));
        assert_eq!(d("05-06-24 13:37"), Date::new(2024, 6, 5));
        assert_eq!(d("22-10-2021  |  Lượt xem: 2"), Date::new(2021, 10, 22));
        assert_eq!(
            d("Thứ Hai, ngày 13 tháng 11 năm 2019"),
            Date::new(2019, 11, 13)
        );
        assert!(parse_date_line("Ngày 13/4/2021, tại phòng họp 2 trụ sở phường").is_none());
        assert!(parse_date_line("Năm 2021 là năm bản lề").is_none());
        let m = parse_date_line("Ngày đăng 13/01/2022 | 16:26 | Lượt xem: 1.466").unwrap();
        assert_eq!((m.time.as_deref(), m.views), (Some("16:26"), Some(1466)));
    }
}
