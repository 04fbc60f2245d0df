//! The four bundled faces of Liberation Serif (metric-compatible with Times New
//! Roman, which the Party format requires): their metrics for the layout and
//! their subsetting for the PDF.
//!
//! Metrics come from tables that `build.rs` prepares with fontdue at build time,
//! so a report never parses a whole face. Widths are kept in thousandths of an
//! em, truncated exactly as the PDF writer truncates them for `/W`, so what the
//! layout measures is what a viewer advances.

use std::collections::BTreeSet;
use std::sync::OnceLock;

mod sfnt;

/// One of the four faces of the body font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    /// The face with the given weight and slant.
    pub fn new(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    /// PostScript name of the face, used as the PDF `/BaseFont`.
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "LiberationSerif",
            Face::Bold => "LiberationSerif-Bold",
            Face::Italic => "LiberationSerif-Italic",
            Face::BoldItalic => "LiberationSerif-BoldItalic",
        }
    }

    /// The font program as shipped in `fonts/`.
    pub fn file_bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
            Face::Bold => include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
            Face::Italic => include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
            Face::BoldItalic => include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
        }
    }

    fn metrics_table(self) -> &'static [u8] {
        macro_rules! table {
            ($name:literal) => {
                include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".metrics"))
            };
        }
        match self {
            Face::Regular => table!("LiberationSerif-Regular"),
            Face::Bold => table!("LiberationSerif-Bold"),
            Face::Italic => table!("LiberationSerif-Italic"),
            Face::BoldItalic => table!("LiberationSerif-BoldItalic"),
        }
    }

    /// Metrics of this face, decoded on first use.
    pub fn metrics(self) -> &'static FaceMetrics {
        static CELLS: [OnceLock<FaceMetrics>; 4] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        CELLS[self as usize].get_or_init(|| FaceMetrics::decode(self.metrics_table()))
    }
}

/// A glyph of a face: its id in the full font and its advance in 1/1000 em.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    pub id: u16,
    pub advance: u16,
    /// Advance in font units (`/W` is derived from these).
    pub units: u16,
}

/// Character map, advances and kerning of one face.
#[derive(Debug)]
pub struct FaceMetrics {
    units_per_em: u16,
    /// Ascender in 1/1000 em (positive, above the baseline).
    pub ascent: f32,
    /// Descender in 1/1000 em (negative, below the baseline).
    pub descent: f32,
    /// Sorted by character.
    glyphs: Vec<(char, Glyph)>,
    /// Fast path for the characters of Vietnamese text (U+0000–U+024F, U+1E00–U+1EFF).
    latin: Vec<Option<Glyph>>,
    /// Kerning pairs (left << 16 | right, value), sorted; bit `gid` of
    /// `kerns_left` says whether a glyph starts any pair, so most lookups
    /// stop there.
    kerns: Vec<(u32, i16)>,
    kerns_left: Vec<u64>,
}

const LATIN_END: u32 = 0x250;
const VIET_START: u32 = 0x1E00;
const VIET_END: u32 = 0x1F00;

impl FaceMetrics {
    fn decode(table: &[u8]) -> FaceMetrics {
        let mut r = Reader {
            bytes: table,
            pos: 0,
        };
        assert_eq!(r.take(4), b"BCFM", "metrics table magic");
        assert_eq!(r.u16(), 1, "metrics table version");
        let units_per_em = r.u16();
        let per_mille = 1000.0 / f32::from(units_per_em);
        let ascent = f32::from(r.i16()) * per_mille;
        let descent = f32::from(r.i16()) * per_mille;
        let _line_gap = r.i16();

        let n = r.u32() as usize;
        let mut glyphs = Vec::with_capacity(n);
        for _ in 0..n {
            let cp = r.u32();
            let id = r.u16();
            let units = r.u16();
            let advance = self::per_mille(units, units_per_em);
            if let Some(c) = char::from_u32(cp) {
                glyphs.push((c, Glyph { id, advance, units }));
            }
        }
        let mut latin = vec![None; DIRECT_CHARS];
        for (c, g) in &glyphs {
            if let Some(slot) = latin_slot(*c) {
                latin[slot] = Some(*g);
            }
        }

        let n = r.u32() as usize;
        let mut kerns = Vec::with_capacity(n);
        // A bit per glyph id up to the largest left glyph: a few hundred
        // bytes, where a flag per possible id cleared 64 KB per face.
        let mut kerns_left: Vec<u64> = Vec::new();
        for _ in 0..n {
            let left = r.u16();
            let right = r.u16();
            kerns.push((u32::from(left) << 16 | u32::from(right), r.i16()));
            let (word, bit) = (usize::from(left) / 64, left % 64);
            if kerns_left.len() <= word {
                kerns_left.resize(word + 1, 0);
            }
            kerns_left[word] |= 1 << bit;
        }
        FaceMetrics {
            units_per_em,
            ascent,
            descent,
            glyphs,
            latin,
            kerns,
            kerns_left,
        }
    }

    /// The glyph for `c`, or `None` when the face cannot draw it.
    pub fn glyph(&self, c: char) -> Option<Glyph> {
        if let Some(slot) = latin_slot(c) {
            return self.latin[slot];
        }
        self.glyphs
            .binary_search_by_key(&c, |(k, _)| *k)
            .ok()
            .map(|i| self.glyphs[i].1)
    }

    /// Whether the face has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Kerning between two glyphs in 1/1000 em (negative: closer).
    pub fn kern(&self, left: u16, right: u16) -> f32 {
        let word = self
            .kerns_left
            .get(usize::from(left) / 64)
            .copied()
            .unwrap_or(0);
        if word & (1 << (left % 64)) == 0 {
            return 0.0;
        }
        let key = u32::from(left) << 16 | u32::from(right);
        match self.kerns.binary_search_by_key(&key, |(k, _)| *k) {
            Ok(i) => f32::from(self.kerns[i].1) * 1000.0 / f32::from(self.units_per_em),
            Err(_) => 0.0,
        }
    }

    /// Advance of a run of text in 1/1000 em, kerning included. Characters the
    /// face lacks count as zero width (the caller reports them).
    pub fn measure(&self, text: &str) -> f32 {
        let mut width = 0.0;
        let mut prev: Option<u16> = None;
        for c in text.chars() {
            if let Some(g) = self.glyph(c) {
                width += f32::from(g.advance);
                if let Some(p) = prev {
                    width += self.kern(p, g.id);
                }
                prev = Some(g.id);
            } else {
                prev = None;
            }
        }
        width
    }

    /// Advance of `text` in points at `size`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.measure(text) * size / 1000.0
    }

    /// Kerning adjustments inside `text`: (byte index of the right-hand
    /// character, adjustment in 1/1000 em).
    pub fn kerning(&self, text: &str) -> Vec<(usize, f32)> {
        let mut out = Vec::new();
        let mut prev: Option<u16> = None;
        for (i, c) in text.char_indices() {
            let g = self.glyph(c).map(|g| g.id);
            if let (Some(p), Some(g)) = (prev, g) {
                let k = self.kern(p, g);
                if k != 0.0 {
                    out.push((i, k));
                }
            }
            prev = g;
        }
        out
    }
}

/// An advance in font units as the layout measures it and the PDF's `/W`
/// states it: in 1/1000 em, truncated.
pub fn per_mille(units: u16, units_per_em: u16) -> u16 {
    (f32::from(units) * 1000.0 / f32::from(units_per_em)) as u16
}

/// Size of the direct character table: U+0000–U+024F and U+1E00–U+1EFF.
pub const DIRECT_CHARS: usize = (LATIN_END + (VIET_END - VIET_START)) as usize;

/// Index of `c` in a direct table, for the characters of Vietnamese text.
pub fn direct_index(c: char) -> Option<usize> {
    latin_slot(c)
}

/// The character at index `i` of a direct table.
pub fn direct_char(i: usize) -> Option<char> {
    let i = i as u32;
    if i < LATIN_END {
        char::from_u32(i)
    } else {
        char::from_u32(i - LATIN_END + VIET_START)
    }
}

fn latin_slot(c: char) -> Option<usize> {
    let u = c as u32;
    if u < LATIN_END {
        Some(u as usize)
    } else if (VIET_START..VIET_END).contains(&u) {
        Some((LATIN_END + u - VIET_START) as usize)
    } else {
        None
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        s
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.take(2).try_into().unwrap())
    }
    fn i16(&mut self) -> i16 {
        i16::from_le_bytes(self.take(2).try_into().unwrap())
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take(4).try_into().unwrap())
    }
}

/// A subset of one face holding only the glyphs for `chars` (plus `.notdef`
/// and the components of composite glyphs), ready to embed.
pub struct Subset {
    pub face: Face,
    pub bytes: Vec<u8>,
    /// `XXXXXX+Name`: the tag marks a subset font program (ISO 32000-1, 9.6.4).
    pub name: String,
    /// Each character with its glyph id in the subset and its advance in font units.
    pub glyphs: Vec<(char, u16, u16)>,
    /// Glyphs in the subset: `.notdef`, those of the characters and the
    /// components of composite glyphs.
    pub glyph_count: usize,
}

/// Subsets `face` to the glyphs of `chars`. Characters the face lacks are skipped.
pub fn subset(face: Face, chars: &BTreeSet<char>) -> Result<Subset, String> {
    let metrics = face.metrics();
    let used: Vec<(char, Glyph)> = chars
        .iter()
        .filter_map(|c| metrics.glyph(*c).map(|g| (*c, g)))
        .collect();
    let mut ids: Vec<u16> = used.iter().map(|(_, g)| g.id).collect();
    ids.sort_unstable();
    ids.dedup();
    // With 32 glyphs or more, the space becomes glyph 32, the one-byte code
    // PDF word spacing applies to (see `pdf::encoding`); no other glyph a
    // text draws is then glyph 32 (poppler measures word spacing by CID).
    if let Some(space) = metrics.glyph(' ') {
        if let Some(at) = ids.iter().position(|id| *id == space.id) {
            if ids.len() >= 32 {
                ids.remove(at);
                ids.insert(31, space.id);
            }
        }
    }
    let mut remapper = subsetter::GlyphRemapper::new();
    remapper.remap(0);
    for id in &ids {
        remapper.remap(*id);
    }
    let program = subsetter::subset(face.file_bytes(), 0, &remapper)
        .map_err(|e| format!("cannot subset {}: {e}", face.postscript_name()))?;
    let (bytes, glyph_count) = sfnt::for_pdf(&program).map_err(|e| {
        format!(
            "cannot rewrite the subset of {}: {e}",
            face.postscript_name()
        )
    })?;
    let glyphs = used
        .iter()
        .filter_map(|(c, g)| remapper.get(g.id).map(|new| (*c, new, g.units)))
        .collect();
    Ok(Subset {
        face,
        name: format!("{}+{}", subset_tag(face, &ids), face.postscript_name()),
        bytes,
        glyphs,
        glyph_count,
    })
}

/// What a PDF font descriptor needs from a face, in font units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Descriptor {
    pub units_per_em: u16,
    pub ascent: i16,
    pub descent: i16,
    /// Glyph bounding box: x min, y min, x max, y max.
    pub bbox: [i16; 4],
    /// Caret slope (rise, run): upright is (1, 0).
    pub caret: (i16, i16),
    pub weight: u16,
}

impl Face {
    /// Font-descriptor metrics, read from the face's tables on first use.
    pub fn descriptor(self) -> Descriptor {
        static CELLS: [OnceLock<Descriptor>; 4] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        *CELLS[self as usize].get_or_init(|| {
            sfnt::descriptor(self.file_bytes()).expect("the bundled faces are valid")
        })
    }
}

/// Six capital letters derived from the face and its glyph set, so the same
/// report always gets the same names.
fn subset_tag(face: Face, ids: &[u16]) -> String {
    // FNV-1a over the face index and glyph ids.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(face as u16).chain(ids.iter().copied()) {
        for byte in b.to_le_bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| (b'A' + ((h >> (i * 5)) % 26) as u8) as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_are_covered_in_every_face() {
        let letters = "ĐđƯưƠơĂăÂâÊêÔôấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữựỳỵỷỹýỦủ";
        for face in Face::ALL {
            for c in letters.chars() {
                assert!(face.metrics().covers(c), "{face:?} lacks {c}");
            }
        }
    }

    #[test]
    fn widths_match_times_metrics() {
        // Liberation Serif: space 512/2048 em, "A" 1479/2048 em (Times New Roman values).
        let m = Face::Regular.metrics();
        assert_eq!(m.glyph(' ').unwrap().advance, 250);
        assert_eq!(m.glyph('A').unwrap().advance, 722);
        assert!((m.width("  ", 14.0) - 7.0).abs() < 1e-4);
        assert!(m.ascent > 850.0 && m.ascent < 950.0);
        assert!(m.descent < -150.0 && m.descent > -300.0);
    }

    #[test]
    fn kerning_applies_to_latin_pairs() {
        let m = Face::Regular.metrics();
        assert!(m.measure("AV") < m.measure("A") + m.measure("V"));
        assert_eq!(m.kerning("AV").len(), 1);
        assert!(m.kerning("Đảng").is_empty());
    }

    #[test]
    fn subset_keeps_only_requested_glyphs() {
        let chars: BTreeSet<char> = "Đảng ủy".chars().collect();
        let s = subset(Face::Bold, &chars).unwrap();
        assert!(s.bytes.len() < 6_000, "subset is {} bytes", s.bytes.len());
        // Every character maps to a glyph of the subset, .notdef being 0.
        assert_eq!(s.glyphs.len(), chars.len());
        assert!(s
            .glyphs
            .iter()
            .all(|(_, gid, units)| *gid > 0 && *units > 0));
        let (tag, name) = s.name.split_once('+').unwrap();
        assert_eq!(name, "LiberationSerif-Bold");
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()));
    }

    #[test]
    fn the_space_is_glyph_32_of_a_larger_subset() {
        let gid = |s: &Subset, c: char| s.glyphs.iter().find(|g| g.0 == c).unwrap().1;
        let chars: BTreeSet<char> =
            "Báo cáo tổng kết năm 2021: Đảng ủy phường, MTTQ, HĐND, UBND; xây dựng chính quyền"
                .chars()
                .collect();
        assert!(chars.len() > 32);
        let s = subset(Face::Regular, &chars).unwrap();
        assert_eq!(gid(&s, ' '), 32);
        assert!(s.glyphs.iter().all(|(c, g, _)| *c == ' ' || *g != 32));
        // A small subset has no glyph 32 at all.
        let small = subset(Face::Regular, &"Đảng ủy".chars().collect()).unwrap();
        assert!(small.glyphs.iter().all(|(_, g, _)| *g < 32));
    }
}
