//! Measuring text and setting short lines: widths with the profile's
//! kerning, single runs, and plain text wrapped into centred or filled lines
//! (header rows, the trích yếu, recipients). Characters no face can
//! draw are left out first ([`super::coverage`]); a word wider than its
//! line is broken between letters, so no line passes its column.

use super::coverage::Part;
use super::phrases::{self, Break, Word};
use super::{messages, Layouter, Style};
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

    /// A run of `text` at `x` with kerning shifts, baseline 0 (without
    /// characters the face cannot draw: the text is the profile's, or was
    /// wrapped already).
    pub(super) fn run(&self, x: f32, text: &str, style: Style) -> TextRun {
        let text = self.printable(text, style.face, Part::Profile);
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
        push_text(&mut run, &text, self.kerning);
        run
    }

    /// Lines of `text` wrapped to `width`, balanced, each centred in the column
    /// starting at `x0`; baselines 0, `leading`, 2·`leading`…
    #[allow(clippy::too_many_arguments)]
    pub(super) fn centred(
        &mut self,
        text: &str,
        style: Style,
        x0: f32,
        width: f32,
        leading: f32,
        wrap: Wrap,
        part: Part,
    ) -> Vec<TextRun> {
        let lines = self.wrap_plain(text, style, width, width, wrap, part);
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
    /// `first_width`, the others than `width`. A word wider than a line is
    /// broken into pieces that fit, joined without a space.
    pub(super) fn wrap_plain(
        &mut self,
        text: &str,
        style: Style,
        first_width: f32,
        width: f32,
        wrap: Wrap,
        part: Part,
    ) -> Vec<String> {
        let text = self.printable(text, style.face, part);
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() {
            return vec![String::new()];
        }
        if self.width(&text, style) <= first_width {
            // Fits: keep the text as given (a blank number keeps its spaces).
            return vec![text.into_owned()];
        }
        // Pieces of words, each marked when the next continues its word.
        let max = first_width.min(width);
        let mut pieces: Vec<(&str, bool)> = Vec::with_capacity(words.len());
        for w in &words {
            if self.width(w, style) <= max {
                pieces.push((w, false));
                continue;
            }
            self.warnings.push(messages::word_broken(w, part));
            let at = pieces.len();
            pieces.extend(
                self.split_word(w, style, max)
                    .into_iter()
                    .map(|p| (p, true)),
            );
            if pieces.len() > at {
                if let Some(last) = pieces.last_mut() {
                    last.1 = false;
                }
            }
        }
        let space = self.width(" ", style);
        let items: Vec<Word> = pieces
            .iter()
            .map(|(w, glued)| Word {
                width: self.width(w, style),
                space: if *glued { 0.0 } else { space },
            })
            .collect();
        let texts: Vec<&str> = pieces.iter().map(|(w, _)| *w).collect();
        let mut breaks = phrases::classes(&texts, &self.p.phrases, wrap == Wrap::BalancedAtPhrases);
        for (class, (_, glued)) in breaks.iter_mut().zip(&pieces) {
            if *glued {
                *class = Break::Inside;
            }
        }
        let lines = match wrap {
            Wrap::Fill => phrases::fill(&items, &breaks, first_width, width),
            _ => phrases::balanced(&items, &breaks, first_width, width),
        };
        lines
            .iter()
            .map(|(start, end)| {
                let mut line = String::new();
                for (i, (piece, glued)) in pieces[*start..*end].iter().enumerate() {
                    line.push_str(piece);
                    if start + i + 1 < *end && !glued {
                        line.push(' ');
                    }
                }
                line
            })
            .collect()
    }

    /// A word cut between characters into pieces no wider than `max` (a
    /// piece holds at least one character).
    fn split_word<'w>(&self, word: &'w str, style: Style, max: f32) -> Vec<&'w str> {
        let m = style.face.metrics();
        let limit = max * 1000.0 / style.size;
        let mut out = Vec::new();
        let (mut start, mut width, mut prev) = (0, 0.0, None);
        for (at, c) in word.char_indices() {
            let Some(g) = m.glyph(c) else { continue };
            let kern = match prev {
                Some(p) if self.kerning => m.kern(p, g.id),
                _ => 0.0,
            };
            if at > start && width + kern + f32::from(g.advance) > limit {
                out.push(&word[start..at]);
                (start, width) = (at, 0.0);
            } else {
                width += kern;
            }
            width += f32::from(g.advance);
            prev = Some(g.id);
        }
        out.push(&word[start..]);
        out
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
