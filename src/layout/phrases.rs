//! Where lines that are not justified break: the trích yếu, headings,
//! header rows, the signature lines and the recipients.
//!
//! Body paragraphs break for even spacing ([`super::linebreak`]); these short
//! texts break for sense. Every place between two words gets a [`Break`]
//! class: after `;`, or after a `,` that closes a phrase, is best; before a
//! word of the profile's `break_before` (`và`, `phương hướng`) next; then
//! before a name; anywhere else inside a phrase after that; inside a name or
//! before a number (`quý II`, `năm 2021`, `lần thứ XXIII`) last. A comma after
//! a short listed item (`phương hướng, nhiệm vụ …`) does not close a phrase,
//! and a short bracket (`(để báo cáo)`) is never broken, nor is any place
//! [`break_allowed`] refuses.
//!
//! [`balanced`] chooses the breaks whose classes cost least, then the fewest
//! lines, then lines of the most even width; [`fill`] fills each line as far
//! as it goes (lists).

use super::linebreak::break_allowed;
use crate::profile::Phrases;

/// How good a place to end a line after a word is; earlier is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Break {
    /// After `;`, or after a `,` that closes a phrase.
    Phrase,
    /// Before a word of the profile's `break_before`.
    Before,
    /// Before a capitalised word, where a name starts.
    BeforeName,
    /// Elsewhere inside a phrase.
    Inside,
    /// Inside a name, or between a word and the number after it.
    Name,
    /// Not allowed.
    Never,
}

impl Break {
    /// Cost of ending a line here: any number of breaks of one class costs
    /// less than one of the next, for texts of a few lines.
    fn cost(self) -> u32 {
        match self {
            Break::Phrase => 0,
            Break::Before => 1,
            Break::BeforeName => 4,
            Break::Inside => 16,
            Break::Name => 64,
            Break::Never => u32::MAX,
        }
    }
}

/// A word of the text: its width and the width of the space after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Word {
    pub width: f32,
    pub space: f32,
}

/// The class of the break after each word but the last. With `phrases`
/// false, punctuation and `break_before` earn nothing (names, numbers and
/// brackets still count).
pub(crate) fn classes(words: &[&str], rules: &Phrases, phrases: bool) -> Vec<Break> {
    let n = words.len();
    // Capitals mean a name only in text that is not set in capitals.
    let mixed = words.iter().any(|w| w.chars().any(char::is_lowercase));
    let name = |i: usize| mixed && is_name_word(words[i]);
    let in_bracket = brackets(words, rules.bracket_words.get());
    let list_item = rules.list_item_words.get();
    let before: Vec<Vec<String>> = rules
        .break_before
        .value
        .iter()
        .map(|p| p.split_whitespace().map(str::to_lowercase).collect())
        .collect();
    // Words since the last `,` or `;` (the current segment).
    let mut segment = 0;
    let mut out = Vec::with_capacity(n.saturating_sub(1));
    for i in 0..n.saturating_sub(1) {
        segment += 1;
        let (w, next) = (words[i], words[i + 1]);
        let closes = w.ends_with([',', ';']);
        let phrase_end = w.ends_with(';') || (w.ends_with(',') && segment > list_item);
        let in_name = !closes && (name(i) || (i > 0 && name(i - 1) && name(i + 1)));
        let class = if in_bracket[i] || !break_allowed(w, next, words.get(i + 2).copied()) {
            Break::Never
        } else if phrases && phrase_end {
            Break::Phrase
        } else if phrases && starts_with_phrase(&words[i + 1..], &before) {
            Break::Before
        } else if is_numeral(next) || in_name {
            Break::Name
        } else if name(i + 1) {
            Break::BeforeName
        } else {
            Break::Inside
        };
        out.push(class);
        if closes {
            segment = 0;
        }
    }
    out
}

/// A capitalised word: a name's first syllable (`Quận`, `Long`) or an
/// abbreviation (`UBND`).
fn is_name_word(w: &str) -> bool {
    w.trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// A number or a Roman numeral (`2021`, `13/4`, `II`, `XXIII,`).
fn is_numeral(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    !core.is_empty()
        && (core
            .chars()
            .all(|c| c.is_ascii_digit() || "./-".contains(c))
            && core.starts_with(|c: char| c.is_ascii_digit())
            || core.len() <= 6 && core.chars().all(|c| "IVXLCDM".contains(c)))
}

/// Whether `words` start with one of the phrases (lower-case words).
fn starts_with_phrase(words: &[&str], phrases: &[Vec<String>]) -> bool {
    phrases.iter().any(|p| {
        !p.is_empty()
            && p.len() <= words.len()
            && p.iter().zip(words).all(|(a, b)| {
                let b = b.trim_end_matches(|c: char| !c.is_alphanumeric());
                *a == b.to_lowercase()
            })
    })
}

/// For each word, whether the break after it is inside a bracket of at
/// most `max` words.
fn brackets(words: &[&str], max: usize) -> Vec<bool> {
    let mut inside = vec![false; words.len()];
    for (i, w) in words.iter().enumerate() {
        if !w.starts_with('(') || w.contains(')') {
            continue;
        }
        if let Some(len) = words[i..].iter().take(max).position(|w| w.contains(')')) {
            for flag in &mut inside[i..i + len] {
                *flag = true;
            }
        }
    }
    inside
}

/// The lines (`start..end` word ranges) of the best breaks: the least cost
/// of their classes, then the fewest lines, then the most even widths. The
/// first line is at most `first_width` wide, the others `width`; a word
/// wider than its line stands alone.
pub(crate) fn balanced(
    words: &[Word],
    breaks: &[Break],
    first_width: f32,
    width: f32,
) -> Vec<(usize, usize)> {
    let n = words.len();
    // best[j]: (cost, lines, unevenness, start of the last line) of words ..j.
    let mut best: Vec<Option<(u64, usize, f32, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0, 0.0, 0));
    for j in 1..=n {
        if j < n && breaks[j - 1] == Break::Never {
            continue;
        }
        let cost_here = if j < n {
            u64::from(breaks[j - 1].cost())
        } else {
            0
        };
        let mut natural = 0.0;
        for i in (0..j).rev() {
            natural += words[i].width + if i + 1 < j { words[i].space } else { 0.0 };
            let target = if i == 0 { first_width } else { width };
            if natural > target + 0.01 && i + 1 < j {
                break;
            }
            let Some((c, lines, uneven, _)) = best[i] else {
                continue;
            };
            let slack = ((target - natural) / target).max(0.0);
            let cand = (c + cost_here, lines + 1, uneven + slack * slack, i);
            let better = best[j].is_none_or(|b| {
                (cand.0, cand.1) < (b.0, b.1) || ((cand.0, cand.1) == (b.0, b.1) && cand.2 < b.2)
            });
            if better {
                best[j] = Some(cand);
            }
        }
    }
    if best[n].is_none() {
        // Words that may not be parted are wider than the line together:
        // part them where it costs least, rather than pass the margin.
        let relaxed: Vec<Break> = breaks
            .iter()
            .map(|b| if *b == Break::Never { Break::Name } else { *b })
            .collect();
        return balanced(words, &relaxed, first_width, width);
    }
    let mut lines = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, _, _, i) = best[j].expect("a line of one word always ends somewhere");
        lines.push((i, j));
        j = i;
    }
    lines.reverse();
    lines
}

/// Each line as full as it goes, breaking only where allowed.
pub(crate) fn fill(
    words: &[Word],
    breaks: &[Break],
    first_width: f32,
    width: f32,
) -> Vec<(usize, usize)> {
    let n = words.len();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < n {
        let target = if lines.is_empty() { first_width } else { width };
        let mut natural = words[start].width;
        let mut end = start + 1;
        // The last place the line may end, once it has one word.
        let mut fits_to = None;
        loop {
            if end == n || breaks[end - 1] != Break::Never {
                fits_to = Some(end);
            }
            if end == n {
                break;
            }
            natural += words[end - 1].space + words[end].width;
            if natural > target + 0.01 {
                // Nowhere allowed before the line is full: break here anyway.
                fits_to.get_or_insert(end);
                break;
            }
            end += 1;
        }
        let end = fits_to.unwrap_or(n);
        lines.push((start, end));
        start = end;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::FormatProfile;

    fn rules() -> Phrases {
        FormatProfile::party_2018().phrases
    }

    fn split(text: &str) -> Vec<&str> {
        text.split_whitespace().collect()
    }

    /// Words of 7 pt per character and 3.5 pt spaces.
    fn widths(words: &[&str]) -> Vec<Word> {
        words
            .iter()
            .map(|w| Word {
                width: 7.0 * w.chars().count() as f32,
                space: 3.5,
            })
            .collect()
    }

    fn wrap(text: &str, width: f32) -> Vec<String> {
        let words = split(text);
        let b = classes(&words, &rules(), true);
        balanced(&widths(&words), &b, width, width)
            .into_iter()
            .map(|(s, e)| words[s..e].join(" "))
            .collect()
    }

    #[test]
    fn the_quarterly_summary_breaks_before_the_direction() {
        let lines = wrap(
            "kết quả thực hiện nhiệm vụ quý I, phương hướng, nhiệm vụ trọng tâm quý II năm 2021",
            425.0,
        );
        assert_eq!(
            lines,
            [
                "kết quả thực hiện nhiệm vụ quý I,",
                "phương hướng, nhiệm vụ trọng tâm quý II năm 2021"
            ]
        );
    }

    #[test]
    fn a_phrase_wider_than_the_line_breaks_before_a_name_not_inside_it() {
        let lines = wrap(
            "sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ phường lần thứ XXIII, nhiệm kỳ 2020 - 2025",
            425.0,
        );
        assert_eq!(lines[0], "sơ kết giữa nhiệm kỳ thực hiện");
        assert!(lines[1].starts_with("Nghị quyết Đại hội Đảng bộ phường"));
        assert!(lines.iter().all(|l| !l.ends_with("thứ")));
    }

    #[test]
    fn classes_of_names_numbers_lists_and_brackets() {
        let words = split("Ban Thường vụ Quận ủy (để báo cáo); quý II, và");
        let b = classes(&words, &rules(), true);
        assert_eq!(b[0], Break::Name, "Ban | Thường");
        assert_eq!(
            b[2],
            Break::Name,
            "vụ | Quận: one name, Ban Thường vụ Quận ủy"
        );
        assert_eq!(b[3], Break::Name, "Quận | ủy");
        assert_eq!(b[5], Break::Never, "(để | báo");
        assert_eq!(b[6], Break::Never, "báo | cáo);");
        assert_eq!(b[7], Break::Phrase, "cáo); | quý");
        assert_eq!(b[8], Break::Name, "quý | II,");
        assert_eq!(
            b[9],
            Break::Before,
            "II, | và: a two-word item does not close"
        );
        let words = split("thực hiện Nghị quyết");
        let b = classes(&words, &rules(), true);
        assert_eq!(b[1], Break::BeforeName, "hiện | Nghị");
        let words = split("Ưu điểm, hạn chế, khuyết điểm và nguyên nhân");
        let b = classes(&words, &rules(), true);
        assert_eq!(b[0], Break::Name, "Ưu | điểm,");
        assert_eq!(b[1], Break::Inside, "Ưu điểm, | hạn: a listed item");
        assert_eq!(b[3], Break::Inside, "hạn chế, | khuyết");
        assert_eq!(b[5], Break::Before, "điểm | và");
    }

    #[test]
    fn capitals_only_text_has_no_names() {
        let words = split("I. CÔNG TÁC QUÁN TRIỆT, TỔ CHỨC TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT");
        let b = classes(&words, &rules(), true);
        assert_eq!(b[4], Break::Phrase, "TRIỆT, | TỔ");
        assert!(b.iter().all(|c| *c <= Break::Inside), "{b:?}");
    }

    #[test]
    fn fill_keeps_a_short_bracket_together() {
        let words = split("- Ban Thường vụ Quận ủy Long Biên (để báo cáo);");
        let b = classes(&words, &rules(), false);
        let w = widths(&words);
        let lines = fill(&w, &b, 210.0, 200.0);
        let text: Vec<String> = lines.iter().map(|(s, e)| words[*s..*e].join(" ")).collect();
        assert_eq!(text, ["- Ban Thường vụ Quận ủy Long Biên", "(để báo cáo);"]);
    }

    #[test]
    fn words_that_may_not_part_are_parted_rather_than_pass_the_margin() {
        // Found by tests/properties_page.rs: a bracket wider than the line
        // left no way to break, and the last line had no start.
        let words = split("x (để báo cáo) y");
        let b = classes(&words, &rules(), true);
        assert!(b[1..3].iter().all(|c| *c == Break::Never));
        let w = widths(&words);
        let lines = balanced(&w, &b, 40.0, 40.0);
        assert_eq!(lines.last().unwrap().1, words.len());
        let lines = fill(&w, &b, 40.0, 40.0);
        for (s, e) in lines {
            let width: f32 =
                w[s..e].iter().map(|x| x.width).sum::<f32>() + 3.5 * (e - s - 1) as f32;
            assert!(
                e - s == 1 || width <= 40.01,
                "{:?} is {width} wide",
                &words[s..e]
            );
        }
    }
}
