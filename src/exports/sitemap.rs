//! `/sitemap.xml` (every page in every language, with its `hreflang` alternates) and
//! `/robots.txt` pointing at it.

use std::fmt::Write;

use super::xml_escape;
use crate::render::{jobs, Job, OutFile};
use crate::site::Site;
use crate::urls::{self, absolute};

/// The sitemap protocol's limit of URLs per file (its 50 MB limit is far from reached first,
/// except with very long addresses, which the smaller count also keeps in check).
const URLS_PER_FILE: usize = 40_000;

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";

/// `/sitemap.xml`, or, past `URLS_PER_FILE` pages, a sitemap index pointing at
/// `/sitemap-1.xml`, `/sitemap-2.xml`…
pub(super) fn sitemap(site: &Site) -> Vec<OutFile> {
    split(&site.config.base_url, entries(site), URLS_PER_FILE)
}

fn split(base_url: &str, entries: Vec<String>, per_file: usize) -> Vec<OutFile> {
    let urlset =
        |chunk: &[String]| format!("{URLSET_OPEN}{}</urlset>\n", chunk.concat()).into_bytes();
    if entries.len() <= per_file {
        return vec![OutFile {
            path: urls::SITEMAP.into(),
            bytes: urlset(&entries),
        }];
    }
    let mut files = Vec::new();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (i, chunk) in entries.chunks(per_file).enumerate() {
        let path = format!("sitemap-{}.xml", i + 1);
        let _ = writeln!(
            index,
            "<sitemap><loc>{}</loc></sitemap>",
            xml_escape(&absolute(base_url, &path))
        );
        files.push(OutFile {
            path,
            bytes: urlset(chunk),
        });
    }
    index.push_str("</sitemapindex>\n");
    files.push(OutFile {
        path: urls::SITEMAP.into(),
        bytes: index.into_bytes(),
    });
    files
}

/// One `<url>` element per page, with its alternates.
fn entries(site: &Site) -> Vec<String> {
    let config = &site.config;
    let mut out = Vec::new();
    for job in jobs(site) {
        if job == Job::NotFound {
            continue;
        }
        let mut xml = String::new();
        let value = job.facet_value();
        let own = match job.lang() {
            Some(l) => job.route(site, &config.languages[l].code, &value),
            None => job.route(site, "", ""),
        };
        let _ = writeln!(
            xml,
            "<url><loc>{}</loc>",
            xml_escape(&absolute(&config.base_url, &own.path()))
        );
        if job.lang().is_some() {
            for (l, lang) in config
                .languages
                .iter()
                .enumerate()
                .filter(|(l, _)| job.exists_in(site, *l))
            {
                let href = absolute(
                    &config.base_url,
                    &job.route(site, &lang.code, &value).path(),
                );
                let _ = writeln!(
                    xml,
                    "  <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    xml_escape(&lang.code),
                    xml_escape(&href)
                );
                if l == config.default_lang {
                    let _ = writeln!(
                        xml,
                        "  <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                        xml_escape(&href)
                    );
                }
            }
        }
        xml.push_str("</url>\n");
        out.push(xml);
    }
    out
}

pub(super) fn robots(site: &Site) -> OutFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        absolute(&site.config.base_url, urls::SITEMAP)
    );
    OutFile {
        path: urls::ROBOTS.into(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_sites_get_a_sitemap_index() {
        let entries: Vec<String> = (0..5)
            .map(|i| format!("<url><loc>https://x.org/{i}/</loc></url>\n"))
            .collect();
        let files = split("https://x.org/p", entries.clone(), 2);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        let index = String::from_utf8(files[3].bytes.clone()).unwrap();
        let doc = roxmltree::Document::parse(&index).unwrap();
        let locs: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(
            locs,
            vec![
                "https://x.org/p/sitemap-1.xml",
                "https://x.org/p/sitemap-2.xml",
                "https://x.org/p/sitemap-3.xml"
            ]
        );
        let last = String::from_utf8(files[2].bytes.clone()).unwrap();
        assert_eq!(
            roxmltree::Document::parse(&last)
                .unwrap()
                .descendants()
                .filter(|n| n.has_tag_name("url"))
                .count(),
            1
        );
        assert_eq!(
            split("https://x.org", entries, 5).len(),
            1,
            "small sites keep one sitemap"
        );
    }
}
