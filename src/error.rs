//! Errors and warnings for people: each names the file (and where known the
//! line and column) and says what to do about it.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n;
use crate::t;

/// Where in an input something was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Location {
        Location {
            file: file.into(),
            line: None,
            column: None,
        }
    }

    pub fn line(file: impl Into<String>, line: usize) -> Location {
        Location {
            file: file.into(),
            line: Some(line),
            column: None,
        }
    }

    pub fn at(file: impl Into<String>, line: usize, column: usize) -> Location {
        Location {
            file: file.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}", io_message(action, path, source))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An input (article, data file, organisation or format profile, template)
    /// is not what it should be.
    #[error("{at}: {message}{}", hint.as_ref().map(|h| format!("\n  {}: {h}", t!("hint"))).unwrap_or_default())]
    Invalid {
        at: Location,
        message: String,
        hint: Option<String>,
    },
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// A fault of baocao itself, not of the input.
    #[error("{}", t!("error-internal", detail = .0))]
    Internal(String),
}

impl Error {
    pub fn invalid(at: Location, message: impl Into<String>) -> Error {
        Error::Invalid {
            at,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(self, hint: impl Into<String>) -> Error {
        match self {
            Error::Invalid { at, message, .. } => Error::Invalid {
                at,
                message,
                hint: Some(hint.into()),
            },
            other => other,
        }
    }

    /// A YAML error located in `file`.
    pub fn yaml(file: &str, err: &serde_yaml::Error) -> Error {
        let at = match err.location() {
            Some(l) => Location::at(file, l.line(), l.column()),
            None => Location::file(file),
        };
        // serde_yaml appends " at line L column C" to its messages; the location
        // already says so.
        let text = err.to_string();
        let text = match text.rfind(" at line ") {
            Some(i) => &text[..i],
            None => &text,
        };
        Error::invalid(at, yaml_message(text))
    }
}

/// "cannot read FILE: why", for the actions files are read, written and
/// created with; another action is named as it is given.
fn io_message(action: &str, path: &Path, source: &std::io::Error) -> String {
    let path = path.display();
    let reason = i18n::io_reason(source);
    match action {
        "read" => t!("io-cannot-read", path = path, reason = reason),
        "write" => t!("io-cannot-write", path = path, reason = reason),
        "create" => t!("io-cannot-create", path = path, reason = reason),
        _ => t!("io-cannot", action = action, path = path, reason = reason),
    }
}

/// A YAML reader's message in words for people: the mistakes of data
/// written by hand in the current language, the reader's own text (which
/// quotes the input) inside a sentence for the rest.
fn yaml_message(text: &str) -> String {
    // serde_yaml puts the key path first (`meta.title: invalid type: …`).
    if let Some((path, rest)) = text.split_once(": ") {
        let is_path = !path.is_empty()
            && path
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '[' | ']'));
        if is_path {
            return format!("{path}: {}", yaml_message(rest));
        }
    }
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let field = quoted(rest).unwrap_or_default();
        let known: Vec<&str> = rest
            .split_once("expected ")
            .map(|(_, e)| e.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        return t!(
            "yaml-unknown-field",
            field = field,
            known = known.join(", ")
        );
    }
    if let Some(rest) = text.strip_prefix("missing field ") {
        return t!(
            "yaml-missing-field",
            field = quoted(rest).unwrap_or_default()
        );
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        return t!("yaml-invalid-type", detail = rest);
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        return t!("yaml-invalid-value", detail = rest);
    }
    if let Some(rest) = text.strip_prefix("unknown variant ") {
        let known: Vec<&str> = rest
            .split_once("expected ")
            .map(|(_, e)| e.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let value = quoted(rest).unwrap_or_default();
        return t!(
            "yaml-unknown-variant",
            value = value,
            known = known.join(", ")
        );
    }
    // The YAML parser's (libyaml's) usual complaints, then its own words.
    let detail = match text.trim_start_matches("while parsing a block mapping, ") {
        "mapping values are not allowed in this context" => t!("yaml-colon-here"),
        "did not find expected key" => t!("yaml-expected-key"),
        "could not find expected ':'" => t!("yaml-expected-colon"),
        "found unexpected end of stream" => t!("yaml-unexpected-end"),
        "found character that cannot start any token" => t!("yaml-bad-character"),
        "found a tab character that violates indentation" => t!("yaml-tab"),
        "did not find expected node content" => t!("yaml-expected-value"),
        "found unknown escape character" => t!("yaml-bad-escape"),
        "did not find expected '-' indicator" => t!("yaml-expected-dash"),
        other => other.to_string(),
    };
    // Only the parser's own complaints get the frame: a message of a
    // check (`9 is not a quarter…`) is already in words for people.
    let parser = [
        "found ",
        "did not find",
        "could not find",
        "while ",
        "mapping values",
        "block sequence",
        "control characters",
        "invalid leading",
        "invalid trailing",
        "unexpected end",
    ];
    if parser.iter().any(|p| text.starts_with(p)) {
        t!("yaml-syntax", detail = detail)
    } else {
        detail
    }
}

/// Something the user should know that does not stop the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub at: Option<Location>,
    pub message: String,
}

impl Warning {
    pub fn new(message: impl Into<String>) -> Warning {
        Warning {
            at: None,
            message: message.into(),
        }
    }

    pub fn at(at: Location, message: impl Into<String>) -> Warning {
        Warning {
            at: Some(at),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{at}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
