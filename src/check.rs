//! check — validates a portal without writing anything: every error of the build, warnings for
//! what is likely a mistake (an output without abstract, a very large file, an author nothing
//! refers to, a file no one links to, a link that leads nowhere), and a translation coverage
//! report per kind of content and language, with the UI strings each language lacks.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::config::MissingTranslation;
use crate::diagnostics::Diagnostic;
use crate::discover::Kind;
use crate::site::{Item, Site};
use crate::{BuildOptions, Session};

/// What `nashr check` found.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    #[serde(serialize_with = "as_text")]
    pub errors: Vec<Diagnostic>,
    #[serde(serialize_with = "as_text")]
    pub warnings: Vec<Diagnostic>,
    /// Empty when the build has errors.
    pub coverage: Vec<KindCoverage>,
    /// Language code → the UI strings it lacks.
    pub missing_strings: BTreeMap<String, Vec<String>>,
}

/// How many items of one kind each language shows in its own words.
#[derive(Debug, Clone, Serialize)]
pub struct KindCoverage {
    pub kind: &'static str,
    pub total: usize,
    pub languages: Vec<LangCoverage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LangCoverage {
    pub language: String,
    /// Items with their own file in this language.
    pub translated: usize,
    /// Items shown in another language's words (`missing_translation: fallback`).
    pub fallback: usize,
    /// Items left out of this language (`missing_translation: hide`).
    pub hidden: usize,
}

fn as_text<S: serde::Serializer>(list: &[Diagnostic], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(list.iter().map(|d| d.to_string()))
}

/// Checks the portal. `max_file_bytes` is the size above which an attached file is reported.
pub fn check(options: &BuildOptions, max_file_bytes: u64) -> CheckReport {
    let mut session = Session::new(BuildOptions {
        dry_run: true,
        ..options.clone()
    });
    let report = match session.run() {
        Ok(r) => r,
        Err(f) => {
            return CheckReport {
                errors: f.errors,
                warnings: f.warnings,
                coverage: Vec::new(),
                missing_strings: BTreeMap::new(),
            };
        }
    };
    let mut warnings = report.warnings;
    let site = session
        .site
        .as_ref()
        .expect("a successful run keeps its site");
    warnings.extend(content_warnings(site, &session, max_file_bytes));
    Diagnostic::sort(&mut warnings);
    let missing_strings = session
        .missing_strings()
        .into_iter()
        .zip(&site.config.languages)
        .filter(|(m, _)| !m.is_empty())
        .map(|(m, l)| (l.code.clone(), m))
        .collect();
    CheckReport {
        errors: Vec::new(),
        warnings,
        coverage: coverage(site),
        missing_strings,
    }
}

fn content_warnings(site: &Site, session: &Session, max_file_bytes: u64) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let folder = |slug: &str| format!("content/outputs/{slug}");
    for item in &site.outputs {
        let o = item.base();
        if !o.has_abstract {
            out.push(
                Diagnostic::warning(format!("{}/", folder(&item.slug)), "this output has no `abstract`; its first paragraph is used")
                    .with_help("add `abstract:` with a one-paragraph summary: search engines, feeds and citations show it"),
            );
        }
        for f in o.files.iter().filter(|f| f.bytes > max_file_bytes) {
            out.push(
                Diagnostic::warning(
                    format!("{}/{}", folder(&item.slug), f.path),
                    format!(
                        "the file is {} MB, over the {} MB limit",
                        f.bytes >> 20,
                        max_file_bytes >> 20
                    ),
                )
                .with_help(
                    "readers on slow connections may not manage it: compress the PDF, or split it",
                ),
            );
        }
    }
    let listed: HashSet<(String, String)> = site
        .outputs
        .iter()
        .flat_map(|item| {
            item.versions.iter().flatten().flat_map(move |v| {
                v.files
                    .iter()
                    .map(|f| f.path.clone())
                    .chain(v.linked_files.iter().cloned())
                    .map(move |p| (item.slug.clone(), p))
            })
        })
        .collect();
    for a in session.assets.iter().filter(|a| a.kind == Kind::Output) {
        if !listed.contains(&(a.slug.clone(), a.path.clone()))
            && site.outputs.iter().any(|o| o.slug == a.slug)
        {
            out.push(
                Diagnostic::warning(
                    format!("{}/{}", folder(&a.slug), a.path),
                    "no `files:` entry lists this file and no text links to it",
                )
                .with_help(format!(
                    "list it under `files:` in {}/index.md, or remove it (it is still published)",
                    folder(&a.slug)
                )),
            );
        }
    }
    for (i, item) in site.authors.iter().enumerate() {
        let id = crate::site::Id(i);
        let has_outputs = site
            .index
            .iter()
            .any(|ix| !ix.outputs_by_author[i].is_empty());
        let in_projects = site.projects.iter().any(|p| {
            let v = p.base();
            v.leaders.contains(&id)
                || v.lead_organisations.contains(&id)
                || v.partners.contains(&id)
                || matches!(v.officer, Some(crate::site::Officer::Author(o)) if o == id)
        });
        let has_members = site
            .authors
            .iter()
            .any(|a| a.base().affiliation == Some(id));
        let publishes = site.outputs.iter().any(|o| o.base().publisher == Some(id));
        if !has_outputs && !in_projects && !has_members && !publishes {
            out.push(
                Diagnostic::warning(
                    format!("content/authors/{}.md", item.slug),
                    "this author has no outputs and no part in any project",
                )
                .with_help(
                    "list the author in an output's `authors:` or a project, or remove the file",
                ),
            );
        }
    }
    out
}

fn coverage(site: &Site) -> Vec<KindCoverage> {
    fn count<T>(site: &Site, kind: &'static str, items: &[Item<T>]) -> KindCoverage {
        let languages = site
            .config
            .languages
            .iter()
            .enumerate()
            .map(|(l, lang)| {
                let translated = items.iter().filter(|i| i.versions[l].is_some()).count();
                let others = items.len() - translated;
                let (fallback, hidden) = match site.mode() {
                    MissingTranslation::Fallback => (others, 0),
                    MissingTranslation::Hide => (0, others),
                };
                LangCoverage {
                    language: lang.code.clone(),
                    translated,
                    fallback,
                    hidden,
                }
            })
            .collect();
        KindCoverage {
            kind,
            total: items.len(),
            languages,
        }
    }
    vec![
        count(site, "outputs", &site.outputs),
        count(site, "projects", &site.projects),
        count(site, "authors", &site.authors),
        count(site, "topics", &site.topics),
        count(site, "pages", &site.pages),
    ]
}
