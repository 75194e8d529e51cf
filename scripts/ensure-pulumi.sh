#!/usr/bin/env bash
# Prints the directory that holds a `pulumi` CLI, building one with Go when none is on PATH.
# Idempotent: the build is cached outside the repository and reused on later runs.
# Why a build: these machines reach the Go module proxy but not Pulumi's download site.
set -euo pipefail
[ $# -eq 0 ] || { echo "ensure-pulumi.sh: unknown argument \"$1\" (it takes none)" >&2; exit 2; }

PULUMI_VERSION="${PULUMI_VERSION:-v3.259.0}"
# The YAML language host, for YAML programs over the native provider plugin (pulumi-resource-trtc).
YAML_VERSION="${PULUMI_YAML_VERSION:-v1.25.0}"
CACHE_ROOT="${PULUMI_TRTC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-trtc-relay}"
BIN_DIR="$CACHE_ROOT/pulumi-$PULUMI_VERSION/bin"

log() { echo "ensure-pulumi: $*" >&2; }

# The dynamic-provider launcher, next to the CLI as Pulumi's own distribution ships it. Found there, the engine
# uses it without the "using pulumi-resource-pulumi-nodejs from $PATH" warning it prints for one found on PATH.
# This is the script @pulumi/pulumi carries at its root: it resolves the SDK from the project directory.
install_launcher() {
  local launcher="$BIN_DIR/pulumi-resource-pulumi-nodejs"
  [ -x "$launcher" ] && return 0
  cat > "$launcher.tmp" <<'SCRIPT'
#!/bin/sh
PULUMI_DYNAMIC_PROVIDER_SCRIPT_PATH=$(node -e "console.log(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))")
if [ ! -z "$PULUMI_DYNAMIC_PROVIDER_SCRIPT_PATH" ]; then
    node "$PULUMI_DYNAMIC_PROVIDER_SCRIPT_PATH" $@
fi
SCRIPT
  chmod +x "$launcher.tmp" && mv "$launcher.tmp" "$launcher"
}

# The YAML language host beside the CLI, where the engine looks for bundled languages first (no "using
# pulumi-language-yaml from $PATH" warning). Its module requires pkg/sdk v3.206.0 with no replace lines, so
# `go install @version` builds it as published (about 3 minutes cold); it speaks gRPC to the newer CLI.
install_yaml() {
  [ -n "${PULUMI_SKIP_LANGUAGE_YAML:-}" ] && return 0
  [ -x "$BIN_DIR/pulumi-language-yaml" ] && return 0
  command -v go >/dev/null 2>&1 || { log "no Go toolchain to build pulumi-language-yaml; YAML programs will not run"; return 0; }
  log "building pulumi-language-yaml $YAML_VERSION with Go (first run only; about 3 minutes on 2 cores)"
  local gobin
  gobin="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-yaml-build.XXXXXX")"
  if GOFLAGS= GOBIN="$gobin" go install -trimpath \
       -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$YAML_VERSION" \
       "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_VERSION" >&2; then
    mv "$gobin/pulumi-language-yaml" "$BIN_DIR/pulumi-language-yaml"
  else
    log "pulumi-language-yaml did not build; YAML programs will not run"
  fi
  rm -rf "$gobin"
}

if [ -z "${PULUMI_FORCE_BUILD:-}" ] && command -v pulumi >/dev/null 2>&1 && [ "$(command -v pulumi)" != "$BIN_DIR/pulumi" ]; then
  if pulumi version >/dev/null 2>&1 && [ -n "$(pulumi version 2>/dev/null)" ]; then
    dirname "$(command -v pulumi)"
    exit 0
  fi
fi

if [ -x "$BIN_DIR/pulumi" ] && [ -n "$("$BIN_DIR/pulumi" version 2>/dev/null)" ] \
   && { [ -n "${PULUMI_SKIP_LANGUAGE_HOST:-}" ] || [ -x "$BIN_DIR/pulumi-language-nodejs" ] || [ -f "$BIN_DIR/.no-language-host" ]; }; then
  install_launcher
  install_yaml
  echo "$BIN_DIR"
  exit 0
fi

command -v go >/dev/null 2>&1 || { log "no pulumi on PATH and no Go toolchain to build one (need Go >= 1.25)"; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$BIN_DIR"
cd "$WORK"
export GOFLAGS="${GOFLAGS:-} -mod=mod"
if [ ! -x "$BIN_DIR/pulumi" ] || [ -z "$("$BIN_DIR/pulumi" version 2>/dev/null)" ]; then
log "building the Pulumi CLI $PULUMI_VERSION with Go (first run only; about 10 minutes on 2 cores)"
go mod init pulumi-cli-build >/dev/null 2>&1
# pkg's own go.mod names an older sdk; pin the matching one explicitly.
go mod edit -require="github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION" -require="github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION"
go mod edit -replace=github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$PULUMI_VERSION" >&2
LDFLAGS="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION"
go build -trimpath -tags osusergo,grpcnotrace -ldflags "$LDFLAGS" -o "$BIN_DIR/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
mv "$BIN_DIR/pulumi.tmp" "$BIN_DIR/pulumi"
fi

# The Node.js language host (pulumi-language-nodejs) became an untagged nested Go module after v3.66.0,
# and the module proxy refuses it ("not available"). Up to sdk/v3 v3.66.0 it was a package of the sdk
# module itself, which the proxy does serve; that host speaks the same LanguageRuntime gRPC protocol and
# runs programs under CLI 3.259 with @pulumi/pulumi 3.248 (checked by tests/e2e). Without it, only
# Automation API inline programs run; `pulumi up` in a project directory needs it.
if [ -z "${PULUMI_SKIP_LANGUAGE_HOST:-}" ] && [ ! -x "$BIN_DIR/pulumi-language-nodejs" ]; then
  LH_VERSION="${PULUMI_LANGUAGE_HOST_VERSION:-v3.66.0}"
  mkdir -p "$WORK/lh" && cd "$WORK/lh"
  go mod init lh-build >/dev/null 2>&1
  go mod edit -require="github.com/pulumi/pulumi/sdk/v3@$LH_VERSION"
  if go get "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs@$LH_VERSION" >&2 &&
     go build -trimpath -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$LH_VERSION" \
       -o "$BIN_DIR/pulumi-language-nodejs.tmp" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs >&2; then
    mv "$BIN_DIR/pulumi-language-nodejs.tmp" "$BIN_DIR/pulumi-language-nodejs"
  else
    log "the Node.js language host did not build; only Automation API inline programs will run"
    touch "$BIN_DIR/.no-language-host"
  fi
fi
log "built $("$BIN_DIR/pulumi" version) into $BIN_DIR"
install_launcher
install_yaml
echo "$BIN_DIR"
