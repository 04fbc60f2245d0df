//! Grey pictures compared the way the preview is checked against poppler:
//! after a blur of one pixel, the share of pixels that agree within a
//! tolerance, and the bounding box of what is inked.

use std::path::Path;

/// An 8-bit grey picture, 0 black.
#[derive(Debug, Clone)]
pub struct Grey {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Grey {
    /// Reads a binary PGM (`P5`, as `pdftoppm -gray` writes).
    pub fn read_pgm(path: &Path) -> Grey {
        let bytes = std::fs::read(path).unwrap();
        // Header: magic, width, height, maximum, each after white space.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
        }
        assert_eq!(fields[0], "P5", "{}", path.display());
        assert_eq!(fields[3], "255", "{}", path.display());
        let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
        let pixels = bytes[at + 1..].to_vec();
        assert_eq!(pixels.len(), width * height, "{}", path.display());
        Grey {
            width,
            height,
            pixels,
        }
    }

    /// Reads an 8-bit grey PNG.
    pub fn read_png(path: &Path) -> Grey {
        let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
        let mut reader = png::Decoder::new(file).read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!(
            info.color_type,
            png::ColorType::Grayscale,
            "{}",
            path.display()
        );
        assert_eq!(info.bit_depth, png::BitDepth::Eight, "{}", path.display());
        pixels.truncate(info.buffer_size());
        Grey {
            width: info.width as usize,
            height: info.height as usize,
            pixels,
        }
    }

    /// The mean over each pixel's 3 × 3 neighbourhood (within the picture).
    pub fn blurred(&self) -> Grey {
        let (w, h) = (self.width, self.height);
        let mut out = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                let (mut sum, mut n) = (0u32, 0u32);
                for yy in y.saturating_sub(1)..(y + 2).min(h) {
                    for xx in x.saturating_sub(1)..(x + 2).min(w) {
                        sum += u32::from(self.pixels[yy * w + xx]);
                        n += 1;
                    }
                }
                out[y * w + x] = ((sum + n / 2) / n) as u8;
            }
        }
        Grey {
            width: w,
            height: h,
            pixels: out,
        }
    }

    /// The smallest box (left, top, right, bottom, inclusive) holding every
    /// pixel darker than `threshold`.
    pub fn ink_box(&self, threshold: u8) -> Option<[usize; 4]> {
        let mut b: Option<[usize; 4]> = None;
        for (i, &p) in self.pixels.iter().enumerate() {
            if p < threshold {
                let (x, y) = (i % self.width, i / self.width);
                b = Some(match b {
                    None => [x, y, x, y],
                    Some([l, t, r, bo]) => [l.min(x), t.min(y), r.max(x), bo.max(y)],
                });
            }
        }
        b
    }
}

/// How two pictures of one size agree.
#[derive(Debug, Clone)]
pub struct Agreement {
    /// Share of pixels within the tolerance after the blur.
    pub within: f64,
    /// Mean absolute difference after the blur, out of 255.
    pub mean_difference: f64,
    /// Largest difference of the ink boxes' edges, in pixels.
    pub box_offset: usize,
    pub boxes: (Option<[usize; 4]>, Option<[usize; 4]>),
}

pub fn compare(ours: &Grey, theirs: &Grey, tolerance: u8) -> Agreement {
    assert_eq!(
        (ours.width, ours.height),
        (theirs.width, theirs.height),
        "picture sizes differ"
    );
    let (a, b) = (ours.blurred(), theirs.blurred());
    let mut within = 0usize;
    let mut total = 0u64;
    for (p, q) in a.pixels.iter().zip(&b.pixels) {
        let d = p.abs_diff(*q);
        total += u64::from(d);
        if d <= tolerance {
            within += 1;
        }
    }
    let n = a.pixels.len() as f64;
    let boxes = (ours.ink_box(128), theirs.ink_box(128));
    let box_offset = match boxes {
        (Some(x), Some(y)) => x.iter().zip(&y).map(|(p, q)| p.abs_diff(*q)).max().unwrap(),
        (None, None) => 0,
        _ => usize::MAX,
    };
    Agreement {
        within: within as f64 / n,
        mean_difference: total as f64 / n,
        box_offset,
        boxes,
    }
}
