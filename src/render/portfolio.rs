//! The funders' and trainers' views: the project portfolio (totals, filters by status,
//! programme and country, charts of outputs and funding), a project's timeline and output counts,
//! and the training materials hub.

use std::collections::BTreeMap;

use fluent_bundle::FluentValue;
use serde::Serialize;
use tera::Context;

use super::jobs::{pages, project_facets, ProjectFacet};
use super::pages::{ctx_with, Built};
use super::views::{Link, OutputCard, PageCx, ProjectCard};
use crate::charts::{self, Bar, Chart};
use crate::discover::Kind;
use crate::model::OutputType;
use crate::site::{Id, Project};
use crate::urls::{self, Route};

#[derive(Serialize)]
struct Totals {
    projects: String,
    active: String,
    completed: String,
    /// One formatted amount per currency, e.g. "CAD 250,000".
    funding: Vec<String>,
    outputs: String,
}

/// A filter link with its count.
#[derive(Serialize)]
struct FilterLink {
    href: String,
    label: String,
    count: usize,
    current: bool,
}

#[derive(Serialize)]
struct ProjectFilters {
    status: Vec<FilterLink>,
    programmes: Vec<FilterLink>,
    countries: Vec<FilterLink>,
}

fn money(cx: &PageCx, amount: f64, currency: &str) -> String {
    cx.engine.t_args(
        cx.lang,
        "money",
        &[
            ("amount", FluentValue::from(cx.number(amount))),
            ("currency", FluentValue::from(currency)),
        ],
    )
}

/// The projects of a list page: all, or those of one facet, active first then newest.
fn project_ids(cx: &PageCx, facet: Option<&ProjectFacet>) -> Vec<Id> {
    let site = cx.site;
    let mut ids: Vec<Id> = (0..site.projects.len())
        .map(Id)
        .filter(|id| site.projects[id.0].shown(cx.lang, site.mode()).is_some())
        .filter(|id| facet.is_none_or(|f| f.matches(site.projects[id.0].base())))
        .collect();
    ids.sort_by_key(|id| {
        let p = site.projects[id.0].base();
        (
            p.status,
            std::cmp::Reverse(p.start.map(|d| d.sort_key())),
            &site.projects[id.0].slug,
        )
    });
    ids
}

/// The label of a facet in the page's language: a status, a programme as this language names
/// it (the same position in its `programs` list), a country.
fn facet_label(cx: &PageCx, facet: &ProjectFacet) -> String {
    match facet {
        ProjectFacet::Status(s) => cx.t(&format!("status-{}", s.as_str())),
        ProjectFacet::Country(c) => super::items::country_name(cx, c),
        ProjectFacet::Programme(slug) => cx
            .site
            .projects
            .iter()
            .find_map(|p| {
                let i = p
                    .base()
                    .programs
                    .iter()
                    .position(|x| crate::markdown::slugify(x) == *slug)?;
                let shown = p.shown(cx.lang, cx.site.mode())?;
                shown
                    .v
                    .programs
                    .get(i)
                    .or(p.base().programs.get(i))
                    .cloned()
            })
            .unwrap_or_else(|| slug.clone()),
    }
}

fn filters(cx: &PageCx, current: Option<&ProjectFacet>) -> ProjectFilters {
    let mut f = ProjectFilters {
        status: Vec::new(),
        programmes: Vec::new(),
        countries: Vec::new(),
    };
    for facet in project_facets(cx.site) {
        let value = facet.value();
        let link = FilterLink {
            href: cx.href(&Route::ProjectFacet(cx.code(), facet.name(), &value)),
            label: facet_label(cx, &facet),
            count: project_ids(cx, Some(&facet)).len(),
            current: current == Some(&facet),
        };
        match facet {
            ProjectFacet::Status(_) => f.status.push(link),
            ProjectFacet::Programme(_) => f.programmes.push(link),
            ProjectFacet::Country(_) => f.countries.push(link),
        }
    }
    f
}

fn totals(cx: &PageCx, ids: &[Id]) -> Totals {
    let site = cx.site;
    let projects: Vec<&Project> = ids.iter().map(|id| site.projects[id.0].base()).collect();
    let count = |key: &str, n: usize| {
        cx.engine
            .t_args(cx.lang, key, &[("count", FluentValue::from(n))])
    };
    let mut funding: BTreeMap<&str, f64> = BTreeMap::new();
    for p in &projects {
        if let Some(f) = &p.funding {
            *funding.entry(f.currency.as_str()).or_default() += f.amount;
        }
    }
    let outputs: usize = ids
        .iter()
        .map(|id| site.index[cx.lang].outputs_by_project[id.0].len())
        .sum();
    Totals {
        projects: count("projects-count", projects.len()),
        active: count(
            "projects-active",
            projects
                .iter()
                .filter(|p| p.status == crate::model::Status::Active)
                .count(),
        ),
        completed: count(
            "projects-completed",
            projects
                .iter()
                .filter(|p| p.status == crate::model::Status::Completed)
                .count(),
        ),
        funding: funding.into_iter().map(|(c, a)| money(cx, a, c)).collect(),
        outputs: count("outputs-count", outputs),
    }
}

/// A chart with the heading shown above it.
#[derive(Serialize)]
struct ChartView {
    title: String,
    svg: String,
}

/// The charts of the portfolio: outputs per year and per topic, funding per programme.
fn portfolio_charts(cx: &PageCx) -> Vec<ChartView> {
    let site = cx.site;
    let ix = &site.index[cx.lang];
    let rtl = site.config.languages[cx.lang].direction == crate::config::Direction::Rtl;
    let code = cx.code();
    let bar = |label: String, value: usize, href: Option<String>| Bar {
        label,
        value: value as f64,
        display: cx.number(value as f64),
        href,
    };
    let years: Vec<Bar> = ix
        .by_year
        .iter()
        .rev()
        .map(|(y, list)| {
            bar(
                y.to_string(),
                list.len(),
                Some(cx.href(&Route::Facet(code, "year", &y.to_string(), 1))),
            )
        })
        .collect();
    let mut topics: Vec<(usize, Bar)> = (0..site.topics.len())
        .filter(|&t| !ix.outputs_by_topic[t].is_empty())
        .filter_map(|t| {
            let link = cx.topic(Id(t))?;
            Some((
                ix.outputs_by_topic[t].len(),
                bar(
                    link.title.to_owned(),
                    ix.outputs_by_topic[t].len(),
                    Some(link.href),
                ),
            ))
        })
        .collect();
    topics.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
    let topics: Vec<Bar> = topics.into_iter().map(|(_, b)| b).collect();
    let mut charts = Vec::new();
    let (outputs, count) = (cx.t("nav-outputs"), cx.t("chart-count"));
    let mut push = |title: String, svg: String| {
        if !svg.is_empty() {
            charts.push(ChartView { title, svg });
        }
    };
    // The counting charts: their title, description (`<key>-desc`) and label heading by key.
    let counting = |id: &str, key: &str, bars: &[Bar], value_heading: &str, label_key: &str| {
        let title = cx.t(key);
        let svg = charts::horizontal_bars(&Chart {
            id,
            title: &title,
            description: &cx.t(&format!("{key}-desc")),
            bars,
            rtl,
            value_heading,
            label_heading: &cx.t(label_key),
        });
        (title, svg)
    };
    let (title, svg) = counting(
        "chart-years",
        "chart-outputs-per-year",
        &years,
        &count,
        "filter-year",
    );
    push(title, svg);
    let (title, svg) = counting(
        "chart-topics",
        "chart-outputs-per-topic",
        &topics,
        &outputs,
        "filter-topic",
    );
    push(title, svg);
    // Funding per programme, one chart per currency (amounts in different currencies do not add).
    let mut by_currency: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    for (i, p) in site.projects.iter().enumerate() {
        let (Some(f), Some(shown)) = (&p.base().funding, p.shown(cx.lang, site.mode())) else {
            continue;
        };
        let _ = i;
        let names = if shown.v.programs.len() == p.base().programs.len() {
            &shown.v.programs
        } else {
            &p.base().programs
        };
        for name in names {
            *by_currency
                .entry(f.currency.clone())
                .or_default()
                .entry(name.clone())
                .or_default() += f.amount;
        }
    }
    for (currency, programmes) in by_currency {
        let bars: Vec<Bar> = programmes
            .into_iter()
            .map(|(name, amount)| Bar {
                label: name,
                value: amount,
                display: money(cx, amount, &currency),
                href: None,
            })
            .collect();
        let title = cx.engine.t_args(
            cx.lang,
            "chart-funding-per-programme",
            &[("currency", FluentValue::from(currency.as_str()))],
        );
        let id = format!("chart-funding-{}", currency.to_lowercase());
        push(
            title.clone(),
            charts::horizontal_bars(&Chart {
                id: &id,
                title: &title,
                description: &title,
                bars: &bars,
                rtl,
                value_heading: &cx.t("field-funding"),
                label_heading: &cx.t("filter-programme"),
            }),
        );
    }
    charts
}

/// `/<lang>/projects/`, page `n`, or a facet of it (all on one page).
pub(super) fn projects(cx: &PageCx, n: usize, facet: Option<&ProjectFacet>) -> Context {
    let ids = project_ids(cx, facet);
    let per = cx.site.config.paginate_by;
    let shown: Vec<ProjectCard> = ids
        .iter()
        .skip(if facet.is_some() { 0 } else { (n - 1) * per })
        .take(if facet.is_some() { ids.len() } else { per })
        .filter_map(|id| cx.project_card(*id))
        .collect();
    let mut ctx = ctx_with("projects", &shown);
    ctx.insert("totals", &totals(cx, &ids));
    ctx.insert("project_filters", &filters(cx, facet));
    ctx.insert(
        "all_projects_href",
        &cx.href(&Route::List(cx.code(), Kind::Project, 1)),
    );
    ctx.insert("filtered", &facet.is_some());
    if facet.is_none() {
        ctx.insert("charts", &portfolio_charts(cx));
    }
    ctx
}

pub(super) fn facet(cx: &PageCx, facet: &ProjectFacet) -> Built {
    let mut ctx = projects(cx, 1, Some(facet));
    ctx.insert("pager", &serde_json::json!({"current": 1, "total": 1}));
    let label = facet_label(cx, facet);
    let title = cx
        .engine
        .t_args(cx.lang, "projects-filtered", &[("filter", label.into())]);
    let mut built = Built::new("projects.html", ctx, title, "projects");
    built.crumbs.push(Link {
        href: cx.href(&Route::List(cx.code(), Kind::Project, 1)),
        label: cx.t("nav-projects"),
    });
    built
}

/// One event on a project's timeline.
#[derive(Serialize)]
pub(super) struct Moment<'a> {
    date: String,
    date_iso: String,
    label: String,
    output: Option<OutputCard<'a>>,
}

/// The project's start, its outputs by date and its end, oldest first.
pub(super) fn timeline<'a>(cx: &PageCx<'a>, id: Id, p: &Project) -> Vec<Moment<'a>> {
    let mut moments: Vec<((i32, u8, u8), Moment)> = Vec::new();
    if let Some(d) = p.start {
        moments.push((
            (d.sort_key().0, d.sort_key().1, 0),
            Moment {
                date: cx.date(&d),
                date_iso: d.to_string(),
                label: cx.t("field-start"),
                output: None,
            },
        ));
    }
    for o in &cx.site.index[cx.lang].outputs_by_project[id.0] {
        if let Some(card) = cx.output_card(*o) {
            let d = cx.site.outputs[o.0].base().date;
            moments.push((
                d.sort_key(),
                Moment {
                    date: card.date.clone(),
                    date_iso: card.date_iso.clone(),
                    label: card.kind_label.clone(),
                    output: Some(card),
                },
            ));
        }
    }
    if let Some(d) = p.end {
        moments.push((
            (d.sort_key().0, d.sort_key().1, 32),
            Moment {
                date: cx.date(&d),
                date_iso: d.to_string(),
                label: cx.t("field-end"),
                output: None,
            },
        ));
    }
    moments.sort_by_key(|(k, _)| *k);
    moments.into_iter().map(|(_, m)| m).collect()
}

/// "Report: 3", … for the types of a project's outputs.
pub(super) fn type_counts(cx: &PageCx, id: Id) -> Vec<Link> {
    let mut counts: BTreeMap<OutputType, usize> = BTreeMap::new();
    for o in &cx.site.index[cx.lang].outputs_by_project[id.0] {
        *counts.entry(cx.site.outputs[o.0].base().kind).or_default() += 1;
    }
    let code = cx.code();
    counts
        .into_iter()
        .map(|(t, n)| Link {
            href: cx.href(&Route::Facet(code, "type", t.as_str(), 1)),
            label: format!(
                "{} ({})",
                cx.t(&format!("type-{}", t.as_str())),
                cx.number(n as f64)
            ),
        })
        .collect()
}

#[derive(Serialize)]
struct TrainingEntry<'a> {
    #[serde(flatten)]
    card: OutputCard<'a>,
    training: super::items::TrainingView,
}

/// `/<lang>/training/`: every training material with what a trainer decides by.
pub(super) fn training(cx: &PageCx) -> Built {
    let site = cx.site;
    let ids: Vec<Id> = site.index[cx.lang]
        .by_type
        .iter()
        .find(|(t, _)| *t == OutputType::TrainingMaterial)
        .map(|(_, l)| l.clone())
        .unwrap_or_default();
    let entries: Vec<TrainingEntry> = ids
        .iter()
        .filter_map(|id| {
            Some(TrainingEntry {
                card: cx.output_card(*id)?,
                training: super::items::training_view(cx, *id)?,
            })
        })
        .collect();
    let mut ctx = ctx_with("materials", &entries);
    ctx.insert(
        "pager",
        &serde_json::json!({"current": 1, "total": pages(site, 1)}),
    );
    let title = cx.t("nav-training");
    let mut built = Built::new("training.html", ctx, title, "training");
    built.feed = Some(urls::feed(cx.code()));
    built
}
