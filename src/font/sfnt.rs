//! Byte-level reading and rewriting of TrueType fonts: the metrics a PDF
//! font descriptor needs, and a subset reduced to what a PDF uses.
//!
//! A PDF draws glyphs from `glyf`/`loca` with the widths of its own `/W`
//! array; `head`, `hhea`, `hmtx` and `maxp` make the program a valid font.
//! The rest goes: names and PostScript data, and the hinting programs
//! (`fpgm`, `prep`, `cvt ` and the instructions inside each glyph), which on
//! paper only cost bytes (over half of a Liberation Serif subset).

use std::collections::BTreeMap;

type Result<T> = std::result::Result<T, String>;

fn u16_at(b: &[u8], at: usize) -> Result<u16> {
    b.get(at..at + 2)
        .map(|s| u16::from_be_bytes([s[0], s[1]]))
        .ok_or_else(|| format!("truncated font at byte {at}"))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| format!("truncated font at byte {at}"))
}

/// The tables of an sfnt, by tag.
fn tables(font: &[u8]) -> Result<BTreeMap<[u8; 4], &[u8]>> {
    let count = usize::from(u16_at(font, 4)?);
    let mut out = BTreeMap::new();
    for i in 0..count {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = font
            .get(rec..rec + 4)
            .ok_or("truncated table directory")?
            .try_into()
            .map_err(|_| "bad tag")?;
        let offset = u32_at(font, rec + 8)? as usize;
        let length = u32_at(font, rec + 12)? as usize;
        let data = font
            .get(offset..offset + length)
            .ok_or("table outside the font")?;
        out.insert(tag, data);
    }
    Ok(out)
}

/// Tables a PDF font program keeps.
const KEEP: [&[u8; 4]; 6] = [b"glyf", b"loca", b"head", b"hhea", b"hmtx", b"maxp"];

/// The font reduced to the tables a PDF needs, without glyph instructions,
/// with a long `loca`; and its number of glyphs.
pub fn for_pdf(font: &[u8]) -> Result<(Vec<u8>, usize)> {
    let mut t: BTreeMap<[u8; 4], Vec<u8>> = tables(font)?
        .into_iter()
        .filter(|(k, _)| KEEP.contains(&k))
        .map(|(k, v)| (k, v.to_vec()))
        .collect();
    let head = t.get(b"head").ok_or("no head table")?;
    let long_loca = u16_at(head, 50)? == 1;
    let num_glyphs = usize::from(u16_at(t.get(b"maxp").ok_or("no maxp table")?, 4)?);
    let loca = t.get(b"loca").ok_or("no loca table")?;
    let glyf = t.get(b"glyf").ok_or("no glyf table")?;

    let offset = |i: usize| -> Result<usize> {
        Ok(if long_loca {
            u32_at(loca, 4 * i)? as usize
        } else {
            usize::from(u16_at(loca, 2 * i)?) * 2
        })
    };
    let mut new_glyf = Vec::with_capacity(glyf.len() / 2);
    let mut new_loca = Vec::with_capacity(4 * (num_glyphs + 1));
    for i in 0..num_glyphs {
        let (start, end) = (offset(i)?, offset(i + 1)?);
        let glyph = glyf
            .get(start..end)
            .ok_or_else(|| format!("glyph {i} outside glyf"))?;
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if !glyph.is_empty() {
            new_glyf.extend_from_slice(&strip_glyph(glyph).map_err(|e| format!("glyph {i}: {e}"))?);
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let head = t.get_mut(b"head").ok_or("no head table")?;
    head[8..12].copy_from_slice(&[0; 4]); // checkSumAdjustment, set below
    head[50..52].copy_from_slice(&1u16.to_be_bytes()); // indexToLocFormat: long
    if let Some(maxp) = t.get_mut(b"maxp") {
        if u32_at(maxp, 0)? == 0x0001_0000 && maxp.len() >= 28 {
            maxp[26..28].copy_from_slice(&[0, 0]); // maxSizeOfInstructions
        }
    }
    t.insert(*b"glyf", new_glyf);
    t.insert(*b"loca", new_loca);
    Ok((assemble(u32_at(font, 0)?, &t), num_glyphs))
}

/// Font-descriptor metrics from `head`, `hhea` and `OS/2`.
pub fn descriptor(font: &[u8]) -> Result<super::Descriptor> {
    let t = tables(font)?;
    let head = t.get(b"head").ok_or("no head table")?;
    let hhea = t.get(b"hhea").ok_or("no hhea table")?;
    let i16_at = |b: &[u8], at| u16_at(b, at).map(|v| v as i16);
    Ok(super::Descriptor {
        units_per_em: u16_at(head, 18)?,
        bbox: [
            i16_at(head, 36)?,
            i16_at(head, 38)?,
            i16_at(head, 40)?,
            i16_at(head, 42)?,
        ],
        ascent: i16_at(hhea, 4)?,
        descent: i16_at(hhea, 6)?,
        caret: (i16_at(hhea, 18)?, i16_at(hhea, 20)?),
        weight: t.get(b"OS/2").map_or(Ok(0), |os2| u16_at(os2, 4))?,
    })
}

/// A glyph without its instructions.
fn strip_glyph(glyph: &[u8]) -> Result<Vec<u8>> {
    let contours = u16_at(glyph, 0)? as i16;
    if contours >= 0 {
        let at = 10 + 2 * contours as usize;
        let len = usize::from(u16_at(glyph, at)?);
        let rest = glyph
            .get(at + 2 + len..)
            .ok_or("instructions past the glyph")?;
        let mut out = Vec::with_capacity(glyph.len() - len);
        out.extend_from_slice(&glyph[..at]);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
        return Ok(out);
    }
    // Composite: walk the components, clear WE_HAVE_INSTRUCTIONS, drop the program.
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const X_AND_Y_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    const HAVE_INSTRUCTIONS: u16 = 0x0100;
    let mut out = glyph.to_vec();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        out[at..at + 2].copy_from_slice(&(flags & !HAVE_INSTRUCTIONS).to_be_bytes());
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAVE_SCALE != 0 {
            2
        } else if flags & X_AND_Y_SCALE != 0 {
            4
        } else if flags & TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if at > glyph.len() {
            return Err("component past the glyph".into());
        }
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    out.truncate(at);
    Ok(out)
}

/// Writes tables into an sfnt with a valid directory and checksums.
fn assemble(version: u32, tables: &BTreeMap<[u8; 4], Vec<u8>>) -> Vec<u8> {
    let n = tables.len() as u16;
    let selector = 15 - n.leading_zeros() as u16; // floor(log2 n)
    let range = (1u16 << selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&version.to_be_bytes());
    out.extend_from_slice(&n.to_be_bytes());
    out.extend_from_slice(&range.to_be_bytes());
    out.extend_from_slice(&selector.to_be_bytes());
    out.extend_from_slice(&(n * 16 - range).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for data in tables.values() {
        out.extend_from_slice(data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::Face;
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::tables::glyf::{GlyfRecord, GlyfTable, Glyph};
    use allsorts::tables::loca::LocaTable;
    use allsorts::tables::{FontTableProvider, HeadTable, MaxpTable};
    use allsorts::tag;

    /// Every glyph of a font, parsed with allsorts.
    fn glyphs(font: &[u8]) -> Vec<Glyph> {
        let data = ReadScope::new(font).read::<FontData<'_>>().unwrap();
        let p = data.table_provider(0).unwrap();
        let head = ReadScope::new(&p.read_table_data(tag::HEAD).unwrap())
            .read::<HeadTable>()
            .unwrap();
        let maxp = ReadScope::new(&p.read_table_data(tag::MAXP).unwrap())
            .read::<MaxpTable>()
            .unwrap();
        let loca_data = p.read_table_data(tag::LOCA).unwrap();
        let loca = ReadScope::new(&loca_data)
            .read_dep::<LocaTable<'_>>((maxp.num_glyphs, head.index_to_loc_format))
            .unwrap();
        let glyf_data = p.read_table_data(tag::GLYF).unwrap();
        let mut glyf = ReadScope::new(&glyf_data)
            .read_dep::<GlyfTable<'_>>(&loca)
            .unwrap();
        glyf.records_mut()
            .iter_mut()
            .map(|r| {
                r.parse().unwrap();
                match r {
                    GlyfRecord::Parsed(g) => g.clone(),
                    GlyfRecord::Present { .. } => unreachable!(),
                }
            })
            .collect()
    }

    #[test]
    fn stripping_keeps_outlines_and_drops_programs() {
        // The whole face: simple and composite glyphs (Vietnamese letters are composites).
        let original = Face::Regular.file_bytes();
        let (stripped, _) = for_pdf(original).unwrap();
        let kept: Vec<[u8; 4]> = tables(&stripped).unwrap().keys().copied().collect();
        assert_eq!(kept.len(), KEEP.len(), "only the tables a PDF needs");
        assert!(stripped.len() < original.len());
        let (before, after) = (glyphs(original), glyphs(&stripped));
        assert_eq!(before.len(), after.len());
        let mut composites = 0;
        for (b, a) in before.iter().zip(&after) {
            match (b, a) {
                (Glyph::Simple(b), Glyph::Simple(a)) => {
                    assert!(a.instructions.is_empty());
                    assert_eq!(b.coordinates, a.coordinates);
                    assert_eq!(b.end_pts_of_contours, a.end_pts_of_contours);
                    assert_eq!(b.bounding_box, a.bounding_box);
                }
                (Glyph::Composite(b), Glyph::Composite(a)) => {
                    composites += 1;
                    assert!(a.instructions.is_empty());
                    let ids = |g: &allsorts::tables::glyf::CompositeGlyph| {
                        g.glyphs.iter().map(|c| c.glyph_index).collect::<Vec<_>>()
                    };
                    assert_eq!(ids(b), ids(a));
                }
                (Glyph::Empty(_), Glyph::Empty(_)) => {}
                _ => panic!("glyph kind changed"),
            }
        }
        assert!(
            composites > 100,
            "Liberation builds accented letters from components"
        );
        // Whole-font checksum, as head.checkSumAdjustment promises.
        assert_eq!(checksum(&stripped), 0xB1B0_AFBA);
    }
}

#[cfg(test)]
mod descriptor_tests {
    use super::*;
    use crate::font::Face;

    #[test]
    fn descriptors_of_the_bundled_faces() {
        let regular = descriptor(Face::Regular.file_bytes()).unwrap();
        assert_eq!(regular.units_per_em, 2048);
        assert_eq!(regular.caret, (1, 0));
        assert_eq!(regular.weight, 400);
        assert!(regular.ascent > 1700 && regular.descent < -400);
        let italic = descriptor(Face::Italic.file_bytes()).unwrap();
        assert!(italic.caret.1 > 0, "italic faces lean");
        assert_eq!(descriptor(Face::Bold.file_bytes()).unwrap().weight, 700);
    }
}
