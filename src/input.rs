//! Inputs: what a file is (an article or report data, by its name), reading
//! it, and the files a folder holds.
//!
//! In: paths from the command line. Out: bytes with the name messages use,
//! and for folders the article and data files inside, in name order.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What an input file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// An article as copied from a portal (plain text).
    Article,
    /// Report data as `baocao inspect` prints it (`.yaml`, `.yml`).
    Data,
}

impl InputKind {
    /// The kind of the input named `name`: report data when it ends in
    /// `.yaml` or `.yml` (any case), an article otherwise.
    pub fn of(name: &str) -> InputKind {
        let lower = name.to_lowercase();
        if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            InputKind::Data
        } else {
            InputKind::Article
        }
    }
}

/// The bytes of an input file.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source: e,
    })
}

/// Every input file of `inputs`, in order: files as given, folders by their
/// `.txt`, `.yaml` and `.yml` files, recursively, in name order, hidden ones
/// skipped. A missing input is an error naming it.
pub fn collect(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::Io {
            action: "read",
            path: input.clone(),
            source: e,
        })?;
        if meta.is_dir() {
            walk(input, &mut files)?;
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
        action: "read",
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_lowercase().as_str(), "txt" | "yaml" | "yml"))
        {
            files.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_known_by_their_extension_in_any_case() {
        assert_eq!(InputKind::of("a/b.yaml"), InputKind::Data);
        assert_eq!(InputKind::of("B.YML"), InputKind::Data);
        assert_eq!(InputKind::of("b.txt"), InputKind::Article);
        assert_eq!(InputKind::of("yaml"), InputKind::Article);
    }
}
