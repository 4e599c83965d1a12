//! urls — the sole owner of the URL scheme. Every address the site has is a `Route`; a route
//! gives its percent-encoded path (relative to the site root, no leading slash), the file that
//! holds it, the relative prefix back to the root, and its absolute URL.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use std::fmt::Write;

use crate::discover::Kind;

/// Characters escaped in one path segment (RFC 3986 `pchar` keeps the rest).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}')
    .add(b'\'');

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route<'a> {
    /// `/`: the language chooser.
    Chooser,
    /// `/404.html`.
    NotFound,
    Home(&'a str),
    /// A section list (`outputs`, `projects`, `authors`, `topics`), page `n` (1-based).
    List(&'a str, Kind, usize),
    /// An item page: output, project, author, topic or free page.
    Item(&'a str, Kind, &'a str),
    /// A filtered output list: `/<lang>/outputs/<facet>/<value>/`, page `n`.
    Facet(&'a str, &'a str, &'a str, usize),
    /// A filtered project list: `/<lang>/projects/<facet>/<value>/`.
    ProjectFacet(&'a str, &'a str, &'a str),
    /// The training materials hub: `/<lang>/training/`.
    Training(&'a str),
    /// The search page: `/<lang>/search/`.
    Search(&'a str),
    /// Page `n` (2 or more) of an item's list of outputs: `/<lang>/topics/<slug>/page/2/`.
    ItemPage(&'a str, Kind, &'a str, usize),
}

/// The site-wide files at fixed addresses.
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";

/// The Atom feed of a language's newest outputs: `en/atom.xml`.
pub fn feed(lang: &str) -> String {
    format!("{}/atom.xml", enc(lang))
}

/// The Atom feed of one topic: `en/topics/<slug>/atom.xml`.
pub fn topic_feed(lang: &str, slug: &str) -> String {
    format!("{}/topics/{}/atom.xml", enc(lang), enc(slug))
}

impl Route<'_> {
    /// The encoded path relative to the site root: `en/outputs/gbv-court/` (`""` for `/`).
    pub fn path(&self) -> String {
        let mut out = String::with_capacity(64);
        self.push_path(&mut out);
        out
    }

    /// Appends `path()` to `out`. Links are made by the hundred per page, so this builds in
    /// place rather than through `format!`.
    pub fn push_path(&self, out: &mut String) {
        let mut folder = |segment: &str| {
            out.extend(utf8_percent_encode(segment, SEGMENT));
            out.push('/');
        };
        match *self {
            Route::Chooser => {}
            Route::NotFound => out.push_str("404.html"),
            Route::Home(lang) | Route::Item(lang, Kind::Home, _) => folder(lang),
            Route::List(lang, kind, n) => {
                folder(lang);
                folder(kind.section());
                push_page_dir(out, n);
            }
            Route::Item(lang, Kind::Page, slug) => {
                folder(lang);
                folder(slug);
            }
            Route::Item(lang, kind, slug) => {
                folder(lang);
                folder(kind.section());
                folder(slug);
            }
            Route::Facet(lang, facet, value, n) => {
                for segment in [lang, "outputs", facet, value] {
                    folder(segment);
                }
                push_page_dir(out, n);
            }
            Route::ProjectFacet(lang, facet, value) => {
                for segment in [lang, "projects", facet, value] {
                    folder(segment);
                }
            }
            Route::Training(lang) => {
                folder(lang);
                folder("training");
            }
            Route::Search(lang) => {
                folder(lang);
                folder("search");
            }
            Route::ItemPage(lang, kind, slug, n) => {
                Route::Item(lang, kind, slug).push_path(out);
                push_page_dir(out, n);
            }
        }
    }

    /// The file of this page in the output folder (decoded, with `index.html` for folders).
    pub fn file(&self) -> String {
        let raw = match self {
            Route::Chooser => String::new(),
            Route::NotFound => "404.html".into(),
            Route::Home(lang) => format!("{lang}/"),
            Route::List(lang, kind, n) => format!("{lang}/{}/{}", kind.section(), page_dir(*n)),
            Route::Item(lang, Kind::Page, slug) => format!("{lang}/{slug}/"),
            Route::Item(lang, Kind::Home, _) => format!("{lang}/"),
            Route::Item(lang, kind, slug) => format!("{lang}/{}/{slug}/", kind.section()),
            Route::Facet(lang, facet, value, n) => {
                format!("{lang}/outputs/{facet}/{value}/{}", page_dir(*n))
            }
            Route::ProjectFacet(lang, facet, value) => format!("{lang}/projects/{facet}/{value}/"),
            Route::Training(lang) => format!("{lang}/training/"),
            Route::Search(lang) => format!("{lang}/search/"),
            Route::ItemPage(lang, kind, slug, n) => {
                let item = Route::Item(lang, *kind, slug).file();
                format!("{}{}", item.trim_end_matches("index.html"), page_dir(*n))
            }
        };
        if raw.is_empty() || raw.ends_with('/') {
            format!("{raw}index.html")
        } else {
            raw
        }
    }
}

fn push_page_dir(out: &mut String, n: usize) {
    if n > 1 {
        let _ = write!(out, "page/{n}/");
    }
}

fn page_dir(n: usize) -> String {
    if n > 1 {
        format!("page/{n}/")
    } else {
        String::new()
    }
}

/// Percent-encodes one path segment.
pub fn enc(segment: &str) -> String {
    utf8_percent_encode(segment, SEGMENT).to_string()
}

/// The encoded path of an attached file: `files/<kind>/<slug>/<path>`, one segment at a time.
pub fn attachment(kind: Kind, slug: &str, path: &str) -> String {
    let segments: Vec<String> = path.split('/').map(enc).collect();
    format!(
        "files/{}/{}/{}",
        kind.section(),
        enc(slug),
        segments.join("/")
    )
}

/// The decoded file of an attachment in the output folder.
pub fn attachment_file(kind: Kind, slug: &str, path: &str) -> String {
    format!("files/{}/{slug}/{path}", kind.section())
}

/// `../` once per folder between a page's file and the site root: prefixing a root-relative
/// path with it gives a link that works at any base path and from the file system.
pub fn root_prefix(file: &str) -> String {
    let depth = file.matches('/').count();
    if depth == 0 {
        "./".into()
    } else {
        "../".repeat(depth)
    }
}

/// The path part of the base URL, with slashes around it: `/portal/` (or `/`).
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    match after_scheme.split_once('/') {
        Some((_, path)) if !path.trim_matches('/').is_empty() => {
            format!("/{}/", path.trim_matches('/'))
        }
        _ => "/".into(),
    }
}

/// The absolute URL of a root-relative path.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{base_url}/{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_follow_the_scheme() {
        assert_eq!(Route::Chooser.file(), "index.html");
        assert_eq!(Route::Home("ur").path(), "ur/");
        assert_eq!(Route::List("fr", Kind::Output, 1).path(), "fr/outputs/");
        assert_eq!(
            Route::List("fr", Kind::Output, 2).file(),
            "fr/outputs/page/2/index.html"
        );
        assert_eq!(
            Route::Item("en", Kind::Output, "a b").path(),
            "en/outputs/a%20b/"
        );
        assert_eq!(
            Route::Item("en", Kind::Output, "a b").file(),
            "en/outputs/a b/index.html"
        );
        assert_eq!(Route::Item("en", Kind::Page, "about").path(), "en/about/");
        assert_eq!(
            Route::Facet("en", "type", "report", 1).path(),
            "en/outputs/type/report/"
        );
        assert_eq!(
            Route::Facet("en", "year", "2021", 3).file(),
            "en/outputs/year/2021/page/3/index.html"
        );
        assert_eq!(topic_feed("ur", "a b"), "ur/topics/a%20b/atom.xml");
    }

    #[test]
    fn attachments_are_encoded_per_segment() {
        assert_eq!(
            attachment(Kind::Output, "x", "docs/رپورٹ final.pdf"),
            "files/outputs/x/docs/%D8%B1%D9%BE%D9%88%D8%B1%D9%B9%20final.pdf"
        );
    }

    #[test]
    fn base_path_of_urls() {
        assert_eq!(base_path("https://example.org/portal"), "/portal/");
        assert_eq!(base_path("https://example.org"), "/");
        assert_eq!(base_path("http://x.org/a/b/"), "/a/b/");
    }

    #[test]
    fn root_prefix_counts_folders() {
        assert_eq!(root_prefix("index.html"), "./");
        assert_eq!(root_prefix("en/index.html"), "../");
        assert_eq!(root_prefix("en/outputs/x/index.html"), "../../../");
    }
}
