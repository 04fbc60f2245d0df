//! The catalogue of bad inputs and hostile conditions (`cases.yaml`): each
//! case sets up a folder, runs baocao in it, and checks the exit code, the
//! key words of the message, and that no file was damaged, created or left
//! behind except the ones the case names. Interruption by signals is tested
//! below the runner, as it needs timing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

const HERE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad_inputs");

/// How a file of a case is made.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Spec {
    /// A copy of seed N (0–4).
    seed: Option<usize>,
    /// A copy of a file in `files/`.
    copy: Option<String>,
    text: Option<String>,
    /// Replacements `[from, to]` in the text, each of which must match.
    edit: Vec<(String, String)>,
    /// The text this many times.
    repeat: Option<usize>,
    /// The text written in this encoding (see [`encode`]).
    encode: Option<String>,
    /// Bytes added after the (encoded) text.
    append: Vec<u8>,
    /// A symbolic link to this path.
    link: Option<String>,
    /// A hard link to this file of the case (made after the others).
    hardlink: Option<String>,
    fifo: bool,
    dir: bool,
    /// YAML whose aliases expand to `width`^`levels` copies.
    alias_bomb: Option<(usize, usize)>,
    /// Report data whose sections nest this deep.
    nest: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// What the case is about (for whoever reads the catalogue).
    #[allow(dead_code)]
    why: String,
    #[serde(default)]
    files: BTreeMap<String, Spec>,
    run: Vec<String>,
    exit: i32,
    /// Words standard error must hold.
    #[serde(default)]
    says: Vec<String>,
    #[serde(default)]
    stdout_has: Vec<String>,
    #[serde(default)]
    stdout_lacks: Vec<String>,
    /// Files the run must create (all others must not appear).
    #[serde(default)]
    creates: Vec<String>,
    /// Files of the case the run must change (all others stay as they were).
    #[serde(default)]
    changes: Vec<String>,
    /// Files of the case the run must remove.
    #[serde(default)]
    removes: Vec<String>,
}

/// What a path of the case folder is, to compare before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    File(Vec<u8>),
    Link(PathBuf),
    Dir,
    Other,
}

fn seed(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    seeds[n].clone()
}

/// `text` as bytes of `encoding`.
fn encode(text: &str, encoding: &str) -> Vec<u8> {
    use baocao::encoding::{encode_tcvn3, encode_vni};
    let as_1252 = |bytes: &[u8]| {
        let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        s.into_owned().into_bytes()
    };
    let utf16 = |be: bool| -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    };
    match encoding {
        "utf-16le" => utf16(false),
        "utf-16be" => utf16(true),
        "bom-utf-16le" => [&[0xFF, 0xFE][..], &utf16(false)].concat(),
        "bom-utf-16be" => [&[0xFE, 0xFF][..], &utf16(true)].concat(),
        "tcvn3" => encode_tcvn3(text).expect("TCVN3 has the text's letters"),
        "vni" => encode_vni(text).expect("VNI has the text's letters"),
        "windows-1258" => windows_1258(text),
        "utf-8-as-1252" => as_1252(text.as_bytes()),
        "tcvn3-as-1252" => as_1252(&encode_tcvn3(text).unwrap()),
        "vni-as-1252" => as_1252(&encode_vni(text).unwrap()),
        other => panic!("no encoding `{other}` in the catalogue runner"),
    }
}

/// Windows-1258 as Word saves it: a letter it has, or else the letter
/// without its tone followed by a combining tone mark.
fn windows_1258(text: &str) -> Vec<u8> {
    let one = |s: &str| {
        let (b, _, bad) = encoding_rs::WINDOWS_1258.encode(s);
        (!bad).then(|| b.into_owned())
    };
    let mut out = Vec::new();
    for c in text.chars() {
        if let Some(b) = one(&c.to_string()) {
            out.extend(b);
            continue;
        }
        let parts: Vec<char> = c.to_string().nfd().collect();
        let (marks, base): (Vec<char>, Vec<char>) = parts
            .iter()
            .partition(|m| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'));
        let base: String = base.into_iter().collect::<String>().nfc().collect();
        out.extend(one(&base).expect("Windows-1258 has the base letter"));
        for m in marks {
            out.extend(one(&m.to_string()).expect("Windows-1258 has the tone mark"));
        }
    }
    out
}

fn alias_bomb(levels: usize, width: usize) -> String {
    let mut s = String::from("a0: &a0 [\"lol\"]\n");
    for i in 1..=levels {
        let refs = vec![format!("*a{}", i - 1); width].join(", ");
        s.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    s
}

fn make(dir: &Path, name: &str, spec: &Spec) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    if spec.dir {
        std::fs::create_dir_all(&path).unwrap();
        return;
    }
    if let Some(to) = &spec.link {
        std::os::unix::fs::symlink(to, &path).unwrap();
        return;
    }
    if spec.fifo {
        let ok = Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(ok.success(), "mkfifo {}", path.display());
        return;
    }
    let mut text = match (&spec.seed, &spec.copy, &spec.text) {
        (Some(n), _, _) => std::fs::read_to_string(seed(*n)).unwrap(),
        (_, Some(f), _) => std::fs::read_to_string(Path::new(HERE).join("files").join(f)).unwrap(),
        (_, _, Some(t)) => t.clone(),
        _ => String::new(),
    };
    if let Some((levels, width)) = spec.alias_bomb {
        text.push_str(&alias_bomb(levels, width));
    }
    if let Some(n) = spec.nest {
        // With an alias, so the limit pass runs (without one, the type of
        // `sections` stops the parser first).
        let (open, close) = ("[".repeat(n), "]".repeat(n));
        text.push_str(&format!("x: &x 1\nsections: {open}*x{close}\n"));
    }
    for (from, to) in &spec.edit {
        assert!(text.contains(from.as_str()), "{name}: no `{from}` to edit");
        text = text.replacen(from.as_str(), to, 1);
    }
    if let Some(n) = spec.repeat {
        text = text.repeat(n);
    }
    let mut bytes = match &spec.encode {
        Some(e) => encode(&text, e),
        None => text.into_bytes(),
    };
    bytes.extend(&spec.append);
    std::fs::write(&path, bytes).unwrap();
}

/// Every path under `dir` (links not followed) and what it is.
fn snapshot(dir: &Path) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
        let t = e.file_type();
        let entry = if t.is_symlink() {
            Entry::Link(std::fs::read_link(e.path()).unwrap())
        } else if t.is_dir() {
            Entry::Dir
        } else if t.is_file() {
            Entry::File(std::fs::read(e.path()).unwrap())
        } else {
            Entry::Other
        };
        out.insert(rel, entry);
    }
    out
}

/// Runs baocao in `dir`, killed after a minute.
fn run(dir: &Path, args: &[String]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        // The expected messages are the English ones.
        .args(["--lang", "en"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("baocao {args:?} ran for over a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        o.status.code().unwrap_or(-1),
        text(&o.stdout),
        text(&o.stderr),
    )
}

/// The failures of one case, empty if it passed.
fn check(case: &Case) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (links, others): (Vec<_>, Vec<_>) =
        case.files.iter().partition(|(_, s)| s.hardlink.is_some());
    for (name, spec) in others {
        make(dir, name, spec);
    }
    for (name, spec) in links {
        std::fs::hard_link(dir.join(spec.hardlink.as_ref().unwrap()), dir.join(name)).unwrap();
    }
    let before = snapshot(dir);
    let (code, stdout, stderr) = run(dir, &case.run);
    let after = snapshot(dir);
    let mut fails = Vec::new();
    if code != case.exit {
        fails.push(format!("exit code {code}, expected {}", case.exit));
    }
    for w in &case.says {
        if !stderr.contains(w.as_str()) {
            fails.push(format!("stderr lacks “{w}”"));
        }
    }
    for w in &case.stdout_has {
        if !stdout.contains(w.as_str()) {
            fails.push(format!("stdout lacks “{w}”"));
        }
    }
    for w in &case.stdout_lacks {
        if stdout.contains(w.as_str()) {
            fails.push(format!("stdout holds “{w}”"));
        }
    }
    for (path, was) in &before {
        match after.get(path) {
            None if case.removes.contains(path) => {}
            None => fails.push(format!("{path} was removed")),
            Some(_) if case.removes.contains(path) => fails.push(format!("{path} was kept")),
            Some(now) if case.changes.contains(path) => {
                if now == was {
                    fails.push(format!("{path} was not changed"));
                }
                if std::mem::discriminant(now) != std::mem::discriminant(was) {
                    fails.push(format!("{path} changed its kind: {was:?} → {now:?}"));
                }
            }
            Some(now) if now != was => fails.push(format!("{path} was damaged")),
            Some(_) => {}
        }
    }
    for (path, now) in &after {
        if before.contains_key(path) || *now == Entry::Dir {
            continue;
        }
        if !case.creates.contains(path) {
            fails.push(format!("{path} was left behind"));
        } else if path.ends_with(".pdf") {
            let Entry::File(b) = now else {
                fails.push(format!("{path} is not a file"));
                continue;
            };
            if !(b.starts_with(b"%PDF-") && b.trim_ascii_end().ends_with(b"%%EOF")) {
                fails.push(format!("{path} is not a whole PDF"));
            }
        }
    }
    for path in &case.creates {
        if !after.contains_key(path) {
            fails.push(format!("{path} was not created"));
        }
    }
    if !fails.is_empty() {
        fails.push(format!("stderr was:\n{stderr}"));
    }
    fails
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(Path::new(HERE).join("cases.yaml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

#[test]
fn the_catalogue_holds_at_least_forty_distinct_cases() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "case names repeat");
}

#[test]
fn every_bad_input_is_refused_or_handled_as_the_catalogue_says() {
    let only = std::env::var("BAD_INPUT").ok();
    let mut failed = Vec::new();
    for case in cases() {
        if only.as_ref().is_some_and(|o| *o != case.name) {
            continue;
        }
        let fails = check(&case);
        if !fails.is_empty() {
            failed.push(format!("{}:\n  {}", case.name, fails.join("\n  ")));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// Builds a batch of `n` articles with one worker, sends `signal` once the
/// first report is written, and returns the folder, the exit code, stderr
/// and what the output folder holds.
fn interrupted_build(signal: &str, n: usize) -> (tempfile::TempDir, i32, String, Vec<PathBuf>) {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let article = std::fs::read(seed(0)).unwrap();
    for i in 0..n {
        std::fs::write(input.join(format!("a{i:03}.txt")), &article).unwrap();
    }
    let out = tmp.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args([
            "--lang",
            "en",
            "build",
            "in",
            "-o",
            "out",
            "--jobs",
            "1",
            "--pack",
            "out/all.pdf",
        ])
        .current_dir(tmp.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let written = || {
        std::fs::read_dir(&out)
            .map(|d| {
                d.flatten()
                    .any(|e| e.path().extension().is_some_and(|x| x == "pdf"))
            })
            .unwrap_or(false)
    };
    while !written() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the batch ended before a signal"
        );
        assert!(start.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(5));
    }
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args([signal, &pid])
        .status()
        .unwrap()
        .success());
    let o = child.wait_with_output().unwrap();
    let mut left: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    left.sort();
    (
        tmp,
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        left,
    )
}

fn assert_only_whole_reports(left: &[PathBuf], n: usize) {
    assert!(!left.is_empty() && left.len() < n, "{left:?}");
    for p in left {
        let name = p.file_name().unwrap().to_str().unwrap();
        assert!(!name.starts_with('.'), "a temporary file is left: {name}");
        let b = std::fs::read(p).unwrap();
        assert!(
            b.starts_with(b"%PDF-") && b.trim_ascii_end().ends_with(b"%%EOF"),
            "{name} is not a whole PDF"
        );
    }
}

#[test]
fn sigterm_during_a_batch_leaves_no_temporary_file() {
    let n = 60;
    let (_dir, code, stderr, left) = interrupted_build("-TERM", n);
    assert_eq!(code, 128 + 15, "{stderr}");
    assert!(stderr.contains("interrupted (SIGTERM)"), "{stderr}");
    assert_only_whole_reports(&left, n);
}

#[test]
fn sigint_during_a_batch_leaves_no_temporary_file() {
    let n = 60;
    let (_dir, code, stderr, left) = interrupted_build("-INT", n);
    assert_eq!(code, 128 + 2, "{stderr}");
    assert!(stderr.contains("interrupted (SIGINT)"), "{stderr}");
    assert_only_whole_reports(&left, n);
}
