//! frontmatter — stage 1 (load). Input: one source file's bytes. Output: a `RawDoc` (front matter
//! and Markdown body, with their line offsets in the file) or a `Diagnostic`.
//!
//! This is the only module that touches serde_yaml: every YAML document of a portal (front matter
//! and `site.yaml`) is deserialized here into a typed struct, so errors are located in the *file*.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;

/// A source file split into its YAML front matter and its Markdown body.
#[derive(Debug, Clone)]
pub(crate) struct RawDoc {
    /// The YAML between the two `---` lines, with `\n` line endings.
    pub yaml: String,
    /// The file line (1-based) on which `yaml` starts.
    pub yaml_first_line: usize,
    /// The Markdown after the closing `---`, with `\n` line endings.
    pub body: String,
}

/// Decodes a source file: UTF-8 (a byte-order mark is dropped), any line ending (`\r\n`, `\r`).
pub(crate) fn decode(path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Diagnostic::error(path, "the file is not valid UTF-8 text")
            .at(Some((line, col)))
            .with_help("save the file with UTF-8 encoding in your editor")
    })?;
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    })
}

/// Splits `---\n<yaml>\n---\n<body>`.
pub(crate) fn split(path: &Path, text: &str) -> Result<RawDoc, Diagnostic> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        let message = if text.trim().is_empty() {
            "the file is empty: it needs front matter between `---` lines"
        } else {
            "the file does not start with front matter (a line `---`)"
        };
        return Err(Diagnostic::error(path, message).at(Some((1, 1))).with_help(
            "start the file with `---`, the YAML fields (at least `title:`), then `---`",
        ));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        if line.trim_end() == "---" {
            return Ok(RawDoc {
                yaml: text[yaml_start..offset].to_owned(),
                yaml_first_line: 2,
                body: text[offset + line.len()..].to_owned(),
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, "the front matter is not closed")
        .at(Some((1, 1)))
        .with_help("add a line `---` after the last YAML field, before the text"))
}

/// Deserializes a YAML document into `T`. Unknown fields are returned as warnings (with a "did you
/// mean" among `known` fields) rather than rejected, so that a typo is visible but does not stop a
/// build.
pub(crate) fn parse_yaml<T: DeserializeOwned>(
    path: &Path,
    yaml: &str,
    first_line: usize,
    known: &[&str],
) -> Result<(T, Vec<Diagnostic>), Diagnostic> {
    check_limits(path, yaml, first_line)?;
    let mut unknown = Vec::new();
    let de = serde_yaml::Deserializer::from_str(yaml);
    let value: T =
        serde_ignored::deserialize(de, |p| unknown.push(p.to_string())).map_err(|e| {
            let message = yaml_message(&e);
            let pos = duplicate_key_position(yaml, &message, first_line).or_else(|| {
                e.location()
                    .map(|l| (l.line() + first_line - 1, l.column()))
            });
            Diagnostic::error(path, message).at(pos)
        })?;
    // Fields nashr does not know are not checked by serde: find a field written twice here.
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = unknown.iter().find(|f| !seen.insert(f.as_str())) {
        let key = dup.rsplit('.').next().unwrap_or(dup);
        let pos = key_positions(yaml, key, first_line).nth(1);
        return Err(Diagnostic::error(
            path,
            format!("invalid front matter: duplicate field `{dup}`"),
        )
        .at(pos));
    }
    let warnings = unknown
        .into_iter()
        .map(|field| {
            let key = field.rsplit('.').next().unwrap_or(&field).to_owned();
            Diagnostic::warning(path, format!("unknown field `{field}` is ignored"))
                .at(locate_key(yaml, &key, first_line))
                .suggest(&key, known.iter().copied())
        })
        .collect();
    Ok((value, warnings))
}

/// Front matter larger or more deeply nested than any real one is refused before parsing:
/// YAML parsing time grows fast with nesting, and a build must not hang on one file.
const MAX_YAML_BYTES: usize = 1 << 20;
const MAX_YAML_DEPTH: usize = 64;

fn check_limits(path: &Path, yaml: &str, first_line: usize) -> Result<(), Diagnostic> {
    if yaml.len() > MAX_YAML_BYTES {
        return Err(Diagnostic::error(
            path,
            format!(
                "the front matter is {} KB, over the {} KB limit",
                yaml.len() >> 10,
                MAX_YAML_BYTES >> 10
            ),
        )
        .at(Some((first_line, 1)))
        .with_help("keep long texts in the Markdown body, after the closing `---`"));
    }
    let (mut depth, mut line) = (0usize, first_line);
    for c in yaml.chars() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            '\n' => line += 1,
            _ => {}
        }
        if depth > MAX_YAML_DEPTH {
            return Err(Diagnostic::error(path, format!("the front matter nests lists or mappings more than {MAX_YAML_DEPTH} levels deep"))
                .at(Some((line, 1)))
                .with_help("front matter fields are flat lists and short mappings; check for a stray `[` or `{`"));
        }
    }
    Ok(())
}

/// serde reports a duplicate field at the start of its mapping; point at the second key instead.
fn duplicate_key_position(yaml: &str, message: &str, first_line: usize) -> Option<(usize, usize)> {
    let key = message
        .split("duplicate field `")
        .nth(1)?
        .split('`')
        .next()?;
    let keys: Vec<(usize, usize)> = key_positions(yaml, key, first_line).collect();
    keys.get(1).copied()
}

/// serde_yaml's message without the position it appends (ours is counted from the file).
fn yaml_message(e: &serde_yaml::Error) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    let text = text.trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    format!("invalid front matter: {text}")
}

/// The file position of `key:` in a YAML block (first occurrence).
pub(crate) fn locate_key(yaml: &str, key: &str, first_line: usize) -> Option<(usize, usize)> {
    key_positions(yaml, key, first_line).next()
}

/// Every place `key:` is written: at the start of a line (after indentation or `- `), or inside a
/// flow mapping after `{` or `,`.
fn key_positions<'a>(
    yaml: &'a str,
    key: &'a str,
    first_line: usize,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    yaml.lines().enumerate().flat_map(move |(i, line)| {
        line.match_indices(key).filter_map(move |(at, _)| {
            let before = line[..at].trim_end_matches(' ').trim_start_matches(' ');
            let starts = before.is_empty()
                || before.trim_start_matches("- ").is_empty()
                || before.ends_with('{')
                || before.ends_with(',');
            let after = line[at + key.len()..].trim_start_matches(' ');
            (starts && after.starts_with(':'))
                .then(|| (i + first_line, line[..at].chars().count() + 1))
        })
    })
}

/// The file position of `value` as written under `key:` (the first occurrence at or after the
/// key's line), for errors about a value that parsed but does not resolve.
pub(crate) fn locate_value(
    yaml: &str,
    key: &str,
    value: &str,
    first_line: usize,
) -> Option<(usize, usize)> {
    let (key_line, key_col) = locate_key(yaml, key, first_line)?;
    yaml.lines()
        .enumerate()
        .skip(key_line - first_line)
        .find_map(|(i, line)| {
            let skip = if i + first_line == key_line {
                key_col - 1 + key.len()
            } else {
                0
            };
            let byte_skip = line.char_indices().nth(skip).map_or(line.len(), |(b, _)| b);
            let found = token_at(&line[byte_skip..], value)? + byte_skip;
            Some((i + first_line, line[..found].chars().count() + 1))
        })
        .or(Some((key_line, key_col)))
}

/// The byte offset of `value` in `line` as a whole token (not inside a longer word or path).
fn token_at(line: &str, value: &str) -> Option<usize> {
    let boundary =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "[]{},:\"'#".contains(c));
    line.match_indices(value).map(|(at, _)| at).find(|&at| {
        boundary(line[..at].chars().next_back())
            && boundary(line[at + value.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    struct Fm {
        title: String,
        authors: Option<Vec<String>>,
    }

    fn doc(text: &str) -> RawDoc {
        split(
            Path::new("x.md"),
            &decode(Path::new("x.md"), text.as_bytes()).unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn splits_front_matter_with_any_line_ending() {
        for text in [
            "---\ntitle: A\n---\nBody\n",
            "---\r\ntitle: A\r\n---\r\nBody\r\n",
            "---\rtitle: A\r---\rBody\r",
        ] {
            let d = doc(text);
            assert_eq!(d.yaml, "title: A\n");
            assert_eq!(d.body, "Body\n");
        }
        let d = doc("\u{feff}---\ntitle: B\n---\n");
        assert_eq!(d.yaml, "title: B\n");
    }

    #[test]
    fn unclosed_and_missing_front_matter_are_errors() {
        let e = split(Path::new("x.md"), "---\ntitle: A\nBody\n").unwrap_err();
        assert!(e.message.contains("not closed"), "{e}");
        let e = split(Path::new("x.md"), "# Just markdown\n").unwrap_err();
        assert!(
            e.message.contains("does not start with front matter"),
            "{e}"
        );
        let e = split(Path::new("x.md"), "").unwrap_err();
        assert!(e.message.contains("empty"), "{e}");
    }

    #[test]
    fn yaml_errors_are_located_in_the_file() {
        let d = doc("---\ntitle: A\nauthors: 5\n---\n");
        let e = parse_yaml::<Fm>(Path::new("x.md"), &d.yaml, d.yaml_first_line, &[]).unwrap_err();
        assert_eq!(e.pos.map(|p| p.0), Some(3), "{e}");
        assert!(e.message.contains("expected a sequence"), "{e}");
        assert!(!e.message.contains("at line"), "{e}");
    }

    #[test]
    fn unknown_fields_warn_with_suggestion() {
        let d = doc("---\ntitle: A\nauthor: [x]\n---\n");
        let (fm, w) =
            parse_yaml::<Fm>(Path::new("x.md"), &d.yaml, 2, &["title", "authors"]).unwrap();
        assert_eq!((fm.title.as_str(), fm.authors), ("A", None));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].pos, Some((3, 1)));
        assert_eq!(w[0].help.as_deref(), Some("did you mean `authors`?"));
    }

    #[test]
    fn locates_values_under_their_key() {
        let yaml = "title: dastak\nauthors:\n  - hina\n  - dastak\n";
        assert_eq!(locate_value(yaml, "authors", "dastak", 2), Some((5, 5)));
        assert_eq!(locate_value(yaml, "title", "dastak", 2), Some((2, 8)));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let e = decode(Path::new("x.md"), b"---\ntitle: \xff\n").unwrap_err();
        assert_eq!(e.pos, Some((2, 8)));
    }
}
