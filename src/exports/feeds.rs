//! Atom feeds: `/<lang>/atom.xml` with the newest outputs of a language and
//! `/<lang>/topics/<slug>/atom.xml` for each topic. Entries carry the full abstract, the authors
//! and the topics as categories. Dates come from the content, never the clock, so a rebuild of
//! the same content gives the same bytes.

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Generator, Link, Person, Text};

use crate::discover::Kind;
use crate::model::PartialDate;
use crate::render::{Engine, OutFile};
use crate::site::{Id, Site};
use crate::urls::{self, absolute, Route};

/// Entries per feed.
const FEED_LENGTH: usize = 20;

pub(super) fn feeds(site: &Site, engine: &Engine) -> Vec<OutFile> {
    let mut files = Vec::new();
    for (lang, l) in site.config.languages.iter().enumerate() {
        let ix = &site.index[lang];
        let title = format!(
            "{} · {}",
            site.config.title(lang),
            engine.t(lang, "nav-outputs")
        );
        let list = Route::List(&l.code, Kind::Output, 1).path();
        files.push(feed(
            site,
            lang,
            &title,
            &list,
            &urls::feed(&l.code),
            &ix.outputs,
        ));
        for (t, topic) in site.topics.iter().enumerate() {
            let Some(shown) = topic.shown(lang, site.mode()) else {
                continue;
            };
            let title = format!("{} · {}", site.config.title(lang), shown.v.title);
            let page = Route::Item(&l.code, Kind::Topic, &topic.slug).path();
            let path = urls::topic_feed(&l.code, &topic.slug);
            files.push(feed(
                site,
                lang,
                &title,
                &page,
                &path,
                &ix.outputs_by_topic[t],
            ));
        }
    }
    files
}

/// One feed of `outputs` (newest first); `page` is the HTML page it mirrors.
fn feed(site: &Site, lang: usize, title: &str, page: &str, path: &str, outputs: &[Id]) -> OutFile {
    let config = &site.config;
    let code = &config.languages[lang].code;
    let entries: Vec<Entry> = outputs
        .iter()
        .take(FEED_LENGTH)
        .filter_map(|id| entry(site, lang, *id))
        .collect();
    let mut feed = Feed::default();
    feed.set_title(Text::plain(super::xml_text(title).into_owned()));
    feed.set_id(absolute(&config.base_url, page));
    feed.set_lang(Some(code.clone()));
    feed.set_updated(entries.iter().map(|e| e.updated).max().unwrap_or_else(|| {
        datetime(&PartialDate {
            year: 1970,
            month: None,
            day: None,
        })
    }));
    feed.set_links(vec![
        link(
            absolute(&config.base_url, path),
            "self",
            Some("application/atom+xml"),
            None,
        ),
        link(
            absolute(&config.base_url, page),
            "alternate",
            Some("text/html"),
            Some(code),
        ),
    ]);
    feed.set_generator(Some(Generator {
        value: "nashr".into(),
        uri: None,
        version: None,
    }));
    feed.set_entries(entries);
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail; an error here would be a bug in the feed writer.
    let bytes = match feed.write_to(&mut bytes) {
        Ok(_) => bytes,
        Err(_) => Vec::new(),
    };
    OutFile {
        path: decode(path),
        bytes,
    }
}

fn entry(site: &Site, lang: usize, id: Id) -> Option<Entry> {
    let config = &site.config;
    let code = &config.languages[lang].code;
    let item = &site.outputs[id.0];
    let shown = item.shown(lang, site.mode())?;
    let o = shown.v;
    let url = absolute(
        &config.base_url,
        &Route::Item(code, Kind::Output, &item.slug).path(),
    );
    let mut e = Entry::default();
    e.set_title(Text::plain(super::xml_text(&o.title).into_owned()));
    e.set_id(url.clone());
    e.set_updated(datetime(&o.date));
    e.set_published(Some(datetime(&o.date)));
    e.set_summary(Some(Text::plain(super::xml_text(&o.summary).into_owned())));
    let text_lang = &config.languages[shown.text_lang].code;
    e.set_links(vec![link(
        url,
        "alternate",
        Some("text/html"),
        Some(text_lang),
    )]);
    e.set_authors(
        o.authors
            .iter()
            .filter_map(|a| {
                let author = &site.authors[a.0];
                let name = super::xml_text(&author.shown(lang, site.mode())?.v.name).into_owned();
                let uri = absolute(
                    &config.base_url,
                    &Route::Item(code, Kind::Author, &author.slug).path(),
                );
                Some(Person {
                    name,
                    email: None,
                    uri: Some(uri),
                    extensions: Default::default(),
                })
            })
            .collect::<Vec<_>>(),
    );
    e.set_categories(
        o.topics
            .iter()
            .filter_map(|t| {
                let topic = &site.topics[t.0];
                let label = super::xml_text(&topic.shown(lang, site.mode())?.v.title).into_owned();
                let scheme = absolute(&config.base_url, &Route::List(code, Kind::Topic, 1).path());
                Some(Category {
                    term: topic.slug.clone(),
                    scheme: Some(scheme),
                    label: Some(label),
                })
            })
            .collect::<Vec<_>>(),
    );
    Some(e)
}

fn link(href: String, rel: &str, mime: Option<&str>, hreflang: Option<&str>) -> Link {
    Link {
        href,
        rel: rel.into(),
        hreflang: hreflang.map(str::to_owned),
        mime_type: mime.map(str::to_owned),
        title: None,
        length: None,
    }
}

/// Midnight UTC on the first day of the date's period.
fn datetime(d: &PartialDate) -> FixedDateTime {
    let text = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        d.year,
        d.month.unwrap_or(1),
        d.day.unwrap_or(1)
    );
    text.parse().unwrap_or_default()
}

/// The file for an encoded path.
fn decode(path: &str) -> String {
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}
