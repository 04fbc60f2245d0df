//! Command line of baocao: parses arguments and calls the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use baocao::error::{Error, Result};
use baocao::org::Org;
use baocao::report::Kind;
use baocao::vn::Date;
use baocao::{Engine, Options};

/// Typesets Vietnamese articles about a Party committee's work as report PDFs
/// in the official Party format (Hướng dẫn 36-HD/VPTW).
#[derive(Parser)]
#[command(name = "baocao", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Year-end report (báo cáo tổng kết năm).
    YearEnd(RenderArgs),
}

#[derive(Args)]
struct RenderArgs {
    /// The article, a UTF-8 text file.
    input: PathBuf,
    /// Where to write the PDF [default: <article name>.pdf in the current folder].
    #[arg(short, long, value_name = "OUT.pdf")]
    output: Option<PathBuf>,
    /// Organisation profile: issuer, number, signer, recipients (YAML).
    #[arg(long, value_name = "ORG.yaml")]
    org: Option<PathBuf>,
    /// Document number (overrides the profile's).
    #[arg(long, value_name = "N")]
    number: Option<u32>,
    /// Report date [default: the article's publication date].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
}

fn parse_date(s: &str) -> std::result::Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a valid date; write it as YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::YearEnd(args) => render(Kind::YearEnd, &args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source: e,
    })
}

fn render(kind: Kind, args: &RenderArgs) -> Result<()> {
    let engine = Engine::builtin();
    let org = match &args.org {
        Some(path) => {
            let text = String::from_utf8_lossy(&read(path)?).into_owned();
            Some(Org::parse(&path.display().to_string(), &text)?)
        }
        None => None,
    };
    let opts = Options {
        org,
        number: args.number,
        date: args.date,
    };
    let bytes = read(&args.input)?;
    let rendered = engine.render_article(&args.input.display().to_string(), &bytes, kind, &opts)?;
    for w in &rendered.warnings {
        eprintln!("warning: {w}");
    }
    let output = match &args.output {
        Some(p) => p.clone(),
        None => {
            let stem = args.input.file_stem().unwrap_or(args.input.as_os_str());
            PathBuf::from(stem).with_extension("pdf")
        }
    };
    baocao::write_atomically(&output, &rendered.pdf)?;
    eprintln!("wrote {} ({} pages)", output.display(), rendered.pages);
    Ok(())
}
