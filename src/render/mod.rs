//! Backends that turn the page model into files ([`crate::output::Backend`]):
//! [`pdf`], the report itself.

pub mod pdf;
