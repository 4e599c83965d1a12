#!/usr/bin/env bash
# The project's test command (README, CI): unit and integration tests of the generator.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets
