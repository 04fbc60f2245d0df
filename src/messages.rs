//! Messages for people added with the install, help, defaults and preview
//! work (issue 15), kept together so they can move into a message
//! catalogue as one piece.

use std::path::Path;

use crate::org::Origin;

/// Which organisation profile a report used.
pub fn org_used(path: &Path, origin: Origin) -> String {
    let how = match origin {
        Origin::Given => "given with --org",
        Origin::CurrentFolder => "found in the current folder",
        Origin::UserConfig => "found in your configuration folder",
    };
    format!("organisation profile: {} ({how})", path.display())
}

/// `baocao init` has written a profile.
pub fn init_wrote(path: &Path) -> String {
    format!(
        "wrote {}: fill it in; reports made in this folder use it without --org",
        path.display()
    )
}

/// `baocao init` will not replace a profile.
pub fn init_exists(path: &Path) -> String {
    format!(
        "{} already exists; it was left as it is (remove it first to start again)",
        path.display()
    )
}

/// `baocao preview` has written pictures.
pub fn preview_wrote(first: &Path, count: usize, pages: usize) -> String {
    format!(
        "wrote {count} of {pages} pages as pictures, the first {}",
        first.display()
    )
}

/// A `--pages` range the command line cannot read.
pub fn bad_pages(s: &str) -> String {
    format!("`{s}` is not a page range; write N or N-M (pages count from 1)")
}

/// A `--pages` range past the report's end.
pub fn pages_past_end(first: usize, last: usize, pages: usize) -> String {
    format!("the report has {pages} pages; pages {first}-{last} are not all in it")
}

/// A `--dpi` that is not a sensible resolution.
pub fn bad_dpi(s: &str) -> String {
    format!("`{s}` is not a resolution; give dots per inch from 10 to 1200")
}
