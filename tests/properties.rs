//! Property tests: random front matter and random Markdown never make the loader or the renderer
//! panic; a portal built from them either builds with well-formed pages or fails with errors.

mod common;

use proptest::prelude::*;

fn yaml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 -]{0,20}".prop_map(|s| s),
        Just("[a, b]".to_owned()),
        Just("{ path: x }".to_owned()),
        Just("2021-02-30".to_owned()),
        Just("\"</script>\\u2028\"".to_owned()),
        Just("[".to_owned()),
        Just("- - -".to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
        "\\PC{0,30}".prop_map(|s| format!("{s:?}")),
    ]
}

fn front_matter() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("title"),
        Just("type"),
        Just("date"),
        Just("authors"),
        Just("topics"),
        Just("files"),
        Just("abstract"),
        Just("draft"),
        Just("unknown"),
        Just("title")
    ];
    proptest::collection::vec((key, yaml_value()), 0..8).prop_map(|fields| {
        fields
            .into_iter()
            .map(|(k, v)| format!("{k}: {v}\n"))
            .collect()
    })
}

fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "\\PC{0,40}",
        Just("\n\n".to_owned()),
        Just("# ".to_owned()),
        Just("> > > ".to_owned()),
        Just("- - - ".to_owned()),
        Just("```rust\nfn x() {}\n".to_owned()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |\n".to_owned()),
        Just("[x](javascript:alert(1))".to_owned()),
        Just("[y](@/outputs/nowhere)".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("[^1]\n\n[^1]: note".to_owned()),
        Just("اردو متن، پاکستان۔ ".to_owned()),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn front_matter_parser_never_panics(fm in front_matter(), bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        nashr::fuzzing::front_matter(format!("---\n{fm}---\nbody\n").as_bytes());
        nashr::fuzzing::front_matter(&bytes);
    }

    #[test]
    fn markdown_renders_without_panic_and_never_emits_script_urls(md in markdown()) {
        let html = nashr::fuzzing::markdown(&md).to_lowercase();
        // Raw HTML passes through (trusted authors); Markdown links never become script URLs.
        if !md.contains('<') {
            prop_assert!(!html.contains("<a href=\"javascript:"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, .. ProptestConfig::default() })]

    #[test]
    fn random_portals_build_or_fail_cleanly(fm in front_matter(), md in markdown()) {
        let site = common::TestSite::trilingual();
        site.write("content/outputs/x/index.md", &format!("---\ntitle: T\ntype: report\ndate: 2021\n{fm}---\n{md}"));
        site.write("content/outputs/y/index.fr.md", &format!("---\n{fm}---\n{md}"));
        match site.build() {
            Ok(built) => {
                for f in built.files().iter().filter(|f| f.ends_with(".html") && f.contains('/')) {
                    prop_assert_eq!(built.html(f).count("h1"), 1, "{}", f);
                }
            }
            Err(failure) => prop_assert!(!failure.errors.is_empty()),
        }
    }
}
