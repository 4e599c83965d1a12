//! `<meta>` tags for harvesters: the Highwire Press `citation_*` tags Google Scholar and Zotero
//! read, Dublin Core `DC.*`, and Open Graph / Twitter cards for link previews.

use icu_locale::LocaleExpander;
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::discover::Kind;
use crate::model::{AuthorKind, OutputType};
use crate::site::{Id, Site};
use crate::urls::{self, absolute};

/// One `<meta>` tag: `name=` (citation, DC, Twitter) or `property=` (Open Graph).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Meta {
    pub name: Option<&'static str>,
    pub property: Option<&'static str>,
    pub content: String,
}

fn named(name: &'static str, content: impl Into<String>) -> Meta {
    Meta {
        name: Some(name),
        property: None,
        content: content.into(),
    }
}

fn property(property: &'static str, content: impl Into<String>) -> Meta {
    Meta {
        name: None,
        property: Some(property),
        content: content.into(),
    }
}

/// Google Scholar's inclusion guidelines: `citation_*` on the output's page, authors in credit
/// order, organisations written whole, dates as `YYYY/MM/DD` (or less), absolute PDF address.
pub(crate) fn scholar(site: &Site, lang: usize, id: Id) -> Vec<Meta> {
    let item = &site.outputs[id.0];
    let Some(shown) = item.shown(lang, site.mode()) else {
        return Vec::new();
    };
    let o = shown.v;
    let text_lang = site.config.languages[shown.text_lang].code.clone();
    let mut tags = vec![named("citation_title", o.title.clone())];
    let authors: Vec<(String, String)> = o
        .authors
        .iter()
        .filter_map(|a| {
            let author = site.authors[a.0].shown(lang, site.mode())?.v;
            // A person as "Family, Given" when the sort key says so; an organisation as named.
            let name = match author.kind {
                AuthorKind::Person if author.sort_name.contains([',', '،']) => {
                    author.sort_name.replace('،', ",")
                }
                _ => author.name.clone(),
            };
            Some((name, author.name.clone()))
        })
        .collect();
    tags.extend(
        authors
            .iter()
            .map(|(n, _)| named("citation_author", n.clone())),
    );
    let d = o.date;
    let mut date = format!("{:04}", d.year);
    if let Some(m) = d.month {
        date.push_str(&format!("/{m:02}"));
        if let Some(day) = d.day {
            date.push_str(&format!("/{day:02}"));
        }
    }
    tags.push(named("citation_publication_date", date));
    tags.push(named("citation_language", text_lang.clone()));
    let publisher = o
        .publisher
        .and_then(|p| Some(site.authors[p.0].shown(lang, site.mode())?.v.name.clone()));
    if let Some(p) = &publisher {
        let key = if matches!(o.kind, OutputType::Report | OutputType::Brief) {
            "citation_technical_report_institution"
        } else {
            "citation_publisher"
        };
        tags.push(named(key, p.clone()));
    }
    if let Some(doi) = &o.doi {
        tags.push(named("citation_doi", doi.clone()));
    }
    // The main PDF: the first in the text's language, else the first.
    let pdfs: Vec<_> = o.files.iter().filter(|f| f.format == "PDF").collect();
    let main = pdfs
        .iter()
        .find(|f| f.language.as_deref() == Some(&text_lang))
        .or(pdfs.first());
    if let Some(f) = main {
        let url = absolute(
            &site.config.base_url,
            &urls::attachment(Kind::Output, &item.slug, &f.path),
        );
        tags.push(named("citation_pdf_url", url));
    }
    let page = absolute(
        &site.config.base_url,
        &urls::Route::Item(&site.config.languages[lang].code, Kind::Output, &item.slug).path(),
    );
    tags.push(named("citation_abstract_html_url", page.clone()));
    for t in &o.topics {
        if let Some(s) = site.topics[t.0].shown(lang, site.mode()) {
            tags.push(named("citation_keywords", s.v.title.clone()));
        }
    }
    // Dublin Core.
    tags.push(named("DC.title", o.title.clone()));
    tags.extend(
        authors
            .iter()
            .map(|(_, display)| named("DC.creator", display.clone())),
    );
    tags.push(named("DC.date", o.date.to_string()));
    tags.push(named("DC.language", text_lang));
    tags.push(named(
        "DC.type",
        if o.kind == OutputType::Dataset {
            "Dataset"
        } else {
            "Text"
        },
    ));
    tags.push(named(
        "DC.identifier",
        o.doi
            .as_ref()
            .map_or(page, |doi| format!("https://doi.org/{doi}")),
    ));
    if let Some(p) = publisher {
        tags.push(named("DC.publisher", p));
    }
    if let Some(l) = &o.license {
        tags.push(named("DC.rights", l.clone()));
    }
    if !o.summary.is_empty() {
        tags.push(named("DC.description", o.summary.clone()));
    }
    tags
}

/// `en` → `en_US`, `ur` → `ur_PK`: the form Open Graph wants, from CLDR's likely subtags.
pub(crate) fn og_locale(lang: &LanguageIdentifier) -> String {
    let mut id: icu_locale::LanguageIdentifier = match lang.to_string().parse() {
        Ok(id) => id,
        Err(_) => return lang.to_string(),
    };
    LocaleExpander::new_common().maximize(&mut id);
    match id.region {
        Some(region) => format!("{}_{}", id.language, region),
        None => id.language.to_string(),
    }
}

/// Open Graph and Twitter card tags of a page.
pub(crate) fn social(
    site: &Site,
    lang: usize,
    other_langs: &[usize],
    title: &str,
    description: &str,
    canonical: &str,
    article: bool,
) -> Vec<Meta> {
    let languages = &site.config.languages;
    let mut tags = vec![
        property("og:type", if article { "article" } else { "website" }),
        property("og:title", title),
        property("og:url", canonical),
        property("og:site_name", site.config.title(lang)),
        property("og:locale", og_locale(&languages[lang].locale)),
    ];
    tags.extend(
        other_langs
            .iter()
            .map(|l| property("og:locale:alternate", og_locale(&languages[*l].locale))),
    );
    if !description.is_empty() {
        tags.push(property("og:description", description));
    }
    tags.push(named("twitter:card", "summary"));
    tags.push(named("twitter:title", title));
    if !description.is_empty() {
        tags.push(named("twitter:description", description));
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn og_locales_from_likely_subtags() {
        let l = |s: &str| og_locale(&s.parse().unwrap());
        assert_eq!(l("en"), "en_US");
        assert_eq!(l("fr"), "fr_FR");
        assert_eq!(l("ur"), "ur_PK");
        assert_eq!(l("pt-BR"), "pt_BR");
    }
}
