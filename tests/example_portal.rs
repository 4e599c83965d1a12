//! The example portal (the repository itself) builds into a complete trilingual site.

mod common;

use std::collections::BTreeSet;

use common::{build_into, example_root, resolve_link, Built};

fn example() -> (tempfile::TempDir, Built) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let built = build_into(&example_root(), &tmp.path().join("public"))
        .unwrap_or_else(|f| panic!("example portal failed:\n{}", common::text(&f.errors)));
    (tmp, built)
}

const LANGS: [&str; 3] = ["en", "fr", "ur"];

#[test]
fn every_page_exists_in_every_language() {
    let (_tmp, site) = example();
    let files = site.files();
    let pages: BTreeSet<String> = files
        .iter()
        .filter(|f| f.ends_with(".html"))
        .cloned()
        .collect();
    // The same set of pages under each language prefix.
    let per_lang: Vec<BTreeSet<String>> = LANGS
        .iter()
        .map(|l| {
            pages
                .iter()
                .filter_map(|p| p.strip_prefix(&format!("{l}/")))
                .map(str::to_owned)
                .collect()
        })
        .collect();
    assert_eq!(per_lang[0], per_lang[1]);
    assert_eq!(per_lang[0], per_lang[2]);
    for expected in [
        "index.html",
        "outputs/index.html",
        "outputs/gbv-court-monitoring-lahore/index.html",
        "outputs/salon-outreach-training/index.html",
        "projects/index.html",
        "projects/scaling-access-to-justice/index.html",
        "authors/index.html",
        "authors/fawad-mahnoor/index.html",
        "topics/index.html",
        "topics/access-to-justice/index.html",
        "about/index.html",
    ] {
        assert!(per_lang[0].contains(expected), "missing {expected}");
    }
    assert!(site.exists("index.html"), "language chooser");
    assert!(site.exists("404.html"));
    // Attached files are written once, not per language.
    assert!(site.exists("files/outputs/salon-outreach-training/salon-handout.ur.txt"));
    assert!(!files.iter().any(|f| f.starts_with("en/files/")));
}

#[test]
fn urdu_pages_are_right_to_left_and_others_left_to_right() {
    let (_tmp, site) = example();
    for lang in LANGS {
        for page in [
            "index.html",
            "outputs/gbv-court-monitoring-lahore/index.html",
            "authors/index.html",
        ] {
            let p = site.html(&format!("{lang}/{page}"));
            assert_eq!(p.attr("html", "lang"), lang);
            assert_eq!(
                p.attr("html", "dir"),
                if lang == "ur" { "rtl" } else { "ltr" }
            );
            // Urdu pages load the Nastaliq font, the others do not.
            let fonts = p
                .attrs("link[rel=stylesheet]", "href")
                .iter()
                .any(|h| h.ends_with("nastaliq.css"));
            assert_eq!(fonts, lang == "ur", "{lang}/{page}");
        }
    }
}

#[test]
fn language_switcher_and_hreflang_point_at_the_same_page() {
    let (_tmp, site) = example();
    let path = "outputs/punjab-women-protection-system/index.html";
    for lang in LANGS {
        let page = site.html(&format!("{lang}/{path}"));
        let links = page.attrs(".language-switcher a", "href");
        let others: Vec<&str> = LANGS.iter().copied().filter(|l| *l != lang).collect();
        assert_eq!(links.len(), others.len());
        for (href, other) in links.iter().zip(&others) {
            let (target, _) = resolve_link(&page.path, href).expect("relative link");
            assert_eq!(target, format!("{other}/{path}"));
        }
        let hreflangs = page.attrs("link[rel=alternate][hreflang]", "hreflang");
        assert_eq!(hreflangs, vec!["en", "fr", "ur", "x-default"]);
        let hrefs = page.attrs("link[rel=alternate][hreflang]", "href");
        assert_eq!(
            hrefs[1],
            "https://example.org/portal/fr/outputs/punjab-women-protection-system/"
        );
        assert_eq!(
            hrefs[3], hrefs[0],
            "x-default is the default language's page"
        );
        assert_eq!(
            page.attr("link[rel=canonical]", "href"),
            format!("https://example.org/portal/{lang}/outputs/punjab-women-protection-system/")
        );
    }
}

#[test]
fn project_page_shows_its_metadata_formatted_for_each_locale() {
    let (_tmp, site) = example();
    let field = |lang: &str, name: &str| {
        site.html(&format!(
            "{lang}/projects/scaling-access-to-justice/index.html"
        ))
        .text(&format!("tr[data-field={name}] td"))
    };
    assert_eq!(field("en", "number"), "108743");
    assert_eq!(field("en", "funding"), "CAD\u{a0}250,000");
    assert_eq!(field("fr", "funding"), "250\u{202f}000\u{a0}CAD");
    assert_eq!(field("en", "officer"), "Ramata Thioune");
    assert_eq!(field("en", "status"), "Completed");
    assert_eq!(field("fr", "status"), "Terminé");
    assert_eq!(field("ur", "status"), "مکمل");
    assert_eq!(field("en", "duration"), "24 months");
    assert_eq!(field("fr", "duration"), "24 mois");
    assert_eq!(field("en", "end"), "31 March 2021");
    assert_eq!(field("fr", "end"), "31 mars 2021");
    assert!(
        field("ur", "end").contains("مارچ"),
        "{}",
        field("ur", "end")
    );
    assert_eq!(field("en", "leaders"), "Hina Jilani, Shandana Khan");
    assert_eq!(field("en", "programs"), "Governance and Justice");
    assert_eq!(field("fr", "programs"), "Gouvernance et justice");
    assert_eq!(field("en", "countries"), "Pakistan");
    assert_eq!(field("ur", "countries"), "پاکستان");
    assert!(field("en", "partners").contains("Rural Support Programmes Network"));
    assert!(field("en", "lead_organisations").contains("Dastak"));
    // The project lists all four of its outputs.
    let page = site.html("en/projects/scaling-access-to-justice/index.html");
    assert_eq!(page.count(".project-outputs .output-card"), 4);
}

#[test]
fn output_page_shows_metadata_and_downloads() {
    let (_tmp, site) = example();
    let page = site.html("en/outputs/gbv-court-monitoring-lahore/index.html");
    assert_eq!(
        page.text("h1"),
        "Monitoring the Gender-Based Violence Court in Lahore"
    );
    assert_eq!(page.count("h1"), 1);
    assert_eq!(page.attr(".facts time", "datetime"), "2021-06-30");
    assert_eq!(page.text(".facts time"), "30 June 2021");
    assert_eq!(
        site.html("fr/outputs/gbv-court-monitoring-lahore/index.html")
            .text(".facts time"),
        "30 juin 2021"
    );
    assert_eq!(page.text(".facts .authors"), "Dastak");
    let files = page.texts(".downloads .file");
    assert_eq!(files.len(), 2);
    assert!(
        files[0].contains("PDF") && files[0].contains("KB"),
        "{files:?}"
    );
    assert!(files[1].contains("Français"), "{files:?}");
    // Lists are newest first.
    let list = site.html("en/outputs/index.html");
    let dates = list.attrs(".output-card time", "datetime");
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(dates.len(), 4);
}

#[test]
fn no_broken_internal_link_or_missing_asset() {
    let (_tmp, site) = example();
    let files: BTreeSet<String> = site.files().into_iter().collect();
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in files
        .iter()
        .filter(|f| f.ends_with(".html") && *f != "404.html")
    {
        let page = site.html(file);
        for (selector, attr) in [
            ("a[href]", "href"),
            ("link[href]", "href"),
            ("img[src]", "src"),
            ("script[src]", "src"),
        ] {
            for href in page.attrs(selector, attr) {
                let Some((target, fragment)) = resolve_link(file, &href) else {
                    continue;
                };
                checked += 1;
                if !files.contains(&target) {
                    broken.push(format!("{file}: {href} -> {target}"));
                    continue;
                }
                if let (Some(id), true) = (fragment, target.ends_with(".html")) {
                    let target_page = site.html(&target);
                    if !id.is_empty() && target_page.count(&format!("[id=\"{id}\"]")) == 0 {
                        broken.push(format!("{file}: {href} (no #{id})"));
                    }
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} links checked");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_summary_counts_pages_and_files() {
    let (_tmp, site) = example();
    let html = site.files().iter().filter(|f| f.ends_with(".html")).count();
    assert_eq!(site.report.pages, html);
    assert_eq!(site.report.languages, 3);
    assert!(
        site.report.warnings.is_empty(),
        "{}",
        common::text(&site.report.warnings)
    );
}

/// Readers on old phones: no page needs more than 60 KB of HTML, CSS and JavaScript (fonts and
/// downloads excluded), uncompressed.
#[test]
fn every_page_fits_the_weight_budget() {
    let (_tmp, site) = example();
    let mut heaviest = (0, String::new());
    for file in site.files().iter().filter(|f| f.ends_with(".html")) {
        let page = site.html(file);
        let mut bytes = std::fs::metadata(site.out.join(file)).unwrap().len();
        for (selector, attr) in [("link[rel=stylesheet]", "href"), ("script[src]", "src")] {
            for href in page.attrs(selector, attr) {
                if let Some((target, _)) = resolve_link(file, &href) {
                    bytes += std::fs::metadata(site.out.join(&target))
                        .map(|m| m.len())
                        .unwrap_or(0);
                }
            }
        }
        if bytes > heaviest.0 {
            heaviest = (bytes, file.clone());
        }
    }
    assert!(
        heaviest.0 <= 60 * 1024,
        "{} weighs {} bytes",
        heaviest.1,
        heaviest.0
    );
    assert!(
        heaviest.0 > 10 * 1024,
        "the measure counts CSS too: {heaviest:?}"
    );
}

/// Fonts swap in (text shows at once in a system font) and only Nastaliq pages load them.
#[test]
fn fonts_swap_and_load_only_where_needed() {
    let (_tmp, site) = example();
    let css = site.read("css/nastaliq.css");
    assert_eq!(
        css.matches("@font-face").count(),
        css.matches("font-display: swap").count()
    );
    assert!(!site.read("css/nashr.css").contains("@font-face"));
}
