//! Report templates: Handlebars files that lay report data onto a report's
//! outline and emit the body in the markup of [`crate::markup`] (CommonMark).
//!
//! The built-in templates live in `templates/` and are embedded in the binary.
//! Interpolated values (`{{text}}`) are escaped for Markdown, so article text can
//! never turn into markup; `{{{raw}}}` skips the escaping. Strict mode is on and
//! also covers `#if`, `#unless`, `#each` and `#with`: a missing value is an error
//! naming its data path.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use handlebars::{
    handlebars_helper, Handlebars, JsonValue as Json, RenderError, RenderErrorReason, TemplateError,
};

use crate::error::{Error, Location, Result};
use crate::t;
use crate::vn;

mod blocks;
mod context;

pub use context::context;

/// A template or partial built into baocao: (name, file, source).
macro_rules! builtin {
    ($name:literal, $file:literal, $partial:literal) => {
        (
            $name,
            concat!("templates/", $file),
            include_str!(concat!("../../templates/", $file)),
            $partial,
        )
    };
}

/// (name, file, source, is a partial)
const BUILTIN: &[(&str, &str, &str, bool)] = &[
    builtin!("year-end", "year-end.hbs", false),
    builtin!("mid-term", "mid-term.hbs", false),
    builtin!("quarterly", "quarterly.hbs", false),
    builtin!("congress", "congress.hbs", false),
    builtin!("resolution", "resolution.hbs", false),
    builtin!("paragraphs", "partials/paragraphs.hbs", true),
    builtin!("party-points", "partials/party-points.hbs", true),
    builtin!("state-fields", "partials/state-fields.hbs", true),
    builtin!("assessment", "partials/assessment.hbs", true),
    builtin!("proposals", "partials/proposals.hbs", true),
];

/// A template's text and where it came from.
#[derive(Debug, Clone)]
struct Source {
    name: String,
    file: String,
    text: Cow<'static, str>,
    partial: bool,
}

/// A set of templates ready to render.
///
/// A report needs one template and the partials, so each template is compiled
/// (with the partials) on its first use and kept: compiling all of them would
/// cost every run more than the rest of its work.
pub struct Templates {
    sources: Vec<Source>,
    compiled: Mutex<HashMap<String, Arc<Handlebars<'static>>>>,
}

impl Templates {
    /// The built-in templates.
    pub fn builtin() -> Templates {
        Templates {
            sources: BUILTIN
                .iter()
                .map(|(name, file, text, partial)| Source {
                    name: name.to_string(),
                    file: file.to_string(),
                    text: Cow::Borrowed(text),
                    partial: *partial,
                })
                .collect(),
            compiled: Mutex::new(HashMap::new()),
        }
    }

    /// The built-in templates, with any `NAME.hbs` in `dir` (and
    /// `dir/partials/NAME.hbs`) replacing the one of the same name.
    pub fn with_overrides(dir: &Path) -> Result<Templates> {
        let mut t = Templates::builtin();
        for (sub, partial) in [("", false), ("partials", true)] {
            let folder = dir.join(sub);
            let Ok(entries) = std::fs::read_dir(&folder) else {
                if sub.is_empty() {
                    return Err(Error::Usage(t!("template-folder", dir = dir.display())));
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
                let text = std::fs::read_to_string(&path).map_err(|e| Error::Io {
                    action: "read",
                    path: path.clone(),
                    source: e,
                })?;
                t.sources.retain(|s| s.name != name);
                t.sources.push(Source {
                    name,
                    file: path.display().to_string(),
                    text: Cow::Owned(text),
                    partial,
                });
            }
        }
        Ok(t)
    }

    /// A registry holding template `name` and every partial, compiled.
    fn compiled(&self, name: &str) -> Result<Arc<Handlebars<'static>>> {
        let mut cache = self.compiled.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(r) = cache.get(name) {
            return Ok(Arc::clone(r));
        }
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(escape_markdown);
        blocks::register(&mut registry);
        registry.register_helper("upper", Box::new(upper));
        registry.register_helper("roman", Box::new(roman));
        registry.register_helper("blank", Box::new(blank));
        registry.register_helper("term", Box::new(term));
        registry.register_helper("header_date", Box::new(header_date));
        registry.register_helper("number", Box::new(number));
        let wanted = self.sources.iter().filter(|s| s.partial || s.name == name);
        for s in wanted {
            check_nesting(&s.file, &s.text)?;
            registry
                .register_template_string(&s.name, empty_comments(&s.text))
                .map_err(|e| template_error(&s.file, &e))?;
        }
        if !registry.has_template(name) {
            return Err(Error::Usage(t!("template-unknown", name = name)));
        }
        self.check_partial_cycles(&registry, name)?;
        let registry = Arc::new(registry);
        cache.insert(name.to_string(), Arc::clone(&registry));
        Ok(registry)
    }

    /// Refuses, before rendering, a partial that includes itself, directly or
    /// through others: Handlebars would recurse until the stack overflows.
    /// A partial named by an expression cannot be followed, so it is refused
    /// too.
    fn check_partial_cycles(&self, registry: &Handlebars<'static>, name: &str) -> Result<()> {
        // Depth-first from the template, the path of includes on a stack.
        let mut path: Vec<String> = vec![name.to_string()];
        let mut done: Vec<String> = Vec::new();
        self.visit_includes(registry, &mut path, &mut done)
    }

    fn visit_includes(
        &self,
        registry: &Handlebars<'static>,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Result<()> {
        let current = path.last().cloned().unwrap_or_default();
        let Some(template) = registry.get_template(&current) else {
            return Ok(());
        };
        let mut includes = Vec::new();
        partials_in(template, &mut includes);
        let file = self.file_of(&current);
        for (callee, (line, column)) in includes {
            let at = Location::at(file.clone(), line, column);
            let Some(callee) = callee else {
                return Err(Error::invalid(at, msg::dynamic_partial()));
            };
            if callee.starts_with('@') || done.contains(&callee) {
                continue;
            }
            if let Some(start) = path.iter().position(|p| *p == callee) {
                let mut cycle: Vec<&str> = path[start..].iter().map(String::as_str).collect();
                cycle.push(&callee);
                return Err(Error::invalid(at, msg::partial_cycle(&callee, &cycle)));
            }
            path.push(callee);
            self.visit_includes(registry, path, done)?;
            if let Some(finished) = path.pop() {
                done.push(finished);
            }
        }
        Ok(())
    }

    /// Names and files of all templates.
    pub fn list(&self) -> Vec<(String, String)> {
        self.sources
            .iter()
            .map(|s| (s.name.clone(), s.file.clone()))
            .collect()
    }

    /// Renders template `name` with `data`.
    pub fn render(&self, name: &str, data: &serde_json::Value) -> Result<String> {
        self.compiled(name)?
            .render(name, data)
            .map_err(|e| self.render_error(name, &e))
    }

    /// The file a template came from (its name if unknown).
    pub fn file_of(&self, name: &str) -> String {
        self.sources
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.file.clone())
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
                t!("template-missing-value", path = path)
            }
            RenderErrorReason::MissingVariable(None) => {
                t!("template-missing-some-value")
            }
            other => other.to_string(),
        };
        Error::invalid(at, message)
    }
}

/// The messages of the template checks.
mod msg {
    use crate::t;

    pub fn partial_cycle(name: &str, cycle: &[&str]) -> String {
        t!(
            "template-partial-loop",
            name = name,
            chain = cycle.join(" → ")
        )
    }
    pub fn too_deep(most: usize) -> String {
        t!("template-nesting", most = most)
    }
    pub fn dynamic_partial() -> String {
        t!("template-dynamic-partial")
    }
}

/// How deep blocks (`{{#if}}` in `{{#each}}` …) and brackets inside one
/// expression may nest: Handlebars parses and renders them by recursion.
pub const MAX_NESTING: usize = 100;

/// Refuses, before parsing, a template whose blocks or brackets nest deeper
/// than [`MAX_NESTING`] (a comment's text may count; no real template comes
/// near).
fn check_nesting(file: &str, text: &str) -> Result<()> {
    let (mut blocks, mut line, mut column) = (0usize, 1, 1);
    let mut inside: Option<usize> = None; // bracket depth inside `{{ … }}`
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let mut deeper = false;
        if rest.starts_with(b"{{") {
            let open = rest.iter().skip(2).find(|b| !matches!(b, b'{' | b'~'));
            match open {
                Some(b'#') => {
                    blocks += 1;
                    deeper = blocks > MAX_NESTING;
                }
                Some(b'/') => blocks = blocks.saturating_sub(1),
                _ => {}
            }
            inside = Some(0);
        } else if rest.starts_with(b"}}") {
            inside = None;
        } else if let Some(depth) = inside.as_mut() {
            match bytes[i] {
                b'(' => {
                    *depth += 1;
                    deeper = *depth > MAX_NESTING;
                }
                b')' => *depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if deeper {
            return Err(Error::invalid(
                Location::at(file, line, column),
                msg::too_deep(MAX_NESTING),
            ));
        }
        if bytes[i] == b'\n' {
            line += 1;
            column = 1;
        } else if bytes[i] & 0xC0 != 0x80 {
            column += 1;
        }
        i += 1;
    }
    Ok(())
}

/// The partials `template` includes, with the line and column of each
/// include; `None` for a name given by an expression.
fn partials_in(template: &handlebars::Template, out: &mut Vec<(Option<String>, (usize, usize))>) {
    use handlebars::template::TemplateElement as E;
    for (i, element) in template.elements.iter().enumerate() {
        let place = template.mapping.get(i).map_or((1, 1), |m| (m.0, m.1));
        match element {
            E::PartialExpression(d) | E::PartialBlock(d) => {
                out.push((d.name.as_name().map(str::to_string), place));
                if let Some(t) = &d.template {
                    partials_in(t, out);
                }
            }
            E::HelperBlock(h) => {
                for t in h.template.iter().chain(h.inverse.iter()) {
                    partials_in(t, out);
                }
            }
            E::DecoratorBlock(d) => {
                if let Some(t) = &d.template {
                    partials_in(t, out);
                }
            }
            _ => {}
        }
    }
}

fn template_error(file: &str, e: &TemplateError) -> Error {
    let at = match e.pos() {
        Some((line, column)) => Location::at(file, line, column),
        None => Location::file(file),
    };
    Error::invalid(at, t!("template-syntax", detail = e.reason().to_string()))
}

/// The template with the text of each `{{!-- … --}}` comment that ends a
/// line removed, keeping its line breaks. The parser's cost grows with the
/// square of a template's length and the header comments are a fifth of it;
/// line and column numbers in errors stay those of the file.
fn empty_comments(text: &str) -> Cow<'_, str> {
    if !text.contains("{{!--") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{!--") {
        let body = &rest[start + 5..];
        let Some(end) = body.find("--}}") else { break };
        let after = &body[end + 4..];
        out.push_str(&rest[..start]);
        if after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n") {
            out.push_str("{{!--");
            out.extend(body[..end].chars().filter(|&c| c == '\n'));
            out.push_str("--}}");
        } else {
            out.push_str(&rest[start..start + 5 + end + 4]);
        }
        rest = after;
    }
    out.push_str(rest);
    Cow::Owned(out)
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
/// What a template prints for a value the article does not give: dots to
/// fill in by hand, as on Vietnamese forms.
pub const BLANK: &str = "........";

handlebars_helper!(roman: |n: Json| match n.as_u64() {
    Some(n) => vn::roman(u32::try_from(n).unwrap_or(0)),
    None => BLANK.to_string(),
});
handlebars_helper!(blank: |v: Json| match v {
    Json::Null => BLANK.to_string(),
    Json::String(s) if s.trim().is_empty() => BLANK.to_string(),
    Json::String(s) => s.clone(),
    other => other.to_string(),
});
handlebars_helper!(term: |t: Json| match (t.get("start").and_then(Json::as_i64), t.get("end").and_then(Json::as_i64)) {
    (Some(a), Some(b)) => format!("{a} - {b}"),
    _ => BLANK.to_string(),
});
handlebars_helper!(header_date: |iso: str| {
    vn::Date::parse_iso(iso).map(|d| d.header_form()).unwrap_or_default()
});
handlebars_helper!(number: |value: f64, {decimals: u64 = 0}| vn::format_number(value, decimals as usize));

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(source: &str) -> Templates {
        let mut t = Templates::builtin();
        t.sources.push(Source {
            name: "t".into(),
            file: "t.hbs".into(),
            text: Cow::Owned(source.to_string()),
            partial: false,
        });
        t
    }

    #[test]
    fn comments_ending_a_line_are_emptied_but_keep_their_lines() {
        let t = "{{!-- a\n  b --}}\n# x {{!-- keep --}} y\n{{!-- c --}}";
        assert_eq!(
            empty_comments(t),
            "{{!--\n--}}\n# x {{!-- keep --}} y\n{{!----}}"
        );
        assert!(matches!(empty_comments("plain"), Cow::Borrowed("plain")));
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
        let mut t = one("line one\n{{#if x}}\nunclosed");
        t.sources.last_mut().unwrap().file = "bad.hbs".into();
        let err = t.render("t", &json!({})).unwrap_err().to_string();
        assert!(err.starts_with("bad.hbs:"), "{err}");
        // Only the template used is compiled: the others stay unparsed.
        assert_eq!(t.compiled.lock().unwrap().len(), 0);
        let ok = Templates::builtin();
        assert!(ok.render("year-end", &json!({})).is_err());
        assert_eq!(ok.compiled.lock().unwrap().len(), 1);
    }

    #[test]
    fn a_partial_that_includes_itself_is_refused_before_rendering() {
        let mut t = Templates::builtin();
        for (name, text) in [("a", "x\n  {{#if y}}{{> b}}{{/if}}"), ("b", "{{> a}}")] {
            t.sources.push(Source {
                name: name.into(),
                file: format!("partials/{name}.hbs"),
                text: Cow::Owned(text.into()),
                partial: true,
            });
        }
        t.sources.push(Source {
            name: "t".into(),
            file: "t.hbs".into(),
            text: Cow::Borrowed("{{> a}}"),
            partial: false,
        });
        let err = t.render("t", &json!({"y": true})).unwrap_err().to_string();
        assert!(
            err.starts_with("partials/b.hbs:1:1: the partial `a` includes itself (a → b → a)"),
            "{err}"
        );
        let err = one("{{> (lookup this \"n\")}}")
            .render("t", &json!({"n": "a"}))
            .unwrap_err();
        assert!(err.to_string().contains("named by an expression"), "{err}");
    }

    #[test]
    fn blocks_nested_too_deep_are_refused_before_parsing() {
        let deep = format!("{}x{}", "{{#if a}}".repeat(101), "{{/if}}".repeat(101));
        let err = one(&deep)
            .render("t", &json!({"a": 1}))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("t.hbs:1:901: blocks or brackets nest more than 100"),
            "{err}"
        );
        let brackets = format!("{{{{x {}1{}}}}}", "(upper ".repeat(101), ")".repeat(101));
        let err = one(&brackets)
            .render("t", &json!({}))
            .unwrap_err()
            .to_string();
        assert!(err.contains("nest more than 100"), "{err}");
        let fine = format!("{}x{}", "{{#if a}}".repeat(20), "{{/if}}".repeat(20));
        assert_eq!(one(&fine).render("t", &json!({"a": 1})).unwrap(), "x");
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
