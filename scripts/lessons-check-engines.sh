#!/usr/bin/env bash
# `npm run lessons:check:engines [-- lessons:check arguments]`: prove every lesson on each engine
# tests/engine/provision.sh starts — Debian's 20.10 on the default socket and the current 26.1 on
# its own — with Debian's credential helpers on PATH, as a learner's Linux desktop has them.
# In CI (CI=true) a missing engine or helper fails; elsewhere it is named and left out.
set -uo pipefail
REPO_ROOT=$(cd "$(dirname "$0")/.." && pwd)
# Only their locations: the provisioning parts define paths and functions, and run nothing.
. "$REPO_ROOT/tests/engine/provision/lib.sh"
. "$REPO_ROOT/tests/engine/provision/engine26.sh"
. "$REPO_ROOT/tests/engine/provision/credential-helpers.sh"

missing() {
  if [ "${CI:-}" = true ]; then printf 'lessons:check:engines: %s (run tests/engine/provision.sh)\n' "$1" >&2; exit 1; fi
  printf 'lessons:check:engines: %s; not proven there (run tests/engine/provision.sh)\n' "$1" >&2
}

helper_path=$PATH
if [ -x "$CREDENTIAL_HELPERS_BIN/docker-credential-secretservice" ]; then helper_path=$CREDENTIAL_HELPERS_BIN:$PATH
else missing "no credential helpers at $CREDENTIAL_HELPERS_BIN"; fi

engines=("${DOCKER_HOST:-}")
if [ -S "$ENGINE26_SOCKET" ]; then engines+=("$ENGINE26_HOST"); else missing "no second engine at $ENGINE26_SOCKET"; fi

failed=0
for host in "${engines[@]}"; do
  if [ -n "$host" ]; then export DOCKER_HOST=$host; else unset DOCKER_HOST; fi
  PATH=$helper_path npx tsx "$REPO_ROOT/scripts/lessons-check.ts" "$@" || failed=1
done
exit $failed
