//! exports — machine-readable files made from the resolved site, one module per format, each a
//! pure function from the `Site` to in-memory files: the sitemap and robots.txt, Atom feeds.

mod feeds;
mod sitemap;

use crate::render::{Engine, OutFile};
use crate::site::Site;

/// Every export of the site.
pub(crate) fn all(site: &Site, engine: &Engine) -> Vec<OutFile> {
    let mut files = vec![sitemap::sitemap(site), sitemap::robots(site)];
    files.extend(feeds::feeds(site, engine));
    files
}

/// Escapes text for XML content and attribute values.
pub(crate) fn xml_escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}
