//! Characters no bundled face can set: those it has no glyph for (CJK,
//! Arabic, emoji, most controls) and those of right-to-left scripts, which
//! it has glyphs for (Hebrew) but the layout would draw in reverse, as it
//! does not reorder them.
//!
//! They are taken out of the text before it is measured, so they leave
//! neither a glyph nor a gap: a word made only of them goes with its space.
//! Each run of them is recorded with the text it came from, for the engine
//! to say where it was ([`crate::engine`]) or, with `--strict`, to refuse.

use std::borrow::Cow;

use super::Layouter;
use crate::font::Face;

/// What part of the report a text belongs to, for saying where characters
/// were left out when the input does not hold them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Body text: headings, paragraphs and items of the markup.
    Body,
    /// The trích yếu (the markup's `#` line).
    Summary,
    /// A row of the header (issuer, superior, number, place and date).
    Header,
    /// The signer's authority, title or name.
    Signature,
    /// A recipient or the filing line.
    Recipients,
    /// A fixed text of the format profile.
    Profile,
}

/// A run of adjacent characters left out of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The characters, in order.
    pub chars: String,
    /// The text they were taken from, and the byte offset of `chars` in it.
    pub text: String,
    pub at: usize,
    pub part: Part,
}

/// Whether `face` can set `c`: it has a glyph, and the character is not of
/// a right-to-left script nor a bidirectional control.
pub(super) fn settable(face: Face, c: char) -> bool {
    let rtl = matches!(c,
        '\u{0590}'..='\u{08ff}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{fb1d}'..='\u{fdff}'
        | '\u{fe70}'..='\u{feff}'
        | '\u{10800}'..='\u{10fff}'
        | '\u{1e800}'..='\u{1efff}');
    !rtl && face.metrics().covers(c)
}

/// Whether `face` can set every character of `text`.
pub(super) fn settable_all(face: Face, text: &str) -> bool {
    // Vietnamese text is Latin: its letters need no more than the glyph test.
    let m = face.metrics();
    text.chars().all(|c| {
        if c < '\u{590}' {
            m.covers(c)
        } else {
            settable(face, c)
        }
    })
}

impl Layouter<'_> {
    /// The pieces of `text` that `face` can draw, in order, between the
    /// characters it cannot (recorded as [`Missing`]).
    pub(super) fn drawable<'t>(&self, text: &'t str, face: Face, part: Part) -> Vec<&'t str> {
        if settable_all(face, text) {
            return if text.is_empty() {
                Vec::new()
            } else {
                vec![text]
            };
        }
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut gap: Option<usize> = None;
        for (at, c) in text.char_indices() {
            match (settable(face, c), gap) {
                (false, None) => {
                    if at > start {
                        pieces.push(&text[start..at]);
                    }
                    gap = Some(at);
                }
                (true, Some(g)) => {
                    self.record(text, g, at, part);
                    gap = None;
                    start = at;
                }
                _ => {}
            }
        }
        match gap {
            Some(g) => self.record(text, g, text.len(), part),
            None if start < text.len() => pieces.push(&text[start..]),
            None => {}
        }
        pieces
    }

    /// `text` without the characters `face` cannot draw.
    pub(super) fn printable<'t>(&self, text: &'t str, face: Face, part: Part) -> Cow<'t, str> {
        match self.drawable(text, face, part).as_slice() {
            [one] if one.len() == text.len() => Cow::Borrowed(text),
            pieces => Cow::Owned(pieces.concat()),
        }
    }

    fn record(&self, text: &str, from: usize, to: usize, part: Part) {
        self.missing.borrow_mut().push(Missing {
            chars: text[from..to].to_string(),
            text: text.to_string(),
            at: from,
            part,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::FormatProfile;

    #[test]
    fn undrawable_runs_are_cut_out_and_recorded_with_their_place() {
        let p = FormatProfile::party_2018();
        let l = Layouter::new(&p);
        let text = "Hà中文Nội العربية";
        let pieces = l.drawable(text, Face::Regular, Part::Body);
        assert_eq!(pieces, ["Hà", "Nội "]);
        let missing = l.missing.borrow();
        assert_eq!(missing.len(), 2);
        assert_eq!(missing[0].chars, "中文");
        assert_eq!(&text[missing[0].at..], "中文Nội العربية");
        assert_eq!(missing[1].chars, "العربية");
        drop(missing);
        assert_eq!(l.printable("Đảng", Face::Bold, Part::Body), "Đảng");
        assert!(matches!(
            l.printable("Đảng", Face::Bold, Part::Body),
            Cow::Borrowed(_)
        ));
        assert_eq!(l.printable("😀", Face::Bold, Part::Header), "");
        // Hebrew has glyphs but would print reversed.
        assert!(Face::Regular.metrics().covers('א'));
        assert_eq!(
            l.printable("Hà Nội שלום", Face::Regular, Part::Body),
            "Hà Nội "
        );
    }
}
