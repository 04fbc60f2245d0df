//! The font objects of a PDF (ISO 32000-1, 9.7): for each face a report
//! draws, a Type0 font over a CIDFontType2 whose CIDs are the glyph ids of
//! an embedded subset, with the advance widths of the drawn glyphs, a font
//! descriptor, and the codes of [`super::encoding`].

use std::collections::BTreeSet;

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

use super::encoding::Encoding;
use crate::error::{Error, Result};
use crate::font::{self, Face};

/// A face embedded in a document.
pub struct Embedded {
    /// The Type0 font dictionary.
    pub id: ObjectId,
    pub codes: Encoding,
}

/// Font descriptor flags (ISO 32000-1, table 123).
const NONSYMBOLIC: i64 = 1 << 5;
const ITALIC: i64 = 1 << 6;

/// Subsets `face` to `chars` and adds the font's objects to `doc`.
pub fn embed(doc: &mut Document, face: Face, chars: &BTreeSet<char>) -> Result<Embedded> {
    let subset = font::subset(face, chars).map_err(Error::Internal)?;
    let d = face.descriptor();
    let per_mille = |v: i16| (f32::from(v) * 1000.0 / f32::from(d.units_per_em)).round() as i64;
    // The slant in degrees from the caret's (rise, run), negative leaning right.
    let italic_angle = match d.caret {
        (0, _) => 0,
        (rise, run) => (-f32::from(run).atan2(f32::from(rise)).to_degrees()).round() as i64,
    };
    // No table holds the stem width; the usual estimate from the weight class
    // (88 at 400, 166 at 700).
    let stem_v = 50 + (f32::from(d.weight) / 65.0).powi(2).round() as i64;
    let name = || Object::Name(subset.name.clone().into_bytes());
    let glyphs: Vec<(char, u16)> = subset.glyphs.iter().map(|(c, g, _)| (*c, *g)).collect();
    let codes = Encoding::new(&glyphs, subset.glyph_count);
    let widths = widths(&subset.glyphs, d.units_per_em);

    let program = Stream::new(
        dictionary! { "Length1" => subset.bytes.len() as i64 },
        subset.bytes,
    );
    let descriptor = dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => name(),
        "Ascent" => per_mille(d.ascent),
        "Descent" => per_mille(d.descent),
        "CapHeight" => per_mille(d.ascent),
        "ItalicAngle" => italic_angle,
        "Flags" => NONSYMBOLIC | if italic_angle != 0 { ITALIC } else { 0 },
        "StemV" => stem_v,
        "FontBBox" => d.bbox.iter().map(|v| Object::Integer(per_mille(*v))).collect::<Vec<_>>(),
        "FontFile2" => doc.add_object(program),
    };
    let cid_font = dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => name(),
        "CIDSystemInfo" => system_info("Identity"),
        "FontDescriptor" => doc.add_object(descriptor),
        "DW" => 1000,
        "W" => widths,
        "CIDToGIDMap" => "Identity",
    };
    let cmap_name = subset.name.replace('+', "-");
    let encoding = if codes.is_one_byte() {
        let cmap = Stream::new(
            dictionary! {
                "Type" => "CMap",
                "CMapName" => Object::Name(format!("{cmap_name}-H").into_bytes()),
                "CIDSystemInfo" => system_info("Identity"),
            },
            codes.cmap(&format!("{cmap_name}-H")),
        );
        Object::Reference(doc.add_object(cmap))
    } else {
        Object::Name(b"Identity-H".to_vec())
    };
    let to_unicode = Stream::new(
        Dictionary::new(),
        codes.to_unicode(&format!("{cmap_name}-UCS")),
    );
    let type0 = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => name(),
        "Encoding" => encoding,
        "ToUnicode" => doc.add_object(to_unicode),
        "DescendantFonts" => vec![Object::Dictionary(cid_font)],
    };
    Ok(Embedded {
        id: doc.add_object(type0),
        codes,
    })
}

fn system_info(ordering: &str) -> Dictionary {
    dictionary! {
        "Registry" => Object::string_literal("Adobe"),
        "Ordering" => Object::string_literal(ordering),
        "Supplement" => 0,
    }
}

/// `/W`: the advance of each drawn glyph in 1/1000 em (as the layout
/// measured it), in runs of consecutive glyph ids.
fn widths(glyphs: &[(char, u16, u16)], units_per_em: u16) -> Vec<Object> {
    let mut by_id: Vec<(u16, u16)> = glyphs
        .iter()
        .map(|(_, gid, units)| (*gid, font::per_mille(*units, units_per_em)))
        .collect();
    by_id.sort_unstable();
    by_id.dedup_by_key(|(gid, _)| *gid);
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut next = None;
    for (gid, width) in by_id {
        if next != Some(gid) {
            if !run.is_empty() {
                out.push(Object::Array(std::mem::take(&mut run)));
            }
            out.push(Object::Integer(i64::from(gid)));
        }
        run.push(Object::Integer(i64::from(width)));
        next = Some(gid + 1);
    }
    if !run.is_empty() {
        out.push(Object::Array(run));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_in_runs_of_consecutive_glyphs() {
        let w = widths(
            &[('a', 2, 1024), ('b', 3, 2048), (' ', 32, 512), ('c', 5, 0)],
            2048,
        );
        let ints = |o: &Object| -> Vec<i64> {
            o.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_i64().unwrap())
                .collect()
        };
        assert_eq!(w.len(), 6);
        assert_eq!((w[0].as_i64().unwrap(), ints(&w[1])), (2, vec![500, 1000]));
        assert_eq!((w[2].as_i64().unwrap(), ints(&w[3])), (5, vec![0]));
        assert_eq!((w[4].as_i64().unwrap(), ints(&w[5])), (32, vec![250]));
    }
}
