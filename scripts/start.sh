#!/usr/bin/env bash
# The main job (`npm start`): installs what it needs, starts the emulator and deploys the quickstart stack.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(bash scripts/setup.sh)"
exec node dist/scripts/quickstart.js "$@"
