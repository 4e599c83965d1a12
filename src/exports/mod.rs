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
mod sitemap;

use crate::render::{Engine, OutFile};
use crate::site::Site;

/// Every export file of the site.
pub(crate) fn all(site: &Site, engine: &Engine) -> Vec<OutFile> {
    let mut files = vec![sitemap::sitemap(site), sitemap::robots(site)];
    files.extend(feeds::feeds(site, engine));
    files.extend(citation::files(site, engine));
    files.extend(catalog::files(site, engine));
    let mut packs: Vec<_> = site.packs.iter().collect();
    packs.sort_by_key(|(id, _)| **id);
    files.extend(packs.into_iter().map(|(id, p)| OutFile {
        path: pack::pack_file(&site.outputs[id.0].slug),
        bytes: p.bytes.clone(),
    }));
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
