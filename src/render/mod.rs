//! Backends that turn the page model into files ([`crate::output::Backend`]):
//! [`pdf`], the report itself, and [`png`], its preview.

pub mod pdf;
pub mod png;
