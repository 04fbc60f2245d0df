//! The names a period carries: which congress (its number and whose), the
//! resolution reported on (taken whole, up to its issuing body, session or
//! the end of its name), and the time elapsed since it.

use super::*;

/// The number of the congress: `Đại hội … lần thứ XXII` in the title,
/// else the body's `Đảng bộ … lần thứ XXII` or `Đại hội … lần thứ XXII`.
pub(super) fn congress_number<'a>(
    title: &str,
    body: impl Iterator<Item = &'a str>,
) -> Option<String> {
    let after = |text: &str| -> Option<String> {
        let lower = text.lower();
        let source = if lower.len() == text.len() {
            text
        } else {
            &lower
        };
        memchr::memmem::find_iter(lower.as_bytes(), "lần thứ ".as_bytes()).find_map(|i| {
            // A congress's number, not a meeting's (`Hội nghị … lần thứ 17`).
            let before = &lower[..i];
            let mut from = before.len().saturating_sub(120);
            while !before.is_char_boundary(from) {
                from += 1;
            }
            let near = &before[from..];
            if !near.contains("đại hội") || near.rfind("hội nghị") > near.rfind("đại hội")
            {
                return None;
            }
            let rest = &source[i + "lần thứ ".len()..];
            let token: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
            if token.chars().all(|c| c.is_ascii_uppercase()) {
                vn::parse_roman(&token).map(|_| token)
            } else {
                ordinal_word(&token).map(vn::roman)
            }
        })
    };
    after(title).or_else(|| body.take(6).find_map(after))
}

/// Whose congress the title tells of: `Đại hội Chi bộ Trường THCS Kim
/// Đồng …` → `Chi bộ Trường THCS Kim Đồng`; `Đại hội đại biểu Đảng bộ xã
/// Phong Hải lần thứ …` → `Đảng bộ xã Phong Hải`. None for `các chi bộ`.
pub(super) fn congress_of(title: &str) -> Option<String> {
    let lower = title.lower();
    let at = lower.find("đại hội")?;
    let rest = &title[at..];
    let lower_rest = rest.lower();
    let body_at = ["chi bộ", "đảng bộ"]
        .iter()
        .filter_map(|b| lower_rest.find(b))
        .min()?;
    // Only words of the congress's name between: `đại biểu`, `đảng viên`, `lần thứ X`.
    let between = &lower_rest["đại hội".len()..body_at];
    if !between.split_whitespace().all(|w| {
        ["đại", "biểu", "đảng", "viên", "lần", "thứ"].contains(&w)
            || w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    }) || lower_rest[body_at..].starts_with("chi bộ trực thuộc")
    {
        return None;
    }
    let name_text = &rest[body_at..];
    let mut words: Vec<&str> = Vec::new();
    for (i, w) in name_text.split_whitespace().enumerate() {
        let core = w.trim_end_matches([',', '.', ':', ';', ')']);
        let lower_w = core.lower();
        if i >= 2
            && ([
                "lần",
                "nhiệm",
                "khóa",
                "khoá",
                "thành",
                "đã",
                "năm",
                "tổ",
                "diễn",
                "họp",
                "lần thứ",
            ]
            .contains(&lower_w.as_str())
                || core.chars().all(|c| c.is_ascii_digit() || c == '-'))
        {
            break;
        }
        words.push(core);
        if core.len() != w.len() || words.len() >= 10 {
            break;
        }
    }
    let name = words.join(" ");
    let kind_word = name
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    // Sentence case for the kind of body, the name as written.
    let rest_name = name[kind_word.len()..].trim_start();
    (words.len() >= 3 && !rest_name.is_empty()).then(|| {
        let lower_rest = rest_name.lower();
        let place = [
            "xã",
            "phường",
            "thị trấn",
            "huyện",
            "quận",
            "tỉnh",
            "thành phố",
        ]
        .iter()
        .find(|p| lower_rest.starts_with(*p));
        let rest_name = match place {
            // `ĐẢNG BỘ XÃ PHONG HẢI` → `Đảng bộ xã Phong Hải`.
            Some(p) => format!("{p}{}", title_case(&rest_name[p.len()..])),
            None if rest_name.chars().all(|c| !c.is_lowercase()) => title_case(rest_name),
            None => rest_name.to_string(),
        };
        format!("{} {}", vn::sentence_case(&kind_word), rest_name.trim())
    })
}

/// `PHONG HẢI` → `Phong Hải`; letters with digits kept (`THCS`, `QK7`).
fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            if w.chars().count() <= 4
                && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
                && w.chars().count() > 1
                && !w.chars().any(|c| "ĂÂÊÔƠƯĐÁÀẢÃẠ".contains(c))
            {
                w.to_string()
            } else {
                vn::sentence_case(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that may continue the name of an issuing body after `của`.
const BODY_WORDS: [&str; 21] = [
    "chấp",
    "hành",
    "thường",
    "vụ",
    "bí",
    "thư",
    "chính",
    "trị",
    "ủy",
    "uỷ",
    "quân",
    "khu",
    "sự",
    "trung",
    "ương",
    "đảng",
    "bộ",
    "nhân",
    "dân",
    "tỉnh",
    "thủ",
];

/// Words a resolution's name never ends on.
const DANGLING: [&str; 14] = [
    "của", "về", "trong", "và", "ngày", "số", "tại", "ở", "với", "cho", "đối", "gắn", "theo", "đã",
];

/// The resolution or directive an article reports on: named in the title,
/// else the one the body names most often, taken whole up to its issuing
/// body, its session or term, or the end of its name.
pub(super) fn resolution_name(article: &Article) -> Option<String> {
    if let Some(n) = names_in(&article.title).into_iter().next() {
        return Some(n);
    }
    let names: Vec<String> = article
        .blocks
        .iter()
        .flat_map(|b| names_in(&b.text))
        .collect();
    let mut best: Option<(&String, usize)> = None;
    for n in &names {
        // A longer form of the same name counts for it.
        let count = names
            .iter()
            .filter(|m| m.starts_with(n.as_str()) || n.starts_with(m.as_str()))
            .count();
        if best.is_none_or(|(b, c)| count > c || count == c && n.len() > b.len()) {
            best = Some((n, count));
        }
    }
    best.map(|(n, _)| n.clone())
}

/// The names of resolutions and directives in a text.
pub(super) fn names_in(text: &str) -> Vec<String> {
    const KINDS: [&str; 4] = ["Nghị quyết", "Chỉ thị", "Kết luận", "Quy định"];
    let mut out = Vec::new();
    for kind in KINDS {
        for at in memchr::memmem::find_iter(text.as_bytes(), kind.as_bytes()) {
            if let Some(n) = name_at(&text[at..], kind) {
                out.push(n);
            }
        }
    }
    out
}

/// A name starting at `text` (which starts with `kind`), if it identifies one.
fn name_at(text: &str, kind: &str) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut end = kind.split_whitespace().count();
    let mut identified = false;
    let mut of_body = false;
    let core = |t: &str| {
        t.trim_end_matches([',', '.', ';', ':', ')', '”', '"'])
            .to_string()
    };
    let is_code = |t: &str| {
        let t = core(t);
        t.chars().any(|c| c.is_ascii_digit())
            && t.chars().all(|c| c.is_alphanumeric() || "-/.".contains(c))
    };
    while end < tokens.len() && end < 30 {
        let t = tokens[end];
        let c = core(t);
        let lower = c.lower();
        let stop_after = c.len() != t.len();
        match lower.as_str() {
            "số" if tokens.get(end + 1).is_some_and(|n| is_code(n)) => {
                end += 2;
                identified = true;
            }
            "ngày" if tokens.get(end + 1).is_some_and(|n| is_code(n)) => {
                end += 2;
            }
            "của" if !of_body => {
                // The issuing body: capitalised words and the words of such names.
                let mut j = end + 1;
                while j < tokens.len() && j < end + 9 {
                    let w = core(tokens[j]);
                    let capital = w.chars().next().is_some_and(char::is_uppercase);
                    if !(capital || BODY_WORDS.contains(&w.lower().as_str())) {
                        break;
                    }
                    j += 1;
                    if w.len() != tokens[j - 1].len() {
                        break;
                    }
                }
                if j == end + 1 {
                    break;
                }
                end = j;
                of_body = true;
                break;
            }
            _ if is_code(&c) && !identified => {
                end += 1;
                identified = true;
            }
            // A session or a term: `Trung ương 4 khóa XII`, `Đại hội … lần thứ XXVI`, `nhiệm kỳ 2020 - 2025`.
            "trung" | "ương" | "khóa" | "khoá" | "hội" | "nghị" | "lần" | "thứ" | "đại"
            | "đảng" | "bộ" | "huyện" | "xã" | "phường" | "tỉnh" | "quận" | "thị" | "trấn"
            | "thành" | "phố" | "nhiệm" | "kỳ" => {
                end += 1;
                if matches!(lower.as_str(), "khóa" | "khoá" | "thứ") {
                    identified = true;
                    if let Some(n) = tokens.get(end) {
                        end += 1;
                        if core(n).len() != n.len() {
                            break;
                        }
                    }
                }
                if lower == "kỳ" {
                    // `nhiệm kỳ 2020 - 2025` ends the name.
                    let mut j = end;
                    while j < tokens.len()
                        && j < end + 3
                        && (is_code(tokens[j]) || matches!(tokens[j], "-" | "–"))
                    {
                        j += 1;
                    }
                    end = j;
                    identified = true;
                    break;
                }
            }
            _ if c
                .chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
                && !identified =>
            {
                // `Nghị quyết Trung ương 4`, `Nghị quyết 33/2014`, `(ĐHĐB)`.
                end += 1;
                if c.chars().all(|ch| ch.is_ascii_digit()) {
                    identified = true;
                }
            }
            _ if t.starts_with('(') && t.ends_with(')') => end += 1,
            _ => break,
        }
        if stop_after {
            break;
        }
    }
    while end > 1 && DANGLING.contains(&core(tokens[end - 1]).lower().as_str()) {
        end -= 1;
    }
    let name = tokens[..end]
        .iter()
        .map(|t| t.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let name = name.trim_end_matches([',', '.', ';', ':', ' ']).to_string();
    let words = name.split_whitespace().count();
    (words >= 3 && (identified || of_body)).then_some(name)
}

/// `Qua 1 năm thực hiện`, `sơ kết 03 năm thực hiện`, `tổng kết 10 năm
/// thực hiện` → `01 năm`, `03 năm`, `10 năm`.
pub(super) fn elapsed(text: &str) -> Option<String> {
    for marker in ["qua ", "sau ", "sơ kết ", "tổng kết "] {
        for i in memchr::memmem::find_iter(text.as_bytes(), marker.as_bytes()) {
            let rest = &text[i + marker.len()..];
            let n: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if !n.is_empty() && rest[n.len()..].starts_with(" năm thực hiện") {
                let n: u32 = n.parse().ok()?;
                return Some(format!("{n:02} năm"));
            }
        }
    }
    None
}
