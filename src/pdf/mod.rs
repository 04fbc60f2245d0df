//! PDF writing: laid-out pages → PDF bytes, with printpdf 0.12.8.
//!
//! This is the only module that speaks printpdf (and lopdf, the object model
//! printpdf builds on). The work is split by what each does well:
//!
//! - printpdf builds the document: page tree, metadata, and each font as a
//!   Type0 / Identity-H font with its descriptor, `/W` widths, ToUnicode map
//!   and embedded program. It learns which glyphs a font needs from one
//!   `ShowText` of each face's characters on page 1.
//! - The fonts are subset here (`font::subset`; printpdf without its
//!   `text_layout` feature embeds whole faces) and named `XXXXXX+Name`.
//! - The page content streams are written here by [`content::Content`] from
//!   the laid-out runs and replace printpdf's placeholders. printpdf's text
//!   path spends, for every glyph, a map insertion with an allocated string
//!   and two hex digits, more than all the rest of a report; writing the
//!   glyph codes directly as literal strings is faster and a third smaller.
//!   Justification is in `TJ` adjustments (`Tw` does not apply to two-byte
//!   codes), font expansion in `Tz`.
//! - Saving is done here too: lopdf's own compression runs at the slowest
//!   level for no gain on these streams, and object and cross-reference
//!   streams shrink a report by a tenth.

mod content;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use printpdf::{
    Date as PdfDate, DateTime, FontId, FontMetrics, Mm, Offset, Op, ParsedFont, PdfDocument,
    PdfFontHandle, PdfFontMetricsStub, PdfPage, PdfSaveOptions, Pt, TextItem, Time,
};

use crate::error::{Error, Result};
use crate::font::{self, Face};
use crate::layout::{Item, Page, Piece};
use crate::vn::Date;
use content::{Content, Shown};

/// Document information written to the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    /// The report's trích yếu.
    pub title: String,
    /// The issuing body.
    pub author: String,
    pub subject: String,
    /// The report date; creation and modification dates.
    pub date: Date,
}

/// The fonts of one PDF: the resource name (`F1`, `F2` …) and each
/// character's glyph code in the subset.
struct Fonts {
    faces: BTreeMap<Face, (FontId, Codes)>,
}

/// Character → glyph code in a subset: a direct table for the characters of
/// Vietnamese text, a map for the rest.
struct Codes {
    latin: Vec<u16>,
    other: HashMap<char, u16>,
}

impl Codes {
    fn new(glyphs: &[(char, u16, u16)]) -> Codes {
        let mut codes = Codes {
            latin: vec![0; font::DIRECT_CHARS],
            other: HashMap::new(),
        };
        for (c, gid, _) in glyphs {
            match font::direct_index(*c) {
                Some(i) => codes.latin[i] = *gid,
                None => {
                    codes.other.insert(*c, *gid);
                }
            }
        }
        codes
    }

    /// The code of `c`; .notdef (0) for a character the face lacks (layout warned).
    fn get(&self, c: char) -> u16 {
        match font::direct_index(c) {
            Some(i) => self.latin[i],
            None => self.other.get(&c).copied().unwrap_or(0),
        }
    }
}

/// Writes `pages` as a PDF.
pub fn write(pages: &[Page], meta: &Metadata) -> Result<Vec<u8>> {
    write_with_sections(pages, meta, &[])
}

/// A part of a PDF that holds several reports: its bookmark title and the
/// index of its first page.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub first_page: usize,
}

/// Writes `pages` as a PDF of several sections: each gets a bookmark, and
/// page labels that count from 1 within it (`2.1`, `2.2` … for the second),
/// so a viewer shows the numbers printed on the pages.
pub fn write_with_sections(
    pages: &[Page],
    meta: &Metadata,
    sections: &[Section],
) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&meta.title);
    for section in sections {
        doc.add_bookmark(&section.title, section.first_page + 1);
    }
    set_metadata(&mut doc, meta);
    let used = used_chars(pages);
    let fonts = add_fonts(&mut doc, &used)?;
    let size = |pt: f32| Mm(pt * 25.4 / 72.0);
    let mut placeholders: Vec<PdfPage> = pages
        .iter()
        .map(|p| PdfPage::new(size(p.width), size(p.height), Vec::new()))
        .collect();
    if let Some(first) = placeholders.first_mut() {
        first.ops = glyph_registration(&used, &fonts);
    }
    doc.with_pages(placeholders);
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut document = doc.to_lopdf_document(&options, &mut warnings);
    let page_ids: Vec<lopdf::ObjectId> = document.get_pages().into_values().collect();
    if page_ids.len() != pages.len() {
        return Err(Error::Internal(format!(
            "printpdf made {} pages of {}",
            page_ids.len(),
            pages.len()
        )));
    }
    // Two differently salted hashes of the title and page contents: the file id.
    let mut digest = [1u8, 2].map(|salt| {
        let mut h = DefaultHasher::new();
        (salt, &meta.title).hash(&mut h);
        h
    });
    for (page, id) in pages.iter().zip(page_ids) {
        let stream = page_content(page, &fonts)?;
        digest.iter_mut().for_each(|h| stream.hash(h));
        let targets = document.get_page_contents(id);
        let Some(first) = targets.first() else {
            return Err(Error::Internal("a page without a content stream".into()));
        };
        if let Ok(lopdf::Object::Stream(s)) = document.get_object_mut(*first) {
            s.set_plain_content(stream);
        }
    }
    set_file_id(&mut document, digest.map(|h| h.finish()));
    set_page_labels(&mut document, sections);
    save(&mut document)
        .map_err(|e| Error::Internal(format!("cannot write the PDF: {e} ({warnings:?})")))
}

/// Sets the trailer's `/ID` from a digest of the document's content, in
/// place of printpdf's counter-based one, so the same report is the same bytes.
fn set_file_id(document: &mut lopdf::Document, digest: [u64; 2]) {
    let mut id = digest[0].to_be_bytes().to_vec();
    id.extend_from_slice(&digest[1].to_be_bytes());
    let string = |b: Vec<u8>| lopdf::Object::String(b, lopdf::StringFormat::Hexadecimal);
    document
        .trailer
        .set("ID", vec![string(id.clone()), string(id)]);
}

/// Adds the catalog's `/PageLabels` for `sections`.
fn set_page_labels(document: &mut lopdf::Document, sections: &[Section]) {
    use lopdf::{Dictionary, Object};
    if sections.is_empty() {
        return;
    }
    let mut nums = Vec::new();
    for (i, section) in sections.iter().enumerate() {
        let mut label = Dictionary::new();
        label.set("S", Object::Name(b"D".to_vec()));
        label.set("P", Object::string_literal(format!("{}.", i + 1)));
        nums.push(Object::Integer(section.first_page as i64));
        nums.push(Object::Dictionary(label));
    }
    let mut labels = Dictionary::new();
    labels.set("Nums", nums);
    if let Ok(catalog) = document.catalog_mut() {
        catalog.set("PageLabels", labels);
    }
}

/// The characters each face draws, over all pages.
fn used_chars(pages: &[Page]) -> BTreeMap<Face, BTreeSet<char>> {
    // A flag per character of Vietnamese text and a set for the rest, per face:
    // a set insertion for each of the ~15 000 characters of a report costs more.
    let mut seen: BTreeMap<Face, (Vec<bool>, BTreeSet<char>)> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            let (direct, other) = seen
                .entry(run.face)
                .or_insert_with(|| (vec![false; font::DIRECT_CHARS], BTreeSet::new()));
            for c in run.text().chars() {
                match font::direct_index(c) {
                    Some(i) => direct[i] = true,
                    None => {
                        other.insert(c);
                    }
                }
            }
        }
    }
    seen.into_iter()
        .map(|(face, (direct, mut other))| {
            other.extend(
                direct
                    .iter()
                    .enumerate()
                    .filter(|(_, on)| **on)
                    .filter_map(|(i, _)| font::direct_char(i)),
            );
            (face, other)
        })
        .collect()
}

/// One `ShowText` per face of every character it draws: how printpdf learns
/// which glyphs to describe in `/W` and ToUnicode. The stream it lands in is
/// replaced by the real page content.
fn glyph_registration(used: &BTreeMap<Face, BTreeSet<char>>, fonts: &Fonts) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for (face, chars) in used {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(fonts.faces[face].0.clone()),
            size: Pt(1.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(chars.iter().collect())],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Flate level for streams: level 9 (lopdf's choice) takes three times as
/// long and saves nothing measurable on text and subset fonts.
const COMPRESSION: u32 = 6;

/// Compresses every stream and saves with object and cross-reference
/// streams. (Compressing on both cores saves less than starting threads costs
/// a one-report process; a batch runs whole reports in parallel instead.)
fn save(document: &mut lopdf::Document) -> lopdf::Result<Vec<u8>> {
    // One compressor for all streams: setting one up clears tables of a
    // few hundred kilobytes, which costs more than compressing a page.
    let mut deflate = flate2::Compress::new(flate2::Compression::new(COMPRESSION), true);
    for object in document.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
                continue;
            }
            deflate.reset();
            // Incompressible data grows by a few bytes per 16 KB block.
            let mut compressed = Vec::with_capacity(stream.content.len() + 64);
            let status = deflate
                .compress_vec(
                    &stream.content,
                    &mut compressed,
                    flate2::FlushCompress::Finish,
                )
                .map_err(std::io::Error::other)?;
            if status == flate2::Status::StreamEnd && compressed.len() < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(COMPRESSION)
        .build();
    let mut out = Vec::new();
    document.save_with_options(&mut out, options)?;
    Ok(out)
}

fn set_metadata(doc: &mut PdfDocument, meta: &Metadata) {
    let when = DateTime::new_in_offset(
        PdfDate {
            year: meta.date.year,
            month: meta.date.month,
            day: meta.date.day,
        },
        Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    );
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = "baocao".into();
    info.producer = concat!("baocao ", env!("CARGO_PKG_VERSION"), " (printpdf 0.12.8)").into();
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
}

/// Subsets every face the pages use and registers it with the document.
fn add_fonts(doc: &mut PdfDocument, used: &BTreeMap<Face, BTreeSet<char>>) -> Result<Fonts> {
    let mut faces = BTreeMap::new();
    for (face, chars) in used {
        let face = *face;
        let subset = font::subset(face, chars).map_err(Error::Internal)?;
        let d = face.descriptor();
        let codes = Codes::new(&subset.glyphs);
        let mut parsed = ParsedFont::with_glyph_data(
            subset.bytes,
            0,
            Some(subset.name),
            subset
                .glyphs
                .iter()
                .map(|(c, gid, _)| (*c as u32, *gid))
                .collect(),
            subset
                .glyphs
                .iter()
                .map(|(_, gid, units)| (*gid, *units))
                .collect(),
            d.units_per_em,
            FontMetrics {
                ascent: d.ascent,
                descent: d.descent,
            },
        );
        parsed.pdf_font_metrics = PdfFontMetricsStub {
            units_per_em: d.units_per_em,
            x_min: d.bbox[0],
            y_min: d.bbox[1],
            x_max: d.bbox[2],
            y_max: d.bbox[3],
            caret_slope_rise: d.caret.0,
            caret_slope_run: d.caret.1,
            us_weight_class: d.weight,
        };
        // Our own resource names rather than `add_font`'s ids, which come
        // from a process-wide counter: a report's bytes must not depend on
        // what else the process wrote before it.
        let id = FontId(format!("F{}", faces.len() + 1));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(parsed));
        faces.insert(face, (id, codes));
    }
    Ok(Fonts { faces })
}

/// The content stream of a page: rules, then the text runs. Positions go to
/// 0.01 pt and adjustments to 0.001 em, far below a printer dot; after the
/// first run each line starts with a relative move.
fn page_content(page: &Page, fonts: &Fonts) -> Result<Vec<u8>> {
    let h = page.height;
    let round2 = |x: f32| (x * 100.0).round() / 100.0;
    let mut c = Content::new();
    let mut width = None;
    for item in &page.items {
        if let Item::Rule(r) = item {
            if width != Some(r.thickness) {
                c.line_width(r.thickness);
                width = Some(r.thickness);
            }
            c.line((r.x0, h - r.y), (r.x1, h - r.y));
        }
    }
    c.begin_text();
    let mut current: Option<(Face, f32)> = None;
    let mut scale = 1.0;
    let mut origin: Option<(f32, f32)> = None;
    let mut codes: Vec<u16> = Vec::new();
    for item in &page.items {
        let Item::Text(run) = item else { continue };
        if run.text().is_empty() {
            continue;
        }
        let (id, map) = &fonts.faces[&run.face];
        if current != Some((run.face, run.size)) {
            c.font(&id.0, run.size);
            current = Some((run.face, run.size));
        }
        if run.scale != scale {
            c.horizontal_scaling(run.scale * 100.0);
            scale = run.scale;
        }
        let (x, y) = (round2(run.x), round2(h - run.baseline));
        match origin {
            None => c.text_position(x, y),
            Some((ox, oy)) => c.next_line(round2(x - ox), round2(y - oy)),
        }
        origin = Some((x, y));
        // The run's codes in one buffer; its text pieces are slices of it, in order.
        codes.clear();
        codes.extend(run.text().chars().map(|ch| map.get(ch)));
        let mut at = 0;
        let items: Vec<Shown> = run
            .pieces()
            .map(|p| match p {
                Piece::Text(t) => {
                    let n = t.chars().count();
                    at += n;
                    Shown::Glyphs(&codes[at - n..at])
                }
                // Thousandths of an em, positive to the left, scaled by Tz like the glyphs.
                Piece::Shift(dx) => Shown::Adjust(-dx * 1000.0 / (run.size * run.scale)),
            })
            .collect();
        c.show(&items);
    }
    c.end_text();
    Ok(c.finish())
}
