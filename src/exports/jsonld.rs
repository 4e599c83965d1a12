//! schema.org JSON-LD for every kind of page: outputs as `Report`, `ScholarlyArticle`,
//! `LearningResource`, `Dataset`…, projects as `ResearchProject` with their grant, authors as
//! `Person` or `Organization`, the home page as `WebSite`, and a `BreadcrumbList` everywhere.
//! `script_safe` makes the JSON safe to embed in `<script>` whatever the content says.

use serde_json::{json, Map, Value};

use crate::discover::Kind;
use crate::model::{AuthorKind, OutputType};
use crate::site::{Id, Officer, Site};
use crate::urls::{self, absolute, Route};

/// Serialises for a `<script type="application/ld+json">` element: `<`, `>` and `&` as
/// `\u003c`…, so that no text can close the element, and the line separators U+2028/U+2029
/// escaped for old JavaScript parsers.
pub(crate) fn script_safe(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (at, c) in text.match_indices(['<', '>', '&', '\u{2028}', '\u{2029}']) {
        out.push_str(&text[done..at]);
        out.push_str(match c {
            "<" => "\\u003c",
            ">" => "\\u003e",
            "&" => "\\u0026",
            "\u{2028}" => "\\u2028",
            _ => "\\u2029",
        });
        done = at + c.len();
    }
    out.push_str(&text[done..]);
    out
}

fn url(site: &Site, route: &Route) -> String {
    absolute(&site.config.base_url, &route.path())
}

fn code(site: &Site, lang: usize) -> &str {
    &site.config.languages[lang].code
}

/// An author as a `Person` or an `Organization`, with ORCID and homepage as `sameAs`.
pub(crate) fn agent(site: &Site, lang: usize, id: Id) -> Option<Value> {
    let item = &site.authors[id.0];
    let a = item.shown(lang, site.mode())?.v;
    let mut v = Map::new();
    let kind = if a.kind == AuthorKind::Organisation {
        "Organization"
    } else {
        "Person"
    };
    v.insert("@type".into(), kind.into());
    v.insert(
        "@id".into(),
        url(
            site,
            &Route::Item(code(site, lang), Kind::Author, &item.slug),
        )
        .into(),
    );
    v.insert("name".into(), a.name.clone().into());
    v.insert(
        "url".into(),
        url(
            site,
            &Route::Item(code(site, lang), Kind::Author, &item.slug),
        )
        .into(),
    );
    let same_as: Vec<String> = a
        .orcid
        .iter()
        .map(|o| {
            format!(
                "https://orcid.org/{}",
                o.trim_start_matches("https://orcid.org/")
            )
        })
        .chain(a.url.iter().cloned())
        .collect();
    if !same_as.is_empty() {
        v.insert("sameAs".into(), same_as.into());
    }
    Some(Value::Object(v))
}

fn topic(site: &Site, lang: usize, id: Id) -> Option<Value> {
    let item = &site.topics[id.0];
    let t = item.shown(lang, site.mode())?.v;
    Some(json!({
        "@type": "DefinedTerm",
        "name": t.title,
        "url": url(site, &Route::Item(code(site, lang), Kind::Topic, &item.slug)),
    }))
}

fn schema_type(kind: OutputType) -> &'static str {
    match kind {
        OutputType::Report | OutputType::Brief => "Report",
        OutputType::Article => "ScholarlyArticle",
        OutputType::TrainingMaterial => "LearningResource",
        OutputType::Dataset => "Dataset",
        OutputType::Presentation => "PresentationDigitalDocument",
        OutputType::Video => "VideoObject",
    }
}

/// The licence's address, for SPDX identifiers.
pub(crate) fn license_url(license: &str) -> String {
    if license.starts_with("http://") || license.starts_with("https://") {
        license.to_owned()
    } else {
        format!("https://spdx.org/licenses/{}.html", urls::enc(license))
    }
}

pub(crate) fn output(site: &Site, lang: usize, id: Id) -> Option<Value> {
    let item = &site.outputs[id.0];
    let shown = item.shown(lang, site.mode())?;
    let o = shown.v;
    let page = url(
        site,
        &Route::Item(code(site, lang), Kind::Output, &item.slug),
    );
    let mut v = Map::new();
    v.insert("@type".into(), schema_type(o.kind).into());
    v.insert("@id".into(), page.clone().into());
    v.insert("url".into(), page.into());
    v.insert("name".into(), o.title.clone().into());
    v.insert("inLanguage".into(), code(site, shown.text_lang).into());
    v.insert("datePublished".into(), o.date.to_string().into());
    if !o.summary.is_empty() {
        v.insert("abstract".into(), o.summary.clone().into());
    }
    v.insert(
        "author".into(),
        o.authors
            .iter()
            .filter_map(|a| agent(site, lang, *a))
            .collect::<Vec<_>>()
            .into(),
    );
    if let Some(p) = o.publisher.and_then(|p| agent(site, lang, p)) {
        v.insert("publisher".into(), p);
    }
    let about: Vec<Value> = o
        .topics
        .iter()
        .filter_map(|t| topic(site, lang, *t))
        .collect();
    if !about.is_empty() {
        v.insert("about".into(), about.into());
    }
    if let Some(p) = o.project {
        let project = &site.projects[p.0];
        if let Some(s) = project.shown(lang, site.mode()) {
            v.insert(
                "isPartOf".into(),
                json!({
                    "@type": "ResearchProject",
                    "name": s.v.title,
                    "url": url(site, &Route::Item(code(site, lang), Kind::Project, &project.slug)),
                }),
            );
        }
    }
    let encoding: Vec<Value> = o
        .files
        .iter()
        .map(|f| {
            let mut m = json!({
                "@type": "MediaObject",
                "name": f.title,
                "contentUrl": absolute(&site.config.base_url, &urls::attachment(Kind::Output, &item.slug, &f.path)),
                "encodingFormat": mime(&f.format),
                "contentSize": f.bytes.to_string(),
            });
            if let Some(l) = &f.language {
                m["inLanguage"] = l.clone().into();
            }
            m
        })
        .collect();
    if !encoding.is_empty() {
        v.insert("encoding".into(), encoding.into());
    }
    if let Some(l) = &o.license {
        v.insert("license".into(), license_url(l).into());
    }
    if let Some(doi) = &o.doi {
        v.insert(
            "identifier".into(),
            json!({"@type": "PropertyValue", "propertyID": "DOI", "value": doi}),
        );
        v.insert("sameAs".into(), format!("https://doi.org/{doi}").into());
    }
    Some(Value::Object(v))
}

/// The media type of a file format (its upper-case extension).
pub(crate) fn mime(format: &str) -> &'static str {
    match format {
        "PDF" => "application/pdf",
        "TXT" => "text/plain",
        "HTML" | "HTM" => "text/html",
        "CSV" => "text/csv",
        "JSON" => "application/json",
        "ZIP" => "application/zip",
        "DOCX" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "PPTX" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ODT" => "application/vnd.oasis.opendocument.text",
        "PNG" => "image/png",
        "JPG" | "JPEG" => "image/jpeg",
        "SVG" => "image/svg+xml",
        "MP4" => "video/mp4",
        "MP3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

fn role(site: &Site, lang: usize, id: Id, role: &str) -> Option<Value> {
    Some(json!({"@type": "OrganizationRole", "roleName": role, "member": agent(site, lang, id)?}))
}

pub(crate) fn project(site: &Site, lang: usize, id: Id) -> Option<Value> {
    let item = &site.projects[id.0];
    let shown = item.shown(lang, site.mode())?;
    let p = shown.v;
    let page = url(
        site,
        &Route::Item(code(site, lang), Kind::Project, &item.slug),
    );
    let mut v = Map::new();
    v.insert("@type".into(), "ResearchProject".into());
    v.insert("@id".into(), page.clone().into());
    v.insert("url".into(), page.into());
    v.insert("name".into(), p.title.clone().into());
    if !p.summary.is_empty() {
        v.insert("description".into(), p.summary.clone().into());
    }
    if let Some(n) = &p.number {
        v.insert("identifier".into(), n.clone().into());
    }
    if let Some(f) = &p.funding {
        let mut grant = json!({
            "@type": "MonetaryGrant",
            "amount": {"@type": "MonetaryAmount", "value": f.amount, "currency": f.currency},
        });
        // The funder is the programme officer's organisation, when the portal knows it.
        let funder = match p.officer {
            Some(Officer::Author(o)) => site.authors[o.0]
                .base()
                .affiliation
                .and_then(|a| agent(site, lang, a)),
            _ => None,
        };
        if let Some(funder) = funder {
            grant["funder"] = funder.clone();
            v.insert("funder".into(), funder);
        }
        v.insert("funding".into(), grant);
    }
    let members: Vec<Value> = p
        .leaders
        .iter()
        .filter_map(|a| role(site, lang, *a, "leader"))
        .chain(
            p.lead_organisations
                .iter()
                .filter_map(|a| role(site, lang, *a, "lead organisation")),
        )
        .chain(
            p.partners
                .iter()
                .filter_map(|a| role(site, lang, *a, "partner")),
        )
        .collect();
    if !members.is_empty() {
        v.insert("member".into(), members.into());
    }
    let about: Vec<Value> = p
        .topics
        .iter()
        .filter_map(|t| topic(site, lang, *t))
        .collect();
    if !about.is_empty() {
        v.insert("knowsAbout".into(), about.into());
    }
    if !p.countries.is_empty() {
        let places: Vec<Value> = p
            .countries
            .iter()
            .map(|c| json!({"@type": "Country", "identifier": c}))
            .collect();
        v.insert("areaServed".into(), places.into());
    }
    Some(Value::Object(v))
}

pub(crate) fn author(site: &Site, lang: usize, id: Id) -> Option<Value> {
    let mut v = agent(site, lang, id)?;
    let a = site.authors[id.0].shown(lang, site.mode())?.v;
    if let Some(org) = a.affiliation.and_then(|o| agent(site, lang, o)) {
        let key = if a.kind == AuthorKind::Organisation {
            "parentOrganization"
        } else {
            "affiliation"
        };
        v[key] = org;
    }
    Some(v)
}

pub(crate) fn topic_page(site: &Site, lang: usize, id: Id, page: &str) -> Option<Value> {
    Some(json!({"@type": "CollectionPage", "url": page, "about": topic(site, lang, id)?}))
}

pub(crate) fn website(site: &Site, lang: usize) -> Value {
    json!({
        "@type": "WebSite",
        "name": site.config.title(lang),
        "url": url(site, &Route::Home(code(site, lang))),
        "inLanguage": code(site, lang),
    })
}

pub(crate) fn web_page(page: &str, name: &str) -> Value {
    json!({"@type": "WebPage", "url": page, "name": name})
}

pub(crate) fn collection(page: &str, name: &str) -> Value {
    json!({"@type": "CollectionPage", "url": page, "name": name})
}

/// `BreadcrumbList` from (absolute URL, name) pairs.
pub(crate) fn breadcrumbs(items: &[(String, String)]) -> Value {
    let list: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, (url, name))| json!({"@type": "ListItem", "position": i + 1, "name": name, "item": url}))
        .collect();
    json!({"@type": "BreadcrumbList", "itemListElement": list})
}

/// The page's graph: its main entity and its breadcrumbs.
pub(crate) fn graph(main: Option<Value>, crumbs: Value) -> Value {
    let mut nodes: Vec<Value> = main.into_iter().collect();
    nodes.push(crumbs);
    json!({"@context": "https://schema.org", "@graph": nodes})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_the_element() {
        let v = json!({"name": "</script><script>alert(1)</script> & \u{2028}"});
        let s = script_safe(&v);
        assert!(
            !s.contains("</script>") && !s.contains('<') && !s.contains('\u{2028}'),
            "{s}"
        );
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
