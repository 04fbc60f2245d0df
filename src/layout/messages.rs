//! What layout tells people: the texts of its warnings and errors, kept
//! together for a later Vietnamese catalogue.

use super::coverage::Part;
use crate::error::Warning;

/// What a part of the report is called in a message.
pub fn part_name(part: Part) -> &'static str {
    match part {
        Part::Body => "the body",
        Part::Summary => "the trích yếu",
        Part::Header => "the header",
        Part::Signature => "the signature block",
        Part::Recipients => "the recipients",
        Part::Profile => "a fixed text of the format profile",
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
    format!(
        "cannot set {}: the bundled fonts have no glyph for it, or it is written right to left; left out of the report",
        chars_listed(chars)
    )
}

/// Where characters left out are not in the input: the part they are in.
pub fn unsupported_in(chars: &str, part: Part) -> String {
    format!("{} (in {})", unsupported(chars), part_name(part))
}

/// The count of places not listed one by one.
pub fn unsupported_more(places: usize, chars: &str) -> String {
    format!(
        "{places} more places with characters that cannot be set, left out of the report: {}",
        chars_listed(chars)
    )
}

/// With `--strict`: characters that cannot be set are an error.
pub const UNSUPPORTED_STRICT: &str =
    "cannot set these characters (no glyph in the bundled fonts, or a right-to-left script), and --strict does not let them be left out";

/// What to do about them.
pub const UNSUPPORTED_HINT: &str =
    "replace or remove them (the bundled Liberation Serif sets Vietnamese, Latin, Greek and Cyrillic), or run without --strict to leave them out";

/// A word wider than its line, broken between letters.
pub fn word_broken(word: &str, part: Part) -> Warning {
    Warning::new(format!(
        "“{}” (in {}) is wider than a line and was broken across lines",
        excerpt(word),
        part_name(part)
    ))
}

/// A word of body block `block` (0 the first) wider than a line, broken.
pub fn word_broken_in_block(word: &str, block: usize) -> Warning {
    Warning::new(format!(
        "“{}” (block {}) is wider than a line and was broken across lines",
        excerpt(word),
        block + 1
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
