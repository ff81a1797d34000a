#!/usr/bin/env bash
# Install what the test cluster needs on a Debian machine, idempotently (seconds when all is
# there): openssl, curl, unzip and jq for the scripts; containerd, runc and the CNI plugins for
# the real node; and a Go toolchain new enough for the build (go-toolchain.sh).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for pkg in openssl curl unzip jq iptables containerd runc containernetworking-plugins; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Debian starts the containerd package's own service; the real node runs a private containerd
# and does not use it, so nothing here touches that service.
bash "$KUBE_DIR/go-toolchain.sh" >/dev/null
