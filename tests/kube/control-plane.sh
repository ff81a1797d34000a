#!/usr/bin/env bash
# Start etcd, kube-apiserver, kube-controller-manager and kube-scheduler on loopback with the
# certificates in $KUBE_STATE_DIR/pki, and wait until the API is ready and the default
# ServiceAccount exists (pods cannot be created before). Writes $KUBE_STATE_DIR/admin.kubeconfig.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

B=$KUBE_BIN_DIR
daemon_running kube-apiserver && die "a control plane is already running in $KUBE_STATE_DIR (stop.sh first)"
bash "$KUBE_DIR/certs.sh"
write_kubeconfig "$ADMIN_KUBECONFIG" admin

# fsync off: the data lives for one test run, and fsync is most of etcd's latency on a busy disk.
start_daemon etcd "$B/etcd" --name dockside --data-dir "$KUBE_STATE_DIR/etcd" \
  --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "dockside=http://127.0.0.1:$ETCD_PEER_PORT" --unsafe-no-fsync --log-level warn

# DOCKSIDE_KUBE_APISERVER_ARGS: extra flags, split on spaces (the cluster tests turn the watch cache
# off for one resource, so a watch from a compacted resourceVersion gets 410 Gone).
read -r -a EXTRA_APISERVER_ARGS <<<"${DOCKSIDE_KUBE_APISERVER_ARGS:-}"
# --endpoint-reconciler-type=none: 127.0.0.1 cannot be the kubernetes Service's endpoint.
# --kubelet-preferred-address-types=InternalIP: else the API server looks node names up in DNS.
start_daemon kube-apiserver "$B/kube-apiserver" \
  --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$APISERVER_PORT" \
  --etcd-servers="http://127.0.0.1:$ETCD_PORT" --cert-dir="$PKI" \
  --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
  --client-ca-file="$PKI/ca.crt" --authorization-mode=Node,RBAC \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
  --service-cluster-ip-range=10.96.0.0/16 --endpoint-reconciler-type=none \
  --kubelet-preferred-address-types=InternalIP \
  --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt" \
  --kubelet-client-key="$PKI/apiserver-kubelet-client.key" \
  --profiling=false --v=1 "${EXTRA_APISERVER_ARGS[@]}"

api_ready() {
  curl -fsS --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" \
    "https://127.0.0.1:$APISERVER_PORT/readyz" 2>/dev/null | grep -qx ok
}

# The controllers' and scheduler's own servers (health, metrics) bind to loopback too. They use the
# admin identity: this cluster is for tests, and one client certificate keeps it small.
# A high client QPS: node and ServiceAccount controllers otherwise take 9-11 s instead of ~5.
start_daemon kube-controller-manager "$B/kube-controller-manager" \
  --kubeconfig="$ADMIN_KUBECONFIG" --authentication-kubeconfig="$ADMIN_KUBECONFIG" \
  --authorization-kubeconfig="$ADMIN_KUBECONFIG" \
  --bind-address=127.0.0.1 --secure-port="$CONTROLLER_MANAGER_PORT" --leader-elect=false \
  --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
  --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
  --kube-api-qps=200 --kube-api-burst=400 --profiling=false --v=1
start_daemon kube-scheduler "$B/kube-scheduler" \
  --kubeconfig="$ADMIN_KUBECONFIG" --authentication-kubeconfig="$ADMIN_KUBECONFIG" \
  --authorization-kubeconfig="$ADMIN_KUBECONFIG" \
  --bind-address=127.0.0.1 --secure-port="$SCHEDULER_PORT" --leader-elect=false \
  --kube-api-qps=200 --kube-api-burst=400 --profiling=false --v=1

wait_for_daemon kube-apiserver "the API server's /readyz" api_ready
wait_for_daemon kube-controller-manager "the default ServiceAccount" \
  kubectl_admin get serviceaccount default --namespace default
log "control plane ready: export KUBECONFIG=$ADMIN_KUBECONFIG"
