#!/usr/bin/env bash
# `npm run lessons:engines [-- lessons:check arguments]`: prove every lesson on each engine
# tests/engine/provision.sh starts — Debian's 20.10 on the default socket, with its CLI, and the
# current 26.1 on its own, with the 26.1 CLI — with Debian's credential helpers on PATH, as a
# learner's Linux desktop has them.
# In CI (CI=true) a missing engine or helper fails; elsewhere it is named and left out.
# Cluster lessons (kubernetes, k9s, helm) are named and left to `npm run lessons:cluster`.
set -uo pipefail
REPO_ROOT=$(cd "$(dirname "$0")/.." && pwd)
# Only their locations: the provisioning parts define paths and functions, and run nothing.
. "$REPO_ROOT/tests/engine/provision/lib.sh"
. "$REPO_ROOT/tests/engine/provision/engine26.sh"
. "$REPO_ROOT/tests/engine/provision/credential-helpers.sh"

missing() {
  if [ "${CI:-}" = true ]; then printf 'lessons:engines: %s (run tests/engine/provision.sh)\n' "$1" >&2; exit 1; fi
  printf 'lessons:engines: %s; not proven there (run tests/engine/provision.sh)\n' "$1" >&2
}

helper_path=$PATH
if [ -x "$CREDENTIAL_HELPERS_BIN/docker-credential-secretservice" ]; then helper_path=$CREDENTIAL_HELPERS_BIN:$PATH
else missing "no credential helpers at $CREDENTIAL_HELPERS_BIN"; fi

# Solutions run the docker on PATH: say which, beside the engine lessons:check names.
check() { printf '\nlessons:engines: %s on PATH\n' "$(docker --version)"; npx tsx "$REPO_ROOT/scripts/lessons-check.ts" --no-cluster "$@"; }

failed=0
# The default engine, as the docker CLI finds it.
PATH=$helper_path check "$@" || failed=1
if [ -S "$ENGINE26_SOCKET" ] && [ -x "$ENGINE26_CLI_DIR/docker" ]; then
  DOCKER_HOST=$ENGINE26_HOST PATH=$ENGINE26_CLI_DIR:$helper_path check "$@" || failed=1
else
  missing "no second engine (and its CLI) at $ENGINE26_SOCKET"
fi
exit $failed
