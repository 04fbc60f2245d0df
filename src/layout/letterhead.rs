//! The letterhead and the closing: the header's columns of rows, `BÁO CÁO`
//! with the trích yếu and its separator on page 1, and the closing block
//! (`Nơi nhận:` and the recipients beside the signature). What each row
//! prints, in which style and order, is the profile's; the texts are the
//! [`Letter`]'s.

use std::collections::BTreeMap;

use super::coverage::Part;
use super::measure::Wrap;
use super::paginate::{Mark, VItem};
use super::{Layouter, Style};
use crate::letter::Letter;
use crate::page::{Frame, Item, LineRole, Rule, Signing};
use crate::profile::{Field, RowWrap};

impl Layouter<'_> {
    /// Page-1 header: each column's rows top to bottom, centred on the
    /// column, a row `leading` below the one above it unless it aligns with a
    /// field of the other column; returns the baseline of the lowest line.
    pub(super) fn header(&mut self, letter: &Letter) -> f32 {
        let h = &self.p.header;
        let leading = h.line_height_pt.get();
        let left_w = h.left_column_mm.pt_from_mm();
        let columns = [
            (self.left, left_w, &h.left),
            (self.left + left_w, h.right_column_mm.pt_from_mm(), &h.right),
        ];
        // The first rows of both columns share a baseline.
        let first = self.top
            + columns
                .iter()
                .filter_map(|(_, _, rows)| rows.first())
                .map(|r| Style::from(&r.size_pt, &r.face).ascent())
                .fold(0.0, f32::max);
        let mut baselines: BTreeMap<Field, f32> = BTreeMap::new();
        let mut bottom: f32 = first;
        let mut items = Vec::new();
        for (x0, width, rows) in columns {
            let mut y = first;
            for row in rows {
                let style = Style::from(&row.size_pt, &row.face);
                let (text, part) = match (&row.text, row.field) {
                    (Some(t), _) => (t.value.as_str(), Part::Profile),
                    (None, Some(f)) => (letter.field(f), Part::Header),
                    (None, None) => ("", Part::Header),
                };
                if let Some(y_other) = row
                    .align_with
                    .as_ref()
                    .and_then(|f| baselines.get(&f.value))
                {
                    y = *y_other;
                }
                if let Some(f) = row.field {
                    baselines.insert(f, y);
                }
                let wrap = match row.wrap {
                    RowWrap::Balanced => Wrap::Balanced,
                    RowWrap::Phrases => Wrap::BalancedAtPhrases,
                };
                let runs = self.centred(text, style, x0, width, leading, wrap, part);
                let mut last = y;
                let mut widest: Option<(f32, f32)> = None;
                for mut r in runs {
                    r.baseline += y;
                    last = r.baseline;
                    let w = self.width(&r.text, style);
                    if widest.is_none_or(|(_, ww)| w > ww) {
                        widest = Some((r.x, w));
                    }
                    items.push(Item::Text(r));
                }
                if let (Some(rule), Some((x, w))) = (&row.rule, widest) {
                    items.push(Item::Rule(Rule {
                        x0: x,
                        x1: x + w,
                        y: last + rule.below_baseline_pt.get(),
                        thickness: rule.thickness_pt.get(),
                    }));
                }
                bottom = bottom.max(last);
                y = last + leading;
            }
        }
        // The draft note first: it reads before the header, as it stands above it.
        if let Some(draft) = letter.draft {
            self.draft_note(&draft.note(self.p), draft.number.is_some());
        }
        self.first_page.extend(items);
        bottom
    }

    /// The draft note (box 11b) at the top right of page 1, above the
    /// header, in its frame if the profile wants one.
    fn draft_note(&mut self, note: &str, numbered: bool) {
        let d = &self.p.draft;
        let face = if numbered { &d.numbered_face } else { &d.face };
        let style = Style::from(&d.size_pt, face);
        let pad = if d.frame.get() {
            d.frame_padding_mm.pt_from_mm()
        } else {
            0.0
        };
        let right = self.left + self.measure - d.right_inset_mm.pt_from_mm();
        let width = self.width(note, style);
        let mut run = self.run(right - pad - width, note, style);
        run.baseline = d.baseline_from_top_mm.pt_from_mm();
        if d.frame.get() {
            self.first_page.push(Item::Frame(Frame {
                x0: run.x - pad,
                top: run.baseline - style.ascent() - pad,
                x1: right,
                bottom: run.baseline + style.descent() + pad,
                thickness: d.frame_thickness_pt.get(),
            }));
        }
        self.first_page.push(Item::Text(run));
    }

    /// `BÁO CÁO`, the trích yếu and `-----`; returns the baseline from which
    /// the body continues.
    pub(super) fn title_block(&mut self, summary: &str, header_bottom: f32) -> f32 {
        let p = self.p;
        let t = &p.title_block;
        let leading = t.line_height_pt.get();
        let mut y = header_bottom + leading + t.space_before_pt.get();
        let type_name_y = y;
        self.centred_on_first_page(
            &t.type_name.text.value,
            Style::fixed(&t.type_name),
            y,
            leading,
        );
        let summary_style = Style {
            face: t.summary.face.get().into(),
            size: t.summary.size_pt.get(),
        };
        let max_w = t.summary.max_width_mm.pt_from_mm().min(self.measure);
        let x0 = self.left + (self.measure - max_w) / 2.0;
        let lines = self.centred(
            summary,
            summary_style,
            x0,
            max_w,
            leading,
            Wrap::BalancedAtPhrases,
            Part::Summary,
        );
        let n = lines.len() as f32;
        // Where page 1 is too short for them: `BÁO CÁO` stays with the trích
        // yếu's first line, the separator with its last.
        let mut summary = (f32::MAX, f32::MIN);
        for mut r in lines {
            r.baseline += y + leading;
            summary = (summary.0.min(r.baseline), summary.1.max(r.baseline));
            self.first_page.push(Item::Text(r));
        }
        y += (n + 1.0) * leading;
        self.centred_on_first_page(
            &t.separator.text.value,
            Style::fixed(&t.separator),
            y,
            leading,
        );
        if summary.0 <= summary.1 {
            self.first_page_keep.push((type_name_y, summary.0));
            self.first_page_keep.push((summary.1, y));
        }
        y + t.space_after_pt.get()
    }

    /// `text` centred on the measure of page 1, its first baseline at `y`.
    pub(super) fn centred_on_first_page(&mut self, text: &str, style: Style, y: f32, leading: f32) {
        let lines = self.centred(
            text,
            style,
            self.left,
            self.measure,
            leading,
            Wrap::Balanced,
            Part::Profile,
        );
        for mut r in lines {
            r.baseline += y;
            self.first_page.push(Item::Text(r));
        }
    }

    /// `Nơi nhận:` and the recipients beside the signature block, as one unit.
    pub(super) fn closing(&mut self, letter: &Letter) -> VItem {
        let c = &self.p.closing;
        let leading = c.line_height_pt.get();
        let left_w = c.left_column_mm.pt_from_mm();
        let right_w = c.right_column_mm.pt_from_mm();
        let right_x = self.left + left_w;
        let mut items = Vec::new();

        // Left: the label, flush left and underlined, then the list.
        let l = &c.recipients_label;
        let label = Style::from(&l.size_pt, &l.face);
        let label_run = self.run(self.left, &l.text.value, label);
        let label_w = self.width(&l.text.value, label);
        items.push(Item::Text(label_run));
        if l.underline.get() {
            items.push(Item::Rule(Rule {
                x0: self.left,
                x1: self.left + label_w,
                y: l.underline_below_baseline_pt.get(),
                thickness: l.underline_thickness_pt.get(),
            }));
        }
        let list = Style::from(&c.recipients.size_pt, &c.recipients.face);
        let list_leading = c.recipients.line_height_pt.get();
        let dash = format!("{} ", c.recipients.marker.value);
        let hang = c.recipients.hanging_indent_mm.pt_from_mm();
        let mut list_y = leading - list_leading;
        let mut lines: Vec<String> = letter
            .recipients
            .iter()
            .map(|r| format!("{dash}{r}"))
            .collect();
        lines.push(letter.filing_line.clone());
        for line in lines {
            let wrapped = self.wrap_plain(
                &line,
                list,
                left_w,
                left_w - hang,
                Wrap::Fill,
                Part::Recipients,
            );
            for (i, w) in wrapped.iter().enumerate() {
                list_y += list_leading;
                let x = if i == 0 { self.left } else { self.left + hang };
                let mut r = self.run(x, w, list);
                r.baseline = list_y;
                items.push(Item::Text(r));
            }
        }
        let left_bottom = list_y + list.descent();

        // Right: authority, title, space for signature and seal, name.
        let authority = Style::of(&c.authority);
        let name = Style::of(&c.name);
        // Each part with the gap above it.
        let parts = [
            (&letter.authority, authority, 0.0),
            (&letter.title, Style::of(&c.title), leading),
            (&letter.name, name, c.name_below_title_mm.pt_from_mm()),
        ];
        let mut y = 0.0;
        // The signing space: from below the title to above the name.
        let (mut space_top, mut space_bottom) = (0.0, 0.0);
        for (i, (text, style, gap)) in parts.into_iter().enumerate() {
            y += gap;
            if i == 2 {
                space_bottom = y - style.ascent();
            }
            let lines = self.centred(
                text,
                style,
                right_x,
                right_w,
                leading,
                Wrap::Balanced,
                Part::Signature,
            );
            for mut r in lines {
                r.baseline += y;
                y = r.baseline;
                items.push(Item::Text(r));
            }
            if i == 1 {
                space_top = y + style.descent();
            }
        }
        let right_bottom = y + name.descent();
        let signing = Signing {
            x0: right_x,
            top: space_top,
            x1: right_x + right_w,
            bottom: space_bottom,
            field: self.p.document.signature_field.value.clone(),
        };

        VItem {
            items,
            advance: self.p.body.line_height_pt.get(),
            space_before: c.space_before_pt.get(),
            ascent: authority.ascent().max(label.ascent()),
            descent: right_bottom.max(left_bottom),
            kind: LineRole::Closing,
            mark: Some(Mark::Signing(signing)),
            // The signature block, from the authority to the name, is never cut.
            breakable: Some(vec![(0.0, y)]),
        }
    }
}
