//! In-process benchmarks (`cargo bench`). Whole-process timings, memory,
//! the batch of 1,000 articles and the comparison with Typst are in
//! `benches/process.sh`, which also runs the `batch` group below.
//!
//! - `stages/*`: each stage of the year-end report of seed 000 with a warm
//!   engine (templates compiled, lexicon and profile parsed), then the
//!   whole report (`stages/report`), and a report with a fresh engine
//!   (`stages/first_report`: what one `baocao year-end` run does in-process).
//! - `batch`: the five seeds ten times over (50 reports), kind detected per
//!   article, rendered to PDF bytes on a two-thread pool; criterion's
//!   throughput is reports per second.
//! - `layout/scale`, `report/scale`: seed 000's body repeated 1×, 10× and
//!   100×, laid out (template, markup, breaking, pagination), and laid out
//!   and written as PDF; time should grow linearly.
//! - `preview/page_96dpi`: seed 000's six pages drawn at 96 dpi by the
//!   preview renderer and encoded as PNG, glyphs cached as in one
//!   `baocao preview` run (the faces are parsed once per process, before
//!   timing); criterion's throughput is pages per second. The target is at
//!   most 15 ms a page. `preview/draw_96dpi`: the same without encoding.

use std::hint::black_box;
use std::time::Duration;

use baocao::letter::Letter;
use baocao::render::pdf;
use baocao::report::{Kind, ReportData};
use baocao::vn::Date;
use baocao::{article, layout, markup, report, Engine, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/000_1d509da1f266ee35.txt"
);

fn seed_bytes() -> Vec<u8> {
    std::fs::read(SEED).expect("seed 000")
}

fn seed_data(engine: &Engine) -> ReportData {
    engine
        .read_article(SEED, &seed_bytes(), Kind::YearEnd)
        .expect("seed 000 reads")
}

/// The report data with every section's paragraphs repeated `times` times.
fn scaled(data: &ReportData, times: usize) -> ReportData {
    let mut d = data.clone();
    for s in &mut d.sections {
        s.paragraphs = std::iter::repeat_n(s.paragraphs.clone(), times)
            .flatten()
            .collect();
    }
    d
}

fn stages(c: &mut Criterion) {
    let engine = Engine::builtin();
    let opts = Options::default();
    let bytes = seed_bytes();
    let article = article::read(SEED, &bytes).expect("seed 000 reads");
    let data = report::map(&article, Kind::YearEnd, engine.lexicon());
    let letter = Letter {
        date: Date::new(2022, 1, 13),
        ..Letter::default()
    };
    let markdown = engine.markdown(&data, &letter).expect("renders");
    let doc = markup::parse("year-end", &markdown).expect("parses");
    let laid = engine.lay_out(&data, &opts).expect("lays out");

    let mut g = c.benchmark_group("stages");
    g.bench_function("read", |b| {
        b.iter(|| article::read(SEED, black_box(&bytes)))
    });
    g.bench_function("map", |b| {
        b.iter(|| report::map(black_box(&article), Kind::YearEnd, engine.lexicon()))
    });
    g.bench_function("template", |b| {
        b.iter(|| engine.markdown(black_box(&data), &letter))
    });
    g.bench_function("markup", |b| {
        b.iter(|| markup::parse("year-end", black_box(&markdown)))
    });
    g.bench_function("layout", |b| {
        b.iter(|| layout::layout(black_box(&doc), &letter, engine.profile()))
    });
    g.bench_function("pdf", |b| {
        b.iter(|| pdf::write(black_box(&laid.pages), &laid.metadata))
    });
    // The same without what issue 14 added on request: PDF/A and the field.
    let plain = pdf::Pdf {
        pdfa: false,
        sign_field: false,
    };
    g.bench_function("pdf_no_pdfa_no_field", |b| {
        b.iter(|| plain.write_sections(black_box(&laid.pages), &laid.metadata, &[]))
    });
    g.bench_function("report", |b| {
        b.iter(|| engine.render_input(SEED, black_box(&bytes), Kind::YearEnd, &opts))
    });
    g.bench_function("first_report", |b| {
        b.iter(|| {
            let engine = Engine::builtin();
            engine.render_input(SEED, black_box(&bytes), Kind::YearEnd, &opts)
        })
    });
    g.finish();
}

fn batch(c: &mut Criterion) {
    let seeds: Vec<(String, Vec<u8>)> = {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("seeds folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|p| (p.display().to_string(), std::fs::read(&p).expect("seed")))
            .collect()
    };
    let inputs: Vec<&(String, Vec<u8>)> = seeds.iter().cycle().take(seeds.len() * 10).collect();
    let engine = Engine::builtin();
    let opts = Options::default();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("a thread pool");
    // What `baocao build` does per article, short of writing the file.
    let one = |(source, bytes): &(String, Vec<u8>)| {
        let data = engine.inspect(source, bytes).expect("reads");
        engine.render(&data, &opts).expect("renders").pdf.len()
    };
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(inputs.len() as u64));
    g.sample_size(20);
    g.bench_function("2_threads", |b| {
        b.iter(|| pool.install(|| inputs.par_iter().map(|i| one(i)).sum::<usize>()))
    });
    g.finish();
}

fn scale(c: &mut Criterion) {
    let engine = Engine::builtin();
    let data = seed_data(&engine);
    let opts = Options::default();
    for (name, with_pdf) in [("layout/scale", false), ("report/scale", true)] {
        let mut group = c.benchmark_group(name);
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(10));
        for times in [1usize, 10, 100] {
            let d = scaled(&data, times);
            let chars: usize = d
                .sections
                .iter()
                .flat_map(|s| &s.paragraphs)
                .map(|p| p.full_text().len())
                .sum();
            if !with_pdf {
                let pages = engine.lay_out(&d, &opts).expect("lays out").pages.len();
                eprintln!("scale {times}x: {chars} bytes of body text, {pages} pages");
            }
            group.throughput(Throughput::Bytes(chars as u64));
            group.bench_with_input(BenchmarkId::from_parameter(times), &d, |b, d| {
                b.iter(|| {
                    let laid = engine.lay_out(black_box(d), &opts).expect("lays out");
                    if with_pdf {
                        pdf::write(&laid.pages, &laid.metadata).expect("writes");
                    }
                })
            });
        }
        group.finish();
    }
}

fn preview(c: &mut Criterion) {
    use baocao::render::png::Renderer;
    let engine = Engine::builtin();
    let laid = engine
        .lay_out(&seed_data(&engine), &Options::default())
        .expect("lays out");
    // Faces parsed and glyphs drawn once, as after a run's first page.
    let mut warm = Renderer::new(96.0);
    for page in &laid.pages {
        warm.draw(page);
    }
    let mut g = c.benchmark_group("preview");
    g.throughput(Throughput::Elements(laid.pages.len() as u64));
    g.bench_function("page_96dpi", |b| {
        b.iter(|| {
            // A fresh renderer per run, as `baocao preview` has: its glyph
            // cache starts empty, the faces stay parsed.
            let mut r = Renderer::new(96.0);
            for page in &laid.pages {
                black_box(r.draw(black_box(page)).encode(96.0).expect("encodes"));
            }
        })
    });
    // The drawing alone, without the PNG encoding.
    g.bench_function("draw_96dpi", |b| {
        b.iter(|| {
            let mut r = Renderer::new(96.0);
            for page in &laid.pages {
                black_box(r.draw(black_box(page)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, stages, batch, scale, preview);
criterion_main!(benches);
