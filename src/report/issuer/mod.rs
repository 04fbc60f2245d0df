//! Who issues the report and where: the place names the article uses (the
//! ward or commune and its district) and the Party organisation whose work
//! it reports, each with the line it was found on.

use serde::{Deserialize, Serialize};

use crate::article::{Article, BlockKind};
use crate::profile::BodyKind;
use crate::vn::Date;

mod names;
mod roundup;
mod superior;

use crate::vn::Lower;
use names::{issuing, mentions, name_after, specific, Head, Mention};
use superior::superior;

/// The letterhead the article gives: who issues the report, its superior,
/// the place of the date line, each with the line it was found on and why;
/// the clerk may correct them in the report data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Letterhead {
    pub issuer: Option<Sourced>,
    pub superior: Option<Sourced>,
    pub place: Option<Sourced>,
    /// The kind of issuing body, which chooses the signing rules.
    pub body: Option<BodyKind>,
}

/// A letterhead value and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    pub text: String,
    /// The input line it was read from (0: the title).
    pub line: Option<usize>,
    pub why: String,
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

/// Ward and district names as the article writes them; `lower` holds its
/// blocks lower-cased.
pub fn place(article: &Article, lower: &[String]) -> Place {
    let title_lower = article.title.lower();
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

/// Verbs that tell the organisation before them does the reported work.
const ACTS: [&str; 16] = [
    "tổ chức",
    "sơ kết",
    "tổng kết",
    "đánh giá",
    "triển khai",
    "ra nghị quyết",
    "họp",
    "làm việc",
    "hoàn thành",
    "lãnh đạo",
    "thực hiện",
    "chỉ đạo",
    "ban hành",
    "xây dựng",
    "đã",
    ":",
];

/// The organisation whose work the article reports: the one acting in the
/// title (`X tổ chức …`, `X: Sơ kết …`, `Đại hội … Đảng bộ X`), else the
/// body whose organisations did it (`các chi bộ trực thuộc X đã …`), else
/// the one acting in the lead, else the one the body names most (at least three times). Then its
/// superior, from what the text says (`trực thuộc Đảng bộ …`) or from the
/// kind of body and the places its name and the article give; blank when
/// unsure.
pub fn letterhead(article: &Article, published: Option<Date>, year: Option<i32>) -> Letterhead {
    let mut lh = Letterhead::default();
    let paragraphs: Vec<(usize, &str)> = article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .map(|b| (b.line, b.text.as_str()))
        .collect();
    let acting = |text: &str| -> Option<Mention> {
        let lower = text.lower();
        let all = mentions(text);
        let end = |m: &Mention| (m.at + m.head_text.len() + 1 + m.name.len()).min(lower.len());
        all.iter()
            .enumerate()
            .find(|(i, m)| {
                if !specific(&m.name) {
                    return false;
                }
                let mut after = lower[end(m)..].trim_start_matches([',', ' ']);
                // `Chi bộ X thuộc Đảng bộ Y đã tổ chức …`: X acts.
                if after.starts_with("thuộc ") || after.starts_with("trực thuộc ") {
                    if let Some(next) = all.get(i + 1) {
                        after = lower[end(next)..].trim_start_matches([',', ' ']);
                    }
                }
                let before = lower[..m.at].trim_end();
                let congress = before.ends_with("đại hội")
                    || before.ends_with("đại hội đại biểu")
                    || before.ends_with("đại hội đảng viên")
                    || before.ends_with("nhiệm kỳ 2025 - 2030")
                    || (before.contains("đại hội") && before.len() < 60);
                congress || ACTS.iter().any(|a| after.starts_with(a))
            })
            .map(|(_, m)| m.clone())
    };
    let title_line = article.title_line;
    let head: Vec<(usize, &str)> = std::iter::once((title_line, article.title.as_str()))
        .chain(paragraphs.iter().take(2).copied())
        .collect();
    let named: Vec<Mention> = head.iter().flat_map(|(_, t)| mentions(t)).collect();
    let found = acting(&article.title)
        .map(|m| (m, Some(title_line), "acts in the title"))
        .or_else(|| {
            head.iter().find_map(|(line, text)| {
                roundup::body_of_many(text, &named).map(|m| {
                    (
                        m,
                        Some(*line),
                        "is the body whose organisations did the work",
                    )
                })
            })
        })
        .or_else(|| {
            paragraphs
                .iter()
                .take(2)
                .find_map(|(line, text)| acting(text).map(|m| (m, Some(*line), "acts in the lead")))
        })
        .or_else(|| {
            let all: Vec<(Mention, usize)> = paragraphs
                .iter()
                .flat_map(|(line, text)| mentions(text).into_iter().map(move |m| (m, *line)))
                .collect();
            let mut best: Option<(&Mention, usize, usize)> = None;
            for (m, line) in &all {
                let n = all
                    .iter()
                    .filter(|(o, _)| o.head == m.head && o.name == m.name)
                    .count();
                if best.is_none_or(|(_, _, b)| n > b) {
                    best = Some((m, *line, n));
                }
            }
            best.filter(|(_, _, n)| *n >= 3)
                .map(|(m, line, _)| (m.clone(), Some(line), "is named most"))
        });
    let found = found.or_else(|| implied(article, &paragraphs));
    let Some((m, line, why)) = found else {
        return lh;
    };
    if !specific(&m.name) {
        return lh;
    }
    let (issuer, body) = issuing(&m);
    lh.issuer = Some(Sourced {
        text: issuer,
        line,
        why: format!("“{} {}” {why}", m.head_text, m.name),
    });
    lh.body = Some(body);
    lh.superior = superior(article, &m, published, year);
    lh.place = place_of(&m);
    lh
}

/// An organisation the article names without its name, completed from
/// what it says it belongs to: `Đảng bộ huyện … huyện Mai Châu` in the lead
/// is the Đảng bộ huyện Mai Châu; `Đảng ủy Nhà trường` in an article whose
/// title names `Trường Quân sự Quân khu 7` is that school's.
fn implied(
    article: &Article,
    paragraphs: &[(usize, &str)],
) -> Option<(Mention, Option<usize>, &'static str)> {
    let levels = [
        "huyện",
        "quận",
        "tỉnh",
        "thị xã",
        "thị trấn",
        "xã",
        "phường",
    ];
    let title = (article.title_line, article.title.as_str());
    let head: Vec<(usize, &str)> = std::iter::once(title)
        .chain(paragraphs.iter().take(2).copied())
        .collect();
    for (line, text) in &head {
        let lower = text.lower();
        for (word, head_kind) in [
            ("đảng bộ", Head::Organisation),
            ("đảng ủy", Head::Committee),
            ("đảng uỷ", Head::Committee),
        ] {
            for level in levels {
                // `Đảng ủy phường đã …`, `Đảng bộ (ĐHĐB) huyện lần thứ …`: no name after the level.
                let unnamed = [
                    format!("{word} {level} "),
                    format!("{word} (đhđb) {level} "),
                ]
                .into_iter()
                .find_map(|m| {
                    memchr::memmem::find_iter(lower.as_bytes(), m.as_bytes())
                        .find(|&at| {
                            !text[at + m.len()..]
                                .chars()
                                .next()
                                .is_some_and(char::is_uppercase)
                        })
                        .map(|at| (at, m))
                });
                let Some((at, m)) = unnamed else { continue };
                if text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                // The place of that level the title or the lead names.
                let marker = format!("{level} ");
                for (_, place_text) in &head {
                    let lower_place = place_text.lower();
                    for (i, _) in lower_place.match_indices(&marker) {
                        if i > 0
                            && place_text[..i]
                                .chars()
                                .next_back()
                                .is_some_and(char::is_alphanumeric)
                        {
                            continue;
                        }
                        let name = name_after(&place_text[i + marker.len()..], Head::Organisation);
                        if !name.is_empty()
                            && name.chars().next().is_some_and(char::is_uppercase)
                            && specific(&name)
                        {
                            let name = name
                                .split_whitespace()
                                .take(4)
                                .collect::<Vec<_>>()
                                .join(" ");
                            return Some((
                                Mention {
                                    head: head_kind,
                                    head_text: text[at..at + word.len()].to_string(),
                                    name: format!("{level} {name}"),
                                    at: 0,
                                },
                                Some(*line),
                                "acts without its name, which the title or the lead gives",
                            ));
                        }
                    }
                }
                let _ = m;
            }
        }
    }
    // An institution's own Party committee, unnamed in the body.
    let title = &article.title;
    let institutions = [
        "Trường ",
        "Công ty ",
        "Bệnh viện ",
        "Học viện ",
        "Viện ",
        "Trung tâm ",
    ];
    let (at, inst) = institutions
        .iter()
        .filter_map(|i| title.find(i).map(|at| (at, *i)))
        .min()?;
    let name = name_after(&title[at + inst.len()..], Head::Organisation);
    if !specific(&name) {
        return None;
    }
    let own = paragraphs.iter().find_map(|(line, text)| {
        let lower = text.lower();
        [
            "đảng ủy nhà trường",
            "đảng bộ nhà trường",
            "đảng ủy, ban giám hiệu",
            "đảng ủy công ty",
            "đảng ủy và ban giám hiệu",
        ]
        .iter()
        .any(|p| lower.contains(p))
        .then_some(*line)
    })?;
    Some((
        Mention {
            head: Head::Committee,
            head_text: "Đảng ủy".into(),
            name: format!("{}{name}", inst),
            at: 0,
        },
        Some(own),
        "is the committee of the institution the title names",
    ))
}

/// The place of the date line: the ward, commune or district the issuer is named after.
fn place_of(m: &Mention) -> Option<Sourced> {
    let lower = m.name.lower();
    let prefixes = ["xã ", "phường ", "thị trấn ", "huyện ", "quận ", "thị xã "];
    let p = prefixes.iter().find(|p| lower.starts_with(*p))?;
    let name = m.name[p.len()..].trim();
    (!name.is_empty()).then(|| Sourced {
        text: name.to_string(),
        line: None,
        why: format!("the issuer sits in {}{name}", p),
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;

    fn article(title: &str, date: &str, body: &str) -> Article {
        article::read(
            "t.txt",
            format!("{title}\nNgày đăng {date}\n\n{body}\n").as_bytes(),
        )
        .unwrap()
    }

    #[test]
    fn places_from_title_and_body() {
        let a = article(
            "Kết quả công tác năm 2021 của phường Phúc Đồng",
            "13/01/2022",
            "Quận ủy Long Biên chỉ đạo quận Long Biên.\n\nPhường Phúc Đồng, phường Phúc Đồng đạt.",
        );
        let lower: Vec<String> = a.blocks.iter().map(|b| b.text.lower()).collect();
        let p = place(&a, &lower);
        assert_eq!(p.ward.as_deref(), Some("Phúc Đồng"));
        assert_eq!(p.ward_type.as_deref(), Some("phường"));
        assert_eq!(p.district.as_deref(), Some("Long Biên"));
        assert_eq!(p.district_type.as_deref(), Some("quận"));
    }
}
