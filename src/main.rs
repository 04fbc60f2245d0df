//! Command line of baocao: parses arguments and calls the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use baocao::encoding::Encoding;
use baocao::error::{Error, Result};
use baocao::i18n::{self, Lang};
use baocao::letter::Draft;
use baocao::profile::FormatProfile;
use baocao::report::Kind;
use baocao::report::{PeriodGiven, Term};
use baocao::vn::Date;
use baocao::{batch, input, org, output, t, Engine, Options};

mod cli;
mod help;

// Every text of the help comes from the message catalogue, in the language
// chosen before the command is built (see `main`).
#[derive(Parser)]
#[command(name = "baocao", version, about = t!("cli-about"), long_about = t!("cli-long-about"), after_help = cli::top_examples())]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_name = "vi|en", value_parser = ["vi", "en"], hide_possible_values = true, help = t!("arg-lang"))]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    #[command(about = t!("cmd-year-end"), after_help = cli::report_examples("year-end"))]
    YearEnd(RenderArgs),
    #[command(about = t!("cmd-mid-term"), after_help = cli::report_examples("mid-term"))]
    MidTerm(RenderArgs),
    #[command(about = t!("cmd-quarterly"), after_help = cli::report_examples("quarterly"))]
    Quarterly(RenderArgs),
    #[command(about = t!("cmd-congress"), after_help = cli::report_examples("congress"))]
    Congress(RenderArgs),
    #[command(about = t!("cmd-resolution"), after_help = cli::report_examples("resolution"))]
    Resolution(RenderArgs),
    #[command(about = t!("cmd-inspect"), long_about = t!("cmd-inspect-long"), after_help = cli::inspect_examples())]
    Inspect {
        #[arg(help = t!("arg-inspect-input"))]
        input: PathBuf,
        #[arg(long, value_name = "KIND", value_parser = cli::kind_parser(), hide_possible_values = true, help = cli::kind_help(t!("arg-inspect-kind")))]
        kind: Option<Kind>,
        #[command(flatten)]
        read: ReadArgs,
    },
    #[command(about = t!("cmd-build"), long_about = t!("cmd-build-long"), after_help = cli::build_examples())]
    Build(BuildArgs),
    #[command(about = t!("cmd-formats"))]
    Formats,
    #[command(about = t!("cmd-templates"))]
    Templates {
        #[arg(long, value_name = "DIR", help = t!("arg-templates"))]
        templates: Option<PathBuf>,
    },
    #[command(about = t!("cmd-preview"), long_about = t!("cmd-preview-long"), after_help = cli::preview_examples())]
    Preview(cli::preview::PreviewArgs),
    #[command(about = t!("cmd-init"), after_help = cli::init_examples())]
    Init {
        #[arg(long, help = t!("arg-init-user"))]
        user: bool,
    },
    #[command(about = t!("cmd-completions"))]
    Completions {
        #[arg(value_enum, help = t!("arg-completions-shell"))]
        shell: clap_complete::Shell,
    },
    #[command(about = t!("cmd-man"))]
    Man,
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

// How inputs are read.
#[derive(Args)]
struct ReadArgs {
    #[arg(long, value_name = "SIZE", value_parser = input::parse_size, default_value = "16M", hide_default_value = true, help = t!("arg-max-input-size"))]
    max_input_size: u64,
    #[arg(long, value_name = "NAME", value_parser = parse_encoding, help = t!("arg-encoding"))]
    encoding: Option<Encoding>,
}

#[derive(Args)]
struct BuildArgs {
    #[arg(required = true, help = t!("arg-build-inputs"))]
    inputs: Vec<PathBuf>,
    #[arg(short, long, value_name = "DIR", help = t!("arg-build-output"))]
    output: PathBuf,
    #[arg(long, value_name = "KIND", value_parser = cli::kind_parser(), hide_possible_values = true, help = cli::kind_help(t!("arg-build-kind")))]
    kind: Option<Kind>,
    #[arg(long, value_name = "N", value_parser = parse_count, help = t!("arg-build-jobs"))]
    jobs: Option<usize>,
    #[arg(long, value_name = "ORG.yaml", help = cli::org_help())]
    org: Option<PathBuf>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, help = t!("arg-build-date"))]
    date: Option<Date>,
    #[arg(long, value_name = "PACK.pdf", help = t!("arg-build-pack"))]
    pack: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    period: PeriodArgs,
    #[arg(long, value_name = "DIR", help = t!("arg-templates"))]
    templates: Option<PathBuf>,
    #[arg(long, value_name = "NAME|FILE.yaml", help = cli::format_help())]
    format: Option<String>,
    #[arg(long, value_name = "N", num_args = 0..=1, value_parser = parse_draft, help = t!("arg-draft"))]
    draft: Option<Option<u32>>,
    #[arg(long, help = t!("arg-no-pdfa"))]
    no_pdfa: bool,
    #[arg(long, help = t!("arg-no-sign-field"))]
    no_sign_field: bool,
    #[arg(long, help = t!("arg-strict"))]
    strict: bool,
}

#[derive(Args)]
struct RenderArgs {
    #[arg(help = t!("arg-render-input"))]
    input: PathBuf,
    #[arg(short, long, value_name = "OUT.pdf", help = t!("arg-render-output"))]
    output: Option<PathBuf>,
    #[arg(long, value_name = "ORG.yaml", help = cli::org_help())]
    org: Option<PathBuf>,
    #[arg(long, value_name = "N", value_parser = parse_number, help = t!("arg-render-number"))]
    number: Option<u32>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, help = t!("arg-render-date"))]
    date: Option<Date>,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    period: PeriodArgs,
    #[arg(long, value_name = "DIR", help = t!("arg-render-templates"))]
    templates: Option<PathBuf>,
    #[arg(long, value_name = "NAME|FILE.yaml", help = cli::format_help())]
    format: Option<String>,
    #[arg(long, value_name = "N", num_args = 0..=1, value_parser = parse_draft, help = t!("arg-draft"))]
    draft: Option<Option<u32>>,
    #[arg(long, help = t!("arg-no-pdfa"))]
    no_pdfa: bool,
    #[arg(long, help = t!("arg-no-sign-field"))]
    no_sign_field: bool,
    #[arg(long, help = t!("arg-strict"))]
    strict: bool,
}

/// The messages of the command line.
mod msg {
    use std::path::Path;

    use baocao::t;

    pub fn bad_date(s: &str) -> String {
        t!("cli-bad-date", value = s)
    }
    pub fn date_out_of_range(s: &str) -> String {
        t!("cli-bad-report-year", value = s)
    }
    pub fn unknown_encoding(s: &str, names: &[&str]) -> String {
        t!("cli-bad-encoding", value = s, encodings = names.join(", "))
    }
    pub fn bad_number(s: &str) -> String {
        t!("cli-bad-number", value = s)
    }
    pub fn bad_jobs(s: &str) -> String {
        t!("cli-bad-jobs", value = s)
    }
    pub fn bad_year(s: &str) -> String {
        t!("cli-bad-year", value = s)
    }
    pub fn bad_term(s: &str) -> String {
        t!("cli-bad-term", value = s)
    }
    pub fn bad_part(s: &str, half: bool) -> String {
        match half {
            true => t!("cli-bad-half", value = s),
            false => t!("cli-bad-quarter", value = s),
        }
    }
    pub fn draft_from_one() -> String {
        t!("cli-draft-zero")
    }
    pub fn bad_draft(s: &str) -> String {
        t!("cli-bad-draft", value = s)
    }
    pub fn no_inputs() -> String {
        t!("build-no-inputs")
    }
    pub fn removed_temporaries(n: usize, folder: &Path) -> String {
        t!("cli-removed-temp", count = n, dir = folder.display())
    }
}

fn parse_date(s: &str) -> std::result::Result<Date, String> {
    let d = Date::parse_iso(s).ok_or_else(|| msg::bad_date(s))?;
    match parse_year(&d.year.to_string()) {
        Ok(_) => Ok(d),
        Err(_) => Err(msg::date_out_of_range(s)),
    }
}

fn parse_encoding(s: &str) -> std::result::Result<Encoding, String> {
    Encoding::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = Encoding::ALL.iter().map(|e| e.name()).collect();
        msg::unknown_encoding(s, &names)
    })
}

fn parse_number(s: &str) -> std::result::Result<u32, String> {
    match s.parse::<u32>() {
        Ok(n) if (1..=9999).contains(&n) => Ok(n),
        _ => Err(msg::bad_number(s)),
    }
}

fn parse_count(s: &str) -> std::result::Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(msg::bad_jobs(s)),
    }
}

fn parse_year(s: &str) -> std::result::Result<i32, String> {
    match s.parse::<i32>() {
        Ok(y) if (1945..=2100).contains(&y) => Ok(y),
        _ => Err(msg::bad_year(s)),
    }
}

fn parse_term(s: &str) -> std::result::Result<Term, String> {
    Term::parse(s).ok_or_else(|| msg::bad_term(s))
}

/// `2021-1`: a year and a part of it (quarter 1–4, half 1–2).
fn parse_part(s: &str, parts: u8, half: bool) -> std::result::Result<(u8, i32), String> {
    let bad = || msg::bad_part(s, half);
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
        Ok(_) => Err(msg::draft_from_one()),
        // The usual slip: `--draft INPUT`, the input taken for the round.
        Err(_) => Err(msg::bad_draft(s)),
    }
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

/// The command line's definition, its words in the current language.
fn command() -> clap::Command {
    help::localise(Cli::command())
}

fn main() -> ExitCode {
    tune_allocator();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::set(language(&args));
    let matches = command()
        .try_get_matches_from(args)
        .unwrap_or_else(|e| help::exit(e));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| help::exit(e));
    let result = match cli.command {
        Command::YearEnd(args) => render(Kind::YearEnd, &args),
        Command::MidTerm(args) => render(Kind::MidTerm, &args),
        Command::Quarterly(args) => render(Kind::Quarterly, &args),
        Command::Congress(args) => render(Kind::Congress, &args),
        Command::Resolution(args) => render(Kind::Resolution, &args),
        Command::Inspect { input, kind, read } => inspect(&input, kind, &read),
        Command::Build(args) => return build(args),
        Command::Formats => list_formats(),
        Command::Templates { templates } => list_templates(templates.as_deref()),
        Command::Preview(args) => cli::preview::run(&args),
        Command::Init { user } => cli::init(user),
        Command::Completions { shell } => cli::completions(shell, command()),
        Command::Man => cli::man(command()),
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

/// Every file a run reads besides its inputs: the organisation profile, a
/// format profile file, the template files.
fn also_read(org: Option<&Path>, format: Option<&str>, templates: Option<&Path>) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = org.map(Path::to_path_buf).into_iter().collect();
    files.extend(format.map(PathBuf::from).filter(|p| p.is_file()));
    for dir in templates
        .into_iter()
        .flat_map(|t| [t.to_path_buf(), t.join("partials")])
    {
        let entries = std::fs::read_dir(dir).into_iter().flatten().flatten();
        files.extend(entries.map(|e| e.path()).filter(|p| p.is_file()));
    }
    files
}

/// Before any work: no output is an input or another output; then the
/// temporary files a killed run left in the output folders go.
fn guard_outputs(inputs: &[PathBuf], outputs: &[PathBuf], creates: Option<&Path>) -> Result<()> {
    output::check(inputs, outputs, creates)?;
    let mut folders: Vec<PathBuf> = outputs
        .iter()
        .filter_map(|o| output::resolve(o).ok())
        .map(|t| match t.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        })
        .collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        let removed = output::remove_stale_temporaries(&folder);
        if !removed.is_empty() {
            eprintln!(
                "{}: {}",
                t!("note"),
                msg::removed_temporaries(removed.len(), &folder)
            );
        }
    }
    Ok(())
}

fn render(kind: Kind, args: &RenderArgs) -> Result<()> {
    input::require_file(&args.input)?;
    let output = match &args.output {
        Some(p) => p.clone(),
        None => output::default_name(&args.input, "pdf"),
    };
    let org_file = org::locate(args.org.as_deref()).map(|(p, _)| p);
    let mut inputs = vec![args.input.clone()];
    inputs.extend(also_read(
        org_file.as_deref(),
        args.format.as_deref(),
        args.templates.as_deref(),
    ));
    guard_outputs(&inputs, std::slice::from_ref(&output), None)?;
    let engine = Engine::new(args.format.as_deref(), args.templates.as_deref())?
        .with_encoding(args.read.encoding);
    let org = org::load(args.org.as_deref(), args.read.max_input_size)?;
    let opts = Options {
        org,
        number: args.number,
        date: args.date,
        period: args.period.given(),
        draft: args.draft.map(|number| Draft { number }),
        no_pdfa: args.no_pdfa,
        no_sign_field: args.no_sign_field,
        strict: args.strict,
    };
    let bytes = input::read_limited(&args.input, args.read.max_input_size)?;
    let rendered = engine.render_input(&args.input.display().to_string(), &bytes, kind, &opts)?;
    for w in &rendered.warnings {
        eprintln!("{}: {w}", t!("warning"));
    }
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

fn inspect(input: &Path, kind: Option<Kind>, read: &ReadArgs) -> Result<()> {
    input::require_file(input)?;
    let engine = Engine::builtin().with_encoding(read.encoding);
    let bytes = input::read_limited(input, read.max_input_size)?;
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
    let collected = input::collect(&args.inputs)?;
    let files = collected.files;
    let (jobs, cut) = batch::cap_jobs(args.jobs);
    for w in collected.warnings.iter().chain(&cut) {
        eprintln!("{}: {w}", t!("warning"));
    }
    if files.is_empty() {
        return Err(Error::Usage(msg::no_inputs()));
    }
    let org_file = org::locate(args.org.as_deref()).map(|(p, _)| p);
    let mut inputs = files.clone();
    inputs.extend(also_read(
        org_file.as_deref(),
        args.format.as_deref(),
        args.templates.as_deref(),
    ));
    let mut outputs = output::batch_names(&files, &args.output);
    outputs.extend(args.pack.iter().cloned());
    guard_outputs(&inputs, &outputs, Some(&args.output))?;
    let engine = Engine::new(args.format.as_deref(), args.templates.as_deref())?
        .with_encoding(args.read.encoding);
    let job = batch::Job {
        inputs: args.inputs,
        out_dir: args.output,
        kind: args.kind,
        options: Options {
            org: org::load(args.org.as_deref(), args.read.max_input_size)?,
            number: None,
            date: args.date,
            period: args.period.given(),
            draft: args.draft.map(|number| Draft { number }),
            no_pdfa: args.no_pdfa,
            no_sign_field: args.no_sign_field,
            strict: args.strict,
        },
        jobs,
        pack: args.pack,
        max_input_size: args.read.max_input_size,
    };
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
