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
use crate::profile::{BodyKind, Field, FormatProfile, WarningRule};
use crate::report::ReportData;
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
}

/// Resolves the letterhead of `data`; the warnings say what is blank or wrong.
pub fn resolve(
    data: &ReportData,
    given: Given,
    profile: &FormatProfile,
    warnings: &mut Vec<Warning>,
) -> Result<Letter> {
    let source = data.meta.source.as_deref().unwrap_or("report data");
    let date = match (given.date, &data.meta.date) {
        (Some(d), _) => Some(d),
        (None, Some(iso)) => Some(Date::parse_iso(iso).ok_or_else(|| {
            Error::Usage(format!(
                "the report data has an invalid date `{iso}` (expected YYYY-MM-DD)"
            ))
        })?),
        (None, None) => {
            warnings.push(Warning::at(
                Location::file(source),
                "the article has no publication date, so the date line is left blank; give the report date with --date YYYY-MM-DD",
            ));
            None
        }
    };
    let org = given.org.cloned().unwrap_or_default();
    let signer = org.signer.clone().unwrap_or_default();
    let place = &data.place;
    let derived = |kind: &Option<String>, name: &Option<String>, body: &str| match (kind, name) {
        (Some(k), Some(n)) => Some(vn::upper(&format!("{body} {k} {n}"))),
        _ => None,
    };
    let issuer = org
        .issuer
        .clone()
        .or_else(|| derived(&place.ward_type, &place.ward, "Đảng ủy"));
    let superior = org
        .superior
        .clone()
        .or_else(|| derived(&place.district_type, &place.district, "Đảng bộ"));
    let place_name = org.place.clone().or_else(|| place.ward.clone());

    let signing = &profile.signing;
    let body = issuer.as_deref().and_then(|i| {
        signing
            .bodies
            .iter()
            .find(|b| b.issuer_starts.iter().any(|s| i.starts_with(s.as_str())))
    });
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
    let number = given
        .number
        .or(org.number)
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
    let mut need = |value: bool, what: &str| {
        if !value {
            missing.push(what.to_string());
        }
    };
    need(superior.is_some(), "superior body");
    need(issuer.is_some(), "issuing body");
    need(place_name.is_some(), "place name");
    need(number.is_some(), "document number");
    need(authority.is_some(), "signing authority");
    need(signer.title.is_some(), "signer's title");
    need(signer.name.is_some(), "signer's name");
    need(org.recipients.is_some(), "recipients");
    if !missing.is_empty() {
        let from = if given.org.is_some() {
            "the organisation profile"
        } else {
            "the article"
        };
        warnings.push(Warning::new(format!(
            "not in {from}, left blank: {}; give them in an organisation profile with --org",
            missing.join(", ")
        )));
    }
    if let Some(a) = &authority {
        let kind: Option<BodyKind> = body.map(|b| b.kind);
        for w in &signing.warn {
            let applies = w.bodies.is_empty() || kind.is_some_and(|k| w.bodies.contains(&k));
            if applies && a.starts_with(w.prefix.as_str()) {
                warnings.push(Warning::new(match w.rule {
                    WarningRule::CollectiveSignsTm => format!(
                        "signing authority `{a}`: a Party committee signs T/M (thay mặt); K/T is for advisory bodies only"
                    ),
                    WarningRule::StateForm => format!(
                        "signing authority `{a}` uses the state form; Party documents write T/M, K/T, T/L"
                    ),
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
        authority: authority.unwrap_or_default(),
        title: signer.title.unwrap_or_default(),
        name: signer.name.unwrap_or_default(),
        recipients: org.recipients.unwrap_or_default(),
        filing_line: filing_line.clone(),
    })
}
