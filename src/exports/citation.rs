//! Citations of an output: the reference in APA and Chicago style (with the language's own words
//! and month names) and the same record as BibTeX, RIS and CSL-JSON, written next to each output
//! page as `citation.bib`, `citation.ris` and `citation.json`.
//!
//! Formatting is done here rather than with a CSL processor: the CSL locale files cover neither
//! Urdu nor the other languages a portal may add, and two styles over seven output types are a
//! small, testable table.

use serde::Serialize;

use crate::discover::Kind;
use crate::model::{AuthorKind, OutputType, PartialDate};
use crate::render::{Engine, OutFile};
use crate::site::{Id, Site};
use crate::urls::{absolute, Route};

/// A contributor as citation styles need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Name {
    /// A person with family and given names (from `sort_name` "Family, Given").
    Person { family: String, given: String },
    /// An organisation, or a person whose name cannot be split: written as is.
    Literal(String),
}

/// Everything a citation of one output in one language says.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub key: String,
    pub kind: OutputType,
    pub kind_label: String,
    pub title: String,
    pub authors: Vec<Name>,
    pub date: PartialDate,
    /// The date as the language writes it ("30 June 2021").
    pub date_text: String,
    pub publisher: Option<String>,
    pub url: String,
    pub doi: Option<String>,
    /// Language code of the text cited.
    pub language: String,
    pub summary: String,
    pub topics: Vec<String>,
}

/// Splits "Family, Given" (Latin or Arabic comma); `None` when the key has no comma.
fn split_sort_name(sort_name: &str) -> Option<(String, String)> {
    let (family, given) = sort_name.split_once([',', '،'])?;
    let (family, given) = (family.trim(), given.trim());
    (!family.is_empty() && !given.is_empty()).then(|| (family.to_owned(), given.to_owned()))
}

impl Record {
    pub fn new(site: &Site, engine: &Engine, lang: usize, id: Id) -> Option<Record> {
        let item = &site.outputs[id.0];
        let shown = item.shown(lang, site.mode())?;
        let o = shown.v;
        let code = &site.config.languages[lang].code;
        let authors = o
            .authors
            .iter()
            .filter_map(|a| {
                let author = site.authors[a.0].shown(lang, site.mode())?.v;
                Some(match (author.kind, split_sort_name(&author.sort_name)) {
                    (AuthorKind::Person, Some((family, given))) => Name::Person { family, given },
                    _ => Name::Literal(author.name.clone()),
                })
            })
            .collect();
        let publisher = o
            .publisher
            .and_then(|p| Some(site.authors[p.0].shown(lang, site.mode())?.v.name.clone()));
        let topics = o
            .topics
            .iter()
            .filter_map(|t| Some(site.topics[t.0].shown(lang, site.mode())?.v.title.clone()))
            .collect();
        let key: String = item
            .slug
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        Some(Record {
            key: format!(
                "{}{}",
                if key.is_empty() { "output" } else { &key },
                o.date.year
            ),
            kind: o.kind,
            kind_label: engine.t(lang, &format!("type-{}", o.kind.as_str())),
            title: o.title.clone(),
            authors,
            date: o.date,
            date_text: engine.locales[lang].date(&o.date),
            publisher,
            url: o.url.clone().unwrap_or_else(|| {
                absolute(
                    &site.config.base_url,
                    &Route::Item(code, Kind::Output, &item.slug).path(),
                )
            }),
            doi: o.doi.clone(),
            language: site.config.languages[shown.text_lang].code.clone(),
            summary: o.summary.clone(),
            topics,
        })
    }

    /// Where the reference leads: the DOI when there is one, else the page.
    fn link(&self) -> String {
        match &self.doi {
            Some(doi) => format!("https://doi.org/{doi}"),
            None => self.url.clone(),
        }
    }
}

/// The words citation styles need, in the page's language.
pub(crate) struct Words {
    pub and_apa: String,
    pub and: String,
    pub et_al: String,
    /// The language's comma and full stop (`،` and `۔` in Urdu).
    pub comma: String,
    pub stop: String,
}

impl Words {
    pub fn new(engine: &Engine, lang: usize) -> Self {
        Self {
            and_apa: engine.t(lang, "cite-and-apa"),
            and: engine.t(lang, "cite-and"),
            et_al: engine.t(lang, "cite-et-al"),
            comma: engine.t(lang, "cite-comma"),
            stop: engine.t(lang, "cite-stop"),
        }
    }
}

fn esc(s: &str) -> String {
    crate::render::escape_html(s)
}

/// "M." from "Mahnoor", "J.-P." from "Jean-Pierre"; names not in Latin script stay whole.
fn initials(given: &str) -> String {
    if !given.chars().all(|c| {
        !c.is_alphabetic() || c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
    }) {
        return given.to_owned();
    }
    given
        .split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|p| p.chars().next())
                .map(|c| format!("{c}."))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ends `text` with the language's full stop unless it already ends with punctuation.
fn close(text: &str, w: &Words) -> String {
    if text.ends_with(['.', '۔', '?', '!', '؟']) {
        text.to_owned()
    } else {
        format!("{text}{}", w.stop)
    }
}

/// APA 7: `Fawad, M., & Dastak. (2021). <i>Title</i> [Type]. Publisher. https://…`
pub(crate) fn apa(r: &Record, w: &Words) -> String {
    let c = &w.comma;
    let names: Vec<String> = r
        .authors
        .iter()
        .map(|n| match n {
            Name::Person { family, given } => esc(&format!("{family}{c} {}", initials(given))),
            Name::Literal(s) => esc(s),
        })
        .collect();
    let sep = format!("{c} ");
    let authors = if names.len() > 20 {
        format!(
            "{}{sep}… {}",
            names[..19].join(&sep),
            names[names.len() - 1]
        )
    } else if names.len() > 1 {
        let (init, last) = names.split_at(names.len() - 1);
        format!("{}{c} {} {}", init.join(&sep), esc(&w.and_apa), last[0])
    } else {
        names.join("")
    };
    let descriptor = match r.kind {
        OutputType::Article | OutputType::Report => String::new(),
        _ => format!(" [{}]", esc(&r.kind_label)),
    };
    let mut out = String::new();
    if !authors.is_empty() {
        out.push_str(&close(&authors, w));
        out.push(' ');
    }
    out.push_str(&format!(
        "({}){} <i>{}</i>{descriptor}{}",
        r.date.year,
        w.stop,
        esc(&r.title),
        w.stop
    ));
    let author_is_publisher = r
        .publisher
        .as_ref()
        .is_some_and(|p| r.authors == [Name::Literal(p.clone())]);
    if let Some(p) = r.publisher.as_ref().filter(|_| !author_is_publisher) {
        out.push_str(&format!(" {}", close(&esc(p), w)));
    }
    let link = esc(&r.link());
    out.push_str(&format!(" <a href=\"{link}\">{link}</a>"));
    out
}

/// Chicago (17th, bibliography): `Fawad, Mahnoor, and Dastak. <i>Title</i>. Publisher, 30 June 2021. https://…`
pub(crate) fn chicago(r: &Record, w: &Words) -> String {
    let c = &w.comma;
    let mut names: Vec<String> = r
        .authors
        .iter()
        .enumerate()
        .map(|(i, n)| match n {
            Name::Person { family, given } if i == 0 => esc(&format!("{family}{c} {given}")),
            Name::Person { family, given } => esc(&format!("{given} {family}")),
            Name::Literal(s) => esc(s),
        })
        .collect();
    let sep = format!("{c} ");
    let authors = if names.len() > 10 {
        names.truncate(7);
        format!("{} {}", names.join(&sep), esc(&w.et_al))
    } else {
        match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            // The serial comma of English; languages whose "and" takes none leave it out.
            [init @ .., last] => {
                let serial = if w.and == "and"
                    && (init.len() > 1 || matches!(r.authors[0], Name::Person { .. }))
                {
                    c.as_str()
                } else {
                    ""
                };
                format!("{}{serial} {} {last}", init.join(&sep), esc(&w.and))
            }
        }
    };
    let mut out = String::new();
    if !authors.is_empty() {
        out.push_str(&close(&authors, w));
        out.push(' ');
    }
    out.push_str(&format!("<i>{}</i>{}", esc(&r.title), w.stop));
    match &r.publisher {
        Some(p) => out.push_str(&format!(" {}{c} {}{}", esc(p), esc(&r.date_text), w.stop)),
        None => out.push_str(&format!(" {}{}", esc(&r.date_text), w.stop)),
    }
    let link = esc(&r.link());
    out.push_str(&format!(" <a href=\"{link}\">{link}</a>{}", w.stop));
    out
}

/// Escapes a BibTeX field value written between braces.
fn bib(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn bibtex(r: &Record) -> String {
    let entry = match r.kind {
        OutputType::Report | OutputType::Brief => "techreport",
        OutputType::Article => "article",
        _ => "misc",
    };
    let authors: Vec<String> = r
        .authors
        .iter()
        .map(|n| match n {
            Name::Person { family, given } => format!("{}, {}", bib(family), bib(given)),
            Name::Literal(s) => format!("{{{}}}", bib(s)),
        })
        .collect();
    let mut fields: Vec<(&str, String)> = vec![("title", format!("{{{}}}", bib(&r.title)))];
    if !authors.is_empty() {
        fields.push(("author", authors.join(" and ")));
    }
    fields.push(("year", r.date.year.to_string()));
    fields.push(("date", r.date.to_string()));
    if let Some(p) = &r.publisher {
        let key = if entry == "techreport" {
            "institution"
        } else {
            "publisher"
        };
        fields.push((key, bib(p)));
    }
    if entry == "misc" {
        fields.push(("howpublished", bib(&r.kind_label)));
    }
    fields.push(("language", bib(&r.language)));
    if let Some(doi) = &r.doi {
        fields.push(("doi", bib(doi)));
    }
    fields.push(("url", bib(&r.url)));
    if !r.summary.is_empty() {
        fields.push(("abstract", bib(&r.summary)));
    }
    if !r.topics.is_empty() {
        fields.push(("keywords", bib(&r.topics.join(", "))));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("  {k} = {{{v}}}"))
        .collect();
    format!("@{entry}{{{},\n{}\n}}\n", r.key, body.join(",\n"))
}

/// One RIS field value on one line.
fn ris_value(s: &str) -> String {
    s.split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn ris(r: &Record) -> String {
    let ty = match r.kind {
        OutputType::Report | OutputType::Brief => "RPRT",
        OutputType::Article => "JOUR",
        OutputType::Dataset => "DATA",
        OutputType::Video => "VIDEO",
        OutputType::Presentation => "SLIDE",
        OutputType::TrainingMaterial => "GEN",
    };
    let mut lines = vec![("TY", ty.to_owned()), ("TI", r.title.clone())];
    for n in &r.authors {
        let name = match n {
            Name::Person { family, given } => format!("{family}, {given}"),
            Name::Literal(s) => s.clone(),
        };
        lines.push(("AU", name));
    }
    lines.push(("PY", r.date.year.to_string()));
    let (m, d) = (
        r.date.month.map_or(String::new(), |m| format!("{m:02}")),
        r.date.day.map_or(String::new(), |d| format!("{d:02}")),
    );
    lines.push(("DA", format!("{}/{m}/{d}/", r.date.year)));
    if let Some(p) = &r.publisher {
        lines.push(("PB", p.clone()));
    }
    lines.push(("LA", r.language.clone()));
    if let Some(doi) = &r.doi {
        lines.push(("DO", doi.clone()));
    }
    lines.push(("UR", r.url.clone()));
    if !r.summary.is_empty() {
        lines.push(("AB", r.summary.clone()));
    }
    for t in &r.topics {
        lines.push(("KW", t.clone()));
    }
    let mut out: String = lines
        .iter()
        .map(|(tag, v)| format!("{tag}  - {}\r\n", ris_value(v)))
        .collect();
    out.push_str("ER  - \r\n");
    out
}

#[derive(Serialize)]
struct CslName<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    literal: Option<&'a str>,
}

#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: Vec<Vec<i32>>,
}

#[derive(Serialize)]
struct CslItem<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    author: Vec<CslName<'a>>,
    issued: CslDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(rename = "URL")]
    url: &'a str,
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none")]
    doi: Option<&'a str>,
    language: &'a str,
    #[serde(rename = "abstract", skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyword: Option<String>,
    genre: &'a str,
}

pub(crate) fn csl_json(r: &Record) -> String {
    let mut parts = vec![r.date.year];
    parts.extend(r.date.month.map(i32::from));
    parts.extend(r.date.day.map(i32::from));
    let item = CslItem {
        id: &r.key,
        kind: match r.kind {
            OutputType::Report | OutputType::Brief => "report",
            OutputType::Article => "article-journal",
            OutputType::Dataset => "dataset",
            OutputType::Presentation => "speech",
            OutputType::Video => "motion_picture",
            OutputType::TrainingMaterial => "document",
        },
        title: &r.title,
        author: r
            .authors
            .iter()
            .map(|n| match n {
                Name::Person { family, given } => CslName {
                    family: Some(family),
                    given: Some(given),
                    literal: None,
                },
                Name::Literal(s) => CslName {
                    family: None,
                    given: None,
                    literal: Some(s),
                },
            })
            .collect(),
        issued: CslDate {
            date_parts: vec![parts],
        },
        publisher: r.publisher.as_deref(),
        url: &r.url,
        doi: r.doi.as_deref(),
        language: &r.language,
        summary: &r.summary,
        keyword: (!r.topics.is_empty()).then(|| r.topics.join(", ")),
        genre: &r.kind_label,
    };
    serde_json::to_string_pretty(&[item]).unwrap_or_default() + "\n"
}

/// The root-relative paths of an output's citation files in a language.
pub(crate) fn paths(lang: &str, slug: &str) -> [(&'static str, String); 3] {
    let page = Route::Item(lang, Kind::Output, slug).path();
    [
        ("bibtex", format!("{page}citation.bib")),
        ("ris", format!("{page}citation.ris")),
        ("csl", format!("{page}citation.json")),
    ]
}

/// The citation files of every output shown in language `lang`.
pub(crate) fn files(site: &Site, engine: &Engine, lang: usize) -> Vec<OutFile> {
    let mut out = Vec::new();
    {
        let l = &site.config.languages[lang];
        for id in &site.index[lang].outputs {
            let Some(record) = Record::new(site, engine, lang, *id) else {
                continue;
            };
            let slug = &site.outputs[id.0].slug;
            let [bib_path, ris_path, csl_path] = paths(&l.code, slug);
            let decode = |p: &str| {
                percent_encoding::percent_decode_str(p)
                    .decode_utf8_lossy()
                    .into_owned()
            };
            out.push(OutFile {
                path: decode(&bib_path.1),
                bytes: bibtex(&record).into_bytes(),
            });
            out.push(OutFile {
                path: decode(&ris_path.1),
                bytes: ris(&record).into_bytes(),
            });
            out.push(OutFile {
                path: decode(&csl_path.1),
                bytes: csl_json(&record).into_bytes(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            key: "pwps2021".into(),
            kind: OutputType::Report,
            kind_label: "Report".into(),
            title: "The Punjab {Women} Protection System & 100% of $ #1_".into(),
            authors: vec![
                Name::Person {
                    family: "Fawad".into(),
                    given: "Mahnoor".into(),
                },
                Name::Literal("Dastak".into()),
            ],
            date: PartialDate::parse("2021-03").unwrap(),
            date_text: "March 2021".into(),
            publisher: Some("Dastak".into()),
            url: "https://example.org/portal/en/outputs/pwps/".into(),
            doi: None,
            language: "en".into(),
            summary: "Line one.\nLine two.".into(),
            topics: vec!["Courts".into()],
        }
    }

    fn words() -> Words {
        Words {
            and_apa: "&".into(),
            and: "and".into(),
            et_al: "et al.".into(),
            comma: ",".into(),
            stop: ".".into(),
        }
    }

    #[test]
    fn apa_and_chicago() {
        let r = record();
        assert_eq!(
            apa(&r, &words()),
            "Fawad, M., &amp; Dastak. (2021). <i>The Punjab {Women} Protection System &amp; 100% of $ #1_</i>. Dastak. <a href=\"https://example.org/portal/en/outputs/pwps/\">https://example.org/portal/en/outputs/pwps/</a>"
        );
        assert_eq!(
            chicago(&r, &words()),
            "Fawad, Mahnoor, and Dastak. <i>The Punjab {Women} Protection System &amp; 100% of $ #1_</i>. Dastak, March 2021. <a href=\"https://example.org/portal/en/outputs/pwps/\">https://example.org/portal/en/outputs/pwps/</a>."
        );
    }

    #[test]
    fn bibtex_escapes_and_keeps_organisations_whole() {
        let b = bibtex(&record());
        assert!(b.starts_with("@techreport{pwps2021,\n"), "{b}");
        assert!(
            b.contains(
                "  title = {{The Punjab \\{Women\\} Protection System \\& 100\\% of \\$ \\#1\\_}}"
            ),
            "{b}"
        );
        assert!(
            b.contains("  author = {Fawad, Mahnoor and {Dastak}}"),
            "{b}"
        );
        assert!(b.contains("  institution = {Dastak}"), "{b}");
        assert!(b.contains("  abstract = {Line one. Line two.}"), "{b}");
    }

    #[test]
    fn ris_has_one_line_per_field() {
        let r = ris(&record());
        assert!(r.starts_with("TY  - RPRT\r\n"), "{r}");
        assert!(
            r.contains("AU  - Fawad, Mahnoor\r\nAU  - Dastak\r\n"),
            "{r}"
        );
        assert!(r.contains("DA  - 2021/03//\r\n"), "{r}");
        assert!(r.contains("AB  - Line one. Line two.\r\n"), "{r}");
        assert!(r.ends_with("ER  - \r\n"), "{r}");
    }

    #[test]
    fn initials_of_latin_names_only() {
        assert_eq!(initials("Mahnoor"), "M.");
        assert_eq!(initials("Jean-Pierre Ana"), "J.-P. A.");
        assert_eq!(initials("Élodie"), "É.");
        assert_eq!(initials("ماہ نور"), "ماہ نور");
    }
}
