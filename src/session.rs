//! session — runs the pipeline (load → resolve → render) and keeps what a later run can reuse:
//! parsed files whose stamp has not changed, the templates and strings while the theme,
//! `site.yaml` and `i18n/` are unchanged, and the rendered pages, of which only those a change
//! affects are rendered again. `build` uses a fresh session; `serve` keeps one alive.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::discover::{self, Kind};
use crate::load::{self, ParseCache, Parsed, Stamp};
use crate::markdown::Markdown;
use crate::output::{self, Staging};
use crate::render::{self, Engine, Job, OutFile};
use crate::site::{Id, Site};
use crate::{exports, i18n, theme, urls, BuildOptions, Failure, Report};

/// The built site: generated files and files copied from the portal, held in memory (serve) or
/// already written into the staging folder (build).
#[derive(Default)]
pub struct SiteFiles {
    /// Path under the site root → bytes (pages, feeds, theme assets…).
    pub generated: BTreeMap<String, Vec<u8>>,
    /// Path under the site root → the portal file it is a copy of.
    pub copied: BTreeMap<String, PathBuf>,
    /// Paths of the files already written into the staging folder (their bytes are not kept).
    pub written: Vec<String>,
}

impl SiteFiles {
    /// Every path of the site.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.generated
            .keys()
            .chain(self.copied.keys())
            .chain(&self.written)
            .map(String::as_str)
    }

    /// Adds files to the site: their bytes, or only their paths when they are already
    /// written into the staging folder.
    fn keep(&mut self, files: Vec<OutFile>, written: bool) {
        if written {
            self.written.extend(files.into_iter().map(|f| f.path));
        } else {
            self.generated
                .extend(files.into_iter().map(|f| (f.path, f.bytes)));
        }
    }
}

/// What depends on the theme, `site.yaml` and `i18n/`: rebuilt only when one of them changes.
struct Prepared {
    stamps: Vec<(PathBuf, Stamp)>,
    config: SiteConfig,
    engine: Engine,
    statics: Vec<(String, Vec<u8>)>,
    warnings: Vec<Diagnostic>,
}

/// A build that can be run again cheaply.
pub struct Session {
    options: BuildOptions,
    markdown: Markdown,
    cache: ParseCache,
    prepared: Option<Prepared>,
    files: SiteFiles,
    /// The pages rendered by the last successful run, by path (to render only what changed).
    pages: HashSet<String>,
    /// The source files of the last successful run.
    sources: HashSet<PathBuf>,
    /// The last successful run's site and the files found in output and project folders.
    pub(crate) site: Option<Site>,
    pub(crate) assets: Vec<discover::Asset>,
    /// The warnings of the last full run (an edit to a body alone cannot change them).
    warnings: Vec<Diagnostic>,
    /// Files of `files` that an edit made out of date, made again when asked for (`refresh`).
    stale: HashSet<String>,
    /// Whether the last run failed (the next one then runs the whole pipeline).
    failed: bool,
}

/// An edit to the text of one output file, below its front matter.
struct BodyEdit {
    id: Id,
    lang: usize,
    stamp: Stamp,
    parsed: Arc<Parsed>,
    warnings: Vec<Diagnostic>,
}

impl Session {
    pub fn new(options: BuildOptions) -> Self {
        Self {
            options,
            markdown: Markdown::default(),
            cache: ParseCache::default(),
            prepared: None,
            files: SiteFiles::default(),
            pages: HashSet::new(),
            sources: HashSet::new(),
            site: None,
            assets: Vec::new(),
            warnings: Vec::new(),
            stale: HashSet::new(),
            failed: false,
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// The site as last built successfully.
    pub fn files(&self) -> &SiteFiles {
        &self.files
    }

    /// Runs the pipeline. On success the session's files are the new site; on failure they stay
    /// the last good one.
    pub fn run(&mut self) -> Result<Report, Failure> {
        let result = self.run_into(None);
        self.failed = result.is_err();
        result
    }

    /// Runs again after the files at `paths` changed (absolute, or relative to the portal).
    /// When every change is to the text of outputs below the front matter, and leaves their
    /// links and first paragraph as they were, only those outputs' pages are made again, and
    /// the search indexes are marked out of date (`refresh` makes them when asked for); any
    /// other change runs the whole pipeline.
    pub fn run_changed(&mut self, paths: &[PathBuf]) -> Result<Report, Failure> {
        let started = Instant::now();
        let Some(edits) = self.body_edits(paths) else {
            return self.run();
        };
        let (Some(site), Some(prepared)) = (self.site.as_mut(), self.prepared.as_ref()) else {
            return self.run();
        };
        for e in &edits {
            if let Some(v) = site.outputs[e.id.0].versions[e.lang].as_mut() {
                v.body_html = Arc::clone(&e.parsed.body.html);
                v.body_text = Arc::clone(&e.parsed.body.text);
            }
        }
        let site = &*site;
        let jobs: Vec<Job> = edits
            .iter()
            .flat_map(|e| {
                (0..site.config.languages.len())
                    .map(move |lang| Job::Item(lang, Kind::Output, e.id))
            })
            .filter(|job| job.lang().is_some_and(|l| job.exists_in(site, l)))
            .collect();
        let pages = render::render_jobs(site, &prepared.engine, jobs, None, None)
            .map_err(|e| failure(e, self.warnings.clone()))?;
        let rendered = pages.len();
        self.files.keep(pages, false);
        for l in &site.config.languages {
            self.stale.insert(exports::search_path(&l.code));
        }
        for e in edits {
            self.cache.put(e.stamp, e.parsed, e.warnings);
        }
        Ok(Report {
            languages: site.config.languages.len(),
            pages: self.pages.len(),
            rendered,
            files: self.files.paths().count() - self.pages.len(),
            seconds: started.elapsed().as_secs_f64(),
            stages: Vec::new(),
            warnings: self.warnings.clone(),
        })
    }

    /// The edits of `paths` when each is to an output's text alone; `None` when anything else
    /// changed (or may have), or the last run did not succeed.
    fn body_edits(&self, paths: &[PathBuf]) -> Option<Vec<BodyEdit>> {
        let (site, prepared) = (self.site.as_ref()?, self.prepared.as_ref()?);
        if self.failed || self.pages.is_empty() || paths.is_empty() {
            return None;
        }
        let root = &self.options.root;
        let canonical_root = root.canonicalize().ok()?;
        let mut seen = HashSet::new();
        let mut edits = Vec::new();
        for path in paths {
            let rel = path
                .strip_prefix(&canonical_root)
                .or_else(|_| path.strip_prefix(root))
                .unwrap_or(path);
            let source = root.join(rel);
            if !seen.insert(source.clone()) {
                continue;
            }
            if !self.sources.contains(&source) {
                // A file that came and went (an editor's temporary file) changes nothing.
                let known_asset = self.assets.iter().any(|a| a.src == source);
                if source.exists() || known_asset {
                    return None;
                }
                continue;
            }
            let old = self.cache.parsed(&source)?;
            if old.src.kind != Kind::Output {
                return None;
            }
            let stamp = load::stamp(&source);
            let (new, warnings) =
                load::parse_file(&prepared.config, &self.markdown, old.src.clone()).ok()?;
            let same = new.doc.yaml == old.doc.yaml
                && new.body.internal_links == old.body.internal_links
                && new.body.local_links == old.body.local_links
                && new.body.first_paragraph == old.body.first_paragraph;
            if !same {
                return None;
            }
            let id = site.outputs.iter().position(|o| o.slug == old.src.slug)?;
            site.outputs[id].versions[old.src.lang].as_ref()?;
            edits.push(BodyEdit {
                id: Id(id),
                lang: old.src.lang,
                stamp,
                parsed: Arc::new(new),
                warnings,
            });
        }
        Some(edits)
    }

    /// Makes `path` again if an edit left it out of date; returns whether it did.
    pub fn refresh(&mut self, path: &str) -> bool {
        if !self.stale.remove(path) {
            return false;
        }
        let (Some(site), Some(prepared)) = (self.site.as_ref(), self.prepared.as_ref()) else {
            return false;
        };
        let Some(lang) = site
            .config
            .languages
            .iter()
            .position(|l| exports::search_path(&l.code) == path)
        else {
            return false;
        };
        let files = exports::search_index(site, &prepared.engine, lang);
        self.files.keep(files, false);
        true
    }

    /// Whether an edit left `path` out of date (see `refresh`).
    pub fn is_stale(&self, path: &str) -> bool {
        self.stale.contains(path)
    }

    /// Runs the pipeline; with `into`, every file is written into that staging folder as soon as
    /// it is made, and the session keeps only its path.
    pub(crate) fn run_into(&mut self, into: Option<&Staging>) -> Result<Report, Failure> {
        let started = Instant::now();
        let fresh = self.prepare()?;
        let prepared = self.prepared.as_ref().expect("prepare() succeeded");
        let root = self.options.root.clone();
        let config = prepared.config.clone();
        let mut warnings = prepared.warnings.clone();
        let mut errors = Vec::new();
        let found = discover::discover(&root, &config);
        for d in found.problems {
            if d.is_error() {
                errors.push(d)
            } else {
                warnings.push(d)
            }
        }
        let sources: HashSet<PathBuf> = found.sources.iter().map(|s| s.path.clone()).collect();
        let mut stages = vec![("prepare", started.elapsed().as_secs_f64())];
        let mut clock = Instant::now();
        let mut lap = |name: &'static str, stages: &mut Vec<(&'static str, f64)>| {
            stages.push((name, clock.elapsed().as_secs_f64()));
            clock = Instant::now();
        };
        let mut loaded = load::load(&config, &self.markdown, found.sources, &mut self.cache);
        lap("load", &mut stages);
        for d in std::mem::take(&mut loaded.diagnostics) {
            if d.is_error() {
                errors.push(d)
            } else {
                warnings.push(d)
            }
        }
        let changed: Vec<(Kind, String)> = loaded
            .changed
            .iter()
            .map(|s| (s.kind, s.slug.clone()))
            .collect();
        let mut site = match resolve(config, &root, self.options.drafts, loaded, errors) {
            Ok((site, w)) => {
                warnings.extend(w);
                site
            }
            Err(errors) => return Err(failure(errors, warnings)),
        };
        site.packs =
            exports::pack::packs(&site, &root).map_err(|e| failure(e, warnings.clone()))?;
        lap("resolve", &mut stages);
        let prepared = self.prepared.as_ref().expect("prepare() succeeded");
        let engine = &prepared.engine;
        // Only the pages a change affects are rendered again: after an edit to outputs, when
        // the templates and the set of files are the same as in the last run.
        // After a failed run, the files it read are cached but their pages were never made.
        let same_files =
            !self.pages.is_empty() && !fresh && !self.failed && sources == self.sources;
        let jobs = match same_files.then(|| affected(&site, &changed)).flatten() {
            Some(jobs) => jobs,
            None => render::jobs(&site),
        };
        let partial = jobs.len() < render::jobs(&site).len();
        let pages =
            render::render_jobs(&site, engine, jobs, self.options.progress.as_deref(), into)
                .map_err(|e| failure(e, warnings.clone()))?;
        let mut files = if partial {
            std::mem::take(&mut self.files)
        } else {
            SiteFiles::default()
        };
        let mut page_paths = if partial {
            std::mem::take(&mut self.pages)
        } else {
            HashSet::new()
        };
        lap("render", &mut stages);
        let rendered = pages.len();
        page_paths.extend(pages.iter().map(|f| f.path.clone()));
        let on_disk = into.is_some();
        files.keep(pages, on_disk);
        let exported: Result<Vec<Vec<OutFile>>, Diagnostic> = exports::parts(&site, engine)
            .into_par_iter()
            .map(|part| output::settle(part(), into))
            .collect();
        for part in exported.map_err(|e| failure(vec![e], warnings.clone()))? {
            files.keep(part, on_disk);
        }
        lap("exports", &mut stages);
        let copied = copies(&root, &site, &found.assets);
        let statics = prepared
            .statics
            .iter()
            .filter(|(path, _)| !copied.contains_key(path))
            .map(|(path, bytes)| OutFile {
                path: path.clone(),
                bytes: bytes.clone(),
            })
            .collect();
        let stored = output::settle(statics, into).and_then(|statics| {
            files.keep(statics, on_disk);
            match into {
                None => files.copied = copied,
                Some(staging) => {
                    copied
                        .par_iter()
                        .try_for_each(|(dest, src)| staging.copy(dest, src))?;
                    files.written.extend(copied.into_keys());
                }
            }
            Ok(())
        });
        stored.map_err(|e| failure(vec![e], warnings.clone()))?;
        let total_pages = page_paths.len();
        let file_count = files.paths().count() - total_pages;
        self.files = files;
        self.pages = page_paths;
        self.sources = sources;
        let languages = site.config.languages.len();
        self.site = Some(site);
        self.assets = found.assets;
        self.stale.clear();
        Diagnostic::sort(&mut warnings);
        self.warnings = warnings.clone();
        Ok(Report {
            languages,
            pages: total_pages,
            files: file_count,
            rendered,
            seconds: started.elapsed().as_secs_f64(),
            stages,
            warnings,
        })
    }

    /// Loads the config, theme and strings unless none of their files changed. Returns whether
    /// they were loaded anew.
    fn prepare(&mut self) -> Result<bool, Failure> {
        let root = &self.options.root;
        let stamps = setup_stamps(root);
        if self.prepared.as_ref().is_some_and(|p| p.stamps == stamps) {
            return Ok(false);
        }
        self.prepared = None;
        self.cache = ParseCache::default();
        self.pages.clear();
        let mut warnings = Vec::new();
        let (mut config, w) = crate::config::load(root).map_err(|all| {
            let (errors, warnings): (Vec<_>, Vec<_>) =
                all.into_iter().partition(Diagnostic::is_error);
            Failure { errors, warnings }
        })?;
        warnings.extend(w);
        if let Some(url) = &self.options.base_url {
            config.base_url = url.trim_end_matches('/').to_owned();
        }
        let theme = theme::load(root, &config.theme).map_err(|e| failure(e, warnings.clone()))?;
        let site_strings = theme::site_i18n(root).map_err(|e| failure(e, warnings.clone()))?;
        let (strings, w) = i18n::I18n::load(&config, theme.i18n_sources(), site_strings)
            .map_err(|e| failure(e, warnings.clone()))?;
        warnings.extend(w);
        let engine =
            Engine::new(&config, &theme, strings).map_err(|e| failure(e, warnings.clone()))?;
        self.prepared = Some(Prepared {
            stamps,
            config,
            engine,
            statics: theme.statics,
            warnings,
        });
        Ok(true)
    }
}

impl Session {
    /// For each configured language, the UI strings it lacks.
    pub(crate) fn missing_strings(&self) -> Vec<Vec<String>> {
        self.prepared
            .as_ref()
            .map(|p| p.engine.i18n.missing.clone())
            .unwrap_or_default()
    }
}

fn failure(mut errors: Vec<Diagnostic>, mut warnings: Vec<Diagnostic>) -> Failure {
    Diagnostic::sort(&mut errors);
    Diagnostic::sort(&mut warnings);
    Failure { errors, warnings }
}

fn resolve(
    config: SiteConfig,
    root: &Path,
    drafts: bool,
    loaded: load::Loaded,
    mut errors: Vec<Diagnostic>,
) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    match crate::resolve::resolve(config, root, drafts, loaded) {
        Ok(ok) if errors.is_empty() => Ok(ok),
        Ok(_) => Err(errors),
        Err(e) => {
            errors.extend(e);
            Err(errors)
        }
    }
}

/// The stamps of everything `prepare` reads: site.yaml, the theme, templates, strings.
fn setup_stamps(root: &Path) -> Vec<(PathBuf, Stamp)> {
    let mut stamps = vec![(root.join("site.yaml"), load::stamp(&root.join("site.yaml")))];
    for dir in ["themes", "templates", "i18n"] {
        for entry in WalkDir::new(root.join(dir))
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if entry.file_type().is_file() {
                stamps.push((entry.path().to_path_buf(), load::stamp(entry.path())));
            }
        }
    }
    stamps
}

/// The pages to render again after edits to the files of `changed` items, when each is an
/// output: its pages in every language, every list that can show it, and the pages of its
/// authors, topics, project and of the outputs that show it as related. `None` asks for a full
/// render (another kind of item changed).
fn affected(site: &Site, changed: &[(Kind, String)]) -> Option<Vec<Job>> {
    if changed.iter().any(|(k, _)| *k != Kind::Output) {
        return None;
    }
    let ids: HashSet<usize> = changed
        .iter()
        .filter_map(|(_, slug)| site.outputs.iter().position(|o| &o.slug == slug))
        .collect();
    if ids.len() != changed.len() {
        return None;
    }
    let mut authors = HashSet::new();
    let mut topics = HashSet::new();
    let mut projects = HashSet::new();
    for &i in &ids {
        for v in site.outputs[i].versions.iter().flatten() {
            authors.extend(v.authors.iter().copied());
            topics.extend(v.topics.iter().copied());
            projects.extend(v.project);
        }
    }
    let shows_related = |o: Id| site.related[o.0].iter().any(|r| ids.contains(&r.0));
    let jobs = render::jobs(site)
        .into_iter()
        .filter(|job| match *job {
            Job::Item(_, Kind::Output, id) => ids.contains(&id.0) || shows_related(id),
            Job::Item(_, Kind::Author, id) | Job::ItemPage(_, Kind::Author, id, _) => {
                authors.contains(&id)
            }
            Job::Item(_, Kind::Topic, id) | Job::ItemPage(_, Kind::Topic, id, _) => {
                topics.contains(&id)
            }
            Job::Item(_, Kind::Project, id) | Job::ItemPage(_, Kind::Project, id, _) => {
                projects.contains(&id)
            }
            Job::ItemPage(..) => false,
            Job::Item(_, Kind::Page | Kind::Home, _) => false,
            Job::List(_, kind, _) => matches!(kind, Kind::Output | Kind::Project),
            Job::ProjectFacet(..) | Job::Training(_) | Job::Search(_) => true,
            Job::Home(_) | Job::Facet(..) => true,
            Job::Chooser | Job::NotFound => false,
        })
        .collect();
    Some(jobs)
}

/// The files copied as they are: the site's `static/` folder, and every output's and project's
/// own files (at `/files/<kind>/<slug>/`), once each whatever the number of languages.
fn copies(root: &Path, site: &Site, assets: &[discover::Asset]) -> BTreeMap<String, PathBuf> {
    let mut by_dest = BTreeMap::new();
    let outputs: HashSet<&str> = site.outputs.iter().map(|o| o.slug.as_str()).collect();
    let projects: HashSet<&str> = site.projects.iter().map(|p| p.slug.as_str()).collect();
    for a in assets {
        let published = match a.kind {
            Kind::Output => outputs.contains(a.slug.as_str()),
            Kind::Project => projects.contains(a.slug.as_str()),
            _ => false,
        };
        if published {
            by_dest.insert(
                urls::attachment_file(a.kind, &a.slug, &a.path),
                a.src.clone(),
            );
        }
    }
    // Every file an output lists is published, whatever its name (a hidden file, a `.md`, a link
    // to a file of the same folder, checked by resolve).
    for item in &site.outputs {
        let folder = root.join("content/outputs").join(&item.slug);
        for f in item.versions.iter().flatten().flat_map(|v| &v.files) {
            by_dest
                .entry(urls::attachment_file(Kind::Output, &item.slug, &f.path))
                .or_insert_with(|| folder.join(&f.path));
        }
    }
    let static_dir = root.join("static");
    for entry in WalkDir::new(&static_dir)
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
}
