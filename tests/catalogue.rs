//! The message catalogue: both languages have every message with the same
//! arguments, every key the source uses is in it, and none is unused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use baocao::i18n::{Lang, EN_FTL, VI_FTL};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use unicode_normalization::UnicodeNormalization;

/// Each message of a catalogue with the arguments it uses.
fn messages(lang: Lang, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("locales/{}.ftl does not parse: {errors:?}", lang.code())
    });
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let value = m
                    .value
                    .unwrap_or_else(|| panic!("{}: `{}` has no text", lang.code(), m.id.name));
                let mut vars = BTreeSet::new();
                variables(&value, &mut vars);
                let name = m.id.name.to_string();
                assert!(
                    out.insert(name.clone(), vars).is_none(),
                    "{}: `{name}` twice",
                    lang.code()
                );
            }
            Entry::Junk { content } => {
                panic!("locales/{}.ftl: cannot read {content:?}", lang.code())
            }
            Entry::Term(t) => panic!("{}: term -{} (use messages)", lang.code(), t.id.name),
            _ => {}
        }
    }
    out
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_variables(i, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Every key named by `t!("key"` or `t_in!(lang, "key"` in the Rust files
/// under `dir`, with a file that uses it.
fn used_keys(dir: &Path, out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            used_keys(&path, out);
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for macro_call in ["t!(", "t_in!("] {
            for (at, _) in text.match_indices(macro_call) {
                // Not the tail of another name (`format_t!(`).
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                // Not in a comment (the macros' documentation shows them).
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                if text[line_start..at].trim_start().starts_with("//") {
                    continue;
                }
                let rest = &text[at + macro_call.len()..];
                let rest = match macro_call {
                    "t_in!(" => match rest.split_once(',') {
                        Some((_, r)) => r,
                        None => continue,
                    },
                    _ => rest,
                };
                let rest = rest.trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    // The macro's own definition (`$key:literal`).
                    continue;
                };
                let key = &rest[..rest.find('"').unwrap()];
                out.entry(key.to_string())
                    .or_insert_with(|| path.display().to_string());
            }
        }
    }
}

#[test]
fn both_languages_have_every_message_with_the_same_arguments() {
    let vi = messages(Lang::Vi, VI_FTL);
    let en = messages(Lang::En, EN_FTL);
    let only_vi: Vec<&String> = vi.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<&String> = en.keys().filter(|k| !vi.contains_key(*k)).collect();
    assert!(only_vi.is_empty(), "only in vi.ftl: {only_vi:?}");
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    for (key, vars) in &vi {
        assert_eq!(
            vars, &en[key],
            "`{key}` takes other arguments in vi.ftl and en.ftl"
        );
    }
    assert!(vi.len() > 150, "{} messages", vi.len());
}

#[test]
fn every_key_the_source_uses_is_in_the_catalogue_and_every_message_is_used() {
    let catalogue = messages(Lang::En, EN_FTL);
    let mut used = BTreeMap::new();
    used_keys(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    let missing: Vec<String> = used
        .iter()
        .filter(|(k, _)| !catalogue.contains_key(*k))
        .map(|(k, file)| format!("{k} ({file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "used but not in the catalogue: {missing:?}"
    );
    let unused: Vec<&String> = catalogue
        .keys()
        .filter(|k| !used.contains_key(*k))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogue but never used: {unused:?}"
    );
}

#[test]
fn the_vietnamese_catalogue_is_translated_and_in_nfc() {
    assert_eq!(
        VI_FTL.nfc().collect::<String>(),
        VI_FTL,
        "vi.ftl is not in NFC"
    );
    assert_eq!(
        EN_FTL.nfc().collect::<String>(),
        EN_FTL,
        "en.ftl is not in NFC"
    );
    // A message left as its English text is one nobody translated; these
    // are the same in both languages on purpose.
    let same_on_purpose = ["org-yaml-hint"];
    let text = |source: &str| -> BTreeMap<String, String> {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let mut out = BTreeMap::new();
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let value = m.value.unwrap();
                let words: String = value
                    .elements
                    .iter()
                    .filter_map(|e| match e {
                        PatternElement::TextElement { value } => Some(*value),
                        _ => None,
                    })
                    .collect();
                out.insert(m.id.name.to_string(), words);
            }
        }
        out
    };
    let (vi, en) = (text(VI_FTL), text(EN_FTL));
    let untranslated: Vec<&String> = vi
        .iter()
        .filter(|(k, v)| {
            !v.trim().is_empty() && en.get(*k) == Some(v) && !same_on_purpose.contains(&k.as_str())
        })
        .map(|(k, _)| k)
        .collect();
    assert!(
        untranslated.is_empty(),
        "the same text in both: {untranslated:?}"
    );
}

#[test]
fn every_message_formats_in_both_languages() {
    // Each message with each of its arguments set: each shows, and nothing
    // of the Fluent syntax is left.
    for (lang, source) in [(Lang::Vi, VI_FTL), (Lang::En, EN_FTL)] {
        for (key, vars) in messages(lang, source) {
            let args = vars
                .iter()
                .map(|v| {
                    (
                        v.as_str(),
                        fluent_bundle::FluentValue::from(format!("<{v}>")),
                    )
                })
                .collect();
            let text = baocao::i18n::tr_in(lang, &key, args);
            assert!(!text.trim().is_empty(), "{}: `{key}` is empty", lang.code());
            for v in &vars {
                let shown = text.contains(&format!("<{v}>"));
                assert!(shown, "{}: `{key}` does not show ${v}: {text}", lang.code());
            }
            for leftover in ["{ $", "{$", "*["] {
                assert!(!text.contains(leftover), "{}: `{key}`: {text}", lang.code());
            }
        }
    }
}
