//! The harness of tests/geometry.rs: a report made with a profile, what
//! MuPDF reads of it, and comparisons against the profile's numbers.

use std::path::{Path, PathBuf};

use baocao::profile::{FaceName, FormatProfile};

use super::trace::{Line, Trace};
use super::{baocao, fixture, tempdir, tool};

pub const SEED: &str = "000_1d509da1f266ee35.txt";
/// Positions are written to 0.01 pt; glyph advances are rounded per glyph.
pub const EPS: f32 = 0.06;

pub fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

pub fn font_name(face: FaceName) -> &'static str {
    match face {
        FaceName::Regular => "LiberationSerif",
        FaceName::Bold => "LiberationSerif-Bold",
        FaceName::Italic => "LiberationSerif-Italic",
        FaceName::BoldItalic => "LiberationSerif-BoldItalic",
    }
}

/// Whether MuPDF's font name (cut at 31 characters with its subset tag) is `face`.
pub fn is_face(got: &str, face: FaceName) -> bool {
    let want = font_name(face);
    want.starts_with(got) && got.len() >= want.len().min(24)
}

/// The ascender of a bundled face in points at `size`, read from the font
/// file's `hhea` and `head` tables.
pub fn ascent(face: FaceName, size: f32) -> f32 {
    let file = match face {
        FaceName::Regular => "Regular",
        FaceName::Bold => "Bold",
        FaceName::Italic => "Italic",
        FaceName::BoldItalic => "BoldItalic",
    };
    let path = format!(
        "{}/fonts/LiberationSerif-{file}.ttf",
        env!("CARGO_MANIFEST_DIR")
    );
    let font = std::fs::read(path).unwrap();
    let u16_at = |at: usize| u16::from_be_bytes([font[at], font[at + 1]]);
    let u32_at = |at: usize| u32::from_be_bytes(font[at..at + 4].try_into().unwrap()) as usize;
    let table = |tag: &[u8]| {
        (0..u16_at(4) as usize)
            .map(|i| 12 + 16 * i)
            .find(|&rec| &font[rec..rec + 4] == tag)
            .map(|rec| u32_at(rec + 8))
            .unwrap()
    };
    let units = f32::from(u16_at(table(b"head") + 18));
    let asc = f32::from(u16_at(table(b"hhea") + 4) as i16);
    asc / units * size
}

pub fn close(what: &str, got: f32, want: f32) {
    assert!(
        (got - want).abs() <= EPS,
        "{what}: {got:.3} pt, the profile gives {want:.3} pt"
    );
}

pub fn styled(what: &str, line: &Line, face: FaceName, size: f32) {
    assert!(
        is_face(line.font(), face),
        "{what} “{}”: font {}, the profile gives {face:?}",
        line.text(),
        line.font()
    );
    close(&format!("{what} “{}” size", line.text()), line.size(), size);
}

/// A profile, the report it made and what MuPDF reads of it.
pub struct Case {
    pub p: FormatProfile,
    pub trace: Trace,
    pub lines: Vec<Line>,
}

impl Case {
    pub fn line(&self, page: usize, text: &str) -> &Line {
        self.lines
            .iter()
            .find(|l| l.page == page && l.text() == text)
            .unwrap_or_else(|| {
                let on: Vec<String> = self
                    .lines
                    .iter()
                    .filter(|l| l.page == page)
                    .map(|l| l.text())
                    .take(40)
                    .collect();
                panic!(
                    "no line “{text}” on page {page} of {}: {on:#?}",
                    self.p.name
                )
            })
    }
    pub fn left(&self) -> f32 {
        mm(self.p.margins.left_mm.value)
    }
    pub fn right(&self) -> f32 {
        mm(self.p.page.width_mm.value) - mm(self.p.margins.right_mm.value)
    }
    pub fn measure(&self) -> f32 {
        self.right() - self.left()
    }
}

/// A template folder whose year-end template ends with a heading long
/// enough to wrap, a list and a nested list, so they reach the page.
pub fn templates_with_items(dir: &Path) -> PathBuf {
    let folder = dir.join("templates");
    std::fs::create_dir_all(&folder).unwrap();
    let builtin = include_str!("../../templates/year-end.hbs");
    let list = "\n### CÔNG TÁC QUÁN TRIỆT, TỔ CHỨC TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ PHƯỜNG VÀ CÁC CHƯƠNG TRÌNH CÔNG TÁC TRỌNG TÂM\n\n- Mục thứ nhất của danh sách, đủ dài để xuống dòng: tiếp tục lãnh đạo, chỉ đạo thực hiện thắng lợi các chỉ tiêu, nhiệm vụ năm tiếp theo.\n  - Mục con của danh sách.\n";
    std::fs::write(folder.join("year-end.hbs"), format!("{builtin}{list}")).unwrap();
    folder
}

pub fn case(format: &str, dir: &Path) -> Case {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(SEED);
    let org = fixture("org.yaml");
    let templates = templates_with_items(dir);
    let name = Path::new(format).file_stem().unwrap().to_str().unwrap();
    let out = dir.join(format!("{name}.pdf"));
    let o = baocao(
        dir,
        &[
            "year-end",
            seed.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--org",
            org.to_str().unwrap(),
            "--format",
            format,
            "--templates",
            templates.to_str().unwrap(),
            // MuPDF draws its own "SIGN" flag on an empty signature field,
            // which is no part of the page; tests/archive.rs checks the field.
            "--no-sign-field",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let p = FormatProfile::load(format).unwrap();
    let trace = Trace::of(&out);
    let lines = trace.lines();
    Case { p, trace, lines }
}

pub fn both(check: impl Fn(&Case)) {
    if !tool("mutool") {
        return;
    }
    let dir = tempdir();
    let alt = fixture("formats/geometry-alt.yaml");
    for format in ["party-2018", alt.to_str().unwrap()] {
        check(&case(format, dir.path()));
    }
}
