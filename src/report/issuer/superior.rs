//! The issuer's superior: said outright, served by an advisory body, or the
//! level above the issuer's place, by the rules before and after the
//! 2025 reform of local government.

use super::names::{name_after, Head, Mention, HEADS};
use super::Sourced;
use crate::article::Article;
use crate::vn::Lower;
use crate::vn::{self, Date};

/// When districts ceased to exist (local-government reform): a ward's or a
/// commune's direct superior became the province's Party organisation.
pub(super) const REFORM: (i32, u8) = (2025, 7);

/// The issuer's superior: said outright (`trực thuộc Đảng bộ X`, `thuộc
/// Đảng bộ X`), or the committee an advisory body serves, or the level
/// above a ward, commune, district or provincial agency where the article
/// names that place; else none.
pub(super) fn superior(
    article: &Article,
    m: &Mention,
    published: Option<Date>,
    year: Option<i32>,
) -> Option<Sourced> {
    let texts: Vec<(usize, &str)> = std::iter::once((article.title_line, article.title.as_str()))
        .chain(article.blocks.iter().map(|b| (b.line, b.text.as_str())))
        .collect();
    // Said outright.
    for (line, text) in &texts {
        let lower = text.lower();
        for marker in ["trực thuộc ", "thuộc "] {
            for at in memchr::memmem::find_iter(lower.as_bytes(), marker.as_bytes()) {
                let rest = &text[at + marker.len()..];
                let rest_lower = rest.lower();
                if let Some(head) = ["đảng bộ ", "đảng ủy ", "đảng uỷ "]
                    .iter()
                    .find(|h| rest_lower.starts_with(*h))
                {
                    let name = name_after(&rest[head.len()..], Head::Organisation);
                    // The issuer right before: `Chi bộ X thuộc Đảng bộ Y`, and Y is another body.
                    let before = lower[..at]
                        .trim_end()
                        .trim_end_matches(" trực")
                        .trim_end_matches(',')
                        .trim_end();
                    let mine = before.ends_with(&m.name.lower());
                    if mine && !name.is_empty() && name.lower() != m.name.lower() {
                        return Some(Sourced {
                            text: vn::upper(&format!("Đảng bộ {name}")),
                            line: Some(*line),
                            why: format!(
                                "the article says “{}{}{name}”",
                                marker.trim(),
                                " Đảng bộ "
                            ),
                        });
                    }
                }
            }
        }
    }
    // An advisory body's committee.
    if m.head == Head::Advisory {
        let lower = m.name.lower();
        for (word, _) in HEADS
            .iter()
            .filter(|(_, h)| matches!(h, Head::Territorial(_)))
        {
            if let Some(at) = lower.find(word) {
                return Some(Sourced {
                    text: vn::upper(&m.name[at..]),
                    line: None,
                    why: "the committee the advisory body serves".into(),
                });
            }
        }
        return None;
    }
    // The level above, where the article names it.
    let lower_name = m.name.lower();
    let commune = ["xã ", "phường ", "thị trấn "]
        .iter()
        .any(|p| lower_name.starts_with(p))
        && matches!(m.head, Head::Committee | Head::Organisation);
    let district = matches!(m.head, Head::Territorial("huyện" | "quận" | "thị xã"))
        || (m.head == Head::Organisation
            && ["huyện ", "quận ", "thị xã "]
                .iter()
                .any(|p| lower_name.starts_with(p)));
    let agency_of_province = matches!(m.head, Head::Committee | Head::Organisation)
        && (lower_name.ends_with_province().is_some());
    let when = published
        .map(|d| (d.year, d.month))
        .or(year.map(|y| (y, 1)));
    let before_reform = when.is_some_and(|w| w < REFORM);
    let after_reform = when.is_some_and(|w| w >= REFORM);
    let named = |kinds: &[&str]| -> Option<(String, String, usize)> {
        for (line, text) in &texts {
            let words: Vec<&str> = text.split_whitespace().collect();
            for (i, w) in words.iter().enumerate() {
                let lw = w.lower();
                let lw = lw.trim_start_matches('(');
                for k in kinds {
                    let parts: Vec<&str> = k.split(' ').collect();
                    let matches = parts.iter().enumerate().all(|(j, p)| {
                        words
                            .get(i + j)
                            .is_some_and(|x| x.lower().trim_start_matches('(') == *p)
                    }) && lw == parts[0];
                    if !matches {
                        continue;
                    }
                    let rest = words[i + parts.len()..].join(" ");
                    let name = name_after(&rest, Head::Organisation);
                    let name = name
                        .split_whitespace()
                        .take(4)
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !name.is_empty() && name.chars().next().is_some_and(char::is_uppercase) {
                        return Some((k.to_string(), name, *line));
                    }
                }
            }
        }
        None
    };
    let province = || {
        named(&[
            "tỉnh",
            "tỉnh ủy",
            "tỉnh uỷ",
            "thành phố",
            "tp",
            "thành ủy",
            "thành uỷ",
        ])
    };
    let level_above = if commune && before_reform {
        named(&[
            "huyện",
            "quận",
            "thị xã",
            "huyện ủy",
            "huyện uỷ",
            "quận ủy",
            "quận uỷ",
        ])
    } else if commune && after_reform || district || agency_of_province {
        province()
    } else {
        None
    };
    let (kind, name, line) = level_above?;
    let level = match kind.split(' ').next().unwrap_or("") {
        "tỉnh" => "tỉnh",
        "thành" | "tp" => {
            if kind == "tp" {
                "TP"
            } else {
                "thành phố"
            }
        }
        "huyện" => "huyện",
        "quận" => "quận",
        _ => "thị xã",
    };
    Some(Sourced {
        text: vn::upper(&format!("Đảng bộ {level} {name}")),
        line: Some(line),
        why: format!(
            "the {level} the article names for the issuer's {}",
            if commune { "commune" } else { "district" }
        ),
    })
}

/// The province an agency's name ends with (`UBND tỉnh Bình Định`).
pub(super) trait ProvinceSuffix {
    fn ends_with_province(&self) -> Option<usize>;
}

impl ProvinceSuffix for String {
    fn ends_with_province(&self) -> Option<usize> {
        let words: Vec<&str> = self.split_whitespace().collect();
        let at = words.iter().rposition(|w| *w == "tỉnh")?;
        (at >= 1 && at + 1 < words.len()).then_some(at)
    }
}
