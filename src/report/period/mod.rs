//! What period an article reports on, read from the article alone: the
//! title first, then the body, then (with a note saying so) the publication
//! date. Nothing is taken from today's date or computed from a congress
//! number; what the article does not give stays empty, for the clerk to
//! give (`--year`, `--term`, `--quarter`, `--half`, or the report data).
//! `sources` says where each value came from.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::i18n::Lang;
use crate::t_in;
use crate::vn::Lower;
use crate::vn::{self, Date};

mod names;

use names::{congress_number, congress_of, elapsed, resolution_name};

/// The period a report covers. Every field is present in the data (null when
/// unknown) so strict templates can test it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The year the report covers.
    #[serde(default, deserialize_with = "super::checked::year")]
    pub year: Option<i32>,
    /// The year the direction section plans for, when the article names it.
    #[serde(default, deserialize_with = "super::checked::year")]
    pub next_year: Option<i32>,
    /// The quarter reported on (1–4) and its year.
    #[serde(default, deserialize_with = "super::checked::quarter")]
    pub quarter: Option<u8>,
    #[serde(default, deserialize_with = "super::checked::year")]
    pub quarter_year: Option<i32>,
    /// The quarter planned for and its year.
    #[serde(default, deserialize_with = "super::checked::quarter")]
    pub next_quarter: Option<u8>,
    #[serde(default, deserialize_with = "super::checked::year")]
    pub next_quarter_year: Option<i32>,
    /// 1 for a review of the first half-year (`sơ kết 6 tháng đầu năm`), 2 for the second.
    #[serde(default, deserialize_with = "super::checked::half")]
    pub half: Option<u8>,
    /// The term the article names most (`nhiệm kỳ 2020-2022`): a congress's new term.
    #[serde(default, deserialize_with = "super::checked::term")]
    pub term: Option<Term>,
    /// The five-year term of the issuing committee (`2020 - 2025`), if named.
    #[serde(default, deserialize_with = "super::checked::term")]
    pub committee_term: Option<Term>,
    /// Number of the Party congress (`XXII`), if named.
    pub congress: Option<String>,
    /// Whose congress it is, when one body's (`Chi bộ Trường THCS Kim Đồng`,
    /// `Đảng bộ xã Phong Hải`); none for the branches' congresses together.
    #[serde(default)]
    pub congress_of: Option<String>,
    /// The resolution or directive reported on (`Nghị quyết Trung ương 4 khóa XII`).
    pub resolution: Option<String>,
    /// Time since the resolution took effect (`01 năm`), if stated.
    pub elapsed: Option<String>,
    /// Where each value came from (`year: the title`).
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub start: i32,
    pub end: i32,
}

impl Term {
    /// `2020-2025`, `2020 - 2025`.
    pub fn parse(s: &str) -> Option<Term> {
        let (a, b) = s.split_once(['-', '–'])?;
        let (start, end) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
        (end > start && end - start <= 5 && (1945..2100).contains(&start))
            .then_some(Term { start, end })
    }
}

/// What the command line or the clerk gives, overriding the article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Given {
    pub year: Option<i32>,
    pub term: Option<Term>,
    /// Quarter and its year.
    pub quarter: Option<(u8, i32)>,
    /// Half (1, 2) and its year.
    pub half: Option<(u8, i32)>,
}

impl Period {
    /// Applies what the clerk gives; the derived fields follow.
    pub fn apply(&mut self, given: &Given) {
        let set = |field: &str, p: &mut Period| {
            p.sources.insert(field.to_string(), "given".to_string());
        };
        if let Some(y) = given.year {
            self.year = Some(y);
            self.next_year = Some(y + 1);
            set("year", self);
        }
        if let Some(t) = given.term {
            self.term = Some(t);
            if t.end - t.start == 5 {
                self.committee_term = Some(t);
            }
            set("term", self);
        }
        if let Some((q, y)) = given.quarter {
            self.quarter = Some(q);
            self.quarter_year = Some(y);
            let (nq, ny) = if q == 4 { (1, y + 1) } else { (q + 1, y) };
            self.next_quarter = Some(nq);
            self.next_quarter_year = Some(ny);
            self.half = None;
            set("quarter", self);
        }
        if let Some((h, y)) = given.half {
            self.half = Some(h);
            self.year = Some(y);
            self.next_year = Some(y + 1);
            set("half", self);
        }
    }
}

/// A year the period names, with where it was found.
struct Found<T> {
    value: T,
    from: String,
}

/// Reads the period from the article; `lower` holds its blocks lower-cased.
/// Returns it and the notes to tell the user (a value taken from the
/// publication date).
pub fn period(article: &Article, lower: &[String]) -> (Period, Vec<String>) {
    let title = article.title.lower();
    let mut p = Period::default();
    let mut notes = Vec::new();
    let texts: Vec<(&str, String)> = std::iter::once((title.as_str(), "the title".to_string()))
        .chain(
            article
                .blocks
                .iter()
                .zip(lower)
                .map(|(b, l)| (l.as_str(), format!("line {}", b.line))),
        )
        .collect();
    // Every year the article names, for the checks of the derived fields.
    let named: Vec<i32> = texts.iter().flat_map(|(t, _)| years_in(t)).collect();

    // The year.
    let year = year_of(&title)
        .map(|y| Found {
            value: y,
            from: "the title".into(),
        })
        .or_else(|| {
            let lead: Vec<&(&str, String)> = texts.iter().skip(1).take(2).collect();
            lead.iter().find_map(|(t, from)| {
                year_of(t).map(|y| Found {
                    value: y,
                    from: from.clone(),
                })
            })
        })
        .or_else(|| {
            most_named_year(&texts[1..], article.published)
                .map(|(y, from)| Found { value: y, from })
        })
        .or_else(|| {
            article.published.map(|d| {
                // In English, as `inspect` writes it; the warning is translated.
                notes.push(t_in!(Lang::En, "note-no-year", year = d.year));
                Found {
                    value: d.year,
                    from: "the publication date".into(),
                }
            })
        });
    if let Some(y) = year {
        p.year = Some(y.value);
        p.sources.insert("year".into(), y.from);
        // The next year only where the article plans for it by name.
        if named.contains(&(y.value + 1)) {
            p.next_year = Some(y.value + 1);
        }
    }

    // The quarter or the half-year.
    let quarter = texts
        .iter()
        .take(3)
        .find_map(|(t, from)| quarter_in(t).map(|q| (q, from.clone())));
    if let Some(((q, qy), from)) = quarter.clone() {
        let qy = qy.or(p.year);
        p.quarter = Some(q);
        p.quarter_year = qy;
        p.sources.insert("quarter".into(), from);
        let (nq, ny) = match (q, qy) {
            (4, Some(y)) => (1, named.contains(&(y + 1)).then_some(y + 1)),
            (q, y) => (q + 1, y),
        };
        p.next_quarter = Some(nq);
        p.next_quarter_year = ny;
    }
    if let Some((h, from)) = texts
        .iter()
        .take(3)
        .find_map(|(t, from)| half_in(t).map(|h| (h, from.clone())))
    {
        p.half = Some(h);
        p.sources.insert("half".into(), from);
        if quarter.is_none() {
            p.quarter = None;
        }
    }

    // Terms: the title's, else the one named most (the latest on a tie).
    let title_terms = terms_in(&title);
    let all_terms: Vec<Term> = texts.iter().flat_map(|(t, _)| terms_in(t)).collect();
    let term = title_terms.first().copied().or_else(|| {
        let mut counts: Vec<(Term, usize)> = Vec::new();
        for t in &all_terms {
            match counts.iter_mut().find(|(c, _)| c == t) {
                Some((_, n)) => *n += 1,
                None => counts.push((*t, 1)),
            }
        }
        counts
            .into_iter()
            .max_by_key(|(t, n)| (*n, t.start))
            .map(|(t, _)| t)
    });
    if let Some(t) = term {
        p.term = Some(t);
        p.sources.insert(
            "term".into(),
            if title_terms.is_empty() {
                "the body"
            } else {
                "the title"
            }
            .into(),
        );
    }
    // The committee's five-year term: one the article names that holds the
    // year it speaks of.
    let reference = article.published.map(|d| d.year).or(p.year);
    let five: Vec<Term> = title_terms
        .iter()
        .chain(&all_terms)
        .copied()
        .filter(|t| t.end - t.start == 5)
        .collect();
    p.committee_term = five
        .iter()
        .copied()
        .find(|t| reference.is_some_and(|r| (t.start..=t.end).contains(&r)))
        .or_else(|| five.first().copied());

    p.congress = congress_number(
        &article.title,
        article.blocks.iter().map(|b| b.text.as_str()),
    );
    p.congress_of = congress_of(&article.title);
    p.resolution = resolution_name(article);
    p.elapsed = texts.iter().find_map(|(t, _)| elapsed(t));
    (p, notes)
}

/// The four-digit years of a text.
fn years_in(text: &str) -> Vec<i32> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            if j - i == 4 {
                if let Ok(y) = text[i..j].parse::<i32>() {
                    if (1945..2100).contains(&y) {
                        out.push(y);
                    }
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The four-digit year right after `marker` in `text` (`năm 2021`, `năm học 2020-2021`).
fn year_after(text: &str, marker: &str) -> Option<i32> {
    memchr::memmem::find_iter(text.as_bytes(), marker.as_bytes()).find_map(|i| {
        let rest = &text[i + marker.len()..];
        let rest = rest.strip_prefix("học ").unwrap_or(rest);
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        let year: i32 = (digits.len() == 4).then(|| digits.parse().ok()).flatten()?;
        // `năm học 2020-2021`: the school year ends in the second.
        let after = &rest[4..];
        // Four bytes that are four digits (`get` is `None` inside a letter).
        let second = after
            .strip_prefix(['-', '–'])
            .and_then(|a| a.trim_start().get(..4))
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
        match second {
            Some(d) => d.parse().ok(),
            None => Some(year),
        }
    })
}

/// The year a text says it reports on: `năm 2021`, `quý I/2021`,
/// `6 tháng đầu năm 2026`, `tháng 6/2019`.
fn year_of(text: &str) -> Option<i32> {
    year_after(text, "năm ")
        .or_else(|| quarter_in(text).and_then(|(_, y)| y))
        .or_else(|| {
            memchr::memmem::find_iter(text.as_bytes(), b"th\xc3\xa1ng ").find_map(|i| {
                let rest = &text[i + "tháng ".len()..];
                let (_, y) = rest.split_once('/')?;
                let y: String = y.chars().take_while(|c| c.is_ascii_digit()).collect();
                (y.len() == 4).then(|| y.parse().ok()).flatten()
            })
        })
}

/// The year the body names most often after `năm`, not after the
/// publication year; where it was found.
fn most_named_year(texts: &[(&str, String)], published: Option<Date>) -> Option<(i32, String)> {
    let mut counts: Vec<(i32, usize, String)> = Vec::new();
    for (t, from) in texts {
        for at in memchr::memmem::find_iter(t.as_bytes(), b"n\xc4\x83m ") {
            let digits: String = t[at + "năm ".len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let Ok(y) = digits.parse::<i32>() else {
                continue;
            };
            if digits.len() != 4 || published.is_some_and(|d| y > d.year) {
                continue;
            }
            match counts.iter_mut().find(|(c, _, _)| *c == y) {
                Some((_, n, _)) => *n += 1,
                None => counts.push((y, 1, from.clone())),
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n, _)| *n >= 2)
        .max_by_key(|(y, n, _)| (*n, *y))
        .map(|(y, _, from)| (y, from))
}

/// `quý I/2021`, `quý II năm 2022`, `quý 3`, `9 tháng`: the quarter and, if given, its year.
fn quarter_in(text: &str) -> Option<(u8, Option<i32>)> {
    let found = memchr::memmem::find_iter(text.as_bytes(), "quý ".as_bytes()).find_map(|i| {
        let rest = &text[i + "quý ".len()..];
        let token: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
        let q = match token.to_uppercase().as_str() {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            "IV" | "4" => 4,
            _ => return None,
        };
        let after = &rest[token.len()..];
        let year = after
            .strip_prefix('/')
            .and_then(|r| r.get(..4))
            .and_then(|y| y.parse().ok())
            .or_else(|| year_after(after.get(..after.len().min(12)).unwrap_or(after), "năm "));
        Some((q, year))
    });
    found.or_else(|| {
        ["9 tháng", "chín tháng"]
            .iter()
            .find_map(|m| text.find(m).map(|at| (3, year_after(&text[at..], "năm "))))
    })
}

/// Which half-year a text reviews: the first when it names `6 tháng đầu
/// năm`, or plans `6 tháng cuối năm` without reporting on it.
fn half_in(text: &str) -> Option<u8> {
    let first = ["6 tháng đầu năm", "sáu tháng đầu năm"]
        .iter()
        .any(|m| text.contains(m));
    let second = ["6 tháng cuối năm", "sáu tháng cuối năm"]
        .iter()
        .find_map(|m| text.find(m));
    match (first, second) {
        (true, _) => Some(1),
        (false, Some(at)) => {
            let before = &text[..at];
            let plans = [
                "nhiệm vụ",
                "phương hướng",
                "triển khai",
                "kế hoạch",
                "ra nghị quyết",
            ]
            .iter()
            .any(|m| before.contains(m));
            let reports = ["kết quả", "tổng kết", "sơ kết"]
                .iter()
                .any(|m| before.contains(m));
            Some(if plans && !reports { 1 } else { 2 })
        }
        _ => ["sơ kết 6 tháng", "sơ kết sáu tháng"]
            .iter()
            .any(|m| text.contains(m))
            .then_some(1),
    }
}

/// Every `nhiệm kỳ 2020-2025` (or `NK 2021 – 2026`, `nhiệm kỳ 2020 - 2025`)
/// span in a text that is a Party body's: the terms of people's councils
/// and the National Assembly (`HĐND các cấp nhiệm kỳ 2021-2026`) are not.
fn terms_in(text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    for marker in ["nhiệm kỳ ", "nk "] {
        for i in memchr::memmem::find_iter(text.as_bytes(), marker.as_bytes()) {
            let mut from = i.saturating_sub(60);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = &text[from..i];
            if [
                "hđnd",
                "hội đồng nhân dân",
                "quốc hội",
                "ubnd",
                "ủy ban nhân dân",
            ]
            .iter()
            .any(|s| before.contains(s))
            {
                continue;
            }
            let rest = &text[i + marker.len()..];
            let rest = rest.trim_start_matches(['(', ' ']);
            let start: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            let after = rest[start.len()..].trim_start_matches([' ', '-', '–', '—']);
            let end: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
            if start.len() == 4 && end.len() == 4 {
                if let Some(t) = Term::parse(&format!("{start}-{end}")) {
                    out.push(t);
                }
            }
        }
    }
    out
}

/// Vietnamese ordinal words of congresses (`lần thứ Nhất`) as Roman numerals.
fn ordinal_word(word: &str) -> Option<u32> {
    let n = match word.lower().as_str() {
        "nhất" | "i" => 1,
        "hai" => 2,
        "ba" => 3,
        "tư" => 4,
        "năm" => 5,
        "sáu" => 6,
        "bảy" => 7,
        "tám" => 8,
        "chín" => 9,
        "mười" => 10,
        _ => return None,
    };
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::names::names_in;
    use super::*;
    use crate::article;

    fn period_of(a: &Article) -> Period {
        let lower: Vec<String> = a.blocks.iter().map(|b| b.text.lower()).collect();
        period(a, &lower).0
    }

    #[test]
    fn a_school_year_cut_inside_a_letter_is_its_first_year() {
        // Found by the fuzz driver: four bytes after the dash, not four digits.
        assert_eq!(year_after("năm học 2010-201ע", "năm "), Some(2010));
        assert_eq!(year_after("năm 2010-ở", "năm "), Some(2010));
        assert_eq!(year_after("năm học 2010-2011", "năm "), Some(2011));
    }

    fn article(title: &str, date: &str, body: &str) -> Article {
        let date = if date.is_empty() {
            String::new()
        } else {
            format!("Ngày đăng {date}\n")
        };
        article::read("t.txt", format!("{title}\n{date}\n{body}\n").as_bytes()).unwrap()
    }

    #[test]
    fn the_year_comes_from_the_title_the_body_or_the_publication_date_never_today() {
        let p = period_of(&article(
            "Kết quả công tác năm 2021",
            "13/01/2022",
            "Nội dung đầy đủ của bài viết.",
        ));
        assert_eq!((p.year, p.next_year), (Some(2021), None));
        assert_eq!(p.sources["year"], "the title");
        let p = period_of(&article(
            "Kết quả công tác",
            "13/01/2022",
            "Năm 2021 là năm bản lề. Phương hướng năm 2022 đã rõ.",
        ));
        assert_eq!((p.year, p.next_year), (Some(2021), Some(2022)));
        let a = article(
            "Kết quả công tác",
            "05/01/2022",
            "Nội dung đầy đủ của bài viết.",
        );
        let lower: Vec<String> = a.blocks.iter().map(|b| b.text.lower()).collect();
        let (p, notes) = period(&a, &lower);
        assert_eq!(p.year, Some(2022));
        assert!(notes[0].contains("publication year"), "{notes:?}");
        let p = period_of(&article(
            "Tin tức hoạt động",
            "",
            "Nội dung đầy đủ của bài viết.",
        ));
        assert_eq!(p.year, None, "no year anywhere: none");
        assert_eq!(p.quarter, None);
    }

    #[test]
    fn quarters_and_half_years() {
        let p = period_of(&article(
            "Đánh giá kết quả quý I/2021",
            "13/04/2021",
            "Nội dung đầy đủ của bài.",
        ));
        assert_eq!(
            (
                p.quarter,
                p.quarter_year,
                p.next_quarter,
                p.next_quarter_year
            ),
            (Some(1), Some(2021), Some(2), Some(2021))
        );
        let p = period_of(&article(
            "Kết quả công tác quý IV năm 2021",
            "05/01/2022",
            "Nội dung đầy đủ của bài.",
        ));
        assert_eq!(
            (p.next_quarter, p.next_quarter_year),
            (Some(1), None),
            "2022 is not named"
        );
        let p = period_of(&article(
            "Hội nghị sơ kết công tác 6 tháng đầu năm 2023",
            "05/07/2023",
            "Nội dung đầy đủ của bài.",
        ));
        assert_eq!((p.half, p.year, p.quarter), (Some(1), Some(2023), None));
        let p = period_of(&article(
            "Đảng ủy tổ chức hội nghị ra nghị quyết lãnh đạo thực hiện nhiệm vụ 6 tháng cuối năm 2026",
            "",
            "Nội dung đầy đủ của bài.",
        ));
        assert_eq!(
            p.half,
            Some(1),
            "the review of the first half plans the second"
        );
    }

    #[test]
    fn terms_are_the_articles_never_computed() {
        let p = period_of(&article(
            "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ phường lần thứ XXII, nhiệm kỳ 2020 - 2025",
            "03/04/2023",
            "Tổ trưởng nhiệm kỳ 2022 – 2025 được bầu.",
        ));
        assert_eq!(
            p.committee_term,
            Some(Term {
                start: 2020,
                end: 2025
            })
        );
        assert_eq!(p.congress.as_deref(), Some("XXII"));
        let p = period_of(&article(
            "Sơ kết giữa nhiệm kỳ",
            "03/04/2023",
            "Nội dung đầy đủ của bài.",
        ));
        assert_eq!(p.committee_term, None);
        let p = period_of(&article(
            "Đại hội đại biểu Đảng bộ xã Phong Hải lần thứ Nhất nhiệm kỳ 2025 – 2030",
            "",
            "Nhiệm kỳ 2020 - 2025 đã qua. Nhiệm kỳ 2025 - 2030 mở ra.",
        ));
        assert_eq!(
            p.term,
            Some(Term {
                start: 2025,
                end: 2030
            })
        );
        assert_eq!(p.congress.as_deref(), Some("I"));
        assert_eq!(p.congress_of.as_deref(), Some("Đảng bộ xã Phong Hải"));
        let p = period_of(&article(
            "Đại hội Chi bộ Trường THCS Kim Đồng nhiệm kỳ 2022 - 2025",
            "",
            "Nội dung đầy đủ của bài.",
        ));
        assert_eq!(
            p.congress_of.as_deref(),
            Some("Chi bộ Trường THCS Kim Đồng")
        );
        let p = period_of(&article(
            "Đại hội các chi bộ trực thuộc",
            "",
            "Nội dung đầy đủ.",
        ));
        assert_eq!(p.congress_of, None);
        let p = period_of(&article(
            "Hội nghị BCH Đảng bộ huyện lần thứ 17, khóa VIII",
            "",
            "Nội dung đầy đủ.",
        ));
        assert_eq!(p.congress, None, "a meeting's number is no congress's");
    }

    #[test]
    fn resolution_names_are_taken_whole() {
        let n = |t: &str| names_in(t).into_iter().next();
        assert_eq!(
            n("Một số kết quả bước đầu thực hiện Nghị quyết Trung ương 4 khóa XII ở đảng bộ phường").as_deref(),
            Some("Nghị quyết Trung ương 4 khóa XII")
        );
        assert_eq!(
            n("thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập")
                .as_deref(),
            Some("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
        );
        assert_eq!(
            n("tổng kết 10 năm thực hiện Nghị quyết 33/2014 của Ban Chấp hành Trung ương về xây dựng").as_deref(),
            Some("Nghị quyết 33/2014 của Ban Chấp hành Trung ương")
        );
        assert_eq!(
            n("Sơ kết 03 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị.").as_deref(),
            Some("Kết luận số 01-KL/TW của Bộ Chính trị")
        );
        assert_eq!(
            n("Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XXVI, huyện Mai Châu").as_deref(),
            Some("Nghị quyết Đại hội Đảng bộ huyện lần thứ XXVI")
        );
        assert_eq!(
            n("Nghị quyết số 24-NQ/TW ngày 16/4/2013 của Ban Chấp hành Trung ương Đảng khóa XI về chủ động").as_deref(),
            Some("Nghị quyết số 24-NQ/TW ngày 16/4/2013 của Ban Chấp hành Trung ương Đảng")
        );
        assert_eq!(n("các nghị quyết của cấp trên"), None);
        assert_eq!(
            elapsed("sơ kết 03 năm thực hiện kết luận").as_deref(),
            Some("03 năm")
        );
    }
}
