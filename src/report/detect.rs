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
    /// Lower-case text; `…` separates parts that must appear in order, and
    /// a leading `^` ties the first part to the start of the text.
    pub cue: String,
    pub weight: usize,
}

impl Cue {
    fn found_in(&self, lower: &str) -> bool {
        let (anchored, cue) = match self.cue.strip_prefix('^') {
            Some(cue) => (true, cue),
            None => (false, self.cue.as_str()),
        };
        if anchored
            && !lower
                .trim_start()
                .starts_with(cue.split('…').next().unwrap_or(""))
        {
            return false;
        }
        let mut rest = lower;
        for part in cue.split('…') {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
        true
    }

    /// The cue as `inspect` quotes it: the text, and whether it opens it.
    fn shown(&self) -> (&str, &'static str) {
        match self.cue.strip_prefix('^') {
            Some(cue) => (cue, "opens with"),
            None => (self.cue.as_str(), "mentions"),
        }
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
                .inspect(|c| why.push(format!("the title contains “{}”", c.shown().0)))
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
                    let (cue, verb) = c.shown();
                    why.push(format!("paragraph {} of the lead {verb} “{cue}”", n + 1));
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
    fn a_mid_term_cue_outweighs_the_resolution_it_reviews() {
        let d = detect(
            "Các chi, đảng bộ hoàn tất sơ kết, đánh giá giữa nhiệm kỳ thực hiện nghị quyết đại hội",
            &[],
        );
        assert_eq!(d.kind, Kind::MidTerm, "{d:?}");
        // Untitled as a report: the lead's elapsed half term tells it.
        let d = detect(
            "Trù Sơn nỗ lực phát triển",
            &["Thực hiện Nghị quyết đại hội Đảng bộ xã nhiệm kỳ 2015-2020, sau nửa nhiệm kỳ, xã đã có bước phát triển."],
        );
        assert_eq!((d.kind, d.found), (Kind::MidTerm, true), "{d:?}");
    }

    #[test]
    fn a_year_told_and_the_next_set_is_a_year_end_review() {
        let d = detect(
            "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
            &["Hội nghị đánh giá công tác lãnh đạo, chỉ đạo nhiệm vụ năm 2023, triển khai nhiệm vụ năm 2024."],
        );
        assert_eq!((d.kind, d.found), (Kind::YearEnd, true), "{d:?}");
        // A lead that opens on the year it accounts for, with a verdict.
        let d = detect(
            "Đảng ủy Quân sự huyện: Lãnh đạo xây dựng đơn vị vững mạnh toàn diện",
            &["Năm 2022, Đảng ủy đã lãnh đạo lực lượng vũ trang huyện hoàn thành tốt nhiệm vụ."],
        );
        assert_eq!((d.kind, d.found), (Kind::YearEnd, true), "{d:?}");
        assert!(
            d.reasons.iter().any(|r| r.contains("opens with “năm 20”")),
            "{d:?}"
        );
        // The same year inside a sentence is no cue; nor a year with no verdict.
        let d = detect(
            "Đảng ủy Quân sự huyện: Lãnh đạo xây dựng đơn vị vững mạnh toàn diện",
            &["Đơn vị đã đón đoàn công tác năm 2022 và hoàn thành tốt nhiệm vụ."],
        );
        assert!(!d.found, "{d:?}");
        let d = detect(
            "Một ngày ở đơn vị",
            &["Năm 2022, đơn vị đón nhiều đoàn khách."],
        );
        assert!(!d.found, "{d:?}");
        // The tasks of a year in the title, as a military committee words it.
        let d = detect(
            "Đảng ủy Quân sự huyện ra nghị quyết lãnh đạo thực hiện nhiệm vụ quân sự - quốc phòng năm 2018",
            &["Hội nghị quán triệt sâu sắc nghị quyết đại hội Đảng các cấp."],
        );
        assert_eq!(d.kind, Kind::YearEnd, "{d:?}");
        // But six months of the year stay a quarterly review.
        let d = detect("Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2019", &[]);
        assert_eq!(d.kind, Kind::Quarterly, "{d:?}");
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
