//! PDF writing: laid-out pages → PDF bytes, with printpdf 0.12.8.
//!
//! This is the only module that speaks printpdf. Fonts are subset here (with
//! `font::subset`, because printpdf without its `text_layout` feature embeds
//! whole faces) and named `XXXXXX+Name`; printpdf writes them as Type0 /
//! Identity-H fonts with `/W` widths and a ToUnicode map. Justification uses
//! TJ offsets: `Tw` does not apply to two-byte codes.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Date as PdfDate, DateTime, FontId, Line, LinePoint, Mm, Offset, Op, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix, Time,
};

use crate::error::{Error, Result};
use crate::font::{self, Face};
use crate::layout::{Item, Page, Piece};
use crate::vn::Date;

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

/// Fonts subset and parsed for one PDF.
struct Fonts {
    ids: BTreeMap<Face, FontId>,
}

/// Writes `pages` as a PDF.
pub fn write(pages: &[Page], meta: &Metadata) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&meta.title);
    set_metadata(&mut doc, meta);
    let fonts = add_fonts(&mut doc, pages)?;
    let pdf_pages: Vec<PdfPage> = pages.iter().map(|p| page_ops(p, &fonts)).collect();
    doc.with_pages(pdf_pages);
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let bytes = doc.save(&options, &mut warnings);
    if bytes.is_empty() {
        return Err(Error::Internal(format!(
            "printpdf produced no output: {warnings:?}"
        )));
    }
    Ok(bytes)
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
fn add_fonts(doc: &mut PdfDocument, pages: &[Page]) -> Result<Fonts> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                let chars = used.entry(run.face).or_default();
                for piece in &run.pieces {
                    if let Piece::Text(t) = piece {
                        chars.extend(t.chars());
                    }
                }
            }
        }
    }
    let mut ids = BTreeMap::new();
    for (face, chars) in used {
        let subset = font::subset(face, &chars).map_err(Error::Internal)?;
        let mut parse_warnings = Vec::new();
        let mut parsed =
            ParsedFont::from_bytes(&subset.bytes, 0, &mut parse_warnings).ok_or_else(|| {
                Error::Internal(format!(
                    "cannot parse the subset of {}: {parse_warnings:?}",
                    subset.name
                ))
            })?;
        parsed.font_name = Some(subset.name);
        ids.insert(face, doc.add_font(&parsed));
    }
    Ok(Fonts { ids })
}

fn page_ops(page: &Page, fonts: &Fonts) -> PdfPage {
    let h = page.height;
    let mut ops = Vec::new();
    for item in &page.items {
        if let Item::Rule(r) = item {
            ops.push(Op::SetOutlineThickness {
                pt: Pt(r.thickness),
            });
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: Point {
                                x: Pt(r.x0),
                                y: Pt(h - r.y),
                            },
                            bezier: false,
                        },
                        LinePoint {
                            p: Point {
                                x: Pt(r.x1),
                                y: Pt(h - r.y),
                            },
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            });
        }
    }
    ops.push(Op::StartTextSection);
    let mut current: Option<(Face, f32)> = None;
    let mut scale = 1.0;
    for item in &page.items {
        let Item::Text(run) = item else { continue };
        if current != Some((run.face, run.size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(fonts.ids[&run.face].clone()),
                size: Pt(run.size),
            });
            current = Some((run.face, run.size));
        }
        if run.scale != scale {
            ops.push(Op::SetHorizontalScaling {
                percent: run.scale * 100.0,
            });
            scale = run.scale;
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(run.x), Pt(h - run.baseline)),
        });
        let items = run
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => TextItem::Text(t.clone()),
                // TJ numbers are in thousandths of an em, positive to the left,
                // and scaled by Tz like the glyphs.
                Piece::Shift(dx) => TextItem::Offset(round3(-dx * 1000.0 / (run.size * run.scale))),
            })
            .collect();
        ops.push(Op::ShowText { items });
    }
    ops.push(Op::EndTextSection);
    PdfPage::new(
        Mm(page.width * 25.4 / 72.0),
        Mm(page.height * 25.4 / 72.0),
        ops,
    )
}

/// Three decimals are far below a printer dot and keep the content stream short.
fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}
