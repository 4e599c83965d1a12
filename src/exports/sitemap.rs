//! `/sitemap.xml` (every page in every language, with its `hreflang` alternates) and
//! `/robots.txt` pointing at it.

use std::fmt::Write;

use super::xml_escape;
use crate::render::{jobs, Job, OutFile};
use crate::site::Site;
use crate::urls::{self, absolute};

pub(super) fn sitemap(site: &Site) -> OutFile {
    let config = &site.config;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for job in jobs(site) {
        if job == Job::NotFound {
            continue;
        }
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
    }
    xml.push_str("</urlset>\n");
    OutFile {
        path: urls::SITEMAP.into(),
        bytes: xml.into_bytes(),
    }
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
