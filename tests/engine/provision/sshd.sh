# OpenSSH's server for the proxy's ssh:// engine tests (sourced by provision.sh). The tests start
# their own sshd on 127.0.0.1 with their own keys and config; they need only the binary and its
# privilege separation user, which the package makes. A machine that had no sshd before gets no
# running sshd service from this either: nobody relied on one, and it would listen on all interfaces.
install_sshd() {
  [ -x /usr/sbin/sshd ] && return 0
  apt_install openssh-server
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    as_root systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
  fi
}
