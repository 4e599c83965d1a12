//! load — stage 1. Input: the classified source files. Output: each file's typed front matter and
//! rendered body (`Parsed`), read and parsed in parallel, with every diagnostic collected.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::discover::{Kind, SourceFile};
use crate::frontmatter::{self, RawDoc};
use crate::markdown::{LinkContext, Markdown, Rendered};
use crate::model::{AuthorFields, OutputFields, PageFields, ProjectFields, TopicFields};
use crate::urls;

/// What one file's front matter says, by kind.
#[derive(Debug, Clone)]
pub(crate) enum Fields {
    Home(PageFields),
    Output(OutputFields),
    Project(ProjectFields),
    Author(AuthorFields),
    Topic(TopicFields),
    Page(PageFields),
}

/// One source file, parsed.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    pub src: SourceFile,
    pub doc: RawDoc,
    pub fields: Fields,
    pub body: Rendered,
}

impl Parsed {
    /// Where `value` is written under `key` in this file, for messages.
    pub fn locate(&self, key: &str, value: &str) -> Option<(usize, usize)> {
        frontmatter::locate_value(&self.doc.yaml, key, value, self.doc.yaml_first_line)
    }

    pub fn locate_key(&self, key: &str) -> Option<(usize, usize)> {
        frontmatter::locate_key(&self.doc.yaml, key, self.doc.yaml_first_line)
    }
}

/// Deepest nesting of lists and quotes accepted in a body (pages this deep are unreadable, and
/// sanitising them takes time that grows with the square of the depth).
pub(crate) const MAX_NESTING: usize = 128;

/// Largest source file accepted: far above any real report, low enough to bound memory.
pub(crate) const MAX_SOURCE_BYTES: u64 = 32 * 1024 * 1024;

/// What the load stage produced.
pub(crate) struct Loaded {
    /// The files that parsed, in input order.
    pub parsed: Vec<Arc<Parsed>>,
    /// Every diagnostic (errors and warnings), sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Slugs of the files that did not parse: references to them are not reported again.
    pub broken: HashSet<String>,
    /// The files read anew (not taken from the cache).
    pub changed: Vec<SourceFile>,
}

/// When a file was last written and its size: a file whose stamp is unchanged is not read again.
pub(crate) type Stamp = (Option<SystemTime>, u64);

pub(crate) fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path).map_or((None, 0), |m| (m.modified().ok(), m.len()))
}

/// Files parsed by an earlier build (serve mode), with the stamp they had.
#[derive(Default)]
pub(crate) struct ParseCache {
    entries: HashMap<PathBuf, (Stamp, Outcome)>,
}

impl ParseCache {
    /// The file at `path` as last parsed, if it parsed.
    pub fn parsed(&self, path: &Path) -> Option<&Arc<Parsed>> {
        match self.entries.get(path) {
            Some((_, Outcome::Parsed(p, _))) => Some(p),
            _ => None,
        }
    }

    /// Records a file parsed outside `load` (an edit applied by `serve`).
    pub fn put(&mut self, stamp: Stamp, parsed: Arc<Parsed>, warnings: Vec<Diagnostic>) {
        self.entries.insert(
            parsed.src.path.clone(),
            (stamp, Outcome::Parsed(parsed, warnings)),
        );
    }
}

/// One file's outcome: parsed with its warnings, or its slug and error.
#[derive(Clone)]
enum Outcome {
    Parsed(Arc<Parsed>, Vec<Diagnostic>),
    Failed(String, Box<Diagnostic>),
}

/// Reads and parses every file in parallel, taking unchanged files from `cache`; `cache` is
/// replaced by this build's files.
pub(crate) fn load(
    config: &SiteConfig,
    markdown: &Markdown,
    files: Vec<SourceFile>,
    cache: &mut ParseCache,
) -> Loaded {
    let previous = std::mem::take(&mut cache.entries);
    let results: Vec<(PathBuf, Stamp, Outcome, Option<SourceFile>)> = files
        .into_par_iter()
        .map(|src| {
            let stamp = stamp(&src.path);
            if let Some((old, outcome)) = previous.get(&src.path) {
                if *old == stamp {
                    return (src.path.clone(), stamp, outcome.clone(), None);
                }
            }
            let slug = src.slug.clone();
            let outcome = match parse_file(config, markdown, src.clone()) {
                Ok((p, warnings)) => Outcome::Parsed(Arc::new(p), warnings),
                Err(d) => Outcome::Failed(slug, Box::new(d)),
            };
            (src.path.clone(), stamp, outcome, Some(src))
        })
        .collect();
    let mut loaded = Loaded {
        parsed: Vec::with_capacity(results.len()),
        diagnostics: Vec::new(),
        broken: HashSet::new(),
        changed: Vec::new(),
    };
    for (path, stamp, outcome, changed) in results {
        match &outcome {
            Outcome::Parsed(p, warnings) => {
                loaded.parsed.push(Arc::clone(p));
                loaded.diagnostics.extend(warnings.iter().cloned());
            }
            Outcome::Failed(slug, d) => {
                loaded.broken.insert(slug.clone());
                loaded.diagnostics.push((**d).clone());
            }
        }
        loaded.changed.extend(changed);
        cache.entries.insert(path, (stamp, outcome));
    }
    Diagnostic::sort(&mut loaded.diagnostics);
    loaded
}

/// Reads and parses one file: its front matter, typed, and its body, rendered.
pub(crate) fn parse_file(
    config: &SiteConfig,
    markdown: &Markdown,
    src: SourceFile,
) -> Result<(Parsed, Vec<Diagnostic>), Diagnostic> {
    let read_error =
        |e: std::io::Error| Diagnostic::error(&src.rel, format!("cannot read the file: {e}"));
    let size = std::fs::metadata(&src.path).map_err(read_error)?.len();
    if size > MAX_SOURCE_BYTES {
        return Err(Diagnostic::error(
            &src.rel,
            format!(
                "the file is {} MB, over the {} MB limit for a source file",
                size >> 20,
                MAX_SOURCE_BYTES >> 20
            ),
        )
        .with_help("split the text, or attach the long document as a file under `files:`"));
    }
    let bytes = std::fs::read(&src.path).map_err(read_error)?;
    let text = frontmatter::decode(&src.rel, &bytes)?;
    let doc = frontmatter::split(&src.rel, &text)?;
    let (fields, warnings) = parse_fields(&src.rel, src.kind, &doc)?;
    let lang = &config.languages[src.lang].code;
    let files = src
        .kind
        .is_bundle()
        .then(|| format!("files/{}/{}/", src.kind.section(), urls::enc(&src.slug)));
    let root = match src.kind {
        Kind::Home | Kind::Page => "../../",
        _ => "../../../",
    };
    let links = LinkContext {
        lang,
        root,
        files: files.as_deref(),
    };
    let mut body = markdown.render(&doc.body, &links);
    if body.depth > MAX_NESTING {
        return Err(Diagnostic::error(&src.rel, format!("the text nests lists or quotes {} levels deep, over the limit of {MAX_NESTING}", body.depth))
            .with_help("no document needs that many levels; look for a run of `>` or `-` at the start of a line"));
    }
    if config.safe_html {
        body.html = sanitize(&body.html).into();
    }
    Ok((
        Parsed {
            src,
            doc,
            fields,
            body,
        },
        warnings,
    ))
}

/// Raw HTML written in a body, made harmless: scripts, event handlers, script URLs and unknown
/// elements go, the document's structure and classes (for code highlighting) stay.
fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["class", "id", "lang", "dir"])
        .add_tags(["figure", "figcaption", "details", "summary", "input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("pre", ["data-lang"])
        .link_rel(None)
        .clean(html)
        .to_string()
}

fn parse_fields(
    path: &Path,
    kind: Kind,
    doc: &RawDoc,
) -> Result<(Fields, Vec<Diagnostic>), Diagnostic> {
    let (yaml, line) = (doc.yaml.as_str(), doc.yaml_first_line);
    Ok(match kind {
        Kind::Home => {
            let (f, w) = frontmatter::parse_yaml(path, yaml, line, PageFields::KNOWN)?;
            (Fields::Home(f), w)
        }
        Kind::Output => {
            let (f, w) = frontmatter::parse_yaml(path, yaml, line, OutputFields::KNOWN)?;
            (Fields::Output(f), w)
        }
        Kind::Project => {
            let (f, w) = frontmatter::parse_yaml(path, yaml, line, ProjectFields::KNOWN)?;
            (Fields::Project(f), w)
        }
        Kind::Author => {
            let (f, w) = frontmatter::parse_yaml(path, yaml, line, AuthorFields::KNOWN)?;
            (Fields::Author(f), w)
        }
        Kind::Topic => {
            let (f, w) = frontmatter::parse_yaml(path, yaml, line, TopicFields::KNOWN)?;
            (Fields::Topic(f), w)
        }
        Kind::Page => {
            let (f, w) = frontmatter::parse_yaml(path, yaml, line, PageFields::KNOWN)?;
            (Fields::Page(f), w)
        }
    })
}
