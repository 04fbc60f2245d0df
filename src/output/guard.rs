//! What keeps a run from destroying a file: no output may be an input or
//! another output of the same run (by path and by file identity, so a
//! symbolic or hard link is caught too), only regular files are replaced,
//! and the temporary files of atomic writes are removed when the process is
//! interrupted, or on a later run when it was killed.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::error::{Error, Result};

/// The temporary files of [`super::write_atomically`]:
/// `.baocao-<pid>-<random>.tmp`.
pub(super) const TEMP_PREFIX: &str = ".baocao-";
pub(super) const TEMP_SUFFIX: &str = ".tmp";

/// How old a temporary file of this tool must be to be taken for the
/// leftover of a killed run even when its process may still exist.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// How many symbolic links a path may go through.
const MAX_LINKS: usize = 40;

/// The messages of this module, in one place for the catalogue.
mod msg {
    use std::path::Path;

    use crate::t;

    pub fn not_regular(path: &Path, what: String) -> String {
        t!("guard-not-regular", path = path.display(), what = what)
    }

    pub fn link_loop(path: &Path) -> String {
        t!("guard-link-loop", path = path.display())
    }

    pub fn same_as_input(output: &Path, input: &Path, how: String) -> String {
        t!(
            "guard-same-as-input",
            output = output.display(),
            input = input.display(),
            how = how
        )
    }

    pub fn same_as_output(output: &Path, earlier: &Path) -> String {
        t!(
            "guard-same-as-output",
            output = output.display(),
            earlier = earlier.display()
        )
    }

    pub fn no_folder(output: &Path, folder: &Path) -> String {
        t!(
            "guard-no-folder",
            output = output.display(),
            folder = folder.display()
        )
    }

    pub fn via_link() -> String {
        t!("guard-via-link")
    }

    pub fn via_hard_link() -> String {
        t!("guard-via-hard-link")
    }

    pub fn interrupted(signal: i32, removed: usize) -> String {
        let name = if signal == 2 { "SIGINT" } else { "SIGTERM" };
        t!("guard-interrupted", signal = name, removed = removed)
    }

    pub fn kind(which: &str) -> String {
        match which {
            "folder" => t!("guard-a-folder"),
            "fifo" => t!("guard-a-fifo"),
            "device" => t!("guard-a-device"),
            "socket" => t!("guard-a-socket"),
            _ => t!("guard-not-a-file"),
        }
    }
}

/// A file's identity: device and inode on Unix (what makes two hard links
/// or a link and its target one file), the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileId(Inner);

#[cfg(unix)]
type Inner = (u64, u64);
#[cfg(not(unix))]
type Inner = PathBuf;

impl FileId {
    /// The identity of the file `path` names (links followed), if it exists.
    pub fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            Some(FileId((m.dev(), m.ino())))
        }
        #[cfg(not(unix))]
        {
            std::fs::canonicalize(path).ok().map(FileId)
        }
    }
}

/// Where writing `path` really writes: the end of its chain of symbolic
/// links, or `path` itself. A target that exists and is not a regular file
/// is refused, and so is a chain of links that loops.
pub fn resolve(path: &Path) -> Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p).map_err(|e| io_error(path, e))?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            Ok(m) if m.is_file() => return Ok(p),
            Ok(m) => return Err(Error::Usage(msg::not_regular(path, what(&m)))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(p),
            Err(e) => return Err(io_error(path, e)),
        }
    }
    Err(Error::Usage(msg::link_loop(path)))
}

fn io_error(path: &Path, source: io::Error) -> Error {
    Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    }
}

/// What a file that is not a regular file is, for messages.
fn what(m: &std::fs::Metadata) -> String {
    if m.is_dir() {
        return msg::kind("folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return msg::kind("fifo");
        }
        if t.is_char_device() || t.is_block_device() {
            return msg::kind("device");
        }
        if t.is_socket() {
            return msg::kind("socket");
        }
    }
    msg::kind("other")
}

/// `path` made absolute and canonical as far as it exists, the rest
/// normalised by its names: two spellings of one place give one key.
fn key(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    loop {
        if let Ok(c) = std::fs::canonicalize(base) {
            let mut out = c;
            for name in rest.iter().rev() {
                out.push(name);
            }
            return out;
        }
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                base = parent;
            }
            _ => break,
        }
    }
    // Nothing exists (no root?): the names alone, `.` and `..` applied.
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Refuses, before any work, an output that is the same file as an input or
/// as an earlier output, one that is not a regular file, and one whose
/// folder does not exist (unless it is `creates`, the folder the run makes).
pub fn check(inputs: &[PathBuf], outputs: &[PathBuf], creates: Option<&Path>) -> Result<()> {
    let input_ids: Vec<(&PathBuf, FileId)> = inputs
        .iter()
        .filter_map(|p| FileId::of(p).map(|id| (p, id)))
        .collect();
    let created = creates.map(key);
    let mut seen: Vec<(&PathBuf, PathBuf, Option<FileId>)> = Vec::new();
    for output in outputs {
        let target = resolve(output)?;
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !folder.is_dir() && created.as_ref() != Some(&key(folder)) {
            return Err(Error::Usage(msg::no_folder(output, folder)));
        }
        let id = FileId::of(&target);
        if let Some(id) = &id {
            if let Some((input, _)) = input_ids.iter().find(|(_, i)| i == id) {
                return Err(Error::Usage(msg::same_as_input(
                    output,
                    input,
                    how(output, input),
                )));
            }
        }
        let k = key(&target);
        let clash = seen
            .iter()
            .find(|(_, other, other_id)| *other == k || (id.is_some() && *other_id == id));
        if let Some((earlier, _, _)) = clash {
            return Err(Error::Usage(msg::same_as_output(output, earlier)));
        }
        seen.push((output, k, id));
    }
    Ok(())
}

/// How an output is an input, when not by the same name.
fn how(output: &Path, input: &Path) -> String {
    let linked = std::fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink());
    if linked {
        msg::via_link()
    } else if std::fs::canonicalize(output).ok() != std::fs::canonicalize(input).ok() {
        msg::via_hard_link()
    } else {
        String::new()
    }
}

/// The temporary files being written, for the signal handler to remove.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temps() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPS.lock().unwrap_or_else(|p| p.into_inner())
}

/// A temporary file known to the signal handler until dropped.
pub(super) struct Registered(PathBuf);

impl Registered {
    /// Renames the temporary file over `target`, the signal handler held off
    /// meanwhile.
    pub(super) fn persist(self, tmp: tempfile::NamedTempFile, target: &Path) -> io::Result<()> {
        let _held = temps();
        tmp.persist(target).map(|_| ()).map_err(|e| e.error)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        temps().retain(|p| *p != self.0);
    }
}

/// Creates a temporary file with `make` and registers it, so that SIGINT or
/// SIGTERM removes it before the process ends.
pub(super) fn create_temporary(
    make: impl FnOnce() -> io::Result<tempfile::NamedTempFile>,
) -> io::Result<(tempfile::NamedTempFile, Registered)> {
    install_handler();
    let mut list = temps();
    let tmp = make()?;
    let path = tmp.path().to_path_buf();
    list.push(path.clone());
    Ok((tmp, Registered(path)))
}

/// Starts, once, the thread that waits for SIGINT and SIGTERM, removes the
/// registered temporary files and ends the process with 128 + the signal.
fn install_handler() {
    #[cfg(unix)]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            use signal_hook::consts::{SIGINT, SIGTERM};
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
                return;
            };
            let _ = std::thread::Builder::new()
                .name("baocao-signals".into())
                .spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        // Held to the end: no rename and no new file after this.
                        let list = temps();
                        let removed = list
                            .iter()
                            .filter(|p| std::fs::remove_file(p).is_ok())
                            .count();
                        eprintln!("{}", msg::interrupted(signal, removed));
                        std::process::exit(128 + signal);
                    }
                });
        });
    }
}

/// Removes from `dir` the temporary files this tool left there when it was
/// killed: `.baocao-<pid>-….tmp` whose process is gone, or any
/// `.baocao-*.tmp` older than [`STALE_AFTER`]. Returns the files removed.
pub fn remove_stale_temporaries(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let own = std::process::id();
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(middle) = name
            .strip_prefix(TEMP_PREFIX)
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        // Only regular files, never what a link points to.
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let pid: Option<u32> = middle.split_once('-').and_then(|(p, _)| p.parse().ok());
        let old = meta
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        let dead = pid.is_some_and(|p| p != own && !process_exists(p));
        if (old || dead) && pid != Some(own) && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed.sort();
    removed
}

/// Whether process `pid` runs on this machine; `true` when that cannot be
/// told (no `/proc`), so only age decides there.
fn process_exists(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_spellings_of_one_path_are_one_key() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("x/../a.pdf");
        std::fs::create_dir(dir.path().join("x")).unwrap();
        assert_eq!(key(&a), key(&dir.path().join("a.pdf")));
        assert_eq!(
            key(&dir.path().join("new/./b.pdf")),
            key(&dir.path().join("new/b.pdf"))
        );
    }

    #[test]
    fn an_output_that_is_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.txt");
        std::fs::write(&input, "x").unwrap();
        let err = check(
            std::slice::from_ref(&input),
            &[dir.path().join("./a.txt")],
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("it is the input"), "{err}");
        let err = check(
            &[],
            &[dir.path().join("r.pdf"), dir.path().join("x/../r.pdf")],
            Some(&dir.path().join("x")),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("another output"), "{err}");
        check(&[input], &[dir.path().join("a.pdf")], None).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn only_stale_temporaries_of_this_tool_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let own = format!(".baocao-{}-abc.tmp", std::process::id());
        // A pid above the kernel's limit (4194304) never runs.
        for name in [
            ".baocao-4999999-abc.tmp",
            own.as_str(),
            ".other.tmp",
            "a.tmp",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let removed = remove_stale_temporaries(dir.path());
        assert_eq!(removed, [dir.path().join(".baocao-4999999-abc.tmp")]);
        assert!(dir.path().join(own).exists());
        assert!(dir.path().join(".other.tmp").exists());
    }
}
