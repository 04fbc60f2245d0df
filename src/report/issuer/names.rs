//! Organisations as the text names them: the head word (`Đảng ủy`,
//! `Chi bộ`, `Huyện ủy` …), the name after it, and the letterhead text of
//! the committee that issues for it.

use crate::profile::BodyKind;
use crate::vn;
use crate::vn::Lower;

/// An organisation named in a text: what kind of body, its name after the
/// head word, and where in the text (byte offset).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mention {
    pub(super) head: Head,
    /// The head word as written (`Đảng ủy`, `Đảng uỷ`, `Huyện ủy`).
    pub(super) head_text: String,
    /// The name after it (`xã Phong Hải`, `Trường Cao đẳng Quảng Nam`).
    pub(super) name: String,
    pub(super) at: usize,
}

/// The head words of Party organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Head {
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

pub(super) const HEADS: [(&str, Head); 19] = [
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
pub(super) const NAME_WORDS: [&str; 40] = [
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
pub(super) fn mentions(text: &str) -> Vec<Mention> {
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
pub(super) const STOP: [&str; 34] = [
    "lần", "nhiệm", "khóa", "khoá", "tổ", "đã", "đang", "sẽ", "và", "của", "về", "tại", "trong",
    "với", "là", "được", "có", "cho", "nhằm", "đến", "các", "những", "năm", "ngày", "tháng",
    "sáng", "chiều", "hoàn", "làm", "họp", "thuộc", "trực", "vinh", "dự",
];

/// Words of a name that want a name after them (`xã`, `Trường`, `Công ty`).
pub(super) const GENERIC: [&str; 15] = [
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
pub(super) fn name_after(rest: &str, head: Head) -> String {
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
pub(super) fn specific(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| !GENERIC.contains(&w.lower().as_str()) && w.lower() != "tỉnh")
}

/// The letterhead text of an organisation: the committee that issues for
/// it, in capitals (`Đảng bộ huyện Mai Châu` → `HUYỆN ỦY MAI CHÂU`,
/// `Đảng bộ xã Phong Hải` → `ĐẢNG ỦY XÃ PHONG HẢI`), and its kind of body.
pub(super) fn issuing(m: &Mention) -> (String, BodyKind) {
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
