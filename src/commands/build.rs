//! `nashr build`: build the portal, with a progress bar on long builds at a terminal.

use std::process::ExitCode;

use nashr::BuildOptions;

use super::{plural, print_diagnostics};
use crate::Verbosity;

pub fn run(options: &BuildOptions, verbosity: Verbosity) -> ExitCode {
    let spinner = (verbosity != Verbosity::Quiet && super::colour()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message("building…");
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    });
    let result = nashr::build(options);
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    match result {
        Ok(report) => {
            print_diagnostics(&options.root, &report.warnings, verbosity);
            if verbosity != Verbosity::Quiet {
                println!(
                    "Built {} in {:.2} s: {} pages and {} other files in {}.",
                    plural(report.languages, "language", "languages"),
                    report.seconds,
                    report.pages,
                    report.files,
                    options.output.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_diagnostics(&options.root, &failure.warnings, verbosity);
            print_diagnostics(&options.root, &failure.errors, verbosity);
            eprintln!(
                "Build failed with {}; nothing was written.",
                plural(failure.errors.len(), "error", "errors")
            );
            ExitCode::FAILURE
        }
    }
}
