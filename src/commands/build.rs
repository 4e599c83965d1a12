//! `nashr build`: build the portal, with a progress bar on long builds at a terminal.

use std::process::ExitCode;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use nashr::{BuildOptions, Progress};

use super::{plural, print_diagnostics};
use crate::Verbosity;

pub fn run(options: &BuildOptions, verbosity: Verbosity) -> ExitCode {
    let mut options = options.clone();
    let progress = Arc::new(Progress::default());
    options.progress = Some(Arc::clone(&progress));
    // A progress bar on a terminal, for builds long enough to want one.
    let done = Arc::new(AtomicBool::new(false));
    let drawer = (verbosity != Verbosity::Quiet && super::colour()).then(|| {
        let (progress, done) = (Arc::clone(&progress), Arc::clone(&done));
        std::thread::spawn(move || draw(&progress, &done))
    });
    let result = nashr::build(&options);
    done.store(true, Ordering::Relaxed);
    if let Some(d) = drawer {
        let _ = d.join();
    }
    match result {
        Ok(report) => {
            print_diagnostics(&options.root, &report.warnings, verbosity);
            if verbosity == Verbosity::Verbose {
                for (stage, seconds) in &report.stages {
                    eprintln!("  {stage:<8} {:>8.1} ms", seconds * 1000.0);
                }
            }
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

/// Draws the bar once rendering has started and has more than a few hundred pages to do.
fn draw(progress: &Progress, done: &AtomicBool) {
    let mut bar: Option<indicatif::ProgressBar> = None;
    while !done.load(Ordering::Relaxed) {
        let total = progress.total.load(Ordering::Relaxed);
        if total > 500 {
            let b = bar.get_or_insert_with(|| {
                let b = indicatif::ProgressBar::new(total as u64);
                if let Ok(style) =
                    indicatif::ProgressStyle::with_template("rendering {bar:40} {pos}/{len} pages")
                {
                    b.set_style(style);
                }
                b
            });
            b.set_position(progress.done.load(Ordering::Relaxed) as u64);
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}
