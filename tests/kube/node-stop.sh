#!/usr/bin/env bash
# Stop the real node and remove everything it made on the host: its pods (network namespaces,
# veths, IP allocations), containerd and its shims, the kubelet's mounts and kubepods cgroups,
# the bridge, the CNI cache it added, /var/log/containers links, and any kubelet iptables chain
# that was not there before. Safe to run twice, or after a failed start.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ -d "$NODE_STATE" ] || exit 0

# The pods are not deleted through the API first: the kubelet would wait out their grace periods
# (~15 s for a few pods). Their containers are killed below, and what their network setup left
# (veth, namespace, address) is removed with the bridge and the state directory.
stop_daemons kubelet
if daemon_running kube-apiserver; then
  kubectl_admin delete node "$NODE_NAME" --ignore-not-found --wait=false >/dev/null 2>&1 || true
fi

# Pod network namespaces: remember them before their sandbox containers go.
netns_paths=()
if daemon_running containerd; then
  for id in $(ctr_k8s containers ls -q 2>/dev/null); do
    path=$(ctr_k8s containers info "$id" 2>/dev/null |
      jq -r '.Spec.linux.namespaces[]? | select(.type == "network") | .path // empty')
    [ -n "$path" ] && netns_paths+=("$path")
    ctr_k8s tasks kill --signal SIGKILL "$id" >/dev/null 2>&1 || true
    ctr_k8s tasks delete --force "$id" >/dev/null 2>&1 || true
    ctr_k8s containers delete "$id" >/dev/null 2>&1 || true
  done
fi
stop_daemons containerd
# Shims of this containerd that outlived it (found by its socket path, killed by pid).
for pid in $(pgrep -f -- "-address $CONTAINERD_SOCK" || true); do kill -KILL "$pid" 2>/dev/null || true; done
for path in "${netns_paths[@]}"; do
  case $path in /var/run/netns/cni-* | /run/netns/cni-*) umount "$path" 2>/dev/null || true; rm -f "$path" ;; esac
done

# Mounts under the state directory, deepest first: the kubelet's shared root and the volumes
# that propagated from it, containerd's rootfs and shm mounts.
{ findmnt -rn -o TARGET | grep "^$KUBE_STATE_DIR/" || true; } | sort -r | while read -r target; do
  umount "$target" 2>/dev/null || umount -l "$target" 2>/dev/null || true
done

for dir in /sys/fs/cgroup/*"$NODE_CGROUP_ROOT"; do
  [ -d "$dir" ] && find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null || true
done

for link in /var/log/containers/*; do
  if [ -L "$link" ]; then case $(readlink "$link") in "$NODE_STATE"/*) rm -f "$link" ;; esac; fi
done
[ -f "$NODE_STATE/created-var-log-containers" ] && rmdir /var/log/containers 2>/dev/null || true

remove_new_kube_chains() {
  local save=$1 cmd=$2 table chain
  for table in filter nat mangle; do
    for chain in $($save -t "$table" 2>/dev/null | grep -o '^:KUBE-[A-Z-]*' | cut -c2-); do
      grep -qx ":$chain" "$NODE_STATE/kube-chains-before" 2>/dev/null && continue
      for builtin in INPUT OUTPUT; do $cmd -t "$table" -D "$builtin" -j "$chain" 2>/dev/null || true; done
      $cmd -t "$table" -F "$chain" 2>/dev/null && $cmd -t "$table" -X "$chain" 2>/dev/null || true
    done
  done
}
remove_new_kube_chains iptables-save iptables
remove_new_kube_chains ip6tables-save ip6tables

bash "$KUBE_DIR/node-network.sh" down
rm -rf "$NODE_STATE"
log "node $NODE_NAME stopped and cleaned up"
