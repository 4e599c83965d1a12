//! `nashr new <kind> <slug>`: starting files in every configured language.

use std::path::Path;
use std::process::ExitCode;

use nashr::scaffold::{self, NewKind};

use super::print_diagnostics;
use crate::Verbosity;

pub fn run(root: &Path, kind: NewKind, slug: &str, verbosity: Verbosity) -> ExitCode {
    match scaffold::new_item(root, kind, slug) {
        Ok(paths) => {
            if verbosity != Verbosity::Quiet {
                for p in paths {
                    println!("Created {}", p.display());
                }
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            print_diagnostics(root, &errors, verbosity);
            ExitCode::FAILURE
        }
    }
}
