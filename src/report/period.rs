//! What period an article reports on, and where: read from its title, body
//! and publication date for the trích yếu of each kind of report.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::vn::{self, Date};

/// The period a report covers. Every field is present in the data (null when
/// unknown) so strict templates can test it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The year the report covers.
    pub year: i32,
    /// The year the direction section plans for.
    pub next_year: i32,
    /// The quarter reported on (1–4) and its year.
    pub quarter: u8,
    pub quarter_year: i32,
    /// The quarter planned for and its year.
    pub next_quarter: u8,
    pub next_quarter_year: i32,
    /// 1 for "6 tháng đầu năm", 2 for "6 tháng cuối năm", when the title says so.
    pub half: Option<u8>,
    /// The term most often named in the article (`nhiệm kỳ 2020-2022`).
    pub term: Option<Term>,
    /// The five-year term of the ward's Party committee (`2020 - 2025`).
    pub committee_term: Term,
    /// Number of the ward's Party congress (`XXII`), if named.
    pub congress: Option<String>,
    /// The resolution or directive reported on (`Nghị quyết Trung ương 4 khóa XII`).
    pub resolution: Option<String>,
    /// Time since the resolution took effect (`01 năm`), if stated.
    pub elapsed: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub start: i32,
    pub end: i32,
}

/// Place names found in the article, used when no organisation profile is given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Ward or commune name without its prefix (`Phúc Đồng`).
    pub ward: Option<String>,
    /// `phường`, `xã` or `thị trấn`.
    pub ward_type: Option<String>,
    /// District name without its prefix (`Long Biên`).
    pub district: Option<String>,
    /// `quận`, `huyện` or `thị xã`.
    pub district_type: Option<String>,
}

/// Reads the period from the article; `lower` holds its blocks lower-cased.
pub fn period(article: &Article, lower: &[String]) -> Period {
    let title = article.title.to_lowercase();
    let body = lower;
    let year = report_year(article, &title);

    let (quarter, quarter_year) = quarter_in(&title)
        .or_else(|| body.iter().find_map(|b| quarter_in(b)))
        .map(|(q, y)| (q, y.unwrap_or(year)))
        .unwrap_or_else(|| previous_quarter(article.published));
    let (next_quarter, next_quarter_year) = if quarter == 4 {
        (1, quarter_year + 1)
    } else {
        (quarter + 1, quarter_year)
    };
    let half = if title.contains("6 tháng đầu năm") || title.contains("sáu tháng đầu năm")
    {
        Some(1)
    } else if title.contains("6 tháng cuối năm") || title.contains("sáu tháng cuối năm") {
        Some(2)
    } else {
        None
    };

    let texts: Vec<&str> = std::iter::once(title.as_str())
        .chain(body.iter().map(String::as_str))
        .collect();
    let terms = terms(&texts);
    let term = most_common(&terms);
    let reference = article.published.map_or(year, |d| d.year);
    let committee_term = terms
        .iter()
        .copied()
        .find(|t| t.end - t.start == 5 && t.start % 5 == 0 && (t.start..t.end).contains(&reference))
        .unwrap_or(Term {
            start: reference - reference.rem_euclid(5),
            end: reference - reference.rem_euclid(5) + 5,
        });

    Period {
        year,
        next_year: year + 1,
        quarter,
        quarter_year,
        next_quarter,
        next_quarter_year,
        half,
        term,
        committee_term,
        congress: congress_number(
            (&article.title, &title),
            &article
                .blocks
                .iter()
                .zip(lower)
                .map(|(b, l)| (b.text.as_str(), l.as_str()))
                .collect::<Vec<_>>(),
        ),
        resolution: resolution_name(article),
        elapsed: elapsed(&texts),
    }
}

/// The year a report covers: the year in the title, else the one a leading
/// "Năm 2021," names, else the publication year (the previous one for reports
/// published in the first quarter).
fn report_year(article: &Article, title: &str) -> i32 {
    if let Some(y) = year_after(title, "năm ").or_else(|| quarter_in(title).and_then(|(_, y)| y)) {
        return y;
    }
    if let Some(first) = article.blocks.first() {
        let lower = first.text.to_lowercase();
        if lower.starts_with("năm ") {
            if let Some(y) = year_after(&lower, "năm ") {
                return y;
            }
        }
    }
    match article.published {
        Some(Date { year, month, .. }) if month <= 3 => year - 1,
        Some(d) => d.year,
        None => Date::today().year,
    }
}

/// Byte offsets of every occurrence of `needle` in `text`, left to right
/// (memchr's vectorised search; `str::match_indices` was a tenth of the
/// mapping stage).
fn find_all<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes())
}

/// The first four-digit year right after `word` in `text`.
fn year_after(text: &str, word: &str) -> Option<i32> {
    find_all(text, word).find_map(|i| {
        let rest = &text[i + word.len()..];
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        (digits.len() == 4).then(|| digits.parse().ok()).flatten()
    })
}

/// `quý I/2021`, `quý II năm 2022`, `quý 3`: the quarter and, if given, its year.
fn quarter_in(text: &str) -> Option<(u8, Option<i32>)> {
    find_all(text, "quý ").find_map(|i| {
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
    })
}

/// The quarter before the one a report was published in.
fn previous_quarter(published: Option<Date>) -> (u8, i32) {
    match published {
        Some(d) => {
            let current = (d.month - 1) / 3 + 1;
            if current == 1 {
                (4, d.year - 1)
            } else {
                (current - 1, d.year)
            }
        }
        None => previous_quarter(Some(Date::today())),
    }
}

/// Every `nhiệm kỳ 2020-2025` (or `NK 2021 – 2026`) span in the texts.
fn terms(texts: &[&str]) -> Vec<Term> {
    let mut out = Vec::new();
    for text in texts {
        for marker in ["nhiệm kỳ ", "nk "] {
            for i in find_all(text, marker) {
                let rest = &text[i + marker.len()..];
                let start: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                let after = rest[start.len()..].trim_start_matches([' ', '-', '–', '—']);
                let end: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
                if let (Ok(s), Ok(e)) = (start.parse::<i32>(), end.parse::<i32>()) {
                    if start.len() == 4 && end.len() == 4 && e > s && e - s <= 5 {
                        out.push(Term { start: s, end: e });
                    }
                }
            }
        }
    }
    out
}

/// The most frequent item; the first seen on a tie.
fn most_common<T: PartialEq + Copy>(items: &[T]) -> Option<T> {
    let mut best: Option<(T, usize)> = None;
    for (i, item) in items.iter().enumerate() {
        if items[..i].contains(item) {
            continue;
        }
        let n = items.iter().filter(|x| *x == item).count();
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((*item, n));
        }
    }
    best.map(|(t, _)| t)
}

/// The number of the ward's Party congress: `Đảng bộ phường lần thứ XXIII`
/// in the body, else `Đại hội lần thứ XXII` in the title.
fn congress_number(title: (&str, &str), body: &[(&str, &str)]) -> Option<String> {
    // `text` and its lower-cased form `lower`.
    let after = |(text, lower): (&str, &str), marker: &str| -> Option<String> {
        // Positions in the lower-cased text are valid in the original only if
        // lower-casing kept every byte length (it does for Vietnamese).
        let source = if lower.len() == text.len() {
            text
        } else {
            lower
        };
        find_all(lower, marker).find_map(|i| {
            let rest = &source[i + marker.len()..];
            let token: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            vn::parse_roman(&token).map(|_| token)
        })
    };
    for &text in body {
        for marker in [
            "đảng bộ phường lần thứ ",
            "đảng bộ xã lần thứ ",
            "đảng bộ thị trấn lần thứ ",
        ] {
            if let Some(n) = after(text, marker) {
                return Some(n);
            }
        }
    }
    after(title, "lần thứ ")
}

/// The resolution or directive an article reports on: named in the title
/// (`… thực hiện Nghị quyết Trung ương 4 khóa XII ở …`), else the one the body
/// names most often.
fn resolution_name(article: &Article) -> Option<String> {
    const KINDS: [&str; 4] = ["Nghị quyết", "Chỉ thị", "Kết luận", "Quy định"];
    const STOPS: [&str; 8] = [
        " ở ",
        " tại ",
        " trên địa bàn",
        " của đảng bộ",
        " của chi bộ",
        ",",
        ";",
        " gắn với",
    ];
    let cut = |text: &str| -> Option<String> {
        let start = KINDS.iter().filter_map(|k| text.find(k)).min()?;
        let rest = &text[start..];
        let end = STOPS
            .iter()
            .filter_map(|s| rest.find(s))
            .min()
            .unwrap_or(rest.len());
        let name = rest[..end].trim_end_matches(['.', ':', ' ']).to_string();
        (name.split_whitespace().count() >= 3).then_some(name)
    };
    if let Some(n) = cut(&article.title) {
        return Some(n);
    }
    let names: Vec<String> = article
        .blocks
        .iter()
        .flat_map(|b| {
            KINDS.iter().flat_map(|k| {
                find_all(&b.text, k).filter_map(|i| {
                    // A name is at most its first seven words: look for its end
                    // there, not in the whole paragraph.
                    let rest = &b.text[i..];
                    let rest = match rest.split_whitespace().nth(6) {
                        Some(w) => &rest[..w.as_ptr() as usize - rest.as_ptr() as usize + w.len()],
                        None => rest,
                    };
                    let end = STOPS
                        .iter()
                        .filter_map(|s| rest.find(s))
                        .min()
                        .unwrap_or(rest.len());
                    let name: Vec<&str> = rest[..end].split_whitespace().take(7).collect();
                    let has_id = name.iter().any(|w| {
                        w.contains('/')
                            || vn::parse_roman(w).is_some()
                            || w.chars().all(|c| c.is_ascii_digit())
                    });
                    (name.len() >= 3 && has_id).then(|| name.join(" "))
                })
            })
        })
        .collect();
    let refs: Vec<&String> = names.iter().collect();
    most_common(&refs).cloned()
}

/// `Qua 1 năm thực hiện` → `01 năm`.
fn elapsed(texts: &[&str]) -> Option<String> {
    for text in texts {
        for marker in ["qua ", "sau "] {
            for i in find_all(text, marker) {
                let rest = &text[i + marker.len()..];
                let n: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                if !n.is_empty() && rest[n.len()..].starts_with(" năm thực hiện") {
                    let n: u32 = n.parse().ok()?;
                    return Some(format!("{n:02} năm"));
                }
            }
        }
    }
    None
}

/// Ward and district names as the article writes them; `lower` holds its
/// blocks lower-cased.
pub fn place(article: &Article, lower: &[String]) -> Place {
    let title_lower = article.title.to_lowercase();
    let texts: Vec<Words> = std::iter::once((article.title.as_str(), title_lower.as_str()))
        .chain(
            article
                .blocks
                .iter()
                .zip(lower)
                .map(|(b, l)| (b.text.as_str(), l.as_str())),
        )
        .filter_map(|(text, lower)| {
            let words: Vec<&str> = text.split_whitespace().collect();
            let lows: Vec<&str> = lower.split_whitespace().collect();
            // Where lower-casing changed the spacing, words cannot be paired.
            (words.len() == lows.len()).then_some((words, lows))
        })
        .collect();
    let (ward_type, ward) = most_common_name(&texts, &["phường", "xã", "thị trấn"]).unzip();
    let (district_type, district) = most_common_name(
        &texts,
        &[
            "quận",
            "huyện",
            "thị xã",
            "quận ủy",
            "quận uỷ",
            "huyện ủy",
            "huyện uỷ",
        ],
    )
    .unzip();
    let district_type = district_type.map(|t: String| {
        t.trim_end_matches(" ủy")
            .trim_end_matches(" uỷ")
            .to_string()
    });
    Place {
        ward,
        ward_type,
        district,
        district_type,
    }
}

/// A text's words and the same words lower-cased.
type Words<'a> = (Vec<&'a str>, Vec<&'a str>);

/// The most frequent capitalised name after any of `prefixes` (matched
/// case-insensitively at a word start): `phường Phúc Đồng` → (`phường`,
/// `Phúc Đồng`).
fn most_common_name(texts: &[Words], prefixes: &[&str]) -> Option<(String, String)> {
    let prefixes: Vec<Vec<&str>> = prefixes.iter().map(|p| p.split(' ').collect()).collect();
    let mut found: Vec<(String, String)> = Vec::new();
    for (words, lows) in texts {
        for i in 0..words.len() {
            for pw in &prefixes {
                if lows[i] != pw[0] || i + pw.len() > words.len() || lows[i..i + pw.len()] != pw[..]
                {
                    continue;
                }
                let mut name = Vec::new();
                for raw in words[i + pw.len()..].iter().take(3) {
                    let w = raw.trim_end_matches([',', '.', ';', ':', ')', '”']);
                    let capitalised = w.chars().next().is_some_and(|c| c.is_uppercase())
                        && w.chars().all(|c| c.is_alphabetic())
                        && !w.chars().all(|c| c.is_uppercase());
                    if !capitalised {
                        break;
                    }
                    name.push(w);
                    if raw.len() != w.len() {
                        break; // punctuation ends the name
                    }
                }
                if !name.is_empty() {
                    found.push((pw.join(" "), name.join(" ")));
                }
            }
        }
    }
    let refs: Vec<&(String, String)> = found.iter().collect();
    most_common(&refs).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;

    fn period_of(a: &Article) -> Period {
        let lower: Vec<String> = a.blocks.iter().map(|b| b.text.to_lowercase()).collect();
        period(a, &lower)
    }

    fn article(title: &str, date: &str, body: &str) -> Article {
        article::read(
            "t.txt",
            format!("{title}\nNgày đăng {date}\n\n{body}\n").as_bytes(),
        )
        .unwrap()
    }

    #[test]
    fn quarter_from_title_or_publication_date() {
        let p = period_of(&article(
            "Đánh giá kết quả quý I/2021",
            "13/04/2021",
            "Nội dung đầy đủ.",
        ));
        assert_eq!(
            (
                p.quarter,
                p.quarter_year,
                p.next_quarter,
                p.next_quarter_year
            ),
            (1, 2021, 2, 2021)
        );
        let p = period_of(&article(
            "Kết quả công tác",
            "05/01/2022",
            "Nội dung đầy đủ.",
        ));
        assert_eq!(
            (
                p.quarter,
                p.quarter_year,
                p.next_quarter,
                p.next_quarter_year
            ),
            (4, 2021, 1, 2022)
        );
        assert_eq!(p.year, 2021);
    }

    #[test]
    fn terms_congress_resolution_and_elapsed_time() {
        let p = period_of(&article(
            "Một số kết quả bước đầu thực hiện Nghị quyết Trung ương 4 khóa XII ở đảng bộ phường Phúc Đồng",
            "28/12/2017",
            "Qua 1 năm thực hiện Nghị quyết, chi bộ nhiệm kỳ 2017-2020 và nhiệm kỳ 2017 - 2020 tổng kết. Đại hội Đảng bộ phường lần thứ XXI đã đề ra.",
        ));
        assert_eq!(
            p.resolution.as_deref(),
            Some("Nghị quyết Trung ương 4 khóa XII")
        );
        assert_eq!(p.elapsed.as_deref(), Some("01 năm"));
        assert_eq!(
            p.term,
            Some(Term {
                start: 2017,
                end: 2020
            })
        );
        assert_eq!(
            p.committee_term,
            Term {
                start: 2015,
                end: 2020
            }
        );
        assert_eq!(p.congress.as_deref(), Some("XXI"));
    }

    #[test]
    fn committee_term_follows_the_five_year_cycle() {
        let p = period_of(&article(
            "Sơ kết giữa nhiệm kỳ Đại hội lần thứ XXII",
            "03/04/2023",
            "Tổ trưởng nhiệm kỳ 2022 – 2025 được bầu.",
        ));
        assert_eq!(
            p.committee_term,
            Term {
                start: 2020,
                end: 2025
            }
        );
        assert_eq!(
            p.term,
            Some(Term {
                start: 2022,
                end: 2025
            })
        );
        assert_eq!(p.congress.as_deref(), Some("XXII"));
    }

    #[test]
    fn places_from_title_and_body() {
        let a = article(
            "Kết quả công tác năm 2021 của phường Phúc Đồng",
            "13/01/2022",
            "Quận ủy Long Biên chỉ đạo quận Long Biên.\n\nPhường Phúc Đồng, phường Phúc Đồng đạt.",
        );
        let lower: Vec<String> = a.blocks.iter().map(|b| b.text.to_lowercase()).collect();
        let p = place(&a, &lower);
        assert_eq!(p.ward.as_deref(), Some("Phúc Đồng"));
        assert_eq!(p.ward_type.as_deref(), Some("phường"));
        assert_eq!(p.district.as_deref(), Some("Long Biên"));
        assert_eq!(p.district_type.as_deref(), Some("quận"));
    }
}
