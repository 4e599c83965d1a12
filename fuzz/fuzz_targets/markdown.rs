//! Any text as a Markdown body: rendering (links, headings, code highlighting) must not panic
//! and must never emit a script URL.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let html = nashr::fuzzing::markdown(text);
        assert!(!html.to_ascii_lowercase().contains("href=\"javascript:"));
    }
});
