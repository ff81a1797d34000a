# Pinned versions of the test cluster's binaries. The build cache is keyed by a hash of this
# file, so changing any version here builds a fresh set beside the old one.
# Sourced by the other scripts; sets variables only.
KUBERNETES_VERSION=v1.35.4
# Kubernetes' 31 staging modules (k8s.io/api, client-go, ...) are published as v0.<minor>.<patch>.
KUBERNETES_STAGING_VERSION=v0.35.4
ETCD_VERSION=v3.6.16
KWOK_VERSION=v0.8.0
HELM_VERSION=v3.22.0
K9S_VERSION=v0.50.16
# kwok v0.8.0 declares go 1.26 in its go.mod; GOTOOLCHAIN=local refuses anything older.
GO_MIN_VERSION=1.26
GO_TOOLCHAIN_VERSION=go1.26.8
# sha256 of the proxy's golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64.zip, checked when a machine
# without Go fetches it (the checksum database itself is not reachable from our machines).
GO_TOOLCHAIN_ZIP_SHA256=30c2b1bf7dcc88d3eb0a1364e47ddd9128edb3110a30e8a0ef61cd5856b31de7
