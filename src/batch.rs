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
use crate::report::Kind;
use crate::{pdf, Engine, LaidOut, Options};

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
    /// Worker threads; all cores when `None`.
    pub jobs: Option<usize>,
    /// Also write every report into this one PDF.
    pub pack: Option<PathBuf>,
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
    pub warnings: Vec<Warning>,
}

/// Every input file of a job, in order; a missing input is an error naming it.
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::Io {
            action: "read",
            path: input.clone(),
            source: e,
        })?;
        if meta.is_dir() {
            walk(input, &mut files)?;
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
        action: "read",
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_lowercase().as_str(), "txt" | "yaml" | "yml"))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Output file names: `<out>/<input name>.pdf`, with `-2`, `-3` … added when
/// two inputs share a name (whatever its case).
pub fn output_names(files: &[PathBuf], out_dir: &Path) -> Vec<PathBuf> {
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

/// Reads, maps and lays out one input.
fn lay_out_one(
    engine: &Engine,
    input: &Path,
    kind: Option<Kind>,
    opts: &Options,
) -> Result<(Kind, LaidOut, Vec<Warning>)> {
    let bytes = std::fs::read(input).map_err(|e| Error::Io {
        action: "read",
        path: input.to_path_buf(),
        source: e,
    })?;
    let source = input.display().to_string();
    let (data, mut warnings) = match kind {
        Some(k) => engine.read_input(&source, &bytes, k)?,
        None if is_data(input) => {
            let kind = engine.read_data(&source, &bytes)?.kind;
            engine.read_input(&source, &bytes, kind)?
        }
        // An article mapped onto the kind detected for it.
        None => (engine.inspect(&source, &bytes)?, Vec::new()),
    };
    let kind = data.kind;
    let laid = engine.lay_out(&data, opts)?;
    warnings.extend(laid.warnings.iter().cloned());
    Ok((kind, laid, warnings))
}

fn is_data(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_lowercase().as_str(), "yaml" | "yml"))
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
    let outputs = output_names(files, &job.out_dir);
    let work = || -> Vec<(Outcome, Option<LaidOut>)> {
        files
            .par_iter()
            .zip(outputs.par_iter())
            .map(|(input, output)| {
                let result = lay_out_one(engine, input, job.kind, &job.options).and_then(
                    |(kind, laid, warnings)| {
                        let bytes = pdf::write(&laid.pages, &laid.metadata)?;
                        crate::write_atomically(output, &bytes)?;
                        let done = Done {
                            output: output.clone(),
                            kind,
                            pages: laid.pages.len(),
                            warnings,
                        };
                        Ok((done, laid))
                    },
                );
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
        .and_then(|pack| write_pack(pack, &laid).err());
    (outcomes, pack_error)
}

/// Writes the reports that succeeded into one PDF, each keeping its own page
/// numbers, with a bookmark at the start of each.
fn write_pack(path: &Path, reports: &[Option<LaidOut>]) -> Result<()> {
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
        return Err(Error::Usage(format!(
            "no report to put into {}",
            path.display()
        )));
    };
    let meta = pdf::Metadata {
        title: format!("Tập báo cáo ({} báo cáo)", sections.len()),
        author: first.author.clone(),
        subject: "Tập báo cáo".into(),
        date: first.date,
    };
    let bytes = pdf::write_with_sections(&pages, &meta, &sections)?;
    crate::write_atomically(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_do_not_collide() {
        let files = [
            PathBuf::from("a/bao-cao.txt"),
            PathBuf::from("b/bao-cao.txt"),
            PathBuf::from("c.yaml"),
            PathBuf::from("d/Bao-Cao.txt"),
        ];
        let names = output_names(&files, Path::new("out"));
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
}
