//! Properties of the input half of the pipeline, for random and hostile
//! input: the reader, report data read from YAML, and template rendering
//! never panic; no body word is lost; the same input gives the same bytes;
//! every refusal names its file (and line where there is one).

use proptest::prelude::*;

use baocao::letter::{self, Given};
use baocao::report::{Kind, ReportData};
use baocao::Engine;

const SEED: &str = include_str!("../seeds/000_1d509da1f266ee35.txt");
const DATA: &str = include_str!("bad_inputs/files/data.yaml");

/// Lower-case Vietnamese words of reports, none a cue for a heading, a
/// caption or a date line on its own.
const VOCAB: &[&str] = &[
    "đảng",
    "ủy",
    "phường",
    "lãnh",
    "đạo",
    "chỉ",
    "thực",
    "hiện",
    "nhiệm",
    "vụ",
    "công",
    "tác",
    "xây",
    "dựng",
    "chính",
    "quyền",
    "nhân",
    "dân",
    "kết",
    "quả",
    "đạt",
    "được",
    "tổ",
    "chức",
    "kiểm",
    "tra",
    "giám",
    "sát",
    "chi",
    "bộ",
    "đảng",
    "viên",
    "phát",
    "triển",
    "kinh",
    "tế",
    "xã",
    "hội",
    "nâng",
    "cao",
    "chất",
    "lượng",
    "sinh",
    "hoạt",
    "đồng",
    "chí",
    "tuyên",
    "truyền",
    "vận",
    "động",
    "mặt",
    "trận",
    "đoàn",
    "thể",
    "ngày",
    "càng",
    "vững",
    "mạnh",
    "khó",
    "khăn",
    "hạn",
    "chế",
    "nguyên",
    "nhân",
    "giải",
    "pháp",
    "trọng",
    "tâm",
    "năm",
    "2021",
    "03",
    "100%",
    "kế",
    "hoạch",
    "Quận",
    "Hà",
    "Nội",
    "Long",
    "Biên",
    "Phúc",
    "Đồng",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 6..18).prop_map(|w| {
        let mut s = w.join(" ");
        // A capital first letter, as an article's sentence has.
        let first: String = s.chars().take(1).flat_map(char::to_uppercase).collect();
        s.replace_range(..s.chars().next().map_or(0, char::len_utf8), &first);
        s.push('.');
        s
    })
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" "))
}

/// An article in the portal layout: title, date line, paragraphs.
fn article() -> impl Strategy<Value = (String, Vec<String>)> {
    prop::collection::vec(paragraph(), 1..8).prop_map(|paras| {
        let text = format!(
            "Kết quả công tác xây dựng Đảng năm 2021\nNgày đăng 13/01/2022 | 16:26\n\n{}\n",
            paras.join("\n\n")
        );
        (text, paras)
    })
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}

/// The seed with a few bytes replaced, inserted or cut, as a damaged file.
fn mutated_seed() -> impl Strategy<Value = Vec<u8>> {
    let edit = (0..SEED.len(), any::<u8>(), 0..3u8);
    prop::collection::vec(edit, 1..12).prop_map(|edits| {
        let mut b = SEED.as_bytes().to_vec();
        for (at, byte, how) in edits {
            let at = at.min(b.len().saturating_sub(1));
            match how {
                0 => b[at] = byte,
                1 => b.insert(at, byte),
                _ => {
                    b.truncate(at.max(1));
                }
            }
        }
        b
    })
}

fn no_cli() -> Given<'static> {
    Given::default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any bytes: an article or an error that names the file; never a panic.
    #[test]
    fn the_reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let engine = Engine::builtin();
        if let Err(e) = engine.inspect("a.txt", &bytes) {
            prop_assert!(e.to_string().starts_with("a.txt"), "{e}");
        }
    }

    /// A damaged seed: read or refused with its place, and read the same
    /// way twice.
    #[test]
    fn the_reader_takes_damaged_articles(bytes in mutated_seed()) {
        let engine = Engine::builtin();
        let once = engine.inspect("a.txt", &bytes);
        let twice = engine.inspect("a.txt", &bytes);
        match (once, twice) {
            (Ok(a), Ok(b)) => prop_assert_eq!(
                serde_yaml::to_string(&a).unwrap(),
                serde_yaml::to_string(&b).unwrap()
            ),
            (Err(a), Err(b)) => {
                prop_assert!(a.to_string().starts_with("a.txt"), "{a}");
                prop_assert_eq!(a.to_string(), b.to_string());
            }
            (a, b) => prop_assert!(false, "read once as {:?}, then as {:?}", a.is_ok(), b.is_ok()),
        }
    }

    /// Every word of every paragraph reaches the article's body, in order.
    #[test]
    fn the_reader_loses_no_body_word((text, paras) in article()) {
        let a = baocao::article::read("a.txt", text.as_bytes()).unwrap();
        let body: Vec<String> = a.blocks.iter().flat_map(|b| words(&b.text)).collect();
        let given: Vec<String> = paras.iter().flat_map(|p| words(p)).collect();
        prop_assert_eq!(body, given, "set aside: {:?}", a.set_aside);
    }

    /// What `inspect` prints reads back as the same report data, byte for
    /// byte: the clerk's file loses nothing.
    #[test]
    fn report_data_round_trips((text, _) in article()) {
        let engine = Engine::builtin();
        let data = engine.inspect("a.txt", text.as_bytes()).unwrap();
        let yaml = serde_yaml::to_string(&data).unwrap();
        let back = engine.read_data("a.yaml", yaml.as_bytes()).unwrap();
        prop_assert_eq!(serde_yaml::to_string(&back).unwrap(), yaml);
    }

    /// Report data with one value replaced by anything: read with every
    /// period value in range, or refused naming the file and the line.
    #[test]
    fn report_data_takes_any_value(
        line in 1usize..66,
        value in prop::sample::select(vec![
            "0", "-1", "5", "9", "13", "99999", "-5", "1800", "2026-02-30", "2022-13-01",
            "0000-01-01", "''", "[", "]", "{", "*x", "&a", "!!binary AAAA", "~", "null",
            "true", "1e309", "18446744073709551616", "\"\\u0000\"", "[1, [2, [3]]]",
            "{start: 2020, end: 2040}", "\"quý IX\"", "|\n  x",
        ]),
    ) {
        let mut lines: Vec<String> = DATA.lines().map(str::to_string).collect();
        let l = &mut lines[line - 1];
        if let Some(colon) = l.find(": ") {
            l.truncate(colon + 2);
            l.push_str(value);
        } else {
            l.push_str(value);
        }
        let text = lines.join("\n");
        let engine = Engine::builtin();
        match engine.read_data("d.yaml", text.as_bytes()) {
            Ok(d) => {
                let p = &d.period;
                for q in [p.quarter, p.next_quarter].into_iter().flatten() {
                    prop_assert!((1..=4).contains(&q), "quarter {q}");
                }
                if let Some(h) = p.half {
                    prop_assert!((1..=2).contains(&h), "half {h}");
                }
                let years = [p.year, p.next_year, p.quarter_year, p.next_quarter_year];
                for y in years.into_iter().flatten() {
                    prop_assert!((1945..=2100).contains(&y), "year {y}");
                }
            }
            Err(e) => {
                let s = e.to_string();
                let place = s.strip_prefix("d.yaml:").unwrap_or_default();
                prop_assert!(
                    place.starts_with(|c: char| c.is_ascii_digit()),
                    "no line in: {s}"
                );
            }
        }
    }

    /// The template of every kind prints every paragraph the data routes to
    /// it, word for word, and the same data gives the same markup.
    #[test]
    fn templates_print_every_body_word((text, _) in article(), k in 0usize..5) {
        let engine = Engine::builtin();
        let kind = Kind::ALL[k];
        let data: ReportData = engine.read_article("a.txt", text.as_bytes(), kind).unwrap();
        let mut warnings = Vec::new();
        let letter = letter::resolve(&data, no_cli(), engine.profile(), &mut warnings).unwrap();
        let markup = engine.markdown(&data, &letter).unwrap();
        prop_assert_eq!(&engine.markdown(&data, &letter).unwrap(), &markup);
        let printed = words(&markup.replace('\\', "")).join(" ");
        for p in data.sections.iter().flat_map(|s| &s.paragraphs) {
            let w = words(&p.text).join(" ");
            prop_assert!(printed.contains(&w), "lost from the {} report: {w}", kind.name());
        }
    }
}
