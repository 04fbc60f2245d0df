//! Glyph coverage for the preview: the bundled faces parsed by fontdue once
//! per process, and each glyph rasterised once per size, scale and
//! horizontal phase.
//!
//! fontdue places a glyph's bitmap at whole pixels from the pen, but text in
//! the PDF starts anywhere. Its "subpixel" raster samples a glyph three
//! times per pixel across, so a glyph is drawn from that at the phase of
//! its pen position and at the run's horizontal scale (the font expansion
//! of a justified line) by summing the areas each third of a pixel covers
//! in the pixels of the page. The phase is the pen's fraction of a pixel
//! cut down to a quarter, as poppler's Splash renderer places glyphs (its
//! `splashFontFraction`): rounded to eighths instead, the pictures agreed
//! with `pdftoppm` on 98.6 % of pixels, cut to quarters on 99.9 %.
//! Vertically the baseline sits on a pixel boundary (see
//! `super::Renderer`), where fontdue's rows already are.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::font::Face;

/// Horizontal positions per pixel a glyph is drawn at (a pen between two
/// is drawn at the one left of it).
pub const PHASES: u32 = 4;

/// The size fontdue flattens outlines for, in pixels per em: 14 pt at
/// 96 dpi sampled three times across. Finer sizes only cost time.
const GEOMETRY_PX: f32 = 56.0;

/// The face as fontdue parsed it, the first time it is asked for (about
/// 15 ms a face: fontdue outlines every glyph).
pub fn font(face: Face) -> &'static fontdue::Font {
    static FONTS: [OnceLock<fontdue::Font>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    FONTS[face as usize].get_or_init(|| {
        let settings = fontdue::FontSettings {
            scale: GEOMETRY_PX,
            load_substitutions: false,
            ..fontdue::FontSettings::default()
        };
        fontdue::Font::from_bytes(face.file_bytes(), settings)
            .expect("the bundled faces parse with fontdue")
    })
}

/// A glyph's coverage, to draw with its top-left pixel at (`left`, `top`)
/// from the pen's whole pixel and the baseline.
#[derive(Debug, Default)]
pub struct Bitmap {
    pub left: i32,
    pub top: i32,
    pub width: usize,
    pub height: usize,
    /// Row-major coverage, 255 fully covered.
    pub coverage: Vec<u8>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    face: Face,
    glyph: u16,
    /// Pixels per em and horizontal scale, as bits (they come from a few
    /// sizes of the profile, not from arithmetic).
    px: u32,
    scale: u32,
}

/// A glyph as fontdue samples it: three columns per pixel.
struct Sampled {
    /// Left edge of the first sample column, from the pen, in pixels.
    x0: f32,
    /// Pixel rows above the baseline to the top row.
    top: i32,
    columns: usize,
    rows: usize,
    samples: Vec<u8>,
}

/// The glyphs drawn so far, at each phase they were drawn at.
#[derive(Default)]
pub struct Cache {
    sampled: HashMap<Key, Sampled>,
    drawn: HashMap<(Key, u32), Bitmap>,
}

impl Cache {
    /// `glyph` of `face` at `px` pixels per em, widened by `scale`, for a pen
    /// `phase` / [`PHASES`] of a pixel right of a whole pixel.
    pub fn get(&mut self, face: Face, glyph: u16, px: f32, scale: f32, phase: u32) -> &Bitmap {
        let key = Key {
            face,
            glyph,
            px: px.to_bits(),
            scale: scale.to_bits(),
        };
        let sampled = &mut self.sampled;
        self.drawn.entry((key, phase)).or_insert_with(|| {
            let s = sampled
                .entry(key)
                .or_insert_with(|| sample(face, glyph, px));
            resample(s, scale, phase as f32 / PHASES as f32)
        })
    }
}

fn sample(face: Face, glyph: u16, px: f32) -> Sampled {
    let (m, samples) = font(face).rasterize_indexed_subpixel(glyph, px);
    // fontdue offsets the outline by the fraction of its left edge in
    // whole pixels but samples it in thirds, so the samples start two
    // thirds of that fraction right of the bitmap's left pixel.
    let fraction = m.bounds.xmin - m.bounds.xmin.floor();
    Sampled {
        x0: m.xmin as f32 + 2.0 * fraction / 3.0,
        top: m.ymin + m.height as i32,
        columns: m.width * 3,
        rows: m.height,
        samples,
    }
}

/// The coverage of whole pixels by the sampled glyph drawn from a pen at
/// `shift` of a pixel, `scale` times as wide: each sample column adds its
/// coverage times the width it overlaps a pixel by.
fn resample(s: &Sampled, scale: f32, shift: f32) -> Bitmap {
    if s.columns == 0 || s.rows == 0 {
        return Bitmap::default();
    }
    let step = scale / 3.0;
    let start = shift + s.x0 * scale;
    let left = start.floor();
    let width = ((start + s.columns as f32 * step).ceil() - left) as usize;
    let mut sums = vec![0.0f32; width * s.rows];
    for (row, samples) in s.samples.chunks_exact(s.columns).enumerate() {
        let out = &mut sums[row * width..(row + 1) * width];
        for (k, &c) in samples.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let a = start - left + k as f32 * step;
            let b = a + step;
            let c = f32::from(c);
            let i = a as usize;
            if (b.ceil() as usize) <= i + 1 {
                out[i] += c * step;
            } else {
                // A sample column is at most a pixel wide: two pixels at most.
                let split = (i + 1) as f32;
                out[i] += c * (split - a);
                if let Some(next) = out.get_mut(i + 1) {
                    *next += c * (b - split);
                }
            }
        }
    }
    Bitmap {
        left: left as i32,
        top: s.top,
        width,
        height: s.rows,
        coverage: sums.iter().map(|v| v.round().min(255.0) as u8).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ink(b: &Bitmap) -> u64 {
        b.coverage.iter().map(|&c| u64::from(c)).sum()
    }

    #[test]
    fn a_glyph_keeps_its_ink_at_every_phase_and_moves_with_it() {
        let mut cache = Cache::default();
        let gid = font(Face::Regular).lookup_glyph_index('H');
        let plain = font(Face::Regular).rasterize_indexed(gid, 18.0).1;
        let plain: u64 = plain.iter().map(|&c| u64::from(c)).sum();
        // Ink and its centre across, in pixels from the pen's whole pixel.
        let at = |cache: &mut Cache, phase| {
            let b = cache.get(Face::Regular, gid, 18.0, 1.0, phase);
            let mut moment = 0.0;
            for (i, &c) in b.coverage.iter().enumerate() {
                moment += f64::from(c) * ((i % b.width) as f64 + 0.5 + f64::from(b.left));
            }
            (ink(b), moment / ink(b) as f64)
        };
        let (ink0, centre0) = at(&mut cache, 0);
        // Within 2 % of fontdue's own whole-pixel raster.
        assert!(ink0.abs_diff(plain) * 50 < plain, "{ink0} vs {plain}");
        for phase in 1..PHASES {
            let (ink, centre) = at(&mut cache, phase);
            assert!(
                ink.abs_diff(ink0) * 100 < ink0,
                "phase {phase}: {ink} vs {ink0}"
            );
            let moved = centre - centre0;
            let expected = f64::from(phase) / f64::from(PHASES);
            assert!(
                (moved - expected).abs() < 0.02,
                "phase {phase}: moved {moved}"
            );
        }
    }

    #[test]
    fn a_wider_scale_widens_the_glyph_and_its_ink() {
        let mut cache = Cache::default();
        let gid = font(Face::Bold).lookup_glyph_index('M');
        let normal = ink(cache.get(Face::Bold, gid, 40.0, 1.0, 0));
        let wide = ink(cache.get(Face::Bold, gid, 40.0, 1.1, 0));
        let ratio = wide as f64 / normal as f64;
        assert!((ratio - 1.1).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn a_space_has_no_pixels() {
        let mut cache = Cache::default();
        let gid = font(Face::Regular).lookup_glyph_index(' ');
        assert_eq!(cache.get(Face::Regular, gid, 18.0, 1.0, 3).width, 0);
    }
}
