//! Where characters the fonts lack were: line and column in the input
//! where it holds them, else in the markup the template rendered, else the
//! part of the report ([`crate::layout::Missing`]).

use std::collections::{BTreeSet, HashMap};

use crate::error::{Error, Location, Warning};
use crate::layout::messages;
use crate::layout::{Missing, Part};

/// Places listed one by one; the rest are counted in one warning.
const LISTED: usize = 10;
/// Characters a message lists at most.
const CHARS_SHOWN: usize = 40;
/// Context searched with a run of characters, on each side.
const CONTEXT: usize = 12;

/// A text to search, with the name a location gives it.
pub(super) struct Haystack {
    pub name: String,
    pub text: String,
    /// The rendered markup, which holds only the body and the trích yếu.
    pub markup: bool,
}

/// The warnings for characters left out, each with its place.
pub(super) fn warnings(missing: &[Missing], haystacks: &[Haystack]) -> Vec<Warning> {
    let mut seen = HashMap::new();
    let mut out: Vec<Warning> = missing
        .iter()
        .take(LISTED)
        .map(|m| match locate(m, haystacks, &mut seen) {
            Some(at) => Warning::at(at, messages::unsupported(&m.chars)),
            None => Warning::new(messages::unsupported_in(&m.chars, m.part)),
        })
        .collect();
    if missing.len() > LISTED {
        let rest = distinct(&missing[LISTED..]);
        out.push(Warning::new(messages::unsupported_more(
            missing.len() - LISTED,
            &rest,
        )));
    }
    out
}

/// The error `--strict` makes of characters left out.
pub(super) fn strict_error(missing: &[Missing], haystacks: &[Haystack], source: &str) -> Error {
    let at = missing
        .first()
        .and_then(|m| locate(m, haystacks, &mut HashMap::new()))
        .unwrap_or_else(|| Location::file(source));
    Error::invalid(
        at,
        messages::unsupported_strict(&distinct(missing), missing.len()),
    )
    .with_hint(messages::unsupported_hint())
}

/// The characters of `missing`, each once, in order of first appearance.
fn distinct(missing: &[Missing]) -> String {
    let mut seen = BTreeSet::new();
    missing
        .iter()
        .flat_map(|m| m.chars.chars())
        .filter(|c| seen.insert(*c))
        .take(CHARS_SHOWN)
        .collect()
}

/// Where `m` is: the first haystack holding it with its context, then with
/// less of it; a place already given is skipped (`seen` counts them).
fn locate(
    m: &Missing,
    haystacks: &[Haystack],
    seen: &mut HashMap<(usize, String), usize>,
) -> Option<Location> {
    let before: String = {
        let b: Vec<char> = m.text[..m.at].chars().rev().take(CONTEXT).collect();
        b.into_iter().rev().collect()
    };
    let after: String = m.text[m.at + m.chars.len()..]
        .chars()
        .take(CONTEXT)
        .collect();
    let needles = [
        (format!("{before}{}{after}", m.chars), before.len()),
        (format!("{before}{}", m.chars), before.len()),
        (format!("{}{after}", m.chars), 0),
        (m.chars.clone(), 0),
    ];
    for (h, hay) in haystacks.iter().enumerate() {
        if hay.markup && !matches!(m.part, Part::Body | Part::Summary) {
            continue;
        }
        for (needle, offset) in &needles {
            let count = seen.entry((h, needle.clone())).or_insert(0);
            if let Some(pos) = hay.text.match_indices(needle.as_str()).nth(*count) {
                *count += 1;
                let (line, column) = line_column(&hay.text, pos.0 + offset);
                return Some(Location::at(hay.name.clone(), line, column));
            }
        }
    }
    None
}

/// 1-based line and column (in characters) of byte offset `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let head = &text[..at];
    let line = head.matches('\n').count() + 1;
    let start = head.rfind('\n').map_or(0, |i| i + 1);
    (line, head[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(text: &str, chars: &str, part: Part) -> Missing {
        Missing {
            chars: chars.into(),
            text: text.into(),
            at: text.find(chars).unwrap(),
            part,
        }
    }

    #[test]
    fn runs_are_found_in_the_input_then_the_markup() {
        let hay = [
            Haystack {
                name: "a.txt".into(),
                text: "Tiêu đề\n\nCông tác 中文 tuyên giáo; 中文 lần hai\n".into(),
                markup: false,
            },
            Haystack {
                name: "markup".into(),
                text: "# x\n\nThêm ئ ở đây\n".into(),
                markup: true,
            },
        ];
        let ms = [
            missing("tác 中文 tuyên", "中文", Part::Body),
            missing("giáo; 中文 lần", "中文", Part::Body),
            missing("Thêm ئ ở", "ئ", Part::Body),
            missing("ĐẢNG 😀", "😀", Part::Header),
        ];
        let w = warnings(&ms, &hay);
        let at: Vec<String> = w
            .iter()
            .map(|w| w.at.as_ref().map_or("-".into(), |a| a.to_string()))
            .collect();
        assert_eq!(at, ["a.txt:3:10", "a.txt:3:25", "markup:3:6", "-"]);
        assert!(w[0].message.contains("“中文” (U+4E2D U+6587)"));
        assert!(w[3].message.contains("in the header"));
        let e = strict_error(&ms, &hay, "a.txt").to_string();
        assert!(e.starts_with("a.txt:3:10: "), "{e}");
        assert!(e.contains("--strict") && e.contains("(4 places)"), "{e}");
    }

    #[test]
    fn many_places_are_counted_not_listed() {
        let ms: Vec<Missing> = (0..25)
            .map(|_| missing("a 😀 b", "😀", Part::Body))
            .collect();
        let w = warnings(&ms, &[]);
        assert_eq!(w.len(), LISTED + 1);
        assert!(w[LISTED].message.starts_with("15 more places"));
    }
}
