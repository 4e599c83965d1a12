//! config — stage 1 (load). Input: `site.yaml`. Output: a validated, typed `SiteConfig`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use crate::diagnostics::Diagnostic;
use crate::frontmatter;

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// What a language shows for an item that has no file in that language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MissingTranslation {
    /// The default-language text, with a notice.
    #[default]
    Fallback,
    /// Nothing: the item is left out of that language.
    Hide,
}

/// One configured language.
#[derive(Debug, Clone)]
pub struct Lang {
    pub code: String,
    pub name: String,
    pub direction: Direction,
    /// The locale used for ICU formatting and Fluent plurals.
    pub locale: LanguageIdentifier,
}

/// The validated `site.yaml`.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    titles: BTreeMap<String, String>,
    /// Absolute base URL without a trailing slash.
    pub base_url: String,
    /// Index of the default language in `languages`.
    pub default_lang: usize,
    pub languages: Vec<Lang>,
    pub theme: String,
    pub missing_translation: MissingTranslation,
    /// Lists longer than this are paginated.
    pub paginate_by: usize,
    /// Sanitise raw HTML in Markdown bodies.
    pub safe_html: bool,
    /// The address harvesters may write to (OAI-PMH `adminEmail`).
    pub admin_email: Option<String>,
}

impl SiteConfig {
    /// The site title in a language, else in the default language, else any.
    pub fn title(&self, lang: usize) -> &str {
        let code = &self.languages[lang].code;
        let default = &self.languages[self.default_lang].code;
        self.titles
            .get(code)
            .or_else(|| self.titles.get(default))
            .or_else(|| self.titles.values().next())
            .map_or("", String::as_str)
    }

    pub fn lang_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.code == code)
    }

    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    /// Languages in fallback order for `lang`: itself, the default language, then the rest.
    pub fn fallback_order(&self, lang: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(lang)
            .chain(std::iter::once(self.default_lang))
            .chain(0..self.languages.len())
    }
}

/// `title:` as one string or one per language; a language given twice is an error.
enum RawTitle {
    One(String),
    PerLanguage(BTreeMap<String, String>),
}

impl<'de> Deserialize<'de> for RawTitle {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawTitle;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a title, or one title per language code")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawTitle, E> {
                Ok(RawTitle::One(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawTitle, A::Error> {
                let mut titles = BTreeMap::new();
                while let Some((code, title)) = map.next_entry::<String, String>()? {
                    if titles.insert(code.clone(), title).is_some() {
                        return Err(serde::de::Error::custom(format!(
                            "the title for `{code}` is given twice"
                        )));
                    }
                }
                Ok(RawTitle::PerLanguage(titles))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
struct RawLang {
    code: String,
    name: Option<String>,
    direction: Option<Direction>,
    locale: Option<String>,
}

#[derive(Deserialize)]
struct RawConfig {
    title: Option<RawTitle>,
    base_url: Option<String>,
    default_language: Option<String>,
    languages: Option<Vec<RawLang>>,
    theme: Option<String>,
    missing_translation: Option<MissingTranslation>,
    paginate_by: Option<usize>,
    safe_html: Option<bool>,
    admin_email: Option<String>,
}

const KNOWN: &[&str] = &[
    "title",
    "base_url",
    "default_language",
    "languages",
    "theme",
    "missing_translation",
    "paginate_by",
    "safe_html",
    "admin_email",
    "code",
    "name",
    "direction",
    "locale",
];

/// Reads and validates `site.yaml`. Returns the config and its warnings, or every error found
/// (with the warnings, sorted by line).
pub(crate) fn load(root: &Path) -> Result<(SiteConfig, Vec<Diagnostic>), Vec<Diagnostic>> {
    let path = Path::new("site.yaml");
    let bytes = std::fs::read(root.join(path)).map_err(|e| {
        vec![
            Diagnostic::error(path, format!("cannot read site.yaml: {e}"))
                .with_help("run nashr in a portal folder, or pass --root DIR"),
        ]
    })?;
    let text = frontmatter::decode(path, &bytes).map_err(|d| vec![d])?;
    let (raw, warnings) =
        frontmatter::parse_yaml::<RawConfig>(path, &text, 1, KNOWN).map_err(|d| vec![d])?;
    match validate(raw, &text) {
        Ok(config) => Ok((config, warnings)),
        Err(mut errors) => {
            // Keep the warnings: an unknown field may be the cause of an error.
            errors.extend(warnings);
            Diagnostic::sort(&mut errors);
            Err(errors)
        }
    }
}

fn validate(raw: RawConfig, yaml: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
    let path = Path::new("site.yaml");
    let at = |key: &str| frontmatter::locate_key(yaml, key, 1);
    let mut errors = Vec::new();
    let mut languages = Vec::new();
    for l in raw.languages.unwrap_or_default() {
        let tag = l.locale.as_deref().unwrap_or(&l.code);
        let locale = match tag.parse::<LanguageIdentifier>() {
            Ok(id) if !l.code.contains('/') && (2..=3).contains(&id.language.as_str().len()) => id,
            _ => {
                errors.push(
                    Diagnostic::error(path, format!("`{tag}` is not a valid language code"))
                        .at(frontmatter::locate_value(yaml, "code", tag, 1))
                        .with_help("use a BCP 47 code such as `en`, `fr`, `ur` or `pt-BR`"),
                );
                continue;
            }
        };
        if languages.iter().any(|x: &Lang| x.code == l.code) {
            errors.push(
                Diagnostic::error(path, format!("language `{}` is listed twice", l.code))
                    .at(at("languages")),
            );
            continue;
        }
        languages.push(Lang {
            name: l.name.unwrap_or_else(|| l.code.clone()),
            direction: l.direction.unwrap_or_default(),
            locale,
            code: l.code,
        });
    }
    if languages.is_empty() {
        errors.push(
            Diagnostic::error(path, "`languages` lists no language")
                .at(at("languages"))
                .with_help("add e.g. `languages: [{ code: en, name: English }]`"),
        );
    }
    let default_lang = match raw.default_language {
        Some(code) => match languages.iter().position(|l| l.code == code) {
            Some(i) => i,
            None => {
                let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
                errors.push(
                    Diagnostic::error(
                        path,
                        format!("default_language `{code}` is not one of `languages`"),
                    )
                    .at(at("default_language"))
                    .suggest(&code, codes),
                );
                0
            }
        },
        None => 0,
    };
    let base_url = raw.base_url.unwrap_or_default();
    let base_url = base_url.trim_end_matches('/').to_owned();
    if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
        errors.push(
            Diagnostic::error(
                path,
                format!("base_url `{base_url}` is not an absolute URL"),
            )
            .at(at("base_url"))
            .with_help("write it in full, e.g. `base_url: https://example.org/portal`"),
        );
    }
    let titles = match raw.title {
        Some(RawTitle::One(t)) => languages
            .iter()
            .map(|l| (l.code.clone(), t.clone()))
            .collect(),
        Some(RawTitle::PerLanguage(map)) => map,
        None => BTreeMap::new(),
    };
    if titles.is_empty() {
        errors.push(
            Diagnostic::error(path, "the site has no `title`")
                .with_help("add `title: \"My portal\"` or one title per language"),
        );
    }
    if raw.paginate_by == Some(0) {
        errors.push(
            Diagnostic::error(path, "`paginate_by` must be at least 1").at(at("paginate_by")),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(SiteConfig {
        titles,
        base_url,
        default_lang,
        languages,
        theme: raw.theme.unwrap_or_else(|| "default".into()),
        missing_translation: raw.missing_translation.unwrap_or_default(),
        paginate_by: raw.paginate_by.unwrap_or(50),
        safe_html: raw.safe_html.unwrap_or(false),
        admin_email: raw.admin_email,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let (raw, _) = frontmatter::parse_yaml::<RawConfig>(Path::new("site.yaml"), yaml, 1, KNOWN)
            .map_err(|d| vec![d])?;
        validate(raw, yaml)
    }

    #[test]
    fn reads_languages_and_titles() {
        let c = parse(
            "title: { en: A, ur: ب }\nbase_url: https://x.org/p/\ndefault_language: ur\nlanguages:\n  - { code: en, name: English }\n  - { code: ur, name: اردو, direction: rtl }\n",
        )
        .unwrap();
        assert_eq!(c.default_lang, 1);
        assert_eq!(c.base_url, "https://x.org/p");
        assert_eq!(c.languages[1].direction, Direction::Rtl);
        assert_eq!(c.title(0), "A");
        assert_eq!(c.title(1), "ب");
        assert_eq!(c.missing_translation, MissingTranslation::Fallback);
    }

    #[test]
    fn reports_every_problem() {
        let errors = parse("title: T\nbase_url: example.org\ndefault_language: eng\nlanguages:\n  - { code: en }\n").unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), 2, "{text:?}");
        assert!(text[0].contains("default_language `eng`"), "{text:?}");
        assert!(text[1].contains("base_url `example.org`"), "{text:?}");
    }
}
