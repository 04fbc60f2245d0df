//! What the command line shows besides the reports: the help's lists and
//! examples, shell completions and the man page (both generated from the
//! clap definitions in `main.rs`), `init`, and `preview`.
//!
//! The help's words are here, in one place, for the message catalogue.

pub mod preview;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use baocao::error::{Error, Result};
use baocao::org;
use baocao::profile::FormatProfile;
use baocao::report::Kind;

/// `--kind`: the five kinds, which the help and the completions list.
pub fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    let values = Kind::ALL.map(|k| PossibleValue::new(k.name()).help(k.vietnamese()));
    PossibleValuesParser::new(values).map(|s| Kind::from_name(&s).expect("one of the kinds"))
}

/// `--format`'s help, with the built-in profiles.
pub fn format_help() -> String {
    let names: Vec<String> = FormatProfile::builtin_names()
        .map(|n| {
            if n == baocao::profile::DEFAULT {
                format!("{n} (default)")
            } else {
                n.to_string()
            }
        })
        .collect();
    format!(
        "Format profile: a built-in name or a profile file [built-in: {}]",
        names.join(", ")
    )
}

/// `--org`'s help: where the profile is found without it, and its keys.
pub fn org_help() -> String {
    let user = org::user_file().map_or(String::new(), |p| format!(", else {}", p.display()));
    format!(
        "Organisation profile (YAML) [default: ./{}{user}; `baocao init` writes one]. Keys: {}",
        org::FILE_NAME,
        org::KEYS
    )
}

/// Examples after a report command's help.
pub fn report_examples(kind: &str) -> String {
    format!(
        "Examples:
  baocao {kind} bai-viet.txt                         writes bai-viet.pdf here
  baocao {kind} bai-viet.txt --org don-vi.yaml -o bao-cao.pdf --number 5
  baocao {kind} bai-viet.txt --date 2022-01-15 --draft=2
  baocao inspect bai-viet.txt > du-lieu.yaml && baocao {kind} du-lieu.yaml"
    )
}

pub const TOP_EXAMPLES: &str = "Examples:
  baocao init                                    start ./baocao.yaml, the organisation profile
  baocao year-end bai-viet.txt                   a year-end report, bai-viet.pdf
  baocao build bai-viet/ -o bao-cao/ --pack bao-cao/hop.pdf
  baocao preview bai-viet.txt --pages 1          page 1 as bai-viet-1.png";

pub const BUILD_EXAMPLES: &str = "Examples:
  baocao build bai-viet/ -o bao-cao/
  baocao build a.txt b.txt -o bao-cao/ --kind quarterly --jobs 2
  baocao build bai-viet/ -o bao-cao/ --org don-vi.yaml --pack bao-cao/hop-chi-uy.pdf";

pub const INSPECT_EXAMPLES: &str = "Examples:
  baocao inspect bai-viet.txt
  baocao inspect bai-viet.txt --kind congress > du-lieu.yaml";

pub const PREVIEW_EXAMPLES: &str = "Examples:
  baocao preview bai-viet.txt                    every page, bai-viet-1.png …
  baocao preview bai-viet.txt --kind year-end --pages 1-2 -o anh/
  baocao preview bai-viet.txt --dpi 150 --pages 3";

pub const INIT_EXAMPLES: &str = "Examples:
  baocao init                                    ./baocao.yaml
  baocao init --user                             the profile every folder uses";

/// `baocao init`: writes the starter profile to `./baocao.yaml`, or to the
/// user's configuration folder with `user`, never over an existing file.
pub fn init(user: bool) -> Result<()> {
    let path = if user {
        org::user_file()
            .ok_or_else(|| Error::Usage("no home folder to keep a configuration in".into()))?
    } else {
        PathBuf::from(org::FILE_NAME)
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::Io {
            action: "create",
            path: dir.to_path_buf(),
            source: e,
        })?;
    }
    write_new(&path, org::STARTER.as_bytes())?;
    eprintln!("{}", baocao::messages::init_wrote(&path));
    Ok(())
}

/// Creates `path` with `bytes`, failing if it exists (checked and created in
/// one step, so a file made meanwhile is not replaced either).
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::Usage(baocao::messages::init_exists(path)));
        }
        Err(e) => {
            return Err(Error::Io {
                action: "create",
                path: path.to_path_buf(),
                source: e,
            })
        }
    };
    file.write_all(bytes).map_err(|e| {
        let _ = std::fs::remove_file(path);
        Error::Io {
            action: "write",
            path: path.to_path_buf(),
            source: e,
        }
    })
}

fn stdout_error(e: std::io::Error) -> Error {
    Error::Io {
        action: "write",
        path: PathBuf::from("standard output"),
        source: e,
    }
}

/// `baocao completions SHELL`: the completion script on standard output.
pub fn completions(shell: clap_complete::Shell, mut command: clap::Command) -> Result<()> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "baocao", &mut out);
    std::io::stdout().write_all(&out).map_err(stdout_error)
}

/// `baocao man`: the manual page (roff) on standard output.
pub fn man(command: clap::Command) -> Result<()> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .map_err(stdout_error)?;
    std::io::stdout().write_all(&out).map_err(stdout_error)
}
