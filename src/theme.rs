//! theme — stage 1 (load). Input: the theme name and the portal root. Output: the theme's
//! templates (with the site's `templates/` overrides), static files and Fluent sources. The
//! default theme is built into the binary; a portal's own `themes/<name>/` replaces it.

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use walkdir::WalkDir;

use crate::diagnostics::{display_path, Diagnostic};
use crate::i18n::FtlSource;

static DEFAULT_THEME: Dir = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme's files, read into memory.
pub(crate) struct Theme {
    /// (name, source), e.g. ("output.html", "...").
    pub templates: Vec<(String, String)>,
    /// (path under the output root, bytes).
    pub statics: Vec<(String, Vec<u8>)>,
    pub i18n: Vec<FtlSource>,
}

/// One file of a theme: its path inside the theme and its bytes.
type ThemeFile = (String, Vec<u8>);

impl Theme {
    /// The theme's Fluent sources (handed to the i18n loader, which takes ownership).
    pub fn i18n_sources(&self) -> Vec<FtlSource> {
        self.i18n
            .iter()
            .map(|s| FtlSource {
                path: s.path.clone(),
                lang: s.lang.clone(),
                text: s.text.clone(),
            })
            .collect()
    }
}

/// Loads theme `name`, then applies the site's template overrides.
pub(crate) fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    let folder = root.join("themes").join(name);
    let (files, origin) = if folder.is_dir() {
        (read_folder(root, &folder)?, display_path(root, &folder))
    } else if name == "default" {
        let mut files = Vec::new();
        embedded(&DEFAULT_THEME, &mut files);
        (files, PathBuf::from("(built-in theme)"))
    } else {
        return Err(vec![Diagnostic::error(
            "site.yaml",
            format!("theme `{name}` not found: there is no folder themes/{name}/"),
        )
        .with_help("use `theme: default`, or add the theme's folder")]);
    };
    let mut theme = Theme {
        templates: Vec::new(),
        statics: Vec::new(),
        i18n: Vec::new(),
    };
    let mut errors = Vec::new();
    for (path, bytes) in files {
        let shown = origin.join(&path);
        if let Some(name) = path.strip_prefix("templates/") {
            match crate::frontmatter::decode(&shown, &bytes) {
                Ok(text) => theme.templates.push((name.to_owned(), text)),
                Err(d) => errors.push(d),
            }
        } else if let Some(rest) = path.strip_prefix("static/") {
            theme.statics.push((rest.to_owned(), bytes));
        } else if let Some(rest) = path.strip_prefix("i18n/") {
            if let Some(src) = ftl_source(&shown, rest, bytes, &mut errors) {
                theme.i18n.push(src);
            }
        }
    }
    let overrides = root.join("templates");
    if overrides.is_dir() {
        for (name, bytes) in read_folder(root, &overrides)? {
            let shown = PathBuf::from("templates").join(&name);
            match crate::frontmatter::decode(&shown, &bytes) {
                Ok(text) => match theme.templates.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => theme.templates.push((name, text)),
                },
                Err(d) => errors.push(d),
            }
        }
    }
    if errors.is_empty() {
        Ok(theme)
    } else {
        Err(errors)
    }
}

/// The site's own Fluent files, `i18n/<lang>/*.ftl`.
pub(crate) fn site_i18n(root: &Path) -> Result<Vec<FtlSource>, Vec<Diagnostic>> {
    let folder = root.join("i18n");
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (path, bytes) in read_folder(root, &folder)? {
        let shown = PathBuf::from("i18n").join(&path);
        if let Some(src) = ftl_source(&shown, &path, bytes, &mut errors) {
            out.push(src);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// `<lang>/<name>.ftl` → an `FtlSource`; other files are not UI strings.
fn ftl_source(
    shown: &Path,
    rel: &str,
    bytes: Vec<u8>,
    errors: &mut Vec<Diagnostic>,
) -> Option<FtlSource> {
    let (lang, file) = rel.split_once('/')?;
    if !file.ends_with(".ftl") {
        return None;
    }
    match crate::frontmatter::decode(shown, &bytes) {
        Ok(text) => Some(FtlSource {
            path: shown.to_path_buf(),
            lang: lang.to_owned(),
            text,
        }),
        Err(d) => {
            errors.push(d);
            None
        }
    }
}

fn embedded(dir: &Dir, out: &mut Vec<ThemeFile>) {
    for file in dir.files() {
        out.push((
            file.path().to_string_lossy().replace('\\', "/"),
            file.contents().to_vec(),
        ));
    }
    for sub in dir.dirs() {
        embedded(sub, out);
    }
}

/// Every file below `folder`, with its path relative to it, in a stable order.
fn read_folder(root: &Path, folder: &Path) -> Result<Vec<ThemeFile>, Vec<Diagnostic>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in WalkDir::new(folder).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(folder).unwrap_or(e.path());
                let rel = rel.to_string_lossy().replace('\\', "/");
                match std::fs::read(e.path()) {
                    Ok(bytes) => files.push((rel, bytes)),
                    Err(err) => errors.push(Diagnostic::error(
                        display_path(root, e.path()),
                        format!("cannot read: {err}"),
                    )),
                }
            }
            Ok(_) => {}
            Err(err) => errors.push(Diagnostic::error(
                display_path(root, folder),
                format!("cannot read: {err}"),
            )),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}
