//! discover — stage 1 (load). Input: the portal's `content/` folder. Output: every source file,
//! classified as (kind, slug, language), or a diagnostic for a file that does not fit the layout.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use walkdir::WalkDir;

use crate::config::SiteConfig;
use crate::diagnostics::{display_path, Diagnostic};

/// The kinds of content a portal has, one folder each (the home text sits at the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Home,
    Output,
    Project,
    Author,
    Topic,
    Page,
}

impl Kind {
    /// The folder under `content/` (and the URL section) of this kind.
    pub fn section(self) -> &'static str {
        match self {
            Kind::Home => "",
            Kind::Output => "outputs",
            Kind::Project => "projects",
            Kind::Author => "authors",
            Kind::Topic => "topics",
            Kind::Page => "pages",
        }
    }

    /// Kinds whose items are folders (`<slug>/index.<lang>.md`) with attached files.
    pub fn is_bundle(self) -> bool {
        matches!(self, Kind::Output | Kind::Project)
    }
}

/// One Markdown source file and what its place in `content/` says about it.
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    /// Absolute (or root-joined) path, for reading.
    pub path: PathBuf,
    /// Path relative to the portal root, for messages.
    pub rel: PathBuf,
    pub kind: Kind,
    /// NFC-normalised slug (empty for the home page).
    pub slug: String,
    /// Index into `SiteConfig::languages`.
    pub lang: usize,
}

/// A file that is not Markdown in an output's or project's folder: published with it.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    pub kind: Kind,
    pub slug: String,
    /// Path inside the item's folder, `/`-separated.
    pub path: String,
    pub src: PathBuf,
}

/// Everything found in `content/`.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub sources: Vec<SourceFile>,
    pub assets: Vec<Asset>,
    pub problems: Vec<Diagnostic>,
}

/// Walks `content/` and classifies every Markdown file; other files in output and project
/// folders are assets. Markdown files outside the layout are warnings.
pub(crate) fn discover(root: &Path, config: &SiteConfig) -> Found {
    let content = root.join("content");
    let mut found = Found::default();
    let (files, problems, assets) = (&mut found.sources, &mut found.problems, &mut found.assets);
    if !content.is_dir() {
        problems.push(
            Diagnostic::warning(
                "content",
                "there is no `content/` folder: the site will be empty",
            )
            .with_help("create content/outputs/<slug>/index.md for a first output"),
        );
        return found;
    }
    let walker = WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map_or_else(|| content.clone(), Path::to_path_buf);
                problems.push(Diagnostic::error(
                    display_path(root, &path),
                    format!("cannot read this part of content/: {e}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = display_path(root, entry.path());
        if entry.path().to_str().is_none() {
            problems.push(
                Diagnostic::error(&rel, "the file name is not valid UTF-8 text")
                    .with_help("rename the file; slugs and addresses are made from file names"),
            );
            continue;
        }
        if entry.path().extension().is_none_or(|e| e != "md") {
            assets.extend(asset(&rel, entry.path()));
            continue;
        }
        match classify(&rel, config) {
            Ok(Some((kind, slug, lang))) => files.push(SourceFile {
                path: entry.path().to_path_buf(),
                rel,
                kind,
                slug,
                lang,
            }),
            Ok(None) => problems.push(
                Diagnostic::warning(&rel, "this Markdown file is not part of the portal layout and is ignored")
                    .with_help("content goes in outputs/<slug>/index.md, projects/<slug>/index.md, authors/<slug>.md, topics/<slug>.md or pages/<slug>.md"),
            ),
            Err(d) => problems.push(d),
        }
    }
    found
}

/// `content/outputs/<slug>/<path…>` (not Markdown) → an asset of that output.
fn asset(rel: &Path, src: &Path) -> Option<Asset> {
    let parts: Vec<String> = rel
        .iter()
        .skip(1)
        .map(|p| p.to_string_lossy().nfc().collect())
        .collect();
    let kind = match parts.first()?.as_str() {
        "outputs" => Kind::Output,
        "projects" => Kind::Project,
        _ => return None,
    };
    if parts.len() < 3 || parts.iter().any(|p| p.starts_with('.')) {
        return None;
    }
    Some(Asset {
        kind,
        slug: parts[1].clone(),
        path: parts[2..].join("/"),
        src: src.to_path_buf(),
    })
}

/// Reads (kind, slug, language) off a path relative to the portal root.
fn classify(rel: &Path, config: &SiteConfig) -> Result<Option<(Kind, String, usize)>, Diagnostic> {
    let parts: Vec<String> = rel
        .iter()
        .skip(1) // "content"
        .map(|p| p.to_string_lossy().nfc().collect())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let (kind, slug, file) = match parts.as_slice() {
        [file] => (Kind::Home, "", *file),
        ["outputs", slug, file] => (Kind::Output, *slug, *file),
        ["projects", slug, file] => (Kind::Project, *slug, *file),
        ["authors", file] => (Kind::Author, "", *file),
        ["topics", file] => (Kind::Topic, "", *file),
        ["pages", file] => (Kind::Page, "", *file),
        _ => return Ok(None),
    };
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let (name, lang) = split_language(rel, stem, config)?;
    match kind {
        Kind::Home if name == "_index" => Ok(Some((kind, String::new(), lang))),
        Kind::Output | Kind::Project if name == "index" => Ok(Some((kind, slug.to_owned(), lang))),
        Kind::Author | Kind::Topic | Kind::Page if !name.is_empty() => {
            Ok(Some((kind, name.to_owned(), lang)))
        }
        _ => Ok(None),
    }
}

/// `name.fr` → (`name`, fr). A suffix that looks like a language code but is not configured is an
/// error; no suffix means the default language.
fn split_language<'a>(
    rel: &Path,
    stem: &'a str,
    config: &SiteConfig,
) -> Result<(&'a str, usize), Diagnostic> {
    let Some((name, suffix)) = stem.rsplit_once('.') else {
        return Ok((stem, config.default_lang));
    };
    if let Some(lang) = config.lang_index(suffix) {
        return Ok((name, lang));
    }
    if looks_like_language(suffix) {
        let codes: Vec<&str> = config.codes().collect();
        let configured = format!(
            "configured languages: {}; add `{suffix}` to `languages` in site.yaml or rename the file",
            codes.join(", ")
        );
        let help = match crate::diagnostics::did_you_mean(suffix, codes.iter().copied()) {
            Some(code) => format!("did you mean `{code}`? {configured}"),
            None => configured,
        };
        return Err(Diagnostic::error(
            rel,
            format!("language suffix `{suffix}` is not one of the languages in site.yaml"),
        )
        .with_help(help));
    }
    Ok((stem, config.default_lang))
}

/// Two or three ASCII letters, optionally with a region or script (`pt-BR`, `zh-Hant`).
fn looks_like_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_recognised() {
        assert!(looks_like_language("ur"));
        assert!(looks_like_language("pt-BR"));
        assert!(!looks_like_language("v2"));
        assert!(!looks_like_language("final"));
    }
}
