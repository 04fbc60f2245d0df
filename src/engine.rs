//! The engine: what is shared between reports (format profile, lexicon,
//! templates) and the stages run for one report.
//!
//! In: input bytes (an article or report data) or [`ReportData`], and the
//! per-report [`Options`]. Out: [`ReportData`] (`inspect`), the pages laid
//! out ([`LaidOut`]), or a finished file ([`Rendered`], through a
//! [`Backend`]).

mod locate;

use std::path::Path;
use std::sync::OnceLock;

use crate::encoding::Encoding;
use crate::error::{Location, Result, Warning};
use crate::i18n::Lang;
use crate::input::InputKind;
use crate::letter::{self, Draft, Given, Letter};
use crate::org::Org;
use crate::output::Backend;
use crate::page::{Metadata, Page};
use crate::profile::FormatProfile;
use crate::report::{self, Kind, Lexicon, PeriodGiven, ReportData};
use crate::template::{self, Templates};
use crate::vn::{self, Date};
use crate::{article, layout, markup};
use crate::{t, t_in};

/// Per-report choices from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub org: Option<Org>,
    /// Document number; overrides the profile's.
    pub number: Option<u32>,
    /// Report date; defaults to the article's publication date.
    pub date: Option<Date>,
    /// The period, where the article gives none or another.
    pub period: PeriodGiven,
    /// Print a draft: the draft note on page 1, the number blank, the
    /// metadata marked (`--draft [N]`).
    pub draft: Option<Draft>,
    /// Leave out what makes the file PDF/A-2u (`--no-pdfa`).
    pub no_pdfa: bool,
    /// Leave out the empty signature field (`--no-sign-field`).
    pub no_sign_field: bool,
    /// Refuse characters no bundled face can draw instead of leaving them
    /// out with a warning (`--strict`).
    pub strict: bool,
}

impl Options {
    /// The PDF backend these options ask for.
    pub fn pdf(&self) -> crate::render::pdf::Pdf {
        crate::render::pdf::Pdf {
            pdfa: !self.no_pdfa,
            sign_field: !self.no_sign_field,
        }
    }
}

/// A finished report.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The file's bytes (a PDF).
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<Warning>,
}

/// A report laid out, before a backend writes it.
#[derive(Debug, Clone)]
pub struct LaidOut {
    pub pages: Vec<Page>,
    pub metadata: Metadata,
    pub warnings: Vec<Warning>,
}

/// Templates, lexicon and format profile, loaded once and shared by every
/// report (and every thread of a batch).
///
/// The lexicon and a built-in profile are parsed, and each template
/// compiled, on first use, so a command pays only for what it uses
/// (`inspect` lays nothing out, `templates` reads no article).
pub struct Engine {
    pub templates: Templates,
    lexicon: OnceLock<Lexicon>,
    profile: OnceLock<FormatProfile>,
    /// The encoding articles are in (`--encoding`); `None` recognises.
    encoding: Option<Encoding>,
}

impl Engine {
    /// The engine with everything built in and the default format.
    pub fn builtin() -> Engine {
        Engine {
            templates: Templates::builtin(),
            lexicon: OnceLock::new(),
            profile: OnceLock::new(),
            encoding: None,
        }
    }

    /// The engine reading articles in `encoding` (`--encoding`).
    pub fn with_encoding(mut self, encoding: Option<Encoding>) -> Engine {
        self.encoding = encoding;
        self
    }

    /// An engine with the format profile `format` (a built-in name or a
    /// profile file) and templates from `templates` replacing built-ins by
    /// name; `None` keeps the built-in ones.
    pub fn new(format: Option<&str>, templates: Option<&Path>) -> Result<Engine> {
        let engine = Engine {
            templates: match templates {
                Some(dir) => Templates::with_overrides(dir)?,
                None => Templates::builtin(),
            },
            ..Engine::builtin()
        };
        if let Some(spec) = format {
            let profile = FormatProfile::load(spec)?;
            let _ = engine.profile.set(profile);
        }
        Ok(engine)
    }

    /// The built-in engine with templates from `dir` replacing built-ins by name.
    pub fn with_templates(dir: &Path) -> Result<Engine> {
        Engine::new(None, Some(dir))
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
        let article = article::read_with(source, bytes, self.encoding)?;
        Ok(report::map_as(&article, kind, self.lexicon()))
    }

    /// Reads an article and maps it onto the kind it is detected to be.
    pub fn inspect(&self, source: &str, bytes: &[u8]) -> Result<ReportData> {
        let article = article::read_with(source, bytes, self.encoding)?;
        Ok(report::inspect(&article, self.lexicon()))
    }

    /// Reads report data as `inspect` prints it (YAML).
    pub fn read_data(&self, source: &str, bytes: &[u8]) -> Result<ReportData> {
        let text = crate::encoding::decode(source, bytes)?;
        crate::yaml::from_str(source, &text, &t!("data-yaml-hint"))
    }

    /// Reads an input, an article or report data (by its name), as a `kind`
    /// report; `None` takes the kind detected for an article, or the one
    /// report data carries. Data of another kind keeps its paragraphs:
    /// sections the kind lacks go to `general`, with a warning.
    pub fn read_input(
        &self,
        source: &str,
        bytes: &[u8],
        kind: Option<Kind>,
    ) -> Result<(ReportData, Vec<Warning>)> {
        if InputKind::of(source) == InputKind::Article {
            let data = match kind {
                Some(k) => self.read_article(source, bytes, k)?,
                None => self.inspect(source, bytes)?,
            };
            return Ok((data, Vec::new()));
        }
        let mut data = self.read_data(source, bytes)?;
        let mut warnings = Vec::new();
        if data.sections.iter().all(|s| s.paragraphs.is_empty()) {
            // Where the sections are, if the file says so on a line of its own.
            let line = std::str::from_utf8(bytes)
                .ok()
                .and_then(|t| t.lines().position(|l| l.starts_with("sections:")));
            let at = match line {
                Some(i) => Location::line(source, i + 1),
                None => Location::file(source),
            };
            warnings.push(Warning::at(at, t!("data-no-paragraphs")));
        }
        let from = data.kind;
        let kind = kind.unwrap_or(from);
        let moved = data.rehome(kind, self.lexicon());
        if !moved.is_empty() {
            warnings.push(Warning::at(
                Location::file(source),
                t!(
                    "data-rehomed",
                    from = from.name(),
                    kind = kind.name(),
                    sections = moved.join(", ")
                ),
            ));
        }
        if data.meta.source.is_none() {
            data.meta.source = Some(source.to_string());
        }
        Ok((data, warnings))
    }

    /// Renders an input's bytes (article or report data) as a `kind` report.
    pub fn render_input(
        &self,
        source: &str,
        bytes: &[u8],
        kind: Kind,
        opts: &Options,
    ) -> Result<Rendered> {
        let (data, mut warnings) = self.read_input(source, bytes, Some(kind))?;
        let laid = self.lay_out_from(&data, opts, Some((source, bytes)))?;
        let pdf = opts.pdf().write(&laid.pages, &laid.metadata)?;
        warnings.extend(laid.warnings);
        Ok(Rendered {
            pdf,
            pages: laid.pages.len(),
            warnings,
        })
    }

    /// Renders report data as a PDF.
    pub fn render(&self, data: &ReportData, opts: &Options) -> Result<Rendered> {
        self.render_with(data, opts, &opts.pdf())
    }

    /// Renders report data with `backend`.
    pub fn render_with(
        &self,
        data: &ReportData,
        opts: &Options,
        backend: &dyn Backend,
    ) -> Result<Rendered> {
        let laid = self.lay_out(data, opts)?;
        let bytes = backend.write(&laid.pages, &laid.metadata)?;
        Ok(Rendered {
            pdf: bytes,
            pages: laid.pages.len(),
            warnings: laid.warnings,
        })
    }

    /// Runs the stages up to layout: the pages before a backend writes them,
    /// and what to warn about (the article's notes, what the letterhead
    /// lacks, characters the fonts lack: located in the article named by
    /// the data's `source`, read again only then).
    pub fn lay_out(&self, data: &ReportData, opts: &Options) -> Result<LaidOut> {
        self.lay_out_from(data, opts, None)
    }

    /// [`Engine::lay_out`], with the input the data was read from, where
    /// characters the fonts lack are looked for first.
    fn lay_out_from(
        &self,
        data: &ReportData,
        opts: &Options,
        input: Option<(&str, &[u8])>,
    ) -> Result<LaidOut> {
        let unnamed = t!("report-data");
        let source = data.meta.source.as_deref().unwrap_or(&unnamed);
        let mut warnings: Vec<Warning> = data
            .notes
            .iter()
            .map(|n| Warning::at(Location::line(source, n.line), note_text(n, data)))
            .collect();
        let mut owned;
        let data = if opts.period == PeriodGiven::default() {
            data
        } else {
            owned = data.clone();
            owned.period.apply(&opts.period);
            &owned
        };
        if !data.kind_found {
            let why = data.reasons.first().map_or("", String::as_str);
            warnings.push(Warning::at(
                Location::file(source),
                t!("not-a-report", why = why, kind = data.kind.name()),
            ));
        }
        for (what, option) in report::missing_period(data.kind, &data.period) {
            warnings.push(Warning::at(
                Location::file(source),
                t!("period-blank", what = what, option = option),
            ));
        }
        let profile = self.profile();
        if profile.provisional {
            warnings.push(Warning::new(t!(
                "format-provisional",
                name = &profile.name,
                description = &profile.description
            )));
        }
        // Which organisation profile was used, when it was looked for.
        if let Some(source) = opts.org.as_ref().and_then(|o| o.source.as_ref()) {
            warnings.push(Warning::new(source.clone()));
        }
        let given = Given {
            org: opts.org.as_ref(),
            number: opts.number,
            date: opts.date,
            draft: opts.draft,
        };
        let letter = letter::resolve(data, given, profile, &mut warnings)?;
        let markdown = self.markdown(data, &letter)?;
        let template = self.templates.file_of(data.kind.name());
        let doc = markup::parse(&template, &markdown)?;
        let laid_out = layout::layout(&doc, &letter, profile);
        warnings.extend(laid_out.warnings);
        if !laid_out.missing.is_empty() {
            let haystacks = haystacks(input, source, &template, markdown);
            if opts.strict {
                return Err(locate::strict_error(&laid_out.missing, &haystacks, source));
            }
            warnings.extend(locate::warnings(&laid_out.missing, &haystacks));
        }
        // How the report is referred to: its type name ("Báo cáo") and trích yếu.
        let type_name = vn::sentence_case(&profile.title_block.type_name.text.value);
        // A draft says so in its title and keywords (`Dự thảo lần 2`).
        let draft = letter
            .draft
            .map(|d| vn::sentence_case(&d.note(profile)))
            .unwrap_or_default();
        let mut title = format!("{type_name} {}", doc.summary);
        if !draft.is_empty() {
            title = format!("{title} ({draft})");
        }
        Ok(LaidOut {
            pages: laid_out.pages,
            metadata: Metadata {
                title,
                author: letter.issuer.clone(),
                subject: format!("{type_name} {}", data.kind.vietnamese()),
                // Without a report date the file is dated the day it is made.
                date: letter.date.unwrap_or_else(Date::today),
                keywords: draft,
                language: profile.document.language.value.clone(),
            },
            warnings,
        })
    }

    /// The markup the kind's template makes of `data` (the template stage alone).
    pub fn markdown(&self, data: &ReportData, letter: &Letter) -> Result<String> {
        let date = letter.date.unwrap_or_else(Date::today);
        let ids = self.lexicon().section_ids(data.kind);
        let context = template::context(data, letter, date, &ids)?;
        self.templates.render(data.kind.name(), &context)
    }
}

/// A note of the report data as a warning says it: baocao's own notes
/// (written in English, as `inspect` prints them) in the language of
/// messages, a note someone wrote into the data as it is.
fn note_text(note: &report::NoteItem, data: &ReportData) -> String {
    if note.message == t_in!(Lang::En, "note-mid-sentence") {
        return t!("note-mid-sentence");
    }
    if let Some(year) = data.period.year {
        if note.message == t_in!(Lang::En, "note-no-year", year = year) {
            return t!("note-no-year", year = year);
        }
    }
    note.message.clone()
}

/// Where to look for characters the fonts lack: the input given, the
/// article the data names (if it can be read), the markup.
fn haystacks(
    input: Option<(&str, &[u8])>,
    source: &str,
    template: &str,
    markdown: String,
) -> Vec<locate::Haystack> {
    /// An article larger than this is not read again to locate characters.
    const MAX_REREAD: u64 = 64 << 20;
    let mut out = Vec::new();
    if let Some((name, bytes)) = input {
        out.push(locate::Haystack {
            name: name.to_string(),
            text: String::from_utf8_lossy(bytes).into_owned(),
            markup: false,
        });
    }
    let named = input.is_some_and(|(name, _)| name == source);
    let small = std::fs::metadata(source).is_ok_and(|m| m.is_file() && m.len() <= MAX_REREAD);
    if !named && small {
        if let Ok(bytes) = std::fs::read(source) {
            out.push(locate::Haystack {
                name: source.to_string(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
                markup: false,
            });
        }
    }
    out.push(locate::Haystack {
        name: t!("markup-source", template = template),
        text: markdown,
        markup: true,
    });
    out
}
