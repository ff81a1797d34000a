# Shared by the tests/kube scripts: where things live, logging, waiting. Sourced, not run.
KUBE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=versions.sh
. "$KUBE_DIR/versions.sh"

log() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() { log "$*"; exit 1; }

# Binaries are cached by a hash of versions.sh, so a second build costs nothing and a version
# change never mixes old and new binaries.
versions_hash() { sha256sum "$KUBE_DIR/versions.sh" | cut -c1-12; }
KUBE_CACHE_ROOT=${DOCKSIDE_KUBE_CACHE:-/var/cache/dockside/kube}
KUBE_BIN_DIR=${DOCKSIDE_KUBE_BIN:-$KUBE_CACHE_ROOT/$(versions_hash)/bin}
# Everything a running cluster writes (certs, etcd data, logs, pids) lives here; stop removes it.
KUBE_STATE_DIR=${DOCKSIDE_KUBE_STATE:-/tmp/dockside-kube}

# Wait until "$@" succeeds, polling every 0.1 s, for at most $WAIT_SECONDS (default 60).
wait_for() {
  local what=$1; shift
  local deadline=$((SECONDS + ${WAIT_SECONDS:-60}))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || die "timed out waiting for $what"
    sleep 0.1
  done
}

# Loopback ports, overridable so two clusters (or another service) do not collide.
ETCD_PORT=${DOCKSIDE_KUBE_ETCD_PORT:-12379}
ETCD_PEER_PORT=$((ETCD_PORT + 1))
APISERVER_PORT=${DOCKSIDE_KUBE_APISERVER_PORT:-16443}
CONTROLLER_MANAGER_PORT=${DOCKSIDE_KUBE_CONTROLLER_MANAGER_PORT:-10257}
SCHEDULER_PORT=${DOCKSIDE_KUBE_SCHEDULER_PORT:-10259}
KWOK_PORT=${DOCKSIDE_KUBE_KWOK_PORT:-10247}
PKI="$KUBE_STATE_DIR/pki"
ADMIN_KUBECONFIG="$KUBE_STATE_DIR/admin.kubeconfig"

kubectl_admin() { "$KUBE_BIN_DIR/kubectl" --kubeconfig "$ADMIN_KUBECONFIG" "$@"; }

# $1: file, $2: client certificate stem in $PKI. Certificates are embedded, so the file stands alone.
write_kubeconfig() {
  local file=$1 stem=$2
  cat >"$file" <<KC
apiVersion: v1
kind: Config
clusters:
- name: dockside-test
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority-data: $(base64 -w0 "$PKI/ca.crt")
users:
- name: $stem
  user:
    client-certificate-data: $(base64 -w0 "$PKI/$stem.crt")
    client-key-data: $(base64 -w0 "$PKI/$stem.key")
contexts:
- name: dockside-test
  context: {cluster: dockside-test, user: $stem}
current-context: dockside-test
KC
  chmod 600 "$file"
}

# $1: name; the rest: the command. Runs it in its own session (so stop can kill its whole
# process group), logging to $KUBE_STATE_DIR/logs/<name>.log, pid in pids/<name>.pid.
start_daemon() {
  local name=$1; shift
  mkdir -p "$KUBE_STATE_DIR/logs" "$KUBE_STATE_DIR/pids"
  setsid "$@" >"$KUBE_STATE_DIR/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$KUBE_STATE_DIR/pids/$name.pid"
}

daemon_running() {
  local pidfile="$KUBE_STATE_DIR/pids/$1.pid"
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

# Wait for "$@" like wait_for, but fail at once (with the log's tail) if daemon $1 has died.
wait_for_daemon() {
  local name=$1 what=$2; shift 2
  local deadline=$((SECONDS + ${WAIT_SECONDS:-60}))
  until "$@" >/dev/null 2>&1; do
    if ! daemon_running "$name"; then
      tail -n 20 "$KUBE_STATE_DIR/logs/$name.log" >&2
      die "$name exited while waiting for $what (log: $KUBE_STATE_DIR/logs/$name.log)"
    fi
    [ "$SECONDS" -lt "$deadline" ] || die "timed out waiting for $what"
    sleep 0.1
  done
}

# Stop the named daemons: TERM to each one's process group at once (they stop in parallel; the
# test cluster's data is thrown away, so order does not matter), KILL what is left after 10 s.
stop_daemons() {
  local name pid pids=() names=() i alive
  for name in "$@"; do
    [ -f "$KUBE_STATE_DIR/pids/$name.pid" ] || continue
    pid=$(cat "$KUBE_STATE_DIR/pids/$name.pid")
    kill -TERM -- "-$pid" 2>/dev/null || true
    pids+=("$pid")
    names+=("$name")
  done
  for i in $(seq 100); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for i in "${!pids[@]}"; do
    kill -0 "${pids[$i]}" 2>/dev/null && log "${names[$i]} did not stop in 10 s: killing it"
    kill -KILL -- "-${pids[$i]}" 2>/dev/null || true
  done
  for name in "$@"; do rm -f "$KUBE_STATE_DIR/pids/$name.pid"; done
}

# The real node: one kubelet with its own containerd, on a bridge this script creates. Its
# subnet must not collide with docker0 (172.17/16) or any other route on the machine.
NODE_NAME=${DOCKSIDE_KUBE_NODE_NAME:-dockside-node}
NODE_BRIDGE=${DOCKSIDE_KUBE_BRIDGE:-dskube0}
NODE_SUBNET_PREFIX=${DOCKSIDE_KUBE_SUBNET_PREFIX:-10.252.0} # a /24
NODE_IP="$NODE_SUBNET_PREFIX.1"
NODE_STATE="$KUBE_STATE_DIR/node"
CONTAINERD_SOCK="$NODE_STATE/containerd/containerd.sock"
KUBELET_ROOT="$NODE_STATE/kubelet"
# The kubelet's cgroups (kubepods and its QoS classes) go under this root in every hierarchy, so
# two nodes on one machine (other state dirs, bridges and ports) never share or remove each other's.
NODE_CGROUP_ROOT="/dockside-$NODE_BRIDGE"
KUBELET_HEALTHZ_PORT=${DOCKSIDE_KUBE_KUBELET_HEALTHZ_PORT:-10248}
CNI_NETWORK=dockside-kube
# The official busybox tarballs: beside the checkout (<repo>/../shared/images), or one level
# further up for a git worktree kept in a subdirectory.
images_dir() {
  local repo candidate
  repo=$(cd "$KUBE_DIR/../.." && pwd)
  for candidate in "${DOCKSIDE_IMAGES_DIR:-}" "$repo/../shared/images" "$repo/../../shared/images"; do
    [ -n "$candidate" ] && [ -f "$candidate/busybox-glibc-amd64.docker.tar.gz" ] && { printf '%s\n' "$candidate"; return 0; }
  done
  die "no busybox-glibc-amd64.docker.tar.gz in <repo>/../shared/images; set DOCKSIDE_IMAGES_DIR"
}
ctr_k8s() { ctr --address "$CONTAINERD_SOCK" --namespace k8s.io "$@"; }
# The pod sandbox ("pause") image, built locally by node-images.sh; never pulled.
PAUSE_IMAGE=dockside.test/pause:1
