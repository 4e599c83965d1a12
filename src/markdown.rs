//! markdown — stage 1 (load). Input: a Markdown body and where its page will sit. Output: HTML
//! with heading ids, highlighted code (CSS classes, no inline colours), rewritten links, and the
//! first paragraph as plain text (the abstract when the front matter has none).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use rustc_hash::FxHashMap;
use syntect::html::{line_tokens_to_classed_spans, ClassStyle};
use syntect::parsing::{ParseState, ScopeStack, ScopeStackOp, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

/// Markdown renderer; the syntax set is loaded once, on the first code block that needs it.
#[derive(Default)]
pub(crate) struct Markdown {
    syntaxes: OnceLock<SyntaxSet>,
}

thread_local! {
    /// Per thread, as syntect's parser state cannot move between threads. Always the default
    /// syntax set, so one cache serves every `Markdown`.
    static LINES: RefCell<LineCache> = RefCell::default();
}

/// Lines of code already parsed, by their text: the parser's state before each, its state after
/// and what it found. A line's parse depends on nothing else, and the same lines come back: an
/// output's code is repeated in each of its languages with only the comments translated, and
/// code of one project repeats its imports and set-up. Parsing a line takes syntect some
/// hundred thousand instructions; looking it up here, a few hundred.
#[derive(Default)]
struct LineCache {
    lines: FxHashMap<Box<str>, Vec<ParsedLine>>,
    len: usize,
}

struct ParsedLine {
    before: ParseState,
    after: ParseState,
    ops: Vec<(usize, ScopeStackOp)>,
}

impl LineCache {
    /// Enough for the code of a large portal; past it, new lines are parsed every time.
    const MAX_LINES: usize = 100_000;
}

/// Where a body is shown, so that its links can be written relative to that page.
pub(crate) struct LinkContext<'a> {
    /// The page's language (for `@/` internal links).
    pub lang: &'a str,
    /// `../` back to the site root from the page that shows the body.
    pub root: &'a str,
    /// Root-relative folder of the item's attached files (`files/outputs/<slug>/`), if any.
    pub files: Option<&'a str>,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rendered {
    /// Shared with the site model (the parse cache of `serve` keeps it too).
    pub html: Arc<str>,
    /// The first paragraph as plain text.
    pub first_paragraph: String,
    /// Internal `@/…` link targets, for checking that they resolve.
    pub internal_links: Vec<String>,
    /// Relative links to the item's own files (`summary.pdf`), as written.
    pub local_links: Vec<String>,
    /// The deepest nesting of lists, items and quotes.
    pub depth: usize,
    /// All the text, without markup (for the search index).
    pub text: Arc<str>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

impl Markdown {
    pub fn render(&self, source: &str, links: &LinkContext) -> Rendered {
        let mut out = Rendered::default();
        let mut text = String::new();
        let mut events: Vec<Event> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut heading: Option<(HeadingLevel, Option<CowStr>, Vec<Event>)> = None;
        let mut code: Option<(String, String)> = None;
        let mut paragraph_depth = 0usize;
        let mut first_done = false;
        let mut depth = 0usize;

        for event in Parser::new_ext(source, options()) {
            let mut event = event;
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) =
                &mut event
            {
                *dest_url = rewrite_url(dest_url, links, &mut out);
            }
            match &event {
                Event::Text(t) | Event::Code(t) => {
                    text.push_str(t);
                    text.push(' ');
                }
                Event::Start(
                    Tag::List(_) | Tag::Item | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_),
                ) => {
                    depth += 1;
                    out.depth = out.depth.max(depth);
                }
                Event::End(
                    TagEnd::List(_)
                    | TagEnd::Item
                    | TagEnd::BlockQuote(_)
                    | TagEnd::FootnoteDefinition,
                ) => {
                    depth = depth.saturating_sub(1);
                }
                _ => {}
            }
            match event {
                Event::Start(Tag::Heading { level, id, .. }) => {
                    heading = Some((level, id, Vec::new()));
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((level, id, inner)) = heading.take() {
                        push_heading(&mut events, &mut ids, level, id, inner);
                    }
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => {
                            info.split_whitespace().next().unwrap_or("").to_owned()
                        }
                        CodeBlockKind::Indented => String::new(),
                    };
                    code = Some((lang, String::new()));
                }
                Event::Text(text) if code.is_some() => {
                    if let Some((_, buf)) = code.as_mut() {
                        buf.push_str(&text);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((lang, text)) = code.take() {
                        events.push(Event::Html(self.highlight(&lang, &text).into()));
                    }
                }
                e => {
                    if !first_done {
                        track_first_paragraph(&e, &mut paragraph_depth, &mut first_done, &mut out);
                    }
                    match heading.as_mut() {
                        Some((_, _, inner)) => inner.push(e),
                        None => events.push(e),
                    }
                }
            }
        }
        let mut html = String::with_capacity(source.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        out.html = html.into();
        out.text = text.into();
        out.first_paragraph = out.first_paragraph.trim().to_owned();
        out
    }

    /// A code block as `<pre><code>` with syntect's classed spans, or escaped plain text for an
    /// unknown language.
    fn highlight(&self, lang: &str, text: &str) -> String {
        let mut html = String::from("<pre class=\"code\"");
        if !lang.is_empty() {
            html.push_str(&format!(" data-lang=\"{}\"", escape_attr(lang)));
        }
        html.push_str("><code>");
        let body = (!lang.is_empty())
            .then(|| {
                let set = self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines);
                classed_html(set, set.find_syntax_by_token(lang)?, text)
            })
            .flatten();
        html.push_str(&body.unwrap_or_else(|| escape_attr(text)));
        html.push_str("</code></pre>\n");
        html
    }
}

/// What syntect's `ClassedHTMLGenerator` makes of `text`, with the lines parsed through the
/// `LineCache`. `None` if syntect fails on it.
fn classed_html(set: &SyntaxSet, syntax: &SyntaxReference, text: &str) -> Option<String> {
    let mut state = ParseState::new(syntax);
    let mut scopes = ScopeStack::new();
    let mut html = String::with_capacity(text.len() * 2);
    let mut open_spans = 0;
    for line in LinesWithEndings::from(text) {
        let ops = parse_line(set, &mut state, line)?;
        let (spans, delta) =
            line_tokens_to_classed_spans(line, &ops, ClassStyle::Spaced, &mut scopes).ok()?;
        open_spans += delta;
        html.push_str(&spans);
    }
    for _ in 0..open_spans {
        html.push_str("</span>");
    }
    Some(html)
}

/// Parses one line from `state`, leaving `state` as the parser would after it.
fn parse_line(
    set: &SyntaxSet,
    state: &mut ParseState,
    line: &str,
) -> Option<Vec<(usize, ScopeStackOp)>> {
    LINES.with_borrow_mut(|cache| {
        if let Some(known) = cache
            .lines
            .get(line)
            .and_then(|seen| seen.iter().find(|p| p.before == *state))
        {
            state.clone_from(&known.after);
            return Some(known.ops.clone());
        }
        let before = state.clone();
        let ops = state.parse_line(line, set).ok()?;
        if cache.len < LineCache::MAX_LINES {
            cache.len += 1;
            cache
                .lines
                .entry(line.into())
                .or_default()
                .push(ParsedLine {
                    before,
                    after: state.clone(),
                    ops: ops.clone(),
                });
        }
        Some(ops)
    })
}

fn track_first_paragraph(e: &Event, depth: &mut usize, done: &mut bool, out: &mut Rendered) {
    match e {
        Event::Start(Tag::Paragraph) => *depth += 1,
        Event::End(TagEnd::Paragraph) if *depth > 0 => *done = true,
        Event::Text(t) | Event::Code(t) if *depth > 0 => out.first_paragraph.push_str(t),
        Event::SoftBreak | Event::HardBreak if *depth > 0 => out.first_paragraph.push(' '),
        _ => {}
    }
}

/// Writes a heading with an `id` (its own `{#id}` or one made from its text, unique in the body)
/// and a self-link for sharing a section.
fn push_heading<'a>(
    events: &mut Vec<Event<'a>>,
    ids: &mut HashMap<String, usize>,
    level: HeadingLevel,
    id: Option<CowStr<'a>>,
    inner: Vec<Event<'a>>,
) {
    let text: String = inner
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let base = id.map(|i| i.to_string()).unwrap_or_else(|| slugify(&text));
    let base = if base.is_empty() {
        "section".to_owned()
    } else {
        base
    };
    let n = ids.entry(base.clone()).or_insert(0);
    let id = if *n == 0 {
        base.clone()
    } else {
        format!("{base}-{n}")
    };
    *n += 1;
    // The page's title is its only `<h1>`: a level-one heading in a body becomes a `<h2>`.
    let tag = (level as usize).max(2);
    events.push(Event::Html(
        format!("<h{tag} id=\"{}\">", escape_attr(&id)).into(),
    ));
    events.extend(inner);
    events.push(Event::Html(format!("</h{tag}>\n").into()));
}

/// A heading id from its text in any script: letters and digits kept, lower-cased, other runs
/// turned into one `-`.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}') {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Rewrites a link target: `@/section/slug` to the page in this language, a relative path to the
/// item's attached files, and a script URL to nothing.
fn rewrite_url<'a>(url: &CowStr<'a>, links: &LinkContext, out: &mut Rendered) -> CowStr<'a> {
    let trimmed = url.trim();
    if let Some(target) = trimmed.strip_prefix("@/") {
        out.internal_links.push(target.to_owned());
        let (target, anchor) = target.split_once('#').map_or((target, ""), |(t, a)| (t, a));
        let target = target.trim_end_matches('/').trim_end_matches(".md");
        let path = match target.split_once('/') {
            Some(("pages", slug)) => format!("{}/{slug}/", links.lang),
            Some((section, slug)) => format!("{}/{section}/{slug}/", links.lang),
            None if target.is_empty() => format!("{}/", links.lang),
            None => format!("{}/{target}/", links.lang),
        };
        let hash = if anchor.is_empty() {
            String::new()
        } else {
            format!("#{anchor}")
        };
        return format!("{}{path}{hash}", links.root).into();
    }
    if is_script_url(trimmed) {
        return "#".into();
    }
    // A path from the site root (`/en/about/`) works at any base path once made relative.
    if let Some(rest) = trimmed.strip_prefix('/').filter(|r| !r.starts_with('/')) {
        return format!("{}{rest}", links.root).into();
    }
    let has_scheme = trimmed.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if let Some(files) = links.files {
        let local = !has_scheme && !trimmed.starts_with(['/', '#', '?']) && !trimmed.is_empty();
        if local {
            let rel = trimmed.trim_start_matches("./");
            out.local_links
                .push(rel.split(['#', '?']).next().unwrap_or(rel).to_owned());
            return format!("{}{files}{rel}", links.root).into();
        }
    }
    url.clone()
}

/// `javascript:`, `vbscript:` and `data:` (other than images) URLs, however they are spelled.
pub(crate) fn is_script_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    cleaned.starts_with("javascript:")
        || cleaned.starts_with("vbscript:")
        || (cleaned.starts_with("data:") && !cleaned.starts_with("data:image/"))
}

fn escape_attr(s: &str) -> String {
    crate::render::escape_html(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(src: &str) -> Rendered {
        let ctx = LinkContext {
            lang: "fr",
            root: "../../../",
            files: Some("files/outputs/x/"),
        };
        Markdown::default().render(src, &ctx)
    }

    #[test]
    fn headings_get_unique_ids_in_any_script() {
        let r = render("## Contexte général\n\n## Contexte général\n\n## عدالت تک رسائی\n");
        assert!(
            r.html.contains("<h2 id=\"contexte-général\">"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<h2 id=\"contexte-général-1\">"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"عدالت-تک-رسائی\">"), "{}", r.html);
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        let r = render("# T\n\nThe *first* `para`\ngraph.\n\nSecond.");
        assert_eq!(r.first_paragraph, "The first para graph.");
    }

    #[test]
    fn links_are_rewritten() {
        let r = render("[a](@/outputs/gbv#x) [b](summary.pdf) [c](https://x.org) [d](javascript:alert(1)) [e](#top) [f](@/outputs) [g](/fr/about/)");
        assert!(
            r.html.contains("href=\"../../../fr/outputs/\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("href=\"../../../fr/about/\""), "{}", r.html);
        assert!(
            r.html.contains("href=\"../../../fr/outputs/gbv/#x\""),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("href=\"../../../files/outputs/x/summary.pdf\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("href=\"https://x.org\""), "{}", r.html);
        assert!(r.html.contains("href=\"#\""), "{}", r.html);
        assert!(r.html.contains("href=\"#top\""), "{}", r.html);
        assert_eq!(r.internal_links, vec!["outputs/gbv#x", "outputs"]);
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = render("```rust\nfn main() {}\n```\n\n```nosuchlang\n<b>\n```\n");
        assert!(
            r.html.contains("<span class=\"source rust\">"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("style="), "{}", r.html);
        assert!(r.html.contains("&lt;b&gt;"), "{}", r.html);
    }

    /// What syntect's own generator makes of `text`, without the line cache.
    fn syntect_html(lang: &str, text: &str) -> String {
        use syntect::html::ClassedHTMLGenerator;
        let set = SyntaxSet::load_defaults_newlines();
        let syntax = set.find_syntax_by_token(lang).expect("a default syntax");
        let mut gen = ClassedHTMLGenerator::new_with_class_style(syntax, &set, ClassStyle::Spaced);
        for line in LinesWithEndings::from(text) {
            gen.parse_html_for_line_which_includes_newline(line)
                .expect("syntect parses it");
        }
        gen.finalize()
    }

    #[test]
    fn cached_lines_highlight_as_syntect_does() {
        // The same lines after different states: code, inside a docstring, a string, a comment.
        let snippets = [
            (
                "python",
                "import pandas as pd\n# Médiane des jours\nx = 1\n",
            ),
            ("python", "import pandas as pd\n# ہر ضلع\nx = 1\n"),
            (
                "python",
                "\"\"\"\nimport pandas as pd\nx = 1\n\"\"\"\nx = 1\n",
            ),
            ("python", "s = '''\nx = 1\n'''\nimport pandas as pd\n"),
            ("r", "x <- 1\n# commentaire\nx <- 1\n"),
            ("rust", "/* x = 1\nx = 1 */\nfn main() {}\nx = 1\n"),
        ];
        let md = Markdown::default();
        let set = md.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines);
        for _ in 0..2 {
            for (lang, text) in snippets {
                let syntax = set.find_syntax_by_token(lang).expect("a default syntax");
                assert_eq!(
                    classed_html(set, syntax, text).as_deref(),
                    Some(syntect_html(lang, text).as_str()),
                    "{lang}: {text}"
                );
            }
        }
    }

    #[test]
    fn script_urls_are_recognised() {
        assert!(is_script_url(" JavaScript:alert(1)"));
        assert!(is_script_url("java\tscript:alert(1)"));
        assert!(!is_script_url("https://example.org"));
        assert!(!is_script_url("data:image/png;base64,AAA"));
    }
}
