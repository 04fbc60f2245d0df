//! The page against the format profile, read back by an independent reader
//! (MuPDF's `mutool trace`: every glyph's font, size and origin, every
//! stroked line). Each element of the letterhead, the title block, the body,
//! the headings, the closing and the page numbers is checked for face, size
//! and position against the numbers of the profile the report was made
//! with. The same checks run with party-2018 and with a test profile whose
//! numbers all differ (`tests/fixtures/formats/geometry-alt.yaml`), so a
//! number that stops reaching the page fails one of them.
//!
//! Without mupdf-tools the checks print a note and pass, unless
//! `BAOCAO_REQUIRE_POPPLER=1` (set by `.ci/run`).

mod common;

use baocao::profile::{Align, FaceName, Field, FormatProfile, HeadingStyle, Numbering};
use common::geometry::*;
use common::trace::Line;

#[test]
fn pages_have_the_profile_size() {
    both(|c| {
        for (w, h) in &c.trace.pages {
            close("page width", *w, mm(c.p.page.width_mm.value));
            close("page height", *h, mm(c.p.page.height_mm.value));
        }
    });
}

/// The values the org fixture gives the letterhead fields, in the profile's forms.
fn field_text(c: &Case, f: Field) -> String {
    let number = format!("{:0w$}", 5, w = c.p.header.number.min_digits.value);
    match f {
        Field::Superior => "ĐẢNG BỘ QUẬN LONG BIÊN".into(),
        Field::Issuer => "ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG".into(),
        Field::Number => {
            c.p.header
                .number
                .pattern
                .value
                .replace("{number}", &number)
                .replace("{symbol}", "BC/ĐU")
        }
        Field::PlaceDate => {
            c.p.header
                .place_date
                .pattern
                .value
                .replace("{place}", "Phúc Đồng")
                .replace("{date}", "ngày 13 tháng 01 năm 2022")
        }
    }
}

/// The header's rows: face, size, centred on their column, a line apart,
/// the first rows' tallest glyphs touching the top margin, the date on the
/// number's baseline, the rule under the party title.
#[test]
fn header_rows_follow_the_profile() {
    both(|c| {
        let h = &c.p.header;
        let leading = h.line_height_pt.value;
        let top = mm(c.p.margins.top_mm.value);
        let first = top
            + [&h.left[0], &h.right[0]]
                .iter()
                .map(|r| ascent(r.face.value, r.size_pt.value))
                .fold(0.0, f32::max);
        let left_w = mm(h.left_column_mm.value);
        let columns = [
            (c.left(), left_w, &h.left),
            (c.left() + left_w, mm(h.right_column_mm.value), &h.right),
        ];
        let mut field_y = std::collections::BTreeMap::new();
        for (x0, width, rows) in columns {
            let mut y = first;
            for row in rows {
                let text = match (&row.text, row.field) {
                    (Some(t), _) => t.value.clone(),
                    (None, Some(f)) => field_text(c, f),
                    _ => unreachable!(),
                };
                if let Some(f) = &row.align_with {
                    y = field_y[&f.value];
                }
                if let Some(f) = row.field {
                    field_y.insert(f, y);
                }
                let line = c.line(1, &text);
                styled("header row", line, row.face.value, row.size_pt.value);
                close(&format!("“{text}” baseline"), line.y, y);
                close(&format!("“{text}” centre"), line.centre(), x0 + width / 2.0);
                if let Some(rule) = &row.rule {
                    let s = c
                        .trace
                        .strokes
                        .iter()
                        .find(|s| {
                            s.page == 1
                                && (s.y - (line.y + rule.below_baseline_pt.value)).abs() < EPS
                        })
                        .unwrap_or_else(|| panic!("no rule under “{text}”: {:?}", c.trace.strokes));
                    close("rule width", s.width, rule.thickness_pt.value);
                    close("rule start", s.x0, line.x0());
                    close("rule end", s.x1, line.x1());
                }
                y += leading;
            }
        }
    });
}

/// The title block: type name, trích yếu lines, separator; then the body.
#[test]
fn title_block_follows_the_profile() {
    both(|c| {
        let t = &c.p.title_block;
        // The lowest header line: the number row (the date aligns with it).
        let number = c.line(1, &field_text(c, Field::Number));
        let bottom = number.y.max(c.line(1, &field_text(c, Field::PlaceDate)).y);
        let leading = t.line_height_pt.value;
        let centre = c.left() + c.measure() / 2.0;
        let type_name = c.line(1, &t.type_name.text.value);
        styled(
            "type name",
            type_name,
            t.type_name.face.value,
            t.type_name.size_pt.value,
        );
        close(
            "type name baseline",
            type_name.y,
            bottom + leading + t.space_before_pt.value,
        );
        close("type name centre", type_name.centre(), centre);
        let separator = c.line(1, &t.separator.text.value);
        styled(
            "separator",
            separator,
            t.separator.face.value,
            t.separator.size_pt.value,
        );
        close("separator centre", separator.centre(), centre);
        let summary: Vec<&Line> = c
            .lines
            .iter()
            .filter(|l| l.page == 1 && l.y > type_name.y + 0.1 && l.y < separator.y - 0.1)
            .collect();
        assert!(summary.len() >= 2, "the seed's trích yếu takes two lines");
        for (i, l) in summary.iter().enumerate() {
            styled(
                "trích yếu",
                l,
                t.summary.face.value,
                t.summary.size_pt.value,
            );
            close(
                "trích yếu baseline",
                l.y,
                type_name.y + (i + 1) as f32 * leading,
            );
            close("trích yếu centre", l.centre(), centre);
            assert!(l.x1() - l.x0() <= mm(t.summary.max_width_mm.value) + EPS);
        }
        close(
            "separator baseline",
            separator.y,
            type_name.y + (summary.len() + 1) as f32 * leading,
        );
        // The first body line follows the separator.
        let b = &c.p.body;
        let first_body = c
            .lines
            .iter()
            .find(|l| l.page == 1 && l.y > separator.y + 0.1)
            .unwrap();
        close(
            "first body baseline",
            first_body.y,
            separator.y + t.space_after_pt.value + b.line_height_pt.value,
        );
    });
}

/// What a body line is, by its style and where it starts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    FirstLine,
    Continuation,
    Item,
    Heading(usize),
    /// A second or later line of a heading of that level.
    HeadingContinued(usize),
}

/// The part words of a profile, first to last (`Phần thứ nhất` …).
fn part_words(p: &FormatProfile) -> Vec<String> {
    let w = &p.headings.part_word;
    w.numbers
        .value
        .iter()
        .map(|n| w.pattern.value.replace("{n}", n))
        .collect()
}

fn headings(p: &FormatProfile) -> [&HeadingStyle; 4] {
    let h = &p.headings;
    [&h.part, &h.section, &h.subsection, &h.point]
}

/// The lines of the body flow on every page, with their role; header,
/// title block, closing and page numbers left out.
fn body_lines(c: &Case) -> Vec<(&Line, Role)> {
    let b = &c.p.body;
    let size = b.size_pt.value;
    let separator = c.line(1, &c.p.title_block.separator.text.value).y;
    let closing = c
        .lines
        .iter()
        .find(|l| l.text() == c.p.closing.recipients_label.text.value)
        .expect("the closing block")
        .clone();
    let number_y = mm(c.p.page_number.baseline_from_top_mm.value);
    let indent = c.left() + mm(b.first_line_indent_mm.value);
    let item = c.left() + mm(c.p.items.indent_mm.value);
    let mut out = Vec::new();
    for l in &c.lines {
        if (l.page == 1 && l.y <= separator + 0.1)
            || (l.page, l.y) >= (closing.page, closing.y - 0.1)
            || (l.page > 1 && (l.y - number_y).abs() < 0.1)
        {
            continue;
        }
        // A heading without siblings may go unnumbered: then a section's
        // text is in capitals, a sub-section's is not.
        let lone = !c.p.headings.number_lone.value;
        let capitals = !l.text().chars().any(char::is_lowercase);
        let heading = headings(&c.p).iter().position(|h| {
            let text = l.text();
            let starts = match h.numbering.value {
                Numbering::None => true,
                Numbering::Roman => text.starts_with(['I', 'V', 'X']) || (lone && capitals),
                Numbering::Arabic => {
                    text.starts_with(|ch: char| ch.is_ascii_digit()) || (lone && !capitals)
                }
                Numbering::Letter => {
                    text.chars().nth(1) == h.number_suffix.value.chars().next() || lone
                }
            };
            l.all_in(|f| is_face(f, h.face.value), h.size_pt.value)
                && starts
                && !matches!(h.face.value, FaceName::Regular)
                && l.size() == h.size_pt.value
                && (h.align.value == Align::Center
                    || (l.x0() - c.left() - mm(h.indent_mm.value)).abs() < EPS)
                && (h.align.value != Align::Center
                    || (l.centre() - c.left() - c.measure() / 2.0).abs() < EPS)
        });
        // A later line of the heading above: its style, a leading below, and
        // centred or at the level's continuation indent.
        let continued = out.last().and_then(|(prev, role): &(&Line, Role)| {
            let k = match role {
                Role::Heading(k) | Role::HeadingContinued(k) => *k,
                _ => return None,
            };
            let h = headings(&c.p)[k];
            let placed = match h.align.value {
                Align::Center => (l.centre() - c.left() - c.measure() / 2.0).abs() < EPS,
                Align::Left => (l.x0() - c.left() - mm(h.continuation_indent_mm.value)).abs() < EPS,
            };
            // A centred level without numbers looks like its first line.
            let unnumbered = heading == Some(k)
                && (h.numbering.value == Numbering::None || (lone && !numbered(&l.text())))
                && !part_words(&c.p).contains(&prev.text());
            ((heading.is_none() || unnumbered)
                && prev.page == l.page
                && (l.y - prev.y - b.line_height_pt.value).abs() < 0.1
                && l.all_in(|f| is_face(f, h.face.value), h.size_pt.value)
                && placed)
                .then_some(k)
        });
        // The test template's items, known by their words.
        let text = l.text();
        let is_item =
            text.contains("Mục thứ nhất của danh sách") || text.contains("Mục con của danh sách");
        let role = match (heading, continued) {
            (_, Some(k)) => Role::HeadingContinued(k),
            (Some(k), _) => Role::Heading(k),
            (None, None) => body_role(c, l, is_item, item, indent),
        };
        if !matches!(role, Role::Heading(_) | Role::HeadingContinued(_)) {
            close(&format!("body “{}” size", l.text()), l.size(), size);
        }
        out.push((l, role));
    }
    out
}

/// Whether a line starts with a heading number (`II.`, `3.`, `b)`, `I-`).
fn numbered(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let core = first.trim_end_matches(['.', ')', '-']);
    core.len() < first.len()
        && !core.is_empty()
        && (core.chars().all(|c| c.is_ascii_digit() || c == '.')
            || core.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            || core.chars().count() == 1)
}

/// The role of a line that is not a heading's: where it starts says it.
fn body_role(c: &Case, l: &Line, is_item: bool, item: f32, indent: f32) -> Role {
    let text = l.text();
    {
        match () {
            _ if is_item && (l.x0() - item).abs() < EPS => Role::Item,
            _ if is_item => panic!(
                "{}: item “{text}” at x {:.2}, not {item:.2}",
                c.p.name,
                l.x0()
            ),
            _ if (l.x0() - indent).abs() < EPS => Role::FirstLine,
            _ if (l.x0() - c.left()).abs() < EPS => Role::Continuation,
            _ => panic!(
                "{}: body line “{}” at x {:.2} starts nowhere the profile puts a line",
                c.p.name,
                l.text(),
                l.x0()
            ),
        }
    }
}

/// Body text: size, faces, first-line indent, justified to both margins,
/// leading and paragraph space; headings numbered, styled and placed per
/// level; items with their markers and indent.
#[test]
fn body_headings_and_items_follow_the_profile() {
    both(|c| {
        let b = &c.p.body;
        let leading = b.line_height_pt.value;
        let lines = body_lines(c);
        let mut justified = 0;
        for (i, (l, role)) in lines.iter().enumerate() {
            assert!(
                l.x1() <= c.right() + EPS,
                "“{}” passes the right margin",
                l.text()
            );
            let next = lines.get(i + 1);
            let continues = next.is_some_and(|(n, r)| *r == Role::Continuation && n.page == l.page);
            if matches!(role, Role::FirstLine | Role::Continuation | Role::Item) && continues {
                close(
                    &format!("justified “{}” right edge", l.text()),
                    l.x1(),
                    c.right(),
                );
                justified += 1;
            }
            let Some((prev, _)) = i.checked_sub(1).map(|j| lines[j]) else {
                continue;
            };
            if prev.page != l.page {
                continue;
            }
            let want = match role {
                Role::Continuation => leading,
                Role::FirstLine | Role::Item => leading + b.paragraph_space_pt.value,
                Role::HeadingContinued(_) => leading,
                // The part title: under its part word.
                Role::Heading(0) if part_words(&c.p).contains(&prev.text()) => {
                    leading + c.p.headings.part_word.title_space_pt.value
                }
                Role::Heading(k) => leading + headings(&c.p)[*k].space_before_pt.value,
            };
            close(&format!("space above “{}”", l.text()), l.y - prev.y, want);
        }
        assert!(justified > 50, "{justified} justified lines");
        // Each heading level: its numbering and suffix.
        let mut seen = [0usize; 4];
        for (l, role) in &lines {
            if let Role::Heading(k) = role {
                seen[*k] += 1;
                let h = headings(&c.p)[*k];
                styled("heading", l, h.face.value, h.size_pt.value);
                let text = l.text();
                let first = text.split_whitespace().next().unwrap();
                let numbered = first.ends_with(h.number_suffix.value.as_str())
                    && first.len() > h.number_suffix.value.len();
                match h.numbering.value {
                    Numbering::None => {}
                    _ if text.starts_with("Phần") => {}
                    // Checked by `a_lone_heading_goes_unnumbered_where_the_profile_says`.
                    _ if !numbered && !c.p.headings.number_lone.value => {}
                    _ => assert!(
                        first.ends_with(h.number_suffix.value.as_str()),
                        "heading “{text}” should end its number with “{}”",
                        h.number_suffix.value
                    ),
                }
            }
        }
        assert!(
            seen.iter().all(|n| *n > 0),
            "every heading level appears: {seen:?}"
        );
        // Parts: each title under its part word, numbered in order.
        let words = part_words(&c.p);
        let parts: Vec<(String, String)> = lines
            .windows(2)
            .filter(|w| w[0].1 == Role::Heading(0) && w[1].1 == Role::Heading(0))
            .map(|w| (w[0].0.text(), w[1].0.text()))
            .collect();
        assert_eq!(parts.len(), 2, "the seed's two parts: {parts:?}");
        for (i, (word, title)) in parts.iter().enumerate() {
            assert_eq!(word, &words[i]);
            assert!(!words.contains(title), "a title under “{word}”");
        }
        // The test template's last heading wraps: its later lines are placed
        // as the profile says (checked in `body_lines`).
        assert!(
            lines
                .iter()
                .any(|(_, r)| matches!(r, Role::HeadingContinued(k) if *k > 0)),
            "a wrapped heading"
        );
        // Items: the marker, then the nested marker.
        let items: Vec<&Line> = lines
            .iter()
            .filter(|(_, r)| *r == Role::Item)
            .map(|(l, _)| *l)
            .collect();
        assert_eq!(items.len(), 2, "the two list items of the test template");
        let marker = |l: &Line| l.text().split_whitespace().next().unwrap().to_string();
        assert_eq!(marker(items[0]), c.p.items.marker.value);
        assert_eq!(marker(items[1]), c.p.items.nested_marker.value);
    });
}

/// Kerning reaches the page exactly when the profile asks for it.
#[test]
fn kerning_follows_the_profile() {
    both(|c| {
        let mut kerned = 0;
        for (l, _) in body_lines(c) {
            for w in l.glyphs.windows(2) {
                if w[0].c.is_whitespace() || w[1].c.is_whitespace() || w[0].font != w[1].font {
                    continue;
                }
                if (w[1].x - (w[0].x + w[0].adv)).abs() > 0.05 {
                    kerned += 1;
                }
            }
        }
        if c.p.body.kerning.value {
            assert!(kerned > 10, "{}: only {kerned} kerned pairs", c.p.name);
        } else {
            assert_eq!(kerned, 0, "{}: kerning is off", c.p.name);
        }
    });
}

/// The closing: recipients flush left under their underlined label, the
/// filing line last; authority, title and name centred on the signature
/// column with the signing space between title and name.
#[test]
fn closing_follows_the_profile() {
    both(|c| {
        let cl = &c.p.closing;
        let label = c
            .lines
            .iter()
            .find(|l| l.text() == cl.recipients_label.text.value)
            .unwrap();
        let page = label.page;
        styled(
            "recipients label",
            label,
            cl.recipients_label.face.value,
            cl.recipients_label.size_pt.value,
        );
        close("recipients label x", label.x0(), c.left());
        if cl.recipients_label.underline.value {
            let s = c
                .trace
                .strokes
                .iter()
                .find(|s| {
                    s.page == page
                        && (s.y - label.y - cl.recipients_label.underline_below_baseline_pt.value)
                            .abs()
                            < EPS
                })
                .expect("the label's underline");
            close(
                "underline width",
                s.width,
                cl.recipients_label.underline_thickness_pt.value,
            );
            close("underline start", s.x0, c.left());
            close("underline end", s.x1, label.x1());
        }
        // The last body line above the closing.
        let above = c
            .lines
            .iter()
            .rfind(|l| {
                l.page == page
                    && l.y < label.y - 0.1
                    && l.y > mm(c.p.page_number.baseline_from_top_mm.value) + 0.1
            })
            .expect("body above the closing");
        close(
            "closing baseline",
            label.y,
            above.y + c.p.body.line_height_pt.value + cl.space_before_pt.value,
        );
        let marker = format!("{} ", cl.recipients.marker.value);
        let list: Vec<&Line> = c
            .lines
            .iter()
            .filter(|l| {
                l.page == page
                    && l.y > label.y + 0.1
                    && l.x0() < c.left() + mm(cl.left_column_mm.value) - 1.0
            })
            .collect();
        assert!(list.len() >= 5, "four recipients and the filing line");
        for (i, l) in list.iter().enumerate() {
            styled(
                "recipient",
                l,
                cl.recipients.face.value,
                cl.recipients.size_pt.value,
            );
            assert!(l.x1() <= c.left() + mm(cl.left_column_mm.value) + EPS);
            let want = if i == 0 {
                label.y + cl.line_height_pt.value
            } else {
                list[i - 1].y + cl.recipients.line_height_pt.value
            };
            close(&format!("recipient “{}” baseline", l.text()), l.y, want);
            if l.text().starts_with(marker.trim_end()) {
                close("recipient x", l.x0(), c.left());
            } else {
                // A wrapped recipient hangs under the text after its marker.
                close(
                    &format!("recipient continuation “{}” x", l.text()),
                    l.x0(),
                    c.left() + mm(cl.recipients.hanging_indent_mm.value),
                );
            }
        }
        let wrapped = list
            .iter()
            .filter(|l| !l.text().starts_with(marker.trim_end()))
            .count();
        assert!(
            wrapped > 0 || c.p.name != "party-2018",
            "the first recipient of the fixture wraps"
        );
        let filing =
            c.p.signing
                .bodies
                .iter()
                .find(|b| {
                    b.issuer_starts
                        .iter()
                        .any(|s| "ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG".starts_with(s.as_str()))
                })
                .map_or(&c.p.signing.default.filing_line.value, |b| {
                    &b.filing_line.value
                });
        assert_eq!(&list.last().unwrap().text(), filing);
        // The signature column.
        let centre = c.left() + mm(cl.left_column_mm.value) + mm(cl.right_column_mm.value) / 2.0;
        let authority = c.line(page, "T/M ĐẢNG ỦY");
        styled(
            "authority",
            authority,
            cl.authority.face.value,
            cl.authority.size_pt.value,
        );
        close("authority baseline", authority.y, label.y);
        close("authority centre", authority.centre(), centre);
        let title = c.line(page, "BÍ THƯ");
        styled("title", title, cl.title.face.value, cl.title.size_pt.value);
        close(
            "title baseline",
            title.y,
            authority.y + cl.line_height_pt.value,
        );
        close("title centre", title.centre(), centre);
        let name = c.line(page, "Nguyễn Thị Ngọc");
        styled("name", name, cl.name.face.value, cl.name.size_pt.value);
        close(
            "name baseline",
            name.y,
            title.y + mm(cl.name_below_title_mm.value),
        );
        close("name centre", name.centre(), centre);
    });
}

/// Page numbers from the profile's first numbered page, in its face and
/// size, centred on the text block or the page, at its distance from the top.
#[test]
fn page_numbers_follow_the_profile() {
    both(|c| {
        let pn = &c.p.page_number;
        let y = mm(pn.baseline_from_top_mm.value);
        let centre = if pn.centre_on_text_block.value {
            c.left() + c.measure() / 2.0
        } else {
            mm(c.p.page.width_mm.value) / 2.0
        };
        assert!(c.trace.pages.len() >= 3);
        for page in 1..=c.trace.pages.len() {
            let found = c
                .lines
                .iter()
                .find(|l| l.page == page && (l.y - y).abs() < EPS);
            if (page as u32) < pn.first_numbered_page.value {
                assert!(found.is_none(), "page {page} carries no number");
                continue;
            }
            let l = found.unwrap_or_else(|| panic!("page {page} has no number at {y:.2} pt"));
            assert_eq!(l.text(), page.to_string());
            styled("page number", l, pn.face.value, pn.size_pt.value);
            close("page number centre", l.centre(), centre);
        }
    });
}
