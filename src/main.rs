//! The `nashr` command line: parse arguments, run the library, print diagnostics and a summary.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nashr::{BuildOptions, Diagnostic, Severity};

#[derive(Parser)]
#[command(
    name = "nashr",
    version,
    about = "Builds multilingual research portals from Markdown"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the portal into a folder of static files.
    Build {
        /// The portal folder (the one with site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: public/ in the portal folder).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Include outputs marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Use this base URL instead of site.yaml's.
        #[arg(long)]
        base_url: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            drafts,
            base_url,
        } => {
            let mut options = BuildOptions::new(root);
            if let Some(out) = output {
                options.output = out;
            }
            options.drafts = drafts;
            options.base_url = base_url;
            build(&options)
        }
    }
}

fn build(options: &BuildOptions) -> ExitCode {
    let colour = std::io::stderr().is_terminal();
    match nashr::build(options) {
        Ok(report) => {
            print_all(&report.warnings, colour);
            println!(
                "Built {} in {:.2} s: {} pages and {} other files in {}.",
                plural(report.languages, "language", "languages"),
                report.seconds,
                report.pages,
                report.files,
                options.output.display()
            );
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_all(&failure.warnings, colour);
            print_all(&failure.errors, colour);
            eprintln!(
                "Build failed with {}; nothing was written.",
                plural(failure.errors.len(), "error", "errors")
            );
            ExitCode::FAILURE
        }
    }
}

fn plural(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

fn print_all(list: &[Diagnostic], colour: bool) {
    for d in list {
        let text = d.to_string();
        if colour {
            let code = if d.severity == Severity::Error {
                "31"
            } else {
                "33"
            };
            let kind = if d.severity == Severity::Error {
                ": error:"
            } else {
                ": warning:"
            };
            eprintln!(
                "{}",
                text.replacen(kind, &format!(":\x1b[1;{code}m{}\x1b[0m", &kind[1..]), 1)
            );
        } else {
            eprintln!("{text}");
        }
    }
}
