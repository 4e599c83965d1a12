//! The pages of the site: which exist (`jobs`), and the context each template receives.

use serde::Serialize;
use tera::Context;

use super::views::{
    Alternate, AuthorLink, FileView, LangView, Link, OfficerView, OutputCard, PageCx, ProjectCard,
    TitledLink,
};
use super::{Engine, OutFile};
use crate::diagnostics::Diagnostic;
use crate::discover::Kind;
use crate::model::AuthorKind;
use crate::site::{Id, Site};
use crate::urls::{self, Route};

/// One page to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Job {
    Chooser,
    NotFound,
    Home(usize),
    /// A section list in a language, page n (1-based).
    List(usize, Kind, usize),
    Item(usize, Kind, Id),
}

/// Every page of the site: each kind of page in every language (items only where shown).
pub(crate) fn jobs(site: &Site) -> Vec<Job> {
    let mode = site.mode();
    let mut jobs = vec![Job::Chooser, Job::NotFound];
    for lang in 0..site.config.languages.len() {
        jobs.push(Job::Home(lang));
        for kind in [Kind::Output, Kind::Project, Kind::Author, Kind::Topic] {
            for page in 1..=list_pages(site, lang, kind) {
                jobs.push(Job::List(lang, kind, page));
            }
        }
        let shown = |n: usize, f: &dyn Fn(usize) -> bool| {
            (0..n).filter(|&i| f(i)).map(Id).collect::<Vec<_>>()
        };
        let items = [
            (
                Kind::Output,
                shown(site.outputs.len(), &|i| {
                    site.outputs[i].shown(lang, mode).is_some()
                }),
            ),
            (
                Kind::Project,
                shown(site.projects.len(), &|i| {
                    site.projects[i].shown(lang, mode).is_some()
                }),
            ),
            (
                Kind::Author,
                shown(site.authors.len(), &|i| {
                    site.authors[i].shown(lang, mode).is_some()
                }),
            ),
            (
                Kind::Topic,
                shown(site.topics.len(), &|i| {
                    site.topics[i].shown(lang, mode).is_some()
                }),
            ),
            (
                Kind::Page,
                shown(site.pages.len(), &|i| {
                    site.pages[i].shown(lang, mode).is_some()
                }),
            ),
        ];
        for (kind, ids) in items {
            jobs.extend(ids.into_iter().map(|id| Job::Item(lang, kind, id)));
        }
    }
    jobs
}

fn list_len(site: &Site, lang: usize, kind: Kind) -> usize {
    match kind {
        Kind::Output => site.index[lang].outputs.len(),
        _ => 0,
    }
}

/// Number of pages of a list (at least one, even when empty).
fn list_pages(site: &Site, lang: usize, kind: Kind) -> usize {
    list_len(site, lang, kind)
        .div_ceil(site.config.paginate_by)
        .max(1)
}

impl Job {
    fn lang(&self) -> Option<usize> {
        match self {
            Job::Chooser | Job::NotFound => None,
            Job::Home(l) | Job::List(l, ..) | Job::Item(l, ..) => Some(*l),
        }
    }

    fn route<'a>(&self, site: &'a Site, code: &'a str) -> Route<'a> {
        match *self {
            Job::Chooser => Route::Chooser,
            Job::NotFound => Route::NotFound,
            Job::Home(_) => Route::Home(code),
            Job::List(_, kind, n) => Route::List(code, kind, n),
            Job::Item(_, kind, id) => Route::Item(code, kind, slug(site, kind, id)),
        }
    }

    /// Whether the same page exists in `lang` (an item hidden there does not).
    fn exists_in(&self, site: &Site, lang: usize) -> bool {
        let mode = site.mode();
        match *self {
            Job::Item(_, Kind::Output, id) => site.outputs[id.0].shown(lang, mode).is_some(),
            Job::Item(_, Kind::Project, id) => site.projects[id.0].shown(lang, mode).is_some(),
            Job::Item(_, Kind::Author, id) => site.authors[id.0].shown(lang, mode).is_some(),
            Job::Item(_, Kind::Topic, id) => site.topics[id.0].shown(lang, mode).is_some(),
            Job::Item(_, Kind::Page, id) => site.pages[id.0].shown(lang, mode).is_some(),
            Job::List(_, kind, n) => n <= list_pages(site, lang, kind),
            _ => true,
        }
    }
}

fn slug(site: &Site, kind: Kind, id: Id) -> &str {
    match kind {
        Kind::Output => &site.outputs[id.0].slug,
        Kind::Project => &site.projects[id.0].slug,
        Kind::Author => &site.authors[id.0].slug,
        Kind::Topic => &site.topics[id.0].slug,
        Kind::Page => &site.pages[id.0].slug,
        Kind::Home => "",
    }
}

/// What every page template receives.
#[derive(Serialize)]
struct Frame<'a> {
    lang_index: usize,
    lang: LangView<'a>,
    site_title: &'a str,
    root: String,
    home_href: String,
    canonical: String,
    alternates: Vec<Alternate<'a>>,
    x_default: String,
    nav: Vec<NavItem>,
    breadcrumbs: Vec<Link>,
    page_title: String,
    description: String,
    page_kind: &'static str,
    /// Languages whose script needs the Nastaliq web font on this page.
    nastaliq: bool,
}

#[derive(Serialize)]
struct NavItem {
    href: String,
    label: String,
    current: bool,
}

/// Renders one page.
pub(super) fn render(site: &Site, engine: &Engine, job: &Job) -> Result<OutFile, Diagnostic> {
    let Some(lang) = job.lang() else {
        return render_global(site, engine, job);
    };
    let code = site.config.languages[lang].code.as_str();
    let route = job.route(site, code);
    let cx = PageCx::new(site, engine, lang, &route);
    let (template, mut ctx, title, description, kind, crumbs) = match *job {
        Job::Home(_) => home(&cx),
        Job::List(_, kind, n) => list(&cx, kind, n),
        Job::Item(_, kind, id) => item(&cx, kind, id),
        Job::Chooser | Job::NotFound => unreachable!("handled by render_global"),
    };
    let frame = frame(&cx, job, &route, title, description, kind, crumbs);
    ctx.extend(
        Context::from_serialize(&frame).map_err(|e| super::template_error(&route.file(), &e))?,
    );
    let file = route.file();
    let html = engine.render(template, &ctx, &file)?;
    Ok(OutFile {
        path: file,
        bytes: html.into_bytes(),
    })
}

type Built = (
    &'static str,
    Context,
    String,
    String,
    &'static str,
    Vec<Link>,
);

fn frame<'a>(
    cx: &PageCx<'a>,
    job: &Job,
    route: &Route,
    title: String,
    description: String,
    kind: &'static str,
    crumbs: Vec<Link>,
) -> Frame<'a> {
    let site = cx.site;
    let config = &site.config;
    let alternates: Vec<Alternate> = (0..config.languages.len())
        .filter(|&l| job.exists_in(site, l))
        .map(|l| {
            let r = job.route(site, &config.languages[l].code);
            Alternate {
                lang: cx.lang_view(l),
                href: cx.href(&r),
                absolute: urls::absolute(&config.base_url, &r.path()),
                current: l == cx.lang,
            }
        })
        .collect();
    let x_default = if job.exists_in(site, config.default_lang) {
        urls::absolute(
            &config.base_url,
            &job.route(site, &config.languages[config.default_lang].code)
                .path(),
        )
    } else {
        urls::absolute(&config.base_url, "")
    };
    let code = cx.code();
    let mut nav: Vec<NavItem> = [
        (Route::Home(code), "nav-home", "home"),
        (Route::List(code, Kind::Output, 1), "nav-outputs", "outputs"),
        (
            Route::List(code, Kind::Project, 1),
            "nav-projects",
            "projects",
        ),
        (Route::List(code, Kind::Author, 1), "nav-authors", "authors"),
        (Route::List(code, Kind::Topic, 1), "nav-topics", "topics"),
    ]
    .into_iter()
    .map(|(r, key, section)| NavItem {
        href: cx.href(&r),
        label: cx.t(key),
        current: section == kind || kind.starts_with(section) && section != "home",
    })
    .collect();
    for id in &site.index[cx.lang].menu {
        let page = &site.pages[id.0];
        if let Some(shown) = page.shown(cx.lang, site.mode()) {
            let current = matches!(job, Job::Item(_, Kind::Page, p) if p == id);
            nav.push(NavItem {
                href: cx.item_href(Kind::Page, &page.slug),
                label: shown.v.title.clone(),
                current,
            });
        }
    }
    let mut breadcrumbs = vec![Link {
        href: cx.href(&Route::Home(code)),
        label: cx.t("nav-home"),
    }];
    breadcrumbs.extend(crumbs);
    Frame {
        lang_index: cx.lang,
        lang: cx.lang_view(cx.lang),
        site_title: config.title(cx.lang),
        root: cx.root.clone(),
        home_href: cx.href(&Route::Home(code)),
        canonical: urls::absolute(&config.base_url, &route.path()),
        alternates,
        x_default,
        nav,
        breadcrumbs,
        page_title: title,
        description: truncate(&description, 160),
        page_kind: kind,
        nastaliq: needs_nastaliq(&config.languages[cx.lang].code),
    }
}

/// Urdu (and the languages written in Nastaliq) get the Noto Nastaliq Urdu web font.
fn needs_nastaliq(code: &str) -> bool {
    matches!(
        code.split('-').next(),
        Some("ur" | "skr" | "pnb" | "bal" | "khw")
    )
}

fn truncate(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

fn ctx_with<T: Serialize>(key: &'static str, value: &T) -> Context {
    let mut ctx = Context::new();
    ctx.insert(key, value);
    ctx
}

#[derive(Serialize)]
struct Body<'a> {
    title: &'a str,
    body_html: &'a str,
    lang: LangView<'a>,
    fallback: bool,
}

fn home(cx: &PageCx) -> Built {
    let site = cx.site;
    let ix = &site.index[cx.lang];
    let text = site
        .home
        .as_ref()
        .and_then(|h| h.shown(cx.lang, site.mode()))
        .map(|s| Body {
            title: &s.v.title,
            body_html: &s.v.body_html,
            lang: cx.lang_view(s.text_lang),
            fallback: s.is_fallback(cx.lang),
        });
    let latest: Vec<OutputCard> = ix
        .outputs
        .iter()
        .take(6)
        .filter_map(|id| cx.output_card(*id))
        .collect();
    let projects: Vec<ProjectCard> = (0..site.projects.len())
        .filter_map(|i| cx.project_card(Id(i)))
        .collect();
    let mut ctx = ctx_with("home", &text);
    ctx.insert("latest", &latest);
    ctx.insert("projects", &projects);
    ctx.insert("counts", &[ix.outputs.len(), projects.len()]);
    let title = site.config.title(cx.lang).to_owned();
    ("home.html", ctx, title.clone(), title, "home", Vec::new())
}

#[derive(Serialize)]
struct YearGroup<'a> {
    year: i32,
    outputs: Vec<OutputCard<'a>>,
}

#[derive(Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
}

fn list(cx: &PageCx, kind: Kind, n: usize) -> Built {
    let site = cx.site;
    let code = cx.code();
    let total = list_pages(site, cx.lang, kind);
    let pager = Pager {
        current: n,
        total,
        prev: (n > 1).then(|| cx.href(&Route::List(code, kind, n - 1))),
        next: (n < total).then(|| cx.href(&Route::List(code, kind, n + 1))),
    };
    let section = kind.section();
    let title = cx.t(&format!("nav-{section}"));
    let mut ctx = match kind {
        Kind::Output => outputs_list(cx, n),
        Kind::Project => {
            let mut ids: Vec<Id> = (0..site.projects.len()).map(Id).collect();
            ids.sort_by_key(|id| {
                let p = site.projects[id.0].base();
                (p.status, std::cmp::Reverse(p.start.map(|d| d.sort_key())))
            });
            ctx_with(
                "projects",
                &ids.iter()
                    .filter_map(|id| cx.project_card(*id))
                    .collect::<Vec<_>>(),
            )
        }
        Kind::Author => ctx_with("authors", &author_entries(cx)),
        Kind::Topic => ctx_with("topics", &topic_entries(cx)),
        Kind::Home | Kind::Page => Context::new(),
    };
    ctx.insert("pager", &pager);
    let template = match kind {
        Kind::Output => "outputs.html",
        Kind::Project => "projects.html",
        Kind::Author => "authors.html",
        _ => "topics.html",
    };
    (template, ctx, title.clone(), title, section, Vec::new())
}

fn outputs_list(cx: &PageCx, n: usize) -> Context {
    let per = cx.site.config.paginate_by;
    let mut groups: Vec<YearGroup> = Vec::new();
    for card in cx.site.index[cx.lang]
        .outputs
        .iter()
        .skip((n - 1) * per)
        .take(per)
        .filter_map(|id| cx.output_card(*id))
    {
        match groups.last_mut() {
            Some(g) if g.year == card.year => g.outputs.push(card),
            _ => groups.push(YearGroup {
                year: card.year,
                outputs: vec![card],
            }),
        }
    }
    ctx_with("groups", &groups)
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

fn author_entries<'a>(cx: &PageCx<'a>) -> Vec<AuthorEntry<'a>> {
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
    entries.sort_by(|a, b| collation.compare(a.sort, b.sort));
    entries
}

#[derive(Serialize)]
struct TopicEntry<'a> {
    #[serde(flatten)]
    link: TitledLink<'a>,
    count: usize,
}

fn topic_entries<'a>(cx: &PageCx<'a>) -> Vec<TopicEntry<'a>> {
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
    entries
}

fn item(cx: &PageCx, kind: Kind, id: Id) -> Built {
    let code = cx.code();
    let section = Link {
        href: cx.href(&Route::List(code, kind, 1)),
        label: cx.t(&format!("nav-{}", kind.section())),
    };
    let (template, ctx, title, description, page_kind) = match kind {
        Kind::Output => output_page(cx, id),
        Kind::Project => project_page(cx, id),
        Kind::Author => author_page(cx, id),
        Kind::Topic => topic_page(cx, id),
        Kind::Page | Kind::Home => free_page(cx, id),
    };
    let crumbs = if kind == Kind::Page {
        Vec::new()
    } else {
        vec![section]
    };
    (template, ctx, title, description, page_kind, crumbs)
}

type ItemBuilt = (&'static str, Context, String, String, &'static str);

#[derive(Serialize)]
struct OutputPage<'a> {
    #[serde(flatten)]
    card: OutputCard<'a>,
    body_html: &'a str,
    topics: Vec<TitledLink<'a>>,
    project: Option<TitledLink<'a>>,
    files: Vec<FileView<'a>>,
    doi: Option<&'a str>,
    url: Option<&'a str>,
    license: Option<&'a str>,
    publisher: Option<AuthorLink<'a>>,
}

fn output_page(cx: &PageCx, id: Id) -> ItemBuilt {
    let item = &cx.site.outputs[id.0];
    let shown = item
        .shown(cx.lang, cx.site.mode())
        .expect("jobs only lists shown items");
    let o = shown.v;
    let card = cx.output_card(id).expect("shown");
    let page = OutputPage {
        card,
        body_html: &o.body_html,
        topics: o.topics.iter().filter_map(|t| cx.topic(*t)).collect(),
        project: o.project.and_then(|p| cx.project_link(p)),
        files: o
            .files
            .iter()
            .map(|f| cx.file(Kind::Output, &item.slug, f))
            .collect(),
        doi: o.doi.as_deref(),
        url: o.url.as_deref(),
        license: o.license.as_deref(),
        publisher: o.publisher.and_then(|p| cx.author(p)),
    };
    (
        "output.html",
        ctx_with("output", &page),
        o.title.clone(),
        o.summary.clone(),
        "outputs-item",
    )
}

#[derive(Serialize)]
struct ProjectPage<'a> {
    title: &'a str,
    body_html: &'a str,
    lang: LangView<'a>,
    fallback: bool,
    number: Option<&'a str>,
    funding: Option<String>,
    officer: Option<OfficerView<'a>>,
    status: &'static str,
    status_label: String,
    start: Option<String>,
    end: Option<String>,
    duration: Option<String>,
    programs: &'a [String],
    lead_organisations: Vec<AuthorLink<'a>>,
    leaders: Vec<AuthorLink<'a>>,
    partners: Vec<AuthorLink<'a>>,
    countries: Vec<String>,
    regions: &'a [String],
    topics: Vec<TitledLink<'a>>,
}

fn project_page(cx: &PageCx, id: Id) -> ItemBuilt {
    use fluent_bundle::FluentValue;
    let item = &cx.site.projects[id.0];
    let shown = item
        .shown(cx.lang, cx.site.mode())
        .expect("jobs only lists shown items");
    let p = shown.v;
    let funding = p.funding.as_ref().map(|f| {
        cx.engine.t_args(
            cx.lang,
            "money",
            &[
                ("amount", FluentValue::from(cx.number(f.amount))),
                ("currency", FluentValue::from(f.currency.as_str())),
            ],
        )
    });
    let page = ProjectPage {
        title: &p.title,
        body_html: &p.body_html,
        lang: cx.lang_view(shown.text_lang),
        fallback: shown.is_fallback(cx.lang),
        number: p.number.as_deref(),
        funding,
        officer: p.officer.as_ref().and_then(|o| cx.officer(o)),
        status: p.status.as_str(),
        status_label: cx.t(&format!("status-{}", p.status.as_str())),
        start: p.start.as_ref().map(|d| cx.date(d)),
        end: p.end.as_ref().map(|d| cx.date(d)),
        duration: p.duration_months.map(|m| {
            cx.engine.t_args(
                cx.lang,
                "duration-months",
                &[("count", FluentValue::from(m))],
            )
        }),
        programs: &p.programs,
        lead_organisations: cx.authors(&p.lead_organisations),
        leaders: cx.authors(&p.leaders),
        partners: cx.authors(&p.partners),
        countries: p.countries.iter().map(|c| country_name(cx, c)).collect(),
        regions: &p.regions,
        topics: p.topics.iter().filter_map(|t| cx.topic(*t)).collect(),
    };
    let outputs: Vec<OutputCard> = cx.site.index[cx.lang].outputs_by_project[id.0]
        .iter()
        .filter_map(|o| cx.output_card(*o))
        .collect();
    let mut ctx = ctx_with("project", &page);
    ctx.insert("outputs", &outputs);
    (
        "project.html",
        ctx,
        p.title.clone(),
        p.summary.clone(),
        "projects-item",
    )
}

/// A country's name from the UI strings (`country-PK`), else its code.
fn country_name(cx: &PageCx, code: &str) -> String {
    let key = format!("country-{code}");
    let name = cx.t(&key);
    if name == key {
        code.to_owned()
    } else {
        name
    }
}

#[derive(Serialize)]
struct AuthorPage<'a> {
    name: &'a str,
    organisation: bool,
    kind_label: String,
    body_html: &'a str,
    lang: LangView<'a>,
    fallback: bool,
    affiliation: Option<AuthorLink<'a>>,
    orcid: Option<&'a str>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct RoleProject<'a> {
    #[serde(flatten)]
    card: ProjectCard<'a>,
    role: String,
}

fn author_page(cx: &PageCx, id: Id) -> ItemBuilt {
    let site = cx.site;
    let item = &site.authors[id.0];
    let shown = item
        .shown(cx.lang, site.mode())
        .expect("jobs only lists shown items");
    let a = shown.v;
    let page = AuthorPage {
        name: &a.name,
        organisation: a.kind == AuthorKind::Organisation,
        kind_label: cx.t(&format!("kind-{}", a.kind.as_str())),
        body_html: &a.body_html,
        lang: cx.lang_view(shown.text_lang),
        fallback: shown.is_fallback(cx.lang),
        affiliation: a.affiliation.and_then(|x| cx.author(x)),
        orcid: a.orcid.as_deref(),
        url: a.url.as_deref(),
    };
    let outputs: Vec<OutputCard> = site.index[cx.lang].outputs_by_author[id.0]
        .iter()
        .filter_map(|o| cx.output_card(*o))
        .collect();
    let mut groups: Vec<YearGroup> = Vec::new();
    for card in outputs {
        match groups.last_mut() {
            Some(g) if g.year == card.year => g.outputs.push(card),
            _ => groups.push(YearGroup {
                year: card.year,
                outputs: vec![card],
            }),
        }
    }
    let projects: Vec<RoleProject> = site
        .projects
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let v = p.shown(cx.lang, site.mode())?.v;
            let role = if v.leaders.contains(&id) {
                "role-leader"
            } else if v.lead_organisations.contains(&id) {
                "role-lead-organisation"
            } else if v.partners.contains(&id) {
                "role-partner"
            } else if matches!(v.officer, Some(crate::site::Officer::Author(o)) if o == id) {
                "role-officer"
            } else {
                return None;
            };
            Some(RoleProject {
                card: cx.project_card(Id(i))?,
                role: cx.t(role),
            })
        })
        .collect();
    let members: Vec<AuthorLink> = site
        .authors
        .iter()
        .enumerate()
        .filter(|(_, other)| other.base().affiliation == Some(id))
        .filter_map(|(i, _)| cx.author(Id(i)))
        .collect();
    let mut ctx = ctx_with("author", &page);
    ctx.insert("groups", &groups);
    ctx.insert("projects", &projects);
    ctx.insert("members", &members);
    let description = a.body_html.split('<').next().unwrap_or_default().to_owned();
    (
        "author.html",
        ctx,
        a.name.clone(),
        description,
        "authors-item",
    )
}

fn topic_page(cx: &PageCx, id: Id) -> ItemBuilt {
    let site = cx.site;
    let shown = site.topics[id.0]
        .shown(cx.lang, site.mode())
        .expect("jobs only lists shown items");
    let body = Body {
        title: &shown.v.title,
        body_html: &shown.v.body_html,
        lang: cx.lang_view(shown.text_lang),
        fallback: shown.is_fallback(cx.lang),
    };
    let outputs: Vec<OutputCard> = site.index[cx.lang].outputs_by_topic[id.0]
        .iter()
        .filter_map(|o| cx.output_card(*o))
        .collect();
    let projects: Vec<ProjectCard> = site
        .projects
        .iter()
        .enumerate()
        .filter(|(_, p)| p.base().topics.contains(&id))
        .filter_map(|(i, _)| cx.project_card(Id(i)))
        .collect();
    let mut ctx = ctx_with("topic", &body);
    ctx.insert("outputs", &outputs);
    ctx.insert("projects", &projects);
    (
        "topic.html",
        ctx,
        shown.v.title.clone(),
        String::new(),
        "topics-item",
    )
}

fn free_page(cx: &PageCx, id: Id) -> ItemBuilt {
    let shown = cx.site.pages[id.0]
        .shown(cx.lang, cx.site.mode())
        .expect("jobs only lists shown items");
    let body = Body {
        title: &shown.v.title,
        body_html: &shown.v.body_html,
        lang: cx.lang_view(shown.text_lang),
        fallback: shown.is_fallback(cx.lang),
    };
    (
        "page.html",
        ctx_with("page", &body),
        shown.v.title.clone(),
        shown.v.description.clone().unwrap_or_default(),
        "page",
    )
}

#[derive(Serialize)]
struct ChooserEntry<'a> {
    lang: LangView<'a>,
    href: String,
    site_title: &'a str,
    lang_index: usize,
}

/// The language chooser at `/` and the 404 page, which belong to no one language.
fn render_global(site: &Site, engine: &Engine, job: &Job) -> Result<OutFile, Diagnostic> {
    let route = job.route(site, "");
    let file = route.file();
    // The 404 page is served at any address: its links start from the site's base path.
    let root = if *job == Job::NotFound {
        urls::base_path(&site.config.base_url)
    } else {
        urls::root_prefix(&file)
    };
    let config = &site.config;
    let languages: Vec<ChooserEntry> = config
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| ChooserEntry {
            lang: l.into(),
            href: format!("{root}{}", Route::Home(&l.code).path()),
            site_title: config.title(i),
            lang_index: i,
        })
        .collect();
    let default = config.default_lang;
    let mut ctx = Context::new();
    ctx.insert("languages", &languages);
    ctx.insert("lang_index", &default);
    ctx.insert("lang", &LangView::from(&config.languages[default]));
    ctx.insert("site_title", config.title(default));
    ctx.insert("root", &root);
    ctx.insert(
        "canonical",
        &urls::absolute(&config.base_url, &route.path()),
    );
    ctx.insert(
        "nastaliq",
        &config.languages.iter().any(|l| needs_nastaliq(&l.code)),
    );
    let alternates: Vec<Alternate> = languages
        .iter()
        .map(|e| Alternate {
            lang: e.lang,
            href: e.href.clone(),
            absolute: urls::absolute(&config.base_url, &Route::Home(e.lang.code).path()),
            current: false,
        })
        .collect();
    ctx.insert("alternates", &alternates);
    let template = if *job == Job::Chooser {
        "chooser.html"
    } else {
        "404.html"
    };
    let html = engine.render(template, &ctx, &file)?;
    Ok(OutFile {
        path: file,
        bytes: html.into_bytes(),
    })
}
