//! Measuring text and setting short lines: widths with the profile's
//! kerning, single runs, and plain text wrapped into centred or filled lines
//! (header rows, the trích yếu, recipients).

use super::phrases::{self, Word};
use super::{Layouter, Style};
use crate::page::TextRun;

/// How plain text wraps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Wrap {
    /// Lines of even length, never inside a name or a short bracket
    /// (header rows, the signature lines).
    Balanced,
    /// Even lines broken at phrase boundaries (the trích yếu; see
    /// [`phrases`]).
    BalancedAtPhrases,
    /// Each line as full as it goes (lists).
    Fill,
}

impl Layouter<'_> {
    pub(super) fn width(&self, text: &str, style: Style) -> f32 {
        let m = style.face.metrics();
        if self.kerning {
            m.width(text, style.size)
        } else {
            text.chars()
                .filter_map(|c| m.glyph(c))
                .map(|g| f32::from(g.advance))
                .sum::<f32>()
                * style.size
                / 1000.0
        }
    }

    /// A run of `text` at `x` with kerning shifts, baseline 0.
    pub(super) fn run(&self, x: f32, text: &str, style: Style) -> TextRun {
        let mut run = TextRun {
            x,
            baseline: 0.0,
            face: style.face,
            size: style.size,
            scale: 1.0,
            text: String::new(),
            shifts: Vec::new(),
            word_space: 0.0,
        };
        push_text(&mut run, text, self.kerning);
        run
    }

    /// Lines of `text` wrapped to `width`, balanced, each centred in the column
    /// starting at `x0`; baselines 0, `leading`, 2·`leading`…
    pub(super) fn centred(
        &self,
        text: &str,
        style: Style,
        x0: f32,
        width: f32,
        leading: f32,
        wrap: Wrap,
    ) -> Vec<TextRun> {
        let lines = self.wrap_plain(text, style, width, width, wrap);
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let w = self.width(line, style);
                let mut r = self.run(x0 + (width - w) / 2.0, line, style);
                r.baseline = i as f32 * leading;
                r
            })
            .collect()
    }

    /// Breaks plain text into ragged lines: the first no wider than
    /// `first_width`, the others than `width`.
    pub(super) fn wrap_plain(
        &self,
        text: &str,
        style: Style,
        first_width: f32,
        width: f32,
        wrap: Wrap,
    ) -> Vec<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() {
            return vec![String::new()];
        }
        if self.width(text, style) <= first_width {
            // Fits: keep the text as given (a blank number keeps its spaces).
            return vec![text.to_string()];
        }
        let space = self.width(" ", style);
        let items: Vec<Word> = words
            .iter()
            .map(|w| Word {
                width: self.width(w, style),
                space,
            })
            .collect();
        let breaks = phrases::classes(&words, &self.p.phrases, wrap == Wrap::BalancedAtPhrases);
        let lines = match wrap {
            Wrap::Fill => phrases::fill(&items, &breaks, first_width, width),
            _ => phrases::balanced(&items, &breaks, first_width, width),
        };
        lines
            .iter()
            .map(|(start, end)| words[*start..*end].join(" "))
            .collect()
    }
}

/// Appends `text` to a run, with kerning shifts between glyph pairs.
pub(super) fn push_text(run: &mut TextRun, text: &str, kerning: bool) {
    let base = run.text.len();
    run.text.push_str(text);
    if !kerning {
        return;
    }
    let m = run.face.metrics();
    for (at, k) in m.kerning(text) {
        run.shifts
            .push((base + at, k * run.size / 1000.0 * run.scale));
    }
}
