//! Setting a paragraph: spans → tokens (words that may change face inside)
//! → the breaks [`super::linebreak`] chooses → justified lines of positioned
//! runs, with kerning shifts and word spacing.

use std::borrow::Cow;

use super::linebreak::{self, break_allowed, Item as BreakItem, Mode, Params};
use super::{Layouter, Style};
use crate::error::Warning;
use crate::font::Face;
use crate::markup::Span;
use crate::page::{Item, TextRun};
use crate::profile::Align;

/// A word of a paragraph: fragments that may differ in face, no spaces inside.
#[derive(Debug, Clone)]
struct Token<'s> {
    /// Slices of the paragraph's span texts.
    frags: Frags<'s>,
    width: f32,
    /// Face and natural width of the space after the token; width 0 when
    /// the token continues without a space (a split overlong word).
    space_face: Face,
    space: f32,
}

/// The fragments of a token; almost always one, so that one is kept inline.
#[derive(Debug, Clone)]
enum Frags<'s> {
    One((&'s str, Face)),
    Many(Vec<(&'s str, Face)>),
}

impl<'s> Frags<'s> {
    fn new() -> Frags<'s> {
        Frags::Many(Vec::new())
    }

    fn push(&mut self, frag: (&'s str, Face)) {
        match self {
            Frags::Many(v) if v.is_empty() => *self = Frags::One(frag),
            Frags::Many(v) => v.push(frag),
            Frags::One(first) => *self = Frags::Many(vec![*first, frag]),
        }
    }

    fn as_slice(&self) -> &[(&'s str, Face)] {
        match self {
            Frags::One(frag) => std::slice::from_ref(frag),
            Frags::Many(v) => v,
        }
    }
}

impl Token<'_> {
    fn text(&self) -> Cow<'_, str> {
        match self.frags.as_slice() {
            [(t, _)] => Cow::Borrowed(t),
            frags => Cow::Owned(frags.iter().map(|(t, _)| *t).collect()),
        }
    }
}

impl Layouter<'_> {
    /// Sets a paragraph into lines of positioned runs (baseline 0).
    pub(super) fn set_paragraph(
        &mut self,
        spans: &[Span],
        size: f32,
        indent: f32,
        mode: Mode,
        align: Align,
        block_no: usize,
    ) -> Vec<Vec<Item>> {
        let first_width = self.measure - indent;
        let mut tokens = self.tokens(spans, size);
        self.split_overlong(&mut tokens, first_width.min(self.measure), size, block_no);
        if tokens.is_empty() {
            return Vec::new();
        }
        let texts: Vec<Cow<str>> = tokens.iter().map(Token::text).collect();
        let items: Vec<BreakItem> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| BreakItem {
                width: t.width,
                space: t.space,
                breakable: i + 1 == tokens.len()
                    || t.space == 0.0
                    || break_allowed(
                        &texts[i],
                        &texts[i + 1],
                        texts.get(i + 2).map(|t| t.as_ref()),
                    ),
                penalty: 0.0,
            })
            .collect();
        let body = &self.p.body;
        let params = Params {
            first_width,
            width: self.measure,
            stretch: body.space_stretch.get(),
            shrink: body.space_shrink.get(),
            expand: body.glyph_expansion.get(),
            mode,
        };
        let breaks = linebreak::break_lines(&items, &params);
        if breaks.loose {
            let start: String = tokens
                .iter()
                .take(6)
                .map(|t| t.text())
                .collect::<Vec<_>>()
                .join(" ");
            self.warnings.push(Warning::new(format!(
                "a line in the paragraph starting “{start}…” could not be justified within the spacing limits and is looser"
            )));
        }
        let n = breaks.lines.len();
        breaks
            .lines
            .iter()
            .enumerate()
            .map(|(li, line)| {
                let target = if li == 0 { first_width } else { self.measure };
                let last = li + 1 == n;
                let natural: f32 = (line.start..line.end)
                    .map(|i| {
                        tokens[i].width
                            + if i + 1 < line.end {
                                tokens[i].space
                            } else {
                                0.0
                            }
                    })
                    .sum();
                let x0 = match align {
                    Align::Left => self.left + if li == 0 { indent } else { 0.0 },
                    Align::Center => self.left + (self.measure - natural) / 2.0,
                };
                // Justified lines fill the measure; a last line only when it had
                // to shrink to fit.
                let fill = mode == Mode::Justify && (!last || line.ratio < 0.0);
                let (scale, factor) = if fill {
                    let spaces: f32 = (line.start..line.end - 1).map(|i| tokens[i].space).sum();
                    justify(
                        natural - spaces,
                        spaces,
                        target - 0.01,
                        &params,
                        breaks.expansion,
                    )
                } else {
                    (1.0, 0.0)
                };
                self.emit_line(&tokens[line.start..line.end], x0, size, scale, factor)
            })
            .collect()
    }

    /// Turns spans into tokens split at spaces.
    fn tokens<'s>(&self, spans: &'s [Span], size: f32) -> Vec<Token<'s>> {
        let mut tokens: Vec<Token> = Vec::new();
        let mut current: Option<Token> = None;
        for span in spans {
            let face = Face::new(span.bold, span.italic);
            for (i, piece) in span.text.split(' ').enumerate() {
                if i > 0 {
                    // A space: close the current token.
                    if let Some(mut t) = current.take() {
                        t.space_face = face;
                        t.space = self.width(" ", Style { face, size });
                        tokens.push(t);
                    }
                }
                if piece.is_empty() {
                    continue;
                }
                let w = self.width(piece, Style { face, size });
                let t = current.get_or_insert_with(|| Token {
                    frags: Frags::new(),
                    width: 0.0,
                    space_face: face,
                    space: 0.0,
                });
                t.frags.push((piece, face));
                t.width += w;
            }
        }
        if let Some(t) = current {
            tokens.push(t);
        }
        if let Some(last) = tokens.last_mut() {
            last.space = 0.0;
        }
        tokens
    }

    /// Splits tokens wider than `max` into pieces that fit (with a warning),
    /// so no line ever passes the margin.
    fn split_overlong(&mut self, tokens: &mut Vec<Token>, max: f32, size: f32, block_no: usize) {
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].width <= max {
                i += 1;
                continue;
            }
            let t = tokens.remove(i);
            self.warnings.push(Warning::new(format!(
                "“{}” (block {}) is wider than a line and was broken across lines",
                t.text(),
                block_no + 1
            )));
            let mut pieces: Vec<Token> = Vec::new();
            let empty = || Token {
                frags: Frags::new(),
                width: 0.0,
                space_face: t.space_face,
                space: 0.0,
            };
            let mut cur = empty();
            for &(text, face) in t.frags.as_slice() {
                // `text[start..]` is the part of this fragment not yet placed.
                let mut start = 0;
                for (at, c) in text.char_indices() {
                    let w = self.width(&text[at..at + c.len_utf8()], Style { face, size });
                    if cur.width + w > max && (!cur.frags.as_slice().is_empty() || at > start) {
                        if at > start {
                            cur.frags.push((&text[start..at], face));
                        }
                        start = at;
                        pieces.push(std::mem::replace(&mut cur, empty()));
                    }
                    cur.width += w;
                }
                if start < text.len() {
                    cur.frags.push((&text[start..], face));
                }
            }
            cur.space = t.space;
            pieces.push(cur);
            let n = pieces.len();
            tokens.splice(i..i, pieces);
            i += n;
        }
    }

    /// Emits one line of tokens from `x0` with glyphs scaled by `scale` and
    /// each space set to `1 + factor` times its natural width.
    fn emit_line(
        &self,
        tokens: &[Token],
        x0: f32,
        size: f32,
        scale: f32,
        factor: f32,
    ) -> Vec<Item> {
        let mut runs: Vec<TextRun> = Vec::new();
        let mut x = x0;
        let em = size / 1000.0 * scale;
        // The run that text of `face` starting at `x` goes into.
        fn run_for(
            runs: &mut Vec<TextRun>,
            x: f32,
            face: Face,
            size: f32,
            scale: f32,
        ) -> &mut TextRun {
            if runs.last().is_none_or(|r| r.face != face) {
                runs.push(TextRun {
                    x,
                    baseline: 0.0,
                    face,
                    size,
                    scale,
                    text: String::new(),
                    shifts: Vec::new(),
                    word_space: 0.0,
                });
            }
            runs.last_mut().expect("just pushed")
        }
        for (i, t) in tokens.iter().enumerate() {
            for &(text, face) in t.frags.as_slice() {
                let run = run_for(&mut runs, x, face, size, scale);
                let m = face.metrics();
                // Advances and kerning in one pass.
                let mut prev = None;
                for (at, c) in text.char_indices() {
                    let Some(g) = m.glyph(c) else {
                        prev = None;
                        continue;
                    };
                    if let (true, Some(p)) = (self.kerning, prev) {
                        let k = m.kern(p, g.id);
                        if k != 0.0 {
                            run.shifts.push((run.text.len() + at, k * em));
                            x += k * em;
                        }
                    }
                    x += f32::from(g.advance) * em;
                    prev = Some(g.id);
                }
                run.text.push_str(text);
            }
            if i + 1 < tokens.len() && t.space > 0.0 {
                let run = run_for(&mut runs, x, t.space_face, size, scale);
                run.text.push(' ');
                // The space glyph scales with the line; word spacing tops it
                // up. Every space of a run is in one face and size, so the
                // same amount serves them all.
                run.word_space = t.space * (1.0 + factor) - t.space * scale;
                x += t.space * (1.0 + factor);
            }
        }
        runs.into_iter().map(Item::Text).collect()
    }
}

/// How to fill `target` with a line of `glyphs` and `spaces` (natural widths):
/// the glyph scale and the factor by which each space widens (negative:
/// narrows). Spaces take all they may first; glyph expansion, when the line
/// breaker needed it, covers only the rest.
fn justify(glyphs: f32, spaces: f32, target: f32, p: &Params, expansion: f32) -> (f32, f32) {
    if spaces <= 0.0 {
        return (1.0, 0.0);
    }
    let needed = target - glyphs - spaces;
    let factor = needed / spaces;
    if expansion == 0.0 || (-p.shrink..=p.stretch).contains(&factor) || glyphs <= 0.0 {
        return (1.0, factor);
    }
    let limit = factor.clamp(-p.shrink, p.stretch);
    let scale = (target - spaces * (1.0 + limit)) / glyphs;
    (scale, limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::FormatProfile;

    #[test]
    fn justification_uses_spaces_before_glyph_expansion() {
        let p = Params {
            first_width: 0.0,
            width: 0.0,
            stretch: 0.335,
            shrink: 0.33,
            expand: 0.03,
            mode: Mode::Justify,
        };
        // Within the space limits: no scaling.
        assert_eq!(justify(400.0, 50.0, 460.0, &p, 0.03), (1.0, 0.2));
        // Beyond them: spaces at their limit, glyphs cover the rest exactly.
        let (scale, factor) = justify(400.0, 50.0, 475.0, &p, 0.03);
        assert_eq!(factor, 0.335);
        assert!((400.0 * scale + 50.0 * (1.0 + factor) - 475.0).abs() < 1e-3);
        let (scale, factor) = justify(400.0, 50.0, 425.0, &p, 0.03);
        assert_eq!(factor, -0.33);
        assert!(scale < 1.0 && (400.0 * scale + 50.0 * (1.0 + factor) - 425.0).abs() < 1e-3);
    }

    #[test]
    fn a_token_longer_than_the_line_is_split_within_the_measure_with_a_warning() {
        let p = FormatProfile::party_2018();
        let mut l = Layouter::new(&p);
        let url = "https://thanhuy.hanoi.gov.vn/".to_string()
            + &"tin-tuc-hoat-dong-cua-dang-bo-phuong-".repeat(6);
        let text = format!("Xem chi tiết tại {url} để biết thêm.");
        let spans = vec![Span {
            text: text.clone(),
            bold: false,
            italic: false,
        }];
        let lines = l.set_paragraph(&spans, 14.0, 28.35, Mode::Justify, Align::Left, 0);
        assert!(lines.len() >= 3);
        let mut printed = String::new();
        for line in &lines {
            for item in line {
                if let Item::Text(r) = item {
                    assert!(
                        r.x + r.width() <= l.left + l.measure + 0.01,
                        "a run passes the margin"
                    );
                    printed.push_str(r.text());
                }
            }
        }
        // Every character, in order; the pieces of the token carry no spaces.
        assert_eq!(printed.replace(' ', ""), text.replace(' ', ""));
        assert!(l
            .warnings
            .iter()
            .any(|w| w.message.contains("wider than a line")));
    }
}
