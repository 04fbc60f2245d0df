//! Messages of the install, help, defaults and preview work (issue 15),
//! from the message catalogue.

use std::path::Path;

use crate::org::Origin;
use crate::t;

/// Which organisation profile a report used.
pub fn org_used(path: &Path, origin: Origin) -> String {
    let path = path.display();
    match origin {
        Origin::Given => t!("org-used-given", path = path),
        Origin::CurrentFolder => t!("org-used-folder", path = path),
        Origin::UserConfig => t!("org-used-user", path = path),
    }
}

/// `baocao init` has written a profile.
pub fn init_wrote(path: &Path) -> String {
    t!("init-wrote", path = path.display())
}

/// `baocao init` will not replace a profile.
pub fn init_exists(path: &Path) -> String {
    t!("init-exists", path = path.display())
}

/// `baocao preview` has written pictures.
pub fn preview_wrote(first: &Path, count: usize, pages: usize) -> String {
    t!(
        "preview-wrote",
        count = count,
        pages = pages,
        first = first.display()
    )
}

/// A `--pages` range the command line cannot read.
pub fn bad_pages(s: &str) -> String {
    t!("preview-bad-pages", value = s)
}

/// A `--pages` range past the report's end.
pub fn pages_past_end(first: usize, last: usize, pages: usize) -> String {
    t!(
        "preview-pages-past-end",
        first = first,
        last = last,
        pages = pages
    )
}

/// A `--dpi` that is not a sensible resolution.
pub fn bad_dpi(s: &str) -> String {
    t!("preview-bad-dpi", value = s)
}
