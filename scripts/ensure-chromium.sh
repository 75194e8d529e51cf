#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium, where the layout PNG export and the dashboard's
# browser tests look for it. Installs it with apt-get only when it is missing (CI runs this as root on a
# fresh machine); when it cannot be installed, says why and exits non-zero, so the tests fail loudly
# instead of being skipped. Prints only to stderr.
set -euo pipefail
[ $# -eq 0 ] || { echo "ensure-chromium.sh: unknown argument \"$1\" (it takes none)" >&2; exit 2; }
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

fail() { echo "ensure-chromium: $CHROMIUM is missing and $1; install it yourself with: apt-get install -y chromium" >&2; exit 1; }
command -v apt-get >/dev/null 2>&1 || fail "this machine has no apt-get (not Debian/Ubuntu)"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  fail "installing it needs root (run as root, or give this user password-less sudo)"
fi
echo "ensure-chromium: installing chromium with apt-get" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2 || fail "apt-get update failed (no network or no package mirror?)"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2 || fail "apt-get install chromium failed"
[ -x "$CHROMIUM" ] || fail "apt-get installed chromium but not at $CHROMIUM"
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed" >&2
