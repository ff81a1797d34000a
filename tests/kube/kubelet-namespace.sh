#!/usr/bin/env bash
# Run inside the kubelet's own mount namespace (node-kubelet.sh starts it with `unshare --mount
# --propagation unchanged`), then exec the kubelet with the given arguments.
#
# The kubelet insists on six host sysctls (kernel/panic, vm/overcommit_memory, ...) and, as root,
# would rewrite them on the shared host. Here it sees files holding the values it wants, bound
# over those entries, and /proc/sys read-only: the host's settings are never changed. These
# mounts stay in this namespace (/proc is made private first). The kubelet's root directory is a
# shared mount, so the volumes it mounts there (secrets, projected ServiceAccount tokens) reach
# containerd in the host namespace.
set -euo pipefail
FAKES=${KUBELET_SYSCTL_FAKES:?}

mount --make-rprivate /proc
mount --bind /proc/sys /proc/sys
mount -o remount,bind,ro /proc/sys
while read -r name value; do
  [ "$(cat "/proc/sys/$name")" = "$value" ] && continue
  fake="$FAKES/${name//\//.}"
  echo "$value" >"$fake"
  mount --bind "$fake" "/proc/sys/$name"
  mount -o remount,bind,ro "/proc/sys/$name"
done <<'SYSCTLS'
vm/overcommit_memory 1
vm/panic_on_oom 0
kernel/panic 10
kernel/panic_on_oops 1
kernel/keys/root_maxkeys 1000000
kernel/keys/root_maxbytes 25000000
SYSCTLS
exec "$@"
