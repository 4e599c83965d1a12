//! Author and topic indexes, output lists and filters, related outputs, pagination, sitemap and
//! feeds, checked on a purpose-made portal whose names sort differently by bytes and by language.

mod common;

use common::{resolve_link, Built, TestSite};

/// Authors whose byte order differs from each language's collation, an author with no output, an
/// organisation that is both author and partner.
fn portal() -> TestSite {
    let site = TestSite::new(&format!("{}paginate_by: 3\n", common::TRILINGUAL));
    let people = [
        ("zoe", "Zoé Martin", "Martin, Zoé", "زوئی مارٹن"),
        ("elodie", "Élodie Dubois", "Élodie", "ایلوڈی"),
        ("eve", "Eve Adams", "Eve", "ایو"),
        ("amina", "Amina Shah", "Amina", "آمنہ"),
        ("bilal", "Bilal Khan", "Bilal", "بلال"),
        ("parveen", "Parveen Akhtar", "Parveen", "پروین"),
        ("tariq", "Tariq Ali", "Tariq", "طارق"),
        ("tipu", "Tipu Aslam", "Tipu", "ٹیپو"),
        ("tahira", "Tahira Noor", "Tahira", "تاہرہ"),
        ("nobody", "Nadia Idle", "Idle, Nadia", "نادیہ"),
    ];
    for (slug, name, sort, urdu) in people {
        site.write(
            &format!("content/authors/{slug}.md"),
            &format!("---\nname: {name}\nsort_name: \"{sort}\"\n---\n"),
        );
        site.write(
            &format!("content/authors/{slug}.ur.md"),
            &format!("---\nname: {urdu}\n---\n"),
        );
    }
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\n---\nAn NGO.\n",
    );
    site.write("content/authors/dastak.ur.md", "---\nname: دستک\n---\n");
    site.write(
        "content/topics/courts.md",
        "---\ntitle: Courts\n---\nCourts and tribunals.\n",
    );
    site.write(
        "content/topics/courts.fr.md",
        "---\ntitle: Tribunaux\n---\n",
    );
    site.write("content/topics/equality.md", "---\ntitle: Equality\n---\n");
    site.write(
        "content/topics/equality.fr.md",
        "---\ntitle: Égalité\n---\n",
    );
    site.write("content/topics/dignity.md", "---\ntitle: Dignity\n---\n");
    site.write("content/topics/dignity.fr.md", "---\ntitle: Dignité\n---\n");
    site.write(
        "content/projects/p/index.md",
        "---\ntitle: Project P\nstatus: active\npartners: [dastak]\ntopics: [courts]\n---\n",
    );
    let outputs = [
        ("o1", "report", "2019-05-01", "[zoe, elodie]", "[courts]"),
        (
            "o2",
            "brief",
            "2020-02",
            "[eve, dastak]",
            "[courts, equality]",
        ),
        (
            "o3",
            "report",
            "2021",
            "[amina, bilal, parveen]",
            "[equality]",
        ),
        (
            "o4",
            "dataset",
            "2021-06-30",
            "[tariq, tipu, tahira]",
            "[courts]",
        ),
        (
            "o5",
            "report",
            "2021-07-01",
            "[dastak]",
            "[courts, dignity]",
        ),
    ];
    for (slug, kind, date, authors, topics) in outputs {
        site.write(
            &format!("content/outputs/{slug}/index.md"),
            &format!("---\ntitle: Output {slug} <b>&</b>\ntype: {kind}\ndate: {date}\nauthors: {authors}\ntopics: {topics}\nproject: p\nabstract: Abstract of {slug}.\n---\nBody.\n"),
        );
    }
    site
}

fn names(site: &Built, lang: &str) -> Vec<String> {
    let mut all = Vec::new();
    let mut page = format!("{lang}/authors/index.html");
    loop {
        let p = site.html(&page);
        all.extend(p.texts(".author-entry > a"));
        match p.attrs("link[rel=next]", "href").first() {
            Some(next) => page = resolve_link(&page, next).unwrap().0,
            None => break,
        }
    }
    all
}

#[test]
fn authors_are_collated_per_language_and_grouped_by_initial() {
    let site = portal();
    let built = site.built();
    // English and French: É sorts with E (not after Z, as in byte order).
    let en = names(&built, "en");
    assert_eq!(
        en,
        vec![
            "Amina Shah",
            "Bilal Khan",
            "Dastak",
            "Élodie Dubois",
            "Eve Adams",
            "Nadia Idle",
            "Zoé Martin",
            "Parveen Akhtar",
            "Tahira Noor",
            "Tariq Ali",
            "Tipu Aslam"
        ],
    );
    let fr = names(&built, "fr");
    assert_eq!(fr, en, "French sorts the same names the same way");
    // Urdu: Urdu letters in Urdu alphabetical order (ا then آ, ب, پ, ت, ٹ, … ط), as CLDR's Urdu
    // collation has it; in byte order آ (U+0622) would come before ا (U+0627) and ٹ (U+0679)
    // after ط (U+0637).
    let ur = names(&built, "ur");
    assert_eq!(
        ur,
        vec![
            "ایلوڈی",
            "ایو",
            "آمنہ",
            "بلال",
            "پروین",
            "تاہرہ",
            "ٹیپو",
            "دستک",
            "زوئی مارٹن",
            "طارق",
            "نادیہ"
        ]
    );
    // Letter groups and the jump bar.
    let page = built.html("en/authors/index.html");
    assert_eq!(page.texts(".letter-group h2"), vec!["A", "B", "D"]);
    assert_eq!(
        page.texts(".jump-bar a"),
        vec!["A", "B", "D", "E", "I", "M", "P", "T"]
    );
    let e = page.attrs(".jump-bar a", "href")[3].clone();
    let (target, fragment) = resolve_link("en/authors/index.html", &e).unwrap();
    assert_eq!(
        (target.as_str(), fragment.as_deref()),
        ("en/authors/page/2/index.html", Some("letter-E"))
    );
    assert_eq!(built.html(&target).count("#letter-E"), 1);
    let ur_page = built.html("ur/authors/index.html");
    assert_eq!(
        ur_page.texts(".jump-bar a"),
        vec!["ا", "ب", "پ", "ت", "ٹ", "د", "ز", "ط", "ن"]
    );
}

#[test]
fn author_entries_show_kind_and_plural_counts() {
    let site = portal();
    let built = site.built();
    let all = |lang: &str| {
        let mut out = Vec::new();
        for n in 1..=4 {
            let path = if n == 1 {
                format!("{lang}/authors/index.html")
            } else {
                format!("{lang}/authors/page/{n}/index.html")
            };
            if built.exists(&path) {
                let p = built.html(&path);
                for (name, count) in p
                    .texts(".author-entry > a")
                    .into_iter()
                    .zip(p.texts(".author-entry .count"))
                {
                    out.push((name, count));
                }
            }
        }
        out
    };
    let en = all("en");
    assert!(
        en.contains(&("Dastak".into(), "2 outputs".into())),
        "{en:?}"
    );
    assert!(
        en.contains(&("Nadia Idle".into(), "No outputs".into())),
        "{en:?}"
    );
    assert!(
        en.contains(&("Eve Adams".into(), "1 output".into())),
        "{en:?}"
    );
    let fr = all("fr");
    assert!(
        fr.contains(&("Dastak".into(), "2 publications".into())),
        "{fr:?}"
    );
    assert!(
        fr.contains(&("Nadia Idle".into(), "Aucune publication".into())),
        "{fr:?}"
    );
    let ur = all("ur");
    assert!(ur.contains(&("دستک".into(), "2 مطبوعات".into())), "{ur:?}");
    let page = built.html("en/authors/index.html");
    assert_eq!(page.count(".author-entry.organisation"), 1);
}

#[test]
fn an_organisation_that_is_author_and_partner_shows_both() {
    let site = portal();
    let built = site.built();
    let page = built.html("en/authors/dastak/index.html");
    assert_eq!(page.text("h1"), "Dastak");
    assert_eq!(page.text(".kicker"), "Organisation");
    // Outputs grouped by year, newest first.
    assert_eq!(page.texts("h3.year"), vec!["2021", "2020"]);
    assert_eq!(
        page.texts(".output-card h3"),
        vec!["Output o5 <b>&</b>", "Output o2 <b>&</b>"]
    );
    assert_eq!(page.texts(".project-card h3"), vec!["Project P"]);
    assert!(page.text(".project-card .meta").contains("Partner"));
}

#[test]
fn topics_are_collated_with_counts_and_list_outputs_and_projects() {
    let site = portal();
    let built = site.built();
    let fr = built.html("fr/topics/index.html");
    assert_eq!(
        fr.texts(".topics > li > a"),
        vec!["Dignité", "Égalité", "Tribunaux"]
    );
    assert_eq!(
        fr.texts(".topics .count"),
        vec!["1 publication", "2 publications", "4 publications"]
    );
    let topic = built.html("en/topics/courts/index.html");
    assert_eq!(topic.text(".prose"), "Courts and tribunals.");
    let dates = topic.attrs(".output-card time", "datetime");
    // Newest first, three a page (the fourth is on page 2).
    assert_eq!(dates, vec!["2021-07-01", "2021-06-30", "2020-02"]);
    assert_eq!(topic.texts(".project-card h3"), vec!["Project P"]);
}

#[test]
fn output_lists_have_static_filters_with_counts() {
    let site = portal();
    let built = site.built();
    let list = built.html("en/outputs/index.html");
    assert_eq!(
        list.texts(".filter-type a"),
        vec!["Report (3)", "Brief (1)", "Dataset (1)"]
    );
    assert_eq!(
        list.texts(".filter-year a"),
        vec!["2021 (3)", "2020 (1)", "2019 (1)"]
    );
    assert_eq!(
        list.texts(".filter-topic a"),
        vec!["Courts (4)", "Dignity (1)", "Equality (2)"]
    );
    // Pagination: 5 outputs, 3 per page, rel prev/next links.
    assert_eq!(list.count(".output-card"), 3);
    assert_eq!(list.texts(".year-group h2"), vec!["2021"]);
    let next = list.attr("link[rel=next]", "href");
    let (page2, _) = resolve_link("en/outputs/index.html", &next).unwrap();
    assert_eq!(page2, "en/outputs/page/2/index.html");
    let second = built.html(&page2);
    assert_eq!(second.count(".output-card"), 2);
    assert_eq!(
        resolve_link(&page2, &second.attr("a[rel=prev]", "href"))
            .unwrap()
            .0,
        "en/outputs/index.html"
    );
    // The report filter works without JavaScript: its own page lists the three reports.
    let href = list.attrs(".filter-type a", "href")[0].clone();
    let (report, _) = resolve_link("en/outputs/index.html", &href).unwrap();
    assert_eq!(report, "en/outputs/type/report/index.html");
    let reports = built.html(&report);
    assert_eq!(
        reports.attrs(".output-card", "data-type"),
        vec!["report"; 3]
    );
    let current = reports.attr(".filter-type a[aria-current=page]", "href");
    assert_eq!(resolve_link(&report, &current).unwrap().0, report);
    let year = built.html("fr/outputs/year/2021/index.html");
    assert_eq!(year.count(".output-card"), 3);
    assert_eq!(year.text("h1"), "Publications : 2021");
}

#[test]
fn output_pages_show_up_to_five_related_outputs() {
    let site = portal();
    let built = site.built();
    let page = built.html("en/outputs/o1/index.html");
    let related = page.attrs(".related .output-card h3 a", "href");
    let slugs: Vec<String> = related
        .iter()
        .map(|h| resolve_link("en/outputs/o1/index.html", h).unwrap().0)
        .collect();
    // Shares `courts` with o2, o4, o5 (newest first among equals); o3 shares nothing.
    assert_eq!(
        slugs,
        vec![
            "en/outputs/o5/index.html",
            "en/outputs/o4/index.html",
            "en/outputs/o2/index.html"
        ]
    );
}

#[test]
fn breadcrumbs_on_every_page_but_home() {
    let site = portal();
    let built = site.built();
    assert_eq!(built.html("en/index.html").count(".breadcrumbs"), 0);
    assert_eq!(
        built.html("en/outputs/index.html").texts(".breadcrumbs li"),
        vec!["Home", "Outputs"]
    );
    assert_eq!(
        built
            .html("fr/outputs/o1/index.html")
            .texts(".breadcrumbs li"),
        vec!["Accueil", "Publications", "Output o1 <b>&</b>"]
    );
    assert_eq!(
        built
            .html("fr/outputs/type/report/index.html")
            .texts(".breadcrumbs li")
            .len(),
        3
    );
}

#[test]
fn sitemap_lists_every_page_with_alternates() {
    let site = portal();
    let built = site.built();
    let xml = built.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap is XML");
    let ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ns, "url")))
        .collect();
    let html_pages = built
        .files()
        .iter()
        .filter(|f| f.ends_with(".html") && *f != "404.html")
        .count();
    assert_eq!(urls.len(), html_pages);
    let o1 = urls
        .iter()
        .find(|u| {
            u.descendants().any(|n| {
                n.has_tag_name((ns, "loc"))
                    && n.text() == Some("https://example.org/portal/fr/outputs/o1/")
            })
        })
        .expect("fr o1 listed");
    let alternates: Vec<(String, String)> = o1
        .children()
        .filter(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
        .map(|n| {
            (
                n.attribute("hreflang").unwrap().to_owned(),
                n.attribute("href").unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        alternates[0],
        (
            "en".into(),
            "https://example.org/portal/en/outputs/o1/".into()
        )
    );
    assert_eq!(
        alternates.iter().map(|a| a.0.as_str()).collect::<Vec<_>>(),
        vec!["en", "x-default", "fr", "ur"]
    );
    let robots = built.read("robots.txt");
    assert!(
        robots
            .lines()
            .any(|l| l == "Sitemap: https://example.org/portal/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn atom_feeds_per_language_and_topic() {
    let site = portal();
    let built = site.built();
    let atom = "http://www.w3.org/2005/Atom";
    for lang in ["en", "fr", "ur"] {
        let xml = built.read(&format!("{lang}/atom.xml"));
        let doc = roxmltree::Document::parse(&xml).expect("feed is XML");
        let feed = doc.root_element();
        assert!(feed.has_tag_name((atom, "feed")));
        let child = |n: roxmltree::Node, name: &str| {
            n.children()
                .find(|c| c.has_tag_name((atom, name)))
                .map(|c| c.text().unwrap_or("").to_owned())
        };
        assert!(child(feed, "id")
            .unwrap()
            .ends_with(&format!("/portal/{lang}/outputs/")));
        assert_eq!(child(feed, "updated").unwrap(), "2021-07-01T00:00:00+00:00");
        let entries: Vec<_> = feed
            .children()
            .filter(|c| c.has_tag_name((atom, "entry")))
            .collect();
        assert_eq!(entries.len(), 5);
        let first = entries[0];
        assert_eq!(child(first, "title").unwrap(), "Output o5 <b>&</b>");
        assert_eq!(child(first, "summary").unwrap(), "Abstract of o5.");
        let authors: Vec<_> = first
            .descendants()
            .filter(|n| n.has_tag_name((atom, "name")))
            .map(|n| n.text().unwrap().to_owned())
            .collect();
        assert_eq!(authors, vec![if lang == "ur" { "دستک" } else { "Dastak" }]);
        let categories: Vec<_> = first
            .children()
            .filter(|c| c.has_tag_name((atom, "category")))
            .map(|c| c.attribute("term").unwrap().to_owned())
            .collect();
        assert_eq!(categories, vec!["courts", "dignity"]);
    }
    let topic = built.read("fr/topics/equality/atom.xml");
    let doc = roxmltree::Document::parse(&topic).unwrap();
    let entries = doc
        .descendants()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .count();
    assert_eq!(entries, 2);
    // Pages announce their feed.
    let head = built.html("fr/topics/equality/index.html");
    assert_eq!(
        resolve_link(
            "fr/topics/equality/index.html",
            &head.attr("link[type=\"application/atom+xml\"]", "href")
        )
        .unwrap()
        .0,
        "fr/topics/equality/atom.xml"
    );
}

#[test]
fn not_found_page_offers_every_language() {
    let site = portal();
    let built = site.built();
    let page = built.html("404.html");
    assert_eq!(
        page.attrs(".not-found a", "href"),
        vec!["/portal/en/", "/portal/fr/", "/portal/ur/"]
    );
    assert_eq!(page.attrs(".not-found li", "lang"), vec!["en", "fr", "ur"]);
}

#[test]
fn long_lists_on_topic_author_and_project_pages_are_paginated() {
    let site = portal();
    let built = site.built();
    // `courts` has 4 outputs and the portal shows 3 a page.
    let first = built.html("en/topics/courts/index.html");
    assert_eq!(first.count(".output-card"), 3);
    let next = first.attr("link[rel=next]", "href");
    let (second, _) = resolve_link("en/topics/courts/index.html", &next).unwrap();
    assert_eq!(second, "en/topics/courts/page/2/index.html");
    let page2 = built.html(&second);
    assert_eq!(
        page2.attrs(".output-card time", "datetime"),
        vec!["2019-05-01"]
    );
    assert_eq!(
        resolve_link(&second, &page2.attr("link[rel=prev]", "href"))
            .unwrap()
            .0,
        "en/topics/courts/index.html"
    );
    assert_eq!(
        page2.attr("link[rel=canonical]", "href"),
        "https://example.org/portal/en/topics/courts/page/2/"
    );
    // The project lists all five outputs over two pages; its timeline keeps them all.
    let project = built.html("fr/projects/p/index.html");
    assert_eq!(project.count(".project-outputs .output-card"), 3);
    assert_eq!(project.count(".timeline-list .moment-output"), 5);
    assert!(built.exists("fr/projects/p/page/2/index.html"));
    assert!(
        !built.exists("en/authors/dastak/page/2/index.html"),
        "two outputs fit on one page"
    );
}

/// On a long topic list, an output's related outputs come from its own period: the outputs
/// nearest in date (up to 100 on each side), not the newest of the whole portal.
#[test]
fn related_outputs_on_a_long_topic_are_contemporaries() {
    let site = TestSite::new(
        "title: Long\nbase_url: https://example.org\nlanguages:\n  - { code: en, name: English }\n",
    );
    site.write("content/topics/courts.md", "---\ntitle: Courts\n---\n");
    // o000 is the oldest (January 2000), o299 the newest (December 2024); one a month.
    for n in 0..300 {
        let (year, month) = (2000 + n / 12, 1 + n % 12);
        site.write(
            &format!("content/outputs/o{n:03}/index.md"),
            &format!("---\ntitle: Output {n}\ntype: report\ndate: {year}-{month:02}-01\ntopics: [courts]\n---\nText.\n"),
        );
    }
    let built = site.built();
    let related = |n: usize| -> Vec<String> {
        let path = format!("en/outputs/o{n:03}/index.html");
        built
            .html(&path)
            .attrs(".related .output-card h3 a", "href")
            .iter()
            .map(|h| resolve_link(&path, h).unwrap().0)
            .collect()
    };
    // The newest output: the five before it.
    assert_eq!(
        related(299),
        (294..299)
            .rev()
            .map(|n| format!("en/outputs/o{n:03}/index.html"))
            .collect::<Vec<_>>()
    );
    // The oldest: the newest of the 100 outputs after it, not the newest of all (o295…).
    assert_eq!(
        related(0),
        (96..101)
            .rev()
            .map(|n| format!("en/outputs/o{n:03}/index.html"))
            .collect::<Vec<_>>()
    );
}

/// Cards are made once for all the pages at one depth (`render::views::Cards`): wherever a card
/// shows, at whatever depth, its links lead to the output and the author pages.
#[test]
fn output_cards_link_right_from_every_depth() {
    let site = portal();
    let built = site.built();
    let mut depths = std::collections::BTreeSet::new();
    for page in built.files().iter().filter(|f| f.ends_with(".html")) {
        let html = built.html(page);
        for href in html.attrs(".output-card .card-title a", "href") {
            let (target, _) = resolve_link(page, &href)
                .unwrap_or_else(|| panic!("{page}: card link {href} leaves the site"));
            assert!(
                target.contains("/outputs/") && built.exists(&target),
                "{page}: card link {href} leads to {target}, which is not an output page"
            );
            depths.insert(page.matches('/').count());
        }
    }
    // Home (1), lists (2), topic, author and output pages (3), second pages and filters (4, 5).
    assert_eq!(depths.into_iter().collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);
}
