//! Batch runs (`baocao build`): many inputs, reports in parallel, a result
//! per input, and optionally one PDF holding them all for a meeting.
//!
//! Each input is read, mapped onto its kind (given, or detected from the
//! article; report data carries its own) and laid out on a worker thread;
//! a bad input fails alone and the batch goes on. The engine (templates,
//! lexicon, format profile, font tables) is loaded once and shared.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result, Warning};
use crate::render::pdf;
use crate::report::Kind;
use crate::{input, output, t, Engine, LaidOut, Options};

/// What to build.
#[derive(Debug, Clone)]
pub struct Job {
    /// Files and folders; folders contribute their `.txt`, `.yaml` and `.yml`
    /// files, recursively, in name order.
    pub inputs: Vec<PathBuf>,
    pub out_dir: PathBuf,
    /// Render every input as this kind instead of the detected one.
    pub kind: Option<Kind>,
    pub options: Options,
    /// Worker threads; all cores when `None` (see [`cap_jobs`]).
    pub jobs: Option<usize>,
    /// Also write every report into this one PDF.
    pub pack: Option<PathBuf>,
    /// The largest input read, in bytes.
    pub max_input_size: u64,
}

/// How many workers per core `--jobs` may ask for: reports are computed,
/// not waited for, so more only costs threads and memory.
pub const JOBS_PER_CORE: usize = 4;

/// The warning when `--jobs` asks for more than [`JOBS_PER_CORE`] per core.
fn jobs_cut(n: usize, cores: usize, most: usize) -> String {
    t!(
        "build-jobs-capped",
        jobs = n,
        per = JOBS_PER_CORE,
        cores = cores,
        most = most
    )
}

/// The worker count for `--jobs requested`: at most [`JOBS_PER_CORE`] per
/// core, with the warning to give when that cut it.
pub fn cap_jobs(requested: Option<usize>) -> (Option<usize>, Option<Warning>) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = cores * JOBS_PER_CORE;
    match requested {
        Some(n) if n > most => (Some(most), Some(Warning::new(jobs_cut(n, cores, most)))),
        other => (other, None),
    }
}

/// The outcome for one input.
#[derive(Debug)]
pub struct Outcome {
    pub input: PathBuf,
    pub result: Result<Done>,
}

/// A report written.
#[derive(Debug)]
pub struct Done {
    pub output: PathBuf,
    pub kind: Kind,
    pub pages: usize,
    /// Whether the input read as a report of some kind (always for report data).
    pub kind_found: bool,
    pub warnings: Vec<Warning>,
}

impl Outcome {
    /// The line a log shows for this input: `ok` with the kind and pages, or `FAIL`.
    pub fn progress_line(&self) -> String {
        match &self.result {
            Ok(d) => t!(
                "build-progress-ok",
                input = self.input.display(),
                output = d.output.display(),
                kind = d.kind.name(),
                pages = d.pages
            ),
            Err(_) => t!("build-progress-fail", input = self.input.display()),
        }
    }
}

/// What a finished batch tells its user.
#[derive(Debug)]
pub struct Summary {
    pub outcomes: Vec<Outcome>,
    pub pack_error: Option<Error>,
    pub out_dir: PathBuf,
    pub pack: Option<PathBuf>,
}

impl Summary {
    /// Whether every report and the pack were written.
    pub fn ok(&self) -> bool {
        self.pack_error.is_none() && self.outcomes.iter().all(|o| o.result.is_ok())
    }

    /// The summary for standard error: each warning once with every file it
    /// concerns (and the line, where it has one), the inputs that do not read
    /// as a report, the count written, the pack, every failure.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        let failed: Vec<&Outcome> = self.outcomes.iter().filter(|o| o.result.is_err()).collect();
        let mut warnings: Vec<(String, Vec<String>)> = Vec::new();
        for o in &self.outcomes {
            let Ok(done) = &o.result else { continue };
            for w in &done.warnings {
                let at = match &w.at {
                    Some(at) => at.to_string(),
                    None => o.input.display().to_string(),
                };
                match warnings.iter_mut().find(|(t, _)| *t == w.message) {
                    Some((_, files)) => files.push(at),
                    None => warnings.push((w.message.clone(), vec![at])),
                }
            }
        }
        for (text, files) in &warnings {
            out.push(t!("build-warning", reports = files.len(), text = text));
            out.extend(files.iter().map(|f| format!("  {f}")));
        }
        let not_reports: Vec<&Outcome> = self
            .outcomes
            .iter()
            .filter(|o| o.result.as_ref().is_ok_and(|d| !d.kind_found))
            .collect();
        if !not_reports.is_empty() {
            out.push(t!("build-not-reports", inputs = not_reports.len()));
            for o in not_reports {
                if let Ok(d) = &o.result {
                    out.push(t!(
                        "build-not-report",
                        input = o.input.display(),
                        kind = d.kind.name()
                    ));
                }
            }
        }
        out.push(t!(
            "build-written",
            written = self.outcomes.len() - failed.len(),
            reports = self.outcomes.len(),
            dir = self.out_dir.display(),
        ));
        if let Some(pack) = &self.pack {
            match &self.pack_error {
                None => out.push(t!("build-pack", pack = pack.display())),
                Some(e) => out.push(t!(
                    "build-pack-failed",
                    pack = pack.display(),
                    error = e.to_string()
                )),
            }
        }
        if !failed.is_empty() {
            out.push(t!("build-failed", failed = failed.len()));
            for o in &failed {
                // Errors name their file already; indent their hint lines.
                if let Err(e) = &o.result {
                    out.push(format!("  {}", e.to_string().replace('\n', "\n  ")));
                }
            }
        }
        out
    }
}

/// Reads, maps and lays out one input.
fn lay_out_one(
    engine: &Engine,
    input: &Path,
    kind: Option<Kind>,
    opts: &Options,
    max_input_size: u64,
) -> Result<(Kind, bool, LaidOut, Vec<Warning>)> {
    let bytes = input::read_limited(input, max_input_size)?;
    let source = input.display().to_string();
    // Without a kind: an article's detected kind, or the one data carries.
    let (data, mut warnings) = engine.read_input(&source, &bytes, kind)?;
    let kind = data.kind;
    let laid = engine.lay_out(&data, opts)?;
    warnings.extend(laid.warnings.iter().cloned());
    Ok((kind, data.kind_found, laid, warnings))
}

/// Runs a job: every input in parallel, `progress` called as each finishes.
/// Returns one outcome per input, in input order, and the error of writing
/// the pack if that failed.
pub fn run(
    engine: &Engine,
    job: &Job,
    files: &[PathBuf],
    progress: &(dyn Fn(&Outcome) + Sync),
) -> (Vec<Outcome>, Option<Error>) {
    let outputs = output::batch_names(files, &job.out_dir);
    let work = || -> Vec<(Outcome, Option<LaidOut>)> {
        files
            .par_iter()
            .zip(outputs.par_iter())
            .map(|(input, output)| {
                let result = lay_out_one(engine, input, job.kind, &job.options, job.max_input_size)
                    .and_then(|(kind, kind_found, laid, warnings)| {
                        let bytes =
                            job.options
                                .pdf()
                                .write_sections(&laid.pages, &laid.metadata, &[])?;
                        output::write_atomically(output, &bytes)?;
                        let done = Done {
                            output: output.clone(),
                            kind,
                            pages: laid.pages.len(),
                            kind_found,
                            warnings,
                        };
                        Ok((done, laid))
                    });
                let (result, laid) = match result {
                    Ok((done, laid)) => (Ok(done), job.pack.is_some().then_some(laid)),
                    Err(e) => (Err(e), None),
                };
                let outcome = Outcome {
                    input: input.clone(),
                    result,
                };
                progress(&outcome);
                (outcome, laid)
            })
            .collect()
    };
    let results = match job.jobs {
        Some(n) => match rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
        {
            Ok(pool) => pool.install(work),
            Err(_) => work(),
        },
        None => work(),
    };
    let (outcomes, laid): (Vec<Outcome>, Vec<Option<LaidOut>>) = results.into_iter().unzip();
    let pack_error = job
        .pack
        .as_ref()
        .and_then(|pack| write_pack(pack, &laid, job.options.pdf()).err());
    (outcomes, pack_error)
}

/// Writes the reports that succeeded into one PDF, each keeping its own page
/// numbers, with a bookmark at the start of each (its headings under it) and
/// its own signature field.
fn write_pack(path: &Path, reports: &[Option<LaidOut>], backend: pdf::Pdf) -> Result<()> {
    let mut pages = Vec::new();
    let mut sections = Vec::new();
    let mut first: Option<&pdf::Metadata> = None;
    for laid in reports.iter().flatten() {
        sections.push(pdf::Section {
            title: laid.metadata.title.clone(),
            first_page: pages.len(),
        });
        pages.extend(laid.pages.iter().cloned());
        first.get_or_insert(&laid.metadata);
    }
    let Some(first) = first else {
        return Err(Error::Usage(t!("build-pack-empty", pack = path.display())));
    };
    let meta = pdf::Metadata {
        title: format!("Tập báo cáo ({} báo cáo)", sections.len()),
        author: first.author.clone(),
        subject: "Tập báo cáo".into(),
        date: first.date,
        keywords: first.keywords.clone(),
        language: first.language.clone(),
    };
    let bytes = backend.write_sections(&pages, &meta, &sections)?;
    output::write_atomically(path, &bytes)
}
