//! Line classification: what a line of the body is. A heading in capitals,
//! a list item (and its marker), a caption, a credit, web debris, the end of
//! a sentence.

/// Text compared to find repeats: no final punctuation.
pub(super) fn dedup_key(text: &str) -> &str {
    text.trim_end_matches(['.', ':', ';', '!', '?', ' '])
}

/// The first `n` characters of `text`, lower-cased: enough for prefix tests
/// without lower-casing a whole paragraph.
pub(super) fn lower_prefix(text: &str, n: usize) -> String {
    let end = text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
    text[..end].to_lowercase()
}

/// A heading in capitals inside the body (`KẾT QUẢ ĐẠT ĐƯỢC`, `I. PHƯƠNG HƯỚNG`).
pub(super) fn is_heading(text: &str) -> bool {
    if text.len() > 600 || text.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    letters.len() >= 6
        && words >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && text.chars().count() <= 150
        && !text.ends_with('.')
}

/// Removes web-page leftovers (`]]>`, `<![CDATA[`, lone punctuation) from a
/// line; returns what is left and what was removed.
pub(super) fn strip_debris(text: &str) -> (String, Option<String>) {
    const FRAGMENTS: [&str; 4] = ["<![CDATA[", "]]>", "&nbsp;", "<br>"];
    // Lines come with their white space collapsed (`clean_lines`): without
    // debris there is nothing to rejoin.
    if !FRAGMENTS.iter().any(|f| text.contains(f)) {
        return if text.chars().any(char::is_alphanumeric) {
            (text.to_string(), None)
        } else {
            (String::new(), (!text.is_empty()).then(|| text.to_string()))
        };
    }
    let mut rest = text.to_string();
    let mut removed = String::new();
    for f in FRAGMENTS {
        while let Some(i) = rest.find(f) {
            removed.push_str(f);
            rest.replace_range(i..i + f.len(), " ");
        }
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    if !rest.chars().any(char::is_alphanumeric) {
        removed.push_str(&rest);
        return (String::new(), (!removed.is_empty()).then_some(removed));
    }
    (rest, (!removed.is_empty()).then_some(removed))
}

/// Whether a sentence ends here: final `.` `!` `?` `:` `;` `…`, possibly
/// followed by closing quotes or brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(|c: char| "\"'”’)]»".contains(c) || c.is_whitespace());
    core.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Credits: `(Nguồn: …)`, `Tác giả: …`, `Tin, ảnh: …`, and near the end
/// `Theo …` or a lone byline (`Minh Anh`, `Thu Hà - Quang Hưng`).
pub(super) fn is_credit(text: &str, near_end: bool, last: bool) -> bool {
    let lower = lower_prefix(text, 24);
    let lower = lower.trim_start_matches('(');
    const PREFIXES: [&str; 9] = [
        "nguồn:",
        "nguồn :",
        "tác giả:",
        "tin, ảnh:",
        "tin và ảnh:",
        "tin ảnh:",
        "bài, ảnh:",
        "bài và ảnh:",
        "phóng viên:",
    ];
    let chars = text.chars().count();
    if PREFIXES.iter().any(|p| lower.starts_with(p)) && (near_end || chars < 80) {
        return true;
    }
    if near_end
        && lower.starts_with("theo ")
        && chars <= 80
        && !text.contains(". ")
        && !text.contains(';')
    {
        return true;
    }
    // A lone byline closing the article: a few capitalised words.
    if !last || chars > 40 {
        return false;
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| *w != "-" && *w != "–")
        .collect();
    last && !words.is_empty()
        && words.len() <= 5
        && chars <= 40
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.trim_end_matches([',', '.'])
                    .chars()
                    .all(|c| c.is_alphabetic())
        })
}

/// Photo captions: `Ảnh: …`, a gallery intro (`Một số hình ảnh:`), a short
/// line that is not a sentence, or a short sentence that describes a photo
/// (`Đ/c … chủ trì hội nghị.`).
pub(super) fn is_caption(text: &str, last: bool) -> bool {
    let lower = lower_prefix(text, 24);
    const PHOTO: [&str; 6] = [
        "ảnh:",
        "ảnh minh họa",
        "ảnh minh hoạ",
        "hình ảnh:",
        "toàn cảnh",
        "quang cảnh",
    ];
    if PHOTO.iter().any(|p| lower.starts_with(p)) || lower.starts_with("một số hình ảnh") {
        return true;
    }
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    let one_sentence = !text.trim_end_matches('.').contains(". ") && !text.contains("; ");
    if item_marker(text).is_some() || !one_sentence {
        return false;
    }
    if !ends_sentence(text) {
        // An article that stops mid-sentence ends with body text, not a caption.
        return chars <= 250 && !(last && words >= 8);
    }
    // A full stop, but a photo's subject and what it shows.
    const WHO: [&str; 7] = [
        "đ/c ",
        "đồng chí ",
        "các đồng chí ",
        "đại biểu ",
        "các đại biểu ",
        "lãnh đạo ",
        "các đ/c ",
    ];
    const DOING: [&str; 11] = [
        "phát biểu",
        "trao ",
        "tặng ",
        "chủ trì",
        "tham dự",
        "dự hội nghị",
        "chụp ảnh",
        "tại hội nghị",
        "tại buổi",
        "tại lễ",
        "tặng quà",
    ];
    text.ends_with('.')
        && chars <= 160
        && !text.contains(':')
        && WHO.iter().any(|w| lower.starts_with(w))
        && {
            let whole = text.to_lowercase();
            DOING.iter().any(|d| whole.contains(d))
        }
}

/// The marker of a list item, if the text is one: `1.`, `1)`, `1.2`,
/// `1.2.1.`, `(1)`, `a)`, a bullet (`-`, `+`, `*`, `•`, with or without a
/// space after it), or an ordinal lead-in (`Một là:` … `Mười là:`, `Thứ nhất,`).
pub(crate) fn item_marker(text: &str) -> Option<String> {
    let first = text.split_whitespace().next()?;
    // Numbered: digits with dots, ending in "." or ")" or followed by text.
    let numbered = |s: &str| {
        let core = s.trim_end_matches(['.', ')']);
        !core.is_empty()
            && core.len() < s.len() + usize::from(core.contains('.'))
            && core
                .split('.')
                .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
    };
    if first.len() < text.len()
        && numbered(first)
        && (first.ends_with(['.', ')']) || first.contains('.'))
    {
        return Some(first.to_string());
    }
    // (1), (12)
    if first.starts_with('(')
        && first.ends_with(')')
        && first.len() <= 5
        && first[1..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit())
        && first.len() > 2
    {
        return Some(first.to_string());
    }
    // a), b), đ)
    let mut chars = first.chars();
    if let (Some(c), Some(')'), None) = (chars.next(), chars.next(), chars.next()) {
        if c.is_lowercase() && first.len() < text.len() {
            return Some(first.to_string());
        }
    }
    // Bullets, with or without a space after them.
    if let Some(b) = text
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '+' | '*' | '•' | '–' | '·'))
    {
        let rest = text[b.len_utf8()..].trim_start();
        if rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '“')
        {
            return Some(b.to_string());
        }
    }
    // Ordinal lead-ins.
    let lower = lower_prefix(text, 16);
    const ORDINALS: [&str; 10] = [
        "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    for o in ORDINALS {
        let lead = format!("{o} là");
        if lower.starts_with(&lead) && lower[lead.len()..].starts_with([':', ',']) {
            return Some(text[..lead.len() + 1].to_string());
        }
    }
    if let Some(rest) = lower.strip_prefix("thứ ") {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        const NTH: [&str; 9] = [
            "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín",
        ];
        let end = lower.len() - rest.len() + word.len();
        if NTH.contains(&word.as_str()) && lower[end..].starts_with([':', ',']) {
            return Some(text[..end + 1].to_string());
        }
    }
    None
}
