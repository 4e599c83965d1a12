//! `nashr check`: every error and warning, and the translation coverage, without writing.
//! Exit status: 0 clean, 1 errors, 2 warnings under `--strict`.

use std::path::Path;
use std::process::ExitCode;

use nashr::{BuildOptions, CheckReport};

use super::{plural, print_diagnostics};
use crate::{Format, Verbosity};

pub fn run(
    root: &Path,
    format: Format,
    strict: bool,
    max_file_mb: u64,
    verbosity: Verbosity,
) -> ExitCode {
    let report = nashr::check(
        &BuildOptions::new(root),
        max_file_mb.saturating_mul(1024 * 1024),
    );
    match format {
        Format::Json => match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("cannot write the report: {e}"),
        },
        Format::Text => {
            print_diagnostics(root, &report.warnings, verbosity);
            print_diagnostics(root, &report.errors, verbosity);
            if verbosity != Verbosity::Quiet {
                print_coverage(&report);
                println!(
                    "{}, {}.",
                    plural(report.errors.len(), "error", "errors"),
                    plural(report.warnings.len(), "warning", "warnings")
                );
            }
        }
    }
    if !report.errors.is_empty() {
        ExitCode::from(1)
    } else if strict && !report.warnings.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The coverage table: one row per kind, one column per language ("translated/total", then
/// how many fall back or are hidden).
fn print_coverage(report: &CheckReport) {
    let Some(first) = report.coverage.first() else {
        return;
    };
    println!("Translation coverage (own text / items; +n shown in another language; -n hidden):");
    let mut header = format!("  {:<10}", "");
    for l in &first.languages {
        header.push_str(&format!("{:>14}", l.language));
    }
    println!("{header}");
    for kind in &report.coverage {
        let mut row = format!("  {:<10}", kind.kind);
        for l in &kind.languages {
            let extra = if l.fallback > 0 {
                format!(" +{}", l.fallback)
            } else if l.hidden > 0 {
                format!(" -{}", l.hidden)
            } else {
                String::new()
            };
            row.push_str(&format!(
                "{:>14}",
                format!("{}/{}{extra}", l.translated, kind.total)
            ));
        }
        println!("{row}");
    }
    for (lang, keys) in &report.missing_strings {
        println!("  UI strings missing in {lang}: {}", keys.join(", "));
    }
}
