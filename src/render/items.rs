//! The item pages: an output (with its downloads and related outputs), a project (its
//! metadata table and outputs), an author (outputs by year, projects, members), a topic and a
//! free page.

use std::borrow::Cow;

use serde::Serialize;
use tera::Value;

use super::lists::{by_year, page_of};
use super::pages::{ctx_with, Body, Built};
use super::views::{
    AuthorLink, FileView, LangView, Link, OfficerView, OutputCard, PageCx, ProjectCard, TitledLink,
};
use crate::discover::Kind;
use crate::exports::{citation, jsonld, meta};
use crate::model::AuthorKind;
use crate::site::{Id, Officer};
use crate::urls::{self, Route};

/// How many related outputs an output page shows.
const RELATED_SHOWN: usize = 5;

/// Page `n` of an item (only projects, authors and topics have more than one: their lists of
/// outputs are split like every list).
pub(super) fn item(cx: &PageCx, kind: Kind, id: Id, n: usize) -> Built {
    let mut built = match kind {
        Kind::Output => output_page(cx, id),
        Kind::Project => project_page(cx, id, n),
        Kind::Author => author_page(cx, id, n),
        Kind::Topic => topic_page(cx, id, n),
        Kind::Page | Kind::Home => free_page(cx, id),
    };
    if matches!(kind, Kind::Project | Kind::Author | Kind::Topic) {
        let total = super::jobs::pages(
            cx.site,
            super::jobs::item_outputs(cx.site, cx.lang, kind, id).len(),
        );
        let slug = super::jobs::slug(cx.site, kind, id);
        let code = cx.code();
        let at = |p: usize| {
            if p == 1 {
                cx.href(&Route::Item(code, kind, slug))
            } else {
                cx.href(&Route::ItemPage(code, kind, slug, p))
            }
        };
        let pager = serde_json::json!({
            "current": n,
            "total": total,
            "prev": (n > 1).then(|| at(n - 1)),
            "next": (n < total).then(|| at(n + 1)),
        });
        built.ctx.insert("pager", &pager);
    }
    if kind != Kind::Page {
        built.crumbs.push(Link {
            href: cx.href(&Route::List(cx.code(), kind, 1)),
            label: cx.t(&format!("nav-{}", kind.section())),
        });
    }
    built
}

#[derive(Serialize)]
struct OutputPage<'a> {
    #[serde(flatten)]
    card: OutputCard<'a>,
    body_html: Cow<'a, str>,
    topics: Vec<TitledLink<'a>>,
    project: Option<TitledLink<'a>>,
    files: Vec<FileView<'a>>,
    doi: Option<&'a str>,
    url: Option<&'a str>,
    license: Option<&'a str>,
    publisher: Option<AuthorLink<'a>>,
    related: Vec<Value>,
}

fn output_page(cx: &PageCx, id: Id) -> Built {
    let item = &cx.site.outputs[id.0];
    let shown = item
        .shown(cx.lang, cx.site.mode())
        .expect("jobs only lists shown items");
    let o = shown.v;
    let card = cx.output_card(id).expect("shown");
    let page = OutputPage {
        card,
        body_html: cx.body(&o.body_html, shown.text_lang),
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
        related: cx.site.related[id.0]
            .iter()
            .filter_map(|r| cx.card(*r))
            .take(RELATED_SHOWN)
            .collect(),
    };
    let mut ctx = ctx_with("output", &page);
    ctx.insert("citation", &citation(cx, id));
    ctx.insert("training", &training_view(cx, id));
    let mut built = Built::described(
        "output.html",
        ctx,
        o.title.clone(),
        o.summary.clone(),
        "outputs-item",
    );
    built.meta = meta::scholar(cx.site, cx.lang, id);
    built.jsonld = jsonld::output(cx.site, cx.lang, id);
    built.article = true;
    built
}

/// What a trainer decides by, in the page's language.
#[derive(Serialize)]
pub(super) struct TrainingView {
    audience: Option<String>,
    duration: Option<String>,
    level: Option<String>,
    format: Option<String>,
    languages: Vec<String>,
    /// The "download all" archive: its address, size and SHA-256.
    pack: Option<PackView>,
}

#[derive(Serialize)]
struct PackView {
    href: String,
    size: String,
    sha256: String,
    files: usize,
}

/// The training facts of an output shown in this language; `None` for other types.
pub(super) fn training_view(cx: &PageCx, id: Id) -> Option<TrainingView> {
    let item = &cx.site.outputs[id.0];
    let o = item.shown(cx.lang, cx.site.mode())?.v;
    if o.kind != crate::model::OutputType::TrainingMaterial {
        return None;
    }
    let t = &o.training;
    let languages = t
        .languages
        .iter()
        .map(|code| match cx.site.config.lang_index(code) {
            Some(i) => cx.site.config.languages[i].name.clone(),
            None => code.clone(),
        })
        .collect();
    let pack = cx.site.packs.get(&id).map(|p| PackView {
        href: format!("{}{}", cx.root, crate::exports::pack::pack_file(&item.slug)),
        size: cx.size(p.bytes.len() as u64),
        sha256: p.sha256.clone(),
        files: item
            .versions
            .iter()
            .flatten()
            .flat_map(|v| v.files.iter().map(|f| f.path.as_str()))
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
    });
    Some(TrainingView {
        audience: t.audience.clone(),
        duration: t.duration.clone(),
        level: t.level.clone(),
        format: t.format.map(|f| cx.t(&format!("format-{}", f.as_str()))),
        languages,
        pack,
    })
}

/// The cards of outputs, for a list.
pub(super) fn cards(cx: &PageCx, ids: &[Id]) -> Vec<Value> {
    ids.iter().filter_map(|id| cx.card(*id)).collect()
}

/// The "cite this output" box: the reference in two styles and the files to download.
#[derive(Serialize)]
struct CitationBox {
    apa: String,
    chicago: String,
    downloads: Vec<Link>,
}

fn citation(cx: &PageCx, id: Id) -> Option<CitationBox> {
    let record = citation::Record::new(cx.site, cx.engine, cx.lang, id)?;
    let words = citation::Words::new(cx.engine, cx.lang);
    let downloads = citation::paths(cx.code(), &cx.site.outputs[id.0].slug)
        .into_iter()
        .map(|(format, path)| Link {
            href: format!("{}{path}", cx.root),
            label: format.to_owned(),
        })
        .collect();
    Some(CitationBox {
        apa: citation::apa(&record, &words),
        chicago: citation::chicago(&record, &words),
        downloads,
    })
}

#[derive(Serialize)]
struct ProjectPage<'a> {
    title: &'a str,
    body_html: Cow<'a, str>,
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

fn project_page(cx: &PageCx, id: Id, n: usize) -> Built {
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
        body_html: cx.body(&p.body_html, shown.text_lang),
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
    let per = cx.site.config.paginate_by;
    let outputs = cards(
        cx,
        page_of(&cx.site.index[cx.lang].outputs_by_project[id.0], n, per),
    );
    let mut ctx = ctx_with("project", &page);
    ctx.insert("outputs", &outputs);
    ctx.insert("timeline", &super::portfolio::timeline(cx, id, p));
    ctx.insert("type_counts", &super::portfolio::type_counts(cx, id));
    let mut built = Built::described(
        "project.html",
        ctx,
        p.title.clone(),
        p.summary.clone(),
        "projects-item",
    );
    built.jsonld = jsonld::project(cx.site, cx.lang, id);
    built
}

/// A country's name from the UI strings (`country-PK`), else its code.
pub(super) fn country_name(cx: &PageCx, code: &str) -> String {
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
    body_html: Cow<'a, str>,
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

fn author_page(cx: &PageCx, id: Id, n: usize) -> Built {
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
        body_html: cx.body(&a.body_html, shown.text_lang),
        lang: cx.lang_view(shown.text_lang),
        fallback: shown.is_fallback(cx.lang),
        affiliation: a.affiliation.and_then(|x| cx.author(x)),
        orcid: a.orcid.as_deref(),
        url: a.url.as_deref(),
    };
    let per = cx.site.config.paginate_by;
    let groups = by_year(
        cx,
        page_of(&site.index[cx.lang].outputs_by_author[id.0], n, per),
    );
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
            } else if matches!(v.officer, Some(Officer::Author(o)) if o == id) {
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
    let description = a.summary.clone();
    let mut built = Built::described(
        "author.html",
        ctx,
        a.name.clone(),
        description,
        "authors-item",
    );
    built.jsonld = jsonld::author(site, cx.lang, id);
    built
}

fn topic_page(cx: &PageCx, id: Id, n: usize) -> Built {
    let site = cx.site;
    let shown = site.topics[id.0]
        .shown(cx.lang, site.mode())
        .expect("jobs only lists shown items");
    let body = Body {
        title: &shown.v.title,
        body_html: cx.body(&shown.v.body_html, shown.text_lang),
        lang: cx.lang_view(shown.text_lang),
        fallback: shown.is_fallback(cx.lang),
    };
    let per = cx.site.config.paginate_by;
    let outputs = cards(
        cx,
        page_of(&site.index[cx.lang].outputs_by_topic[id.0], n, per),
    );
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
    let mut built = Built::described(
        "topic.html",
        ctx,
        shown.v.title.clone(),
        String::new(),
        "topics-item",
    );
    built.feed = Some(urls::topic_feed(cx.code(), &site.topics[id.0].slug));
    let page = urls::absolute(
        &site.config.base_url,
        &Route::Item(cx.code(), Kind::Topic, &site.topics[id.0].slug).path(),
    );
    built.jsonld = jsonld::topic_page(site, cx.lang, id, &page);
    built
}

fn free_page(cx: &PageCx, id: Id) -> Built {
    let shown = cx.site.pages[id.0]
        .shown(cx.lang, cx.site.mode())
        .expect("jobs only lists shown items");
    let body = Body {
        title: &shown.v.title,
        body_html: cx.body(&shown.v.body_html, shown.text_lang),
        lang: cx.lang_view(shown.text_lang),
        fallback: shown.is_fallback(cx.lang),
    };
    let mut built = Built::described(
        "page.html",
        ctx_with("page", &body),
        shown.v.title.clone(),
        shown.v.description.clone().unwrap_or_default(),
        "page",
    );
    let page = &cx.site.pages[id.0].slug;
    let url = urls::absolute(
        &cx.site.config.base_url,
        &Route::Item(cx.code(), Kind::Page, page).path(),
    );
    built.jsonld = Some(jsonld::web_page(&url, &shown.v.title));
    built
}
