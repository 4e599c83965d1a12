//! Funders' and trainers' views: portfolio totals and filters, accessible charts, project
//! timelines, the training hub and deterministic "download all" packs.

mod common;

use std::io::Read;

use common::{resolve_link, TestSite};

fn portal() -> TestSite {
    let site = TestSite::trilingual();
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\n---\n",
    );
    let projects = [
        (
            "alpha",
            "active",
            "{ amount: 100000, currency: CAD }",
            "[\"Governance and Justice\"]",
            "[PK]",
            "2020-01-01",
        ),
        (
            "beta",
            "completed",
            "{ amount: 50000, currency: CAD }",
            "[\"Governance and Justice\", \"Health\"]",
            "[PK, IN]",
            "2018-01-01",
        ),
        (
            "gamma",
            "active",
            "{ amount: 20000, currency: USD }",
            "[\"Health\"]",
            "[KE]",
            "2022-05",
        ),
    ];
    for (slug, status, funding, programs, countries, start) in projects {
        site.write(
            &format!("content/projects/{slug}/index.md"),
            &format!("---\ntitle: Project {slug}\nstatus: {status}\nfunding: {funding}\nprograms: {programs}\ncountries: {countries}\nstart: {start}\nend: 2023-12-31\n---\nAbout {slug}.\n"),
        );
    }
    site.write(
        "content/projects/alpha/index.fr.md",
        "---\ntitle: Projet alpha\nprograms: [\"Gouvernance et justice\"]\n---\n",
    );
    for (slug, kind, date, project) in [
        ("r1", "report", "2021-03", "alpha"),
        ("r2", "brief", "2022", "alpha"),
        ("r3", "report", "2020-07-01", "beta"),
    ] {
        site.write(&format!("content/outputs/{slug}/index.md"), &format!("---\ntitle: Output {slug}\ntype: {kind}\ndate: {date}\nproject: {project}\nauthors: [dastak]\n---\nBody.\n"));
    }
    site.write("content/outputs/kit/handout.txt", "Handout text\n");
    site.write("content/outputs/kit/دستی کتابچہ.txt", "اردو متن\n");
    site.write("content/outputs/kit/plan.pdf", "%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n3 0 obj << /Type /Page /Parent 1 0 R >> endobj\n%%EOF\n");
    site.write(
        "content/outputs/kit/index.md",
        "---\ntitle: Training kit\ntype: training-material\ndate: 2021-11-15\nproject: alpha\nauthors: [dastak]\nformat: workshop\naudience: Beauticians\nduration: 3 hours\nlevel: Introductory\nmaterials_language: [ur, en]\nfiles:\n  - { path: handout.txt, title: Handout, language: en }\n  - { path: \"دستی کتابچہ.txt\", title: Urdu handout, language: ur }\n  - { path: plan.pdf, title: Plan, language: en }\n---\nHow to use the kit.\n",
    );
    site.write(
        "content/outputs/kit/index.fr.md",
        "---\ntitle: Trousse de formation\naudience: Esthéticiennes\nduration: 3 heures\n---\n",
    );
    site
}

#[test]
fn portfolio_totals_sum_funding_per_currency() {
    let site = portal();
    let built = site.built();
    let stats = |lang: &str| {
        built
            .html(&format!("{lang}/projects/index.html"))
            .texts(".stat-list .stat")
    };
    assert_eq!(
        stats("en"),
        vec![
            "3 projects",
            "2 active",
            "1 completed",
            "CAD\u{a0}150,000",
            "USD\u{a0}20,000",
            "4 outputs"
        ]
    );
    assert_eq!(
        stats("fr"),
        vec![
            "3 projets",
            "2 en cours",
            "1 terminé",
            "150\u{202f}000\u{a0}CAD",
            "20\u{202f}000\u{a0}USD",
            "4 publications"
        ]
    );
    assert_eq!(stats("ur")[0], "3 منصوبے");
}

#[test]
fn project_filters_work_without_javascript() {
    let site = portal();
    let built = site.built();
    let list = built.html("en/projects/index.html");
    assert_eq!(
        list.texts(".filter-status a"),
        vec!["Active (2)", "Completed (1)"]
    );
    assert_eq!(
        list.texts(".filter-programme a"),
        vec!["Governance and Justice (2)", "Health (2)"]
    );
    assert_eq!(
        list.texts(".filter-country a"),
        vec!["India (1)", "Kenya (1)", "Pakistan (2)"]
    );
    let href = list.attrs(".filter-status a", "href")[0].clone();
    let (active, _) = resolve_link("en/projects/index.html", &href).unwrap();
    assert_eq!(active, "en/projects/status/active/index.html");
    let page = built.html(&active);
    assert_eq!(
        page.texts(".project-card h3"),
        vec!["Project gamma", "Project alpha"]
    );
    assert_eq!(page.texts(".stat-list .stat")[0], "2 projects");
    // The programme filter is labelled in the page's language.
    let fr = built.html("fr/projects/index.html");
    assert!(
        fr.texts(".filter-programme a")
            .contains(&"Gouvernance et justice (2)".to_owned()),
        "{:?}",
        fr.texts(".filter-programme a")
    );
    assert_eq!(
        built
            .html("fr/projects/programme/governance-and-justice/index.html")
            .count(".project-card"),
        2
    );
}

#[test]
fn charts_are_accessible_svg_with_a_data_table() {
    let site = portal();
    let built = site.built();
    let page = built.html("en/projects/index.html");
    let figures = page.count("figure.chart");
    assert_eq!(
        figures, 3,
        "per year, funding in CAD, funding in USD (no topics: no topic chart)"
    );
    for svg in page.doc.select(&common::sel("figure.chart svg")) {
        let labelled = svg.value().attr("aria-labelledby").unwrap();
        for id in labelled.split(' ') {
            assert_eq!(page.count(&format!("#{id}")), 1, "{id}");
        }
        assert!(svg.select(&common::sel("title")).next().is_some());
    }
    let years = page
        .doc
        .select(&common::sel("#chart-years-title"))
        .next()
        .unwrap();
    assert_eq!(years.text().collect::<String>(), "Outputs per year");
    assert_eq!(
        page.texts("figure.chart:first-of-type .chart-data tbody th"),
        vec!["2020", "2021", "2022"]
    );
    assert_eq!(
        page.texts("figure.chart:first-of-type .chart-data tbody td"),
        vec!["1", "2", "1"]
    );
    assert_eq!(page.count("figure.chart:first-of-type rect.chart-bar"), 3);
    let funding = page.texts(".chart-data caption");
    assert!(
        funding.contains(&"Funding per programme (CAD)".to_owned()),
        "{funding:?}"
    );
    let ur = built.html("ur/projects/index.html");
    assert_eq!(ur.attr("figure.chart svg", "direction"), "rtl");
}

#[test]
fn project_page_has_a_timeline_and_counts_by_type() {
    let site = portal();
    let built = site.built();
    let page = built.html("en/projects/alpha/index.html");
    assert_eq!(
        page.attrs(".timeline-list time", "datetime"),
        vec!["2020-01-01", "2021-03", "2021-11-15", "2022", "2023-12-31"]
    );
    assert_eq!(page.texts(".timeline-list .moment-label")[0], "Start");
    assert_eq!(
        page.texts(".type-counts li"),
        vec!["Report (1)", "Training material (1)", "Brief (1)"]
    );
}

#[test]
fn training_hub_and_material_pages() {
    let site = portal();
    let built = site.built();
    let hub = built.html("fr/training/index.html");
    assert_eq!(hub.texts(".training-card h2"), vec!["Trousse de formation"]);
    let facts = hub.texts(".training-card dd");
    assert_eq!(
        facts,
        vec![
            "Atelier",
            "Esthéticiennes",
            "3 heures",
            "Introductory",
            "اردو, English"
        ]
    );
    assert!(built
        .html("en/index.html")
        .texts(".main-nav a")
        .contains(&"Training".to_owned()));
    let page = built.html("en/outputs/kit/index.html");
    let files = page.texts(".downloads .file");
    assert!(
        files[2].contains("PDF") && files[2].contains("2 pages"),
        "{files:?}"
    );
    let href = page.attr("a[data-pack]", "href");
    let (zip_path, _) = resolve_link("en/outputs/kit/index.html", &href).unwrap();
    assert_eq!(zip_path, "files/packs/kit.zip");
    let bytes = std::fs::read(built.out.join(&zip_path)).unwrap();
    let shown_sha = page.text(".sha256 code");
    assert_eq!(shown_sha, sha256(&bytes));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    assert_eq!(names, vec!["handout.txt", "دستی کتابچہ.txt", "plan.pdf"]);
    let mut text = String::new();
    archive
        .by_name("دستی کتابچہ.txt")
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text, "اردو متن\n");
    // Same input, same bytes.
    let other = tempfile::tempdir().unwrap();
    let again = common::build_into(site.root(), &other.path().join("public"))
        .unwrap_or_else(|f| panic!("{}", common::text(&f.errors)));
    assert_eq!(std::fs::read(again.out.join(&zip_path)).unwrap(), bytes);
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
