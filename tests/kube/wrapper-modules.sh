# Write the wrapper modules the build compiles from. Sourced by build.sh; needs $GO and lib.sh.
#
# Kubernetes and etcd cannot be `go install`ed: their go.mod files replace their own submodules
# with local directories ("The go.mod file for the module providing named packages contains one
# or more replace directives"). A wrapper module that requires them and replaces each submodule
# with its published version builds the same code.

# $1: directory. Kubernetes' staging modules are read from its own go.mod, so a new version's
# list is followed without editing this file.
write_kubernetes_wrapper() {
  local dir=$1 mod replaces
  mkdir -p "$dir"
  mod=$("$GO" mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')
  replaces=$(sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#\t\1 => \1 '"$KUBERNETES_STAGING_VERSION"'#p' "$mod")
  [ "$(printf '%s\n' "$replaces" | wc -l)" -ge 20 ] || die "found no staging modules in $mod"
  cat >"$dir/go.mod" <<MOD
module dockside.test/kubernetes-build

go $GO_MIN_VERSION

require k8s.io/kubernetes $KUBERNETES_VERSION

replace (
$replaces
)
MOD
  cat >"$dir/tools.go" <<'GO'
//go:build tools

// Keeps the commands' dependencies in go.mod when `go mod tidy` runs.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
	_ "k8s.io/kubernetes/cmd/kubelet"
)
GO
  (cd "$dir" && "$GO" mod tidy)
}

# $1: directory. etcd's main package is the root of go.etcd.io/etcd/server/v3.
write_etcd_wrapper() {
  local dir=$1
  mkdir -p "$dir"
  cat >"$dir/go.mod" <<MOD
module dockside.test/etcd-build

go $GO_MIN_VERSION

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
MOD
  cat >"$dir/tools.go" <<'GO'
//go:build tools

// Keeps etcd's dependencies in go.mod when `go mod tidy` runs.
package tools

import _ "go.etcd.io/etcd/server/v3"
GO
  (cd "$dir" && "$GO" mod tidy)
}

# The -X flags that make Kubernetes binaries report their version instead of v0.0.0-master.
kubernetes_version_ldflags() {
  local major minor pkg flags=""
  major=${KUBERNETES_VERSION#v}; major=${major%%.*}
  minor=${KUBERNETES_VERSION#v*.}; minor=${minor%%.*}
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X $pkg.gitVersion=$KUBERNETES_VERSION -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
    flags+=" -X $pkg.gitTreeState=clean"
  done
  printf '%s' "$flags"
}
