#!/usr/bin/env bash
# Provision what the engine and e2e tests need on a Debian machine, and start it.
# Idempotent: every step first checks whether its result is already there, so a second run
# takes seconds. Recipes: shared/reference/machines.md (Debian 12, root, no container registry).
set -euo pipefail

log() { printf 'provision: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The Debian archive this machine already trusts, read from its own apt sources, so that no
# registry address is written into the repository.
debian_archive_uri() {
  local uri
  uri=$(grep -hE '^\s*URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' \
    | grep -v -- '-security' | head -n1 || true)
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { log "no Debian archive found in the apt sources"; return 1; }
  printf '%s\n' "$uri"
}

# Compose v2 and buildx: bookworm lacks them, trixie packages them as static Go binaries.
install_cli_plugins() {
  # System-wide as root, so every user and every HOME (tests give shells homes of their own) has them.
  local plugin_dir="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
  [ "$(id -u)" = 0 ] && plugin_dir=/usr/local/lib/docker/cli-plugins
  if [ -x "$plugin_dir/docker-compose" ] && [ -x "$plugin_dir/docker-buildx" ]; then return 0; fi
  local work; work=$(mktemp -d)
  chmod 755 "$work" # apt downloads as the _apt user, which must reach this directory
  local archive; archive=$(debian_archive_uri)
  mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/x"
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$archive" >"$work/trixie.sources"
  local opts=(-o "Dir::Etc::sourcelist=$work/trixie.sources" -o Dir::Etc::sourceparts=/dev/null
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::archives=$work/archives")
  log "fetching docker-compose and docker-buildx from trixie"
  as_root apt-get "${opts[@]}" update -qq
  (cd "$work" && as_root apt-get "${opts[@]}" download docker-compose docker-buildx >/dev/null)
  for deb in "$work"/*.deb; do dpkg -x "$deb" "$work/x"; done
  mkdir -p "$plugin_dir"
  install -m 0755 "$work"/x/usr/libexec/docker/cli-plugins/* "$plugin_dir/"
  as_root rm -rf "$work"
}

engine_answers() { timeout 5 docker version >/dev/null 2>&1; }

start_dockerd() {
  engine_answers && return 0
  if ! pgrep -x dockerd >/dev/null; then
    # A dockerd killed abruptly leaves its pid file behind and the next one refuses to start.
    as_root rm -f /var/run/docker.pid
    log "starting dockerd"
    as_root sh -c 'setsid dockerd >/var/log/dockerd.log 2>&1 < /dev/null &'
  fi
  for _ in $(seq 1 60); do engine_answers && return 0; sleep 0.5; done
  log "dockerd did not answer within 30 s; its log:"; tail -n 30 /var/log/dockerd.log >&2 || true
  return 1
}

# busybox:latest from the static binary, so lessons written for the real image run offline.
ensure_busybox_image() {
  docker image inspect busybox:latest >/dev/null 2>&1 && return 0
  timeout 20 docker pull -q busybox:latest >/dev/null 2>&1 && return 0
  log "building busybox:latest from busybox-static (no registry reachable)"
  local ctx; ctx=$(mktemp -d)
  cp /bin/busybox "$ctx/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nCMD ["sh"]\n' >"$ctx/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q -t busybox:latest "$ctx" >/dev/null
  rm -rf "$ctx"
}

apt_install docker.io busybox-static chromium ca-certificates zsh fish
install_cli_plugins
start_dockerd
ensure_busybox_image
log "ready: $(docker version --format 'engine {{.Server.Version}} (API {{.Server.APIVersion}})'), $(docker compose version --short 2>/dev/null | sed 's/^/compose /'), $(chromium --version 2>/dev/null)"
