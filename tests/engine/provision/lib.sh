# Shared helpers for provision.sh (sourced, not run).

log() { printf 'provision: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
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

# unpack_debs SUITE DEST PACKAGE...: download the packages from SUITE (e.g. trixie) with apt against a
# temporary sources list (the system's lists stay unchanged) and unpack them all into DEST.
unpack_debs() {
  local suite=$1 dest=$2; shift 2
  local work; work=$(mktemp -d)
  chmod 755 "$work" # apt downloads as the _apt user, which must reach this directory
  local archive; archive=$(debian_archive_uri)
  mkdir -p "$work/lists/partial" "$work/archives/partial" "$dest"
  printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$archive" "$suite" >"$work/$suite.sources"
  local opts=(-o "Dir::Etc::sourcelist=$work/$suite.sources" -o Dir::Etc::sourceparts=/dev/null
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::archives=$work/archives")
  log "fetching $* from $suite"
  as_root apt-get "${opts[@]}" update -qq
  (cd "$work" && as_root apt-get "${opts[@]}" download "$@" >/dev/null)
  for deb in "$work"/*.deb; do dpkg -x "$deb" "$dest"; done
  as_root rm -rf "$work"
}

# wait_until SECONDS DESCRIPTION COMMAND...: poll COMMAND every half second.
wait_until() {
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 $((seconds * 2))); do "$@" && return 0; sleep 0.5; done
  log "$what did not happen within $seconds s"
  return 1
}
