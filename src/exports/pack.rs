//! pack — export helper. Input: the files attached to a training material (or any output).
//! Output: a deterministic "download all" ZIP archive of them, the SHA-256 of any file, and the
//! page count of a PDF, found without a PDF library.
//!
//! The same files in the same order always give the same archive bytes, on every host: every
//! entry has the ZIP epoch as its time (1980-01-01 00:00:00), Unix permissions 0o644 and no
//! extra fields; names are UTF-8 and flagged as such when not ASCII.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::site::{Id, Pack, Site};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

/// One file of a pack.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PackFile<'a> {
    /// Path inside the archive, `/`-separated and relative, e.g. `slides/day 1.pdf`.
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Extensions of formats that are already compressed: storing them is as small and faster.
/// PDF is not among them: its cross-reference tables and many objects are plain text.
const STORED: &[&str] = &[
    "7z", "avif", "docx", "epub", "gif", "gz", "jpeg", "jpg", "m4a", "mp3", "mp4", "odp", "ods",
    "odt", "ogg", "png", "pptx", "webm", "webp", "woff", "woff2", "xlsx", "xz", "zip", "zst",
];

/// Deflate level: zlib's usual default, fixed here so the bytes do not follow the crate's.
const DEFLATE_LEVEL: i64 = 6;

/// Entries this large are written with ZIP64 sizes (with margin for deflate's worst case).
const LARGE_FILE: usize = 0xF000_0000;

/// A ZIP archive of `files`, in the given order. Fails on a name that is empty, absolute,
/// contains `\`, an empty, `.` or `..` segment, or repeats an earlier name.
pub(crate) fn zip(files: &[PackFile]) -> Result<Vec<u8>, String> {
    check_names(files)?;
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for file in files {
        let fail = |e: &dyn std::fmt::Display| {
            format!("cannot add `{}` to the download pack: {e}", file.name)
        };
        writer
            .start_file(file.name, options(file))
            .map_err(|e| fail(&e))?;
        writer.write_all(file.bytes).map_err(|e| fail(&e))?;
    }
    let cursor = writer
        .finish()
        .map_err(|e| format!("cannot finish the download pack: {e}"))?;
    Ok(cursor.into_inner())
}

/// The entry options of `file`: everything fixed except the compression, which follows the
/// name's extension.
fn options(file: &PackFile) -> SimpleFileOptions {
    let base = SimpleFileOptions::default()
        // `DateTime::default()` is the ZIP epoch, 1980-01-01 00:00:00.
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
        // Otherwise Windows hosts would write DOS attributes and different bytes.
        .system(System::Unix)
        .large_file(file.bytes.len() >= LARGE_FILE);
    if is_compressed(file.name) {
        base.compression_method(CompressionMethod::Stored)
    } else {
        base.compression_method(CompressionMethod::Deflated)
            .compression_level(Some(DEFLATE_LEVEL))
    }
}

/// Whether the file's format is already compressed, judged by its extension.
fn is_compressed(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.rsplit_once('.')
        .is_some_and(|(_, ext)| STORED.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Rejects names that are unsafe to extract or that repeat.
fn check_names(files: &[PackFile]) -> Result<(), String> {
    let mut seen = HashSet::new();
    for file in files {
        let name = file.name;
        let bad_segment = name
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..");
        if bad_segment || name.contains('\\') || name.contains('\0') {
            return Err(format!(
                "invalid file name `{name}` in download pack: \
                 expected a relative `/`-separated path without `.` or `..` segments"
            ));
        }
        if !seen.insert(name) {
            return Err(format!("duplicate file name `{name}` in download pack"));
        }
    }
    Ok(())
}

/// The SHA-256 digest of `bytes`, as 64 lowercase hexadecimal digits.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// The number of pages of a PDF, or `None` if `bytes` is not a PDF (no `%PDF-` header) or
/// holds no page tree this scan can see (e.g. one packed in compressed object streams).
///
/// The count is the largest `/Count` of the `/Type /Pages` objects (the root of the page tree
/// counts every page; older versions left by incremental updates count fewer or the same).
/// Without such a count, the `/Type /Page` objects are counted instead.
pub(crate) fn pdf_page_count(bytes: &[u8]) -> Option<usize> {
    if !bytes.starts_with(b"%PDF-") {
        return None;
    }
    let tree = type_positions(bytes, b"/Pages")
        .filter_map(|at| object_count(bytes, at))
        .max();
    let pages = match tree {
        Some(n) if n > 0 => n,
        _ => type_positions(bytes, b"/Page").count(),
    };
    (pages > 0).then_some(pages)
}

/// Positions of every `/Type <value>` whose value is exactly the name `value`.
fn type_positions<'a>(bytes: &'a [u8], value: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    occurrences(bytes, b"/Type").filter(move |&at| {
        let rest = skip_space(bytes, at + b"/Type".len());
        bytes[rest..].starts_with(value) && ends_name(bytes, rest + value.len())
    })
}

/// The `/Count` of the object around position `at`: between the `obj` before it and the
/// `endobj` after it. An indirect count (`/Count 12 0 R`) is not read.
fn object_count(bytes: &[u8], at: usize) -> Option<usize> {
    let start = rfind(&bytes[..at], b"obj").map_or(0, |i| i + 3);
    let end = find(&bytes[at..], b"endobj").map_or(bytes.len(), |i| at + i);
    let object = &bytes[start..end];
    occurrences(object, b"/Count")
        .filter(|&i| ends_name(object, i + b"/Count".len()))
        .filter_map(|i| {
            let (n, after) = integer(object, skip_space(object, i + b"/Count".len()))?;
            (!is_reference(object, after)).then_some(n)
        })
        .max()
}

/// Whether `<generation> R` follows `at`, making the number before it an object number.
fn is_reference(bytes: &[u8], at: usize) -> bool {
    let generation = skip_space(bytes, at);
    match integer(bytes, generation) {
        Some((_, after)) if generation > at => bytes.get(skip_space(bytes, after)) == Some(&b'R'),
        _ => false,
    }
}

/// A decimal integer starting at `at` (at least one digit) and the position after it.
fn integer(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let digits = bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let text = std::str::from_utf8(&bytes[at..at + digits]).ok()?;
    Some((text.parse().ok()?, at + digits))
}

/// Whether a PDF name ends at `at`: end of input, white space or a delimiter follows.
fn ends_name(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at)
        .is_none_or(|&b| is_space(b) || b"()<>[]{}/%".contains(&b))
}

/// The first position at or after `at` that is not PDF white space.
fn skip_space(bytes: &[u8], at: usize) -> usize {
    let from = at.min(bytes.len());
    from + bytes[from..].iter().take_while(|&&b| is_space(b)).count()
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Every start position of `needle` in `hay`, left to right.
fn occurrences<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    hay.windows(needle.len())
        .enumerate()
        .filter(move |(_, w)| *w == needle)
        .map(|(i, _)| i)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The "download all" archives of every training material with files: each file the material
/// offers in any language, once, in the order listed. Returns errors for files that cannot be read.
pub(crate) fn packs(site: &Site, root: &Path) -> Result<HashMap<Id, Pack>, Vec<Diagnostic>> {
    use crate::model::OutputType;
    let mut out = HashMap::new();
    let mut errors = Vec::new();
    for (i, item) in site.outputs.iter().enumerate() {
        if item.base().kind != OutputType::TrainingMaterial {
            continue;
        }
        let mut names: Vec<&str> = Vec::new();
        for v in item.versions.iter().flatten() {
            for f in &v.files {
                if !names.contains(&f.path.as_str()) {
                    names.push(&f.path);
                }
            }
        }
        if names.is_empty() {
            continue;
        }
        let folder = root.join("content/outputs").join(&item.slug);
        let mut contents = Vec::with_capacity(names.len());
        for name in &names {
            match std::fs::read(folder.join(name)) {
                Ok(bytes) => contents.push(bytes),
                Err(e) => errors.push(Diagnostic::error(
                    format!("content/outputs/{}/{name}", item.slug),
                    format!("cannot read the file for the download pack: {e}"),
                )),
            }
        }
        if contents.len() != names.len() {
            continue;
        }
        let files: Vec<PackFile> = names
            .iter()
            .zip(&contents)
            .map(|(name, bytes)| PackFile { name, bytes })
            .collect();
        match zip(&files) {
            Ok(bytes) => {
                let sha256 = sha256_hex(&bytes);
                out.insert(Id(i), Pack { bytes, sha256 });
            }
            Err(e) => errors.push(Diagnostic::error(
                format!("content/outputs/{}/", item.slug),
                e,
            )),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Where a material's archive is published: `files/packs/<slug>.zip` (decoded path).
pub(crate) fn pack_file(slug: &str) -> String {
    format!("files/packs/{slug}.zip")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    const URDU: &str = "دستی کتابچہ.txt";

    fn sample() -> Vec<PackFile<'static>> {
        vec![
            PackFile {
                name: "a b.pdf",
                bytes: b"%PDF-1.4 not really a pdf",
            },
            PackFile {
                name: URDU,
                bytes: "یہ دستی کتابچہ ہے۔\n".as_bytes(),
            },
            PackFile {
                name: "img/photo.png",
                bytes: &[0x89, b'P', b'N', b'G', 0, 1, 2, 3],
            },
            PackFile {
                name: "notes.txt",
                bytes: &[b'x'; 4096],
            },
        ]
    }

    #[test]
    fn zipping_twice_gives_identical_bytes() {
        let first = zip(&sample()).unwrap();
        let second = zip(&sample()).unwrap();
        assert_eq!(first, second);
        assert_eq!(sha256_hex(&first), sha256_hex(&second));
    }

    #[test]
    fn zip_reads_back_with_names_contents_and_fixed_metadata() {
        let files = sample();
        let bytes = zip(&files).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
        assert_eq!(archive.len(), files.len());
        for (i, file) in files.iter().enumerate() {
            let mut entry = archive.by_index(i).unwrap();
            assert_eq!(entry.name().unwrap(), file.name);
            assert_eq!(entry.unix_mode().unwrap() & 0o777, 0o644);
            let time = entry.last_modified().unwrap();
            assert_eq!((time.year(), time.month(), time.day()), (1980, 1, 1));
            assert_eq!((time.hour(), time.minute(), time.second()), (0, 0, 0));
            // General-purpose flag bit 11: the name is UTF-8.
            let header = usize::try_from(entry.header_start()).unwrap();
            let flags = u16::from_le_bytes([bytes[header + 6], bytes[header + 7]]);
            assert_eq!(flags & 0x0800 != 0, !file.name.is_ascii(), "{}", file.name);
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            assert_eq!(content, file.bytes);
        }
    }

    #[test]
    fn compression_follows_the_format() {
        let bytes = zip(&sample()).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let method = |a: &mut zip::ZipArchive<_>, i| a.by_index(i).unwrap().compression();
        assert_eq!(method(&mut archive, 0), CompressionMethod::Deflated);
        assert_eq!(method(&mut archive, 2), CompressionMethod::Stored);
        let notes = archive.by_index(3).unwrap();
        assert_eq!(notes.compression(), CompressionMethod::Deflated);
        assert!(notes.compressed_size() < 100);
        assert!(is_compressed("Fonts/X.WOFF2"));
        assert!(!is_compressed("archive.zip/readme"));
    }

    #[test]
    fn empty_pack_is_a_valid_empty_zip() {
        let bytes = zip(&[]).unwrap();
        assert_eq!(zip::ZipArchive::new(Cursor::new(bytes)).unwrap().len(), 0);
    }

    #[test]
    fn unsafe_or_repeated_names_are_refused() {
        for name in [
            "", "/etc/x", "../x", "a/../x", "a//b", "./a", "a\\b", "dir/",
        ] {
            let err = zip(&[PackFile { name, bytes: b"" }]).unwrap_err();
            assert!(err.contains(&format!("`{name}`")), "{err}");
        }
        let twice = [
            PackFile {
                name: "a",
                bytes: b"1",
            },
            PackFile {
                name: "a",
                bytes: b"2",
            },
        ];
        assert_eq!(
            zip(&twice).unwrap_err(),
            "duplicate file name `a` in download pack"
        );
    }

    #[test]
    fn sha256_of_known_inputs() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    const THREE_PAGES: &str = "%PDF-1.4\n\
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
        2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj\n\
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n\
        4 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n\
        5 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n\
        trailer << /Root 1 0 R >>\n%%EOF\n";

    #[test]
    fn pdf_pages_from_the_page_tree() {
        assert_eq!(pdf_page_count(THREE_PAGES.as_bytes()), Some(3));
        // Nested page tree, compact spelling: the root's count wins over its child's.
        let nested = "%PDF-1.7\n1 0 obj<</Type/Pages/Kids[2 0 R 9 0 R]/Count 7>>endobj\n\
            2 0 obj<</Count 5/Type/Pages/Parent 1 0 R/Kids[3 0 R]>>endobj\n\
            9 0 obj<</Type/Page/Parent 1 0 R>>endobj\n";
        assert_eq!(pdf_page_count(nested.as_bytes()), Some(7));
    }

    #[test]
    fn pdf_pages_counted_when_the_tree_has_no_count() {
        let no_count = THREE_PAGES.replace("/Count 3", "");
        assert_eq!(pdf_page_count(no_count.as_bytes()), Some(3));
        let indirect = THREE_PAGES.replace("/Count 3", "/Count 6 0 R");
        assert_eq!(pdf_page_count(indirect.as_bytes()), Some(3));
        // Outline `/Count`s and `/PageLabels` are not page counts.
        let outline = THREE_PAGES.replace(
            "trailer",
            "6 0 obj << /Type /Outlines /Count 9 >> endobj\ntrailer",
        );
        assert_eq!(pdf_page_count(outline.as_bytes()), Some(3));
    }

    #[test]
    fn not_a_pdf_or_no_visible_pages() {
        assert_eq!(pdf_page_count(b"hello"), None);
        assert_eq!(pdf_page_count(b""), None);
        assert_eq!(
            pdf_page_count(b"%PDF-1.5\n1 0 obj << /Type /ObjStm >> endobj"),
            None
        );
    }

    #[test]
    fn example_portal_pdfs_have_one_page() {
        let outputs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/outputs");
        let mut checked = 0;
        for dir in std::fs::read_dir(&outputs).unwrap() {
            for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_some_and(|e| e == "pdf") {
                    let bytes = std::fs::read(&path).unwrap();
                    assert_eq!(pdf_page_count(&bytes), Some(1), "{}", path.display());
                    checked += 1;
                }
            }
        }
        assert!(
            checked >= 5,
            "only {checked} PDFs under {}",
            outputs.display()
        );
    }
}
