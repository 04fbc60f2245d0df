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
