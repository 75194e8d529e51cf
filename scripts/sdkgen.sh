#!/usr/bin/env bash
# Generates the Node.js, Python and Go SDKs from provider/schema.json with codegen/sdkgen (Pulumi's own code
# generators at the CLI's version; `pulumi package gen-sdk` needs language hosts these machines cannot build).
#
#   bash scripts/sdkgen.sh OUT [nodejs|python|go ...]   writes OUT/<language>/, replacing what was there
#   bash scripts/sdkgen.sh --binary                     prints the generator's path (building it if needed)
#
# The generator is built with Go once per version of its source (about a minute on 2 cores, more on a loaded
# machine) into the cache next to the Pulumi CLI, keyed by the hash of codegen/sdkgen and the Go version, so
# `npm run generate:sdk` and the tests reuse it. Its modules are those of the CLI build (scripts/ensure-pulumi.sh);
# go.sum is committed, so the build resolves nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "sdkgen: $*" >&2; }
usage="usage: bash scripts/sdkgen.sh OUT [nodejs|python|go ...], or bash scripts/sdkgen.sh --binary"

# The command line is checked before anything is built: an unknown option or language is refused, naming it.
case "${1:-}" in
  "") log "$usage"; exit 2 ;;
  --binary) [ $# -eq 1 ] || { log "unknown argument \"$2\" (--binary takes none)"; exit 2; } ;;
  -*) log "unknown option \"$1\"; $usage"; exit 2 ;;
  *)
    for lang in "${@:2}"; do
      case "$lang" in nodejs | python | go) ;; *) log "unknown language \"$lang\"; $usage"; exit 2 ;; esac
    done
    ;;
esac

command -v go >/dev/null 2>&1 || { log "needs Go >= 1.25 to build codegen/sdkgen (scripts/setup.sh needs it too)"; exit 1; }
CACHE_ROOT="${PULUMI_TRTC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-trtc-relay}"
key="$({ go version; cat codegen/sdkgen/go.mod codegen/sdkgen/go.sum codegen/sdkgen/*.go; } | sha256sum | cut -c1-16)"
bin="$CACHE_ROOT/sdkgen-$key/sdkgen"

if [ ! -x "$bin" ]; then
  mkdir -p "$(dirname "$bin")"
  # One build at a time: parallel test files and helpers share this cache.
  exec 8>"$CACHE_ROOT/sdkgen.lock"
  flock 8
  if [ ! -x "$bin" ]; then
    log "building codegen/sdkgen with Go into $(dirname "$bin") (once per version of its source)"
    (cd codegen/sdkgen && GOFLAGS="-mod=readonly -buildvcs=false" go build -trimpath -o "$bin.tmp" .) >&2
    mv "$bin.tmp" "$bin"
  fi
  exec 8>&-
fi

if [ "${1:-}" = "--binary" ]; then
  echo "$bin"
  exit 0
fi
exec "$bin" provider/schema.json "$@"
