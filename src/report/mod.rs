//! Report mapping: [`Article`] → [`ReportData`], the plain data a template lays
//! out. Paragraphs are routed to the sections of a report kind with the
//! lexicon (`templates/lexicon.yaml`); every body paragraph lands in exactly
//! one section, verbatim, with the input line it came from. `ReportData` is
//! also what `baocao inspect` prints and what a clerk may edit and render.

pub mod checked;
mod detect;
mod issuer;
mod kind;
mod lexicon;
mod period;
mod route;

use serde::{Deserialize, Serialize};

use crate::article::{Article, BlockKind, SetAsideReason};
use crate::t;
use crate::vn::Lower;
pub use detect::{Detected, Detection};
pub use issuer::{Letterhead, Place, Sourced};
pub use kind::{Kind, KindInfo, GENERAL, KINDS, OPENING};
pub use lexicon::Lexicon;
pub use period::{Given as PeriodGiven, Period, Term};

/// What a template receives about the article: kind, metadata, period,
/// sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportData {
    pub kind: Kind,
    /// Whether the article reads as a report of some kind at all: false
    /// when no kind's cues were found and `kind` is only the default.
    #[serde(default = "yes")]
    pub kind_found: bool,
    /// Why the kind was chosen (from `inspect`).
    #[serde(default)]
    pub reasons: Vec<String>,
    pub meta: Meta,
    pub period: Period,
    pub place: Place,
    /// The letterhead read from the article, each field with its line and
    /// why; absent in data made before it was read (the place names serve).
    #[serde(default)]
    pub letterhead: Option<Letterhead>,
    pub sections: Vec<Section>,
    /// What the article holds that is not body text.
    #[serde(default)]
    pub set_aside: Vec<SetAsideItem>,
    /// Remarks about the input.
    #[serde(default)]
    pub notes: Vec<NoteItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "checked::iso_date")]
    pub date: Option<String>,
    pub time: Option<String>,
    pub views: Option<u64>,
    pub category: Option<String>,
    /// The article file the data came from.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub paragraphs: Vec<Paragraph>,
}

/// A body paragraph as it will be printed: `label` (if any) then `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Input line the paragraph came from.
    pub line: Option<usize>,
    /// Lead-in label with its colon (`Công tác kiểm tra, giám sát:`).
    pub label: Option<String>,
    pub text: String,
    /// Why it went to its section (`inspect` shows it; ignored when rendering).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

impl Paragraph {
    /// The paragraph as written in the article.
    pub fn full_text(&self) -> String {
        match &self.label {
            Some(l) if self.text.is_empty() => l.clone(),
            Some(l) => format!("{l} {}", self.text),
            None => self.text.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetAsideItem {
    pub line: usize,
    pub reason: SetAsideReason,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteItem {
    pub line: usize,
    pub message: String,
}

fn yes() -> bool {
    true
}

/// The period values a `kind` report's trích yếu needs that `period`
/// lacks: what is blank, and how to give it, in words for people.
pub fn missing_period(kind: Kind, p: &Period) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match kind {
        Kind::YearEnd if p.year.is_none() => out.push((t!("period-year"), "--year YYYY".into())),
        Kind::MidTerm if p.committee_term.is_none() => {
            out.push((t!("period-committee-term"), "--term YYYY-YYYY".into()))
        }
        Kind::Quarterly if p.half.is_none() && p.quarter.is_none() => {
            out.push((t!("period-quarter"), t!("period-quarter-option")))
        }
        Kind::Quarterly if p.half.is_some() && p.year.is_none() => {
            out.push((t!("period-year"), "--half YYYY-H".into()))
        }
        Kind::Quarterly
            if p.half.is_none() && p.quarter_year.is_none() && p.next_quarter_year.is_none() =>
        {
            out.push((t!("period-year"), "--quarter YYYY-Q".into()))
        }
        Kind::Congress if p.term.is_none() => {
            out.push((t!("period-term"), "--term YYYY-YYYY".into()))
        }
        Kind::Resolution if p.resolution.is_none() => {
            out.push((t!("period-resolution"), t!("period-resolution-option")))
        }
        _ => {}
    }
    out
}

/// What detection makes of an article.
fn detect(article: &Article, lexicon: &Lexicon) -> Detected {
    let lead: Vec<&str> = article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    lexicon.detection.detect(&article.title, &lead)
}

/// Maps an article onto a `kind` report as asked; the data still says
/// whether it reads as a report at all, and why.
pub fn map_as(article: &Article, kind: Kind, lexicon: &Lexicon) -> ReportData {
    let found = detect(article, lexicon);
    let mut data = map(article, kind, lexicon);
    data.kind_found = found.found;
    data.reasons = found.reasons;
    data
}

/// Maps an article onto a report of the kind its title and body suggest.
pub fn inspect(article: &Article, lexicon: &Lexicon) -> ReportData {
    let found = detect(article, lexicon);
    let mut data = map(article, found.kind, lexicon);
    data.kind_found = found.found;
    data.reasons = found.reasons;
    if !found.found {
        // No report, so no report's period nor issuer: what the article's
        // dates and bodies are about is nothing the clerk reports on.
        data.period = Period::default();
        data.letterhead = Some(Letterhead::default());
        data.notes
            .retain(|n| !n.message.contains("publication year"));
    }
    data
}

/// Maps an article onto the sections of a `kind` report.
pub fn map(article: &Article, kind: Kind, lexicon: &Lexicon) -> ReportData {
    let mut sections: Vec<Section> = lexicon
        .section_ids(kind)
        .iter()
        .map(|id| Section {
            id: id.to_string(),
            paragraphs: Vec::new(),
        })
        .collect();
    let mut push = |id: &str, p: Paragraph| {
        let s = sections
            .iter_mut()
            .find(|s| s.id == id)
            .expect("routing only yields sections of the kind");
        s.paragraphs.push(p);
    };
    let mut set_aside: Vec<SetAsideItem> = article
        .set_aside
        .iter()
        .map(|s| SetAsideItem {
            line: s.line,
            reason: s.reason,
            text: s.text.clone(),
        })
        .collect();

    let blocks = &article.blocks;
    // Lower-cased once: every rule below matches on lower-case text.
    let lower: Vec<String> = blocks.iter().map(|b| b.text.lower()).collect();
    let (period, period_notes) = period::period(article, &lower);
    let placed = route::route(blocks, &lower, kind, lexicon, period.year);
    for (block, place) in blocks.iter().zip(placed) {
        let Some(place) = place else {
            // The article's own heading: not printed (the template gives
            // the headings) but it routed what it heads.
            set_aside.push(SetAsideItem {
                line: block.line,
                reason: SetAsideReason::Heading,
                text: block.text.clone(),
            });
            continue;
        };
        let (label, text) = split_label(&block.text);
        push(
            place.section,
            Paragraph {
                line: Some(block.line),
                label,
                text,
                why: Some(place.why),
            },
        );
    }
    set_aside.sort_by_key(|s| s.line);

    ReportData {
        kind,
        kind_found: true,
        reasons: Vec::new(),
        meta: Meta {
            title: article.title.clone(),
            date: article.published.map(|d| d.to_string()),
            time: article.published_time.clone(),
            views: article.views,
            category: article.category.clone(),
            source: Some(article.source.clone()),
        },
        letterhead: Some(issuer::letterhead(article, article.published, period.year)),
        period,
        place: issuer::place(article, &lower),
        sections,
        set_aside,
        notes: article
            .notes
            .iter()
            .map(|n| NoteItem {
                line: n.line,
                message: n.message.clone(),
            })
            .chain(period_notes.into_iter().map(|message| NoteItem {
                line: article.title_line,
                message,
            }))
            .collect(),
    }
}

impl ReportData {
    /// Moves paragraphs of sections a `kind` report does not have into
    /// `general` and sets the kind; returns the ids that moved.
    pub fn rehome(&mut self, kind: Kind, lexicon: &Lexicon) -> Vec<String> {
        let ids = lexicon.section_ids(kind);
        let mut moved = Vec::new();
        let mut homeless = Vec::new();
        self.sections.retain_mut(|s| {
            if ids.contains(&s.id.as_str()) {
                true
            } else {
                if !s.paragraphs.is_empty() {
                    moved.push(s.id.clone());
                }
                homeless.append(&mut s.paragraphs);
                false
            }
        });
        if !homeless.is_empty() {
            match self.sections.iter_mut().find(|s| s.id == GENERAL) {
                Some(g) => g.paragraphs.extend(homeless),
                None => self.sections.push(Section {
                    id: GENERAL.to_string(),
                    paragraphs: homeless,
                }),
            }
        }
        self.kind = kind;
        moved
    }
}

/// Splits a lead-in label (`Công tác Dân vận: …`) from the text after it.
pub fn split_label(text: &str) -> (Option<String>, String) {
    const MAX_LABEL_CHARS: usize = 90;
    const MAX_LABEL_WORDS: usize = 14;
    let Some(colon) = text.find(':') else {
        return (None, text.to_string());
    };
    let label = &text[..colon];
    let after = &text[colon + 1..];
    let plausible = label.chars().count() <= MAX_LABEL_CHARS
        && label.split_whitespace().count() <= MAX_LABEL_WORDS
        && label.chars().next().is_some_and(|c| c.is_uppercase())
        && !label.contains(". ")
        && !label.contains(';')
        && (after.is_empty() || after.starts_with(' '));
    if !plausible {
        return (None, text.to_string());
    }
    (Some(format!("{label}:")), after.trim_start().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;

    #[test]
    fn labels_are_split_only_when_plausible() {
        let (l, t) = split_label("Công tác Dân vận: Ngay từ đầu năm Đảng ủy phường đã triển khai.");
        assert_eq!(l.as_deref(), Some("Công tác Dân vận:"));
        assert_eq!(t, "Ngay từ đầu năm Đảng ủy phường đã triển khai.");
        let (l, t) = split_label("Hoạt động của MTTQ và các đoàn thể có nhiều đổi mới:");
        assert_eq!(
            l.as_deref(),
            Some("Hoạt động của MTTQ và các đoàn thể có nhiều đổi mới:")
        );
        assert_eq!(t, "");
        // A time, or a long sentence before the colon, is not a label.
        assert_eq!(split_label("Lúc 16:30 hội nghị bắt đầu.").0, None);
        let long = "Với quyết tâm thi đua hoàn thành thắng lợi các nhiệm vụ đặt ra ngay từ đầu năm 2021, Đảng ủy phường đã tập trung lãnh đạo, cụ thể:";
        assert_eq!(split_label(long).0, None);
    }

    fn sample() -> Article {
        let text = "chuyên mục\n\nKết quả công tác năm 2021 của phường Phúc Đồng\nNgày đăng 13/01/2022 | 16:26 | Lượt xem: 5\n\n\
Năm 2021, là năm có nhiều sự kiện.\n\n\
Công tác kiểm tra, giám sát: Đảng uỷ kiểm tra 02 cuộc.\n\n\
Qua kiểm tra, các chi bộ đã khắc phục kịp thời.\n\n\
Công tác Dân vận: Triển khai phong trào.\n\n\
Một đoạn không thuộc mục nào cả.\n\n\
Quận ủy Long Biên chỉ đạo quận Long Biên.\n\n\
Để tiếp tục phát huy, Đảng ủy tập trung như sau:\n\n\
1. Việc một.\n\n2. Việc hai.\n";
        article::read("t.txt", text.as_bytes()).unwrap()
    }

    #[test]
    fn a_paragraph_on_the_next_year_is_direction_in_a_review_of_this_one() {
        let text = "Đảng ủy Quân sự huyện: Lãnh đạo xây dựng đơn vị vững mạnh\n\n\
Năm 2022, Đảng ủy Quân sự huyện đã lãnh đạo lực lượng vũ trang hoàn thành tốt nhiệm vụ quốc phòng, quân sự địa phương.\n\n\
Công tác tuyển quân bảo đảm chất lượng, đúng luật; huấn luyện dân quân đạt khá, giỏi.\n\n\
Năm 2023, Đảng ủy Quân sự huyện tiếp tục tập trung lãnh đạo xây dựng lực lượng vũ trang huyện vững mạnh toàn diện.\n";
        let a = article::read("t.txt", text.as_bytes()).unwrap();
        let data = map(&a, Kind::YearEnd, &Lexicon::builtin());
        assert_eq!(data.period.year, Some(2022));
        let section_of = |start: &str| {
            data.sections
                .iter()
                .find(|s| {
                    s.paragraphs
                        .iter()
                        .any(|p| p.full_text().starts_with(start))
                })
                .map(|s| s.id.clone())
        };
        assert_eq!(
            section_of("Năm 2023").as_deref(),
            Some("direction"),
            "{data:#?}"
        );
        assert_ne!(
            section_of("Công tác tuyển quân").as_deref(),
            Some("direction")
        );
    }

    #[test]
    fn routes_paragraphs_by_label_continuation_and_position() {
        let a = sample();
        let data = map(&a, Kind::YearEnd, &Lexicon::builtin());
        let ids_of = |id: &str| -> Vec<String> {
            data.sections
                .iter()
                .find(|s| s.id == id)
                .unwrap()
                .paragraphs
                .iter()
                .map(|p| p.full_text())
                .collect()
        };
        assert_eq!(ids_of(OPENING), vec!["Năm 2021, là năm có nhiều sự kiện."]);
        assert_eq!(
            ids_of("inspection"),
            vec![
                "Công tác kiểm tra, giám sát: Đảng uỷ kiểm tra 02 cuộc.",
                "Qua kiểm tra, các chi bộ đã khắc phục kịp thời."
            ]
        );
        assert_eq!(
            ids_of("mass_mobilisation").len(),
            3,
            "continuation keeps the unlabelled paragraph"
        );
        assert!(ids_of("direction").contains(&"1. Việc một.".to_string()));
        // Every block is placed exactly once.
        let placed: usize = data.sections.iter().map(|s| s.paragraphs.len()).sum();
        assert_eq!(placed, a.blocks.len());
        assert_eq!(data.period.year, Some(2021));
        assert_eq!(data.place.ward.as_deref(), Some("Phúc Đồng"));
        assert_eq!(data.place.district.as_deref(), Some("Long Biên"));
        assert_eq!(data.place.district_type.as_deref(), Some("quận"));
    }
}
