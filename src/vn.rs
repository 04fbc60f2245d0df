//! Vietnamese writing conventions of official documents (spec §5): dates,
//! Roman numerals, upper case and number format. Shared by the article reader,
//! the template helpers and the layout.

use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date, if it exists on the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (the command-line form).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Parses a Vietnamese day-first date: `13/01/2022`, `9/2/2020`, `01-10-1997`.
    pub fn parse_dmy(s: &str) -> Option<Date> {
        let sep = if s.contains('/') { '/' } else { '-' };
        let mut it = s.trim().split(sep);
        let (d, m, y) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || d.is_empty() || d.len() > 2 || m.len() > 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The header form of spec §2.2-4: `ngày 05 tháng 01 năm 2026`. Days 1–9 and
    /// months 1–2 take a leading zero; other months do not.
    pub fn header_form(&self) -> String {
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!("ngày {:02} tháng {} năm {}", self.day, month, self.year)
    }

    /// Today's date (UTC) from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Date::from_days(secs.div_euclid(86_400))
    }

    /// The date `days` after 1970-01-01 (H. Hinnant's civil-from-days).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Seconds since 1970-01-01 at midnight UTC of this date.
    pub fn unix_timestamp(&self) -> i64 {
        // Days from civil (H. Hinnant's algorithm).
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) * 86_400
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// `BÁO CÁO` → `Báo cáo`: the first letter in capitals, the rest lower case.
pub fn sentence_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Roman numeral for 1..=3999 (`I`, `IV`, `XXII`); other values in Arabic digits.
pub fn roman(n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Parses a Roman numeral (`XIII`); `None` for anything else.
pub fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || !s.chars().all(|c| "IVXLCDM".contains(c)) {
        return None;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        _ => 1000,
    };
    let digits: Vec<u32> = s.chars().map(value).collect();
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    let n = u32::try_from(total).ok()?;
    (roman(n) == s).then_some(n)
}

/// Letters used for points (`a)`, `b)` … `đ)`), in Vietnamese alphabetical order.
pub const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// Lower case that keeps every character's byte length, so an offset found
/// in the lower-cased text is one in the original text. A character whose
/// lower case is longer or shorter (`İ`, `ẞ`, the Kelvin sign) stays as it
/// is; Vietnamese letters all lower-case to their own length.
pub trait Lower {
    fn lower(&self) -> String;
}

impl Lower for str {
    fn lower(&self) -> String {
        if self.is_ascii() {
            return self.to_ascii_lowercase();
        }
        let mut out = String::with_capacity(self.len());
        for c in self.chars() {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(d), None) if d.len_utf8() == c.len_utf8() => out.push(d),
                _ => out.push(c),
            }
        }
        out
    }
}

/// Unicode-aware upper case (`Đảng ủy` → `ĐẢNG ỦY`).
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// Vietnamese number format: dot for thousands, comma for decimals
/// (`1234.5` with one decimal → `1.234,5`).
pub fn format_number(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_date_pads_days_and_first_two_months_only() {
        let d = |y, m, d| Date::new(y, m, d).unwrap().header_form();
        assert_eq!(d(2026, 1, 5), "ngày 05 tháng 01 năm 2026");
        assert_eq!(d(2018, 2, 20), "ngày 20 tháng 02 năm 2018");
        assert_eq!(d(2018, 4, 3), "ngày 03 tháng 4 năm 2018");
        assert_eq!(d(2022, 12, 13), "ngày 13 tháng 12 năm 2022");
    }

    #[test]
    fn dates_parse_and_validate() {
        assert_eq!(Date::parse_dmy("13/01/2022"), Date::new(2022, 1, 13));
        assert_eq!(Date::parse_dmy("9/2/2020"), Date::new(2020, 2, 9));
        assert_eq!(Date::parse_dmy("01-10-1997"), Date::new(1997, 10, 1));
        assert_eq!(Date::parse_dmy("30/02/2021"), None);
        assert_eq!(Date::parse_iso("2024-02-29"), Date::new(2024, 2, 29));
        assert_eq!(Date::parse_iso("2023-02-29"), None);
        assert_eq!(Date::parse_iso("13/01/2022"), None);
    }

    #[test]
    fn unix_timestamps() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().unix_timestamp(), 0);
        assert_eq!(
            Date::new(2022, 1, 13).unwrap().unix_timestamp(),
            1_642_032_000
        );
    }

    #[test]
    fn roman_numerals_round_trip() {
        assert_eq!(roman(13), "XIII");
        assert_eq!(roman(22), "XXII");
        assert_eq!(roman(4), "IV");
        for n in 1..200 {
            assert_eq!(parse_roman(&roman(n)), Some(n));
        }
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("Hà"), None);
    }

    #[test]
    fn numbers_use_vietnamese_separators() {
        assert_eq!(format_number(1234.5, 1), "1.234,5");
        assert_eq!(format_number(114.3, 1), "114,3");
        assert_eq!(format_number(1_257.0, 0), "1.257");
        assert_eq!(format_number(-43_400_000.0, 0), "-43.400.000");
        assert_eq!(format_number(999.0, 0), "999");
    }

    #[test]
    fn lower_case_keeps_every_offset() {
        assert_eq!("ĐẢNG ỦY Phường ƯỚC Ơ".lower(), "đảng ủy phường ước ơ");
        // Vietnamese letters lower-case as `str::to_lowercase` does.
        let letters: String = ('\u{c0}'..='\u{1b0}')
            .chain('\u{1ea0}'..='\u{1ef9}')
            .filter(|&c| c != 'İ')
            .collect();
        assert_eq!(letters.lower(), letters.to_lowercase());
        for hostile in [
            "İstanbul",
            "\u{212a}elvin",
            "Stra\u{1e9e}e",
            "\u{2126}hm",
            "ȺȾ",
        ] {
            let lower = hostile.lower();
            assert_eq!(lower.len(), hostile.len(), "{hostile}");
            let same: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
            let want: Vec<usize> = hostile.char_indices().map(|(i, _)| i).collect();
            assert_eq!(same, want, "{hostile}");
        }
        assert_eq!("İ\u{212a}".lower(), "İ\u{212a}");
    }

    #[test]
    fn upper_case_keeps_vietnamese_marks() {
        assert_eq!(
            upper("Đảng ủy phường Phúc Đồng"),
            "ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG"
        );
    }
}
