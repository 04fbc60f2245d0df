//! Errors and warnings for people: each names the file (and where known the
//! line and column) and says what to do about it.

use std::fmt;
use std::path::PathBuf;

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
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An input (article, data file, organisation or format profile, template)
    /// is not what it should be.
    #[error("{at}: {message}{}", hint.as_ref().map(|h| format!("\n  hint: {h}")).unwrap_or_default())]
    Invalid {
        at: Location,
        message: String,
        hint: Option<String>,
    },
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// A fault of baocao itself, not of the input.
    #[error("internal error: {0} (please report this with the input that caused it)")]
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
        let message = match text.rfind(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        Error::invalid(at, message)
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
