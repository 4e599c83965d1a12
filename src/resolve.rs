//! resolve — stage 2. Input: every parsed file. Output: the immutable `Site` (each item in every
//! language, non-text fields inherited by translations, references resolved to ids), or all the
//! errors found. Each file's *own* fields are checked, so an error points at the file and line
//! that wrote the value; translations then inherit the checked values.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use crate::config::SiteConfig;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::discover::Kind;
use crate::load::{Fields, Parsed};
use crate::model::{
    AuthorKind, FileField, OutputType, PartialDate, ProjectFields, Scalar, Slugs, Status,
    TrainingFormat,
};
use crate::site::{
    Attachment, Author, Id, Item, Officer, Output, Page, Project, Site, Topic, Training,
};

/// Slugs under `/<lang>/outputs/` that name list pages, and page slugs that name sections.
const RESERVED_OUTPUT_SLUGS: &[&str] = &["type", "year", "topic", "page"];
const RESERVED_PROJECT_SLUGS: &[&str] = &["status", "programme", "country"];
const RESERVED_PAGE_SLUGS: &[&str] = &[
    "outputs", "projects", "authors", "topics", "files", "search", "training", "page",
];

/// The files of one item, indexed by language.
type Group = Vec<Option<Arc<Parsed>>>;

/// Slug → id of each kind that can be referenced.
struct Refs {
    authors: HashMap<String, Id>,
    topics: HashMap<String, Id>,
    projects: HashMap<String, Id>,
    author_kinds: Vec<Option<AuthorKind>>,
}

/// Collects the problems of one file (or drops them, when converting inherited values that were
/// already checked in the file that wrote them).
struct Checker<'a> {
    file: &'a Parsed,
    errors: Option<&'a mut Vec<Diagnostic>>,
    broken: &'a HashSet<String>,
}

impl Checker<'_> {
    /// A web address (`http://` or `https://`); anything else (a script URL above all) is an
    /// error, so that it never reaches a link.
    fn web_address(&mut self, key: &str, value: Option<&String>) -> Option<String> {
        let value = value?.trim();
        let lower = value.to_ascii_lowercase();
        if (lower.starts_with("https://") || lower.starts_with("http://"))
            && !value.contains(char::is_whitespace)
        {
            return Some(value.to_owned());
        }
        self.error(
            key,
            value,
            format!("`{value}` is not a web address"),
            Some("write the full address, starting with `https://`".into()),
        );
        None
    }

    fn error(&mut self, key: &str, value: &str, message: String, help: Option<String>) {
        let pos = if value.is_empty() {
            self.file.locate_key(key)
        } else {
            self.file.locate(key, value)
        };
        if let Some(errors) = self.errors.as_mut() {
            let mut d = Diagnostic::error(&self.file.src.rel, message).at(pos.or(Some((1, 1))));
            d.help = help;
            errors.push(d);
        }
    }

    fn missing(&mut self, key: &str, example: &str) {
        let rel = &self.file.src.rel;
        if let Some(errors) = self.errors.as_mut() {
            errors.push(
                Diagnostic::error(rel, format!("required field `{key}` is missing"))
                    .at(Some((1, 1)))
                    .with_help(format!("add a line `{key}: {example}` to the front matter")),
            );
        }
    }

    fn date(&mut self, key: &str, value: Option<&Scalar>) -> Option<PartialDate> {
        let value = value?;
        match PartialDate::parse(&value.0) {
            Ok(d) => Some(d),
            Err(message) => {
                self.error(key, &value.0, message, None);
                None
            }
        }
    }

    fn keyword<T>(
        &mut self,
        key: &str,
        value: &str,
        parse: fn(&str) -> Option<T>,
        names: Vec<&str>,
    ) -> Option<T> {
        let found = parse(value);
        if found.is_none() {
            let help = match did_you_mean(value, names.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("use one of `{}`", names.join("`, `")),
            };
            self.error(key, value, format!("unknown {key} `{value}`"), Some(help));
        }
        found
    }

    fn reference(
        &mut self,
        key: &str,
        what: &str,
        slug: &str,
        table: &HashMap<String, Id>,
    ) -> Option<Id> {
        if let Some(id) = table.get(slug) {
            return Some(*id);
        }
        if self.broken.contains(slug) {
            return None;
        }
        let candidates: Vec<&str> = table.keys().map(String::as_str).collect();
        let help = did_you_mean(slug, candidates).map(|best| format!("did you mean `{best}`?"));
        self.error(key, slug, format!("unknown {what} `{slug}`"), help);
        None
    }

    fn references(
        &mut self,
        key: &str,
        what: &str,
        slugs: Option<&Slugs>,
        table: &HashMap<String, Id>,
    ) -> Vec<Id> {
        slugs.map_or_else(Vec::new, |s| {
            s.0.iter()
                .filter_map(|slug| self.reference(key, what, slug, table))
                .collect()
        })
    }
}

/// Builds the site from the parsed files, or returns every error.
pub(crate) fn resolve(
    config: SiteConfig,
    root: &Path,
    drafts: bool,
    loaded: crate::load::Loaded,
) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    let crate::load::Loaded { parsed, broken, .. } = loaded;
    let mut errors = Vec::new();
    let mut groups: BTreeMap<Kind, BTreeMap<String, Group>> = BTreeMap::new();
    let languages = config.languages.len();
    for p in parsed {
        let group = groups
            .entry(p.src.kind)
            .or_default()
            .entry(p.src.slug.clone())
            .or_insert_with(|| vec![None; languages]);
        let lang = p.src.lang;
        if let Some(first) = &group[lang] {
            errors.push(
                Diagnostic::error(&p.src.rel, format!(
                    "a second file for `{}` in language `{}` (the first is {})",
                    display_slug(&p), config.languages[lang].code, first.src.rel.display()
                ))
                .with_help("a file without a language suffix belongs to the default language; keep one of the two"),
            );
            continue;
        }
        group[lang] = Some(p);
    }
    for (kind, items) in &groups {
        check_slugs(*kind, items, &mut errors);
    }
    let warnings = internal_links(&groups);
    let take = |groups: &mut BTreeMap<Kind, BTreeMap<String, Group>>, k| {
        groups.remove(&k).unwrap_or_default()
    };
    let (outputs, projects) = (
        take(&mut groups, Kind::Output),
        take(&mut groups, Kind::Project),
    );
    let (authors, topics) = (
        take(&mut groups, Kind::Author),
        take(&mut groups, Kind::Topic),
    );
    let (pages, home) = (take(&mut groups, Kind::Page), take(&mut groups, Kind::Home));

    let ids = |m: &BTreeMap<String, Group>| -> HashMap<String, Id> {
        m.keys()
            .enumerate()
            .map(|(i, s)| (s.clone(), Id(i)))
            .collect()
    };
    let refs = Refs {
        authors: ids(&authors),
        topics: ids(&topics),
        projects: ids(&projects),
        author_kinds: authors
            .values()
            .map(|g| {
                let base = &g[base_lang(&config, g)?];
                match &base.as_ref()?.fields {
                    Fields::Author(a) => Some(
                        a.kind
                            .as_deref()
                            .and_then(AuthorKind::parse)
                            .unwrap_or(AuthorKind::Person),
                    ),
                    _ => None,
                }
            })
            .collect(),
    };

    let outputs = build(&config, outputs, &mut errors, &broken, |f, own, base, c| {
        output(root, drafts, own, base, &refs, f, c)
    });
    let projects = build(
        &config,
        projects,
        &mut errors,
        &broken,
        |f, own, base, c| project(own, base, &refs, f, c),
    );
    let authors = build(&config, authors, &mut errors, &broken, |f, own, base, c| {
        author(own, base, &refs, f, c)
    });
    let topics = build(&config, topics, &mut errors, &broken, |f, own, _, c| {
        topic(own, f, c)
    });
    let pages = build(&config, pages, &mut errors, &broken, |f, own, base, c| {
        page(own, base, f, c)
    });
    let mut home = build(&config, home, &mut errors, &broken, |f, own, base, c| {
        page(own, base, f, c)
    });

    if !errors.is_empty() {
        Diagnostic::sort(&mut errors);
        return Err(errors);
    }
    let mut site = Site {
        config,
        outputs,
        projects,
        authors,
        topics,
        pages,
        home: home.pop(),
        index: Vec::new(),
        related: Vec::new(),
        packs: Default::default(),
    };
    site.build_index();
    Ok((site, warnings))
}

fn display_slug(p: &Parsed) -> String {
    if p.src.slug.is_empty() {
        "the home page".into()
    } else {
        format!("{}/{}", p.src.kind.section(), p.src.slug)
    }
}

/// Slugs must differ by more than case or Unicode normalisation, and must not take a name the
/// URL scheme uses.
fn check_slugs(kind: Kind, items: &BTreeMap<String, Group>, errors: &mut Vec<Diagnostic>) {
    let mut folded: HashMap<String, &str> = HashMap::new();
    for (slug, group) in items {
        let Some(file) = group.iter().flatten().next() else {
            continue;
        };
        let key: String = slug.nfkc().flat_map(char::to_lowercase).collect();
        if let Some(other) = folded.insert(key, slug) {
            errors.push(
                Diagnostic::error(&file.src.rel, format!(
                    "the slug `{slug}` differs from `{other}` only by letter case or Unicode form; both would get the same address on many servers"
                ))
                .with_help("rename one of the two"),
            );
        }
        let reserved = match kind {
            Kind::Output => RESERVED_OUTPUT_SLUGS,
            Kind::Page => RESERVED_PAGE_SLUGS,
            Kind::Project => RESERVED_PROJECT_SLUGS,
            _ => &[],
        };
        if reserved.contains(&slug.as_str()) {
            errors.push(
                Diagnostic::error(
                    &file.src.rel,
                    format!("the slug `{slug}` is reserved for the site's own pages"),
                )
                .with_help("rename the file or folder"),
            );
        }
        if slug.starts_with('.') || slug.chars().any(|c| c.is_control() || "/\\?#%".contains(c)) {
            errors.push(
                Diagnostic::error(
                    &file.src.rel,
                    format!(
                        "the slug `{slug}` contains a character that cannot appear in an address"
                    ),
                )
                .with_help("use letters, digits and `-`"),
            );
        }
    }
}

/// Warns about `[text](@/section/slug)` links in bodies that lead nowhere.
fn internal_links(groups: &BTreeMap<Kind, BTreeMap<String, Group>>) -> Vec<Diagnostic> {
    let sections = [
        Kind::Output,
        Kind::Project,
        Kind::Author,
        Kind::Topic,
        Kind::Page,
    ];
    let mut warnings = Vec::new();
    for file in groups.values().flat_map(|g| g.values()).flatten().flatten() {
        for link in &file.body.internal_links {
            let target = link
                .split('#')
                .next()
                .unwrap_or("")
                .trim_end_matches('/')
                .trim_end_matches(".md");
            let (section, slug) = target.split_once('/').unwrap_or((target, ""));
            let kind = sections.iter().find(|k| k.section() == section);
            let slugs = kind.and_then(|k| groups.get(k));
            let found = match (kind, slug) {
                (_, _) if target.is_empty() => true,
                (Some(_), "") => true,
                (Some(_), slug) => slugs.is_some_and(|s| s.contains_key(slug)),
                (None, _) => false,
            };
            if found {
                continue;
            }
            let help = match (kind, slugs) {
                (Some(k), Some(s)) => did_you_mean(slug, s.keys().map(String::as_str))
                    .map(|b| format!("did you mean `@/{}/{b}`?", k.section())),
                (None, _) => Some(format!(
                    "write `@/<section>/<slug>` with a section among {}",
                    sections.map(|k| format!("`{}`", k.section())).join(", ")
                )),
                _ => None,
            };
            let pos = body_position(file, &format!("@/{link}"));
            let mut d = Diagnostic::warning(
                &file.src.rel,
                format!("internal link `@/{link}` leads to no page"),
            )
            .at(pos);
            d.help = help;
            warnings.push(d);
        }
    }
    warnings
}

/// The file position of the first occurrence of `needle` in a body.
fn body_position(file: &Parsed, needle: &str) -> Option<(usize, usize)> {
    let first = file.doc.yaml_first_line + file.doc.yaml.lines().count() + 1;
    file.doc.body.lines().enumerate().find_map(|(i, line)| {
        line.find(needle)
            .map(|at| (first + i, line[..at].chars().count() + 1))
    })
}

/// The language whose file gives the non-text fields: the default language, else the first
/// configured language that has a file.
fn base_lang(config: &SiteConfig, group: &Group) -> Option<usize> {
    config
        .fallback_order(config.default_lang)
        .find(|&l| group[l].is_some())
}

/// Converts every group to an `Item`: each file's own fields are checked (errors collected),
/// then each language's merged fields are converted without reporting again.
fn build<T, F>(
    config: &SiteConfig,
    groups: BTreeMap<String, Group>,
    errors: &mut Vec<Diagnostic>,
    broken: &HashSet<String>,
    convert: F,
) -> Vec<Item<T>>
where
    F: Fn(&Fields, &Parsed, Option<&Fields>, &mut Checker) -> Option<T>,
{
    let mut items = Vec::with_capacity(groups.len());
    for (slug, group) in groups {
        let Some(base) = base_lang(config, &group) else {
            continue;
        };
        let base_file = group[base].as_ref().expect("base_lang found a file");
        let mut versions = Vec::with_capacity(group.len());
        for file in &group {
            let Some(file) = file else {
                versions.push(None);
                continue;
            };
            let is_base = file.src.lang == base;
            // Check the file's own fields (required ones only in the base file).
            let mut checker = Checker {
                file,
                errors: Some(&mut *errors),
                broken,
            };
            let checked = convert(
                &file.fields,
                file,
                (!is_base).then_some(&base_file.fields),
                &mut checker,
            );
            let merged = if is_base {
                checked
            } else {
                let merged = inherit(&file.fields, &base_file.fields);
                convert(
                    &merged,
                    file,
                    Some(&base_file.fields),
                    &mut Checker {
                        file,
                        errors: None,
                        broken,
                    },
                )
            };
            versions.push(merged);
        }
        // A draft base or an invalid version is dropped; the item goes if no version is left.
        if versions[base].is_some() {
            items.push(Item {
                slug,
                versions,
                base,
            });
        }
    }
    items
}

/// A translation's fields with the non-text ones it does not set taken from the base file.
fn inherit(own: &Fields, base: &Fields) -> Fields {
    let mut merged = own.clone();
    match (&mut merged, base) {
        (Fields::Output(o), Fields::Output(b)) => o.inherit(b),
        (Fields::Project(o), Fields::Project(b)) => o.inherit(b),
        (Fields::Author(o), Fields::Author(b)) => o.inherit(b),
        (Fields::Page(o), Fields::Page(b)) | (Fields::Home(o), Fields::Home(b)) => o.inherit(b),
        _ => {}
    }
    merged
}

/// `inherited` is `Some` when checking a translation's own fields: required non-text fields may
/// then come from the base file.
fn output(
    root: &Path,
    drafts: bool,
    own: &Parsed,
    inherited: Option<&Fields>,
    refs: &Refs,
    fields: &Fields,
    c: &mut Checker,
) -> Option<Output> {
    let Fields::Output(f) = fields else {
        return None;
    };
    let base = match inherited {
        Some(Fields::Output(b)) => Some(b),
        _ => None,
    };
    let title = required_text(c, "title", f.title.as_deref(), "\"The report's title\"");
    let kind = match (&f.kind, base.and_then(|b| b.kind.as_ref())) {
        (Some(k), _) => c.keyword("type", k, OutputType::parse, OutputType::names().collect()),
        (None, Some(_)) => None,
        (None, None) => {
            c.missing("type", "report");
            None
        }
    };
    let date = match (&f.date, base.and_then(|b| b.date.as_ref())) {
        (Some(_), _) => c.date("date", f.date.as_ref()),
        (None, Some(_)) => None,
        (None, None) => {
            c.missing("date", "2021-06-30");
            None
        }
    };
    let authors = c.references("authors", "author", f.authors.as_ref(), &refs.authors);
    let topics = c.references("topics", "topic", f.topics.as_ref(), &refs.topics);
    let project = f
        .project
        .as_deref()
        .and_then(|p| c.reference("project", "project", p, &refs.projects));
    let publisher = f
        .publisher
        .as_deref()
        .and_then(|p| c.reference("publisher", "publisher", p, &refs.authors));
    let files = attachments(root, own, f.files.as_deref().unwrap_or_default(), c);
    let format = f.format.as_deref().and_then(|v| {
        c.keyword(
            "format",
            v,
            TrainingFormat::parse,
            TrainingFormat::names().collect(),
        )
    });
    let training = Training {
        audience: f.audience.clone(),
        duration: f.duration.as_ref().map(|d| d.0.clone()),
        level: f.level.clone(),
        format,
        languages: f
            .materials_language
            .as_ref()
            .map(|l| l.0.clone())
            .unwrap_or_default(),
    };
    if f.draft == Some(true) && !drafts {
        return None;
    }
    Some(Output {
        title: title?,
        kind: kind?,
        date: date?,
        authors,
        topics,
        project,
        summary: f
            .summary
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| own.body.first_paragraph.clone()),
        body_html: own.body.html.clone(),
        files,
        doi: f.doi.clone(),
        url: c.web_address("url", f.url.as_ref()),
        license: f.license.clone(),
        publisher,
        has_abstract: f.summary.as_deref().is_some_and(|s| !s.trim().is_empty()),
        linked_files: own.body.local_links.clone(),
        body_text: own.body.text.clone(),
        training,
    })
}

fn required_text(c: &mut Checker, key: &str, value: Option<&str>, example: &str) -> Option<String> {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => Some(v.to_owned()),
        _ => {
            c.missing(key, example);
            None
        }
    }
}

/// Checks `files:` entries: relative, inside the item's folder (also after following links), and
/// present.
fn attachments(root: &Path, own: &Parsed, files: &[FileField], c: &mut Checker) -> Vec<Attachment> {
    let folder = own.src.path.parent().unwrap_or(root).to_path_buf();
    let canonical_folder = folder.canonicalize().unwrap_or_else(|_| folder.clone());
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let rel = Path::new(&f.path);
        let escapes = rel.is_absolute()
            || f.path.starts_with(['/', '\\'])
            || rel.components().any(|p| {
                !matches!(
                    p,
                    std::path::Component::Normal(_) | std::path::Component::CurDir
                )
            });
        if escapes || f.path.trim().is_empty() {
            c.error(
                "files",
                &f.path,
                format!("file path `{}` points outside the output's folder", f.path),
                Some(
                    "list a file that sits in the same folder as index.md, e.g. `path: report.pdf`"
                        .into(),
                ),
            );
            continue;
        }
        let full = folder.join(rel);
        match full.canonicalize() {
            Ok(real) if !real.starts_with(&canonical_folder) => {
                c.error(
                    "files",
                    &f.path,
                    format!(
                        "file `{}` is a link to a place outside the output's folder",
                        f.path
                    ),
                    None,
                );
                continue;
            }
            Ok(real) if real.is_file() => {
                let bytes = real.metadata().map(|m| m.len()).unwrap_or(0);
                let format = rel
                    .extension()
                    .map(|e| e.to_string_lossy().to_uppercase())
                    .unwrap_or_default();
                let path = f.path.trim_start_matches("./").nfc().collect::<String>();
                out.push(Attachment {
                    title: f
                        .title
                        .clone()
                        .filter(|t| !t.trim().is_empty())
                        .unwrap_or_else(|| file_name(&path)),
                    path,
                    language: f.language.clone(),
                    bytes,
                    pages: (format == "PDF")
                        .then(|| {
                            std::fs::read(&real)
                                .ok()
                                .and_then(|b| crate::exports::pack::pdf_page_count(&b))
                        })
                        .flatten(),
                    format,
                });
            }
            _ => {
                let present = std::fs::read_dir(&folder)
                    .map(|d| {
                        d.flatten()
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                let candidates = present
                    .iter()
                    .map(String::as_str)
                    .filter(|n| !n.ends_with(".md"));
                let help =
                    did_you_mean(&f.path, candidates).map(|b| format!("did you mean `{b}`?"));
                c.error(
                    "files",
                    &f.path,
                    format!("file `{}` does not exist", f.path),
                    help,
                );
            }
        }
    }
    out
}

fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_owned()
}

fn project(
    own: &Parsed,
    inherited: Option<&Fields>,
    refs: &Refs,
    fields: &Fields,
    c: &mut Checker,
) -> Option<Project> {
    let Fields::Project(f) = fields else {
        return None;
    };
    let base: Option<&ProjectFields> = match inherited {
        Some(Fields::Project(b)) => Some(b),
        _ => None,
    };
    let title = required_text(c, "title", f.title.as_deref(), "\"The project's title\"");
    let status = match (&f.status, base.and_then(|b| b.status.as_ref())) {
        (Some(s), _) => c.keyword("status", s, Status::parse, Status::names().collect()),
        (None, Some(_)) => None,
        (None, None) => {
            c.missing("status", "active");
            None
        }
    };
    let start = c.date("start", f.start.as_ref());
    let end = c.date("end", f.end.as_ref());
    if let (Some(s), Some(e)) = (start, end) {
        if e.sort_key() < s.sort_key() {
            c.error(
                "end",
                &e.to_string(),
                format!("the project ends (`{e}`) before it starts (`{s}`)"),
                None,
            );
        }
    }
    if let Some(funding) = &f.funding {
        let code = &funding.currency;
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            c.error(
                "currency",
                code,
                format!("currency `{code}` is not an ISO 4217 code"),
                Some("write three capital letters, e.g. `CAD`, `USD`, `EUR`, `PKR`".into()),
            );
        }
        if !(funding.amount.is_finite() && funding.amount >= 0.0) {
            c.error(
                "amount",
                "",
                "the funding amount must be a positive number".into(),
                None,
            );
        }
    }
    let officer = f.officer.as_deref().map(|o| officer(o, refs, c));
    let leaders = c.references("leaders", "author", f.leaders.as_ref(), &refs.authors);
    let lead_organisations = c.references(
        "lead_organisations",
        "author",
        f.lead_organisations.as_ref(),
        &refs.authors,
    );
    let partners = c.references("partners", "author", f.partners.as_ref(), &refs.authors);
    for (key, ids) in [
        ("lead_organisations", &lead_organisations),
        ("partners", &partners),
    ] {
        for id in ids {
            if refs.author_kinds.get(id.0).copied().flatten() == Some(AuthorKind::Person) {
                let slug = refs
                    .authors
                    .iter()
                    .find(|(_, v)| *v == id)
                    .map(|(k, _)| k.clone())
                    .unwrap_or_default();
                c.error(key, &slug, format!("`{slug}` in `{key}` is a person, not an organisation"), Some(format!("set `kind: organisation` in authors/{slug}.md, or list the person under `leaders`")));
            }
        }
    }
    let countries = f
        .countries
        .as_ref()
        .map(|c| c.0.clone())
        .unwrap_or_default();
    for code in &countries {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            c.error(
                "countries",
                code,
                format!("country `{code}` is not an ISO 3166-1 alpha-2 code"),
                Some("write two capital letters, e.g. `PK`, `CA`, `FR`".into()),
            );
        }
    }
    let topics = c.references("topics", "topic", f.topics.as_ref(), &refs.topics);
    Some(Project {
        title: title?,
        number: f.number.as_ref().map(|n| n.0.clone()),
        status: status?,
        start,
        end,
        duration_months: f.duration_months,
        funding: f.funding.clone(),
        officer,
        leaders,
        lead_organisations,
        partners,
        programs: f.programs.clone().unwrap_or_default(),
        countries,
        regions: f.regions.clone().unwrap_or_default(),
        topics,
        body_html: own.body.html.clone(),
        summary: own.body.first_paragraph.clone(),
    })
}

/// An officer is an author slug when one matches, else a plain name; a slug-like value close to
/// an author's slug is taken for a typo.
fn officer(value: &str, refs: &Refs, c: &mut Checker) -> Officer {
    if let Some(id) = refs.authors.get(value) {
        return Officer::Author(*id);
    }
    let slug_like = !value.contains(' ') && value.contains('-') && value == value.to_lowercase();
    if slug_like
        && crate::diagnostics::did_you_mean(value, refs.authors.keys().map(String::as_str))
            .is_some()
    {
        c.reference("officer", "author", value, &refs.authors);
    }
    Officer::Name(value.to_owned())
}

fn author(
    own: &Parsed,
    inherited: Option<&Fields>,
    refs: &Refs,
    fields: &Fields,
    c: &mut Checker,
) -> Option<Author> {
    let Fields::Author(f) = fields else {
        return None;
    };
    let _ = inherited; // an author has no required non-text field
    let name = required_text(c, "name", f.name.as_deref(), "\"Mahnoor Fawad\"");
    let kind = match &f.kind {
        Some(k) => c.keyword("kind", k, AuthorKind::parse, AuthorKind::names().collect()),
        None => Some(AuthorKind::Person),
    };
    let affiliation = f.affiliation.as_deref().and_then(|a| {
        if a == own.src.slug {
            c.error(
                "affiliation",
                a,
                format!("`{a}` cannot be its own affiliation"),
                Some("name the organisation this author belongs to, or remove the field".into()),
            );
            return None;
        }
        c.reference("affiliation", "organisation", a, &refs.authors)
    });
    if let Some(orcid) = &f.orcid {
        if !valid_orcid(orcid) {
            c.error(
                "orcid",
                orcid,
                format!("`{orcid}` is not an ORCID iD"),
                Some("write the 16 digits as `0000-0002-1825-0097` (the last may be X)".into()),
            );
        }
    }
    let name = name?;
    Some(Author {
        sort_name: f
            .sort_name
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| name.clone()),
        name,
        kind: kind.unwrap_or(AuthorKind::Person),
        affiliation,
        orcid: f.orcid.clone(),
        url: c.web_address("url", f.url.as_ref()),
        body_html: own.body.html.clone(),
        summary: own.body.first_paragraph.clone(),
    })
}

/// Four groups of four digits (the last may be `X`) with a valid ISO 7064 11,2 check digit.
fn valid_orcid(s: &str) -> bool {
    let s = s.trim_start_matches("https://orcid.org/");
    let digits: Vec<char> = s.chars().filter(|c| *c != '-').collect();
    if s.len() != 19 || digits.len() != 16 || s.split('-').count() != 4 {
        return false;
    }
    let mut total = 0u32;
    for c in &digits[..15] {
        let Some(d) = c.to_digit(10) else {
            return false;
        };
        total = (total + d) * 2;
    }
    let check = (12 - total % 11) % 11;
    let expected = if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).unwrap_or('?')
    };
    digits[15] == expected
}

fn topic(own: &Parsed, fields: &Fields, c: &mut Checker) -> Option<Topic> {
    let Fields::Topic(f) = fields else {
        return None;
    };
    let title = required_text(c, "title", f.title.as_deref(), "\"Access to justice\"")?;
    let body_html = match &f.description {
        Some(d) if own.body.html.trim().is_empty() => {
            format!("<p>{}</p>", crate::render::escape_html(d)).into()
        }
        _ => own.body.html.clone(),
    };
    Some(Topic { title, body_html })
}

fn page(
    own: &Parsed,
    _inherited: Option<&Fields>,
    fields: &Fields,
    c: &mut Checker,
) -> Option<Page> {
    let (Fields::Page(f) | Fields::Home(f)) = fields else {
        return None;
    };
    let title = if own.src.kind == Kind::Home {
        f.title.clone().unwrap_or_default()
    } else {
        required_text(c, "title", f.title.as_deref(), "\"About us\"")?
    };
    Some(Page {
        title,
        description: f.description.clone(),
        menu_weight: f.menu_weight,
        body_html: own.body.html.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orcid_check_digit() {
        assert!(valid_orcid("0000-0002-1825-0097"));
        assert!(valid_orcid("0000-0001-5109-3700"));
        assert!(valid_orcid("0000-0002-1694-233X"));
        assert!(!valid_orcid("0000-0002-1825-0098"));
        assert!(!valid_orcid("0000-0002-1825"));
    }
}
