//! Test support: build real portals (the example one, or small ones written by a test) into
//! temporary folders and read the result with an HTML parser.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use nashr::{build, BuildOptions, Failure, Report};
use scraper::{Html, Selector};

/// The repository root, which is itself the example portal.
pub fn example_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A portal written by a test into a temporary folder.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// A portal with this `site.yaml`.
    pub fn new(site_yaml: &str) -> Self {
        let site = Self {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        site.write("site.yaml", site_yaml);
        site
    }

    /// A portal in English, French and Urdu, like the example one.
    pub fn trilingual() -> Self {
        Self::new(TRILINGUAL)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, path: &str, text: &str) -> &Self {
        self.write_bytes(path, text.as_bytes())
    }

    pub fn write_bytes(&self, path: &str, bytes: &[u8]) -> &Self {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, bytes).expect("write");
        self
    }

    pub fn output(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn build(&self) -> Result<Built, Failure> {
        build_into(self.root(), &self.output())
    }

    /// Builds and panics with the diagnostics when the build fails.
    pub fn built(&self) -> Built {
        match self.build() {
            Ok(b) => b,
            Err(f) => panic!("build failed:\n{}", text(&f.errors)),
        }
    }

    /// Builds, expecting failure; returns the error lines.
    pub fn errors(&self) -> Vec<String> {
        match self.build() {
            Ok(_) => panic!("the build should have failed"),
            Err(f) => f.errors.iter().map(|d| d.to_string()).collect(),
        }
    }
}

pub const TRILINGUAL: &str = "title: { en: Test portal, fr: Portail d’essai, ur: آزمائشی پورٹل }\nbase_url: https://example.org/portal\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\n  - { code: ur, name: اردو, direction: rtl }\n";

pub fn text(list: &[nashr::Diagnostic]) -> String {
    list.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn build_into(root: &Path, out: &Path) -> Result<Built, Failure> {
    let mut options = BuildOptions::new(root);
    options.output = out.to_path_buf();
    build(&options).map(|report| Built {
        out: out.to_path_buf(),
        report,
    })
}

/// A built site.
pub struct Built {
    pub out: PathBuf,
    pub report: Report,
}

impl Built {
    pub fn exists(&self, path: &str) -> bool {
        self.out.join(path).is_file()
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn html(&self, path: &str) -> Page {
        Page {
            doc: Html::parse_document(&self.read(path)),
            path: path.to_owned(),
        }
    }

    /// Every file of the site, relative, `/`-separated, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(&self.out)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&self.out)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        files.sort();
        files
    }
}

/// A parsed HTML page.
pub struct Page {
    pub doc: Html,
    pub path: String,
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s}: {e:?}"))
}

impl Page {
    /// Texts of the elements matching `selector`, whitespace collapsed.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        self.doc
            .select(&sel(selector))
            .map(|e| collapse(&e.text().collect::<String>()))
            .collect()
    }

    pub fn text(&self, selector: &str) -> String {
        let all = self.texts(selector);
        assert!(
            !all.is_empty(),
            "{}: nothing matches `{selector}`",
            self.path
        );
        all[0].clone()
    }

    pub fn attrs(&self, selector: &str, attr: &str) -> Vec<String> {
        self.doc
            .select(&sel(selector))
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }

    pub fn attr(&self, selector: &str, attr: &str) -> String {
        let all = self.attrs(selector, attr);
        assert!(
            !all.is_empty(),
            "{}: no `{selector}` with `{attr}`",
            self.path
        );
        all[0].clone()
    }

    pub fn count(&self, selector: &str) -> usize {
        self.doc.select(&sel(selector)).count()
    }
}

/// Collapses runs of ASCII white space (not the no-break spaces a locale puts in numbers).
pub fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Resolves a relative link found on page `from` (a file path in the site) to a file path, or
/// `None` for links that leave the site.
pub fn resolve_link(from: &str, href: &str) -> Option<(String, Option<String>)> {
    if href.starts_with("http://")
        || href.starts_with("https://")
        || href.starts_with("mailto:")
        || href.starts_with("data:")
        || href.starts_with("//")
    {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_owned())),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let mut parts: Vec<String> = from.split('/').map(str::to_owned).collect();
    parts.pop(); // the page's own file name
    if path.is_empty() {
        return Some((from.to_owned(), fragment));
    }
    let decoded = percent_decode(path);
    let absolute = decoded.starts_with('/');
    if absolute {
        parts.clear();
    }
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s.to_owned()),
        }
    }
    let mut target = parts.join("/");
    if decoded.ends_with('/') || target.is_empty() {
        if !target.is_empty() {
            target.push('/');
        }
        target.push_str("index.html");
    }
    Some((target, fragment))
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .expect("links decode to UTF-8")
        .into_owned()
}

/// A small valid trilingual portal (two authors, a topic, a project, a report with a PDF) that
/// error tests break in one way each.
pub fn valid_portal() -> TestSite {
    let site = TestSite::trilingual();
    site.write("content/authors/fawad-mahnoor.md", "---\nname: Mahnoor Fawad\nsort_name: \"Fawad, Mahnoor\"\naffiliation: dastak\n---\nResearcher.\n")
        .write("content/authors/dastak.md", "---\nname: Dastak\nkind: organisation\n---\n")
        .write("content/topics/courts.md", "---\ntitle: Courts\n---\n")
        .write("content/projects/justice/index.md", "---\ntitle: Justice\nstatus: active\n---\n")
        .write("content/outputs/report/summary.pdf", "%PDF-1.4\n")
        .write(
            "content/outputs/report/index.md",
            "---\ntitle: A report\ntype: report\ndate: 2021-06-30\nauthors: [fawad-mahnoor, dastak]\ntopics: [courts]\nproject: justice\nfiles:\n  - { path: summary.pdf, title: Summary, language: en }\n---\nBody.\n",
        );
    site
}

/// The valid portal with the report's front matter replaced by `front`.
pub fn output_with(front: &str) -> TestSite {
    let site = valid_portal();
    site.write(
        "content/outputs/report/index.md",
        &format!("---\n{front}---\nBody.\n"),
    );
    site
}

/// The report's required fields, to build `output_with` front matter on.
pub const BASE: &str = "title: A report\ntype: report\ndate: 2021-06-30\n";
