//! What the command line shows besides the reports: the help's lists and
//! examples, shell completions and the man page (both generated from the
//! clap definitions in `main.rs`), `init`, and `preview`.
//!
//! The help's words come from the message catalogue.

pub mod preview;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use baocao::error::{Error, Result};
use baocao::org;
use baocao::profile::FormatProfile;
use baocao::report::Kind;
use baocao::t;

/// `--kind`: the five kinds, which the help and the completions list.
pub fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    let values = Kind::ALL.map(|k| PossibleValue::new(k.name()).help(k.vietnamese()));
    PossibleValuesParser::new(values).map(|s| Kind::from_name(&s).expect("one of the kinds"))
}

/// A `--kind` help with the kinds listed (in the catalogue's words, where
/// clap's own list would have an English heading).
pub fn kind_help(text: String) -> String {
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .map(|k| format!("{} ({})", k.name(), k.vietnamese()))
        .collect();
    t!("help-kinds", text = text, kinds = kinds.join(", "))
}

/// `--format`'s help, with the built-in profiles.
pub fn format_help() -> String {
    let names: Vec<String> = FormatProfile::builtin_names()
        .map(|n| {
            if n == baocao::profile::DEFAULT {
                format!("{n} ({})", t!("formats-default"))
            } else {
                n.to_string()
            }
        })
        .collect();
    t!("help-format", formats = names.join(", "))
}

/// `--org`'s help: where the profile is found without it, and its keys.
pub fn org_help() -> String {
    let user = org::user_file().map_or(String::new(), |p| t!("help-org-user", path = p.display()));
    t!(
        "help-org",
        file = org::FILE_NAME,
        user = user,
        keys = org::KEYS
    )
}

/// "Examples:" and a line for each (command, what it does).
fn examples(lines: &[(String, Option<String>)]) -> String {
    let mut out = t!("help-examples");
    for (command, what) in lines {
        out.push_str("\n  ");
        match what {
            Some(what) => out.push_str(&format!("{command:46} {what}")),
            None => out.push_str(command),
        }
    }
    out
}

/// Examples after a report command's help.
pub fn report_examples(kind: &str) -> String {
    examples(&[
        (
            format!("baocao {kind} bai-viet.txt"),
            Some(t!("example-report-here")),
        ),
        (
            format!("baocao {kind} bai-viet.txt --org don-vi.yaml -o bao-cao.pdf --number 5"),
            None,
        ),
        (
            format!("baocao {kind} bai-viet.txt --date 2022-01-15 --draft=2"),
            None,
        ),
        (
            format!("baocao inspect bai-viet.txt > du-lieu.yaml && baocao {kind} du-lieu.yaml"),
            None,
        ),
    ])
}

pub fn top_examples() -> String {
    examples(&[
        ("baocao init".into(), Some(t!("example-top-init"))),
        (
            "baocao year-end bai-viet.txt".into(),
            Some(t!("example-top-year-end")),
        ),
        (
            "baocao build bai-viet/ -o bao-cao/ --pack bao-cao/hop.pdf".into(),
            None,
        ),
        (
            "baocao preview bai-viet.txt --pages 1".into(),
            Some(t!("example-top-preview")),
        ),
    ])
}

pub fn build_examples() -> String {
    examples(&[
        ("baocao build bai-viet/ -o bao-cao/".into(), None),
        (
            "baocao build a.txt b.txt -o bao-cao/ --kind quarterly --jobs 2".into(),
            None,
        ),
        (
            "baocao build bai-viet/ -o bao-cao/ --org don-vi.yaml --pack bao-cao/hop-chi-uy.pdf"
                .into(),
            None,
        ),
    ])
}

pub fn inspect_examples() -> String {
    examples(&[
        ("baocao inspect bai-viet.txt".into(), None),
        (
            "baocao inspect bai-viet.txt --kind congress > du-lieu.yaml".into(),
            None,
        ),
    ])
}

pub fn preview_examples() -> String {
    examples(&[
        (
            "baocao preview bai-viet.txt".into(),
            Some(t!("example-preview-all")),
        ),
        (
            "baocao preview bai-viet.txt --kind year-end --pages 1-2 -o anh/".into(),
            None,
        ),
        (
            "baocao preview bai-viet.txt --dpi 150 --pages 3".into(),
            None,
        ),
    ])
}

pub fn init_examples() -> String {
    examples(&[
        ("baocao init".into(), Some("./baocao.yaml".into())),
        ("baocao init --user".into(), Some(t!("example-init-user"))),
    ])
}

/// `baocao init`: writes the starter profile to `./baocao.yaml`, or to the
/// user's configuration folder with `user`, never over an existing file.
pub fn init(user: bool) -> Result<()> {
    let path = if user {
        org::user_file().ok_or_else(|| Error::Usage(t!("init-no-home")))?
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
        path: PathBuf::from(t!("standard-output")),
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
