//! The report kinds: one table of what each is called, in English (the
//! command and template name) and in Vietnamese, and its outline, the
//! section ids its report data has in order.

use serde::{Deserialize, Serialize};

/// The report types baocao knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Báo cáo tổng kết năm (spec §4.1).
    YearEnd,
    /// Báo cáo sơ kết giữa nhiệm kỳ (spec §4.2).
    MidTerm,
    /// Báo cáo quý / sơ kết 6 tháng (spec §4.3).
    Quarterly,
    /// Báo cáo kết quả đại hội chi bộ (spec §4.4).
    Congress,
    /// Báo cáo kết quả thực hiện nghị quyết, chỉ thị (spec §4.5).
    Resolution,
}

/// Everything baocao knows of a kind, in one row.
#[derive(Debug)]
pub struct KindInfo {
    pub kind: Kind,
    /// The command and template name (`year-end`).
    pub name: &'static str,
    /// The report type in Vietnamese (`tổng kết năm`).
    pub vietnamese: &'static str,
    /// Section ids in outline order: `opening` first, `general` last; the
    /// others are routed by the lexicon's entry of the same id.
    pub outline: &'static [&'static str],
}

/// Sections every kind has: the opening paragraphs, and what routes nowhere.
pub const OPENING: &str = "opening";
pub const GENERAL: &str = "general";

/// The sections of a year-end report; the others add or drop a few.
macro_rules! outline {
    ($($extra:literal),*) => {
        &[
            OPENING, "situation", "leadership", $($extra,)* "ideology", "organisation",
            "inspection", "mass_mobilisation", "front_unions", "economy", "defence",
            "strengths", "shortcomings", "causes", "lessons", "direction", "proposals", GENERAL,
        ]
    };
}

/// The table of kinds.
pub const KINDS: [KindInfo; 5] = [
    KindInfo {
        kind: Kind::YearEnd,
        name: "year-end",
        vietnamese: "tổng kết năm",
        outline: outline!(),
    },
    KindInfo {
        kind: Kind::MidTerm,
        name: "mid-term",
        vietnamese: "sơ kết giữa nhiệm kỳ",
        outline: outline!("dissemination", "targets"),
    },
    KindInfo {
        kind: Kind::Quarterly,
        name: "quarterly",
        vietnamese: "kết quả công tác quý",
        outline: outline!("theme"),
    },
    KindInfo {
        kind: Kind::Congress,
        name: "congress",
        vietnamese: "kết quả đại hội chi bộ",
        outline: outline!("progress", "documents", "personnel"),
    },
    KindInfo {
        kind: Kind::Resolution,
        name: "resolution",
        vietnamese: "kết quả thực hiện nghị quyết",
        outline: outline!("dissemination"),
    },
];

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::YearEnd,
        Kind::MidTerm,
        Kind::Quarterly,
        Kind::Congress,
        Kind::Resolution,
    ];

    /// The kind's row of the table.
    pub fn info(self) -> &'static KindInfo {
        KINDS
            .iter()
            .find(|k| k.kind == self)
            .expect("every kind has a row")
    }

    /// The command and template name (`year-end`).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The report type in Vietnamese (`tổng kết năm`).
    pub fn vietnamese(self) -> &'static str {
        self.info().vietnamese
    }

    /// Section ids of the kind's report data, in order.
    pub fn outline(self) -> &'static [&'static str] {
        self.info().outline
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        KINDS.iter().find(|k| k.name == name).map(|k| k.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_each_kind_once_in_order() {
        for (i, k) in Kind::ALL.iter().enumerate() {
            assert_eq!(KINDS[i].kind, *k);
            assert_eq!(Kind::from_name(k.name()), Some(*k));
            let outline = k.outline();
            assert_eq!(outline.first(), Some(&OPENING));
            assert_eq!(outline.last(), Some(&GENERAL));
            let mut sorted = outline.to_vec();
            sorted.sort();
            sorted.dedup();
            assert_eq!(
                sorted.len(),
                outline.len(),
                "{} repeats a section",
                k.name()
            );
        }
    }

    #[test]
    fn sections_depend_on_the_kind() {
        let congress = Kind::Congress.outline();
        assert!(congress.contains(&"personnel") && !congress.contains(&"targets"));
        let year_end = Kind::YearEnd.outline();
        assert!(!year_end.contains(&"personnel") && year_end.contains(&"ideology"));
    }
}
