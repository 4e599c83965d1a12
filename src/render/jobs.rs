//! Which pages the site has: every kind of page in every language (items only where shown),
//! list pages split by the configured page size, and the output lists filtered by type and year.

use crate::discover::Kind;
use crate::model::{OutputType, Status};
use crate::site::{Id, Site};
use crate::urls::Route;

/// A filter of the output list with its own static pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Facet {
    Type(OutputType),
    Year(i32),
}

impl Facet {
    pub fn name(self) -> &'static str {
        match self {
            Facet::Type(_) => "type",
            Facet::Year(_) => "year",
        }
    }

    pub fn value(self) -> String {
        match self {
            Facet::Type(t) => t.as_str().to_owned(),
            Facet::Year(y) => y.to_string(),
        }
    }

    /// The outputs of this facet in a language, newest first.
    pub fn outputs(self, site: &Site, lang: usize) -> &[Id] {
        let ix = &site.index[lang];
        let found = match self {
            Facet::Type(t) => ix.by_type.iter().find(|(x, _)| *x == t).map(|(_, l)| l),
            Facet::Year(y) => ix.by_year.iter().find(|(x, _)| *x == y).map(|(_, l)| l),
        };
        found.map_or(&[], Vec::as_slice)
    }
}

/// A filter of the project list with its own static page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ProjectFacet {
    Status(Status),
    /// A programme, by the slug of its name in the base language.
    Programme(String),
    Country(String),
}

impl ProjectFacet {
    pub fn name(&self) -> &'static str {
        match self {
            ProjectFacet::Status(_) => "status",
            ProjectFacet::Programme(_) => "programme",
            ProjectFacet::Country(_) => "country",
        }
    }

    pub fn value(&self) -> String {
        match self {
            ProjectFacet::Status(s) => s.as_str().to_owned(),
            ProjectFacet::Programme(p) | ProjectFacet::Country(p) => p.clone(),
        }
    }

    /// Whether a project (its base version) belongs to this facet.
    pub fn matches(&self, p: &crate::site::Project) -> bool {
        match self {
            ProjectFacet::Status(s) => p.status == *s,
            ProjectFacet::Programme(slug) => p
                .programs
                .iter()
                .any(|x| crate::markdown::slugify(x) == *slug),
            ProjectFacet::Country(c) => p.countries.contains(c),
        }
    }
}

/// The status, programme and country filters the projects have, in a stable order.
pub(crate) fn project_facets(site: &Site) -> Vec<ProjectFacet> {
    let mut out: Vec<ProjectFacet> = Status::ALL
        .iter()
        .filter(|s| site.projects.iter().any(|p| p.base().status == **s))
        .map(|s| ProjectFacet::Status(*s))
        .collect();
    let mut programmes = std::collections::BTreeSet::new();
    let mut countries = std::collections::BTreeSet::new();
    for p in &site.projects {
        programmes.extend(
            p.base()
                .programs
                .iter()
                .map(|x| crate::markdown::slugify(x))
                .filter(|s| !s.is_empty()),
        );
        countries.extend(p.base().countries.iter().cloned());
    }
    out.extend(programmes.into_iter().map(ProjectFacet::Programme));
    out.extend(countries.into_iter().map(ProjectFacet::Country));
    out
}

/// One page to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Job {
    Chooser,
    NotFound,
    Home(usize),
    /// A section list in a language, page n (1-based).
    List(usize, Kind, usize),
    Facet(usize, Facet, usize),
    ProjectFacet(usize, ProjectFacet),
    Training(usize),
    Search(usize),
    Item(usize, Kind, Id),
    /// Page `n` (2 or more) of a project's, author's or topic's outputs.
    ItemPage(usize, Kind, Id, usize),
}

/// Every page of the site.
pub(crate) fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Chooser, Job::NotFound];
    for lang in 0..site.config.languages.len() {
        jobs.push(Job::Home(lang));
        for kind in [Kind::Output, Kind::Project, Kind::Author, Kind::Topic] {
            for page in 1..=pages(site, list_len(site, lang, kind)) {
                jobs.push(Job::List(lang, kind, page));
            }
        }
        for facet in facets(site, lang) {
            for page in 1..=pages(site, facet.outputs(site, lang).len()) {
                jobs.push(Job::Facet(lang, facet, page));
            }
        }
        jobs.extend(
            project_facets(site)
                .into_iter()
                .map(|f| Job::ProjectFacet(lang, f)),
        );
        if has_training(site, lang) {
            jobs.push(Job::Training(lang));
        }
        jobs.push(Job::Search(lang));
        for kind in [
            Kind::Output,
            Kind::Project,
            Kind::Author,
            Kind::Topic,
            Kind::Page,
        ] {
            let ids = (0..count(site, kind))
                .map(Id)
                .filter(|&id| shown(site, lang, kind, id));
            for id in ids {
                jobs.push(Job::Item(lang, kind, id));
                for n in 2..=pages(site, item_outputs(site, lang, kind, id).len()) {
                    jobs.push(Job::ItemPage(lang, kind, id, n));
                }
            }
        }
    }
    jobs
}

/// The outputs an item's page lists (a project's, an author's, a topic's), newest first.
pub(crate) fn item_outputs(site: &Site, lang: usize, kind: Kind, id: Id) -> &[Id] {
    let ix = &site.index[lang];
    match kind {
        Kind::Project => &ix.outputs_by_project[id.0],
        Kind::Author => &ix.outputs_by_author[id.0],
        Kind::Topic => &ix.outputs_by_topic[id.0],
        _ => &[],
    }
}

/// Whether a language shows any training material (and so has a training hub).
pub(crate) fn has_training(site: &Site, lang: usize) -> bool {
    site.index[lang]
        .by_type
        .iter()
        .any(|(t, _)| *t == OutputType::TrainingMaterial)
}

/// The type and year filters a language has.
pub(crate) fn facets(site: &Site, lang: usize) -> impl Iterator<Item = Facet> + '_ {
    let ix = &site.index[lang];
    let types = ix.by_type.iter().map(|(t, _)| Facet::Type(*t));
    types.chain(ix.by_year.iter().map(|(y, _)| Facet::Year(*y)))
}

fn count(site: &Site, kind: Kind) -> usize {
    match kind {
        Kind::Output => site.outputs.len(),
        Kind::Project => site.projects.len(),
        Kind::Author => site.authors.len(),
        Kind::Topic => site.topics.len(),
        Kind::Page => site.pages.len(),
        Kind::Home => 0,
    }
}

/// Whether an item has a page in `lang` (it may be hidden there).
pub(crate) fn shown(site: &Site, lang: usize, kind: Kind, id: Id) -> bool {
    let mode = site.mode();
    match kind {
        Kind::Output => site.outputs[id.0].shown(lang, mode).is_some(),
        Kind::Project => site.projects[id.0].shown(lang, mode).is_some(),
        Kind::Author => site.authors[id.0].shown(lang, mode).is_some(),
        Kind::Topic => site.topics[id.0].shown(lang, mode).is_some(),
        Kind::Page => site.pages[id.0].shown(lang, mode).is_some(),
        Kind::Home => true,
    }
}

/// How many entries a section list has in a language.
pub(crate) fn list_len(site: &Site, lang: usize, kind: Kind) -> usize {
    match kind {
        Kind::Output => site.index[lang].outputs.len(),
        _ => (0..count(site, kind))
            .filter(|&i| shown(site, lang, kind, Id(i)))
            .count(),
    }
}

/// Number of pages for a list of `len` entries (at least one, even when empty).
pub(crate) fn pages(site: &Site, len: usize) -> usize {
    len.div_ceil(site.config.paginate_by).max(1)
}

impl Job {
    /// The value part of a facet page's address (empty for other pages).
    pub fn facet_value(&self) -> String {
        match self {
            Job::Facet(_, facet, _) => facet.value(),
            Job::ProjectFacet(_, facet) => facet.value(),
            _ => String::new(),
        }
    }

    pub fn lang(&self) -> Option<usize> {
        match self {
            Job::Chooser | Job::NotFound => None,
            Job::Home(l)
            | Job::List(l, ..)
            | Job::Facet(l, ..)
            | Job::ProjectFacet(l, _)
            | Job::Training(l)
            | Job::Search(l)
            | Job::Item(l, ..)
            | Job::ItemPage(l, ..) => Some(*l),
        }
    }

    /// This page's route in the language `code`.
    pub fn route<'a>(&self, site: &'a Site, code: &'a str, value: &'a str) -> Route<'a> {
        match *self {
            Job::Chooser => Route::Chooser,
            Job::NotFound => Route::NotFound,
            Job::Home(_) => Route::Home(code),
            Job::List(_, kind, n) => Route::List(code, kind, n),
            Job::Facet(_, facet, n) => Route::Facet(code, facet.name(), value, n),
            Job::ProjectFacet(_, ref facet) => Route::ProjectFacet(code, facet.name(), value),
            Job::Training(_) => Route::Training(code),
            Job::Search(_) => Route::Search(code),
            Job::Item(_, kind, id) => Route::Item(code, kind, slug(site, kind, id)),
            Job::ItemPage(_, kind, id, n) => Route::ItemPage(code, kind, slug(site, kind, id), n),
        }
    }

    /// Whether the same page exists in `lang`.
    pub fn exists_in(&self, site: &Site, lang: usize) -> bool {
        match *self {
            Job::Item(_, kind, id) => shown(site, lang, kind, id),
            Job::ItemPage(_, kind, id, n) => {
                shown(site, lang, kind, id)
                    && n <= pages(site, item_outputs(site, lang, kind, id).len())
            }
            Job::List(_, kind, n) => n <= pages(site, list_len(site, lang, kind)),
            Job::Facet(_, facet, n) => {
                let len = facet.outputs(site, lang).len();
                len > 0 && n <= pages(site, len)
            }
            Job::Training(_) => has_training(site, lang),
            _ => true,
        }
    }
}

pub(crate) fn slug(site: &Site, kind: Kind, id: Id) -> &str {
    match kind {
        Kind::Output => &site.outputs[id.0].slug,
        Kind::Project => &site.projects[id.0].slug,
        Kind::Author => &site.authors[id.0].slug,
        Kind::Topic => &site.topics[id.0].slug,
        Kind::Page => &site.pages[id.0].slug,
        Kind::Home => "",
    }
}
