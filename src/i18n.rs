//! i18n — the UI strings. Fluent bundles per language are built once from the theme's files and
//! the site's overrides (`i18n/<lang>/*.ftl`, a key there replaces the theme's); a missing string
//! falls back to the default language, then to English, with one warning per language.

use std::collections::BTreeSet;
use std::path::PathBuf;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::l10n::LocaleFormat;

/// One `.ftl` source: where it comes from, for messages, and its text.
pub(crate) struct FtlSource {
    pub path: PathBuf,
    pub lang: String,
    pub text: String,
}

/// The UI strings of every configured language.
pub(crate) struct I18n {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// For each configured language, the UI strings it lacks (shown from a fallback).
    pub missing: Vec<Vec<String>>,
    /// For each configured language, the bundles to try in order.
    chains: Vec<Vec<usize>>,
}

/// Numbers inside UI strings are formatted by ICU for the bundle's language.
struct NumberFormat(LocaleFormat);

impl Memoizable for NumberFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(NumberFormat(LocaleFormat::new(&lang)))
    }
}

fn format_number(value: &FluentValue, memo: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(FluentNumber { value, .. }) => memo
            .with_try_get::<NumberFormat, _, _>((), |f| f.0.number(*value))
            .ok(),
        _ => None,
    }
}

impl I18n {
    /// Builds the bundles. `theme` and `site` are the `.ftl` files of the theme and of the site;
    /// returns warnings for missing keys, or the syntax errors of the files.
    pub fn load(
        config: &SiteConfig,
        theme: Vec<FtlSource>,
        site: Vec<FtlSource>,
    ) -> Result<(I18n, Vec<Diagnostic>), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let mut locales: Vec<LanguageIdentifier> =
            config.languages.iter().map(|l| l.locale.clone()).collect();
        let mut codes: Vec<String> = config.codes().map(str::to_owned).collect();
        let english = match codes.iter().position(|c| c == "en") {
            Some(i) => i,
            None => {
                codes.push("en".into());
                locales.push("en".parse().expect("`en` is a valid language identifier"));
                codes.len() - 1
            }
        };
        let mut bundles: Vec<FluentBundle<FluentResource>> = locales
            .iter()
            .map(|l| {
                let mut b = FluentBundle::new_concurrent(vec![l.clone()]);
                b.set_use_isolating(false);
                b.set_formatter(Some(format_number));
                b
            })
            .collect();
        let mut keys: Vec<BTreeSet<String>> = vec![BTreeSet::new(); bundles.len()];
        for src in theme.into_iter().chain(site) {
            let Some(i) = codes.iter().position(|c| *c == src.lang) else {
                continue;
            };
            let resource = match FluentResource::try_new(src.text) {
                Ok(r) => r,
                Err((r, errs)) => {
                    for e in errs {
                        errors.push(ftl_error(
                            &src.path,
                            r.source(),
                            e.pos.start,
                            &e.kind.to_string(),
                        ));
                    }
                    r
                }
            };
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    keys[i].insert(m.id.name.to_owned());
                }
            }
            bundles[i].add_resource_overriding(resource);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let reference: BTreeSet<String> = keys[english]
            .union(&keys[config.default_lang])
            .cloned()
            .collect();
        let mut all_missing = Vec::new();
        for (i, lang) in config.languages.iter().enumerate() {
            let missing: Vec<&str> = reference.difference(&keys[i]).map(String::as_str).collect();
            all_missing.push(missing.iter().map(|k| (*k).to_owned()).collect());
            if !missing.is_empty() {
                let n = missing.len();
                warnings.push(
                    Diagnostic::warning(format!("i18n/{}", lang.code), format!(
                        "{n} UI string{} missing in `{}`, shown in the default language or English: {}",
                        if n == 1 { " is" } else { "s are" }, lang.code, missing.join(", ")
                    ))
                    .with_help(format!("add them to i18n/{}/site.ftl", lang.code)),
                );
            }
        }
        let chains = (0..config.languages.len())
            .map(|l| {
                let mut chain = vec![l, config.default_lang, english];
                chain.dedup();
                chain
            })
            .collect();
        Ok((
            I18n {
                bundles,
                missing: all_missing,
                chains,
            },
            warnings,
        ))
    }

    /// The string `key` in language `lang`, with arguments. An unknown key shows as itself.
    pub fn t(&self, lang: usize, key: &str, args: Option<&FluentArgs>) -> String {
        for &b in &self.chains[lang] {
            let bundle = &self.bundles[b];
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_owned()
    }
}

/// A Fluent syntax error, located by line and column.
fn ftl_error(path: &std::path::Path, source: &str, offset: usize, message: &str) -> Diagnostic {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Diagnostic::error(path, format!("invalid Fluent syntax: {message}"))
        .at(Some((line, col)))
        .with_help("see https://projectfluent.org/fluent/guide/ for the syntax")
}
