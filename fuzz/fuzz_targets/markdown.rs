//! Any text as a Markdown body: rendering (links, headings, code highlighting) must not panic,
//! and a Markdown link or image must never become a script URL. (Raw HTML is the author's own
//! and passes through unless `safe_html` is set, so the check applies to input without `<`.)
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let html = nashr::fuzzing::markdown(text).to_ascii_lowercase();
        if !text.contains('<') {
            assert!(!html.contains("<a href=\"javascript:") && !html.contains("<img src=\"javascript:"));
        }
    }
});
