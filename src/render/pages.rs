//! The frame every page shares (language, links back, switcher, menu, breadcrumbs), the home
//! page, and the two pages that belong to no one language: the chooser at `/` and the 404 page.

use std::borrow::Cow;

use serde::Serialize;
use tera::Context;

use super::jobs::Job;
use super::views::{Alternate, Cards, LangView, Link, PageCx, ProjectCard};
use super::{items, lists, portfolio, search, Engine, OutFile};
use crate::diagnostics::Diagnostic;
use crate::discover::Kind;
use crate::exports::jsonld;
use crate::exports::meta::{self, Meta};
use crate::site::{Id, Site};
use crate::urls::{self, Route};

/// What a page builder returns: the template, its own context, and what the frame needs.
pub(super) struct Built {
    pub template: &'static str,
    pub ctx: Context,
    pub title: String,
    pub description: String,
    /// `home`, `outputs`, `outputs-item`…: the body class and the current menu entry.
    pub kind: &'static str,
    /// Breadcrumbs between the home page and this page.
    pub crumbs: Vec<Link>,
    /// A feed to announce in `<head>`, root-relative.
    pub feed: Option<String>,
    /// Harvester tags of the page (citation, Dublin Core); social tags are added by the frame.
    pub meta: Vec<Meta>,
    /// The schema.org entity the page is about.
    pub jsonld: Option<serde_json::Value>,
    /// An output page (an `article` for link previews).
    pub article: bool,
}

impl Built {
    pub fn new(template: &'static str, ctx: Context, title: String, kind: &'static str) -> Self {
        Self {
            template,
            ctx,
            title,
            description: String::new(),
            kind,
            crumbs: Vec::new(),
            feed: None,
            meta: Vec::new(),
            jsonld: None,
            article: false,
        }
    }

    pub fn described(
        template: &'static str,
        ctx: Context,
        title: String,
        description: String,
        kind: &'static str,
    ) -> Self {
        Self {
            description,
            ..Self::new(template, ctx, title, kind)
        }
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
    feed: Option<String>,
    /// The search page of this language (the header's search form goes there).
    search_href: String,
    meta: Vec<Meta>,
    /// Dublin Core tags are present (the page declares the `DC` schema).
    dublin_core: bool,
    /// The page's JSON-LD, safe to embed in a `<script>` element.
    jsonld: String,
    /// Whether this language's script needs the Nastaliq web font.
    nastaliq: bool,
}

#[derive(Serialize)]
struct NavItem {
    href: String,
    label: String,
    current: bool,
}

/// `../` back to the site root from the page of `job`.
pub(super) fn root(site: &Site, job: &Job) -> String {
    let code = job
        .lang()
        .map_or("", |l| site.config.languages[l].code.as_str());
    let value = job.facet_value();
    urls::root_prefix(&job.route(site, code, &value).file())
}

/// Renders one page.
pub(super) fn render(
    site: &Site,
    engine: &Engine,
    cards: &Cards,
    job: &Job,
) -> Result<OutFile, Diagnostic> {
    let Some(lang) = job.lang() else {
        return render_global(site, engine, job);
    };
    let code = site.config.languages[lang].code.as_str();
    let value = job.facet_value();
    let route = job.route(site, code, &value);
    let cx = PageCx::new(site, engine, cards, lang, &route);
    let built = match *job {
        Job::Home(_) => home(&cx),
        Job::List(_, kind, n) => lists::list(&cx, kind, n),
        Job::Facet(_, facet, n) => lists::facet(&cx, facet, n),
        Job::Item(_, kind, id) => items::item(&cx, kind, id, 1),
        Job::ItemPage(_, kind, id, n) => items::item(&cx, kind, id, n),
        Job::ProjectFacet(_, ref facet) => portfolio::facet(&cx, facet),
        Job::Training(_) => portfolio::training(&cx),
        Job::Search(_) => search::page(&cx),
        Job::Chooser | Job::NotFound => unreachable!("handled by render_global"),
    };
    let file = route.file();
    let frame = frame(&cx, job, &route, &built);
    let mut ctx = built.ctx;
    ctx.extend(Context::from_serialize(&frame).map_err(|e| super::template_error(&file, &e))?);
    let bytes = engine.render(built.template, &ctx, &file)?;
    Ok(OutFile { path: file, bytes })
}

fn frame<'a>(cx: &PageCx<'a>, job: &Job, route: &Route, built: &Built) -> Frame<'a> {
    let site = cx.site;
    let config = &site.config;
    let kind = built.kind;
    let value = job.facet_value();
    let alternates: Vec<Alternate> = (0..config.languages.len())
        .filter(|&l| job.exists_in(site, l))
        .map(|l| {
            let r = job.route(site, &config.languages[l].code, &value);
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
            &job.route(site, &config.languages[config.default_lang].code, &value)
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
    if super::jobs::has_training(site, cx.lang) {
        nav.push(NavItem {
            href: cx.href(&Route::Training(code)),
            label: cx.t("nav-training"),
            current: kind == "training",
        });
    }
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
    breadcrumbs.extend(built.crumbs.iter().map(|l| Link {
        href: l.href.clone(),
        label: l.label.clone(),
    }));
    // Absolute addresses of the breadcrumbs (their links are written relative to this page).
    let absolute_of = |href: &str| {
        urls::absolute(
            &config.base_url,
            href.strip_prefix(cx.root.as_str()).unwrap_or(href),
        )
    };
    let canonical = urls::absolute(&config.base_url, &route.path());
    let mut trail: Vec<(String, String)> = breadcrumbs
        .iter()
        .map(|l| (absolute_of(&l.href), l.label.clone()))
        .collect();
    if kind != "home" {
        trail.push((canonical.clone(), built.title.clone()));
    }
    let main = built
        .jsonld
        .clone()
        .unwrap_or_else(|| jsonld::collection(&canonical, &built.title));
    let graph = jsonld::graph(Some(main), jsonld::breadcrumbs(&trail));
    let other_langs: Vec<usize> = (0..config.languages.len())
        .filter(|&l| l != cx.lang && job.exists_in(site, l))
        .collect();
    let description = truncate(&built.description, 160);
    let mut tags = built.meta.clone();
    tags.extend(meta::social(
        site,
        cx.lang,
        &other_langs,
        &built.title,
        &description,
        &canonical,
        built.article,
    ));
    Frame {
        lang_index: cx.lang,
        lang: cx.lang_view(cx.lang),
        site_title: config.title(cx.lang),
        root: cx.root.clone(),
        home_href: cx.href(&Route::Home(code)),
        canonical,
        alternates,
        x_default,
        nav,
        breadcrumbs,
        page_title: built.title.clone(),
        description,
        page_kind: kind,
        feed: built.feed.as_ref().map(|f| format!("{}{f}", cx.root)),
        search_href: cx.href(&Route::Search(code)),
        dublin_core: tags
            .iter()
            .any(|m| m.name.is_some_and(|n| n.starts_with("DC."))),
        meta: tags,
        jsonld: jsonld::script_safe(&graph),
        nastaliq: needs_nastaliq(&config.languages[cx.lang].code),
    }
}

/// Urdu (and the languages written in Nastaliq) get the Noto Nastaliq Urdu web font.
pub(super) fn needs_nastaliq(code: &str) -> bool {
    matches!(
        code.split('-').next(),
        Some("ur" | "skr" | "pnb" | "bal" | "khw")
    )
}

/// Cuts `text` at a word boundary to at most `max` characters, with an ellipsis.
pub(super) fn truncate(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

pub(super) fn ctx_with<T: Serialize + ?Sized>(key: &'static str, value: &T) -> Context {
    let mut ctx = Context::new();
    ctx.insert(key, value);
    ctx
}

/// A titled text in the language it is written in.
#[derive(Serialize)]
pub(super) struct Body<'a> {
    pub title: &'a str,
    pub body_html: Cow<'a, str>,
    pub lang: LangView<'a>,
    pub fallback: bool,
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
            body_html: cx.body(&s.v.body_html, s.text_lang),
            lang: cx.lang_view(s.text_lang),
            fallback: s.is_fallback(cx.lang),
        });
    let latest = items::cards(cx, &ix.outputs[..ix.outputs.len().min(6)]);
    let projects: Vec<ProjectCard> = (0..site.projects.len())
        .filter_map(|i| cx.project_card(Id(i)))
        .collect();
    let mut ctx = ctx_with("home", &text);
    ctx.insert("latest", &latest);
    ctx.insert("projects", &projects);
    ctx.insert("counts", &[ix.outputs.len(), projects.len()]);
    let title = site.config.title(cx.lang).to_owned();
    let mut built = Built::described("home.html", ctx, title.clone(), title, "home");
    built.feed = Some(urls::feed(cx.code()));
    built.jsonld = Some(jsonld::website(site, cx.lang));
    built
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
    let route = job.route(site, "", "");
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
    let bytes = engine.render(template, &ctx, &file)?;
    Ok(OutFile { path: file, bytes })
}
