# The official busybox images (sourced by provision.sh). Lessons and tests are proven against
# exactly what a learner gets from `docker pull busybox`: busybox:latest (glibc, dynamically
# linked) and busybox:musl (static). A stand-in built from another busybox hid lesson errors, so
# an image is accepted by its id, never because some image carries the tag.

# The published image ids (shared/images/README.md).
BUSYBOX_LATEST_ID=sha256:c6348fa86ba0fb2108c9334f5fe913ddc6d853313e655891f133a0127c30099f
BUSYBOX_MUSL_ID=sha256:654fc8fd836e35f4a64586bddf8f59b9029b48cf80f520834c6c98ca8ab5def9

# CI clones the repository with a copy of shared/ beside it; DOCKSIDE_SHARED_IMAGES overrides.
# A git worktree elsewhere finds it beside its main checkout.
shared_images_dir() {
  if [ -n "${DOCKSIDE_SHARED_IMAGES:-}" ]; then printf '%s\n' "$DOCKSIDE_SHARED_IMAGES"; return; fi
  local beside=$REPO_ROOT/../shared/images common
  common=$(git -C "$REPO_ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
  if [ ! -d "$beside" ] && [ -n "$common" ] && [ -d "$(dirname "$common")/../shared/images" ]; then
    beside=$(dirname "$common")/../shared/images
  fi
  printf '%s\n' "$beside"
}

image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }

busybox_is_official() {
  [ "$(image_id busybox:latest)" = "$BUSYBOX_LATEST_ID" ] && [ "$(image_id busybox:musl)" = "$BUSYBOX_MUSL_ID" ]
}

# From the registry, when one answers (bounded: an offline daemon may wait long on DNS).
# DOCKSIDE_BUSYBOX_PULL=0 skips it (a machine known to be offline). A pulled image is official
# by where it came from, even when the registry has moved on from the ids above.
pull_official_busybox() {
  [ "${DOCKSIDE_BUSYBOX_PULL:-1}" = 0 ] && return 1
  timeout 30 docker pull -q busybox:latest >/dev/null 2>&1 && timeout 30 docker pull -q busybox:musl >/dev/null 2>&1
}

# From the shared images folder: the sums first, then the ids the engine reports after loading.
load_official_busybox() {
  local dir; dir=$(shared_images_dir)
  if [ ! -f "$dir/SHA256SUMS" ]; then
    log "no official busybox images at $dir (set DOCKSIDE_SHARED_IMAGES to the folder holding SHA256SUMS)"
    return 1
  fi
  (cd "$dir" && sha256sum -c --quiet SHA256SUMS) || { log "checksums in $dir/SHA256SUMS do not match"; return 1; }
  log "loading the official busybox:latest and busybox:musl from $dir"
  docker load -q -i "$dir/busybox-glibc-amd64.docker.tar.gz" >/dev/null
  docker load -q -i "$dir/busybox-musl-amd64.docker.tar.gz" >/dev/null
  busybox_is_official && return 0
  log "after loading, busybox:latest is $(image_id busybox:latest) and busybox:musl $(image_id busybox:musl);" \
    "expected $BUSYBOX_LATEST_ID and $BUSYBOX_MUSL_ID"
  return 1
}

# For the engine the docker CLI reaches (DOCKER_HOST selects it).
ensure_official_busybox() {
  busybox_is_official && return 0
  local found; found=$(image_id busybox:latest)
  [ -n "$found" ] && log "busybox:latest here is $found, not the official image: replacing it"
  # The shared copies first: byte-identical to the registry's, checked by sum and id, and loading
  # them sends nothing off the machine (our machines reach no container registry, and a pull's
  # DNS lookup alone leaves the machine). A machine without them pulls.
  if [ -f "$(shared_images_dir)/SHA256SUMS" ]; then
    load_official_busybox && return 0
  fi
  pull_official_busybox && return 0
  local pulled="no registry answered"; [ "${DOCKSIDE_BUSYBOX_PULL:-1}" = 0 ] && pulled="DOCKSIDE_BUSYBOX_PULL=0"
  die "the official busybox images could not be pulled${DOCKER_HOST:+ into $DOCKER_HOST} ($pulled) nor loaded from $(shared_images_dir)." \
    "Put the official images there (see shared/images/README.md) or give a reachable registry; a different busybox would prove the lessons against an image no learner has."
}
