//! Report mapping: [`Article`] → [`ReportData`], the plain data a template lays
//! out. Paragraphs are routed to sections with the lexicon
//! (`templates/lexicon.yaml`); every body paragraph lands in exactly one
//! section, verbatim, with the input line it came from.

use serde::{Deserialize, Serialize};

use crate::article::{Article, BlockKind, SetAsideReason};
use crate::error::{Error, Location, Result};
use crate::vn::Date;

/// The report types baocao knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Báo cáo tổng kết năm (spec §4.1).
    YearEnd,
}

impl Kind {
    pub const ALL: [Kind; 1] = [Kind::YearEnd];

    /// The command and template name (`year-end`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::YearEnd => "year-end",
        }
    }

    /// The report type in Vietnamese (`tổng kết năm`).
    pub fn vietnamese(self) -> &'static str {
        match self {
            Kind::YearEnd => "tổng kết năm",
        }
    }
}

/// What a template receives about the article: metadata, period, sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportData {
    pub kind: Kind,
    pub meta: Meta,
    pub period: Period,
    /// Place names found in the article, used when no organisation profile is given.
    pub place: Place,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub set_aside: Vec<SetAsideItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub time: Option<String>,
    pub views: Option<u64>,
    pub category: Option<String>,
    /// The article file the data came from.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The year the report covers.
    pub year: i32,
    /// The year the direction section plans for.
    pub next_year: i32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Ward or commune name without its prefix (`Phúc Đồng`).
    pub ward: Option<String>,
    /// `phường`, `xã` or `thị trấn`.
    pub ward_type: Option<String>,
    /// District name without its prefix (`Long Biên`).
    pub district: Option<String>,
    /// `quận`, `huyện`, `thị xã` or `thành phố`.
    pub district_type: Option<String>,
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

/// Section routing rules, read from `templates/lexicon.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub min_keyword_hits: usize,
    pub switch_margin: usize,
    pub opening_chars: usize,
    pub sections: Vec<LexiconSection>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconSection {
    pub id: String,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// Sections every report has besides the lexicon's.
pub const OPENING: &str = "opening";
pub const GENERAL: &str = "general";

impl Lexicon {
    /// The lexicon built into baocao.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(
            "templates/lexicon.yaml",
            include_str!("../../templates/lexicon.yaml"),
        )
        .expect("the built-in lexicon is valid")
    }

    pub fn parse(file: &str, text: &str) -> Result<Lexicon> {
        let lexicon: Lexicon = serde_yaml::from_str(text).map_err(|e| Error::yaml(file, &e))?;
        for s in &lexicon.sections {
            if s.id == OPENING || s.id == GENERAL {
                return Err(Error::invalid(
                    Location::file(file),
                    format!("section id `{}` is reserved", s.id),
                ));
            }
        }
        Ok(lexicon)
    }

    /// All section ids in report order: opening, the lexicon's, general.
    pub fn section_ids(&self) -> Vec<&str> {
        std::iter::once(OPENING)
            .chain(self.sections.iter().map(|s| s.id.as_str()))
            .chain(std::iter::once(GENERAL))
            .collect()
    }

    /// The section whose topic pattern inside `text` is longest.
    fn topic(&self, text: &str) -> Option<(&str, usize)> {
        let lower = text.to_lowercase();
        let mut best: Option<(&str, usize)> = None;
        for s in &self.sections {
            for t in &s.topics {
                if lower.contains(t.as_str()) && best.is_none_or(|(_, len)| t.len() > len) {
                    best = Some((&s.id, t.len()));
                }
            }
        }
        best
    }

    /// Keyword hits (every occurrence) per section id.
    fn hits(&self, text: &str) -> Vec<(&str, usize)> {
        let lower = text.to_lowercase();
        self.sections
            .iter()
            .map(|s| {
                let n = s
                    .keywords
                    .iter()
                    .map(|k| lower.matches(k.as_str()).count())
                    .sum();
                (s.id.as_str(), n)
            })
            .collect()
    }

    /// The section with most keyword hits, if it has enough; the first on a tie.
    fn best<'a>(&self, hits: &[(&'a str, usize)]) -> Option<(&'a str, usize)> {
        hits.iter()
            .copied()
            .filter(|(_, n)| *n >= self.min_keyword_hits)
            .fold(None, |best, (id, n)| match best {
                Some((_, b)) if b >= n => best,
                _ => Some((id, n)),
            })
    }
}

/// Maps an article onto the sections of a `kind` report.
pub fn map(article: &Article, kind: Kind, lexicon: &Lexicon) -> ReportData {
    let ids = lexicon.section_ids();
    let mut sections: Vec<Section> = ids
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
            .expect("routing only yields known section ids");
        s.paragraphs.push(p);
    };

    let blocks = &article.blocks;
    let closing = closing_list(article);
    let mut current: Option<&str> = None;
    let mut in_opening = true;
    for (i, block) in blocks.iter().enumerate() {
        let (label, text) = split_label(&block.text);
        let paragraph = Paragraph {
            line: Some(block.line),
            label: label.clone(),
            text,
        };
        if closing.is_some_and(|start| i >= start) {
            push("direction", paragraph);
            continue;
        }
        let opening_text: String = block.text.chars().take(lexicon.opening_chars).collect();
        let topic = match &label {
            Some(l) => lexicon.topic(l),
            None => lexicon.topic(&opening_text),
        };
        let hits = lexicon.hits(&block.text);
        let best = lexicon.best(&hits);
        // A list item or a paragraph after an introduction ("… như sau:") continues it.
        let follows_intro = i > 0 && blocks[i - 1].text.ends_with(':');
        let is_item = matches!(block.kind, BlockKind::Item { .. });

        if in_opening {
            // The opening: the first paragraph, and one more while they lead up
            // to an introduction ending in ":" and say nothing specific.
            let plain = label.is_none() && topic.is_none();
            let leads_in = i < 3 && !follows_intro && (block.text.ends_with(':') || best.is_none());
            if plain && (i == 0 || leads_in) {
                push(OPENING, paragraph);
                continue;
            }
            in_opening = false;
        }

        let continues = current.filter(|_| follows_intro || is_item || label.is_none());
        let section = match (topic, continues) {
            (Some((id, _)), _) if !(is_item && follows_intro) => Some(id),
            (_, Some(c)) => {
                let own = hits.iter().find(|(id, _)| *id == c).map_or(0, |(_, n)| *n);
                match best {
                    Some((b, n)) if b != c && n >= own + lexicon.switch_margin => Some(b),
                    _ => Some(c),
                }
            }
            _ => best.map(|(id, _)| id),
        };
        match section {
            Some(id) => {
                current = Some(id);
                push(id, paragraph);
            }
            None => push(GENERAL, paragraph),
        }
    }

    let year = period_year(article);
    ReportData {
        kind,
        meta: Meta {
            title: article.title.clone(),
            date: article.published.map(|d| d.to_string()),
            time: article.published_time.clone(),
            views: article.views,
            category: article.category.clone(),
            source: Some(article.source.clone()),
        },
        period: Period {
            year,
            next_year: year + 1,
        },
        place: find_place(article),
        sections,
        set_aside: article
            .set_aside
            .iter()
            .map(|s| SetAsideItem {
                line: s.line,
                reason: s.reason,
                text: s.text.clone(),
            })
            .collect(),
    }
}

/// Index of the first block of the closing numbered list (with the paragraph
/// that introduces it), if the article ends with one.
fn closing_list(article: &Article) -> Option<usize> {
    let blocks = &article.blocks;
    let mut start = blocks.len();
    while start > 0 && matches!(blocks[start - 1].kind, BlockKind::Item { .. }) {
        start -= 1;
    }
    if start == blocks.len() || blocks.len() - start < 2 {
        return None;
    }
    if start > 0 && blocks[start - 1].text.ends_with(':') {
        start -= 1;
    }
    Some(start)
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

/// The year a report covers: the year in the title, else the one a leading
/// "Năm 2021," names, else the publication year (the previous one for reports
/// published in the first quarter).
fn period_year(article: &Article) -> i32 {
    if let Some(y) = year_after(&article.title.to_lowercase(), "năm ") {
        return y;
    }
    if let Some(first) = article.blocks.first() {
        if let Some(y) = year_after(&first.text.to_lowercase(), "năm ")
            .filter(|_| first.text.to_lowercase().starts_with("năm "))
        {
            return y;
        }
    }
    match article.published {
        Some(Date { year, month, .. }) if month <= 3 => year - 1,
        Some(d) => d.year,
        None => 0,
    }
}

/// The first four-digit year right after `word` in `text`.
fn year_after(text: &str, word: &str) -> Option<i32> {
    text.match_indices(word).find_map(|(i, _)| {
        let rest = &text[i + word.len()..];
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        (digits.len() == 4).then(|| digits.parse().ok()).flatten()
    })
}

/// Ward and district names as the article writes them.
fn find_place(article: &Article) -> Place {
    let texts: Vec<&str> = std::iter::once(article.title.as_str())
        .chain(article.blocks.iter().map(|b| b.text.as_str()))
        .collect();
    let (ward_type, ward) = most_common_name(&texts, &["phường", "xã", "thị trấn"]).unzip();
    let (district_type, district) = most_common_name(
        &texts,
        &[
            "quận",
            "huyện",
            "thị xã",
            "quận ủy",
            "quận uỷ",
            "huyện ủy",
            "huyện uỷ",
        ],
    )
    .unzip();
    let district_type = district_type.map(|t: String| {
        t.trim_end_matches(" ủy")
            .trim_end_matches(" uỷ")
            .to_string()
    });
    Place {
        ward,
        ward_type,
        district,
        district_type,
    }
}

/// The most frequent capitalised name after any of `prefixes` (matched
/// case-insensitively at a word start): `phường Phúc Đồng` → (`phường`, `Phúc Đồng`).
fn most_common_name(texts: &[&str], prefixes: &[&str]) -> Option<(String, String)> {
    let mut counts: Vec<((String, String), usize)> = Vec::new();
    for text in texts {
        let words: Vec<&str> = text.split_whitespace().collect();
        for (i, _) in words.iter().enumerate() {
            for prefix in prefixes {
                let pw: Vec<&str> = prefix.split(' ').collect();
                if i + pw.len() > words.len() {
                    continue;
                }
                let matches = pw
                    .iter()
                    .enumerate()
                    .all(|(k, p)| words[i + k].to_lowercase() == *p);
                if !matches {
                    continue;
                }
                let name: Vec<&str> = words[i + pw.len()..]
                    .iter()
                    .take(3)
                    .map(|w| w.trim_end_matches([',', '.', ';', ':', ')', '”']))
                    .take_while(|w| {
                        w.chars().next().is_some_and(|c| c.is_uppercase())
                            && w.chars().all(|c| c.is_alphabetic())
                            && !w.chars().all(|c| c.is_uppercase())
                    })
                    .collect();
                // Stop the name where punctuation ended a word.
                let mut kept = Vec::new();
                for (k, w) in name.iter().enumerate() {
                    kept.push(*w);
                    let raw = words[i + pw.len() + k];
                    if raw.len() != w.len() {
                        break;
                    }
                }
                if kept.is_empty() {
                    continue;
                }
                let key = (prefix.to_string(), kept.join(" "));
                match counts.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((key, 1)),
                }
            }
        }
    }
    // Highest count; on a tie, the first seen.
    let mut best: Option<((String, String), usize)> = None;
    for (k, n) in counts {
        if best.as_ref().is_none_or(|(_, b)| n > *b) {
            best = Some((k, n));
        }
    }
    best.map(|(k, _)| k)
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
        assert_eq!(data.period.year, 2021);
        assert_eq!(data.place.ward.as_deref(), Some("Phúc Đồng"));
        assert_eq!(data.place.district.as_deref(), Some("Long Biên"));
        assert_eq!(data.place.district_type.as_deref(), Some("quận"));
    }
}
