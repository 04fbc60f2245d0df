//! A mutation fuzzer on stable Rust, for a set time:
//!
//!     cargo run --release --example fuzz -- --minutes 10 [--target T] [--seed N]
//!
//! Targets: `reader` (article reading and mapping), `yaml` (report data,
//! organisation and format profiles), `template` (templates replaced by
//! mutated ones), `layout` (articles through to the page model), `pdf`
//! (through to the PDF's bytes); all of them in turn without `--target`.
//! Inputs are the seeds, `tests/fixtures/` and `tests/corpus/`, mutated by
//! byte flips, splices, hostile strings, truncation and encoding damage.
//! Each is run in-process under `catch_unwind`; the invariants: no panic,
//! nothing outside the text area, every body character printed (less
//! those no face sets), same input → same result. A failing input is saved
//! to `fuzz-failures/` (git ignores it). A worker process does the runs, so
//! an abort or a hang (stack overflow, memory) is caught too: the parent
//! saves the input the worker was on and starts another.

#[path = "../tests/common/area.rs"]
mod area;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use baocao::profile::FormatProfile;
use baocao::report::Kind;
use baocao::{Engine, Options};

const TARGETS: [&str; 5] = ["reader", "yaml", "template", "layout", "pdf"];
/// A run taking longer than this is a hang.
const HANG: Duration = Duration::from_secs(60);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let minutes: f64 = opt("--minutes").and_then(|m| m.parse().ok()).unwrap_or(1.0);
    let seed: u64 = opt("--seed").and_then(|s| s.parse().ok()).unwrap_or(1);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let failures = root.join("fuzz-failures");
    if let Some(target) = opt("--worker") {
        let deadline: u64 = opt("--until").and_then(|s| s.parse().ok()).unwrap_or(0);
        worker(&root, &failures, &target, seed, deadline);
        return;
    }
    let targets: Vec<String> = match opt("--target") {
        Some(t) if TARGETS.contains(&t.as_str()) => vec![t],
        Some(t) => {
            eprintln!("unknown target `{t}`; use one of {}", TARGETS.join(", "));
            std::process::exit(2);
        }
        None => TARGETS.iter().map(|t| t.to_string()).collect(),
    };
    std::fs::create_dir_all(&failures).expect("create fuzz-failures/");
    let per_target = Duration::from_secs_f64(minutes * 60.0 / targets.len() as f64);
    let mut all_failed = 0;
    for target in &targets {
        let t = supervise(&failures, target, seed, per_target);
        println!(
            "{target}: {} runs in {:.1} s ({:.0} runs/s), {} failures, {} errors (rejected inputs), {} restarts",
            t.runs,
            t.secs,
            t.runs as f64 / t.secs.max(0.001),
            t.failures,
            t.errors,
            t.restarts
        );
        all_failed += t.failures;
    }
    if all_failed > 0 {
        println!("failing inputs are in {}", failures.display());
        std::process::exit(1);
    }
}

#[derive(Default)]
struct Totals {
    runs: u64,
    errors: u64,
    failures: u64,
    restarts: u64,
    secs: f64,
}

/// Runs workers for `target` until `time` is up, restarting one that dies.
fn supervise(failures: &Path, target: &str, seed: u64, time: Duration) -> Totals {
    let start = Instant::now();
    let mut t = Totals::default();
    let exe = std::env::current_exe().expect("own path");
    let current = failures.join(format!(".current-{target}"));
    let mut round = 0u64;
    while start.elapsed() < time {
        let until = (std::time::SystemTime::now() + (time - start.elapsed()))
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        // Left by an earlier worker or run: stale, it would read as a hang.
        let _ = std::fs::remove_file(&current);
        let mut child = Command::new(&exe)
            .args(["--worker", target, "--until", &until.to_string()])
            .args(["--seed", &(seed + round * 7919).to_string()])
            .stdout(Stdio::piped())
            .spawn()
            .expect("start a worker");
        round += 1;
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait") {
                break Some(s);
            }
            let stale = std::fs::metadata(&current)
                .and_then(|m| m.modified())
                .is_ok_and(|m| m.elapsed().unwrap_or_default() > HANG);
            if stale {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(200));
        };
        let out = child
            .wait_with_output()
            .map(|o| o.stdout)
            .unwrap_or_default();
        for line in String::from_utf8_lossy(&out).lines() {
            let n: Vec<u64> = line
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            if line.starts_with("totals") && n.len() == 3 {
                t.runs += n[0];
                t.errors += n[1];
                t.failures += n[2];
            }
        }
        let clean = status.is_some_and(|s| s.success());
        if !clean {
            // The worker died or hung on the input it was on.
            t.restarts += 1;
            t.failures += 1;
            let why = match status {
                None => "hang".to_string(),
                Some(s) => format!(
                    "abort-{}",
                    s.code().map_or("signal".into(), |c| c.to_string())
                ),
            };
            if let Ok(bytes) = std::fs::read(&current) {
                save(failures, target, &why, &bytes);
            }
        }
    }
    let _ = std::fs::remove_file(&current);
    t.secs = start.elapsed().as_secs_f64();
    t
}

/// Saves a failing input as `fuzz-failures/TARGET-WHY-HASH`.
fn save(failures: &Path, target: &str, why: &str, bytes: &[u8]) -> PathBuf {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    let path = failures.join(format!("{target}-{why}-{h:016x}"));
    let _ = std::fs::write(&path, bytes);
    path
}

/// xorshift64*: reproducible from `--seed`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Strings that have broken or could break a typesetter.
const HOSTILE: &[&str] = &[
    "中华人民共和国",
    "עברית שלום",
    "العربية",
    "😀🎉👏🏻❤️",
    "Phu\u{301}c Đo\u{302}\u{300}ng",
    "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}",
    "\u{200b}\u{200d}\u{feff}\u{2028}\u{2029}",
    "\u{0}\u{1}\u{7f}\u{1b}[31m",
    "https://thanhuy.hanoi.gov.vn/tin-tuc-hoat-dong-cua-dang-bo-phuong-phuc-dong-nam-2021-va-phuong-huong",
    "ĐẢNGỦYPHƯỜNGPHÚCĐỒNGĐẢNGỦYPHƯỜNGPHÚCĐỒNGĐẢNGỦYPHƯỜNGPHÚCĐỒNG",
    "\r\n\r\n\r\n",
    "\t\t  \u{a0}\u{a0}",
    "# ## ### - + * ** *** `code` [a](b) <p>x</p> | a | b |",
    "{{ {{{ }}} {{> x}} {{#each}} {{/if}} \\{{",
    "&a [*a, *a, *a, *a] ",
    "---\n...\n: - ? !!binary",
    "Ngày đăng 13/01/2022 | 16:26 | Lượt xem: 466",
    "I. KẾT QUẢ\n\n1. Công tác\n\na) Điểm\n\n- mục\n+ mục",
    "NgÃ y Ä'Äƒng",
    "\u{f001}\u{e000}\u{10ffff}",
    // Lower case of another byte length: offsets of a lower-cased copy.
    "İ\u{212a}\u{1e9e}\u{2126}ȺȾ",
];

/// A YAML input with hostile text in its strings (and lists grown):
/// valid YAML that reaches the layout, where byte mutations mostly make
/// YAML that does not parse.
fn mutate_yaml(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let Ok(mut value) = serde_yaml::from_slice::<serde_yaml::Value>(input) else {
        return mutate(rng, input, other);
    };
    for _ in 0..1 + rng.below(6) {
        let mut leaves = Vec::new();
        collect(&mut value, rng.chance(4), &mut leaves);
        if leaves.is_empty() {
            break;
        }
        let pick = rng.below(leaves.len());
        match leaves.swap_remove(pick) {
            Leaf::Text(s) => {
                let bytes = mutate(rng, s.as_bytes(), other);
                *s = String::from_utf8_lossy(&bytes).into_owned();
            }
            Leaf::List(list) if !list.is_empty() => {
                let item = list[rng.below(list.len())].clone();
                for _ in 0..rng.below(80) {
                    list.push(item.clone());
                }
            }
            Leaf::List(_) => {}
        }
    }
    serde_yaml::to_string(&value)
        .unwrap_or_default()
        .into_bytes()
}

enum Leaf<'v> {
    Text(&'v mut String),
    List(&'v mut Vec<serde_yaml::Value>),
}

/// The strings of `v`, or with `lists` its lists (one borrow each).
fn collect<'v>(v: &'v mut serde_yaml::Value, lists: bool, out: &mut Vec<Leaf<'v>>) {
    match v {
        serde_yaml::Value::String(s) if !lists => out.push(Leaf::Text(s)),
        serde_yaml::Value::Sequence(items) => {
            if lists {
                out.push(Leaf::List(items));
            } else {
                for item in items {
                    collect(item, lists, out);
                }
            }
        }
        serde_yaml::Value::Mapping(m) => {
            for (_, item) in m.iter_mut() {
                collect(item, lists, out);
            }
        }
        _ => {}
    }
}

/// A mutation of `input`, sometimes spliced with `other`.
fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let mut at = rng.below(v.len() + 1);
        // Mostly at a character boundary: invalid UTF-8 is refused at once.
        while !rng.chance(10) && at < v.len() && (v[at] & 0xc0) == 0x80 {
            at += 1;
        }
        match rng.below(9 + 8) {
            0 if !v.is_empty() && rng.chance(3) => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => {
                let from = rng.below(other.len() + 1);
                let len = rng.below(other.len() - from + 1);
                v.splice(at..at, other[from..from + len].iter().copied());
            }
            2 | 3 | 9..=16 => {
                let h = HOSTILE[rng.below(HOSTILE.len())].as_bytes();
                let times = if rng.chance(8) { 1 + rng.below(200) } else { 1 };
                let ins: Vec<u8> = h.iter().copied().cycle().take(h.len() * times).collect();
                v.splice(at..at, ins);
            }
            4 => v.truncate(at),
            5 if !v.is_empty() => {
                // A slice repeated: thousands of tiny paragraphs, huge fields.
                let from = rng.below(v.len());
                let len = (1 + rng.below(40)).min(v.len() - from);
                let piece = v[from..from + len].to_vec();
                for _ in 0..rng.below(300) {
                    v.splice(at.min(v.len())..at.min(v.len()), piece.iter().copied());
                }
            }
            6 => {
                // Encoding damage: UTF-8 read as Latin-1 and written again.
                let end = (at + rng.below(400)).min(v.len());
                let damaged: Vec<u8> = v[at..end]
                    .iter()
                    .flat_map(|b| char::from(*b).to_string().into_bytes())
                    .collect();
                v.splice(at..end, damaged);
            }
            7 if !v.is_empty() => {
                let end = (at + rng.below(200)).min(v.len());
                v.drain(at..end);
            }
            8 => {
                let junk = [0xc3, 0x28, 0xff, 0xfe, 0x00, 0xe2, 0x80];
                v.insert(at, junk[rng.below(junk.len())]);
            }
            _ => {}
        }
    }
    v
}

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, ext, out);
        } else if p
            .to_str()
            .is_some_and(|s| ext.iter().any(|e| s.ends_with(e)))
        {
            out.push(p);
        }
    }
}

/// The inputs a target mutates.
fn corpus(root: &Path, target: &str) -> Vec<(String, Vec<u8>)> {
    let mut paths = Vec::new();
    let ext: &[&str] = match target {
        "yaml" => &[".yaml"],
        "template" => &[".hbs"],
        _ => &[".txt"],
    };
    let dirs: &[&str] = match target {
        "template" => &["templates"],
        "yaml" => &["templates/formats", "tests/fixtures/formats"],
        _ => &["seeds", "tests/fixtures", "tests/corpus"],
    };
    for d in dirs {
        files(&root.join(d), ext, &mut paths);
    }
    let mut out: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let name = p.strip_prefix(root).unwrap_or(p).display().to_string();
            (name, std::fs::read(p).unwrap_or_default())
        })
        .collect();
    if target == "yaml" {
        // The organisation fixture, and report data as `inspect` prints it,
        // from the seeds and the corpus (the corpus labels and fixture
        // expectations are not inputs of baocao).
        let org = root.join("tests/fixtures/org.yaml");
        out.push(("org.yaml".into(), std::fs::read(org).unwrap_or_default()));
        let engine = Engine::builtin();
        let mut seeds = Vec::new();
        files(&root.join("seeds"), &[".txt"], &mut seeds);
        files(&root.join("tests/corpus"), &[".txt"], &mut seeds);
        for s in seeds {
            let bytes = std::fs::read(&s).unwrap_or_default();
            if let Ok(data) = engine.inspect("seed.txt", &bytes) {
                let yaml = serde_yaml::to_string(&data).unwrap_or_default();
                out.push(("data.yaml".into(), yaml.into_bytes()));
            }
        }
    }
    out
}

/// What one run found wrong, if anything.
type Verdict = Result<bool, String>;

/// Runs `target` on the worker's share of the time, printing its totals.
fn worker(root: &Path, failures: &Path, target: &str, seed: u64, until: u64) {
    let inputs = corpus(root, target);
    assert!(!inputs.is_empty(), "no inputs for {target}");
    let mut rng = Rng(seed.max(1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let current = failures.join(format!(".current-{target}"));
    let engine = Engine::builtin();
    let scratch = tempfile::tempdir().expect("a scratch folder");
    // Panics are counted and saved; their messages would flood the log.
    std::panic::set_hook(Box::new(|_| {}));
    let (mut runs, mut errors, mut failed) = (0u64, 0u64, 0u64);
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
    };
    while now() < until {
        let (name, base) = &inputs[rng.below(inputs.len())];
        let (_, other) = &inputs[rng.below(inputs.len())];
        let input = if target == "yaml" && !rng.chance(3) {
            mutate_yaml(&mut rng, base, other)
        } else {
            mutate(&mut rng, base, other)
        };
        let _ = std::fs::write(&current, &input);
        let verdict = catch_unwind(AssertUnwindSafe(|| {
            run(&engine, target, name, &input, scratch.path())
        }))
        .unwrap_or_else(|p| {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("panic: {msg}"))
        });
        runs += 1;
        match verdict {
            Ok(true) => {}
            Ok(false) => errors += 1,
            Err(why) => {
                failed += 1;
                let path = save(failures, target, "fail", &input);
                let _ = std::fs::write(path.with_extension("why"), format!("{name}: {why}\n"));
            }
        }
    }
    println!("totals {runs} {errors} {failed}");
}

/// One run: `Ok(true)` done, `Ok(false)` the input was refused with an
/// error (as it should be for garbage), `Err` an invariant broken.
fn run(engine: &Engine, target: &str, name: &str, input: &[u8], scratch: &Path) -> Verdict {
    match target {
        "reader" => {
            let a = baocao::article::read("fuzz.txt", input);
            let b = baocao::article::read("fuzz.txt", input);
            if format!("{a:?}") != format!("{b:?}") {
                return Err("two reads differ".into());
            }
            let data = engine.inspect("fuzz.txt", input);
            Ok(a.is_ok() && data.is_ok())
        }
        "yaml" => yaml(engine, name, input, scratch),
        "template" => {
            let file = Path::new(name).file_name().unwrap_or_default();
            let dir = scratch.join("templates");
            let sub = if name.contains("partials") {
                dir.join("partials")
            } else {
                dir.clone()
            };
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&sub).map_err(|e| e.to_string())?;
            std::fs::write(sub.join(file), input).map_err(|e| e.to_string())?;
            let Ok(engine) = Engine::with_templates(&dir) else {
                return Ok(false);
            };
            let seed = std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/seeds/000_1d509da1f266ee35.txt"
            ))
            .map_err(|e| e.to_string())?;
            let kind = Kind::ALL[input.len() % Kind::ALL.len()];
            let Ok(data) = engine.read_article("seed.txt", &seed, kind) else {
                return Ok(false);
            };
            // A template may leave out what it likes: no check of the words.
            checked(&engine, &data, &Options::default(), Check::Area)
        }
        "layout" | "pdf" => {
            let Ok((data, _)) = engine.read_input("fuzz.txt", input, None) else {
                return Ok(false);
            };
            let check = if target == "pdf" {
                Check::Pdf
            } else {
                Check::Words
            };
            checked(engine, &data, &Options::default(), check)
        }
        _ => Err(format!("no target {target}")),
    }
}

/// Report data, an organisation profile or a format profile, as `name` says.
fn yaml(engine: &Engine, name: &str, input: &[u8], scratch: &Path) -> Verdict {
    let text = String::from_utf8_lossy(input);
    if name.contains("formats") {
        let path = scratch.join("format.yaml");
        std::fs::write(&path, input).map_err(|e| e.to_string())?;
        let Ok(custom) = Engine::new(Some(path.to_str().unwrap_or_default()), None) else {
            return Ok(false);
        };
        let seed = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/001_2adf257df097989f.txt"
        ))
        .map_err(|e| e.to_string())?;
        let Ok(data) = custom.inspect("seed.txt", &seed) else {
            return Ok(false);
        };
        // A profile may legally ask for what no page holds: only no panic
        // and the same bytes twice.
        let a = custom.render(&data, &Options::default()).map(|r| r.pdf);
        let b = custom.render(&data, &Options::default()).map(|r| r.pdf);
        return match (a, b) {
            (Ok(a), Ok(b)) if a != b => Err("two renders differ".into()),
            (Ok(_), Ok(_)) => Ok(true),
            _ => Ok(false),
        };
    }
    if name.ends_with("org.yaml") {
        let Ok(org) = baocao::org::Org::parse("org.yaml", &text) else {
            return Ok(false);
        };
        let seed = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/002_f117974ff04a48f1.txt"
        ))
        .map_err(|e| e.to_string())?;
        let Ok(data) = engine.inspect("seed.txt", &seed) else {
            return Ok(false);
        };
        let opts = Options {
            org: Some(org),
            ..Options::default()
        };
        return checked(engine, &data, &opts, Check::Words);
    }
    let Ok((data, _)) = engine.read_input("fuzz.yaml", input, None) else {
        return Ok(false);
    };
    checked(engine, &data, &Options::default(), Check::Words)
}

/// What a run checks besides no panic and the same result twice.
#[derive(Clone, Copy, PartialEq)]
enum Check {
    /// Nothing outside the text area.
    Area,
    /// And every body character printed.
    Words,
    /// And the PDF written, the same bytes twice, readable.
    Pdf,
}

/// Lays out (and writes) `data` twice, checking the page model.
fn checked(
    engine: &Engine,
    data: &baocao::report::ReportData,
    opts: &Options,
    check: Check,
) -> Verdict {
    let Ok(laid) = engine.lay_out(data, opts) else {
        return Ok(false);
    };
    let again = engine
        .lay_out(data, opts)
        .map_err(|e| format!("second run failed: {e}"))?;
    if laid.pages != again.pages {
        return Err("two layouts differ".into());
    }
    let profile: &FormatProfile = engine.profile();
    if let Some(first) = area::outside(&laid.pages, profile).first() {
        return Err(format!("outside the text area: {first}"));
    }
    let texts: Vec<String> = data
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.full_text()))
        .collect();
    if check != Check::Area {
        if let Some(lost) =
            area::lost(&laid.pages, profile, texts.iter().map(String::as_str)).first()
        {
            return Err(format!("body text not printed: “{lost}”"));
        }
    }
    if check == Check::Pdf {
        let a = opts.pdf().write_sections(&laid.pages, &laid.metadata, &[]);
        let b = opts
            .pdf()
            .write_sections(&again.pages, &again.metadata, &[]);
        match (a, b) {
            (Ok(a), Ok(b)) if a != b => return Err("two PDFs differ".into()),
            (Ok(a), Ok(_)) => {
                lopdf::Document::load_mem(&a).map_err(|e| format!("unreadable PDF: {e}"))?;
            }
            (Err(e), _) | (_, Err(e)) => return Err(format!("PDF not written: {e}")),
        }
    }
    Ok(true)
}
