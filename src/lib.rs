//! nashr — a static research-portal generator. `build` runs the pipeline:
//! load (config, theme, strings, discover, parse) → resolve (the `Site`) → render (every page of
//! every language, in parallel) → write (into a staging folder swapped in at the end).
//! Nothing is written unless every stage before succeeded.

mod config;
mod diagnostics;
mod discover;
mod exports;
mod frontmatter;
mod i18n;
mod indexes;
mod l10n;
mod load;
mod markdown;
mod model;
mod output;
mod render;
mod resolve;
mod site;
mod theme;
mod urls;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

pub use diagnostics::{Diagnostic, Severity};

use output::CopyFile;
use render::OutFile;

/// What to build, and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The portal folder (with `site.yaml`).
    pub root: PathBuf,
    /// The output folder; relative paths are taken from the current directory.
    pub output: PathBuf,
    /// Include outputs marked `draft: true`.
    pub drafts: bool,
    /// Replaces `base_url` from site.yaml (e.g. for a preview).
    pub base_url: Option<String>,
    /// Check everything but write nothing.
    pub dry_run: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Self {
            output: root.join("public"),
            root,
            drafts: false,
            base_url: None,
            dry_run: false,
        }
    }
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct Report {
    pub languages: usize,
    /// HTML pages written.
    pub pages: usize,
    /// Other files written (assets, attachments, feeds).
    pub files: usize,
    pub seconds: f64,
    pub warnings: Vec<Diagnostic>,
}

/// A failed build: every error found, and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Failure {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// Builds the portal at `options.root`.
pub fn build(options: &BuildOptions) -> Result<Report, Failure> {
    let started = Instant::now();
    let root = &options.root;
    let mut warnings = Vec::new();
    let fail = |errors: Vec<Diagnostic>, warnings: &Vec<Diagnostic>| Failure {
        errors,
        warnings: warnings.clone(),
    };

    let (mut config, w) = config::load(root).map_err(|all| {
        let (errors, warnings): (Vec<_>, Vec<_>) = all.into_iter().partition(Diagnostic::is_error);
        Failure { errors, warnings }
    })?;
    warnings.extend(w);
    if let Some(url) = &options.base_url {
        config.base_url = url.trim_end_matches('/').to_owned();
    }
    if !options.dry_run {
        output::check_output_dir(root, &options.output).map_err(|e| fail(vec![e], &warnings))?;
    }
    let theme = theme::load(root, &config.theme).map_err(|e| fail(e, &warnings))?;
    let site_strings = theme::site_i18n(root).map_err(|e| fail(e, &warnings))?;

    let mut errors = Vec::new();
    let mut i18n = None;
    match i18n::I18n::load(&config, theme.i18n_sources(), site_strings) {
        Ok((strings, w)) => {
            i18n = Some(strings);
            warnings.extend(w);
        }
        Err(e) => errors.extend(e),
    }
    let found = discover::discover(root, &config);
    let (sources, assets) = (found.sources, found.assets);
    for d in found.problems {
        if d.is_error() {
            errors.push(d)
        } else {
            warnings.push(d)
        }
    }
    let markdown = markdown::Markdown::default();
    let mut loaded = load::load(&config, &markdown, sources);
    for d in std::mem::take(&mut loaded.diagnostics) {
        if d.is_error() {
            errors.push(d)
        } else {
            warnings.push(d)
        }
    }
    let site = resolve::resolve(config, root, options.drafts, loaded);
    let site = match (site, errors.is_empty()) {
        (Ok((site, w)), true) => {
            warnings.extend(w);
            site
        }
        (Ok(_), false) => return Err(fail(sorted(errors), &warnings)),
        (Err(e), _) => {
            errors.extend(e);
            return Err(fail(sorted(errors), &warnings));
        }
    };
    let i18n = i18n.expect("strings loaded when there is no error");
    let engine = render::Engine::new(&site.config, &theme, i18n).map_err(|e| fail(e, &warnings))?;
    let mut files = render::render_site(&site, &engine).map_err(|e| fail(e, &warnings))?;
    let pages = files.len();
    files.extend(exports::all(&site, &engine));
    let copies = copies(root, &site, assets);
    // A file of the site's `static/` replaces the theme's file of the same name.
    let replaced: HashSet<&str> = copies.iter().map(|c| c.dest.as_str()).collect();
    files.extend(
        theme
            .statics
            .iter()
            .filter(|(path, _)| !replaced.contains(path.as_str()))
            .map(|(path, bytes)| OutFile {
                path: path.clone(),
                bytes: bytes.clone(),
            }),
    );
    let extra = files.len() - pages + copies.len();
    if !options.dry_run {
        output::write(&options.output, &files, &copies).map_err(|e| fail(vec![e], &warnings))?;
    }
    Diagnostic::sort(&mut warnings);
    Ok(Report {
        languages: site.config.languages.len(),
        pages,
        files: extra,
        seconds: started.elapsed().as_secs_f64(),
        warnings,
    })
}

fn sorted(mut d: Vec<Diagnostic>) -> Vec<Diagnostic> {
    Diagnostic::sort(&mut d);
    d
}

/// The files copied as they are: the site's `static/` folder, and every output's and project's
/// own files (at `/files/<kind>/<slug>/`), once each whatever the number of languages.
fn copies(
    root: &std::path::Path,
    site: &site::Site,
    assets: Vec<discover::Asset>,
) -> Vec<CopyFile> {
    let mut by_dest: BTreeMap<String, PathBuf> = BTreeMap::new();
    let published = |kind: discover::Kind, slug: &str| match kind {
        discover::Kind::Output => site.outputs.iter().any(|o| o.slug == slug),
        discover::Kind::Project => site.projects.iter().any(|p| p.slug == slug),
        _ => false,
    };
    for a in assets {
        if published(a.kind, &a.slug) {
            by_dest.insert(urls::attachment_file(a.kind, &a.slug, &a.path), a.src);
        }
    }
    let static_dir = root.join("static");
    for entry in walkdir::WalkDir::new(&static_dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            if let Ok(rel) = entry.path().strip_prefix(&static_dir) {
                by_dest.insert(
                    rel.to_string_lossy().replace('\\', "/"),
                    entry.path().to_path_buf(),
                );
            }
        }
    }
    by_dest
        .into_iter()
        .map(|(dest, src)| CopyFile { src, dest })
        .collect()
}
