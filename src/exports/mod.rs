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

/// Every export file of the site.
pub(crate) fn all(site: &Site, engine: &Engine) -> Vec<OutFile> {
    let mut files = sitemap::sitemap(site);
    files.push(sitemap::robots(site));
    files.extend(feeds::feeds(site, engine));
    files.extend(citation::files(site, engine));
    files.extend(catalog::files(site, engine));
    files.extend(search_index(site, engine));
    let mut packs: Vec<_> = site.packs.iter().collect();
    packs.sort_by_key(|(id, _)| **id);
    files.extend(packs.into_iter().map(|(id, p)| OutFile {
        path: pack::pack_file(&site.outputs[id.0].slug),
        bytes: p.bytes.clone(),
    }));
    files
}

/// The search index of each language (its output pages, newest first) and the query folding
/// the search page shares with it.
fn search_index(site: &Site, engine: &Engine) -> Vec<OutFile> {
    use crate::discover::Kind;
    use crate::urls::Route;
    struct Owned {
        url: String,
        kind_label: String,
        date: String,
        authors: Vec<String>,
        text: String,
    }
    let mut per_lang: Vec<(String, Vec<(crate::site::Id, Owned)>)> = Vec::new();
    for (lang, l) in site.config.languages.iter().enumerate() {
        let docs = site.index[lang]
            .outputs
            .iter()
            .filter_map(|id| {
                let item = &site.outputs[id.0];
                let o = item.shown(lang, site.mode())?.v;
                let authors = o
                    .authors
                    .iter()
                    .filter_map(|a| {
                        Some(site.authors[a.0].shown(lang, site.mode())?.v.name.clone())
                    })
                    .collect();
                Some((
                    *id,
                    Owned {
                        url: Route::Item(&l.code, Kind::Output, &item.slug).path(),
                        kind_label: engine.t(lang, &format!("type-{}", o.kind.as_str())),
                        date: engine.locales[lang].date(&o.date),
                        authors,
                        text: format!("{}\n{}\n{}", o.title, o.summary, o.body_text),
                    },
                ))
            })
            .collect();
        per_lang.push((l.code.clone(), docs));
    }
    let by_lang: Vec<(&str, Vec<search::SearchDoc>)> = per_lang
        .iter()
        .enumerate()
        .map(|(lang, (code, docs))| {
            let docs = docs
                .iter()
                .filter_map(|(id, d)| {
                    let shown = site.outputs[id.0].shown(lang, site.mode())?;
                    let o = shown.v;
                    Some(search::SearchDoc {
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
                    })
                })
                .collect();
            (code.as_str(), docs)
        })
        .collect();
    let mut files: Vec<OutFile> = search::index_files(&by_lang)
        .into_iter()
        .map(|(path, bytes)| OutFile { path, bytes })
        .collect();
    files.push(OutFile {
        path: "js/normalize.js".into(),
        bytes: search::normalizer_js().into_bytes(),
    });
    files
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
