//! The organisation profile (`--org org.yaml`): who issues the report, its
//! number and symbol, who signs it and who receives it. Without `--org` it
//! is `baocao.yaml` in the current folder, else in the user's configuration
//! folder ([`locate`]); `baocao init` writes one to fill in ([`STARTER`]).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::profile::BodyKind;
use crate::t;

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
    /// Which file this is and how it was found, for the report's warnings.
    #[serde(skip)]
    pub source: Option<String>,
}

/// The name of a profile found without `--org`.
pub const FILE_NAME: &str = "baocao.yaml";

/// The profile `baocao init` writes: every key, empty, under a Vietnamese
/// comment that says what goes there.
pub const STARTER: &str = include_str!("../templates/baocao.yaml");

/// The keys of a profile, as `--help` lists them.
pub const KEYS: &str = "superior, issuer, place, number, symbol, body, signer (authority, title, name), recipients, filing";

/// How a profile was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Named with `--org`.
    Given,
    /// `./baocao.yaml`.
    CurrentFolder,
    /// `baocao.yaml` in the user's configuration folder.
    UserConfig,
}

/// `baocao.yaml` in the user's configuration folder by the platform's
/// convention: `$XDG_CONFIG_HOME/baocao` or `~/.config/baocao` on Linux,
/// `~/Library/Application Support/baocao` on macOS, `%APPDATA%\baocao\config`
/// on Windows. `None` without a home folder.
pub fn user_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "baocao").map(|d| d.config_dir().join(FILE_NAME))
}

/// The profile to use: `given`, else `./baocao.yaml`, else the user's file,
/// else none.
pub fn locate(given: Option<&Path>) -> Option<(PathBuf, Origin)> {
    if let Some(path) = given {
        return Some((path.to_path_buf(), Origin::Given));
    }
    let here = PathBuf::from(FILE_NAME);
    if here.is_file() {
        return Some((here, Origin::CurrentFolder));
    }
    user_file()
        .filter(|p| p.is_file())
        .map(|p| (p, Origin::UserConfig))
}

/// The profile [`locate`] finds, read and parsed, its [`Org::source`] set.
pub fn load(given: Option<&Path>, max_input_size: u64) -> Result<Option<Org>> {
    let Some((path, origin)) = locate(given) else {
        return Ok(None);
    };
    let bytes = crate::input::read_limited(&path, max_input_size)?;
    let mut org = Org::read(&path.display().to_string(), &bytes)?;
    org.source = Some(crate::messages::org_used(&path, origin));
    Ok(Some(org))
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
        crate::yaml::from_str(file, text, &t!("org-yaml-hint", keys = KEYS))
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
    fn the_starter_profile_parses_empty_and_names_every_key() {
        let org = Org::parse("baocao.yaml", STARTER).unwrap();
        assert_eq!(org.issuer, None);
        assert_eq!(org.number, None);
        assert_eq!(org.recipients, None);
        let keys: Vec<&str> = STARTER
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim()))
            .collect();
        for key in KEYS.replace(['(', ')'], ",").split(',') {
            let key = key.trim();
            if key.is_empty() {
                continue;
            }
            assert!(keys.contains(&key), "{key} missing from {keys:?}");
        }
        // Each key is explained in Vietnamese on the line above it.
        let lines: Vec<&str> = STARTER.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if !l.trim_start().starts_with('#') && l.contains(':') {
                assert!(lines[i - 1].trim_start().starts_with('#'), "{l}");
            }
        }
    }

    #[test]
    fn wrong_type_names_line_and_column() {
        let text = SAMPLE.replace("number: 45", "number: bốn lăm");
        let err = Org::parse("org.yaml", &text).unwrap_err().to_string();
        assert!(err.starts_with("org.yaml:4:9: "), "{err}");
    }
}
