//! model — the content types. The `*Fields` structs are what one file's front matter says (every
//! field optional, as written); `PartialDate` and the closed enums are the typed values that
//! `resolve` turns them into.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// A publication date as precise as the author knows it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses and validates a date; the error says what is wrong in plain words.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let number = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        let shape = || format!("`{s}` is not a date; write `YYYY-MM-DD`, `YYYY-MM` or `YYYY`");
        if parts.len() > 3 {
            return Err(shape());
        }
        let year = number(parts[0], 4).ok_or_else(shape)? as i32;
        let month = match parts.get(1) {
            Some(p) => Some(number(p, 2).ok_or_else(shape)? as u8),
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => Some(number(p, 2).ok_or_else(shape)? as u8),
            None => None,
        };
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("`{s}` is not a date: there is no month {m}"));
            }
            if let Some(d) = day {
                let last = days_in_month(year, m);
                if d == 0 || d > last {
                    return Err(format!(
                        "`{s}` is not a date: {} has {last} days",
                        month_name_en(m)
                    ));
                }
            }
        }
        Ok(Self { year, month, day })
    }

    /// The first day of the period, for sorting and for machine-readable dates.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

impl fmt::Display for PartialDate {
    /// ISO 8601 at the date's own precision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_name_en(m: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[usize::from(m.clamp(1, 12)) - 1]
}

/// Defines a closed set of keywords written in front matter, with their spelling.
macro_rules! keyword_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }

            pub fn names() -> impl Iterator<Item = &'static str> {
                Self::ALL.iter().map(|v| v.as_str())
            }
        }
    };
}

keyword_enum!(
    /// What kind of research output a page presents.
    OutputType {
        Report = "report",
        TrainingMaterial = "training-material",
        Brief = "brief",
        Article = "article",
        Dataset = "dataset",
        Presentation = "presentation",
        Video = "video",
    }
);

keyword_enum!(
    /// Where a project stands.
    Status { Active = "active", Completed = "completed" }
);

keyword_enum!(
    /// The form a training material takes.
    TrainingFormat { Workshop = "workshop", Handout = "handout", Slides = "slides", Video = "video" }
);

keyword_enum!(
    /// An author is a person or an organisation.
    AuthorKind { Person = "person", Organisation = "organisation" }
);

/// A scalar written as text or as a number (`date: 2021`, `number: 108743`), kept as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text or a number")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A list of slugs; a single slug is accepted as a list of one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Slugs(pub Vec<String>);

impl<'de> Deserialize<'de> for Slugs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Slugs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of slugs, e.g. `[fawad-mahnoor, dastak]`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Slugs, E> {
                Ok(Slugs(vec![v.to_owned()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Slugs, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(Slugs(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A file offered for download, as written under `files:`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileField {
    pub path: String,
    pub title: Option<String>,
    pub language: Option<String>,
}

/// Amount and ISO 4217 currency of a grant.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    pub amount: f64,
    pub currency: String,
}

/// Copies every listed field from `base` where `self` does not set it.
macro_rules! inherit_fields {
    ($self:ident, $base:ident; $($field:ident),+) => {
        $( if $self.$field.is_none() { $self.$field = $base.$field.clone(); } )+
    };
}

/// Front matter of `outputs/<slug>/index.<lang>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OutputFields {
    pub title: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub date: Option<Scalar>,
    pub authors: Option<Slugs>,
    pub topics: Option<Slugs>,
    pub project: Option<String>,
    #[serde(rename = "abstract")]
    pub summary: Option<String>,
    pub files: Option<Vec<FileField>>,
    pub doi: Option<String>,
    pub url: Option<String>,
    pub license: Option<String>,
    pub publisher: Option<String>,
    pub draft: Option<bool>,
    /// Training materials: who the training is for, how long it takes, its level (text).
    pub audience: Option<String>,
    pub duration: Option<Scalar>,
    pub level: Option<String>,
    /// Training materials: `workshop`, `handout`, `slides` or `video`.
    pub format: Option<String>,
    /// Training materials: the language codes the material can be delivered in.
    pub materials_language: Option<Slugs>,
}

impl OutputFields {
    pub const KNOWN: &'static [&'static str] = &[
        "title",
        "type",
        "date",
        "authors",
        "topics",
        "project",
        "abstract",
        "files",
        "doi",
        "url",
        "license",
        "publisher",
        "draft",
        "audience",
        "duration",
        "level",
        "format",
        "materials_language",
    ];

    /// Takes the non-text fields this translation does not set from the base file.
    pub fn inherit(&mut self, base: &Self) {
        inherit_fields!(self, base; kind, date, authors, topics, project, files, doi, url,
            license, publisher, draft);
        // Audience, duration and level are text, but a translation without them shows the base's.
        inherit_fields!(self, base; audience, duration, level, format, materials_language);
    }
}

/// Front matter of `projects/<slug>/index.<lang>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProjectFields {
    pub title: Option<String>,
    pub number: Option<Scalar>,
    pub status: Option<String>,
    pub start: Option<Scalar>,
    pub end: Option<Scalar>,
    pub duration_months: Option<u32>,
    pub funding: Option<Funding>,
    pub officer: Option<String>,
    pub leaders: Option<Slugs>,
    pub lead_organisations: Option<Slugs>,
    pub partners: Option<Slugs>,
    pub programs: Option<Vec<String>>,
    pub countries: Option<Slugs>,
    pub regions: Option<Vec<String>>,
    pub topics: Option<Slugs>,
}

impl ProjectFields {
    pub const KNOWN: &'static [&'static str] = &[
        "title",
        "number",
        "status",
        "start",
        "end",
        "duration_months",
        "funding",
        "officer",
        "leaders",
        "lead_organisations",
        "partners",
        "programs",
        "countries",
        "regions",
        "topics",
    ];

    /// Takes the non-text fields this translation does not set from the base file. Programme
    /// and region names are text, but a translation without them shows the base file's.
    pub fn inherit(&mut self, base: &Self) {
        inherit_fields!(self, base; number, status, start, end, duration_months, funding,
            officer, leaders, lead_organisations, partners, programs, countries, regions, topics);
    }
}

/// Front matter of `authors/<slug>.<lang>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuthorFields {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub sort_name: Option<String>,
    pub affiliation: Option<String>,
    pub orcid: Option<String>,
    pub url: Option<String>,
}

impl AuthorFields {
    pub const KNOWN: &'static [&'static str] =
        &["name", "kind", "sort_name", "affiliation", "orcid", "url"];

    /// Takes the non-text fields from the base file. The sort key follows the name: a
    /// translation that writes another name (another script) sorts by it unless it gives its own
    /// `sort_name`; one that keeps the base file's name keeps its sort key.
    pub fn inherit(&mut self, base: &Self) {
        if self.sort_name.is_none() && (self.name.is_none() || self.name == base.name) {
            self.sort_name = base.sort_name.clone();
        }
        inherit_fields!(self, base; kind, affiliation, orcid, url);
    }
}

/// Front matter of `topics/<slug>.<lang>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TopicFields {
    pub title: Option<String>,
    pub description: Option<String>,
}

impl TopicFields {
    pub const KNOWN: &'static [&'static str] = &["title", "description"];
}

/// Front matter of `pages/<slug>.<lang>.md` and of `_index.<lang>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PageFields {
    pub title: Option<String>,
    pub menu_weight: Option<i64>,
    pub description: Option<String>,
}

impl PageFields {
    pub const KNOWN: &'static [&'static str] = &["title", "menu_weight", "description"];

    pub fn inherit(&mut self, base: &Self) {
        inherit_fields!(self, base; menu_weight);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_dates() {
        assert_eq!(PartialDate::parse("2021").unwrap().to_string(), "2021");
        assert_eq!(
            PartialDate::parse("2021-03").unwrap().to_string(),
            "2021-03"
        );
        assert_eq!(
            PartialDate::parse("2024-02-29").unwrap().to_string(),
            "2024-02-29"
        );
        assert!(PartialDate::parse("2021-02-30")
            .unwrap_err()
            .contains("February has 28 days"));
        assert!(PartialDate::parse("2021-13")
            .unwrap_err()
            .contains("no month 13"));
        for bad in [
            "21-03-01",
            "2021/03/01",
            "March 2021",
            "2021-3-1",
            "",
            "2021-03-01-01",
        ] {
            assert!(
                PartialDate::parse(bad)
                    .unwrap_err()
                    .contains("is not a date"),
                "{bad}"
            );
        }
    }

    #[test]
    fn dates_sort_by_precision_then_value() {
        let a = PartialDate::parse("2021").unwrap();
        let b = PartialDate::parse("2021-01").unwrap();
        let c = PartialDate::parse("2021-01-02").unwrap();
        assert!(a.sort_key() < b.sort_key() && b.sort_key() < c.sort_key());
    }

    #[test]
    fn keywords_round_trip() {
        for t in OutputType::ALL {
            assert_eq!(OutputType::parse(t.as_str()), Some(*t));
        }
        assert_eq!(OutputType::parse("Report"), None);
    }
}
