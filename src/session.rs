//! session — runs the pipeline (load → resolve → render) and keeps what a later run can reuse:
//! parsed files whose stamp has not changed, the templates and strings while the theme,
//! `site.yaml` and `i18n/` are unchanged, and the rendered pages, of which only those a change
//! affects are rendered again. `build` uses a fresh session; `serve` keeps one alive.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use walkdir::WalkDir;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::discover::{self, Kind};
use crate::load::{self, ParseCache, Stamp};
use crate::markdown::Markdown;
use crate::render::{self, Engine, Job};
use crate::site::{Id, Site};
use crate::{exports, i18n, theme, urls, BuildOptions, Failure, Report};

/// The built site, in memory: generated files and files copied from the portal.
#[derive(Default)]
pub struct SiteFiles {
    /// Path under the site root → bytes (pages, feeds, theme assets…).
    pub generated: BTreeMap<String, Vec<u8>>,
    /// Path under the site root → the portal file it is a copy of.
    pub copied: BTreeMap<String, PathBuf>,
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
        let same_files = !self.pages.is_empty() && !fresh && sources == self.sources;
        let jobs = match same_files.then(|| affected(&site, &changed)).flatten() {
            Some(jobs) => jobs,
            None => render::jobs(&site),
        };
        let partial = jobs.len() < render::jobs(&site).len();
        let pages = render::render_jobs(&site, engine, jobs, self.options.progress.as_deref())
            .map_err(|e| failure(e, warnings.clone()))?;
        let mut generated = if partial {
            std::mem::take(&mut self.files.generated)
        } else {
            BTreeMap::new()
        };
        let mut page_paths = if partial {
            std::mem::take(&mut self.pages)
        } else {
            HashSet::new()
        };
        lap("render", &mut stages);
        let rendered = pages.len();
        for f in pages {
            page_paths.insert(f.path.clone());
            generated.insert(f.path, f.bytes);
        }
        for f in exports::all(&site, engine) {
            generated.insert(f.path, f.bytes);
        }
        lap("exports", &mut stages);
        let copied = copies(&root, &site, &found.assets);
        for (path, bytes) in &prepared.statics {
            if !copied.contains_key(path) {
                generated.insert(path.clone(), bytes.clone());
            }
        }
        let total_pages = page_paths.len();
        let files = generated.len() - total_pages + copied.len();
        self.files = SiteFiles { generated, copied };
        self.pages = page_paths;
        self.sources = sources;
        let languages = site.config.languages.len();
        self.site = Some(site);
        self.assets = found.assets;
        Diagnostic::sort(&mut warnings);
        Ok(Report {
            languages,
            pages: total_pages,
            files,
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
