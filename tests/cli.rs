//! The command line as a person uses it: `serve` over a real loopback connection, `check`'s
//! report and exit codes, `new` and `init` producing portals that build, diagnostics with carets.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestSite;

fn nashr() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nashr"))
}

fn small_portal() -> TestSite {
    let site = TestSite::trilingual();
    site.write(
        "content/authors/dastak.md",
        "---\nname: Dastak\nkind: organisation\n---\nAn NGO.\n",
    );
    site.write("content/outputs/report/index.md", "---\ntitle: First title\ntype: report\ndate: 2021-06-30\nauthors: [dastak]\nabstract: Short.\n---\nBody.\n");
    site.write("content/outputs/report/summary.pdf", "%PDF-1.4\n");
    site
}

/// A running `nashr serve`, stopped when dropped.
struct Served {
    child: Child,
    port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &Path) -> Served {
    let mut child = nashr()
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nashr serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // Keep reading stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Served { child, port }
}

/// A raw HTTP/1.1 GET (the path is sent exactly as given): status and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

fn status_json(port: u16) -> serde_json::Value {
    serde_json::from_str(&get(port, "/__nashr/status").1).unwrap()
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serve_rebuilds_on_change_and_signals_reload() {
    let site = small_portal();
    let server = serve(site.root());
    let (code, page) = get(server.port, "/en/outputs/report/");
    assert_eq!(code, 200);
    assert!(page.contains("First title"));
    assert!(
        page.contains("/__nashr/live.js"),
        "live-reload script injected"
    );
    let v0 = status_json(server.port)["version"].as_u64().unwrap();
    site.write("content/outputs/report/index.md", "---\ntitle: Second title\ntype: report\ndate: 2021-06-30\nauthors: [dastak]\nabstract: Short.\n---\nBody.\n");
    wait_for("the reload signal", || {
        status_json(server.port)["version"].as_u64().unwrap() > v0
    });
    assert!(get(server.port, "/en/outputs/report/")
        .1
        .contains("Second title"));
    assert!(
        get(server.port, "/fr/outputs/report/")
            .1
            .contains("Second title"),
        "every language rebuilt"
    );
    // A broken file: the error is reported and the last good site is still served.
    site.write(
        "content/outputs/report/index.md",
        "---\ntitle: Broken\ntype: reprot\ndate: 2021-06-30\n---\n",
    );
    wait_for("the error", || {
        !status_json(server.port)["errors"]
            .as_array()
            .unwrap()
            .is_empty()
    });
    let errors = status_json(server.port)["errors"].to_string();
    assert!(errors.contains("unknown type `reprot`"), "{errors}");
    assert!(get(server.port, "/en/outputs/report/")
        .1
        .contains("Second title"));
}

#[test]
fn serve_only_serves_the_site() {
    let site = small_portal();
    let server = serve(site.root());
    for path in [
        "/../site.yaml",
        "/en/../../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/files%2f..%2fsite.yaml",
        "/en%5c..%5csite.yaml",
    ] {
        let (code, body) = get(server.port, path);
        assert_eq!(code, 404, "{path}");
        assert!(!body.contains("base_url"), "{path}");
    }
    assert_eq!(get(server.port, "/files/outputs/report/summary.pdf").0, 200);
    assert_eq!(get(server.port, "/en/outputs").0, 301);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            site.root().join("site.yaml"),
            site.root().join("content/outputs/report/leak.txt"),
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(600));
        assert_eq!(get(server.port, "/files/outputs/report/leak.txt").0, 404);
    }
}

#[test]
fn serve_survives_bursts_and_clients_that_leave() {
    let site = small_portal();
    let server = serve(site.root());
    for _ in 0..20 {
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        let _ = s.write_all(b"GET /en/ HTTP/1.1\r\nHost: x\r\n\r\n");
        drop(s); // gone before the answer
    }
    let port = server.port;
    let handles: Vec<_> = (0..64)
        .map(|i| {
            std::thread::spawn(move || {
                get(port, if i % 2 == 0 { "/en/" } else { "/ur/outputs/" }).0
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 200);
    }
}

#[test]
fn check_reports_problems_coverage_and_exit_codes() {
    let site = small_portal();
    site.write(
        "content/outputs/report/index.fr.md",
        "---\ntitle: Premier titre\n---\n",
    );
    site.write("content/outputs/noabstract/index.md", "---\ntitle: No abstract\ntype: brief\ndate: 2021\nauthors: [dastak]\n---\nFirst paragraph [x](@/outputs/nowhere).\n");
    site.write("content/outputs/noabstract/orphan.txt", "nobody lists me");
    site.write("content/authors/lonely.md", "---\nname: Lonely\n---\n");
    let out = nashr()
        .args(["check", "--format", "json", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = report["warnings"].to_string();
    assert!(
        warnings.contains("content/outputs/noabstract/: warning: this output has no `abstract`"),
        "{warnings}"
    );
    assert!(
        warnings.contains("orphan.txt: warning: no `files:` entry lists this file"),
        "{warnings}"
    );
    assert!(
        warnings.contains("content/authors/lonely.md: warning: this author has no outputs"),
        "{warnings}"
    );
    assert!(
        warnings.contains("internal link `@/outputs/nowhere` leads to no page"),
        "{warnings}"
    );
    let outputs = &report["coverage"][0];
    assert_eq!(outputs["kind"], "outputs");
    assert_eq!(outputs["total"], 2);
    assert_eq!(outputs["languages"][1]["language"], "fr");
    assert_eq!(outputs["languages"][1]["translated"], 1);
    assert_eq!(outputs["languages"][1]["fallback"], 1);
    assert!(!site.root().join("public").exists(), "check writes nothing");
    let strict = nashr()
        .args(["check", "--strict", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(2));
    let text = String::from_utf8_lossy(&strict.stdout);
    assert!(text.contains("Translation coverage"), "{text}");
    site.write(
        "content/outputs/report/index.md",
        "---\ntitle: X\ntype: report\ndate: 2021-13\n---\n",
    );
    let failed = nashr()
        .args(["check", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
}

#[test]
fn build_errors_show_the_line_with_a_caret() {
    let site = small_portal();
    site.write(
        "content/outputs/report/index.md",
        "---\ntitle: X\ntype: report\ndate: 2021-06-30\nauthors: [dastk]\n---\n",
    );
    let out = nashr()
        .args(["build", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error: unknown author `dastk`\n  --> content/outputs/report/index.md:5:11\n"),
        "{err}"
    );
    assert!(
        err.contains("5 | authors: [dastk]\n  |           ^^^^^\n  = help: did you mean `dastak`?"),
        "{err}"
    );
    assert!(!err.contains("\x1b["), "no colour when not on a terminal");
    assert!(
        err.contains("Build failed with 1 error; nothing was written."),
        "{err}"
    );
}

#[test]
fn new_writes_every_language_and_refuses_to_overwrite() {
    let site = small_portal();
    let out = nashr()
        .args(["new", "output", "my-report", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for lang in ["en", "fr", "ur"] {
        assert!(site
            .root()
            .join(format!("content/outputs/my-report/index.{lang}.md"))
            .is_file());
    }
    for kind in ["project", "author", "topic", "page"] {
        let out = nashr()
            .args(["new", kind, &format!("new-{kind}"), "--root"])
            .arg(site.root())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let before = std::fs::read(site.root().join("content/outputs/my-report/index.en.md")).unwrap();
    let again = nashr()
        .args(["new", "output", "my-report", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("the file exists already"));
    assert_eq!(
        std::fs::read(site.root().join("content/outputs/my-report/index.en.md")).unwrap(),
        before
    );
    let built = site.built();
    assert_eq!(
        built
            .html("fr/outputs/my-report/index.html")
            .text(".kicker"),
        "Rapport"
    );
    assert!(built.exists("ur/new-page/index.html"));
}

#[test]
fn init_makes_a_portal_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("portal");
    let out = nashr().arg("init").arg(&dir).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let built = common::build_into(&dir, &dir.join("public"))
        .unwrap_or_else(|f| panic!("{}", common::text(&f.errors)));
    assert_eq!(built.html("ur/index.html").attr("html", "dir"), "rtl");
    assert!(built.exists("fr/outputs/first-report/index.html"));
    let again = nashr().arg("init").arg(&dir).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    let es = tmp.path().join("es");
    assert!(nashr()
        .args(["init", "--languages", "es,ar"])
        .arg(&es)
        .status()
        .unwrap()
        .success());
    let built = common::build_into(&es, &es.join("public"))
        .unwrap_or_else(|f| panic!("{}", common::text(&f.errors)));
    assert_eq!(built.html("ar/index.html").attr("html", "dir"), "rtl");
}

#[test]
fn quiet_and_verbose() {
    let site = small_portal();
    let quiet = nashr()
        .args(["build", "--quiet", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(quiet.status.success());
    assert!(
        quiet.stdout.is_empty() && quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    let verbose = nashr()
        .args(["build", "--verbose", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&verbose.stderr);
    for stage in ["load", "resolve", "render", "exports"] {
        assert!(
            err.lines()
                .any(|l| l.trim_start().starts_with(stage) && l.ends_with(" ms")),
            "{err}"
        );
    }
    assert!(String::from_utf8_lossy(&verbose.stdout).starts_with("Built 3 languages in "));
}
