#!/usr/bin/env bash
# Installs what the main job and the tests need on a fresh machine, and nothing twice:
# npm packages (npm ci, skipped while package-lock.json is unchanged), the self-link that lets the
# serialized provider require this package by name, the compiled dist/, and a Pulumi CLI.
# Prints nothing on stdout but `export PATH=...` lines, so callers can `eval "$(bash scripts/setup.sh)"`.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.trtc-install-stamp
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$want" > "$stamp"
fi
node scripts/link-self.js
echo "setup: compiling TypeScript" >&2
npx tsc -p tsconfig.json >&2

pulumi_dir="$(bash scripts/ensure-pulumi.sh)"
# The dynamic-provider launcher (pulumi-resource-pulumi-nodejs) ships at the root of @pulumi/pulumi.
echo "export PATH=\"$pulumi_dir:$PWD/node_modules/@pulumi/pulumi:\$PATH\""
