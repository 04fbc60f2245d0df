//! The organisation profile (`--org org.yaml`): who issues the report, its
//! number and symbol, who signs it and who receives it.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::profile::BodyKind;

/// An organisation profile as written in YAML. Every field is optional; what
/// is missing is taken from the article where possible, else left blank.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Org {
    /// Direct superior Party body, in capitals (`ĐẢNG BỘ QUẬN LONG BIÊN`).
    pub superior: Option<String>,
    /// Issuing body, in capitals (`ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG`).
    pub issuer: Option<String>,
    /// Place name for the date line (`Phúc Đồng`).
    pub place: Option<String>,
    /// Document number within the committee's term (`45`).
    #[serde(default, deserialize_with = "crate::report::checked::number")]
    pub number: Option<u32>,
    /// Type and issuer abbreviation after the number (`BC/ĐU`).
    pub symbol: Option<String>,
    /// What kind of body issues the report (`committee`, `standing`,
    /// `chi-bo`, `advisory`, `congress`): its signing rules apply. Without
    /// it the issuer's name decides.
    pub body: Option<BodyKind>,
    pub signer: Option<Signer>,
    /// Recipient lines without the leading dash (`Ban Thường vụ Quận ủy;`).
    pub recipients: Option<Vec<String>>,
    /// The filing line closing the recipients (`- Lưu Văn phòng Đảng ủy.`).
    pub filing: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// Signing authority (`T/M ĐẢNG ỦY`).
    pub authority: Option<String>,
    /// Title of the signer (`BÍ THƯ`).
    pub title: Option<String>,
    /// Full name (`Nguyễn Thị Ngọc`).
    pub name: Option<String>,
}

impl Org {
    /// Reads an organisation profile from its bytes (UTF-8 or UTF-16).
    pub fn read(file: &str, bytes: &[u8]) -> Result<Org> {
        Org::parse(file, &crate::encoding::decode(file, bytes)?)
    }

    /// Parses an organisation profile; unknown keys and wrong types are errors
    /// with line and column.
    pub fn parse(file: &str, text: &str) -> Result<Org> {
        if text.trim().is_empty() {
            return Ok(Org::default());
        }
        crate::yaml::from_str(
            file,
            text,
            "known keys: superior, issuer, place, number, symbol, body, signer (authority, title, name), recipients, filing",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
superior: ĐẢNG BỘ QUẬN LONG BIÊN
issuer: ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG
place: Phúc Đồng
number: 45
symbol: BC/ĐU
signer:
  authority: T/M ĐẢNG ỦY
  title: BÍ THƯ
  name: Nguyễn Thị Ngọc
recipients:
  - Ban Thường vụ Quận ủy Long Biên;
  - Lưu Văn phòng Đảng ủy.
";

    #[test]
    fn parses_a_full_profile() {
        let org = Org::parse("org.yaml", SAMPLE).unwrap();
        assert_eq!(org.number, Some(45));
        assert_eq!(org.signer.unwrap().name.as_deref(), Some("Nguyễn Thị Ngọc"));
        assert_eq!(org.recipients.unwrap().len(), 2);
    }

    #[test]
    fn unknown_key_names_line_and_column() {
        let text = SAMPLE.replace("  title: BÍ THƯ", "  tittle: BÍ THƯ");
        let err = Org::parse("org.yaml", &text).unwrap_err().to_string();
        assert!(
            err.starts_with("org.yaml:8:3: signer: unknown field `tittle`"),
            "{err}"
        );
    }

    #[test]
    fn wrong_type_names_line_and_column() {
        let text = SAMPLE.replace("number: 45", "number: bốn lăm");
        let err = Org::parse("org.yaml", &text).unwrap_err().to_string();
        assert!(err.starts_with("org.yaml:4:9: "), "{err}");
    }
}
