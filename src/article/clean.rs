//! Cleaning: text → lines as a reader sees them. HTML entities are
//! decoded, text normalised to NFC, tabs and
//! no-break spaces made spaces, invisible characters removed, runs of spaces
//! collapsed; emoji are taken out (and reported); hard-wrapped lines are
//! rejoined.

use unicode_normalization::UnicodeNormalization;

use super::lines::ends_sentence;

/// A cleaned input line with its 1-based number.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) number: usize,
    pub(super) text: String,
    /// The line opened with an emoji: a bullet in portal posts.
    pub(super) bullet: bool,
    /// How many emoji the line held.
    pub(super) emoji: usize,
    /// Byte offsets in `text` just after a space that was a no-break space.
    pub(super) nbsp: Vec<usize>,
}

/// Splits into lines, decodes HTML entities (`&ocirc;` → `ô`), normalises to
/// NFC and cleans white space: tabs and no-break spaces become spaces,
/// invisible characters (CR, soft hyphen, zero-width marks, BOM) go, runs of
/// spaces collapse, ends are trimmed. Emoji are removed and returned with
/// their line.
pub(super) fn clean_lines(text: &str) -> (Vec<Line>, Vec<(usize, String)>) {
    let mut emoji = Vec::new();
    let lines = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let decoded = html_escape::decode_html_entities(raw);
            // Most text arrives composed already: Latin letters below the
            // combining marks and the precomposed Vietnamese letters
            // (Latin Extended Additional) are NFC whatever surrounds them.
            let composed = |c: char| c < '\u{300}' || ('\u{1e00}'..='\u{1eff}').contains(&c);
            let nfc: std::borrow::Cow<str> = if decoded.chars().all(composed)
                || unicode_normalization::is_nfc_quick(decoded.chars())
                    == unicode_normalization::IsNormalized::Yes
            {
                decoded
            } else {
                std::borrow::Cow::Owned(decoded.nfc().collect())
            };
            let mut out = String::with_capacity(nfc.len());
            let mut removed = String::new();
            let mut nbsp = Vec::new();
            // Whether the line opens with an emoji (a bullet in portal posts).
            let mut bullet = false;
            // Set after an emoji is dropped: a space it leaves before
            // punctuation goes too ("đẹp 🎉." → "đẹp.").
            let mut after_emoji = false;
            for c in nfc.chars() {
                // Letters, digits and punctuation of Vietnamese text skip the
                // tests: none is a space, a control, an emoji or invisible.
                if !matches!(c, '!'..='~' | '\u{c0}'..='\u{167f}' | '\u{1e00}'..='\u{1eff}') {
                    match c {
                        '\u{00ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {
                            continue
                        }
                        c if is_emoji(c) => {
                            if !matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{20e3}' | '\u{e0020}'..='\u{e007f}') {
                                removed.push(c);
                            }
                            bullet |= out.is_empty();
                            after_emoji = true;
                            continue;
                        }
                        c if c.is_whitespace() => {
                            if !out.is_empty() && !out.ends_with(' ') {
                                out.push(' ');
                            }
                            // Where a no-break space separated two runs: a
                            // caption glued to a paragraph often hides there.
                            if c == '\u{a0}' && !out.is_empty() && nbsp.last() != Some(&out.len()) {
                                nbsp.push(out.len());
                            }
                            continue;
                        }
                        c if c.is_control() => continue,
                        _ => {}
                    }
                }
                if after_emoji && ",.;:!?)".contains(c) && out.ends_with(' ') {
                    out.pop();
                }
                after_emoji = false;
                out.push(c);
            }
            let emoji_count = removed.chars().count();
            if !removed.is_empty() {
                emoji.push((i + 1, removed));
            }
            let text = out.trim_end().to_string();
            nbsp.retain(|&at| at < text.len());
            Line {
                number: i + 1,
                text,
                bullet,
                emoji: emoji_count,
                nbsp,
            }
        })
        .collect();
    (lines, emoji)
}

/// Emoji, pictographs and their modifiers.
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}'
        | '\u{2600}'..='\u{27bf}'
        | '\u{2b00}'..='\u{2bff}'
        | '\u{2300}'..='\u{23ff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{20e3}'
        | '\u{e0020}'..='\u{e007f}')
}

/// Joins hard-wrapped lines: a line that does not end a sentence, directly
/// followed (no blank line) by one that starts in lower case, continues it.
pub(super) fn join_wrapped(lines: &[&Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut last_number = 0;
    for l in lines {
        let continues = out.last().is_some_and(|prev: &Line| {
            l.number == last_number + 1
                && !ends_sentence(&prev.text)
                && l.text.chars().next().is_some_and(|c| c.is_lowercase())
        });
        last_number = l.number;
        if continues {
            let prev = out.last_mut().expect("checked above");
            prev.text.push(' ');
            let base = prev.text.len();
            prev.text.push_str(&l.text);
            prev.nbsp.extend(l.nbsp.iter().map(|at| at + base));
        } else {
            out.push((*l).clone());
        }
    }
    out
}
