//! The small print a clerk notices (issue 16), measured on the PDF as
//! MuPDF (`mutool trace`: glyphs with font, size and origin) and poppler
//! (`pdftotext` default and `-raw`) read it, against the format profile:
//!
//! - wrapped centred lines of the trích yếu and wrapped headings: a line that
//!   ends inside a phrase that would fit on a line by itself, and a later line
//!   not where the profile puts it (centred, or at the heading's
//!   continuation indent: never at the left margin by accident);
//! - recipients: a line ending with `(` and one word, a wrapped line not at
//!   the hanging indent, a filing line that is not last;
//! - parts: a kind with parts (format notes §4.1, §4.2) whose first part
//!   title has no `Phần thứ nhất` above it, a part word without a title
//!   under it, a kind without parts that prints one;
//! - the separator under the trích yếu joined to a word by `pdftotext`'s
//!   default mode.
//!
//! A phrase, as this test defines it: the words between two phrase ends,
//! where a phrase ends after `;`, and after a `,` that closes a comma
//! segment of more than two words (a shorter one is an item of a list that
//! belongs to what follows: `phương hướng, nhiệm vụ trọng tâm …`).

use std::path::Path;

use baocao::font::Face;
use baocao::profile::{Align, FaceName, FormatProfile, HeadingStyle};

use super::trace::{Line, Trace};
use super::{run, tool};

/// Kinds whose outline has parts (format notes §4.1 year-end, §4.2 mid-term).
pub const KINDS_WITH_PARTS: [&str; 2] = ["year-end", "mid-term"];

#[derive(Debug, Default, Clone, PartialEq)]
pub struct SmallPrint {
    /// Wrapped titles and headings measured.
    pub wrapped: usize,
    /// Line ends inside a phrase that fits on a line (each described).
    pub mid_phrase: Vec<String>,
    /// Later lines of a title or heading not where the profile puts them.
    pub misplaced: Vec<String>,
    /// Recipient lines ending with `(` and one word.
    pub open_brackets: Vec<String>,
    /// Wrapped recipient lines measured.
    pub wrapped_recipients: usize,
    /// Wrapped recipient lines not at the hanging indent.
    pub unindented: Vec<String>,
    /// The filing line is not the last recipient line.
    pub filing_not_last: usize,
    /// Part words missing, out of order, without a title, or where the kind has no parts.
    pub parts: Vec<String>,
    /// Lines of `pdftotext`'s default output where the separator meets a word.
    pub separator_joined: Vec<String>,
}

impl SmallPrint {
    pub fn faults(&self) -> usize {
        self.mid_phrase.len()
            + self.misplaced.len()
            + self.open_brackets.len()
            + self.unindented.len()
            + self.filing_not_last
            + self.parts.len()
            + self.separator_joined.len()
    }
}

fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

fn is_face(got: &str, face: FaceName) -> bool {
    let want = match face {
        FaceName::Regular => "LiberationSerif",
        FaceName::Bold => "LiberationSerif-Bold",
        FaceName::Italic => "LiberationSerif-Italic",
        FaceName::BoldItalic => "LiberationSerif-BoldItalic",
    };
    want.starts_with(got) && got.len() >= want.len().min(24)
}

/// Whether a phrase ends after each word (see the module docs).
pub fn phrase_ends(words: &[&str]) -> Vec<bool> {
    let mut segment = 0;
    words
        .iter()
        .map(|w| {
            segment += 1;
            let end = w.ends_with(';') || (w.ends_with(',') && segment > 2);
            if w.ends_with([',', ';']) {
                segment = 0;
            }
            end
        })
        .collect()
}

/// The line ends of a wrapped text that fall inside a phrase narrower than
/// `width` (set in `face` at `size`), each as `… word | word …`.
pub fn mid_phrase_breaks(lines: &[String], width: f32, face: FaceName, size: f32) -> Vec<String> {
    let text = lines.join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    let ends = phrase_ends(&words);
    let metrics = Face::from(face).metrics();
    let mut out = Vec::new();
    let mut at = 0;
    for line in &lines[..lines.len().saturating_sub(1)] {
        at += line.split_whitespace().count();
        let i = at - 1;
        if ends[i] {
            continue;
        }
        let start = (0..i).rev().find(|&j| ends[j]).map_or(0, |j| j + 1);
        let end = (i + 1..words.len())
            .find(|&j| ends[j])
            .unwrap_or(words.len() - 1);
        let phrase = words[start..=end].join(" ");
        if metrics.width(&phrase, size) <= width {
            out.push(format!("“{} | {}” in “{phrase}”", words[i], words[i + 1]));
        }
    }
    out
}

/// Measures the small print of one report.
pub fn measure(pdf: &Path, kind: &str, p: &FormatProfile) -> SmallPrint {
    let mut s = SmallPrint::default();
    if !tool("mutool") || !tool("pdftotext") {
        return s;
    }
    let lines = Trace::of(pdf).lines();
    titles_and_headings(&lines, p, &mut s);
    recipients(&lines, p, &mut s);
    let raw = run(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    );
    parts(&raw, kind, p, &mut s);
    let plain = run("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    separator(&plain, p, &mut s);
    s
}

fn titles_and_headings(lines: &[Line], p: &FormatProfile, s: &mut SmallPrint) {
    let left = mm(p.margins.left_mm.value);
    let measure = p.measure();
    let centre = left + measure / 2.0;
    let t = &p.title_block;
    // The trích yếu: page 1, between the type name and the separator.
    let type_name = lines
        .iter()
        .find(|l| l.page == 1 && l.text() == t.type_name.text.value);
    let sep = lines
        .iter()
        .find(|l| l.page == 1 && l.text() == t.separator.text.value);
    let (Some(type_name), Some(sep)) = (type_name, sep) else {
        s.misplaced
            .push("no type name or separator on page 1".into());
        return;
    };
    let summary: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page == 1 && l.y > type_name.y + 0.1 && l.y < sep.y - 0.1)
        .collect();
    let width = mm(t.summary.max_width_mm.value).min(measure);
    check_wrapped(
        &summary,
        Align::Center,
        0.0,
        width,
        centre,
        left,
        t.summary.face.value,
        t.summary.size_pt.value,
        s,
    );

    // Headings: runs of lines all in a heading's face and size, a leading
    // apart, below the separator (part words stand alone).
    let h = &p.headings;
    let styles: [&HeadingStyle; 4] = [&h.part, &h.section, &h.subsection, &h.point];
    let words = part_words(p);
    let leading = p.body.line_height_pt.value;
    let body: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page > 1 || l.y > sep.y + 0.1)
        .collect();
    let mut i = 0;
    while i < body.len() {
        let l = body[i];
        let style = styles.iter().find(|st| {
            l.all_in(|f| is_face(f, st.face.value), st.size_pt.value)
                && match st.align.value {
                    Align::Center => (l.centre() - centre).abs() < 0.5,
                    Align::Left => (l.x0() - left - mm(st.indent_mm.value)).abs() < 0.1,
                }
        });
        let Some(style) = style.filter(|_| !words.contains(&l.text())) else {
            i += 1;
            continue;
        };
        let mut group = vec![l];
        while let Some(next) = body.get(i + group.len()) {
            let prev = group[group.len() - 1];
            if next.page == prev.page
                && (next.y - prev.y - leading).abs() < 0.1
                && next.all_in(|f| is_face(f, style.face.value), style.size_pt.value)
            {
                group.push(next);
            } else {
                break;
            }
        }
        i += group.len();
        let (indent, later) = (
            mm(style.indent_mm.value),
            mm(style.continuation_indent_mm.value),
        );
        let width = match style.align.value {
            Align::Center => measure,
            Align::Left => measure - indent.max(later),
        };
        check_wrapped(
            &group,
            style.align.value,
            later,
            width,
            centre,
            left,
            style.face.value,
            style.size_pt.value,
            s,
        );
    }
}

/// The checks of one title or heading of `lines` (one line: nothing to check).
#[allow(clippy::too_many_arguments)]
fn check_wrapped(
    lines: &[&Line],
    align: Align,
    later: f32,
    width: f32,
    centre: f32,
    left: f32,
    face: FaceName,
    size: f32,
    s: &mut SmallPrint,
) {
    if lines.len() < 2 {
        return;
    }
    s.wrapped += 1;
    let texts: Vec<String> = lines.iter().map(|l| l.text()).collect();
    s.mid_phrase
        .extend(mid_phrase_breaks(&texts, width, face, size));
    for l in &lines[1..] {
        let placed = match align {
            Align::Center => (l.centre() - centre).abs() < 0.5 && l.x0() > left + 1.0,
            Align::Left => (l.x0() - left - later).abs() < 0.1,
        };
        if !placed {
            s.misplaced
                .push(format!("“{}” at x {:.1}", l.text(), l.x0()));
        }
    }
}

fn recipients(lines: &[Line], p: &FormatProfile, s: &mut SmallPrint) {
    let c = &p.closing;
    let left = mm(p.margins.left_mm.value);
    let Some(label) = lines
        .iter()
        .rev()
        .find(|l| l.text() == c.recipients_label.text.value)
    else {
        s.unindented.push("no recipients label".into());
        return;
    };
    let marker = c.recipients.marker.value.as_str();
    let list: Vec<&Line> = lines
        .iter()
        .filter(|l| {
            l.page == label.page
                && l.y > label.y + 0.1
                && l.x0() < left + mm(c.left_column_mm.value) - 1.0
        })
        .collect();
    for l in &list {
        let text = l.text();
        let last = text.split_whitespace().last().unwrap_or("");
        if last.starts_with('(') && !last.contains(')') {
            s.open_brackets.push(text.clone());
        }
        let starts = text.starts_with(&format!("{marker} "));
        s.wrapped_recipients += usize::from(!starts);
        let want = if starts {
            left
        } else {
            left + mm(c.recipients.hanging_indent_mm.value)
        };
        if (l.x0() - want).abs() > 0.1 {
            s.unindented.push(format!("“{text}” at x {:.1}", l.x0()));
        }
    }
    let filing = list
        .iter()
        .position(|l| l.text().starts_with(&format!("{marker} Lưu")));
    if filing.is_none_or(|i| i + 1 != list.len()) {
        s.filing_not_last += 1;
    }
}

/// The part words of a profile, first to last.
pub fn part_words(p: &FormatProfile) -> Vec<String> {
    let w = &p.headings.part_word;
    w.numbers
        .value
        .iter()
        .map(|n| w.pattern.value.replace("{n}", n))
        .collect()
}

fn parts(raw: &str, kind: &str, p: &FormatProfile, s: &mut SmallPrint) {
    let words = part_words(p);
    let lines: Vec<&str> = raw.lines().map(str::trim).collect();
    let found: Vec<usize> = (0..lines.len())
        .filter(|&i| words.iter().any(|w| w == lines[i]))
        .collect();
    if !KINDS_WITH_PARTS.contains(&kind) {
        s.parts.extend(
            found
                .iter()
                .map(|&i| format!("“{}” in a kind without parts", lines[i])),
        );
        return;
    }
    if found.is_empty() {
        s.parts.push(format!("no “{}”", words[0]));
    }
    for (n, &i) in found.iter().enumerate() {
        if lines[i] != words[n] {
            s.parts
                .push(format!("“{}” where “{}” belongs", lines[i], words[n]));
        }
        // The title, in capitals, on the next line.
        let title = lines.get(i + 1).copied().unwrap_or("");
        if title.is_empty() || title.chars().any(char::is_lowercase) {
            s.parts
                .push(format!("“{}” followed by “{title}”", lines[i]));
        }
    }
}

fn separator(plain: &str, p: &FormatProfile, s: &mut SmallPrint) {
    let sep = p.title_block.separator.text.value.as_str();
    // The separator's first character, three times: a run of it.
    let run: String = sep.chars().take(1).cycle().take(3).collect();
    let mut found = false;
    for line in plain.lines().map(str::trim) {
        if line.contains(&run) || line.contains("---") {
            found |= line == sep;
            if line != sep {
                s.separator_joined.push(line.to_string());
            }
        }
    }
    if !found {
        s.separator_joined.push(format!("no line “{sep}”"));
    }
}
