#!/usr/bin/env bash
# Start the real node: bridge and CNI config, containerd, images, kubelet. Needs root and a
# running control plane (control-plane.sh). Undo with node-stop.sh (stop.sh calls it).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || die "the real node needs root (bridge, containerd, mounts)"
daemon_running kube-apiserver || die "no control plane running in $KUBE_STATE_DIR (control-plane.sh first)"
for dir in /sys/fs/cgroup/*"$NODE_CGROUP_ROOT"; do
  [ -d "$dir" ] && die "$dir exists: a node with bridge $NODE_BRIDGE was not stopped (node-stop.sh)"
done
command -v /usr/lib/cni/bridge >/dev/null || die "no CNI plugins (apt-get install containernetworking-plugins)"

mkdir -p "$NODE_STATE"
# What existed before, so node-stop.sh removes only what this node made.
[ -d /var/log/containers ] || touch "$NODE_STATE/created-var-log-containers"
{ iptables-save 2>/dev/null; ip6tables-save 2>/dev/null; } | grep -o '^:KUBE-[A-Z-]*' | sort -u >"$NODE_STATE/kube-chains-before" || true

bash "$KUBE_DIR/node-network.sh" up
bash "$KUBE_DIR/node-containerd.sh"
bash "$KUBE_DIR/node-images.sh"
bash "$KUBE_DIR/node-kubelet.sh"
