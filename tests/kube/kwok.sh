#!/usr/bin/env bash
# Start kwok and give the cluster $DOCKSIDE_KUBE_KWOK_NODES (default 1) simulated nodes named
# kwok-node-<i>, labelled dockside.test/node=kwok. Their pods "run" without containers: good for
# Deployments, rollouts, Services, Jobs, helm; no exec, probes or real logs (the real node has those).
# Every simulated node has the InternalIP 127.0.0.1, so the API server's calls to "the node"
# reach kwok on loopback and nothing else.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

NODES=${DOCKSIDE_KUBE_KWOK_NODES:-1}
# --config: the stages from build.sh, and never a config of the user's (~/.kwok/kwok.yaml).
start_daemon kwok "$KUBE_BIN_DIR/kwok" --kubeconfig="$ADMIN_KUBECONFIG" --config="$KUBE_BIN_DIR/kwok-stages.yaml" \
  --manage-all-nodes=false --manage-nodes-with-label-selector=dockside.test/node=kwok \
  --node-ip=127.0.0.1 --node-port="$KWOK_PORT" --server-address="127.0.0.1:$KWOK_PORT" \
  --tls-cert-file="$PKI/kwok.crt" --tls-private-key-file="$PKI/kwok.key" \
  --cidr=10.244.128.0/17 --node-lease-duration-seconds=40

for i in $(seq 0 $((NODES - 1))); do
  cat <<NODE
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations: {kwok.x-k8s.io/node: fake, node.alpha.kubernetes.io/ttl: "0"}
  labels: {dockside.test/node: kwok, kubernetes.io/hostname: kwok-node-$i, kubernetes.io/os: linux, kubernetes.io/arch: amd64, type: kwok}
---
NODE
done | kubectl_admin apply -f - >/dev/null

all_nodes_ready() {
  local ready
  ready=$(kubectl_admin get nodes -l dockside.test/node=kwok \
    -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' | grep -c True)
  [ "$ready" -eq "$NODES" ]
}
wait_for_daemon kwok "$NODES simulated node(s) Ready" all_nodes_ready
log "$NODES simulated node(s) Ready"
