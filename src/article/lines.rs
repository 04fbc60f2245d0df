//! Line classification: what a line of the body is. A heading (numbered,
//! in capitals, or a topic line), a list item and its marker, the end of a
//! sentence. What is not the article's text is `furniture.rs`'s.

use super::furniture::{DOING, SCENE, WHO};
use crate::vn::Lower;

/// Text compared to find repeats: no final punctuation.
pub(super) fn dedup_key(text: &str) -> &str {
    text.trim_end_matches(['.', ':', ';', '!', '?', ' '])
}

/// The first `n` characters of `text`, lower-cased: enough for prefix tests
/// without lower-casing a whole paragraph.
pub(super) fn lower_prefix(text: &str, n: usize) -> String {
    let end = text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
    text[..end].lower()
}

/// Whether a sentence ends here: final `.` `!` `?` `:` `;` `…`, possibly
/// followed by closing quotes or brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(|c: char| "\"'”’)]»".contains(c) || c.is_whitespace());
    core.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Words of a line (tokens holding a letter or a digit).
pub(super) fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// One sentence: no sentence end inside the line. A full stop after an
/// abbreviation or initials (`PGS. TS`, `ThS. Nguyễn`, `V.I. Lênin`) ends none.
pub(super) fn one_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(['.', ' ']);
    if core.contains("; ") || core.contains("! ") || core.contains("? ") {
        return false;
    }
    let tokens: Vec<&str> = core.split(' ').collect();
    !tokens.windows(2).any(|w| {
        let Some(word) = w[0].strip_suffix('.') else {
            return false;
        };
        let word = word.rsplit(['.', ',', '(']).next().unwrap_or(word);
        let abbreviation = word.chars().count() <= 1
            || word.chars().all(|c| c.is_uppercase() || c == '/')
            || ABBREVIATIONS.contains(&word);
        !abbreviation && w[1].chars().next().is_some_and(char::is_uppercase)
    })
}

/// Abbreviations written with a full stop before a name.
const ABBREVIATIONS: [&str; 9] = ["ThS", "Th.S", "Tp", "TP", "Đ/c", "đ/c", "Ths", "Nxb", "tr"];

/// Whether every word is capitalised (or initials): a name, an office.
pub(super) fn capitalised(text: &str) -> bool {
    let ws: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == ',')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !ws.is_empty()
        && ws.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// A heading of the article's own outline: `I. KẾT QUẢ`, `1. Công tác
/// tuyên truyền`, `1.2. Công tác kiểm tra`, `a) Về chính trị`, or a line in
/// capitals. Returns its depth (1 for the top level).
pub(super) fn heading_level(text: &str) -> Option<u8> {
    if ends_sentence(text) && !text.ends_with(':') || text.ends_with(':') {
        return None;
    }
    let n = words(text);
    let first = text.split_whitespace().next()?;
    let core = first.trim_end_matches(['.', ')', '-', ':', '/']);
    if (2..=25).contains(&n) && core.len() < first.len() {
        if crate::vn::parse_roman(core).is_some() && core.chars().all(|c| c.is_ascii_uppercase()) {
            return Some(1);
        }
        let parts: Vec<&str> = core.split('.').collect();
        if parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
        {
            return Some(1 + parts.len() as u8);
        }
        if core.chars().count() == 1 && core.chars().all(char::is_lowercase) && first.ends_with(')')
        {
            return Some(5);
        }
    }
    if is_caps_heading(text) {
        return Some(1);
    }
    None
}

/// A heading in capitals inside the body (`KẾT QUẢ ĐẠT ĐƯỢC`, `I. PHƯƠNG HƯỚNG`).
pub(super) fn is_caps_heading(text: &str) -> bool {
    if text.len() > 600 || text.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 6
        && words(text) >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && text.chars().count() <= 150
        && !text.ends_with('.')
}

/// A short line without final punctuation that names the topic of the
/// paragraphs after it (`Đưa du lịch trở thành ngành kinh tế mũi nhọn`):
/// not a caption's scene, person or photo credit.
pub(super) fn is_topic_line(text: &str) -> bool {
    let lower = text.lower();
    let n = words(text);
    // Words here are syllables: a heading of a dozen words has twenty.
    (2..=25).contains(&n)
        && !ends_sentence(text)
        && text.chars().next().is_some_and(char::is_uppercase)
        && !SCENE.iter().any(|p| lower.starts_with(p))
        && !WHO.iter().any(|w| lower.starts_with(w))
        && !DOING.iter().any(|d| lower.contains(d))
        && !lower.contains("ảnh")
}

/// A paragraph that names its own topic (`Hội Phụ nữ: Triển khai …`): a
/// short line before it is a photo's caption, not its heading.
pub(super) fn opens_with_label(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, rest)| {
        words(label) <= 8
            && !label.contains(['.', ';', '“', '"'])
            && rest.starts_with(' ')
            && words(rest) >= 5
    })
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
    // `Thứ nhất là …`, `Thứ hai là …`.
    if let Some(rest) = lower.strip_prefix("thứ ") {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let end = lower.len() - rest.len() + word.len();
        if [
            "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín",
        ]
        .contains(&word.as_str())
            && lower[end..].starts_with(" là ")
        {
            return Some(text[..end + " là".len()].to_string());
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
