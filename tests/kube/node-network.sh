#!/usr/bin/env bash
# up: create the real node's bridge with the node IP, and the CNI config containerd reads.
# down: remove the bridge, the pods' veths on it, and the CNI state this network left.
#
# Pods get addresses on the bridge's /24 and a route to that subnet only: no default route, no
# masquerade, so a pod cannot send a packet past the node (the network rule of our machines).
# The node (kubelet probes, the API server's exec/logs calls) reaches them on the bridge.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CNI_CONF_DIR="$NODE_STATE/cni/net.d"

network_up() {
  if ip link show "$NODE_BRIDGE" >/dev/null 2>&1; then
    die "bridge $NODE_BRIDGE exists already (a node still running? stop.sh first)"
  fi
  if ip route show | grep -q "^$NODE_SUBNET_PREFIX.0/24"; then
    die "$NODE_SUBNET_PREFIX.0/24 is already routed on this machine; set DOCKSIDE_KUBE_SUBNET_PREFIX"
  fi
  # libcni caches results under /var/lib/cni; remember whether we are the ones creating it.
  mkdir -p "$NODE_STATE"
  [ -d /var/lib/cni ] || touch "$NODE_STATE/created-var-lib-cni"
  ip link add "$NODE_BRIDGE" type bridge
  ip addr add "$NODE_IP/24" dev "$NODE_BRIDGE"
  ip link set "$NODE_BRIDGE" up
  mkdir -p "$CNI_CONF_DIR"
  cat >"$CNI_CONF_DIR/10-$CNI_NETWORK.conflist" <<CNI
{
  "cniVersion": "1.0.0",
  "name": "$CNI_NETWORK",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$NODE_BRIDGE",
      "isGateway": false,
      "isDefaultGateway": false,
      "ipMasq": false,
      "hairpinMode": false,
      "ipam": {
        "type": "host-local",
        "dataDir": "$NODE_STATE/cni/ipam",
        "ranges": [[{ "subnet": "$NODE_SUBNET_PREFIX.0/24", "rangeStart": "$NODE_SUBNET_PREFIX.10" }]]
      }
    }
  ]
}
CNI
}

network_down() {
  local link
  if ip link show "$NODE_BRIDGE" >/dev/null 2>&1; then
    # A pod whose sandbox was never torn down leaves its host-side veth on the bridge.
    for link in $(ip -o link show master "$NODE_BRIDGE" | awk -F': ' '{print $2}' | cut -d@ -f1); do
      ip link delete "$link" 2>/dev/null || true
    done
    ip link delete "$NODE_BRIDGE"
  fi
  rm -f /var/lib/cni/results/"$CNI_NETWORK"-* 2>/dev/null || true
  if [ -f "$NODE_STATE/created-var-lib-cni" ]; then
    rm -rf /var/lib/cni
    rm -f "$NODE_STATE/created-var-lib-cni"
  fi
  rm -rf "$NODE_STATE/cni"
}

case "${1:-}" in
  up) network_up ;;
  down) network_down ;;
  *) die "usage: node-network.sh up|down" ;;
esac
