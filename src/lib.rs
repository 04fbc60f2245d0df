//! baocao turns Vietnamese articles about a Party committee's work into report
//! PDFs in the official Party format (Hướng dẫn 36-HD/VPTW).
//!
//! The pipeline, one module per stage, plain data flowing one way:
//!
//! ```text
//! input (article text | report data YAML)
//!   ─ article::read ─▶ Article                 cleaning, line classification
//!   ─ report::map (lexicon, kinds) ─▶ ReportData   sections, period, places
//!   ─ letter::resolve (org profile, format profile) ─▶ Letter
//!   ─ template::Templates::render ─▶ Markdown   Handlebars, strict
//!   ─ markup::parse ─▶ Document                headings, paragraphs, items
//!   ─ layout::layout (format profile, font metrics) ─▶ page::Page
//!   ─ render::pdf (an output::Backend) ─▶ PDF bytes ─ output::write_atomically
//! ```
//!
//! [`Engine`] holds what is shared between reports (format profile, lexicon,
//! templates) and runs the stages for one report; [`batch`] runs many in
//! parallel; [`input`] and [`output`] are where files come from and go to.
//! The format profile ([`profile`]) holds every number and rule of the page
//! and the letterhead; nothing else knows the Party format.

pub mod article;
pub mod batch;
pub mod encoding;
pub mod engine;
pub mod error;
pub mod font;
pub mod i18n;
pub mod input;
pub mod layout;
pub mod letter;
pub mod markup;
pub mod messages;
pub mod org;
pub mod output;
pub mod page;
pub mod profile;
pub mod render;
pub mod report;
pub mod template;
pub mod vn;
pub mod yaml;

pub use engine::{Engine, LaidOut, Options, Rendered};
pub use output::write_atomically;
