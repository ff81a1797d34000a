#!/usr/bin/env bash
# Print the path of a kind CLI for the practice-cluster tests, building it from the Go module
# proxy when it is not cached yet (~35 s cold on 2 cores; kind's own module needs no wrapper).
# The CLI only: these tests never let it pull a node image (their registry is on loopback).
set -euo pipefail
KIND_VERSION=v0.33.0
cache=${DOCKSIDE_KIND_CACHE:-/var/cache/dockside/kind}/$KIND_VERSION
if [ ! -x "$cache/kind" ]; then
  go=$(bash "$(dirname "$0")/../kube/go-toolchain.sh")
  mkdir -p "$cache"
  echo "kind-cli: building sigs.k8s.io/kind@$KIND_VERSION into $cache" >&2
  CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="-p=2 -trimpath -buildvcs=false -modcacherw" GOBIN="$cache" \
    "$go" install -ldflags "-s -w" "sigs.k8s.io/kind@$KIND_VERSION" >&2
fi
"$cache/kind" version >&2
printf '%s\n' "$cache/kind"
