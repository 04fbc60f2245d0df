//! Who issues the report and where: the place names the article uses (the
//! ward or commune and its district) and the Party organisation whose work
//! it reports, each with the line it was found on.

use serde::{Deserialize, Serialize};

use crate::article::Article;

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
        let lower: Vec<String> = a.blocks.iter().map(|b| b.text.to_lowercase()).collect();
        let p = place(&a, &lower);
        assert_eq!(p.ward.as_deref(), Some("Phúc Đồng"));
        assert_eq!(p.ward_type.as_deref(), Some("phường"));
        assert_eq!(p.district.as_deref(), Some("Long Biên"));
        assert_eq!(p.district_type.as_deref(), Some("quận"));
    }
}
