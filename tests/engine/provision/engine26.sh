# A second, current engine beside Debian's 20.10 (sourced by provision.sh): Debian trixie's
# dockerd 26.1 and containerd 1.7, which run on bookworm with bookworm's runc
# (shared/reference/machines.md), and its docker CLI 26.1 (BuildKit for every build). Learners
# run Engine and CLI 26 and newer, so every lesson is proven on both. It has its own everything, so it can never disturb the 20.10 engine others use:
# socket, containerd, data root, exec root, pid file, daemon.json, and its own bridge with
# iptables off (both engines would otherwise rewrite the same DOCKER chains). Without iptables,
# published ports still answer on the host: docker-proxy forwards them. One rule of ours lets its
# containers reach each other: 20.10 sets the FORWARD policy to DROP, and with br_netfilter even
# traffic within a bridge passes FORWARD.

ENGINE26_BIN=/usr/local/lib/dockside-engine26            # the unpacked trixie packages
ENGINE26_CLI_DIR=$ENGINE26_BIN/usr/bin                   # its docker CLI (and containerd)
ENGINE26_RUN=/run/dockside-engine26                      # sockets, exec root, pid files
ENGINE26_DATA=/var/lib/dockside-engine26                 # images, containers, volumes
ENGINE26_SOCKET=$ENGINE26_RUN/docker.sock
ENGINE26_HOST=unix://$ENGINE26_SOCKET
ENGINE26_BRIDGE=dockside26                               # the default bridge, made here
ENGINE26_BRIDGE_ADDRESS=10.212.0.1/24                    # away from 20.10's 172.17-31 and 192.168
ENGINE26_POOL=base=10.213.0.0/16,size=24                 # networks the engine creates
ENGINE26_SUBNETS=10.212.0.0/15                           # both of the above

engine26_answers() { DOCKER_HOST=$ENGINE26_HOST timeout 5 docker version >/dev/null 2>&1; }

install_engine26() {
  [ -x "$ENGINE26_BIN/usr/sbin/dockerd" ] && [ -x "$ENGINE26_BIN/usr/bin/containerd" ] && [ -x "$ENGINE26_CLI_DIR/docker" ] && return 0
  local staging="$ENGINE26_BIN.partial"
  as_root rm -rf "$staging"
  unpack_debs trixie "$staging" docker.io containerd docker-cli
  # trixie's docker-init points at a tini that is not unpacked; bookworm's is found on PATH instead.
  as_root rm -f "$staging/usr/sbin/docker-init" "$staging/usr/bin/docker-init"
  # trixie's runc needs a newer glibc than bookworm's; containerd and dockerd use bookworm's runc.
  as_root rm -f "$staging/usr/sbin/runc" "$staging/usr/bin/runc"
  as_root rm -rf "$ENGINE26_BIN" && as_root mv "$staging" "$ENGINE26_BIN"
}

engine26_path() { printf '%s\n' "$ENGINE26_BIN/usr/bin:$ENGINE26_BIN/usr/sbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"; }

ensure_engine26_bridge() {
  ip link show "$ENGINE26_BRIDGE" >/dev/null 2>&1 && return 0
  as_root ip link add name "$ENGINE26_BRIDGE" type bridge
  as_root ip addr add "$ENGINE26_BRIDGE_ADDRESS" dev "$ENGINE26_BRIDGE"
  as_root ip link set "$ENGINE26_BRIDGE" up
}

ensure_engine26_forwarding() {
  local rule=(FORWARD -s "$ENGINE26_SUBNETS" -d "$ENGINE26_SUBNETS" -m comment --comment dockside-engine26 -j ACCEPT)
  as_root iptables -C "${rule[@]}" 2>/dev/null || as_root iptables -I "${rule[@]}"
}

start_engine26_containerd() {
  local config=$ENGINE26_DATA/containerd.toml sock=$ENGINE26_RUN/containerd/containerd.sock
  if pgrep -f -- "--config $config" >/dev/null; then return 0; fi
  as_root mkdir -p "$ENGINE26_DATA/containerd" "$ENGINE26_RUN/containerd"
  printf 'version = 2\nroot = "%s"\nstate = "%s"\ndisabled_plugins = ["io.containerd.grpc.v1.cri"]\n[grpc]\n  address = "%s"\n' \
    "$ENGINE26_DATA/containerd" "$ENGINE26_RUN/containerd" "$sock" | as_root tee "$config" >/dev/null
  as_root rm -f "$sock"
  log "starting containerd 1.7 for the second engine"
  as_root env PATH="$(engine26_path)" setsid "$ENGINE26_BIN/usr/bin/containerd" --config "$config" \
    >/var/log/dockside-engine26-containerd.log 2>&1 </dev/null &
  wait_until 30 "containerd of the second engine answering" test -S "$sock"
}

start_engine26_dockerd() {
  local pidfile=$ENGINE26_RUN/dockerd.pid
  # A dockerd killed abruptly leaves its pid file behind and the next one refuses to start.
  if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then as_root rm -f "$pidfile"; fi
  [ -f "$pidfile" ] && return 0
  as_root mkdir -p "$ENGINE26_DATA/docker" "$ENGINE26_RUN/exec"
  echo '{}' | as_root tee "$ENGINE26_DATA/daemon.json" >/dev/null # never /etc/docker/daemon.json, which is 20.10's
  log "starting dockerd 26 on $ENGINE26_SOCKET"
  as_root env PATH="$(engine26_path)" setsid "$ENGINE26_BIN/usr/sbin/dockerd" \
    --config-file "$ENGINE26_DATA/daemon.json" --host "$ENGINE26_HOST" \
    --containerd "$ENGINE26_RUN/containerd/containerd.sock" \
    --data-root "$ENGINE26_DATA/docker" --exec-root "$ENGINE26_RUN/exec" --pidfile "$pidfile" \
    --bridge "$ENGINE26_BRIDGE" --iptables=false --ip6tables=false --ip-masq=false \
    --default-address-pool "$ENGINE26_POOL" \
    >/var/log/dockside-engine26-dockerd.log 2>&1 </dev/null &
}

start_engine26() {
  install_engine26
  ensure_engine26_forwarding # cheap, and lost whenever the firewall is reset
  engine26_answers && return 0
  ensure_engine26_bridge
  start_engine26_containerd
  start_engine26_dockerd
  wait_until 60 "dockerd 26 answering on $ENGINE26_SOCKET" engine26_answers && return 0
  tail -n 30 /var/log/dockside-engine26-dockerd.log >&2 || true
  die "the second engine (dockerd 26) did not start; its log is above"
}
