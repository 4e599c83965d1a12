//! `Session::run_changed`, the path `serve` takes after a save: an edit to an output's text
//! alone re-renders only that output's pages, anything else runs the whole pipeline, and either
//! way the session ends with exactly the files a fresh build of the edited portal gives.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::*;
use nashr::{BuildOptions, Report, Session};

const REPORT: &str = "content/outputs/report/index.md";
const FRONT: &str = "---\ntitle: A report\ntype: report\ndate: 2021-06-30\nauthors: [fawad-mahnoor, dastak]\ntopics: [courts]\nproject: justice\nfiles:\n  - { path: summary.pdf, title: Summary, language: en }\n---\n";

/// The valid portal with a two-paragraph report body, a French translation and a second output.
fn portal() -> TestSite {
    let site = valid_portal();
    site.write(REPORT, &format!("{FRONT}First paragraph.\n\nSecond paragraph.\n"))
        .write(
            "content/outputs/report/index.fr.md",
            "---\ntitle: Un rapport\n---\nPremier paragraphe.\n",
        )
        .write(
            "content/outputs/brief/index.md",
            "---\ntitle: A brief\ntype: brief\ndate: 2022-01-10\nauthors: [dastak]\ntopics: [courts]\n---\nShort.\n",
        );
    site
}

fn session(site: &TestSite) -> Session {
    let mut session = Session::new(BuildOptions::new(site.root()));
    session.run().expect("the first build succeeds");
    session
}

/// Every generated file of the session, with the search indexes an edit left out of date made
/// again (as `serve` does when they are asked for).
fn files(session: &mut Session) -> BTreeMap<String, Vec<u8>> {
    let stale: Vec<String> = session
        .files()
        .generated
        .keys()
        .filter(|p| session.is_stale(p))
        .cloned()
        .collect();
    for path in stale {
        assert!(session.refresh(&path), "{path} is made again");
        assert!(!session.is_stale(&path));
    }
    session.files().generated.clone()
}

/// What a fresh build of the portal as it is now gives.
fn fresh(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    files(&mut session(site))
}

fn assert_same_site(got: &BTreeMap<String, Vec<u8>>, want: &BTreeMap<String, Vec<u8>>) {
    let got_paths: Vec<&String> = got.keys().collect();
    let want_paths: Vec<&String> = want.keys().collect();
    assert_eq!(got_paths, want_paths, "the same files");
    for (path, bytes) in want {
        assert!(
            got[path] == *bytes,
            "{path} differs from a fresh build:\n{}",
            String::from_utf8_lossy(&got[path])
        );
    }
}

fn edit(site: &TestSite, session: &mut Session, path: &str, text: &str) -> Report {
    site.write(path, text);
    session
        .run_changed(&[site.root().join(path)])
        .unwrap_or_else(|f| panic!("the edit builds:\n{}", common::text(&f.errors)))
}

fn page(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files[path].clone()).expect("UTF-8")
}

#[test]
fn an_edit_to_a_body_renders_only_that_outputs_pages() {
    let site = portal();
    let mut session = session(&site);
    let body = format!("{FRONT}First paragraph.\n\nSecond paragraph, now about quokkas.\n");
    let report = edit(&site, &mut session, REPORT, &body);
    // en and ur show the English text (ur by fallback); fr has its own translation but is
    // rendered again too: the three pages of the report, nothing else.
    assert_eq!(report.rendered, 3, "only the report's pages");
    assert!(report.pages > 3);
    let got = files(&mut session);
    assert!(page(&got, "en/outputs/report/index.html").contains("quokkas"));
    assert!(page(&got, "ur/outputs/report/index.html").contains("quokkas"));
    assert!(!page(&got, "fr/outputs/report/index.html").contains("quokkas"));
    assert!(String::from_utf8_lossy(&got["search/en.json"]).contains("quokkas"));
    assert_same_site(&got, &fresh(&site));
}

#[test]
fn the_search_index_is_out_of_date_until_asked_for() {
    let site = portal();
    let mut session = session(&site);
    assert!(!session.is_stale("search/en.json"));
    edit(
        &site,
        &mut session,
        REPORT,
        &format!("{FRONT}First paragraph.\n\nWombats.\n"),
    );
    assert!(session.is_stale("search/en.json"));
    let before = String::from_utf8_lossy(&session.files().generated["search/en.json"]).into_owned();
    assert!(!before.contains("wombats"), "not made yet");
    assert!(session.refresh("search/en.json"));
    assert!(!session.refresh("search/en.json"), "made once");
    let after = String::from_utf8_lossy(&session.files().generated["search/en.json"]).into_owned();
    assert!(after.contains("wombats"));
    assert!(
        !session.refresh("en/index.html"),
        "only what an edit left out of date"
    );
}

#[test]
fn edits_that_reach_other_pages_run_the_whole_pipeline() {
    let cases = [
        // The title shows on lists, author and topic pages.
        (
            REPORT,
            FRONT.replace("A report", "A new title") + "First paragraph.\n\nSecond paragraph.\n",
        ),
        // Without an abstract, the first paragraph is the summary shown on cards.
        (
            REPORT,
            format!("{FRONT}A new first paragraph.\n\nSecond paragraph.\n"),
        ),
        // A new link to another page of the portal must be checked.
        (
            REPORT,
            format!("{FRONT}First paragraph.\n\nSee [the brief](@/outputs/brief).\n"),
        ),
        // Not an output.
        (
            "content/topics/courts.md",
            "---\ntitle: Courts\n---\nAbout courts.\n".to_owned(),
        ),
    ];
    for (path, text) in cases {
        let site = portal();
        let mut session = session(&site);
        let report = edit(&site, &mut session, path, &text);
        assert!(
            report.rendered > 3,
            "{path}: the whole site is rendered again ({} pages)",
            report.rendered
        );
        assert_same_site(&files(&mut session), &fresh(&site));
    }
}

#[test]
fn an_editors_temporary_file_changes_nothing() {
    let site = portal();
    let mut session = session(&site);
    site.write(REPORT, &format!("{FRONT}First paragraph.\n\nEchidnas.\n"));
    // Saved by writing a temporary file and renaming it over the original.
    let temporary: PathBuf = site.root().join("content/outputs/report/.index.md.swp");
    let report = session
        .run_changed(&[temporary, site.root().join(REPORT)])
        .expect("builds");
    assert_eq!(report.rendered, 3);
    assert_same_site(&files(&mut session), &fresh(&site));
}

#[test]
fn a_new_file_in_an_outputs_folder_runs_the_whole_pipeline() {
    let site = portal();
    let mut session = session(&site);
    site.write("content/outputs/brief/slides.pdf", "%PDF-1.4\n");
    let report = session
        .run_changed(&[site.root().join("content/outputs/brief/slides.pdf")])
        .expect("builds");
    assert!(report.rendered > 3);
    assert!(session
        .files()
        .copied
        .contains_key("files/outputs/brief/slides.pdf"));
}

#[test]
fn after_a_failed_run_an_edit_to_a_body_still_reports_the_error() {
    let site = portal();
    let mut session = session(&site);
    site.write(
        "content/outputs/brief/index.md",
        "---\ntitle: A brief\ntype: nonsense\ndate: 2022-01-10\n---\nShort.\n",
    );
    let failure = session
        .run_changed(&[site.root().join("content/outputs/brief/index.md")])
        .expect_err("an unknown type is an error");
    assert!(text(&failure.errors).contains("nonsense"));
    site.write(REPORT, &format!("{FRONT}First paragraph.\n\nPlatypus.\n"));
    let failure = session
        .run_changed(&[site.root().join(REPORT)])
        .expect_err("the brief is still wrong");
    assert!(
        text(&failure.errors).contains("nonsense"),
        "{}",
        text(&failure.errors)
    );
    // Once the brief is fixed, the next run builds everything, the report's edit included.
    site.write(
        "content/outputs/brief/index.md",
        "---\ntitle: A brief\ntype: brief\ndate: 2022-01-10\n---\nShort.\n",
    );
    session
        .run_changed(&[site.root().join("content/outputs/brief/index.md")])
        .expect("builds");
    let got = files(&mut session);
    assert!(page(&got, "en/outputs/report/index.html").contains("Platypus"));
    assert_same_site(&got, &fresh(&site));
}

/// A rebuild into the same folder: every file is what a build into a new folder gives, and the
/// files that did not change are the previous build's (linked, not written again).
#[cfg(unix)]
#[test]
fn a_rebuild_keeps_unchanged_files_and_rewrites_changed_ones() {
    use std::os::unix::fs::MetadataExt;
    let site = portal();
    let first = site.built();
    let inode = |path: &str| std::fs::metadata(first.out.join(path)).expect(path).ino();
    let (home, report_page, pdf) = (
        inode("en/index.html"),
        inode("en/outputs/report/index.html"),
        inode("files/outputs/report/summary.pdf"),
    );
    site.write(
        REPORT,
        &format!("{FRONT}First paragraph.\n\nSecond paragraph, edited.\n"),
    );
    let second = site.built();
    assert_eq!(
        inode("en/index.html"),
        home,
        "an unchanged page is the previous file"
    );
    assert_eq!(
        inode("files/outputs/report/summary.pdf"),
        pdf,
        "so is an unchanged attachment"
    );
    assert_ne!(
        inode("en/outputs/report/index.html"),
        report_page,
        "a changed page is new"
    );
    assert!(second
        .read("en/outputs/report/index.html")
        .contains("edited"));

    let fresh_out = site.root().join("fresh");
    let fresh = build_into(site.root(), &fresh_out).expect("builds");
    assert_eq!(second.files(), fresh.files());
    for path in fresh.files() {
        assert!(
            std::fs::read(second.out.join(&path)).expect(&path)
                == std::fs::read(fresh.out.join(&path)).expect(&path),
            "{path} is what a build into a new folder gives"
        );
    }
}

/// A link put into the output folder by hand is never reused: the new site gets a file of its
/// own, and what the link pointed at is left alone.
#[cfg(unix)]
#[test]
fn a_rebuild_does_not_reuse_a_link_found_in_the_output_folder() {
    let site = portal();
    let first = site.built();
    let page = first.out.join("en/about/index.html");
    let page = if page.exists() {
        page
    } else {
        first.out.join("en/index.html")
    };
    let rel = page.strip_prefix(&first.out).expect("inside").to_path_buf();
    let outside = site.root().join("outside.html");
    std::fs::copy(&page, &outside).expect("copy");
    std::fs::remove_file(&page).expect("remove");
    std::os::unix::fs::symlink(&outside, &page).expect("symlink");
    let second = site.built();
    let meta = std::fs::symlink_metadata(second.out.join(&rel)).expect("exists");
    assert!(
        meta.file_type().is_file(),
        "a file of its own, not the link"
    );
    std::fs::write(&outside, "changed outside").expect("write");
    assert_ne!(second.read(&rel.to_string_lossy()), "changed outside");
}
