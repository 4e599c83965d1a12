//! scaffold — starting files for authors: `nashr new <kind> <slug>` writes a correctly filled
//! file for every configured language (required fields, optional ones commented out), and
//! `nashr init <dir>` writes a small portal that builds at once. Existing files are never
//! overwritten.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::config::{self, Direction, SiteConfig};
use crate::diagnostics::Diagnostic;

/// What `nashr new` can create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    Output,
    Project,
    Author,
    Topic,
    Page,
}

impl NewKind {
    fn folder(self) -> &'static str {
        match self {
            NewKind::Output => "outputs",
            NewKind::Project => "projects",
            NewKind::Author => "authors",
            NewKind::Topic => "topics",
            NewKind::Page => "pages",
        }
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the days since 1970 (H. Hinnant's civil calendar).
fn today() -> String {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The front matter of the default-language file: required fields filled, optional ones
/// commented out with an example.
fn base_template(kind: NewKind, slug: &str) -> String {
    let title = slug.replace('-', " ");
    match kind {
        NewKind::Output => format!(
            "---\ntitle: \"{title}\"\ntype: report            # report, training-material, brief, article, dataset, presentation, video\ndate: {}\nabstract: >\n  One paragraph that says what this output is and what it found.\n# authors: [author-slug]   # in credit order (files in content/authors/)\n# topics: [topic-slug]\n# project: project-slug\n# publisher: organisation-slug\n# files:\n#   - {{ path: report.pdf, title: \"Full report\", language: en }}\n# doi: 10.xxxx/xxxxx\n# url: https://hdl.handle.net/...\n# license: CC-BY-4.0\n# draft: true\n---\n\n## Summary\n\nWrite the text of the output here, in Markdown.\n",
            today()
        ),
        NewKind::Project => "---\ntitle: \"".to_owned() + &title + "\"\nstatus: active          # active or completed\n# number: \"108743\"\n# start: 2024-01-01\n# end: 2025-12-31\n# duration_months: 24\n# funding: { amount: 250000, currency: CAD }\n# officer: author-slug-or-name\n# leaders: [author-slug]\n# lead_organisations: [organisation-slug]\n# partners: [organisation-slug]\n# programs: [\"Governance and Justice\"]\n# countries: [PK]\n# regions: [\"Khyber Pakhtunkhwa\"]\n# topics: [topic-slug]\n---\n\nDescribe the project here: its aims, its partners, what it will produce.\n",
        NewKind::Author => format!("---\nname: \"{title}\"\n# kind: organisation      # person (the default) or organisation\n# sort_name: \"Family, Given\"\n# affiliation: organisation-slug\n# orcid: 0000-0000-0000-0000\n# url: https://example.org\n---\n\nA short biography or description.\n"),
        NewKind::Topic => format!("---\ntitle: \"{title}\"\n---\n\nWhat this topic covers, in one or two sentences.\n"),
        NewKind::Page => format!("---\ntitle: \"{title}\"\n# menu_weight: 10          # pages with a weight appear in the main menu, in that order\n---\n\nWrite the page here.\n"),
    }
}

/// A translation: only the text fields; the rest is inherited from the default-language file.
fn translation_template(kind: NewKind, slug: &str, default_code: &str) -> String {
    let title = slug.replace('-', " ");
    let note = format!("# Fields other than the text are taken from the {default_code} file; set one here to override it.\n");
    match kind {
        NewKind::Output => format!("---\ntitle: \"{title}\"\nabstract: >\n  The abstract in this language.\n{note}---\n\nThe text in this language.\n"),
        NewKind::Author => format!("---\nname: \"{title}\"\n{note}---\n"),
        _ => format!("---\ntitle: \"{title}\"\n{note}---\n"),
    }
}

fn check_slug(slug: &str) -> Result<(), Diagnostic> {
    let ok = !slug.is_empty()
        && !slug.starts_with(['.', '-'])
        && slug
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(
            Diagnostic::error(slug, format!("`{slug}` cannot be a slug"))
                .with_help("use lower-case letters, digits and `-`, e.g. `court-monitoring-2021`"),
        )
    }
}

fn path_for(config: &SiteConfig, kind: NewKind, slug: &str, lang: usize) -> PathBuf {
    let code = &config.languages[lang].code;
    let folder = Path::new("content").join(kind.folder());
    match kind {
        NewKind::Output | NewKind::Project => folder.join(slug).join(format!("index.{code}.md")),
        _ => folder.join(format!("{slug}.{code}.md")),
    }
}

/// Writes a new item's files, one per configured language. Returns the files written.
pub fn new_item(root: &Path, kind: NewKind, slug: &str) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    check_slug(slug).map_err(|d| vec![d])?;
    let (config, _) = config::load(root)?;
    let paths: Vec<PathBuf> = (0..config.languages.len())
        .map(|l| path_for(&config, kind, slug, l))
        .collect();
    let existing: Vec<Diagnostic> = paths
        .iter()
        .filter(|p| root.join(p).exists())
        .map(|p| {
            Diagnostic::error(p, "the file exists already; nothing was written")
                .with_help("choose another slug, or edit the file")
        })
        .collect();
    if !existing.is_empty() {
        return Err(existing);
    }
    let default_code = config.languages[config.default_lang].code.clone();
    for (lang, path) in paths.iter().enumerate() {
        let text = if lang == config.default_lang {
            base_template(kind, slug)
        } else {
            translation_template(kind, slug, &default_code)
        };
        write_new(root, path, &text)?;
    }
    Ok(paths)
}

fn write_new(root: &Path, path: &Path, text: &str) -> Result<(), Vec<Diagnostic>> {
    let full = root.join(path);
    let fail = |e: std::io::Error| {
        vec![Diagnostic::error(
            path,
            format!("cannot write the file: {e}"),
        )]
    };
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    // `create_new` refuses to replace a file that appeared meanwhile.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&full)
        .map_err(fail)?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(fail)
}

/// A language for `init`: code, name and direction.
pub struct InitLanguage {
    pub code: String,
    pub name: String,
    pub rtl: bool,
}

impl InitLanguage {
    /// `en`, `fr`, `ur`, … with their own names; other codes are named by their code.
    pub fn from_code(code: &str) -> Self {
        let (name, rtl) = match code {
            "en" => ("English", false),
            "fr" => ("Français", false),
            "es" => ("Español", false),
            "ar" => ("العربية", true),
            "ur" => ("اردو", true),
            "fa" => ("فارسی", true),
            "ps" => ("پښتو", true),
            "he" => ("עברית", true),
            "hi" => ("हिन्दी", false),
            "bn" => ("বাংলা", false),
            "sw" => ("Kiswahili", false),
            "pt" => ("Português", false),
            _ => (code, false),
        };
        Self {
            code: code.to_owned(),
            name: name.to_owned(),
            rtl,
        }
    }
}

/// Writes a new portal in `dir` (which must be empty or absent): a site.yaml, a home text, one
/// output, one author and one topic, in every language. It builds at once with the built-in theme.
pub fn init(
    dir: &Path,
    title: &str,
    languages: &[InitLanguage],
) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    if languages.is_empty() {
        return Err(vec![Diagnostic::error(
            dir,
            "a portal needs at least one language",
        )]);
    }
    let occupied = std::fs::read_dir(dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if occupied {
        return Err(vec![Diagnostic::error(
            dir,
            "the folder is not empty; nothing was written",
        )
        .with_help(
            "give the name of a new folder, e.g. `nashr init my-portal`",
        )]);
    }
    let langs: Vec<String> = languages
        .iter()
        .map(|l| {
            let dir = if l.rtl {
                format!(", direction: {}", Direction::Rtl.as_str())
            } else {
                String::new()
            };
            format!("  - {{ code: {}, name: \"{}\"{dir} }}", l.code, l.name)
        })
        .collect();
    let site = format!(
        "# The portal's settings. See docs/content-format.md in nashr's repository.\ntitle: \"{title}\"\nbase_url: https://example.org\ndefault_language: {}\nlanguages:\n{}\ntheme: default\nmissing_translation: fallback   # or hide\n",
        languages[0].code,
        langs.join("\n")
    );
    let mut files = vec![(PathBuf::from("site.yaml"), site)];
    for (i, l) in languages.iter().enumerate() {
        let c = &l.code;
        files.push((PathBuf::from(format!("content/_index.{c}.md")), format!("---\ntitle: \"{title}\"\n---\n\nWelcome. This portal publishes our research in {}.\n", l.name)));
        let output = if i == 0 {
            format!("---\ntitle: \"A first report\"\ntype: report\ndate: {}\nauthors: [research-team]\ntopics: [first-topic]\nabstract: A short summary of the first report.\n---\n\n## Findings\n\nWrite the report here, in Markdown.\n", today())
        } else {
            "---\ntitle: \"A first report\"\nabstract: A short summary of the first report.\n---\n\n## Findings\n\nThe text in this language.\n".to_owned()
        };
        files.push((
            PathBuf::from(format!("content/outputs/first-report/index.{c}.md")),
            output,
        ));
        let kind = if i == 0 { "kind: organisation\n" } else { "" };
        files.push((
            PathBuf::from(format!("content/authors/research-team.{c}.md")),
            format!("---\nname: \"Research team\"\n{kind}---\n"),
        ));
        files.push((
            PathBuf::from(format!("content/topics/first-topic.{c}.md")),
            "---\ntitle: \"First topic\"\n---\n".to_owned(),
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        vec![Diagnostic::error(
            dir,
            format!("cannot create the folder: {e}"),
        )]
    })?;
    for (path, text) in &files {
        write_new(dir, path, text)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_date() {
        let t = today();
        assert!(crate::model::PartialDate::parse(&t).is_ok(), "{t}");
    }

    #[test]
    fn slugs_are_checked() {
        assert!(check_slug("court-monitoring-2021").is_ok());
        assert!(check_slug("رپورٹ").is_ok());
        assert!(check_slug("../x").is_err());
        assert!(check_slug("a b").is_err());
        assert!(check_slug("").is_err());
    }
}
