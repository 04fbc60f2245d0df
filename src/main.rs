//! Command line of baocao: parses arguments and calls the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use baocao::error::{Error, Result};
use baocao::letter::Draft;
use baocao::org::Org;
use baocao::profile::FormatProfile;
use baocao::report::Kind;
use baocao::report::{PeriodGiven, Term};
use baocao::vn::Date;
use baocao::{batch, input, output, Engine, Options};

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
    /// Mid-term review (báo cáo sơ kết giữa nhiệm kỳ).
    MidTerm(RenderArgs),
    /// Quarterly or half-year review (báo cáo quý, sơ kết 6 tháng).
    Quarterly(RenderArgs),
    /// Branch-congress report (báo cáo kết quả đại hội chi bộ).
    Congress(RenderArgs),
    /// Resolution-implementation report (báo cáo kết quả thực hiện nghị quyết).
    Resolution(RenderArgs),
    /// Print an article's report data as YAML, to check or edit.
    ///
    /// Shows the kind and why, the period, the sections with their input
    /// lines, and what was set aside. Edit it and render it with
    /// `baocao <kind> data.yaml`.
    Inspect {
        /// The article, a UTF-8 text file.
        input: PathBuf,
        /// Map onto this kind instead of the detected one.
        #[arg(long, value_name = "KIND", value_parser = parse_kind)]
        kind: Option<Kind>,
    },
    /// Build many reports at once, in parallel.
    ///
    /// Each input (an article, report data, or a folder of them) becomes
    /// <DIR>/<name>.pdf, as the kind detected for the article unless --kind is
    /// given. Goes on past bad inputs, lists them at the end, and exits 1 if
    /// any failed.
    Build(BuildArgs),
    /// List the built-in format profiles (--format), their descriptions and sources.
    Formats,
    /// List the templates and the files they come from.
    Templates {
        /// Folder whose NAME.hbs files replace the built-in templates.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
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

#[derive(Args)]
struct BuildArgs {
    /// Articles, report data files, or folders of them.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Folder for the PDFs (created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// Render every input as this kind.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    kind: Option<Kind>,
    /// Reports built at once [default: one per core].
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Organisation profile for every report (YAML).
    #[arg(long, value_name = "ORG.yaml")]
    org: Option<PathBuf>,
    /// Report date for every report [default: each article's date].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Also write all reports into this one PDF, each keeping its page numbers.
    #[arg(long, value_name = "PACK.pdf")]
    pack: Option<PathBuf>,
    #[command(flatten)]
    period: PeriodArgs,
    /// Folder whose NAME.hbs files replace the built-in templates.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Format profile: a built-in name (`baocao formats`) or a profile file.
    #[arg(long, value_name = "NAME|FILE.yaml")]
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
    /// Organisation profile: issuer, number, signer, recipients (YAML).
    #[arg(long, value_name = "ORG.yaml")]
    org: Option<PathBuf>,
    /// Document number (overrides the profile's).
    #[arg(long, value_name = "N")]
    number: Option<u32>,
    /// Report date [default: the article's publication date].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    #[command(flatten)]
    period: PeriodArgs,
    /// Folder whose NAME.hbs files (and partials/NAME.hbs) replace the built-in templates.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Format profile: a built-in name (`baocao formats`) or a profile file
    /// [default: party-2018].
    #[arg(long, value_name = "NAME|FILE.yaml")]
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

fn parse_date(s: &str) -> std::result::Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a valid date; write it as YYYY-MM-DD"))
}

fn parse_year(s: &str) -> std::result::Result<i32, String> {
    match s.parse::<i32>() {
        Ok(y) if (1945..=2100).contains(&y) => Ok(y),
        _ => Err(format!("`{s}` is not a year between 1945 and 2100")),
    }
}

fn parse_term(s: &str) -> std::result::Result<Term, String> {
    Term::parse(s).ok_or_else(|| {
        format!("`{s}` is not a term; write it as YYYY-YYYY, the end at most five years after the start")
    })
}

/// `2021-1`: a year and a part of it (quarter 1–4, half 1–2).
fn parse_part(s: &str, parts: u8, what: &str) -> std::result::Result<(u8, i32), String> {
    let bad = || format!("`{s}` is not a {what}; write it as YYYY-N with N from 1 to {parts}");
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
        Ok(_) => Err("a draft's round counts from 1".into()),
        // The usual slip: `--draft INPUT`, the input taken for the round.
        Err(_) => Err(format!(
            "`{s}` is not a draft's round; write --draft after the input, or --draft=N"
        )),
    }
}

fn parse_kind(s: &str) -> std::result::Result<Kind, String> {
    Kind::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        format!(
            "`{s}` is not a report kind; use one of {}",
            names.join(", ")
        )
    })
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
        Command::Inspect { input, kind } => inspect(&input, kind),
        Command::Build(args) => return build(args),
        Command::Formats => list_formats(),
        Command::Templates { templates } => list_templates(templates.as_deref()),
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
        strict: args.strict,
    };
    let bytes = input::read(&args.input)?;
    let rendered = engine.render_input(&args.input.display().to_string(), &bytes, kind, &opts)?;
    for w in &rendered.warnings {
        eprintln!("warning: {w}");
    }
    let output = match &args.output {
        Some(p) => p.clone(),
        None => output::default_name(&args.input, "pdf"),
    };
    output::write_atomically(&output, &rendered.pdf)?;
    eprintln!("wrote {} ({} pages)", output.display(), rendered.pages);
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
            strict: args.strict,
        },
        jobs: args.jobs,
        pack: args.pack,
    };
    let files = input::collect(&job.inputs)?;
    if files.is_empty() {
        return Err(Error::Usage(
            "no .txt, .yaml or .yml inputs found; give article files or folders holding them"
                .into(),
        ));
    }
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
