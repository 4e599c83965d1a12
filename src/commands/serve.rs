//! `nashr serve`: build into memory, serve on this machine, rebuild what a change affects and
//! reload open pages. The last good site keeps being served while the content has errors; they
//! show in the terminal and as an overlay in the browser.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use nashr::{BuildOptions, Session};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache};
use tiny_http::{Header, Request, Response, Server, StatusCode};

use super::{plural, print_diagnostics};
use crate::Verbosity;

pub struct ServeOptions {
    pub root: PathBuf,
    pub port: u16,
    pub interface: String,
    pub open: bool,
    pub drafts: bool,
}

/// What open pages poll: the site's version (bumped on every good rebuild) and current errors.
#[derive(Default)]
struct Status {
    version: u64,
    errors: Vec<String>,
}

struct Shared {
    session: RwLock<Session>,
    status: Mutex<Status>,
}

const LIVE_JS: &str = include_str!("live.js");
/// How long a burst of file events must be quiet before a rebuild: long enough to see an
/// editor's save (write, rename) as one change, short enough not to be noticed.
const DEBOUNCE: Duration = Duration::from_millis(25);
/// Request-handling threads: enough for a browser's parallel requests and the reload poll.
const WORKERS: usize = 8;

pub fn run(opts: ServeOptions, verbosity: Verbosity) -> ExitCode {
    let server = match listen(&opts.interface, opts.port) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!(
                "error: cannot listen on {}:{}: {e}",
                opts.interface, opts.port
            );
            eprintln!("  = help: another program may use the port; try --port 0 for a free one");
            return ExitCode::FAILURE;
        }
    };
    let port = server.server_addr().to_ip().map_or(opts.port, |a| a.port());
    let address = format!("http://{}:{port}", opts.interface);
    let mut options = BuildOptions::new(&opts.root);
    options.drafts = opts.drafts;
    options.base_url = Some(address.clone());
    let shared = Arc::new(Shared {
        session: RwLock::new(Session::new(options)),
        status: Mutex::new(Status::default()),
    });
    rebuild(&shared, &opts.root, &[], verbosity);
    println!(
        "Serving {} at {address}/ (Ctrl-C to stop)",
        opts.root.display()
    );
    let _ = std::io::stdout().flush();
    let _ = ctrlc::set_handler(|| {
        eprintln!("\nStopped.");
        std::process::exit(0);
    });
    let _watcher = match watch(&opts.root, Arc::clone(&shared), verbosity) {
        Ok(w) => w,
        Err(e) => {
            eprintln!(
                "error: cannot watch {} for changes: {e}",
                opts.root.display()
            );
            return ExitCode::FAILURE;
        }
    };
    if opts.open {
        let _ = std::process::Command::new(if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        })
        .arg(format!("{address}/"))
        .spawn();
    }
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, shared) = (Arc::clone(&server), Arc::clone(&shared));
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    handle(request, &shared);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    ExitCode::SUCCESS
}

/// The server's socket. Accepted connections inherit `TCP_NODELAY` from it (Linux and BSD):
/// without it, every response after the first on a kept-alive connection waited about 40 ms
/// for the browser's delayed acknowledgement (Nagle's algorithm), because tiny_http writes a
/// response's head and body separately.
fn listen(interface: &str, port: u16) -> Result<Server, Box<dyn std::error::Error + Send + Sync>> {
    Server::from_listener(nodelay_listener(interface, port)?, None)
}

fn nodelay_listener(interface: &str, port: u16) -> std::io::Result<std::net::TcpListener> {
    let listener = std::net::TcpListener::bind((interface, port))?;
    socket2::SockRef::from(&listener).set_tcp_nodelay(true)?;
    Ok(listener)
}

/// Runs the session again (after changes to `changed`, or from scratch when it is empty) and
/// records the outcome for the terminal and the open pages.
fn rebuild(shared: &Shared, root: &Path, changed: &[PathBuf], verbosity: Verbosity) {
    let started = Instant::now();
    let result = shared.session.write().map(|mut s| match changed {
        [] => s.run(),
        paths => s.run_changed(paths),
    });
    let Ok(result) = result else { return };
    let mut status = shared.status.lock().unwrap_or_else(|e| e.into_inner());
    match result {
        Ok(report) => {
            print_diagnostics(root, &report.warnings, verbosity);
            if verbosity != Verbosity::Quiet {
                println!(
                    "Built in {} ms: rendered {} of {}.",
                    started.elapsed().as_millis(),
                    report.rendered,
                    plural(report.pages, "page", "pages")
                );
            }
            status.version += 1;
            status.errors.clear();
        }
        Err(failure) => {
            print_diagnostics(root, &failure.errors, verbosity);
            eprintln!(
                "{}; still serving the last good site.",
                plural(failure.errors.len(), "error", "errors")
            );
            status.errors = failure.errors.iter().map(|d| d.to_string()).collect();
        }
    }
}

/// Watches what a portal is made of; a burst of changes (an editor saving) gives one rebuild.
/// Reads (the build's own) are not changes.
fn watch(
    root: &Path,
    shared: Arc<Shared>,
    verbosity: Verbosity,
) -> Result<Debouncer<RecommendedWatcher, RecommendedCache>, String> {
    let root_owned = root.to_path_buf();
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let changed: Vec<PathBuf> = events
            .iter()
            .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
            .flat_map(|e| &e.event.paths)
            .filter(|p| relevant(&root_owned, p))
            .cloned()
            .collect();
        if !changed.is_empty() {
            rebuild(&shared, &root_owned, &changed, verbosity);
        }
    };
    let mut debouncer =
        notify_debouncer_full::new_debouncer(DEBOUNCE, None, handler).map_err(|e| e.to_string())?;
    for dir in ["content", "themes", "i18n", "static", "templates"] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| e.to_string())?;
        }
    }
    // The folder, not the file: editors that save by renaming would leave a watch on the old file.
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| e.to_string())?;
    Ok(debouncer)
}

/// The portal's sources: site.yaml and what is under the watched folders.
fn relevant(root: &Path, path: &Path) -> bool {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let rel = path
        .strip_prefix(&root)
        .or_else(|_| path.strip_prefix(std::path::absolute(&root).unwrap_or_default()));
    match rel.ok().and_then(|r| r.components().next()) {
        Some(first) => {
            let first = first.as_os_str().to_string_lossy();
            first == "site.yaml"
                || ["content", "themes", "i18n", "static", "templates"].contains(&first.as_ref())
        }
        None => false,
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

fn handle(request: Request, shared: &Shared) {
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let response = match path {
        "/__nashr/live.js" => Response::from_string(LIVE_JS)
            .with_header(header("Content-Type", "text/javascript; charset=utf-8")),
        "/__nashr/status" => {
            let status = shared.status.lock().unwrap_or_else(|e| e.into_inner());
            let body =
                serde_json::json!({"version": status.version, "errors": status.errors}).to_string();
            Response::from_string(body)
                .with_header(header("Content-Type", "application/json"))
                .with_header(header("Cache-Control", "no-store"))
        }
        _ => match site_path(path) {
            Some(rel) => serve_file(shared, &rel, path),
            None => not_found(shared),
        },
    };
    // A client that went away mid-response is not an error of the server.
    let _ = request.respond(response);
}

/// The file a request path names inside the site, or `None` for any path that could leave it:
/// `..` or `.` segments (also percent-encoded), encoded slashes or backslashes, NUL bytes.
pub fn site_path(path: &str) -> Option<String> {
    let lower = path.to_ascii_lowercase();
    if lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("%00")
        || path.contains('\\')
    {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" => {}
            "." | ".." => return None,
            s if s.contains('\0') || s.contains('\\') => return None,
            s => parts.push(s),
        }
    }
    let mut rel = parts.join("/");
    if decoded.ends_with('/') || rel.is_empty() {
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str("index.html");
    }
    Some(rel)
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

fn serve_file(shared: &Shared, rel: &str, raw_path: &str) -> Reply {
    // A search index an edit made out of date is made again when it is asked for.
    let stale = shared.session.read().is_ok_and(|s| s.is_stale(rel));
    if stale {
        if let Ok(mut session) = shared.session.write() {
            session.refresh(rel);
        }
    }
    let Ok(session) = shared.session.read() else {
        return not_found(shared);
    };
    let files = session.files();
    if let Some(bytes) = files.generated.get(rel) {
        return with_type(rel, inject(rel, bytes.clone()), 200);
    }
    if let Some(src) = files.copied.get(rel) {
        // Copies come from the portal's own folders; a link there is not followed.
        let is_file = std::fs::symlink_metadata(src).is_ok_and(|m| m.file_type().is_file());
        if let (true, Ok(bytes)) = (is_file, std::fs::read(src)) {
            return with_type(rel, bytes, 200);
        }
    }
    if files.generated.contains_key(&format!("{rel}/index.html")) {
        return Response::from_data(Vec::new())
            .with_status_code(StatusCode(301))
            .with_header(header("Location", &format!("{raw_path}/")));
    }
    drop(session);
    not_found(shared)
}

fn not_found(shared: &Shared) -> Reply {
    let page = shared
        .session
        .read()
        .ok()
        .and_then(|s| s.files().generated.get("404.html").cloned())
        .unwrap_or_else(|| b"Not found".to_vec());
    with_type("404.html", inject("404.html", page), 404)
}

/// Adds the live-reload script to HTML pages.
fn inject(rel: &str, mut bytes: Vec<u8>) -> Vec<u8> {
    if !rel.ends_with(".html") {
        return bytes;
    }
    let tag = b"<script src=\"/__nashr/live.js\"></script>";
    match bytes.windows(7).rposition(|w| w == b"</body>") {
        Some(at) => {
            bytes.splice(at..at, tag.iter().copied());
        }
        None => bytes.extend_from_slice(tag),
    }
    bytes
}

fn with_type(rel: &str, bytes: Vec<u8>, status: u16) -> Reply {
    let ext = rel.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let mime = match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" | "ris" | "bib" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "pdf" => "application/pdf",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    };
    Response::from_data(bytes)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", mime))
        .with_header(header("Cache-Control", "no-cache"))
}

#[cfg(test)]
mod tests {
    use super::{nodelay_listener, site_path};

    #[cfg(any(target_os = "linux", target_os = "macos"))]
    #[test]
    fn accepted_connections_do_not_wait_to_send() {
        let listener = nodelay_listener("127.0.0.1", 0).expect("binds");
        let address = listener.local_addr().expect("address");
        let _client = std::net::TcpStream::connect(address).expect("connects");
        let (accepted, _) = listener.accept().expect("accepts");
        assert!(accepted.nodelay().expect("reads the option"));
    }

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            site_path("/en/outputs/").as_deref(),
            Some("en/outputs/index.html")
        );
        assert_eq!(
            site_path("/files/outputs/x/a%20b.pdf").as_deref(),
            Some("files/outputs/x/a b.pdf")
        );
        for bad in [
            "/../etc/passwd",
            "/en/../../x",
            "/%2e%2e/x",
            "/%2E%2E/%2e%2e/etc",
            "/a%2fb",
            "/a%5cb",
            "/a\\b",
            "/%00",
            "/./x",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }
}
