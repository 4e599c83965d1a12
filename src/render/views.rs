//! The typed views templates receive: small structs built per page from the `Site`, with every
//! link already written relative to the page and every date and number already formatted.

use std::borrow::Cow;

use std::sync::OnceLock;

use serde::Serialize;
use tera::{Context, Value};

use crate::config::Lang;
use crate::diagnostics::Diagnostic;
use crate::discover::Kind;
use crate::model::{AuthorKind, PartialDate};
use crate::render::Engine;
use crate::site::{Attachment, Id, Officer, Output, Project, Site};
use crate::urls::{self, Route};

/// A language as templates see it.
#[derive(Serialize, Clone, Copy)]
pub(super) struct LangView<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub dir: &'static str,
}

impl<'a> From<&'a Lang> for LangView<'a> {
    fn from(l: &'a Lang) -> Self {
        Self {
            code: &l.code,
            name: &l.name,
            dir: l.direction.as_str(),
        }
    }
}

#[derive(Serialize)]
pub(super) struct Link {
    pub href: String,
    pub label: String,
}

/// The same page in another language, for the switcher and `hreflang`.
#[derive(Serialize)]
pub(super) struct Alternate<'a> {
    pub lang: LangView<'a>,
    pub href: String,
    pub absolute: String,
    pub current: bool,
}

/// The template of an output card (`OutputCard`), rendered once per output and language.
const CARD_TEMPLATE: &str = "partials/output-card.html";

/// Stands for the page's root prefix in a card's cached HTML: private-use characters, which HTML
/// escaping leaves alone, around a word. Text that spells it out would only get a `../` in it.
const ROOT_MARK: &str = "\u{E000}nashr-root\u{E001}";

/// Output cards as HTML, rendered once per output and language with `ROOT_MARK` where the
/// page's root prefix goes. A card shows on a dozen pages (lists, filters, topic, author and
/// project pages, related outputs); rendering its template each time was a quarter of the
/// build's CPU time at 10,000 outputs (docs/benchmarks.md).
///
/// Pages are rendered in groups of the same root prefix (the same depth), and within a group each
/// card is also kept as a template value: its links are the same on every page of the group, and
/// Tera shares a value where a page places it, where making and converting the card for each
/// page was a tenth of the build's CPU time. The values are dropped with their group.
pub(crate) struct Cards {
    /// Per language and output.
    html: Vec<Vec<OnceLock<Result<Card, Diagnostic>>>>,
    /// Per language and output, for pages whose root prefix is `values_root`.
    values: Vec<Vec<OnceLock<Option<Value>>>>,
    values_root: String,
}

/// A card's HTML cut at each `ROOT_MARK`.
type Card = Vec<String>;

impl Cards {
    pub fn new(site: &Site) -> Self {
        Self {
            html: per_output(site),
            values: per_output(site),
            values_root: String::new(),
        }
    }

    /// Starts a group of pages whose root prefix is `root`; the previous group's values go.
    pub fn start_group(&mut self, site: &Site, root: &str) {
        if self.values_root != root {
            self.values = per_output(site);
            root.clone_into(&mut self.values_root);
        }
    }

    /// The template error met while rendering cards, if any.
    pub fn error(&self) -> Option<Diagnostic> {
        self.html
            .iter()
            .flatten()
            .find_map(|card| card.get()?.as_ref().err().cloned())
    }
}

/// An empty slot per language and output.
fn per_output<T>(site: &Site) -> Vec<Vec<OnceLock<T>>> {
    let per_lang = || site.outputs.iter().map(|_| OnceLock::new()).collect();
    site.config.languages.iter().map(|_| per_lang()).collect()
}

/// What one page needs to place itself: its language, links back to the root, the menu.
pub(super) struct PageCx<'a> {
    pub site: &'a Site,
    pub engine: &'a Engine,
    pub cards: &'a Cards,
    pub lang: usize,
    pub root: String,
}

impl<'a> PageCx<'a> {
    pub fn new(
        site: &'a Site,
        engine: &'a Engine,
        cards: &'a Cards,
        lang: usize,
        route: &Route,
    ) -> Self {
        Self {
            site,
            engine,
            cards,
            lang,
            root: urls::root_prefix(&route.file()),
        }
    }

    /// A body shown in this page's language: when it is another language's text (a fallback),
    /// its `@/` links, written for that language's pages, are pointed at this language's.
    pub fn body<'b>(&self, html: &'b str, text_lang: usize) -> Cow<'b, str> {
        if text_lang == self.lang {
            return Cow::Borrowed(html);
        }
        let from = format!(
            "=\"{}{}/",
            self.root,
            urls::enc(&self.site.config.languages[text_lang].code)
        );
        let to = format!("=\"{}{}/", self.root, urls::enc(self.code()));
        Cow::Owned(html.replace(&from, &to))
    }

    pub fn href(&self, route: &Route) -> String {
        let mut href = String::with_capacity(self.root.len() + 64);
        href.push_str(&self.root);
        route.push_path(&mut href);
        href
    }

    pub fn code(&self) -> &'a str {
        &self.site.config.languages[self.lang].code
    }

    pub fn lang_view(&self, lang: usize) -> LangView<'a> {
        (&self.site.config.languages[lang]).into()
    }

    pub fn t(&self, key: &str) -> String {
        self.engine.t(self.lang, key)
    }

    pub fn date(&self, d: &PartialDate) -> String {
        self.engine.locales[self.lang].date(d)
    }

    pub fn number(&self, n: f64) -> String {
        self.engine.locales[self.lang].number(n)
    }

    pub fn item_href(&self, kind: Kind, slug: &str) -> String {
        self.href(&Route::Item(self.code(), kind, slug))
    }

    /// An author as a link with its name in this language (or the fallback's).
    pub fn author(&self, id: Id) -> Option<AuthorLink<'a>> {
        let item = &self.site.authors[id.0];
        let shown = item.shown(self.lang, self.site.mode())?;
        Some(AuthorLink {
            href: self.item_href(Kind::Author, &item.slug),
            name: &shown.v.name,
            organisation: shown.v.kind == AuthorKind::Organisation,
            lang: self.lang_view(shown.text_lang),
        })
    }

    pub fn authors(&self, ids: &[Id]) -> Vec<AuthorLink<'a>> {
        ids.iter().filter_map(|id| self.author(*id)).collect()
    }

    pub fn topic(&self, id: Id) -> Option<TitledLink<'a>> {
        let item = &self.site.topics[id.0];
        let shown = item.shown(self.lang, self.site.mode())?;
        Some(TitledLink {
            href: self.item_href(Kind::Topic, &item.slug),
            title: &shown.v.title,
            lang: self.lang_view(shown.text_lang),
        })
    }

    pub fn project_link(&self, id: Id) -> Option<TitledLink<'a>> {
        let item = &self.site.projects[id.0];
        let shown = item.shown(self.lang, self.site.mode())?;
        Some(TitledLink {
            href: self.item_href(Kind::Project, &item.slug),
            title: &shown.v.title,
            lang: self.lang_view(shown.text_lang),
        })
    }

    /// `output_card` as a template value, shared by the pages of a group (see `Cards`).
    pub fn card(&self, id: Id) -> Option<Value> {
        let make = || {
            let card = self.output_card(id)?;
            Value::try_from_serializable(&card).ok()
        };
        if self.root != self.cards.values_root {
            return make();
        }
        self.cards.values[self.lang][id.0].get_or_init(make).clone()
    }

    /// The year of an output's card (to group cards by).
    pub fn year(&self, id: Id) -> Option<i32> {
        let shown = self.site.outputs[id.0].shown(self.lang, self.site.mode())?;
        Some(shown.v.date.year)
    }

    /// An output as it appears in lists, with its card's HTML (`o.html`) for this page.
    pub fn output_card(&self, id: Id) -> Option<OutputCard<'a>> {
        let mut card = self.card_fields(id)?;
        let cached = self.cards.html[self.lang][id.0].get_or_init(|| {
            let marked = PageCx {
                site: self.site,
                engine: self.engine,
                cards: self.cards,
                lang: self.lang,
                root: ROOT_MARK.to_owned(),
            };
            let mut ctx = Context::new();
            ctx.insert("o", &marked.card_fields(id));
            ctx.insert("lang_index", &self.lang);
            let html = self.engine.render(CARD_TEMPLATE, &ctx, &card.href)?;
            Ok(String::from_utf8_lossy(&html)
                .split(ROOT_MARK)
                .map(str::to_owned)
                .collect())
        });
        // A template error is reported by `render_jobs` through `Cards::error`.
        if let Ok(parts) = cached {
            card.html = parts.join(self.root.as_str());
        }
        Some(card)
    }

    fn card_fields(&self, id: Id) -> Option<OutputCard<'a>> {
        let item = &self.site.outputs[id.0];
        let shown = item.shown(self.lang, self.site.mode())?;
        let o: &Output = shown.v;
        Some(OutputCard {
            href: self.item_href(Kind::Output, &item.slug),
            slug: &item.slug,
            title: &o.title,
            kind: o.kind.as_str(),
            kind_label: self.t(&format!("type-{}", o.kind.as_str())),
            date: self.date(&o.date),
            date_iso: o.date.to_string(),
            year: o.date.year,
            authors: self.authors(&o.authors),
            summary: &o.summary,
            lang: self.lang_view(shown.text_lang),
            fallback: shown.is_fallback(self.lang),
            topics: o
                .topics
                .iter()
                .map(|t| self.site.topics[t.0].slug.as_str())
                .collect(),
            html: String::new(),
        })
    }

    pub fn project_card(&self, id: Id) -> Option<ProjectCard<'a>> {
        let item = &self.site.projects[id.0];
        let shown = item.shown(self.lang, self.site.mode())?;
        let p: &Project = shown.v;
        Some(ProjectCard {
            href: self.item_href(Kind::Project, &item.slug),
            title: &p.title,
            status: p.status.as_str(),
            status_label: self.t(&format!("status-{}", p.status.as_str())),
            summary: &p.summary,
            period: self.period(p),
            outputs: self.site.index[self.lang].outputs_by_project[id.0].len(),
            lang: self.lang_view(shown.text_lang),
            fallback: shown.is_fallback(self.lang),
        })
    }

    fn period(&self, p: &Project) -> String {
        match (&p.start, &p.end) {
            (Some(s), Some(e)) => format!("{} – {}", self.date(s), self.date(e)),
            (Some(s), None) => self.date(s),
            (None, Some(e)) => self.date(e),
            (None, None) => String::new(),
        }
    }

    pub fn file(&self, kind: Kind, slug: &str, f: &'a Attachment) -> FileView<'a> {
        let language = f
            .language
            .as_deref()
            .map(|code| match self.site.config.lang_index(code) {
                Some(i) => self.lang_view(i),
                None => LangView {
                    code,
                    name: code,
                    dir: "auto",
                },
            });
        FileView {
            href: format!("{}{}", self.root, urls::attachment(kind, slug, &f.path)),
            absolute: urls::absolute(
                &self.site.config.base_url,
                &urls::attachment(kind, slug, &f.path),
            ),
            title: &f.title,
            format: &f.format,
            size: self.size(f.bytes),
            bytes: f.bytes,
            pages: f.pages.map(|n| {
                self.engine.t_args(
                    self.lang,
                    "file-pages",
                    &[("count", fluent_bundle::FluentValue::from(n))],
                )
            }),
            language,
            name: f.path.rsplit('/').next().unwrap_or(&f.path),
        }
    }

    /// "12 KB", "1.4 MB", in the language's words and digits.
    pub fn size(&self, bytes: u64) -> String {
        use fluent_bundle::FluentValue;
        let (key, value) = if bytes < 1024 * 1024 {
            ("size-kb", (bytes as f64 / 1024.0).ceil())
        } else {
            (
                "size-mb",
                (bytes as f64 / (1024.0 * 1024.0) * 10.0).round() / 10.0,
            )
        };
        self.engine.t_args(
            self.lang,
            key,
            &[("size", FluentValue::from(self.number(value)))],
        )
    }

    /// The officer as a link when they are an author of the portal.
    pub fn officer(&self, o: &'a Officer) -> Option<OfficerView<'a>> {
        match o {
            Officer::Author(id) => self.author(*id).map(OfficerView::Author),
            Officer::Name(name) => Some(OfficerView::Name { name }),
        }
    }
}

#[derive(Serialize)]
pub(super) struct AuthorLink<'a> {
    pub href: String,
    pub name: &'a str,
    pub organisation: bool,
    pub lang: LangView<'a>,
}

#[derive(Serialize)]
pub(super) struct TitledLink<'a> {
    pub href: String,
    pub title: &'a str,
    pub lang: LangView<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum OfficerView<'a> {
    Author(AuthorLink<'a>),
    Name { name: &'a str },
}

#[derive(Serialize)]
pub(super) struct OutputCard<'a> {
    pub href: String,
    pub slug: &'a str,
    pub title: &'a str,
    pub kind: &'static str,
    pub kind_label: String,
    pub date: String,
    pub date_iso: String,
    pub year: i32,
    pub authors: Vec<AuthorLink<'a>>,
    pub summary: &'a str,
    /// The language the text is in.
    pub lang: LangView<'a>,
    pub fallback: bool,
    pub topics: Vec<&'a str>,
    /// The card rendered by `partials/output-card.html`, for this page.
    pub html: String,
}

#[derive(Serialize)]
pub(super) struct ProjectCard<'a> {
    pub href: String,
    pub title: &'a str,
    pub status: &'static str,
    pub status_label: String,
    pub summary: &'a str,
    pub period: String,
    pub outputs: usize,
    pub lang: LangView<'a>,
    pub fallback: bool,
}

#[derive(Serialize)]
pub(super) struct FileView<'a> {
    pub href: String,
    /// The file's full address, printed after the link on paper.
    pub absolute: String,
    pub title: &'a str,
    pub name: &'a str,
    pub format: &'a str,
    pub size: String,
    pub bytes: u64,
    /// "3 pages", for PDFs.
    pub pages: Option<String>,
    pub language: Option<LangView<'a>>,
}
