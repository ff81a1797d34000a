# Debian's Docker credential helpers (sourced by provision.sh): docker-credential-secretservice
# and docker-credential-pass, as a learner's Linux desktop has them. With one on PATH and no auth
# settings in its config file, the docker CLI stores logins through it instead of in the file;
# lessons:check replays the lessons with them on PATH to prove what the registries lesson claims.
# Unpacked into a folder of their own rather than installed: on PATH for everyone they would
# change every `docker login` on this machine (and the package pulls in gnome-keyring).
CREDENTIAL_HELPERS_DIR=/usr/local/lib/dockside-credential-helpers
CREDENTIAL_HELPERS_BIN=$CREDENTIAL_HELPERS_DIR/usr/bin

install_credential_helpers() {
  # libsecret lets docker-credential-secretservice start and fail as it does for a learner
  # without a keyring ("cannot autolaunch D-Bus"), not on a missing library.
  apt_install libsecret-1-0
  [ -x "$CREDENTIAL_HELPERS_BIN/docker-credential-secretservice" ] && return 0
  as_root rm -rf "$CREDENTIAL_HELPERS_DIR.partial"
  unpack_debs bookworm "$CREDENTIAL_HELPERS_DIR.partial" golang-docker-credential-helpers
  as_root rm -rf "$CREDENTIAL_HELPERS_DIR" && as_root mv "$CREDENTIAL_HELPERS_DIR.partial" "$CREDENTIAL_HELPERS_DIR"
}
