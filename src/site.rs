//! site — the immutable result of stage 2 (resolve): every item with its version in each
//! language, references as ids, and the reverse indexes the pages need. Rendering only reads it.

use std::sync::Arc;

use crate::config::{MissingTranslation, SiteConfig};
use crate::model::{AuthorKind, Funding, OutputType, PartialDate, Status, TrainingFormat};

pub(crate) type Lang = usize;

/// Index into `Site::outputs`, `projects`, `authors`, `topics` or `pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Id(pub usize);

/// An item in every language: its own version where a file exists, and the base version (the
/// default language's, else the first language's that has one) for the others.
#[derive(Debug)]
pub(crate) struct Item<T> {
    pub slug: String,
    pub versions: Vec<Option<T>>,
    pub base: Lang,
}

/// What a language shows of an item.
pub(crate) struct Shown<'a, T> {
    pub v: &'a T,
    /// The language the text is in (differs from the page language for a fallback).
    pub text_lang: Lang,
}

impl<'a, T> Shown<'a, T> {
    pub fn is_fallback(&self, page_lang: Lang) -> bool {
        self.text_lang != page_lang
    }
}

impl<T> Item<T> {
    /// The version a page in `lang` shows, or `None` when the item is hidden in that language.
    pub fn shown(&self, lang: Lang, mode: MissingTranslation) -> Option<Shown<'_, T>> {
        if let Some(v) = &self.versions[lang] {
            return Some(Shown { v, text_lang: lang });
        }
        match mode {
            MissingTranslation::Hide => None,
            MissingTranslation::Fallback => self.versions[self.base].as_ref().map(|v| Shown {
                v,
                text_lang: self.base,
            }),
        }
    }

    pub fn base(&self) -> &T {
        self.versions[self.base]
            .as_ref()
            .expect("an item's base language always has a version")
    }
}

/// An attached file offered for download.
#[derive(Debug, Clone)]
pub(crate) struct Attachment {
    /// Path inside the item's folder, as written.
    pub path: String,
    pub title: String,
    /// Language code of the document itself.
    pub language: Option<String>,
    pub bytes: u64,
    /// Upper-case extension, e.g. `PDF`.
    pub format: String,
    /// Number of pages, for PDFs whose page tree can be read.
    pub pages: Option<usize>,
}

/// What a training material says about its use.
#[derive(Debug, Clone, Default)]
pub(crate) struct Training {
    pub audience: Option<String>,
    pub duration: Option<String>,
    pub level: Option<String>,
    pub format: Option<TrainingFormat>,
    /// Language codes the material can be delivered in.
    pub languages: Vec<String>,
}

/// The "download all" archive of a training material's files.
#[derive(Debug, Clone)]
pub(crate) struct Pack {
    pub bytes: Vec<u8>,
    pub sha256: String,
}

#[derive(Debug)]
pub(crate) struct Output {
    pub title: String,
    pub kind: OutputType,
    pub date: PartialDate,
    pub authors: Vec<Id>,
    pub topics: Vec<Id>,
    pub project: Option<Id>,
    /// Plain-text summary: the `abstract`, else the body's first paragraph.
    pub summary: String,
    pub body_html: Arc<str>,
    pub files: Vec<Attachment>,
    pub doi: Option<String>,
    pub url: Option<String>,
    pub license: Option<String>,
    pub publisher: Option<Id>,
    /// Whether the front matter gives an `abstract` (else `summary` is the first paragraph).
    pub has_abstract: bool,
    /// Files of the output's folder that the body links to.
    pub linked_files: Vec<String>,
    /// The body's text without markup, for the search index.
    pub body_text: Arc<str>,
    pub training: Training,
}

/// The funder's programme officer: an author of the portal, or a plain name.
#[derive(Debug, Clone)]
pub(crate) enum Officer {
    Author(Id),
    Name(String),
}

#[derive(Debug)]
pub(crate) struct Project {
    pub title: String,
    pub number: Option<String>,
    pub status: Status,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub duration_months: Option<u32>,
    pub funding: Option<Funding>,
    pub officer: Option<Officer>,
    pub leaders: Vec<Id>,
    pub lead_organisations: Vec<Id>,
    pub partners: Vec<Id>,
    pub programs: Vec<String>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub topics: Vec<Id>,
    pub body_html: Arc<str>,
    pub summary: String,
}

#[derive(Debug)]
pub(crate) struct Author {
    pub name: String,
    pub kind: AuthorKind,
    pub sort_name: String,
    pub affiliation: Option<Id>,
    pub orcid: Option<String>,
    pub url: Option<String>,
    pub body_html: Arc<str>,
    /// The biography's first paragraph, as plain text.
    pub summary: String,
}

#[derive(Debug)]
pub(crate) struct Topic {
    pub title: String,
    pub body_html: Arc<str>,
}

#[derive(Debug)]
pub(crate) struct Page {
    pub title: String,
    /// For search engines and link previews.
    pub description: Option<String>,
    pub menu_weight: Option<i64>,
    pub body_html: Arc<str>,
}

/// Per-language lists, computed once: what each language shows, in display order.
#[derive(Debug, Default)]
pub(crate) struct LangIndex {
    /// Outputs shown in this language, newest first.
    pub outputs: Vec<Id>,
    /// By project, author, topic id: outputs newest first.
    pub outputs_by_project: Vec<Vec<Id>>,
    pub outputs_by_author: Vec<Vec<Id>>,
    pub outputs_by_topic: Vec<Vec<Id>>,
    /// Pages with a `menu_weight`, in menu order.
    pub menu: Vec<Id>,
    /// Output types and years present, with their outputs (newest first).
    pub by_type: Vec<(OutputType, Vec<Id>)>,
    pub by_year: Vec<(i32, Vec<Id>)>,
}

#[derive(Debug)]
pub(crate) struct Site {
    pub config: SiteConfig,
    pub outputs: Vec<Item<Output>>,
    pub projects: Vec<Item<Project>>,
    pub authors: Vec<Item<Author>>,
    pub topics: Vec<Item<Topic>>,
    pub pages: Vec<Item<Page>>,
    /// The home page text; the home page exists in every language even without one.
    pub home: Option<Item<Page>>,
    pub index: Vec<LangIndex>,
    /// For each output, the most related others (see `indexes::related`), best first.
    pub related: Vec<Vec<Id>>,
    /// "Download all" archives of training materials, by output.
    pub packs: std::collections::HashMap<Id, Pack>,
}

impl Site {
    pub fn mode(&self) -> MissingTranslation {
        self.config.missing_translation
    }

    /// Computes the per-language indexes (called once, at the end of resolve).
    pub(crate) fn build_index(&mut self) {
        let mode = self.mode();
        self.index = (0..self.config.languages.len())
            .map(|lang| {
                let mut ix = LangIndex {
                    outputs_by_project: vec![Vec::new(); self.projects.len()],
                    outputs_by_author: vec![Vec::new(); self.authors.len()],
                    outputs_by_topic: vec![Vec::new(); self.topics.len()],
                    ..LangIndex::default()
                };
                let mut shown: Vec<(Id, &Output)> = self
                    .outputs
                    .iter()
                    .enumerate()
                    .filter_map(|(i, o)| o.shown(lang, mode).map(|s| (Id(i), s.v)))
                    .collect();
                shown.sort_by(|(ia, a), (ib, b)| {
                    b.date
                        .sort_key()
                        .cmp(&a.date.sort_key())
                        .then_with(|| self.outputs[ia.0].slug.cmp(&self.outputs[ib.0].slug))
                });
                for (id, o) in &shown {
                    ix.outputs.push(*id);
                    match ix.by_type.iter_mut().find(|(t, _)| *t == o.kind) {
                        Some((_, list)) => list.push(*id),
                        None => ix.by_type.push((o.kind, vec![*id])),
                    }
                    match ix.by_year.last_mut() {
                        Some((y, list)) if *y == o.date.year => list.push(*id),
                        _ => ix.by_year.push((o.date.year, vec![*id])),
                    }
                    if let Some(p) = o.project {
                        ix.outputs_by_project[p.0].push(*id);
                    }
                    for a in dedup(&o.authors) {
                        ix.outputs_by_author[a.0].push(*id);
                    }
                    for t in dedup(&o.topics) {
                        ix.outputs_by_topic[t.0].push(*id);
                    }
                }
                let mut menu: Vec<(i64, &str, Id)> = self
                    .pages
                    .iter()
                    .enumerate()
                    .filter_map(|(i, p)| {
                        let s = p.shown(lang, mode)?;
                        Some((s.v.menu_weight?, p.slug.as_str(), Id(i)))
                    })
                    .collect();
                menu.sort();
                ix.menu = menu.into_iter().map(|(_, _, id)| id).collect();
                ix.by_type.sort_by_key(|(t, _)| *t);
                ix
            })
            .collect();
        self.related = crate::indexes::related(&self.outputs, RELATED_CANDIDATES);
    }
}

/// Related outputs kept per output; pages show the first five shown in their language.
const RELATED_CANDIDATES: usize = 10;

fn dedup(ids: &[Id]) -> Vec<Id> {
    let mut seen = Vec::with_capacity(ids.len());
    for id in ids {
        if !seen.contains(id) {
            seen.push(*id);
        }
    }
    seen
}
