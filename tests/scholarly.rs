//! Scholarly metadata: Highwire `citation_*` and Dublin Core tags, schema.org JSON-LD on every
//! page kind, citations (APA, Chicago, BibTeX, RIS, CSL-JSON), whole-portal exports and social
//! cards, each read with a real parser and checked against the content, in three languages.

mod common;

use common::{build_into, example_root, Built, Page, TestSite};
use serde_json::Value;

fn example() -> (tempfile::TempDir, Built) {
    let tmp = tempfile::tempdir().unwrap();
    let built = build_into(&example_root(), &tmp.path().join("public"))
        .unwrap_or_else(|f| panic!("{}", common::text(&f.errors)));
    (tmp, built)
}

fn metas(page: &Page, name: &str) -> Vec<String> {
    page.attrs(&format!("meta[name=\"{name}\"]"), "content")
}

fn og(page: &Page, property: &str) -> Vec<String> {
    page.attrs(&format!("meta[property=\"{property}\"]"), "content")
}

/// The JSON-LD graph of a page, parsed.
fn graph(page: &Page) -> Vec<Value> {
    let scripts = page
        .doc
        .select(&common::sel("script[type=\"application/ld+json\"]"))
        .collect::<Vec<_>>();
    assert_eq!(scripts.len(), 1, "{}", page.path);
    let text: String = scripts[0].text().collect();
    let v: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", page.path));
    assert_eq!(v["@context"], "https://schema.org");
    v["@graph"].as_array().expect("graph").clone()
}

fn node<'a>(graph: &'a [Value], kind: &str) -> &'a Value {
    graph
        .iter()
        .find(|n| n["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {graph:?}"))
}

#[test]
fn highwire_and_dublin_core_tags_on_output_pages() {
    let (_tmp, site) = example();
    let page = site.html("en/outputs/punjab-women-protection-system/index.html");
    assert_eq!(
        metas(&page, "citation_title"),
        vec!["The Punjab Women Protection System: making existing services work for survivors"]
    );
    assert_eq!(
        metas(&page, "citation_author"),
        vec!["Fawad, Mahnoor", "Dastak"],
        "credit order, organisation whole"
    );
    assert_eq!(metas(&page, "citation_publication_date"), vec!["2021/03"]);
    assert_eq!(metas(&page, "citation_language"), vec!["en"]);
    assert_eq!(
        metas(&page, "citation_technical_report_institution"),
        vec!["Dastak"]
    );
    assert_eq!(metas(&page, "citation_pdf_url"), vec!["https://example.org/portal/files/outputs/punjab-women-protection-system/pwps-summary.pdf"]);
    assert_eq!(metas(&page, "DC.creator"), vec!["Mahnoor Fawad", "Dastak"]);
    assert_eq!(metas(&page, "DC.date"), vec!["2021-03"]);
    assert_eq!(
        page.attr("link[rel=\"schema.DC\"]", "href"),
        "http://purl.org/dc/elements/1.1/"
    );
    // The French page cites the French text, and its main PDF is the French one where there is one.
    let fr = site.html("fr/outputs/gbv-court-monitoring-lahore/index.html");
    assert_eq!(metas(&fr, "citation_language"), vec!["fr"]);
    assert!(metas(&fr, "citation_pdf_url")[0].ends_with("gbv-court-monitoring-summary.fr.pdf"));
    // Training material: a publisher, not an institution.
    let training = site.html("ur/outputs/salon-outreach-training/index.html");
    assert_eq!(metas(&training, "citation_publisher"), vec!["دستک"]);
    assert!(metas(&training, "citation_technical_report_institution").is_empty());
    assert_eq!(
        metas(&training, "citation_publication_date"),
        vec!["2020/11/15"]
    );
    // Only output pages carry citation tags.
    assert!(metas(&site.html("en/index.html"), "citation_title").is_empty());
}

#[test]
fn json_ld_on_every_page_kind() {
    let (_tmp, site) = example();
    for file in site
        .files()
        .iter()
        .filter(|f| f.ends_with(".html") && f.contains('/'))
    {
        let g = graph(&site.html(file));
        assert!(g.iter().any(|n| n["@type"] == "BreadcrumbList"), "{file}");
    }
    let home = graph(&site.html("fr/index.html"));
    assert_eq!(node(&home, "WebSite")["inLanguage"], "fr");
    let report = graph(&site.html("en/outputs/punjab-women-protection-system/index.html"));
    let r = node(&report, "Report");
    assert_eq!(r["datePublished"], "2021-03");
    assert_eq!(r["inLanguage"], "en");
    assert_eq!(r["author"][0]["@type"], "Person");
    assert_eq!(r["author"][0]["name"], "Mahnoor Fawad");
    assert_eq!(r["author"][1]["@type"], "Organization");
    assert_eq!(r["isPartOf"]["@type"], "ResearchProject");
    assert_eq!(r["license"], "https://spdx.org/licenses/CC-BY-4.0.html");
    assert_eq!(r["encoding"][0]["encodingFormat"], "application/pdf");
    assert!(r["about"].as_array().unwrap().len() >= 2);
    let crumbs = node(&report, "BreadcrumbList")["itemListElement"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(crumbs.len(), 3);
    assert_eq!(crumbs[1]["item"], "https://example.org/portal/en/outputs/");
    let training = graph(&site.html("ur/outputs/salon-outreach-training/index.html"));
    assert_eq!(node(&training, "LearningResource")["inLanguage"], "ur");
    let project = graph(&site.html("en/projects/scaling-access-to-justice/index.html"));
    let p = node(&project, "ResearchProject");
    assert_eq!(p["funding"]["@type"], "MonetaryGrant");
    assert_eq!(p["funding"]["amount"]["value"], 250000.0);
    assert_eq!(p["funding"]["amount"]["currency"], "CAD");
    assert!(p["funding"]["funder"]["name"]
        .as_str()
        .unwrap()
        .contains("International Development Research Centre"));
    let roles: Vec<&str> = p["member"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["roleName"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        vec![
            "leader",
            "leader",
            "lead organisation",
            "partner",
            "partner",
            "partner"
        ]
    );
    let author = graph(&site.html("en/authors/fawad-mahnoor/index.html"));
    assert_eq!(node(&author, "Person")["affiliation"]["name"], "Dastak");
}

/// A YAML double-quoted scalar (`\L` and `\P` are YAML's escapes for U+2028 and U+2029).
fn yaml_quoted(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\u{2028}', "\\L")
        .replace('\u{2029}', "\\P");
    format!("\"{escaped}\"")
}

fn hazard_portal(title: &str) -> TestSite {
    let title = &yaml_quoted(title);
    let site = TestSite::trilingual();
    site.write(
        "content/authors/x.md",
        &format!("---\nname: {title}\nkind: organisation\norcid: 0000-0002-1825-0097\n---\n"),
    );
    site.write("content/outputs/o/index.md", &format!("---\ntitle: {title}\ntype: report\ndate: 2021-06-30\nauthors: [x]\npublisher: x\nabstract: {title}\n---\n"));
    site
}

/// Each escaping hazard stays data in every context: HTML text, attributes, JSON-LD, citations.
fn check_hazard(title: &str) {
    let site = hazard_portal(title);
    let built = site.built();
    let page = built.html("en/outputs/o/index.html");
    assert_eq!(page.text("h1"), common::collapse(title));
    assert_eq!(metas(&page, "citation_title"), vec![title]);
    assert_eq!(og(&page, "og:title"), vec![title]);
    assert_eq!(page.count("script"), 1, "only the JSON-LD script");
    let g = graph(&page);
    assert_eq!(node(&g, "Report")["name"], title);
    assert_eq!(node(&g, "Report")["author"][0]["name"], title);
    assert_eq!(
        node(&g, "Report")["author"][0]["sameAs"][0],
        "https://orcid.org/0000-0002-1825-0097"
    );
    let html = built.read("en/outputs/o/index.html");
    let script = html
        .split("application/ld+json\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    assert!(
        !script.contains('<') && !script.contains('\u{2028}'),
        "{script}"
    );
    let csl: Value = serde_json::from_str(&built.read("en/outputs/o/citation.json")).unwrap();
    assert_eq!(csl[0]["title"], title);
    assert_eq!(csl[0]["author"][0]["literal"], title);
    let catalog: Value = serde_json::from_str(&built.read("catalog.json")).unwrap();
    assert_eq!(catalog["outputs"][0]["title"]["en"], title);
    let oai = built.read("oai.xml");
    let doc = roxmltree::Document::parse(&oai).unwrap();
    let t = doc
        .descendants()
        .find(|n| n.tag_name().name() == "title")
        .unwrap();
    assert_eq!(t.text(), Some(title));
    let ris = built.read("en/outputs/o/citation.ris");
    assert_eq!(
        ris.lines().filter(|l| l.starts_with("TI  - ")).count(),
        1,
        "{ris}"
    );
    assert!(
        !built.read("en/outputs/o/citation.bib").contains("<script>") || title.contains("<script>")
    );
}

#[test]
fn escaping_script_end_tag() {
    check_hazard("</script><script>alert(1)</script>");
}

#[test]
fn escaping_quotes_and_ampersand() {
    check_hazard("Rights & \"wrongs\" of 'courts' <b>");
}

#[test]
fn escaping_line_separator() {
    check_hazard("Line\u{2028}separated\u{2029}title");
}

/// A minimal BibTeX reader: `@type{key,` then `name = {value}` fields with nested braces.
fn parse_bibtex(text: &str) -> (String, String, Vec<(String, String)>) {
    let text = text.trim();
    let (head, rest) = text.split_once('{').unwrap();
    let (key, mut body) = rest.split_once(",\n").unwrap();
    let mut fields = Vec::new();
    loop {
        body = body.trim_start();
        if body.starts_with('}') || body.is_empty() {
            break;
        }
        let (name, after) = body.split_once(" = {").unwrap();
        let mut depth = 1;
        let mut end = 0;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' => escaped = !escaped,
                '{' if !escaped => depth += 1,
                '}' if !escaped => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => escaped = false,
            }
        }
        fields.push((name.trim().to_owned(), after[..end].to_owned()));
        body = after[end + 1..].trim_start_matches(',');
    }
    (
        head.trim_start_matches('@').to_owned(),
        key.to_owned(),
        fields,
    )
}

#[test]
fn citation_downloads_in_three_formats() {
    let (_tmp, site) = example();
    let page = site.html("fr/outputs/punjab-women-protection-system/index.html");
    let links = page.attrs(".cite-downloads a", "data-cite");
    assert_eq!(links, vec!["bibtex", "ris", "csl"]);
    let (kind, key, fields) =
        parse_bibtex(&site.read("fr/outputs/punjab-women-protection-system/citation.bib"));
    assert_eq!(
        (kind.as_str(), key.as_str()),
        ("techreport", "punjabwomenprotectionsystem2021")
    );
    let field = |n: &str| {
        fields
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(field("author"), "Fawad, Mahnoor and {Dastak}");
    assert_eq!(field("institution"), "Dastak");
    assert_eq!(field("language"), "fr");
    assert!(
        field("title").starts_with("{Le système de protection des femmes du Pendjab"),
        "{}",
        field("title")
    );
    let ris = site.read("ur/outputs/salon-outreach-training/citation.ris");
    let lines: Vec<(&str, &str)> = ris
        .lines()
        .map(|l| l.split_once("  - ").unwrap_or((l, "")))
        .collect();
    assert_eq!(lines.first().unwrap(), &("TY", "GEN"));
    assert_eq!(lines.last().unwrap().0, "ER");
    assert!(lines.contains(&("AU", "دستک")));
    assert!(lines.contains(&("DA", "2020/11/15/")));
    let csl: Value =
        serde_json::from_str(&site.read("en/outputs/gbv-court-monitoring-lahore/citation.json"))
            .unwrap();
    assert_eq!(csl[0]["type"], "report");
    assert_eq!(
        csl[0]["issued"]["date-parts"][0],
        serde_json::json!([2021, 6, 30])
    );
    assert_eq!(csl[0]["author"][0]["literal"], "Dastak");
}

#[test]
fn formatted_references_use_each_languages_words() {
    let (_tmp, site) = example();
    let apa = |lang: &str| {
        site.html(&format!(
            "{lang}/outputs/punjab-women-protection-system/index.html"
        ))
        .text(".cite-apa")
    };
    let chicago = |lang: &str| {
        site.html(&format!(
            "{lang}/outputs/punjab-women-protection-system/index.html"
        ))
        .text(".cite-chicago")
    };
    assert!(
        apa("en").starts_with("Fawad, M., & Dastak. (2021). The Punjab Women Protection System"),
        "{}",
        apa("en")
    );
    assert!(
        apa("fr").starts_with("Fawad, M., et Dastak. (2021)."),
        "{}",
        apa("fr")
    );
    assert!(
        apa("ur").starts_with("فواد، ماہ نور، اور دستک۔ (2021)۔"),
        "{}",
        apa("ur")
    );
    assert!(
        chicago("en").contains("Dastak, March 2021."),
        "{}",
        chicago("en")
    );
    assert!(
        chicago("fr").contains("Dastak, mars 2021."),
        "{}",
        chicago("fr")
    );
    assert!(
        chicago("ur").contains("دستک، مارچ 2021۔"),
        "{}",
        chicago("ur")
    );
}

#[test]
fn whole_portal_exports() {
    let (_tmp, site) = example();
    let catalog: Value = serde_json::from_str(&site.read("catalog.json")).unwrap();
    assert_eq!(catalog["schema_version"], 1);
    assert_eq!(catalog["outputs"].as_array().unwrap().len(), 4);
    let pwps = catalog["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["slug"] == "punjab-women-protection-system")
        .unwrap();
    assert_eq!(
        pwps["authors"],
        serde_json::json!(["fawad-mahnoor", "dastak"])
    );
    for lang in ["en", "fr", "ur"] {
        assert!(
            pwps["title"][lang].as_str().is_some_and(|t| !t.is_empty()),
            "{lang}"
        );
    }
    assert_eq!(catalog["projects"][0]["funding"]["currency"], "CAD");
    assert_eq!(catalog["authors"].as_array().unwrap().len(), 10);
    assert_eq!(catalog["topics"].as_array().unwrap().len(), 7);

    let bytes = std::fs::read(site.out.join("outputs.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "slug");
    let ur = headers.iter().position(|h| h == "title_ur").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let row = rows
        .iter()
        .find(|r| &r[0] == "salon-outreach-training")
        .unwrap();
    assert!(
        row[ur]
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{}",
        &row[ur]
    );

    let oai = site.read("oai.xml");
    let doc = roxmltree::Document::parse(&oai).unwrap();
    let oai_ns = "http://www.openarchives.org/OAI/2.0/";
    let records: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((oai_ns, "record")))
        .collect();
    assert_eq!(records.len(), 4);
    let dc = "http://purl.org/dc/elements/1.1/";
    let titles: Vec<_> = records[0]
        .descendants()
        .filter(|n| n.has_tag_name((dc, "title")))
        .collect();
    let langs: Vec<_> = titles
        .iter()
        .map(|t| {
            t.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
                .unwrap()
        })
        .collect();
    assert_eq!(langs, vec!["en", "fr", "ur"]);
    assert!(doc
        .descendants()
        .any(|n| n.has_tag_name((oai_ns, "metadataPrefix")) && n.text() == Some("oai_dc")));
}

#[test]
fn social_cards_with_locales() {
    let (_tmp, site) = example();
    let page = site.html("fr/outputs/crisis-management-center/index.html");
    assert_eq!(og(&page, "og:locale"), vec!["fr_FR"]);
    assert_eq!(og(&page, "og:locale:alternate"), vec!["en_US", "ur_PK"]);
    assert_eq!(og(&page, "og:type"), vec!["article"]);
    assert_eq!(
        og(&page, "og:url"),
        vec!["https://example.org/portal/fr/outputs/crisis-management-center/"]
    );
    assert_eq!(og(&page, "og:title")[0], page.text("h1"));
    assert_eq!(metas(&page, "twitter:card"), vec!["summary"]);
    assert_eq!(og(&site.html("ur/index.html"), "og:type"), vec!["website"]);
}
