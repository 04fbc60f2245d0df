//! Command line of baocao: parses arguments and calls the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};

use baocao::encoding::Encoding;
use baocao::error::{Error, Result};
use baocao::letter::Draft;
use baocao::profile::FormatProfile;
use baocao::report::Kind;
use baocao::report::{PeriodGiven, Term};
use baocao::vn::Date;
use baocao::{batch, input, org, output, Engine, Options};

mod cli;

/// Typesets Vietnamese articles about a Party committee's work as report PDFs
/// in the official Party format (Hướng dẫn 36-HD/VPTW).
#[derive(Parser)]
#[command(name = "baocao", version, after_help = cli::TOP_EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Year-end report (báo cáo tổng kết năm).
    #[command(after_help = cli::report_examples("year-end"))]
    YearEnd(RenderArgs),
    /// Mid-term review (báo cáo sơ kết giữa nhiệm kỳ).
    #[command(after_help = cli::report_examples("mid-term"))]
    MidTerm(RenderArgs),
    /// Quarterly or half-year review (báo cáo quý, sơ kết 6 tháng).
    #[command(after_help = cli::report_examples("quarterly"))]
    Quarterly(RenderArgs),
    /// Branch-congress report (báo cáo kết quả đại hội chi bộ).
    #[command(after_help = cli::report_examples("congress"))]
    Congress(RenderArgs),
    /// Resolution-implementation report (báo cáo kết quả thực hiện nghị quyết).
    #[command(after_help = cli::report_examples("resolution"))]
    Resolution(RenderArgs),
    /// Print an article's report data as YAML, to check or edit.
    ///
    /// Shows the kind and why, the period, the sections with their input
    /// lines, and what was set aside. Edit it and render it with
    /// `baocao <kind> data.yaml`.
    #[command(after_help = cli::INSPECT_EXAMPLES)]
    Inspect {
        /// The article, a UTF-8 text file.
        input: PathBuf,
        /// Map onto this kind instead of the detected one.
        #[arg(long, value_name = "KIND", value_parser = cli::kind_parser())]
        kind: Option<Kind>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Build many reports at once, in parallel.
    ///
    /// Each input (an article, report data, or a folder of them) becomes
    /// <DIR>/<name>.pdf, as the kind detected for the article unless --kind is
    /// given. Goes on past bad inputs, lists them at the end, and exits 1 if
    /// any failed.
    #[command(after_help = cli::BUILD_EXAMPLES)]
    Build(BuildArgs),
    /// List the built-in format profiles (--format), their descriptions and sources.
    Formats,
    /// List the templates and the files they come from.
    Templates {
        /// Folder whose NAME.hbs files replace the built-in templates.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Draw the report's pages as PNG pictures, to look at without a PDF viewer.
    ///
    /// The pages are drawn by baocao itself, as they are laid out in the PDF.
    #[command(after_help = cli::PREVIEW_EXAMPLES)]
    Preview(cli::preview::PreviewArgs),
    /// Write an organisation profile to fill in (./baocao.yaml), never over one.
    #[command(after_help = cli::INIT_EXAMPLES)]
    Init {
        /// Write it to your configuration folder instead, for every folder.
        #[arg(long)]
        user: bool,
    },
    /// Print a shell completion script: `baocao completions bash > /etc/bash_completion.d/baocao`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `baocao man > baocao.1; man -l baocao.1`.
    Man,
}

/// The period, where the article names none or another.
#[derive(Args)]
struct PeriodArgs {
    /// The year the report covers (a year-end report's `năm 2021`).
    #[arg(long, value_name = "YYYY", value_parser = parse_year)]
    year: Option<i32>,
    /// The term (`2020-2025`): a congress's, a mid-term review's.
    #[arg(long, value_name = "YYYY-YYYY", value_parser = parse_term)]
    term: Option<Term>,
    /// The quarter reported on: `2021-1` is quý I/2021.
    #[arg(long, value_name = "YYYY-Q", value_parser = |s: &str| parse_part(s, 4, "quarter"))]
    quarter: Option<(u8, i32)>,
    /// The half-year reported on: `2023-1` is 6 tháng đầu năm 2023.
    #[arg(long, value_name = "YYYY-H", value_parser = |s: &str| parse_part(s, 2, "half-year"), conflicts_with = "quarter")]
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

/// How inputs are read.
#[derive(Args)]
struct ReadArgs {
    /// The largest input read: bytes, or K, M, G (KiB, MiB, GiB).
    #[arg(long, value_name = "SIZE", value_parser = input::parse_size, default_value = "16M")]
    max_input_size: u64,
    /// The articles' encoding, when not UTF-8 or UTF-16: windows-1258,
    /// tcvn3, vni (raw, or once read as Windows-1252), utf-8-as-1252
    /// (UTF-8 once read as Windows-1252), or utf-8 to take the text as it is.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<Encoding>,
}

#[derive(Args)]
struct BuildArgs {
    /// Articles, report data files, or folders of them.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Folder for the PDFs (created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// Render every input as this kind.
    #[arg(long, value_name = "KIND", value_parser = cli::kind_parser())]
    kind: Option<Kind>,
    /// Reports built at once [default: one per core; at most 4 per core].
    #[arg(long, value_name = "N", value_parser = parse_count)]
    jobs: Option<usize>,
    #[arg(long, value_name = "ORG.yaml", help = cli::org_help())]
    org: Option<PathBuf>,
    /// Report date for every report [default: each article's date].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Also write all reports into this one PDF, each keeping its page numbers.
    #[arg(long, value_name = "PACK.pdf")]
    pack: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    period: PeriodArgs,
    /// Folder whose NAME.hbs files replace the built-in templates.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    #[arg(long, value_name = "NAME|FILE.yaml", help = cli::format_help())]
    format: Option<String>,
    /// Print a draft for discussion: `DỰ THẢO` on page 1, or with N
    /// `Dự thảo lần N`; the number is left blank and the metadata says it is
    /// a draft. Put it after the input, or write --draft=N.
    #[arg(long, value_name = "N", num_args = 0..=1, value_parser = parse_draft)]
    draft: Option<Option<u32>>,
    /// Leave out what makes the file PDF/A-2u (XMP metadata, the sRGB output intent).
    #[arg(long)]
    no_pdfa: bool,
    /// Leave out the empty signature field over the signing space.
    #[arg(long)]
    no_sign_field: bool,
    /// Refuse characters the bundled fonts cannot draw (CJK, Arabic,
    /// emoji…) instead of leaving them out with a warning.
    #[arg(long)]
    strict: bool,
}

#[derive(Args)]
struct RenderArgs {
    /// The article (a UTF-8 text file) or report data from `baocao inspect` (.yaml).
    input: PathBuf,
    /// Where to write the PDF [default: <input name>.pdf in the current folder].
    #[arg(short, long, value_name = "OUT.pdf")]
    output: Option<PathBuf>,
    #[arg(long, value_name = "ORG.yaml", help = cli::org_help())]
    org: Option<PathBuf>,
    /// Document number (overrides the profile's), from 1.
    #[arg(long, value_name = "N", value_parser = parse_number)]
    number: Option<u32>,
    /// Report date [default: the article's publication date].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    period: PeriodArgs,
    /// Folder whose NAME.hbs files (and partials/NAME.hbs) replace the built-in templates.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    #[arg(long, value_name = "NAME|FILE.yaml", help = cli::format_help())]
    format: Option<String>,
    /// Print a draft for discussion: `DỰ THẢO` on page 1, or with N
    /// `Dự thảo lần N`; the number is left blank and the metadata says it is
    /// a draft. Put it after the input, or write --draft=N.
    #[arg(long, value_name = "N", num_args = 0..=1, value_parser = parse_draft)]
    draft: Option<Option<u32>>,
    /// Leave out what makes the file PDF/A-2u (XMP metadata, the sRGB output intent).
    #[arg(long)]
    no_pdfa: bool,
    /// Leave out the empty signature field over the signing space.
    #[arg(long)]
    no_sign_field: bool,
    /// Refuse characters the bundled fonts cannot draw (CJK, Arabic,
    /// emoji…) instead of leaving them out with a warning.
    #[arg(long)]
    strict: bool,
}

/// The messages of the command line, in one place for the catalogue.
mod msg {
    use std::path::Path;

    pub fn bad_date(s: &str) -> String {
        format!("`{s}` is not a valid date; write it as YYYY-MM-DD")
    }
    pub fn date_out_of_range(s: &str) -> String {
        format!("`{s}`: a report's date is in a year between 1945 and 2100")
    }
    pub fn unknown_encoding(s: &str, names: &[&str]) -> String {
        format!(
            "`{s}` is not an encoding baocao reads; use one of {}",
            names.join(", ")
        )
    }
    pub fn bad_number(s: &str) -> String {
        format!("`{s}` is not a document number; numbers run from 1 to 9999")
    }
    pub fn bad_jobs(s: &str) -> String {
        format!("`{s}` is not a number of jobs; give 1 or more")
    }
    pub fn bad_year(s: &str) -> String {
        format!("`{s}` is not a year between 1945 and 2100")
    }
    pub fn bad_term(s: &str) -> String {
        format!("`{s}` is not a term; write it as YYYY-YYYY, the end at most five years after the start")
    }
    pub fn bad_part(s: &str, what: &str, parts: u8) -> String {
        format!("`{s}` is not a {what}; write it as YYYY-N with N from 1 to {parts}")
    }
    pub const DRAFT_FROM_ONE: &str = "a draft's round counts from 1";
    pub fn bad_draft(s: &str) -> String {
        format!("`{s}` is not a draft's round; write --draft after the input, or --draft=N")
    }
    pub const NO_INPUTS: &str =
        "no .txt, .yaml or .yml inputs found; give article files or folders holding them";
    pub fn removed_temporaries(n: usize, folder: &Path) -> String {
        format!(
            "removed {n} temporary file(s) that an interrupted run left in {}",
            folder.display()
        )
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
fn parse_part(s: &str, parts: u8, what: &str) -> std::result::Result<(u8, i32), String> {
    let bad = || msg::bad_part(s, what, parts);
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
        Ok(_) => Err(msg::DRAFT_FROM_ONE.into()),
        // The usual slip: `--draft INPUT`, the input taken for the round.
        Err(_) => Err(msg::bad_draft(s)),
    }
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
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
        Command::Completions { shell } => cli::completions(shell, Cli::command()),
        Command::Man => cli::man(Cli::command()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
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
            eprintln!("note: {}", msg::removed_temporaries(removed.len(), &folder));
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
        eprintln!("warning: {w}");
    }
    output::write_atomically(&output, &rendered.pdf)?;
    eprintln!("wrote {} ({} pages)", output.display(), rendered.pages);
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
        path: PathBuf::from("standard output"),
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
            eprintln!("error: {e}");
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
        eprintln!("warning: {w}");
    }
    if files.is_empty() {
        return Err(Error::Usage(msg::NO_INPUTS.into()));
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
        let style =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} reports {elapsed}")
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
            " (default)"
        } else {
            ""
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
