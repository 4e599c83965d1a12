//! Every error class of the content format is reported with its file, line and column, the
//! offending value and a suggestion where one is close; all at once; and nothing is written.

mod common;

use common::{output_with, TestSite, BASE};

fn portal() -> TestSite {
    common::valid_portal()
}

#[test]
fn the_valid_portal_builds() {
    let site = portal();
    let built = site.built();
    assert!(built.exists("en/outputs/report/index.html"));
    assert!(built.exists("files/outputs/report/summary.pdf"));
}

#[test]
fn unknown_author_names_file_line_column_and_suggests() {
    let errors = output_with(&format!("{BASE}authors:\n  - dastak\n  - fawad-mahnor\n")).errors();
    assert_eq!(
        errors,
        vec!["content/outputs/report/index.md:7:5: error: unknown author `fawad-mahnor`\n  help: did you mean `fawad-mahnoor`?"]
    );
}

#[test]
fn unknown_topic_project_and_publisher() {
    let errors = output_with(&format!(
        "{BASE}topics: [cuorts]\nproject: justise\npublisher: dastk\n"
    ))
    .errors();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert_eq!(errors[0], "content/outputs/report/index.md:5:10: error: unknown topic `cuorts`\n  help: did you mean `courts`?");
    assert_eq!(errors[1], "content/outputs/report/index.md:6:10: error: unknown project `justise`\n  help: did you mean `justice`?");
    assert_eq!(errors[2], "content/outputs/report/index.md:7:12: error: unknown publisher `dastk`\n  help: did you mean `dastak`?");
}

#[test]
fn bad_dates_types_and_statuses() {
    let errors = output_with("title: A\ntype: reprot\ndate: 2021-02-30\n").errors();
    assert_eq!(errors[0], "content/outputs/report/index.md:3:7: error: unknown type `reprot`\n  help: did you mean `report`?");
    assert_eq!(errors[1], "content/outputs/report/index.md:4:7: error: `2021-02-30` is not a date: February has 28 days");
    let site = portal();
    site.write(
        "content/projects/justice/index.md",
        "---\ntitle: J\nstatus: finished\nstart: 2021/01/01\n---\n",
    );
    let errors = site.errors();
    assert_eq!(errors[0], "content/projects/justice/index.md:3:9: error: unknown status `finished`\n  help: use one of `active`, `completed`");
    assert!(
        errors[1].starts_with(
            "content/projects/justice/index.md:4:8: error: `2021/01/01` is not a date"
        ),
        "{errors:?}"
    );
}

#[test]
fn file_paths_must_exist_and_stay_in_the_folder() {
    let errors = output_with(&format!(
        "{BASE}files:\n  - {{ path: sumary.pdf }}\n  - {{ path: ../other/x.pdf }}\n  - {{ path: /etc/passwd }}\n"
    ))
    .errors();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert_eq!(errors[0], "content/outputs/report/index.md:6:13: error: file `sumary.pdf` does not exist\n  help: did you mean `summary.pdf`?");
    assert!(errors[1].starts_with("content/outputs/report/index.md:7:13: error: file path `../other/x.pdf` points outside the output's folder"), "{errors:?}");
    assert!(
        errors[2].starts_with(
            "content/outputs/report/index.md:8:13: error: file path `/etc/passwd` points outside"
        ),
        "{errors:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_folder_is_refused() {
    let site = output_with(&format!("{BASE}files:\n  - {{ path: secret.txt }}\n"));
    std::os::unix::fs::symlink(
        "/etc/hostname",
        site.root().join("content/outputs/report/secret.txt"),
    )
    .unwrap();
    let errors = site.errors();
    assert!(
        errors[0].contains("file `secret.txt` is a link to a place outside the output's folder"),
        "{errors:?}"
    );
}

#[test]
fn language_suffix_not_configured() {
    let site = portal();
    site.write(
        "content/outputs/report/index.de.md",
        "---\ntitle: Ein Bericht\n---\n",
    );
    site.write(
        "content/topics/courts.fe.md",
        "---\ntitle: Tribunaux\n---\n",
    );
    let errors = site.errors();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("content/outputs/report/index.de.md: error: language suffix `de` is not one of the languages in site.yaml"), "{errors:?}");
    assert!(
        errors[1].contains("language suffix `fe`") && errors[1].contains("did you mean `fr`?"),
        "{errors:?}"
    );
}

#[test]
fn invalid_yaml_is_located_in_the_file() {
    let errors = output_with("title: A\ntype: report\ndate: [2021\n").errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("content/outputs/report/index.md:"),
        "{errors:?}"
    );
    assert!(errors[0].contains("invalid front matter"), "{errors:?}");
    let line: usize = errors[0].split(':').nth(1).unwrap().parse().unwrap();
    assert!((4..=6).contains(&line), "{errors:?}");
}

#[test]
fn a_number_where_a_list_is_expected() {
    let errors = output_with(&format!("{BASE}authors: 5\n")).errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0], "content/outputs/report/index.md:5:10: error: invalid front matter: authors: invalid type: integer `5`, expected a list of slugs, e.g. `[fawad-mahnoor, dastak]`");
}

#[test]
fn missing_required_fields() {
    let errors = output_with("draft: false\n").errors();
    let text = errors.join("\n");
    for field in ["title", "type", "date"] {
        assert!(
            text.contains(&format!("required field `{field}` is missing")),
            "{text}"
        );
    }
}

#[test]
fn every_error_of_the_build_is_reported_at_once() {
    let site = output_with(&format!("{BASE}authors: [nobody]\n"));
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organization\naffiliation: dastak\n---\n",
    );
    site.write(
        "content/outputs/other/index.md",
        "---\ntitle: Other\ntype: report\ndate: 2020-13\n---\n",
    );
    let errors = site.errors();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(
        errors[0].contains("content/authors/dastak.md:3:7: error: unknown kind `organization`"),
        "{errors:?}"
    );
    assert!(
        errors[0].contains("did you mean `organisation`?"),
        "{errors:?}"
    );
    assert!(
        errors[1].contains(
            "content/authors/dastak.md:4:14: error: `dastak` cannot be its own affiliation"
        ),
        "{errors:?}"
    );
    assert!(errors[2].contains("content/outputs/other/index.md:4:7: error: `2020-13` is not a date: there is no month 13"), "{errors:?}");
    assert!(errors[3].contains("unknown author `nobody`"), "{errors:?}");
}

#[test]
fn a_failed_build_writes_nothing_and_keeps_the_previous_site() {
    let site = portal();
    let first = site.built();
    let before: Vec<(String, Vec<u8>)> = first
        .files()
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(first.out.join(&f)).unwrap();
            (f, bytes)
        })
        .collect();
    site.write(
        "content/outputs/report/index.md",
        "---\ntitle: Changed\ntype: nonsense\ndate: 2021\n---\n",
    );
    assert!(site.build().is_err());
    let after: Vec<(String, Vec<u8>)> = first
        .files()
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(first.out.join(&f)).unwrap();
            (f, bytes)
        })
        .collect();
    assert_eq!(before, after);
    // And a first build that fails creates no output folder at all.
    let fresh = output_with("title: A\ntype: nonsense\ndate: 2021\n");
    assert!(fresh.build().is_err());
    assert!(!fresh.output().exists());
}

#[test]
fn slugs_differing_only_by_case_or_unicode_form_collide() {
    let site = portal();
    site.write(
        "content/topics/Courts.md",
        "---\ntitle: Courts again\n---\n",
    );
    site.write("content/topics/caf\u{e9}.md", "---\ntitle: Café NFC\n---\n");
    site.write(
        "content/topics/cafe\u{301}.md",
        "---\ntitle: Café NFD\n---\n",
    );
    let errors = site.errors();
    let text = errors.join("\n");
    assert!(
        text.contains("differs from `courts` only by letter case")
            || text.contains("differs from `Courts` only by letter case"),
        "{text}"
    );
    assert!(text.contains("café"), "{text}");
}

#[test]
fn duplicate_field_in_front_matter_is_an_error() {
    let errors = output_with("title: A\ntitle: B\ntype: report\ndate: 2021\n").errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("duplicate field `title`"), "{errors:?}");
    assert!(
        errors[0].starts_with("content/outputs/report/index.md:3:1"),
        "{errors:?}"
    );
}

#[test]
fn unknown_fields_are_warnings_with_a_suggestion() {
    let site = output_with(&format!("{BASE}abstarct: Short.\n"));
    let built = site.built();
    let warnings = common::text(&built.report.warnings);
    assert!(warnings.contains("content/outputs/report/index.md:5:1: warning: unknown field `abstarct` is ignored\n  help: did you mean `abstract`?"), "{warnings}");
}

#[test]
fn output_folder_that_would_destroy_the_portal_is_refused() {
    let site = portal();
    for out in [
        site.root().to_path_buf(),
        site.root().join("content"),
        site.root().parent().unwrap().to_path_buf(),
        "/".into(),
    ] {
        let err = common::build_into(site.root(), &out)
            .err()
            .expect("refused");
        assert!(
            err.errors[0].message.contains("refusing to use"),
            "{}",
            common::text(&err.errors)
        );
    }
    assert!(site.root().join("content/outputs/report/index.md").exists());
}

#[test]
fn files_put_in_the_output_folder_by_hand_are_reported_before_removal() {
    let site = portal();
    site.built();
    site.write("public/notes-by-hand.txt", "mine");
    let built = site.built();
    let warnings = common::text(&built.report.warnings);
    assert!(warnings.contains("notes-by-hand.txt: warning: this file was not written by nashr and is removed with the previous site"), "{warnings}");
    assert!(!built.exists("notes-by-hand.txt"));
    // Files nashr wrote itself are not reported.
    let again = site.built();
    assert!(
        again.report.warnings.is_empty(),
        "{}",
        common::text(&again.report.warnings)
    );
}
