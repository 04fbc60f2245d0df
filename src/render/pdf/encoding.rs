//! Character codes of an embedded font: which bytes of a content stream draw
//! which glyph, and the CMaps that say so to a reader: the font's
//! `/ToUnicode` (codes to text) and, for one-byte fonts, its `/Encoding`
//! (codes to glyphs).
//!
//! A glyph's code is always its id in the subset, which is also its CID: the
//! `/Encoding` CMap is one identity range. A subset of at most 256 glyphs,
//! which a report's face almost always is, gets one-byte codes: text costs a
//! byte per character instead of Identity-H's two. Larger subsets use
//! Identity-H.
//!
//! PDF applies word spacing (`Tw`) to the one-byte code 32 only.
//! `font::subset` makes the space glyph 32 whenever a subset has that many
//! glyphs, so justified lines can set their spaces with `Tw`; in the other
//! fonts the writer widens each space with a `TJ` adjustment.

use std::collections::HashMap;
use std::fmt::Write;

use crate::font;

/// The code the PDF applies word spacing to.
const SPACE: u16 = 32;

/// The codes of one subset font.
pub struct Encoding {
    /// Glyph id of each character of Vietnamese text (`font::direct_index`).
    direct: Vec<u16>,
    other: HashMap<char, u16>,
    one_byte: bool,
    space: Option<u16>,
    /// (glyph id, character), by glyph id; one character per glyph.
    text: Vec<(u16, char)>,
}

impl Encoding {
    /// Codes for the characters of a subset of `glyphs` glyphs (`.notdef`
    /// included), given as (character, glyph id in the subset).
    pub fn new(chars: &[(char, u16)], glyphs: usize) -> Encoding {
        let mut enc = Encoding {
            direct: vec![0; font::DIRECT_CHARS],
            other: HashMap::new(),
            one_byte: glyphs <= 256,
            space: None,
            text: Vec::with_capacity(chars.len()),
        };
        for &(c, gid) in chars {
            match font::direct_index(c) {
                Some(i) => enc.direct[i] = gid,
                None => {
                    enc.other.insert(c, gid);
                }
            }
            if c == ' ' {
                enc.space = Some(gid);
            }
            enc.text.push((gid, c));
        }
        enc.text.sort_unstable();
        enc.text.dedup_by_key(|(gid, _)| *gid);
        enc
    }

    /// Whether codes are one byte; if not, the font is Identity-H.
    pub fn is_one_byte(&self) -> bool {
        self.one_byte
    }

    /// Whether `Tw` widens this font's spaces (its space is the one-byte code 32).
    pub fn has_word_spacing(&self) -> bool {
        self.one_byte && self.space == Some(SPACE)
    }

    /// Appends the codes of `text` to `out`; a character the font lacks
    /// (the layout has warned about it) draws `.notdef`.
    pub fn encode(&self, text: &str, out: &mut Vec<u8>) {
        for c in text.chars() {
            let gid = match font::direct_index(c) {
                Some(i) => self.direct[i],
                None => self.other.get(&c).copied().unwrap_or(0),
            };
            if self.one_byte {
                out.push(gid as u8);
            } else {
                out.extend_from_slice(&gid.to_be_bytes());
            }
        }
    }

    /// The `/Encoding` CMap of a one-byte font: each code is its CID.
    pub fn cmap(&self, name: &str) -> Vec<u8> {
        let mut out = header(name, "Identity", 1, true);
        out.push_str("1 begincidrange\n<00> <FF> 0\nendcidrange\n");
        out.push_str(FOOTER);
        out.into_bytes()
    }

    /// The `/ToUnicode` CMap: codes to text.
    pub fn to_unicode(&self, name: &str) -> Vec<u8> {
        let mut out = header(name, "UCS", 2, self.one_byte);
        for chunk in self.text.chunks(100) {
            let _ = writeln!(out, "{} beginbfchar", chunk.len());
            for &(gid, c) in chunk {
                if self.one_byte {
                    let _ = write!(out, "<{gid:02X}> <");
                } else {
                    let _ = write!(out, "<{gid:04X}> <");
                }
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "{u:04X}");
                }
                out.push_str(">\n");
            }
            out.push_str("endbfchar\n");
        }
        out.push_str(FOOTER);
        out.into_bytes()
    }
}

/// The start of a CMap of type `kind` (1: codes to CIDs, 2: codes to
/// Unicode) through its code space of one or two bytes.
fn header(name: &str, ordering: &str, kind: u8, one_byte: bool) -> String {
    let space = if one_byte {
        "<00> <FF>"
    } else {
        "<0000> <FFFF>"
    };
    format!(
        "/CIDInit /ProcSet findresource begin\n\
         12 dict begin\n\
         begincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering ({ordering}) /Supplement 0 >> def\n\
         /CMapName /{name} def\n\
         /CMapType {kind} def\n\
         1 begincodespacerange\n\
         {space}\n\
         endcodespacerange\n"
    )
}

const FOOTER: &str = "endcmap\n\
    CMapName currentdict /CMap defineresource pop\n\
    end\n\
    end\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_the_glyph_id_in_one_or_two_bytes() {
        let chars = [('A', 1), (' ', 32), ('ạ', 200)];
        let small = Encoding::new(&chars, 201);
        let mut out = Vec::new();
        small.encode("A ạz", &mut out);
        assert_eq!(out, [1, 32, 200, 0]);
        assert!(small.is_one_byte() && small.has_word_spacing());
        let large = Encoding::new(&chars, 257);
        out.clear();
        large.encode("A ạ", &mut out);
        assert_eq!(out, [0, 1, 0, 32, 0, 200]);
        assert!(!large.is_one_byte() && !large.has_word_spacing());
        let uni = String::from_utf8(large.to_unicode("T-U")).unwrap();
        assert!(uni.contains("<0000> <FFFF>\nendcodespacerange"), "{uni}");
        assert!(uni.contains("<00C8> <1EA1>"), "{uni}");
    }

    #[test]
    fn word_spacing_needs_the_space_at_32() {
        let enc = Encoding::new(&[(' ', 3), ('a', 4)], 5);
        assert!(enc.is_one_byte() && !enc.has_word_spacing());
    }

    #[test]
    fn cmaps_map_every_code_back() {
        let enc = Encoding::new(&[(' ', 32), ('a', 2), ('ệ', 4), ('ở', 255)], 256);
        let cmap = String::from_utf8(enc.cmap("T-H")).unwrap();
        assert!(cmap.contains("<00> <FF>\nendcodespacerange"), "{cmap}");
        assert!(cmap.contains("<00> <FF> 0\n"), "{cmap}");
        let uni = String::from_utf8(enc.to_unicode("T-U")).unwrap();
        assert!(uni.contains("4 beginbfchar"), "{uni}");
        for line in ["<02> <0061>", "<04> <1EC7>", "<20> <0020>", "<FF> <1EDF>"] {
            assert!(uni.contains(line), "{line} in {uni}");
        }
    }
}
