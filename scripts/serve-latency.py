#!/usr/bin/env python3
"""Edit-to-visible latency of `nashr serve`: how long after an output's Markdown file is saved the
served page shows the change. A benchmark, not a test (python3 standard library only).

    python3 scripts/serve-latency.py --nashr target/release/nashr --root COPY_OF_A_PORTAL \
        [--edits 20] [--slug SLUG] [--lang en] [--port 0] [--in-place] [--json FILE] [--log FILE]

The portal under --root is edited (and restored at the end): run it on a copy. The script starts
`nashr serve --root ROOT --port PORT`, waits for the first build to be served, then --edits times
appends a unique word (`latencyprobe...`) as a last paragraph of the body of
content/outputs/<slug>/index.<lang>.md and polls GET /<lang>/outputs/<slug>/ every --poll-ms until
the served HTML contains it. Latency = t1 (the first response with the word) - t0 (just before the
first file-system operation of the save). Saves write the whole file to a temporary file in the same
folder and rename it over the original, as editors do; --in-place rewrites the file where it is.
Between edits it waits for --quiet-ms without a new rebuild. serve's stdout and stderr go to --log;
the `Built in X ms: rendered A of B` lines of each edit are reported next to its latency.

Prints each latency, then median, min, max and p90 (linear interpolation, statistics.quantiles
"inclusive") in ms; --json FILE writes them with the per-edit details. The server is always stopped
(SIGINT, then SIGKILL after --stop-timeout seconds).
"""

import argparse
import http.client
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

BUILT_RE = re.compile(r"Built in (\d+) ms: rendered (\d+) of ([\d,]+) pages?")
SERVING_RE = re.compile(r"Serving .* at (http://[^/\s]+)/")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--nashr", required=True, help="the nashr binary")
    p.add_argument("--root", required=True, help="a COPY of a portal (it is edited)")
    p.add_argument("--edits", type=int, default=20, help="number of measured edits (default 20)")
    p.add_argument("--slug", help="output to edit (default: the first alphabetically)")
    p.add_argument("--lang", default="en", help="language of the file edited and page polled")
    p.add_argument("--port", type=int, default=0, help="port for serve (default 0: a free one)")
    p.add_argument("--interface", default="127.0.0.1")
    p.add_argument("--in-place", action="store_true",
                   help="rewrite the file in place instead of write-temporary-then-rename")
    p.add_argument("--poll-ms", type=float, default=2.0, help="poll interval (default 2 ms)")
    p.add_argument("--quiet-ms", type=float, default=300.0,
                   help="quiet time without a rebuild between edits (default 300 ms)")
    p.add_argument("--edit-timeout", type=float, default=300.0,
                   help="seconds to wait for one edit to show (default 300)")
    p.add_argument("--startup-timeout", type=float, default=900.0,
                   help="seconds to wait for the first build (default 900)")
    p.add_argument("--stop-timeout", type=float, default=10.0,
                   help="seconds between SIGINT and SIGKILL when stopping (default 10)")
    p.add_argument("--json", help="write the results to this JSON file")
    p.add_argument("--log", help="serve's stdout+stderr (default: a new file in $TMPDIR)")
    return p.parse_args()


class Log:
    """serve's combined output, read incrementally from its log file."""

    def __init__(self, path):
        self.path = path
        self.offset = 0

    def new_text(self):
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            data = f.read()
        # Only whole lines; a partial last line is read next time.
        cut = data.rfind(b"\n") + 1
        self.offset += cut
        return data[:cut].decode("utf-8", "replace")

    def tail(self, n=30):
        try:
            with open(self.path, "rb") as f:
                return "\n".join(f.read().decode("utf-8", "replace").splitlines()[-n:])
        except OSError:
            return ""


class Client:
    """A new connection for every request: on a kept-alive connection each request after the first
    waits ~40 ms (server-side Nagle against the client's delayed ACK), which would swamp a 2 ms
    poll; a fresh local connection costs well under 1 ms."""

    def __init__(self, host, port):
        self.host, self.port = host, port

    def get(self, path, timeout=600):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request("GET", path, headers={"Cache-Control": "no-cache", "Connection": "close"})
            r = conn.getresponse()
            return r.status, r.read()
        finally:
            conn.close()

    def status(self):
        code, body = self.get("/__nashr/status")
        if code != 200:
            raise RuntimeError(f"/__nashr/status answered {code}")
        return json.loads(body)



def pick_slug(root, lang, slug):
    outputs = os.path.join(root, "content", "outputs")
    if slug:
        path = os.path.join(outputs, slug, f"index.{lang}.md")
        if not os.path.isfile(path):
            sys.exit(f"serve-latency: {path} not found")
        return slug, path
    for name in sorted(os.listdir(outputs)):
        path = os.path.join(outputs, name, f"index.{lang}.md")
        if os.path.isfile(path):
            return name, path
    sys.exit(f"serve-latency: no content/outputs/*/index.{lang}.md under {root}")


def save(path, text, in_place):
    """Writes `text` to `path`: in place, or to a temporary file in the same folder then renamed
    over `path` (what most editors do)."""
    data = text.encode("utf-8")
    if in_place:
        with open(path, "wb") as f:
            f.write(data)
        return
    folder, name = os.path.split(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def with_marker(original, marker):
    """The file with `marker` as a new last paragraph of the body."""
    return original.rstrip("\n") + f"\n\n{marker}\n"


def builds_in(text):
    return [
        {"ms": int(m.group(1)), "rendered": int(m.group(2)), "pages": int(m.group(3).replace(",", ""))}
        for m in BUILT_RE.finditer(text)
    ]


def pct(values, q):
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def start_server(args, log_path):
    log = open(log_path, "wb")
    cmd = [args.nashr, "serve", "--root", args.root, "--port", str(args.port),
           "--interface", args.interface]
    # A session of its own: a Ctrl-C in the terminal reaches this script, which stops the server.
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    log.close()
    return proc


def stop_server(proc, timeout):
    if proc.poll() is not None:
        return proc.returncode
    try:
        proc.send_signal(signal.SIGINT)
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        print(f"serve-latency: server did not stop {timeout:.0f} s after SIGINT; killing it",
              file=sys.stderr)
        proc.kill()
        return proc.wait()


def wait_for_start(proc, log, timeout):
    """The server's address, once the first build is served (the `Serving ... at` line, then
    /__nashr/status answering)."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text += log.new_text()
        m = SERVING_RE.search(text)
        if m:
            return m.group(1), text
        if proc.poll() is not None:
            raise RuntimeError(f"nashr serve exited with {proc.returncode}:\n{log.tail()}")
        time.sleep(0.05)
    raise RuntimeError(f"first build not served after {timeout:.0f} s:\n{log.tail()}")


def main():
    args = parse_args()
    # SIGTERM (e.g. from a timeout) runs the finally blocks too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    args.nashr = os.path.realpath(args.nashr)
    args.root = os.path.realpath(args.root)
    slug, path = pick_slug(args.root, args.lang, args.slug)
    page = f"/{args.lang}/outputs/{slug}/"
    with open(path, encoding="utf-8") as f:
        original = f.read()
    log_path = args.log or tempfile.mkstemp(prefix="nashr-serve-latency.", suffix=".log")[1]
    log_path = os.path.abspath(log_path)
    mode = "in-place" if args.in_place else "temp+rename"
    token = f"{os.getpid()}x{int(time.time()) % 100000}"
    print(f"serve-latency: {args.nashr} serve --root {args.root}")
    print(f"  editing {os.path.relpath(path, args.root)} ({mode}), polling {page} every "
          f"{args.poll_ms:g} ms; serve's output in {log_path}")

    results = []
    errors_seen = []
    proc = None
    started = time.monotonic()
    try:
        proc = start_server(args, log_path)
        log = Log(log_path)
        address, startup_text = wait_for_start(proc, log, args.startup_timeout)
        startup_s = time.monotonic() - started
        host, port = address[len("http://"):].rsplit(":", 1)
        client = Client(host, int(port))
        st = client.status()
        code, body = client.get(page)
        if code != 200:
            raise RuntimeError(f"GET {page} answered {code} before any edit")
        if st["errors"]:
            errors_seen.append({"edit": 0, "errors": st["errors"]})
        first_build = builds_in(startup_text)
        print(f"  first build served after {startup_s:.1f} s at {address} (status version "
              f"{st['version']}{', ' + str(first_build[0]['ms']) + ' ms build' if first_build else ''})")

        poll = args.poll_ms / 1000
        for k in range(1, args.edits + 1):
            marker = f"latencyprobe{token}n{k:03d}".encode()
            text = with_marker(original, marker.decode())
            log.new_text()  # skip anything printed before this edit
            version_before = client.status()["version"]
            t0 = time.perf_counter()
            save(path, text, args.in_place)
            polls = 0
            while True:
                code, body = client.get(page)
                polls += 1
                if marker in body:
                    t1 = time.perf_counter()
                    break
                if time.perf_counter() - t0 > args.edit_timeout:
                    raise RuntimeError(f"edit {k}: {marker.decode()} not served after "
                                       f"{args.edit_timeout:.0f} s:\n{log.tail()}")
                if proc.poll() is not None:
                    raise RuntimeError(f"nashr serve exited with {proc.returncode}:\n{log.tail()}")
                time.sleep(poll)
            latency = (t1 - t0) * 1000
            # Quiet: no new rebuild (status version unchanged) for --quiet-ms.
            quiet_start = time.monotonic()
            v = client.status()["version"]
            while True:
                time.sleep(args.quiet_ms / 1000)
                st = client.status()
                if st["version"] == v or time.monotonic() - quiet_start > 30:
                    break
                v = st["version"]
            out = log.new_text()
            builds = builds_in(out)
            if st["errors"]:
                errors_seen.append({"edit": k, "errors": st["errors"]})
            other = [l for l in out.splitlines() if l.strip() and not BUILT_RE.search(l)]
            results.append({
                "edit": k, "latency_ms": round(latency, 2), "polls": polls, "status": code,
                "versions": st["version"] - version_before, "builds": builds,
                "other_output": other[:20],
            })
            built = ", ".join(f"built in {b['ms']} ms (rendered {b['rendered']} of {b['pages']})"
                              for b in builds) or "no 'Built in' line"
            print(f"  edit {k:2d}: {latency:8.1f} ms  [{polls} polls; {built}"
                  f"{'; ' + str(st['version'] - version_before) + ' rebuilds' if st['version'] - version_before != 1 else ''}"
                  f"{'; ERRORS' if st['errors'] else ''}]", flush=True)
            for l in other[:5]:
                print(f"      serve: {l}")
    finally:
        if proc is not None:
            rc = stop_server(proc, args.stop_timeout)
            if rc not in (0, -signal.SIGINT):
                print(f"serve-latency: nashr serve exited with {rc}", file=sys.stderr)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)

    lat = [r["latency_ms"] for r in results]
    build_ms = [b["ms"] for r in results for b in r["builds"]]
    summary = {
        "median_ms": round(statistics.median(lat), 2),
        "min_ms": round(min(lat), 2),
        "max_ms": round(max(lat), 2),
        "p90_ms": round(pct(lat, 90), 2),
    }
    print(f"latency over {len(lat)} edits (ms): median {summary['median_ms']:.1f}  min "
          f"{summary['min_ms']:.1f}  max {summary['max_ms']:.1f}  p90 {summary['p90_ms']:.1f}")
    if build_ms:
        print(f"serve's own 'Built in' times (ms): median {statistics.median(build_ms):.0f}  min "
              f"{min(build_ms)}  max {max(build_ms)}  ({len(build_ms)} rebuilds)")
    if errors_seen:
        print(f"status endpoint reported errors: {json.dumps(errors_seen)[:2000]}")
    else:
        print("status endpoint reported no errors")
    if args.json:
        report = {
            "nashr": args.nashr,
            "nashr_version": subprocess.run([args.nashr, "--version"], capture_output=True,
                                            text=True).stdout.strip(),
            "root": args.root, "slug": slug, "lang": args.lang, "page": page, "mode": mode,
            "poll_ms": args.poll_ms, "quiet_ms": args.quiet_ms, "edits": len(lat),
            **summary,
            "latencies_ms": lat,
            "build_ms": build_ms,
            "startup_s": round(startup_s, 2),
            "first_build": first_build,
            "errors": errors_seen,
            "per_edit": results,
            "log": log_path,
            "machine": {"nproc": os.cpu_count(), "loadavg_end": os.getloadavg(),
                        "kernel": platform.release()},
        }
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
        print(f"results in {args.json}")
    return 1 if errors_seen else 0


if __name__ == "__main__":
    sys.exit(main())
