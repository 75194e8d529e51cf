#!/usr/bin/env bash
# `npm run reliability`: set up (pulumi on PATH, dist built), then run bench/reliability/main.ts with ts-node
# (it reuses the test fixtures' corpus). Arguments pass through, e.g. `npm run reliability -- --size 20`.
set -euo pipefail
cd "$(dirname "$0")/../.."
eval "$(bash scripts/setup.sh)"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
exec npx ts-node --transpile-only bench/reliability/main.ts "$@"
