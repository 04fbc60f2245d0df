//! baocao turns Vietnamese articles about a Party committee's work into report
//! PDFs in the official Party format (Hướng dẫn 36-HD/VPTW).
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! article text ─ article::read ─▶ Article
//!   ─ report::map (lexicon) ─▶ ReportData ─ template::Templates::render ─▶ Markdown
//!   ─ markup::parse ─▶ Document ─ layout::layout (format profile, font metrics) ─▶ pages
//!   ─ pdf::write ─▶ PDF bytes
//! ```
//!
//! [`Engine`] holds what is shared between reports (templates, lexicon, format
//! profile) and runs the stages for one report.

pub mod article;
pub mod batch;
pub mod error;
pub mod font;
pub mod format;
pub mod layout;
pub mod markup;
pub mod org;
pub mod pdf;
pub mod report;
pub mod template;
pub mod vn;

use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use error::{Error, Location, Result, Warning};
use format::FormatProfile;
use layout::Letter;
use org::Org;
use report::{Kind, Lexicon, ReportData};
use template::Templates;
use vn::Date;

/// Per-report choices from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub org: Option<Org>,
    /// Document number; overrides the profile's.
    pub number: Option<u32>,
    /// Report date; defaults to the article's publication date.
    pub date: Option<Date>,
}

/// A finished report.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<Warning>,
}

/// A report laid out, before PDF writing.
#[derive(Debug, Clone)]
pub struct LaidOut {
    pub pages: Vec<layout::Page>,
    pub metadata: pdf::Metadata,
    pub warnings: Vec<Warning>,
}

/// Templates, lexicon and format profile, loaded once and shared by every
/// report (and every thread of a batch).
///
/// The lexicon and the profile are parsed, and each template compiled, on
/// first use, so a command pays only for what it uses (`inspect` lays
/// nothing out, `templates` reads no article).
pub struct Engine {
    pub templates: Templates,
    lexicon: OnceLock<Lexicon>,
    profile: OnceLock<FormatProfile>,
}

impl Engine {
    /// The engine with everything built in.
    pub fn builtin() -> Engine {
        Engine {
            templates: Templates::builtin(),
            lexicon: OnceLock::new(),
            profile: OnceLock::new(),
        }
    }

    /// The built-in engine with templates from `dir` replacing built-ins by name.
    pub fn with_templates(dir: &Path) -> Result<Engine> {
        Ok(Engine {
            templates: Templates::with_overrides(dir)?,
            ..Engine::builtin()
        })
    }

    /// The lexicon that routes paragraphs to sections (`templates/lexicon.yaml`).
    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon.get_or_init(Lexicon::builtin)
    }

    /// The format profile every number of the layout comes from.
    pub fn profile(&self) -> &FormatProfile {
        self.profile.get_or_init(FormatProfile::party_2018)
    }

    /// Reads an article and maps it onto a `kind` report.
    pub fn read_article(&self, source: &str, bytes: &[u8], kind: Kind) -> Result<ReportData> {
        let article = article::read(source, bytes)?;
        Ok(report::map(&article, kind, self.lexicon()))
    }

    /// Reads an article and maps it onto the kind it is detected to be.
    pub fn inspect(&self, source: &str, bytes: &[u8]) -> Result<ReportData> {
        let article = article::read(source, bytes)?;
        Ok(report::inspect(&article, self.lexicon()))
    }

    /// Reads report data as `inspect` prints it (YAML).
    pub fn read_data(&self, source: &str, bytes: &[u8]) -> Result<ReportData> {
        let text = std::str::from_utf8(bytes).map_err(|_| {
            Error::invalid(Location::file(source), "the report data is not UTF-8 text")
        })?;
        serde_yaml::from_str(text).map_err(|e| {
            Error::yaml(source, &e)
                .with_hint("the file should be report data as `baocao inspect` prints it")
        })
    }

    /// Reads an input file, an article (`.txt`) or report data (`.yaml`,
    /// `.yml`), as a `kind` report. Data of another kind keeps its paragraphs:
    /// sections the kind lacks go to `general`, with a warning.
    pub fn read_input(
        &self,
        source: &str,
        bytes: &[u8],
        kind: Kind,
    ) -> Result<(ReportData, Vec<Warning>)> {
        let is_data = [".yaml", ".yml"]
            .iter()
            .any(|e| source.to_lowercase().ends_with(e));
        if !is_data {
            return Ok((self.read_article(source, bytes, kind)?, Vec::new()));
        }
        let mut data = self.read_data(source, bytes)?;
        let mut warnings = Vec::new();
        let from = data.kind;
        let moved = data.rehome(kind, self.lexicon());
        if !moved.is_empty() {
            warnings.push(Warning::at(
                Location::file(source),
                format!(
                    "the data is for a {} report; sections a {} report has not ({}) go to the general section",
                    from.name(),
                    kind.name(),
                    moved.join(", ")
                ),
            ));
        }
        if data.meta.source.is_none() {
            data.meta.source = Some(source.to_string());
        }
        Ok((data, warnings))
    }

    /// Renders an input file's bytes (article or report data) as a `kind` report.
    pub fn render_input(
        &self,
        source: &str,
        bytes: &[u8],
        kind: Kind,
        opts: &Options,
    ) -> Result<Rendered> {
        let (data, mut warnings) = self.read_input(source, bytes, kind)?;
        let mut rendered = self.render(&data, opts)?;
        warnings.append(&mut rendered.warnings);
        rendered.warnings = warnings;
        Ok(rendered)
    }

    /// Renders report data.
    pub fn render(&self, data: &ReportData, opts: &Options) -> Result<Rendered> {
        let laid = self.lay_out(data, opts)?;
        let bytes = pdf::write(&laid.pages, &laid.metadata)?;
        Ok(Rendered {
            pdf: bytes,
            pages: laid.pages.len(),
            warnings: laid.warnings,
        })
    }

    /// Runs the stages up to layout: the pages before they become PDF, and
    /// what to warn about (the article's notes, what the letterhead lacks).
    pub fn lay_out(&self, data: &ReportData, opts: &Options) -> Result<LaidOut> {
        let source = data
            .meta
            .source
            .clone()
            .unwrap_or_else(|| "report data".into());
        let mut warnings: Vec<Warning> = data
            .notes
            .iter()
            .map(|n| Warning::at(Location::line(source.clone(), n.line), n.message.clone()))
            .collect();
        let date = match (opts.date, &data.meta.date) {
            (Some(d), _) => Some(d),
            (None, Some(iso)) => Some(Date::parse_iso(iso).ok_or_else(|| {
                Error::Usage(format!(
                    "the report data has an invalid date `{iso}` (expected YYYY-MM-DD)"
                ))
            })?),
            (None, None) => {
                warnings.push(Warning::at(
                    Location::file(source.clone()),
                    "the article has no publication date, so the date line is left blank; give the report date with --date YYYY-MM-DD",
                ));
                None
            }
        };
        let date_text = match date {
            Some(d) => d.header_form(),
            None => self.profile().header.place_date.blank.value.clone(),
        };
        let letter = letter(data, opts, &date_text, &mut warnings);
        // Without a report date the PDF is dated the day it is made.
        self.lay_out_with(data, &letter, date.unwrap_or_else(Date::today), warnings)
    }

    fn lay_out_with(
        &self,
        data: &ReportData,
        letter: &Letter,
        date: Date,
        mut warnings: Vec<Warning>,
    ) -> Result<LaidOut> {
        let markdown = self.markdown(data, letter, date)?;
        let doc = markup::parse(&self.templates.file_of(data.kind.name()), &markdown)?;
        let laid_out = layout::layout(&doc, letter, self.profile());
        warnings.extend(laid_out.warnings);
        Ok(LaidOut {
            pages: laid_out.pages,
            metadata: pdf::Metadata {
                // How the report is referred to: "Báo cáo" and its trích yếu.
                title: format!("Báo cáo {}", doc.summary),
                author: letter.issuer.clone(),
                subject: format!("Báo cáo {}", data.kind.vietnamese()),
                date,
            },
            warnings,
        })
    }

    /// The markup the kind's template makes of `data` (the template stage alone).
    pub fn markdown(&self, data: &ReportData, letter: &Letter, date: Date) -> Result<String> {
        let context = self.context(data, letter, date)?;
        self.templates.render(data.kind.name(), &context)
    }

    /// The data a template sees: the report data with sections keyed by id,
    /// plus the resolved letterhead.
    fn context(&self, data: &ReportData, letter: &Letter, date: Date) -> Result<serde_json::Value> {
        let ids = self.lexicon().section_ids(data.kind);
        let mut sections = serde_json::Map::new();
        for id in &ids {
            sections.insert(id.to_string(), serde_json::Value::Array(Vec::new()));
        }
        for s in &data.sections {
            let Some(slot) = sections.get_mut(&s.id) else {
                return Err(Error::invalid(
                    Location::file(
                        data.meta
                            .source
                            .clone()
                            .unwrap_or_else(|| "report data".into()),
                    ),
                    format!("unknown section `{}`", s.id),
                )
                .with_hint(format!("known sections: {}", ids.join(", "))));
            };
            if let serde_json::Value::Array(list) = slot {
                for p in &s.paragraphs {
                    list.push(serde_json::to_value(p).map_err(|e| Error::Internal(e.to_string()))?);
                }
            }
        }
        let mut value = serde_json::to_value(data).map_err(|e| Error::Internal(e.to_string()))?;
        value["sections"] = serde_json::Value::Object(sections);
        value["letter"] = serde_json::json!({
            "superior": letter.superior,
            "issuer": letter.issuer,
            "number": letter.number,
            "symbol": letter.symbol,
            "place_date": letter.place_date,
            "date": date.to_string(),
        });
        Ok(value)
    }
}

/// The letterhead and signature: from the organisation profile, else from
/// the article, else blank (with a warning listing what is blank).
fn letter(
    data: &ReportData,
    opts: &Options,
    date_text: &str,
    warnings: &mut Vec<Warning>,
) -> Letter {
    let org = opts.org.clone().unwrap_or_default();
    let signer = org.signer.clone().unwrap_or_default();
    let place = &data.place;
    let derived = |kind: &Option<String>, name: &Option<String>, body: &str| match (kind, name) {
        (Some(k), Some(n)) => Some(vn::upper(&format!("{body} {k} {n}"))),
        _ => None,
    };
    let issuer = org
        .issuer
        .clone()
        .or_else(|| derived(&place.ward_type, &place.ward, "Đảng ủy"));
    let superior = org
        .superior
        .clone()
        .or_else(|| derived(&place.district_type, &place.district, "Đảng bộ"));
    let place_name = org.place.clone().or_else(|| place.ward.clone());
    let number = opts.number.or(org.number).map(|n| format!("{n:02}"));
    let is_committee = issuer
        .as_deref()
        .is_some_and(|i| i.starts_with("ĐẢNG ỦY") || i.starts_with("ĐẢNG UỶ"));
    let authority = signer
        .authority
        .clone()
        .or_else(|| is_committee.then(|| "T/M ĐẢNG ỦY".to_string()));

    let mut missing = Vec::new();
    let mut need = |value: bool, what: &str| {
        if !value {
            missing.push(what.to_string());
        }
    };
    need(superior.is_some(), "superior body");
    need(issuer.is_some(), "issuing body");
    need(place_name.is_some(), "place name");
    need(number.is_some(), "document number");
    need(authority.is_some(), "signing authority");
    need(signer.title.is_some(), "signer's title");
    need(signer.name.is_some(), "signer's name");
    need(org.recipients.is_some(), "recipients");
    if !missing.is_empty() {
        let source = if opts.org.is_some() {
            "the organisation profile"
        } else {
            "the article"
        };
        warnings.push(Warning::new(format!(
            "not in {source}, left blank: {}; give them in an organisation profile with --org",
            missing.join(", ")
        )));
    }
    if let Some(a) = &authority {
        if is_committee && a.starts_with("K/T") {
            warnings.push(Warning::new(format!(
                "signing authority `{a}`: a Party committee signs T/M (thay mặt); K/T is for advisory bodies only"
            )));
        }
        if ["TM.", "KT.", "TL."].iter().any(|p| a.starts_with(p)) {
            warnings.push(Warning::new(format!(
                "signing authority `{a}` uses the state form; Party documents write T/M, K/T, T/L"
            )));
        }
    }

    Letter {
        superior: superior.unwrap_or_default(),
        issuer: issuer.unwrap_or_default(),
        number,
        symbol: org.symbol.clone().unwrap_or_else(|| "BC/ĐU".to_string()),
        place_date: format!(
            "{}, {}",
            place_name.unwrap_or_else(|| "      ".into()),
            date_text
        ),
        authority: authority.unwrap_or_default(),
        title: signer.title.unwrap_or_default(),
        name: signer.name.unwrap_or_default(),
        recipients: org.recipients.unwrap_or_default(),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so
/// `path` is either the old file or the complete new one, never half-written.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |e: std::io::Error| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source: e,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".baocao-").suffix(".tmp");
    // Temporary files are private (0600); a report is not. Keep the mode of
    // the file being replaced, or give a new one the usual mode under umask.
    match std::fs::metadata(path) {
        Ok(m) => {
            builder.permissions(m.permissions());
        }
        #[cfg(unix)]
        Err(_) => {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        #[cfg(not(unix))]
        Err(_) => {}
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
