//! output — stage 4, the only module that writes to disk. Input: the rendered files and the
//! files to copy. Output: the site folder, swapped in whole at the end so that a failed build
//! leaves the previous site exactly as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::session::SiteFiles;

/// Refuses an output folder whose replacement would destroy the portal or more.
pub(crate) fn check_output_dir(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalize(&p)
    };
    let (root, out) = (abs(root), abs(out));
    let root = root.canonicalize().unwrap_or(root);
    let out = match (out.parent(), out.file_name()) {
        (Some(parent), Some(name)) => parent
            .canonicalize()
            .unwrap_or(parent.to_path_buf())
            .join(name),
        _ => out,
    };
    let refuse = |why: &str| {
        Err(Diagnostic::error(
            &out,
            format!(
                "refusing to use `{}` as the output folder: {why}",
                out.display()
            ),
        )
        .with_help("choose a new folder of its own, e.g. `--output public`"))
    };
    if out.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    if out == root {
        return refuse("it is the portal itself");
    }
    if root.starts_with(&out) {
        return refuse("it contains the portal");
    }
    for own in ["content", "static", "themes", "i18n", "templates"] {
        if out.starts_with(root.join(own)) {
            return refuse(&format!("it is inside the portal's `{own}/` folder"));
        }
    }
    Ok(())
}

/// Removes `.` and `..` components without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The list of files nashr wrote, kept in the output folder to tell them from files put there
/// by hand (which are reported before the folder is replaced).
pub(crate) const MANIFEST: &str = ".nashr-files";

/// Files of the current output folder that the last build did not write (by its manifest).
fn foreign_files(out: &Path) -> Vec<String> {
    let Ok(manifest) = fs::read_to_string(out.join(MANIFEST)) else {
        // No manifest: a folder nashr never wrote; every file in it is foreign.
        return list_files(out);
    };
    let ours: std::collections::HashSet<&str> = manifest.lines().collect();
    list_files(out)
        .into_iter()
        .filter(|f| !ours.contains(f.as_str()) && f != MANIFEST)
        .collect()
}

fn list_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            e.path()
                .strip_prefix(dir)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    files.sort();
    files
}

/// Writes everything into a staging folder beside `out`, then swaps it in. Returns warnings
/// naming the files of the previous folder that nashr had not written (they are removed with it).
pub(crate) fn write(out: &Path, files: &SiteFiles) -> Result<Vec<Diagnostic>, Diagnostic> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let staging = parent.join(format!(".{name}.nashr-staging"));
    let old = parent.join(format!(".{name}.nashr-old"));
    let fail = |what: &str, path: &Path, e: io::Error| {
        Diagnostic::error(path, format!("cannot {what}: {e}"))
            .with_help("check that the output folder's parent is writable and the disk is not full")
    };
    fs::create_dir_all(parent).map_err(|e| fail("create the folder", parent, e))?;
    remove_if_present(&staging).map_err(|e| fail("clear the staging folder", &staging, e))?;
    fs::create_dir_all(&staging).map_err(|e| fail("create the staging folder", &staging, e))?;

    let written: Result<(), Diagnostic> = files
        .generated
        .par_iter()
        .map(|(path, bytes)| {
            let dest = staging.join(path);
            ensure_parent(&dest)
                .and_then(|_| fs::write(&dest, bytes))
                .map_err(|e| fail("write", &dest, e))
        })
        .chain(files.copied.par_iter().map(|(dest, src)| {
            let dest = staging.join(dest);
            ensure_parent(&dest)
                .and_then(|_| fs::copy(src, &dest).map(drop))
                .map_err(|e| fail("copy", src, e))
        }))
        .collect();
    if let Err(e) = written {
        let _ = remove_if_present(&staging);
        return Err(e);
    }
    let manifest: String = files
        .generated
        .keys()
        .chain(files.copied.keys())
        .map(|p| format!("{p}\n"))
        .collect();
    fs::write(staging.join(MANIFEST), manifest)
        .map_err(|e| fail("write", &staging.join(MANIFEST), e))?;
    let foreign: Vec<Diagnostic> = if out.is_dir() {
        foreign_files(out)
            .into_iter()
            .map(|f| {
                Diagnostic::warning(
                    out.join(&f),
                    "this file was not written by nashr and is removed with the previous site",
                )
                .with_help("put files to publish in the portal's static/ folder")
            })
            .collect()
    } else {
        Vec::new()
    };

    remove_if_present(&old).map_err(|e| fail("clear", &old, e))?;
    let had_previous = out.exists();
    if had_previous {
        fs::rename(out, &old).map_err(|e| fail("move the previous site aside", out, e))?;
    }
    if let Err(e) = fs::rename(&staging, out) {
        if had_previous {
            let _ = fs::rename(&old, out);
        }
        return Err(fail("move the new site into place", out, e));
    }
    if had_previous {
        remove_if_present(&old).map_err(|e| fail("remove the previous site", &old, e))?;
    }
    Ok(foreign)
}

fn ensure_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(p) => fs::create_dir_all(p),
        None => Ok(()),
    }
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}
