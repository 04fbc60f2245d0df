//! The preview: pages drawn as grey PNG pictures by our own renderer, from
//! the page model (not from the PDF), for a clerk who has no PDF viewer or
//! wants to see a page before printing.
//!
//! Same geometry as the PDF writer (`super::pdf`): a run's glyphs advance by
//! the widths the PDF's `/W` states, widened by the run's scale (`Tz`),
//! with its shifts (kerning and letter spacing, the `TJ` numbers) and its
//! word spacing after each space (`Tw`). Glyphs are rasterised with fontdue
//! ([`glyphs`]); rules and frames are filled rectangles.
//!
//! Three choices follow what poppler's renderer does, so the picture is
//! crisp and agrees with `pdftoppm`: each baseline sits on the pixel
//! boundary at or above it, a glyph's pen is cut to a quarter pixel across,
//! and a rule or frame edge is moved to the nearest pixel boundary, at
//! least a pixel thick.
//!
//! In: [`Page`]s, a resolution. Out: 8-bit grey pictures, PNG bytes.

mod glyphs;

use crate::error::{Error, Result};
use crate::page::{Item, Page, Piece, TextRun};

pub use glyphs::font;

/// The resolution of a preview unless asked otherwise: a screen's.
pub const DEFAULT_DPI: f32 = 96.0;

/// A page as a grey picture: one byte a pixel, 0 black, 255 white, rows top
/// to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

/// Draws pages at one resolution, keeping each glyph it has drawn for the
/// pages after.
pub struct Renderer {
    dpi: f32,
    /// Pixels per point.
    scale: f32,
    glyphs: glyphs::Cache,
}

impl Renderer {
    pub fn new(dpi: f32) -> Renderer {
        Renderer {
            dpi,
            scale: dpi / 72.0,
            glyphs: glyphs::Cache::default(),
        }
    }

    /// The resolution, in dots per inch.
    pub fn dpi(&self) -> f32 {
        self.dpi
    }

    /// `page` drawn: rules and frames, then the text.
    pub fn draw(&mut self, page: &Page) -> Picture {
        // The page's size rounded up, as pdftoppm does: 794 × 1123 for A4 at 96 dpi.
        let width = (page.width * self.scale - 1e-3).ceil().max(1.0) as usize;
        let height = (page.height * self.scale - 1e-3).ceil().max(1.0) as usize;
        let mut picture = Picture {
            width,
            height,
            pixels: vec![255; width * height],
        };
        for item in &page.items {
            match item {
                Item::Rule(r) => {
                    let half = r.thickness / 2.0;
                    self.fill(&mut picture, r.x0, r.y - half, r.x1, r.y + half);
                }
                Item::Frame(f) => {
                    let t = f.thickness / 2.0;
                    self.fill(&mut picture, f.x0 - t, f.top - t, f.x1 + t, f.top + t);
                    self.fill(&mut picture, f.x0 - t, f.bottom - t, f.x1 + t, f.bottom + t);
                    self.fill(&mut picture, f.x0 - t, f.top - t, f.x0 + t, f.bottom + t);
                    self.fill(&mut picture, f.x1 - t, f.top - t, f.x1 + t, f.bottom + t);
                }
                Item::Text(_) => {}
            }
        }
        for item in &page.items {
            if let Item::Text(run) = item {
                self.text(&mut picture, run);
            }
        }
        picture
    }

    /// Blackens the rectangle from (`x0`, `top`) to (`x1`, `bottom`) in
    /// points, its edges on the nearest pixel boundaries, at least a pixel
    /// each way.
    fn fill(&self, picture: &mut Picture, x0: f32, top: f32, x1: f32, bottom: f32) {
        let edges = |a: f32, b: f32, limit: usize| {
            let from = (a * self.scale).round().max(0.0) as usize;
            let to = ((b * self.scale).round() as usize).max(from + 1).min(limit);
            from..to
        };
        let columns = edges(x0, x1, picture.width);
        for row in edges(top, bottom, picture.height) {
            picture.pixels[row * picture.width..][columns.clone()].fill(0);
        }
    }

    fn text(&mut self, picture: &mut Picture, run: &TextRun) {
        let metrics = run.face.metrics();
        let font = glyphs::font(run.face);
        let px = run.size * self.scale;
        // A point of advance per thousandth of an em, scaled like the glyphs.
        let em = run.size / 1000.0 * run.scale;
        let baseline = (run.baseline * self.scale).floor() as i64;
        let mut pen = run.x;
        for piece in run.pieces() {
            let text = match piece {
                Piece::Shift(dx) => {
                    pen += dx;
                    continue;
                }
                Piece::Text(t) => t,
            };
            for c in text.chars() {
                // A character the face lacks is not drawn and takes no room,
                // as in the PDF (the layout warns of it).
                let Some(g) = metrics.glyph(c) else { continue };
                if c != ' ' {
                    let x = pen * self.scale;
                    let whole = x.floor();
                    let phase = ((x - whole) * glyphs::PHASES as f32) as u32;
                    debug_assert_eq!(font.lookup_glyph_index(c), g.id);
                    let bitmap = self.glyphs.get(run.face, g.id, px, run.scale, phase);
                    blit(picture, bitmap, whole as i64, baseline);
                }
                pen += f32::from(g.advance) * em;
                if c == ' ' {
                    pen += run.word_space;
                }
            }
        }
    }
}

/// Darkens `picture` by the coverage of `bitmap` placed from the pen at
/// pixel `x` on the baseline row boundary `baseline`.
fn blit(picture: &mut Picture, bitmap: &glyphs::Bitmap, x: i64, baseline: i64) {
    let left = x + i64::from(bitmap.left);
    let top = baseline - i64::from(bitmap.top);
    for row in 0..bitmap.height {
        let coverage = &bitmap.coverage[row * bitmap.width..][..bitmap.width];
        let y = top + row as i64;
        if y < 0 || y >= picture.height as i64 {
            continue;
        }
        let line = &mut picture.pixels[y as usize * picture.width..][..picture.width];
        for (col, &a) in coverage.iter().enumerate() {
            let x = left + col as i64;
            if a == 0 || x < 0 || x >= picture.width as i64 {
                continue;
            }
            // Black over what is there, by the coverage.
            let p = &mut line[x as usize];
            *p = ((u32::from(*p) * (255 - u32::from(a)) + 127) / 255) as u8;
        }
    }
}

impl Picture {
    /// The picture as a PNG file: 8-bit grey, its resolution recorded.
    pub fn encode(&self, dpi: f32) -> Result<Vec<u8>> {
        let mut out = Vec::with_capacity(self.pixels.len() / 8);
        let fail = |e: png::EncodingError| Error::Internal(format!("cannot encode a PNG: {e}"));
        let mut encoder = png::Encoder::new(&mut out, self.width as u32, self.height as u32);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        // The Up filter and fdeflate's fastest mode: the adaptive filter of
        // `Fast` tried five filters a row and took most of a page's time.
        encoder.set_compression(png::Compression::Fastest);
        let per_metre = (dpi / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: per_metre,
            yppu: per_metre,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder.write_header().map_err(fail)?;
        writer.write_image_data(&self.pixels).map_err(fail)?;
        writer.finish().map_err(fail)?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::Face;
    use crate::page::Rule;

    fn page(items: Vec<Item>) -> Page {
        Page {
            width: 595.2756,
            height: 841.8898,
            number: None,
            items,
            lines: Vec::new(),
            headings: Vec::new(),
            signing: None,
        }
    }

    fn run(text: &str, x: f32, baseline: f32) -> TextRun {
        TextRun {
            x,
            baseline,
            face: Face::Regular,
            size: 14.0,
            scale: 1.0,
            text: text.into(),
            shifts: Vec::new(),
            word_space: 0.0,
        }
    }

    /// Ink-weighted centre across of the columns `from..to`, in pixels.
    fn centre(p: &Picture, from: usize, to: usize) -> f64 {
        let (mut ink, mut moment) = (0.0, 0.0);
        for (i, &v) in p.pixels.iter().enumerate() {
            let x = i % p.width;
            if (from..to).contains(&x) {
                let a = f64::from(255 - v);
                ink += a;
                moment += a * (x as f64 + 0.5);
            }
        }
        moment / ink
    }

    #[test]
    fn an_a4_page_at_96_dpi_is_794_by_1123_white_pixels() {
        let p = Renderer::new(96.0).draw(&page(Vec::new()));
        assert_eq!((p.width, p.height), (794, 1123));
        assert!(p.pixels.iter().all(|&v| v == 255));
        let p = Renderer::new(72.0).draw(&page(Vec::new()));
        assert_eq!((p.width, p.height), (596, 842));
    }

    #[test]
    fn a_thin_rule_is_one_black_row_between_its_ends() {
        let rule = Rule {
            x0: 72.0,
            x1: 144.0,
            y: 74.81,
            thickness: 0.5,
        };
        let p = Renderer::new(96.0).draw(&page(vec![Item::Rule(rule)]));
        let dark: Vec<usize> = (0..p.pixels.len()).filter(|&i| p.pixels[i] == 0).collect();
        // 74.81 pt is 99.75 px: the rule's edges round to rows 99 and 100.
        assert!(dark.iter().all(|i| i / p.width == 99), "{dark:?}");
        assert_eq!(dark.first().map(|i| i % p.width), Some(96));
        assert_eq!(dark.last().map(|i| i % p.width), Some(191));
        assert_eq!(p.pixels.iter().filter(|&&v| v != 255).count(), 96);
    }

    #[test]
    fn glyphs_sit_on_the_baseline_and_move_with_word_spacing_and_shifts() {
        let mut r = Renderer::new(96.0);
        // The baseline at 100.3 pt is 133.7 px: the glyph ends on row 132.
        let p = r.draw(&page(vec![Item::Text(run("H", 72.0, 100.3))]));
        let rows: Vec<usize> = (0..p.pixels.len())
            .filter(|&i| p.pixels[i] < 128)
            .map(|i| i / p.width)
            .collect();
        assert_eq!(rows.iter().max(), Some(&132));
        // Cap height of Liberation Serif, 0.662 em: 12.4 px at 14 pt.
        assert_eq!(
            rows.iter().max().unwrap() - rows.iter().min().unwrap() + 1,
            12
        );

        // The second I of "I I" moves right by the word spacing.
        let plain = r.draw(&page(vec![Item::Text(run("I I", 72.0, 100.0))]));
        let spaced = TextRun {
            word_space: 6.0,
            ..run("I I", 72.0, 100.0)
        };
        let wide = r.draw(&page(vec![Item::Text(spaced)]));
        // The first I ends at column 101, the second starts past 106.
        let second = |p: &Picture| centre(p, 102, 140);
        let moved = second(&wide) - second(&plain);
        assert!((moved - 8.0).abs() < 0.1, "moved {moved} px, not 6 pt");
        // A shift before the second I does the same.
        let shifted = TextRun {
            shifts: vec![(2, 6.0)],
            ..run("I I", 72.0, 100.0)
        };
        let moved = second(&r.draw(&page(vec![Item::Text(shifted)]))) - second(&plain);
        assert!((moved - 8.0).abs() < 0.1, "moved {moved} px, not 6 pt");
    }

    #[test]
    fn the_png_is_grey_with_its_resolution() {
        let p = Renderer::new(96.0).draw(&page(vec![Item::Text(run("Đảng", 72.0, 100.0))]));
        let bytes = p.encode(96.0).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (794, 1123));
        assert_eq!(info.color_type, png::ColorType::Grayscale);
        assert_eq!(info.pixel_dims.map(|d| d.xppu), Some(3780));
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut pixels).unwrap();
        assert_eq!(pixels, p.pixels);
    }
}
