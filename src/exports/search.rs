//! search — export (stage 3, render). Input: the output pages of each language as `SearchDoc`s.
//! Output: one compact JSON index per page language (`search/<lang>.json`) and the folding table
//! as JavaScript (`normalizer_js`), so that the index and the reader's query are folded by the
//! same data. No IO. Design and the Pagefind measurements: `docs/search.md`.

use std::collections::BTreeMap;
use std::fmt::Write;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// One page to index (an output page in one language; its text may be another language's).
pub(crate) struct SearchDoc<'a> {
    /// Root-relative path, e.g. `fr/outputs/gbv-court/`.
    pub url: &'a str,
    pub title: &'a str,
    /// Language code of the text (a page may fall back to another language's text).
    pub text_lang: &'a str,
    /// Output type slug, e.g. `report`.
    pub kind: &'a str,
    /// The type's label in the page language.
    pub kind_label: &'a str,
    /// Formatted for the page language.
    pub date: &'a str,
    pub year: i32,
    /// Display names.
    pub authors: Vec<&'a str>,
    /// Topic slugs.
    pub topics: Vec<&'a str>,
    /// Plain text of title + abstract + body, already stripped of HTML.
    pub body: &'a str,
}

/// Version of the index format, `v` in every file.
const FORMAT_VERSION: u32 = 1;

/// About how many characters of the body each document carries for client-side excerpts.
const EXCERPT_CHARS: usize = 600;

/// Characters replaced after NFKD and lower-casing. An empty replacement drops the character
/// (it joins the letters around it); everything not listed here, not in `DROPPED`, and neither a
/// letter, a number nor a mark becomes a space. Hamza forms that Unicode decomposes (أ إ آ ؤ ئ ۂ
/// ۓ) are handled by NFKD plus `DROPPED`; the rest are listed. Sorted by character, for
/// binary search.
const FOLD: &[(char, &str)] = &[
    ('\u{00AD}', ""),   // soft hyphen
    ('\u{00DF}', "ss"), // ß
    ('\u{00E6}', "ae"), // æ
    ('\u{00F8}', "o"),  // ø
    ('\u{0111}', "d"),  // đ
    ('\u{0142}', "l"),  // ł
    ('\u{0153}', "oe"), // œ
    // Greek final sigma: Rust lower-cases per character, JavaScript per string.
    ('\u{03C2}', "\u{03C3}"), // ς → σ
    ('\u{061C}', ""),         // Arabic letter mark
    ('\u{0621}', ""),         // ء standalone hamza
    ('\u{0629}', "\u{06C1}"), // ة teh marbuta → ہ heh goal
    ('\u{0640}', ""),         // ـ tatweel
    ('\u{0643}', "\u{06A9}"), // ك Arabic kaf → ک keheh
    ('\u{0647}', "\u{06C1}"), // ه Arabic (and Persian) heh → ہ
    ('\u{0649}', "\u{06CC}"), // ى alef maksura → ی Farsi yeh
    ('\u{064A}', "\u{06CC}"), // ي Arabic yeh (also from ئ) → ی
    // Arabic-Indic digits → ASCII.
    ('\u{0660}', "0"),
    ('\u{0661}', "1"),
    ('\u{0662}', "2"),
    ('\u{0663}', "3"),
    ('\u{0664}', "4"),
    ('\u{0665}', "5"),
    ('\u{0666}', "6"),
    ('\u{0667}', "7"),
    ('\u{0668}', "8"),
    ('\u{0669}', "9"),
    ('\u{0671}', "\u{0627}"), // ٱ alef wasla → ا
    ('\u{0674}', ""),         // ٴ high hamza
    ('\u{06AA}', "\u{06A9}"), // ڪ swash kaf → ک
    ('\u{06BA}', "\u{0646}"), // ں noon ghunna → ن (Arabic keyboards have no ں)
    ('\u{06BE}', "\u{06C1}"), // ھ do-chashmi heh → ہ (see docs/search.md)
    ('\u{06C3}', "\u{06C1}"), // ۃ teh marbuta goal → ہ
    ('\u{06D5}', "\u{06C1}"), // ە ae (also from ۀ) → ہ
    // Urdu (Extended Arabic-Indic) digits → ASCII.
    ('\u{06F0}', "0"),
    ('\u{06F1}', "1"),
    ('\u{06F2}', "2"),
    ('\u{06F3}', "3"),
    ('\u{06F4}', "4"),
    ('\u{06F5}', "5"),
    ('\u{06F6}', "6"),
    ('\u{06F7}', "7"),
    ('\u{06F8}', "8"),
    ('\u{06F9}', "9"),
    // Invisible format characters inside words.
    ('\u{200C}', ""), // ZWNJ
    ('\u{200D}', ""), // ZWJ
    ('\u{200E}', ""), // LRM
    ('\u{200F}', ""), // RLM
    ('\u{2060}', ""), // word joiner
    ('\u{FEFF}', ""), // zero-width no-break space
];

/// Combining marks that are dropped (inclusive ranges): Latin/Greek/Cyrillic diacritics, which
/// NFKD has split from their letters, and the Arabic harakat, Quranic marks and the hamza and
/// madda that NFKD splits from أ إ آ ؤ ئ ۂ ۓ. Marks of other scripts (Devanagari vowel signs, …)
/// are kept: there they spell different words.
const DROPPED: &[(u32, u32)] = &[
    (0x0300, 0x036F), // combining diacritical marks
    (0x0610, 0x061A), // Arabic honorific and Quranic signs
    (0x064B, 0x065F), // tanwin, zabar, zer, pesh, shadda, sukun, hamza above/below, madda …
    (0x0670, 0x0670), // superscript (khari) alef
    (0x06D6, 0x06ED), // Quranic annotation signs
    (0x1AB0, 0x1AFF), // combining diacritical marks extended
    (0x1DC0, 0x1DFF), // combining diacritical marks supplement
    (0x20D0, 0x20FF), // combining marks for symbols
    (0xFE20, 0xFE2F), // combining half marks
];

fn fold(c: char) -> Option<&'static str> {
    FOLD.binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| FOLD[i].1)
}

fn dropped(c: char) -> bool {
    let c = c as u32;
    DROPPED.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Whether a character is part of a word: JavaScript's `[\p{Alphabetic}\p{N}\p{M}]`.
fn word_char(c: char) -> bool {
    c.is_alphabetic() || c.is_numeric() || is_combining_mark(c)
}

/// The folding both the index and the query use: NFKD, lower-case, the `FOLD` table, drop the
/// `DROPPED` marks, every other non-word character becomes a space; words are then joined by
/// single spaces. "Sécurité" → "securite", "كتاب" → "کتاب", "پاکستان۔" → "پاکستان".
pub(crate) fn normalize(text: &str) -> String {
    let mut out = Folded(String::with_capacity(text.len()));
    let mut rest = text;
    while !rest.is_empty() {
        // ASCII is its own NFKD form: only case and separators change.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        for b in rest[..ascii].bytes() {
            out.push_ascii(b);
        }
        rest = &rest[ascii..];
        // ASCII characters are starters, so decomposing the runs between them apart gives the
        // same result as decomposing the whole text.
        let other = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        let run = &rest[..other];
        if !fold_run(run, &mut out) {
            run.nfkd()
                .flat_map(char::to_lowercase)
                .for_each(|c| out.push_folded(c));
        }
        rest = &rest[other..];
    }
    if out.0.ends_with(' ') {
        out.0.pop();
    }
    out.0
}

/// The blocks most non-ASCII text is written in, folded once, character by character: Latin
/// letters with accents (French), punctuation (quotes, dashes, spaces) and Arabic (Urdu).
static BLOCKS: [Block; 3] = [
    Block::new('\u{0080}', 0x0250 - 0x0080),
    Block::new('\u{0600}', 0x0100),
    Block::new('\u{2000}', 0x0070),
];

/// A block of characters with their folding, worked out by the general rules on first use.
struct Block {
    first: char,
    len: u32,
    entries: std::sync::OnceLock<Vec<Entry>>,
}

/// One character of a `Block`.
struct Entry {
    /// What its NFKD form, lower-cased and folded, becomes: `" "` for a word boundary.
    folded: String,
    /// It folds to itself.
    same: bool,
    /// The canonical combining classes of the first and last characters of its NFKD form.
    first_class: u8,
    last_class: u8,
}

impl Block {
    const fn new(first: char, len: u32) -> Self {
        Self {
            first,
            len,
            entries: std::sync::OnceLock::new(),
        }
    }

    fn entry(&self, c: char) -> Option<&Entry> {
        let i = (c as u32).checked_sub(self.first as u32)?;
        if i >= self.len {
            return None;
        }
        let entries = self.entries.get_or_init(|| {
            (self.first..)
                .take(self.len as usize)
                .map(|c| {
                    let folded: String = std::iter::once(c)
                        .nfkd()
                        .flat_map(char::to_lowercase)
                        .map(|l| match folding(l) {
                            Folding::Text(text) => text.to_owned(),
                            Folding::Char(c) => c.to_string(),
                            Folding::Drop => String::new(),
                            Folding::Space => " ".to_owned(),
                        })
                        .collect();
                    let class = |d: Option<char>| d.map_or(0, canonical_combining_class);
                    Entry {
                        same: folded.chars().eq(std::iter::once(c)),
                        first_class: class(std::iter::once(c).nfkd().next()),
                        last_class: class(std::iter::once(c).nfkd().last()),
                        folded,
                    }
                })
                .collect()
        });
        Some(&entries[i as usize])
    }
}

/// Folds a run of non-ASCII text into `out` character by character through `BLOCKS`, when
/// that gives what folding its NFKD form would: every character is in a block, and no
/// combining marks of two characters would be reordered (the classes at each join are in
/// order; today every combining mark in the blocks is dropped, so their order cannot show, but
/// the check keeps this right if `DROPPED` changes). Otherwise leaves `out` as it was and
/// returns false. Characters that fold to themselves (most of an Urdu word) are copied a
/// stretch at a time.
fn fold_run(run: &str, out: &mut Folded) -> bool {
    let mark = out.0.len();
    let mut last_class = 0;
    let mut copy_from = 0;
    for (i, c) in run.char_indices() {
        let Some(e) = BLOCKS.iter().find_map(|b| b.entry(c)) else {
            out.0.truncate(mark);
            return false;
        };
        if e.first_class != 0 && e.first_class < last_class {
            out.0.truncate(mark);
            return false;
        }
        last_class = e.last_class;
        if !e.same {
            out.0.push_str(&run[copy_from..i]);
            e.folded.chars().for_each(|f| out.push(f));
            copy_from = i + c.len_utf8();
        }
    }
    out.0.push_str(&run[copy_from..]);
    true
}

/// What a decomposed, lower-cased character becomes in folded text.
enum Folding {
    /// A replacement from the `FOLD` table.
    Text(&'static str),
    /// The character itself: part of a word.
    Char(char),
    /// Nothing (a `DROPPED` mark).
    Drop,
    /// A word boundary.
    Space,
}

fn folding(c: char) -> Folding {
    if c.is_ascii() {
        return match c.is_ascii_alphanumeric() {
            true => Folding::Char(c.to_ascii_lowercase()),
            false => Folding::Space,
        };
    }
    match fold(c) {
        Some(replacement) => Folding::Text(replacement),
        None if dropped(c) => Folding::Drop,
        None if word_char(c) => Folding::Char(c),
        None => Folding::Space,
    }
}

/// Folded text being built: words joined by single spaces.
struct Folded(String);

impl Folded {
    fn push(&mut self, c: char) {
        if c != ' ' {
            self.0.push(c);
        } else if !self.0.is_empty() && !self.0.ends_with(' ') {
            self.0.push(' ');
        }
    }

    /// Pushes a decomposed, lower-cased character through the `FOLD` table and `DROPPED`.
    fn push_folded(&mut self, c: char) {
        match folding(c) {
            Folding::Text(text) => text.chars().for_each(|t| self.push(t)),
            Folding::Char(c) => self.0.push(c),
            Folding::Drop => {}
            Folding::Space => self.push(' '),
        }
    }

    /// Pushes an ASCII byte: a letter or digit lower-cased, anything else a word boundary. (A
    /// byte at a time measured faster than copying whole words: words are short.)
    fn push_ascii(&mut self, b: u8) {
        if b.is_ascii_alphanumeric() {
            self.0.push(char::from(b.to_ascii_lowercase()));
        } else {
            self.push(' ');
        }
    }
}

/// Words of a normalised text: split on whitespace, drop empty ones, and keep a one-character
/// word only if it is a digit.
pub(crate) fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split_whitespace().filter(|w| {
        let mut chars = w.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c.is_numeric(),
            (Some(_), Some(_)) => true,
            (None, _) => false,
        }
    })
}

/// One row of `docs`: url, title, text_lang, kind, kind_label, date, year, authors, topics,
/// excerpt source.
type DocRow<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    i32,
    &'a [&'a str],
    &'a [&'a str],
    String,
);

#[derive(Serialize)]
struct IndexFile<'a> {
    v: u32,
    docs: Vec<DocRow<'a>>,
    /// Normalised word → `[doc, count]` postings in document order.
    terms: BTreeMap<&'a str, &'a [[u32; 2]]>,
}

/// The start of the body for excerpts: without a leading copy of the title, about
/// `EXCERPT_CHARS` characters cut at a space, with "…" when cut.
fn excerpt_source(title: &str, body: &str) -> String {
    let body = body.trim_start();
    let body = match body.strip_prefix(title.trim()) {
        // The title's own full stop or colon goes with it.
        Some(rest) if !title.trim().is_empty() => {
            rest.trim_start_matches(|c: char| c.is_whitespace() || ".:;,!?،۔؟؛-–—|·".contains(c))
        }
        _ => body,
    };
    let Some((cut, _)) = body.char_indices().nth(EXCERPT_CHARS) else {
        return body.trim_end().to_string();
    };
    let head = &body[..cut];
    // Prefer the last space in the final tenth, so no word is cut in half.
    let at_space = head
        .rfind(char::is_whitespace)
        .filter(|&i| head[..i].chars().count() > EXCERPT_CHARS * 9 / 10);
    format!("{}…", head[..at_space.unwrap_or(cut)].trim_end())
}

/// The normalised words of a document: its body, authors and year.
fn doc_text(doc: &SearchDoc) -> String {
    let mut text = normalize(doc.body);
    let year = (doc.year != 0).then(|| doc.year.to_string());
    for extra in doc.authors.iter().copied().chain(year.as_deref()) {
        text.push(' ');
        text.push_str(&normalize(extra));
    }
    text
}

fn index_json(docs: &[SearchDoc]) -> Vec<u8> {
    // Documents are normalised and counted in parallel, then merged in document order, so that
    // postings stay in document order whatever order the maps yield. Words are borrowed from
    // the normalised texts throughout.
    let texts: Vec<String> = docs.par_iter().map(doc_text).collect();
    let counted: Vec<Vec<(&str, u32)>> = texts
        .par_iter()
        .map(|text| {
            let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
            for word in words(text) {
                *counts.entry(word).or_insert(0) += 1;
            }
            counts.into_iter().collect()
        })
        .collect();
    let mut postings: FxHashMap<&str, Vec<[u32; 2]>> = FxHashMap::default();
    for (i, counts) in counted.iter().enumerate() {
        let i = u32::try_from(i).expect("fewer than 4 billion pages");
        for &(word, count) in counts {
            postings.entry(word).or_default().push([i, count]);
        }
    }
    let terms = postings
        .iter()
        .map(|(word, list)| (*word, list.as_slice()))
        .collect();
    let file = IndexFile {
        v: FORMAT_VERSION,
        docs: docs
            .iter()
            .map(|d| {
                (
                    d.url,
                    d.title,
                    d.text_lang,
                    d.kind,
                    d.kind_label,
                    d.date,
                    d.year,
                    d.authors.as_slice(),
                    d.topics.as_slice(),
                    excerpt_source(d.title, d.body),
                )
            })
            .collect(),
        terms,
    };
    serde_json::to_vec(&file).expect("an index of strings and numbers always serialises")
}

/// The index files for one site: `search/<lang>.json` for each page language, holding the
/// documents of that language's pages in the order given (the client breaks ties by it, so pass
/// newest first) and the postings of every normalised word. Object keys are sorted and documents
/// keep their order, so the same input gives the same bytes.
pub(crate) fn index_files(docs_by_lang: &[(&str, Vec<SearchDoc>)]) -> Vec<(String, Vec<u8>)> {
    docs_by_lang
        .iter()
        .map(|(lang, docs)| (super::search_path(lang), index_json(docs)))
        .collect()
}

/// A JavaScript string literal with every non-ASCII character escaped.
fn js_string(s: &str) -> String {
    let mut out = String::from("\"");
    for unit in s.encode_utf16() {
        match unit {
            0x22 => out.push_str("\\\""),
            0x5C => out.push_str("\\\\"),
            0x20..=0x7E => out.push(char::from(u8::try_from(unit).expect("ASCII"))),
            _ => {
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
    out.push('"');
    out
}

/// `/js/normalize.js`: the same folding as `normalize` and `words`, generated from `FOLD` and
/// `DROPPED`, as a plain script that sets `window.nashrNormalize(text) -> string` and
/// `window.nashrWords(normalized) -> string[]`.
pub(crate) fn normalizer_js() -> String {
    let fold = FOLD
        .iter()
        .map(|&(k, v)| format!("{}:{}", js_string(&k.to_string()), js_string(v)))
        .collect::<Vec<_>>()
        .join(",");
    let dropped = DROPPED
        .iter()
        .map(|&(lo, hi)| format!("[{lo},{hi}]"))
        .collect::<Vec<_>>()
        .join(",");
    format!(
        r#"/* nashr search folding, generated from src/exports/search.rs: do not edit. */
(function () {{
  "use strict";
  var F = {{{fold}}};
  var D = [{dropped}];
  var W = /[\p{{Alphabetic}}\p{{N}}\p{{M}}]/u;
  var N = /^\p{{N}}$/u;
  function dropped(c) {{
    for (var i = 0; i < D.length; i++) if (c >= D[i][0] && c <= D[i][1]) return true;
    return false;
  }}
  window.nashrNormalize = function (text) {{
    var out = "";
    for (var ch of String(text).normalize("NFKD").toLowerCase()) {{
      if (Object.prototype.hasOwnProperty.call(F, ch)) out += F[ch];
      else if (dropped(ch.codePointAt(0))) continue;
      else out += W.test(ch) ? ch : " ";
    }}
    return out.split(" ").filter(Boolean).join(" ");
  }};
  window.nashrWords = function (normalized) {{
    return normalized.split(/\s+/).filter(function (w) {{
      var n = Array.from(w).length;
      return n > 1 || (n === 1 && N.test(w));
    }});
  }};
}})();
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(url: &'a str, title: &'a str, body: &'a str) -> SearchDoc<'a> {
        SearchDoc {
            url,
            title,
            text_lang: "ur",
            kind: "report",
            kind_label: "رپورٹ",
            date: "مارچ 2021",
            year: 2021,
            authors: vec!["Mahnoor Fawad"],
            topics: vec!["women-protection"],
            body,
        }
    }

    /// The folding as first written (one NFKD pass over the whole text, then a second pass to
    /// join the words): `normalize` must give the same result faster.
    fn normalize_reference(text: &str) -> String {
        let mut out = String::new();
        for c in text.nfkd().flat_map(char::to_lowercase) {
            match fold(c) {
                _ if c.is_ascii() => out.push(if c.is_ascii_alphanumeric() { c } else { ' ' }),
                Some(replacement) => out.push_str(replacement),
                None if dropped(c) => {}
                None if word_char(c) => out.push(c),
                None => out.push(' '),
            }
        }
        out.split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        #[test]
        fn fast_normalize_matches_the_reference(
            text in "[a-zA-Z0-9 .,'\\-éÉèçœŒæİıßﬁ²½e\u{0301}\u{0327}\u{0323}ÅǅƵ\u{2019}\u{2014}\u{200C}\u{FEFF}كيىةهۀأإآؤئۂۓ\u{064E}\u{0650}\u{0651}\u{0670}۱۲٣ پاکستان।क\u{093F}Ωω\u{2028}\u{00A0}]{0,40}"
        ) {
            proptest::prop_assert_eq!(normalize(&text), normalize_reference(&text));
        }
    }

    #[test]
    fn the_folded_blocks_fold_as_the_general_rules_say() {
        let blocks = [
            '\u{0080}'..='\u{024F}',
            '\u{0600}'..='\u{06FF}',
            '\u{2000}'..='\u{206F}',
        ];
        for c in blocks.into_iter().flatten() {
            for text in [
                c.to_string(),
                format!("ب{c}ت"),
                format!("é{c}\u{0650}"),
                format!("a{c}"),
                format!("{c}\u{064E}\u{0650}{c}\u{0651}"),
                format!("{c}{c} x"),
            ] {
                assert_eq!(
                    normalize(&text),
                    normalize_reference(&text),
                    "{c:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn folds_to_the_same_form() {
        let pairs = [
            ("Sécurité", "securite"),
            ("ÉLODIE", "elodie"),
            ("L'accès à la cœur", "l acces a la coeur"),
            ("كتاب", "کتاب"),   // Arabic-keyboard kaf
            ("علي", "علی"),     // Arabic yeh
            ("موسى", "موسی"),   // alef maksura
            ("مدرسة", "مدرسہ"), // teh marbuta
            ("مدرسه", "مدرسہ"), // Arabic/Persian heh
            ("تھانہ", "تہانہ"), // do-chashmi folded (documented choice)
            ("عَدالت", "عدالت"), // zabar
            ("عدالتِ", "عدالت"), // zer
            ("آئین", "ایین"),   // alef madda, hamza on yeh
            ("ائین", "ایین"),
            ("أحمد إمام", "احمد امام"), // hamza on/below alef
            ("مؤسسہ", "موسسہ"),         // hamza on waw
            ("ۂ", "ہ"),                 // heh goal with hamza
            ("جاۓ", "جاے"),             // yeh barree with hamza
            ("دعاء", "دعا"),            // standalone hamza
            ("عـــدالت", "عدالت"),      // tatweel
            ("ہم\u{200C}جنس", "ہمجنس"), // ZWNJ
            ("میں", "مین"),             // noon ghunna
            ("۲۰۲۱", "2021"),
            ("٢٠٢١", "2021"),
            ("پاکستان۔", "پاکستان"),
            ("انصاف، عدالت؟", "انصاف عدالت"),
            ("\u{FEEB}\u{FEEC}", "ہہ"), // presentation forms via NFKD
            ("ΟΔΟΣ", "οδοσ"),
            ("  a\tb\n ", "a b"),
        ];
        for (input, expected) in pairs {
            assert_eq!(normalize(input), expected, "normalize({input:?})");
        }
        assert_eq!(normalize("كتاب"), normalize("کتاب"));
        assert_eq!(normalize("ي"), normalize("ی"));
        assert_eq!(normalize("ى"), normalize("ی"));
    }

    #[test]
    fn keeps_marks_of_other_scripts() {
        // Devanagari vowel signs and virama spell different words; they are not diacritics.
        assert_eq!(normalize("किताब"), "किताब");
        assert_ne!(normalize("कि"), normalize("क"));
        assert_eq!(normalize("क्या"), "क्या");
    }

    #[test]
    fn words_drop_single_letters_but_not_digits() {
        let n = normalize("l'accès à 7 femmes و 2021");
        assert_eq!(
            words(&n).collect::<Vec<_>>(),
            ["acces", "7", "femmes", "2021"]
        );
    }

    #[test]
    fn fold_table_is_sorted_for_binary_search() {
        assert!(FOLD.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn excerpt_drops_title_and_cuts_at_a_space() {
        let body = format!("Title {}", "word ".repeat(200));
        let e = excerpt_source("Title", &body);
        assert!(e.starts_with("word word"));
        assert!(e.ends_with("word…"));
        assert!(e.chars().count() <= EXCERPT_CHARS + 1);
        assert_eq!(excerpt_source("T", "T short"), "short");
        assert_eq!(excerpt_source("کتاب", "کتاب۔ متن"), "متن");
        assert_eq!(excerpt_source("", "  متن"), "متن");
    }

    fn index(docs: Vec<SearchDoc>) -> serde_json::Value {
        let files = index_files(&[("ur", docs)]);
        assert_eq!(files[0].0, "search/ur.json");
        serde_json::from_slice(&files[0].1).expect("valid JSON")
    }

    #[test]
    fn index_is_deterministic() {
        let make = || {
            vec![
                doc("ur/outputs/a/", "کتاب", "کتاب عدالت۔ پاکستان"),
                doc("ur/outputs/b/", "مدرسہ", "مدرسہ اور عدالت"),
            ]
        };
        let a = index_files(&[("ur", make()), ("en", make())]);
        let b = index_files(&[("ur", make()), ("en", make())]);
        assert_eq!(a, b);
        assert_eq!(a[1].0, "search/en.json");
    }

    #[test]
    fn a_normalized_query_word_finds_the_doc() {
        let json = index(vec![
            doc("ur/outputs/a/", "کتاب", "کتاب عدالت۔ پاکستان"),
            doc("ur/outputs/b/", "مدرسہ", "مدرسہ اور عَدالت عدالت"),
        ]);
        assert_eq!(json["v"], 1);
        let terms = &json["terms"];
        // Typed on an Arabic keyboard.
        let q = normalize("مدرسة");
        assert_eq!(terms[q.as_str()], serde_json::json!([[1, 1]]));
        assert_eq!(terms["عدالت"], serde_json::json!([[0, 1], [1, 2]]));
        assert_eq!(terms["پاکستان"], serde_json::json!([[0, 1]]));
        // Authors and the year are searchable too.
        assert_eq!(terms["fawad"], serde_json::json!([[0, 1], [1, 1]]));
        assert_eq!(terms["2021"], serde_json::json!([[0, 1], [1, 1]]));
        let row = &json["docs"][1];
        assert_eq!(row[0], "ur/outputs/b/");
        assert_eq!(row[6], 2021);
        assert_eq!(row[7], serde_json::json!(["Mahnoor Fawad"]));
        assert_eq!(row[9], "اور عَدالت عدالت");
    }

    #[test]
    fn normalizer_js_carries_the_table() {
        let js = normalizer_js();
        assert!(js.contains("window.nashrNormalize"));
        assert!(js.contains(r#""\u0643":"\u06a9""#));
        assert!(js.contains("[1611,1631]"));
        assert!(js.is_ascii());
    }
}
