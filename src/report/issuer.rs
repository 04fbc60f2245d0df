//! Who issues the report and where: the place names the article uses (the
//! ward or commune and its district) and the Party organisation whose work
//! it reports, each with the line it was found on.

use serde::{Deserialize, Serialize};

use crate::article::{Article, BlockKind};
use crate::profile::BodyKind;
use crate::vn::Lower;
use crate::vn::{self, Date};

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

/// An organisation named in a text: what kind of body, its name after the
/// head word, and where in the text (byte offset).
#[derive(Debug, Clone, PartialEq)]
struct Mention {
    head: Head,
    /// The head word as written (`Đảng ủy`, `Đảng uỷ`, `Huyện ủy`).
    head_text: String,
    /// The name after it (`xã Phong Hải`, `Trường Cao đẳng Quảng Nam`).
    name: String,
    at: usize,
}

/// The head words of Party organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// Đảng ủy X: the committee of the Đảng bộ X.
    Committee,
    /// Đảng bộ X: the organisation; its committee issues.
    Organisation,
    ChiBo,
    /// Huyện ủy, Quận ủy, Thị ủy, Tỉnh ủy, Thành ủy X.
    Territorial(&'static str),
    /// Ban Tuyên giáo, Ban Tổ chức, Ban Dân vận, Ủy ban Kiểm tra … of a committee.
    Advisory,
}

const HEADS: [(&str, Head); 19] = [
    ("đảng ủy", Head::Committee),
    ("đảng uỷ", Head::Committee),
    ("đảng bộ", Head::Organisation),
    ("chi bộ", Head::ChiBo),
    ("huyện ủy", Head::Territorial("huyện")),
    ("huyện uỷ", Head::Territorial("huyện")),
    ("quận ủy", Head::Territorial("quận")),
    ("quận uỷ", Head::Territorial("quận")),
    ("thị ủy", Head::Territorial("thị xã")),
    ("thị uỷ", Head::Territorial("thị xã")),
    ("tỉnh ủy", Head::Territorial("tỉnh")),
    ("tỉnh uỷ", Head::Territorial("tỉnh")),
    ("thành ủy", Head::Territorial("thành phố")),
    ("thành uỷ", Head::Territorial("thành phố")),
    ("ban tuyên giáo", Head::Advisory),
    ("ban tổ chức", Head::Advisory),
    ("ban dân vận", Head::Advisory),
    ("ủy ban kiểm tra", Head::Advisory),
    ("uỷ ban kiểm tra", Head::Advisory),
];

/// Lower-case words inside an organisation's name (`Trường Cao đẳng …`,
/// `Công ty cổ phần …`, `xã Phong Hải`); any other lower-case word ends it.
const NAME_WORDS: [&str; 40] = [
    "xã",
    "phường",
    "thị",
    "trấn",
    "huyện",
    "quận",
    "tỉnh",
    "thành",
    "phố",
    "trường",
    "công",
    "ty",
    "cổ",
    "phần",
    "đẳng",
    "học",
    "cao",
    "trung",
    "tiểu",
    "phổ",
    "thông",
    "cơ",
    "sở",
    "mầm",
    "non",
    "nhân",
    "dân",
    "quân",
    "sự",
    "khu",
    "vực",
    "hàng",
    "hải",
    "tự",
    "nhiên",
    "khoa",
    "viện",
    "bệnh",
    "chi",
    "cục",
];

/// The organisations a text names, in order.
fn mentions(text: &str) -> Vec<Mention> {
    // Its offsets are the text's (`Lower`).
    let lower = text.lower();
    let mut out = Vec::new();
    for (head_word, head) in HEADS {
        for at in memchr::memmem::find_iter(lower.as_bytes(), head_word.as_bytes()) {
            let starts_word = at == 0
                || !lower[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if !starts_word {
                continue;
            }
            // `Ban Thường vụ Đảng ủy X`, `Ban Chấp hành Đảng bộ X` are found by their Đảng ủy / Đảng bộ.
            let rest = &text[at + head_word.len()..];
            let name = name_after(rest, head);
            if name.is_empty() {
                continue;
            }
            out.push(Mention {
                head,
                head_text: text[at..at + head_word.len()].to_string(),
                name,
                at,
            });
        }
    }
    out.sort_by_key(|m| m.at);
    // `Ban Tuyên giáo Huyện ủy X` is one advisory body, not also a Huyện ủy.
    let advisory: Vec<(usize, usize)> = out
        .iter()
        .filter(|m| m.head == Head::Advisory)
        .map(|m| (m.at, m.at + m.head_text.len() + 1 + m.name.len()))
        .collect();
    out.retain(|m| {
        m.head == Head::Advisory || !advisory.iter().any(|(a, b)| m.at > *a && m.at < *b)
    });
    out
}

/// Words that end an organisation's name whatever their case (a caps title
/// runs on: `ĐẢNG BỘ XÃ PHONG HẢI LẦN THỨ NHẤT …`).
const STOP: [&str; 34] = [
    "lần", "nhiệm", "khóa", "khoá", "tổ", "đã", "đang", "sẽ", "và", "của", "về", "tại", "trong",
    "với", "là", "được", "có", "cho", "nhằm", "đến", "các", "những", "năm", "ngày", "tháng",
    "sáng", "chiều", "hoàn", "làm", "họp", "thuộc", "trực", "vinh", "dự",
];

/// Words of a name that want a name after them (`xã`, `Trường`, `Công ty`).
const GENERIC: [&str; 15] = [
    "xã",
    "phường",
    "thị",
    "trấn",
    "huyện",
    "quận",
    "thành",
    "phố",
    "trường",
    "công",
    "ty",
    "chi",
    "cục",
    "khoa",
    "viện",
];

/// The name after an organisation's head word: capitalised words, digits,
/// the lower-case words of names (`Cao đẳng`, `Hoa tiêu Hàng hải`); for an
/// advisory body, its committee too.
fn name_after(rest: &str, head: Head) -> String {
    let raws: Vec<&str> = rest.split_whitespace().collect();
    let clean = |raw: &str| -> String {
        raw.trim_end_matches([',', '.', ';', ':', ')', '”', '"', '('])
            .trim_start_matches(['“', '"'])
            .to_string()
    };
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let mut words: Vec<String> = Vec::new();
    for (i, raw) in raws.iter().enumerate() {
        let w = clean(raw);
        if w.is_empty() || i >= 12 || raw.starts_with('(') {
            break;
        }
        let lower = w.lower();
        // `THÀNH CÔNG` ends a caps title's name; `Thành phố`, `Công ty` do not.
        let success =
            lower == "thành" && raws.get(i + 1).is_some_and(|n| clean(n).lower() == "công");
        if STOP.contains(&lower.as_str()) || success {
            break;
        }
        let next_capital = raws.get(i + 1).is_some_and(|n| {
            let n = clean(n);
            capital(&n) || n == "-" || n == "–"
        });
        let advisory_link = head == Head::Advisory
            && [
                "huyện",
                "quận",
                "tỉnh",
                "thành",
                "thị",
                "ủy",
                "uỷ",
                "đảng",
                "ban",
                "chấp",
                "hành",
                "thường",
                "vụ",
            ]
            .contains(&lower.as_str());
        let dash = w == "-" || w == "–";
        if !(capital(&w)
            || NAME_WORDS.contains(&lower.as_str())
            || advisory_link
            || dash
            || next_capital)
        {
            break;
        }
        let number = w.chars().all(|c| c.is_ascii_digit());
        words.push(w);
        // A name ends at its number (`quận 1`, `Quân khu 7`) or its punctuation.
        if number || clean(raw).len() != raw.trim_start_matches(['“', '"']).len() {
            break;
        }
    }
    // Not on a dash, nor on a generic word with nothing after it unless a
    // capitalised word came before (`UBND tỉnh`).
    while let Some(last) = words.last() {
        let l = last.lower();
        let dangling_generic = GENERIC.contains(&l.as_str())
            && !words[..words.len() - 1]
                .iter()
                .any(|w| capital(w) && !GENERIC.contains(&w.lower().as_str()));
        if last == "-"
            || last == "–"
            || dangling_generic
            || !(capital(last) || NAME_WORDS.contains(&l.as_str()) || l == "tỉnh")
        {
            words.pop();
        } else {
            break;
        }
    }
    words.join(" ")
}

/// Whether a name says which organisation it is, not only what kind of
/// place (`Công ty`, `xã`): a word beyond the generic ones.
fn specific(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| !GENERIC.contains(&w.lower().as_str()) && w.lower() != "tỉnh")
}

/// The letterhead text of an organisation: the committee that issues for
/// it, in capitals (`Đảng bộ huyện Mai Châu` → `HUYỆN ỦY MAI CHÂU`,
/// `Đảng bộ xã Phong Hải` → `ĐẢNG ỦY XÃ PHONG HẢI`), and its kind of body.
fn issuing(m: &Mention) -> (String, BodyKind) {
    let committee_word = |head_text: &str| {
        // Keep the article's ủy/uỷ.
        if head_text.contains("uỷ") || head_text.contains("UỶ") {
            "Đảng uỷ"
        } else {
            "Đảng ủy"
        }
    };
    let lower_name = m.name.lower();
    // `Đảng bộ huyện X` is led by the Huyện ủy X; a city or a numbered
    // district keeps its level word (`Thành ủy TP HCM`, `Quận ủy quận 1`).
    let territorial = [
        ("huyện ", "Huyện ủy", false),
        ("quận ", "Quận ủy", false),
        ("tỉnh ", "Tỉnh ủy", false),
        ("thành phố ", "Thành ủy", true),
        ("tp ", "Thành ủy", true),
        ("thị xã ", "Thị ủy", false),
    ];
    let text = match m.head {
        Head::Organisation => match territorial
            .iter()
            .find(|(p, _, _)| lower_name.starts_with(p))
        {
            Some((p, committee, keep)) => {
                let rest = &m.name[p.len()..];
                if *keep || rest.chars().all(|c| c.is_ascii_digit()) {
                    format!("{committee} {}", m.name)
                } else {
                    format!("{committee} {rest}")
                }
            }
            None => format!("{} {}", committee_word(&m.head_text), m.name),
        },
        _ => format!("{} {}", m.head_text, m.name),
    };
    let body = match m.head {
        Head::ChiBo => BodyKind::ChiBo,
        Head::Advisory => BodyKind::Advisory,
        _ => BodyKind::Committee,
    };
    (vn::upper(&text), body)
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
/// title (`X tổ chức …`, `X: Sơ kết …`, `Đại hội … Đảng bộ X`), else in the
/// lead, else the one the body names most (at least three times). Then its
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
    let found = acting(&article.title)
        .map(|m| (m, Some(title_line), "acts in the title"))
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

/// When districts ceased to exist (local-government reform): a ward's or a
/// commune's direct superior became the province's Party organisation.
const REFORM: (i32, u8) = (2025, 7);

/// The issuer's superior: said outright (`trực thuộc Đảng bộ X`, `thuộc
/// Đảng bộ X`), or the committee an advisory body serves, or the level
/// above a ward, commune, district or provincial agency where the article
/// names that place; else none.
fn superior(
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
trait ProvinceSuffix {
    fn ends_with_province(&self) -> Option<usize>;
}

impl ProvinceSuffix for String {
    fn ends_with_province(&self) -> Option<usize> {
        let words: Vec<&str> = self.split_whitespace().collect();
        let at = words.iter().rposition(|w| *w == "tỉnh")?;
        (at >= 1 && at + 1 < words.len()).then_some(at)
    }
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
