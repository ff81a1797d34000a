#!/usr/bin/env bash
# `npm run lessons:cluster [-- lessons:check arguments]`: prove the cluster tracks' lessons
# (kubernetes, k9s, helm) on the test cluster of tests/kube: a real control plane and ONE real
# kubelet node, no simulated ones — the shape of a learner's kind cluster, so every pod really
# runs (logs, exec, probes, restarts). Its own ports, bridge and state, apart from the other
# suites' clusters. The built kubectl, helm and k9s come first on PATH (the one Debian puts there
# may be a cloud SDK wrapper); the cluster's admin kubeconfig plays the learner's kubeconfig.
#
# DOCKSIDE_LESSONS_KUBECONFIG=<admin kubeconfig> reuses a cluster that is already running (and
# leaves it running). Needs root (the real node), like tests/kube/start.sh --real-node.
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "$0")/.." && pwd)
KUBE=$REPO_ROOT/tests/kube

export DOCKSIDE_KUBE_STATE=${DOCKSIDE_KUBE_STATE:-/tmp/dockside-kube-lessons}
export DOCKSIDE_KUBE_APISERVER_PORT=27443 DOCKSIDE_KUBE_ETCD_PORT=27379 DOCKSIDE_KUBE_CONTROLLER_MANAGER_PORT=27257
export DOCKSIDE_KUBE_SCHEDULER_PORT=27259 DOCKSIDE_KUBE_KWOK_PORT=27247 DOCKSIDE_KUBE_KUBELET_HEALTHZ_PORT=27248
export DOCKSIDE_KUBE_BRIDGE=dsk-ls0 DOCKSIDE_KUBE_SUBNET_PREFIX=10.253.9 DOCKSIDE_KUBE_NODE_NAME=dockside-lessons
export DOCKSIDE_KUBE_KWOK_NODES=0

bin=$(bash "$KUBE/build.sh")
if [ -n "${DOCKSIDE_LESSONS_KUBECONFIG:-}" ]; then
  kubeconfig=$DOCKSIDE_LESSONS_KUBECONFIG
else
  trap 'bash "$KUBE/stop.sh" >/dev/null 2>&1 || echo "lessons:cluster: the test cluster did not stop cleanly (see $DOCKSIDE_KUBE_STATE)" >&2' EXIT
  kubeconfig=$(bash "$KUBE/start.sh" --real-node)
fi
printf 'lessons:cluster: %s, %s on PATH\n' "$("$bin/kubectl" --kubeconfig "$kubeconfig" version 2>/dev/null | tr '\n' ' ')" \
  "$("$bin/helm" version --short 2>/dev/null)"
KUBECONFIG=$kubeconfig PATH=$bin:$PATH npx tsx "$REPO_ROOT/scripts/lessons-check.ts" --only-cluster "$@"
