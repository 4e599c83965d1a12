//! render — stage 3. Input: the resolved `Site`, the theme's templates, the UI strings and the
//! locale formatters (all loaded once). Output: every page of every language, rendered in
//! parallel, kept in memory (serve) or written at once into the staging folder (build).

mod items;
mod jobs;
mod lists;
mod pages;
mod portfolio;
mod search;
mod views;

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use rayon::prelude::*;
use tera::{Context, Kwargs, State, Tera, TeraResult};

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::i18n::I18n;
use crate::l10n::LocaleFormat;
use crate::output::Staging;
use crate::site::Site;
use crate::theme::Theme;

pub(crate) use jobs::{jobs, Job};

/// A file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutFile {
    /// Path under the output folder, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Everything loaded once and shared by every page: templates, strings, formatters.
pub(crate) struct Engine {
    tera: Tera,
    pub i18n: Arc<I18n>,
    pub locales: Vec<LocaleFormat>,
}

impl Engine {
    pub fn new(config: &SiteConfig, theme: &Theme, i18n: I18n) -> Result<Self, Vec<Diagnostic>> {
        let i18n = Arc::new(i18n);
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        let strings = Arc::clone(&i18n);
        tera.register_function(
            "t",
            move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
                let lang = match kwargs.get::<usize>("lang_index")? {
                    Some(l) => l,
                    None => state.get::<usize>("lang_index")?.unwrap_or(0),
                };
                let key: String = kwargs.must_get("key")?;
                Ok(strings.t(lang, &key, fluent_args(&kwargs).as_ref()))
            },
        );
        tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|(n, s)| (n.as_str(), s.as_str())),
        )
        .map_err(|e| vec![template_error("", &e)])?;
        let locales = config
            .languages
            .iter()
            .map(|l| LocaleFormat::new(&l.locale))
            .collect();
        Ok(Self {
            tera,
            i18n,
            locales,
        })
    }

    /// Renders one template; a template error names the template and the page. Bytes, because
    /// that is what gets written: a `String` would check the page's UTF-8 once more.
    pub fn render(&self, template: &str, ctx: &Context, page: &str) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, ctx, &mut out)
            .map_err(|e| template_error(page, &e))?;
        Ok(out)
    }

    pub fn t(&self, lang: usize, key: &str) -> String {
        self.i18n.t(lang, key, None)
    }

    pub fn t_args(&self, lang: usize, key: &str, args: &[(&str, FluentValue)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.i18n.t(lang, key, Some(&fa))
    }
}

/// Every keyword argument but `key`, as Fluent arguments (numbers stay numbers, for plurals).
fn fluent_args(kwargs: &Kwargs) -> Option<FluentArgs<'static>> {
    let mut args = FluentArgs::new();
    for (k, v) in kwargs.iter() {
        let Some(name) = k.as_str() else { continue };
        if name == "key" || name == "lang_index" {
            continue;
        }
        let value = match (v.as_f64(), v.as_str()) {
            (Some(n), _) => FluentValue::from(n),
            (None, Some(s)) => FluentValue::from(s.to_owned()),
            _ => FluentValue::from(v.to_string()),
        };
        args.set(name.to_owned(), value);
    }
    (args.iter().count() > 0).then_some(args)
}

fn template_error(page: &str, e: &tera::Error) -> Diagnostic {
    use std::error::Error;
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    let d = Diagnostic::error("templates", format!("template error: {message}"));
    if page.is_empty() {
        d
    } else {
        d.with_help(format!("while rendering {page}"))
    }
}

/// Renders the given pages in parallel. Returns the files sorted by path, or every error. With
/// `into`, each page is written there as soon as it is rendered and comes back without its bytes,
/// so that a build never holds the whole site in memory.
pub(crate) fn render_jobs(
    site: &Site,
    engine: &Engine,
    jobs: Vec<Job>,
    progress: Option<&crate::Progress>,
    into: Option<&Staging>,
) -> Result<Vec<OutFile>, Vec<Diagnostic>> {
    use std::sync::atomic::Ordering::Relaxed;
    if let Some(p) = progress {
        p.done.store(0, Relaxed);
        p.total.store(jobs.len(), Relaxed);
    }
    // In groups of pages at the same depth, which share their cards' values (see `Cards`).
    let mut jobs: Vec<(String, Job)> = jobs
        .into_par_iter()
        .map(|job| (pages::root(site, &job), job))
        .collect();
    jobs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut cards = views::Cards::new(site);
    let mut results: Vec<Result<OutFile, Diagnostic>> = Vec::with_capacity(jobs.len());
    for group in jobs.chunk_by(|a, b| a.0 == b.0) {
        cards.start_group(site, &group[0].0);
        let cards = &cards;
        results.par_extend(group.par_iter().map(|(_, job)| {
            let mut page = pages::render(site, engine, cards, job)?;
            if let Some(staging) = into {
                staging.take(&mut page)?;
            }
            if let Some(p) = progress {
                p.done.fetch_add(1, Relaxed);
            }
            Ok(page)
        }));
    }
    let mut files = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    errors.extend(cards.error());
    if !errors.is_empty() {
        errors.dedup_by(|a, b| a.message == b.message);
        return Err(errors);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Escapes text for HTML (text and attribute values).
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
