//! The search page, `/<lang>/search/`: a form and an empty results region that
//! `js/search.js` fills from the language's index (`search/<lang>.json`), loaded only when the
//! reader types. Its interface strings come from the Fluent files like every other.

use std::collections::BTreeMap;

use serde::Serialize;

use super::pages::{ctx_with, Built};
use super::views::{LangView, PageCx};
use crate::site::Id;

/// The strings search.js shows, by the name it uses.
const STRINGS: &[(&str, &str)] = &[
    ("results", "search-results"),
    ("none", "search-none"),
    ("all_languages", "search-all-languages"),
    ("searching", "search-searching"),
    ("error", "search-error"),
    ("fallback", "search-in-language"),
    ("more", "search-more"),
];

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct SearchPage<'a> {
    index_base: String,
    langs: String,
    strings: String,
    types: Vec<Choice>,
    years: Vec<Choice>,
    topics: Vec<Choice>,
    languages: Vec<LangView<'a>>,
}

pub(super) fn page(cx: &PageCx) -> Built {
    let site = cx.site;
    let ix = &site.index[cx.lang];
    let strings: BTreeMap<&str, String> = STRINGS
        .iter()
        .map(|(name, key)| (*name, cx.t(key)))
        .collect();
    let mut topics: Vec<Choice> = (0..site.topics.len())
        .filter(|&t| !ix.outputs_by_topic[t].is_empty())
        .filter_map(|t| {
            Some(Choice {
                value: site.topics[t].slug.clone(),
                label: cx.topic(Id(t))?.title.to_owned(),
            })
        })
        .collect();
    let collation = &cx.engine.locales[cx.lang];
    topics.sort_by(|a, b| collation.compare(&a.label, &b.label));
    let page = SearchPage {
        index_base: format!("{}search/", cx.root),
        langs: site.config.codes().collect::<Vec<_>>().join(","),
        strings: serde_json::to_string(&strings).unwrap_or_default(),
        types: ix
            .by_type
            .iter()
            .map(|(t, _)| Choice {
                value: t.as_str().into(),
                label: cx.t(&format!("type-{}", t.as_str())),
            })
            .collect(),
        years: ix
            .by_year
            .iter()
            .map(|(y, _)| Choice {
                value: y.to_string(),
                label: y.to_string(),
            })
            .collect(),
        topics,
        languages: (0..site.config.languages.len())
            .map(|l| cx.lang_view(l))
            .collect(),
    };
    Built::new(
        "search.html",
        ctx_with("search", &page),
        cx.t("search-title"),
        "search",
    )
}
