//! In-process benchmarks on seed 000 (`cargo bench`). Whole-process timings
//! and the comparison with Typst are in `benches/process.sh`.
//!
//! - `layout/scale`: breaking and pagination of the year-end report of seed
//!   000 with its body repeated 1×, 10× and 100×; time should grow linearly.

use std::hint::black_box;
use std::time::Duration;

use baocao::report::{Kind, ReportData};
use baocao::{Engine, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/000_1d509da1f266ee35.txt"
);

fn seed_data(engine: &Engine) -> ReportData {
    let bytes = std::fs::read(SEED).expect("seed 000");
    engine
        .read_article(SEED, &bytes, Kind::YearEnd)
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

fn layout_scale(c: &mut Criterion) {
    let engine = Engine::builtin();
    let data = seed_data(&engine);
    let opts = Options::default();
    let mut group = c.benchmark_group("layout/scale");
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
        let pages = engine.lay_out(&d, &opts).expect("lays out").pages.len();
        eprintln!("layout/scale/{times}: {chars} bytes of body text, {pages} pages");
        group.throughput(Throughput::Bytes(chars as u64));
        group.bench_with_input(BenchmarkId::from_parameter(times), &d, |b, d| {
            b.iter(|| engine.lay_out(black_box(d), &opts).expect("lays out"))
        });
    }
    group.finish();
}

criterion_group!(benches, layout_scale);
criterion_main!(benches);
