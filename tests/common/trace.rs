//! The page as MuPDF draws it: `mutool trace` lists every glyph drawn, with
//! its font, size, origin and advance, and every stroked line. An
//! independent reader of the PDF: nothing here comes from baocao.

use std::path::Path;
use std::process::Command;

/// A glyph drawn; lengths in points, `y` measured down from the top edge.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub page: usize,
    /// Font name without the subset tag (`LiberationSerif-Bold`).
    pub font: String,
    /// Vertical size (the text matrix's `d`).
    pub size: f32,
    /// Horizontal size (the text matrix's `a`: size × horizontal scaling).
    pub hsize: f32,
    pub x: f32,
    pub y: f32,
    /// Advance in points.
    pub adv: f32,
    pub c: char,
}

/// A stroked straight line, `y` measured down from the top edge.
#[derive(Debug, Clone)]
pub struct Stroke {
    pub page: usize,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub width: f32,
}

/// Glyphs sharing a page and a baseline, left to right.
#[derive(Debug, Clone)]
pub struct Line {
    pub page: usize,
    pub y: f32,
    pub glyphs: Vec<Glyph>,
}

impl Line {
    pub fn text(&self) -> String {
        self.glyphs
            .iter()
            .map(|g| g.c)
            .collect::<String>()
            .trim()
            .to_string()
    }
    /// Left edge of the first glyph that is not a space.
    pub fn x0(&self) -> f32 {
        self.ink().next().map_or(0.0, |g| g.x)
    }
    /// Right edge (origin + advance) of the last glyph that is not a space.
    pub fn x1(&self) -> f32 {
        self.ink().last().map_or(0.0, |g| g.x + g.adv)
    }
    pub fn centre(&self) -> f32 {
        (self.x0() + self.x1()) / 2.0
    }
    fn ink(&self) -> impl DoubleEndedIterator<Item = &Glyph> {
        self.glyphs.iter().filter(|g| !g.c.is_whitespace())
    }
    /// The font of the first glyph that is not a space.
    pub fn font(&self) -> &str {
        self.ink().next().map_or("", |g| g.font.as_str())
    }
    pub fn size(&self) -> f32 {
        self.ink().next().map_or(0.0, |g| g.size)
    }
    /// Whether every glyph is in a font `font` accepts, at `size`.
    pub fn all_in(&self, font: impl Fn(&str) -> bool, size: f32) -> bool {
        self.ink()
            .all(|g| font(&g.font) && (g.size - size).abs() < 0.01)
    }
}

/// What `mutool trace` reports of a PDF.
pub struct Trace {
    /// Page sizes (width, height) in points.
    pub pages: Vec<(f32, f32)>,
    pub glyphs: Vec<Glyph>,
    pub strokes: Vec<Stroke>,
}

fn attr<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = line.find(&key)? + key.len();
    Some(&line[at..at + line[at..].find('"')?])
}

fn num(line: &str, name: &str) -> f32 {
    attr(line, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no number {name} in {line}"))
}

fn unescape(s: &str) -> String {
    if let Some(hex) = s.strip_prefix("&#x").and_then(|h| h.strip_suffix(';')) {
        return char::from_u32(u32::from_str_radix(hex, 16).unwrap())
            .unwrap()
            .to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

impl Trace {
    pub fn of(pdf: &Path) -> Trace {
        let out = Command::new("mutool")
            .args(["trace", pdf.to_str().unwrap()])
            .output()
            .expect("run mutool trace");
        assert!(out.status.success(), "mutool trace failed");
        let text = String::from_utf8(out.stdout).unwrap();
        let mut t = Trace {
            pages: Vec::new(),
            glyphs: Vec::new(),
            strokes: Vec::new(),
        };
        let (mut font, mut size, mut hsize) = (String::new(), 0.0, 0.0);
        let mut path: Vec<(f32, f32)> = Vec::new();
        let mut stroke_width = 0.0;
        for line in text.lines().map(str::trim) {
            if line.starts_with("<page ") {
                let mb: Vec<f32> = attr(line, "mediabox")
                    .unwrap()
                    .split_whitespace()
                    .map(|v| v.parse().unwrap())
                    .collect();
                t.pages.push((mb[2] - mb[0], mb[3] - mb[1]));
            } else if line.starts_with("<span ") {
                let name = attr(line, "font").unwrap();
                font = name.split_once('+').map_or(name, |(_, b)| b).to_string();
                let trm: Vec<f32> = attr(line, "trm")
                    .unwrap()
                    .split_whitespace()
                    .map(|v| v.parse().unwrap())
                    .collect();
                hsize = trm[0];
                size = trm[3];
            } else if line.starts_with("<g ") {
                let height = t.pages.last().unwrap().1;
                let c = unescape(attr(line, "unicode").unwrap());
                t.glyphs.push(Glyph {
                    page: t.pages.len(),
                    font: font.clone(),
                    size,
                    hsize,
                    x: num(line, "x"),
                    y: height - num(line, "y"),
                    adv: num(line, "adv") * hsize,
                    c: c.chars().next().unwrap_or(' '),
                });
            } else if line.starts_with("<stroke_path ") {
                stroke_width = num(line, "linewidth");
                path.clear();
            } else if line.starts_with("<moveto ") || line.starts_with("<lineto ") {
                path.push((num(line, "x"), num(line, "y")));
            } else if line.starts_with("</stroke_path>") && path.len() == 2 {
                let height = t.pages.last().unwrap().1;
                let (a, b) = (path[0], path[1]);
                t.strokes.push(Stroke {
                    page: t.pages.len(),
                    x0: a.0.min(b.0),
                    x1: a.0.max(b.0),
                    y: height - a.1,
                    width: stroke_width,
                });
            }
        }
        t
    }

    /// The glyphs grouped into lines, page by page, top to bottom: glyphs on
    /// one baseline, split where a gap wider than two ems separates columns
    /// (the header's, the closing's).
    pub fn lines(&self) -> Vec<Line> {
        let mut lines: Vec<Line> = Vec::new();
        for g in &self.glyphs {
            match lines
                .iter_mut()
                .find(|l| l.page == g.page && (l.y - g.y).abs() < 0.01)
            {
                Some(l) => l.glyphs.push(g.clone()),
                None => lines.push(Line {
                    page: g.page,
                    y: g.y,
                    glyphs: vec![g.clone()],
                }),
            }
        }
        let mut split = Vec::new();
        for mut l in lines {
            l.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut current = Line {
                page: l.page,
                y: l.y,
                glyphs: Vec::new(),
            };
            for g in l.glyphs {
                let gap = current
                    .glyphs
                    .last()
                    .map_or(0.0, |p: &Glyph| g.x - (p.x + p.adv));
                if gap > 2.0 * g.size {
                    split.push(std::mem::replace(
                        &mut current,
                        Line {
                            page: l.page,
                            y: l.y,
                            glyphs: Vec::new(),
                        },
                    ));
                }
                current.glyphs.push(g);
            }
            split.push(current);
        }
        let mut lines = split;
        lines.retain(|l| !l.text().is_empty());
        lines.sort_by(|a, b| (a.page, a.y).partial_cmp(&(b.page, b.y)).unwrap());
        lines
    }
}
