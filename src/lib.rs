//! nashr — a static research-portal generator. `build` runs the pipeline:
//! load (config, theme, strings, discover, parse) → resolve (the `Site`) → render (every page of
//! every language, in parallel) → write (into a staging folder swapped in at the end).
//! Nothing is written unless every stage before succeeded.

mod charts;
mod check;
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
pub mod scaffold;
mod session;
mod site;
mod theme;
mod urls;

use std::path::PathBuf;

pub use check::{check, CheckReport, KindCoverage, LangCoverage};
pub use diagnostics::{Diagnostic, Severity};
pub use session::{Session, SiteFiles};

/// How far a build has got (pages rendered of pages to render), for a progress bar.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: std::sync::atomic::AtomicUsize,
    pub total: std::sync::atomic::AtomicUsize,
}

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
    /// Updated while pages are rendered, when set.
    pub progress: Option<std::sync::Arc<Progress>>,
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
            progress: None,
        }
    }
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct Report {
    pub languages: usize,
    /// HTML pages in the site.
    pub pages: usize,
    /// HTML pages rendered by this run (fewer than `pages` when a session re-renders only what
    /// a change affects).
    pub rendered: usize,
    /// Other files written (assets, attachments, feeds).
    pub files: usize,
    pub seconds: f64,
    /// Seconds spent in each stage, for `--verbose`.
    pub stages: Vec<(&'static str, f64)>,
    pub warnings: Vec<Diagnostic>,
}

/// A failed build: every error found, and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Failure {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// Entry points for fuzzing and property tests (`fuzz/`, `tests/properties.rs`): the per-file
/// stages on arbitrary input. Not a stable API.
#[doc(hidden)]
pub mod fuzzing {
    use std::path::Path;

    /// Decodes, splits and deserialises one output file's front matter; returns whether it parsed.
    pub fn front_matter(bytes: &[u8]) -> bool {
        let path = Path::new("fuzz.md");
        let Ok(text) = crate::frontmatter::decode(path, bytes) else {
            return false;
        };
        let Ok(doc) = crate::frontmatter::split(path, &text) else {
            return false;
        };
        crate::frontmatter::parse_yaml::<crate::model::OutputFields>(
            path,
            &doc.yaml,
            doc.yaml_first_line,
            crate::model::OutputFields::KNOWN,
        )
        .is_ok()
    }

    /// Renders Markdown as an output body; returns the HTML.
    pub fn markdown(text: &str) -> String {
        let links = crate::markdown::LinkContext {
            lang: "en",
            root: "../../../",
            files: Some("files/outputs/x/"),
        };
        crate::markdown::Markdown::default()
            .render(text, &links)
            .html
            .to_string()
    }
}

/// Builds the portal at `options.root` and writes it to `options.output` (unless `dry_run`).
pub fn build(options: &BuildOptions) -> Result<Report, Failure> {
    if !options.dry_run {
        output::check_output_dir(&options.root, &options.output).map_err(|e| Failure {
            errors: vec![e],
            warnings: Vec::new(),
        })?;
    }
    let staging = match options.dry_run {
        true => None,
        false => Some(
            output::Staging::create(&options.output).map_err(|e| Failure {
                errors: vec![e],
                warnings: Vec::new(),
            })?,
        ),
    };
    let mut session = Session::new(options.clone());
    // On failure the staging folder is dropped, which removes it.
    let mut report = session.run_into(staging.as_ref())?;
    if let Some(staging) = staging {
        let foreign = staging
            .finish(session.files().paths())
            .map_err(|e| Failure {
                errors: vec![e],
                warnings: report.warnings.clone(),
            })?;
        report.warnings.extend(foreign);
    }
    Ok(report)
}
