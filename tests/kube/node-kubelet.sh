#!/usr/bin/env bash
# Start the real node's kubelet against the node's containerd and wait until node $NODE_NAME is
# Ready. It listens on the node IP (the bridge) for the API server's exec/logs calls, and on
# loopback for its health endpoint; it touches no iptables and no host sysctl.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DIR="$NODE_STATE/kubelet-config"
mkdir -p "$DIR/sysctl-fakes" "$KUBELET_ROOT" "$NODE_STATE/pod-logs"
write_kubeconfig "$DIR/kubelet.kubeconfig" "kubelet-$NODE_NAME"
# Pods' resolv.conf comes from this file: their resolver asks the pod's own loopback, where
# nothing answers, so no DNS query leaves the machine. (An empty file would not do: containerd
# then copies the host's /etc/resolv.conf into the pod.)
echo "nameserver 127.0.0.1" >"$DIR/resolv.conf"

# failCgroupV1: our hosts run cgroup v1. makeIPTablesUtilChains: off, so no iptables chain is
# made. Eviction and image GC thresholds low: a busy shared disk must not evict the test's pods
# or delete the imported images (they cannot be pulled again).
cat >"$DIR/kubelet.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $KUBELET_HEALTHZ_PORT
tlsCertFile: $PKI/kubelet-serving.crt
tlsPrivateKeyFile: $PKI/kubelet-serving.key
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: false}
  x509: {clientCAFile: $PKI/ca.crt}
authorization: {mode: AlwaysAllow}
containerRuntimeEndpoint: unix://$CONTAINERD_SOCK
cgroupDriver: cgroupfs
cgroupRoot: $NODE_CGROUP_ROOT
failCgroupV1: false
failSwapOn: false
makeIPTablesUtilChains: false
protectKernelDefaults: false
resolvConf: $DIR/resolv.conf
clusterDomain: cluster.local
podLogsDir: $NODE_STATE/pod-logs
maxPods: 30
serializeImagePulls: false
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: 100Mi, nodefs.available: 1%, imagefs.available: 1%, nodefs.inodesFree: 1%}
YAML

# The kubelet refuses a cgroup root that does not exist in every hierarchy.
for hierarchy in /sys/fs/cgroup/*/; do
  [ -f "$hierarchy/cgroup.procs" ] && mkdir -p "$hierarchy${NODE_CGROUP_ROOT#/}"
done

# The root directory becomes a shared mount here, so mounts the kubelet makes under it in its
# own namespace appear in this one (containerd's).
mount --bind "$KUBELET_ROOT" "$KUBELET_ROOT"
mount --make-shared "$KUBELET_ROOT"

start_daemon kubelet env KUBELET_SYSCTL_FAKES="$DIR/sysctl-fakes" \
  unshare --mount --propagation unchanged "$KUBE_DIR/kubelet-namespace.sh" \
  "$KUBE_BIN_DIR/kubelet" --config="$DIR/kubelet.yaml" --kubeconfig="$DIR/kubelet.kubeconfig" \
  --root-dir="$KUBELET_ROOT" --cert-dir="$DIR/pki" --node-ip="$NODE_IP" \
  --hostname-override="$NODE_NAME" --node-labels=dockside.test/node=real --v=1

node_ready() {
  [ "$(kubectl_admin get node "$NODE_NAME" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}')" = True ]
}
WAIT_SECONDS=120 wait_for_daemon kubelet "node $NODE_NAME Ready" node_ready
log "node $NODE_NAME Ready at $NODE_IP"
