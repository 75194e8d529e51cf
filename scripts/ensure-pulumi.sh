#!/usr/bin/env bash
# Prints the directory that holds a `pulumi` CLI, building one with Go when none is on PATH.
# Idempotent: the build is cached outside the repository and reused on later runs.
# Why a build: these machines reach the Go module proxy but not Pulumi's download site.
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-v3.259.0}"
CACHE_ROOT="${PULUMI_TRTC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-trtc-relay}"
BIN_DIR="$CACHE_ROOT/pulumi-$PULUMI_VERSION/bin"

log() { echo "ensure-pulumi: $*" >&2; }

if [ -z "${PULUMI_FORCE_BUILD:-}" ] && command -v pulumi >/dev/null 2>&1 && [ "$(command -v pulumi)" != "$BIN_DIR/pulumi" ]; then
  if pulumi version >/dev/null 2>&1 && [ -n "$(pulumi version 2>/dev/null)" ]; then
    dirname "$(command -v pulumi)"
    exit 0
  fi
fi

if [ -x "$BIN_DIR/pulumi" ] && [ -n "$("$BIN_DIR/pulumi" version 2>/dev/null)" ]; then
  echo "$BIN_DIR"
  exit 0
fi

command -v go >/dev/null 2>&1 || { log "no pulumi on PATH and no Go toolchain to build one (need Go >= 1.25)"; exit 1; }

log "building the Pulumi CLI $PULUMI_VERSION with Go (first run only; takes several minutes)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$BIN_DIR"
cd "$WORK"
export GOFLAGS="${GOFLAGS:-} -mod=mod"
go mod init pulumi-cli-build >/dev/null 2>&1
# pkg's own go.mod names an older sdk; pin the matching one explicitly.
go mod edit -require="github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION" -require="github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION"
go mod edit -replace=github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$PULUMI_VERSION" >&2
LDFLAGS="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION"
go build -trimpath -tags osusergo,grpcnotrace -ldflags "$LDFLAGS" -o "$BIN_DIR/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
mv "$BIN_DIR/pulumi.tmp" "$BIN_DIR/pulumi"

# The Node.js language host is an untagged nested module; try it, but inline programs work without it.
if [ -z "${PULUMI_SKIP_LANGUAGE_HOST:-}" ]; then
  LH="github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
  mkdir -p "$WORK/lh" && cd "$WORK/lh"
  go mod init lh-build >/dev/null 2>&1
  if go get "$LH@$PULUMI_VERSION" >&2 2>/dev/null || go get "$LH@sdk/$PULUMI_VERSION" >&2 2>/dev/null; then
    go build -trimpath -ldflags "$LDFLAGS" -o "$BIN_DIR/pulumi-language-nodejs" "$LH" >&2 || log "language host did not build; inline programs only"
  else
    log "the Go module proxy does not serve $LH at $PULUMI_VERSION; inline programs only"
  fi
fi
log "built $("$BIN_DIR/pulumi" version) into $BIN_DIR"
echo "$BIN_DIR"
