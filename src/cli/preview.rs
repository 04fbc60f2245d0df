//! `baocao preview`: the report's pages as PNG pictures, drawn from the
//! page model by `baocao::render::png`, without a PDF viewer.

use std::path::PathBuf;

use clap::Args;

use baocao::error::{Error, Result};
use baocao::letter::Draft;
use baocao::messages;
use baocao::render::png::{Renderer, DEFAULT_DPI};
use baocao::report::Kind;
use baocao::t;
use baocao::vn::Date;
use baocao::{input, org, output, Engine, Options};

#[derive(Args)]
pub struct PreviewArgs {
    #[arg(help = t!("arg-render-input"))]
    input: PathBuf,
    #[arg(long, value_name = "KIND", value_parser = super::kind_parser(), hide_possible_values = true, help = super::kind_help(t!("arg-preview-kind")))]
    kind: Option<Kind>,
    #[arg(short, long, value_name = "DIR", help = t!("arg-preview-output"))]
    output: Option<PathBuf>,
    #[arg(long, value_name = "DPI", default_value_t = DEFAULT_DPI, hide_default_value = true, value_parser = parse_dpi, help = t!("arg-preview-dpi"))]
    dpi: f32,
    #[arg(long, value_name = "N-M", value_parser = parse_pages, help = t!("arg-preview-pages"))]
    pages: Option<(usize, usize)>,
    #[arg(long, value_name = "ORG.yaml", help = super::org_help())]
    org: Option<PathBuf>,
    #[arg(long, value_name = "N", help = t!("arg-render-number"))]
    number: Option<u32>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = |s: &str| Date::parse_iso(s).ok_or_else(|| t!("cli-bad-date", value = s)), help = t!("arg-render-date"))]
    date: Option<Date>,
    #[arg(long, value_name = "NAME|FILE.yaml", help = super::format_help())]
    format: Option<String>,
    #[arg(long, value_name = "DIR", help = t!("arg-templates"))]
    templates: Option<PathBuf>,
    #[arg(long, value_name = "N", num_args = 0..=1, require_equals = true, help = t!("arg-preview-draft"))]
    draft: Option<Option<u32>>,
}

fn parse_dpi(s: &str) -> std::result::Result<f32, String> {
    match s.parse::<f32>() {
        Ok(d) if (10.0..=1200.0).contains(&d) => Ok(d),
        _ => Err(messages::bad_dpi(s)),
    }
}

/// `N` or `N-M`, pages from 1, N ≤ M.
fn parse_pages(s: &str) -> std::result::Result<(usize, usize), String> {
    let bad = || messages::bad_pages(s);
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let first: usize = a.trim().parse().map_err(|_| bad())?;
    let last: usize = b.trim().parse().map_err(|_| bad())?;
    if first >= 1 && first <= last {
        Ok((first, last))
    } else {
        Err(bad())
    }
}

pub fn run(args: &PreviewArgs) -> Result<()> {
    let engine = Engine::new(args.format.as_deref(), args.templates.as_deref())?;
    let opts = Options {
        org: org::load(args.org.as_deref(), input::DEFAULT_MAX_SIZE)?,
        number: args.number,
        date: args.date,
        draft: args.draft.map(|number| Draft { number }),
        ..Options::default()
    };
    let source = args.input.display().to_string();
    let bytes = input::read(&args.input)?;
    let (data, mut warnings) = engine.read_input(&source, &bytes, args.kind)?;
    let laid = engine.lay_out(&data, &opts)?;
    warnings.extend(laid.warnings);
    for w in &warnings {
        eprintln!("{}: {w}", t!("warning"));
    }
    let count = laid.pages.len();
    let (first, last) = args.pages.unwrap_or((1, count));
    if last > count {
        return Err(Error::Usage(messages::pages_past_end(first, last, count)));
    }
    let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).map_err(|e| Error::Io {
        action: "create",
        path: dir.clone(),
        source: e,
    })?;
    let stem = output::default_name(&args.input, "png");
    let stem = stem.file_stem().unwrap_or_default().to_string_lossy();
    let mut renderer = Renderer::new(args.dpi);
    let mut written = Vec::new();
    for (i, page) in laid.pages.iter().enumerate().take(last).skip(first - 1) {
        let png = renderer.draw(page).encode(args.dpi)?;
        let path = dir.join(format!("{stem}-{}.png", i + 1));
        output::write_atomically(&path, &png)?;
        written.push(path);
    }
    eprintln!(
        "{}",
        messages::preview_wrote(&written[0], written.len(), count)
    );
    Ok(())
}
