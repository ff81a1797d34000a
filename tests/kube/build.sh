#!/usr/bin/env bash
# Build the test cluster's binaries from the Go module proxy at the versions in versions.sh, into
# $KUBE_BIN_DIR (a cache keyed by those versions). A binary already there is not rebuilt, so a
# second run costs nothing. Prints the bin directory on stdout.
#
# The machine's cores are shared with test runs: every compile runs at the lowest CPU and I/O
# priority, two packages at a time. The Go caches live in a scratch directory and are deleted
# after a successful build (they reach ~10 GB); after a failure they stay, so a retry is cheap.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$KUBE_DIR/wrapper-modules.sh"

BINARIES=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kubelet kwok helm k9s)

all_built() {
  local name
  for name in "${BINARIES[@]}"; do [ -x "$KUBE_BIN_DIR/$name" ] || return 1; done
  [ -f "$KUBE_BIN_DIR/kwok-stages.yaml" ]
}

if all_built; then
  printf '%s\n' "$KUBE_BIN_DIR"
  exit 0
fi

GO=$(bash "$KUBE_DIR/go-toolchain.sh")
SCRATCH="$KUBE_CACHE_ROOT/build-scratch"
TIMES="$(dirname "$KUBE_BIN_DIR")/build-times.tsv"
mkdir -p "$KUBE_BIN_DIR" "$SCRATCH/out"
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="-p=2 -trimpath -buildvcs=false -modcacherw"
export GOCACHE="$SCRATCH/gocache" GOMODCACHE="$SCRATCH/gomod" GOPATH="$SCRATCH/gopath"
LOW_PRIORITY=(nice -n 19)
command -v ionice >/dev/null && LOW_PRIORITY+=(ionice -c3)

# $1: binary name; the rest: the go command that writes it into $SCRATCH/out. The binary moves
# into the cache only when complete, so an interrupted build never leaves half a file there.
build_one() {
  local name=$1; shift
  [ -x "$KUBE_BIN_DIR/$name" ] && return 0
  log "building $name"
  local started=$SECONDS
  /usr/bin/time -f '%M' -o "$SCRATCH/rss" "${LOW_PRIORITY[@]}" "$@"
  mv "$SCRATCH/out/$name" "$KUBE_BIN_DIR/$name"
  printf '%s\t%ss\t%s MB peak RSS\t%s MB\n' "$name" "$((SECONDS - started))" \
    "$(($(cat "$SCRATCH/rss") / 1024))" "$(($(stat -c %s "$KUBE_BIN_DIR/$name") / 1048576))" | tee -a "$TIMES" >&2
}

KUBERNETES_COMMANDS=(kube-apiserver kube-controller-manager kube-scheduler kubectl kubelet)

build_kubernetes() {
  local dir="$SCRATCH/kubernetes" flags cmd missing=0
  for cmd in "${KUBERNETES_COMMANDS[@]}"; do [ -x "$KUBE_BIN_DIR/$cmd" ] || missing=1; done
  [ "$missing" = 1 ] || return 0
  [ -f "$dir/go.sum" ] || write_kubernetes_wrapper "$dir"
  flags="-s -w $(kubernetes_version_ldflags)"
  for cmd in "${KUBERNETES_COMMANDS[@]}"; do
    (cd "$dir" && build_one "$cmd" "$GO" build -ldflags "$flags" -o "$SCRATCH/out/$cmd" "k8s.io/kubernetes/cmd/$cmd")
  done
}

build_etcd() {
  local dir="$SCRATCH/etcd"
  [ -x "$KUBE_BIN_DIR/etcd" ] && return 0
  [ -f "$dir/go.sum" ] || write_etcd_wrapper "$dir"
  (cd "$dir" && build_one etcd "$GO" build -ldflags "-s -w" -o "$SCRATCH/out/etcd" go.etcd.io/etcd/server/v3)
}

# $1: binary name, $2: package@version, $3: extra ldflags. These modules install as they are.
install_one() {
  (cd "$SCRATCH" && GOBIN="$SCRATCH/out" build_one "$1" "$GO" install -ldflags "-s -w $3" "$2")
}

# kwok does nothing without stages (how a simulated node and pod move through their states). The
# ones kwokctl uses by default, from the same kwok version: nodes become and stay Ready (with
# leases), pods become Ready, Job pods complete, deleted pods go.
kwok_stages() {
  [ -f "$KUBE_BIN_DIR/kwok-stages.yaml" ] && return 0
  local dir file
  dir=$(cd "$SCRATCH" && "$GO" mod download -json "sigs.k8s.io/kwok@$KWOK_VERSION" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
  for file in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease \
    pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
    printf -- '---\n'
    cat "$dir/kustomize/stage/$file.yaml"
  done >"$SCRATCH/out/kwok-stages.yaml"
  mv "$SCRATCH/out/kwok-stages.yaml" "$KUBE_BIN_DIR/kwok-stages.yaml"
}

build_etcd
build_kubernetes
install_one kwok "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" ""
kwok_stages
install_one helm "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" "-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
install_one k9s "github.com/derailed/k9s@$K9S_VERSION" "-X github.com/derailed/k9s/cmd.version=$K9S_VERSION"

all_built || die "some binaries are missing from $KUBE_BIN_DIR"
log "built; deleting the Go caches in $SCRATCH (set DOCKSIDE_KUBE_KEEP_GO_CACHES=1 to keep them)"
[ -n "${DOCKSIDE_KUBE_KEEP_GO_CACHES:-}" ] || rm -rf "$SCRATCH"
printf '%s\n' "$KUBE_BIN_DIR"
