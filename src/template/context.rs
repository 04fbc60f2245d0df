//! The data a template sees: the one place its shape is written down.
//!
//! ```text
//! kind, reasons, meta, period, place, set_aside, notes   as in ReportData
//! sections.<id>        every section id of the kind, each a list (maybe empty) of
//!                      paragraphs { line, label, text }
//! letter.superior      ĐẢNG BỘ QUẬN LONG BIÊN            (may be empty)
//! letter.issuer        ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG          (may be empty)
//! letter.number        05 (null when not given)
//! letter.symbol        BC/ĐU
//! letter.number_line   Số 05-BC/ĐU
//! letter.place_date    Phúc Đồng, ngày 13 tháng 01 năm 2022
//! letter.date          2022-01-13 (the report date, or the day it is made)
//! letter.organisation  Đảng bộ phường, Chi bộ … whose congress elected the
//!                      issuer (null when the issuer does not say)
//! ```
//!
//! Every section of the kind is present, so a strict template can test
//! `sections.economy` without a missing-value error; a section the kind does
//! not have is an error naming it.

use crate::error::{Error, Location, Result};
use crate::letter::Letter;
use crate::report::ReportData;
use crate::t;
use crate::vn::Date;

/// The template context of `data` with its resolved `letter`; `ids` are the
/// section ids of the data's kind.
pub fn context(
    data: &ReportData,
    letter: &Letter,
    date: Date,
    ids: &[&str],
) -> Result<serde_json::Value> {
    let mut sections = serde_json::Map::new();
    for id in ids {
        sections.insert(id.to_string(), serde_json::Value::Array(Vec::new()));
    }
    for s in &data.sections {
        let Some(slot) = sections.get_mut(&s.id) else {
            return Err(Error::invalid(
                Location::file(
                    data.meta
                        .source
                        .clone()
                        .unwrap_or_else(|| t!("report-data")),
                ),
                t!("section-unknown", id = &s.id),
            )
            .with_hint(t!("section-unknown-hint", ids = ids.join(", "))));
        };
        if let serde_json::Value::Array(list) = slot {
            for p in &s.paragraphs {
                let mut v = serde_json::to_value(p).map_err(|e| Error::Internal(e.to_string()))?;
                // A label is set in emphasis, which white space at its ends
                // would leave open: its asterisks would print.
                if let Some(label) = &p.label {
                    let label = label.trim();
                    v["label"] = match label.is_empty() {
                        true => serde_json::Value::Null,
                        false => label.into(),
                    };
                }
                list.push(v);
            }
        }
    }
    let mut value = serde_json::to_value(data).map_err(|e| Error::Internal(e.to_string()))?;
    value["sections"] = serde_json::Value::Object(sections);
    value["letter"] = serde_json::json!({
        "superior": letter.superior,
        "issuer": letter.issuer,
        "number": letter.number,
        "symbol": letter.symbol,
        "number_line": letter.number_line,
        "place_date": letter.place_date,
        "date": date.to_string(),
        "organisation": crate::letter::organisation(&letter.issuer),
    });
    Ok(value)
}
