//! The list pages: outputs (by year, with filters by type, year and topic), projects, the A–Z
//! author index and the topic index, each split into pages of `paginate_by` entries.

use serde::Serialize;
use tera::{Context, Value};

use super::jobs::{facets, list_len, pages, Facet};
use super::pages::{ctx_with, Built};
use super::views::{AuthorLink, Link, PageCx, TitledLink};
use crate::discover::Kind;
use crate::indexes::initial;
use crate::site::Id;
use crate::urls::{self, Route};

#[derive(Serialize)]
pub(super) struct YearGroup {
    pub year: i32,
    pub outputs: Vec<Value>,
}

/// Groups the cards of outputs (newest first) under their year.
pub(super) fn by_year(cx: &PageCx, ids: &[Id]) -> Vec<YearGroup> {
    let mut groups: Vec<YearGroup> = Vec::new();
    for &id in ids {
        let (Some(year), Some(card)) = (cx.year(id), cx.card(id)) else {
            continue;
        };
        match groups.last_mut() {
            Some(g) if g.year == year => g.outputs.push(card),
            _ => groups.push(YearGroup {
                year,
                outputs: vec![card],
            }),
        }
    }
    groups
}

#[derive(Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
}

fn pager(cx: &PageCx, n: usize, total: usize, route: impl Fn(usize) -> String) -> Pager {
    Pager {
        current: n,
        total,
        prev: (n > 1).then(|| route(n - 1)),
        next: (n < total).then(|| route(n + 1)),
    }
    .with_root(cx)
}

impl Pager {
    fn with_root(mut self, cx: &PageCx) -> Self {
        self.prev = self.prev.map(|p| format!("{}{p}", cx.root));
        self.next = self.next.map(|p| format!("{}{p}", cx.root));
        self
    }
}

/// The slice of a list shown on page `n`.
pub(super) fn page_of<T>(items: &[T], n: usize, per: usize) -> &[T] {
    let start = ((n - 1) * per).min(items.len());
    &items[start..(start + per).min(items.len())]
}

pub(super) fn list(cx: &PageCx, kind: Kind, n: usize) -> Built {
    let site = cx.site;
    let code = cx.code();
    let total = pages(site, list_len(site, cx.lang, kind));
    let mut ctx = match kind {
        Kind::Output => outputs(cx, &site.index[cx.lang].outputs, n, None),
        Kind::Project => super::portfolio::projects(cx, n, None),
        Kind::Author => authors(cx, n),
        Kind::Topic => topics(cx, n),
        Kind::Home | Kind::Page => Context::new(),
    };
    ctx.insert(
        "pager",
        &pager(cx, n, total, |p| Route::List(code, kind, p).path()),
    );
    let template = match kind {
        Kind::Output => "outputs.html",
        Kind::Project => "projects.html",
        Kind::Author => "authors.html",
        _ => "topics.html",
    };
    let title = cx.t(&format!("nav-{}", kind.section()));
    let mut built = Built::new(template, ctx, title, kind.section());
    if kind == Kind::Output {
        built.feed = Some(urls::feed(code));
    }
    built
}

/// An output list filtered by type or year.
pub(super) fn facet(cx: &PageCx, facet: Facet, n: usize) -> Built {
    let code = cx.code();
    let value = facet.value();
    let ids = facet.outputs(cx.site, cx.lang);
    let mut ctx = outputs(cx, ids, n, Some(facet));
    let total = pages(cx.site, ids.len());
    ctx.insert(
        "pager",
        &pager(cx, n, total, |p| {
            Route::Facet(code, facet.name(), &value, p).path()
        }),
    );
    let label = facet_label(cx, facet);
    let title = cx
        .engine
        .t_args(cx.lang, "outputs-filtered", &[("filter", label.into())]);
    let mut built = Built::new("outputs.html", ctx, title, "outputs");
    built.crumbs.push(Link {
        href: cx.href(&Route::List(code, Kind::Output, 1)),
        label: cx.t("nav-outputs"),
    });
    built
}

fn facet_label(cx: &PageCx, facet: Facet) -> String {
    match facet {
        Facet::Type(t) => cx.t(&format!("type-{}", t.as_str())),
        Facet::Year(y) => y.to_string(),
    }
}

/// A filter link with its count; `current` marks the filter this page shows.
#[derive(Serialize)]
struct Filter {
    href: String,
    label: String,
    count: usize,
    current: bool,
    /// What the client-side filter matches (`data-type`, `data-year`, `data-topics`).
    value: String,
}

#[derive(Serialize)]
struct Filters {
    all: Filter,
    types: Vec<Filter>,
    years: Vec<Filter>,
    topics: Vec<Filter>,
}

fn filters(cx: &PageCx, current: Option<Facet>) -> Filters {
    let site = cx.site;
    let code = cx.code();
    let ix = &site.index[cx.lang];
    let mut types = Vec::new();
    let mut years = Vec::new();
    for f in facets(site, cx.lang) {
        let value = f.value();
        let filter = Filter {
            href: cx.href(&Route::Facet(code, f.name(), &value, 1)),
            label: facet_label(cx, f),
            count: f.outputs(site, cx.lang).len(),
            current: current == Some(f),
            value,
        };
        match f {
            Facet::Type(_) => types.push(filter),
            Facet::Year(_) => years.push(filter),
        }
    }
    let mut topics: Vec<(Filter, &str)> = (0..site.topics.len())
        .filter(|&i| !ix.outputs_by_topic[i].is_empty())
        .filter_map(|i| {
            let link = cx.topic(Id(i))?;
            let filter = Filter {
                href: link.href,
                label: link.title.to_owned(),
                count: ix.outputs_by_topic[i].len(),
                current: false,
                value: site.topics[i].slug.clone(),
            };
            Some((filter, link.title))
        })
        .collect();
    let collation = &cx.engine.locales[cx.lang];
    topics.sort_by(|a, b| collation.compare(a.1, b.1));
    Filters {
        all: Filter {
            href: cx.href(&Route::List(code, Kind::Output, 1)),
            label: cx.t("filter-all"),
            count: ix.outputs.len(),
            current: current.is_none(),
            value: String::new(),
        },
        types,
        years,
        topics: topics.into_iter().map(|(f, _)| f).collect(),
    }
}

fn outputs(cx: &PageCx, ids: &[Id], n: usize, current: Option<Facet>) -> Context {
    let per = cx.site.config.paginate_by;
    let mut ctx = ctx_with("groups", &by_year(cx, page_of(ids, n, per)));
    ctx.insert("filters", &filters(cx, current));
    // Instant filtering in the browser only makes sense when the whole list is on the page.
    ctx.insert("client_filter", &(ids.len() <= per && current.is_none()));
    ctx
}

#[derive(Serialize)]
struct AuthorEntry<'a> {
    #[serde(flatten)]
    link: AuthorLink<'a>,
    count: usize,
    fallback: bool,
    #[serde(skip)]
    sort: &'a str,
}

#[derive(Serialize)]
struct LetterGroup<'a> {
    letter: String,
    id: String,
    authors: Vec<&'a AuthorEntry<'a>>,
}

/// The A–Z index: every author shown in this language, sorted by `sort_name` with the
/// language's collation, filed under initial letters, with a jump bar of the letters present.
fn authors(cx: &PageCx, n: usize) -> Context {
    let site = cx.site;
    let mut entries: Vec<AuthorEntry> = site
        .authors
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let shown = a.shown(cx.lang, site.mode())?;
            Some(AuthorEntry {
                link: cx.author(Id(i))?,
                count: site.index[cx.lang].outputs_by_author[i].len(),
                fallback: shown.is_fallback(cx.lang),
                sort: &shown.v.sort_name,
            })
        })
        .collect();
    let collation = &cx.engine.locales[cx.lang];
    entries.sort_by(|a, b| {
        collation
            .compare(a.sort, b.sort)
            .then_with(|| a.link.href.cmp(&b.link.href))
    });
    let per = site.config.paginate_by;
    let code = cx.code();
    // Letters present, each linking to the page and anchor of its first entry.
    let mut letters: Vec<Link> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let letter = initial(e.sort);
        if letters.last().is_none_or(|l| l.label != letter) {
            let page = i / per + 1;
            let href = format!(
                "{}#{}",
                cx.href(&Route::List(code, Kind::Author, page)),
                letter_id(&letter)
            );
            letters.push(Link {
                href,
                label: letter,
            });
        }
    }
    let mut groups: Vec<LetterGroup> = Vec::new();
    for e in page_of(&entries, n, per) {
        let letter = initial(e.sort);
        match groups.last_mut() {
            Some(g) if g.letter == letter => g.authors.push(e),
            _ => groups.push(LetterGroup {
                id: letter_id(&letter),
                letter,
                authors: vec![e],
            }),
        }
    }
    let mut ctx = ctx_with("letters", &letters);
    ctx.insert("groups", &groups);
    ctx.insert("count", &entries.len());
    ctx
}

fn letter_id(letter: &str) -> String {
    format!("letter-{letter}")
}

#[derive(Serialize)]
struct TopicEntry<'a> {
    #[serde(flatten)]
    link: TitledLink<'a>,
    count: usize,
}

fn topics(cx: &PageCx, n: usize) -> Context {
    let site = cx.site;
    let mut entries: Vec<TopicEntry> = (0..site.topics.len())
        .filter_map(|i| {
            Some(TopicEntry {
                link: cx.topic(Id(i))?,
                count: site.index[cx.lang].outputs_by_topic[i].len(),
            })
        })
        .collect();
    let collation = &cx.engine.locales[cx.lang];
    entries.sort_by(|a, b| collation.compare(a.link.title, b.link.title));
    ctx_with("topics", &page_of(&entries, n, site.config.paginate_by))
}
