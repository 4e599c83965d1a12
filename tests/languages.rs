//! Languages are first-class: every UI string in every theme language, fallbacks and hiding of
//! missing translations, inheritance of non-text fields, any set of languages and directions.

mod common;

use std::collections::BTreeSet;

use common::TestSite;

fn keys(lang: &str) -> BTreeSet<String> {
    let dir = common::example_root()
        .join("themes/default/i18n")
        .join(lang);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, e)| panic!("{lang}: {e:?}"));
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                keys.insert(m.id.name.to_owned());
            }
        }
    }
    keys
}

#[test]
fn every_theme_string_exists_in_every_language() {
    let en = keys("en");
    assert!(en.len() > 50, "{}", en.len());
    for lang in ["fr", "ur"] {
        let other = keys(lang);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
    }
}

fn output(title: &str) -> String {
    format!("---\ntitle: {title}\ntype: report\ndate: 2021-06-30\nauthors: [dastak]\n---\nBody of {title}.\n")
}

#[test]
fn a_portal_in_english_and_spanish_builds_with_english_strings_for_spanish() {
    let site = TestSite::new("title: Portal\nbase_url: https://e.org\ndefault_language: es\nlanguages:\n  - { code: es, name: Español }\n  - { code: en, name: English }\n");
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\n---\n",
    );
    site.write("content/outputs/x/index.md", &output("Informe"));
    site.write("content/outputs/x/index.en.md", "---\ntitle: Report\n---\n");
    let built = site.built();
    let warnings = common::text(&built.report.warnings);
    assert!(
        warnings.contains("UI strings are missing in `es`"),
        "{warnings}"
    );
    let page = built.html("es/outputs/x/index.html");
    assert_eq!(page.attr("html", "lang"), "es");
    assert_eq!(page.text("h1"), "Informe");
    assert_eq!(page.text(".main-nav a[aria-current=page]"), "Outputs");
    // The file without suffix is Spanish (the default language); the English one inherits its fields.
    let en = built.html("en/outputs/x/index.html");
    assert_eq!(en.text("h1"), "Report");
    assert_eq!(en.text(".facts .authors"), "Dastak");
}

#[test]
fn a_right_to_left_default_language_with_others() {
    let site = TestSite::new("title: { ar: بوابة, fr: Portail, en: Portal }\nbase_url: https://e.org/p\ndefault_language: ar\nlanguages:\n  - { code: ar, name: العربية, direction: rtl }\n  - { code: fr, name: Français }\n  - { code: en, name: English }\n");
    site.write(
        "content/authors/dastak.md",
        "---\nname: دستک\nkind: organisation\n---\n",
    );
    site.write("content/outputs/x/index.md", &output("تقرير"));
    let built = site.built();
    let ar = built.html("ar/index.html");
    assert_eq!(
        (ar.attr("html", "lang"), ar.attr("html", "dir")),
        ("ar".into(), "rtl".into())
    );
    let fr = built.html("fr/outputs/x/index.html");
    assert_eq!(fr.attr("html", "dir"), "ltr");
    // The Arabic text shown on the French page carries its own language and direction.
    assert_eq!(fr.attr("h1", "lang"), "ar");
    assert_eq!(fr.attr("h1", "dir"), "rtl");
    assert!(
        fr.text(".fallback-notice").contains("العربية"),
        "{}",
        fr.text(".fallback-notice")
    );
    assert_eq!(
        fr.attrs("link[hreflang=x-default]", "href"),
        vec!["https://e.org/p/ar/outputs/x/"]
    );
    let chooser = built.html("index.html");
    assert_eq!(
        chooser.attrs(".language-list a", "hreflang"),
        vec!["ar", "fr", "en"]
    );
}

fn trilingual_with_partial_translations(mode: &str) -> TestSite {
    let site = TestSite::new(&format!(
        "{}missing_translation: {mode}\n",
        common::TRILINGUAL
    ));
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\n---\n",
    );
    site.write("content/authors/dastak.ur.md", "---\nname: دستک\n---\n");
    site.write(
        "content/outputs/both/index.md",
        &output("Translated report"),
    );
    site.write(
        "content/outputs/both/index.fr.md",
        "---\ntitle: Rapport traduit\n---\nCorps.\n",
    );
    site.write(
        "content/outputs/both/index.ur.md",
        "---\ntitle: ترجمہ شدہ رپورٹ\n---\nمتن\n",
    );
    site.write(
        "content/outputs/english-only/index.md",
        &output("English only"),
    );
    site.write("content/outputs/urdu-only/index.ur.md", "---\ntitle: صرف اردو\ntype: training-material\ndate: 2020-11\nauthors: [dastak]\n---\nاردو متن\n");
    site
}

#[test]
fn missing_translations_fall_back_with_a_notice_and_their_own_language() {
    let site = trilingual_with_partial_translations("fallback");
    let built = site.built();
    let fr = built.html("fr/outputs/english-only/index.html");
    assert_eq!(fr.attr("html", "lang"), "fr");
    assert_eq!(fr.text("h1"), "English only");
    assert_eq!(fr.attr("h1", "lang"), "en");
    assert_eq!(fr.attr(".body", "lang"), "en");
    assert_eq!(
        fr.text(".fallback-notice"),
        "Ce texte n’est pas encore disponible en français ; il est affiché en English."
    );
    // An Urdu-only handout: its fields come from the Urdu file; English shows it right to left.
    let en = built.html("en/outputs/urdu-only/index.html");
    assert_eq!(
        (en.attr("h1", "lang"), en.attr("h1", "dir")),
        ("ur".into(), "rtl".into())
    );
    assert_eq!(en.text(".kicker"), "Training material");
    // Every language has every page, and lists mark the fallback.
    for lang in ["en", "fr", "ur"] {
        for slug in ["both", "english-only", "urdu-only"] {
            assert!(
                built.exists(&format!("{lang}/outputs/{slug}/index.html")),
                "{lang}/{slug}"
            );
        }
    }
    let list = built.html("ur/outputs/index.html");
    assert_eq!(list.count(".output-card"), 3);
    assert_eq!(list.count(".output-card .fallback-tag"), 1);
    // A Latin-script author name on an Urdu page is isolated; the Urdu translation is used.
    assert_eq!(
        built
            .html("ur/outputs/english-only/index.html")
            .text(".facts .authors"),
        "دستک"
    );
}

#[test]
fn hidden_translations_leave_no_page_link_or_switcher_entry() {
    let site = trilingual_with_partial_translations("hide");
    let built = site.built();
    assert!(!built.exists("fr/outputs/english-only/index.html"));
    assert!(!built.exists("en/outputs/urdu-only/index.html"));
    assert!(built.exists("ur/outputs/urdu-only/index.html"));
    let list = built.html("fr/outputs/index.html");
    assert_eq!(list.texts(".output-card h3"), vec!["Rapport traduit"]);
    let page = built.html("en/outputs/english-only/index.html");
    assert_eq!(
        page.attrs(".language-switcher a", "hreflang"),
        Vec::<String>::new()
    );
    assert_eq!(
        page.attrs("link[rel=alternate][hreflang]", "hreflang"),
        vec!["en", "x-default"]
    );
    let both = built.html("en/outputs/both/index.html");
    assert_eq!(
        both.attrs(".language-switcher a", "hreflang"),
        vec!["fr", "ur"]
    );
}

#[test]
fn plurals_follow_each_language() {
    let site = TestSite::trilingual();
    site.write("content/authors/one.md", "---\nname: One\n---\n");
    site.write("content/authors/two.md", "---\nname: Two\n---\n");
    site.write("content/authors/none.md", "---\nname: None\n---\n");
    site.write(
        "content/outputs/a/index.md",
        "---\ntitle: A\ntype: brief\ndate: 2020\nauthors: [one, two]\n---\n",
    );
    site.write(
        "content/outputs/b/index.md",
        "---\ntitle: B\ntype: brief\ndate: 2021\nauthors: [two]\n---\n",
    );
    let built = site.built();
    let counts = |lang: &str| {
        built
            .html(&format!("{lang}/authors/index.html"))
            .texts(".author-entry .count")
    };
    assert_eq!(counts("en"), vec!["No outputs", "1 output", "2 outputs"]);
    assert_eq!(
        counts("fr"),
        vec!["Aucune publication", "1 publication", "2 publications"]
    );
    assert_eq!(
        counts("ur"),
        vec!["کوئی اشاعت نہیں", "1 اشاعت", "2 مطبوعات"]
    );
}

#[test]
fn site_strings_and_templates_override_the_theme() {
    let site = TestSite::trilingual();
    site.write("i18n/en/site.ftl", "nav-outputs = Publications\n");
    site.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}<h1 class=\"custom\">{{ page.title }}</h1>{% endblock content %}");
    site.write(
        "content/pages/about.md",
        "---\ntitle: About\nmenu_weight: 1\n---\nText.\n",
    );
    let built = site.built();
    let page = built.html("en/about/index.html");
    assert_eq!(page.text("h1.custom"), "About");
    assert!(page
        .texts(".main-nav a")
        .contains(&"Publications".to_owned()));
    assert!(page.texts(".main-nav a").contains(&"About".to_owned()));
    // Other languages keep the theme's string.
    assert!(built
        .html("fr/about/index.html")
        .texts(".main-nav a")
        .contains(&"Publications".to_owned()));
    assert!(built
        .html("ur/about/index.html")
        .texts(".main-nav a")
        .contains(&"مطبوعات".to_owned()));
}

#[test]
fn a_broken_site_string_file_is_an_error_with_its_line() {
    let site = TestSite::trilingual();
    site.write(
        "i18n/fr/site.ftl",
        "nav-home = Accueil\nnav-outputs = { $count ->\n  [one] x\n}\n",
    );
    let errors = site.errors();
    assert!(errors[0].starts_with("i18n/fr/site.ftl:"), "{errors:?}");
    assert!(errors[0].contains("invalid Fluent syntax"), "{errors:?}");
}

#[test]
fn translations_inherit_non_text_fields_and_may_override_them() {
    let site = TestSite::trilingual();
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\n---\n",
    );
    site.write("content/outputs/x/summary.pdf", "%PDF-1.4\n");
    site.write("content/outputs/x/resume.pdf", "%PDF-1.4\n");
    site.write("content/outputs/x/index.md", "---\ntitle: X\ntype: dataset\ndate: 2021-03\nauthors: [dastak]\nfiles:\n  - { path: summary.pdf, title: Summary, language: en }\n---\n");
    site.write(
        "content/outputs/x/index.fr.md",
        "---\ntitle: X fr\nfiles:\n  - { path: resume.pdf, title: Résumé, language: fr }\n---\n",
    );
    site.write("content/outputs/x/index.ur.md", "---\ntitle: X ur\n---\n");
    let built = site.built();
    let fr = built.html("fr/outputs/x/index.html");
    assert_eq!(fr.text(".kicker"), "Jeu de données");
    assert_eq!(fr.text(".facts time"), "mars 2021");
    assert_eq!(fr.texts(".downloads .file a"), vec!["Résumé"]);
    let ur = built.html("ur/outputs/x/index.html");
    assert_eq!(ur.texts(".downloads .file a"), vec!["Summary"]);
    assert_eq!(ur.text(".facts .authors"), "Dastak");
}

#[test]
fn two_builds_are_byte_identical() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let first = common::build_into(&common::example_root(), &a.path().join("public"))
        .unwrap_or_else(|f| panic!("{}", common::text(&f.errors)));
    let second = common::build_into(&common::example_root(), &b.path().join("public"))
        .unwrap_or_else(|f| panic!("{}", common::text(&f.errors)));
    let files = first.files();
    assert_eq!(files, second.files());
    for f in &files {
        assert!(
            std::fs::read(first.out.join(f)).unwrap() == std::fs::read(second.out.join(f)).unwrap(),
            "{f} differs"
        );
    }
}

/// A portal's own output card is the one every list shows, with links right from every depth.
#[test]
fn an_overridden_output_card_shows_on_every_list() {
    let site = TestSite::trilingual();
    site.write("content/topics/courts.md", "---\ntitle: Courts\n---\n")
        .write(
            "content/outputs/report/index.md",
            "---\ntitle: A report\ntype: report\ndate: 2021-06-30\ntopics: [courts]\n---\nBody.\n",
        )
        .write(
            "templates/partials/output-card.html",
            "<li class=\"my-card\"><a href=\"{{ o.href }}\">{{ o.title }}</a> {{ t(key=\"nav-outputs\") }}</li>\n",
        );
    let built = site.built();
    for page in [
        "en/outputs/index.html",
        "en/topics/courts/index.html",
        "fr/outputs/type/report/index.html",
    ] {
        let html = built.html(page);
        assert_eq!(html.count(".my-card"), 1, "{page}");
        let href = html.attr(".my-card a", "href");
        let lang = &page[..2];
        assert_eq!(
            common::resolve_link(page, &href).map(|l| l.0),
            Some(format!("{lang}/outputs/report/index.html")),
            "{page}"
        );
        // The card's string is in the page's language.
        let label = html.text(".my-card");
        assert!(
            label.ends_with(if lang == "fr" {
                "Publications"
            } else {
                "Outputs"
            }),
            "{label}"
        );
    }
}

/// A mistake in the card template stops the build and names the template.
#[test]
fn a_broken_output_card_stops_the_build() {
    let site = TestSite::trilingual();
    site.write(
        "content/outputs/report/index.md",
        "---\ntitle: A report\ntype: report\ndate: 2021-06-30\n---\nBody.\n",
    )
    .write(
        "templates/partials/output-card.html",
        "<li>{{ o.title | no_such_filter }}</li>\n",
    );
    let errors = site.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("template error") && e.contains("output-card")),
        "{errors:?}"
    );
}
