//! Setting a paragraph: spans → tokens (words that may change face inside)
//! → the breaks [`super::linebreak`] chooses → justified lines of positioned
//! runs, with kerning shifts and word spacing.

use std::borrow::Cow;

use super::coverage::Part;
use super::linebreak::{self, break_allowed, Breaks, Item as BreakItem, Line, Mode, Params};
use super::phrases::{self, Break, Word};
use super::{messages, Layouter, Style};
use crate::error::Warning;
use crate::font::Face;
use crate::markup::Span;
use crate::page::{Item, TextRun};
use crate::profile::Align;
use crate::t;

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

/// The drawable pieces of a word: almost always the word itself.
enum Pieces<'s> {
    One(&'s str),
    Many(Vec<&'s str>),
}

impl<'s> Pieces<'s> {
    fn as_slice(&self) -> &[&'s str] {
        match self {
            Pieces::One(p) => std::slice::from_ref(p),
            Pieces::Many(v) => v,
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
    /// Sets a paragraph into lines of positioned runs (baseline 0): the
    /// first line from `indent`, the others from `hang` (left-aligned), each
    /// centred on the measure (centred). Justified text breaks for even
    /// spacing; ragged text (headings) at phrase boundaries.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn set_paragraph(
        &mut self,
        spans: &[Span],
        size: f32,
        indent: f32,
        hang: f32,
        mode: Mode,
        align: Align,
        block_no: usize,
    ) -> Vec<Vec<Item>> {
        let (indent, hang) = match align {
            Align::Left => (indent, hang),
            Align::Center => (0.0, 0.0),
        };
        let first_width = self.measure - indent;
        let mut tokens = self.tokens(spans, size);
        // Pieces of an overlong word fit the narrower of the first and later lines.
        let widest = first_width.min(self.measure - hang);
        self.split_overlong(&mut tokens, widest, size, block_no);
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
                letters: letter_gaps(&texts[i]),
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
            width: self.measure - hang,
            stretch: body.space_stretch.get(),
            shrink: body.space_shrink.get(),
            expand: body.glyph_expansion.get(),
            stretch_max: body.space_stretch_max.get(),
            tracking: body.letter_spacing_max_em.get() * size,
        };
        let breaks = match mode {
            Mode::Justify => linebreak::break_lines(&items, &params),
            Mode::Ragged => self.break_at_phrases(&tokens, &texts, &params),
        };
        if breaks.loose {
            let start: String = tokens
                .iter()
                .take(6)
                .map(|t| t.text())
                .collect::<Vec<_>>()
                .join(" ");
            self.warnings
                .push(Warning::new(t!("layout-not-justified", start = start)));
        }
        let n = breaks.lines.len();
        breaks
            .lines
            .iter()
            .enumerate()
            .map(|(li, line)| {
                let target = if li == 0 { first_width } else { params.width };
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
                    Align::Left => self.left + if li == 0 { indent } else { hang },
                    Align::Center => self.left + (self.measure - natural) / 2.0,
                };
                // Justified lines fill the measure; a last line only when it had
                // to shrink to fit; a line no limit lets fill it, never.
                let fill =
                    mode == Mode::Justify && (!last || line.ratio < 0.0) && line.ratio <= 1.0;
                let set = if fill {
                    let spaces: f32 = (line.start..line.end - 1).map(|i| tokens[i].space).sum();
                    let letters: f32 = (line.start..line.end).map(|i| items[i].letters).sum();
                    justify(
                        Fill {
                            glyphs: natural - spaces,
                            spaces,
                            letters,
                        },
                        target - 0.01,
                        &params,
                        &breaks,
                    )
                } else {
                    Set::NATURAL
                };
                self.emit_line(&tokens[line.start..line.end], x0, size, set)
            })
            .collect()
    }

    /// Breaks a heading where its phrases end ([`phrases`]).
    fn break_at_phrases(&self, tokens: &[Token], texts: &[Cow<str>], p: &Params) -> Breaks {
        let words: Vec<&str> = texts.iter().map(|t| t.as_ref()).collect();
        let mut classes = phrases::classes(&words, &self.p.phrases, true);
        for (class, t) in classes.iter_mut().zip(tokens) {
            // The pieces of a word split for width join anywhere.
            if t.space == 0.0 {
                *class = Break::Inside;
            }
        }
        let items: Vec<Word> = tokens
            .iter()
            .map(|t| Word {
                width: t.width,
                space: t.space,
            })
            .collect();
        let lines = phrases::balanced(&items, &classes, p.first_width, p.width)
            .into_iter()
            .map(|(start, end)| Line {
                start,
                end,
                ratio: 0.0,
            })
            .collect();
        Breaks {
            lines,
            expansion: 0.0,
            emergency: false,
            loose: false,
        }
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
                // Characters no face draws leave nothing, not even their word's space.
                let pieces = if super::coverage::settable_all(face, piece) {
                    Pieces::One(piece)
                } else {
                    Pieces::Many(self.drawable(piece, face, Part::Body))
                };
                for piece in pieces.as_slice() {
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
            self.warnings
                .push(messages::word_broken_in_block(&t.text(), block_no));
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

    /// Emits one line of tokens from `x0` with glyphs scaled by `set.scale`,
    /// each space set to `1 + set.factor` times its natural width and
    /// `set.tracking` points between the letters of each word.
    fn emit_line(&self, tokens: &[Token], x0: f32, size: f32, set: Set) -> Vec<Item> {
        let Set {
            scale,
            factor,
            tracking,
        } = set;
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
            let mut first = true;
            for &(text, face) in t.frags.as_slice() {
                let run = run_for(&mut runs, x, face, size, scale);
                let m = face.metrics();
                // Advances, kerning and letter spacing in one pass.
                let mut prev = None;
                for (at, c) in text.char_indices() {
                    let track = if first { 0.0 } else { tracking };
                    first = false;
                    let Some(g) = m.glyph(c) else {
                        prev = None;
                        continue;
                    };
                    let k = match (self.kerning, prev) {
                        (true, Some(p)) => m.kern(p, g.id) * em,
                        _ => 0.0,
                    };
                    if k + track != 0.0 {
                        run.shifts.push((run.text.len() + at, k + track));
                        x += k + track;
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

/// How a justified line is set: glyph scale, the factor by which each
/// space widens (negative: narrows) and letter spacing in points.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Set {
    scale: f32,
    factor: f32,
    tracking: f32,
}

impl Set {
    const NATURAL: Set = Set {
        scale: 1.0,
        factor: 0.0,
        tracking: 0.0,
    };
}

/// What a line has to fill the measure with: natural glyph and space
/// widths, and places between letters.
#[derive(Debug, Clone, Copy)]
struct Fill {
    glyphs: f32,
    spaces: f32,
    letters: f32,
}

/// How to fill `target` with a line. Spaces take all they may first; glyph
/// expansion, when the breaker needed it, covers only the rest; in the
/// emergency the spaces then grow on to `stretch_max`, and letter spacing
/// takes what is left.
fn justify(line: Fill, target: f32, p: &Params, breaks: &Breaks) -> Set {
    let Fill {
        glyphs,
        spaces,
        letters,
    } = line;
    if spaces <= 0.0 {
        return Set::NATURAL;
    }
    let mut rest = target - glyphs - spaces;
    let natural = Set::NATURAL;
    let expansion = breaks.expansion;
    if expansion == 0.0 || (-p.shrink..=p.stretch).contains(&(rest / spaces)) || glyphs <= 0.0 {
        return Set {
            factor: rest / spaces,
            ..natural
        };
    }
    // Takes up to `max` of what is left, in the direction of `rest`.
    fn take(rest: &mut f32, max: f32) -> f32 {
        let t = rest.clamp(-max, max);
        *rest -= t;
        t
    }
    let space_limit = if rest >= 0.0 { p.stretch } else { p.shrink };
    let mut widen = take(&mut rest, spaces * space_limit);
    if !breaks.emergency {
        // Passes 2 and 3: the glyphs take the rest.
        return Set {
            scale: 1.0 + rest / glyphs,
            factor: widen / spaces,
            tracking: 0.0,
        };
    }
    let grow = take(&mut rest, glyphs * expansion);
    let mut tracking = 0.0;
    if rest > 0.0 {
        widen += take(&mut rest, spaces * (p.stretch_max - p.stretch).max(0.0));
        if letters > 0.0 {
            tracking = take(&mut rest, letters * p.tracking) / letters;
        }
    }
    // Anything left (rounding) goes to the spaces.
    widen += rest;
    Set {
        scale: 1.0 + grow / glyphs,
        factor: widen / spaces,
        tracking,
    }
}

/// Places between the letters of a word where letter spacing may go.
fn letter_gaps(word: &str) -> f32 {
    word.chars().count().saturating_sub(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::FormatProfile;

    fn breaks(expansion: f32, emergency: bool) -> Breaks {
        Breaks {
            lines: Vec::new(),
            expansion,
            emergency,
            loose: false,
        }
    }

    fn line(glyphs: f32, spaces: f32) -> Fill {
        Fill {
            glyphs,
            spaces,
            letters: 60.0,
        }
    }

    #[test]
    fn justification_uses_spaces_before_glyph_expansion() {
        let p = Params {
            first_width: 0.0,
            width: 0.0,
            stretch: 0.335,
            shrink: 0.33,
            expand: 0.03,
            stretch_max: 0.5,
            tracking: 0.42,
        };
        let b = breaks(0.03, false);
        // Within the space limits: no scaling.
        let s = justify(line(400.0, 50.0), 460.0, &p, &b);
        assert_eq!((s.scale, s.factor, s.tracking), (1.0, 0.2, 0.0));
        // Beyond them: spaces at their limit, glyphs cover the rest exactly.
        let s = justify(line(400.0, 50.0), 475.0, &p, &b);
        assert!((s.factor - 0.335).abs() < 1e-6);
        assert!((400.0 * s.scale + 50.0 * (1.0 + s.factor) - 475.0).abs() < 1e-3);
        let s = justify(line(400.0, 50.0), 425.0, &p, &b);
        assert!((s.factor + 0.33).abs() < 1e-6);
        assert!(s.scale < 1.0 && (400.0 * s.scale + 50.0 * (1.0 + s.factor) - 425.0).abs() < 1e-3);
        // The emergency: spaces to 1.5×, then letter spacing, never spaces beyond.
        let b = breaks(0.03, true);
        let s = justify(line(400.0, 50.0), 500.0, &p, &b);
        assert!((s.scale - 1.03).abs() < 1e-6);
        assert!((s.factor - 0.5).abs() < 1e-6);
        assert!(s.tracking > 0.0 && s.tracking <= 0.42);
        let total = 400.0 * s.scale + 50.0 * (1.0 + s.factor) + 60.0 * s.tracking;
        assert!((total - 500.0).abs() < 1e-3);
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
        let lines = l.set_paragraph(&spans, 14.0, 28.35, 0.0, Mode::Justify, Align::Left, 0);
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

    #[test]
    fn pieces_of_a_long_word_fit_later_lines_narrower_than_the_first() {
        // Found by tests/properties_page.rs: a heading whose later lines are
        // indented more than its first had pieces sized for the first line.
        let p = FormatProfile::party_2018();
        let mut l = Layouter::new(&p);
        let spans = vec![Span {
            text: "A".repeat(300),
            bold: true,
            italic: false,
        }];
        let right = l.left + l.measure;
        let lines = l.set_paragraph(&spans, 14.0, 0.0, 60.0, Mode::Ragged, Align::Left, 0);
        assert!(lines.len() >= 3);
        for item in lines.iter().flatten() {
            if let Item::Text(r) = item {
                assert!(
                    r.x + r.width() <= right + 0.01,
                    "{} passes {right}",
                    r.x + r.width()
                );
            }
        }
    }
}
