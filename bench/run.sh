#!/usr/bin/env bash
# `npm run bench`: setup (npm packages, self-link, tsc into dist/, the Pulumi CLI on PATH), then the
# compiled benchmark. A failed setup stops here rather than benchmarking stale code.
set -euo pipefail
cd "$(dirname "$0")/.."
path_line="$(bash scripts/setup.sh)"
eval "$path_line"
exec node dist/bench/main.js "$@"
