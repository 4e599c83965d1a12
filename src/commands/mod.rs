//! One module per command; each calls the library and prints for a person at a terminal.

pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod serve;

use std::io::IsTerminal;
use std::path::Path;

use nashr::{Diagnostic, Severity};

use crate::Verbosity;

/// Colour only when standard error is a terminal.
pub fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// "1 language", "3 languages".
pub fn plural(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

/// Prints diagnostics with the offending line and a caret; warnings only when not quiet.
pub fn print_diagnostics(root: &Path, list: &[Diagnostic], verbosity: Verbosity) {
    let colour = colour();
    for d in list {
        if d.severity == Severity::Warning && verbosity == Verbosity::Quiet {
            continue;
        }
        eprintln!("{}", d.render(root, colour));
    }
}
