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

use unicode_normalization::{is_nfc, UnicodeNormalization};

use super::Layouter;
use crate::font::Face;
use crate::letter::Letter;
use crate::markup::Document;

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
pub fn settable(face: Face, c: char) -> bool {
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

/// The document in NFC: the faces have the precomposed letters, and print
/// a combining mark as a glyph of its own beside its letter (report data
/// edited on some systems is decomposed; articles are composed when read).
pub(super) fn nfc_document(doc: &Document) -> Cow<'_, Document> {
    let composed = is_nfc(&doc.summary)
        && doc
            .blocks
            .iter()
            .all(|b| b.spans().iter().all(|s| is_nfc(&s.text)));
    if composed {
        return Cow::Borrowed(doc);
    }
    let mut doc = doc.clone();
    doc.summary = doc.summary.nfc().collect();
    for block in &mut doc.blocks {
        let spans = match block {
            crate::markup::Block::Heading { spans, .. }
            | crate::markup::Block::Paragraph { spans }
            | crate::markup::Block::Item { spans, .. } => spans,
        };
        for span in spans {
            span.text = span.text.nfc().collect();
        }
    }
    Cow::Owned(doc)
}

/// The letter's texts in NFC (see [`nfc_document`]).
pub(super) fn nfc_letter(letter: &Letter) -> Cow<'_, Letter> {
    let texts = |l: &Letter| -> Vec<String> {
        let mut v = vec![
            l.superior.clone(),
            l.issuer.clone(),
            l.number_line.clone(),
            l.place_date.clone(),
            l.authority.clone(),
            l.title.clone(),
            l.name.clone(),
            l.filing_line.clone(),
        ];
        v.extend(l.recipients.iter().cloned());
        v
    };
    if texts(letter).iter().all(|t| is_nfc(t)) {
        return Cow::Borrowed(letter);
    }
    let mut l = letter.clone();
    for t in [
        &mut l.superior,
        &mut l.issuer,
        &mut l.number_line,
        &mut l.place_date,
        &mut l.authority,
        &mut l.title,
        &mut l.name,
        &mut l.filing_line,
    ]
    .into_iter()
    .chain(l.recipients.iter_mut())
    {
        *t = t.nfc().collect();
    }
    Cow::Owned(l)
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
