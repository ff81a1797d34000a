#!/usr/bin/env bash
# Provision what the engine and e2e tests need on a Debian machine, and start it: Debian's engine
# 20.10 on the default socket, a current engine (26.1) on a socket of its own, the official
# busybox images in both, Compose, buildx, Debian's credential helpers, OpenSSH's server (for the
# proxy's ssh:// tests, which start their own) and Chromium.
# Idempotent: every step first checks whether its result is already there, so a second run
# takes seconds. Recipes: shared/reference/machines.md (Debian 12, root, no container registry).
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
for part in lib busybox engine26 credential-helpers sshd; do
  # shellcheck source=/dev/null
  . "$REPO_ROOT/tests/engine/provision/$part.sh"
done

# Compose v2 and buildx: bookworm lacks them, trixie packages them as static Go binaries.
install_cli_plugins() {
  # System-wide as root, so every user and every HOME (tests give shells homes of their own) has them.
  local plugin_dir="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
  [ "$(id -u)" = 0 ] && plugin_dir=/usr/local/lib/docker/cli-plugins
  if [ -x "$plugin_dir/docker-compose" ] && [ -x "$plugin_dir/docker-buildx" ]; then return 0; fi
  local work; work=$(mktemp -d)
  unpack_debs trixie "$work" docker-compose docker-buildx
  mkdir -p "$plugin_dir"
  install -m 0755 "$work"/usr/libexec/docker/cli-plugins/* "$plugin_dir/"
  as_root rm -rf "$work"
}

engine_answers() { timeout 5 docker version >/dev/null 2>&1; }
default_bridge_present() { ip link show docker0 >/dev/null 2>&1; }
# 20.10's dockerd by its command line: the second engine's process is called dockerd too.
dockerd_pid() { pgrep -fx dockerd | head -n1; }

# dockerd 26, started with --default-address-pool, deletes the interface named docker0 whenever it
# replaces its own default network (moby's configureNetworking: removeDefaultBridgeInterface, for
# any --bridge). 20.10 then answers but cannot start a container ("could not find bridge docker0").
# So the second engine starts first, and a 20.10 found without its bridge is restarted: it makes
# docker0 again at start.
stop_dockerd() {
  local pid; pid=$(dockerd_pid || true)
  [ -n "$pid" ] || return 0
  log "restarting dockerd: its default bridge docker0 is gone"
  as_root kill "$pid" 2>/dev/null || true
  wait_until 30 "dockerd stopping" sh -c "! kill -0 $pid 2>/dev/null"
}

start_dockerd() {
  if engine_answers; then default_bridge_present && return 0; stop_dockerd; fi
  if [ -z "$(dockerd_pid)" ]; then
    # A dockerd killed abruptly leaves its pid file behind and the next one refuses to start.
    as_root rm -f /var/run/docker.pid
    log "starting dockerd"
    as_root sh -c 'setsid dockerd >/var/log/dockerd.log 2>&1 < /dev/null &'
  fi
  wait_until 30 "dockerd answering" engine_answers && default_bridge_present && return 0
  log "its log:"; tail -n 30 /var/log/dockerd.log >&2 || true
  return 1
}

engine_summary() { docker version --format 'engine {{.Server.Version}} (API {{.Server.APIVersion}})'; }

apt_install docker.io iproute2 chromium ca-certificates zsh fish
install_cli_plugins
install_credential_helpers
install_sshd
start_engine26 # before 20.10: see stop_dockerd
start_dockerd
ensure_official_busybox
DOCKER_HOST=$ENGINE26_HOST ensure_official_busybox
# The Kubernetes tests' control plane: its packages, Go when missing, and the pinned binaries
# (built from the Go module proxy into /var/cache/dockside/kube, keyed by versions; ~35 min cold
# on 2 busy cores, nothing when cached).
bash "$REPO_ROOT/tests/kube/provision.sh"
bash "$REPO_ROOT/tests/kube/build.sh" >/dev/null
log "ready: $(engine_summary) and $(DOCKER_HOST=$ENGINE26_HOST engine_summary) at $ENGINE26_HOST," \
  "$(docker compose version --short 2>/dev/null | sed 's/^/compose /'), $(chromium --version 2>/dev/null)"
