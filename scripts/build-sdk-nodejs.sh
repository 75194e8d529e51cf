#!/usr/bin/env bash
# Compiles the generated Node.js SDK (sdk/nodejs) into sdk/nodejs/bin, the package a program installs, as
# pulumi-command's Makefile does: `tsc`, then package.json and README.md beside the JavaScript. It compiles with
# this repository's TypeScript and @pulumi/pulumi (3.248, found up the directory tree), so nothing is installed.
# Then links node_modules/@pulumi-trtc-relay/trtc to it, so programs inside this repository (the e2e tests) import
# the SDK by its package name, with the one @pulumi/pulumi of node_modules.
# Skips the compile while bin/ was built from the same sources (a hash in bin/.sources).
set -euo pipefail
[ $# -eq 0 ] || { echo "build-sdk-nodejs.sh: unknown argument \"$1\" (it takes none)" >&2; exit 2; }
cd "$(dirname "$0")/.."
sdk=sdk/nodejs
name="$(node -p 'require("./sdk/nodejs/package.json").name')"

sources="$(cd "$sdk" && find . -path ./bin -prune -o -path ./node_modules -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-64)"
if [ "$(cat "$sdk/bin/.sources" 2>/dev/null)" != "$sources" ]; then
  echo "build-sdk-nodejs: compiling $sdk into $sdk/bin" >&2
  rm -rf "$sdk/bin"
  (cd "$sdk" && ../../node_modules/.bin/tsc -p tsconfig.json)
  cp "$sdk/package.json" "$sdk/README.md" "$sdk/bin/"
  echo "$sources" > "$sdk/bin/.sources"
fi

link="node_modules/$name"
mkdir -p "$(dirname "$link")"
target="$(realpath --relative-to="$(dirname "$link")" "$sdk/bin")"
[ "$(readlink "$link" 2>/dev/null)" = "$target" ] || { rm -rf "$link"; ln -s "$target" "$link"; }
