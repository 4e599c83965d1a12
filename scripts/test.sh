#!/usr/bin/env bash
# The project's test command (README, CI): the Rust unit and integration tests, then the browser
# tests (headless Chromium, accessibility, HTML validation) over the example portal.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets
# The browser tests need Debian's Chromium; install it when it is missing and we may.
if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
bash scripts/browser-tests.sh
