//! Outputs: the backends that turn pages into a file, the names of the files
//! a run writes, and writing them so that a failure never leaves a broken
//! file where a good one was.
//!
//! In: laid-out pages, target paths. Out: files on disk.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::page::{Metadata, Page};

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
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |e: std::io::Error| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source: e,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".baocao-").suffix(".tmp");
    // Temporary files are private (0600); a report is not. Keep the mode of
    // the file being replaced, or give a new one the usual mode under umask.
    match std::fs::metadata(path) {
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
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
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
}
