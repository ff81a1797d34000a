#!/usr/bin/env bash
# Print the path of a Go toolchain new enough for the build (>= GO_MIN_VERSION), installing one
# from the Go module proxy when the machine has none. Debian 12's golang (1.19) is too old and too
# old even to switch toolchains itself, so the toolchain is fetched as the proxy's
# golang.org/toolchain module zip and checked against the sha256 pinned in versions.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

go_is_new_enough() {
  local v
  v=$("$1" env GOVERSION 2>/dev/null) || return 1 # e.g. go1.26.8
  v=${v#go}
  printf '%s\n%s\n' "$GO_MIN_VERSION" "$v" | sort -V -C
}

for candidate in "${DOCKSIDE_GO:-}" "$(command -v go || true)" /usr/local/go/bin/go \
  "$KUBE_CACHE_ROOT/go/$GO_TOOLCHAIN_VERSION/bin/go"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && go_is_new_enough "$candidate"; then
    printf '%s\n' "$candidate"
    exit 0
  fi
done

arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
[ "$arch" = amd64 ] || die "no Go >= $GO_MIN_VERSION here and only the amd64 toolchain's checksum is pinned; install Go $GO_MIN_VERSION+ and set DOCKSIDE_GO"
proxy=${GOPROXY:-https://proxy.golang.org}
proxy=${proxy%%,*}
module="golang.org/toolchain@v0.0.1-$GO_TOOLCHAIN_VERSION.linux-$arch"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log "no Go >= $GO_MIN_VERSION found: fetching $module from $proxy"
curl -fsS -o "$work/go.zip" "$proxy/golang.org/toolchain/@v/v0.0.1-$GO_TOOLCHAIN_VERSION.linux-$arch.zip"
echo "$GO_TOOLCHAIN_ZIP_SHA256  $work/go.zip" | sha256sum -c --quiet - ||
  die "the Go toolchain zip does not match the pinned sha256"
unzip -q "$work/go.zip" -d "$work/x"
# Module zips carry no file modes; the go command marks these executable when it unpacks one.
chmod +x "$work/x/$module"/bin/* "$work/x/$module"/pkg/tool/*/*
target="$KUBE_CACHE_ROOT/go/$GO_TOOLCHAIN_VERSION"
mkdir -p "$(dirname "$target")"
rm -rf "$target"
mv "$work/x/$module" "$target"
go_is_new_enough "$target/bin/go" || die "the fetched toolchain at $target does not run"
printf '%s\n' "$target/bin/go"
