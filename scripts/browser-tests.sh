#!/usr/bin/env bash
# End-to-end tests of the example portal in headless Chromium (tests/browser/).
#
# Builds the portal into a temporary folder, serves it on 127.0.0.1 both at the root ("/") and
# under the sub-path of its base_url ("/portal/"), starts one headless Chromium, and runs
# `node --test` on tests/browser/*.test.mjs against both addresses (env BASE_URL, the two URLs
# separated by a space). Exits non-zero if anything fails; the output ends with node's summary.
# Arguments go to `node --test` (e.g. --test-name-pattern=ur).
#
# Needs: Rust, Node.js >= 20, Debian's chromium (apt-get install -y chromium; or set
# CHROMIUM_PATH). Screenshots go to ARTIFACTS_DIR (default: artifacts/screenshots). SITE_DIR=DIR
# tests a site already built there instead of building the example portal.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
tests="$repo/tests/browser"

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export ARTIFACTS_DIR="${ARTIFACTS_DIR:-$repo/artifacts/screenshots}"
if [[ ! -x "$CHROMIUM_PATH" ]]; then
  echo "browser-tests: no Chromium at $CHROMIUM_PATH (apt-get install -y chromium, or set CHROMIUM_PATH)" >&2
  exit 1
fi
command -v node >/dev/null || { echo "browser-tests: node is not installed" >&2; exit 1; }

if [[ ! -f "$tests/node_modules/playwright-core/package.json" || ! -f "$tests/node_modules/axe-core/axe.min.js" || ! -f "$tests/node_modules/vnu-jar/build/dist/vnu.jar" ]]; then
  echo "browser-tests: installing the test dependencies (npm ci)"
  (cd "$tests" && npm ci --no-audit --no-fund)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nashr-browser-tests.XXXXXX")
server_pid=""
browser_pid=""
cleanup() {
  for pid in $browser_pid $server_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Waits for a background process to print a line starting with $2 in log $1; prints the rest.
wait_for() {
  local log=$1 prefix=$2 pid=$3
  for _ in $(seq 1 300); do
    if line=$(grep -m1 "^$prefix " "$log" 2>/dev/null); then
      echo "${line#"$prefix "}"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "browser-tests: no \"$prefix\" line from process $pid:" >&2
  cat "$log" >&2
  return 1
}

if [[ -n "${SITE_DIR:-}" ]]; then
  site=$(cd "$SITE_DIR" && pwd)
  echo "browser-tests: testing the site already built in $site"
else
  site="$work/public"
  echo "browser-tests: building the example portal"
  cargo run --release --quiet -- build --output "$site"
fi

# Valid HTML: the W3C Nu HTML Checker on every page (Java 17 runs it).
echo "browser-tests: checking every page with the Nu HTML Checker"
pages=$(find "$site" -name '*.html' | wc -l)
if java -jar "$tests/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html "$site"; then
  echo "browser-tests: $pages HTML pages, no error"
else
  echo "browser-tests: the Nu HTML Checker found errors (above)" >&2
  exit 1
fi

node "$tests/serve.mjs" --root "$site" --mount /portal/ >"$work/serve.log" 2>&1 &
server_pid=$!
origin=$(wait_for "$work/serve.log" listening "$server_pid")

node "$tests/browser-server.mjs" >"$work/browser.log" 2>&1 &
browser_pid=$!
BROWSER_WS_ENDPOINT=$(wait_for "$work/browser.log" ws-endpoint "$browser_pid")
export BROWSER_WS_ENDPOINT

mkdir -p "$ARTIFACTS_DIR"
echo "browser-tests: the site is served at $origin/ and $origin/portal/"
# One run over both addresses. The spec report is for people; node's TAP report is kept so that
# the output ends with node's summary even when the spec report ends with the failing tests.
status=0
BASE_URL="$origin/ $origin/portal/" node --test --test-concurrency=2 --test-timeout=60000 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$work/report.tap" \
  "$@" "$tests"/*.test.mjs || status=$?
echo
echo "browser-tests: summary"
awk '/^# tests [0-9]+$/ { summary = "" } /^# [a-z_]+ [0-9.]+$/ { summary = summary $0 "\n" } END { printf "%s", summary }' "$work/report.tap"
exit "$status"
