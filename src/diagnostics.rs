//! diagnostics — shared by every stage. A `Diagnostic` is one problem in the user's portal, located
//! as precisely as we can; this module also makes "did you mean" suggestions and renders diagnostics
//! for a terminal.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors stop the build, warnings are printed and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the user's content, located as precisely as we can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the portal root when it lies inside it.
    pub path: PathBuf,
    /// 1-based line and column in the *file* (not in the front-matter block).
    pub pos: Option<(usize, usize)>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            pos: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, message)
        }
    }

    pub fn at(mut self, pos: Option<(usize, usize)>) -> Self {
        self.pos = pos;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds "did you mean `x`?" when one of `candidates` is close to `value`.
    pub fn suggest<'a>(self, value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        match did_you_mean(value, candidates) {
            Some(best) => self.with_help(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A stable order for reports: by file, then position, then message.
    pub(crate) fn sort(list: &mut [Diagnostic]) {
        list.sort_by(|a, b| {
            (&a.path, a.pos, &a.message, a.severity).cmp(&(&b.path, b.pos, &b.message, b.severity))
        });
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: message`, then an optional `  help: …` line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, col)) = self.pos {
            write!(f, ":{line}:{col}")?;
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {kind}: {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// For a person at a terminal: the message, the place, the offending line of the file with a
    /// caret under the value, and the help. `colour` adds ANSI colours (only on a terminal).
    pub fn render(&self, root: &Path, colour: bool) -> String {
        let paint = |code: &str, text: &str| {
            if colour {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_owned()
            }
        };
        let (label, code) = match self.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        let mut out = format!("{}: {}\n", paint(code, label), paint("1", &self.message));
        let place = match self.pos {
            Some((line, col)) => format!("{}:{line}:{col}", self.path.display()),
            None => self.path.display().to_string(),
        };
        out.push_str(&format!("  {} {place}\n", paint("34", "-->")));
        if let Some((line, col)) = self.pos {
            if let Some(text) = source_line(&root.join(&self.path), line) {
                let width = line.to_string().len();
                let gutter = paint("34", &format!("{:width$} |", ""));
                let shown: String = text.chars().take(160).collect();
                out.push_str(&format!(
                    "{gutter}\n{} {shown}\n",
                    paint("34", &format!("{line:width$} |"))
                ));
                let underline = "^".repeat(value_width(&self.message, &text, col).max(1));
                let pad = " ".repeat(col.saturating_sub(1).min(160));
                out.push_str(&format!("{gutter} {pad}{}\n", paint(code, &underline)));
            }
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("  {} {help}\n", paint("1;36", "= help:")));
        }
        out
    }
}

/// Line `n` (1-based) of a text file, if it can be read.
fn source_line(path: &Path, n: usize) -> Option<String> {
    let text = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.split(['\n', '\r'])
        .filter(|_| true)
        .nth(n - 1)
        .map(str::to_owned)
}

/// How many characters to underline: the first backticked value of the message when the line
/// has it at `col`, else the word at `col`.
fn value_width(message: &str, line: &str, col: usize) -> usize {
    let at: String = line.chars().skip(col.saturating_sub(1)).collect();
    if let Some(value) = message.split('`').nth(1) {
        if !value.is_empty() && at.starts_with(value) {
            return value.chars().count();
        }
    }
    at.chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
        .count()
}

/// The candidate closest to `value`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    value: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let value_lower = value.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let c_lower = c.to_lowercase();
            let score = strsim::normalized_damerau_levenshtein(&value_lower, &c_lower);
            // Short codes (`fe` for `fr`) are close at one edit even though half differs.
            let one_edit = strsim::damerau_levenshtein(&value_lower, &c_lower) == 1;
            (if one_edit { score.max(0.7) } else { score }, c)
        })
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// Makes `path` relative to `root` for display, when it lies inside it.
pub(crate) fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_slug() {
        let slugs = ["fawad-mahnoor", "dastak", "hina-jilani"];
        assert_eq!(did_you_mean("fawad-mahnor", slugs), Some("fawad-mahnoor"));
        assert_eq!(did_you_mean("Dastak", slugs), Some("dastak"));
        assert_eq!(did_you_mean("unrelated-thing", slugs), None);
    }

    #[test]
    fn renders_the_line_with_a_caret() {
        let dir = std::env::temp_dir().join(format!("nashr-diag-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.md"),
            "---\ntitle: A\nauthors: [dastak, fawad-mahnor]\n---\n",
        )
        .unwrap();
        let d = Diagnostic::error("a.md", "unknown author `fawad-mahnor`")
            .at(Some((3, 19)))
            .with_help("did you mean `fawad-mahnoor`?");
        let text = d.render(&dir, false);
        assert_eq!(
            text,
            "error: unknown author `fawad-mahnor`\n  --> a.md:3:19\n  |\n3 | authors: [dastak, fawad-mahnor]\n  |                   ^^^^^^^^^^^^\n  = help: did you mean `fawad-mahnoor`?\n"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn renders_location_and_help() {
        let d = Diagnostic::error("content/a.md", "unknown author `x`")
            .at(Some((4, 5)))
            .with_help("did you mean `y`?");
        assert_eq!(
            d.to_string(),
            "content/a.md:4:5: error: unknown author `x`\n  help: did you mean `y`?"
        );
    }
}
