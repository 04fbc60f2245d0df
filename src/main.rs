//! Command line of baocao: parses arguments and calls the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use baocao::error::{Error, Result};
use baocao::i18n::{self, Lang};
use baocao::letter::Draft;
use baocao::org::Org;
use baocao::profile::FormatProfile;
use baocao::report::Kind;
use baocao::report::{PeriodGiven, Term};
use baocao::vn::Date;
use baocao::{batch, input, output, t, Engine, Options};

mod help;

// Every text of the help comes from the message catalogue, in the language
// chosen before the command is built (see `main`).
#[derive(Parser)]
#[command(name = "baocao", version, about = t!("cli-about"), long_about = t!("cli-long-about"))]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_name = "vi|en", value_parser = ["vi", "en"], hide_possible_values = true, help = t!("arg-lang"))]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    #[command(about = t!("cmd-year-end"))]
    YearEnd(RenderArgs),
    #[command(about = t!("cmd-mid-term"))]
    MidTerm(RenderArgs),
    #[command(about = t!("cmd-quarterly"))]
    Quarterly(RenderArgs),
    #[command(about = t!("cmd-congress"))]
    Congress(RenderArgs),
    #[command(about = t!("cmd-resolution"))]
    Resolution(RenderArgs),
    #[command(about = t!("cmd-inspect"), long_about = t!("cmd-inspect-long"))]
    Inspect {
        #[arg(help = t!("arg-inspect-input"))]
        input: PathBuf,
        #[arg(long, value_name = "KIND", value_parser = parse_kind, help = t!("arg-inspect-kind"))]
        kind: Option<Kind>,
    },
    #[command(about = t!("cmd-build"), long_about = t!("cmd-build-long"))]
    Build(BuildArgs),
    #[command(about = t!("cmd-formats"))]
    Formats,
    #[command(about = t!("cmd-templates"))]
    Templates {
        #[arg(long, value_name = "DIR", help = t!("arg-templates"))]
        templates: Option<PathBuf>,
    },
}

// The period, where the article names none or another.
#[derive(Args)]
struct PeriodArgs {
    #[arg(long, value_name = "YYYY", value_parser = parse_year, help = t!("arg-year"))]
    year: Option<i32>,
    #[arg(long, value_name = "YYYY-YYYY", value_parser = parse_term, help = t!("arg-term"))]
    term: Option<Term>,
    #[arg(long, value_name = "YYYY-Q", value_parser = |s: &str| parse_part(s, 4, false), help = t!("arg-quarter"))]
    quarter: Option<(u8, i32)>,
    #[arg(long, value_name = "YYYY-H", value_parser = |s: &str| parse_part(s, 2, true), conflicts_with = "quarter", help = t!("arg-half"))]
    half: Option<(u8, i32)>,
}

impl PeriodArgs {
    fn given(&self) -> PeriodGiven {
        PeriodGiven {
            year: self.year,
            term: self.term,
            quarter: self.quarter,
            half: self.half,
        }
    }
}

#[derive(Args)]
struct BuildArgs {
    #[arg(required = true, help = t!("arg-build-inputs"))]
    inputs: Vec<PathBuf>,
    #[arg(short, long, value_name = "DIR", help = t!("arg-build-output"))]
    output: PathBuf,
    #[arg(long, value_name = "KIND", value_parser = parse_kind, help = t!("arg-build-kind"))]
    kind: Option<Kind>,
    #[arg(long, value_name = "N", help = t!("arg-build-jobs"))]
    jobs: Option<usize>,
    #[arg(long, value_name = "ORG.yaml", help = t!("arg-build-org"))]
    org: Option<PathBuf>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, help = t!("arg-build-date"))]
    date: Option<Date>,
    #[arg(long, value_name = "PACK.pdf", help = t!("arg-build-pack"))]
    pack: Option<PathBuf>,
    #[command(flatten)]
    period: PeriodArgs,
    #[arg(long, value_name = "DIR", help = t!("arg-templates"))]
    templates: Option<PathBuf>,
    #[arg(long, value_name = "NAME|FILE.yaml", help = t!("arg-build-format"))]
    format: Option<String>,
    #[arg(long, value_name = "N", num_args = 0..=1, value_parser = parse_draft, help = t!("arg-draft"))]
    draft: Option<Option<u32>>,
    #[arg(long, help = t!("arg-no-pdfa"))]
    no_pdfa: bool,
    #[arg(long, help = t!("arg-no-sign-field"))]
    no_sign_field: bool,
}

#[derive(Args)]
struct RenderArgs {
    #[arg(help = t!("arg-render-input"))]
    input: PathBuf,
    #[arg(short, long, value_name = "OUT.pdf", help = t!("arg-render-output"))]
    output: Option<PathBuf>,
    #[arg(long, value_name = "ORG.yaml", help = t!("arg-render-org"))]
    org: Option<PathBuf>,
    #[arg(long, value_name = "N", help = t!("arg-render-number"))]
    number: Option<u32>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, help = t!("arg-render-date"))]
    date: Option<Date>,
    #[command(flatten)]
    period: PeriodArgs,
    #[arg(long, value_name = "DIR", help = t!("arg-render-templates"))]
    templates: Option<PathBuf>,
    #[arg(long, value_name = "NAME|FILE.yaml", help = t!("arg-render-format"))]
    format: Option<String>,
    #[arg(long, value_name = "N", num_args = 0..=1, value_parser = parse_draft, help = t!("arg-draft"))]
    draft: Option<Option<u32>>,
    #[arg(long, help = t!("arg-no-pdfa"))]
    no_pdfa: bool,
    #[arg(long, help = t!("arg-no-sign-field"))]
    no_sign_field: bool,
}

fn parse_date(s: &str) -> std::result::Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| t!("cli-bad-date", value = s))
}

fn parse_year(s: &str) -> std::result::Result<i32, String> {
    match s.parse::<i32>() {
        Ok(y) if (1945..=2100).contains(&y) => Ok(y),
        _ => Err(t!("cli-bad-year", value = s)),
    }
}

fn parse_term(s: &str) -> std::result::Result<Term, String> {
    Term::parse(s).ok_or_else(|| t!("cli-bad-term", value = s))
}

/// `2021-1`: a year and a part of it (quarter 1–4, half 1–2).
fn parse_part(s: &str, parts: u8, half: bool) -> std::result::Result<(u8, i32), String> {
    let bad = || match half {
        true => t!("cli-bad-half", value = s),
        false => t!("cli-bad-quarter", value = s),
    };
    let (y, n) = s.split_once('-').ok_or_else(bad)?;
    let n: u8 = n.parse().map_err(|_| bad())?;
    let y = parse_year(y)?;
    if (1..=parts).contains(&n) {
        Ok((n, y))
    } else {
        Err(bad())
    }
}

fn parse_draft(s: &str) -> std::result::Result<u32, String> {
    match s.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        Ok(_) => Err(t!("cli-draft-zero")),
        // The usual slip: `--draft INPUT`, the input taken for the round.
        Err(_) => Err(t!("cli-bad-draft", value = s)),
    }
}

fn parse_kind(s: &str) -> std::result::Result<Kind, String> {
    Kind::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        t!("cli-bad-kind", value = s, kinds = names.join(", "))
    })
}

/// The language asked for: `--lang` (looked for before clap parses, as the
/// help itself is in that language), else the locale.
fn language(args: &[std::ffi::OsString]) -> Lang {
    let mut args = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::parse) {
            return lang;
        }
    }
    Lang::from_env()
}

fn main() -> ExitCode {
    tune_allocator();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::set(language(&args));
    let matches = help::localise(Cli::command())
        .try_get_matches_from(args)
        .unwrap_or_else(|e| help::exit(e));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| help::exit(e));
    let result = match cli.command {
        Command::YearEnd(args) => render(Kind::YearEnd, &args),
        Command::MidTerm(args) => render(Kind::MidTerm, &args),
        Command::Quarterly(args) => render(Kind::Quarterly, &args),
        Command::Congress(args) => render(Kind::Congress, &args),
        Command::Resolution(args) => render(Kind::Resolution, &args),
        Command::Inspect { input, kind } => inspect(&input, kind),
        Command::Build(args) => return build(args),
        Command::Formats => list_formats(),
        Command::Templates { templates } => list_templates(templates.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", t!("error"));
            ExitCode::FAILURE
        }
    }
}

/// glibc's allocator, left to itself, grows the heap 132 KB at a time and
/// gives the top back whenever 128 KB of it are free, so a report's heap
/// (about 1 MB at its peak) takes 15 `brk` calls and faults in again pages it
/// had just returned. A process here is short-lived: grow the heap in steps
/// of 4 MB (pages are still only mapped when first touched) and never shrink
/// it. About 0.1 ms of a 5 ms report; a batch's workers have their own arenas,
/// which the same settings govern.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    extern "C" {
        fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
    }
    // From glibc's <malloc.h>.
    const M_TRIM_THRESHOLD: std::ffi::c_int = -1;
    const M_TOP_PAD: std::ffi::c_int = -2;
    // SAFETY: mallopt only changes allocator parameters; glibc allows the
    // call at any time, and no other thread runs yet.
    unsafe {
        mallopt(M_TOP_PAD, 4 << 20);
        mallopt(M_TRIM_THRESHOLD, i32::MAX);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

fn read_org(path: &Path) -> Result<Org> {
    let text = String::from_utf8_lossy(&input::read(path)?).into_owned();
    Org::parse(&path.display().to_string(), &text)
}

fn render(kind: Kind, args: &RenderArgs) -> Result<()> {
    let engine = Engine::new(args.format.as_deref(), args.templates.as_deref())?;
    let org = args.org.as_deref().map(read_org).transpose()?;
    let opts = Options {
        org,
        number: args.number,
        date: args.date,
        period: args.period.given(),
        draft: args.draft.map(|number| Draft { number }),
        no_pdfa: args.no_pdfa,
        no_sign_field: args.no_sign_field,
    };
    let bytes = input::read(&args.input)?;
    let rendered = engine.render_input(&args.input.display().to_string(), &bytes, kind, &opts)?;
    for w in &rendered.warnings {
        eprintln!("{}: {w}", t!("warning"));
    }
    let output = match &args.output {
        Some(p) => p.clone(),
        None => output::default_name(&args.input, "pdf"),
    };
    output::write_atomically(&output, &rendered.pdf)?;
    eprintln!(
        "{}",
        t!(
            "render-wrote",
            output = output.display(),
            pages = rendered.pages
        )
    );
    // The process ends here: freeing the engine's automata, compiled
    // templates and the PDF piece by piece would only cost time (0.15 ms of
    // a 7 ms run) for memory the system takes back at exit anyway.
    std::mem::forget(rendered);
    std::mem::forget(engine);
    Ok(())
}

fn inspect(input: &Path, kind: Option<Kind>) -> Result<()> {
    let engine = Engine::builtin();
    let bytes = input::read(input)?;
    let source = input.display().to_string();
    let data = match kind {
        Some(k) => engine.read_article(&source, &bytes, k)?,
        None => engine.inspect(&source, &bytes)?,
    };
    let yaml = serde_yaml::to_string(&data).map_err(|e| Error::Internal(e.to_string()))?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "# Report data of {source}. Edit it, then render it with: baocao {} <this file>.yaml",
        data.kind.name()
    )
    .and_then(|_| out.write_all(yaml.as_bytes()))
    .map_err(|e| Error::Io {
        action: "write",
        path: PathBuf::from(t!("standard-output")),
        source: e,
    })
}

fn build(args: BuildArgs) -> ExitCode {
    match run_build(args) {
        Ok(summary) => {
            for line in summary.lines() {
                eprintln!("{line}");
            }
            if summary.ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("{}: {e}", t!("error"));
            ExitCode::FAILURE
        }
    }
}

/// Sets up and runs a batch; an error here stops it before any report.
fn run_build(args: BuildArgs) -> Result<batch::Summary> {
    let engine = Engine::new(args.format.as_deref(), args.templates.as_deref())?;
    let job = batch::Job {
        inputs: args.inputs,
        out_dir: args.output,
        kind: args.kind,
        options: Options {
            org: args.org.as_deref().map(read_org).transpose()?,
            number: None,
            date: args.date,
            period: args.period.given(),
            draft: args.draft.map(|number| Draft { number }),
            no_pdfa: args.no_pdfa,
            no_sign_field: args.no_sign_field,
        },
        jobs: args.jobs,
        pack: args.pack,
    };
    let files = input::collect(&job.inputs)?;
    if files.is_empty() {
        return Err(Error::Usage(t!("build-no-inputs")));
    }
    std::fs::create_dir_all(&job.out_dir).map_err(|e| Error::Io {
        action: "create",
        path: job.out_dir.clone(),
        source: e,
    })?;
    // A progress bar on a terminal; otherwise one line per input, for logs.
    let terminal = std::io::stderr().is_terminal();
    let bar = if terminal {
        let template = format!("{{bar:40}} {{pos}}/{{len}} {} {{elapsed}}", t!("build-bar"));
        let style = indicatif::ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        indicatif::ProgressBar::new(files.len() as u64).with_style(style)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let progress = |o: &batch::Outcome| {
        if terminal {
            bar.inc(1);
        } else {
            eprintln!("{}", o.progress_line());
        }
    };
    let (outcomes, pack_error) = batch::run(&engine, &job, &files, &progress);
    bar.finish_and_clear();
    Ok(batch::Summary {
        outcomes,
        pack_error,
        out_dir: job.out_dir,
        pack: job.pack,
    })
}

fn list_formats() -> Result<()> {
    for name in FormatProfile::builtin_names() {
        let p = FormatProfile::load(name)?;
        let default = if name == baocao::profile::DEFAULT {
            format!(" ({})", t!("formats-default"))
        } else {
            String::new()
        };
        println!("{name}{default}: {}", p.description);
        for source in &p.sources {
            println!("    {source}");
        }
    }
    Ok(())
}

fn list_templates(dir: Option<&Path>) -> Result<()> {
    let engine = Engine::new(None, dir)?;
    for (name, file) in engine.templates.list() {
        println!("{name:12} {file}");
    }
    Ok(())
}
