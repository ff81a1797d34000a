#!/usr/bin/env bash
# Stop the test cluster started by start.sh: the real node (with its full host cleanup), kwok,
# the control plane; then remove the state directory. Safe to run twice.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

bash "$KUBE_DIR/node-stop.sh"
# etcd last: an API server whose etcd is gone hangs in its graceful shutdown until killed.
stop_daemons kwok kube-scheduler kube-controller-manager kube-apiserver
stop_daemons etcd
rm -rf "$KUBE_STATE_DIR"
log "stopped; $KUBE_STATE_DIR removed"
