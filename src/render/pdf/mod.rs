//! PDF writing: laid-out pages → PDF bytes, with printpdf 0.12.8. The only
//! module that speaks printpdf and lopdf (the object model printpdf builds
//! on); everything PDF-specific is here.
//!
//! One path, in [`Pdf::write_sections`]:
//!
//! 1. **printpdf builds the document**: the page tree with one empty page of
//!    the right size per laid-out page; `to_lopdf_document` hands it over as
//!    a lopdf object graph.
//! 2. **Fonts** are added to the page resources printpdf shares between all
//!    pages ([`fonts`]): each face subset to the glyphs it draws
//!    (`font::subset`), with one-byte character codes where it has at most
//!    256 glyphs ([`encoding`]). printpdf's own font path would need its
//!    glyphs registered through a `ShowText`, writes two-byte Identity-H
//!    only (so no `Tw`), and took 0.4 ms of a 6 ms report.
//! 3. **Page contents** are written by [`content::Content`] from the laid-out
//!    runs into the pages' empty content streams. printpdf's text path spends,
//!    for every glyph, a map insertion with an allocated string and hex
//!    digits, more than all the rest of a report. Kerning is in `TJ`
//!    adjustments, the widening of justified spaces in `Tw`, font expansion
//!    in `Tz`.
//! 4. **Document-level entries** printpdf has no API for: the information
//!    dictionary, and for PDF/A-2u the XMP metadata and OutputIntent
//!    ([`pdfa`]); `/Lang`; the outline from the placed headings, page labels
//!    and viewer preferences ([`outline`]); the empty signature field over
//!    the signing space ([`form`]); the file `/ID` from the content (so the
//!    same report is the same bytes).
//! 5. **The file** is written by [`file`]: streams compressed with one
//!    compressor at levels chosen per kind, other objects packed into object
//!    streams, a cross-reference stream (they shrink a report by a tenth).

mod content;
mod encoding;
mod file;
mod fonts;
mod form;
mod outline;
mod pdfa;

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

use crate::error::{Error, Result};
use crate::font::{self, Face};
use crate::output::Backend;
pub use crate::page::Metadata;
use crate::page::{Item, Page, Piece};
use crate::t;
use content::{Content, Shown};
use encoding::Encoding;

/// The fonts of one PDF, by face.
struct Fonts {
    faces: BTreeMap<Face, PdfFont>,
}

struct PdfFont {
    /// The resource name: `F1`, `F2` …
    name: String,
    codes: Encoding,
}

/// The PDF backend and what it puts in the file besides the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pdf {
    /// PDF/A-2u: XMP metadata with the `pdfaid` claim and an sRGB OutputIntent.
    pub pdfa: bool,
    /// An empty signature field over each signing space.
    pub sign_field: bool,
}

impl Default for Pdf {
    /// Everything on: PDF/A-2u with a signature field.
    fn default() -> Pdf {
        Pdf {
            pdfa: true,
            sign_field: true,
        }
    }
}

impl Backend for Pdf {
    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn write(&self, pages: &[Page], meta: &Metadata) -> Result<Vec<u8>> {
        self.write_sections(pages, meta, &[])
    }
}

/// Writes `pages` as a PDF/A-2u with a signature field.
pub fn write(pages: &[Page], meta: &Metadata) -> Result<Vec<u8>> {
    Pdf::default().write_sections(pages, meta, &[])
}

/// A part of a PDF that holds several reports: its bookmark title and the
/// index of its first page.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub first_page: usize,
}

/// Writes `pages` as a PDF/A-2u of several sections (see [`Pdf::write_sections`]).
pub fn write_with_sections(
    pages: &[Page],
    meta: &Metadata,
    sections: &[Section],
) -> Result<Vec<u8>> {
    Pdf::default().write_sections(pages, meta, sections)
}

impl Pdf {
    /// Writes `pages` as a PDF. With `sections` (a pack), each gets a
    /// bookmark over its headings', and page labels that count from 1
    /// within it (`2.1`, `2.2` …), so a viewer shows the numbers printed on
    /// the pages; without, the headings are the outline and the labels
    /// count from 1.
    pub fn write_sections(
        &self,
        pages: &[Page],
        meta: &Metadata,
        sections: &[Section],
    ) -> Result<Vec<u8>> {
        let mut doc = PdfDocument::new(&meta.title);
        let size = |pt: f32| Mm(pt * 25.4 / 72.0);
        let placeholders: Vec<PdfPage> = pages
            .iter()
            .map(|p| PdfPage::new(size(p.width), size(p.height), Vec::new()))
            .collect();
        doc.with_pages(placeholders);
        let options = PdfSaveOptions {
            optimize: false,
            subset_fonts: false,
            secure: true,
            image_optimization: None,
        };
        let mut warnings = Vec::new();
        let mut document = doc.to_lopdf_document(&options, &mut warnings);
        document.version = "1.7".into();
        let fonts = add_fonts(&mut document, &used_chars(pages))?;
        let page_ids: Vec<lopdf::ObjectId> = document.get_pages().into_values().collect();
        if page_ids.len() != pages.len() {
            return Err(Error::Internal(format!(
                "printpdf made {} pages of {}",
                page_ids.len(),
                pages.len()
            )));
        }
        // Two differently salted hashes of the title, the choices and the
        // page contents: the file id.
        let mut digest = [1u8, 2].map(|salt| {
            let mut h = DefaultHasher::new();
            (
                salt,
                &meta.title,
                &meta.keywords,
                self.pdfa,
                self.sign_field,
            )
                .hash(&mut h);
            h
        });
        for (page, id) in pages.iter().zip(&page_ids) {
            let stream = page_content(page, &fonts)?;
            digest.iter_mut().for_each(|h| stream.hash(h));
            let targets = document.get_page_contents(*id);
            let Some(first) = targets.first() else {
                return Err(Error::Internal("a page without a content stream".into()));
            };
            if let Ok(lopdf::Object::Stream(s)) = document.get_object_mut(*first) {
                s.set_plain_content(stream);
            }
        }
        set_file_id(&mut document, digest.map(|h| h.finish()));
        pdfa::set_info(&mut document, meta);
        if self.pdfa {
            pdfa::make_archival(&mut document, meta);
        }
        if let Ok(catalog) = document.catalog_mut() {
            catalog.set("Lang", pdfa::text_string(&meta.language));
        }
        outline::add(&mut document, &page_ids, pages, sections);
        if self.sign_field {
            form::add(&mut document, &page_ids, pages, sections);
        }
        file::save(&mut document).map_err(|e| match e.kind() {
            // Too much for one file: the caller asked for it.
            std::io::ErrorKind::InvalidInput => Error::Usage(t!("pdf-too-large")),
            _ => Error::Internal(format!("cannot write the PDF: {e} ({warnings:?})")),
        })
    }
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

/// Adds the fonts of every face the pages use, named `F1`, `F2` … in the
/// font resources printpdf shares between all pages.
fn add_fonts(
    document: &mut lopdf::Document,
    used: &BTreeMap<Face, BTreeSet<char>>,
) -> Result<Fonts> {
    let mut faces = BTreeMap::new();
    let mut names = lopdf::Dictionary::new();
    for (face, chars) in used {
        let embedded = fonts::embed(document, *face, chars)?;
        let name = format!("F{}", faces.len() + 1);
        names.set(name.as_bytes(), embedded.id);
        faces.insert(
            *face,
            PdfFont {
                name,
                codes: embedded.codes,
            },
        );
    }
    let resources = document
        .get_pages()
        .values()
        .next()
        .and_then(|page| document.get_dictionary(*page).ok())
        .and_then(|page| {
            page.get(b"Resources")
                .and_then(lopdf::Object::as_reference)
                .ok()
        })
        .and_then(|r| document.get_dictionary(r).ok())
        .and_then(|r| r.get(b"Font").and_then(lopdf::Object::as_reference).ok());
    let Some(Ok(lopdf::Object::Dictionary(shared))) =
        resources.map(|id| document.get_object_mut(id))
    else {
        return Err(Error::Internal(
            "printpdf wrote no shared font resources".into(),
        ));
    };
    shared.extend(&names);
    Ok(Fonts { faces })
}

/// A part of a shown string: a range of encoded text, or an adjustment.
enum Part {
    Codes(usize, usize),
    Adjust(f32),
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
        let thickness = match item {
            Item::Rule(r) => r.thickness,
            Item::Frame(f) => f.thickness,
            Item::Text(_) => continue,
        };
        if width != Some(thickness) {
            c.line_width(thickness);
            width = Some(thickness);
        }
        match item {
            Item::Rule(r) => c.line((r.x0, h - r.y), (r.x1, h - r.y)),
            Item::Frame(f) => c.rectangle(
                round2(f.x0),
                round2(h - f.bottom),
                round2(f.x1 - f.x0),
                round2(f.bottom - f.top),
            ),
            Item::Text(_) => {}
        }
    }
    c.begin_text();
    let mut current: Option<(Face, f32)> = None;
    let mut scale = 1.0;
    let mut word_spacing = 0.0;
    let mut origin: Option<(f32, f32)> = None;
    let mut codes: Vec<u8> = Vec::new();
    let mut parts: Vec<Part> = Vec::new();
    for item in &page.items {
        let Item::Text(run) = item else { continue };
        if run.text().is_empty() {
            continue;
        }
        let font = &fonts.faces[&run.face];
        if current != Some((run.face, run.size)) {
            c.font(&font.name, run.size);
            current = Some((run.face, run.size));
        }
        if run.scale != scale {
            c.horizontal_scaling(run.scale * 100.0);
            scale = run.scale;
        }
        // Tz scales word spacing too; Tw only matters where there are spaces.
        let has_tw = font.codes.has_word_spacing();
        let tw = run.word_space / run.scale;
        if has_tw && tw != word_spacing && run.text().contains(' ') {
            c.word_spacing(tw);
            word_spacing = tw;
        }
        let (x, y) = (round2(run.x), round2(h - run.baseline));
        match origin {
            None => c.text_position(x, y),
            Some((ox, oy)) => c.next_line(round2(x - ox), round2(y - oy)),
        }
        origin = Some((x, y));
        // Without Tw, each space is widened by an adjustment after it.
        // Thousandths of an em, positive to the left, scaled by Tz like the glyphs.
        let em = |dx: f32| -dx * 1000.0 / (run.size * run.scale);
        let widen = (!has_tw && run.word_space != 0.0).then(|| em(run.word_space));
        // The run's codes in one buffer; its parts are ranges of it, in order.
        codes.clear();
        parts.clear();
        for p in run.pieces() {
            match p {
                Piece::Text(t) => {
                    let mut push = |text: &str| {
                        let from = codes.len();
                        font.codes.encode(text, &mut codes);
                        parts.push(Part::Codes(from, codes.len()));
                        if let (Some(w), true) = (widen, text.ends_with(' ')) {
                            parts.push(Part::Adjust(w));
                        }
                    };
                    match widen {
                        Some(_) => t.split_inclusive(' ').for_each(push),
                        None => push(t),
                    }
                }
                Piece::Shift(dx) => parts.push(Part::Adjust(em(dx))),
            }
        }
        let items: Vec<Shown> = parts
            .iter()
            .map(|p| match *p {
                Part::Codes(from, to) => Shown::Codes(&codes[from..to]),
                Part::Adjust(a) => Shown::Adjust(a),
            })
            .collect();
        c.show(&items);
    }
    c.end_text();
    Ok(c.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::TextRun;
    use crate::vn::Date;

    fn run(face: Face, text: &str, baseline: f32, word_space: f32) -> Item {
        Item::Text(TextRun {
            x: 85.0,
            baseline,
            face,
            size: 14.0,
            scale: 1.0,
            text: text.into(),
            shifts: Vec::new(),
            word_space,
        })
    }

    fn meta() -> Metadata {
        Metadata {
            title: "t".into(),
            author: "a".into(),
            subject: "s".into(),
            date: Date {
                year: 2021,
                month: 12,
                day: 1,
            },
            keywords: String::new(),
            language: "vi-VN".into(),
        }
    }

    /// The decoded operations of page 1 of `pdf`.
    fn operations(pdf: &[u8]) -> Vec<lopdf::content::Operation> {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        let page = *doc.get_pages().values().next().unwrap();
        lopdf::content::Content::decode(&doc.get_page_content(page))
            .unwrap()
            .operations
    }

    #[test]
    fn justified_spaces_use_tw_where_the_space_is_code_32_and_tj_elsewhere() {
        // Regular draws over 32 glyphs, so its space is code 32; bold draws five.
        let long =
            "Báo cáo tổng kết năm 2021: Đảng ủy phường, MTTQ, HĐND, UBND; xây dựng chính quyền";
        let page = Page {
            width: 595.0,
            height: 842.0,
            number: None,
            items: vec![
                run(Face::Regular, long, 100.0, 0.75),
                run(Face::Bold, "Đảng ủy", 120.0, 0.5),
            ],
            lines: Vec::new(),
            headings: Vec::new(),
            signing: None,
        };
        let ops = operations(&write(&[page], &meta()).unwrap());
        let names: Vec<&str> = ops.iter().map(|o| o.operator.as_str()).collect();
        let tw = names
            .iter()
            .position(|n| *n == "Tw")
            .expect("a Tw for the regular run");
        assert_eq!(ops[tw].operands[0].as_float().unwrap(), 0.75);
        assert_eq!(names.iter().filter(|n| **n == "Tw").count(), 1);
        // One byte per character, the space being 32.
        let Some(shown) = ops[tw + 2].operands[0].as_str().ok() else {
            panic!("expected the regular run's string: {:?}", ops[tw + 2]);
        };
        assert_eq!(shown.len(), long.chars().count());
        assert_eq!(
            shown.iter().filter(|b| **b == 32).count(),
            long.matches(' ').count()
        );
        // The bold run widens its one space with an adjustment of 0.5 pt at 14 pt.
        let tj = ops
            .iter()
            .rfind(|o| o.operator == "TJ")
            .expect("a TJ for the bold run");
        let parts = tj.operands[0].as_array().unwrap();
        assert_eq!(parts.len(), 3, "{parts:?}");
        assert!((parts[1].as_float().unwrap() + 500.0 / 14.0).abs() < 0.1);
    }

    #[test]
    fn a_face_of_over_256_glyphs_is_written_with_identity_h() {
        // Latin Extended, Greek, Cyrillic, Vietnamese: 300 characters of one face.
        let text: String = ('\u{100}'..='\u{17f}')
            .chain('\u{391}'..='\u{3a9}')
            .chain('\u{3b1}'..='\u{3c9}')
            .chain('\u{400}'..='\u{45f}')
            .chain('\u{1e00}'..='\u{1eff}')
            .filter(|c| Face::Regular.metrics().covers(*c))
            .take(300)
            .collect();
        assert_eq!(text.chars().count(), 300);
        let page = Page {
            width: 595.0,
            height: 842.0,
            number: None,
            items: vec![run(Face::Regular, &text, 100.0, 0.0)],
            lines: Vec::new(),
            headings: Vec::new(),
            signing: None,
        };
        let pdf = write(&[page], &meta()).unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let type0 = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .find(|d| d.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Type0"))
            .unwrap();
        assert_eq!(
            type0.get(b"Encoding").unwrap().as_name().unwrap(),
            b"Identity-H"
        );
        let ops = operations(&pdf);
        let shown = ops.iter().find(|o| o.operator == "Tj").unwrap();
        assert_eq!(shown.operands[0].as_str().unwrap().len(), 600);
    }
}
