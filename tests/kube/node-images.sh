#!/usr/bin/env bash
# Put the real node's images into its containerd (namespace k8s.io, where the kubelet looks):
# the official busybox (busybox:latest, glibc) from the shared tarball, and the pod sandbox image
# $PAUSE_IMAGE made from the same layer with `sleep` as its command. Nothing is pulled: pods use
# imagePullPolicy Never or IfNotPresent.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

TARBALL="$(images_dir)/busybox-glibc-amd64.docker.tar.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The sandbox only holds the pod's namespaces open; busybox's sleep does that as PID 1 (it is
# killed, not asked, when the pod stops).
make_pause_tarball() {
  local src="$work/busybox" dst="$work/pause" config id
  mkdir -p "$src" "$dst"
  tar -xzf "$TARBALL" -C "$src"
  config=$(jq -r '.[0].Config' "$src/manifest.json")
  jq -c '.config.Cmd = ["sleep", "2147483647"] | .config.Entrypoint = null' "$src/$config" >"$dst/config.json"
  id=$(sha256sum "$dst/config.json" | cut -d' ' -f1)
  mv "$dst/config.json" "$dst/$id.json"
  mkdir -p "$dst/layer"
  mv "$src/$(jq -r '.[0].Layers[0]' "$src/manifest.json")" "$dst/layer/layer.tar"
  jq -n --arg config "$id.json" --arg tag "$PAUSE_IMAGE" \
    '[{Config: $config, RepoTags: [$tag], Layers: ["layer/layer.tar"]}]' >"$dst/manifest.json"
  tar -cf "$work/pause.tar" -C "$dst" .
}

# ctr 1.6 reads only uncompressed archives.
gunzip -c "$TARBALL" | ctr_k8s images import - >/dev/null
make_pause_tarball
ctr_k8s images import "$work/pause.tar" >/dev/null
# Label it pinned so the kubelet's image garbage collector never removes it.
ctr_k8s images label "$PAUSE_IMAGE" io.cri-containerd.pinned=pinned >/dev/null
log "images: $(ctr_k8s images ls -q | grep -v '^sha256:' | tr '\n' ' ')"
