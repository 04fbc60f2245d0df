//! Values of report data and organisation profiles checked as they are
//! read, so an error names the file, line, column and data path
//! (`period.quarter: …`) instead of printing `quý IX` or `năm 0`.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Error, Visitor};

use crate::vn::Date;

/// The years a report may be about or dated in.
pub const YEARS: std::ops::RangeInclusive<i64> = 1945..=2100;

/// The messages of these checks.
mod msg {
    use crate::t;

    pub fn out_of_range(what: &str, value: i64, low: i64, high: i64) -> String {
        let what = match what {
            "year" => t!("checked-year"),
            "quarter" => t!("checked-quarter"),
            "half-year" => t!("checked-half"),
            "document number" => t!("checked-number"),
            other => other.to_string(),
        };
        t!(
            "checked-out-of-range",
            value = value.to_string(),
            what = what,
            low = low.to_string(),
            high = high.to_string()
        )
    }
    pub fn bad_date(value: &str) -> String {
        t!("checked-bad-date", value = value)
    }
    pub fn bad_term(start: i32, end: i32) -> String {
        t!(
            "checked-bad-term",
            start = start.to_string(),
            end = end.to_string()
        )
    }
}

/// An optional value read by `inner` while the parser is at it, so that an
/// error from `inner` gets the value's line, column and data path.
struct Optional<V>(V);

impl<'de, V: Read<'de>> Visitor<'de> for Optional<V> {
    type Value = Option<V::Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }
    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.read(d).map(Some)
    }
}

/// How a checking visitor asks the parser for its value.
trait Read<'de>: Visitor<'de> {
    fn read<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error>;
}

/// A whole number from `low` to `high`.
#[derive(Clone, Copy)]
struct Within {
    what: &'static str,
    low: i64,
    high: i64,
}

impl Within {
    fn check<E: Error>(self, v: i64) -> Result<i64, E> {
        if (self.low..=self.high).contains(&v) {
            Ok(v)
        } else {
            Err(E::custom(msg::out_of_range(
                self.what, v, self.low, self.high,
            )))
        }
    }
}

impl<'de> Visitor<'de> for Within {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a {} from {} to {}", self.what, self.low, self.high)
    }
    fn visit_i64<E: Error>(self, v: i64) -> Result<i64, E> {
        self.check(v)
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<i64, E> {
        self.check(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl<'de> Read<'de> for Within {
    fn read<D: Deserializer<'de>>(self, d: D) -> Result<i64, D::Error> {
        d.deserialize_i64(self)
    }
}

/// A `YYYY-MM-DD` date of the calendar in [`YEARS`].
#[derive(Clone, Copy)]
struct IsoDate;

impl<'de> Visitor<'de> for IsoDate {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date written YYYY-MM-DD")
    }
    fn visit_str<E: Error>(self, s: &str) -> Result<String, E> {
        match Date::parse_iso(s) {
            Some(date) if YEARS.contains(&i64::from(date.year)) => Ok(s.to_string()),
            _ => Err(E::custom(msg::bad_date(s))),
        }
    }
}

impl<'de> Read<'de> for IsoDate {
    fn read<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

/// A term: it starts in [`YEARS`] and ends one to five years later.
#[derive(Clone, Copy)]
struct Checked;

impl<'de> Visitor<'de> for Checked {
    type Value = super::Term;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a term: start and end")
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<super::Term, A::Error> {
        let t = super::Term::deserialize(de::value::MapAccessDeserializer::new(map))?;
        let fits = YEARS.contains(&i64::from(t.start)) && (1..=5).contains(&(t.end - t.start));
        if fits {
            Ok(t)
        } else {
            Err(A::Error::custom(msg::bad_term(t.start, t.end)))
        }
    }
}

impl<'de> Read<'de> for Checked {
    fn read<D: Deserializer<'de>>(self, d: D) -> Result<super::Term, D::Error> {
        d.deserialize_map(self)
    }
}

fn within<'de, D: Deserializer<'de>>(
    d: D,
    what: &'static str,
    low: i64,
    high: i64,
) -> Result<Option<i64>, D::Error> {
    d.deserialize_option(Optional(Within { what, low, high }))
}

/// A year of the period: 1945–2100.
pub fn year<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    Ok(within(d, "year", *YEARS.start(), *YEARS.end())?.map(|v| v as i32))
}

/// A quarter: 1–4.
pub fn quarter<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    Ok(within(d, "quarter", 1, 4)?.map(|v| v as u8))
}

/// A half-year: 1–2.
pub fn half<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    Ok(within(d, "half-year", 1, 2)?.map(|v| v as u8))
}

/// A document number: 1–9999.
pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Ok(within(d, "document number", 1, 9999)?.map(|v| v as u32))
}

/// A date written `YYYY-MM-DD` that the calendar has, in [`YEARS`].
pub fn iso_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_option(Optional(IsoDate))
}

/// A term as report data writes it, checked.
pub fn term<'de, D: Deserializer<'de>>(d: D) -> Result<Option<super::Term>, D::Error> {
    d.deserialize_option(Optional(Checked))
}
