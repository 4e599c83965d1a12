//! l10n — locale formatting with ICU4X, loaded once per language: dates at their own precision
//! (day, month or year), numbers with the locale's digits and grouping.

use std::cmp::Ordering;

use icu_calendar::{Date, Gregorian};
use icu_collator::options::CollatorOptions;
use icu_collator::CollatorBorrowed;
use icu_datetime::fieldsets::{Y, YM, YMD};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use unic_langid::LanguageIdentifier;

use crate::model::PartialDate;

/// The formatters of one language.
pub(crate) struct LocaleFormat {
    ymd: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    ym: Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>,
    y: Option<FixedCalendarDateTimeFormatter<Gregorian, Y>>,
    decimal: Option<DecimalFormatter>,
    collator: Option<CollatorBorrowed<'static>>,
}

/// The ICU locale for a language. Plain `en` formats as international English ("30 June 2021"),
/// the convention of research publishing; a site can choose `en-US` with `locale:`.
pub(crate) fn icu_locale(lang: &LanguageIdentifier) -> Locale {
    let tag = lang.to_string();
    let tag = if tag == "en" {
        "en-001".to_owned()
    } else {
        tag
    };
    Locale::try_from_str(&tag).unwrap_or(Locale::UNKNOWN)
}

impl LocaleFormat {
    pub fn new(lang: &LanguageIdentifier) -> Self {
        let locale = icu_locale(lang);
        let prefs = (&locale).into();
        Self {
            ymd: FixedCalendarDateTimeFormatter::try_new(prefs, YMD::long()).ok(),
            ym: FixedCalendarDateTimeFormatter::try_new(prefs, YM::long()).ok(),
            y: FixedCalendarDateTimeFormatter::try_new(prefs, Y::long()).ok(),
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).ok(),
            collator: CollatorBorrowed::try_new((&locale).into(), CollatorOptions::default()).ok(),
        }
    }

    /// "30 June 2021", "juin 2021", "2021": as precise as the date is.
    pub fn date(&self, d: &PartialDate) -> String {
        let date = Date::try_new_gregorian(d.year, d.month.unwrap_or(1), d.day.unwrap_or(1));
        let Ok(date) = date else { return d.to_string() };
        let formatted = match (d.month, d.day) {
            (Some(_), Some(_)) => self.ymd.as_ref().map(|f| f.format(&date).to_string()),
            (Some(_), None) => self.ym.as_ref().map(|f| f.format(&date).to_string()),
            _ => self.y.as_ref().map(|f| f.format(&date).to_string()),
        };
        formatted.unwrap_or_else(|| d.to_string())
    }

    /// "250,000", "250 000", with up to two decimals when the number has them.
    pub fn number(&self, n: f64) -> String {
        let text = if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{}", n as i64)
        } else {
            format!("{n:.2}")
        };
        match (self.decimal.as_ref(), text.parse::<Decimal>()) {
            (Some(f), Ok(d)) => f.format_to_string(&d),
            _ => text,
        }
    }
}

impl LocaleFormat {
    /// Compares two strings by the language's collation rules (accents with their base letter,
    /// letters in the language's alphabetical order).
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.collator {
            Some(c) => c.compare(a, b).then_with(|| a.cmp(b)),
            None => a.cmp(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(tag: &str) -> LocaleFormat {
        LocaleFormat::new(&tag.parse().unwrap())
    }

    #[test]
    fn dates_in_each_language() {
        let d = PartialDate::parse("2021-06-30").unwrap();
        assert_eq!(fmt("en").date(&d), "30 June 2021");
        assert_eq!(fmt("fr").date(&d), "30 juin 2021");
        let ur = fmt("ur").date(&d);
        assert!(ur.contains("جون"), "{ur}");
        assert_eq!(
            fmt("fr").date(&PartialDate::parse("2021-03").unwrap()),
            "mars 2021"
        );
        assert_eq!(fmt("en").date(&PartialDate::parse("2021").unwrap()), "2021");
    }

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(fmt("en").number(250000.0), "250,000");
        assert_eq!(fmt("fr").number(250000.0), "250\u{202f}000");
        assert_eq!(fmt("en").number(1234.5), "1,234.50");
    }
}
