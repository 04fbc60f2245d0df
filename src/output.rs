//! Outputs: the backends that turn pages into a file, the names of the files
//! a run writes, the checks that no output is an input or another output,
//! and writing them so that a failure never leaves a broken file where a
//! good one was.
//!
//! In: laid-out pages, target paths. Out: files on disk.

mod guard;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::page::{Metadata, Page};

pub use guard::{check, remove_stale_temporaries, resolve, FileId, STALE_AFTER};

/// Turns laid-out pages into the bytes of a file: PDF now
/// ([`crate::render::pdf::Pdf`]), a picture format later.
pub trait Backend: Sync {
    /// The file name extension of what it writes (`pdf`).
    fn extension(&self) -> &'static str;
    /// The file of `pages` with document information `meta`.
    fn write(&self, pages: &[Page], meta: &Metadata) -> Result<Vec<u8>>;
}

/// Where a single report goes without `-o`: `<input name>.<extension>` in
/// the current folder.
pub fn default_name(input: &Path, extension: &str) -> PathBuf {
    let stem = input.file_stem().unwrap_or(input.as_os_str());
    PathBuf::from(stem).with_extension(extension)
}

/// Output file names of a batch: `<out>/<input name>.pdf`, with `-2`, `-3` …
/// added when two inputs share a name (whatever its case).
pub fn batch_names(files: &[PathBuf], out_dir: &Path) -> Vec<PathBuf> {
    let mut taken: Vec<String> = Vec::new();
    files
        .iter()
        .map(|f| {
            let stem = f
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("report")
                .to_string();
            // Compared without case: on Windows and macOS `A.pdf` is `a.pdf`.
            let mut name = stem.clone();
            let mut n = 1;
            while taken.contains(&name.to_lowercase()) {
                n += 1;
                name = format!("{stem}-{n}");
            }
            taken.push(name.to_lowercase());
            out_dir.join(format!("{name}.pdf"))
        })
        .collect()
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so
/// `path` is either the old file or the complete new one, never half-written.
///
/// A symbolic link is written through: its target (followed to the end) is
/// replaced and the link stays. A target that is not a regular file (a
/// folder, a FIFO, a device) is refused. The temporary file is
/// `.baocao-<pid>-<random>.tmp`; it is removed if the process is
/// interrupted (SIGINT, SIGTERM) before the rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let target = resolve(path)?;
    let io = |e: std::io::Error| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source: e,
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = format!("{}{}-", guard::TEMP_PREFIX, std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(guard::TEMP_SUFFIX);
    // Temporary files are private (0600); a report is not. Keep the mode of
    // the file being replaced, or give a new one the usual mode under umask.
    match std::fs::metadata(&target) {
        Ok(m) => {
            builder.permissions(m.permissions());
        }
        #[cfg(unix)]
        Err(_) => {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        #[cfg(not(unix))]
        Err(_) => {}
    }
    let (mut tmp, registered) = guard::create_temporary(|| builder.tempfile_in(dir)).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    registered.persist(tmp, &target).map_err(io)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_names_do_not_collide() {
        let files = [
            PathBuf::from("a/bao-cao.txt"),
            PathBuf::from("b/bao-cao.txt"),
            PathBuf::from("c.yaml"),
            PathBuf::from("d/Bao-Cao.txt"),
        ];
        let names = batch_names(&files, Path::new("out"));
        assert_eq!(
            names,
            [
                PathBuf::from("out/bao-cao.pdf"),
                PathBuf::from("out/bao-cao-2.pdf"),
                PathBuf::from("out/c.pdf"),
                PathBuf::from("out/Bao-Cao-3.pdf")
            ]
        );
    }

    #[test]
    fn the_default_name_is_the_input_name_here() {
        assert_eq!(
            default_name(Path::new("seeds/000.txt"), "pdf"),
            PathBuf::from("000.pdf")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.pdf");
        std::fs::write(&target, b"old").unwrap();
        let link = dir.path().join("link.pdf");
        std::os::unix::fs::symlink("real.pdf", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 2, "{left:?}");
    }

    #[test]
    fn a_folder_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomically(dir.path(), b"x").unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
        assert!(dir.path().is_dir());
    }
}
