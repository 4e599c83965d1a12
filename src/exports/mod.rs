//! exports — machine-readable files and metadata made from the resolved site, one module per
//! format, each a pure function of the `Site`: the sitemap and robots.txt, Atom feeds,
//! citations (APA, Chicago, BibTeX, RIS, CSL-JSON), schema.org JSON-LD, harvester `<meta>` tags,
//! and the whole-portal catalogue, spreadsheet and OAI-PMH static repository.

pub(crate) mod catalog;
pub(crate) mod citation;
mod feeds;
pub(crate) mod jsonld;
pub(crate) mod meta;
pub(crate) mod pack;
pub(crate) mod search;
mod sitemap;

use crate::render::{Engine, OutFile};
use crate::site::Site;

/// One part of the exports: makes some of the site's files. Parts are independent of each
/// other, so they run in parallel, and each one's files can be written and dropped as soon as it
/// is done.
pub(crate) type Part<'a> = Box<dyn Fn() -> Vec<OutFile> + Send + Sync + 'a>;

/// Every export of the site, in parts, the longest first (the search indexes, then the
/// citations), so that the short ones fill the gaps at the end instead of one long part
/// running alone.
pub(crate) fn parts<'a>(site: &'a Site, engine: &'a Engine) -> Vec<Part<'a>> {
    let languages = 0..site.config.languages.len();
    let mut parts: Vec<Part<'a>> = Vec::new();
    for lang in languages.clone() {
        parts.push(Box::new(move || search_index(site, engine, lang)));
    }
    for lang in languages {
        parts.push(Box::new(move || citation::files(site, engine, lang)));
    }
    parts.extend::<[Part<'a>; 5]>([
        Box::new(|| {
            let mut files = sitemap::sitemap(site);
            files.push(sitemap::robots(site));
            files
        }),
        Box::new(|| feeds::feeds(site, engine)),
        Box::new(|| catalog::files(site, engine)),
        Box::new(|| {
            vec![OutFile {
                path: "js/normalize.js".into(),
                bytes: search::normalizer_js().into_bytes(),
            }]
        }),
        Box::new(|| {
            let mut packs: Vec<_> = site.packs.iter().collect();
            packs.sort_by_key(|(id, _)| **id);
            packs
                .into_iter()
                .map(|(id, p)| OutFile {
                    path: pack::pack_file(&site.outputs[id.0].slug),
                    bytes: p.bytes.clone(),
                })
                .collect()
        }),
    ]);
    parts
}

/// Where the search index of the language `code` is.
pub(crate) fn search_path(code: &str) -> String {
    format!("search/{code}.json")
}

/// The search index of one language: its output pages, newest first.
pub(crate) fn search_index(site: &Site, engine: &Engine, lang: usize) -> Vec<OutFile> {
    use crate::discover::Kind;
    use crate::urls::Route;
    /// The strings a `SearchDoc` borrows that are made for it.
    struct Owned {
        url: String,
        kind_label: String,
        date: String,
        authors: Vec<String>,
        text: String,
    }
    let code = &site.config.languages[lang].code;
    let shown: Vec<_> = site.index[lang]
        .outputs
        .iter()
        .filter_map(|id| {
            let item = &site.outputs[id.0];
            Some((item, item.shown(lang, site.mode())?))
        })
        .collect();
    let owned: Vec<Owned> = shown
        .iter()
        .map(|(item, shown)| {
            let o = shown.v;
            Owned {
                url: Route::Item(code, Kind::Output, &item.slug).path(),
                kind_label: engine.t(lang, &format!("type-{}", o.kind.as_str())),
                date: engine.locales[lang].date(&o.date),
                authors: o
                    .authors
                    .iter()
                    .filter_map(|a| {
                        Some(site.authors[a.0].shown(lang, site.mode())?.v.name.clone())
                    })
                    .collect(),
                text: format!("{}\n{}\n{}", o.title, o.summary, o.body_text),
            }
        })
        .collect();
    let docs: Vec<search::SearchDoc> = shown
        .iter()
        .zip(&owned)
        .map(|((_, shown), d)| {
            let o = shown.v;
            search::SearchDoc {
                url: &d.url,
                title: &o.title,
                text_lang: &site.config.languages[shown.text_lang].code,
                kind: o.kind.as_str(),
                kind_label: &d.kind_label,
                date: &d.date,
                year: o.date.year,
                authors: d.authors.iter().map(String::as_str).collect(),
                topics: o
                    .topics
                    .iter()
                    .map(|t| site.topics[t.0].slug.as_str())
                    .collect(),
                body: &d.text,
            }
        })
        .collect();
    search::index_files(&[(code.as_str(), docs)])
        .into_iter()
        .map(|(path, bytes)| OutFile { path, bytes })
        .collect()
}

/// Escapes text for XML content and attribute values, dropping the characters XML 1.0 forbids
/// (control characters other than tab and line breaks).
pub(crate) fn xml_escape(s: &str) -> String {
    quick_xml::escape::escape(xml_text(s).as_ref()).into_owned()
}

/// `s` without the characters XML 1.0 cannot contain.
pub(crate) fn xml_text(s: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
    };
    if s.chars().all(allowed) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter(|c| allowed(*c)).collect())
    }
}
