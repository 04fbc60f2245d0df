//! Inputs: what a file is (an article or report data, by its name), reading
//! it within a size limit, and the files a folder holds.
//!
//! In: paths from the command line. Out: bytes with the name messages use,
//! and for folders the article and data files inside, in name order, each
//! file once.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result, Warning};
use crate::output::FileId;

/// The largest input read unless `--max-input-size` says otherwise: 16 MiB,
/// a thousand times a long article.
pub const DEFAULT_MAX_SIZE: u64 = 16 << 20;

/// The messages of this module.
mod msg {
    use std::path::Path;

    use crate::t;

    pub fn folder(path: &Path) -> String {
        t!("input-is-folder", path = path.display())
    }

    pub fn too_big(path: &Path, size: Option<u64>, max: u64) -> String {
        match size {
            Some(s) => t!(
                "input-too-large",
                path = path.display(),
                size = super::human(s),
                limit = super::human(max)
            ),
            None => t!(
                "input-too-large-stream",
                path = path.display(),
                limit = super::human(max)
            ),
        }
    }

    pub fn link_loop(path: &Path, ancestor: &Path) -> String {
        t!(
            "input-link-loop",
            path = path.display(),
            target = ancestor.display()
        )
    }

    pub fn twice(path: &Path, first: &Path) -> String {
        t!(
            "input-same-file",
            path = path.display(),
            other = first.display()
        )
    }

    pub fn bad_size(s: &str) -> String {
        t!("input-bad-size", value = s)
    }

    pub fn bytes(n: u64) -> String {
        t!("input-bytes", count = n)
    }
}

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

/// An error unless `path` names something to read that is not a folder.
pub fn require_file(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source: e,
    })?;
    if meta.is_dir() {
        return Err(Error::Usage(msg::folder(path)));
    }
    Ok(())
}

/// The bytes of an input file, at most [`DEFAULT_MAX_SIZE`].
pub fn read(path: &Path) -> Result<Vec<u8>> {
    read_limited(path, DEFAULT_MAX_SIZE)
}

/// The bytes of an input file of at most `max` bytes. A folder is refused
/// with a hint; a file, FIFO or device that holds more (`/dev/zero`) is an
/// error once `max + 1` bytes have been read, never read to its end.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>> {
    let io = |e: std::io::Error| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source: e,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(Error::Usage(msg::folder(path)));
    }
    if meta.is_file() && meta.len() > max {
        return Err(Error::Usage(msg::too_big(path, Some(meta.len()), max)));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(if meta.is_file() {
        meta.len() as usize
    } else {
        0
    });
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(Error::Usage(msg::too_big(path, None, max)));
    }
    Ok(bytes)
}

/// `16M`, `512K`, `1G`, `1048576`, `2MiB`: a size in bytes (K, M, G are
/// binary: KiB, MiB, GiB).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(digits);
    let n: u64 = n.parse().map_err(|_| msg::bad_size(s))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(msg::bad_size(s)),
    };
    n.checked_mul(1 << shift).ok_or_else(|| msg::bad_size(s))
}

/// `16 MiB`, `93 KiB`, `512 bytes`.
fn human(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GiB", n >> 30),
        n if n >= 1 << 20 => {
            format!("{:.1} MiB", n as f64 / (1 << 20) as f64).replace(".0 MiB", " MiB")
        }
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => msg::bytes(n),
    }
}

/// The files of a batch and what was noticed collecting them.
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
}

/// Every input file of `inputs`, in order: files as given, folders by their
/// `.txt`, `.yaml` and `.yml` files, recursively, in name order, hidden ones
/// skipped. Links are followed; a link back into a folder being walked is
/// skipped with a warning, and a file reached twice (two links, a folder and
/// a file in it) is taken once. A missing input is an error naming it.
pub fn collect(inputs: &[PathBuf]) -> Result<Collected> {
    let mut out = Collected::default();
    let mut seen: Vec<(FileId, PathBuf)> = Vec::new();
    let mut add = |path: PathBuf, out: &mut Collected| {
        // A file that cannot be identified (unreadable) still goes in: it
        // fails alone, with its reason, at the end of the batch.
        if let Some(id) = FileId::of(&path) {
            if let Some((_, first)) = seen.iter().find(|(i, _)| *i == id) {
                out.warnings.push(Warning::new(msg::twice(&path, first)));
                return;
            }
            seen.push((id, path.clone()));
        }
        out.files.push(path);
    };
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::Io {
            action: "read",
            path: input.clone(),
            source: e,
        })?;
        if !meta.is_dir() {
            add(input.clone(), &mut out);
            continue;
        }
        let walk = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) if is_input_name(e.path()) => add(e.into_path(), &mut out),
                Ok(_) => {}
                Err(e) => {
                    if let (Some(path), Some(ancestor)) = (e.path(), e.loop_ancestor()) {
                        out.warnings
                            .push(Warning::new(msg::link_loop(path, ancestor)));
                        continue;
                    }
                    let path = e.path().unwrap_or(input).to_path_buf();
                    // A broken link or unreadable file named like an input
                    // fails alone later; an unreadable folder stops here.
                    if is_input_name(&path) && !path.is_dir() {
                        add(path, &mut out);
                        continue;
                    }
                    let source = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("cannot walk the folder"));
                    return Err(Error::Io {
                        action: "read",
                        path,
                        source,
                    });
                }
            }
        }
    }
    Ok(out)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn is_input_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_lowercase().as_str(), "txt" | "yaml" | "yml"))
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

    #[test]
    fn sizes_are_bytes_or_binary_multiples() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("sixteen").is_err());
        assert!(parse_size("99999999999G").is_err());
        assert_eq!(human(16 << 20), "16 MiB");
        assert_eq!(human(93 << 10), "93 KiB");
    }

    #[test]
    fn a_file_larger_than_the_limit_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, vec![b'a'; 2048]).unwrap();
        assert_eq!(read_limited(&p, 2048).unwrap().len(), 2048);
        let err = read_limited(&p, 2047).unwrap_err().to_string();
        assert!(err.contains("is 2 KiB, more than the 2047 bytes"), "{err}");
        let err = read_limited(dir.path(), 10).unwrap_err().to_string();
        assert!(err.contains("is a folder"), "{err}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_endless_device_is_read_only_up_to_the_limit() {
        let err = read_limited(Path::new("/dev/zero"), 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(err.contains("holds more than the 1 MiB"), "{err}");
    }
}
