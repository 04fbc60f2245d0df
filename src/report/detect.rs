//! Which kind of report an article is about, or that it is none: an event,
//! an essay, a news item. In: the title and the first paragraphs. Out: the
//! kind, whether one was found, and the reasons (`inspect` prints them).
//! The cues are data (`detection` in `templates/lexicon.yaml`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Kind;
use crate::vn::Lower;

/// The detection rules of the lexicon.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Detection {
    /// The kind an article of no kind is rendered as.
    pub default_kind: Kind,
    /// Title weight of a kind that outweighs a `not_report` word.
    pub overrule: usize,
    /// Title words that make an article no report whatever else it says.
    pub veto: Vec<String>,
    /// Title words of events and genres that are no report.
    pub not_report: Vec<String>,
    /// Title words of a report whose kind the lead must tell.
    pub report: Vec<String>,
    /// Words of a lead paragraph that tell of a report's event.
    pub evaluation: Vec<String>,
    pub kinds: BTreeMap<Kind, KindCues>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindCues {
    pub title: Vec<Cue>,
    pub lead: Vec<Cue>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    /// Lower-case text; `…` separates parts that must appear in order.
    pub cue: String,
    pub weight: usize,
}

impl Cue {
    fn found_in(&self, lower: &str) -> bool {
        let mut rest = lower;
        for part in self.cue.split('…') {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
        true
    }
}

/// What detection concluded.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    pub kind: Kind,
    /// False when the article reads as no report; `kind` is then the default.
    pub found: bool,
    pub reasons: Vec<String>,
}

/// How many paragraphs make the lead.
const LEAD: usize = 2;

impl Detection {
    /// Detects the kind of an article from its `title` and its body
    /// paragraphs in order (`lead` needs only the first few).
    pub fn detect(&self, title: &str, lead: &[&str]) -> Detected {
        let title = title.lower();
        let lead: Vec<String> = lead.iter().take(LEAD).map(|p| p.lower()).collect();
        let mut reasons = Vec::new();
        let not = |reasons: Vec<String>| Detected {
            kind: self.default_kind,
            found: false,
            reasons,
        };
        if let Some(v) = self.veto.iter().find(|v| title.contains(v.as_str())) {
            return not(vec![format!(
                "no report: the title names “{v}”, an announcement or a decision, not a report"
            )]);
        }
        let mut scores: Vec<(Kind, usize, usize, Vec<String>)> = Vec::new();
        for kind in Kind::ALL {
            let Some(cues) = self.kinds.get(&kind) else {
                continue;
            };
            let mut why = Vec::new();
            let in_title: usize = cues
                .title
                .iter()
                .filter(|c| c.found_in(&title))
                .inspect(|c| why.push(format!("the title contains “{}”", c.cue)))
                .map(|c| c.weight)
                .sum();
            scores.push((kind, in_title, 0, why));
        }
        let title_reads_as_report = scores.iter().any(|s| s.1 > 0)
            || self.report.iter().any(|r| title.contains(r.as_str()));
        for (kind, _, in_lead, why) in &mut scores {
            let cues = &self.kinds[kind];
            for (n, p) in lead.iter().enumerate() {
                let told =
                    title_reads_as_report || self.evaluation.iter().any(|e| p.contains(e.as_str()));
                if !told {
                    continue;
                }
                for c in cues.lead.iter().filter(|c| c.found_in(p)) {
                    *in_lead += c.weight;
                    why.push(format!(
                        "paragraph {} of the lead mentions “{}”",
                        n + 1,
                        c.cue
                    ));
                }
            }
        }
        let best = scores.iter().filter(|s| s.1 + s.2 > 0).fold(
            None::<&(Kind, usize, usize, Vec<String>)>,
            |best, s| match best {
                Some(b) if b.1 + b.2 >= s.1 + s.2 => Some(b),
                _ => Some(s),
            },
        );
        let Some((kind, in_title, in_lead, why)) = best else {
            let genre = self.not_report.iter().find(|w| title.contains(w.as_str()));
            reasons.push(match genre {
                Some(w) => format!(
                    "no report: the title names “{}”, and no kind's cue is found",
                    w.trim()
                ),
                None => "no report: no kind's cue is found in the title or the lead".to_string(),
            });
            return not(reasons);
        };
        if let Some(w) = self.not_report.iter().find(|w| title.contains(w.as_str())) {
            if *in_title < self.overrule {
                return not(vec![format!(
                    "no report: the title names “{}”, which is no report; {} cues weigh only {in_title}",
                    w.trim(),
                    kind.name()
                )]);
            }
        }
        reasons.push(format!(
            "{}: title cues {in_title}, lead cues {in_lead}",
            kind.name()
        ));
        reasons.extend(why.iter().cloned());
        Detected {
            kind: *kind,
            found: true,
            reasons,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Lexicon;

    use super::*;

    fn detect(title: &str, lead: &[&str]) -> Detected {
        Lexicon::builtin().detection.detect(title, lead)
    }

    #[test]
    fn titles_decide_and_the_lead_tells_what_the_title_does_not() {
        let d = detect(
            "Phường đánh giá kết quả thực hiện chủ đề năm quý I/2021",
            &[],
        );
        assert_eq!((d.kind, d.found), (Kind::Quarterly, true));
        assert!(d.reasons.iter().any(|r| r.contains("“quý i”")), "{d:?}");
        let d = detect(
            "Những kết quả nổi bật trong nửa đầu nhiệm kỳ Đại hội lần thứ XXII",
            &[],
        );
        assert_eq!(d.kind, Kind::MidTerm);
        let d = detect(
            "Huyện Mai Châu xây dựng nền kinh tế xanh",
            &["Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XXVI, huyện đã đạt được những kết quả đáng ghi nhận."],
        );
        assert_eq!((d.kind, d.found), (Kind::Resolution, true), "{d:?}");
    }

    #[test]
    fn events_essays_and_announcements_are_no_report() {
        for title in [
            "Lễ kết nạp đảng viên mới của Chi bộ trường THPT",
            "Hội thảo khoa học về lý luận chính trị",
            "Văn hóa phải soi đường cho quốc dân đi",
            "Trân trọng thông báo lịch diễn ra Đại hội đại biểu Đảng bộ xã lần thứ I",
        ] {
            let d = detect(title, &["Sáng nay, các đại biểu đã dự buổi lễ."]);
            assert!(!d.found, "{title}: {d:?}");
            assert_eq!(d.kind, Kind::YearEnd);
            assert!(d.reasons[0].starts_with("no report"), "{d:?}");
        }
        // A lead that mentions a resolution but reports nothing of it.
        let d = detect(
            "Hướng tới mục tiêu đột phá về chuyển đổi số",
            &["Ban Thường vụ Tỉnh ủy đã ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW. Báo có cuộc trao đổi với ông Hà."],
        );
        assert!(!d.found, "{d:?}");
    }
}
