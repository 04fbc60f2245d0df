//! The letterhead and the closing of a report, resolved.
//!
//! In: the report data (the place names found in the article, its date), the
//! organisation profile and the command line's number and date, and the
//! format profile's rules (number and date forms, signing rules by kind of
//! issuing body). Out: a [`Letter`], every field a finished string, so layout
//! prints it without knowing any rule, and the warnings about what is blank
//! or wrong.
//!
//! The organisation profile always wins; what it lacks comes from the
//! article where it can, else from the profile's rules, else stays blank.

use crate::error::{Error, Location, Result, Warning};
use crate::org::Org;
use crate::profile::{BodyKind, BodyRule, Field, FormatProfile, WarningRule};
use crate::report::ReportData;
use crate::t;
use crate::vn::{self, Date};

/// What page 1 and the closing block print besides the body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Letter {
    /// Direct superior body (`ĐẢNG BỘ QUẬN LONG BIÊN`); may be empty.
    pub superior: String,
    /// Issuing body (`ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG`); may be empty.
    pub issuer: String,
    /// The document number as printed (`05`), if given.
    pub number: Option<String>,
    /// Type and issuer abbreviation (`BC/ĐU`).
    pub symbol: String,
    /// The number row (`Số 05-BC/ĐU`, or `Số       -BC/ĐU` when blank).
    pub number_line: String,
    /// Place and date line (`Phúc Đồng, ngày 13 tháng 01 năm 2022`).
    pub place_date: String,
    /// The report date, if known.
    pub date: Option<Date>,
    /// Signing authority (`T/M ĐẢNG ỦY`), title (`BÍ THƯ`), name.
    pub authority: String,
    pub title: String,
    pub name: String,
    /// Recipient lines without the leading marker.
    pub recipients: Vec<String>,
    /// The last line of the recipients (`- Lưu Văn phòng Đảng ủy.`).
    pub filing_line: String,
    /// A draft's round, for the draft note ([`Draft::note`]); `None` when
    /// the report is not a draft.
    pub draft: Option<Draft>,
}

impl Letter {
    /// The text of a letterhead field.
    pub fn field(&self, f: Field) -> &str {
        match f {
            Field::Superior => &self.superior,
            Field::Issuer => &self.issuer,
            Field::Number => &self.number_line,
            Field::PlaceDate => &self.place_date,
        }
    }
}

/// What the command line gives for one report.
#[derive(Debug, Clone, Copy, Default)]
pub struct Given<'a> {
    pub org: Option<&'a Org>,
    pub number: Option<u32>,
    pub date: Option<Date>,
    /// Print a draft (`--draft [N]`): the draft note, and no number.
    pub draft: Option<Draft>,
}

/// A draft for discussion, its round if numbered (`--draft 2`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Draft {
    pub number: Option<u32>,
}

impl Draft {
    /// The note the profile prints for this draft (`DỰ THẢO`, `Dự thảo lần 2`).
    pub fn note(&self, profile: &FormatProfile) -> String {
        let d = &profile.draft;
        match self.number {
            None => d.text.value.clone(),
            Some(n) => d.numbered_text.value.replace("{n}", &n.to_string()),
        }
    }
}

/// Resolves the letterhead of `data`; the warnings say what is blank or wrong.
pub fn resolve(
    data: &ReportData,
    given: Given,
    profile: &FormatProfile,
    warnings: &mut Vec<Warning>,
) -> Result<Letter> {
    let unnamed = t!("report-data");
    let source = data.meta.source.as_deref().unwrap_or(&unnamed);
    let date = match (given.date, &data.meta.date) {
        (Some(d), _) => Some(d),
        (None, Some(iso)) => Some(
            Date::parse_iso(iso).ok_or_else(|| Error::Usage(t!("data-bad-date", date = iso)))?,
        ),
        (None, None) => {
            warnings.push(Warning::at(Location::file(source), t!("letter-no-date")));
            None
        }
    };
    let org = given.org.cloned().unwrap_or_default();
    let signer = org.signer.clone().unwrap_or_default();
    // What the article gives: the letterhead read from it, or for data made
    // before that was read, the ward and district it names.
    let (from_issuer, from_superior, from_place, from_body) = match &data.letterhead {
        Some(lh) => (
            lh.issuer.as_ref().map(|s| s.text.clone()),
            lh.superior.as_ref().map(|s| s.text.clone()),
            lh.place.as_ref().map(|s| s.text.clone()),
            lh.body,
        ),
        None => {
            let place = &data.place;
            let derived =
                |kind: &Option<String>, name: &Option<String>, body: &str| match (kind, name) {
                    (Some(k), Some(n)) => Some(vn::upper(&format!("{body} {k} {n}"))),
                    _ => None,
                };
            (
                derived(&place.ward_type, &place.ward, "Đảng ủy"),
                derived(&place.district_type, &place.district, "Đảng bộ"),
                place.ward.clone(),
                None,
            )
        }
    };
    let issuer = org.issuer.clone().or(from_issuer);
    let superior = org.superior.clone().or(from_superior);
    let place_name = org.place.clone().or(from_place);

    let signing = &profile.signing;
    let named = |b: &&BodyRule| {
        issuer
            .as_deref()
            .is_some_and(|i| b.issuer_starts.iter().any(|s| i.starts_with(s.as_str())))
    };
    let body = match org.body.or(from_body) {
        // The kind the org profile names: the rule for that kind matching
        // the issuer's name, else its first rule.
        Some(kind) => {
            let of_kind = || signing.bodies.iter().filter(move |b| b.kind == kind);
            of_kind().find(named).or_else(|| of_kind().next())
        }
        None => signing.bodies.iter().find(named),
    };
    let (rule_authority, filing_line, rule_symbol) = match body {
        Some(b) => (&b.authority.value, &b.filing_line.value, &b.symbol.value),
        None => (
            &signing.default.authority.value,
            &signing.default.filing_line.value,
            &signing.default.symbol.value,
        ),
    };
    let authority = signer
        .authority
        .clone()
        .or_else(|| (!rule_authority.is_empty()).then(|| rule_authority.clone()));

    let form = &profile.header.number;
    // A draft leaves the number blank: it is given when the report is issued.
    let number = given
        .number
        .or(org.number)
        .filter(|_| given.draft.is_none())
        .map(|n| format!("{n:0width$}", width = form.min_digits.value));
    let symbol = org.symbol.clone().unwrap_or_else(|| rule_symbol.clone());
    let number_line = form
        .pattern
        .value
        .replace("{number}", number.as_deref().unwrap_or(&form.blank.value))
        .replace("{symbol}", &symbol);
    let pd = &profile.header.place_date;
    let date_text = date.map_or_else(|| pd.blank_date.value.clone(), |d| d.header_form());
    let place_date = pd
        .pattern
        .value
        .replace(
            "{place}",
            place_name.as_deref().unwrap_or(&pd.blank_place.value),
        )
        .replace("{date}", &date_text);

    let mut missing = Vec::new();
    let mut need = |value: bool, what: String| {
        if !value {
            missing.push(what);
        }
    };
    need(superior.is_some(), t!("letter-superior"));
    need(issuer.is_some(), t!("letter-issuer"));
    need(place_name.is_some(), t!("letter-place"));
    need(
        number.is_some() || given.draft.is_some(),
        t!("letter-number"),
    );
    need(authority.is_some(), t!("letter-authority"));
    need(signer.title.is_some(), t!("letter-signer-title"));
    need(signer.name.is_some(), t!("letter-signer-name"));
    need(org.recipients.is_some(), t!("letter-recipients"));
    if !missing.is_empty() {
        let missing = missing.join(", ");
        warnings.push(Warning::new(if given.org.is_some() {
            t!("letter-missing-in-org", missing = missing)
        } else {
            t!("letter-missing-in-article", missing = missing)
        }));
    }
    if let Some(a) = &authority {
        let kind: Option<BodyKind> = body.map(|b| b.kind);
        for w in &signing.warn {
            let applies = w.bodies.is_empty() || kind.is_some_and(|k| w.bodies.contains(&k));
            if applies && a.starts_with(w.prefix.as_str()) {
                warnings.push(Warning::new(match w.rule {
                    WarningRule::CollectiveSignsTm => {
                        t!("letter-collective-signs-tm", authority = a)
                    }
                    WarningRule::StateForm => t!("letter-state-form", authority = a),
                }));
            }
        }
    }

    Ok(Letter {
        superior: superior.unwrap_or_default(),
        issuer: issuer.unwrap_or_default(),
        number,
        symbol,
        number_line,
        place_date,
        date,
        // The signature block is always whole: what nobody gave is left to fill in.
        // An advisory body's head signs with no authority line.
        authority: authority.unwrap_or_else(|| match body {
            Some(b) if b.kind == BodyKind::Advisory => String::new(),
            _ => signing.blank.value.clone(),
        }),
        title: signer
            .title
            .or_else(|| body.and_then(|b| b.title.as_ref()).map(|t| t.value.clone()))
            .unwrap_or_else(|| signing.blank.value.clone()),
        name: signer.name.unwrap_or_else(|| signing.blank.value.clone()),
        recipients: org.recipients.unwrap_or_default(),
        filing_line: org.filing.clone().unwrap_or_else(|| filing_line.clone()),
        draft: given.draft,
    })
}

/// The Party organisation whose congress elected the issuer, as a trích
/// yếu names it (`Nghị quyết Đại hội Đảng bộ huyện`): `Chi bộ`, `Đảng bộ`
/// with the level the issuer's name gives (`HUYỆN ỦY TÂN HỒNG`, `ĐẢNG ỦY XÃ
/// TÂN HỘ CƠ`), or none when the issuer is not a Party committee or chi bộ.
pub fn organisation(issuer: &str) -> Option<String> {
    let lower = vn::Lower::lower(issuer.trim()).replace("uỷ", "ủy");
    if lower.starts_with("chi bộ") {
        return Some("Chi bộ".into());
    }
    for (head, level) in [
        ("huyện ủy", "huyện"),
        ("quận ủy", "quận"),
        ("thị ủy", "thị xã"),
        ("thành ủy", "thành phố"),
        ("tỉnh ủy", "tỉnh"),
    ] {
        if lower.starts_with(head) {
            return Some(format!("Đảng bộ {level}"));
        }
    }
    let rest = ["ban chấp hành đảng bộ ", "đảng ủy ", "đảng bộ "]
        .iter()
        .find_map(|h| lower.strip_prefix(h))?;
    let level = [
        "thị trấn",
        "thị xã",
        "thành phố",
        "xã",
        "phường",
        "huyện",
        "quận",
        "tỉnh",
    ]
    .into_iter()
    .find(|l| rest.starts_with(&format!("{l} ")));
    Some(match level {
        Some(level) => format!("Đảng bộ {level}"),
        None => "Đảng bộ".into(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_organisation_follows_the_issuer_not_a_place_named_in_passing() {
        use super::organisation;
        let cases = [
            ("HUYỆN ỦY TÂN HỒNG", Some("Đảng bộ huyện")),
            ("HUYỆN UỶ VÕ NHAI", Some("Đảng bộ huyện")),
            ("ĐẢNG ỦY XÃ TÂN HỘ CƠ", Some("Đảng bộ xã")),
            ("ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG", Some("Đảng bộ phường")),
            ("ĐẢNG ỦY QUÂN SỰ HUYỆN VÕ NHAI", Some("Đảng bộ")),
            ("CHI BỘ TRƯỜNG THCS NGUYỄN TRÃI", Some("Chi bộ")),
            ("BAN TUYÊN GIÁO HUYỆN ỦY", None),
            ("", None),
        ];
        for (issuer, want) in cases {
            assert_eq!(organisation(issuer).as_deref(), want, "{issuer}");
        }
    }

    use super::*;
    use crate::org::Signer;

    fn data(date: Option<&str>) -> ReportData {
        let yaml = format!(
            "kind: year-end\nmeta: {{title: t, date: {}, time: null, views: null, category: null, source: a.txt}}\n\
period: {{year: 2021, next_year: 2022, quarter: 1, quarter_year: 2021, next_quarter: 2, next_quarter_year: 2021, half: null, term: null, committee_term: {{start: 2020, end: 2025}}, congress: null, resolution: null, elapsed: null}}\n\
place: {{ward: Phúc Đồng, ward_type: phường, district: Long Biên, district_type: quận}}\nsections: []\n",
            date.unwrap_or("null")
        );
        serde_yaml::from_str(&yaml).unwrap()
    }

    fn letter(org: Option<&Org>, date: Option<&str>) -> (Letter, Vec<Warning>) {
        let mut w = Vec::new();
        let given = Given {
            org,
            number: None,
            date: None,
            draft: None,
        };
        let l = resolve(&data(date), given, &FormatProfile::party_2018(), &mut w).unwrap();
        (l, w)
    }

    #[test]
    fn without_a_profile_the_article_and_the_rules_fill_the_letterhead() {
        let (l, w) = letter(None, Some("2022-01-13"));
        assert_eq!(l.issuer, "ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG");
        assert_eq!(l.superior, "ĐẢNG BỘ QUẬN LONG BIÊN");
        assert_eq!(l.authority, "T/M ĐẢNG ỦY");
        assert_eq!(l.number_line, "Số       -BC/ĐU");
        assert_eq!(l.place_date, "Phúc Đồng, ngày 13 tháng 01 năm 2022");
        assert_eq!(l.filing_line, "- Lưu Văn phòng Đảng ủy.");
        assert!(w[0].message.contains("document number"), "{w:?}");
        let (l, w) = letter(None, None);
        assert_eq!(l.place_date, "Phúc Đồng, ngày      tháng      năm      ");
        assert!(w[0].message.contains("no publication date"), "{w:?}");
    }

    #[test]
    fn a_draft_carries_its_note_and_leaves_the_number_blank_without_a_warning() {
        let org = Org {
            number: Some(45),
            ..Org::default()
        };
        let p = FormatProfile::party_2018();
        for (draft, note) in [(None, "DỰ THẢO"), (Some(2), "Dự thảo lần 2")] {
            let mut w = Vec::new();
            let given = Given {
                org: Some(&org),
                number: Some(7),
                date: None,
                draft: Some(Draft { number: draft }),
            };
            let l = resolve(&data(Some("2022-01-13")), given, &p, &mut w).unwrap();
            assert_eq!(l.draft.map(|d| d.note(&p)).as_deref(), Some(note));
            assert_eq!(l.number, None);
            assert_eq!(l.number_line, "Số       -BC/ĐU");
            assert!(
                w.iter().all(|w| !w.message.contains("document number")),
                "{w:?}"
            );
        }
        let (l, _) = letter(Some(&org), None);
        assert_eq!((l.draft, l.number.as_deref()), (None, Some("45")));
    }

    #[test]
    fn the_kind_of_issuing_body_chooses_authority_filing_line_and_symbol() {
        let chi_bo = Org {
            issuer: Some("CHI BỘ TRƯỜNG THCS KIM ĐỒNG".into()),
            number: Some(3),
            ..Org::default()
        };
        let (l, _) = letter(Some(&chi_bo), Some("2022-01-13"));
        assert_eq!(l.authority, "T/M CHI BỘ");
        assert_eq!(l.filing_line, "- Lưu Chi bộ.");
        assert_eq!(l.number_line, "Số 03-BC/CB");
        let standing = Org {
            issuer: Some("ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG".into()),
            body: Some(BodyKind::Standing),
            ..Org::default()
        };
        let (l, _) = letter(Some(&standing), None);
        assert_eq!(l.authority, "T/M BAN THƯỜNG VỤ");
        let huyen = Org {
            issuer: Some("HUYỆN ỦY ĐỊNH HÓA".into()),
            filing: Some("- Lưu VPHU.".into()),
            ..Org::default()
        };
        let (l, _) = letter(Some(&huyen), None);
        assert_eq!(
            (l.authority.as_str(), l.symbol.as_str()),
            ("T/M HUYỆN ỦY", "BC/HU")
        );
        assert_eq!(
            l.filing_line, "- Lưu VPHU.",
            "the org profile's own filing line wins"
        );
    }

    #[test]
    fn wrong_authority_forms_draw_the_profiles_warnings() {
        let org = |issuer: &str, authority: &str| Org {
            issuer: Some(issuer.into()),
            signer: Some(Signer {
                authority: Some(authority.into()),
                ..Signer::default()
            }),
            ..Org::default()
        };
        let (_, w) = letter(Some(&org("CHI BỘ KHU PHỐ 3", "K/T BÍ THƯ")), None);
        assert!(
            w.iter()
                .any(|w| w.message.contains("K/T is for advisory bodies")),
            "{w:?}"
        );
        let (_, w) = letter(
            Some(&org("BAN TUYÊN GIÁO HUYỆN ỦY", "K/T TRƯỞNG BAN")),
            None,
        );
        assert!(!w.iter().any(|w| w.message.contains("K/T")), "{w:?}");
        let (_, w) = letter(Some(&org("BAN TUYÊN GIÁO HUYỆN ỦY", "TM. BAN")), None);
        assert!(w.iter().any(|w| w.message.contains("state form")), "{w:?}");
    }
}
