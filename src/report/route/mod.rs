//! Routing: the article's blocks → the sections of a report kind, each
//! block with why it went there.
//!
//! Blocks move as units, never alone: a heading of the article with what
//! it heads, a lead-in (`… như sau:`) with its list or the paragraphs it
//! introduces, consecutive items, an unmarked list of paragraphs opening
//! with verbs after `… nổi bật là:`. Each unit is first given a class of
//! meaning — opening, results, shortcomings, lessons, direction, proposals
//! — by a dynamic programme over the whole article (Viterbi): cue scores per
//! unit, small costs for staying or moving forward in the report's outline,
//! a large one for moving back, so one strong cue (a heading `Phương hướng
//! …`) carries what follows it while a stray word cannot pull a paragraph
//! back. Shortcomings need an explicit marker in the unit itself; text
//! about the future (what is asked, planned, targeted) goes to direction;
//! a congress's proceedings are results. Within its class a unit takes a
//! topic section by its heading, label or opening words, then by keywords,
//! and stays with the topic of the unit before it unless one of those says
//! otherwise; what matches nothing stays in article order in `general`.

use super::lexicon::Lexicon;
use super::{Kind, GENERAL, OPENING};
use crate::article::{Block, BlockKind};
use crate::vn::Lower;

mod meaning;

use meaning::{cues, heading_class, CONTINUES};

/// The classes of meaning, in the order a report tells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Class {
    Opening,
    Results,
    Shortcomings,
    Lessons,
    Direction,
    Proposals,
}

const CLASSES: [Class; 6] = [
    Class::Opening,
    Class::Results,
    Class::Shortcomings,
    Class::Lessons,
    Class::Direction,
    Class::Proposals,
];

/// A block's place: its section and why.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Placed {
    pub section: &'static str,
    pub why: String,
}

/// A unit of routing: blocks that move together, with the heading (if any)
/// that heads them and the headings above it.
#[derive(Debug, Clone)]
struct Unit {
    /// Indices into the blocks, in order; headings excluded.
    blocks: Vec<usize>,
    /// The headings over the unit, outermost first, lower-cased.
    headings: Vec<(usize, String)>,
    /// Why the blocks are together.
    together: String,
    /// It opens as the continuation of the unit before (`Đồng thời, …`,
    /// `Đồng chí cũng lưu ý …`): leaving that unit's class costs more.
    glued: bool,
}

impl Unit {
    /// The unit's lower-cased blocks, one space between them.
    fn text(&self, lower: &[String]) -> String {
        let parts: Vec<&str> = self.blocks.iter().map(|&b| lower[b].as_str()).collect();
        parts.join(" ")
    }
}

/// Words that open a paragraph of an unmarked list (an action, not a subject).
const LIST_VERBS: [&str; 24] = [
    "thực hiện",
    "quán triệt",
    "đổi mới",
    "tham mưu",
    "xây dựng",
    "tăng cường",
    "nâng cao",
    "phát huy",
    "chỉ đạo",
    "tập trung",
    "đẩy mạnh",
    "triển khai",
    "tổ chức",
    "củng cố",
    "làm tốt",
    "kiện toàn",
    "duy trì",
    "phối hợp",
    "lãnh đạo",
    "chú trọng",
    "quan tâm",
    "đảm bảo",
    "bảo đảm",
    "tiếp tục",
];

/// Whether a paragraph ends by introducing what follows (`… như sau:`,
/// `… nổi bật là: Tham mưu …` where the list starts in the same paragraph).
fn introduces(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with(':') {
        return true;
    }
    let lower = t.lower();
    [
        "nổi bật là:",
        "như sau:",
        "cụ thể là:",
        "cụ thể:",
        "gồm:",
        "bao gồm:",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

fn opens_with_verb(lower: &str) -> bool {
    LIST_VERBS.iter().any(|v| lower.starts_with(v))
}

/// Groups the blocks into units.
fn units(blocks: &[Block], lower: &[String]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut headings: Vec<(u8, usize, String)> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        if b.kind == BlockKind::Heading {
            let level = b.level.max(1);
            headings.retain(|(l, _, _)| *l < level);
            headings.push((level, b.line, lower[i].clone()));
            i += 1;
            continue;
        }
        let over: Vec<(usize, String)> = headings.iter().map(|(_, l, t)| (*l, t.clone())).collect();
        let mut unit = Unit {
            blocks: vec![i],
            headings: over,
            together: String::new(),
            glued: CONTINUES.iter().any(|c| lower[i].starts_with(c)),
        };
        let is_item = |k: &BlockKind| matches!(k, BlockKind::Item { .. });
        let short_leadin = b.text.ends_with(':') && b.text.split_whitespace().count() <= 25;
        let mut j = i + 1;
        if is_item(&b.kind) {
            // Consecutive items: one list.
            while j < blocks.len() && is_item(&blocks[j].kind) {
                unit.blocks.push(j);
                j += 1;
            }
            if j > i + 1 {
                unit.together = format!("the list of lines {}–{}", b.line, blocks[j - 1].line);
            }
        } else if introduces(&b.text) {
            // A lead-in and what it introduces: its items, or (a short
            // lead-in) the paragraphs up to the next heading or lead-in, or
            // paragraphs opening with verbs, an unmarked list.
            while j < blocks.len() && blocks[j].kind != BlockKind::Heading {
                let next = &blocks[j];
                let takes = is_item(&next.kind)
                    || (short_leadin && !introduces(&next.text))
                    || opens_with_verb(&lower[j]);
                if !takes {
                    break;
                }
                unit.blocks.push(j);
                j += 1;
                if introduces(&next.text) && !is_item(&next.kind) {
                    break;
                }
            }
            if j > i + 1 {
                unit.together = format!("introduced by line {}", b.line);
            }
        }
        // Under a heading, the heading's paragraphs stay together.
        if !unit.headings.is_empty() {
            while j < blocks.len() && blocks[j].kind != BlockKind::Heading {
                unit.blocks.push(j);
                j += 1;
            }
            let (line, _) = unit.headings.last().expect("checked");
            unit.together = format!("under the article's heading on line {line}");
        }
        out.push(unit);
        i = j;
    }
    out
}

/// What a unit says of each class: a cost per class (lower is likelier) and why.
/// Whether a lower-cased paragraph opens on `year`: `năm 2023, …`, `trong
/// năm 2023 …`, `bước sang năm 2023`.
fn opens_on_year(lower: &str, year: i32) -> bool {
    let year = format!("năm {year}");
    ["", "trong ", "bước sang ", "sang "].iter().any(|lead| {
        lower
            .strip_prefix(lead)
            .is_some_and(|r| r.starts_with(&year))
    })
}

fn emission(
    unit: &Unit,
    lower: &[String],
    kind: Kind,
    next_year: Option<i32>,
) -> [(f32, String); 6] {
    let text = unit.text(lower);
    // The unit's own opening words count most: a lead-in or its first paragraph.
    let first = &lower[unit.blocks[0]];
    let mut c = cues(&text);
    // A unit that opens on the year after the one reported tells what is
    // to come: `Năm 2023, Đảng ủy … tiếp tục …` in a review of 2022.
    if next_year.is_some_and(|y| opens_on_year(first, y)) {
        c.future.extend(["(the next year)"; 3]);
    }
    // A lead-in's words weigh for the list it introduces.
    let head_c = if unit.blocks.len() > 1 {
        cues(first)
    } else {
        cues("")
    };
    let mut cost = [
        (f32::INFINITY, String::new()),
        (0.0, String::new()),
        (12.0, String::new()),
        (12.0, String::new()),
        (4.0, String::new()),
        (12.0, String::new()),
    ];
    // Direction: what is asked, planned, targeted.
    let future = c.future.len() as f32 + 2.0 * head_c.future.len() as f32;
    let past = c.past as f32;
    if !c.future.is_empty() {
        cost[4].0 -= (1.5 * future).min(9.0) - 0.5 * past.min(4.0);
        cost[4].1 = format!(
            "future cues “{}”",
            c.future
                .iter()
                .take(3)
                .copied()
                .collect::<Vec<_>>()
                .join("”, “")
        );
        cost[1].0 += (0.8 * future - 0.6 * past).max(0.0);
    }
    if !c.shortcoming.is_empty() {
        // Explicit markers in the unit itself; strongest at its start.
        let strength = c.shortcoming.len() as f32 + 2.0 * head_c.shortcoming.len() as f32;
        cost[2].0 = 4.0 - 3.0 * strength.min(4.0);
        cost[2].1 = format!(
            "shortcoming cues “{}”",
            c.shortcoming
                .iter()
                .take(3)
                .copied()
                .collect::<Vec<_>>()
                .join("”, “")
        );
        cost[1].0 += strength.min(3.0);
    }
    if !c.cause.is_empty() && !c.shortcoming.is_empty() && cost[2].0 < 4.0
        || !head_c.cause.is_empty()
    {
        cost[2].0 = cost[2].0.min(0.0);
        cost[2].1 = "cause cue “nguyên nhân”".into();
    }
    if !c.lesson.is_empty() {
        cost[3].0 = if head_c.lesson.is_empty() { 4.0 } else { -4.0 };
        cost[3].1 = "lesson cue “bài học”".into();
    }
    if !head_c.proposal.is_empty() {
        cost[5].0 = -4.0;
        cost[5].1 = format!("proposal cue “{}”", head_c.proposal[0]);
    }
    // A congress's proceedings are its results.
    if kind == Kind::Congress && !c.proceedings.is_empty() {
        cost[1].0 -= 2.0;
        cost[2].0 += 4.0;
        cost[1].1 = format!("proceedings “{}”", c.proceedings[0]);
    }
    // The nearest heading that names a class decides.
    if let Some((line, h)) = unit
        .headings
        .iter()
        .rev()
        .find(|(_, h)| heading_class(h).is_some())
    {
        let class = heading_class(h).expect("checked");
        for (k, slot) in cost.iter_mut().enumerate() {
            if CLASSES[k] == class {
                slot.0 -= 20.0;
                slot.1 = format!("the article's heading on line {line}");
            }
        }
    }
    cost
}

/// Transition cost between consecutive units' classes.
fn transition(from: Class, to: Class) -> f32 {
    match to.cmp(&from) {
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 0.5,
        std::cmp::Ordering::Less if from == Class::Opening => 0.0,
        std::cmp::Ordering::Less => 4.0,
    }
}

/// Routes the blocks of an article; `lower` holds them lower-cased. One
/// entry per block: headings get `None`.
pub(super) fn route(
    blocks: &[Block],
    lower: &[String],
    kind: Kind,
    lexicon: &Lexicon,
    year: Option<i32>,
) -> Vec<Option<Placed>> {
    let units = units(blocks, lower);
    let mut out: Vec<Option<Placed>> = vec![None; blocks.len()];
    if units.is_empty() {
        return out;
    }
    // The opening: the first unit when it is a plain paragraph before any
    // heading that names no topic, and one more short lead-up.
    let opening_units = opening(&units, blocks, lower, kind, lexicon);
    // Viterbi over the units' classes.
    let mut emissions: Vec<[(f32, String); 6]> = units
        .iter()
        .map(|u| emission(u, lower, kind, year.map(|y| y + 1)))
        .collect();
    // A continuation shares the cues of what it continues.
    for u in 1..units.len() {
        if units[u].glued {
            let (before, here) = emissions.split_at_mut(u);
            for (e, prev) in here[0].iter_mut().zip(&before[u - 1]) {
                let inherited = prev.0 + 1.0;
                if inherited < e.0 {
                    *e = (
                        inherited,
                        format!("continues line {}", blocks[units[u - 1].blocks[0]].line),
                    );
                }
            }
        }
    }
    let n = units.len();
    let mut best = vec![[f32::INFINITY; 6]; n];
    let mut back = vec![[0usize; 6]; n];
    for (k, c) in CLASSES.iter().enumerate() {
        let e = if *c == Class::Opening {
            if opening_units > 0 {
                -100.0
            } else {
                f32::INFINITY
            }
        } else {
            emissions[0][k].0
        };
        best[0][k] = e;
    }
    for u in 1..n {
        for (k, c) in CLASSES.iter().enumerate() {
            let e = if *c == Class::Opening {
                if u < opening_units {
                    -100.0
                } else {
                    f32::INFINITY
                }
            } else {
                emissions[u][k].0
            };
            let glue = if units[u].glued { 3.0 } else { 0.0 };
            let (from, cost) = CLASSES
                .iter()
                .enumerate()
                .map(|(j, p)| {
                    (
                        j,
                        best[u - 1][j] + transition(*p, *c) + if p == c { 0.0 } else { glue },
                    )
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .expect("six classes");
            best[u][k] = cost + e;
            back[u][k] = from;
        }
    }
    let mut classes = vec![Class::Results; n];
    let mut k = (0..6)
        .min_by(|a, b| best[n - 1][*a].total_cmp(&best[n - 1][*b]))
        .expect("six classes");
    for u in (0..n).rev() {
        classes[u] = CLASSES[k];
        k = back[u][k];
    }

    // Topics within the class.
    let mut current: Option<&'static str> = None;
    let mut previous_class = None;
    for (u, unit) in units.iter().enumerate() {
        let class = classes[u];
        if previous_class != Some(class) {
            current = None;
        }
        previous_class = Some(class);
        let k = CLASSES.iter().position(|c| *c == class).expect("a class");
        let class_why = &emissions[u][k].1;
        let (section, why) = match class {
            Class::Opening => (
                OPENING,
                "opening: the article's first paragraph".to_string(),
            ),
            Class::Shortcomings => {
                let text: String = unit.blocks.iter().map(|&b| lower[b].as_str()).collect();
                let causes = !cues(&lower[unit.blocks[0]]).cause.is_empty()
                    && cues(&text).shortcoming.len() <= 1;
                (
                    if causes { "causes" } else { "shortcomings" },
                    class_why.clone(),
                )
            }
            Class::Lessons => ("lessons", class_why.clone()),
            Class::Direction => ("direction", class_why.clone()),
            Class::Proposals => ("proposals", class_why.clone()),
            Class::Results => {
                let headed = unit
                    .headings
                    .iter()
                    .any(|(_, h)| results_topic(lexicon, kind, h).is_some());
                if !unit.headings.is_empty() && !headed {
                    // A heading that names no topic (`Những kết quả nổi
                    // bật`): what it heads stays whole, in the general part.
                    let (line, _) = unit.headings.last().expect("checked");
                    current = None;
                    let why = format!(
                        "the article's heading on line {line} names no topic: the general part"
                    );
                    let why = if class_why.is_empty() {
                        why
                    } else {
                        format!("{why}; {class_why}")
                    };
                    (GENERAL, why)
                } else {
                    let (section, why) = topic(unit, blocks, lower, kind, lexicon, current);
                    current = (section != GENERAL).then_some(section);
                    let why = if class_why.is_empty() {
                        why
                    } else {
                        format!("{why}; {class_why}")
                    };
                    (section, why)
                }
            }
        };
        for (n, &b) in unit.blocks.iter().enumerate() {
            let why = if n == 0 || unit.together.is_empty() {
                why.clone()
            } else {
                format!(
                    "with line {}: {}",
                    blocks[unit.blocks[0]].line, unit.together
                )
            };
            out[b] = Some(Placed { section, why });
        }
    }
    out
}

/// How many leading units are the opening.
fn opening(
    units: &[Unit],
    blocks: &[Block],
    lower: &[String],
    kind: Kind,
    lexicon: &Lexicon,
) -> usize {
    let mut n = 0;
    for (u, unit) in units.iter().enumerate().take(2) {
        let b = &blocks[unit.blocks[0]];
        let plain = unit.headings.is_empty()
            && unit.blocks.len() == 1
            && b.kind == BlockKind::Paragraph
            && super::split_label(&b.text).0.is_none()
            && lexicon
                .topic(kind, head(&lower[unit.blocks[0]], lexicon.opening_chars))
                .is_none();
        let leads_in = u == 0
            || (b.text.ends_with(':')
                || lexicon
                    .best(&lexicon.hits(kind, &lower[unit.blocks[0]]))
                    .is_none());
        if plain && leads_in {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// The first `chars` characters of a lower-cased text.
fn head(lower: &str, chars: usize) -> &str {
    let end = lower
        .char_indices()
        .nth(chars)
        .map_or(lower.len(), |(at, _)| at);
    &lower[..end]
}

/// Sections of the other classes: a results unit never takes them as its topic.
const NOT_RESULTS: [&str; 5] = [
    "shortcomings",
    "causes",
    "lessons",
    "direction",
    "proposals",
];

fn results_topic<'a>(lexicon: &'a Lexicon, kind: Kind, lower: &str) -> Option<&'a str> {
    lexicon.topic_where(kind, lower, |id| !NOT_RESULTS.contains(&id))
}

/// The results section of a unit: its heading's topic, its label's, its
/// opening words', else the topic before it, else its keywords', else general.
fn topic(
    unit: &Unit,
    blocks: &[Block],
    lower: &[String],
    kind: Kind,
    lexicon: &Lexicon,
    current: Option<&'static str>,
) -> (&'static str, String) {
    let first = unit.blocks[0];
    let staticid = |id: &str| -> &'static str { lexicon.static_id(kind, id) };
    for (line, h) in unit.headings.iter().rev() {
        if let Some(id) = results_topic(lexicon, kind, h) {
            return (
                staticid(id),
                format!("the topic of the article's heading on line {line}"),
            );
        }
    }
    let (label, _) = super::split_label(&blocks[first].text);
    if let Some(l) = &label {
        if let Some(id) = results_topic(lexicon, kind, &l.lower()) {
            return (staticid(id), format!("its label “{l}”"));
        }
    }
    if let Some(id) = results_topic(lexicon, kind, head(&lower[first], lexicon.opening_chars)) {
        return (staticid(id), "its opening words name the topic".into());
    }
    if let Some(c) = current {
        return (c, format!("continues the topic before it ({c})"));
    }
    let text = unit.text(lower);
    let hits: Vec<_> = lexicon
        .hits(kind, &text)
        .into_iter()
        .filter(|(id, _)| !NOT_RESULTS.contains(id))
        .collect();
    if let Some((id, n)) = lexicon.best(&hits) {
        return (staticid(id), format!("{n} keywords of the section"));
    }
    (
        GENERAL,
        "nothing matched a section: the general part".into(),
    )
}
