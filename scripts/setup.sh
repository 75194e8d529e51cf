#!/usr/bin/env bash
# Installs what the main job and the tests need on a fresh machine, and nothing twice:
# npm packages (npm ci, skipped while package-lock.json is unchanged), the self-link that lets the
# serialized provider require this package by name, the compiled dist/, and a Pulumi CLI.
# Prints nothing on stdout but `export PATH=...` lines, so callers can `eval "$(bash scripts/setup.sh)"`.
set -euo pipefail
[ $# -eq 0 ] || { echo "setup.sh: unknown argument \"$1\" (it takes none)" >&2; exit 2; }
cd "$(dirname "$0")/.."

# One setup at a time per checkout and per machine: two at once race npm in node_modules, apt on the dpkg
# lock and the Go build of the CLI into the same cache (parallel test shells and CI share this machine).
exec 9>"${TMPDIR:-/tmp}/pulumi-trtc-relay-setup.lock"
flock 9

stamp=node_modules/.trtc-install-stamp
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: npm ci" >&2
  # npm ci refuses a lock file that lacks other platforms' optional packages (jest's unrs-resolver
  # bindings), which a registry mirror that serves only this platform's leaves out; npm install then
  # installs exactly the locked versions and leaves the lock file as it is.
  npm ci --no-audit --no-fund --loglevel=error >&2 2>/dev/null || {
    echo "setup: npm ci refused the lock file here; installing the locked versions with npm install" >&2
    npm install --no-audit --no-fund --loglevel=error >&2
  }
  echo "$want" > "$stamp"
fi
node scripts/link-self.js
echo "setup: compiling TypeScript" >&2
rm -rf dist  # no stale output of moved or deleted sources survives a build
npx tsc -p tsconfig.json >&2

bash scripts/ensure-chromium.sh >&2  # the browser tests need Debian's Chromium; fails loudly when it cannot be installed
pulumi_dir="$(bash scripts/ensure-pulumi.sh)"
# The dynamic-provider launcher (pulumi-resource-pulumi-nodejs) sits next to the CLI (ensure-pulumi.sh); a CLI
# found elsewhere without one gets @pulumi/pulumi's own copy on PATH instead.
if [ -x "$pulumi_dir/pulumi-resource-pulumi-nodejs" ]; then
  echo "export PATH=\"$pulumi_dir:\$PATH\""
else
  echo "export PATH=\"$pulumi_dir:$PWD/node_modules/@pulumi/pulumi:\$PATH\""
fi
