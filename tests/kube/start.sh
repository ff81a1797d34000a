#!/usr/bin/env bash
# Start the test cluster: build (or reuse) the binaries, the control plane on loopback, kwok's
# simulated node(s), and with --real-node the kubelet node that runs real containers.
# Prints the admin kubeconfig's path on stdout. Stop with stop.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

real_node=0
for arg in "$@"; do
  case $arg in
    --real-node) real_node=1 ;;
    *) die "usage: start.sh [--real-node]" ;;
  esac
done

bash "$KUBE_DIR/provision.sh"
bash "$KUBE_DIR/build.sh" >/dev/null
# A start that fails half-way must not leave daemons, mounts or a bridge behind.
on_failure() {
  [ -n "${DOCKSIDE_KUBE_KEEP_ON_FAILURE:-}" ] && { log "left as it is for a look: $KUBE_STATE_DIR"; return; }
  log "start failed: stopping what was started (DOCKSIDE_KUBE_KEEP_ON_FAILURE=1 keeps it)"
  bash "$KUBE_DIR/stop.sh"
}
trap on_failure ERR
bash "$KUBE_DIR/control-plane.sh"
# DOCKSIDE_KUBE_KWOK_NODES=0: no simulated node at all (lessons:cluster: one real node, as kind).
[ "${DOCKSIDE_KUBE_KWOK_NODES:-1}" = 0 ] || bash "$KUBE_DIR/kwok.sh"
[ "$real_node" = 0 ] || bash "$KUBE_DIR/node.sh"
trap - ERR
printf '%s\n' "$ADMIN_KUBECONFIG"
