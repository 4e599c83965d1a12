//! Whole-portal exports: `/catalog.json` (every output, project, author and topic with all
//! their languages, versioned by `schema_version`; documented in docs/exports.md),
//! `/outputs.csv` for funders' spreadsheets (UTF-8 with a byte-order mark so that spreadsheet
//! programs read Urdu), and `/oai.xml`, an OAI-PMH static repository of Dublin Core records.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::xml_escape;
use crate::discover::Kind;
use crate::render::{Engine, OutFile};
use crate::site::{Item, Officer, Site};
use crate::urls::{self, absolute, Route};

/// Bumped when a field changes meaning or disappears (adding fields keeps the version).
pub(crate) const SCHEMA_VERSION: u32 = 1;

pub(crate) fn files(site: &Site, engine: &Engine) -> Vec<OutFile> {
    vec![
        OutFile {
            path: "catalog.json".into(),
            bytes: catalog(site),
        },
        OutFile {
            path: "outputs.csv".into(),
            bytes: csv(site, engine),
        },
        OutFile {
            path: "oai.xml".into(),
            bytes: oai(site).into_bytes(),
        },
    ]
}

/// Text per language code, for the languages that have their own file.
type PerLang<'a> = BTreeMap<&'a str, &'a str>;

fn per_lang<'a, T>(
    site: &'a Site,
    item: &'a Item<T>,
    field: impl Fn(&'a T) -> &'a str,
) -> PerLang<'a> {
    site.config
        .languages
        .iter()
        .zip(&item.versions)
        .filter_map(|(l, v)| Some((l.code.as_str(), field(v.as_ref()?))))
        .filter(|(_, text)| !text.is_empty())
        .collect()
}

/// The page of an item in every language that shows it.
fn pages<'a, T>(site: &'a Site, kind: Kind, item: &'a Item<T>) -> BTreeMap<&'a str, String> {
    site.config
        .languages
        .iter()
        .enumerate()
        .filter(|(l, _)| item.shown(*l, site.mode()).is_some())
        .map(|(_, l)| {
            (
                l.code.as_str(),
                absolute(
                    &site.config.base_url,
                    &Route::Item(&l.code, kind, &item.slug).path(),
                ),
            )
        })
        .collect()
}

#[derive(Serialize)]
struct Catalog<'a> {
    schema_version: u32,
    generator: &'static str,
    base_url: &'a str,
    default_language: &'a str,
    languages: Vec<Language<'a>>,
    outputs: Vec<OutputEntry<'a>>,
    projects: Vec<ProjectEntry<'a>>,
    authors: Vec<AuthorEntry<'a>>,
    topics: Vec<TopicEntry<'a>>,
}

#[derive(Serialize)]
struct Language<'a> {
    code: &'a str,
    name: &'a str,
    direction: &'static str,
    site_title: &'a str,
}

#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    url: String,
    title: &'a str,
    format: &'a str,
    bytes: u64,
    language: Option<&'a str>,
}

#[derive(Serialize)]
struct OutputEntry<'a> {
    slug: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    date: String,
    title: PerLang<'a>,
    #[serde(rename = "abstract")]
    summary: PerLang<'a>,
    authors: Vec<&'a str>,
    topics: Vec<&'a str>,
    project: Option<&'a str>,
    publisher: Option<&'a str>,
    doi: Option<&'a str>,
    url: Option<&'a str>,
    license: Option<&'a str>,
    files: Vec<FileEntry<'a>>,
    pages: BTreeMap<&'a str, String>,
}

#[derive(Serialize)]
struct Funding<'a> {
    amount: f64,
    currency: &'a str,
}

#[derive(Serialize)]
struct ProjectEntry<'a> {
    slug: &'a str,
    title: PerLang<'a>,
    status: &'static str,
    number: Option<&'a str>,
    start: Option<String>,
    end: Option<String>,
    duration_months: Option<u32>,
    funding: Option<Funding<'a>>,
    /// An author slug, or the officer's name when they are not an author of the portal.
    officer: Option<&'a str>,
    leaders: Vec<&'a str>,
    lead_organisations: Vec<&'a str>,
    partners: Vec<&'a str>,
    programs: BTreeMap<&'a str, &'a [String]>,
    countries: &'a [String],
    regions: BTreeMap<&'a str, &'a [String]>,
    topics: Vec<&'a str>,
    outputs: Vec<&'a str>,
    pages: BTreeMap<&'a str, String>,
}

#[derive(Serialize)]
struct AuthorEntry<'a> {
    slug: &'a str,
    kind: &'static str,
    name: PerLang<'a>,
    sort_name: PerLang<'a>,
    affiliation: Option<&'a str>,
    orcid: Option<&'a str>,
    url: Option<&'a str>,
    pages: BTreeMap<&'a str, String>,
}

#[derive(Serialize)]
struct TopicEntry<'a> {
    slug: &'a str,
    title: PerLang<'a>,
    pages: BTreeMap<&'a str, String>,
}

fn catalog(site: &Site) -> Vec<u8> {
    let config = &site.config;
    let author_slug = |id: crate::site::Id| site.authors[id.0].slug.as_str();
    let outputs = site
        .outputs
        .iter()
        .map(|item| {
            let o = item.base();
            OutputEntry {
                slug: &item.slug,
                kind: o.kind.as_str(),
                date: o.date.to_string(),
                title: per_lang(site, item, |v| v.title.as_str()),
                summary: per_lang(site, item, |v| v.summary.as_str()),
                authors: o.authors.iter().map(|a| author_slug(*a)).collect(),
                topics: o
                    .topics
                    .iter()
                    .map(|t| site.topics[t.0].slug.as_str())
                    .collect(),
                project: o.project.map(|p| site.projects[p.0].slug.as_str()),
                publisher: o.publisher.map(author_slug),
                doi: o.doi.as_deref(),
                url: o.url.as_deref(),
                license: o.license.as_deref(),
                files: o
                    .files
                    .iter()
                    .map(|f| FileEntry {
                        path: &f.path,
                        url: absolute(
                            &config.base_url,
                            &urls::attachment(Kind::Output, &item.slug, &f.path),
                        ),
                        title: &f.title,
                        format: &f.format,
                        bytes: f.bytes,
                        language: f.language.as_deref(),
                    })
                    .collect(),
                pages: pages(site, Kind::Output, item),
            }
        })
        .collect();
    let projects = site
        .projects
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let p = item.base();
            let per_lang_list =
                |f: fn(&crate::site::Project) -> &[String]| -> BTreeMap<&str, &[String]> {
                    config
                        .languages
                        .iter()
                        .zip(&item.versions)
                        .filter_map(|(l, v)| Some((l.code.as_str(), f(v.as_ref()?))))
                        .filter(|(_, x)| !x.is_empty())
                        .collect()
                };
            ProjectEntry {
                slug: &item.slug,
                title: per_lang(site, item, |v| v.title.as_str()),
                status: p.status.as_str(),
                number: p.number.as_deref(),
                start: p.start.map(|d| d.to_string()),
                end: p.end.map(|d| d.to_string()),
                duration_months: p.duration_months,
                funding: p.funding.as_ref().map(|f| Funding {
                    amount: f.amount,
                    currency: &f.currency,
                }),
                officer: p.officer.as_ref().map(|o| match o {
                    Officer::Author(a) => author_slug(*a),
                    Officer::Name(n) => n.as_str(),
                }),
                leaders: p.leaders.iter().map(|a| author_slug(*a)).collect(),
                lead_organisations: p
                    .lead_organisations
                    .iter()
                    .map(|a| author_slug(*a))
                    .collect(),
                partners: p.partners.iter().map(|a| author_slug(*a)).collect(),
                programs: per_lang_list(|v| &v.programs),
                countries: &p.countries,
                regions: per_lang_list(|v| &v.regions),
                topics: p
                    .topics
                    .iter()
                    .map(|t| site.topics[t.0].slug.as_str())
                    .collect(),
                outputs: site
                    .outputs
                    .iter()
                    .filter(|o| o.base().project.map(|x| x.0) == Some(i))
                    .map(|o| o.slug.as_str())
                    .collect(),
                pages: pages(site, Kind::Project, item),
            }
        })
        .collect();
    let authors = site
        .authors
        .iter()
        .map(|item| {
            let a = item.base();
            AuthorEntry {
                slug: &item.slug,
                kind: a.kind.as_str(),
                name: per_lang(site, item, |v| v.name.as_str()),
                sort_name: per_lang(site, item, |v| v.sort_name.as_str()),
                affiliation: a.affiliation.map(author_slug),
                orcid: a.orcid.as_deref(),
                url: a.url.as_deref(),
                pages: pages(site, Kind::Author, item),
            }
        })
        .collect();
    let topics = site
        .topics
        .iter()
        .map(|item| TopicEntry {
            slug: &item.slug,
            title: per_lang(site, item, |v| v.title.as_str()),
            pages: pages(site, Kind::Topic, item),
        })
        .collect();
    let catalog = Catalog {
        schema_version: SCHEMA_VERSION,
        generator: "nashr",
        base_url: &config.base_url,
        default_language: &config.languages[config.default_lang].code,
        languages: config
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| Language {
                code: &l.code,
                name: &l.name,
                direction: l.direction.as_str(),
                site_title: config.title(i),
            })
            .collect(),
        outputs,
        projects,
        authors,
        topics,
    };
    let mut bytes = serde_json::to_vec_pretty(&catalog).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// One row per output: what a funder's spreadsheet needs, with a title column per language.
fn csv(site: &Site, engine: &Engine) -> Vec<u8> {
    let config = &site.config;
    let default = config.default_lang;
    let mut header: Vec<String> = vec!["slug".into(), "type".into(), "date".into()];
    header.extend(config.languages.iter().map(|l| format!("title_{}", l.code)));
    header.extend(
        [
            "authors",
            "topics",
            "project",
            "publisher",
            "doi",
            "license",
            "page",
            "files",
        ]
        .map(String::from),
    );
    let mut writer = csv::Writer::from_writer(Vec::from(*b"\xEF\xBB\xBF"));
    let mut rows = vec![header];
    for item in &site.outputs {
        let o = item.base();
        let name = |id: crate::site::Id| {
            site.authors[id.0]
                .shown(default, site.mode())
                .map(|s| s.v.name.clone())
                .unwrap_or_default()
        };
        let mut row = vec![
            item.slug.clone(),
            engine.t(default, &format!("type-{}", o.kind.as_str())),
            o.date.to_string(),
        ];
        row.extend(
            item.versions
                .iter()
                .map(|v| v.as_ref().map(|v| v.title.clone()).unwrap_or_default()),
        );
        row.push(
            o.authors
                .iter()
                .map(|a| name(*a))
                .collect::<Vec<_>>()
                .join("; "),
        );
        row.push(
            o.topics
                .iter()
                .filter_map(|t| {
                    Some(
                        site.topics[t.0]
                            .shown(default, site.mode())?
                            .v
                            .title
                            .clone(),
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        );
        row.push(
            o.project
                .and_then(|p| {
                    Some(
                        site.projects[p.0]
                            .shown(default, site.mode())?
                            .v
                            .title
                            .clone(),
                    )
                })
                .unwrap_or_default(),
        );
        row.push(o.publisher.map(name).unwrap_or_default());
        row.push(o.doi.clone().unwrap_or_default());
        row.push(o.license.clone().unwrap_or_default());
        let lang = if item.versions[default].is_some() {
            default
        } else {
            item.base
        };
        row.push(absolute(
            &config.base_url,
            &Route::Item(&config.languages[lang].code, Kind::Output, &item.slug).path(),
        ));
        row.push(o.files.len().to_string());
        rows.push(row);
    }
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row.iter().map(|cell| inert(cell).into_owned()));
    }
    writer.into_inner().unwrap_or_default()
}

/// A cell that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, return) is
/// prefixed with an apostrophe, which spreadsheets hide and which keeps it text.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The OAI-PMH static repository (OAI-PMH 2.0 guidelines for static repositories): Identify,
/// the `oai_dc` format and every output as a Dublin Core record with all its languages.
fn oai(site: &Site) -> String {
    let config = &site.config;
    let host = config
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or(&config.base_url)
        .split('/')
        .next()
        .unwrap_or("localhost");
    let earliest = site.outputs.iter().map(|o| o.base().date.sort_key()).min();
    let earliest = earliest.map_or("1970-01-01".to_owned(), |(y, m, d)| {
        format!("{y:04}-{:02}-{:02}", m.max(1), d.max(1))
    });
    let mut x = String::new();
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Repository xmlns=\"http://www.openarchives.org/OAI/2.0/static-repository\" xmlns:oai=\"http://www.openarchives.org/OAI/2.0/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/static-repository http://www.openarchives.org/OAI/2.0/static-repository.xsd\">\n<Identify>\n  <oai:repositoryName>{}</oai:repositoryName>\n  <oai:baseURL>{}</oai:baseURL>\n  <oai:protocolVersion>2.0</oai:protocolVersion>\n  <oai:adminEmail>{}</oai:adminEmail>\n  <oai:earliestDatestamp>{earliest}</oai:earliestDatestamp>\n  <oai:deletedRecord>no</oai:deletedRecord>\n  <oai:granularity>YYYY-MM-DD</oai:granularity>\n</Identify>\n",
        xml_escape(config.title(config.default_lang)),
        xml_escape(&absolute(&config.base_url, "oai.xml")),
        xml_escape(config.admin_email.as_deref().unwrap_or(&format!("webmaster@{host}"))),
    );
    x.push_str("<ListMetadataFormats>\n  <oai:metadataFormat>\n    <oai:metadataPrefix>oai_dc</oai:metadataPrefix>\n    <oai:schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</oai:schema>\n    <oai:metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</oai:metadataNamespace>\n  </oai:metadataFormat>\n</ListMetadataFormats>\n<ListRecords metadataPrefix=\"oai_dc\">\n");
    for item in &site.outputs {
        let o = item.base();
        let (y, m, d) = o.date.sort_key();
        let _ = write!(
            x,
            "<oai:record>\n<oai:header>\n  <oai:identifier>oai:{}:{}</oai:identifier>\n  <oai:datestamp>{y:04}-{:02}-{:02}</oai:datestamp>\n</oai:header>\n<oai:metadata>\n<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n",
            xml_escape(host),
            xml_escape(&item.slug),
            m.max(1),
            d.max(1)
        );
        let mut dc = |element: &str, lang: Option<&str>, value: &str| {
            let attr = lang.map_or(String::new(), |l| {
                format!(" xml:lang=\"{}\"", xml_escape(l))
            });
            let _ = writeln!(
                x,
                "  <dc:{element}{attr}>{}</dc:{element}>",
                xml_escape(value)
            );
        };
        for (l, v) in config.languages.iter().zip(&item.versions) {
            if let Some(v) = v {
                dc("title", Some(&l.code), &v.title);
            }
        }
        let default = config.default_lang;
        for a in &o.authors {
            let author = &site.authors[a.0];
            let name = author
                .shown(default, site.mode())
                .map_or(author.base().name.as_str(), |s| s.v.name.as_str());
            dc("creator", None, name);
        }
        for t in &o.topics {
            let topic = &site.topics[t.0];
            for (l, v) in config.languages.iter().zip(&topic.versions) {
                if let Some(v) = v {
                    dc("subject", Some(&l.code), &v.title);
                }
            }
        }
        for (l, v) in config.languages.iter().zip(&item.versions) {
            if let Some(v) = v.as_ref().filter(|v| !v.summary.is_empty()) {
                dc("description", Some(&l.code), &v.summary);
            }
        }
        if let Some(p) = o.publisher {
            dc("publisher", None, &site.authors[p.0].base().name);
        }
        dc("date", None, &o.date.to_string());
        dc(
            "type",
            None,
            if o.kind == crate::model::OutputType::Dataset {
                "Dataset"
            } else {
                "Text"
            },
        );
        for (i, l) in config.languages.iter().enumerate() {
            if item.versions[i].is_some() {
                dc(
                    "identifier",
                    None,
                    &absolute(
                        &config.base_url,
                        &Route::Item(&l.code, Kind::Output, &item.slug).path(),
                    ),
                );
                dc("language", None, &l.code);
            }
        }
        if let Some(doi) = &o.doi {
            dc("identifier", None, &format!("https://doi.org/{doi}"));
        }
        if let Some(l) = &o.license {
            dc("rights", None, l);
        }
        x.push_str("</oai_dc:dc>\n</oai:metadata>\n</oai:record>\n");
    }
    x.push_str("</ListRecords>\n</Repository>\n");
    x
}
