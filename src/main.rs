//! The `nashr` command line: parse arguments, run a command, print diagnostics, set the exit code.

mod commands;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// mimalloc instead of the system allocator: a build allocates millions of small strings from
/// several threads, where glibc's allocator spent about a tenth of the time and fragmented.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t`, mimalloc.h, in versions 2
/// and 3; the Rust bindings leave the options out "for stability reasons").
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps the memory nashr frees for its next allocations instead of handing it back to the
/// system a second later. A build frees and takes back its working memory stage after stage,
/// and the kernel zeroes every page it hands out again: at 10,000 outputs that was a tenth of
/// the build's CPU time (docs/benchmarks.md). The peak memory stays the same.
fn keep_freed_memory() {
    // SAFETY: sets one integer option, before any other thread exists (the setter is not
    // thread-safe); mimalloc reads it when it next considers purging.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

#[derive(Parser)]
#[command(
    name = "nashr",
    version,
    about = "Builds multilingual research portals from Markdown"
)]
struct Cli {
    /// Print only errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print timings and details.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

/// How much to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKindArg {
    Output,
    Project,
    Author,
    Topic,
    Page,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
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
    /// Build, serve on this machine, rebuild on every change and reload open pages.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; the default keeps the site on this machine.
        #[arg(long, default_value = "127.0.0.1")]
        interface: String,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        #[arg(long)]
        drafts: bool,
    },
    /// Check everything without writing: errors, warnings and translation coverage.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Exit with status 2 when there are warnings.
        #[arg(long)]
        strict: bool,
        /// Attached files larger than this (in MB) are reported.
        #[arg(long, default_value_t = 20)]
        max_file_mb: u64,
    },
    /// Write the starting files of a new item in every language.
    New {
        #[arg(value_enum)]
        kind: NewKindArg,
        slug: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Create a new portal that builds at once.
    Init {
        dir: PathBuf,
        #[arg(long, default_value = "Research portal")]
        title: String,
        /// Language codes, the first being the default.
        #[arg(long, value_delimiter = ',', default_value = "en,fr,ur")]
        languages: Vec<String>,
    },
}

fn main() -> ExitCode {
    keep_freed_memory();
    let cli = Cli::parse();
    let verbosity = match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (_, true) => Verbosity::Verbose,
        _ => Verbosity::Normal,
    };
    match cli.command {
        Command::Build {
            root,
            output,
            drafts,
            base_url,
        } => {
            let mut options = nashr::BuildOptions::new(root);
            if let Some(out) = output {
                options.output = out;
            }
            options.drafts = drafts;
            options.base_url = base_url;
            commands::build::run(&options, verbosity)
        }
        Command::Serve {
            root,
            port,
            interface,
            open,
            drafts,
        } => commands::serve::run(
            commands::serve::ServeOptions {
                root,
                port,
                interface,
                open,
                drafts,
            },
            verbosity,
        ),
        Command::Check {
            root,
            format,
            strict,
            max_file_mb,
        } => commands::check::run(&root, format, strict, max_file_mb, verbosity),
        Command::New { kind, slug, root } => {
            let kind = match kind {
                NewKindArg::Output => nashr::scaffold::NewKind::Output,
                NewKindArg::Project => nashr::scaffold::NewKind::Project,
                NewKindArg::Author => nashr::scaffold::NewKind::Author,
                NewKindArg::Topic => nashr::scaffold::NewKind::Topic,
                NewKindArg::Page => nashr::scaffold::NewKind::Page,
            };
            commands::new::run(&root, kind, &slug, verbosity)
        }
        Command::Init {
            dir,
            title,
            languages,
        } => commands::init::run(&dir, &title, &languages, verbosity),
    }
}
