//! Report templates: Handlebars files that lay report data onto a report's
//! outline and emit the body in the markup of [`crate::markup`] (CommonMark).
//!
//! The built-in templates live in `templates/` and are embedded in the binary.
//! Interpolated values (`{{text}}`) are escaped for Markdown, so article text can
//! never turn into markup; `{{{raw}}}` skips the escaping. Strict mode is on and
//! also covers `#if`, `#unless`, `#each` and `#with`: a missing value is an error
//! naming its data path.

use std::path::Path;

use handlebars::{handlebars_helper, Handlebars, RenderError, RenderErrorReason, TemplateError};

use crate::error::{Error, Location, Result};
use crate::vn;

mod blocks;

/// A template or partial built into baocao: (name, file, source).
macro_rules! builtin {
    ($name:literal, $file:literal) => {
        (
            $name,
            concat!("templates/", $file),
            include_str!(concat!("../../templates/", $file)),
        )
    };
}

const BUILTIN: &[(&str, &str, &str)] = &[
    builtin!("year-end", "year-end.hbs"),
    builtin!("mid-term", "mid-term.hbs"),
    builtin!("quarterly", "quarterly.hbs"),
    builtin!("congress", "congress.hbs"),
    builtin!("resolution", "resolution.hbs"),
    builtin!("paragraphs", "partials/paragraphs.hbs"),
    builtin!("party-points", "partials/party-points.hbs"),
    builtin!("state-fields", "partials/state-fields.hbs"),
    builtin!("assessment", "partials/assessment.hbs"),
    builtin!("proposals", "partials/proposals.hbs"),
];

/// A set of templates ready to render.
pub struct Templates {
    registry: Handlebars<'static>,
    /// Template name → file it came from, for messages.
    files: Vec<(String, String)>,
}

impl Templates {
    /// The built-in templates.
    pub fn builtin() -> Templates {
        let mut t = Templates::empty();
        for (name, file, source) in BUILTIN {
            t.add(name, file, source).expect("built-in templates parse");
        }
        t
    }

    /// The built-in templates, with any `NAME.hbs` in `dir` (and
    /// `dir/partials/NAME.hbs`) replacing the one of the same name.
    pub fn with_overrides(dir: &Path) -> Result<Templates> {
        let mut t = Templates::builtin();
        for (sub, _) in [("", false), ("partials", true)] {
            let folder = dir.join(sub);
            let Ok(entries) = std::fs::read_dir(&folder) else {
                if sub.is_empty() {
                    return Err(Error::Usage(format!(
                        "cannot read the template folder {}",
                        dir.display()
                    )));
                }
                continue;
            };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                if path.extension().and_then(|e| e.to_str()) != Some("hbs") {
                    continue;
                }
                let name = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
                    .to_string();
                let source = std::fs::read_to_string(&path).map_err(|e| Error::Io {
                    action: "read",
                    path: path.clone(),
                    source: e,
                })?;
                t.add(&name, &path.display().to_string(), &source)?;
            }
        }
        Ok(t)
    }

    fn empty() -> Templates {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(escape_markdown);
        blocks::register(&mut registry);
        registry.register_helper("upper", Box::new(upper));
        registry.register_helper("roman", Box::new(roman));
        registry.register_helper("header_date", Box::new(header_date));
        registry.register_helper("number", Box::new(number));
        Templates {
            registry,
            files: Vec::new(),
        }
    }

    fn add(&mut self, name: &str, file: &str, source: &str) -> Result<()> {
        self.registry
            .register_template_string(name, source)
            .map_err(|e| template_error(file, &e))?;
        self.files.retain(|(n, _)| n != name);
        self.files.push((name.to_string(), file.to_string()));
        Ok(())
    }

    /// Names and files of all templates.
    pub fn list(&self) -> &[(String, String)] {
        &self.files
    }

    pub fn has(&self, name: &str) -> bool {
        self.registry.has_template(name)
    }

    /// Renders template `name` with `data`.
    pub fn render(&self, name: &str, data: &serde_json::Value) -> Result<String> {
        self.registry
            .render(name, data)
            .map_err(|e| self.render_error(name, &e))
    }

    /// The file a template came from (its name if unknown).
    pub fn file_of(&self, name: &str) -> String {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| f.clone())
            .unwrap_or_else(|| name.to_string())
    }

    fn render_error(&self, name: &str, e: &RenderError) -> Error {
        let file = self.file_of(e.template_name.as_deref().unwrap_or(name));
        let at = match (e.line_no, e.column_no) {
            (Some(l), Some(c)) => Location::at(file, l, c),
            (Some(l), None) => Location::line(file, l),
            _ => Location::file(file),
        };
        let message = match e.reason() {
            RenderErrorReason::MissingVariable(Some(path)) => {
                format!("the data has no value at `{path}`")
            }
            RenderErrorReason::MissingVariable(None) => {
                "a value the template uses is missing".into()
            }
            other => other.to_string(),
        };
        Error::invalid(at, message)
    }
}

fn template_error(file: &str, e: &TemplateError) -> Error {
    let at = match e.pos() {
        Some((line, column)) => Location::at(file, line, column),
        None => Location::file(file),
    };
    Error::invalid(at, format!("template syntax: {}", e.reason()))
}

/// Escapes text for CommonMark: every ASCII punctuation character gets a
/// backslash (always allowed, and removed by the parser), and line breaks
/// become spaces, so interpolated text stays one run of plain text.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

handlebars_helper!(upper: |s: str| vn::upper(s));
handlebars_helper!(roman: |n: u64| vn::roman(u32::try_from(n).unwrap_or(0)));
handlebars_helper!(header_date: |iso: str| {
    vn::Date::parse_iso(iso).map(|d| d.header_form()).unwrap_or_default()
});
handlebars_helper!(number: |value: f64, {decimals: u64 = 0}| vn::format_number(value, decimals as usize));

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(source: &str) -> Templates {
        let mut t = Templates::empty();
        t.add("t", "t.hbs", source).unwrap();
        t
    }

    #[test]
    fn interpolated_text_is_escaped_for_markdown() {
        let t = one("{{x}}");
        let out = t
            .render("t", &json!({"x": "1. **đậm** <b> #5 05-CT/TW"}))
            .unwrap();
        assert_eq!(out, r"1\. \*\*đậm\*\* \<b\> \#5 05\-CT\/TW");
    }

    #[test]
    fn missing_values_are_errors_even_in_if_and_each() {
        for src in [
            "{{x}}",
            "{{#if x}}a{{/if}}",
            "{{#each x}}a{{else}}b{{/each}}",
            "{{#unless x}}a{{/unless}}",
        ] {
            let err = one(src)
                .render("t", &json!({"y": 1}))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("t.hbs:1:") && err.contains("`x`"),
                "{src}: {err}"
            );
        }
        // A present but empty value is fine.
        assert_eq!(
            one("{{#if x}}a{{else}}b{{/if}}")
                .render("t", &json!({"x": []}))
                .unwrap(),
            "b"
        );
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let mut t = Templates::empty();
        let err = t
            .add("t", "bad.hbs", "line one\n{{#if x}}\nunclosed")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("bad.hbs:"), "{err}");
    }

    #[test]
    fn helpers_follow_vietnamese_conventions() {
        let t = one("{{upper a}}|{{roman 22}}|{{header_date d}}|{{number 1234.5 decimals=1}}");
        let out = t
            .render("t", &json!({"a": "phường Phúc Đồng", "d": "2026-01-05"}))
            .unwrap();
        assert_eq!(
            out,
            r"PHƯỜNG PHÚC ĐỒNG|XXII|ngày 05 tháng 01 năm 2026|1\.234\,5"
        );
    }
}
