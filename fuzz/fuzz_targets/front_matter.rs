//! Any bytes as an output file: decoding, splitting and deserialising the front matter must
//! return an error, never panic or allocate without bound.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    nashr::fuzzing::front_matter(data);
});
