//! output — the only module that writes to disk. Pages are written into a staging folder as they
//! are rendered (so a build never holds the whole site in memory), and the staging folder is
//! swapped in whole at the end, so that a failed build leaves the previous site exactly as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::OutFile;

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

/// The folder a new site is written into, beside the output folder, while it is being built;
/// `finish` swaps it in. Dropped unfinished (the build failed), it is removed and the previous
/// site stays exactly as it was.
pub(crate) struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// Whether there is a previous site to link unchanged files from.
    previous: bool,
    finished: bool,
}

fn io_error(what: &str, path: &Path, e: io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("cannot {what}: {e}"))
        .with_help("check that the output folder's parent is writable and the disk is not full")
}

impl Staging {
    /// Creates an empty staging folder for the output folder `out`.
    pub(crate) fn create(out: &Path) -> Result<Self, Diagnostic> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let staging = Self {
            out: out.to_path_buf(),
            dir: parent.join(format!(".{name}.nashr-staging")),
            old: parent.join(format!(".{name}.nashr-old")),
            previous: out.is_dir(),
            finished: false,
        };
        fs::create_dir_all(parent).map_err(|e| io_error("create the folder", parent, e))?;
        remove_if_present(&staging.dir)
            .map_err(|e| io_error("clear the staging folder", &staging.dir, e))?;
        fs::create_dir_all(&staging.dir)
            .map_err(|e| io_error("create the staging folder", &staging.dir, e))?;
        Ok(staging)
    }

    /// Writes one file of the new site (`path` is `/`-separated, under the site root).
    pub(crate) fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let dest = self.dir.join(path);
        let same = |previous: &Path| {
            fs::metadata(previous).is_ok_and(|m| m.len() == bytes.len() as u64)
                && fs::read(previous).is_ok_and(|old| old == bytes)
        };
        if self.reuse(path, &dest, same) {
            return Ok(());
        }
        creating_parent(&dest, |d| fs::write(d, bytes)).map_err(|e| io_error("write", &dest, e))
    }

    /// Writes `file` and drops its bytes, keeping its path.
    pub(crate) fn take(&self, file: &mut OutFile) -> Result<(), Diagnostic> {
        self.put(&file.path, &file.bytes)?;
        file.bytes = Vec::new();
        Ok(())
    }

    /// Copies a portal file into the new site at `path`.
    pub(crate) fn copy(&self, path: &str, src: &Path) -> Result<(), Diagnostic> {
        let dest = self.dir.join(path);
        if self.reuse(path, &dest, |previous| same_contents(src, previous)) {
            return Ok(());
        }
        creating_parent(&dest, |d| fs::copy(src, d).map(drop)).map_err(|e| io_error("copy", src, e))
    }

    /// Links the previous site's file at `path` into the new site, at `dest`, when `same` says
    /// it already holds what the new one would. Most files of a rebuild are unchanged; a link
    /// allocates no inode, where writing them all anew just after the previous ones were
    /// deleted makes ext4 scan its inode tables (docs/benchmarks.md). Unchanged files also keep
    /// their modification time, so an `rsync` upload skips them.
    fn reuse(&self, path: &str, dest: &Path, same: impl FnOnce(&Path) -> bool) -> bool {
        if !self.previous {
            return false;
        }
        let previous = self.out.join(path);
        // Only a regular file: a link to anything else would publish what it points at.
        let regular = fs::symlink_metadata(&previous).is_ok_and(|m| m.file_type().is_file());
        regular && same(&previous) && creating_parent(dest, |d| fs::hard_link(&previous, d)).is_ok()
    }

    /// Writes the manifest of `paths` (every file written), then swaps the new site in. Returns
    /// warnings naming the files of the previous folder that nashr had not written (they are
    /// removed with it).
    pub(crate) fn finish<'a>(
        mut self,
        paths: impl Iterator<Item = &'a str>,
    ) -> Result<Vec<Diagnostic>, Diagnostic> {
        let mut manifest: Vec<&str> = paths.collect();
        manifest.sort_unstable();
        let mut text = String::with_capacity(manifest.iter().map(|p| p.len() + 1).sum());
        for p in manifest {
            text.push_str(p);
            text.push('\n');
        }
        let manifest_path = self.dir.join(MANIFEST);
        fs::write(&manifest_path, text).map_err(|e| io_error("write", &manifest_path, e))?;
        let (out, old) = (&self.out, &self.old);
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
        remove_if_present(old).map_err(|e| io_error("clear", old, e))?;
        let had_previous = out.exists();
        if had_previous {
            fs::rename(out, old).map_err(|e| io_error("move the previous site aside", out, e))?;
        }
        if let Err(e) = fs::rename(&self.dir, out) {
            if had_previous {
                let _ = fs::rename(old, out);
            }
            return Err(io_error("move the new site into place", out, e));
        }
        self.finished = true;
        if had_previous {
            remove_if_present(old).map_err(|e| io_error("remove the previous site", old, e))?;
        }
        Ok(foreign)
    }
}

/// With `into`, writes `files` there (in parallel) and returns them without their bytes; without,
/// returns them as they are.
pub(crate) fn settle(
    mut files: Vec<OutFile>,
    into: Option<&Staging>,
) -> Result<Vec<OutFile>, Diagnostic> {
    if let Some(staging) = into {
        files.par_iter_mut().try_for_each(|f| staging.take(f))?;
    }
    Ok(files)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = remove_if_present(&self.dir);
        }
    }
}

/// Whether two files hold the same bytes (read in blocks, so large attachments are not loaded
/// whole).
fn same_contents(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    if ma.len() != mb.len() {
        return false;
    }
    let (Ok(fa), Ok(fb)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    let (mut ra, mut rb) = (io::BufReader::new(fa), io::BufReader::new(fb));
    let (mut ba, mut bb) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = match ra.read(&mut ba) {
            Ok(0) => return rb.read(&mut bb).is_ok_and(|m| m == 0),
            Ok(n) => n,
            Err(_) => return false,
        };
        if rb.read_exact(&mut bb[..n]).is_err() || ba[..n] != bb[..n] {
            return false;
        }
    }
}

/// Runs `make` to create the file `path`; when it fails for want of the folder, creates the folder
/// and runs it again. In this order because the folder usually exists by then: one system call,
/// where making sure of the folder first takes three.
fn creating_parent(path: &Path, make: impl Fn(&Path) -> io::Result<()>) -> io::Result<()> {
    match make(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            make(path)
        }
        done => done,
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
