//! `nashr init <dir>`: a new portal that builds at once.

use std::path::Path;
use std::process::ExitCode;

use nashr::scaffold::{self, InitLanguage};

use super::print_diagnostics;
use crate::Verbosity;

pub fn run(dir: &Path, title: &str, languages: &[String], verbosity: Verbosity) -> ExitCode {
    let langs: Vec<InitLanguage> = languages
        .iter()
        .map(|c| InitLanguage::from_code(c.trim()))
        .collect();
    match scaffold::init(dir, title, &langs) {
        Ok(files) => {
            if verbosity != Verbosity::Quiet {
                println!(
                    "Created a portal in {} ({} files). Next:",
                    dir.display(),
                    files.len()
                );
                println!("  cd {} && nashr serve", dir.display());
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            print_diagnostics(Path::new("."), &errors, verbosity);
            ExitCode::FAILURE
        }
    }
}
