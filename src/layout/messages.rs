//! What layout tells people: its warnings and errors, from the message
//! catalogue.

use super::coverage::Part;
use crate::error::Warning;
use crate::t;

/// What a part of the report is called in a message.
pub fn part_name(part: Part) -> String {
    match part {
        Part::Body => t!("part-body"),
        Part::Summary => t!("part-summary"),
        Part::Header => t!("part-header"),
        Part::Signature => t!("part-signature"),
        Part::Recipients => t!("part-recipients"),
        Part::Profile => t!("part-profile"),
    }
}

/// Characters as a message lists them: `“中文” (U+4E2D U+6587)`, the first
/// few of a long run, each code once.
pub fn chars_listed(chars: &str) -> String {
    const SHOWN: usize = 24;
    const CODES: usize = 12;
    let mut shown: String = chars
        .chars()
        .filter(|c| !c.is_control())
        .take(SHOWN)
        .collect();
    if chars.chars().count() > SHOWN {
        shown.push('…');
    }
    let mut codes: Vec<String> = Vec::new();
    for c in chars.chars() {
        let code = format!("U+{:04X}", c as u32);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.len() > CODES {
        codes.truncate(CODES);
        codes.push("…".into());
    }
    format!("“{shown}” ({})", codes.join(" "))
}

/// Characters no face can set, left out of the report.
pub fn unsupported(chars: &str) -> String {
    t!("layout-unsupported", chars = chars_listed(chars))
}

/// Where characters left out are not in the input: the part they are in.
pub fn unsupported_in(chars: &str, part: Part) -> String {
    t!(
        "layout-unsupported-in",
        message = unsupported(chars),
        part = part_name(part)
    )
}

/// The count of places not listed one by one.
pub fn unsupported_more(places: usize, chars: &str) -> String {
    t!(
        "layout-unsupported-more",
        places = places,
        chars = chars_listed(chars)
    )
}

/// With `--strict`: characters that cannot be set are an error, with the
/// characters and the count of places (more than one).
pub fn unsupported_strict(chars: &str, places: usize) -> String {
    match places {
        1 => t!("layout-unsupported-strict", chars = chars_listed(chars)),
        n => t!(
            "layout-unsupported-strict-places",
            chars = chars_listed(chars),
            places = n
        ),
    }
}

/// What to do about them.
pub fn unsupported_hint() -> String {
    t!("layout-unsupported-hint")
}

/// A word wider than its line, broken between letters.
pub fn word_broken(word: &str, part: Part) -> Warning {
    Warning::new(t!(
        "layout-word-broken",
        word = excerpt(word),
        part = part_name(part)
    ))
}

/// A word of body block `block` (0 the first) wider than a line, broken.
pub fn word_broken_in_block(word: &str, block: usize) -> Warning {
    Warning::new(t!(
        "layout-word-too-wide",
        word = excerpt(word),
        block = block + 1
    ))
}

/// The first 40 characters of a long text, and `…`.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
