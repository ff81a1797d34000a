#!/usr/bin/env bash
# Start the real node's own containerd (Debian's), apart from the Docker engine's: its own
# socket, root and state under $NODE_STATE/containerd, the CNI config of node-network.sh, and
# its CRI streaming server (exec, attach, port-forward) on loopback.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

command -v containerd >/dev/null || die "containerd is not installed (apt-get install containerd)"
DIR="$NODE_STATE/containerd"
mkdir -p "$DIR/root" "$DIR/state" "$DIR/opt"
# restrict_oom_score_adj: the pod sandbox lacks CAP_SYS_RESOURCE, and without it every sandbox
# fails with "nsexec: failed to update /proc/self/oom_score_adj: Permission denied".
# The registry section is empty on purpose: images are imported, never pulled.
cat >"$DIR/config.toml" <<TOML
version = 2
root = "$DIR/root"
state = "$DIR/state"

[grpc]
  address = "$CONTAINERD_SOCK"

[ttrpc]
  address = "$DIR/containerd.sock.ttrpc"

[plugins."io.containerd.internal.v1.opt"]
  path = "$DIR/opt"

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$PAUSE_IMAGE"
  restrict_oom_score_adj = true
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  enable_tls_streaming = false

  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"

    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"

      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        # runc's state apart from the Docker engine's containerd (default /run/containerd/runc).
        Root = "$DIR/runc"

  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$NODE_STATE/cni/net.d"
    max_conf_num = 1
TOML

start_daemon containerd containerd --config "$DIR/config.toml" --log-level warn
wait_for_daemon containerd "containerd's socket" ctr --address "$CONTAINERD_SOCK" version
log "containerd ready at $CONTAINERD_SOCK"
